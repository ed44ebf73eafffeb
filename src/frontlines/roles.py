"""Who does what around a trigger: the agent and patient of each actor mention, from the dependency parse."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from .actors import STATE_KINDS, ActorMention
from .triggers import Trigger

ALLY_VERBS = frozenset({"support", "help", "assist", "back", "aid", "reinforce", "protect", "defend", "rescue"})
SPEECH_VERBS = frozenset({"say", "tell", "report", "claim", "add", "state", "describe", "confirm", "announce",
                          "allege", "accuse", "deny", "warn", "believe", "note", "write", "tweet", "post"})


def is_state(m: ActorMention | None) -> bool:
    return m is not None and (m.kind in STATE_KINDS or (m.kind == "named" and m.inter == 1))


def is_armed(m: ActorMention | None) -> bool:
    return m is not None and m.armed


def is_civilian(m: ActorMention | None) -> bool:
    return m is not None and m.kind == "civilians"


@dataclass(frozen=True)
class Roles:
    """Who does what around one trigger: agents (subjects, "by X", "X attack") and patients (objects)."""

    agents: tuple[ActorMention, ...]
    patients: tuple[ActorMention, ...]
    rest: tuple[ActorMention, ...]
    # "The army said it had recaptured X": the doer is a pronoun standing for the speaker.
    speakers: tuple[ActorMention, ...] = ()
    pronoun_subject: bool = False


def assign_roles(doc_span: Any, trigger: Trigger, mentions: Sequence[ActorMention], base: int) -> Roles:
    """Agent/patient of each actor mention relative to the trigger, from the dependency parse.

    ``base`` is the article offset of the parsed text, so that ``token.idx + base`` is an article offset."""
    agents: list[ActorMention] = []
    patients: list[ActorMention] = []
    rest: list[ActorMention] = []
    speakers: list[ActorMention] = []
    trigger_token = next((t for t in doc_span if base + t.idx <= trigger.start < base + t.idx + max(1, len(t.text))),
                         None)
    trigger_verb = _governing_verb(trigger_token) if trigger_token is not None else None
    for m in mentions:
        head = _mention_head(doc_span, m, base)
        role = _role(head) if head is not None else ""
        # (a withdrawal's own subject is the side that left; the main clause's is the one that gained the ground)
        if role in ("agent", "patient") and head is not None and trigger_verb is not None and not _same_clause(
                head, trigger_verb, role, trigger_token, own_subject_wins=trigger.family != "transfer"):
            role = ""  # a subject or object of another clause ("..., and police responded") is no side here
        if role == "speaker" and trigger_token is not None and head is not None and head.head.i == trigger_token.i:
            role = "agent"  # "Wagner forces claimed full control of Bakhmut": the claim is the taking itself
        if role == "speaker":
            speakers.append(m)
            continue
        if role == "ally":
            continue  # "to support the Afghan forces": not a side of this event
        if role == "agent":
            agents.append(m)
        elif role == "patient":
            patients.append(m)
        else:
            rest.append(m)
    agents = _lead_not_helper(doc_span.text, base + doc_span[0].idx if len(doc_span) else base, agents, mentions)
    return Roles(tuple(agents), tuple(patients), tuple(rest), tuple(speakers),
                 _pronoun_subject(doc_span, trigger, base))


_HELPER_BEFORE = re.compile(r"\b(?:backed|supported|assisted|aided|helped|reinforced|accompanied)\s+by\s+"
                            r"(?:[\w'’-]+\s+){0,3}$|\b(?:alongside|together\s+with|with\s+(?:the\s+)?(?:help|support)"
                            r"\s+of)\s+(?:[\w'’-]+\s+){0,3}$", re.IGNORECASE)


def _lead_not_helper(text: str, text_start: int, agents: list[ActorMention],
                     mentions: Sequence[ActorMention]) -> list[ActorMention]:
    """"Army troops backed by clan militia retook ...": the small parser may make the helper the subject; the
    armed side named before "backed by" is the one that acted."""
    out = []
    for m in agents:
        window = max(0, m.start - text_start - 60)
        helper = _HELPER_BEFORE.search(text[window:m.start - text_start])
        if helper:
            phrase_start = text_start + window + helper.start()
            lead = next((x for x in reversed(mentions) if x.end <= phrase_start and x.armed), None)
            if lead is not None:
                out.append(lead)
                continue
        out.append(m)
    return out


def _pronoun_subject(span: Any, trigger: Trigger, base: int) -> bool:
    token = next((t for t in span if base + t.idx <= trigger.start < base + t.idx + max(1, len(t.text))), None)
    for _ in range(4):
        if token is None:
            return False
        if token.pos_ in ("VERB", "AUX"):
            break
        token = token.head if token.head.i != token.i else None
    if token is None:
        return False
    for _ in range(3):
        if any(c.dep_ in ("nsubj", "nsubjpass") and c.lower_ in ("it", "they", "we") for c in token.children):
            return True
        if any(c.dep_ in ("nsubj", "nsubjpass") for c in token.children) or token.dep_ != "conj":
            return False
        token = token.head  # "they had wrested control ... and had pushed army units out": a shared subject
    return False


def _governing_verb(token: Any) -> Any:
    current = token
    for _ in range(10):
        if current.pos_ in ("VERB", "AUX") or current.head.i == current.i:
            return current
        current = current.head
    return current


def _same_clause(mention_head: Any, trigger_verb: Any, role: str, trigger_token: Any = None,
                 own_subject_wins: bool = True) -> bool:
    anchor = trigger_token if trigger_token is not None else trigger_verb
    lo, hi = sorted((mention_head.i, anchor.i))
    if any(t.text == ";" for t in mention_head.doc[lo:hi]):
        return False  # "11 Taliban were killed; the Taliban did not comment": a semicolon ends the clause
    verb = _governing_verb(mention_head.head if mention_head.head.i != mention_head.i else mention_head)
    if verb.tag_ == "VBG" and verb.dep_ == "pcomp" and verb.head.lower_ == "by":
        verb = _governing_verb(verb.head)  # "by retreating soldiers" belongs to the verb the "by" hangs from
    if verb.i == trigger_verb.i:
        return True
    if trigger_token is not None and trigger_token.dep_ == "amod" and trigger_token.head.pos_ in ("NOUN", "PROPN"):
        trigger_token = trigger_token.head  # "a ballistic missile fired by the Houthis": the noun is the trigger
    if trigger_token is not None and trigger_token.pos_ in ("NOUN", "PROPN") and verb.dep_ in ("acl", "relcl") and (
            verb.head.i == trigger_token.i or verb.head.i == trigger_token.head.i):
        return True  # "an IED planted by militants", "artillery shells fired by the RSF": it describes the trigger
    # "X tore down barriers and stormed parliament": coordinated verbs share their subject.
    if role == "agent" and trigger_verb.dep_ == "conj" and trigger_verb.head.i == verb.i:
        return True
    if trigger_verb.dep_ in ("xcomp", "advcl", "acl", "relcl", "ccomp") and trigger_verb.head.i == verb.i:
        # "forcing troops to retreat", "killing 12": the main clause's subject does it, unless the clause has a
        # subject of its own ("the military lost its command after the MNDAA overran the headquarters").
        return not (own_subject_wins and role == "agent" and trigger_verb.dep_ == "advcl" and any(
            c.dep_ == "nsubj" and c.pos_ in ("NOUN", "PROPN") for c in trigger_verb.children))
    if role == "patient" and verb.head.i == trigger_verb.i and verb.dep_ in ("advcl", "xcomp", "conj") and \
            verb.lemma_ in ("kill", "wound", "injure", "leave", "maim", "abduct", "kidnap"):
        return True  # "attacked a camp, killing 45 people": the dead are the attack's victims
    return False


def _mention_head(span: Any, m: ActorMention, base: int) -> Any:
    tokens = [t for t in span if base + t.idx >= m.start and base + t.idx < m.end]
    if not tokens:
        return None
    ids = {t.i for t in tokens}
    for t in tokens:
        if t.head.i not in ids or t.head.i == t.i:
            return t
    return tokens[-1]


# Nouns for a group's people or things, whose role in the clause is the group's ("hit a PMF patrol"), unlike
# event nouns ("a Taliban attack") whose modifier is the doer.
UNIT_NOUNS = frozenset({"patrol", "convoy", "vehicle", "post", "checkpoint", "base", "position", "outpost", "camp",
                        "headquarters", "office", "station", "commander", "leader", "member", "fighter", "soldier",
                        "truck", "car", "compound", "unit", "garrison", "barracks", "tank", "helicopter",
                        # people of a group: "1 Taliban border guard was killed" names the side that was hit
                        "guard", "personnel", "officer", "policeman", "official", "worker", "employee", "staff",
                        "supporter", "militant", "recruit", "cadet", "bodyguard", "driver", "trooper"})


def _role(token: Any) -> str:
    dep = token.dep_
    head = token.head
    if dep == "pobj" and head.head.lemma_ in ALLY_VERBS or dep == "dobj" and head.lemma_ in ALLY_VERBS:
        return "ally"  # "air strikes to support the Afghan forces": not the target
    if dep in ("nsubj", "csubj") and head.lemma_ in SPEECH_VERBS:
        return "speaker"
    if dep == "nsubj" and head.lemma_ in ("die", "perish", "drown", "succumb"):
        return "patient"  # "five soldiers died": the dead are the side that was hit
    if dep in ("nsubj", "csubj", "agent"):
        return "agent"
    if dep == "dobj" and head.tag_ == "VBG" and head.dep_ == "pcomp" and head.head.lower_ == "by":
        return "agent"  # "raped by retreating soldiers": the parser reads the adjective as a verb taking them
    if dep in ("compound", "amod", "poss", "nmod") and head.pos_ == "NOUN":
        if head.lemma_.lower() in UNIT_NOUNS:
            return _role(head)  # "a bomb hit a PMF patrol": the patrol's role is the group's
        return "agent"  # "a Taliban attack", "Taliban-planted", "the army's offensive"
    if dep == "pobj" and head.lower_ == "by" and head.head.lemma_ in ("back", "support", "assist", "accompany",
                                                                      "aid", "reinforce", "escort") \
            and head.head.dep_ in ("acl", "amod", "relcl", "advcl"):
        return "ally"  # "army troops backed by clan militia retook the town": the militia only helped
    if dep == "pobj" and head.lower_ == "by":
        return "agent"
    if dep in ("nsubj", "nsubjpass") and head.lemma_ in SPEECH_VERBS:
        return "speaker"
    if dep in ("nsubjpass", "dobj", "attr", "oprd"):
        return "patient"
    if dep == "pobj" and head.lower_ == "of" and head.head.pos_ in ("NOUN", "PROPN") and head.head.dep_ in (
            "nsubj", "nsubjpass", "dobj", "pobj", "appos"):
        return _role(head.head)  # "members of the 400 Mawozo gang kidnapped...": the phrase's role is the gang's
    if dep == "pobj" and head.lower_ in ("against", "on", "at", "targeting", "with", "between", "into", "of", "from"):
        return "patient"
    if dep == "conj":
        return _role(head)
    if dep == "appos":
        return _role(head)
    return ""


def pick_sides(r: Roles | None, t: Trigger, mentions: Sequence[ActorMention],
               remote: bool = False) -> tuple[ActorMention | None, ActorMention | None]:
    """The doer and the target of one trigger, from its roles, else from the mentions around it."""
    r = r or Roles((), (), tuple(mentions))
    agent = None
    if r.pronoun_subject and r.speakers:
        # "The RSF said it had taken the city": the pronoun is the speaker
        agent = next((m for m in r.speakers if is_armed(m) or m.kind == "external"), None)
    agent = agent or next((m for m in r.agents if is_armed(m)), None)
    armed_patients = [m for m in r.patients if is_armed(m)]
    if agent is None and len(armed_patients) >= 2 and not remote:
        # "fighting between Afghan special forces and the Taliban": both sides, in the text's order
        return armed_patients[0], armed_patients[1]
    patient = next((m for m in r.patients if m is not agent), None)
    if agent is None and r.pronoun_subject and r.speakers:
        agent = next((m for m in r.speakers if is_armed(m) or m.kind == "external"), None)
    if agent is None:
        # No syntactic doer: a group named before the trigger, or a named armed group anywhere; state forces
        # named after the trigger are more often the target ("killing 13 US service members").
        before = [m for m in r.rest if m.end <= t.start and is_armed(m) and m is not patient]
        named = [m for m in r.rest if m.kind == "named" and m.inter != 1 and m is not patient]
        agent = before[0] if before else (named[0] if named else None)
    if agent is None and remote:
        # "The U.S. military said an air strike near Jilib killed four militants": a foreign force reporting a
        # strike nobody is said to have made reports its own (a home army reporting drones that hit its country
        # does not).
        agent = next((m for m in r.speakers if is_armed(m) and m.kind == "named" and m.inter == 8), None)
    if agent is None:
        agent = next((m for m in r.agents if m.kind == "external"), None)  # "a UN convoy": last resort
    if patient is None:
        patient = next((m for m in r.rest + r.patients + r.agents if m is not agent
                        and (agent is None or m.name != agent.name or m.kind != agent.kind)), None)
    return agent, patient
