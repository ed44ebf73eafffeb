"""The article's country as the geoparser reads it before resolving places: a vote of its place mentions, each
weighted by how telling it is, and of the demonyms and armed groups' home countries it names. Split from
``geoparse`` to keep that module small."""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable

from frontlines.countries import fold
from frontlines.gazetteer import ADMIN1, COUNTRY, Gazetteer, skeleton
from frontlines.geocues import LOCATIVE, SPEAKER_AFTER, Mention
from frontlines.geolinks import nested_units

_BIG = 1_000_000


def article_focus(gaz: Gazetteer, is_own: Callable[..., bool], text: str, mentions: list[Mention],
                  demonyms: Counter[str]) -> tuple[str | None, set[str], set[str]]:
    """The article's country, every country it names outright or by demonym, and those it names a place of.

    Each mention votes by how telling it is: a country name or a large city or admin1 counts heavily, a
    small place found in one country a little, an alternate name barely; repeated mentions add up."""
    votes: dict[str, float] = {}
    named: set[str] = set()
    nests = nested_units(gaz, mentions)
    for m in mentions:
        if not m.exact:
            continue
        exact = m.ids[:max(m.n_exact, 1)]
        # "Beni" is the Congolese town's own name and only another name of Bolivia's El Beni; a name shared
        # abroad is read in the country of the armed group the text names ("ADF fighters ... outside Beni").
        top = next((x for x in exact[:30] if gaz.iso2(x) in demonyms and is_own(m.key, x, strict=True)),
                   exact[0] if is_own(m.key, exact[0], strict=True) else next(
                       (x for x in exact[1:30] if is_own(m.key, x, strict=True)), exact[0]))
        if gaz.iso2(top) not in demonyms:
            # "Big Babanki, North-West region": a unit name several countries share is the one that a
            # town named in the same text lies in (Cameroon's, not South Africa's bigger North-West).
            held = [x for x in exact[:30] if gaz.feature(x) == ADMIN1 and is_own(m.key, x)
                    and nests.get((gaz.iso2(x), skeleton(fold(gaz.name_of(x)))), m.key) != m.key]
            if len({gaz.iso2(x) for x in held}) == 1:
                top = held[0]
        cc = gaz.iso2(top)
        if gaz.feature(top) == COUNTRY:
            votes[cc] = votes.get(cc, 0.0) + 3
            named.add(cc)
            continue
        main = is_own(m.key, top, strict=True)
        # Another name of a province ("North Kivu" / Nord-Kivu) is as telling as its own name.
        akin = main or is_own(m.key, top) or gaz.feature(top) == ADMIN1
        mass = gaz.population(top) * (1.0, 0.6, 0.3)[gaz.feature(top)]
        countries = {gaz.iso2(x) for x in exact[:30]}
        total = sum(gaz.population(x) * (1.0, 0.6, 0.3, 50.0)[gaz.feature(x)] for x in exact[:30])
        # "Beni" is a Congolese town and a Bolivian department: a name shared abroad says less.
        share = sum(gaz.population(x) * (1.0, 0.6, 0.3, 50.0)[gaz.feature(x)] for x in exact[:30]
                    if gaz.iso2(x) == cc) / total if total else 1.0
        if akin and (gaz.feature(top) == ADMIN1 or mass >= _BIG):
            weight = 3.0 if main else 2.5
        elif akin and mass >= 100000:
            weight = 2.0 if main else 1.0
        elif len(countries) == 1:
            weight = 1.0 if akin else 0.3
        else:
            continue
        if LOCATIVE.search(text[max(0, m.start - 30):m.start]):
            weight += 0.5
        elif SPEAKER_AFTER.match(text[m.end:m.end + 40]):
            weight *= 0.3  # "Moscow announced": the speaking government, not the scene
        votes[cc] = votes.get(cc, 0.0) + weight * max(share, 0.3)
    placed = set(votes)
    for iso2, n in demonyms.items():
        # "US drone strike", "Afghan troops": telling, but usually about actors, so repeats add little.
        votes[iso2] = votes.get(iso2, 0.0) + min(2.0, 1.0 + 0.25 * (n - 1))
        named.add(iso2)
    focus = max(votes, key=lambda k: votes[k]) if votes else None
    return focus, named, placed

