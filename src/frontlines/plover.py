"""PLOVER-style JSON export: one record per event, with the crosswalk kept as data (data/plover_crosswalk.json)."""

from __future__ import annotations

import json
from collections.abc import Iterable
from functools import lru_cache
from importlib import resources
from typing import TextIO

from .export import event_key
from .model import Event


@lru_cache(maxsize=1)
def _crosswalk() -> dict[str, list[str]]:
    raw = resources.files("frontlines").joinpath("data/plover_crosswalk.json").read_text(encoding="utf-8")
    return dict(json.loads(raw)["sub_event_types"])


def plover_record(event: Event) -> dict[str, object]:
    kind, mode, context = _crosswalk().get(event.sub_event_type, ["COERCE", "", "other"])
    place = event.place
    return {
        "id": event_key(event),
        "date": event.event_date.isoformat(),
        "date_precision": {1: "day", 2: "week", 3: "month"}.get(event.time_precision, "day"),
        "event": kind,
        "mode": mode,
        "context": [c for c in (context,) if c],
        "actor": {"name": event.actor1.name, "inter": event.actor1.inter} if event.actor1 else None,
        "recipient": {"name": event.actor2.name, "inter": event.actor2.inter} if event.actor2 else None,
        "location": None if place is None else {
            "name": place.name, "admin1": place.admin1, "admin2": place.admin2, "country": place.country,
            "iso2": place.iso2, "lat": round(place.latitude, 4), "lon": round(place.longitude, 4),
            "geonameid": place.geonameid, "geo_precision": place.geo_precision,
        },
        "fatalities": event.fatalities,
        "acled": {"event_type": event.event_type, "sub_event_type": event.sub_event_type},
        "source": list(event.sources),
        "article_id": event.article_id,
        "evidence": [s.to_dict() for s in event.evidence],
        "confidence": event.confidence,
    }


def write_plover(events: Iterable[Event], out: TextIO) -> int:
    count = 0
    for event in events:
        out.write(json.dumps(plover_record(event), ensure_ascii=False, allow_nan=False) + "\n")
        count += 1
    return count
