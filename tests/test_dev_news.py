"""Checks the news-style development set tests/data/dev_news.jsonl.

The set is a second yardstick, written as wire-service snippets rather than tidy one-liners, so that scores are not
tuned to one writing style. A wrong category name, an impossible date or a town dropped in the wrong country would
quietly distort every score computed on it; these tests catch such slips and hold the set to its promised coverage.
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
from devset_tools import fold_name, gazetteer_cities, km

NEWS_PATH = Path(__file__).resolve().parent / "data" / "dev_news.jsonl"

# ACLED's six event types and 25 sub-event types, spelled as ACLED spells them.
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
assert len(SUB_TO_TYPE) == 25

# ACLED country names used in the set -> ISO 3166-1 alpha-2, for the gazetteer look-ups.
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
    "Iraq": "IQ",
    "Pakistan": "PK",
    "India": "IN",
    "Ethiopia": "ET",
    "Mexico": "MX",
    "Colombia": "CO",
    "Palestine": "PS",
    "Israel": "IL",
    "Cameroon": "CM",
    "Mozambique": "MZ",
    "Haiti": "HT",
}

ITEM_KEYS = {"id", "date", "text", "gold", "note"}
ADMIN_SUFFIXES = (" Province", " State", " Region", " province", " state", " region", " Governorate")
WEEKDAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
ERA = re.compile(r"\((\d{4})-(\d{4})?\)")


@cache
def _cities_by_country() -> dict[str, list[dict[str, Any]]]:
    wanted = set(COUNTRY_ISO2.values())
    out: dict[str, list[dict[str, Any]]] = {cc: [] for cc in wanted}
    for city in gazetteer_cities():
        if city["countrycode"] in wanted:
            out[city["countrycode"]].append(city)
    return out


@cache
def _bbox(cc: str) -> tuple[float, float, float, float]:
    # The extent of the country's own gazetteer towns, widened a little so border towns are not rejected.
    cities = _cities_by_country()[cc]
    lats = [c["latitude"] for c in cities]
    lons = [c["longitude"] for c in cities]
    return min(lats) - 0.5, max(lats) + 0.5, min(lons) - 0.5, max(lons) + 0.5


def _named_town_nearby(location: str, cc: str, lat: float, lon: float) -> bool:
    """True when a cities500 town within 15 km carries the location's name (or contains it, e.g. 'Heroica X')."""
    key = fold_name(location)
    for city in _cities_by_country()[cc]:
        if km(lat, lon, city["latitude"], city["longitude"]) > 15:
            continue
        names = [city["name"], *city["alternatenames"]]
        if any(key == fold_name(n) or (len(key) >= 5 and key in fold_name(n)) for n in names):
            return True
    return False


@cache
def _items() -> list[dict[str, Any]]:
    items = []
    with NEWS_PATH.open(encoding="utf-8") as fh:
        for n, line in enumerate(fh, 1):
            assert line.strip(), f"{NEWS_PATH.name}:{n} is blank; remove empty lines"
            items.append(json.loads(line))
    return items


def _events() -> list[dict[str, Any]]:
    return [ev for it in _items() for ev in it["gold"]]


def test_items_are_well_formed() -> None:
    items = _items()
    ids = [it["id"] for it in items]
    assert len(ids) == len(set(ids)), "duplicate ids"
    assert ids == [f"news-{k:03d}" for k in range(1, len(ids) + 1)], "ids should run news-001, news-002, ..."
    for it in items:
        assert set(it) <= ITEM_KEYS and {"id", "date", "text", "gold"} <= set(it), f"{it['id']}: keys {set(it)}"
        assert isinstance(it["text"], str) and 30 <= len(it["text"]) <= 700, f"{it['id']}: text length"
        sentences = [s for s in re.split(r"(?<=[.!?])\s+(?=[A-Z])", it["text"].strip()) if s]
        assert 1 <= len(sentences) <= 4, f"{it['id']}: {len(sentences)} sentences, want 1-4"
        assert isinstance(it["gold"], list), it["id"]
        date.fromisoformat(it["date"])
    texts = [it["text"] for it in items]
    assert len(texts) == len(set(texts)), "two items share a text"


