"""Cross-article event linking: reports of the same happening become one linked event.

Every stored event row is a *mention* (one article's report). Linking is defined on the whole set of mentions,
so that the outcome cannot depend on input order or on how ingestion was split:

1. Candidate pairs share a country, a compatible admin1 (equal, or one side only knows the country/province)
   and dates within the pair's date tolerance — the indexed (country, event_date) query of the store.
2. A candidate pair scores 0..1 from place distance (tolerance from each side's geo_precision), date distance
   (window from time_precision), sub-event type family, actor overlap and evidence wording; hard
   incompatibilities (different towns beyond tolerance, dates too far apart, unrelated types) score 0.
3. Linked events are the connected components of pairs scoring at least the threshold. Against chaining, a
   component whose members are not all pairwise compatible loses its weakest edges until every part is.
4. A linked event's id is its smallest mention id, so it is a function of its set of mentions (and a single
   report keeps the id it had before linking existed).

Incremental ingest re-links only the affected region: the closure of the new mentions under candidate edges,
which is exactly the set of components that can change. Mentions unlinked by hand never get an edge.
"""

from __future__ import annotations

import json
import math
import re
import statistics
from bisect import bisect_left, bisect_right
from collections import Counter
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, replace
from datetime import date, timedelta
from functools import lru_cache
from importlib import resources
from typing import Any

from .errors import FrontlinesError
from .model import Event, Place
from .store import Mention, Store, count_sources

Near = Callable[[str, date, date], Sequence[Mention]]


@dataclass(frozen=True)
class Rules:
    family: dict[str, str]
    related: frozenset[frozenset[str]]
    type_scores: dict[str, float]
    specificity: dict[str, int]
    place_tolerance_km: dict[int, float]
    date_window_days: dict[int, int]
    date_slack_days: int
    weights: dict[str, float]
    threshold: float
    generic_prefixes: tuple[str, ...]
    stopwords: frozenset[str]

    @property
    def max_reach_days(self) -> int:
        """The widest date gap any candidate pair can have."""
        return self.date_slack_days + 2 * max(self.date_window_days.values())


@lru_cache(maxsize=1)
def rules() -> Rules:
    raw: dict[str, Any] = json.loads(
        resources.files("frontlines").joinpath("data/link_rules.json").read_text(encoding="utf-8")
    )
    return Rules(
        family={sub: fam for fam, subs in raw["families"].items() for sub in subs},
        related=frozenset(frozenset(pair) for pair in raw["related"]),
        type_scores={k: float(v) for k, v in raw["type_scores"].items()},
        specificity={sub: rank for rank, sub in enumerate(raw["specificity"])},
        place_tolerance_km={int(k): float(v) for k, v in raw["place_tolerance_km"].items()},
        date_window_days={int(k): int(v) for k, v in raw["date_window_days"].items()},
        date_slack_days=int(raw["date_slack_days"]),
        weights={k: float(v) for k, v in raw["weights"].items()},
        threshold=float(raw["threshold"]),
        generic_prefixes=tuple(raw["generic_actor_prefixes"]),
        stopwords=frozenset(raw["stopwords"]),
    )


# --- pair scoring ---

def _km(a: Place, b: Place) -> float:
    lat1, lon1, lat2, lon2 = map(math.radians, (a.latitude, a.longitude, b.latitude, b.longitude))
    h = math.sin((lat2 - lat1) / 2) ** 2 + math.cos(lat1) * math.cos(lat2) * math.sin((lon2 - lon1) / 2) ** 2
    return 2 * 6371.0 * math.asin(min(1.0, math.sqrt(h)))


def _coarse(place: Place, other: Place) -> str:
    """"country" or "admin1" for places that only name an area; "" for a town-like place.

    A town named like its province ("Kunduz", "Herat") is read as the province when the other side is another
    town of that province: reports use the name for both, and the geocoder picks the town.
    """
    if place.feature == "country" or not place.admin1:
        return "country"
    if place.feature == "admin1":
        return "admin1"
    if place.name == place.admin1 and other.admin1 == place.admin1 and other.name != place.name:
        return "admin1"
    return ""


