"""How neighbouring place mentions qualify each other: "X district of Y", "X, Y", ACLED's "Town (District,
Province)" brackets. Split from ``geoparse`` to keep that module small."""

from __future__ import annotations

import re
from dataclasses import replace

from frontlines.countries import country_by_iso2, fold
from frontlines.gazetteer import ADMIN1, ADMIN2, CITY, COUNTRY, Gazetteer, skeleton, strip_admin_words
from frontlines.geocues import BEFORE, LINK, Mention
from frontlines.model import Toponym

_UNIT_TOWN = re.compile(r"^\s+(?:city|town|village|capital)\s+of\s+(?:the\s+)?$", re.IGNORECASE)
_UNIT_WORDS = frozenset({"state", "province", "region", "governorate", "oblast", "division"})


def link_parents(gaz: Gazetteer, text: str, out: list[Mention]) -> None:
    """Mark each mention followed by its enclosing unit ("Beni in North Kivu") with that parent, and the
    parent with the feature the pairing asks for."""
    for a, b in zip(out, out[1:], strict=False):
        gap = text[a.end:b.start]
        if _UNIT_TOWN.match(gap) and a.ids and b.ids and (a.own_cue in _UNIT_WORDS or all(
                gaz.feature(x) == ADMIN1 for x in a.ids[:max(a.n_exact, 1)])):
            # "the Shan State city of Lashio", "the Kachin State capital of Myitkyina": a town introduced by
            # its state; the town word is the second name's cue, and the state encloses it.
            before = BEFORE.search(text[max(0, a.start - 60):a.start])
            part = "part" if before and before.group("part") else ""  # "the northern Shan State city of"
            a.cue, a.want, a.after = a.own_cue or part, ADMIN1, bool(a.own_cue)
            b.cue, b.want = "city", CITY
            b.parent = strip_admin_words(a.key)
            names = {b.parent} | {strip_admin_words(fold(gaz.name_of(x))) for x in a.ids[:10]}
            b.parents = frozenset(names | {skeleton(n) for n in names if skeleton(n)})
            continue
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


def nested_units(gaz: Gazetteer, mentions: list[Mention]) -> dict[tuple[str, str], str]:
    """(country, admin1 skeleton) -> the key of a mention that names a town or district there, for the names
    found in one country only (a name found in many says nothing of the unit)."""
    out: dict[tuple[str, str], str] = {}
    for m in mentions:
        exact = m.ids[:max(m.n_exact, 1)][:30] if m.exact else ()
        own = [x for x in exact if gaz.feature(x) in (CITY, ADMIN2) and gaz.admin1_name(x)]
        if own and len({gaz.iso2(x) for x in exact}) == 1:
            for x in own:
                out.setdefault((gaz.iso2(x), skeleton(fold(gaz.admin1_name(x)))), m.key)
    return out


# "the Abuja-Kaduna railway", "the Kunduz-Baghlan road": a route named by the towns it joins.
_ROUTE_AFTER = re.compile(r"\s+(?:roads?|highways?|railways?|rail(?:\s+line|road)?|motorways?|expressways?|"
                          r"routes?|corridor|train|track)\b", re.IGNORECASE)


def route_parts(text: str, token: tuple[int, int]) -> list[tuple[int, int]]:
    """The spans of the capitalised names a hyphenated token joins, when a route word follows it."""
    s, e = token
    if "-" not in text[s:e] or not _ROUTE_AFTER.match(text, e):
        return []
    parts, pos = [], s
    for word in text[s:e].split("-"):
        if not word[:1].isupper():
            return []  # "Mazar-e-Sharif road": a name with a joined article is one name
        parts.append((pos, pos + len(word)))
        pos += len(word) + 1
    return parts if len(parts) >= 2 else []


def mark_route_ends(text: str, toponyms: list[Toponym]) -> list[Toponym]:
    """Of the towns a route is named by ("the Abuja-Kaduna railway", "the Kaduna–Abuja highway"), the one the
    event is coded to gets the cue "route", the others "route end": the one the text names again ("the
    Maiduguri-Damboa road near Damboa"), else the one in a unit it names elsewhere ("the Kandahar-Uruzgan highway
    ... officials in Oruzgan"), else the one that is no capital, as a road out of the capital mostly runs
    outside it, else the first named. All are only near the event (precision 2)."""
    out = list(toponyms)
    k = 0
    while k < len(out):
        j = k
        while j + 1 < len(out) and text[out[j].end:out[j + 1].start] in ("-", "–", "—"):
            j += 1
        ends = list(range(k, j + 1))
        k = j + 1
        if len(ends) < 2 or not _ROUTE_AFTER.match(text, out[j].end):
            continue
        others = [t.place for n, t in enumerate(out) if n not in ends and t.place is not None]
        places = {(p.iso2, p.name) for p in others}
        units = {(p.iso2, p.admin1) for p in others if p.admin1}
        placed = [n for n in ends if out[n].place is not None]
        chosen = next((n for n in placed if _unit(out[n], "name") in places),
                      next((n for n in placed if _unit(out[n], "admin1") in units),
                           next((n for n in placed if not _capital(out[n])), ends[0])))
        for n in ends:
            place = out[n].place
            if place is not None and place.geo_precision < 2:
                place = replace(place, geo_precision=2)
            out[n] = replace(out[n], place=place, cue="route" if n == chosen else "route end")
    return out


def _unit(t: Toponym, field: str) -> tuple[str, str]:
    return (t.place.iso2, getattr(t.place, field)) if t.place is not None else ("", "")


def _capital(t: Toponym) -> bool:
    info = country_by_iso2(t.place.iso2) if t.place is not None else None
    return info is not None and t.place is not None and fold(info.capital) == fold(t.place.name)
