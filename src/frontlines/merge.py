"""One event per happening within an article: several sentences describing the same fight become one event.

Rules, in the order a coder applies them: mentions of the same sub-event type at the same place (same town, or
a town and its own province) and dates no more than a day apart are one event; a mention that only knows the
country ("fighting is raging around three cities") adds evidence to the specific events of its type and is not
an event of its own.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, replace
from datetime import date

from .classify import AGGREGATE, FIGHTING, EventCandidate
from .model import Actor, Place, Span


@dataclass
class Draft:
    """An event mention while the article is being read (mutable until merged)."""

    candidate: EventCandidate
    sentence_index: int
    actor1: Actor | None
    actor2: Actor | None
    assoc2: tuple[str, ...]
    place: Place | None
    event_date: date
    time_precision: int
    date_explicit: bool
    fatalities: int
    sources: tuple[str, ...]
    evidence: tuple[Span, ...]
    confidence: float
    country_wide: bool = False  # the sentence speaks of a whole country, not of one place
    tags: tuple[str, ...] = ()  # e.g. "claimed by Taliban": a party to the conflict is the only source

    @property
    def sub_event_type(self) -> str:
        return self.candidate.sub_event_type


def _specific(place: Place | None) -> bool:
    return place is not None and place.feature not in ("country",)


def _same_place(a: Place | None, b: Place | None) -> bool:
    if a is None or b is None:
        return False
    if a.iso2 != b.iso2:
        return False
    if a.name == b.name and a.admin1 == b.admin1:
        return True
    # A province-level mention and a town in that province: the town is the more precise reading.
    coarse, fine = (a, b) if a.geo_precision >= b.geo_precision else (b, a)
    return coarse.feature == "admin1" and bool(coarse.admin1) and coarse.admin1 == fine.admin1


# One demonstration, told in two sentences ("300 people protested ... Police detained several of them"), is one
# event coded by what happened to it at worst.
_ANOTHER = re.compile(r"\b(?:another|a second|a third|a further|new|fresh|again)\b", re.I)
_SINCE_DAY = re.compile(r"\bsince (?:last )?(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday|the weekend|"
                        r"last week|the start|the beginning)\b", re.I)
_UNDATED_REACH = 7  # days back an undated mention may reach to a dated one of the same kind and place

PROTEST_RANK = {"Peaceful protest": 1, "Protest with intervention": 2, "Excessive force against protesters": 3,
                "Violent demonstration": 4}


def _compatible(a: Draft, b: Draft) -> bool:
    gap = abs((a.event_date - b.event_date).days)
    # "Police fire tear gas at march" over a report of Wednesday's march: an undated mention carries the
    # publication date, and is the dated one when an article tells of nothing else of its kind there.
    undated = a.date_explicit != b.date_explicit and gap <= _UNDATED_REACH
    if a.sub_event_type != b.sub_event_type:
        # "Russia claimed full control of Avdiivka ... its forces had 'completely liberated' Avdiivka": one change
        # of hands told twice on one day, whichever side the second telling's wording favours.
        retold = a.sub_event_type in TERRITORIAL and b.sub_event_type in TERRITORIAL and gap == 0 and \
            a.place is not None and b.place is not None and a.place.name == b.place.name
        if not (a.sub_event_type in PROTEST_RANK and b.sub_event_type in PROTEST_RANK and (gap == 0 or undated)) \
                and not retold:
            return False
    if not _same_place(a.place, b.place):
        return False
    if a.candidate.event_type == "Strategic developments" and a.actor1 and b.actor1 and \
            a.actor1.name != b.actor1.name:
        return False  # two groups mobilising in one town are two developments
    if gap == 1 and a.date_explicit and b.date_explicit and a.time_precision == b.time_precision == 1 and \
            _ANOTHER.search(" ".join(s.text for s in b.evidence)):
        return False  # "On Tuesday a missile struck ... Early on Wednesday another missile hit": two days, two events
    return gap <= 1 or undated


def _absorb(target: Draft, other: Draft) -> None:
    if PROTEST_RANK.get(other.sub_event_type, 0) > PROTEST_RANK.get(target.sub_event_type, 0):
        target.candidate = other.candidate
        target.actor1, target.actor2 = other.actor1, other.actor2
    if other.place is not None and (target.place is None or other.place.geo_precision < target.place.geo_precision):
        target.place = other.place
    if other.date_explicit and (not target.date_explicit or other.event_date < target.event_date):
        target.event_date, target.time_precision = other.event_date, other.time_precision
        target.date_explicit = True
    target.fatalities = _combined_deaths(target, other)
    if target.actor1 is None or (other.actor1 is not None and other.actor2 is not None and target.actor2 is None):
        target.actor1, target.actor2 = other.actor1 or target.actor1, other.actor2 or target.actor2
    target.assoc2 = tuple(dict.fromkeys(target.assoc2 + other.assoc2))
    target.sources = tuple(dict.fromkeys(target.sources + other.sources))
    target.tags = tuple(dict.fromkeys(target.tags + other.tags))
    spans = {(s.start, s.end): s for s in target.evidence + other.evidence}
    target.evidence = tuple(spans[k] for k in sorted(spans))
    target.confidence = min(0.95, max(target.confidence, other.confidence) + 0.05)


# "Three more soldiers died in the second clash", "another two were killed": deaths on top of those counted.
ADDITIONAL_DEATHS = re.compile(
    r"\b(?:more|other|additional|further)\s+(?:\w+\s+){0,2}(?:were|was|had|have|died|killed|lost)\b|"
    r"\banother\s+(?:\w+\s+){0,2}(?:were|was|died|killed)\b|"
    r"\balso\s+(?:died|killed|were\s+killed|was\s+killed|lost\s+their\s+lives)\b", re.IGNORECASE)


def _combined_deaths(target: Draft, other: Draft) -> int:
    """The same deaths are often repeated: the conservative reading of several reports is the largest figure
    any one of them gives, not their sum, unless a report says its dead come on top of the others."""
    own = {(s.start, s.end) for s in target.evidence}
    added = [s for s in other.evidence if (s.start, s.end) not in own and ADDITIONAL_DEATHS.search(s.text)]
    if added and target.fatalities and other.fatalities:
        return target.fatalities + other.fatalities
    return max(target.fatalities, other.fatalities)


VIOLENT_TYPES = frozenset({"Battles", "Explosions/Remote violence", "Violence against civilians"})


def _attach_follow_ups(drafts: Sequence[Draft]) -> list[Draft]:
    """A doer-less casualty sentence joins the violent event reported just before it in the article."""
    kept: list[Draft] = []
    for d in sorted(drafts, key=lambda x: x.sentence_index):
        outcome_of = _outcome_of(kept, d)
        if outcome_of is not None:
            _add_evidence(outcome_of, d)
            continue
        if not d.candidate.follow_up:
            kept.append(d)
            continue
        previous = next((k for k in reversed(kept) if (d.candidate.anaphoric or k.candidate.event_type in VIOLENT_TYPES
                                                       or k.candidate.event_type in CROWD_TYPES)
                         and d.sentence_index - k.sentence_index <= 3), None)
        if previous is not None and previous.candidate.event_type in CROWD_TYPES:
            _fold_into_crowd(previous, d)
            continue
        if previous is None:
            if not d.candidate.anaphoric and (d.fatalities > 0 or d.candidate.trigger.family != "violence"):
                kept.append(d)
            continue
        spans = {(s.start, s.end): s for s in previous.evidence + d.evidence}
        previous.evidence = tuple(spans[k] for k in sorted(spans))
        told = " ".join(s.text for s in d.evidence)
        if not _SINCE_DAY.search(told):
            # ("at least 97 civilians had been killed across the country since Saturday": a running total over
            # days of fighting is no one event's toll)
            previous.fatalities = _combined_deaths(previous, d)
        if d.actor1 is not None and d.actor1.inter in (2, 3, 4) and (
                previous.actor1 is None or previous.actor1.name.startswith("Unidentified")):
            previous.actor1 = d.actor1  # "Islamic State later claimed the attack"
        previous.sources = tuple(dict.fromkeys(previous.sources + d.sources))
        if d.candidate.anaphoric:
            _sharpen(previous, d)
    return kept


def _sharpen(target: Draft, follow: Draft) -> None:
    """"...in a drone strike in eastern Afghanistan ... The strike was carried out late on Friday in Nangarhar
    province": a sentence that names the event again may say where and when more precisely."""
    if follow.place is not None and (target.country_wide or target.place is None or (
            target.place.iso2 == follow.place.iso2 and target.place.geo_precision > follow.place.geo_precision
            and (not target.place.admin1 or target.place.admin1 == follow.place.admin1))):
        target.place, target.country_wide = follow.place, False
    if follow.date_explicit and not target.date_explicit:
        target.event_date, target.time_precision, target.date_explicit = (follow.event_date,
                                                                           follow.time_precision, True)


