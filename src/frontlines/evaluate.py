"""Score extraction against a gold file: per-field accuracy, recall and over-generation.

Gold formats:
- JSONL: ``{"id", "date", "text", "gold": [events]}`` per line (``gold: []`` marks a text with no event);
- ACLED-format CSV whose ``notes`` column is the input text; its ``event_date`` is taken as the publication
  date and the row itself is the gold event;
- UCDP GED CSV (``source_headline``, ``where_prec`` ...): the headline is the text; place, date and deaths are
  scored, event types only roughly (UCDP has no sub-event types).

Each gold event is matched to at most one extracted event of the same item: the pair with the best agreement
(sub-event type, event type, distance, date) is taken first. Fields are scored over all gold events, so a gold
event with no match counts as wrong on every field.
"""

from __future__ import annotations

import csv
import json
import math
from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any

from .errors import GoldFormatError
from .export import acled_row
from .model import Article, Event
from .pipeline import Pipeline

FIELDS = ("event_type", "sub_event_type", "actor1", "actor2", "admin1", "within_10km", "within_25km",
          "event_date", "fatalities")


@dataclass(frozen=True)
class GoldItem:
    article: Article
    gold: tuple[dict[str, Any], ...]


@dataclass
class Report:
    items: int = 0
    gold_events: int = 0
    extracted: int = 0
    matched: int = 0
    unmatched_extracted: int = 0
    correct: dict[str, int] = field(default_factory=lambda: defaultdict(int))
    by_sub_type: dict[str, list[int]] = field(default_factory=lambda: defaultdict(lambda: [0, 0, 0]))
    misses: list[dict[str, Any]] = field(default_factory=list)
    disagreements: list[dict[str, Any]] = field(default_factory=list)
    # Sentence-level classification (as in CASE 2021 task 2): the first gold event's sub-event type against the
    # first extracted event's ("" when nothing was extracted), one pair per item with gold events.
    first_pairs: list[tuple[str, str]] = field(default_factory=list)

    def accuracy(self, name: str) -> float:
        return self.correct[name] / self.gold_events if self.gold_events else 0.0

    def first_event_scores(self) -> dict[str, float]:
        """Accuracy and support-weighted F1 of the first event's sub-event type."""
        pairs = self.first_pairs
        if not pairs:
            return {"items": 0, "accuracy": 0.0, "weighted_f1": 0.0}
        support: dict[str, int] = defaultdict(int)
        hits: dict[str, int] = defaultdict(int)
        guesses: dict[str, int] = defaultdict(int)
        for gold, got in pairs:
            support[gold] += 1
            guesses[got] += 1
            hits[gold] += int(gold == got)
        f1 = 0.0
        for label, n in support.items():
            precision = hits[label] / guesses[label] if guesses[label] else 0.0
            recall = hits[label] / n
            if precision + recall:
                f1 += n * 2 * precision * recall / (precision + recall)
        return {"items": len(pairs), "accuracy": round(sum(hits.values()) / len(pairs), 3),
                "weighted_f1": round(f1 / len(pairs), 3)}

    @property
    def over_generation(self) -> float:
        return self.unmatched_extracted / self.extracted if self.extracted else 0.0

    def to_dict(self) -> dict[str, Any]:
        return {
            "items": self.items, "gold_events": self.gold_events, "extracted": self.extracted,
            "matched": self.matched, "recall": round(self.matched / self.gold_events, 3) if self.gold_events else 0,
            "over_generation": round(self.over_generation, 3),
            "fields": {f: round(self.accuracy(f), 3) for f in FIELDS},
            "sub_event_types": {k: {"gold": v[0], "found": v[1], "extracted": v[2]}
                                for k, v in sorted(self.by_sub_type.items())},
            "first_event": self.first_event_scores(),
        }


def load_gold(path: Path) -> list[GoldItem]:
    if not path.exists():
        raise GoldFormatError(f"{path}: no such file")
    if path.suffix.lower() == ".csv":
        return _load_csv(path)
    return _load_jsonl(path)


