"""Place-name folding shared by the gazetteer's index and its lookups: consonant skeletons of transliteration
variants, admin words around a name, plain and display spellings, and ACLED's own admin1 names."""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from difflib import SequenceMatcher
from functools import lru_cache
from importlib import resources
from pathlib import Path

from frontlines.countries import fold, strip_accents


@dataclass(frozen=True)
class _Variants:
    connectors: frozenset[str]
    articles: frozenset[str]
    subs: tuple[tuple[re.Pattern[str], str], ...]
    initial_vowels: str
    inner_vowels: str
    min_len: int
    suffixes: tuple[str, ...]
    prefixes: tuple[str, ...]


def data_file(name: str) -> Path:
    return Path(str(resources.files("frontlines") / "data" / name))


@lru_cache(maxsize=1)
def _variants() -> _Variants:
    with open(data_file("place_variants.json"), encoding="utf-8") as fh:
        raw = json.load(fh)
    return _Variants(
        connectors=frozenset(raw["connector_words"]), articles=frozenset(raw["leading_articles"]),
        subs=tuple((re.compile(a), b) for a, b in raw["substitutions"]),
        initial_vowels=raw["word_initial_vowels"], inner_vowels=raw["inner_vowels"],
        min_len=int(raw["min_skeleton_length"]),
        suffixes=tuple(sorted((fold(s) for s in raw["admin_suffixes"]), key=len, reverse=True)),
        prefixes=tuple(sorted((fold(s) for s in raw["admin_prefixes"]), key=len, reverse=True)),
    )


@lru_cache(maxsize=65536)
def skeleton(folded: str) -> str:
    """The consonant skeleton that transliteration variants share ("" when too short to be telling)."""
    v = _variants()
    words = [w for w in folded.split() if w not in v.connectors]
    if len(words) > 1 and words[0] in v.articles:
        words = words[1:]
    out: list[str] = []
    for word in words:
        for pattern, repl in v.subs:
            word = pattern.sub(repl, word)
        if not word:
            continue
        head = "a" if word[0] in v.initial_vowels else word[0]
        out.append(head + "".join(ch for ch in word[1:] if ch not in v.inner_vowels))
    joined = "".join(out)
    squeezed = re.sub(r"(.)\1+", r"\1", joined)
    return squeezed if len(squeezed) >= v.min_len else ""


@lru_cache(maxsize=65536)
def spelling_similarity(a: str, b: str) -> float:
    """How alike two folded names are as transliterations (0..1): the better of their consonant skeletons'
    and their unspaced letters' likeness, so "koshki kohna" / "kushk-e kuhnah" and "ahmad abad" / "ahmadabad"
    both score high."""
    a, b = " ".join(re.sub(r"[-'’()]", " ", a).split()), " ".join(re.sub(r"[-'’()]", " ", b).split())
    sa, sb = skeleton(a), skeleton(b)
    by_skeleton = SequenceMatcher(None, sa, sb).ratio() if sa and sb else 0.0
    return max(by_skeleton, SequenceMatcher(None, a.replace(" ", ""), b.replace(" ", "")).ratio())


@lru_cache(maxsize=65536)
def strip_admin_words(folded: str) -> str:
    """"herat province" -> "herat"; "province of herat" -> "herat" (unchanged when nothing is left)."""
    v = _variants()
    for suffix in v.suffixes:
        if folded.endswith(" " + suffix):
            folded = folded[: -len(suffix) - 1]
            break
    for prefix in v.prefixes:
        if folded.startswith(prefix + " "):
            folded = folded[len(prefix) + 1:]
            break
    return folded


_NON_DECOMPOSING = str.maketrans({"ı": "i", "İ": "I", "ø": "o", "Ø": "O", "ł": "l", "Ł": "L", "đ": "d",
                                  "Đ": "D", "ß": "ss", "æ": "ae", "ə": "a", "Ə": "A"})


def ascii_name(name: str) -> str:
    return name.translate(_NON_DECOMPOSING)


@lru_cache(maxsize=1)
def _acled_admin1_names() -> dict[str, dict[str, str]]:
    raw = resources.files("frontlines").joinpath("data/acled_admin1.json").read_text(encoding="utf-8")
    return dict(json.loads(raw)["names"])


@lru_cache(maxsize=1)
def _acled_admin1_splits() -> dict[str, dict[str, dict[str, str]]]:
    raw = resources.files("frontlines").joinpath("data/acled_admin1.json").read_text(encoding="utf-8")
    return dict(json.loads(raw).get("by_admin2", {}))


@lru_cache(maxsize=4096)
def acled_admin1_part(iso2: str, admin1: str, direction: str) -> str | None:
    """The ACLED admin1 a direction word picks out of a unit ACLED splits ("northern Shan" -> "Shan-North")."""
    with open(data_file("acled_admin1.json"), encoding="utf-8") as fh:
        parts = json.load(fh).get("by_direction", {})
    return parts.get(iso2, {}).get(admin1, {}).get(direction)


def acled_admin1(iso2: str, name: str, admin2: str = "") -> str:
    """The admin1 name as ACLED writes it ("Shabeellaha Hoose" -> "Lower Shabelle")."""
    if not name:
        return name
    split = _acled_admin1_splits().get(iso2, {}).get(name)
    if split and admin2 in split:
        return split[admin2]
    if split and admin2 and "*" in split:
        # Uganda: ACLED's first level is the district, one level below GeoNames' regions.
        return split["*"].replace("{admin2}", display_name(ascii_name(admin2)))
    table = _acled_admin1_names().get(iso2, {})
    return table.get(name) or table.get("*") or ascii_name(name)


def plain_name(name: str) -> str:
    """A name without diacritics and ayn/hamza marks: "Lashkar Gāh" -> "Lashkar Gah", "Nad ʿAlī" -> "Nad Ali"."""
    return " ".join("".join(ch for ch in strip_accents(name) if ch not in "ʿʾʻʼ‘’`´").split())


def display_name(name: str) -> str:
    """ACLED-style plain name of an admin unit: "Herat District" -> "Herat" (a town keeps its whole name:
    "Kansas City", "Cape Town")."""
    words = plain_name(name).split()
    if len(words) > 1 and fold(words[-1]) in _variants().suffixes:
        words = words[:-1]
    return " ".join(words)

