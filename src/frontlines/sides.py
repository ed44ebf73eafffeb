"""The sides of an event: who fought whom, filled in the way a coder reads a report.

A report often names one side only ("insurgents attacked the district centre"); ACLED still codes two. The
missing side comes from the event type and the article's context: the state's forces against the article's main
armed group, the civilians an attack targeted, the police facing a demonstration.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import replace
from datetime import date
from typing import Any

from . import actors as actor_mod
from .actors import ActorMention, ArticleContext, country_actor, resolve_actor
from .classify import EventCandidate
from .countries import lookup_country
from .model import Actor, Span

CIVILIAN_TARGET = re.compile(r"\b(?:residential|homes?|houses?|markets?|hospitals?|clinics?|schools?|mosques?|"
                             r"churches|church|cathedral|temple|shrine|shops?|apartment|civilians?|villagers|"
                             r"camps? for displaced|displaced people|wedding|funeral|bus(?:es)?|crowds?|bars?|"
                             r"restaurants?|caf[eé]s?|hotel|(?:city|town) cent(?:re|er)|cent(?:re|er) of|"
                             r"busy (?:junction|street|road|intersection|square)|passers-by|bystanders|"
                             r"worshippers|pilgrims|students|university)\b", re.I)
UNKNOWN_DOER = re.compile(r"\b(?:unclear|not clear|unknown|no one knew|not known) (?:who|which side|which)\b|"
                          r"\bno (?:one|group|party|organi[sz]ation) (?:has |had )?(?:yet )?(?:claimed|said it was "
                          r"behind|took responsibility|admitted)\b|"
                          r"\b(?:has|had) not (?:yet )?been claimed\b|\bwithout (?:any )?claim\b|"
                          r"\b(?:unidentified|unknown) (?:assailants|attackers|gunmen|people|militants|"
                          r"insurgents|armed men)\b", re.I)

STATE_DETONATES = re.compile(r"\b(?:troops|soldiers|forces|army|military|police|sappers|engineers)\s+(?:\w+\s+)?"
                             r"(?:detonated|blew up|planted|set off|remotely detonated|exploded)\b", re.I)


# "handed over their base to the Malian army": ground handed to state forces (a town "handed over to the Taliban"
# is the group's gain, which the rule above already puts first).
_HANDED_TO = re.compile(r"\b(?<!was )(?<!were )(?:handed|turned|passed|transferred|ceded|gave)\s+(?:over\s+)?"
                        r"(?:[\w'’-]+\s+){1,6}?to\s+(?:the\s+)?(?:[\w'’-]+\s+){0,2}(?:army|forces|troops|military|"
                        r"government|authorities|police|soldiers)\b", re.I)
_LEAVING = re.compile(r"(?:abandon|withdr|pull|retreat|fled|flee|left|leav|evacuat|surrender|vacat|gave up|"
                      r"fell back|quit)", re.I)
_AIR_NOUN = re.compile(r"\b(?:air ?strikes?|airstrikes?|air raids?|warplanes?|jets?|aircraft|drones?|"
                       r"helicopters?)\b", re.I)


def country_subject(trigger: Any, on: date, event_country: str) -> Actor | None:
    """'The US is carrying out air strikes', 'Russia shelled the port': a country as the doer means its forces."""
    if trigger is None:
        return None
    head = trigger
    for _ in range(6):
        if head.pos_ in ("VERB", "AUX") or head.head.i == head.i:
            break
        head = head.head
    for child in head.children:
        if child.dep_ == "nsubj" and child.ent_type_ in ("GPE", "NORP", ""):
            words = " ".join(t.text for t in child.subtree if t.dep_ != "det")
            actor = actor_mod.country_actor(words, on, event_country)
            if actor is not None:
                return actor
    return None


_TITLES = frozenset({"Former", "Ex", "President", "General", "Gen", "Governor", "Commander", "Colonel", "Col",
                     "Lt", "Major", "Minister", "Senator", "Mr", "Mrs", "Ms", "Dr", "Sheikh", "Mullah", "Maulvi",
                     "Marshal", "Warlord", "Chief", "Leader", "The", "A", "An", "Veteran", "Local", "Provincial"})


def _person_agent(sentence: str) -> str:
    """'Ismail Khan, a former commander, has launched an armed movement' -> 'Ismail Khan'; titles and the
    place words before a name ("Former Balkh governor Atta Mohammad Noor") are skipped."""
    for m in re.finditer(r"\b[A-Z][a-z]+(?: [A-Z][a-z]+){1,3}\b", sentence[:160]):
        words = m.group(0).split()
        if any(w in _TITLES for w in words):
            continue
        return m.group(0)
    return ""


def _paired_army(mentions: Sequence[ActorMention], known: Actor, on: date, country: str) -> Actor | None:
    """"Ukrainian and Russian troops fought": the other army of a pair named together, when one is the side
    already known."""
    if known.inter not in (1, 8):
        return None
    for m in mentions:
        if not m.country_hint or " and " not in m.text:
            continue
        words = [w for w in re.findall(r"\b[A-Z][a-z]+\b", m.text)
                 if (info := lookup_country(w)) is not None and w in info.demonyms]
        armies = [a for w in words if (a := country_actor(w, on, country)) is not None]
        if len(armies) == 2 and known.country in {a.country for a in armies}:
            return next((a for a in armies if a.country != known.country), None)
    return None


def complete_sides(cand: EventCandidate, actor1: Actor | None, actor2: Actor | None,
                     mentions: Sequence[ActorMention], country: str, on: date, context: ArticleContext,
                     sentence: str) -> tuple[Actor | None, Actor | None, tuple[str, ...]]:
    """Fill the sides a report leaves implicit, as a coder would from the article's context."""
    state = actor_mod.state_forces(country, on) if country else None
    dominant = (resolve_actor(context.dominant_armed, country=country, on=on, context=context)
                if context.dominant_armed else None)
    if dominant is not None and state is not None and dominant.name == state.name:
        # The article's most-named group now governs ("the Taliban" after August 2021): it is the state, not
        # the other side; the region's rebels are, where a cue names them ("the resistance").
        regional = actor_mod.regional_default(country, on, context.text, context.admin1s)
        dominant = resolve_actor(regional, country=country, on=on, context=context) if regional else None
    assoc2: tuple[str, ...] = ()
    etype, sub = cand.event_type, cand.sub_event_type
    if etype not in ("Protests", "Riots"):
        # "crowds waiting at the gate": people hit by a bombing are civilians, not demonstrators
        actor1 = _civilians(country) if actor1 is not None and actor1.inter == 6 else actor1
        actor2 = _civilians(country) if actor2 is not None and actor2.inter == 6 else actor2
    if actor1 is not None and actor2 is not None and actor1.name == actor2.name:
        actor2 = None  # "Taliban fighters ... the Taliban": one side named twice, the other left implicit
    if etype == "Battles":
        # Civilians caught in fighting are its victims, not a side of the battle.
        if actor1 is not None and actor1.inter in (5, 6, 7):
            actor1 = None
        if actor2 is not None and actor2.inter in (5, 6, 7):
            actor2 = None
        if actor1 is None and actor2 is None:
            actor1, actor2 = dominant, state
        elif actor1 is None or actor2 is None:
            known = actor1 or actor2
            assert known is not None
            other = dominant if known.inter in (1, 8) else state
            other = _paired_army(mentions, known, on, country) or other
            if other is None and known.inter == 1 and state is not None and state.name != known.name and \
                    state.name.split(" (")[0] == known.name.split(" (")[0]:
                other = state  # Yemen's two governments: "Houthi forces attacked government positions"
            if other is not None and other.name == known.name:
                other = state if other is dominant else dominant
            if sub == "Government regains territory" and known.inter not in (1, 8):
                actor1, actor2 = state, known
            elif actor1 is None:
                # Ground taken from the only side named ("pushed army units out of a camp"): that side lost it.
                lost = sub == "Non-state actor overtakes territory" or (
                    sub == "Government regains territory" and known.inter in (1, 8) and other is not None)
                actor1, actor2 = (other, known) if lost else (known, other)
            else:
                actor2 = other
        if sub == "Government regains territory" and actor1 is not None and actor1.inter not in (1, 3, 8) \
                and actor2 is not None and actor2.inter in (1, 8):
            actor1, actor2 = actor2, actor1
        if sub == "Non-state actor overtakes territory" and actor2 is not None and state is not None and \
                actor2.name.startswith("Police Forces of") and actor2.country == state.country and re.search(
                    r"\bpolice (?:headquarters|hq|station|compound|building|chief's)", sentence, re.I):
            actor2 = state  # "seized the city, including the police headquarters": the town fell from the army
        if sub == "Non-state actor overtakes territory" and actor1 is not None and actor1.inter == 1 \
                and actor2 is not None and not _active_taker(actor1, sentence):
            actor1, actor2 = actor2, actor1
        if sub == "Armed clash" and actor1 is not None and actor2 is not None:
            starter = _initiator(mentions, sentence) or _previous_initiator(context.text, sentence)
            if starter is not None and resolve_actor(starter, country=country, on=on, context=context).name \
                    == actor2.name:
                actor1, actor2 = actor2, actor1  # ACLED's actor1 is the side that started the fight
    elif etype == "Explosions/Remote violence":
        if sub in ("Suicide bomb", "Remote explosive/landmine/IED") and actor1 is not None and actor1.inter == 1 \
                and not STATE_DETONATES.search(sentence):
            # "a bomb exploded next to a Frontier Corps vehicle": the forces named are the target, not the bomber.
            if actor2 is None or actor2.inter == 7:
                actor2 = actor1
            actor1 = dominant if dominant is not None and dominant.inter != 1 else None
        if UNKNOWN_DOER.search(sentence) or (actor1 is None and context.unclaimed):
            actor1 = _unidentified(country)  # "it was unclear who fired it", "no group has claimed it"
        striker = next((m for m in mentions if m.kind == "military" and m.country_hint and _AIR_NOUN.search(m.text)),
                       None)
        if sub == "Air/drone strike" and striker is not None and actor1 is not None and actor1.inter not in (1, 8):
            # "Al Shabaab stormed a base and were pushed back after U.S. air strikes": the strikes' owner, with the
            # group they hit.
            actor1, actor2 = resolve_actor(striker, country=country, on=on, context=context), actor1
        if sub == "Air/drone strike" and actor1 is not None and actor2 is not None and actor1.inter not in (1, 8) \
                and actor2.inter in (1, 8) and not re.search(r"\bdrones?\b", sentence, re.I):
            actor1, actor2 = actor2, actor1  # warplanes belong to states
        if actor1 is None:
            foreign = _foreign_demonym(sentence, country, on)
            if foreign is not None and sub in ("Air/drone strike", "Shelling/artillery/missile attack"):
                actor1 = foreign  # "warplanes believed to be Russian", "a Turkish drone"
            elif sub == "Shelling/artillery/missile attack" and not re.search(
                    r"\b(?:army|military|troops|artillery|government forces|soldiers)\b", sentence, re.I):
                # Rockets, mortars and shells with no named user: the article's armed group if it has one,
                # else an unidentified one; the state is not presumed to shell its own towns.
                actor1 = dominant if dominant is not None and (actor2 is None or actor2.name != dominant.name) \
                    else _unidentified(country)
            elif sub in ("Air/drone strike", "Shelling/artillery/missile attack") or (
                    sub == "Chemical weapon" and re.search(r"\b(?:helicopters?|warplanes?|jets?|aircraft|planes?|"
                                                          r"air force|barrel bombs?)\b", sentence, re.I)):
                # Aircraft belong to states: "helicopters dropped barrel bombs containing chlorine". Where a foreign
                # army is the other side ("drones slammed into Kyiv"), the state is not presumed to hit its own city.
                actor1 = dominant if dominant is not None and dominant.inter == 8 else state
            elif sub in ("Suicide bomb", "Remote explosive/landmine/IED") and (bomber := _bomber(
                    mentions, dominant, actor2, country, on, context)) is not None:
                actor1 = bomber
            else:
                actor1 = _unidentified(country)
        named_target = any(m.armed and resolve_actor(m, country=country, on=on, context=context).name != (
            actor1.name if actor1 is not None else "") for m in mentions)
        if actor2 is None and (CIVILIAN_TARGET.search(sentence) or not named_target and _CIVILIAN_TOLL.search(
                _next_sentence(context.text, sentence))):
            # homes, markets, hospitals, or "29 people were killed" told next: the people there were hit
            actor2 = _civilians(country)
        elif actor2 is None and actor1 is not None and state is not None and actor1.name != state.name and \
                _FORCES_TARGET.search(sentence):
            actor2 = state  # "drones dropped gas grenades on Ukrainian trenches": the state's forces were hit
        elif actor2 is None and sub == "Air/drone strike" and dominant is not None and actor1 is not None \
                and actor1.inter in (1, 8) and dominant.name != actor1.name:
            actor2 = dominant
    elif etype == "Violence against civilians":
        civ = actor2 if actor2 is not None and actor2.inter == 7 else None
        perpetrator = actor1 if actor1 is not None and actor1.inter != 7 and not _unarmed(actor1) else None
        if perpetrator is None and actor2 is not None and actor2.inter != 7 and not _unarmed(actor2):
            perpetrator = actor2
        if perpetrator is None:
            perpetrator = _unidentified(country)
        if civ is None:
            civ = _civilians(country)
        actor1, actor2 = perpetrator, civ
        un = next((m for m in mentions if m.kind == "external"), None)
        if un is not None and un.name != actor1.name:
            assoc2 = (un.name,)
    elif etype == "Protests":
        # The protest is the event whatever force meets it, so the protesters stay first and the force that
        # dispersed or fired on them second, even when it killed (ACLED's Protests rows lead with the crowd).
        force = next((a for a in (actor1, actor2) if a is not None and a.inter in (1, 8)), None)
        if force is not None and force.inter == 1 and force.mention.lower() in (
                "forces", "security forces", "personnel", "security personnel") and re.search(
                r"\bsecurity (?:forces|personnel)\b", sentence, re.I):
            # Unspecified "security forces" facing a crowd are coded as the police.
            own = lookup_country(force.country) if force.country else None
            force = actor_mod.state_forces(own.iso2 if own else country, on, "police") or force
        actor1 = actor1 if actor1 is not None and actor1.inter == 6 else _labelled("Protesters", 6, country)
        if sub == "Peaceful protest":
            actor2 = None
        else:
            actor2 = force or (actor_mod.state_forces(country, on, "police") if country else None)

    elif etype == "Riots":
        if sub == "Violent demonstration" and actor2 is not None and actor2.inter == 1 and not re.search(
                r"\b(?:clash\w*|fired|tear ?gas|dispers\w*|arrest\w*|baton\w*|fought|intervened|"
                r"opened fire|pelted (?:police|security)|attacked (?:police|security))\b", sentence, re.I):
            actor2 = None  # a building or a commander's house was the target, not a force that intervened
        if sub == "Violent demonstration" and actor2 is not None and actor2.inter in (5, 6):
            actor2 = None  # the crowd named twice ("supporters ... the protesters"), not a second side
        if sub == "Violent demonstration" and actor2 is None and country:
            actor2 = _riot_police(sentence, actor1, country, on)
        if actor1 is None or actor1.inter not in (5, 6):
            actor1 = _labelled("Rioters", 5, country)
        elif actor1.inter == 6:
            actor1 = _labelled("Rioters", 5, country)
        if sub == "Mob violence":
            crowds_clash = re.search(r"\b(?:clash(?:ed|es)|fought|traded (?:blows|stones))\b", sentence, re.I) and \
                not re.search(r"\b(?:lynch\w*|beat(?:en)? to death|burn(?:ed|t) (?:alive|to death)|killed|"
                              r"stoned to death)\b", sentence, re.I)
            if crowds_clash and (actor2 is None or actor2.inter in (5, 7)):
                actor2 = _labelled("Rioters", 5, country)  # "crowds from two communities clashed": rioters both
            elif actor2 is None or actor2.inter == 5:
                actor2 = _civilians(country)
    elif etype == "Strategic developments":
        if sub == "Change to group/activity" and actor1 is not None and actor1.inter == 1 and re.search(
                r"\b(?:volunteers|militias?|uprising|armed (?:civilians|residents|villagers))\b", sentence, re.I):
            # the militia the text names ("volunteers for the VDP auxiliary force"), else a generic one
            named = next((m for m in mentions if m.kind == "named" and m.inter == 3), None)
            actor1 = resolve_actor(named, country=country, on=on, context=context) if named else Actor(
                "Militia (Pro-Government)", actor_mod.INTER_POLITICAL_MILITIA, "", "")
        if sub == "Non-violent transfer of territory":
            # The side that gains the ground comes first; the state forces that leave it second.
            sides = [a for a in (actor1, actor2) if a is not None and a.inter not in (5, 6, 7)]
            gainer = next((a for a in sides if a.inter in (2, 3, 4)), None)
            receiver = actor2 if actor2 is not None and actor2.inter in (1, 8) else state
            if _HANDED_TO.search(sentence) and actor1 is not None and receiver is not None and \
                    receiver.name != actor1.name:
                gainer = receiver  # "French troops handed over their base to the Malian army": the receiver gains
                sides = [a for a in (actor1, receiver) if a is not None]
            if gainer is None and dominant is not None and (
                    not (actor1 is not None and actor1.inter in (1, 8)) or _left_by(actor1, cand, sentence)):
                # (the doer of "servicemen abandoned their positions after the Taliban advanced" left the ground)
                gainer = dominant
            if gainer is None and sides:
                gainer = sides[0]  # "Ukrainian troops entered Kherson after the Russians left": the state gains
            loser = next((a for a in sides if a is not gainer), None) or (
                state if gainer is not None and state is not None and gainer.name != state.name else None)
            if loser is None and gainer is not None and dominant is not None and dominant.name != gainer.name:
                loser = dominant  # "Ukrainian troops entered Kherson after the Russians left": the other side left
            if loser is None and gainer is not None and gainer.inter == 1:
                loser = _foreign_demonym(sentence, country, on, names_too=True)  # "after Russia withdrew"
            if gainer is not None:
                actor1, actor2 = gainer, loser
        if sub == "Change to group/activity" and actor1 is None:
            person = _person_agent(sentence)
            if person and re.search(r"\b(?:volunteers|militias?|uprising|pro-government|help (?:the )?government|"
                                    r"alongside (?:the )?(?:army|government))\b", sentence, re.I):
                actor1 = Actor("Militia (Pro-Government)", actor_mod.INTER_POLITICAL_MILITIA, "", person)
            elif person:
                actor1 = Actor(f"Militia ({person})", actor_mod.INTER_POLITICAL_MILITIA, "", person)
            elif re.search(r"\b(?:residents|people|civilians|villagers)\b", sentence, re.I):
                actor1 = Actor("Militia (Pro-Government)", actor_mod.INTER_POLITICAL_MILITIA, "", "")
        if sub == "Disrupted weapons use" and _INTERCEPTION.search(sentence) and (
                actor1 is None or actor1.inter not in (1, 8)):
            # "Iron Dome intercepted rockets fired by Hezbollah", "air defences downed drones over Kyiv": the
            # side that stops the weapon comes first (the state where it happens), the side that fired it second.
            launcher = next((a for a in (actor1, actor2) if a is not None and a.inter not in (5, 6, 7)), None) or \
                _foreign_demonym(sentence, country, on, names_too=True)
            actor1 = state
            actor2 = launcher if launcher is not None and (state is None or launcher.name != state.name) else None
        if sub == "Disrupted weapons use" and actor2 is None and actor1 is not None and actor1.inter in (1, 8) and \
                dominant is not None and dominant.name != actor1.name and _INTERCEPTION.search(sentence):
            actor2 = dominant
        if sub in ("Arrests", "Disrupted weapons use") and actor1 is not None and actor1.inter == 1 and \
                actor1.name.startswith("Military Forces of") and actor1.mention.lower() in (
                    "forces", "security forces", "personnel", "security personnel") and re.search(
                    r"\bsecurity (?:forces|personnel)\b", sentence, re.I) and not _INTERCEPTION.search(sentence):
            # Unspecified "security forces" who arrest people or defuse a bomb are coded as the police.
            own = lookup_country(actor1.country) if actor1.country else None
            actor1 = actor_mod.state_forces(own.iso2 if own else country, on, "police") or actor1
        if sub == "Disrupted weapons use" and actor2 is None and actor1 is not None:
            # "an arms cache hidden by the NPA": the group whose weapons were found is the other side.
            owner = next((m for m in mentions if m.kind == "named" and m.inter in (2, 3, 4)), None)
            group = resolve_actor(owner, country=country, on=on, context=context) if owner is not None else None
            actor2 = group if group is not None and group.name != actor1.name else None
        if sub == "Arrests" and (actor1 is None or actor1.inter not in (1, 8)):
            arrested = actor1
            actor1 = actor_mod.state_forces(country, on, "police") if country else actor1
            if actor2 is None and arrested is not None and actor1 is not None and arrested.name != actor1.name:
                actor2 = arrested
        if sub in ("Change to group/activity", "Headquarters or base established", "Other") and \
                actor2 is not None and (actor2.inter in (1, 7) and sub != "Other" or actor2.inter == 7):
            actor2 = None  # a group's own decision: the state or residents mentioned around it are not a side
        if sub == "Looting/property destruction" and (actor2 is None or actor2.inter != 7):
            actor2 = _civilians(country) if re.search(r"\b(?:shops?|homes?|houses?|markets?|villages?|"
                                                      r"property|residents|civilians)\b", sentence, re.I) else None
        if sub == "Arrests" and actor2 is None:
            actor2 = _civilians(country)  # the arrested, unless named as members of a group
        if sub == "Agreement":
            # "a UN-brokered truce", "talks mediated by Qatar": the broker is no party to the deal.
            brokers = {(b.group(1) or b.group(2)).lower() for b in _BROKER.finditer(sentence)}
            def brokered(actor: Actor | None) -> bool:
                return actor is not None and bool(actor.mention) and any(
                    b == actor.mention.lower() or b.endswith(" " + actor.mention.lower()) for b in brokers)
            if brokered(actor2):
                actor2 = None
            if brokered(actor1):
                actor1, actor2 = actor2, None
            if actor1 is None and actor2 is None and country and re.search(
                    r"\bwarring (?:parties|sides|factions)\b", sentence, re.I):
                actor1 = actor_mod.state_forces(country, on, "government")
        if sub == "Agreement" and (actor1 is None) != (actor2 is None):
            # "a ceasefire between Israel and Hezbollah": a state named by its country is a party, in the text's order
            known = actor1 or actor2
            assert known is not None
            pair = _BETWEEN_PARTIES.search(sentence)
            for i, name in enumerate(pair.groups() if pair else ()):
                party = actor_mod.country_actor(name, on, country)
                if party is not None and party.name != known.name:
                    actor1, actor2 = (party, known) if i == 0 else (known, party)
                    break
        if sub == "Other" and actor1 is None:
            # "detainees left prison after the junta announced an amnesty": the one force the sentence names.
            doer = next((m for m in mentions if m.armed), None)
            actor1 = resolve_actor(doer, country=country, on=on, context=context) if doer is not None else None
        if sub in ("Agreement", "Other") and country and _GOVERNMENT_DOER.search(sentence) and not any(
                a is not None and a.inter in (1, 8) for a in (actor1, actor2)):
            # "The government released 100 prisoners", "signed a peace deal with the state government": the
            # government is a side the report left without a name.
            government = actor_mod.state_forces(country, on, "government")
            if actor1 is None:
                actor1 = government
            elif actor2 is None and sub == "Agreement":
                actor2 = government
        if actor1 is None:
            actor1 = actor2
            actor2 = None
    if actor1 is not None and actor2 is not None and actor1.name == actor2.name and etype != "Battles" and not (
            sub == "Mob violence" and actor2.inter == 5):
        actor2 = None  # (two crowds that fight each other are both rioters)
    return actor1, actor2, assoc2


