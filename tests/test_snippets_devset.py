"""Checks the sentence-level development set tests/data/dev_snippets.jsonl.

The set mimics a sentence-level event classification benchmark: one short news snippet, one ACLED sub-event label.
A label outside the product's taxonomy, an event dated after its report or a town placed far from its gazetteer
position would silently skew every accuracy figure computed on it, so these tests hold the file to its rules.
"""

from __future__ import annotations

import json
import re
from collections import Counter
from datetime import date
from functools import cache
from pathlib import Path
from typing import Any

from devset_tools import GOLD_EVENT_FIELDS as EVENT_FIELDS
from devset_tools import nearest_town_km

from frontlines.classify import EVENT_TYPE_OF, TAXONOMY

SNIPPETS_PATH = Path(__file__).resolve().parent / "data" / "dev_snippets.jsonl"

ITEM_KEYS = {"id", "date", "text", "gold", "note"}
MAX_KM = 5.0


@cache
def _items() -> list[dict[str, Any]]:
    items = []
    with SNIPPETS_PATH.open(encoding="utf-8") as fh:
        for n, line in enumerate(fh, 1):
            assert line.strip(), f"{SNIPPETS_PATH.name}:{n} is blank; remove empty lines"
            try:
                items.append(json.loads(line))
            except json.JSONDecodeError as exc:
                raise AssertionError(f"{SNIPPETS_PATH.name}:{n} is not valid JSON: {exc}") from exc
    return items


def _gold() -> list[tuple[str, dict[str, Any]]]:
    return [(it["id"], it["gold"][0]) for it in _items()]


def test_items_are_well_formed() -> None:
    items = _items()
    assert len(items) == 200
    assert [it["id"] for it in items] == [f"snip-{k:03d}" for k in range(1, 201)]
    texts = [it["text"] for it in items]
    assert len(set(texts)) == len(texts), "two snippets share a text"
    for it in items:
        assert {"id", "date", "text", "gold"} <= set(it) <= ITEM_KEYS, f"{it['id']}: keys {sorted(it)}"
        words = len(it["text"].split())
        assert 12 <= words <= 50, f"{it['id']}: {words} words, want a short snippet of 12-50"
        sentences = [s for s in re.split(r"(?<=[.!?])\s+(?=[A-Z])", it["text"].strip()) if s]
        assert 1 <= len(sentences) <= 2, f"{it['id']}: {len(sentences)} sentences, want 1-2"


def test_exactly_one_gold_event_with_all_fields() -> None:
    for it in _items():
        assert isinstance(it["gold"], list) and len(it["gold"]) == 1, f"{it['id']}: want exactly one gold event"
        ev = it["gold"][0]
        assert set(ev) == set(EVENT_FIELDS), f"{it['id']}: fields {sorted(set(ev) ^ set(EVENT_FIELDS))} differ"
        for field, kind in EVENT_FIELDS.items():
            value = ev[field]
            assert isinstance(value, kind) and not isinstance(value, bool), f"{it['id']}: {field}={value!r}"
        assert ev["actor1"], f"{it['id']}: actor1 is empty"
        assert (ev["actor2"] == "") == (ev["inter2"] == 0), f"{it['id']}: inter2 must be 0 exactly when no actor2"
        assert 1 <= ev["inter1"] <= 8 and 0 <= ev["inter2"] <= 8, f"{it['id']}: inter codes"
        assert ev["fatalities"] >= 0 and ev["time_precision"] in (1, 2, 3), it["id"]
        assert ev["civilian_targeting"] in ("", "Civilian targeting"), it["id"]


def test_labels_belong_to_the_product_taxonomy() -> None:
    for sid, ev in _gold():
        assert ev["sub_event_type"] in EVENT_TYPE_OF, f"{sid}: unknown sub-event type {ev['sub_event_type']!r}"
        assert EVENT_TYPE_OF[ev["sub_event_type"]] == ev["event_type"], (
            f"{sid}: {ev['sub_event_type']!r} is not a sub-type of {ev['event_type']!r}"
        )


def test_every_sub_event_type_and_twenty_countries_are_covered() -> None:
    subs = Counter(ev["sub_event_type"] for _, ev in _gold())
    every = {sub for subs_of in TAXONOMY.values() for sub in subs_of}
    assert len(every) == 25
    assert set(subs) == every, f"missing sub-event types: {sorted(every - set(subs))}"
    countries = {ev["country"] for _, ev in _gold()}
    assert len(countries) >= 20, f"only {len(countries)} countries"
    # No single label should dominate a sentence-classification benchmark.
    assert max(subs.values()) <= 30, subs.most_common(3)


def test_dates_parse_and_events_precede_their_reports() -> None:
    for it in _items():
        published = date.fromisoformat(it["date"])
        happened = date.fromisoformat(it["gold"][0]["event_date"])
        assert happened <= published, f"{it['id']}: event {happened} after publication {published}"
        assert (published - happened).days <= 14, f"{it['id']}: event {happened} too long before {published}"
        assert date(2017, 1, 1) <= happened <= date(2025, 12, 31), f"{it['id']}: outside 2017-2025"


def test_coordinates_sit_on_a_gazetteer_town_of_that_name() -> None:
    problems = []
    for sid, ev in _gold():
        lat, lon, location = ev["latitude"], ev["longitude"], ev["location"]
        if lat == 0.0 and lon == 0.0:
            assert location == "", f"{sid}: a named location needs coordinates"
            continue
        assert location, f"{sid}: coordinates without a location name"
        nearest = nearest_town_km(location, lat, lon)
        if nearest > MAX_KM:
            problems.append(f"{sid}: no cities500 town called {location!r} within {MAX_KM} km ({nearest:.0f} km)")
    assert not problems, "\n".join(problems)
