"""Checks that the hand-labelled development sets in tests/data are well formed and cover what they promise.

The files are the yardstick the extractor is scored against, so a typo in a category name, an impossible date or
a town placed in the wrong country would silently distort every score; these tests catch such slips.
"""

from __future__ import annotations

import csv
import json
import re
from collections import Counter
from datetime import date
from functools import cache, lru_cache
from pathlib import Path
from typing import Any

import pytest
from devset_tools import GOLD_EVENT_FIELDS, fold_name, gazetteer_cities, km

DATA = Path(__file__).resolve().parent / "data"
EVENTS_PATH = DATA / "dev_events.jsonl"
ACLED_PATH = DATA / "dev_acled.csv"

# ACLED's six event types and 25 sub-event types (from the shared taxonomy note).
TAXONOMY: dict[str, tuple[str, ...]] = {
    "Battles": ("Armed clash", "Government regains territory", "Non-state actor overtakes territory"),
    "Explosions/Remote violence": (
        "Chemical weapon",
        "Air/drone strike",
        "Suicide bomb",
        "Shelling/artillery/missile attack",
        "Remote explosive/landmine/IED",
        "Grenade",
    ),
    "Violence against civilians": ("Sexual violence", "Attack", "Abduction/forced disappearance"),
    "Protests": ("Peaceful protest", "Protest with intervention", "Excessive force against protesters"),
    "Riots": ("Violent demonstration", "Mob violence"),
    "Strategic developments": (
        "Agreement",
        "Arrests",
        "Change to group/activity",
        "Disrupted weapons use",
        "Headquarters or base established",
        "Looting/property destruction",
        "Non-violent transfer of territory",
        "Other",
    ),
}
SUB_TO_TYPE = {sub: et for et, subs in TAXONOMY.items() for sub in subs}

DISORDER = {
    "Battles": "Political violence",
    "Explosions/Remote violence": "Political violence",
    "Violence against civilians": "Political violence",
    "Protests": "Demonstrations",
    "Riots": "Demonstrations",
    "Strategic developments": "Strategic developments",
}

ACLED_COLUMNS = (
    "event_id_cnty",
    "event_date",
    "year",
    "time_precision",
    "disorder_type",
    "event_type",
    "sub_event_type",
    "actor1",
    "assoc_actor_1",
    "inter1",
    "actor2",
    "assoc_actor_2",
    "inter2",
    "interaction",
    "civilian_targeting",
    "iso",
    "region",
    "country",
    "admin1",
    "admin2",
    "admin3",
    "location",
    "latitude",
    "longitude",
    "geo_precision",
    "source",
    "source_scale",
    "notes",
    "fatalities",
    "tags",
    "timestamp",
)

# ACLED country names used in the sets -> ISO 3166-1 alpha-2, for the gazetteer look-ups.
COUNTRY_ISO2 = {
    "Afghanistan": "AF",
    "Myanmar": "MM",
    "Sudan": "SD",
    "Nigeria": "NG",
    "Somalia": "SO",
    "Mali": "ML",
    "Burkina Faso": "BF",
    "Democratic Republic of Congo": "CD",
    "Ukraine": "UA",
    "Syria": "SY",
    "Yemen": "YE",
    "Pakistan": "PK",
    "India": "IN",
    "Kenya": "KE",
    "Mexico": "MX",
    "Colombia": "CO",
    "Iraq": "IQ",
    "Ethiopia": "ET",
    "Cameroon": "CM",
    "Mozambique": "MZ",
    "Haiti": "HT",
    "Philippines": "PH",
    "Bangladesh": "BD",
    "Niger": "NE",
}

# The older set codes no civilian_targeting field.
EVENT_FIELDS = {k: v for k, v in GOLD_EVENT_FIELDS.items() if k != "civilian_targeting"}
ADMIN_SUFFIXES = (" Province", " State", " Region", " province", " state", " region")
WEEKDAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
MONTHS = (
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
)
ERA = re.compile(r"\((\d{4})-(\d{4})?\)")