# A government acting or dealt with ("the government released", "a deal with the state government"), not a
# modifier ("government troops", "government employees") or a speaker ("the government said").
_GOVERNMENT_DOER = re.compile(r"\b(?:the|[A-Z][\w-]+(?: state| regional| federal)?)\s+government(?=\s*(?:$|[,.;:]|"
                              r"(?:in|on|at|of|to|and|after|for|with|under|has|had|have|was|is|announced|released|"
                              r"freed|declared|signed|agreed|ordered|imposed|lifted|issued|granted|pardoned|reached)\b))",
                              re.I)
_FORCES_TARGET = re.compile(r"\b(?:on|onto|into|against|at|hit|struck|targeted|targeting)\s+(?:(?:its|their|the|our|"
                            r"[A-Z][a-z]+(?:ian|ese|i|ish|an))\s+)?(?:military\s+|army\s+|front-?line\s+)?"
                            r"(?:positions|trenches|troops|soldiers|front ?lines?|checkpoints?|military posts?)\b")
_BROKER = re.compile(r"\b([A-Z][\w.-]*(?: [A-Z][\w.-]*)?)-(?:brokered|mediated|backed|sponsored)\b|"
                     r"\b(?:brokered|mediated|facilitated) by (?:the )?([A-Z][\w.-]*(?: [A-Z][\w.-]*)?)")
