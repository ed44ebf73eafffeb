"""The article-level reading of place: the article's main country and the place of one event.

Split from ``geoparse`` (which finds and resolves toponyms) because these functions work on its output only.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import replace

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