@lru_cache(maxsize=1)
def _cities_by_country() -> dict[str, list[dict[str, Any]]]:
    wanted = set(COUNTRY_ISO2.values())
    out: dict[str, list[dict[str, Any]]] = {cc: [] for cc in wanted}
    for city in gazetteer_cities():
        if city["countrycode"] in wanted:
            out[city["countrycode"]].append(city)
    return out


@cache
def _bbox(cc: str) -> tuple[float, float, float, float]:
    # The spread of the country's own gazetteer towns, widened a little so border towns are not rejected.
    cities = _cities_by_country()[cc]
    lats = [c["latitude"] for c in cities]
    lons = [c["longitude"] for c in cities]
    return min(lats) - 0.5, max(lats) + 0.5, min(lons) - 0.5, max(lons) + 0.5


def _gazetteer_match(location: str, cc: str, lat: float, lon: float) -> bool:
    """True when a cities500 town near the point carries the location's name (or contains it, e.g. 'Deh X')."""
    key = fold_name(location)
    for city in _cities_by_country()[cc]:
        if km(lat, lon, city["latitude"], city["longitude"]) > 15:
            continue
        names = [city["name"], *city["alternatenames"]]
        if any(key == fold_name(n) or (len(key) >= 5 and key in fold_name(n)) for n in names):
            return True
    return False


def _check_coordinates(where: str, country: str, location: str, lat: float, lon: float) -> list[str]:
    problems = []
    cc = COUNTRY_ISO2.get(country)
    if cc is None:
        return [f"{where}: country {country!r} is not in COUNTRY_ISO2 (add it with its ISO code)"]
    lat0, lat1, lon0, lon1 = _bbox(cc)
    if not (lat0 <= lat <= lat1 and lon0 <= lon <= lon1):
        problems.append(f"{where}: ({lat}, {lon}) lies outside {country}'s box {(lat0, lat1, lon0, lon1)}")
    elif not _gazetteer_match(location, cc, lat, lon):
        problems.append(f"{where}: no cities500 town named {location!r} within 15 km of ({lat}, {lon})")
    return problems


def _check_era(where: str, actor: str, year: int) -> list[str]:
    # A government's forces carry the years of the administration: the event must fall inside them.
    m = ERA.search(actor)
    if not m:
        return []
    start, end = int(m.group(1)), int(m.group(2)) if m.group(2) else 9999
    return [] if start <= year <= end else [f"{where}: {actor!r} used for an event in {year}"]


@lru_cache(maxsize=1)
def _items() -> list[dict[str, Any]]:
    items = []
    with EVENTS_PATH.open(encoding="utf-8") as fh:
        for n, line in enumerate(fh, 1):
            assert line.strip(), f"{EVENTS_PATH.name}:{n} is blank; remove empty lines"
            items.append(json.loads(line))
    return items


@lru_cache(maxsize=1)
def _rows() -> tuple[list[str], list[dict[str, str]]]:
    with ACLED_PATH.open(encoding="utf-8", newline="") as fh:
        reader = csv.DictReader(fh)
        return list(reader.fieldnames or []), list(reader)


# ---------------------------------------------------------------- dev_events.jsonl


def test_items_have_required_fields_and_unique_ids() -> None:
    items = _items()
    ids = [it["id"] for it in items]
    assert len(ids) == len(set(ids)), "duplicate ids in dev_events.jsonl"
    for it in items:
        assert re.fullmatch(r"dev-\d{3}", it["id"]), it["id"]
        assert set(it) <= {"id", "date", "text", "gold", "note"}, f"{it['id']}: unexpected keys {set(it)}"
        assert isinstance(it["text"], str) and 20 <= len(it["text"]) <= 600, f"{it['id']}: text length"
        sentences = [s for s in re.split(r"(?<=[.!?])\s+(?=[A-Z])", it["text"].strip()) if s]
        assert 1 <= len(sentences) <= 3, f"{it['id']}: {len(sentences)} sentences, want 1-3"
        assert isinstance(it["gold"], list), it["id"]
        date.fromisoformat(it["date"])


