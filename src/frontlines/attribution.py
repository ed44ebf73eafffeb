"""Who says so: the outlets and people an event rests on, claims of responsibility, and disputes.

ACLED's ``source`` names the outlets; a claim by a party to the fight is tagged as such, and a claim the same
article disputes keeps its event with lower confidence and both sides as sources.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from datetime import date
from typing import Any

from .actors import ActorMention, ArticleContext, resolve_actor
from .merge import Draft
from .model import Article
from .nlp import Sentence

_OUTLET = re.compile(
    r"(?:\btold (?:the )?|\breports? (?:the |by the )?|\baccording to (?:the )?|\bcited by (?:the )?|"
    r"\bquoted by (?:the )?)(?P<a>[A-Z][\w.&'-]*(?: [A-Z][\w.&'-]*){0,3})"
    r"|\b(?:[Aa]n? |[Tt]he )(?P<b>[A-Z][\w.&'-]*(?: [A-Z][\w.&'-]*){0,3}) (?:reporter|correspondent|journalist)s?\b"
)


_ACCORDING_TO = re.compile(r"\baccording to (?:one |a |an |the )?([A-Za-z][\w'.-]*(?: [\w'.-]+){0,5}?)"
                           r"(?=,|\.|;| who\b| on\b| in\b|$)", re.I)


_NOT_OUTLET = frozenset({"He", "She", "They", "It", "Him", "Her", "Them", "One", "Local", "Residents", "Officials"})


CLAIM_VERBS = frozenset({"claim", "condemn", "deny", "blame", "investigate", "describe", "denounce", "report",
                         "confirm", "responsibility"})


_CLAIM = re.compile(r"\b(?:claimed|claims|claiming|has claimed|took|takes|accepted)\s+(?:responsibility|"
                    r"credit)?(?:\s+for)?\s*(?:the|this|that|these|both)?\s*(?:attacks?|bombings?|blasts?|"
                    r"explosions?|killings?|assault|ambush|raid|abduction|kidnapping|strike)\b|"
                    r"\bclaimed responsibility\b|\b(?:blamed|suspicion fell on|was blamed on|were blamed on|"
                    r"attributed (?:it|the \w+) to|suspected|accused)\b", re.I)


def apply_claims(drafts: list[Draft], sents: Sequence[Sentence], sentence_mentions: Sequence[list[ActorMention]],
                  country: str, published: date, context: ArticleContext) -> None:
    """"Islamic State later claimed the attack": the claimant is the perpetrator of the violent event just
    reported, when that event's doer was not named. A claim of responsibility outweighs an earlier blame ("the
    army blamed the ADF. Islamic State later claimed the blast")."""
    blamed: set[int] = set()  # drafts whose doer so far rests only on blame
    for sent, mentions in zip(sents, sentence_mentions, strict=True):
        claim = _CLAIM.search(sent.text)
        if claim is None:
            continue
        blame = not claim.group(0).lower().startswith(("claim", "has claimed", "took", "takes", "accepted"))
        # "The government blamed separatists": an unnamed group counts where the region names it (Cameroon's
        # separatists are the Ambazonians).
        claimant = next((m for m in mentions if (m.kind == "named" and m.inter in (2, 3, 4) or m.kind == "generic_armed"
                                                 and not resolve_actor(m, country=country, on=published,
                                                                       context=context).name.startswith("Unidentified"))
                         and (blame or m.start - sent.start < claim.start())), None)
        if claimant is None:
            continue
        target = next((d for d in sorted(drafts, key=lambda d: -d.sentence_index)
                       if d.sentence_index <= sent.index and sent.index - d.sentence_index <= 2
                       # "IS later claimed the blast" is itself read as a mention of the blast: the claim is
                       # about the event reported before it
                       and not (d.sentence_index == sent.index and d.candidate.follow_up)
                       and d.candidate.event_type in ("Explosions/Remote violence", "Violence against civilians",
                                                      "Battles")), None)
        if target is None:
            continue
        doer = resolve_actor(claimant, country=country, on=published, context=context)
        if _unnamed_doer(target.actor1) or (not blame and (id(target) in blamed or _only_blamed(
                target.actor1, [s.text for s in sents[max(0, target.sentence_index):sent.index + 1]]))):
            target.actor1 = doer
            if blame:
                blamed.add(id(target))
            else:
                blamed.discard(id(target))


