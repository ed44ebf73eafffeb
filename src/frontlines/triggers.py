"""Event triggers: the lexicon of ``data/triggers.json`` matched on one sentence.

Each family is one alternation (a sentence is scanned once per family), skipped early when none of the words
every match must contain occurs; a family's gated patterns count only with their cues in the sentence.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from typing import Any


@dataclass(frozen=True)
class Trigger:
    start: int  # offsets into the article text
    end: int
    text: str
    family: str
    weak: bool = False


@lru_cache(maxsize=1)
def _lexicon() -> dict[str, Any]:
    return json.loads(resources.files("frontlines").joinpath("data/triggers.json").read_text(encoding="utf-8"))


@lru_cache(maxsize=1)
def _gated() -> list[tuple[str, re.Pattern[str], tuple[re.Pattern[str], ...], re.Pattern[str] | None]]:
    """Per family, the pattern sets that count only with their cues in the sentence, those cues, and a prefilter."""
    raw = _lexicon()
    cues = {name: re.compile(p, re.I) for name, p in raw.get("cues", {}).items()}
    out = []
    for name, spec in raw["families"].items():
        for gated in spec.get("gated", ()):
            anchors = _anchors(gated["patterns"])
            prefilter = re.compile("|".join(re.escape(a) for a in anchors)) if anchors else None
            out.append((name, re.compile("|".join(f"(?:{p})" for p in gated["patterns"]), re.I),
                        tuple(cues[c] for c in gated["requires"]), prefilter))
    return out


@lru_cache(maxsize=1)
def _families() -> dict[str, tuple[re.Pattern[str], list[re.Pattern[str]], re.Pattern[str] | None]]:
    """One alternation per family: a sentence is scanned once per family, not once per pattern."""
    raw = _lexicon()
    compiled = {}
    for name, spec in raw["families"].items():
        # "IED" is an acronym: matched case-sensitively so that "died" or "tied" never count.
        parts = [f"(?-i:{p})" if p.startswith("\\bIED") else f"(?:{p})" for p in spec["patterns"]]
        anchors = _anchors(spec["patterns"])
        prefilter = re.compile("|".join(re.escape(a) for a in anchors)) if anchors else None
        compiled[name] = (re.compile("|".join(parts), re.I), [re.compile(p, re.I) for p in spec.get("weak", [])],
                          prefilter)
    return compiled


def _anchors(patterns: list[str]) -> tuple[str, ...]:
    """Lower-case stems at least one of which every match of a family contains: a cheap test that lets most
    sentences skip most families' regular expressions. A pattern that starts with a literal word contributes
    that word (its mandatory letters); any other pattern contributes the first three letters of every literal word
    it has."""
    stems: set[str] = set()
    for p in patterns:
        head = re.sub(r"^(?:\(\?<?[!=][^)]*\)|\\b|\(\?-i:)+", "", p)
        lead = re.match(r"[A-Za-z]{3,}", head)
        if lead:
            # The whole literal run ("captur" of "captur(?:ed|e)"), less a last letter made optional ("fights?").
            word = lead.group(0)
            if head[lead.end():lead.end() + 1] in ("?", "*", "{") and len(word) > 3:
                word = word[:-1]
            elif head[lead.end():lead.end() + 1] in ("?", "*", "{"):
                word = word[:2]
            if len(word) >= 3:
                stems.add(word.lower())
                continue
            return ()
        mandatory = _top_level_words(p)
        if mandatory:
            stems.add(max(mandatory, key=len).lower())  # "(?:would|will) be dissolved": "dissolved" is required
            continue
        alternatives = _required_group_stems(p)
        if alternatives:
            stems.update(alternatives)  # "(?:houses|homes|shops) ... were burned": one of them is in every match
            continue
        plain = re.sub(r"\\[a-zA-Z]|\(\?[^:)]*[:)]|\[[^\]]*\]", " ", p)
        words = re.findall(r"[A-Za-z]{3,}", plain)
        if not words:
            return ()  # a pattern without a literal word: no safe prefilter for this family
        stems.update(w[:3].lower() for w in words)
    return tuple(sorted(stems))


def _required_group_stems(pattern: str) -> list[str]:
    """The leading letters of every alternative of the first group a pattern cannot skip, when each alternative
    starts with at least three literal letters; [] when no such group exists."""
    depth, start = 0, -1
    i = 0
    while i < len(pattern):
        ch = pattern[i]
        if ch == "\\":
            i += 2
            continue
        if ch == "[":
            close = pattern.find("]", i + 1)
            i = close + 1 if close > 0 else len(pattern)
            continue
        if ch == "(":
            if depth == 0:
                start = i
            depth += 1
        elif ch == ")":
            depth -= 1
            if depth == 0:
                inner = pattern[start + 1:i]
                following = pattern[i + 1:i + 3]
                skippable = following[:1] in ("?", "*") or following.startswith("{0")
                if inner.startswith("?:") and not skippable:
                    stems = [_lead_letters(alt) for alt in _split_top(inner[2:])]
                    if stems and all(len(x) >= 3 for x in stems):
                        return [x.lower() for x in stems]
                    return []
                if not inner.startswith("?:") and not inner.startswith("?") and not skippable:
                    return []  # a capturing or other group: give up rather than guess
        elif ch == "|" and depth == 0:
            return []
        i += 1
    return []


def _split_top(body: str) -> list[str]:
    parts, depth, cur = [], 0, ""
    i = 0
    while i < len(body):
        ch = body[i]
        if ch == "\\":
            cur += body[i:i + 2]
            i += 2
            continue
        if ch == "(":
            depth += 1
        elif ch == ")":
            depth -= 1
        if ch == "|" and depth == 0:
            parts.append(cur)
            cur = ""
        else:
            cur += ch
        i += 1
    parts.append(cur)
    return parts


def _lead_letters(alternative: str) -> str:
    head = re.sub(r"^(?:\\b)+", "", alternative)
    lead = re.match(r"[A-Za-z]+", head)
    if not lead:
        return ""
    word = lead.group(0)
    nxt = head[lead.end():lead.end() + 1]
    return word[:-1] if nxt in ("?", "*", "{") else word


def _top_level_words(pattern: str) -> list[str]:
    """Literal words outside every group of a pattern with no top-level alternative: each match contains them."""
    flat = re.sub(r"\\.", "\x00", pattern)
    flat = re.sub(r"\[[^\]]*\]", "\x00", flat)
    words: list[str] = []
    depth, run = 0, ""
    for ch in flat + "\x00":
        if ch.isalpha() and depth == 0:
            run += ch
            continue
        if len(run) >= 3:
            words.append(run[:-1] if ch in "?*{" else run)
        run = ""
        if ch == "(":
            depth += 1
        elif ch == ")":
            depth -= 1
        elif ch == "|" and depth == 0:
            return []
    return [w for w in words if len(w) >= 3]


def find_triggers(text: str, offset: int = 0) -> list[Trigger]:
    """Every trigger in a sentence, leftmost-first within a family."""
    found: list[Trigger] = []
    low = text.lower()
    for family, (pattern, weak, prefilter) in _families().items():
        if prefilter is not None and prefilter.search(low) is None:
            continue
        for m in pattern.finditer(text):
            a, b = m.span()
            if a == b:
                continue
            is_weak = any(w.fullmatch(m.group(0)) for w in weak)
            found.append(Trigger(offset + a, offset + b, m.group(0), family, is_weak))
    for family, pattern, cues, prefilter in _gated():
        if any(t.family == family for t in found) or prefilter is not None and prefilter.search(low) is None:
            continue
        # The action words are rarer than the cues ("people", "against"), so they are looked for first.
        hit = pattern.search(text)
        if hit is not None and hit.end() > hit.start() and all(c.search(text) for c in cues):
            found.append(Trigger(offset + hit.start(), offset + hit.end(), hit.group(0), family, False))
    return sorted(found, key=lambda t: (t.start, -t.end))


@lru_cache(maxsize=16)
def cue(name: str) -> re.Pattern[str]:
    """One of the lexicon's cue expressions ("crowd", "grievance", "force"), compiled."""
    return re.compile(_lexicon()["cues"][name], re.I)