_BETWEEN_PARTIES = re.compile(r"\bbetween (?:the )?([A-Z][\w'-]+(?: [A-Z][\w'-]+)?) and (?:the )?"
                              r"([A-Z][\w'-]+(?: [A-Z][\w'-]+)?)")
_INTERCEPTION = re.compile(r"\b(?:intercept\w*|shot down|shoots? down|downed|downing|shooting down)\b", re.I)

# Verbs and nouns of starting a fight: the side they belong to initiated it, whoever repelled it.
_ATTACK_VERB = re.compile(r"\b(?:attacked|attacking|ambushed|ambushing|stormed|storming|raided|raiding|assaulted|"
                          r"launched (?:an? |their |its )?(?:\w+ )?(?:attacks?|assaults?|offensive|raids?)|"
                          r"tried to (?:storm|overrun|seize|take)|opened fire on|fired on)\b", re.I)
_ATTACK_NOUN = re.compile(r"(?:attacks?|assaults?|push|offensive|raids?|advance|incursions?|ambush)$", re.I)
_REPEL_BEFORE = re.compile(r"\b(?:repelled|repelling|repulsed|repulsing|fought off|beat back|beat off|pushed back|"
                           r"foiled|thwarted|repels|repulses)\s+(?:an?|the|\d+|several|multiple|two|three|four|five|"
                           r"dozens of|fresh|new|another|\s)*$", re.I)
