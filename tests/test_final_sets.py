"""Consistency checks of the final blind sets (final_articles.jsonl, final_acled.csv, final_snippets.jsonl).

These tests check the hand-coded files against themselves and the taxonomy only; they never run the extractor.
"""

from __future__ import annotations

import csv
import json
import re
from collections import Counter
from datetime import date
from functools import cache
from pathlib import Path
from typing import Any

import pycountry
import pytest
from devset_tools import GOLD_EVENT_FIELDS, fold_name, nearest_town_km

from frontlines.classify import EVENT_TYPE_OF, TAXONOMY
from frontlines.model import ACLED_COLUMNS

DATA = Path(__file__).resolve().parent / "data"
ARTICLES = DATA / "final_articles.jsonl"
SNIPPETS = DATA / "final_snippets.jsonl"
ACLED_CSV = DATA / "final_acled.csv"

# ACLED country name -> ISO 3166 alpha-2, for the gazetteer and the event ids.
ISO2 = {
    "Afghanistan": "AF", "Pakistan": "PK", "Ukraine": "UA", "Russia": "RU", "Sudan": "SD",
    "Democratic Republic of Congo": "CD", "Rwanda": "RW", "Burkina Faso": "BF", "Myanmar": "MM", "Mali": "ML",
    "Niger": "NE", "Nigeria": "NG", "Cameroon": "CM", "Somalia": "SO", "Ethiopia": "ET", "Kenya": "KE",
    "Mozambique": "MZ", "South Sudan": "SS", "Central African Republic": "CF", "Libya": "LY", "Chad": "TD",
    "Uganda": "UG", "Yemen": "YE", "Syria": "SY", "Iraq": "IQ", "Palestine": "PS", "Israel": "IL",
    "Lebanon": "LB", "Iran": "IR", "India": "IN", "Bangladesh": "BD", "Philippines": "PH", "Indonesia": "ID",
    "Thailand": "TH", "Sri Lanka": "LK", "Nepal": "NP", "Mexico": "MX", "Colombia": "CO", "Brazil": "BR",
    "Haiti": "HT", "Venezuela": "VE", "Chile": "CL", "France": "FR", "Georgia": "GE", "Argentina": "AR",
    "United States": "US", "Germany": "DE", "Ghana": "GH", "Senegal": "SN", "Zimbabwe": "ZW",
    "South Africa": "ZA", "Morocco": "MA", "Tunisia": "TN", "Turkey": "TR", "Armenia": "AM", "Serbia": "RS",
    "United Kingdom": "GB", "Spain": "ES", "Greece": "GR", "Peru": "PE", "Ecuador": "EC", "South Korea": "KR",
}
DISORDER = {
    "Battles": "Political violence", "Explosions/Remote violence": "Political violence",
    "Violence against civilians": "Political violence", "Protests": "Demonstrations", "Riots": "Demonstrations",
    "Strategic developments": "Strategic developments",
}
MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
          "November", "December"]
ERA = re.compile(r"\((\d{4})-(\d{4})?\)")
STATE = re.compile(r"^(?:Military|Police) Forces of (?:the )?(.+?) \(\d{4}-(?:\d{4})?\)")
TALIBAN_STATE_FROM = date(2021, 8, 16)


def _jsonl(path: Path) -> list[dict[str, Any]]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]


@cache
def articles() -> tuple[dict[str, Any], ...]:
    return tuple(_jsonl(ARTICLES))


@cache
def snippets() -> tuple[dict[str, Any], ...]:
    return tuple(_jsonl(SNIPPETS))


@cache
def acled_rows() -> tuple[dict[str, str], ...]:
    with ACLED_CSV.open(encoding="utf-8", newline="") as handle:
        return tuple(csv.DictReader(handle))


def all_gold() -> list[tuple[str, str, dict[str, Any]]]:
    """(item id, publication date, event) for every gold event of both JSONL sets."""
    return [(it["id"], it["date"], ev) for it in (*articles(), *snippets()) for ev in it["gold"]]


