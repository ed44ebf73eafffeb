"""Which triggers of a sentence report its own event: what falls or withdraws must be ground or a force, and a
trigger inside an "after ..."/"during ..." phrase, a relative clause about the doers or a reason for a punishment is
background to the sentence's news (its deaths are not the event's either)."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from .actors import ActorMention
from .model import Toponym
from .nlp import Sentence, token_at
from .triggers import Trigger

# What can fall to a force: a place, or the words reports use for one.
_FALLING_PLACES = frozenset({"city", "town", "village", "district", "province", "capital", "base", "crossing",
                             "post", "outpost", "checkpoint", "headquarters", "airport", "garrison", "area",
                             "territory", "region", "state", "county", "stronghold", "centre", "center", "port",
                             "border", "camp", "barracks", "hill", "pass", "valley", "bridge", "highway", "road",
                             "compound", "palace", "municipality", "township", "locality", "settlement", "it",
                             "they", "which", "that"})


def place_falls(token: Any, toponyms: Sequence[Toponym], base: int) -> bool:
    """Whether the subject of "fell" is a place ("Kunduz fell to the Taliban", "the district centre fell")."""
    subjects = [c for c in token.children if c.dep_ in ("nsubj", "nsubjpass")]
    if not subjects and token.dep_ == "conj":
        subjects = [c for c in token.head.children if c.dep_ in ("nsubj", "nsubjpass")]
    if not subjects:
        return token.dep_ in ("relcl", "acl")  # "Zaranj, which fell on Friday": the relative names the place
    for subj in subjects:
        lo, hi = base + subj.left_edge.idx, base + subj.right_edge.idx + len(subj.right_edge.text)
        if any(lo <= t.start < hi and t.place is not None for t in toponyms):
            return True
        if any(w.lemma_.lower() in _FALLING_PLACES for w in subj.subtree):
            return True
    return False


# Buildings a siege is fought over: regaining one ends a fight, it wins no territory.
_BUILDINGS = frozenset({"hotel", "mall", "school", "hospital", "building", "mosque", "church", "university",
                        "campus", "parliament", "embassy", "ministry", "office", "theatre", "theater", "restaurant",
                        "bank", "court", "courthouse", "complex", "station", "studio", "plane", "ship", "bus"})


def building_regained(trig: Trigger, sentence: Sentence) -> bool:
    """"... a 30-hour siege at the hotel, before security forces regained control": control of a building (said
    outright, or left unsaid where a building is what was stormed) is the end of a siege, not ground."""
    text = sentence.text
    rel_end = trig.end - sentence.start
    if "control" not in trig.text.lower():
        return False
    after = text[rel_end:rel_end + 60].lower()
    words = after.split()
    if after.lstrip().startswith(("of ", "over ")):
        head = [w.strip(".,;") for w in words[1:5]]
        return any(w in _BUILDINGS for w in head) and not any(w in _FALLING_PLACES for w in head)
    return any(w.strip(".,;'s") in _BUILDINGS for w in text[:rel_end].lower().split())


def ground_or_force_subject(token: Any, mentions: Sequence[ActorMention], toponyms: Sequence[Toponym],
                             base: int) -> bool:
    """Whether a withdrawing, abandoning or surrendering verb has a force or a place (or no subject) doing it."""
    if token.pos_ not in ("VERB", "AUX"):
        return True
    objects = [c for c in token.children if c.dep_ == "dobj"]
    if any(o.lemma_.lower() in _NOT_GROUND for o in objects) or any(
            w.lemma_.lower() in _NOT_GROUND for o in objects for w in o.subtree if w.dep_ in ("nummod", "compound")):
        return False  # "Hamas handed over 13 Israeli hostages", "surrendered their weapons": people or arms
    subjects = [c for c in token.children if c.dep_ in ("nsubj", "nsubjpass")]
    if not subjects and token.dep_ == "conj":
        subjects = [c for c in token.head.children if c.dep_ in ("nsubj", "nsubjpass")]
    for subj in subjects:
        # The subject's own words, not what hangs on it ("reports of an explosion near the Baron Hotel").
        lo, hi = base + subj.left_edge.idx, base + subj.idx + len(subj.text)
        core = [w for w in subj.subtree if w.i <= subj.i]
        if subj.lower_ in ("they", "it", "who", "which", "he", "she", "we", "that"):
            return True
        if any(lo <= m.start < hi and m.armed for m in mentions) or any(
                lo <= t.start < hi and t.place is not None for t in toponyms):
            return True
        if any(w.lemma_.lower() in _FALLING_PLACES | _FORCE_WORDS for w in core):
            return True
        return False
    return True


_NOT_GROUND = frozenset({"hostage", "captive", "prisoner", "detainee", "body", "weapon", "arm", "ammunition",
                         "suspect", "power", "letter", "document", "list", "demand", "petition", "memorandum",
                         "national", "child", "civilian", "soldier", "fighter", "refugee", "aid", "remains"})
_FORCE_WORDS = frozenset({"troops", "troop", "soldier", "force", "army", "fighter", "militant", "insurgent", "rebel",
                          "police", "policeman", "unit", "battalion", "brigade", "garrison", "militia", "guard",
                          "commander", "personnel", "serviceman", "defender", "government", "junta", "regime"})




PUNISHING_VERBS = frozenset({"jail", "arrest", "detain", "imprison", "sentence", "charge", "convict", "punish",
                             "prosecute", "fine", "expel", "sack", "fire", "suspend", "try"})
TIME_NOUNS = frozenset({"day", "night", "morning", "evening", "week", "eve", "anniversary", "hour", "hours"})


# Nouns for the dead an event is about, not the event: "carrying the bodies of four brothers killed in a raid".
_MOURNED = frozenset({"body", "funeral", "coffin", "grave", "memory", "burial", "corpse", "remains", "killing",
                      "death", "murder"})


def _mourned(token: Any) -> bool:
    """"the bodies of four brothers killed in a night raid": a killing that names whom the news is about."""
    return token is not None and token.dep_ == "acl" and token.tag_ == "VBN" and token.head.dep_ == "pobj" and \
        token.head.head.lower_ == "of" and token.head.head.head.lemma_.lower() in _MOURNED


def background_phrase(span: Any, trig: Trigger, base: int, kept_ids: set[int]) -> tuple[int, int] | None:
    """Article offsets of the phrase ("after a suicide bombing ... killed scores") that made a trigger background:
    its governing preposition or subordinate clause, when it holds none of the kept triggers."""
    token = token_at(span, trig.start - base)
    if _mourned(token):
        words = list(token.head.subtree)
        return base + words[0].idx, base + words[-1].idx + len(words[-1].text)
    node = token
    for _ in range(8):
        if node is None or node.head.i == node.i:
            return None
        if node.lower_ in ("after", "following", "before", "amid", "despite") or (
                node.pos_ in ("VERB", "AUX") and node.dep_ == "advcl" and any(
                    c.dep_ == "mark" and c.lower_ in ("after", "following", "before") for c in node.children)):
            words = list(node.subtree)
            if any(w.i in kept_ids for w in words):
                # "after two settlers were shot dead nearby, setting fire to houses": the parser hangs the news
                # on the background clause; the phrase ends where a branch holding a kept trigger begins.
                cut = min((w.i for c in node.children if c.i > node.i for w in c.subtree if w.i in kept_ids),
                          default=None)
                branch = next((c for c in node.children if c.i > node.i and cut is not None
                               and c.left_edge.i <= cut <= c.right_edge.i), None)
                if branch is None or any(w.i in kept_ids for w in words if w.i < branch.left_edge.i):
                    return None
                words = [w for w in words if w.i < branch.left_edge.i]
                while words and words[-1].is_punct:
                    words.pop()
                if not words:
                    return None
            return base + words[0].idx, base + words[-1].idx + len(words[-1].text)
        node = node.head
    return None


def blank(sent: Sentence, ranges: Sequence[tuple[int, int]]) -> str:
    chars = list(sent.text)
    for a, b in ranges:
        for i in range(max(0, a - sent.start), min(len(chars), b - sent.start)):
            chars[i] = " "
    return "".join(chars)


def drop_background(kept: list[Trigger], span: Any, base: int) -> list[Trigger]:
    """"...killed dozens after taking over the town", "a ceasefire after a week of clashes": when a sentence
    reports one event, a trigger inside an 'after/amid/following ...' phrase is background to it."""
    if len({t.family for t in kept}) < 2:
        return kept
    out = []
    takes = any(t.family in ("take", "retake") for t in kept)
    for t in kept:
        if _mourned(token_at(span, t.start - base)):
            continue  # "marched carrying the bodies of four brothers killed in a raid": the march is the news
        if t.family == "transfer" and takes:
            out.append(t)  # "recaptured the town after the militants pulled out": one change of hands, kept whole
            continue
        token = token_at(span, t.start - base)
        if token is not None and token.dep_ == "relcl" and token.head.dep_ in ("pobj", "pcomp"):
            token = token.head  # "after a week of clashes that killed 20 people": the clause tells of the clashes
        # Climb "a week of clashes" to the preposition that governs the whole phrase.
        while token is not None and token.dep_ == "pobj" and token.head.lower_ == "of" and \
                token.head.head.i != token.head.i:
            token = token.head.head
        head = token.head if token is not None else None
        if head is not None and token is not None and token.dep_ in ("pobj", "pcomp") and head.lower_ in (
                "after", "following", "since", "amid", "despite", "before", "during", "under"):
            if t.family in ("protest", "riot") and head.lower_ in ("during", "amid"):
                out.append(t)  # "shot dead by police during a protest": the protest is where force was used
            continue
        if head is not None and token is not None and token.dep_ in ("pobj", "pcomp") and head.lower_ == "for" and \
                head.head.lemma_.lower() in PUNISHING_VERBS:
            continue  # "people jailed for protesting against the coup": why they were punished, not a new protest
        if head is not None and token is not None and token.dep_ == "pobj" and head.lower_ == "on" and \
                token.lemma_.lower() in TIME_NOUNS:
            continue  # "released 13 hostages on the first day of the truce": the truce dates the release
        if token is not None and token.dep_ == "relcl" and token.head.dep_ in ("nsubj", "nsubjpass") and \
                t.family in ("take", "retake", "clash") and any(x.family not in ("take", "retake", "clash")
                                                                for x in kept):
            continue  # "M23 rebels, who seized Goma this week, imposed a curfew": who the doers are, not the news
        verb = token
        while verb is not None and verb.pos_ not in ("VERB", "AUX") and verb.head.i != verb.i:
            verb = verb.head
        if verb is not None and verb.dep_ == "advcl" and any(
                c.dep_ == "mark" and c.lower_ in ("after", "since", "following") for c in verb.children):
            continue  # "shells fell on the city a month after JNIM announced a blockade": background
        out.append(t)
    return out or kept