_PASSIVE_GAP = re.compile(r"\b(?:was|were|been|being|is|are)\b", re.I)


def _initiator(mentions: Sequence[ActorMention], sentence: str) -> ActorMention | None:
    """The armed side a sentence says started the fight: the subject of "attacked/ambushed/stormed" ("ISWAP
    fighters attacked a base ... but were pushed back", "eight gunmen were killed when they attacked"), or the
    owner of a repelled attack ("Ukrainian units repelled 34 Russian assaults", "repelled a Houthi push")."""
    base = _sentence_offset(mentions, sentence)
    if base is None:
        return None
    armed = [m for m in mentions if m.armed]
    for m in armed:
        a, b = m.start - base, m.end - base
        if _ATTACK_NOUN.search(m.text) and _REPEL_BEFORE.search(sentence[max(0, a - 40):a]):
            return m  # "repelling 34 Russian assaults": the mention holds the attack noun itself
        after = sentence[b:b + 25]
        if re.match(r"\s*(?:'s\s+)?(?:attacks?|assaults?|push|offensive|raids?|advance|incursions?)\b", after, re.I) \
                and _REPEL_BEFORE.search(sentence[max(0, a - 40):a]):
            return m
    for verb in _ATTACK_VERB.finditer(sentence):
        before = [m for m in armed if m.end - base <= verb.start()]
        if not before:
            continue
        subject = before[-1]
        gap = sentence[subject.end - base:verb.start()]
        if re.search(r"\b(?:they|who|which)\s+(?:had\s+)?$", gap, re.I) and _PASSIVE_GAP.search(gap):
            # "Eight gunmen from the BLA were killed when they attacked": the pronoun is the clause's subject
            return subject
        if len(gap) <= 40 and not _PASSIVE_GAP.search(gap) and not re.search(r"[;.]|\b(?:and|but|after|when|as)\b",
                                                                              gap):
            return subject
    return None


