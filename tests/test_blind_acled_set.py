"""Consistency checks of the blind ACLED-notes evaluation set (the set itself, never the extractor)."""

from __future__ import annotations

import csv
import re
from collections import Counter
from datetime import date
from functools import cache
from pathlib import Path

import pycountry
import pytest
from devset_tools import nearest_town_km

from frontlines.classify import EVENT_TYPE_OF, TAXONOMY
from frontlines.model import ACLED_COLUMNS

BLIND = Path(__file__).resolve().parent / "data" / "blind_acled.csv"
MONTHS = ("January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
          "November", "December")
# The day the Taliban state's era starts in ACLED's actor names.
TALIBAN_STATE = date(2021, 8, 16)


@cache
def header_and_rows() -> tuple[list[str], list[dict[str, str]]]:
    with BLIND.open(encoding="utf-8", newline="") as fh:
        reader = csv.DictReader(fh)
        rows = list(reader)
        return list(reader.fieldnames or []), rows


def rows() -> list[dict[str, str]]:
    return header_and_rows()[1]


def alpha2(row: dict[str, str]) -> str:
    country = pycountry.countries.get(numeric=f"{int(row['iso']):03d}")
    assert country is not None, f"{row['event_id_cnty']}: unknown ISO number {row['iso']}"
    return str(country.alpha_2)


def test_columns_are_acleds_in_order() -> None:
    header, _ = header_and_rows()
    assert header == list(ACLED_COLUMNS)
    assert all(None not in row and len(row) == len(ACLED_COLUMNS) for row in rows())


def test_size_and_ids() -> None:
    assert len(rows()) == 220
    ids = [row["event_id_cnty"] for row in rows()]
    assert len(set(ids)) == len(ids)
    for row in rows():
        iso3 = pycountry.countries.get(alpha_2=alpha2(row)).alpha_3
        assert re.fullmatch(rf"{iso3}97\d{{3}}", row["event_id_cnty"]) and int(row["event_id_cnty"][3:]) > 97000, row


def test_ids_count_up_from_97001_per_country() -> None:
    by_prefix: dict[str, list[int]] = {}
    for row in rows():
        by_prefix.setdefault(row["event_id_cnty"][:3], []).append(int(row["event_id_cnty"][3:]))
    for prefix, numbers in by_prefix.items():
        assert sorted(numbers) == list(range(97001, 97001 + len(numbers))), prefix


def test_sub_event_types_belong_to_their_event_type() -> None:
    for row in rows():
        assert row["sub_event_type"] in TAXONOMY[row["event_type"]], row["event_id_cnty"]
        assert EVENT_TYPE_OF[row["sub_event_type"]] == row["event_type"]


def test_every_sub_event_type_has_four_rows() -> None:
    counts = Counter(row["sub_event_type"] for row in rows())
    thin = {sub: counts[sub] for sub in EVENT_TYPE_OF if counts[sub] < 4}
    assert not thin, thin


def test_coverage_of_countries_and_years() -> None:
    countries = Counter(row["country"] for row in rows())
    assert len(countries) >= 30
    assert 55 <= countries["Afghanistan"] <= 65
    assert {int(row["year"]) for row in rows()} <= set(range(2018, 2026))
    assert len({int(row["year"]) for row in rows()}) == 8


def test_interaction_matches_inter_codes() -> None:
    for row in rows():
        i1, i2, inter = int(row["inter1"]), int(row["inter2"]), int(row["interaction"])
        assert 1 <= i1 <= 8 and 0 <= i2 <= 8, row["event_id_cnty"]
        assert (i2 == 0) == (row["actor2"] == ""), row["event_id_cnty"]
        assert (row["assoc_actor_2"] == "") or row["actor2"], row["event_id_cnty"]
        expected = i1 * 10 if i2 == 0 else int(f"{min(i1, i2)}{max(i1, i2)}")
        assert inter == expected, row["event_id_cnty"]


