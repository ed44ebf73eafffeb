"""What really happened: a trigger in a hypothetical, future, intended, denied or historical clause is no event.

The decision is made on the dependency parse around the trigger word, so that "Kamin believes that if it falls,
five or six provinces will be lost" is dropped while "Afghan forces repulsed the attack" in the same article
is kept.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

FUTURE_AUX = frozenset({"will", "shall", "'ll", "would", "could", "might", "may", "can", "should", "must", "wo"})
CONDITIONAL_MARKS = frozenset({"if", "unless", "lest", "whether"})
# Verbs whose complement is not (yet) an event: "vowed to retake", "seek to seize", "plans to attack".
INTENTION_HEADS = frozenset({
    "intend", "plan", "seek", "aim", "vow", "threaten", "want", "wish", "hope", "prepare",
    "promise", "pledge", "expect", "fear", "warn", "decide", "agree", "propose", "urge", "call", "order",
    "demand", "ask", "need", "mean", "hesitate", "refuse", "fail", "able", "likely", "ready", "set", "poise",
    "continue_to_be_able", "consider", "discuss", "threat",
})
APPEAL_HEADS = frozenset({"call", "demand", "urge", "push", "press", "appeal", "ask", "plead", "lobby", "hope",
                          "wait", "prepare", "brace", "pray", "campaign", "negotiate", "talk"})
RETRACTION_HEADS = frozenset({"withdraw", "retract", "correct", "disprove", "debunk", "discredit"})
REPORT_NOUNS = frozenset({"report", "claim", "account", "statement", "rumour", "rumor"})
UNCONFIRMED_HEADS = frozenset({"investigate", "probe", "verify", "examine", "rumour", "rumor", "speculate"})
DENIAL_HEADS = frozenset({"deny", "dismiss", "reject", "refute"})
# Nouns that make what they govern unreal: "fears of an attack", "plans for an offensive", "threat of".
UNREAL_NOUNS = frozenset({"fear", "plan", "threat", "risk", "possibility", "prospect", "danger", "warning",
                          "rumour", "rumor", "intention", "bid", "attempt", "proposal", "offer", "draft"})
CLAUSAL_DEPS = frozenset({"advcl", "relcl", "ccomp", "xcomp", "acl", "csubj", "conj", "pcomp", "parataxis"})


def _clause_head(token: Any) -> Any:
    """The verb heading the clause the token is in (the token itself when it is that verb)."""
    current = token
    for _ in range(12):
        if current.pos_ in ("VERB", "AUX") or current.dep_ == "ROOT" or current.head.i == current.i:
            return current
        current = current.head
    return current


def _chain(token: Any) -> list[Any]:
    """The token and its heads up to the sentence root."""
    chain = [token]
    current = token
    for _ in range(20):
        if current.head.i == current.i:
            break
        current = current.head
        chain.append(current)
    return chain


# Weapons as goods: "the shortage of artillery shells", "deliveries of missiles", "sent rockets to Kyiv".
_SUPPLY_NOUNS = frozenset({"shortage", "supply", "supplies", "delivery", "deliveries", "shipment", "stock", "stockpile",
                           "production", "lack", "purchase", "sale", "transfer", "package", "consignment", "cache",
                           "depot", "factory", "plant", "warehouse"})
_SUPPLY_VERBS = frozenset({"send", "supply", "deliver", "provide", "ship", "donate", "buy", "sell", "produce",
                           "manufacture", "pledge", "request", "receive", "need", "lack", "stockpile", "smuggle"})


def _supplied(trigger: Any) -> bool:
    if trigger.pos_ not in ("NOUN", "PROPN"):
        return False
    noun = trigger
    while noun.dep_ in ("compound", "amod") and noun.head.i != noun.i and noun.head.pos_ in ("NOUN", "PROPN"):
        noun = noun.head
    head = noun.head
    if noun.dep_ == "pobj" and head.lower_ == "of" and head.head.lemma_.lower() in _SUPPLY_NOUNS:
        return True
    return noun.dep_ == "dobj" and head.lemma_.lower() in _SUPPLY_VERBS


def unreal_reason(trigger: Any, historic_tokens: Sequence[Any] = (), check_purpose: bool = True) -> str | None:
    """Why the clause of ``trigger`` (a spaCy token) does not report a real, current event; None if it does.
    ``check_purpose`` False keeps an infinitive of purpose ("launched a drive to recruit volunteers")."""
    historic_ids = {t.i for t in historic_tokens}
    if _supplied(trigger):
        return "supply"
    chain = _chain(trigger)
    clause = _clause_head(trigger)
    noun = trigger
    while noun.dep_ in ("compound", "amod") and noun.head.i != noun.i:
        noun = noun.head  # "air" of "air strikes": the phrase's head noun carries its role
    own_verb = clause.i == trigger.i or (
        noun.dep_ == "dobj" and noun.head.i == clause.i and clause.lemma_.lower() in LAUNCH_VERBS)
    purpose = _purpose(clause) if check_purpose and own_verb else None
    if purpose:
        return purpose
    if _reference_to_fighting(trigger):
        return "reference"
    if _generic_practice(noun, clause):
        return "generic"
    # Only look at the local clause for aux/negation, and climb clause boundaries for conditionals/intentions.
    for child in clause.children:
        low = child.lower_
        if child.dep_ in ("aux", "auxpass") and low in FUTURE_AUX:
            if low in ("could", "might", "may") and any(c.lower_ == "have" for c in clause.children):
                return "speculative"
            return "future" if low in ("will", "shall", "'ll", "wo") else "hypothetical"
        if child.dep_ == "neg":
            return "negated"
        if child.dep_ == "mark" and low in CONDITIONAL_MARKS:
            return "conditional"
    if trigger.dep_ in ("nsubj", "nsubjpass", "dobj", "pobj", "attr") and any(
            c.dep_ == "det" and c.lower_ == "no" for c in trigger.children):
        return "negated"
    if trigger.dep_ in ("nsubj", "csubj", "nsubjpass") and trigger.head.i != trigger.i:
        # "fighting may resume", "an offensive will begin": the trigger names what the modal verb is about
        for child in trigger.head.children:
            if child.dep_ in ("aux", "auxpass") and child.lower_ in FUTURE_AUX:
                return "future" if child.lower_ in ("will", "shall", "'ll", "wo") else "hypothetical"
    for child in clause.children:
        if child.dep_ in ("nsubj", "nsubjpass") and (child.lower_ in ("nobody", "none", "nothing") or any(
                c.dep_ == "det" and c.lower_ == "no" for c in child.children)):
            return "negated"
    previous = trigger
    semicolons = [t.i for t in trigger.sent if t.text == ";"]
    for node in chain[1:]:
        if any(min(node.i, trigger.i) < s < max(node.i, trigger.i) for s in semicolons) and not any(
                t.lemma_.lower() in _DISPUTED_TOLL for t in node.subtree if t.i > trigger.i):
            # "12 children were killed; Hezbollah denied firing it": the denial is of who did it, in another
            # clause (unlike "seven were killed; the Taliban denied losses").
            break
        lemma = node.lemma_.lower()
        if lemma == "set" and any(c.dep_ == "prt" and c.lower_ in ("off", "up") for c in node.children):
            # "setting off gun battles", "set up a camp": done; "set to attack", "setting out a withdrawal" are not
            lemma = "set_" + next(c.lower_ for c in node.children if c.dep_ == "prt")
        via = previous.dep_
        if via in ("xcomp", "ccomp", "acl", "pcomp", "advcl") or previous.tag_ == "VB":
            if lemma in INTENTION_HEADS:
                return "intention"
        if via == "dobj" and previous.pos_ == "NOUN" and lemma in INTENTION_HEADS | {"plot", "prepare", "organise",
                                                                                    "organize"}:
            return "intention"  # "planning attacks", "threatened strikes": the attack has not happened
        if via == "pobj" and previous.head.lower_ == "for" and lemma in APPEAL_HEADS:
            return "intention"  # "called for a ceasefire"
        if via == "prep" and previous.lower_ == "for" and lemma in APPEAL_HEADS:
            return "intention"
        if lemma == "accuse" and previous.lower_ == "of" and any(
                t.text in ('"', "“", "'", "‘") for t in trigger.doc[previous.i:trigger.i]):
            return "alleged"  # 'accused the army of "bombing its own people"': a quoted charge, not a report
        if lemma in DENIAL_HEADS or lemma in RETRACTION_HEADS and any(
                c.dep_ in ("nsubjpass", "dobj") and c.lemma_.lower() in REPORT_NOUNS for c in node.children):
            return "denied"  # "reports of a second explosion were later withdrawn"
        if lemma in UNCONFIRMED_HEADS and node.i != trigger.i:
            return "unconfirmed"  # "investigating reports of an air strike"
        if via in ("pobj", "prep", "acl", "nmod", "compound") and lemma in UNREAL_NOUNS:
            return "intention"
        if via == "advcl" and any(c.dep_ == "mark" and c.lower_ in CONDITIONAL_MARKS for c in previous.children):
            return "conditional"
        if via in CLAUSAL_DEPS and node.pos_ in ("VERB", "AUX"):
            # A clause embedded under a future/hypothetical verb shares its modality ("will be lost if").
            if any(c.dep_ in ("aux", "auxpass") and c.lower_ in ("will", "would", "shall", "wo")
                   for c in node.children) and via in ("xcomp", "ccomp"):
                return "future"
        previous = node
    if historic_ids:
        for token in clause.subtree:
            if token.i in historic_ids and _clause_head(token).i == clause.i:
                return "historical"
    return None


# Verbs after which an infinitive did happen: "managed to retake", "forced them to withdraw".
REALISED_HEADS = frozenset({"manage", "succeed", "force", "compel", "oblige", "help", "begin", "start", "continue",
                            "proceed", "go", "cause", "lead", "make", "get", "able", "enable", "allow", "return"})
# Verbs whose object is the event they would start: "to continue the fight", "to launch an offensive".
LAUNCH_VERBS = frozenset({"continue", "resume", "launch", "start", "begin", "carry", "mount", "conduct", "stage",
                          "wage", "intensify", "step", "escalate", "renew"})
# "displaced by the fighting", "fled the clashes": the conflict as a cause, not a new event.
FLIGHT_VERBS = frozenset({"flee", "escape", "leave", "avoid", "displace", "uproot", "drive", "force", "shelter",
                          "trap", "cut", "disrupt", "close", "suspend", "halt", "delay", "hit", "affect"})


ENDING_VERBS = frozenset({"end", "stop", "cease", "halt", "pause", "freeze", "conclude", "lift"})
DEAL_NOUNS = frozenset({"ceasefire", "cease-fire", "truce", "deal", "agreement", "settlement", "accord", "armistice"})


_DISPUTED_TOLL = frozenset({"loss", "losses", "casualty", "claim", "toll", "report", "death", "figure", "number"})
_GRIEVANCE_VERBS = frozenset({"protest", "demonstrate", "demand", "denounce", "condemn", "oppose", "mourn",
                              "mark", "commemorate", "call", "press", "urge", "voice", "express", "show"})
_GATHERING_HEADS = frozenset({"gather", "march", "rally", "assemble", "converge", "mass", "take", "pour", "throng",
                              "flock", "come", "turn", "block", "occupy", "stage", "hold"})


def _purpose(clause: Any) -> str | None:
    """"a counter-offensive to retake the town", "sent commandos to retake it", "positions across the valley to
    continue the fight": an infinitive of purpose or plan is not (yet) an event."""
    if clause.tag_ != "VB" or not any(c.dep_ == "aux" and c.lower_ == "to" for c in clause.children):
        return None
    head = clause.head
    if head.i == clause.i or head.lemma_.lower() in REALISED_HEADS:
        return None
    if clause.lemma_.lower() in _GRIEVANCE_VERBS and head.lemma_.lower() in _GATHERING_HEADS:
        return None  # "supporters gathered in central Maputo to protest the killing": the gathering is the protest
    if clause.dep_ in ("acl", "relcl") and head.pos_ in ("NOUN", "PROPN", "PRON"):
        return "intention"
    if clause.dep_ == "advcl" or clause.dep_ == "xcomp" and (
            head.pos_ in ("ADJ", "NOUN") or head.lemma_.lower() in ("say", "tell", "send", "deploy", "dispatch",
                                                                    "use")):
        return "intention"  # "told troops to retake it", "sent commandos to retake it": ordered, not done
    return None


