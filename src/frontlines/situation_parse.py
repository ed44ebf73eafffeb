"""What control claims and humanitarian figures read the same way: the cue lexicon
(``data/situation_lexicon.json``), tokens and clauses of the parse, whether a cue is hypothetical or intended, a
clause's date, and which place a phrase names or the sentences before it mean."""

from __future__ import annotations

import json
import re
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from functools import lru_cache
from importlib import resources
from typing import Any

from .modality import unreal_reason
from .model import Article, Place, Toponym
from .nlp import Sentence
from .temporal import event_time

_MASKED_DEPS = frozenset({"advcl", "relcl", "ccomp", "conj", "acl", "parataxis"})
_TRAILING_AUX = re.compile(r"(?:\s+(?:is|are|was|were|has|have|had|been|being|now|already|reportedly|finally|"
                           r"effectively|later|then|also))+\s*$", re.I)
LEADING_DET = re.compile(r"^(?:the|a|an|one|some|two|three|several|local)\s+", re.I)


@dataclass(frozen=True)
class Lexicon:
    cues: tuple[tuple[str, re.Pattern[str], bool], ...]  # (status, pattern, actor comes after the cue)
    without_fight: re.Pattern[str]
    share: re.Pattern[str]
    share_words: dict[str, float]
    territory: re.Pattern[str]
    non_place: re.Pattern[str]
    local: re.Pattern[str]
    neighbour: re.Pattern[str]
    neighbour_nouns: re.Pattern[str]
    breaks: re.Pattern[str]
    speech: frozenset[str]
    role: re.Pattern[str]
    denial: re.Pattern[str]
    unreal: re.Pattern[str]
    units: frozenset[str]
    family_units: frozenset[str]
    civilian_units: frozenset[str]
    figure_cues: tuple[tuple[str, re.Pattern[str]], ...]
    any_cue: re.Pattern[str]  # every status cue in one pattern: most sentences have none


def _words_re(words: Sequence[str]) -> re.Pattern[str]:
    alternation = "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))
    return re.compile(r"\b(?:" + alternation + r")\b", re.I)


@lru_cache(maxsize=1)
def lexicon() -> Lexicon:
    raw: dict[str, Any] = json.loads(
        resources.files("frontlines").joinpath("data/situation_lexicon.json").read_text(encoding="utf-8"))
    cues = []
    for key, patterns in raw["status_cues"].items():
        after = key.endswith("_actor_after")
        status = key.removesuffix("_actor_after")
        for p in patterns:
            cues.append((status, re.compile(r"\b(?:" + p + r")(?!\w)", re.I), after))
    shares = raw["share_words"]
    share = re.compile(r"^\s*(?:(?:" + raw["share_hedges"] + r")\s+)?(?P<s>" +
                       "|".join(re.escape(w) for w in sorted(shares, key=len, reverse=True)) +
                       r"|\d+(?:\.\d+)?\s?(?:%|per ?cent))(?!\w)\s*(?:of\b)?", re.I)
    return Lexicon(
        tuple(cues), re.compile(raw["without_fight"], re.I), share, shares,
        _words_re(raw["territory_nouns"]), _words_re(raw["non_place_objects"]), _words_re(raw["local_nouns"]),
        re.compile(r"\b" + raw["neighbour_words"] + r"\s*$", re.I), _words_re(raw["neighbour_nouns"]),
        re.compile(raw["clause_breaks"], re.I),
        frozenset(raw["speech_lemmas"]), _words_re(raw["role_nouns"]),
        re.compile(raw["denial_cues"], re.I), re.compile(raw["unreal_words"], re.I),
        frozenset(u.lower() for u in raw["person_units"]), frozenset(raw["family_units"]),
        frozenset(raw["civilian_units"]),
        tuple((k, re.compile(r"\b(?:" + p + r")\b", re.I)) for k, p in raw["figure_cues"].items()),
        re.compile(r"\b(?:" + "|".join(f"(?:{p})" for ps in raw["status_cues"].values() for p in ps) + r")(?!\w)",
                   re.I),
    )


# --- parse helpers --------------------------------------------------------------------------------

def base_offset(sent: Sentence) -> int:
    """Add to a token's ``idx`` to get its offset in the article (the doc may be a chunk of a long text)."""
    raw = sent.span.text
    return sent.start - int(sent.span.start_char) - (len(raw) - len(raw.lstrip()))


def token_at_offset(sent: Sentence, pos: int) -> Any:
    base = base_offset(sent)
    for tok in sent.span:
        if base + tok.idx <= pos < base + tok.idx + max(1, len(tok.text)):
            return tok
    return None


def _tok_range(sent: Sentence, toks: Sequence[Any]) -> tuple[int, int]:
    base = base_offset(sent)
    return base + min(t.idx for t in toks), base + max(t.idx + len(t.text) for t in toks)


