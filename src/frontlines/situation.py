"""The situation picture: who holds or contests which place, and humanitarian figures, as the article says.

These are not ACLED events but the facts around them ("the group controls half of the country", "tens of
thousands displaced"). Cues are regular expressions from ``data/situation_lexicon.json``; the spaCy parse
decides who the actor is (the clause subject, or the "to"/"by" phrase after "fell to"/"captured by") and
whether the clause reports something real (``modality.unreal_reason``: nothing from "if it falls", "seek to
seize").

Rule choices:

* A place is only taken from a toponym inside the claim's own phrase. A generic phrase ("a district around the
  airport", "the city centre") keeps its words as ``place_text`` and takes the last town named in this or the
  previous few sentences. Toponyms after "border crossings with" are neighbours, never the place: the place
  falls back to the article's country-level toponym.
* "controls/took control of" + a share ("half", "a third", "40%", "most of") is ``controls_share``; "most"
  reads 0.5 as a lower bound. Without a share and without a named place, a bare "holds"/"controls" is ignored.
* Attribution: "according to X" / "X said" / "X told the BBC" give X (a pronoun is resolved to the last person
  named, a role such as "Kandahar MP" is completed by the person quoted in the next sentence); otherwise the
  article's own source (``Article.source`` or the outlet it cites: "reports the BBC").
* A figure needs a count next to a cue ("displaced", "wounded", "need assistance"). Counts of families or
  households keep their number, with kinds ``displaced_families``, ``refugees_families``, ``in_need_families``
"""

from __future__ import annotations

import json
import re
from collections.abc import Sequence
from dataclasses import dataclass, replace
from datetime import date
from functools import lru_cache
from importlib import resources
from typing import Any

from .actors import (
    STATE_KINDS,
    ActorMention,
    ArticleContext,
    country_actor,
    find_actor_mentions,
    resolve_actor,
    state_forces,
)
from .modality import unreal_reason
from .model import Article, ControlClaim, Figure, Place, Span, Toponym, content_key
from .nlp import Sentence
from .numbers import find_quantities
from .temporal import event_time

_MASKED_DEPS = frozenset({"advcl", "relcl", "ccomp", "conj", "acl", "parataxis"})
_PRONOUNS = frozenset({"he", "she", "they", "him", "her", "them", "it"})
_RELATIVE = frozenset({"who", "which", "that"})
_TRAILING_AUX = re.compile(r"(?:\s+(?:is|are|was|were|has|have|had|been|being|now|already|reportedly|finally|"
                           r"effectively|later|then|also))+\s*$", re.I)
_LEADING_DET = re.compile(r"^(?:the|a|an|one|some|two|three|several|local)\s+", re.I)
_NAME = r"[A-Z][\w.&'-]*(?: [A-Z][\w.&'-]*){0,3}"
_OUTLET_RES = (
    re.compile(r"\b(?:reports|reported|told|said|says) the (" + _NAME + r")"),
    re.compile(r"\b(?:the )?(" + _NAME + r") (?:reported|reports|said in a report)\b"),
)
_CONTROL_WORD = re.compile(r"\b(?:claims?|reports?|f[ae]ll(?:en)?|captur\w*|seiz\w*|control\w*|lost|taken|hands|"
                           r"siege|surround\w*|held|holds?|overr[au]n|withdr[ae]w\w*)\b", re.I)
_STATE_WORD = re.compile(r"\b(?:government|army|state|regime|junta|military)\b", re.I)
_NOT_OUTLET = frozenset({"He", "She", "They", "It", "The", "A", "An", "Local", "Residents", "Officials"})