def _previous_initiator(text: str, sentence: str) -> ActorMention | None:
    """"IS Sahel fighters attacked a FAMa camp. 42 soldiers and 37 militants were killed": a toll sentence that
    makes its own clash keeps the order of the attack told just before it."""
    at = text.find(sentence) if sentence else -1
    if at <= 0:
        return None
    before = text[max(0, at - 400):at].rstrip()
    cut = max((m.end() for m in re.finditer(r"[.!?]\s+", before[:-1])), default=0)
    previous = before[cut:]
    start = at - len(text[max(0, at - 400):at]) + cut
    return _initiator(actor_mod.find_actor_mentions(previous, start), previous)


def _sentence_offset(mentions: Sequence[ActorMention], sentence: str) -> int | None:
    """The article offset of ``sentence``: mentions carry article offsets, the sentence is plain text."""
    if not mentions:
        return None
    first = mentions[0]
    for found in re.finditer(re.escape(first.text), sentence):
        base = first.start - found.start()
        if all(sentence[m.start - base:m.end - base] == m.text for m in mentions):
            return base
    return None


_CIVILIAN_TOLL = re.compile(r"\b(?:civilians?|people|residents|villagers|worshippers|worshipers|children|"
                            r"passengers|detainees|inmates|students|schoolgirls|pupils|shoppers|women|patients|"
                            r"family|families)\b[^.;]{0,40}?\b(?:were|was|have been|had been)\s+(?:\w+\s+)?"
                            r"(?:killed|wounded|injured|hurt|treated)\b", re.I)