def _place_score(a: Place | None, b: Place | None, r: Rules) -> float:
    if a is None or b is None or not a.country or a.country != b.country:
        return 0.0
    ca, cb = _coarse(a, b), _coarse(b, a)
    if "country" in (ca, cb):
        return 0.3
    if a.admin1 != b.admin1:
        # Neighbouring towns across a provincial border can still be one place at coarse precision.
        if ca or cb:
            return 0.0
    elif ca or cb:
        return 0.5 if ca != cb else 0.7
    if a.name == b.name and a.admin1 == b.admin1:
        return 1.0
    if not all(math.isfinite(v) for v in (a.latitude, a.longitude, b.latitude, b.longitude)):
        return 0.0
    tolerance = max(r.place_tolerance_km.get(a.geo_precision, 15.0), r.place_tolerance_km.get(b.geo_precision, 15.0))
    km = _km(a, b)
    if km <= 2.0:
        return 1.0
    return 0.0 if km > tolerance else 1.0 - 0.5 * km / tolerance


def _date_slack(a: Event, b: Event, r: Rules) -> int:
    return (r.date_slack_days + r.date_window_days.get(a.time_precision, 0)
            + r.date_window_days.get(b.time_precision, 0))


def _date_score(a: Event, b: Event, r: Rules) -> float:
    slack = _date_slack(a, b, r)
    gap = abs((a.event_date - b.event_date).days)
    return 0.0 if gap > slack else 1.0 - gap / (slack + 1)


def _type_score(a: Event, b: Event, r: Rules) -> float:
    if a.sub_event_type == b.sub_event_type:
        return r.type_scores["same"]
    fa, fb = r.family.get(a.sub_event_type, a.sub_event_type), r.family.get(b.sub_event_type, b.sub_event_type)
    if fa == fb:
        return r.type_scores["same_family"]
    return r.type_scores["related"] if frozenset((fa, fb)) in r.related else 0.0


def _named_actors(event: Event, r: Rules) -> set[str]:
    names = [a.name for a in (event.actor1, event.actor2) if a is not None]
    names += [*event.assoc_actor_1, *event.assoc_actor_2]
    return {n.lower() for n in names if n and not n.startswith(r.generic_prefixes)}


def _actor_score(a: Event, b: Event, r: Rules) -> float:
    na, nb = _named_actors(a, r), _named_actors(b, r)
    if not na or not nb:
        return 0.5
    overlap = len(na & nb) / min(len(na), len(nb))
    return 0.5 + 0.5 * overlap if overlap else 0.2


_WORD = re.compile(r"[a-z]{4,}")


def _words(event: Event, r: Rules) -> frozenset[str]:
    text = " ".join(span.text for span in event.evidence).lower()
    return frozenset(w for w in _WORD.findall(text) if w not in r.stopwords)


def _word_score(a: Event, b: Event, r: Rules) -> float:
    wa, wb = _words(a, r), _words(b, r)
    if not wa or not wb:
        return 0.0
    return min(1.0, 2 * len(wa & wb) / (len(wa) + len(wb)) * 2)


def compatible(a: Event, b: Event, r: Rules | None = None) -> bool:
    """No hard reason why two mentions cannot be the same happening."""
    r = r or rules()
    return _place_score(a.place, b.place, r) > 0 and _date_score(a, b, r) > 0 and _type_score(a, b, r) > 0


def pair_score(a: Event, b: Event, r: Rules | None = None) -> float:
    """How alike two mentions are, 0..1; 0 when they cannot be the same happening. Symmetric."""
    r = r or rules()
    place, when, kind = _place_score(a.place, b.place, r), _date_score(a, b, r), _type_score(a, b, r)
    if not (place and when and kind):
        return 0.0
    w = r.weights
    total = (w["place"] * place + w["date"] * when + w["type"] * kind + w["actors"] * _actor_score(a, b, r)
             + w["words"] * _word_score(a, b, r))
    return round(total, 6)  # rounded so that ties are exact ties whichever side is first


# --- clustering ---

def _candidates(m: Mention, near: Near, r: Rules) -> list[Mention]:
    place = m.event.place
    if place is None or not place.country:
        return []
    reach = timedelta(days=r.max_reach_days)
    return [o for o in near(place.country, m.event.event_date - reach, m.event.event_date + reach) if o.id != m.id]


