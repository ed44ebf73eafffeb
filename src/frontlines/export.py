"""Event exports: ACLED-column rows, JSONL records, CSV, GeoJSON and a terminal table.

Every value is a function of the event alone, so exporting the same events twice gives identical bytes.
"""

from __future__ import annotations

import csv
import json
import math
from collections.abc import Callable, Iterable
from datetime import UTC, datetime, time
from functools import lru_cache
from typing import TextIO

import pycountry

from frontlines.model import ACLED_COLUMNS, Event, content_key

# Columns whose values are numbers: spreadsheet-formula escaping must not touch them ("-3.2" is a latitude).
NUMERIC_COLUMNS = frozenset(
    {
        "year", "time_precision", "inter1", "inter2", "interaction", "iso", "latitude", "longitude",
        "geo_precision", "fatalities", "timestamp",
    }
)
_FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
UNKNOWN_ISO3 = "XXX"


@lru_cache(maxsize=512)
def _country(iso2: str, numeric: int) -> tuple[str, int]:
    """(alpha-3, numeric) for a country given by alpha-2 or numeric code; ("XXX", 0) when unknown."""
    record = None
    if iso2:
        record = pycountry.countries.get(alpha_2=iso2.upper())
    if record is None and numeric:
        record = pycountry.countries.get(numeric=f"{numeric:03d}")
    if record is None:
        return UNKNOWN_ISO3, numeric
    return record.alpha_3, int(record.numeric)


def event_key(event: Event) -> str:
    """The event's id, or a key from its content when it has none (same event → same key)."""
    if event.id:
        return event.id
    place = event.place
    return content_key(
        event.article_id, event.event_type, event.sub_event_type, event.event_date.isoformat(),
        place.name if place else "", place.latitude if place else "", place.longitude if place else "",
        event.actor1.name if event.actor1 else "", event.actor2.name if event.actor2 else "",
        ",".join(f"{s.start}-{s.end}" for s in event.evidence),
    )


def event_id_cnty(event: Event) -> str:
    """ACLED-style id: the country's ISO alpha-3 code and a number stable for the event."""
    place = event.place
    iso3 = _country(place.iso2, place.iso)[0] if place else UNKNOWN_ISO3
    return f"{iso3}{int(content_key(event_key(event)), 16) % 10**10}"


def _coordinate(value: float) -> float | str:
    return round(value, 4) if math.isfinite(value) else ""


def acled_row(event: Event) -> dict[str, object]:
    """The event as ACLED's 31 columns, in ACLED's order."""
    place = event.place
    a1, a2 = event.actor1, event.actor2
    row: dict[str, object] = {
        "event_id_cnty": event_id_cnty(event),
        "event_date": event.event_date.isoformat(),
        "year": event.event_date.year,
        "time_precision": event.time_precision,
        "disorder_type": event.disorder_type,
        "event_type": event.event_type,
        "sub_event_type": event.sub_event_type,
        "actor1": a1.name if a1 else "",
        "assoc_actor_1": "; ".join(event.assoc_actor_1),
        "inter1": a1.inter if a1 else "",
        "actor2": a2.name if a2 else "",
        "assoc_actor_2": "; ".join(event.assoc_actor_2),
        "inter2": a2.inter if a2 else "",
        "interaction": event.interaction,
        "civilian_targeting": "Civilian targeting" if event.civilian_targeting else "",
        "iso": (_country(place.iso2, place.iso)[1] or "") if place else "",
        "region": place.region if place else "",
        "country": place.country if place else "",
        "admin1": place.admin1 if place else "",
        "admin2": place.admin2 if place else "",
        "admin3": place.admin3 if place else "",
        "location": place.name if place else "",
        "latitude": _coordinate(place.latitude) if place else "",
        "longitude": _coordinate(place.longitude) if place else "",
        "geo_precision": place.geo_precision if place else "",
        "source": "; ".join(event.sources),
        "source_scale": event.source_scale,
        "notes": event.notes,
        "fatalities": event.fatalities,
        "tags": "; ".join(event.tags),
        # ACLED stamps its upload time; a time from the event's own date keeps re-runs byte-identical.
        "timestamp": int(datetime.combine(event.event_date, time(), tzinfo=UTC).timestamp()),
    }
    return row