def _next_sentence(text: str, sentence: str) -> str:
    """The sentence after ``sentence`` in the article, where reports often give the toll ("29 people were
    killed"); empty when the sentence is not found."""
    at = text.find(sentence) if sentence else -1
    if at < 0:
        return ""
    rest = text[at + len(sentence):at + len(sentence) + 300]
    end = re.search(r"[.!?](?:\s|$)", rest.lstrip())
    return rest.lstrip()[:end.end()] if end else rest


_TAKE_VERB = r"(?:took|retook|seized|captured|recaptured|regained|liberated|overran|entered|cleared|took back)"


def _active_taker(actor: Actor, sentence: str) -> bool:
    """"Somali army troops backed by clan militia retook Ceel Buur": the forces named are the subject of the
    taking, so the state gained the ground whatever the sub-event type guessed."""
    if not actor.mention or actor.mention not in sentence:
        return False
    after = sentence[sentence.index(actor.mention) + len(actor.mention):]
    return re.match(rf"[^.;]{{0,60}}?\b{_TAKE_VERB}\b", after) is not None and not re.match(
        r"[^.;]{0,60}?\b(?:was|were|had been|has been)\s+" + _TAKE_VERB, after)


def _bomber(mentions: Sequence[ActorMention], dominant: Actor | None, target: Actor | None, country: str,
            on: date, context: ArticleContext) -> Actor | None:
    """Who set off a bomb nobody is said to have planted: a group the sentence names other than the target
    ("a bomb hit a PMF patrol; Islamic State was suspected"), else the article's armed group."""
    for m in mentions:
        if m.kind == "named" and m.inter in (2, 3, 4):
            group = resolve_actor(m, country=country, on=on, context=context)
            if target is None or group.name != target.name:
                return group
    if dominant is not None and (target is None or dominant.name != target.name):
        return dominant
    return None