def test_gold_events_are_well_formed() -> None:
    problems: list[str] = []
    for it in _items():
        published = date.fromisoformat(it["date"])
        for k, ev in enumerate(it["gold"]):
            where = f"{it['id']}#{k}"
            missing = [
                f for f, kind in EVENT_FIELDS.items() if not isinstance(ev.get(f), kind) or isinstance(ev.get(f), bool)
            ]
            if missing or set(ev) != set(EVENT_FIELDS):
                problems.append(f"{where}: bad or missing fields {missing}, extra {set(ev) - set(EVENT_FIELDS)}")
                continue
            if SUB_TO_TYPE.get(ev["sub_event_type"]) != ev["event_type"]:
                problems.append(f"{where}: {ev['sub_event_type']!r} is not a sub-type of {ev['event_type']!r}")
            happened = date.fromisoformat(ev["event_date"])
            if happened > published:
                problems.append(f"{where}: event_date {happened} after publication {published}")
            if (published - happened).days > 62:
                problems.append(f"{where}: event {happened} is over two months before publication {published}")
            if ev["time_precision"] not in (1, 2, 3):
                problems.append(f"{where}: time_precision {ev['time_precision']}")
            if ev["fatalities"] < 0:
                problems.append(f"{where}: negative fatalities")
            if not (1 <= ev["inter1"] <= 8 and 0 <= ev["inter2"] <= 8):
                problems.append(f"{where}: inter codes {ev['inter1']}, {ev['inter2']}")
            if (ev["actor2"] == "") != (ev["inter2"] == 0):
                problems.append(f"{where}: inter2 must be 0 exactly when actor2 is empty")
            if not ev["actor1"]:
                problems.append(f"{where}: actor1 is empty")
            if ev["civilian_targeting"] not in ("", "Civilian targeting"):
                problems.append(f"{where}: civilian_targeting {ev['civilian_targeting']!r}")
            if ev["event_type"] == "Violence against civilians" and ev["civilian_targeting"] != "Civilian targeting":
                problems.append(f"{where}: violence against civilians must carry 'Civilian targeting'")
            if not ev["admin1"] or ev["admin1"].endswith(ADMIN_SUFFIXES):
                problems.append(f"{where}: admin1 {ev['admin1']!r} should be a plain name")
            for actor in (ev["actor1"], ev["actor2"]):
                m = ERA.search(actor)
                if m and not int(m.group(1)) <= happened.year <= int(m.group(2) or 9999):
                    problems.append(f"{where}: {actor!r} used for an event in {happened.year}")
    assert not problems, "\n".join(problems[:40])


def test_coordinates_are_gazetteer_towns_inside_the_country() -> None:
    problems: list[str] = []
    for it in _items():
        for k, ev in enumerate(it["gold"]):
            where = f"{it['id']}#{k}"
            cc = COUNTRY_ISO2.get(ev["country"])
            if cc is None:
                problems.append(f"{where}: country {ev['country']!r} is not an ACLED name listed in COUNTRY_ISO2")
                continue
            lat, lon = ev["latitude"], ev["longitude"]
            lat0, lat1, lon0, lon1 = _bbox(cc)
            if not (lat0 <= lat <= lat1 and lon0 <= lon <= lon1):
                problems.append(f"{where}: ({lat}, {lon}) outside {ev['country']}'s box {(lat0, lat1, lon0, lon1)}")
            elif not _named_town_nearby(ev["location"], cc, lat, lon):
                problems.append(f"{where}: no cities500 town named {ev['location']!r} within 15 km of ({lat}, {lon})")
    assert not problems, "\n".join(problems[:40])


