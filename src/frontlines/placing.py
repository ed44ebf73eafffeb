"""The article-level reading of place: the article's main country and the place of one event.

Split from ``geoparse`` (which finds and resolves toponyms) because these functions work on its output only.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import replace

from frontlines.countries import country_by_iso2
from frontlines.gazetteer import Gazetteer
from frontlines.model import Place, Span, Toponym

_PARAGRAPH = re.compile(r"\n\s*\n")
_BIG = 1_000_000  # a city this size is named in the news by itself


def _weight(place: Place) -> float:
    """How much one resolved mention says about the article's country."""
    if place.feature == "country":
        return 3.0
    if place.feature == "admin1":
        return 3.0 if place.population >= _BIG else 2.0
    if place.population >= _BIG:
        return 3.0
    return 2.0 if place.population >= 100000 else 1.0


def focus_country(toponyms: Sequence[Toponym]) -> str | None:
    """The iso2 of the article's main country: a vote of its resolved mentions, each weighted by how telling
    it is (a country or a large city or province counts more than a village); ties go to the first named."""
    votes: dict[str, float] = {}
    for t in toponyms:
        if t.place is not None and t.place.iso2:
            votes[t.place.iso2] = votes.get(t.place.iso2, 0.0) + _weight(t.place)
    return max(votes, key=lambda k: votes[k]) if votes else None


_DIRECTION = re.compile(r"\b(?:into|towards?|border\s+with|crossings?\s+with|border\s+of|fled\s+to|"
                        r"(?:coming|arriving|travelling|traveling|returning|imported)\s+from)\s+(?:the\s+)?$",
                        re.IGNORECASE)
_SPECIFIC = {"city": 0, "other": 0, "admin2": 1, "admin1": 2, "country": 3}


_ADMIN_BRACKET = re.compile(r"\s*\((?:[A-Z][\w'’ .-]*)(?:,\s*[A-Z][\w'’ .-]*){0,2}\)")


def _bracketed(t: Toponym, text: str) -> bool:
    """ACLED's own way of naming the event's place: "Moscow (Moscow, Moscow)", "Kushk district (Herat)"; a town
    given with its admin units is where the event happened."""
    return t.place is not None and t.place.feature != "country" and bool(_ADMIN_BRACKET.match(text, t.end))


def _final(t: Toponym) -> Place:
    assert t.place is not None
    place = t.place
    if t.cue == "near" and place.geo_precision < 2:
        place = replace(place, geo_precision=2)
    return place


def event_place(toponyms: Sequence[Toponym], text: str, evidence: Sequence[Span]) -> Place | None:
    """The place an event happened: a mention inside its evidence (in the article's country if one is, then
    the most specific), else the nearest one before it in the same paragraph, else the article's focus place
    at region precision."""
    found = [t for t in toponyms if t.place is not None]
    if not found:
        return None
    # "on the border with Uganda", "crossed into Tajikistan": where people went, not where it happened.
    settled = [t for t in found if not _DIRECTION.search(text[max(0, t.start - 25):t.start])] or found
    focus = focus_country(settled)
    if evidence:
        inside = [t for t in settled if any(t.start < sp.end and sp.start < t.end for sp in evidence)]
        # "left Imam Sahib district and crossed the river into Tajikistan" happened in Afghanistan.
        inside = [t for t in inside if t.place is not None and t.place.iso2 == focus] or inside
        if inside:
            best = min(inside, key=lambda t: (not _bracketed(t, text),
                                              _SPECIFIC.get(t.place.feature, 0) if t.place else 9, t.start))
            return _final(best)
        first = min(sp.start for sp in evidence)
        para_start = 0
        for m in _PARAGRAPH.finditer(text, 0, max(first, 0)):
            para_start = m.end()
        before = [t for t in found if para_start <= t.start < first]
        if before:
            return _final(max(before, key=lambda t: t.start))
    in_focus = [t for t in found if t.place is not None and t.place.iso2 == focus] or found
    chosen = in_focus[0].place
    assert chosen is not None
    return replace(chosen, geo_precision=3)