def actor_problems(event: dict[str, Any], when: date) -> list[str]:
    """What is wrong with an event's actors: families, inter codes, eras and foreign forces."""
    problems = []
    for side in ("1", "2"):
        name, inter = event[f"actor{side}"], event[f"inter{side}"]
        if not name:
            if side == "1" or inter != 0:
                problems.append(f"actor{side} empty with inter {inter}")
            continue
        if not 1 <= inter <= 8:
            problems.append(f"{name}: inter {inter} out of 1-8")
        for prefix, code in (("Protesters (", 6), ("Rioters (", 5), ("Civilians (", 7),
                             ("Unidentified Armed Group (", 3)):
            if name.startswith(prefix) and inter != code:
                problems.append(f"{name}: inter {inter}, expected {code}")
        era = ERA.search(name)
        if era:
            start, end = int(era.group(1)), int(era.group(2) or 9999)
            if not start <= when.year <= end:
                problems.append(f"{name}: era does not cover {when}")
        state = STATE.match(name)
        if state:
            expected = 1 if state.group(1) == event["country"] else 8
            if inter != expected:
                problems.append(f"{name}: inter {inter} in {event['country']}, expected {expected}")
        if event["country"] == "Afghanistan":
            if name == "Taliban" and when >= TALIBAN_STATE_FROM:
                problems.append("the Taliban are the state (2021-) from 16 August 2021")
            if name.endswith("of Afghanistan (2021-)") and when < TALIBAN_STATE_FROM:
                problems.append(f"{name} before 16 August 2021")
            if name.endswith("of Afghanistan (2014-2021)") and when >= TALIBAN_STATE_FROM:
                problems.append(f"{name} after 15 August 2021")
    return problems


def event_problems(event: dict[str, Any], published: str) -> list[str]:
    """What is wrong with one gold event taken on its own."""
    if set(event) != set(GOLD_EVENT_FIELDS):
        return [f"fields {sorted(set(event) ^ set(GOLD_EVENT_FIELDS))}"]
    problems = [f"{k} is {type(event[k]).__name__}" for k, t in GOLD_EVENT_FIELDS.items()
                if not isinstance(event[k], t) or isinstance(event[k], bool)]
    if problems:
        return problems
    if EVENT_TYPE_OF.get(event["sub_event_type"]) != event["event_type"]:
        problems.append(f"{event['sub_event_type']} is not a sub-type of {event['event_type']}")
    when = date.fromisoformat(event["event_date"])
    if not date(2018, 1, 1) <= when <= date.fromisoformat(published):
        problems.append(f"event_date {when} not in 2018..publication {published}")
    if event["time_precision"] not in (1, 2, 3):
        problems.append(f"time_precision {event['time_precision']}")
    if event["fatalities"] < 0:
        problems.append("negative fatalities")
    etype, target = event["event_type"], event["actor2"]
    civilian = etype == "Violence against civilians" or (
        etype == "Explosions/Remote violence" and target.startswith("Civilians ("))
    if event["civilian_targeting"] != ("Civilian targeting" if civilian else ""):
        problems.append(f"civilian_targeting {event['civilian_targeting']!r}")
    if etype == "Violence against civilians" and not target.startswith("Civilians ("):
        problems.append("violence against civilians without a civilian actor2")
    if etype == "Protests" and not event["actor1"].startswith("Protesters ("):
        problems.append("a protest must lead with the crowd")
    if etype == "Riots" and not event["actor1"].startswith("Rioters ("):
        problems.append("a riot must lead with the rioters")
    if event["country"] not in ISO2:
        problems.append(f"unknown country {event['country']}")
    elif nearest_town_km(event["location"], event["latitude"], event["longitude"], ISO2[event["country"]]) > 5:
        problems.append(f"{event['location']} not within 5 km of a cities500 town of that name")
    return problems + actor_problems(event, when)


# ---------------------------------------------------------------- shared JSONL checks


def test_every_gold_event_is_well_formed() -> None:
    bad = {f"{item} {ev['sub_event_type']} {ev['location']}": p
           for item, pub, ev in all_gold() if (p := event_problems(ev, pub))}
    assert not bad, bad


