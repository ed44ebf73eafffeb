"""The extraction pipeline: article in, evidence-linked ACLED events (and situation facts) out.

Stages, each its own module: nlp (sentences, parse) → geoparse (places) → actors → classify (triggers, types)
→ modality (drop what did not happen) → temporal (event date) → casualties (fatalities) → merge (one event per
happening within the article) → notes.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import replace
from datetime import date, timedelta
from typing import Any

from . import actors as actor_mod
from .actors import ActorMention, ArticleContext, find_actor_mentions, resolve_actor
from .attribution import CLAIM_VERBS, apply_claims, mark_disputes, party_claims, sources_of
from .background import (
    background_phrase,
    blank,
    building_regained,
    drop_background,
    ground_or_force_subject,
    place_falls,
)
from .casualties import find_casualties
from .classify import TAXONOMY, EventCandidate, classify
from .countries import fold, lookup_country
from .event_dates import DAY_BEFORE, clause_time, inherited_date, is_said_day, representative_day, sentence_dates
from .geoparse import Geoparser
from .merge import Draft, merge_mentions
from .modality import attempted, excluded_clauses, retrospective, unreal_reason
from .model import Actor, Article, Event, Extraction, Place, Span, Toponym, content_key
from .nlp import Sentence, clear_token_index, sentences, token_at
from .notes import write_notes
from .placing import EventPlacer, focus_country
from .roles import assign_roles
from .sides import UNKNOWN_DOER, complete_sides, country_subject, crowd_interventions
from .situation import find_control_claims, find_figures
from .temporal import find_times
from .triggers import Trigger, find_triggers

DISORDER = {
    "Battles": "Political violence", "Explosions/Remote violence": "Political violence",
    "Violence against civilians": "Political violence", "Protests": "Demonstrations",
    "Riots": "Demonstrations", "Strategic developments": "Strategic developments",
}
assert set(DISORDER) == set(TAXONOMY)

_DECLARED_FAMILIES = frozenset({"group_change", "base", "agreement", "other"})
_GROUP_NOUNS = frozenset({"force", "forces", "group", "groups", "militia", "militias", "unit", "units", "army",
                          "coalition", "alliance", "movement", "brigade", "battalion", "faction", "factions"})
_FIGHTING_FAMILIES = frozenset({"clash", "take", "retake", "air", "shelling", "suicide", "ied", "grenade", "violence"})
# A news article's events are days or weeks old at most; what it dates months back is background it recalls.
BACKGROUND_DAYS = 60
BACKGROUND_MIN_SENTENCES = 5
# Nouns for one completed happening: "the capture", "the attack" point back to it; "the fighting" may not.
ANAPHORIC_NOUNS = frozenset({"capture", "attack", "bombing", "blast", "explosion", "assault", "abduction",
                             "kidnapping", "killing", "killings", "strike", "raid", "ambush", "massacre", "fall",
                             "seizure", "takeover", "withdrawal", "handover", "arrest", "arrests"})
class Pipeline:
    """Load once, then call :meth:`extract` or :meth:`extract_many` on articles."""

    def __init__(self, geoparser: Geoparser | None = None) -> None:
        self.geoparser = geoparser or Geoparser()
        self.placer = EventPlacer(self.geoparser.gaz)
        self._dates: list[tuple[date, int] | None] = []
        self._lead_outlets: tuple[str, ...] = ()
        self._placed: list[tuple[int, int, Place]] = []

    def extract(self, article: Article) -> Extraction:
        return next(self.extract_many([article]))

    def extract_many(self, articles: Iterable[Article], batch_size: int = 32) -> Iterator[Extraction]:
        batch: list[Article] = []
        for article in articles:
            batch.append(article)
            if len(batch) >= batch_size:
                yield from self._run(batch)
                batch = []
        if batch:
            yield from self._run(batch)

    def _run(self, batch: Sequence[Article]) -> Iterator[Extraction]:
        for article, sents in zip(batch, sentences(a.text for a in batch), strict=True):
            yield self._extract_article(article, sents)

    def _extract_article(self, article: Article, sents: Sequence[Sentence]) -> Extraction:
        # Per-sentence caches serve the several stages that read one sentence; they are emptied per article so
        # that memory stays flat on long runs and timings never profit from repeated texts.
        _clear_sentence_caches()
        text = article.text
        sentence_mentions = [find_actor_mentions(s.text, s.start) for s in sents]
        all_mentions = [m for ms in sentence_mentions for m in ms]
        toponyms = self.geoparser.find(
            text, hints=[m.home for m in all_mentions if m.kind == "named" and m.home],
            armies=_armies(all_mentions), common=_common_words(sents))
        toponyms = _drop_actor_toponyms(toponyms, all_mentions)
        toponyms = _drop_person_toponyms(toponyms, sents,
                                         lambda name: bool(self.geoparser.gaz.exact_ids(fold(name))))
        country = focus_country(toponyms) or _country_from_mentions(all_mentions) or ""
        context = replace(ArticleContext.from_mentions(
            all_mentions, country, on=article.date, text=text,
            admin1s=[t.place.admin1 for t in toponyms if t.place is not None]),
                          unclaimed=bool(UNKNOWN_DOER.search(text)))
        mentions: list[Draft] = []
        self._dates = sentence_dates(sents, article.date)
        # "..., reports the BBC" in the opening lines: the outlet the whole piece relays.
        self._lead_outlets = sources_of(replace(article, source=None), sents[1], ()) if len(sents) > 1 else ()
        self._lead_outlets = tuple(dict.fromkeys(
            self._lead_outlets + (sources_of(replace(article, source=None), sents[0], ()) if sents else ())))
        self._placed = []
        for sent, sent_mentions in zip(sents, sentence_mentions, strict=True):
            found = self._sentence_events(article, sent, sent_mentions, toponyms, country, context, sents)
            mentions.extend(found)
            # Where this sentence's events happened is the place later sentences go on speaking of.
            places = [d.place for d in found if d.place is not None]
            if places:
                self._placed.append((sent.start, sent.end, places[-1]))
        apply_claims(mentions, sents, sentence_mentions, country, article.date, context)
        events = merge_mentions(mentions, country)
        crowd_interventions(events, sents, sentence_mentions, country, context)
        mark_disputes(events, sents, sentence_mentions, country, article.date, context)
        finished = tuple(self._finish(article, m) for m in events)
        claims = find_control_claims(article, sents, toponyms, context, country)
        figures = find_figures(article, sents, toponyms)
        return Extraction(article, finished, tuple(claims), tuple(figures), tuple(toponyms))

    def _sentence_events(self, article: Article, sent: Sentence, sent_mentions: list[ActorMention],
                         toponyms: Sequence[Toponym], country: str, context: ArticleContext,
                         sents: Sequence[Sentence]) -> list[Draft]:
        triggers = find_triggers(sent.text, sent.start)
        if not triggers:
            return []
        span = sent.span
        if retrospective(span):
            return []
        base = sent.base
        times = [_shift_time(t, sent.start) for t in find_times(sent.text, article.date)]
        historic_tokens = [tok for t in times if t.relation == "historic"
                           for tok in span if t.start <= base + tok.idx < t.end]
        kept: list[Trigger] = []
        for trig in triggers:
            if _overlaps_any(trig, sent_mentions) or _inside_toponym(trig, toponyms):
                continue
            token = token_at(span, trig.start - base)
            if token is None:
                continue
            last = token_at(span, trig.end - 1 - base)
            if trig.family == "clash" and last is not None and last.dep_ == "amod":
                continue  # "the besieged town of Douma": a description, not this report's event
            if trig.family == "clash" and token.dep_ == "acl" and token.tag_ == "VBG" and token.head.pos_ == "NOUN" \
                    and token.head.lemma_.lower() in _GROUP_NOUNS:
                continue  # "the VDP auxiliary force fighting jihadists": who the force is, not a battle
            if token.dep_ == "amod" and trig.family in ("transfer", "take", "retake"):
                continue  # "the largely abandoned town", "the captured soldiers": a description, not a change of hands
            # Announcing a recruitment drive or a new base is the development itself, whatever it is for.
            if unreal_reason(token, historic_tokens, check_purpose=trig.family not in _DECLARED_FAMILIES) is not None:
                continue
            if trig.family in ("take", "retake", "transfer") and attempted(token):
                continue  # "commandos had been trying to retake the market": ground not (yet) taken
            if trig.family in ("take", "retake") and building_regained(trig, sent):
                continue  # "security forces regained control" of a stormed hotel: a siege ended, no ground won
            if trig.family == "take" and token.lemma_ == "fall" and not place_falls(token, toponyms, base):
                continue  # "shells fell on Timbuktu", "suspicion fell on Boko Haram", "the afghani fell"
            if trig.family == "transfer" and not ground_or_force_subject(token, sent_mentions, toponyms, base):
                continue  # "reports of a second explosion were later withdrawn": no ground changed hands
            if trig.weak and not any(m.armed for m in sent_mentions):
                continue
            kept.append(trig)
        before_background = kept
        kept = drop_background(kept, span, base)
        if not kept:
            return []
        kept_ids = {tok.i for t in kept for tok in [token_at(span, t.start - base)] if tok is not None}
        excluded = [(a + base, b + base) for a, b in excluded_clauses(span, kept_ids, historic_tokens)]
        # "...less than two days after a suicide bombing killed scores": the dead that a phrase recalling an earlier
        # event counts are not this event's (its date and place may still be this event's: "fell after fighting
        # on Tuesday evening").
        background = [r for t in before_background if t not in kept
                      for r in [background_phrase(span, t, base, kept_ids)] if r is not None]
        blanked = blank(sent, excluded + background)
        # Actors named only inside a clause that reports nothing ("who fought Soviet forces in the 1980s")
        # are not sides of this sentence's events.
        sent_mentions = [m for m in sent_mentions if not any(a <= m.start and m.end <= b for a, b in excluded)]
        families = {t.family for t in kept}
        earlier_fighting = [r for t in before_background if t not in kept and t.family in _FIGHTING_FAMILIES
                            for r in [background_phrase(span, t, base, kept_ids)] if r is not None]
        if families <= _DECLARED_FAMILIES:
            # "... agreed on a ceasefire after a week of clashes that killed 20 people": those the background
            # phrase names are the earlier fighting's, not the agreement's. (The foe of "captured the town after
            # clashes with the army", or the police of "riots after a police shooting", are this event's.)
            sent_mentions = [m for m in sent_mentions
                             if not any(a <= m.start and m.end <= b for a, b in earlier_fighting)]
        roles = {t: assign_roles(span, t, sent_mentions, base) for t in kept}
        casualties = find_casualties(blanked)
        candidates = classify(sent.text, kept, roles, sent_mentions, casualties.killed, sent.start)
        if not candidates:
            return []
        candidates = [_mark_anaphoric(c, token_at(span, c.trigger.start - base)) for c in candidates]
        evidence = _evidence(article.text, sent, excluded)
        out = []
        for cand in candidates:
            segment = _segment(sent, cand, candidates, excluded)
            when, precision, ref = clause_time(segment, article.date)
            if ref is not None and ref.relation in ("historic", "future"):
                continue
            if ref is not None and segment != sent.text and is_said_day(ref, segment):
                # "300 boys are missing, the governor said on Sunday": the day of the statement; the storming
                # "late Friday" earlier in the sentence dates the event.
                sentence_time = clause_time(_segment(sent, cand, [cand], excluded), article.date)
                if sentence_time[2] is not None and sentence_time[2].relation in ("past", "present") and \
                        sentence_time[2].text != ref.text:
                    when, precision, ref = sentence_time
            if ref is None and segment != sent.text:
                # "...ambushed soldiers on Sunday; 20 insurgents were killed in the subsequent strikes": the
                # sentence's own day before the previous sentences'.
                whole = _segment(sent, cand, [cand], excluded)
                when, precision, ref = clause_time(whole, article.date)
                if ref is not None and ref.relation in ("historic", "future"):
                    when, precision, ref = article.date, 1, None
            if ref is None:
                # No date of its own: the report is still on the day named just before ("on Tuesday ... Jets
                # later struck ..."), else on the publication day.
                when, precision = inherited_date(self._dates, sent.index) or (when, precision)
                if DAY_BEFORE.search(segment):
                    when = when - timedelta(days=1)  # "hours earlier", "the previous day": before that day
            else:
                when = representative_day(ref, article.date)
            if len(sents) >= BACKGROUND_MIN_SENTENCES and (article.date - when).days > BACKGROUND_DAYS:
                continue  # "Federal forces captured Mekelle in late November": an article's background, not its news
            lo, hi = _segment_range(sent, cand, candidates)
            place, country_wide = self.placer.place(toponyms, article.text, sent.start, sent.end, country, lo, hi,
                                                    national=cand.sub_event_type in _NATIONAL_SUBTYPES,
                                                    placed=self._placed, host=_host_country(cand, country))
            ev_country = place.iso2 if place is not None and place.iso2 else country
            crowd = [m for m in sent_mentions if m.kind in ("protesters", "rioters")]
            if cand.sub_event_type == "Looting/property destruction" and crowd and (
                    cand.agent in crowd or cand.agent is None and not any(m.armed for m in sent_mentions)):
                # "supporters of Imran Khan stormed the residence, ransacking it": a crowd's destruction is a riot
                cand = replace(cand, sub_event_type="Violent demonstration")
            actor1 = _resolve(cand.agent, ev_country, when, context)
            actor2 = _resolve(cand.patient, ev_country, when, context)
            if actor1 is None:
                actor1 = country_subject(token_at(span, cand.trigger.start - base), when, ev_country)
            actor1, actor2, assoc2 = complete_sides(cand, actor1, actor2, sent_mentions, ev_country, when,
                                                      context, sent.text)
            cand = _territory_by_taker(cand, actor1, actor2)
            killed = _segment_killed(_segment(sent, cand, candidates, excluded + background), casualties.killed,
                                     len(candidates))
            if cand.event_type == "Strategic developments" or cand.event_type == "Protests" and \
                    cand.sub_event_type != "Excessive force against protesters":
                killed = 0
            draft = Draft(
                cand, sent.index, actor1, actor2, assoc2, place, when, precision, ref is not None, killed,
                sources_of(article, sent, self._lead_outlets), evidence, cand.confidence, country_wide,
                party_claims(roles.get(cand.trigger), ev_country, when, context),
            )
            out.extend(_distribute(draft, toponyms, article.text, lo, hi, country))
        return out

    def _finish(self, article: Article, m: Draft) -> Event:
        cand = m.candidate
        event = Event(
            article_id=article.id,
            event_type=cand.event_type,
            sub_event_type=cand.sub_event_type,
            disorder_type=_disorder(cand.sub_event_type, cand.event_type),
            event_date=m.event_date,
            time_precision=m.time_precision,
            actor1=m.actor1,
            actor2=m.actor2,
            assoc_actor_2=m.assoc2,
            civilian_targeting=(m.actor2 is not None and m.actor2.inter == actor_mod.INTER_CIVILIANS
                                and cand.event_type in ("Violence against civilians", "Explosions/Remote violence")),
            place=m.place,
            fatalities=m.fatalities,
            sources=m.sources,
            tags=m.tags,
            source_scale="",
            evidence=m.evidence,
            confidence=round(m.confidence, 2),
        )
        event = replace(event, notes=write_notes(event))
        key = content_key(article.content_hash, event.sub_event_type, event.event_date.isoformat(),
                          m.place.name if m.place else "", *(s.start for s in m.evidence))
        return replace(event, id=key)


# Developments a government or a movement decides for a whole country: with no place named, they are coded at
# the capital. Ground that changes hands always has a place of its own.
_NATIONAL_SUBTYPES = frozenset({"Agreement", "Other", "Change to group/activity", "Headquarters or base established",
                                "Arrests"})

def _clear_sentence_caches() -> None:
    from . import actors, numbers, temporal

    actors._find_actor_mentions.cache_clear()
    temporal._find_times.cache_clear()
    clear_token_index()
    numbers._find_quantities.cache_clear()


def _disorder(sub: str, etype: str) -> str:
    if sub == "Mob violence":
        return "Political violence; Demonstrations"
    return DISORDER[etype]


def _shift_time(t: Any, offset: int) -> Any:
    return replace(t, start=t.start + offset, end=t.end + offset)


def _overlaps_any(trig: Trigger, mentions: Sequence[ActorMention]) -> bool:
    """A trigger word inside an actor's name ("Rapid Support Forces", "March 23 Movement") is no trigger."""
    return any(m.start <= trig.start and trig.end <= m.end and m.kind in ("named", "external") for m in mentions)