def _generic_practice(noun: Any, clause: Any) -> bool:
    """"The junta has responded with air strikes": a bare plural under a present perfect, in a sentence with no
    day, time or number, tells what a side does, not one event an analyst could date and place."""
    if noun.tag_ != "NNS" or any(c.dep_ in ("det", "nummod", "poss", "quantmod") for c in noun.children):
        return False
    if noun.dep_ not in ("dobj", "pobj") or clause.tag_ != "VBN":
        return False
    if not any(c.dep_ == "aux" and c.lower_ in ("has", "have", "'ve") for c in clause.children):
        return False
    sentence = clause.sent
    return not any(t.ent_type_ in ("DATE", "TIME", "CARDINAL") or t.like_num for t in sentence)


def _reference_to_fighting(trigger: Any) -> bool:
    if trigger.pos_ != "NOUN":
        return False
    head = trigger.head
    if trigger.dep_ == "pobj" and head.lower_ == "under" and head.head.lemma_ == "be":
        return True  # "Timbuktu has been under a blockade for a month": a standing situation, not a new event
    if trigger.dep_ == "dobj" and head.lemma_.lower() in FLIGHT_VERBS:
        return True
    noun = trigger
    while noun.dep_ == "pobj" and noun.head.lower_ == "of" and noun.head.head.pos_ == "NOUN":
        noun = noun.head.head  # "ending over a year of hostilities": the phrase's head noun carries the role
    if noun.dep_ == "pobj" and noun.head.lower_ in ("over", "nearly", "almost", "about") and \
            noun.head.dep_ == "prep":
        noun = noun.head  # "ending over a year of hostilities"
    if noun.dep_ in ("dobj", "prep") and noun.head.lemma_.lower() in ENDING_VERBS and any(
            t.lemma_.lower() in DEAL_NOUNS for t in noun.sent):
        return True  # "a ceasefire came into effect, ending the siege": what the deal stopped, not a new event
    return trigger.dep_ == "pobj" and head.lower_ in ("by", "from") and head.head.lemma_.lower() in FLIGHT_VERBS


