"""Spelling-likeness fallbacks of the geoparser: names compared without article or spacing, and units named with
their parent ("Koshki Kohna district of Herat") found by likeness among that parent's units when no gazetteer
spelling matches."""

from __future__ import annotations

import re
from difflib import SequenceMatcher
from functools import lru_cache

from frontlines.countries import fold
from frontlines.gazetteer import ADMIN1, ADMIN2, CITY, Gazetteer, skeleton, strip_admin_words
from frontlines.geocues import UNIT_WITH_PARENT, Lexicon, Mention

ARTICLES = frozenset({"al", "el", "ad", "an", "ar", "as", "ash", "at", "az", "ed", "en", "er", "es", "et", "ez",
                      "ul"})


@lru_cache(maxsize=65536)
def bare(folded: str) -> str:
    """"al ahmadi" -> "ahmadi", "mazar e sharif" -> "mazaresharif": a name without article or spacing."""
    words = folded.split()
    if len(words) > 1 and words[0] in ARTICLES:
        words = words[1:]
    return "".join(words)


@lru_cache(maxsize=65536)
def letters(folded: str) -> str:
    """"maarat al-numan" and "maarrat an nu'man" -> "maratnuman": the letters of a name without its articles,
    punctuation, spacing or doubled letters, which transliterations of one Arabic name share."""
    words = [w for w in re.split(r"[\s\-'’`]+", folded) if w and w not in ARTICLES]
    return re.sub(r"(.)\1+", r"\1", "".join(words))


@lru_cache(maxsize=65536)
def similar(a: str, b: str) -> float:
    return SequenceMatcher(None, a, b).ratio()


def unlisted_units(gaz: Gazetteer, lex: Lexicon, text: str, out: list[Mention], focus: str | None) -> list[Mention]:
    """"Koshki Kohna district of Herat province": a district spelled unlike any gazetteer name is looked
    for among the units of the province named with it."""
    added: list[Mention] = []
    for match in UNIT_WITH_PARENT.finditer(text):
        start, end = match.span("name")
        if fold(match.group("name")) in lex.words:
            continue
        clash = [m for m in out if m.start < end and start < m.end]
        # A recognised name of its own length is left to resolve itself (with its parent); fragments of the
        # name ("Khail" of "Laja Ahmad Khail") and names known nowhere give way.
        if any(m.ids and (m.start, m.end) == (start, end) or m.start < start or m.end > end for m in clash):
            continue
        idx = inside_parent(gaz, fold(match.group("name")), fold(match.group("parent")), focus)
        if idx is None:
            continue
        m = Mention(start, end, match.group("name"), fold(match.group("name")), (idx,), True, cue="district",
                    want=ADMIN2 if gaz.feature(idx) == ADMIN2 else CITY, n_exact=1, after=True,
                    strict=True)
        unit = strip_admin_words(fold(gaz.admin1_name(idx)))
        m.parent, m.parents = unit, frozenset({unit, skeleton(unit)} - {""})
        added.append(m)
        out = [x for x in out if not (x.start < end and start < x.end)]
    return sorted(out + added, key=lambda m: m.start) if added else out


def inside_parent(gaz: Gazetteer, key: str, parent: str, focus: str | None) -> int | None:
    """The unit of that name (by spelling likeness) inside the admin1 unit ``parent`` names, the focus
    country's first; ``parent`` may itself be misspelled ("Ghanzi" for Ghazni)."""
    parent = strip_admin_words(parent)
    if len(key) < 4 or len(parent) < 4:
        return None
    units = [x for x in gaz.exact_ids(parent) + gaz.ranked_variants(parent)[:20] if gaz.feature(x) == ADMIN1]
    for tier in (units, None):
        candidates = tier if tier is not None else [x for x in gaz.admin1_like(parent)[:5] if x not in units]
        for unit in sorted(dict.fromkeys(candidates), key=lambda x: gaz.iso2(x) != focus):
            idx = gaz.closest_unit(key, gaz.iso2(unit), gaz.admin1_name(unit))
            if idx is not None:
                return idx
    return None