def _outcome_of(kept: Sequence[Draft], d: Draft) -> Draft | None:
    """"An Israeli air strike flattened buildings ... The army said it had killed a Hamas commander": a bare
    killing by the side whose strike, shelling or raid was just reported is that event's outcome."""
    if d.candidate.trigger.family != "violence" or d.actor1 is None:
        return None
    for k in reversed(kept):
        if d.sentence_index - k.sentence_index > 2:
            return None
        if k.sentence_index == d.sentence_index or k.candidate.event_type not in VIOLENT_TYPES or \
                k.candidate.trigger.family == "violence":
            continue
        same_doer = k.actor1 is not None and k.actor1.name == d.actor1.name
        same_place = d.place is None or _same_place(k.place, d.place) or (
            k.place is not None and k.place.iso2 == d.place.iso2 and bool(k.place.admin1)
            and k.place.admin1 == d.place.admin1)
        if same_doer and same_place and abs((k.event_date - d.event_date).days) <= 1:
            return k
        return None
    return None


def _add_evidence(target: Draft, other: Draft) -> None:
    spans = {(s.start, s.end): s for s in target.evidence + other.evidence}
    target.evidence = tuple(spans[k] for k in sorted(spans))
    target.fatalities = _combined_deaths(target, other)
    target.sources = tuple(dict.fromkeys(target.sources + other.sources))


