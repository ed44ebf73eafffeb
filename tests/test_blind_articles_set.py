"""Consistency checks of the blind full-article set `tests/data/blind_articles.jsonl`.

These tests check the hand-coded set against itself and the gazetteer only; they never run the extractor, so the
set stays usable as held-out material.
"""

from __future__ import annotations

import json
import re
from collections import Counter
from datetime import date
from functools import cache
from pathlib import Path
from typing import Any

import pytest
from devset_tools import GOLD_EVENT_FIELDS, nearest_town_km

from frontlines.classify import EVENT_TYPE_OF, TAXONOMY

SET_PATH = Path(__file__).resolve().parent / "data" / "blind_articles.jsonl"

ARTICLE_FIELDS: dict[str, type] = {
    "id": str,
    "date": str,
    "source": str,
    "text": str,
    "gold": list,
    "not_events": list,
    "note": str,
}

# ISO codes of the countries the set covers; cities500 rows carry the two-letter code.
COUNTRY_CODES = {
    "Afghanistan": "AF",
    "Ukraine": "UA",
    "Sudan": "SD",
    "Myanmar": "MM",
    "Ethiopia": "ET",
    "Mali": "ML",
    "Somalia": "SO",
    "Palestine": "PS",
    "Israel": "IL",
    "Lebanon": "LB",
}

# The Taliban became the state on 15-16 August 2021; the republic's forces end there.
TALIBAN_STATE_FROM = date(2021, 8, 16)
REPUBLIC_ERA = "(2014-2021)"
TALIBAN_ERA = "Military Forces of Afghanistan (2021-)"


@cache
def articles() -> tuple[dict[str, Any], ...]:
    lines = SET_PATH.read_text(encoding="utf-8").splitlines()
    return tuple(json.loads(line) for line in lines if line.strip())


def gold_events() -> list[tuple[dict[str, Any], dict[str, Any]]]:
    return [(art, ev) for art in articles() for ev in art["gold"]]


def words(text: str) -> int:
    return len(re.findall(r"\S+", text))


def test_sixteen_unique_ids() -> None:
    ids = [a["id"] for a in articles()]
    assert len(ids) == 16
    assert len(set(ids)) == 16
    assert all(re.fullmatch(r"bart-\d{2}", i) for i in ids)


def test_article_fields_and_types() -> None:
    for art in articles():
        assert set(art) == set(ARTICLE_FIELDS), art["id"]
        for name, kind in ARTICLE_FIELDS.items():
            assert isinstance(art[name], kind), (art["id"], name)
        date.fromisoformat(art["date"])
        assert art["source"].strip() and art["note"].strip(), art["id"]


def test_articles_are_full_multi_paragraph_texts() -> None:
    for art in articles():
        assert 350 <= words(art["text"]) <= 900, (art["id"], words(art["text"]))
        paragraphs = [p for p in art["text"].split("\n\n") if p.strip()]
        assert len(paragraphs) >= 8, art["id"]
        assert "\n\n\n" not in art["text"], art["id"]


def test_event_counts_per_article() -> None:
    for art in articles():
        assert 3 <= len(art["gold"]) <= 9, (art["id"], len(art["gold"]))


def test_gold_event_fields_and_types() -> None:
    for art, ev in gold_events():
        assert set(ev) == set(GOLD_EVENT_FIELDS), art["id"]
        for name, kind in GOLD_EVENT_FIELDS.items():
            # bool is an int subclass; a JSON true must not pass as a count.
            assert isinstance(ev[name], kind) and not isinstance(ev[name], bool), (art["id"], name, ev[name])


def test_sub_event_type_belongs_to_event_type() -> None:
    for art, ev in gold_events():
        assert ev["event_type"] in TAXONOMY, (art["id"], ev["event_type"])
        assert EVENT_TYPE_OF.get(ev["sub_event_type"]) == ev["event_type"], (art["id"], ev["sub_event_type"])


