"""Event detection and ACLED classification for one sentence.

Trigger families come from ``data/triggers.json``; the sub-event type is then decided from the family together
with the actors around the trigger (who did it, to whom) and co-occurring cues, the way an ACLED coder reads a
report: an attack that kills civilians is "Attack", the same verb between two armed groups is "Armed clash"; a
town taken by state forces is "Government regains territory", by a rebel group "Non-state actor overtakes
territory".
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, replace

from .actors import ActorMention
from .roles import Roles, is_armed, is_civilian, is_state, pick_sides
from .triggers import Trigger, cue

TAXONOMY: dict[str, tuple[str, ...]] = {
    "Battles": ("Armed clash", "Government regains territory", "Non-state actor overtakes territory"),
    "Explosions/Remote violence": ("Chemical weapon", "Air/drone strike", "Suicide bomb",
                                   "Shelling/artillery/missile attack", "Remote explosive/landmine/IED",
                                   "Grenade"),
    "Violence against civilians": ("Sexual violence", "Attack", "Abduction/forced disappearance"),
    "Protests": ("Peaceful protest", "Protest with intervention", "Excessive force against protesters"),
    "Riots": ("Violent demonstration", "Mob violence"),
    "Strategic developments": ("Agreement", "Arrests", "Change to group/activity", "Disrupted weapons use",
                               "Headquarters or base established", "Looting/property destruction",
                               "Non-violent transfer of territory", "Other"),
}
EVENT_TYPE_OF = {sub: etype for etype, subs in TAXONOMY.items() for sub in subs}

REMOTE_FAMILIES = {
    "chemical": "Chemical weapon", "air": "Air/drone strike", "suicide": "Suicide bomb",
    "shelling": "Shelling/artillery/missile attack", "ied": "Remote explosive/landmine/IED", "grenade": "Grenade",
}
STRATEGIC_FAMILIES = {
    "agreement": "Agreement", "arrest": "Arrests", "group_change": "Change to group/activity",
    "disrupted": "Disrupted weapons use", "base": "Headquarters or base established",
    "looting": "Looting/property destruction", "transfer": "Non-violent transfer of territory", "other": "Other",
}

INTERVENTION = re.compile(r"\b(?:tear[- ]?gas|(?<!before )(?<!then )(?<!and )dispers(?:ed|e|ing|al)\b"
                          r"(?! peacefully| on their own| quietly| without)|water cannons?|rubber bullets|batons?|"
                          r"pepper[- ]spray\w*|cordoned off|cleared (?:\w+ ){0,3}(?:protest|site|camp|encampment|"
                          r"sit-in|square|blockade)\w*|"
                          r"lathi-?charg\w*|lathis?|baton charge\w*|cane-charg\w*|sprayed (?:\w+ ){0,3}water|"
                          r"irritant|baton-charged|(?:arrested|detained|rounded up|dragged) (?:\w+ ){0,4}(?:protesters|"
                          r"demonstrators|participants|marchers|organi[sz]ers|students|people|women|activists|residents|"
                          r"protesting|supporters|members|teachers|workers|farmers)|beat(?:en)?|"
                          r"broke up(?! peacefully| on (?:its|their) own| quietly| without incident)|"
                          r"break(?:ing|s)? up|"
                          r"cleared (?:a |the )?(?:road ?)?blockades?|pepper spray|"
                          r"stun grenades?|"
                          r"charged at)\b",
                          re.I)
# Force against a crowd that ACLED counts as excessive even when nobody died: live fire, shots at people.
_FIRED_AT = (r"(?<!gas )(?<!canisters )(?<!shells )(?<!cannon )(?<!bullets )"
             r"fired (?:(?!tear|rubber|water|stun|pepper|warning|smoke|flash)[\w-]+ ){0,2}(?:on|at|into)(?! the air)")
SHOT_AT = re.compile(r"\b(?:opened fire|live (?:ammunition|rounds|fire|bullets)|shot at|shooting at|"
                     + _FIRED_AT + r"|pellets|blinded|shotguns?)\b", re.I)
EXCESSIVE = re.compile(r"\b(?:live (?:ammunition|rounds|fire|bullets)|opened fire|shot at|pellets|blinded|"
                       + _FIRED_AT + r"|shot dead|"
                       r"killed|killing|gunned down|died|dead)\b", re.I)
_CROWD_CLASH = (r"clash(?:es|ed)? between (?:\w+ ){0,2}(?:protesters|demonstrators|marchers|students|supporters|"
                 r"youths|rioters) and (?:the )?(?:\w+ )?(?:police|security forces|soldiers|troops)")
VIOLENT_DEMO = re.compile(r"\b(?:threw (?:stones|rocks|bricks|petrol bombs|molotov)|stone-?pelting|pelted|"
                          r"torched|set (?:fire|ablaze)|vandali[sz]ed|clashed with (?:police|security|soldiers)|"
                          r"attacked (?:police|security|officers)|burn(?:ed|t)(?! (?:an? |the )?effig)|looted|"
                          r"riot(?:ed|ing|ers|s)?(?! (?:police|policemen|squad|units?|gear|shields?|control)\b)|"
                          r"ransacked|smashed|" + _CROWD_CLASH + r")\b", re.I)
# A killing of its own inside a rampage; "attacking residents" is the rampage itself.
_LETHAL = re.compile(r"kill|shot|gunned|execut|massacr|behead|murder|stabb|hack|burned alive|lynch", re.I)
_COMMUNITY_GROUP = re.compile(r"\((?P<country>[^()]+)\)$")
_FIRED_ON_BEFORE = re.compile(r"\b(?:fired|opened fire|shot|attacked|charged)\s+(?:on|at|into|upon)?\s*"
                              r"(?:an?|the)?\s*(?:[\w'’-]+\s+){0,3}$", re.I)
# What only a crowd does: troops "shot dead 58 as thousands massed, some hurling stones" did not hurl them.
_CROWD_ONLY = re.compile(r"\b(?:hurl\w*|threw|throwing|pelt\w*|stone\w*|tyres|tires|bricks|rocks|molotov|"
                         r"petrol bombs|fireworks|firecrackers)\b", re.I)
FORCED_SERVICE = re.compile(r"\bforced (?:them|him|her|the \w+|\w+ of them)? ?to (?:carry|porter|work|serve|guide|walk "
                            r"ahead|clear mines|dig)|\b(?:as|into) (?:human shields|porters|forced labou?r)\b|"
                            r"\bforced labou?r\b", re.I)
_OVERLAP_WINS = (("abduction", "take"), ("air", "ied"))
_FORCE_ONLY = re.compile(r"(?:fired|lobbed|used|shot) tear|(?:baton|lathi|cane)-?charg", re.I)
_AMID_RIOTS = re.compile(r"\b(?:during|amid) (?:the )?(?:[\w-]+ ){0,2}riots?\b", re.I)
CLAUSE_BREAK = re.compile(r"[;:]|,\s*(?:and|but|before|after|then|while|when)\b|\b(?:then|later|afterwards|"
                          r"followed|subsequently|in response|retaliat\w*)\b", re.I)
INSTRUMENT = re.compile(r"\b(?:with|using|armed with|carrying)\b(?:[^.;]*)$", re.I)
FIGHTING = re.compile(r"\b(?:fight\w*|fought|clash\w*|battl\w*|siege|shell\w*|assault|offensive|gunfire|"
                      r"firefight|heavy resistance|street battles|under fire|exchange of fire|air strikes?|"
                      r"under (?:heavy |intense |sustained |constant )?(?:attack|bombardment|shelling|pressure))\b",
                      re.I)
PROPERTY_BLOWN_UP = re.compile(r"\b(?:blew up|blown up|dynamited|demolished|detonated explosives (?:at|in|on)) "
                               r"(?:the |a |an |their |its )?(?:[\w'’-]+ ){0,4}(?:statues?|shrines?|monuments?|tombs?|"
                               r"mausoleums?|bridges?|houses?|homes?|buildings?|towers?|mosques?|churches|church|"
                               r"temples?|schools?|offices?|pylons?|pipelines?|railway|tracks|dams?)\b", re.I)
RAID_AND_LEAVE = re.compile(r"\b(?:before|then|later) (?:withdrawing|pulling out|retreating|withdrew|pulled out|"
                            r"retreated|leaving)\b", re.I)
SOUNDS = re.compile(r"\b(?:heard|sounds? of|gunfire|rang out|shook the)\b", re.I)
CONSEQUENCE = re.compile(r"explosions?|blasts?|exploded|detonated|explosives?-laden|bombings?", re.I)
CRIME = re.compile(r"\b(?:thefts?|thie(?:f|ves)|robber(?:y|ies|s)|burglar\w*|fraud\w*|drugs?|narcotics|"
                   r"traffick\w*|smuggl\w*|counterfeit\w*|bribe\w*|corruption|embezzl\w*|stolen|"
                   r"shoplift\w*|car-jack\w*|carjack\w*)\b", re.I)
# Who or what makes an arrest political whatever the charge ("a former prime minister ... in a corruption case").
POLITICAL = re.compile(r"\b(?:(?:former|ex-)\s*)?(?:prime minister|premier|president|vice[- ]president|ministers?|"
                       r"mayor|governor|lawmakers?|legislators?|MPs?|senators?|parliamentarians?|politicians?|"
                       r"opposition|(?:party|opposition|union) (?:leaders?|chief|members|workers|activists|officials)|"
                       r"leader of|activists?|dissidents?|journalists?|reporters?|candidates?|rival|critics?|"
                       r"rights defenders?|pro-democracy|separatists?|militants?|insurgents?|rebels?|subversion|"
                       r"sedition|treason|coup|national security|terror\w*|war crimes?|International Criminal Court|"
                       r"ICC|protest\w*|demonstrat\w*)\b", re.I)
HELD = re.compile(r"\b(?:occupying|occupied|held|holding|controlled|controlling) (?:the |it|them)", re.I)
ATTACK_WORDS = re.compile(r"\b(?:attack|raid|storm|ambush|assault)", re.I)
NATURAL = re.compile(r"\b(?:earthquakes?|quakes?|aftershocks?|flood(?:s|ing)?|landslides?|cyclone|hurricane|storm|"
                     r"typhoon|tsunami|"
                     r"avalanche|drought|heatwave|road accident|car crash|traffic accident|plane crash|collapsed|"
                     r"lightning|outbreak|epidemic|cholera|stampede|fire broke out|accident(?:al|ally)?|overturned|"
                     r"derail(?:ed|ment)?|collided|collision|gas cylinder|fuel tanker|short circuit|electrical fault|"
                     r"boiler|gas leak|mine collapse)\b", re.I)
ACCIDENT_SAID = re.compile(r"\b(?:(?:was|were|as) an accident|accidental(?:ly)?|ruled out (?:sabotage|foul play|"
                           r"an attack|terrorism)|not an attack|no sign of (?:sabotage|an attack))\b", re.I)
# Running totals are not events: "more than 15,000 people have been killed since the war began".
AGGREGATE = re.compile(r"\b(?:since (?:the (?:war|conflict|fighting|coup|offensive|insurgency|start|beginning|"
                       r"outbreak)|(?:it|the war|fighting|conflict) (?:began|started|erupted|broke out)|"
                       r"(?:january|february|march|april|may|june|july|august|september|october|november|"
                       r"december) \d{4}|\d{4})|so far this (?:year|month)|in total|year after (?:the )?war|"
                       r"years? of (?:war|conflict|fighting)|over the past (?:year|months|decade)|this year alone|"
                       r"death toll (?:in|of) the (?:war|conflict)|(?:have|has) been (?:fighting|battling|clashing)|"
                       r"for (?:two|three|four|five|several|many|\d+) (?:years|decades))\b", re.I)
CONFLICT_DEAL = re.compile(r"\b(?:cease-?fire|truce|peace|prisoners?|hostages?|captives|withdraw\w*|surrender\w*|"
                           r"settlement|disarm\w*|demobili[sz]\w*|amnesty|exchange|swap|non-aggression|"
                           r"humanitarian (?:pause|corridor))\b", re.I)
STATE_TARGET = re.compile(r"\b(?:checkpoints?|check-posts?|security posts?|army posts?|military posts?|outposts?|"
                          r"(?:military |army )?bases?|barracks|(?:military|army|police|security|troop) "
                          r"(?:convoys?|patrols?|vehicles?)|convoys? (?:of|carrying) (?:troops|soldiers|police)|"
                          r"police stations?|garrison|district (?:headquarters|centre|center)|gendarmerie|"
                          r"military camp|army camp|(?:government|army|military|regime|enemy|front-?line) "
                          r"positions?|front ?lines?|tanks?|armou?red vehicles?|military vehicles?)\b", re.I)
DEFENSIVE = re.compile(r"\b(?:repuls|repell?|fought off|fend|beat(?:en)? back|held back|hold(?:ing)? back|"
                       r"forced back|driven back|pushed back|came under)", re.I)
HOSTILE_KILL = re.compile(r"\b(?:kill(?:ed|ing)|shot|gunned down|executed|massacred|beheaded|murdered|"
                          r"attack(?:ed|s)?|stabbed|hacked|wounded|injured|died|dead|bodies)\b", re.I)


def _community_mob(roles: Roles | None) -> ActorMention | None:
    """"Israeli settlers rampaged through Huwara": a community's group acting as a crowd is coded as rioters of
    that community's country (ACLED: Rioters (Israel), with the settlers associated)."""
    from .countries import lookup_country

    for m in roles.agents if roles else ():
        found = _COMMUNITY_GROUP.search(m.name) if m.kind == "named" and m.inter in (3, 4) else None
        info = lookup_country(found.group("country")) if found else None
        if info is not None:
            return replace(m, kind="rioters", name="", inter=5, country_hint=info.iso2)
    return None