_BLAME_BEFORE = re.compile(r"\b(?:blam(?:ed|ing|es)|accus(?:ed|ing|es)|suspect(?:ed|ing|s)|attributed (?:it|the \w+) "
                           r"to)\s+(?:on\s+)?(?:the\s+)?$", re.I)


def _only_blamed(actor: Any, texts: Sequence[str]) -> bool:
    """"..., the army blamed the ADF": the doer rests on someone's blame, which a claim of responsibility
    outweighs."""
    if actor is None or not actor.mention:
        return False
    for text in texts:
        for found in re.finditer(re.escape(actor.mention), text):
            if _BLAME_BEFORE.search(text[max(0, found.start() - 30):found.start()]):
                return True
    return False


def _unnamed_doer(actor: Any) -> bool:
    """No doer named in the event's own words: none, an unidentified group, or forces the pipeline supplied by
    default (no surface mention, as for strikes presumed to be the state's)."""
    return actor is None or actor.name.startswith("Unidentified") or not actor.mention


_DISPUTE = re.compile(r"\b(?:denied|denies|deny|rejected|rejects|dismissed|dismisses|disputed|disputes|refuted|"
                      r"contradicted)\b(?:\s+\w+){0,4}?\s+(?:the\s+|this\s+|that\s+|these\s+|such\s+)?"
                      r"(?:claims?|reports?|accounts?|it|allegations?|involvement|responsibility|any role|"
                      r"the (?:attack|strike|killing|capture))\b|\bdenied (?:that|any)\b|\b(?:was|were) false\b", re.I)


def mark_disputes(drafts: Sequence[Draft], sents: Sequence[Sentence],
                   sentence_mentions: Sequence[list[ActorMention]], country: str, published: date,
                   context: ArticleContext) -> None:
    """"The Taliban said they took the district; the government denied it": the event stays, with lower
    confidence, a "disputed" tag and the disputing side among its sources."""
    for d in drafts:
        last = max((s.index for s in sents for e in d.evidence if s.start <= e.start < s.end), default=-1)
        for sent in sents[last:last + 3] if last >= 0 else []:
            m = _DISPUTE.search(sent.text)
            if m is None:
                continue
            who = next((x for x in sentence_mentions[sent.index] if x.start - sent.start < m.start()), None)
            d.confidence = max(0.1, d.confidence - 0.2)
            d.tags = tuple(dict.fromkeys(d.tags + ("disputed",)))
            if who is not None:
                name = resolve_actor(who, country=country, on=published, context=context).name
                d.sources = tuple(dict.fromkeys(d.sources + (name,)))
            break


def sources_of(article: Article, sent: Sentence, lead: Sequence[str] = ()) -> tuple[str, ...]:
    """The outlet (or the outlet the article relays), then who the sentence cites: outlets ("told the BBC") and
    named sources ("according to one Kandahar MP")."""
    found: list[str] = []
    if article.source:
        found.append(article.source)
    else:
        found.extend(lead)
    for m in _OUTLET.finditer(sent.text):
        name = (m.group("a") or m.group("b") or "").strip().rstrip(".,;:")
        if name and name.split()[0] not in _NOT_OUTLET and name not in found:
            found.append(name)
    for m in _ACCORDING_TO.finditer(sent.text):
        who = m.group(1).strip().rstrip(".,;:")
        if who and len(who.split()) <= 5 and who not in found and who.split()[0] not in _NOT_OUTLET:
            found.append(who)
    return tuple(found)


def party_claims(roles: Any, country: str, on: date, context: ArticleContext) -> tuple[str, ...]:
    """"the Taliban said...", "the army said...": a report that rests on a party to the fight is tagged so."""
    if roles is None:
        return ()
    tags = []
    for m in roles.speakers:
        if m.armed or m.kind in ("military", "police", "government"):
            tags.append(f"claim: {resolve_actor(m, country=country, on=on, context=context).name}")
    return tuple(dict.fromkeys(tags))