CROWD_TYPES = frozenset({"Protests", "Riots"})


def _fold_into_crowd(crowd: Draft, other: Draft) -> None:
    """What the police did to a demonstration, told in its own sentence, is part of that demonstration:
    "Police fired live rounds, and at least 5 people were shot dead" turns a protest into excessive force."""
    spans = {(s.start, s.end): s for s in crowd.evidence + other.evidence}
    crowd.evidence = tuple(spans[k] for k in sorted(spans))
    crowd.sources = tuple(dict.fromkeys(crowd.sources + other.sources))
    force = next((a for a in (other.actor1, other.actor2) if a is not None and a.inter == 1), None)
    if force is not None and (crowd.actor2 is None or crowd.actor2.inter != 1):
        crowd.actor2 = force
    if crowd.candidate.event_type == "Protests":
        if other.fatalities > 0:
            crowd.candidate = replace(crowd.candidate, sub_event_type="Excessive force against protesters")
            crowd.fatalities = max(crowd.fatalities, other.fatalities)
        elif force is not None and crowd.sub_event_type == "Peaceful protest":
            crowd.candidate = replace(crowd.candidate, sub_event_type="Protest with intervention")
    else:
        crowd.fatalities = max(crowd.fatalities, other.fatalities)


def _folds_into_crowd(crowd: Draft, d: Draft) -> bool:
    """Violence right after a demonstration, by the state or nobody named, against nobody or civilians."""
    arrests = d.sub_event_type == "Arrests"  # "Several people were arrested.": the crowd's own arrests
    # "... set fire to a bus. Police fired tear gas and water cannon": the force used on a crowd already coded,
    # with no crowd of its own named.
    policed = d.sub_event_type in PROTEST_RANK and d.sub_event_type != "Peaceful protest" and \
        d.candidate.agent is None
    if crowd.candidate.event_type not in CROWD_TYPES or not (
            d.candidate.event_type in VIOLENT_TYPES or arrests or policed):
        return False
    if not 0 < d.sentence_index - crowd.sentence_index <= 2 or d.event_date != crowd.event_date and (
            d.date_explicit or not policed):
        return False
    if d.place is not None and crowd.place is not None and not _same_place(d.place, crowd.place) and \
            d.place.admin1 != crowd.place.admin1:
        return False
    doer_ok = d.actor1 is None or d.actor1.inter == 1 or d.actor1.name.startswith("Unidentified")
    target_ok = d.actor2 is None or d.actor2.inter in (5, 6, 7)
    if policed:
        return True
    return doer_ok and target_ok and d.sub_event_type in ("Attack", "Armed clash", "Grenade", "Arrests")


# (a destination, not a purpose: "retreated without a fight to save their lives" went nowhere in particular)
RETREAT_TO = re.compile(r"\b(?:withdr(?:ew|awn)|retreated|pulled back|fell back|fled)\s+(?:\w+\s+){0,3}"
                        r"(?:to|towards?|into)\b(?!\s+(?:save|avoid|escape|protect|spare|prevent|regroup|surrender|"
                        r"join|fight|defend|reinforce)\b)", re.IGNORECASE)
TERRITORIAL = frozenset({"Non-state actor overtakes territory", "Government regains territory"})


def _fold_withdrawals(drafts: list[Draft]) -> list[Draft]:
    """"Taliban fighters captured Spin Boldak ... government troops had withdrawn to positions to the north-west":
    the withdrawal is how the town changed hands, not a second change of hands, when a taking of ground in the
    same province on the same day or the next is already coded."""
    takings = [d for d in drafts if d.sub_event_type in TERRITORIAL and d.place is not None]
    kept = []
    for d in drafts:
        # "withdrew to the airport", "pulled back towards Fayzabad": where troops went is not the ground they left.
        retreat = any(RETREAT_TO.search(s.text) for s in d.evidence)
        home = next((t for t in takings if d.sub_event_type == "Non-violent transfer of territory"
                     and d.place is not None and t.place is not None and t.place.iso2 == d.place.iso2
                     and (_same_place(t.place, d.place) or retreat and bool(t.place.admin1)
                          and t.place.admin1 == d.place.admin1)
                     and abs((t.event_date - d.event_date).days) <= 1), None)
        if home is None:
            kept.append(d)
            continue
        if _same_place(home.place, d.place) and not any(FIGHTING.search(AGGREGATE.sub(" ", s.text))
                                                        for s in home.evidence):
            # "Zaranj fell to the Taliban ... the city had been surrendered without resistance": no fight is
            # told, so the handing over is what happened.
            home.candidate = replace(d.candidate, agent=home.candidate.agent, patient=home.candidate.patient)
        _add_evidence(home, d)
    return kept


