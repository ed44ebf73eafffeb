"""Territorial control claims: who captured, retook, contests, handed over or left which place, or holds what
share of the territory, as of the clause's date and with who says so; a claim the article denies elsewhere keeps
the denier in ``disputed_by``.

Rule choices:

* A place is only taken from a toponym inside the claim's own phrase. A generic phrase ("a district around the
  airport", "the city centre") keeps its words as ``place_text`` and takes the last town named in this or the
  previous few sentences. Toponyms after "border crossings with" are neighbours, never the place: the place
  falls back to the article's country-level toponym.
* "controls/took control of" + a share ("half", "a third", "40%", "most of") is ``controls_share``; "most"
  reads 0.5 as a lower bound. Without a share and without a named place, a bare "holds"/"controls" is ignored.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, replace
from datetime import date
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
from .model import Article, ControlClaim, Place, Span, Toponym, content_key
from .nlp import Sentence
from .situation_parse import (
    as_of_date,
    backward_phrase,
    base_offset,
    country_place,
    forward_phrase,
    is_town,
    lexicon,
    np_text,
    own_toponyms,
    recent_town,
    token_at_offset,
    unreal_cue,
)
from .situation_sources import article_reporter, attribution_of

_RELATIVE = frozenset({"who", "which", "that"})
_CONTROL_WORD = re.compile(r"\b(?:claims?|reports?|f[ae]ll(?:en)?|captur\w*|seiz\w*|control\w*|lost|taken|hands|"
                           r"siege|surround\w*|held|holds?|overr[au]n|withdr[ae]w\w*)\b", re.I)
_STATE_WORD = re.compile(r"\b(?:government|army|state|regime|junta|military)\b", re.I)


@dataclass(frozen=True)
class _Cue:
    status: str
    start: int
    end: int
    actor_after: bool


def _cues(sent: Sentence) -> list[_Cue]:
    if not lexicon().any_cue.search(sent.text):
        return []
    found: list[_Cue] = []
    for status, pattern, after in lexicon().cues:
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
    base = base_offset(sent)
    for node in [tok, *tok.ancestors][:6]:
        if node is not tok and node.lemma_.lower() in lexicon().speech:
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
    base = base_offset(sent)
    for ent in sent.span.ents:
        if ent.label_ == "GPE" and base + ent.end_char <= cue.start and ent.root.dep_ == "nsubj":
            actor = country_actor(ent.text, on, country)
            if actor is not None:
                return actor.name
    return None


def _share(phrase: str) -> float | None:
    m = lexicon().share.match(phrase)
    if not m:
        return None
    word = m.group("s").lower()
    if word[0].isdigit():
        return round(float(re.match(r"\d+(?:\.\d+)?", word).group(0)) / 100, 3)  # type: ignore[union-attr]
    return lexicon().share_words.get(word)


def _phrase(text: str, sent: Sentence, cue: _Cue, tok: Any) -> tuple[int, int]:
    """Where the place of a claim is named: after the cue, or before it for "X fell to", "X was captured"."""
    if not cue.actor_after:
        a, b = forward_phrase(text, sent, cue.end)
        passive = tok.tag_ == "VBN" and any(c.dep_ == "auxpass" for c in tok.children)
        if not passive and re.search(r"\w", text[a:b]):
            return a, b
    return backward_phrase(text, sent, cue.start)


def _targets(text: str, sent: Sentence, cue: _Cue, a: int, b: int, sents: Sequence[Sentence],
             toponyms: Sequence[Toponym], country: str) -> tuple[str, float | None, list[tuple[str, Place | None]]]:
    """The claim's status (refined by a share or "without a fight"), share and (place_text, place) pairs."""
    lex = lexicon()
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
    named = own_toponyms(text, toponyms, a, b)
    local = lex.local.search(phrase)
    first = min([t.start - a for t in named] + ([local.start()] if local else []), default=len(phrase))
    head = re.split(r"\s(?:in|of|near|at|on|from|around|with|outside)\s", phrase, maxsplit=1)[0]
    if re.fullmatch(r"\W*(?:it|them|this|that|these|those)?\W*", phrase, re.I) or lex.non_place.search(head) or (
            weak and share is None and not (named and re.fullmatch(r"(?:the\s+)?(?:\w+\s+of\s+)?", phrase[:first]))):
        return status, share, []  # "captured three soldiers in Kunduz", "held talks in Doha", "seize them"
    if len(named) > 1 and all(is_town(t) for t in named) and share is None:
        return status, share, [(t.text, t.place) for t in named]
    if named:
        return status, share, [(words, named[0].place)]
    if local:
        town = recent_town(toponyms, sents, sent, cue.start, country)
        return status, share, [(words, town.place if town else None)]
    if share is not None or lex.territory.search(phrase) or lex.neighbour_nouns.search(phrase):
        return status, share, [(words, country_place(toponyms, country))]
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
    reporter = article_reporter(article, sents)
    claims: list[ControlClaim] = []
    seen: set[tuple[str, str, str]] = set()
    for sent in sents:
        mentions = find_actor_mentions(sent.text, sent.start)
        for cue in _cues(sent):
            tok = token_at_offset(sent, cue.start)
            if tok is None or tok.dep_ == "amod" or (tok.pos_ == "NOUN" and " " not in text[cue.start:cue.end]) \
                    or unreal_cue(sent, tok, cue.start):
                continue  # "the occupied territories", "fleeing capture" describe, they do not claim
            a, b = _phrase(text, sent, cue, tok)
            status, share, targets = _targets(text, sent, cue, a, b, sents, toponyms, country)
            when = as_of_date(sent, tok, article) if targets else None
            actor = _actor_name(cue, status, sent, tok, mentions, when, context, country) if when else None
            if when is None or actor is None:
                continue
            attribution = attribution_of(sent, tok, sents, toponyms, reporter)
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
        for m in lexicon().denial.finditer(sent.text):
            pos = sent.start + m.start()
            tok = token_at_offset(sent, pos)
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
            who = np_text(subj) if subj is not None else ""
            return replace(claim, disputed_by=who or m.group(0))
    return claim