def _foreign_demonym(sentence: str, country: str, on: date, names_too: bool = False) -> Actor | None:
    """The one foreign country a sentence names by its people's adjective ("Russian", "Turkish"), as the doer of
    a strike nobody else is named for; with ``names_too`` also by its name ("Russia launched drones at Kyiv")."""
    from .countries import lookup_country

    # "Iranian-made drones", "pro-Russian separatists", "Iranian-backed militia": the adjective names a maker or a
    # patron, not the doer.
    found = {info.iso2 for word in re.findall(r"(?<!-)\b[A-Z][a-z]+\b(?!-)", sentence)
             for info in [lookup_country(word)] if info is not None and info.iso2 != country
             and (names_too or word not in info.name.split())}
    if len(found) != 1:
        return None
    return actor_mod.country_actor(next(iter(found)), on, country)


def _unarmed(actor: Actor) -> bool:
    """International organisations are witnesses or victims, never the perpetrators of an attack."""
    return actor.name.startswith(("UN:", "AU:", "NATO:")) and "peacekeep" not in actor.mention.lower()


# Police the crowd fought or that fired on it ("threw stones at police", "police opened fire", "broke through
# police lines", "set fire to a police post"); what happened "a day after" or "earlier" is another event.
_POLICE_ENGAGED = re.compile(r"\b(?:(?:riot )?police(?:men)?|officers|security forces|carabineros|gendarmes?)\b(?!\s+"
                             r"(?:said|say|says|chief|spokesm[ae]n)\b)|\bshot dead\b|\blive (?:rounds|ammunition)\b|"
                             r"\btear ?gas\b|\brubber bullets\b", re.I)