def _components(ids: Iterable[str], edges: dict[tuple[str, str], float], floor: float) -> list[list[str]]:
    parent = {i: i for i in ids}

    def find(x: str) -> str:
        while parent[x] != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    for (a, b), score in edges.items():
        if score >= floor and a in parent and b in parent:
            ra, rb = find(a), find(b)
            if ra != rb:
                parent[max(ra, rb)] = min(ra, rb)
    groups: dict[str, list[str]] = {}
    for i in parent:
        groups.setdefault(find(i), []).append(i)
    return [sorted(g) for g in groups.values()]


def _split(group: list[str], edges: dict[tuple[str, str], float], by_id: dict[str, Mention], r: Rules
           ) -> list[list[str]]:
    """A component whose members are not all pairwise compatible (a chain: Monday ~ Tuesday ~ Wednesday) is
    rebuilt by average linkage: repeatedly join the two groups with the highest mean pair score (missing pairs
    count 0) while it reaches the threshold and every cross pair is compatible. Ties go to the smallest ids,
    so the result is a function of the component alone."""
    if all(compatible(by_id[a].event, by_id[b].event, r) for i, a in enumerate(group) for b in group[i + 1:]):
        return [group]
    members = {i: [i] for i in group}
    sums: dict[str, dict[str, float]] = {i: {} for i in group}
    for (a, b), score in edges.items():
        if a in members and b in members:
            sums[a][b] = sums[b][a] = score
    blocked: set[tuple[str, str]] = set()
    while True:
        best: tuple[float, str, str] | None = None
        for a, neighbours in sums.items():
            for b, total in neighbours.items():
                if a < b and (a, b) not in blocked:
                    mean = round(total / (len(members[a]) * len(members[b])), 9)
                    if mean >= r.threshold and (best is None or (-mean, a, b) < (-best[0], best[1], best[2])):
                        best = (mean, a, b)
        if best is None:
            break
        _, a, b = best
        if not all(compatible(by_id[x].event, by_id[y].event, r) for x in members[a] for y in members[b]):
            blocked.add((a, b))  # a larger group containing both would be incompatible too
            continue
        members[a] += members.pop(b)
        for c, total in sums.pop(b).items():
            if c != a:
                sums[a][c] = sums[a].get(c, 0.0) + total
                sums[c][a] = sums[a][c]
                del sums[c][b]
        del sums[a][b]
        blocked = {(min(a if x == b else x, a if y == b else y), max(a if x == b else x, a if y == b else y))
                   for x, y in blocked}
    return [sorted(m) for m in members.values()]


def cluster(mentions: Sequence[Mention], near: Near, unlinked: set[str], r: Rules | None = None
            ) -> list[list[Mention]]:
    """Linked groups for a set of mentions closed under candidate edges (e.g. all of them)."""
    r = r or rules()
    by_id = {m.id: m for m in mentions}
    edges: dict[tuple[str, str], float] = {}
    for m in mentions:
        if m.id in unlinked:
            continue
        for o in _candidates(m, near, r):
            if o.id in by_id and o.id not in unlinked and m.id < o.id:
                score = pair_score(m.event, o.event, r)
                if score >= r.threshold:
                    edges[(m.id, o.id)] = score
    groups: list[list[Mention]] = []
    for component in _components(sorted(by_id), edges, r.threshold):
        for part in _split(component, edges, by_id, r):
            groups.append([by_id[i] for i in part])
    return sorted(groups, key=lambda g: g[0].id)


def _closure(seeds: Sequence[Mention], near: Near, members_of: Callable[[Sequence[str]], set[str]],
             load: Callable[[Sequence[str]], list[Mention]], r: Rules) -> list[Mention]:
    """The seeds plus everything reachable over candidate edges (ignoring hand unlinks, so the region is closed
    whatever they say) and everything that shares a stored linked event with it."""
    region: dict[str, Mention] = {}
    frontier = list(seeds)
    while frontier:
        fresh: dict[str, Mention] = {}
        for m in frontier:
            if m.id in region:
                continue
            region[m.id] = m
            for o in _candidates(m, near, r):
                if o.id not in region and o.id not in fresh and pair_score(m.event, o.event, r) >= r.threshold:
                    fresh[o.id] = o
        stored = members_of(sorted(region)) - region.keys() - fresh.keys()
        frontier = list(fresh.values()) + load(sorted(stored))
    return sorted(region.values(), key=lambda m: m.id)


# --- merging a group into one linked event ---

_FEATURE_RANK = {"city": 0, "other": 1, "admin2": 2, "admin1": 3, "country": 4}


