"""Checks the blind snippet set tests/data/blind_snippets.jsonl.

The set imitates the held-out benchmark (short news snippets, one ACLED-coded event each) and is never tuned on,
so these tests only check the set's own consistency, never the extractor's output: a malformed line, a category
outside ACLED's taxonomy, a date after publication or a town placed far from its gazetteer position would make the
score it yields meaningless.
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

SET_PATH = Path(__file__).resolve().parent / "data" / "blind_snippets.jsonl"

ITEM_FIELDS = {"id": str, "date": str, "text": str, "gold": list}
MAX_DISTANCE_KM = 5.0

# ACLED country name -> the gazetteer country codes its towns carry (ACLED codes Hong Kong under China).
COUNTRY_CODES: dict[str, tuple[str, ...]] = {
    "Afghanistan": ("AF",), "Argentina": ("AR",), "Bangladesh": ("BD",), "Belarus": ("BY",), "Brazil": ("BR",),
    "Burkina Faso": ("BF",), "Cameroon": ("CM",), "Chile": ("CL",), "China": ("CN", "HK"), "Colombia": ("CO",),
    "Democratic Republic of Congo": ("CD",), "Ecuador": ("EC",), "Ethiopia": ("ET",), "France": ("FR",),
    "Georgia": ("GE",), "Germany": ("DE",), "Guinea": ("GN",), "Haiti": ("HT",), "India": ("IN",),
    "Indonesia": ("ID",), "Iran": ("IR",), "Iraq": ("IQ",), "Israel": ("IL",), "Kenya": ("KE",),
    "Lebanon": ("LB",), "Mali": ("ML",), "Mexico": ("MX",), "Mozambique": ("MZ",), "Myanmar": ("MM",),
    "Nepal": ("NP",), "Niger": ("NE",), "Nigeria": ("NG",), "Pakistan": ("PK",), "Palestine": ("PS",),
    "Peru": ("PE",), "Philippines": ("PH",), "Russia": ("RU",), "Senegal": ("SN",), "Serbia": ("RS",),
    "Somalia": ("SO",), "South Africa": ("ZA",), "South Sudan": ("SS",), "Sri Lanka": ("LK",), "Sudan": ("SD",),
    "Syria": ("SY",), "Thailand": ("TH",), "Tunisia": ("TN",), "Turkey": ("TR",), "Uganda": ("UG",),
    "Ukraine": ("UA",), "United Kingdom": ("GB",), "United States": ("US",), "Yemen": ("YE",),
    "Zimbabwe": ("ZW",),
}


@cache
def _items() -> list[dict[str, Any]]:
    lines = SET_PATH.read_text(encoding="utf-8").splitlines()
    return [json.loads(line) for line in lines if line.strip()]


def _events() -> list[tuple[str, dict[str, Any]]]:
    return [(item["id"], ev) for item in _items() for ev in item["gold"]]


def test_there_are_260_items_with_unique_ids_and_the_item_fields() -> None:
    items = _items()
    assert len(items) == 260
    assert len({item["id"] for item in items}) == len(items)
    for item in items:
        for field, kind in ITEM_FIELDS.items():
            assert isinstance(item.get(field), kind), (item.get("id"), field)
        assert item["text"].strip(), item["id"]
        assert set(item) <= {*ITEM_FIELDS, "note"}, item["id"]
        assert isinstance(item.get("note", ""), str), item["id"]


def test_every_item_has_exactly_one_gold_event_with_the_fifteen_typed_fields() -> None:
    for item in _items():
        assert len(item["gold"]) == 1, item["id"]
        assert gold_event_problems(item["id"], item["gold"][0]) == []


def test_all_25_sub_event_types_appear_at_least_three_times() -> None:
    counts = Counter(ev["sub_event_type"] for _, ev in _events())
    all_subs = {sub for subs in TAXONOMY.values() for sub in subs}
    assert len(all_subs) == 25
    assert {sub: counts[sub] for sub in all_subs if counts[sub] < 3} == {}


def test_protests_are_the_most_common_label_as_in_real_reporting() -> None:
    counts = Counter(ev["sub_event_type"] for _, ev in _events())
    assert counts.most_common(1)[0][0] == "Peaceful protest"
    assert 0.2 <= counts["Peaceful protest"] / len(_events()) <= 0.35


def test_the_set_spans_at_least_35_countries_and_the_years_2018_to_2025() -> None:
    countries = {ev["country"] for _, ev in _events()}
    assert len(countries) >= 35, sorted(countries)
    assert countries <= set(COUNTRY_CODES), sorted(countries - set(COUNTRY_CODES))
    years = {item["date"][:4] for item in _items()}
    assert years == {str(y) for y in range(2018, 2026)}


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
        assert 0 <= ev["inter2"] <= 8, item_id
        assert ev["fatalities"] >= 0, item_id
        assert ev["civilian_targeting"] in ("", "Civilian targeting"), item_id
        if ev["event_type"] == "Protests":
            assert ev["actor1"] == f"Protesters ({ev['country']})", item_id
            assert ev["inter1"] == 6, item_id
        if ev["event_type"] == "Violence against civilians":
            assert ev["inter2"] == 7 and ev["civilian_targeting"] == "Civilian targeting", item_id
        if ev["sub_event_type"] == "Peaceful protest":
            assert ev["actor2"] == "" and ev["fatalities"] == 0, item_id


def test_coordinates_are_within_five_km_of_a_gazetteer_town_of_that_name_in_that_country() -> None:
    far: list[tuple[str, str, float]] = []
    for item_id, ev in _events():
        nearest = min(
            nearest_town_km(ev["location"], ev["latitude"], ev["longitude"], code)
            for code in COUNTRY_CODES[ev["country"]]
        )
        if nearest > MAX_DISTANCE_KM:
            far.append((item_id, ev["location"], nearest))
    assert far == []
