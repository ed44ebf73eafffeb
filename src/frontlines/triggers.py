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
def _gated() -> list[tuple[str, re.Pattern[str], tuple[re.Pattern[str], ...]]]:
    """Per family, the pattern sets that count only with their cues in the sentence, and those cues."""
    raw = _lexicon()
    cues = {name: re.compile(p, re.I) for name, p in raw.get("cues", {}).items()}
    out = []
    for name, spec in raw["families"].items():
        for gated in spec.get("gated", ()):
            out.append((name, re.compile("|".join(f"(?:{p})" for p in gated["patterns"]), re.I),
                        tuple(cues[c] for c in gated["requires"])))
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
        plain = re.sub(r"\\[a-zA-Z]|\(\?[^:)]*[:)]|\[[^\]]*\]", " ", p)
        words = re.findall(r"[A-Za-z]{3,}", plain)
        if not words:
            return ()  # a pattern without a literal word: no safe prefilter for this family
        stems.update(w[:3].lower() for w in words)
    return tuple(sorted(stems))


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
    for family, pattern, cues in _gated():
        if any(t.family == family for t in found) or not all(c.search(text) for c in cues):
            continue
        hit = pattern.search(text)
        if hit is not None and hit.end() > hit.start():
            found.append(Trigger(offset + hit.start(), offset + hit.end(), hit.group(0), family, False))
    return sorted(found, key=lambda t: (t.start, -t.end))


@lru_cache(maxsize=16)
def cue(name: str) -> re.Pattern[str]:
    """One of the lexicon's cue expressions ("crowd", "grievance", "force"), compiled."""
    return re.compile(_lexicon()["cues"][name], re.I)