def _inside_toponym(trig: Trigger, toponyms: Sequence[Toponym]) -> bool:
    return any(t.start <= trig.start and trig.end <= t.end for t in toponyms)


def _drop_actor_toponyms(toponyms: Sequence[Toponym], mentions: Sequence[ActorMention]) -> list[Toponym]:
    """A word that names an actor ("Taliban", "Arakan Army") is not a place, whatever the gazetteer says."""
    return [t for t in toponyms if not any(t.start < m.end and t.end > m.start and m.kind in ("named", "external")
                                           for m in mentions)]


def _drop_person_toponyms(toponyms: Sequence[Toponym], sents: Sequence[Sentence],
                          is_place: Callable[[str], bool] = lambda name: False) -> list[Toponym]:
    """Part of a person's name is not a place: "Gul Ahmad Kamin" (and later "Kamin"), "Ismail Khan".

    spaCy's PERSON tags are used only when the person span is longer than the toponym, because spaCy also tags
    real places as persons ("Lashkar Gah"), and never when the whole "person" is a gazetteer name ("Sokoto
    North") or sits in the bracket of an ACLED-style "Town (District, Province)"."""
    persons: list[tuple[int, int]] = []
    surnames: set[str] = set()
    for sent in sents:
        base = sent.base
        for ent in sent.span.ents:
            if ent.label_ == "PERSON" and len(ent) >= 2 and not is_place(ent.text) and not (
                    "(" in sent.text[max(0, ent.start_char - 40):ent.start_char]
                    and ")" in sent.text[ent.end_char:ent.end_char + 40]):
                persons.append((base + ent.start_char, base + ent.end_char))
                surnames.update({ent[0].text, ent[-1].text})
    kept = []
    for t in toponyms:
        inside = any(a <= t.start and t.end <= b and (b - a) > (t.end - t.start) for a, b in persons)
        named_before = t.text in surnames and not t.cue
        if not inside and not named_before:
            kept.append(t)
    return kept