def _load_jsonl(path: Path) -> list[GoldItem]:
    items = []
    with path.open(encoding="utf-8-sig") as fh:
        for n, line in enumerate(fh, 1):
            if not line.strip():
                continue
            try:
                obj = json.loads(line)
                article = Article(str(obj["id"]), date.fromisoformat(obj["date"]), str(obj["text"]),
                                  source=obj.get("source"), origin=f"{path}:{n}")
                gold = tuple(obj.get("gold") or ())
            except (ValueError, KeyError, TypeError) as exc:
                raise GoldFormatError(f"{path}:{n}: not a gold record ({exc}); expected "
                                      '{"id", "date", "text", "gold": [...]}') from exc
            items.append(GoldItem(article, gold))
    return items


_UCDP_VIOLENCE = {"1": "Battles", "2": "Battles", "3": "Violence against civilians"}


def _ucdp_item(row: dict[str, str], origin: str) -> GoldItem | None:
    """A UCDP GED row as a gold item: its headline is the text, its point, admin1, date and best death
    estimate are the gold. UCDP's violence types only map to ACLED's event types roughly."""
    text = (row.get("source_headline") or "").strip()
    if not text or not row.get("date_start"):
        return None
    day = date.fromisoformat(row["date_start"][:10])
    published = row.get("source_date") or row.get("date_end") or row["date_start"]
    try:
        pub = max(day, date.fromisoformat(published[:10]))
    except ValueError:
        pub = day
    admin1 = (row.get("adm_1") or "").rsplit(" ", 1)[0] if (row.get("adm_1") or "").lower().endswith(
        (" state", " region", " province", " division")) else (row.get("adm_1") or "")
    gold = {"event_type": _UCDP_VIOLENCE.get(row.get("type_of_violence", ""), ""), "sub_event_type": "",
            "admin1": admin1, "latitude": row.get("latitude"), "longitude": row.get("longitude"),
            "event_date": day.isoformat(), "fatalities": row.get("best") or 0, "actor1": "", "actor2": ""}
    return GoldItem(Article(row.get("id") or origin, pub, text, origin=origin), (gold,))


def _load_csv(path: Path) -> list[GoldItem]:
    items = []
    csv.field_size_limit(16 * 1024 * 1024)
    with path.open(encoding="utf-8-sig", newline="") as fh:
        reader = csv.DictReader(fh)
        if reader.fieldnames and "source_headline" in reader.fieldnames and "where_prec" in reader.fieldnames:
            for n, row in enumerate(reader, 2):
                item = _ucdp_item(row, f"{path}:{n}")
                if item is not None:
                    items.append(item)
            return items
        if not reader.fieldnames or "notes" not in reader.fieldnames or "event_date" not in reader.fieldnames:
            raise GoldFormatError(f"{path}: an ACLED CSV needs 'notes' and 'event_date' columns")
        for n, row in enumerate(reader, 2):
            try:
                day = date.fromisoformat(row["event_date"])
            except ValueError as exc:
                raise GoldFormatError(f"{path}:{n}: event_date {row['event_date']!r} is not YYYY-MM-DD") from exc
            ident = row.get("event_id_cnty") or f"row{n}"
            items.append(GoldItem(Article(ident, day, row["notes"], origin=f"{path}:{n}"), (dict(row),)))
    return items


def km(a: tuple[float, float], b: tuple[float, float]) -> float:
    (la1, lo1), (la2, lo2) = a, b
    p = math.pi / 180
    h = (math.sin((la2 - la1) * p / 2) ** 2
         + math.cos(la1 * p) * math.cos(la2 * p) * math.sin((lo2 - lo1) * p / 2) ** 2)
    return 12742 * math.asin(math.sqrt(min(1.0, h)))


def _num(value: Any) -> float | None:
    try:
        return float(value)
    except (TypeError, ValueError):
        return None


def _norm(name: Any) -> str:
    return " ".join(str(name or "").lower().replace("province", "").split())


def _distance(g: dict[str, Any], row: dict[str, object]) -> float | None:
    glat, glon, lat, lon = (_num(g.get("latitude")), _num(g.get("longitude")), _num(row.get("latitude")),
                            _num(row.get("longitude")))
    if None in (glat, glon, lat, lon):
        return None
    return km((glat, glon), (lat, lon))  # type: ignore[arg-type]


