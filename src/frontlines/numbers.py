"""Counts in news text: digits, number words, ranges, hedges and vague quantities, read as ACLED reads them.

The reading is conservative: a hedge such as "at least 15" or "more than 20" gives the figure itself, a range
gives its low bound, and a vague word gives a low stand-in ("dozens" 12, "tens" 10, "hundreds" 100). The word
list and the stand-in values live in ``data/number_words.json``.

Rule choices worth knowing:

* "scores" reads 12 like "dozens" (ACLED reads it low, not 20); "a score" is 20.
* "several", "a few", "a handful", "a number of" and "numerous" read 3; "multiple"/"a couple" read 2;
  "several hundred" multiplies (300).
* "some" alone, "many" and "few" (without "a") are not quantities; "some 30" is "about 30".
* "more than 20" / "over 20" give best 20 (not 21), low 20, no upper bound. "up to 30" / "as many as 30" give
  best 30, high 30, low 1. "fewer than 10" gives best 9. "nearly/almost 30" give low=best=high=30.
* Ranges ("five or six", "5-6", "between 10 and 12", "10 to 12") give best = low bound, high = upper bound;
  "from 10 to 30" is a change, not a range, and yields two quantities.
* Ordinals ("first", "9th"), clock times, ISO dates, day numbers next to a month name ("9 May", "May 9") and
  years after "in"/"since"/... ("in 1989") are not quantities.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from typing import Any


@dataclass(frozen=True)
class Quantity:
    start: int
    end: int
    text: str
    low: int
    best: int
    high: int | None
    vague: bool  # the figure came from a vague word ("dozens", "several", "tens of thousands")


@dataclass(frozen=True)
class _Tok:
    text: str
    low: str
    start: int
    end: int
    is_digit: bool


@dataclass(frozen=True)
class _Core:
    value: int
    vague: bool
    end: int  # index of the token after the core


_TOKEN_RE = re.compile(r"\d+(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?|[A-Za-z]+(?:'[A-Za-z]+)?|[^\sA-Za-z\d]")
# Stretches of text whose digits are not counts: ISO dates and clock times.
_MASK_RE = re.compile(
    r"\b\d{4}-\d{1,2}-\d{1,2}\b|\b\d{1,2}:\d{2}\b|\b\d{1,2}(?:\.\d{2})?\s*(?:[ap]\.?m\b\.?)", re.IGNORECASE
)
_ORDINAL_SUFFIXES = frozenset({"st", "nd", "rd", "th", "s"})  # "9th", "the 1980s"
_HYPHENS = frozenset({"-", "\u2013", "\u2014"})


@lru_cache(maxsize=1)
def _lexicon() -> dict[str, Any]:
    raw = resources.files("frontlines").joinpath("data/number_words.json").read_text(encoding="utf-8")
    data: dict[str, Any] = json.loads(raw)
    # Phrases indexed by their first word, longest first, so that a lookup costs one dict access per token.
    data["_phrases"] = {}
    for kind in ("fixed", "vague_counts", "modifiers"):
        index: dict[str, list[tuple[tuple[str, ...], Any]]] = {}
        for phrase, value in data[kind].items():
            words = tuple(phrase.split())
            index.setdefault(words[0], []).append((words, value))
        for entries in index.values():
            entries.sort(key=lambda pv: -len(pv[0]))
        data["_phrases"][kind] = index
    return data


def _tokenize(text: str) -> list[_Tok]:
    masked = [(m.start(), m.end()) for m in _MASK_RE.finditer(text)]
    toks: list[_Tok] = []
    for m in _TOKEN_RE.finditer(text):
        if any(a <= m.start() < b for a, b in masked):
            toks.append(_Tok(m.group(), "\x00", m.start(), m.end(), False))  # a placeholder nothing matches
            continue
        toks.append(_Tok(m.group(), m.group().lower(), m.start(), m.end(), m.group()[0].isdigit()))
    return toks


def _match_phrase(
    toks: list[_Tok], i: int, phrases: dict[str, list[tuple[tuple[str, ...], Any]]]
) -> tuple[int, Any]:
    """Longest phrase starting at token i: (number of tokens, value), or (0, None)."""
    if i >= len(toks):
        return 0, None
    for words, value in phrases.get(toks[i].low, ()):
        n = len(words)
        if i + n <= len(toks) and all(toks[i + k].low == words[k] for k in range(n)):
            return n, value
    return 0, None


def _adjacent(a: _Tok, b: _Tok) -> bool:
    return a.end == b.start


def _digits(toks: list[_Tok], i: int, lex: dict[str, Any]) -> _Core | None:
    t = toks[i]
    prev = toks[i - 1] if i > 0 else None
    nxt = toks[i + 1] if i + 1 < len(toks) else None
    if prev is not None and _adjacent(prev, t) and (prev.is_digit or prev.text in {".", "/", ":"}):
        return None
    if nxt is not None and _adjacent(t, nxt) and nxt.low in _ORDINAL_SUFFIXES:
        return None
    months = lex["months"]
    if nxt is not None and nxt.low in months and len(t.text) <= 2:
        return None  # "9 May"
    if prev is not None and prev.low in months:
        return None  # "May 9", "May 2021"
    if (
        re.fullmatch(r"1[89]\d\d|20\d\d|2100", t.text)
        and prev is not None
        and prev.low in lex["year_prepositions"]
    ):
        return None
    value = float(t.text.replace(",", ""))
    j = i + 1
    if nxt is not None and _adjacent(t, nxt) and nxt.low in lex["suffix_scales"]:
        after = toks[i + 2] if i + 2 < len(toks) else None
        if after is None or not _adjacent(nxt, after) or not after.text[0].isalnum():
            value *= lex["suffix_scales"][nxt.low]
            j += 1
    elif nxt is not None and nxt.low in lex["scales"]:
        value *= lex["scales"][nxt.low]
        j += 1
    return _Core(int(value), False, j)


def _words(toks: list[_Tok], i: int, lex: dict[str, Any]) -> _Core | None:
    units, tens, scales = lex["units"], lex["tens"], lex["scales"]
    if toks[i].low == "one" and i > 0 and toks[i - 1].low == "no":
        return None
    j = i
    total = current = 0
    last = ""  # kind of the last number word: unit | tens | scale
    if toks[j].low == "a" and j + 1 < len(toks) and toks[j + 1].low in scales:
        current = 1
        last = "a"
        j += 1
    while j < len(toks):
        w = toks[j].low
        if w in units:
            if last in {"unit", "a"} or (last == "tens" and units[w] >= 10):
                break
            current += units[w]
            last = "unit"
        elif w in tens:
            if last in {"unit", "tens", "a"}:
                break
            current += tens[w]
            last = "tens"
        elif w == "hundred":
            if last == "scale" and current == 0:
                break
            current = (current or 1) * 100
            last = "scale"
        elif w in scales:
            total += (current or 1) * scales[w]
            current = 0
            last = "scale"
        elif w == "dozen" and last in {"unit", "tens"}:
            current *= 12
            last = "scale"
        elif (
            w in _HYPHENS
            and last == "tens"
            and j + 1 < len(toks)
            and toks[j + 1].low in units
            and _adjacent(toks[j - 1], toks[j])
        ):
            pass
        elif w == "and" and last == "scale" and j + 1 < len(toks) and (
            toks[j + 1].low in units or toks[j + 1].low in tens
        ):
            pass
        else:
            break
        j += 1
    if last in {"", "a"}:
        return None
    while toks[j - 1].low in {"and"} | _HYPHENS:
        j -= 1
    return _Core(total + current, False, j)


def _vague(toks: list[_Tok], i: int, lex: dict[str, Any]) -> _Core | None:
    n, value = _match_phrase(toks, i, lex["_phrases"]["fixed"])
    if n:
        return _Core(value, False, i + n)
    n, value = _match_phrase(toks, i, lex["_phrases"]["vague_counts"])
    if n:
        j = i + n
        if j < len(toks) and toks[j].low in lex["scales"]:
            return _Core(value * lex["scales"][toks[j].low], True, j + 1)
        if j < len(toks) and toks[j].low == "dozen":
            return _Core(value * 12, True, j + 1)
        return _Core(value, True, j)
    plurals = lex["vague_plurals"]
    w = toks[i].low
    if w not in plurals:
        return None
    has_of = i + 1 < len(toks) and toks[i + 1].low == "of"
    if w in lex["plurals_needing_of"] and not has_of:
        return None
    value = plurals[w]
    j = i + 1
    if has_of and i + 2 < len(toks) and toks[i + 2].low in plurals:
        value *= plurals[toks[i + 2].low]
        j = i + 3
    return _Core(value, True, j)


def _core(toks: list[_Tok], i: int, lex: dict[str, Any]) -> _Core | None:
    if i >= len(toks):
        return None
    if toks[i].is_digit:
        return _digits(toks, i, lex)
    return _vague(toks, i, lex) or _words(toks, i, lex)


def _bounds(kind: str, value: int) -> tuple[int, int, int | None]:
    """(low, best, high) for a single figure under a hedge."""
    if kind == "min":
        return value, value, None
    if kind == "upto":
        return min(1, value), value, value
    if kind == "below":
        best = max(value - 1, 0)
        return min(1, best), best, best
    if kind == "approx":
        return value, value, None
    return value, value, value  # exact, near, or no hedge


def _parse_at(toks: list[_Tok], i: int, text: str, lex: dict[str, Any]) -> tuple[Quantity, int] | None:
    kind = ""
    j = i
    if toks[i].low == "between":
        kind, j = "between", i + 1
    else:
        n, mod = _match_phrase(toks, i, lex["_phrases"]["modifiers"])
        if n:
            kind, j = mod, i + n
    first = _core(toks, j, lex)
    if first is None:
        return None
    end = first.end
    low, best, high = _bounds(kind, first.value)
    if first.vague and kind in {"", "exact", "approx"}:
        high = None
    # A second figure joined by or/to/-/and makes a range; "from 10 to 30" is a change, not a range.
    if end < len(toks):
        conn = toks[end].low
        after_from = j > 0 and toks[j - 1].low == "from"
        ok_conn = conn == "or" or (conn == "and" and kind == "between") or (
            (conn == "to" or conn in _HYPHENS) and not after_from
        )
        if ok_conn:
            if conn == "or" and end + 1 < len(toks) and toks[end + 1].low in {"more", "so"}:
                high = None
                end += 2
            else:
                second = _core(toks, end + 1, lex)
                if second is not None and second.value > first.value:
                    low, best = first.value, first.value
                    high = None if kind == "min" else second.value
                    if kind == "upto":
                        low = min(1, first.value)
                    end = second.end
    if kind == "between" and high is None:
        return None
    start_char, end_char = toks[i].start, toks[end - 1].end
    vague = first.vague
    return Quantity(start_char, end_char, text[start_char:end_char], low, best, high, vague), end


@lru_cache(maxsize=1)
def _wordy() -> re.Pattern[str]:
    """Any word that can start or make a count: a sentence without one (and without a digit) has none."""
    lex = _lexicon()
    words: set[str] = {"half", "dozen", "dozens", "score", "couple", "pair", "few", "handful"}
    for key in ("units", "tens", "scales", "fixed", "vague_counts", "vague_plurals"):
        for entry in lex.get(key, ()):
            words.update(str(entry).lower().split())
    words -= {"a", "an", "of", "the", "number"}
    return re.compile(r"\b(?:" + "|".join(sorted(map(re.escape, words), key=len, reverse=True)) + r")\b", re.I)


def find_quantities(text: str) -> list[Quantity]:
    """Every count in ``text``, left to right, with offsets into ``text``; readings never overlap."""
    return list(_find_quantities(text))


@lru_cache(maxsize=2048)
def _find_quantities(text: str) -> tuple[Quantity, ...]:
    # The casualty and situation stages read the same sentences; Quantities are immutable.
    if not any(ch.isdigit() for ch in text) and not _wordy().search(text):
        return ()  # no digit and no number word: nothing to read
    lex = _lexicon()
    toks = _tokenize(text)
    out: list[Quantity] = []
    i = 0
    while i < len(toks):
        parsed = _parse_at(toks, i, text, lex)
        if parsed is None:
            i += 1
            continue
        q, i = parsed
        out.append(q)
    return tuple(out)


def parse_quantity(phrase: str) -> Quantity | None:
    """The count that ``phrase`` as a whole denotes ("at least 15", "dozens of"), or None."""
    found = find_quantities(phrase)
    if not found:
        return None
    q = found[0]
    if phrase[: q.start].strip():
        return None
    rest = phrase[q.end :].strip(" \t\n.,;:")
    if rest and rest.lower() != "of":
        return None
    return q
