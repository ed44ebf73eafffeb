"""Checks the blind hold-out set tests/data/holdout.jsonl.

The hold-out set measures how the extractor generalises, so it is never tuned on; a malformed line, a category
outside ACLED's taxonomy, a date after publication or a town placed far from its gazetteer position would make the
score it yields meaningless. These tests only check the set's own consistency, never the extractor's output.
"""

from __future__ import annotations

import json
from collections import Counter
from datetime import date
from functools import cache
from pathlib import Path
from typing import Any

from devset_tools import gold_event_problems, nearest_town_km

from frontlines.classify import TAXONOMY

HOLDOUT_PATH = Path(__file__).resolve().parent / "data" / "holdout.jsonl"

ITEM_FIELDS = {"id": str, "date": str, "text": str, "gold": list}
MAX_DISTANCE_KM = 5.0


@cache
def _items() -> list[dict[str, Any]]:
    lines = HOLDOUT_PATH.read_text(encoding="utf-8").splitlines()
    return [json.loads(line) for line in lines if line.strip()]


def _events() -> list[tuple[str, dict[str, Any]]]:
    return [(item["id"], ev) for item in _items() for ev in item["gold"]]


def test_every_line_is_an_item_with_the_required_fields() -> None:
    items = _items()
    assert len(items) == 150
    assert len({item["id"] for item in items}) == len(items)
    for item in items:
        for field, kind in ITEM_FIELDS.items():
            assert isinstance(item.get(field), kind), (item.get("id"), field)
        assert item["text"].strip(), item["id"]
        for ev in item["gold"]:
            assert gold_event_problems(item["id"], ev) == []


def test_all_sub_event_types_appear_at_least_twice() -> None:
    counts = Counter(ev["sub_event_type"] for _, ev in _events())
    all_subs = {sub for subs in TAXONOMY.values() for sub in subs}
    assert len(all_subs) == 25
    assert {sub: counts[sub] for sub in all_subs if counts[sub] < 2} == {}


def test_the_set_spans_at_least_twenty_countries_and_the_years_2018_to_2025() -> None:
    countries = {ev["country"] for _, ev in _events()}
    assert len(countries) >= 20, sorted(countries)
    years = {item["date"][:4] for item in _items()}
    assert {str(y) for y in range(2018, 2026)} <= years


def test_event_dates_are_not_after_publication_and_precision_is_valid() -> None:
    for item in _items():
        published = date.fromisoformat(item["date"])
        for ev in item["gold"]:
            assert date.fromisoformat(ev["event_date"]) <= published, item["id"]
            assert ev["time_precision"] in (1, 2, 3), item["id"]


def test_actor_fields_are_consistent() -> None:
    for item_id, ev in _events():
        assert ev["actor1"], item_id
        assert 1 <= ev["inter1"] <= 8, item_id
        assert (ev["actor2"] == "") == (ev["inter2"] == 0), item_id
        assert ev["fatalities"] >= 0, item_id
        assert ev["civilian_targeting"] in ("", "Civilian targeting"), item_id
        if ev["event_type"] == "Protests":
            assert ev["actor1"] == f"Protesters ({ev['country']})", item_id


def test_coordinates_are_within_five_km_of_a_gazetteer_town_of_that_name() -> None:
    far: list[tuple[str, str, float]] = []
    for item_id, ev in _events():
        if ev["latitude"] == 0:
            continue
        nearest = nearest_town_km(ev["location"], ev["latitude"], ev["longitude"])
        if nearest > MAX_DISTANCE_KM:
            far.append((item_id, ev["location"], nearest))
    assert far == []


def test_negatives_carry_a_note_and_are_a_tenth_of_the_set() -> None:
    negatives = [item for item in _items() if not item["gold"]]
    assert len(negatives) == 15
    for item in negatives:
        assert item.get("note", "").strip(), item["id"]