def first_mention(group: Sequence[Mention]) -> Mention:
    return min(group, key=lambda m: (m.reported, m.article_id, m.id))


def _place(group: Sequence[Mention]) -> Place | None:
    places = [m.event.place for m in group if m.event.place is not None]
    if not places:
        return None
    counts = Counter((p.name, p.admin1) for p in places)
    return min(places, key=lambda p: (p.geo_precision, _FEATURE_RANK.get(p.feature, 1),
                                      -counts[(p.name, p.admin1)], p.name, p.admin1, p.latitude, p.longitude))


def _date(group: Sequence[Mention]) -> tuple[date, int]:
    best = min(m.event.time_precision for m in group)
    counts = Counter(m.event.event_date for m in group if m.event.time_precision == best)
    return min(counts, key=lambda d: (-counts[d], d)), best


def fatalities(group: Sequence[Mention]) -> tuple[int, list[tuple[int, str]]]:
    """The linked toll and the differing reports behind it.

    Rule: the lower median of the positive figures reported (0 when none gives one). ACLED codes the most
    conservative credible figure; with machine-read tolls a single misread number (a wounded count, a
    cumulative toll) is the usual outlier in either direction, so the lower median is the conservative figure
    that one bad reading cannot move. Figures are per report, so a toll that grows over days moves it up.
    """
    reports = sorted({(m.event.fatalities, m.source or m.article_id) for m in group if m.event.fatalities > 0})
    if not reports:
        return 0, []
    return int(statistics.median_low([n for n, _ in reports])), reports


def merge(group: Sequence[Mention], r: Rules | None = None) -> Event:
    """One event for a group of mentions, by fixed rules that do not depend on the group's order."""
    r = r or rules()
    counts = Counter(m.event.sub_event_type for m in group)
    sub = min(counts, key=lambda s: (-counts[s], r.specificity.get(s, len(r.specificity)), s))
    rep = min((m for m in group if m.event.sub_event_type == sub),
              key=lambda m: (-len(_named_actors(m.event, r)), -m.event.confidence, m.id))
    first = first_mention(group)
    when, precision = _date(group)
    toll, reports = fatalities(group)
    notes = rep.event.notes
    if len({n for n, _ in reports}) > 1:
        listed = "; ".join(f"{n} ({who})" for n, who in reports)
        notes = f"{notes} Fatality reports differ: {listed}; lower median used.".strip()
    n_sources = count_sources(group)
    return replace(
        rep.event,
        id=min(m.id for m in group),
        article_id=first.article_id,
        evidence=first.event.evidence,
        event_date=when,
        time_precision=precision,
        place=_place(group),
        fatalities=toll,
        notes=notes,
        sources=tuple(sorted({s for m in group for s in m.event.sources})),
        tags=tuple(sorted({t for m in group for t in m.event.tags})),
        confidence=round(min(0.99, max(m.event.confidence for m in group) + 0.05 * (n_sources - 1)), 2),
    )


# --- store-facing operations ---

@dataclass(frozen=True)
class LinkStats:
    mentions: int = 0  # mentions (re)linked
    events: int = 0  # linked events written


@dataclass(frozen=True)
class LinkedEvent:
    event: Event
    mentions: tuple[Mention, ...]  # in report order

    @property
    def num_sources(self) -> int:
        return count_sources(self.mentions)


def _write(store: Store, region: Sequence[Mention], unlinked: set[str], near: Near, r: Rules) -> LinkStats:
    store.clear_links([m.id for m in region])
    groups = cluster(region, near, unlinked, r)
    for group in groups:
        store.write_linked(merge(group, r), group)
    return LinkStats(len(region), len(groups))


def _memory_near(mentions: Sequence[Mention]) -> Near:
    by_country: dict[str, list[Mention]] = {}
    for m in mentions:
        if m.event.place is not None and m.event.place.country:
            by_country.setdefault(m.event.place.country, []).append(m)
    for items in by_country.values():
        items.sort(key=lambda m: (m.event.event_date, m.id))
    days = {c: [m.event.event_date for m in items] for c, items in by_country.items()}

    def near(country: str, since: date, until: date) -> Sequence[Mention]:
        items = by_country.get(country, [])
        return items[bisect_left(days[country], since):bisect_right(days[country], until)]

    return near