def test_event_dates_not_after_publication() -> None:
    for art, ev in gold_events():
        published = date.fromisoformat(art["date"])
        happened = date.fromisoformat(ev["event_date"])
        assert happened <= published, (art["id"], ev["event_date"])
        # Every article reports recent news: background history must not be coded.
        assert (published - happened).days <= 31, (art["id"], ev["event_date"])
        if (published - happened).days > 14:
            assert ev["time_precision"] == 3, (art["id"], ev["event_date"])
        assert ev["time_precision"] in (1, 2, 3), art["id"]


def test_actors_and_inter_codes() -> None:
    for art, ev in gold_events():
        assert ev["actor1"].strip(), art["id"]
        assert ev["actor1"] != ev["actor2"], art["id"]
        assert 1 <= ev["inter1"] <= 8, art["id"]
        if ev["actor2"]:
            assert 1 <= ev["inter2"] <= 8, art["id"]
        else:
            assert ev["inter2"] == 0, art["id"]
        for actor, inter in ((ev["actor1"], ev["inter1"]), (ev["actor2"], ev["inter2"])):
            if actor.startswith("Civilians ("):
                assert inter == 7, (art["id"], actor)
            if actor.startswith("Protesters ("):
                assert inter == 6, (art["id"], actor)
            if actor.startswith(("Military Forces of", "Police Forces of", "Government of")):
                assert inter in (1, 8), (art["id"], actor)


def test_afghan_state_actor_era_matches_date() -> None:
    for art, ev in gold_events():
        happened = date.fromisoformat(ev["event_date"])
        for actor in (ev["actor1"], ev["actor2"]):
            if "of Afghanistan" not in actor:
                continue
            if happened >= TALIBAN_STATE_FROM:
                assert actor == TALIBAN_ERA, (art["id"], actor)
            else:
                assert actor.endswith(REPUBLIC_ERA), (art["id"], actor)
        if happened >= TALIBAN_STATE_FROM:
            assert "Taliban" not in (ev["actor1"], ev["actor2"]), art["id"]


def test_fatalities_and_civilian_targeting() -> None:
    for art, ev in gold_events():
        assert ev["fatalities"] >= 0, art["id"]
        assert ev["civilian_targeting"] in ("", "Civilian targeting"), art["id"]
        if ev["civilian_targeting"]:
            assert ev["actor2"].startswith("Civilians ("), art["id"]
        if ev["sub_event_type"] in ("Peaceful protest", "Agreement", "Non-violent transfer of territory"):
            assert ev["fatalities"] == 0, art["id"]


def test_one_gold_event_per_happening() -> None:
    for art in articles():
        keys = Counter((e["sub_event_type"], e["location"], e["event_date"]) for e in art["gold"])
        assert max(keys.values()) == 1, (art["id"], keys.most_common(1))


def test_not_events_are_verbatim_fragments() -> None:
    for art in articles():
        assert len(art["not_events"]) >= 3, art["id"]
        assert all(isinstance(f, str) for f in art["not_events"]), art["id"]
        for fragment in art["not_events"]:
            assert len(fragment) >= 40, (art["id"], fragment)
            assert fragment in art["text"], (art["id"], fragment)


@pytest.mark.parametrize("art", articles(), ids=lambda a: a["id"])
def test_coordinates_are_the_named_town(art: dict[str, Any]) -> None:
    for ev in art["gold"]:
        code = COUNTRY_CODES[ev["country"]]
        distance = nearest_town_km(ev["location"], ev["latitude"], ev["longitude"], code)
        assert distance <= 5.0, (art["id"], ev["location"], distance)
        assert ev["admin1"].strip(), (art["id"], ev["location"])


def test_coverage_of_the_set() -> None:
    countries = Counter(a["gold"][0]["country"] for a in articles())
    assert countries["Afghanistan"] == 9
    assert len(countries) == 8
    subtypes = Counter(e["sub_event_type"] for _, e in gold_events())
    assert len(subtypes) >= 12
    # Most events are dated by a relative expression, not by the publication day itself.
    assert sum(1 for art, e in gold_events() if e["event_date"] != art["date"]) >= 40
