from __future__ import annotations

import csv
import dataclasses
import io
import json
from datetime import date
from typing import Any

from frontlines.export import (
    acled_row,
    event_record,
    write_acled_csv,
    write_geojson,
    write_jsonl,
    write_table,
)
from frontlines.model import ACLED_COLUMNS, Actor, Event, Place, Span

HERAT = Place(
    name="Herat", country="Afghanistan", latitude=34.348171, longitude=62.199669, geo_precision=1, iso2="AF",
    region="Caspian", admin1="Herat", admin2="Herat", geonameid=1140026,
)
TALIBAN = Actor("Taliban", 2, "Afghanistan", "Taliban fighters")
ARMY = Actor("Military Forces of Afghanistan (2014-2021)", 1, "Afghanistan", "government forces")


def battle(**changes: Any) -> Event:
    base = Event(
        article_id="art-1",
        event_type="Battles",
        sub_event_type="Armed clash",
        disorder_type="Political violence",
        event_date=date(2021, 7, 30),
        time_precision=1,
        actor1=TALIBAN,
        actor2=ARMY,
        assoc_actor_1=("Militia A", "Militia B"),
        place=HERAT,
        fatalities=4,
        sources=("BBC", "Tolo News"),
        source_scale="National-International",
        notes="Taliban fighters clashed with government forces in Herat.",
        tags=("crowd size=no report",),
        evidence=(Span(10, 40, "fighters have infiltrated Herat"),),
        confidence=0.8,
    )
    return dataclasses.replace(base, **changes)


def test_acled_row_has_acled_columns_and_values() -> None:
    row = acled_row(battle())
    assert tuple(row) == ACLED_COLUMNS
    assert row["event_id_cnty"] == acled_row(battle())["event_id_cnty"]  # stable
    assert str(row["event_id_cnty"]).startswith("AFG") and str(row["event_id_cnty"])[3:].isdigit()
    assert row["event_date"] == "2021-07-30" and row["year"] == 2021
    assert (row["actor1"], row["inter1"], row["actor2"], row["inter2"]) == (
        "Taliban", 2, "Military Forces of Afghanistan (2014-2021)", 1
    )
    assert row["interaction"] == 12
    assert row["assoc_actor_1"] == "Militia A; Militia B" and row["assoc_actor_2"] == ""
    assert row["civilian_targeting"] == ""
    assert row["iso"] == 4  # looked up from iso2 when Place.iso is unset
    assert (row["latitude"], row["longitude"]) == (34.3482, 62.1997)
    assert row["source"] == "BBC; Tolo News" and row["tags"] == "crowd size=no report"
    assert row["timestamp"] == 1627603200  # 2021-07-30T00:00:00Z


def test_acled_row_without_place_or_actors() -> None:
    row = acled_row(battle(place=None, actor1=None, actor2=None, civilian_targeting=True))
    assert str(row["event_id_cnty"]).startswith("XXX")
    assert row["latitude"] == "" and row["longitude"] == "" and row["iso"] == "" and row["location"] == ""
    assert row["inter1"] == "" and row["interaction"] == 0
    assert row["civilian_targeting"] == "Civilian targeting"


def test_event_id_cnty_depends_on_content_or_id() -> None:
    base = acled_row(battle())["event_id_cnty"]
    assert acled_row(battle(notes="reworded", fatalities=9))["event_id_cnty"] == base  # not identity fields
    assert acled_row(battle(evidence=(Span(50, 60, "other text"),)))["event_id_cnty"] != base
    assert acled_row(battle(id="e9"))["event_id_cnty"] != base
    with_id = acled_row(battle(id="e9"))["event_id_cnty"]
    assert acled_row(battle(id="e9", notes="x", fatalities=1))["event_id_cnty"] == with_id


def test_event_record_adds_article_evidence_confidence() -> None:
    record = event_record(battle())
    assert list(record)[-3:] == ["article_id", "evidence", "confidence"]
    assert record["evidence"] == [{"text": "fighters have infiltrated Herat", "start": 10, "end": 40}]
    assert record["article_id"] == "art-1" and record["confidence"] == 0.8


def test_write_jsonl_with_extra_is_deterministic() -> None:
    events = [battle(), battle(sub_event_type="Non-state actor overtakes territory", notes="Kābul ’x’")]
    out1, out2 = io.StringIO(), io.StringIO()
    assert write_jsonl(events, out1, extra=lambda e: {"cluster": e.sub_event_type[:3]}) == 2
    write_jsonl(events, out2, extra=lambda e: {"cluster": e.sub_event_type[:3]})
    assert out1.getvalue() == out2.getvalue()
    lines = [json.loads(line) for line in out1.getvalue().splitlines()]
    assert [line["cluster"] for line in lines] == ["Arm", "Non"]
    assert lines[1]["notes"] == "Kābul ’x’"  # written as UTF-8, not escaped


def test_csv_escapes_formula_cells_but_not_numbers() -> None:
    south = Place("Rio Cuarto", "Argentina", -33.1234567, -64.35, 1, iso2="AR")
    event = battle(place=south, notes="=HYPERLINK(\"http://x\")", assoc_actor_1=("-militia",),
                   sources=("@wire",), tags=("\tsneaky",))
    out = io.StringIO()
    assert write_acled_csv([event], out) == 1
    header, row = list(csv.reader(io.StringIO(out.getvalue())))
    assert tuple(header) == ACLED_COLUMNS
    cell = dict(zip(header, row, strict=True))
    assert cell["notes"] == "'=HYPERLINK(\"http://x\")"
    assert cell["assoc_actor_1"] == "'-militia" and cell["source"] == "'@wire" and cell["tags"] == "'\tsneaky"
    assert cell["latitude"] == "-33.1235" and cell["longitude"] == "-64.35"
    assert cell["event_id_cnty"].startswith("ARG") and cell["iso"] == "32"


def test_geojson_skips_events_without_coordinates() -> None:
    out = io.StringIO()
    written = write_geojson([battle(), battle(place=None), battle(id="e2")], out)
    data = json.loads(out.getvalue())
    assert written == 2
    assert data["type"] == "FeatureCollection" and len(data["features"]) == 2
    assert data["frontlines"] == {"skipped_without_coordinates": 1}
    feature = data["features"][0]
    assert feature["geometry"] == {"type": "Point", "coordinates": [62.1997, 34.3482]}
    assert feature["properties"] == json.loads(json.dumps(event_record(battle())))
    assert data["features"][1]["id"] == "e2"


def test_geojson_empty_is_valid() -> None:
    out = io.StringIO()
    assert write_geojson([], out) == 0
    assert json.loads(out.getvalue())["features"] == []


def test_table_is_aligned() -> None:
    out = io.StringIO()
    assert write_table([battle(), battle(actor2=None, place=None, fatalities=12)], out) == 2
    lines = out.getvalue().splitlines()
    assert lines[0].startswith("date")
    assert len({len(line) for line in lines}) == 1  # every line padded to the same width
    assert "Taliban vs Military Forces of Afghanistan (2014-2021)" in lines[2]
    assert "Herat, Herat, Afghanistan" in lines[2]
    assert lines[3].rstrip().endswith("12") and " - " in lines[3]