def _common_words(sents: Sequence[Sentence]) -> list[int]:
    """Offsets of capitalised first words that the parser reads as adjectives or plural common nouns ("Early
    reports of a second explosion", "Farmers blocked the road", "Cars were set ablaze"): words, not Early (Texas),
    Milan's "Farmers" or Cars (France)."""
    out = []
    for sent in sents:
        first = next((t for t in sent.span if not t.is_space and not t.is_punct), None)
        if first is not None and first.text[:1].isupper() and (first.pos_ == "ADJ" or first.tag_ == "NNS"):
            out.append(sent.base + first.idx)
    return out


def _host_country(cand: EventCandidate, country: str) -> str:
    """The home of a named armed group from another country that is party to an agreement ("the ceasefire
    between Israel and Hezbollah"): ACLED codes the deal where the group's war is, the state a foreign force."""
    if cand.sub_event_type != "Agreement":
        return ""
    homes = {m.home for m in (cand.agent, cand.patient) if m is not None and m.kind == "named"
             and m.inter in (2, 3) and m.home and m.home != country}
    return homes.pop() if len(homes) == 1 else ""


def _armies(mentions: Sequence[ActorMention]) -> list[str]:
    """The countries whose forces the text names by adjective: each one of "Ukrainian and Russian troops", not
    only the first."""
    out = {m.country_hint for m in mentions if m.country_hint}
    for m in mentions:
        if m.country_hint and " and " in m.text:
            out |= {info.iso2 for w in re.findall(r"\b[A-Z][a-z]+\b", m.text)
                    if (info := lookup_country(w)) is not None and w in info.demonyms}
    return sorted(out)