def event_record(event: Event) -> dict[str, object]:
    """The JSONL contract: ACLED's columns, then the article, evidence spans and confidence."""
    record = acled_row(event)
    record["article_id"] = event.article_id
    record["evidence"] = [span.to_dict() for span in event.evidence]
    record["confidence"] = event.confidence
    return record


def write_jsonl(
    events: Iterable[Event], out: TextIO, extra: Callable[[Event], dict[str, object]] | None = None
) -> int:
    count = 0
    for event in events:
        record = event_record(event)
        if extra is not None:
            record.update(extra(event))
        out.write(json.dumps(record, ensure_ascii=False, allow_nan=False) + "\n")
        count += 1
    return count


def _csv_cell(column: str, value: object) -> object:
    if column not in NUMERIC_COLUMNS and isinstance(value, str) and value.startswith(_FORMULA_STARTS):
        return "'" + value
    return value


def write_acled_csv(events: Iterable[Event], out: TextIO) -> int:
    """ACLED's columns as CSV; text cells that a spreadsheet would run as formulas get a leading quote."""
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(ACLED_COLUMNS)
    count = 0
    for event in events:
        row = acled_row(event)
        writer.writerow([_csv_cell(column, row[column]) for column in ACLED_COLUMNS])
        count += 1
    return count


def write_geojson(events: Iterable[Event], out: TextIO) -> int:
    """A FeatureCollection of the events that have coordinates; returns how many were written.

    Events without coordinates cannot be drawn; their number is in the collection's foreign member
    ``"frontlines": {"skipped_without_coordinates": n}``.
    """
    out.write('{"type": "FeatureCollection", "features": [')
    written = skipped = 0
    for event in events:
        place = event.place
        if place is None or not (math.isfinite(place.latitude) and math.isfinite(place.longitude)):
            skipped += 1
            continue
        feature = {
            "type": "Feature",
            "id": event_key(event),
            "geometry": {
                "type": "Point",
                "coordinates": [round(place.longitude, 4), round(place.latitude, 4)],
            },
            "properties": event_record(event),
        }
        text = json.dumps(feature, ensure_ascii=False, allow_nan=False)
        out.write(("\n" if written == 0 else ",\n") + text)
        written += 1
    out.write(f'\n], "frontlines": {{"skipped_without_coordinates": {skipped}}}}}\n')
    return written


def _clip(text: str, width: int) -> str:
    text = " ".join(text.split())
    return text if len(text) <= width else text[: width - 1] + "…"


def write_table(events: Iterable[Event], out: TextIO) -> int:
    """A plain aligned table for the terminal: date, type/sub-type, actors, location, fatalities."""
    header = ("date", "type / sub-type", "actors", "location", "fatalities")
    rows: list[tuple[str, ...]] = []
    for event in events:
        actors = " vs ".join(a.name for a in (event.actor1, event.actor2) if a is not None) or "-"
        place = event.place
        location = ", ".join(p for p in (place.name, place.admin1, place.country) if p) if place else "-"
        rows.append(
            (
                event.event_date.isoformat(),
                _clip(f"{event.event_type} / {event.sub_event_type}", 60),
                _clip(actors, 60),
                _clip(location, 40),
                str(event.fatalities),
            )
        )
    widths = [max(len(r[i]) for r in [header, *rows]) for i in range(len(header))]

    def line(cells: tuple[str, ...]) -> str:
        body = "  ".join(cell.ljust(width) for cell, width in zip(cells[:-1], widths, strict=False))
        return f"{body}  {cells[-1].rjust(widths[-1])}"

    out.write(line(header) + "\n")
    out.write("  ".join("-" * width for width in widths) + "\n")
    for row in rows:
        out.write(line(row) + "\n")
    return len(rows)