def _field_scores(g: dict[str, Any], row: dict[str, object]) -> dict[str, bool]:
    dist = _distance(g, row)
    gold_actors = {_norm(g.get("actor1")), _norm(g.get("actor2"))} - {""}
    return {
        "event_type": row["event_type"] == g.get("event_type"),
        "sub_event_type": row["sub_event_type"] == g.get("sub_event_type"),
        "actor1": _norm(row["actor1"]) == _norm(g.get("actor1")),
        "actor2": _norm(row["actor2"]) == _norm(g.get("actor2")) or (
            not g.get("actor2") and not row["actor2"]) or (
            _norm(row["actor2"]) in gold_actors and _norm(row["actor1"]) in gold_actors),
        "admin1": _norm(row["admin1"]) == _norm(g.get("admin1")),
        "within_10km": dist is not None and dist <= 10,
        "within_25km": dist is not None and dist <= 25,
        "event_date": str(row["event_date"]) == str(g.get("event_date")),
        "fatalities": int(_num(row["fatalities"]) or 0) == int(_num(g.get("fatalities")) or 0),
    }


def _pair_score(g: dict[str, Any], row: dict[str, object]) -> float:
    s = _field_scores(g, row)
    return (3 * s["sub_event_type"] + 2 * s["event_type"] + s["within_25km"] + s["admin1"] + s["event_date"]
            + 0.5 * s["actor1"])


def score_item(item: GoldItem, events: Sequence[Event], report: Report) -> None:
    rows = [acled_row(e) for e in events]
    report.items += 1
    report.gold_events += len(item.gold)
    if item.gold:
        report.first_pairs.append((str(item.gold[0].get("sub_event_type") or ""),
                                   str(rows[0]["sub_event_type"]) if rows else ""))
    report.extracted += len(rows)
    for row in rows:
        report.by_sub_type[str(row["sub_event_type"])][2] += 1
    pairs = sorted(((_pair_score(g, r), gi, ri) for gi, g in enumerate(item.gold) for ri, r in enumerate(rows)),
                   reverse=True)
    used_g: set[int] = set()
    used_r: set[int] = set()
    for score, gi, ri in pairs:
        if gi in used_g or ri in used_r or score < 2:
            continue
        used_g.add(gi)
        used_r.add(ri)
        report.matched += 1
        g = item.gold[gi]
        for name, ok in _field_scores(g, rows[ri]).items():
            report.correct[name] += int(ok)
            if not ok:
                key = "location" if name.startswith("within") else name
                report.disagreements.append({"id": item.article.id, "field": name, "gold": g.get(key),
                                             "got": rows[ri].get(key)})
        if rows[ri]["sub_event_type"] == g.get("sub_event_type"):
            report.by_sub_type[str(g.get("sub_event_type"))][1] += 1
    for gi, g in enumerate(item.gold):
        report.by_sub_type[str(g.get("sub_event_type"))][0] += 1
        if gi not in used_g:
            report.misses.append({"id": item.article.id, "missed": g.get("sub_event_type")})
    report.unmatched_extracted += len(rows) - len(used_r)
    for ri, row in enumerate(rows):
        if ri not in used_r:
            report.misses.append({"id": item.article.id, "extra": row["sub_event_type"]})


def evaluate(items: Iterable[GoldItem], pipeline: Pipeline | None = None) -> Report:
    pipe = pipeline or Pipeline()
    items = list(items)
    report = Report()
    for item, extraction in zip(items, pipe.extract_many(i.article for i in items), strict=True):
        score_item(item, extraction.events, report)
    return report


def format_report(report: Report) -> str:
    d = report.to_dict()
    lines = [f"items {d['items']}  gold events {d['gold_events']}  extracted {d['extracted']}  "
             f"matched {d['matched']}  recall {d['recall']:.3f}  over-generation {d['over_generation']:.3f}",
             "", f"{'field':<16} accuracy"]
    lines += [f"{name:<16} {value:.3f}" for name, value in d["fields"].items()]
    first = d["first_event"]
    lines += ["", f"first event's sub-event type (sentence classification): accuracy {first['accuracy']:.3f}, "
                  f"weighted F1 {first['weighted_f1']:.3f} over {first['items']} items"]
    lines += ["", f"{'sub-event type':<38} {'gold':>5} {'found':>6} {'extracted':>9}"]
    for name, c in d["sub_event_types"].items():
        lines.append(f"{name:<38} {c['gold']:>5} {c['found']:>6} {c['extracted']:>9}")
    return "\n".join(lines)