def test_gold_events_are_well_formed() -> None:
    problems: list[str] = []
    for it in _items():
        published = date.fromisoformat(it["date"])
        for k, ev in enumerate(it["gold"]):
            where = f"{it['id']}#{k}"
            for field, kind in EVENT_FIELDS.items():
                if field not in ev:
                    problems.append(f"{where}: missing {field}")
                elif not isinstance(ev[field], kind) or isinstance(ev[field], bool):
                    problems.append(f"{where}: {field} should be {kind.__name__}")
            if problems:
                continue
            if SUB_TO_TYPE.get(ev["sub_event_type"]) != ev["event_type"]:
                problems.append(f"{where}: {ev['sub_event_type']!r} is not a sub-type of {ev['event_type']!r}")
            happened = date.fromisoformat(ev["event_date"])
            if happened > published:
                problems.append(f"{where}: event_date {happened} after publication {published}")
            if ev["time_precision"] not in (1, 2, 3):
                problems.append(f"{where}: time_precision {ev['time_precision']}")
            if ev["fatalities"] < 0:
                problems.append(f"{where}: negative fatalities")
            if not (1 <= ev["inter1"] <= 8 and 0 <= ev["inter2"] <= 8):
                problems.append(f"{where}: inter codes {ev['inter1']}, {ev['inter2']}")
            if (ev["actor2"] == "") != (ev["inter2"] == 0):
                problems.append(f"{where}: inter2 must be 0 exactly when actor2 is empty")
            if ev.get("civilian_targeting", "") not in ("", "Civilian targeting"):
                problems.append(f"{where}: civilian_targeting {ev['civilian_targeting']!r}")
            targeted = ev.get("civilian_targeting") == "Civilian targeting"
            if ev["event_type"] == "Violence against civilians" and not targeted:
                problems.append(f"{where}: violence against civilians must carry 'Civilian targeting'")
            if ev["admin1"].endswith(ADMIN_SUFFIXES) or not ev["admin1"]:
                problems.append(f"{where}: admin1 {ev['admin1']!r} should be a plain name")
            for actor in (ev["actor1"], ev["actor2"]):
                problems += _check_era(where, actor, happened.year)
            problems += _check_coordinates(where, ev["country"], ev["location"], ev["latitude"], ev["longitude"])
    assert not problems, "\n".join(problems[:40])


def test_inter_codes_follow_actor_families() -> None:
    families = (("Protesters (", 6), ("Rioters (", 5), ("Civilians (", 7), ("Unidentified Armed Group (", 3))
    for it in _items():
        for ev in it["gold"]:
            for actor, code in ((ev["actor1"], ev["inter1"]), (ev["actor2"], ev["inter2"])):
                for prefix, want in families:
                    if actor.startswith(prefix):
                        assert code == want, f"{it['id']}: {actor} coded {code}, want {want}"
                if actor.startswith(("Military Forces of ", "Police Forces of ", "Government of ")):
                    own = f" of {ev['country']} (" in actor or f" of the {ev['country']} (" in actor
                    assert code == (1 if own else 8), f"{it['id']}: {actor} in {ev['country']} coded {code}"


def test_weekday_words_agree_with_event_dates() -> None:
    # A wrong weekday sum is the commonest slip when turning 'on Friday' into a date. Texts that date an event
    # relative to another one ('a day after', 'overnight', 'yesterday') are left to the reader.
    relative = re.compile(r"overnight|yesterday|today|\b(?:a|one|two|three) days? (?:after|before|earlier|later)")
    problems = []
    for it in _items():
        if relative.search(it["text"]):
            continue
        named = {d for d in WEEKDAYS if re.search(rf"\b{d}\b", it["text"])}
        published = date.fromisoformat(it["date"])
        for ev in it["gold"]:
            happened = date.fromisoformat(ev["event_date"])
            lag = (published - happened).days
            if ev["time_precision"] != 1 or not 0 <= lag <= 6 or (lag == 0 and not named):
                continue
            if WEEKDAYS[happened.weekday()] not in named:
                day = WEEKDAYS[happened.weekday()]
                problems.append(f"{it['id']}: {happened} is a {day}, text names {sorted(named)}")
    assert not problems, "\n".join(problems)