def excluded_clauses(
    sentence: Any, trigger_ids: set[int], historic_tokens: Sequence[Any] = ()
) -> list[tuple[int, int]]:
    """Character ranges (absolute, in the parsed text) of clauses in ``sentence`` that report no event:
    conditional, historical or intention clauses that contain none of the kept triggers. Evidence leaves
    them out so that a span never quotes "if it falls..." as support."""
    historic_ids = {t.i for t in historic_tokens}
    ranges: list[tuple[int, int]] = []
    for token in sentence:
        if token.dep_ not in ("advcl", "relcl", "acl", "ccomp", "conj") or token.pos_ not in ("VERB", "AUX"):
            continue
        subtree = list(token.subtree)
        ids = {t.i for t in subtree}
        if ids & trigger_ids:
            continue
        conditional = any(c.dep_ == "mark" and c.lower_ in CONDITIONAL_MARKS for c in token.children)
        modal = any(c.dep_ == "aux" and c.lower_ in FUTURE_AUX for c in token.children)
        historic = bool(ids & historic_ids)
        if conditional or modal or historic:
            start, end = subtree[0].idx, subtree[-1].idx + len(subtree[-1].text)
            ranges.append((start, end))
    return ranges


ATTEMPT_HEADS = frozenset({"try", "attempt", "struggle", "push", "fight", "battle", "strive"})