_ANOTHER_TIME = re.compile(r"\b(?:(?:a|one|two|three|several) (?:day|days|week|weeks|hours?) (?:after|before)|"
                           r"earlier|previously|last (?:week|month))\b", re.I)


def _riot_police(sentence: str, actor1: Actor | None, country: str, on: date) -> Actor | None:
    if actor1 is not None and actor1.inter in (1, 8):
        return actor1  # "Kenyan police killed 23 as protesters stormed parliament": the force named as the doer
    here = _ANOTHER_TIME.split(sentence, 1)[0]
    if not _POLICE_ENGAGED.search(here):
        return None
    return actor_mod.state_forces(country, on, "police")


def _left_by(actor: Actor | None, cand: EventCandidate, sentence: str) -> bool:
    """"1,037 Afghan servicemen had abandoned their positions": the actor is the subject of the leaving verb itself
    (not of a main clause the withdrawal hangs on: "Russian forces took Avdiivka after Ukrainian troops withdrew")."""
    if actor is None or not actor.mention or not _LEAVING.match(cand.trigger.text):
        return False
    at = sentence.find(cand.trigger.text)
    before = sentence.rfind(actor.mention, 0, at) if at >= 0 else -1
    if before < 0:
        return False
    between = sentence[before + len(actor.mention):at]
    return len(between) < 50 and not re.search(r"\b(?:after|as|when|while|before|because|once|until)\b|[,;]", between)


def _labelled(label: str, inter: int, country: str) -> Actor:
    from .countries import country_by_iso2

    info = country_by_iso2(country) if country else None
    return Actor(f"{label} ({info.name})" if info else label, inter, info.name if info else "", "")


def _civilians(country: str) -> Actor:
    return _labelled("Civilians", actor_mod.INTER_CIVILIANS, country)


def _unidentified(country: str) -> Actor:
    return _labelled("Unidentified Armed Group", actor_mod.INTER_POLITICAL_MILITIA, country)


# What authorities do to a crowd, told in the sentence after it: "Police fired tear gas to disperse them".
INTERVENTION = re.compile(
    r"\b(?:tear[- ]?gas|water[- ]cannons?|rubber bullets|pepper spray|stun grenades|batons?|baton-charged|"
    r"(?:dispers(?:e|ed|ing)|broke up)(?! peacefully| on (?:its|their) own| quietly| without incident)|"
    r"detain(?:ed|ing)|arrest(?:ed|ing)|rounded up|live (?:rounds|ammunition|fire)|"
    r"opened fire|fired (?:shots|warning shots|into the air))\b", re.IGNORECASE)


def crowd_interventions(drafts: Sequence[Any], sentences: Sequence[Any],
                        sentence_mentions: Sequence[Sequence[ActorMention]], country: str,
                        context: ArticleContext) -> None:
    """Give a demonstration the force that intervened in it when a later sentence tells of it without an event
    of its own; a peaceful protest that met such force becomes a protest with intervention."""
    for d in drafts:
        if d.candidate.event_type not in ("Protests", "Riots") or (d.actor2 is not None and d.actor2.inter == 1):
            continue
        for index in range(d.sentence_index + 1, min(d.sentence_index + 3, len(sentences))):
            state = next((m for m in sentence_mentions[index] if m.kind in ("police", "military")), None)
            sent = sentences[index]
            if state is None or not INTERVENTION.search(sent.text):
                continue
            d.evidence = tuple(sorted(set(d.evidence) | {Span(sent.start, sent.end, sent.text)},
                                      key=lambda s: s.start))
            ev_country = d.place.iso2 if d.place is not None and d.place.iso2 else country
            d.actor2 = resolve_actor(state, country=ev_country, on=d.event_date, context=context)
            if d.sub_event_type == "Peaceful protest":
                d.candidate = replace(d.candidate, sub_event_type="Protest with intervention")
            break