def test_event_problems_catches_broken_events() -> None:
    good = snippets()[0]["gold"][0]
    assert event_problems(good, snippets()[0]["date"]) == []
    assert event_problems({**good, "sub_event_type": "Grenade", "event_type": "Riots"}, "2025-12-31")
    assert event_problems({**good, "event_date": "2030-01-01"}, "2025-12-31")
    assert event_problems({**good, "latitude": good["latitude"] + 1.0}, "2025-12-31")
    taliban = {**good, "country": "Afghanistan", "actor1": "Taliban", "inter1": 2, "event_date": "2021-09-01"}
    assert any("state" in p for p in actor_problems(taliban, date(2021, 9, 1)))


def test_gold_locations_are_named_in_the_text() -> None:
    missing = [(it["id"], ev["location"]) for it in (*articles(), *snippets()) for ev in it["gold"]
               if fold_name(ev["location"]) not in fold_name(it["text"])]
    assert not missing, missing


# ---------------------------------------------------------------- articles


def test_articles_shape() -> None:
    items = articles()
    assert [a["id"] for a in items] == [f"fart-{i:02d}" for i in range(1, 11)]
    for a in items:
        assert set(a) == {"id", "date", "source", "text", "gold", "not_events", "note"}, a["id"]
        date.fromisoformat(a["date"])
        assert a["source"] and a["note"], a["id"]
        words = len(a["text"].split())
        paragraphs = [p for p in a["text"].split("\n\n") if p.strip()]
        assert 350 <= words <= 800, (a["id"], words)
        assert len(paragraphs) >= 8, (a["id"], len(paragraphs))
        assert 3 <= len(a["gold"]) <= 8, a["id"]


def test_articles_cover_afghanistan_and_other_wars() -> None:
    first_country = Counter(a["gold"][0]["country"] for a in articles())
    assert first_country["Afghanistan"] == 5
    assert len(first_country) >= 6
    afghan_dates = [a["date"] for a in articles() if a["gold"][0]["country"] == "Afghanistan"]
    assert all("2021-06-01" <= d <= "2021-09-30" for d in afghan_dates)


def test_article_events_are_distinct_happenings() -> None:
    for a in articles():
        keys = [(g["sub_event_type"], g["location"], g["event_date"]) for g in a["gold"]]
        assert len(keys) == len(set(keys)), a["id"]


def test_not_events_occur_verbatim() -> None:
    for a in articles():
        assert len(a["not_events"]) >= 3, a["id"]
        for fragment in a["not_events"]:
            assert len(fragment) >= 40, (a["id"], fragment)
            assert fragment in a["text"], (a["id"], fragment)


def test_articles_have_datelines_and_relative_dates() -> None:
    for a in articles():
        assert re.match(r"^[A-Z][A-Z ,.'-]+(?:, [A-Z][A-Za-z ]+)? \(FL Wire\) - ", a["text"]), a["id"]
    relative = sum(g["event_date"] != a["date"] for a in articles() for g in a["gold"])
    assert relative >= 30


# ---------------------------------------------------------------- snippets


def test_snippets_shape() -> None:
    items = snippets()
    assert [s["id"] for s in items] == [f"fsn-{i:03d}" for i in range(1, 201)]
    for s in items:
        assert set(s) == {"id", "date", "text", "gold"}, s["id"]
        assert len(s["gold"]) == 1, s["id"]
        sentences = [x for x in re.split(r"(?<=[.!?])\s+(?=[A-Z\"'])", s["text"].strip()) if x]
        assert 1 <= len(sentences) <= 3, (s["id"], len(sentences))
        assert 2018 <= int(s["date"][:4]) <= 2025, s["id"]


def test_snippets_coverage() -> None:
    events = [s["gold"][0] for s in snippets()]
    protests = sum(e["event_type"] == "Protests" for e in events)
    assert 0.25 <= protests / len(events) <= 0.35, protests
    subs = Counter(e["sub_event_type"] for e in events)
    assert {sub: subs[sub] for sub in EVENT_TYPE_OF if subs[sub] < 3} == {}
    assert len({e["country"] for e in events}) >= 35
    assert len({e["event_date"][:4] for e in events}) == 8
    assert len({s["text"] for s in snippets()}) == len(snippets())


# ---------------------------------------------------------------- ACLED-style CSV


def _row_date(row: dict[str, str]) -> date:
    return date.fromisoformat(row["event_date"])


def _long_date(day: date) -> str:
    return f"{day.day} {MONTHS[day.month - 1]} {day.year}"