def _country_from_mentions(mentions: Sequence[ActorMention]) -> str:
    homes = [m.home or m.country_hint for m in mentions if m.home or m.country_hint]
    return max(set(homes), key=homes.count) if homes else ""


def _resolve(m: ActorMention | None, country: str, on: date, context: ArticleContext) -> Actor | None:
    if m is None:
        return None
    return resolve_actor(m, country=country, on=on, context=context)


def _territory_by_taker(cand: EventCandidate, taker: Actor | None, loser: Actor | None = None) -> EventCandidate:
    """Who took the ground decides the sub-event type: the state (the Taliban after August 2021 included)
    regains territory, anyone else overtakes it. A foreign army that helps the host state against rebels
    regains ground with it; one that takes ground from the host state's own forces overtakes it (ACLED counts
    foreign state forces with non-state actors there)."""
    if taker is None or cand.sub_event_type not in ("Government regains territory",
                                                     "Non-state actor overtakes territory"):
        return cand
    foreign_army = taker.inter == 8 and taker.name.startswith(("Military Forces", "Police Forces"))
    state = taker.inter == 1 or (foreign_army and not (loser is not None and loser.inter == 1))
    sub = "Government regains territory" if state else "Non-state actor overtakes territory"
    return cand if sub == cand.sub_event_type else replace(cand, sub_event_type=sub)