def test_disorder_type_matches_event_type() -> None:
    for row in rows():
        etype, sub = row["event_type"], row["sub_event_type"]
        if sub == "Mob violence":
            expected = "Political violence; Demonstrations"
        elif etype in ("Protests", "Riots"):
            expected = "Demonstrations"
        elif etype == "Strategic developments":
            expected = "Strategic developments"
        else:
            expected = "Political violence"
        assert row["disorder_type"] == expected, row["event_id_cnty"]


def test_civilian_targeting_values() -> None:
    for row in rows():
        assert row["civilian_targeting"] in ("", "Civilian targeting"), row["event_id_cnty"]
        if row["event_type"] == "Violence against civilians":
            assert row["civilian_targeting"] == "Civilian targeting", row["event_id_cnty"]
        if row["event_type"] == "Strategic developments":
            assert row["civilian_targeting"] == "", row["event_id_cnty"]


def test_dates_precision_and_numbers() -> None:
    for row in rows():
        day = date.fromisoformat(row["event_date"])
        assert int(row["year"]) == day.year, row["event_id_cnty"]
        assert row["time_precision"] in ("1", "2", "3"), row["event_id_cnty"]
        assert row["geo_precision"] in ("1", "2", "3"), row["event_id_cnty"]
        assert int(row["fatalities"]) >= 0
        assert int(row["timestamp"]) > 0
        if row["time_precision"] == "3":
            assert day.day == 15 and "month of" in row["notes"], row["event_id_cnty"]


def date_phrase_present(notes: str, day: date) -> bool:
    """The note names the coded day, either as "5 June 2023" or as the first day of a span ("between 5 and 9 June")."""
    month = MONTHS[day.month - 1]
    if f"{day.day} {month} {day.year}" in notes:
        return True
    span = re.search(rf"\b{day.day}(?: {month})? (?:and|to) \d{{1,2}} (\w+) {day.year}", notes)
    return bool(span) and (span.group(1) == month or f"{day.day} {month}" in notes)


def test_notes_contain_the_date_phrase() -> None:
    missing = [row["event_id_cnty"] for row in rows()
               if not date_phrase_present(row["notes"], date.fromisoformat(row["event_date"]))]
    assert not missing


def test_date_phrase_check_rejects_a_wrong_day() -> None:
    assert date_phrase_present("Between 8 and 10 March 2021, fighting went on.", date(2021, 3, 8))
    assert not date_phrase_present("Between 8 and 10 March 2021, fighting went on.", date(2021, 3, 9))
    assert not date_phrase_present("On 5 June 2023, a clash.", date(2023, 6, 6))


@pytest.mark.parametrize("index", range(220))
def test_coordinates_are_the_named_town(index: int) -> None:
    row = rows()[index]
    distance = nearest_town_km(row["location"], float(row["latitude"]), float(row["longitude"]), alpha2(row))
    assert distance <= 5.0, f"{row['event_id_cnty']}: {row['location']} is {distance:.1f} km away"


def test_afghan_actor_eras_follow_the_date() -> None:
    afghan = [row for row in rows() if row["country"] == "Afghanistan"]
    assert any(date.fromisoformat(r["event_date"]) < TALIBAN_STATE for r in afghan)
    assert any(date.fromisoformat(r["event_date"]) >= TALIBAN_STATE for r in afghan)
    for row in afghan:
        names = " ".join(row[c] for c in ("actor1", "assoc_actor_1", "actor2", "assoc_actor_2"))
        if date.fromisoformat(row["event_date"]) < TALIBAN_STATE:
            assert "Afghanistan (2021-)" not in names, row["event_id_cnty"]
        else:
            assert "Afghanistan (2014-2021)" not in names, row["event_id_cnty"]
            assert "Taliban" not in (row["actor1"], row["actor2"]), row["event_id_cnty"]


def test_protest_rows_lead_with_the_crowd() -> None:
    for row in rows():
        if row["event_type"] == "Protests":
            assert row["actor1"].startswith("Protesters (") and row["inter1"] == "6", row["event_id_cnty"]
            assert (row["actor2"] == "") == (row["sub_event_type"] == "Peaceful protest"), row["event_id_cnty"]
        if row["actor1"].startswith("Rioters ("):
            assert row["inter1"] == "5" and row["event_type"] == "Riots", row["event_id_cnty"]