def _clause_text(sent: Sentence, tok: Any) -> str:
    """The sentence with the subordinate clauses that do not contain ``tok`` blanked out (offsets kept), so
    that "although forces held back an advance overnight" does not date "insurgents are still within 2km"."""
    chars = list(sent.text)
    for t in sent.span:
        if t.dep_ in _MASKED_DEPS and t.pos_ in ("VERB", "AUX") and tok not in t.subtree \
                and t not in tok.ancestors:
            a, b = _tok_range(sent, list(t.subtree))
            for i in range(max(0, a - sent.start), min(len(chars), b - sent.start)):
                chars[i] = " "
    return "".join(chars)


def unreal_cue(sent: Sentence, tok: Any, cue_start: int) -> bool:
    if unreal_reason(tok) is not None:
        return True
    # A cheap second check for what the parse may attach elsewhere: "seek to", "if", "would" just before.
    window = sent.text[max(0, cue_start - sent.start - 30): cue_start - sent.start]
    clause = lexicon().breaks.split(window)[-1]
    return bool(lexicon().unreal.search(clause))


def np_text(tok: Any) -> str:
    words = [t for t in tok.subtree if t.dep_ not in ("relcl", "acl", "punct") and t.i >= tok.left_edge.i]
    text = " ".join(t.text for t in words if t.i <= tok.i + 3)
    return LEADING_DET.sub("", text).strip()


def as_of_date(sent: Sentence, tok: Any, article: Article, cumulative: bool = False) -> date | None:
    """The clause's date, or None for a historic one. Modality was checked on the parse, so a modal elsewhere
    ("would not be able") is no reason to drop the clause; with no date of its own it is the publication day.
    A cumulative figure ("displaced since May", "over the past week") counts as of the end of its window."""
    text = sent.text if cumulative else _clause_text(sent, tok)
    when, _precision, ref = event_time(text, article.date)
    if ref is None or ref.relation == "future":
        return article.date
    if cumulative and re.search(r"\bsince\s*$", text[: ref.start] + ref.text[:6], re.I):
        return article.date
    if ref.relation == "historic":
        return None if cumulative else when
    return min(ref.latest, article.date) if cumulative else when


# --- places ---------------------------------------------------------------------------------------

def is_town(t: Toponym) -> bool:
    return t.place is not None and t.place.feature != "country"


def recent_town(toponyms: Sequence[Toponym], sents: Sequence[Sentence], sent: Sentence, before: int,
                country: str) -> Toponym | None:
    """The last town named before ``before`` here or in the few sentences before: what 'the city' means."""
    window = sents[max(0, sent.index - 4)].start if sents else sent.start
    pool = [t for t in toponyms if window <= t.start < before and is_town(t) and t.place is not None
            and (not country or not t.place.iso2 or t.place.iso2 == country)]
    cities = [t for t in pool if t.place is not None and t.place.feature == "city"]
    return (cities or pool)[-1] if pool else None


def country_place(toponyms: Sequence[Toponym], country: str) -> Place | None:
    for t in toponyms:
        if t.place is not None and t.place.feature == "country" and (not country or t.place.iso2 == country):
            return t.place
    return None


def own_toponyms(text: str, toponyms: Sequence[Toponym], a: int, b: int) -> list[Toponym]:
    """Toponyms between a and b that name the place itself, not a neighbour ('crossings with Iran')."""
    out: list[Toponym] = []
    neighbour_end = -1  # end of the last neighbour, so that "with Iran and Pakistan" drops both
    for t in toponyms:
        if a <= t.start and t.end <= b and t.place is not None:
            gap = text[neighbour_end:t.start] if neighbour_end >= 0 else "-"
            listed = re.fullmatch(r"\s*(?:and|,|or|, and)\s*", gap)
            if listed or lexicon().neighbour.search(text[max(a, t.start - 40): t.start]):
                neighbour_end = t.end
                continue
            neighbour_end = -1
            out.append(t)
    return out


def forward_phrase(text: str, sent: Sentence, start: int) -> tuple[int, int]:
    tail = text[start: sent.end]
    m = lexicon().breaks.search(tail)
    end = start + (m.start() if m else len(tail))
    phrase = text[start:end]
    trimmed = re.sub(r"\s+(?:and|or|but)\s*$", "", phrase.rstrip())
    lead = len(trimmed) - len(trimmed.lstrip())
    return start + lead, start + len(trimmed)


def backward_phrase(text: str, sent: Sentence, end: int) -> tuple[int, int]:
    head = text[sent.start: end]
    cuts = [m.end() for m in lexicon().breaks.finditer(head)]
    start = sent.start + (cuts[-1] if cuts else 0)
    phrase = _TRAILING_AUX.sub("", text[start:end])
    lead = len(phrase) - len(phrase.lstrip())
    return start + lead, start + len(phrase.rstrip())