def test_csv_header_and_size() -> None:
    with ACLED_CSV.open(encoding="utf-8", newline="") as handle:
        lines = list(csv.reader(handle))
    assert tuple(lines[0]) == ACLED_COLUMNS
    assert len(lines) == 151
    assert all(len(line) == 31 for line in lines)


def test_csv_ids() -> None:
    rows = acled_rows()
    numbers = [int(r["event_id_cnty"][3:]) for r in rows]
    assert numbers == list(range(98001, 98001 + len(rows)))
    for r in rows:
        country = pycountry.countries.get(alpha_2=ISO2[r["country"]])
        assert r["event_id_cnty"][:3] == country.alpha_3, r["event_id_cnty"]
        assert int(r["iso"]) == int(country.numeric), r["event_id_cnty"]


def csv_event(row: dict[str, str]) -> dict[str, Any]:
    """A CSV row in the JSONL gold event shape, so that the same checks apply."""
    event: dict[str, Any] = {k: row[k] for k in GOLD_EVENT_FIELDS}
    for k in ("inter1", "inter2", "time_precision", "fatalities"):
        event[k] = int(row[k])
    event["latitude"], event["longitude"] = float(row["latitude"]), float(row["longitude"])
    return event


def test_csv_rows_are_well_formed() -> None:
    bad = {}
    for r in acled_rows():
        problems = event_problems(csv_event(r), r["event_date"])
        if r["year"] != r["event_date"][:4]:
            problems.append("year")
        disorder = DISORDER[r["event_type"]]
        if r["sub_event_type"] == "Mob violence":
            disorder = "Political violence; Demonstrations"
        if r["disorder_type"] != disorder:
            problems.append(f"disorder_type {r['disorder_type']}")
        i1, i2 = int(r["inter1"]), int(r["inter2"])
        expected = f"{i1}0" if i2 == 0 else f"{min(i1, i2)}{max(i1, i2)}"
        if r["interaction"] != expected:
            problems.append(f"interaction {r['interaction']} != {expected}")
        if r["geo_precision"] not in ("1", "2", "3") or not r["source"] or not r["source_scale"]:
            problems.append("geo_precision/source")
        if r["event_type"] == "Protests" and not r["tags"].startswith("crowd size="):
            problems.append("protest without crowd size tag")
        if problems:
            bad[r["event_id_cnty"]] = problems
    assert not bad, bad


def test_csv_notes_match_date_precision_and_place() -> None:
    bad = []
    for r in acled_rows():
        notes, precision = r["notes"], int(r["time_precision"])
        head = notes[:80]
        ok = _long_date(_row_date(r)) in head and r["location"] in notes
        if precision == 1:
            ok = ok and notes.startswith("On ") and "(month of)" not in head
        elif precision == 2:
            ok = ok and notes.startswith("Around ") and ("(between " in head or "(week of)" in head)
        else:
            ok = ok and "(month of)" in head
        if not ok:
            bad.append(r["event_id_cnty"])
    assert not bad, bad


def test_csv_coverage() -> None:
    rows = acled_rows()
    countries = Counter(r["country"] for r in rows)
    assert len(countries) >= 30
    assert 35 <= countries["Afghanistan"] <= 45
    years = {r["year"] for r in rows}
    assert years == {str(y) for y in range(2018, 2026)}
    subs = Counter(r["sub_event_type"] for r in rows)
    assert {sub: subs[sub] for sub in EVENT_TYPE_OF if subs[sub] < 3} == {}
    types = Counter(r["event_type"] for r in rows)
    assert set(types) == set(TAXONOMY)
    # Roughly ACLED's mix: demonstrations are common, strategic developments are a minority.
    assert types["Protests"] + types["Riots"] >= 0.2 * len(rows)
    assert types["Strategic developments"] <= 0.25 * len(rows)
    afghan = [r for r in rows if r["country"] == "Afghanistan"]
    assert sum(_row_date(r) >= TALIBAN_STATE_FROM for r in afghan) >= 10


@pytest.mark.parametrize("precision", [1, 2, 3])
def test_every_set_uses_each_time_precision(precision: int) -> None:
    assert any(ev["time_precision"] == precision for _, _, ev in all_gold())
    assert any(r["time_precision"] == str(precision) for r in acled_rows())