def test_coverage() -> None:
    items = _items()
    assert len(items) >= 170
    events = [ev for it in items for ev in it["gold"]]
    countries = Counter(ev["country"] for ev in events)
    assert len(countries) >= 12, countries
    per_item_country = Counter(c for it in items for c in {ev["country"] for ev in it["gold"]})
    assert per_item_country["Afghanistan"] >= 35, per_item_country
    subs = Counter(ev["sub_event_type"] for ev in events)
    for sub in SUB_TO_TYPE:
        need = 2 if sub == "Chemical weapon" else 4
        assert subs[sub] >= need, f"{sub}: {subs[sub]} events, need {need}"
    negatives = [it for it in items if not it["gold"]]
    assert len(negatives) >= 30
    assert all(it.get("note") for it in negatives), "every negative should say why it is one"
    assert sum(1 for it in items if len(it["gold"]) >= 2) >= 20
    shifted = sum(1 for it in items if any(ev["event_date"] != it["date"] for ev in it["gold"]))
    assert shifted * 3 >= len(items)
    # The common sub-types should stay the common ones, as in real coded data.
    assert subs["Armed clash"] == max(subs.values())


# ---------------------------------------------------------------- dev_acled.csv


def test_acled_csv_columns_and_rows() -> None:
    header, rows = _rows()
    assert tuple(header) == ACLED_COLUMNS
    assert len(rows) >= 25
    ids = [r["event_id_cnty"] for r in rows]
    assert len(ids) == len(set(ids))
    jsonl_texts = {it["text"] for it in _items()}
    problems: list[str] = []
    for r in rows:
        where = r["event_id_cnty"]
        happened = date.fromisoformat(r["event_date"])
        if int(r["year"]) != happened.year:
            problems.append(f"{where}: year {r['year']} vs {happened}")
        if SUB_TO_TYPE.get(r["sub_event_type"]) != r["event_type"]:
            problems.append(f"{where}: {r['sub_event_type']!r} not in {r['event_type']!r}")
        want_disorder = (
            "Political violence; Demonstrations"
            if r["sub_event_type"] == "Mob violence"
            else DISORDER.get(r["event_type"])
        )
        if r["disorder_type"] != want_disorder:
            problems.append(f"{where}: disorder_type {r['disorder_type']!r}")
        i1, i2 = int(r["inter1"]), int(r["inter2"])
        want_interaction = int(f"{min(i1, i2)}{max(i1, i2)}") if i2 else i1 * 10
        if int(r["interaction"]) != want_interaction:
            problems.append(f"{where}: interaction {r['interaction']} for {i1}/{i2}")
        if (r["actor2"] == "") != (i2 == 0):
            problems.append(f"{where}: inter2 must be 0 exactly when actor2 is empty")
        if r["time_precision"] not in ("1", "2", "3") or r["geo_precision"] not in ("1", "2", "3"):
            problems.append(f"{where}: precision codes")
        if int(r["fatalities"]) < 0:
            problems.append(f"{where}: fatalities")
        lead = f"On {happened.day} {MONTHS[happened.month - 1]} {happened.year}, "
        if not r["notes"].startswith(lead):
            problems.append(f"{where}: notes should open with {lead!r}")
        if r["notes"] in jsonl_texts:
            problems.append(f"{where}: notes repeat a JSONL item")
        for actor in (r["actor1"], r["actor2"], r["assoc_actor_1"], r["assoc_actor_2"]):
            problems += _check_era(where, actor, happened.year)
        problems += _check_coordinates(where, r["country"], r["location"], float(r["latitude"]), float(r["longitude"]))
    assert not problems, "\n".join(problems)


@pytest.mark.parametrize("column", ["event_type", "country"])
def test_acled_csv_is_varied(column: str) -> None:
    _, rows = _rows()
    assert len({r[column] for r in rows}) >= 5


# ---------------------------------------------------------------- dev_acled_world.csv

WORLD_PATH = DATA / "dev_acled_world.csv"
STATE_ACTOR = re.compile(r"^(?:Military|Police) Forces of (?:the )?(.+?) \((\d{4})(?:-(\d{4})?)?\)|"
                         r"^Government of (?:the )?(.+?) \((\d{4})(?:-(\d{4})?)?\)")
