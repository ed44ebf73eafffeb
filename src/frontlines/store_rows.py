"""How objects become database rows and rows become objects again, and the SQL pieces the readers share.

An event's ``payload`` JSON is what readers rebuild it from, so nothing is lost to the formatting of its ACLED
columns; those columns are written from the same ``acled_row`` the exports use.
"""

from __future__ import annotations

import dataclasses
import json
from collections.abc import Sequence
from datetime import UTC, date, datetime
from typing import Any

import pycountry

from frontlines.export import NUMERIC_COLUMNS, acled_row
from frontlines.model import ACLED_COLUMNS, Actor, Event, Place, Span, content_key


def marks(count: int) -> str:
    return ", ".join("?" * count)


def now() -> str:
    return datetime.now(UTC).isoformat(timespec="seconds")


def spans_json(spans: Sequence[Span]) -> str:
    return json.dumps([span.to_dict() for span in spans], ensure_ascii=False)


def spans_from_json(raw: str) -> tuple[Span, ...]:
    return tuple(Span(int(s["start"]), int(s["end"]), str(s["text"])) for s in json.loads(raw))


def place_json(place: Place | None) -> str | None:
    return None if place is None else json.dumps(dataclasses.asdict(place), ensure_ascii=False)


def place_from_json(raw: str | None) -> Place | None:
    return None if raw is None else Place(**json.loads(raw))


def place_columns(place: Place | None) -> tuple[object, ...]:
    if place is None:
        return (None, None, None, None, None)
    return (place.name, place.country, place.admin1, place.latitude, place.longitude)


def acled_values(event: Event) -> list[object]:
    """The event's ACLED columns in table order; an empty number is NULL, so number columns hold only numbers."""
    row = acled_row(event)
    return [None if column in NUMERIC_COLUMNS and row[column] == "" else row[column] for column in ACLED_COLUMNS]


def event_id_for(event: Event, article_hash: str) -> str:
    """The stored id: the event's own, or one from the article's content hash and the event's content."""
    if event.id:
        return event.id
    place = event.place
    return content_key(
        article_hash, event.event_type, event.sub_event_type, event.event_date.isoformat(),
        place.name if place else "", place.latitude if place else "", place.longitude if place else "",
        event.actor1.name if event.actor1 else "", event.actor2.name if event.actor2 else "",
        ",".join(f"{s.start}-{s.end}" for s in event.evidence),
    )


def event_payload(event: Event) -> str:
    data: dict[str, Any] = {
        "event_type": event.event_type,
        "sub_event_type": event.sub_event_type,
        "disorder_type": event.disorder_type,
        "event_date": event.event_date.isoformat(),
        "time_precision": event.time_precision,
        "actor1": dataclasses.asdict(event.actor1) if event.actor1 else None,
        "actor2": dataclasses.asdict(event.actor2) if event.actor2 else None,
        "assoc_actor_1": list(event.assoc_actor_1),
        "assoc_actor_2": list(event.assoc_actor_2),
        "civilian_targeting": event.civilian_targeting,
        "place": dataclasses.asdict(event.place) if event.place else None,
        "fatalities": event.fatalities,
        "sources": list(event.sources),
        "source_scale": event.source_scale,
        "notes": event.notes,
        "tags": list(event.tags),
        "confidence": event.confidence,
    }
    return json.dumps(data, ensure_ascii=False)


def event_from_payload(event_id: str, article_id: str, payload: str, evidence: tuple[Span, ...]) -> Event:
    data = json.loads(payload)
    return Event(
        article_id=article_id,
        event_type=data["event_type"],
        sub_event_type=data["sub_event_type"],
        disorder_type=data["disorder_type"],
        event_date=date.fromisoformat(data["event_date"]),
        time_precision=data["time_precision"],
        actor1=Actor(**data["actor1"]) if data["actor1"] else None,
        actor2=Actor(**data["actor2"]) if data["actor2"] else None,
        assoc_actor_1=tuple(data["assoc_actor_1"]),
        assoc_actor_2=tuple(data["assoc_actor_2"]),
        civilian_targeting=data["civilian_targeting"],
        place=Place(**data["place"]) if data["place"] else None,
        fatalities=data["fatalities"],
        sources=tuple(data["sources"]),
        source_scale=data["source_scale"],
        notes=data["notes"],
        tags=tuple(data["tags"]),
        evidence=evidence,
        confidence=data["confidence"],
        id=event_id,
    )


def _alpha3(code: str) -> str:
    """The ISO alpha-3 code for an alpha-2 or alpha-3 code; "" (matching nothing) for anything else."""
    code = code.strip().upper()
    if len(code) not in (2, 3) or not code.isalpha():
        return ""
    if len(code) == 2:
        record = pycountry.countries.get(alpha_2=code)
    else:
        record = pycountry.countries.get(alpha_3=code)
    return record.alpha_3 if record is not None else ""


def event_filter(alias: str, country: str | None, since: date | None, until: date | None,
                 event_type: str | None) -> tuple[str, list[object]]:
    """The WHERE clause shared by the event and linked-event readers; ``alias`` names the table."""
    where: list[str] = []
    params: list[object] = []
    if country:
        where.append(f"(lower({alias}.country) = lower(?) OR substr({alias}.event_id_cnty, 1, 3) = ?)")
        params += [country, _alpha3(country)]
    if since:
        where.append(f"{alias}.event_date >= ?")
        params.append(since.isoformat())
    if until:
        where.append(f"{alias}.event_date <= ?")
        params.append(until.isoformat())
    if event_type:
        where.append(f"lower({alias}.event_type) = lower(?)")
        params.append(event_type)
    return (f"WHERE {' AND '.join(where)}" if where else ""), params