def attempted(trigger: Any) -> bool:
    """"trying to retake", "fighting to capture": an attempt at ground, not its change of hands. Attempted
    attacks are still attacks, so the caller asks this only of territorial triggers."""
    previous = trigger
    for node in _chain(trigger)[1:3]:
        if previous.dep_ in ("xcomp", "advcl") and node.lemma_.lower() in ATTEMPT_HEADS:
            return True
        previous = node
    return False


# Sentences about the past as past: trials for old crimes, anniversaries, commemorations.
RETROSPECTIVE_HEADS = frozenset({"sentence", "convict", "acquit", "jail", "imprison", "indict", "prosecute",
                                 "try", "mark", "commemorate", "remember", "recall", "mourn", "honour", "honor",
                                 "memorialise", "memorialize"})
RETROSPECTIVE_NOUNS = frozenset({"anniversary", "commemoration", "memorial", "trial", "verdict", "sentence",
                                 "inquiry", "inquest", "tribunal"})


_GATHERING_VERBS = frozenset({"gather", "march", "rally", "protest", "demonstrate", "assemble", "hold", "stage",
                              "take", "converge", "flock", "pour"})


def retrospective(sentence: Any) -> bool:
    """The sentence's main clause looks back at events (a court sentencing, a commemoration), so nothing in it
    is a new event."""
    root = sentence.root
    if root.lemma_.lower() in RETROSPECTIVE_HEADS - {"try"}:
        return True
    for child in root.children:
        if child.dep_ in ("xcomp", "advcl") and child.lemma_.lower() in ("mark", "commemorate", "remember", "mourn") \
                and root.lemma_.lower() not in _GATHERING_VERBS:
            return True  # "people gathered to mark the anniversary" is itself a demonstration, reported now
        if child.dep_ in ("nsubj", "dobj", "nsubjpass") and child.lemma_.lower() in RETROSPECTIVE_NOUNS:
            return True
    return False