# "On 3 May 2024," / "Around 15 June 2022 (month of)," / "Between 11 and 13 November 2023,"
WORLD_LEAD = re.compile(r"^(?:On (\d{1,2}) (\w+) (\d{4}),|Around (\d{1,2}) (\w+) (\d{4}) \((week|month) of\),|"
                        r"Between (\d{1,2}) and \d{1,2} (\w+) (\d{4}),)")


@lru_cache(maxsize=1)
def _world_rows() -> tuple[list[str], list[dict[str, str]]]:
    with WORLD_PATH.open(encoding="utf-8", newline="") as fh:
        reader = csv.DictReader(fh)
        return list(reader.fieldnames or []), list(reader)


@lru_cache(maxsize=1)
def _towns_by_name() -> dict[tuple[str, str], list[tuple[float, float]]]:
    """(country code, normalised name or alternate name) -> points, for every cities500 town."""
    out: dict[tuple[str, str], list[tuple[float, float]]] = {}
    for city in gazetteer_cities():
        point = (city["latitude"], city["longitude"])
        for name in {fold_name(city["name"]), *(fold_name(n) for n in city["alternatenames"])}:
            if name:
                out.setdefault((city["countrycode"], name), []).append(point)
    return out


def test_world_csv_header_and_taxonomy() -> None:
    from frontlines.classify import EVENT_TYPE_OF
    from frontlines.model import ACLED_COLUMNS as MODEL_COLUMNS

    header, rows = _world_rows()
    assert tuple(header) == MODEL_COLUMNS
    assert len(rows) == 120
    ids = [r["event_id_cnty"] for r in rows]
    assert len(ids) == len(set(ids)), "duplicate event_id_cnty"
    problems = []
    for r in rows:
        where = r["event_id_cnty"]
        if EVENT_TYPE_OF.get(r["sub_event_type"]) != r["event_type"]:
            problems.append(f"{where}: {r['sub_event_type']!r} is not a sub-type of {r['event_type']!r}")
        want_disorder = (
            "Political violence; Demonstrations" if r["sub_event_type"] == "Mob violence" else DISORDER[r["event_type"]]
        )
        if r["disorder_type"] != want_disorder:
            problems.append(f"{where}: disorder_type {r['disorder_type']!r}")
        i1, i2 = int(r["inter1"]), int(r["inter2"])
        if not (1 <= i1 <= 8 and 0 <= i2 <= 8) or (r["actor2"] == "") != (i2 == 0):
            problems.append(f"{where}: inter codes {i1}/{i2} for actor2 {r['actor2']!r}")
        if int(r["interaction"]) != (int(f"{min(i1, i2)}{max(i1, i2)}") if i2 else i1 * 10):
            problems.append(f"{where}: interaction {r['interaction']} for {i1}/{i2}")
        if r["event_type"] == "Violence against civilians" and r["civilian_targeting"] != "Civilian targeting":
            problems.append(f"{where}: violence against civilians must carry 'Civilian targeting'")
        if int(r["fatalities"]) < 0 or r["geo_precision"] not in ("1", "2", "3"):
            problems.append(f"{where}: fatalities or geo_precision out of range")
    assert not problems, "\n".join(problems)


def test_world_csv_coverage() -> None:
    from frontlines.classify import EVENT_TYPE_OF

    _, rows = _world_rows()
    subs = Counter(r["sub_event_type"] for r in rows)
    assert {s for s in EVENT_TYPE_OF if subs[s] < 2} == set(), subs
    countries = Counter(r["country"] for r in rows)
    assert len(countries) >= 18, countries
    assert 20 <= countries["Afghanistan"] <= 30, countries
    assert max(n for c, n in countries.items() if c != "Afghanistan") <= 12, countries
    afghan_years = {r["event_date"] >= "2021-08-16" for r in rows if r["country"] == "Afghanistan"}
    assert afghan_years == {True, False}, "Afghanistan rows should span both sides of August 2021"
    assert {int(r["year"]) for r in rows} <= set(range(2019, 2026))