class EventPlacer:
    """The place of one event in a sentence, from the article's resolved toponyms."""

    def __init__(self, gazetteer: Gazetteer) -> None:
        self.gaz = gazetteer

    def place(self, toponyms: Sequence[Toponym], text: str, sent_start: int, sent_end: int, country: str,
              lo: int, hi: int, national: bool = False) -> tuple[Place | None, bool]:
        """The event's place and whether the sentence only speaks of a whole country.

        The stretch of the sentence belonging to this event (``lo``..``hi``) is searched first, then the whole
        sentence, then the place under discussion in the previous sentences, then the country's capital."""
        local = [t for t in toponyms if sent_start <= t.start < sent_end and t.place is not None]
        own = [t for t in local if lo <= t.start < hi]
        if not own:
            # The event's stretch names no place ("... and 300 boys are missing"): the sentence's places
            # compete as a whole, so "Kankara, Katsina state" still gives the town.
            own, lo, hi = local, sent_start, sent_end
        # A place in the focus country is preferred to one abroad, but a country's own name ("crossed into
        # Tajikistan", "Rwanda's military said") does not count as a place there.
        specific = [t for t in own if t.place is not None and t.place.feature != "country"
                    and (not country or t.place.iso2 == country or not any(
                        x.place is not None and x.place.iso2 == country and x.place.feature != "country"
                        for x in own))]
        if specific:
            place = event_place(specific, text, [Span(lo, hi, text[lo:hi])]) or specific[0].place
            return place, False
        if own and all(t.place is not None and t.place.feature == "country" for t in own):
            city = self._city_state(own)
            if city is not None:
                return city, False  # "Hong Kong police arrested 53 activists": the territory is its city
            # "half of Afghanistan's land", "cities in southern Afghanistan": a country-wide statement.
            focus = next((t.place for t in own if t.place is not None and t.place.iso2 == country), None)
            return focus or own[0].place, True
        # The sentence names no usable place ("the city", "near the airport"): the place under discussion is
        # the last specific one named before it in the same country (reports stay on a place until they name
        # another one).
        recent = [t for t in toponyms if t.start < sent_start and t.place is not None
                  and t.place.feature != "country" and (not country or t.place.iso2 == country)]
        if recent:
            return recent[-1].place, False
        later = [t for t in toponyms if t.start >= sent_end and t.place is not None
                 and t.place.feature != "country" and (not country or t.place.iso2 == country)]
        if later:
            # "The city is in mourning. ... families spent the night at hospitals across Kabul": a report
            # may name its city only after the event.
            return later[0].place, False
        # Only a country the text names as a place may stand in: a demonym ("Russian warplanes struck ...")
        # says who acted, not where.
        if any(t.place is not None and t.place.feature == "country" and t.place.iso2 == country for t in toponyms):
            return self._capital(country), False
        if national and country and not any(t.place is not None for t in toponyms):
            # "A ceasefire between the government and the ELN came into force": a national decision with no
            # place named is coded at the capital, with region precision.
            return self._capital(country), False
        return None, False

    def _city_state(self, toponyms: Sequence[Toponym]) -> Place | None:
        """The city that is most of a country named alone (Singapore, Hong Kong, Macau, Djibouti)."""
        gaz = self.gaz
        for t in toponyms:
            if t.place is None:
                continue
            # A country's gazetteer mass counts its towns and its units alike, about twice its people.
            country_mass = t.place.population
            for idx in gaz.candidate_ids(t.text):
                place = gaz.place(idx)
                if place.feature == "city" and place.iso2 == t.place.iso2 and country_mass and \
                        place.population >= 0.25 * country_mass:
                    return place
        return None

    def _capital(self, country: str) -> Place | None:
        """A national-level report with no place is coded at the capital, with region precision."""
        info = country_by_iso2(country) if country else None
        if info is None or not info.capital:
            return None
        found = [p for p in self.gaz.lookup(info.capital, country=country) if p.iso2 == country]
        return replace(found[0], geo_precision=3) if found else None