def _fold_battles_for_ground(drafts: list[Draft]) -> list[Draft]:
    """"The Taliban captured Sheberghan ... troops had fought through the night before abandoning the governor's
    compound": fighting in a town on the day a non-state group took it (or the day before) is the battle for it,
    coded once as the taking (the state retaking part of a city while fighting goes on elsewhere in it stays two
    events). Fighting the day after ("Kunduz fell on Sunday ... On Monday there were clashes around the airport")
    is troops still holding out, an event of its own."""
    takings = [d for d in drafts if d.sub_event_type == "Non-state actor overtakes territory" and d.place is not None]
    kept = []
    for d in drafts:
        home = next((t for t in takings if d.sub_event_type == "Armed clash" and d.place is not None
                     and t.place is not None and t.place.iso2 == d.place.iso2
                     and t.place.name == d.place.name and t.place.admin1 == d.place.admin1
                     and 0 <= (t.event_date - d.event_date).days <= 1), None)
        if home is None:
            kept.append(d)
        else:
            _add_evidence(home, d)
    return kept


def merge_mentions(drafts: Sequence[Draft], country: str) -> list[Draft]:
    drafts = _attach_follow_ups(drafts)
    folded: list[Draft] = []
    for d in sorted(drafts, key=lambda x: x.sentence_index):
        crowd = next((k for k in reversed(folded) if k.candidate.event_type in CROWD_TYPES), None)
        if crowd is not None and _folds_into_crowd(crowd, d):
            _fold_into_crowd(crowd, d)
        else:
            folded.append(d)
    drafts = folded
    specific = [d for d in drafts if not d.country_wide]
    vague = [d for d in drafts if d.country_wide]
    merged: list[Draft] = []
    for d in specific:
        home = next((m for m in merged if _compatible(m, d)), None)
        if home is None:
            merged.append(d)
        else:
            _absorb(home, d)
    merged = _fold_battles_for_ground(_fold_withdrawals(merged))
    for d in vague:
        home = next((m for m in merged if m.sub_event_type == d.sub_event_type), None)
        if home is not None:
            spans = {(s.start, s.end): s for s in home.evidence + d.evidence}
            home.evidence = tuple(spans[k] for k in sorted(spans))
            home.sources = tuple(dict.fromkeys(home.sources + d.sources))
        elif _one_happening(d):
            merged.append(d)  # "Gunmen killed 100 civilians in western Niger on Saturday": placed at the country
        # Otherwise a country-wide mention is not coded: summaries ("gains across the country") are not one
        # happening, and ACLED needs a location.
    return merged


_SPREAD_RE = re.compile(r"\b(?:across|nationwide|throughout|around the country|several (?:provinces|regions|states|"
                        r"cities|towns)|many (?:provinces|regions|cities)|dozens of (?:districts|towns))\b", re.I)


_GROUND_SUMMARY = re.compile(r"\b(?:half|most|much|parts?|swathes?|a third|a quarter|dozens|scores|\d+ ?%|\d+ percent) "
                             r"of\b|\b(?:districts|crossings|provinces|territories|areas|towns|cities|regions|"
                             r"villages|posts|bases)\b", re.I)
_LOOKING_BACK_RE = re.compile(r"\b(?:remember\w*|commemorat\w*|anniversar\w*|memorial|mourn\w*|ceremony)\b", re.I)


def _one_happening(d: Draft) -> bool:
    """A country-wide sentence that still tells one dated, deadly happening, not a summary."""
    text = " ".join(s.text for s in d.evidence)
    years = {int(y) for y in re.findall(r"\b(?:19|20)\d\d\b", text)}
    # (a change of hands needs no toll: "the army said it had retaken Boma peninsula on Lake Chad"; but "control
    # of up to half of the land, including border crossings" sums many)
    return d.time_precision == 1 and (d.fatalities > 0 and d.candidate.event_type in VIOLENT_TYPES
                                      or d.sub_event_type in TERRITORIAL and not _GROUND_SUMMARY.search(text)) and \
        not _SPREAD_RE.search(text) and not _LOOKING_BACK_RE.search(text) and years <= {d.event_date.year}