def test_inter_codes_follow_actor_families() -> None:
    families = (("Protesters (", 6), ("Rioters (", 5), ("Civilians (", 7), ("Unidentified Armed Group (", 3))
    problems: list[str] = []
    for it in _items():
        for ev in it["gold"]:
            for actor, code in ((ev["actor1"], ev["inter1"]), (ev["actor2"], ev["inter2"])):
                for prefix, want in families:
                    if actor.startswith(prefix) and code != want:
                        problems.append(f"{it['id']}: {actor} coded {code}, want {want}")
                if actor.startswith(("Military Forces of ", "Police Forces of ", "Government of ")):
                    own = f" of {ev['country']} (" in actor or f" of the {ev['country']} (" in actor
                    if code != (1 if own else 8):
                        problems.append(f"{it['id']}: {actor} in {ev['country']} coded {code}")
            if ev["sub_event_type"].startswith(("Peaceful protest", "Protest with", "Excessive force")):
                if not ev["actor1"].startswith("Protesters ("):
                    problems.append(f"{it['id']}: a protest event should have protesters as actor1")
    assert not problems, "\n".join(problems)


def test_weekday_words_agree_with_event_dates() -> None:
    # A wrong weekday sum is the commonest slip when turning 'on Friday' into a date. Texts that date an event
    # relative to another one ('overnight', 'hours earlier', 'a day after') are left to the reader.
    relative = re.compile(
        r"overnight|yesterday|today|hours earlier|earlier in the week|\b(?:a|one|two|three) days? ", re.IGNORECASE
    )
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
                problems.append(
                    f"{it['id']}: {happened} is a {WEEKDAYS[happened.weekday()]}, text names {sorted(named)}"
                )
    assert not problems, "\n".join(problems)


def test_negatives_have_reasons() -> None:
    negatives = [it for it in _items() if not it["gold"]]
    assert len(negatives) >= 35, len(negatives)
    assert all(it.get("note") for it in negatives), "every negative should say why it is one"


def test_coverage() -> None:
    items = _items()
    assert len(items) >= 160
    events = _events()
    per_item_country = Counter(c for it in items for c in {ev["country"] for ev in it["gold"]})
    assert len(per_item_country) >= 14, per_item_country
    assert per_item_country["Afghanistan"] >= 28, per_item_country
    for country in ("Myanmar", "Sudan", "Nigeria", "Somalia", "Mali", "Burkina Faso", "Ukraine", "Syria"):
        assert per_item_country[country] >= 4, f"{country}: {per_item_country[country]} items"
    subs = Counter(ev["sub_event_type"] for ev in events)
    for sub in SUB_TO_TYPE:
        need = 2 if sub == "Chemical weapon" else 4
        assert subs[sub] >= need, f"{sub}: {subs[sub]} events, need {need}"
    assert subs["Armed clash"] == max(subs.values()), "armed clashes should stay the commonest sub-type"
    assert sum(1 for it in items if len(it["gold"]) >= 2) >= 20
    shifted = sum(1 for it in items if any(ev["event_date"] != it["date"] for ev in it["gold"]))
    assert shifted * 2 >= len(items), "most events should be dated relative to publication, as in real news"
    assert {1, 2, 3} <= {ev["time_precision"] for ev in events}


def test_wording_is_varied() -> None:
    # The set exists to test messy news wording, so the same stock phrases must not carry every event.
    texts = [it["text"] for it in _items()]
    cues = {
        "hedged figure": r"\b(?:at least|more than|nearly|dozens|scores|hundreds)\b",
        "attribution": r"\b(?:said|told|according to|claimed)\b",
        "relative day": r"\b(?:overnight|late|early|on (?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday))\b",
        "loose week": r"\b(?:last week|this week|over the weekend|this month|earlier)\b",
    }
    for name, pattern in cues.items():
        hits = sum(1 for t in texts if re.search(pattern, t))
        assert hits >= 10, f"only {hits} texts with a {name}"
    battle_verbs = ("overran", "seized", "fell to", "retook", "recaptured", "wrested", "pushed", "took control")
    assert sum(1 for v in battle_verbs if any(v in t for t in texts)) >= 6
    clash_phrases = ("exchanged fire", "gun battle", "heavy fighting", "repelled", "came under attack", "traded fire")
    assert sum(1 for v in clash_phrases if any(v in t.lower() for t in texts)) >= 5