def test_world_csv_dates_agree_with_notes() -> None:
    _, rows = _world_rows()
    problems = []
    for r in rows:
        where = r["event_id_cnty"]
        happened = date.fromisoformat(r["event_date"])
        if int(r["year"]) != happened.year:
            problems.append(f"{where}: year {r['year']} vs {happened}")
        m = WORLD_LEAD.match(r["notes"])
        if m is None:
            problems.append(f"{where}: notes should open with 'On D Month YYYY,', 'Around ... (week/month of),' "
                            "or 'Between D and D Month YYYY,'")
            continue
        if m.group(1):
            day, month, year, precision = m.group(1), m.group(2), m.group(3), 1
        elif m.group(4):
            day, month, year = m.group(4), m.group(5), m.group(6)
            precision = 2 if m.group(7) == "week" else 3
        else:  # a span is coded to its first day
            day, month, year, precision = m.group(8), m.group(9), m.group(10), 2
        stated = date(int(year), MONTHS.index(month) + 1, int(day))
        if stated != happened or int(r["time_precision"]) != precision:
            problems.append(f"{where}: notes say {stated} (precision {precision}), row has {happened} "
                            f"(precision {r['time_precision']})")
    assert not problems, "\n".join(problems)


def test_world_csv_places_and_countries() -> None:
    from frontlines.countries import country_by_name

    _, rows = _world_rows()
    towns = _towns_by_name()
    problems = []
    for r in rows:
        where = r["event_id_cnty"]
        info = country_by_name(r["country"])
        if info is None:
            problems.append(f"{where}: unknown country {r['country']!r}")
            continue
        if int(r["iso"]) != info.numeric or not r["event_id_cnty"].startswith(info.iso3):
            problems.append(f"{where}: iso {r['iso']} / id prefix do not fit {info.name} ({info.numeric}, {info.iso3})")
        if r["admin1"].endswith(ADMIN_SUFFIXES) or not r["admin1"]:
            problems.append(f"{where}: admin1 {r['admin1']!r} should be a plain name")
        lat, lon = float(r["latitude"]), float(r["longitude"])
        # Every row is placed on a named gazetteer town (the town itself at precision 1, the reference town of
        # a 'near X' / district / province report otherwise), so all rows are checked, not only precision 1.
        points = towns.get((info.iso2, fold_name(r["location"])), [])
        if not any(km(lat, lon, plat, plon) <= 5 for plat, plon in points):
            problems.append(f"{where}: no cities500 town named {r['location']!r} within 5 km of ({lat}, {lon})")
    assert not problems, "\n".join(problems)


def test_world_csv_state_actors_carry_the_project_eras() -> None:
    from datetime import timedelta

    from frontlines.actors import era_label
    from frontlines.countries import country_by_name

    _, rows = _world_rows()
    problems = []
    for r in rows:
        happened = date.fromisoformat(r["event_date"])
        for actor in (r["actor1"], r["actor2"], r["assoc_actor_1"], r["assoc_actor_2"]):
            m = STATE_ACTOR.match(actor)
            if not m or actor.endswith(" Houthi"):  # the Houthi authority has no row in state_eras.json
                continue
            cname = m.group(1) or m.group(4)
            info = country_by_name(cname)
            label = actor[actor.index("(") + 1 : actor.index(")")]
            # A government's last day (e.g. the day it fell) still carries its own era.
            days = (happened, happened - timedelta(days=1))
            allowed = {era_label(info.iso2, day) for day in days} if info else set()
            if label not in allowed:
                problems.append(f"{r['event_id_cnty']}: {actor!r} on {happened}, eras allow {sorted(allowed)}")
    assert not problems, "\n".join(problems)


def test_the_shared_gold_event_check_can_fail() -> None:
    from devset_tools import GOLD_EVENT_FIELDS, gold_event_problems

    good = {name: (0.0 if kind is float else kind()) for name, kind in GOLD_EVENT_FIELDS.items()}
    good.update(event_type="Battles", sub_event_type="Armed clash")
    assert gold_event_problems("x", good) == []
    assert gold_event_problems("x", {**good, "sub_event_type": "Attack"})
    assert gold_event_problems("x", {**good, "fatalities": True})
    assert gold_event_problems("x", {k: v for k, v in good.items() if k != "admin1"})
