"""How neighbouring place mentions qualify each other: "X district of Y", "X, Y", ACLED's "Town (District,
Province)" brackets. Split from ``geoparse`` to keep that module small."""

from __future__ import annotations

import re

from frontlines.countries import fold
from frontlines.gazetteer import ADMIN1, ADMIN2, CITY, COUNTRY, Gazetteer, skeleton, strip_admin_words
from frontlines.geocues import LINK, Mention


def link_parents(gaz: Gazetteer, text: str, out: list[Mention]) -> None:
    """Mark each mention followed by its enclosing unit ("Beni in North Kivu") with that parent, and the
    parent with the feature the pairing asks for."""
    for a, b in zip(out, out[1:], strict=False):
        gap = text[a.end:b.start]
        if (LINK.match(gap) and a.ids and b.ids and gaz.feature(a.ids[0]) != COUNTRY
                and gaz.feature(b.ids[0]) != COUNTRY):
            a.parent = strip_admin_words(b.key)
            # "Beni in North Kivu": the unit may be spelled otherwise in the gazetteer (Nord-Kivu).
            names = {a.parent} | {strip_admin_words(fold(gaz.name_of(x))) for x in b.ids[:10]
                                  if gaz.feature(x) in (ADMIN1, ADMIN2)}
            a.parents = frozenset(names | {skeleton(n) for n in names if skeleton(n)})
            # "X district of Y" is a firm claim; "X, Y" may just be a list, so it only nudges.
            a.strict = bool(re.search(r"\b(?:of|in)\b", gap)) or a.want in (ADMIN2, CITY)
            if "(" in gap or a.bracketed:
                # ACLED's "Town (District, Province)" spells units its own way and GeoNames may lack the
                # district: the bracket nudges towards the units it names but never vetoes the town.
                a.strict = False
            if a.after and b.cue == a.cue and not b.after and re.match(
                    rf"^(?:'s|’s)?\s*{re.escape(a.cue)}\b", gap, re.IGNORECASE):
                # "Doshi district of Baghlan": the one word "district" names Doshi, not Baghlan.
                b.cue, b.want, b.near = "", -1, False
            if b.want < 0 and (a.want in (ADMIN2, CITY) or a.cue in ("district", "village", "town")) and \
                    re.search(r"\b(?:in|of)\b|,", gap):
                # "Qarah Bagh district in Ghazni", "a village of Kunduz": the second name encloses the first,
                # so it is the province, not its capital.
                b.want = ADMIN1
                b.cue = b.cue or "province"
            rest = text[b.end:b.end + 2].lstrip()
            if "(" in gap and rest.startswith((")", ",")) and b.want < 0:
                # ACLED-style "Kushk district (Herat)", "Pauk township (Magway region)": the bracket names
                # the province, not its capital; in "Sake (Masisi, Nord-Kivu)" its first name is the
                # district.
                b.want = ADMIN1 if rest.startswith(")") else ADMIN2
                b.bracketed = True
                b.cue = b.cue or ("province" if rest.startswith(")") else "district")