@dataclass(frozen=True)
class EventCandidate:
    """One event read from one sentence, before place, date and numbers are attached."""

    sub_event_type: str
    trigger: Trigger
    agent: ActorMention | None = None
    patient: ActorMention | None = None
    others: tuple[ActorMention, ...] = ()
    confidence: float = 0.6
    # A casualty sentence with no doer ("Dozens of people were injured.") usually reports more about the event
    # just described; merge decides whether it joins that event or stands alone.
    follow_up: bool = False
    # "The capture leaves Kabul ...": a definite noun naming an event already reported; it never stands alone.
    anaphoric: bool = False

    @property
    def event_type(self) -> str:
        return EVENT_TYPE_OF[self.sub_event_type]


def classify(
    sentence_text: str,
    triggers: Sequence[Trigger],
    roles: dict[Trigger, Roles],
    mentions: Sequence[ActorMention],
    killed: int,
    offset: int = 0,
) -> list[EventCandidate]:
    """Turn a sentence's kept triggers into ACLED event candidates (possibly several, possibly none)."""
    by_family: dict[str, list[Trigger]] = {}
    for t in triggers:
        by_family.setdefault(t.family, []).append(t)
    for winner, loser in _OVERLAP_WINS:
        # "Gunmen seized 6 sisters": people seized are abducted, no ground taken; "a guided bomb hit": a bomb
        # from the air, not a planted one.
        if winner in by_family and loser in by_family:
            by_family[loser] = [t for t in by_family[loser]
                                if not any(w.start < t.end and t.start < w.end for w in by_family[winner])]
            if not by_family[loser]:
                del by_family[loser]
    for t in list(by_family.get("mob", ())):
        r = roles.get(t)
        if r is not None and r.agents and is_armed(r.agents[0]) and not (
                r.agents[0].kind == "named" and r.agents[0].inter in (3, 4)):  # (settlers and ethnic militias do riot)
            # "Taliban fighters detained two journalists ... and beat them in custody": armed men beating people
            # are no mob; alone, the beating is their attack.
            by_family["mob"].remove(t)
            if len(by_family) == 1:
                by_family.setdefault("violence", []).append(t)
            if not by_family["mob"]:
                del by_family["mob"]
    if "riot" in by_family and "protest" in by_family:
        # "Police fired tear gas at supporters who threw bricks": the force only says a crowd was there, and
        # the crowd's own violence already says what it did.
        by_family["protest"] = [t for t in by_family["protest"] if not _FORCE_ONLY.match(t.text)]
        if not by_family["protest"]:
            del by_family["protest"]
    armed = [m for m in mentions if is_armed(m)]
    out: list[EventCandidate] = []

    def separate(a: Trigger, b: Trigger) -> bool:
        lo, hi = sorted((a, b), key=lambda t: t.start)
        between = sentence_text[max(0, lo.end - offset): max(0, hi.start - offset)]
        return bool(CLAUSE_BREAK.search(between)) or abs(a.start - b.start) > 80

    def first(family: str) -> Trigger:
        return by_family[family][0]

    def pick(t: Trigger) -> tuple[ActorMention | None, ActorMention | None]:
        return pick_sides(roles.get(t), t, mentions, remote=t.family in REMOTE_FAMILIES)

    # Demonstrations first: their violence words belong to the protest, not to a separate attack; but a bomb or a
    # grenade set off among a rally is an explosion that targeted the crowd.
    bombed = bool({"suicide", "ied", "grenade", "air"} & set(by_family))
    if ("protest" in by_family or "riot" in by_family or "mob" in by_family) and not bombed:
        crowd = [m for m in mentions if m.kind in ("protesters", "rioters")]
        doers = [m for m in mentions if m.kind in ("protesters", "rioters", "civilians")]
        # "members of the Gran Grif gang attacked Pont-Sonde, ... setting houses on fire": an armed group doing
        # anything in the sentence makes its burning part of its attack, not a riot.
        armed_doer = any(is_armed(r.agents[0]) and not is_state(r.agents[0]) for t in triggers
                         for r in [roles.get(t)] if r and r.agents and t.family not in ("protest",)) or any(
            r.agents and is_armed(r.agents[0]) and not (is_state(r.agents[0]) and _AMID_RIOTS.search(sentence_text))
            for t in triggers for r in [roles.get(t)]
            if r and t.family in ("riot", "mob") and not (is_state(r.agents[0] if r.agents else None) and (
                _CROWD_ONLY.search(t.text) or any(m.kind in ("protesters", "rioters") and m.start < r.agents[0].start
                                                  for m in mentions))))
        # (forces who shot people "during riots" did not riot, nor did troops hurl the stones)
        lead = min(mentions, key=lambda m: m.start) if mentions else None
        if lead is not None and lead.kind == "named" and is_armed(lead) and not is_state(lead) and not any(
                m.kind in ("protesters", "rioters") for m in mentions):
            armed_doer = True  # "Members of the Gran Grif gang ... killed 70 people and set houses on fire"
        # The force facing a crowd: state forces, else any armed group there (the Taliban after August 2021).
        # "police and soldiers fired live ammunition": ACLED names the police facing a crowd when they are there.
        state = next((m for m in mentions if m.kind == "police"), None) or next(
            (m for m in mentions if is_state(m)), None) or next(
            (m for m in mentions if m.kind == "named" and is_armed(m)), None)
        demo: list[EventCandidate] = []
        if "mob" in by_family:
            t = by_family["mob"][0]
            victim = next((m for m in mentions if is_civilian(m)), None)
            demo.append(EventCandidate("Mob violence", t, crowd[0] if crowd else _community_mob(roles.get(t)),
                                       victim, confidence=0.65))
            # "Clashes between protesters and police left 13 dead, including an officer lynched by a crowd": the
            # riot and the lynching are two events.
            crowd_clash = re.search(_CROWD_CLASH, sentence_text, re.I)
            if "protest" in by_family and (separate(by_family["protest"][0], t) or crowd_clash):
                p = by_family["protest"][0]
                demo.insert(0, EventCandidate("Violent demonstration" if crowd_clash else "Peaceful protest", p,
                                              crowd[0] if crowd else None, state if crowd_clash else None,
                                              confidence=0.6))
        # "Cars were set ablaze and fireworks fired at police": the police there are the crowd's target.
        only_targets = all(m.kind == "police" and not any(m in (roles.get(x) or Roles((), (), ())).agents
                                                          for x in triggers) for m in armed)
        # "another missile hit a building, setting it on fire": what a strike set alight is no riot.
        riot_crowd = "riot" in by_family and not armed_doer and (
            doers or not armed or only_targets or cue("crowd").search(sentence_text) and not any(
                is_armed(r.agents[0]) for t in by_family["riot"] for r in [roles.get(t)] if r and r.agents
                and not _CROWD_ONLY.search(t.text))) and not (
            set(REMOTE_FAMILIES) & set(by_family))
        # "Wagner fighters took over the headquarters and began a march on Moscow": an armed group on the move
        # is no demonstration.
        # (not "gunmen fired on a march": the march is what they shot at)
        marchers = [m for t in by_family.get("protest", ()) if re.match(r"march", t.text, re.I)
                    and not _FIRED_ON_BEFORE.search(sentence_text[:max(0, t.start - offset)])
                    for m in getattr(roles.get(t), "agents", ())]
        armed_marchers = any(is_armed(m) and not is_state(m) for m in marchers) and not (
            INTERVENTION.search(sentence_text) or cue("force").search(sentence_text))
        demonstrators = any(m.kind == "protesters" and not re.fullmatch(r"(?:angry |large )?crowds?", m.text, re.I)
                            for m in mentions)
        if demo or armed_marchers and "riot" not in by_family:
            pass
        elif riot_crowd and not armed and not demonstrators and "protest" not in by_family and not cue(
                "grievance").search(sentence_text):
            # "crowds attacked and set fire to houses of Meitei residents": a crowd's violence against people and
            # their property, with no demonstration and no police around it, is mob violence.
            victim = next((m for m in mentions if is_civilian(m)), None)
            demo.append(EventCandidate("Mob violence", by_family["riot"][0], crowd[0] if crowd else None, victim,
                                       confidence=0.6))
        elif "protest" in by_family or riot_crowd:
            t = (by_family.get("protest") or by_family["riot"])[0]
            shot_protesters = killed > 0 and any(
                is_state(r.agents[0]) and any(m.kind == "protesters" for m in r.patients)
                for t, r in roles.items() if r.agents and not _FORCE_ONLY.match(t.text))
            # Demonstrators who turn violent make a riot, whatever force is then used against them.
            # The crowd's own violence ("demonstrators torched a police station") makes a riot even when forces
            # then shot into it; fires "set by unidentified people" beside a protest that was shot at do not.
            violent_crowd = any(
                any(m.kind in ("protesters", "rioters") for m in r.agents) if r is not None and r.agents else
                not re.match(r"[^.;]{0,40}\bby\b", sentence_text[max(0, t.end - offset):])
                for t in by_family.get("riot", ()) for r in [roles.get(t)])
            if violent_crowd:
                sub = "Violent demonstration"
            elif shot_protesters:
                sub = "Excessive force against protesters"
            elif "riot" in by_family or VIOLENT_DEMO.search(sentence_text):
                sub = "Violent demonstration"
            elif EXCESSIVE.search(sentence_text) and (killed > 0 or SHOT_AT.search(sentence_text)):
                sub = "Excessive force against protesters"
            elif INTERVENTION.search(sentence_text) or "arrest" in by_family or re.search(
                    r"\b(?:fired|shot) (?:\w+ )?into the air|\bbreak up\b|\bpush(?:ed)? back\b", sentence_text, re.I):
                sub = "Protest with intervention"
            else:
                sub = "Peaceful protest"
            demo.append(EventCandidate(sub, t, crowd[0] if crowd else None, state, confidence=0.7))
        if demo and "violence" in by_family and not NATURAL.search(sentence_text):
            # "Gunmen shot dead an activist, prompting angry protesters to set fire to the consulate": the
            # killing is its own event when an armed group did it in a clause of its own.
            v = by_family["violence"][0]
            agent, patient = pick(v)
            lethal = _LETHAL.search(v.text) or "mob" not in by_family
            if lethal and is_armed(agent) and not is_state(agent) and agent is not None and agent.kind != "external" \
                    and not any(is_state(m) for m in mentions) and all(separate(v, d.trigger) for d in demo):
                victim = patient if is_civilian(patient) else None
                demo.insert(0, EventCandidate("Attack", v, agent, victim, confidence=0.55))
        if demo:
            return demo

    if AGGREGATE.search(sentence_text):
        for family in ("violence", "clash"):
            by_family.pop(family, None)
    # "..., police said": an armed force that only reports the blast does not make it an attack.
    actors_in_it = [m for m in armed if not re.match(r"\s+(?:said|says|say|told|reported|added|confirmed)\b",
                                                      sentence_text[m.end - offset:])]
    # "a fuel tanker rigged with explosives blew up in a market": a bomb, not a road accident.
    planted = bool(re.search(r"\b(?:rigged|laden|packed|loaded|booby-trapped) with explosives\b|\bbomb",
                             sentence_text, re.I))
    accident = (bool(NATURAL.search(sentence_text)) and not actors_in_it and not planted
                or bool(ACCIDENT_SAID.search(sentence_text)))
    disrupted = "disrupted" in by_family
    for family, sub in REMOTE_FAMILIES.items():
        if family in by_family and not disrupted and not accident:
            if family != "chemical" and "chemical" in by_family:
                continue  # chlorine dropped from helicopters is a chemical attack, not an air strike
            if family == "ied" and ("suicide" in by_family or "grenade" in by_family):
                continue  # the explosion words describe the suicide bombing or the grenade
            if family == "ied" and ("air" in by_family or "shelling" in by_family) and all(
                    CONSEQUENCE.fullmatch(x.text) or "with explosives" in x.text.lower() for x in by_family["ied"]):
                continue  # "explosions" and "explosives-laden" describe the strike, not a planted bomb
            if family == "ied" and ("clash" in by_family or SOUNDS.search(sentence_text)) and all(
                    re.fullmatch(r"explosions?|blasts?", x.text, re.I) for x in by_family["ied"]):
                continue  # "gunfire and explosions were heard": the sound of the battle, not a bomb
            if family == "shelling" and "air" in by_family and not separate(
                    by_family["air"][0], by_family["shelling"][0]):
                continue  # "missiles fired from drones": one air strike
            t = first(family)
            instrument = INSTRUMENT.search(sentence_text[max(0, t.start - offset - 60): max(0, t.start - offset)])
            assault = next((a for a in ("clash", "violence", "take") if a in by_family), None)
            armed_target = assault is not None and (bool(STATE_TARGET.search(sentence_text)) or is_armed(
                pick(by_family[assault][0])[1]))
            if instrument and assault and (family in ("grenade", "shelling") or family in ("ied", "air")
                                           and armed_target):
                # "attacked a base with gun trucks and rocket-propelled grenades", "attacked a FAMa camp with drones,
                # artillery and car bombs": the weapons of an assault on a position, which is a battle
                continue
            agent, patient = pick(t)
            if family == "air" and t.text.lower() == "bombed" and agent is not None and not is_state(agent) \
                    and agent.kind != "external":
                sub = "Remote explosive/landmine/IED"  # "militants bombed a bridge": not from the air
            if family == "ied" and killed == 0 and agent is not None and is_armed(agent) and \
                    PROPERTY_BLOWN_UP.search(sentence_text):
                sub = "Looting/property destruction"  # "Taliban fighters blew up the statue": no one was the target
            out.append(EventCandidate(sub, t, agent, patient, confidence=0.75))

    for family in ("take", "retake"):
        if family in by_family and not ({"arrest", "disrupted"} & set(by_family)):
            t = first(family)
            agent, patient = pick(t)
            if agent is not None and not is_armed(agent):
                agent = None
            if "transfer" in by_family and (re.search(r"without (?:a |much |any )?(?:fight|shot|battle|resistance)",
                                                      sentence_text, re.I) or not FIGHTING.search(sentence_text)):
                continue  # ground that changed hands as the other side withdrew: no battle for it
            if family == "take" and RAID_AND_LEAVE.search(sentence_text) and not HELD.search(sentence_text):
                agent, patient = pick(t)
                out.append(EventCandidate("Armed clash", t, agent, patient, confidence=0.6))
                continue  # overran a camp "before withdrawing": a raid, the ground did not change hands
            if is_civilian(patient) and re.search(r"\b(?:seiz|captur|took|taken)", t.text, re.I):
                # "gunmen seized students": people taken are abducted, not territory
                out.append(EventCandidate("Abduction/forced disappearance", t, agent, patient, confidence=0.6))
                continue
            state_takes = is_state(agent) if agent is not None else (family == "retake")
            sub = "Government regains territory" if state_takes else "Non-state actor overtakes territory"
            if agent is not None and not is_state(agent) and family == "retake":
                sub = "Non-state actor overtakes territory"
            if patient is not None and not is_armed(patient):
                patient = None
            out.append(EventCandidate(sub, t, agent, patient, confidence=0.7))
            # "...had taken Kandahar, a day after Herat fell": a second taking in a clause of its own.
            for extra in by_family[family][1:]:
                if separate(t, extra) and not any(c.trigger == extra for c in out):
                    agent2, patient2 = pick(extra)
                    out.append(EventCandidate(sub, extra, agent2 if is_armed(agent2) else agent,
                                              patient2 if is_armed(patient2) else patient, confidence=0.6))
                    break

    for family in ("abduction", "sexual"):
        if family in by_family:
            t = first(family)
            agent, patient = pick(t)
            if is_state(patient) and family == "abduction" and not armed:
                pass
            sub = "Abduction/forced disappearance" if family == "abduction" else "Sexual violence"
            out.append(EventCandidate(sub, t, agent, patient, confidence=0.7))

    violent_out = any(c.event_type in ("Battles", "Explosions/Remote violence", "Violence against civilians")
                      for c in out)
    if "clash" in by_family and "arrest" in by_family and all(t.weak for t in by_family["clash"]):
        del by_family["clash"]  # "arrested during raids": an arrest, not a battle
    if "clash" in by_family and "looting" in by_family and all(t.weak for t in by_family["clash"]) and \
            len({m.name or m.kind for m in armed}) < 2:
        del by_family["clash"]  # "troops raided and torched houses": nobody fought back
    if "clash" in by_family:
        strong = [t for t in by_family["clash"] if not t.weak]
        if strong or len(armed) >= 1:
            t = (strong or by_family["clash"])[0]
            already_battle = any(c.event_type == "Battles" for c in out)
            separate_from_remote = all(separate(c.trigger, t) for c in out)
            if not already_battle and (not out or separate_from_remote):
                agent, patient = pick(t)
                # (a force that only tells of it, "police said", is no side)
                speakers = {id(m) for r in roles.values() for m in r.speakers}
                if is_civilian(patient) and ATTACK_WORDS.match(t.text) and not any(
                        is_armed(m) and m is not agent and id(m) not in speakers for m in mentions) and not re.search(
                        r"\bbetween (?:rival |two |the )?\w+", sentence_text, re.I):  # (an ambush between rival tribes)
                    out.append(EventCandidate("Attack", t, agent, patient, confidence=0.6))
                else:
                    if DEFENSIVE.search(t.text) and patient is not None:
                        agent, patient = patient, agent  # "X repulsed Y's attack": Y started the fight
                    out.append(EventCandidate("Armed clash", t, agent, patient,
                                              confidence=0.5 if t.weak else 0.7))
            violent_out = True

    if "violence" in by_family and not violent_out and not NATURAL.search(sentence_text):
        # "100 Palestinians were killed when Israeli troops opened fire on a crowd": the verb with an armed doer
        # tells who did what to whom; a passive "were killed" only counts the dead.
        doing = [v for v in by_family["violence"] if any(is_armed(m) for m in getattr(roles.get(v), "agents", ()))
                 or any(is_armed(m) and 0 <= v.start - m.end <= 2 for m in mentions)]  # "militiamen killing"
        t = doing[0] if doing else first("violence")
        agent, patient = pick(t)
        victims_civilian = is_civilian(patient) or (patient is not None and patient.kind == "protesters") or (
            patient is None and any(is_civilian(m) for m in mentions))
        state_target = bool(STATE_TARGET.search(sentence_text))
        if victims_civilian and not (state_target and is_armed(agent)):
            if patient is None:
                patient = next(m for m in mentions if is_civilian(m))
            if agent is not None and agent.kind in ("civilians", "protesters", "rioters"):
                agent = None
            out.append(EventCandidate("Attack", t, agent, patient, confidence=0.65))
        elif is_armed(agent) and is_armed(patient):
            out.append(EventCandidate("Armed clash", t, agent, patient, confidence=0.6))
        elif is_armed(agent) and patient is None:
            # A named armed group shooting someone who is not said to be a fighter is an attack on a civilian,
            # unless the target is a post, base, convoy or patrol of the other side.
            if state_target:
                out.append(EventCandidate("Armed clash", t, agent, None, confidence=0.55))
            elif killed > 0 or HOSTILE_KILL.search(t.text):
                out.append(EventCandidate("Attack", t, agent, None, confidence=0.5))
        elif is_armed(patient):
            # Soldiers or militants killed: someone fought them.
            other = agent if is_armed(agent) else None
            out.append(EventCandidate("Armed clash", t, other, patient, confidence=0.5))
        elif agent is not None and is_civilian(agent) and killed > 0:
            out.append(EventCandidate("Attack", t, None, agent, confidence=0.45))
        elif killed > 0 and HOSTILE_KILL.search(t.text):
            out.append(EventCandidate("Attack", t, None, None, confidence=0.4))
        if (agent is None or not doing) and out:
            # "9 IS militants were killed, the governor said": a toll with no one doing the killing in its own
            # clause tells more about the event reported before it.
            out[-1] = replace(out[-1], follow_up=True)
        violent_out = bool(out)

    if "arrest" in by_family and FORCED_SERVICE.search(sentence_text) and not violent_out:
        # "Junta troops detained 40 men and forced them to carry ammunition": taken for forced labour, not arrested
        t = by_family.pop("arrest")[0]
        agent, patient = pick(t)
        out.append(EventCandidate("Abduction/forced disappearance", t, agent, patient, confidence=0.6))
        violent_out = True
    for family, sub in STRATEGIC_FAMILIES.items():
        if family not in by_family:
            continue
        t = first(family)
        if family in ("arrest", "looting", "other") and violent_out:
            continue  # what happened during a fight (a prison emptied, shops looted) is part of that fight
        if family == "looting" and accident:
            continue  # "a cyclone destroyed thousands of homes": nature, not a conflict actor
        if family == "transfer" and (any(c.event_type == "Battles" for c in out) or (
                "arrest" in by_family and not separate(by_family["arrest"][0], t))):
            continue
        if family == "agreement" and (violent_out or not (CONFLICT_DEAL.search(sentence_text) or armed)):
            continue  # a dam treaty or a trade deal between governments is diplomacy, not a conflict agreement
        if family == "arrest" and CRIME.search(sentence_text) and not POLITICAL.search(sentence_text) and not any(
                m.kind in ("named", "generic_armed", "protesters") for m in mentions):
            continue  # police arresting thieves is ordinary crime, not political violence
        agent, patient = pick(t)
        if family == "arrest":
            agent = next((m for m in mentions if is_state(m)), agent)
            if agent is not None and not is_state(agent) and agent.kind != "named":
                agent = None
        # "Several houses were burned.": destruction nobody is said to have done tells more of the attack before it.
        out.append(EventCandidate(sub, t, agent, patient, confidence=0.55,
                                  follow_up=family == "looting" and agent is None))
    return out