def _mark_anaphoric(cand: EventCandidate, token: Any) -> EventCandidate:
    """"The capture leaves Kabul...", "the attack came days after...": a definite noun refers back to an event
    already reported, so it supports that event instead of starting a new one."""
    if token is None or token.pos_ != "NOUN" or cand.follow_up or token.lemma_.lower() not in ANAPHORIC_NOUNS:
        return cand
    definite = any(c.dep_ in ("det", "poss") and c.lower_ in ("the", "this", "that", "these", "those", "its",
                                                             "their") for c in token.children)
    claimed = token.dep_ in ("dobj", "pobj") and token.head.lemma_ in CLAIM_VERBS | {"for", "of"} and (
        token.head.lemma_ in CLAIM_VERBS or token.head.head.lemma_ in CLAIM_VERBS | {"responsibility"})
    if definite and (token.dep_ in ("nsubj", "nsubjpass") or claimed):
        return replace(cand, follow_up=True, anaphoric=True)
    return cand


def _segment_range(sent: Sentence, cand: EventCandidate, all_cands: Sequence[EventCandidate]) -> tuple[int, int]:
    """Article offsets of the part of the sentence that belongs to one of several events in it."""
    starts = sorted({c.trigger.start for c in all_cands})
    if len(starts) == 1:
        return sent.start, sent.end
    begin = cand.trigger.start
    later = [x for x in starts if x > begin]
    lo = sent.start if begin == starts[0] else _clause_start(sent, begin)
    hi = later[0] if later else sent.end
    if begin == starts[0] and later:
        hi = _clause_start(sent, later[0])
    return lo, hi