@dataclass(frozen=True)
class _Lex:
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
def _lex() -> _Lex:
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
    return _Lex(
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

def _base(sent: Sentence) -> int:
    """Add to a token's ``idx`` to get its offset in the article (the doc may be a chunk of a long text)."""
    raw = sent.span.text
    return sent.start - int(sent.span.start_char) - (len(raw) - len(raw.lstrip()))


def _token_at(sent: Sentence, pos: int) -> Any:
    base = _base(sent)
    for tok in sent.span:
        if base + tok.idx <= pos < base + tok.idx + max(1, len(tok.text)):
            return tok
    return None


def _tok_range(sent: Sentence, toks: Sequence[Any]) -> tuple[int, int]:
    base = _base(sent)
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


def _unreal(sent: Sentence, tok: Any, cue_start: int) -> bool:
    if unreal_reason(tok) is not None:
        return True
    # A cheap second check for what the parse may attach elsewhere: "seek to", "if", "would" just before.
    window = sent.text[max(0, cue_start - sent.start - 30): cue_start - sent.start]
    clause = _lex().breaks.split(window)[-1]
    return bool(_lex().unreal.search(clause))


def _np_text(tok: Any) -> str:
    words = [t for t in tok.subtree if t.dep_ not in ("relcl", "acl", "punct") and t.i >= tok.left_edge.i]
    text = " ".join(t.text for t in words if t.i <= tok.i + 3)
    return _LEADING_DET.sub("", text).strip()


# --- places ---------------------------------------------------------------------------------------

def _is_town(t: Toponym) -> bool:
    return t.place is not None and t.place.feature != "country"


def _recent_town(toponyms: Sequence[Toponym], sents: Sequence[Sentence], sent: Sentence, before: int,
                 country: str) -> Toponym | None:
    """The last town named before ``before`` here or in the few sentences before: what 'the city' means."""
    window = sents[max(0, sent.index - 4)].start if sents else sent.start
    pool = [t for t in toponyms if window <= t.start < before and _is_town(t) and t.place is not None
            and (not country or not t.place.iso2 or t.place.iso2 == country)]
    cities = [t for t in pool if t.place is not None and t.place.feature == "city"]
    return (cities or pool)[-1] if pool else None


def _country_place(toponyms: Sequence[Toponym], country: str) -> Place | None:
    for t in toponyms:
        if t.place is not None and t.place.feature == "country" and (not country or t.place.iso2 == country):
            return t.place
    return None


def _own_toponyms(text: str, toponyms: Sequence[Toponym], a: int, b: int) -> list[Toponym]:
    """Toponyms between a and b that name the place itself, not a neighbour ('crossings with Iran')."""
    out: list[Toponym] = []
    neighbour_end = -1  # end of the last neighbour, so that "with Iran and Pakistan" drops both
    for t in toponyms:
        if a <= t.start and t.end <= b and t.place is not None:
            gap = text[neighbour_end:t.start] if neighbour_end >= 0 else "-"
            listed = re.fullmatch(r"\s*(?:and|,|or|, and)\s*", gap)
            if listed or _lex().neighbour.search(text[max(a, t.start - 40): t.start]):
                neighbour_end = t.end
                continue
            neighbour_end = -1
            out.append(t)
    return out


def _forward_phrase(text: str, sent: Sentence, start: int) -> tuple[int, int]:
    tail = text[start: sent.end]
    m = _lex().breaks.search(tail)
    end = start + (m.start() if m else len(tail))
    phrase = text[start:end]
    trimmed = re.sub(r"\s+(?:and|or|but)\s*$", "", phrase.rstrip())
    lead = len(trimmed) - len(trimmed.lstrip())
    return start + lead, start + len(trimmed)


def _backward_phrase(text: str, sent: Sentence, end: int) -> tuple[int, int]:
    head = text[sent.start: end]
    cuts = [m.end() for m in _lex().breaks.finditer(head)]
    start = sent.start + (cuts[-1] if cuts else 0)
    phrase = _TRAILING_AUX.sub("", text[start:end])
    lead = len(phrase) - len(phrase.lstrip())
    return start + lead, start + len(phrase.rstrip())


# --- attribution ----------------------------------------------------------------------------------

def _article_reporter(article: Article, sents: Sequence[Sentence]) -> str:
    if article.source:
        return article.source
    counts: dict[str, int] = {}
    for s in sents:
        for pattern in _OUTLET_RES:
            for m in pattern.finditer(s.text):
                name = m.group(1).rstrip(".")
                if name.split()[0] not in _NOT_OUTLET and not any(e.label_ == "PERSON" and e.text == name
                                                                  for e in s.span.ents):
                    counts[name] = counts.get(name, 0) + 1
    return max(counts, key=lambda k: counts[k]) if counts else ""


def _people(sent: Sentence, toponyms: Sequence[Toponym]) -> list[str]:
    base = _base(sent)
    return [e.text for e in sent.span.ents if e.label_ == "PERSON" and not any(
        t.start < base + e.end_char and t.end > base + e.start_char for t in toponyms)]


def _last_person(sents: Sequence[Sentence], sent: Sentence, toponyms: Sequence[Toponym]) -> str:
    names = [n for s in sents[max(0, sent.index - 4): sent.index] for n in _people(s, toponyms)]
    if not names:
        return ""
    last = names[-1]
    # "Kamin" after "Gul Ahmad Kamin": the fullest form of the name.
    return max((n for n in names if n.split()[-1] == last.split()[-1]), key=len)


def _speaker(sent: Sentence, sents: Sequence[Sentence], toponyms: Sequence[Toponym], words: str) -> str:
    words = _LEADING_DET.sub("", words.strip()).strip()
    if words.lower() in _PRONOUNS:
        return _last_person(sents, sent, toponyms)
    if _lex().role.search(words) and not any(p in words for p in _people(sent, toponyms)):
        # A role ("Kandahar MP"): the person quoted in the next sentence is usually its holder.
        for nxt in sents[sent.index + 1: sent.index + 2]:
            names = _people(nxt, toponyms)
            if names and nxt.text.startswith(names[0]) and re.match(
                    re.escape(names[0]) + r"\s+(?:said|says|told|added|warned|believes)\b", nxt.text):
                return f"{names[0]}, {words}"
    return words


def _attribution(sent: Sentence, tok: Any, sents: Sequence[Sentence], toponyms: Sequence[Toponym],
                 reporter: str) -> str:
    m = re.search(r"\baccording to (?P<x>[^,;.]+)", sent.text, re.I)
    if m:
        return _speaker(sent, sents, toponyms, m.group("x"))
    for node in [tok, *tok.ancestors]:
        if node is not tok and node.lemma_.lower() in _lex().speech:
            subj = next((c for c in node.children if c.dep_ in ("nsubj", "nsubjpass")), None)
            if subj is not None and subj.dep_ == "nsubjpass":
                break  # "the group is reported to have...": the article's own report
            if subj is not None and subj.lemma_.lower() not in ("it", "report"):
                who = _speaker(sent, sents, toponyms, _np_text(subj))
                outlet = next((c.text for c in node.children if c.dep_ in ("dobj", "dative")
                               and c.pos_ == "PROPN"), "")
                return f"{who} ({outlet})" if outlet and outlet not in who else who
    return reporter


def _as_of(sent: Sentence, tok: Any, article: Article, cumulative: bool = False) -> date | None:
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


# --- control claims -------------------------------------------------------------------------------

@dataclass(frozen=True)
class _Cue:
    status: str
    start: int
    end: int
    actor_after: bool


def _cues(sent: Sentence) -> list[_Cue]:
    if not _lex().any_cue.search(sent.text):
        return []
    found: list[_Cue] = []
    for status, pattern, after in _lex().cues:
        for m in pattern.finditer(sent.text):
            found.append(_Cue(status, sent.start + m.start(), sent.start + m.end(), after))
    # Longest first, so "taken control of" beats "control", "fell to" beats nothing shorter.
    chosen: list[_Cue] = []
    for c in sorted(found, key=lambda c: (-(c.end - c.start), c.start)):
        if all(c.end <= o.start or c.start >= o.end for o in chosen):
            chosen.append(c)
    return sorted(chosen, key=lambda c: c.start)


def _actor_ok(m: ActorMention) -> bool:
    return m.armed or (m.kind in STATE_KINDS and m.kind != "government")


def _subject_mention(sent: Sentence, tok: Any, mentions: Sequence[ActorMention]) -> ActorMention | None:
    base = _base(sent)
    for node in [tok, *tok.ancestors][:6]:
        if node is not tok and node.lemma_.lower() in _lex().speech:
            return None  # past "X said": the speaker is not the actor
        for child in node.children:
            if child.dep_ not in ("nsubj", "nsubjpass"):
                continue
            subj = node.head if child.lower_ in _RELATIVE and node.dep_ == "relcl" else child
            for t in [subj, *subj.subtree]:
                m = next((m for m in mentions if m.start <= base + t.idx < m.end), None)
                if m is not None and _actor_ok(m):
                    return m
            return None
    return None


def _claim_actor(cue: _Cue, sent: Sentence, tok: Any,
                 mentions: Sequence[ActorMention]) -> ActorMention | None:
    usable = [m for m in mentions if _actor_ok(m)]
    inside = [m for m in usable if cue.start <= m.start and m.end <= cue.end]
    if inside:
        return inside[0]  # "is under Taliban control"
    if cue.actor_after:
        # "fell to the Taliban", "captured by RSF fighters": the first actor right after the cue.
        return next((m for m in usable if m.end > cue.end and m.start >= cue.start and
                     len(sent.text[cue.end - sent.start: m.start - sent.start].split()) <= 3), None)
    if cue.status == "handed_over":
        recipient = next((m for m in usable if m.start >= cue.start and re.search(
            r"\bto\s+(?:the\s+)?$", sent.text[:m.start - sent.start] + m.text[:3])), None)
        if recipient is not None:
            return recipient
    found = _subject_mention(sent, tok, mentions)
    if found is not None:
        return found
    before = [m for m in usable if m.end <= cue.start]
    return before[-1] if before else None


def _country_subject(sent: Sentence, cue: _Cue, on: date, country: str) -> str | None:
    """'Russia says it controls 15%': a country as the subject of the clause or of its speech verb means its
    armed forces."""
    base = _base(sent)
    for ent in sent.span.ents:
        if ent.label_ == "GPE" and base + ent.end_char <= cue.start and ent.root.dep_ == "nsubj":
            actor = country_actor(ent.text, on, country)
            if actor is not None:
                return actor.name
    return None


def _share(phrase: str) -> float | None:
    m = _lex().share.match(phrase)
    if not m:
        return None
    word = m.group("s").lower()
    if word[0].isdigit():
        return round(float(re.match(r"\d+(?:\.\d+)?", word).group(0)) / 100, 3)  # type: ignore[union-attr]
    return _lex().share_words.get(word)


def _phrase(text: str, sent: Sentence, cue: _Cue, tok: Any) -> tuple[int, int]:
    """Where the place of a claim is named: after the cue, or before it for "X fell to", "X was captured"."""
    if not cue.actor_after:
        a, b = _forward_phrase(text, sent, cue.end)
        passive = tok.tag_ == "VBN" and any(c.dep_ == "auxpass" for c in tok.children)
        if not passive and re.search(r"\w", text[a:b]):
            return a, b
    return _backward_phrase(text, sent, cue.start)


def _targets(text: str, sent: Sentence, cue: _Cue, a: int, b: int, sents: Sequence[Sentence],
             toponyms: Sequence[Toponym], country: str) -> tuple[str, float | None, list[tuple[str, Place | None]]]:
    """The claim's status (refined by a share or "without a fight"), share and (place_text, place) pairs."""
    lex = _lex()
    phrase = text[a:b]
    status, weak = cue.status, cue.status == "controls_share"
    share = _share(phrase) if status in ("controls_share", "captured") else None
    if share is not None and share < 1.0:
        status = "controls_share"
    elif status == "controls_share":
        status = "captured"
    if status == "captured" and lex.without_fight.search(sent.text[cue.start - sent.start:]):
        status = "handed_over"
    include = re.match(r",\s*(including|among them)\b[^;.]*", text[b: sent.end])
    words = text[a: b + (include.end() if include else 0)]  # keeps "including border crossings with ..."
    named = _own_toponyms(text, toponyms, a, b)
    local = lex.local.search(phrase)
    first = min([t.start - a for t in named] + ([local.start()] if local else []), default=len(phrase))
    head = re.split(r"\s(?:in|of|near|at|on|from|around|with|outside)\s", phrase, maxsplit=1)[0]
    if re.fullmatch(r"\W*(?:it|them|this|that|these|those)?\W*", phrase, re.I) or lex.non_place.search(head) or (
            weak and share is None and not (named and re.fullmatch(r"(?:the\s+)?(?:\w+\s+of\s+)?", phrase[:first]))):
        return status, share, []  # "captured three soldiers in Kunduz", "held talks in Doha", "seize them"
    if len(named) > 1 and all(_is_town(t) for t in named) and share is None:
        return status, share, [(t.text, t.place) for t in named]
    if named:
        return status, share, [(words, named[0].place)]
    if local:
        town = _recent_town(toponyms, sents, sent, cue.start, country)
        return status, share, [(words, town.place if town else None)]
    if share is not None or lex.territory.search(phrase) or lex.neighbour_nouns.search(phrase):
        return status, share, [(words, _country_place(toponyms, country))]
    return status, share, []


def _actor_name(cue: _Cue, status: str, sent: Sentence, tok: Any, mentions: Sequence[ActorMention], on: date,
                context: ArticleContext, country: str) -> str | None:
    mention = _claim_actor(cue, sent, tok, mentions)
    if mention is not None:
        return resolve_actor(mention, country=country, on=on, context=context).name
    state = _country_subject(sent, cue, on, country)
    if state is not None:
        return state
    if status in ("retaken", "withdrawn") or _STATE_WORD.search(sent.text[cue.start - sent.start:cue.end - sent.start]):
        # Only a state retakes unnamed; an unnamed withdrawal could be anyone's.
        forces = state_forces(country, on) if country and status != "withdrawn" else None
        return forces.name if forces is not None else None
    if context.dominant_armed is not None:
        return resolve_actor(context.dominant_armed, country=country, on=on, context=context).name
    return None


def find_control_claims(article: Article, sents: Sequence[Sentence], toponyms: Sequence[Toponym],
                        context: ArticleContext, country: str) -> list[ControlClaim]:
    """Territorial-control statements: who captured, retook, contests, handed over or left which place, or
    holds what share of the territory; as of the clause's date, with who says so."""
    text = article.text
    reporter = _article_reporter(article, sents)
    claims: list[ControlClaim] = []
    seen: set[tuple[str, str, str]] = set()
    for sent in sents:
        mentions = find_actor_mentions(sent.text, sent.start)
        for cue in _cues(sent):
            tok = _token_at(sent, cue.start)
            if tok is None or tok.dep_ == "amod" or (tok.pos_ == "NOUN" and " " not in text[cue.start:cue.end]) \
                    or _unreal(sent, tok, cue.start):
                continue  # "the occupied territories", "fleeing capture" describe, they do not claim
            a, b = _phrase(text, sent, cue, tok)
            status, share, targets = _targets(text, sent, cue, a, b, sents, toponyms, country)
            when = _as_of(sent, tok, article) if targets else None
            actor = _actor_name(cue, status, sent, tok, mentions, when, context, country) if when else None
            if when is None or actor is None:
                continue
            attribution = _attribution(sent, tok, sents, toponyms, reporter)
            for raw_text, place in targets:
                place_text = _clean_place_text(raw_text)
                if not place_text or (place is None and not _PLACE_NOUN.search(place_text)):
                    continue  # "territory in the autumn": no place a reader could map
                key = (actor, status, place.name if place else place_text)
                if key in seen:
                    continue
                seen.add(key)
                claims.append(ControlClaim(
                    article_id=article.id, actor=actor, place_text=place_text, status=status, as_of=when,
                    place=place, share=share if status == "controls_share" else None, attribution=attribution,
                    evidence=(Span(sent.start, sent.end, sent.text),),
                    id=content_key(article.content_hash, "claim", status, actor, place_text, cue.start),
                ))
    return [_with_dispute(c, sents, toponyms) for c in claims]


_SPEECH_PREFIX = re.compile(r"^.*\b(?:says?|said|reports?|reported|told|according\s+to|claims?)\s+(?:that\s+)?",
                            re.I)
_TRAILING = re.compile(r"\s+(?:early|late|by\s+the\s+\w+|and\s+(?:left|fled|went)\b.*|on\s+(?:monday|tuesday|"
                       r"wednesday|thursday|friday|saturday|sunday)\b.*|in\s+the\s+(?:morning|afternoon|evening|"
                       r"autumn|spring|summer|winter)\b.*)$", re.I)
_PLACE_NOUN = re.compile(r"\b(?:[A-Z]\w+|district|town|city|village|base|crossing|province|airport|land|country|area|"
                         r"centre|center|compound|checkpoints?|posts?|positions|headquarters|valley|capital|port|"
                         r"market|bridge|highway|road|border)\b")


def _clean_place_text(text: str) -> str:
    """"The governor's spokesman says the district centre" -> "the district centre"; "Jalalabad early" ->
    "Jalalabad": the words that name the place, without the speaker or the time around them."""
    text = _SPEECH_PREFIX.sub("", text.strip().lstrip("#"))
    return _TRAILING.sub("", text).strip(" ,;:")


def _with_dispute(claim: ControlClaim, sents: Sequence[Sentence], toponyms: Sequence[Toponym]) -> ControlClaim:
    """Mark a claim that another statement in the article denies: same place, or "the claim" just after it."""
    own = claim.evidence[0].start if claim.evidence else -1
    own_index = next((s.index for s in sents if s.start == own), -1)
    for sent in sents:
        for m in _lex().denial.finditer(sent.text):
            pos = sent.start + m.start()
            tok = _token_at(sent, pos)
            if tok is None:
                continue
            same_place = claim.place is not None and any(
                sent.start <= t.start < sent.end and t.place is not None and t.place.name == claim.place.name
                for t in toponyms)
            named_other = any(sent.start <= t.start < sent.end and t.place is not None for t in toponyms)
            refers_back = own_index <= sent.index <= own_index + 2 and pos > own and not named_other and \
                re.search(r"\b(?:claims?|reports?|it|this)\b", sent.text[m.start():], re.I)
            if not (same_place or refers_back) or not _CONTROL_WORD.search(sent.text[m.start():]):
                continue
            if sent.start == own and not re.search(r"\b(?:but|however|although|while)\b", sent.text, re.I):
                continue
            subj = next((c for c in tok.children if c.dep_ in ("nsubj", "nsubjpass")), None)
            who = _np_text(subj) if subj is not None else ""
            return replace(claim, disputed_by=who or m.group(0))
    return claim


# --- humanitarian figures -------------------------------------------------------------------------

def _unit(sent: Sentence, end: int) -> tuple[str, bool]:
    """The noun a count counts ("people", "families"), and whether it is a count of people at all."""
    tok = _token_at(sent, end) or _token_at(sent, end + 1)
    base = _base(sent)
    while tok is not None and tok.i < sent.span.end:
        if base + tok.idx < end:
            tok = tok.nbor() if tok.i + 1 < sent.span.end else None
            continue
        low = tok.lower_
        if low in _lex().units or tok.lemma_.lower() in _lex().units or tok.ent_type_ == "NORP":
            return low, True  # "250,000 Afghans" counts people too
        if low in ("of", "more", "other") or tok.pos_ in ("ADJ", "DET", "NUM") or tok.dep_ == "amod":
            tok = tok.nbor() if tok.i + 1 < sent.span.end else None
            continue
        return "", tok.pos_ not in ("NOUN", "PROPN")
    return "", True


def _figure_kind(sent: Sentence, q_start: int, q_end: int, unit: str) -> tuple[str, int, int] | None:
    """The kind of figure a count is and where its cue is, from the words right around it; the nearest cue
    wins, and of two at the same place the longer ("fled to Chad" over "fled")."""
    lex = _lex()
    rel_s, rel_e = q_start - sent.start, q_end - sent.start
    tail = sent.text[rel_e:]
    stop = lex.breaks.search(tail)
    forward = tail[: min(stop.start() if stop else len(tail), 90)]
    head = sent.text[:rel_s]
    back = lex.breaks.split(head[-45:])[-1]
    found: list[tuple[int, int, str, int]] = []  # (distance, -length, kind, start)
    for kind, pattern in lex.figure_cues:
        mb = next((x for x in reversed(list(pattern.finditer(back)))), None)
        if mb is not None and not back[mb.end():].strip(" ,"):
            found.append((0, mb.start() - mb.end(), kind, sent.start + rel_s - len(back) + mb.start()))
        mf = pattern.search(forward)
        if mf is not None and len(forward[: mf.start()].split()) <= 5:
            found.append((1 + len(forward[: mf.start()].split()), mf.start() - mf.end(), kind, q_end + mf.start()))
    if not found:
        return None
    _distance, length, kind, start = min(found)
    if kind == "killed_civilians" and unit not in lex.civilian_units:
        return None
    if unit in lex.family_units and kind in ("displaced", "refugees", "in_need"):
        kind += "_families"
    return kind, start, start - length


def find_figures(article: Article, sents: Sequence[Sentence], toponyms: Sequence[Toponym]) -> list[Figure]:
    """Humanitarian counts (displaced, refugees, wounded, people in need, civilians killed) with place, date
    and the source the article gives for them."""
    reporter = _article_reporter(article, sents)
    isos = [t.place.iso2 for t in toponyms if t.place is not None and t.place.iso2]
    home = max(set(isos), key=isos.count) if isos else ""
    figures: list[Figure] = []
    seen: set[tuple[str, int, str]] = set()
    for sent in sents:
        for q in find_quantities(sent.text):
            q_start, q_end = sent.start + q.start, sent.start + q.end
            unit, is_people = _unit(sent, q_end)
            if not is_people:
                continue
            found = _figure_kind(sent, q_start, q_end, unit)
            if found is None:
                continue
            kind, cue_pos, cue_end = found
            if kind.startswith("refugees") and any(
                    cue_pos <= t.start <= cue_end and t.place is not None and t.place.feature != "country"
                    and t.place.iso2 == home for t in toponyms):
                kind = kind.replace("refugees", "displaced")  # "fled to Kabul" stays inside the country
            tok = _token_at(sent, cue_pos)
            if tok is None or unreal_reason(tok) is not None:
                continue
            lo, hi = sorted((q_start, cue_pos))
            between = article.text[max(sent.start, lo - 25): hi]
            if _lex().unreal.search(between):
                continue
            when = _as_of(sent, tok, article, cumulative=True)
            if when is None:
                continue  # "in 1996, 50,000 people fled": history, not the current picture
            local = [t for t in toponyms if sent.start <= t.start < sent.end and t.place is not None]
            towns = [t for t in local if _is_town(t)]
            chosen = (towns or local)[0] if local else None
            if chosen is None:
                chosen = _recent_town(toponyms, sents, sent, sent.start, "")
            place = chosen.place if chosen else None
            key = (kind, q.low, place.name if place else "")
            if key in seen:
                continue
            seen.add(key)
            figures.append(Figure(
                article_id=article.id, kind=kind, as_of=when, low=q.low, best=q.best, high=q.high,
                place_text=chosen.text if chosen else "", place=place,
                attribution=_attribution(sent, tok, sents, toponyms, reporter),
                evidence=(Span(sent.start, sent.end, sent.text),),
                id=content_key(article.content_hash, kind, q.low, q_start),
            ))
    return figures