def link_pending(store: Store) -> LinkStats:
    """Link the mentions not yet linked (new ones), re-linking only the region they can change."""
    r = rules()
    if not store.pending_mentions():
        return LinkStats()  # no write transaction, so readers' caches stay valid
    with store.write_transaction() as changed:
        changed.append(True)
        pending = store.pending_mentions()
        region = _closure(store.mentions(pending), store.mentions_near, store.linked_members, store.mentions, r)
        return _write(store, region, store.unlinked_by_hand(), store.mentions_near, r)


def relink(store: Store) -> LinkStats:
    """Link every stored mention from scratch (after the rules changed); hand unlinks are kept."""
    r = rules()
    with store.write_transaction() as changed:
        changed.append(True)
        everything = store.mentions()
        store.clear_links()
        groups = cluster(everything, _memory_near(everything), store.unlinked_by_hand(), r)
        for group in groups:
            store.write_linked(merge(group, r), group)
        return LinkStats(len(everything), len(groups))


def unlink(store: Store, mention_id: str) -> LinkStats:
    """Make one mention a linked event of its own, now and after every relink."""
    r = rules()
    with store.write_transaction() as changed:
        changed.append(True)
        if not store.mark_unlinked(mention_id):
            raise FrontlinesError(
                f"no mention {mention_id!r} in {store.path}: a mention id is the `event_id` of one article's "
                "report (column `mention_id` of the database's `links` table)"
            )
        seeds = store.mentions(sorted(store.linked_members([mention_id])))
        region = _closure(seeds, store.mentions_near, store.linked_members, store.mentions, r)
        return _write(store, region, store.unlinked_by_hand(), store.mentions_near, r)


def linked_events(store: Store, *, country: str | None = None, since: date | None = None,
                  until: date | None = None, event_type: str | None = None) -> list[LinkedEvent]:
    """Linked events, oldest first; mentions not linked yet (a database written without linking) appear as
    events of their own, so every stored report is listed once."""
    rows = store.linked_events(country=country, since=since, until=until, event_type=event_type)
    ids = sorted({i for _, members in rows for i in members})
    by_id = {m.id: m for m in store.mentions(ids)}
    result = [LinkedEvent(event, tuple(by_id[i] for i in members if i in by_id)) for event, members in rows]
    pending = set(store.pending_mentions())
    if pending:
        filtered = {e.id for e in store.events(country=country, since=since, until=until, event_type=event_type)}
        for m in store.mentions(sorted(pending & filtered)):
            result.append(LinkedEvent(m.event, (m,)))
        result.sort(key=lambda le: (le.event.event_date, le.event.id))
    return result


def linked_fields(linked: LinkedEvent) -> dict[str, object]:
    """What the JSONL contract adds to a linked event's record: num_sources and its mentions."""
    return {
        "num_sources": linked.num_sources,
        "mentions": [
            {"article_id": m.article_id, "source": m.source, "evidence": [s.to_dict() for s in m.event.evidence]}
            for m in linked.mentions
        ],
    }


def clustering_scores(predicted: dict[str, str], gold: dict[str, str]) -> dict[str, float]:
    """Pairwise precision/recall/F1 and B-cubed precision/recall/F1 of a clustering, over the items in both
    maps (item -> cluster label)."""
    items = sorted(predicted.keys() & gold.keys())
    pred_of = {i: predicted[i] for i in items}
    gold_of = {i: gold[i] for i in items}
    same_pred = same_gold = same_both = 0
    b_p = b_r = 0.0
    for i in items:
        mine = {j for j in items if pred_of[j] == pred_of[i]}
        truth = {j for j in items if gold_of[j] == gold_of[i]}
        both = len(mine & truth)
        b_p += both / len(mine)
        b_r += both / len(truth)
        same_pred += len(mine) - 1
        same_gold += len(truth) - 1
        same_both += both - 1
    n = len(items) or 1
    p = same_both / same_pred if same_pred else 1.0
    rec = same_both / same_gold if same_gold else 1.0
    bp, br = b_p / n, b_r / n
    return {
        "items": float(len(items)),
        "pairwise_precision": p, "pairwise_recall": rec,
        "pairwise_f1": 2 * p * rec / (p + rec) if p + rec else 0.0,
        "bcubed_precision": bp, "bcubed_recall": br,
        "bcubed_f1": 2 * bp * br / (bp + br) if bp + br else 0.0,
    }