def _clause_start(sent: Sentence, pos: int) -> int:
    """Back from a trigger to the nearest clause break (';', ', and', ' and then'), at most to the sentence start."""
    window = sent.text[: pos - sent.start]
    breaks = [m.end() for m in re.finditer(r";|,\s*(?:and|but|while|then)\b|\band then\b|\. ", window)]
    return sent.start + (breaks[-1] if breaks else 0)


_LIST_GAP = re.compile(r"^\s*(?:,|,?\s+and|,?\s+or)\s*$")


def _distribute(draft: Draft, toponyms: Sequence[Toponym], text: str, lo: int, hi: int,
                country: str) -> list[Draft]:
    """"Sar-e Pul and Taloqan also fell": one territorial event per town in a coordinated list."""
    if draft.candidate.trigger.family not in ("take", "retake", "transfer"):
        return [draft]
    towns = [t for t in toponyms if lo <= t.start < hi and t.place is not None
             and t.place.feature in ("city", "admin2") and (not country or t.place.iso2 == country)]
    group: list[Toponym] = []
    for t in towns:
        if group and _LIST_GAP.match(text[group[-1].end:t.start]):
            group.append(t)
        elif len(group) < 2:
            group = [t]
    if len(group) < 2:
        return [draft]
    return [replace(draft, place=t.place) for t in group]


def _segment(sent: Sentence, cand: EventCandidate, all_cands: Sequence[EventCandidate],
             excluded: Sequence[tuple[int, int]] = ()) -> str:
    """The stretch of the sentence that belongs to one of several events in it (from its trigger to the next),
    with clauses that report no event blanked out so their dates ("in the 1980s") are not read."""
    chars = list(sent.text)
    for a, b in excluded:
        for i in range(max(0, a - sent.start), min(len(chars), b - sent.start)):
            chars[i] = " "
    text = "".join(chars)
    if len(all_cands) == 1:
        return text
    starts = sorted({c.trigger.start for c in all_cands})
    begin = cand.trigger.start
    later = [s for s in starts if s > begin]
    a = 0 if begin == starts[0] else begin - sent.start
    b = (later[0] - sent.start) if later else len(text)
    return text[a:b]


def _segment_killed(segment: str, sentence_killed: int, n_events: int) -> int:
    if n_events == 1:
        return sentence_killed
    return find_casualties(segment).killed


def _evidence(text: str, sent: Sentence, excluded: Sequence[tuple[int, int]]) -> tuple[Span, ...]:
    """The sentence, minus clauses that report no event; each piece trimmed of edge punctuation."""
    pieces = [(sent.start, sent.end)]
    for a, b in sorted(excluded):
        nxt = []
        for s, e in pieces:
            if b <= s or a >= e:
                nxt.append((s, e))
                continue
            if s < a:
                nxt.append((s, a))
            if b < e:
                nxt.append((b, e))
        pieces = nxt
    spans = []
    for s, e in pieces:
        while s < e and text[s] in " ,;:-\u2014\n":
            s += 1
        while e > s and text[e - 1] in " ,;:-\u2014\n":
            e -= 1
        if e - s >= 8:
            spans.append(Span(s, e, text[s:e]))
    return tuple(spans) or (Span(sent.start, sent.end, sent.text),)
