"""Consistency checks of the fresh blind sets (tests/data/fresh_acled.csv, tests/data/fresh_snippets.jsonl).

These sets are for measurement only: the checks look at the hand-coded files themselves (taxonomy, dates, weekdays,
places, actor eras and families, coverage) and never at the extractor's output.
"""

from __future__ import annotations

import collections
import csv
import datetime as dt
import json
import re
from functools import cache
from pathlib import Path
from typing import Any

import pytest
from devset_tools import gazetteer_cities, gold_event_problems, nearest_town_km

DATA = Path(__file__).parent / "data"
CSV_PATH = DATA / "fresh_acled.csv"
JSONL_PATH = DATA / "fresh_snippets.jsonl"
ERAS_PATH = Path(__file__).parents[1] / "src" / "frontlines" / "data" / "state_eras.json"

ACLED_COLUMNS = (
    "event_id_cnty,event_date,year,time_precision,disorder_type,event_type,sub_event_type,actor1,assoc_actor_1,inter1,"
    "actor2,assoc_actor_2,inter2,interaction,civilian_targeting,iso,region,country,admin1,admin2,admin3,location,"
    "latitude,longitude,geo_precision,source,source_scale,notes,fatalities,tags,timestamp"
).split(",")

SUB_TYPES: dict[str, str] = {
    "Armed clash": "Battles",
    "Government regains territory": "Battles",
    "Non-state actor overtakes territory": "Battles",
    "Chemical weapon": "Explosions/Remote violence",
    "Air/drone strike": "Explosions/Remote violence",
    "Suicide bomb": "Explosions/Remote violence",
    "Shelling/artillery/missile attack": "Explosions/Remote violence",
    "Remote explosive/landmine/IED": "Explosions/Remote violence",
    "Grenade": "Explosions/Remote violence",
    "Sexual violence": "Violence against civilians",
    "Attack": "Violence against civilians",
    "Abduction/forced disappearance": "Violence against civilians",
    "Peaceful protest": "Protests",
    "Protest with intervention": "Protests",
    "Excessive force against protesters": "Protests",
    "Violent demonstration": "Riots",
    "Mob violence": "Riots",
    "Agreement": "Strategic developments",
    "Arrests": "Strategic developments",
    "Change to group/activity": "Strategic developments",
    "Disrupted weapons use": "Strategic developments",
    "Headquarters or base established": "Strategic developments",
    "Looting/property destruction": "Strategic developments",
    "Non-violent transfer of territory": "Strategic developments",
    "Other": "Strategic developments",
}

# ACLED country name -> geonames country codes whose towns bound it (Hong Kong is coded under China).
COUNTRY_CODES: dict[str, tuple[str, ...]] = {
    "Afghanistan": ("AF",),
    "Pakistan": ("PK",),
    "India": ("IN",),
    "Bangladesh": ("BD",),
    "Nepal": ("NP",),
    "Sri Lanka": ("LK",),
    "Myanmar": ("MM",),
    "Philippines": ("PH",),
    "Thailand": ("TH",),
    "Indonesia": ("ID",),
    "Syria": ("SY",),
    "Iraq": ("IQ",),
    "Yemen": ("YE",),
    "Lebanon": ("LB",),
    "Israel": ("IL",),
    "Palestine": ("PS",),
    "Iran": ("IR",),
    "Turkey": ("TR",),
    "Egypt": ("EG",),
    "Libya": ("LY",),
    "Tunisia": ("TN",),
    "Sudan": ("SD",),
    "South Sudan": ("SS",),
    "Ethiopia": ("ET",),
    "Somalia": ("SO",),
    "Kenya": ("KE",),
    "Uganda": ("UG",),
    "Democratic Republic of Congo": ("CD",),
    "Central African Republic": ("CF",),
    "Cameroon": ("CM",),
    "Chad": ("TD",),
    "Nigeria": ("NG",),
    "Niger": ("NE",),
    "Mali": ("ML",),
    "Burkina Faso": ("BF",),
    "Benin": ("BJ",),
    "Togo": ("TG",),
    "Senegal": ("SN",),
    "Guinea": ("GN",),
    "Mozambique": ("MZ",),
    "South Africa": ("ZA",),
    "Zimbabwe": ("ZW",),
    "Ukraine": ("UA",),
    "Russia": ("RU",),
    "Armenia": ("AM",),
    "Azerbaijan": ("AZ",),
    "Georgia": ("GE",),
    "France": ("FR",),
    "Serbia": ("RS",),
    "Mexico": ("MX",),
    "Colombia": ("CO",),
    "Venezuela": ("VE",),
    "Haiti": ("HT",),
    "Ecuador": ("EC",),
    "Peru": ("PE",),
    "Chile": ("CL",),
    "Bolivia": ("BO",),
    "Brazil": ("BR",),
    "Honduras": ("HN",),
    "Nicaragua": ("NI",),
    "Guatemala": ("GT",),
    "El Salvador": ("SV",),
    "Burundi": ("BI",),
    "United States": ("US",),
    "United Kingdom": ("GB",),
    "Germany": ("DE",),
    "Argentina": ("AR",),
    "China": ("CN", "HK"),
    "Ghana": ("GH",),
    "Ivory Coast": ("CI",),
    "Algeria": ("DZ",),
    "Morocco": ("MA",),
    "Jordan": ("JO",),
    "Kyrgyzstan": ("KG",),
    "Tajikistan": ("TJ",),
    "Belarus": ("BY",),
    "Papua New Guinea": ("PG",),
    "Saudi Arabia": ("SA",),
    "Rwanda": ("RW",),
    "Eritrea": ("ER",),
}
ISO3 = {
    "AF": "AFG",
    "PK": "PAK",
    "IN": "IND",
    "BD": "BGD",
    "NP": "NPL",
    "LK": "LKA",
    "MM": "MMR",
    "PH": "PHL",
    "TH": "THA",
    "ID": "IDN",
    "SY": "SYR",
    "IQ": "IRQ",
    "YE": "YEM",
    "LB": "LBN",
    "IL": "ISR",
    "PS": "PSE",
    "IR": "IRN",
    "TR": "TUR",
    "EG": "EGY",
    "LY": "LBY",
    "TN": "TUN",
    "SD": "SDN",
    "SS": "SSD",
    "ET": "ETH",
    "SO": "SOM",
    "KE": "KEN",
    "UG": "UGA",
    "CD": "COD",
    "CF": "CAF",
    "CM": "CMR",
    "TD": "TCD",
    "NG": "NGA",
    "NE": "NER",
    "ML": "MLI",
    "BF": "BFA",
    "BJ": "BEN",
    "TG": "TGO",
    "SN": "SEN",
    "GN": "GIN",
    "MZ": "MOZ",
    "ZA": "ZAF",
    "ZW": "ZWE",
    "UA": "UKR",
    "RU": "RUS",
    "AM": "ARM",
    "GE": "GEO",
    "FR": "FRA",
    "RS": "SRB",
    "MX": "MEX",
    "CO": "COL",
    "HT": "HTI",
    "EC": "ECU",
    "PE": "PER",
    "CL": "CHL",
    "BO": "BOL",
    "BR": "BRA",
    "HN": "HND",
    "NI": "NIC",
    "VE": "VEN",
}
# Country named in a state actor ("Military Forces of the United States") -> its state_eras.json key.
STATE_KEYS = {name: codes[0] for name, codes in COUNTRY_CODES.items()}

# Non-state actors used in the sets, by ACLED inter code (families matched by pattern are handled in inter_of).
REBELS = {
    "Taliban",
    "Islamic State (Afghanistan)",
    "NRF: National Resistance Front",
    "AFF: Afghanistan Freedom Front",
    "TTP: Tehreek-i-Taliban Pakistan",
    "BLA: Baloch Liberation Army",
    "JeM: Jaish-e-Mohammad",
    "CPI (Maoist): Communist Party of India (Maoist)",
    "ARSA: Arakan Rohingya Salvation Army",
    "MNDAA: Myanmar National Democratic Alliance Army",
    "AA: Arakan Army",
    "KIA: Kachin Independence Army",
    "PDF: People's Defence Force",
    "NPA: New People's Army",
    "HTS: Hayat Tahrir al Sham",
    "SDF: Syrian Democratic Forces",
    "Islamic State (Iraq)",
    "PKK: Kurdistan Workers Party",
    "AQAP: Al Qaeda in the Arabian Peninsula",
    "Rapid Support Forces",
    "TPLF: Tigray People's Liberation Front",
    "Al Shabaab",
    "ADF: Allied Democratic Forces",
    "M23: March 23 Movement",
    "CPC: Coalition of Patriots for Change",
    "Ambazonian Separatists",
    "Boko Haram - Jamaatu Ahli is-Sunnah lid-Dawati wal-Jihad",
    "Islamic State (West Africa) - Lake Chad Faction",
    "Islamic State (Sahel)",
    "JNIM: Group for Support of Islam and Muslims",
    "CSP-PSD: Permanent Strategic Framework for Peace, Security, and Development",
    "Islamic State (Mozambique)",
    "ELN: National Liberation Army",
    "SPLM/A-IO: Sudan People's Liberation Movement/Army-in-Opposition",
}
POLITICAL_MILITIAS = {
    "Hezbollah",
    "Sinaloa Cartel",
    "CJNG: Jalisco New Generation Cartel",
    "Barrio 18",
    "MS-13: Mara Salvatrucha",
    "CODECO: Cooperative for Development of Congo",
    "Wazalendo",
}
IDENTITY_MILITIAS = {"Dan Na Ambassagou"}
EXTERNAL = {
    "Wagner Group",
    "MONUSCO: United Nations Organization Stabilization Mission in the Democratic Republic of Congo (2010-)",
}
STATE_RE = re.compile(
    r"^(Military Forces|Police Forces|Government) of (?:the )?(.+?) \((\d{4}(?:-\d{4}|-)?)\)(?: (.+))?$"
)
WEEKDAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
MONTHS = ("January February March April May June July August September October November December").split()


# ---------------------------------------------------------------- helpers


@cache
def csv_rows() -> tuple[dict[str, str], ...]:
    with CSV_PATH.open(newline="", encoding="utf-8") as f:
        return tuple(csv.DictReader(f))


@cache
def items() -> tuple[dict[str, Any], ...]:
    return tuple(json.loads(line) for line in JSONL_PATH.read_text(encoding="utf-8").splitlines() if line.strip())


@cache
def eras() -> dict[str, list[list[Any]]]:
    return json.loads(ERAS_PATH.read_text(encoding="utf-8"))["eras"]


@cache
def boxes() -> dict[str, tuple[float, float, float, float]]:
    """A rough box per country: the extent of its gazetteer towns, widened by half a degree."""
    ext: dict[str, list[float]] = {}
    for city in gazetteer_cities():
        lat, lon = float(city["latitude"]), float(city["longitude"])
        e = ext.setdefault(str(city["countrycode"]), [lat, lat, lon, lon])
        e[0], e[1], e[2], e[3] = min(e[0], lat), max(e[1], lat), min(e[2], lon), max(e[3], lon)
    return {cc: (e[0] - 0.5, e[1] + 0.5, e[2] - 0.5, e[3] + 0.5) for cc, e in ext.items()}


def in_country(country: str, lat: float, lon: float) -> bool:
    for cc in COUNTRY_CODES[country]:
        s, n, w, e = boxes()[cc]
        if s <= lat <= n and w <= lon <= e:
            return True
    return False


def state_problem(name: str, day: dt.date) -> str | None:
    """Why a state actor's name does not fit the era active on ``day`` (None when it fits or is not a state)."""
    m = STATE_RE.match(name)
    if not m:
        return None
    country, label, suffix = m.group(2), m.group(3), m.group(4)
    key = STATE_KEYS.get(country)
    if key is None or key not in eras():
        return f"no eras for {country}"
    for era in eras()[key]:
        start = dt.date.fromisoformat(era[0])
        end = dt.date.fromisoformat(era[1]) if era[1] else dt.date.max
        if start <= day < end:
            if era[2] != label:
                return f"era {era[2]} active, not {label}"
            if len(era) > 3 and suffix != era[3]:
                return f"government suffix should be {era[3]}"
            return None
    return "no era active"


def inter_of(name: str, country: str) -> int:
    m = STATE_RE.match(name)
    if m:
        return 1 if m.group(2) == country else 8
    for prefix, code in (("Protesters (", 6), ("Rioters (", 5), ("Civilians (", 7), ("Unidentified Armed Group (", 3)):
        if name.startswith(prefix):
            return code
    if re.search(r"(Ethnic|Clan|Communal) Militia \(", name) or name in IDENTITY_MILITIAS:
        return 4
    if name in REBELS:
        return 2
    if name in POLITICAL_MILITIAS:
        return 3
    if name in EXTERNAL:
        return 8
    raise AssertionError(f"unknown actor {name!r}")


def expected_civ_targeting(sub: str, actor2: str) -> str:
    et = SUB_TYPES[sub]
    if et == "Violence against civilians":
        return "Civilian targeting"
    if actor2.startswith("Civilians (") and (et == "Explosions/Remote violence" or sub == "Mob violence"):
        return "Civilian targeting"
    return ""


def disorder_of(sub: str) -> str:
    if sub == "Mob violence":
        return "Political violence; Demonstrations"
    return {
        "Protests": "Demonstrations",
        "Riots": "Demonstrations",
        "Strategic developments": "Strategic developments",
    }.get(SUB_TYPES[sub], "Political violence")


def long_date(day: dt.date) -> str:
    return f"{day.day} {MONTHS[day.month - 1]} {day.year}"


def latest_weekday(name: str, pub: dt.date) -> dt.date:
    return pub - dt.timedelta(days=(pub.weekday() - WEEKDAYS.index(name)) % 7)


def decimals(text: str) -> int:
    return len(text.split(".")[1]) if "." in text else 0


# ---------------------------------------------------------------- CSV


def test_csv_header_and_size() -> None:
    with CSV_PATH.open(newline="", encoding="utf-8") as f:
        assert next(csv.reader(f)) == ACLED_COLUMNS
    assert len(csv_rows()) == 160


def test_csv_ids_unique_and_prefixed() -> None:
    ids = [r["event_id_cnty"] for r in csv_rows()]
    assert len(set(ids)) == len(ids)
    for r in csv_rows():
        m = re.fullmatch(r"([A-Z]{3})(\d{5})", r["event_id_cnty"])
        assert m, r["event_id_cnty"]
        assert int(m.group(2)) >= 97001
        assert m.group(1) == ISO3[COUNTRY_CODES[r["country"]][0]], r["event_id_cnty"]


def test_csv_taxonomy() -> None:
    for r in csv_rows():
        assert SUB_TYPES.get(r["sub_event_type"]) == r["event_type"], r["event_id_cnty"]
        assert r["disorder_type"] == disorder_of(r["sub_event_type"]), r["event_id_cnty"]


def test_csv_dates_and_notes() -> None:
    for r in csv_rows():
        rid, day, tp, notes = (
            r["event_id_cnty"],
            dt.date.fromisoformat(r["event_date"]),
            int(r["time_precision"]),
            r["notes"],
        )
        assert int(r["year"]) == day.year, rid
        assert dt.date(2018, 1, 1) <= day <= dt.date(2025, 12, 31), rid
        assert tp in (1, 2, 3), rid
        assert dt.datetime.fromtimestamp(int(r["timestamp"]), dt.UTC).date() > day, rid
        if tp == 1:
            assert notes.startswith(f"On {long_date(day)}, "), rid
        elif tp == 2:
            m = re.match(r"Between (\d+)(?: (\w+))?(?: (\d{4}))? and (\d+) (\w+) (\d{4}),", notes)
            assert m, rid
            first = dt.date(int(m.group(3) or m.group(6)), MONTHS.index(m.group(2) or m.group(5)) + 1, int(m.group(1)))
            last = dt.date(int(m.group(6)), MONTHS.index(m.group(5)) + 1, int(m.group(4)))
            assert first == day < last, rid
            assert (last - day).days <= 10, rid
        else:
            assert day.day in (1, 15), rid
            assert notes.startswith(f"On {long_date(day)} (month of), "), rid


def test_csv_places() -> None:
    for r in csv_rows():
        rid, lat, lon = r["event_id_cnty"], float(r["latitude"]), float(r["longitude"])
        assert decimals(r["latitude"]) == 4 and decimals(r["longitude"]) == 4, rid
        assert int(r["geo_precision"]) in (1, 2, 3), rid
        assert in_country(r["country"], lat, lon), (rid, r["country"], lat, lon)
        near = min(nearest_town_km(r["location"], lat, lon, cc) for cc in COUNTRY_CODES[r["country"]])
        assert near < 5, (rid, r["location"], near)
        assert r["admin1"] and r["admin2"], rid
        assert not re.search(r"\b(Province|State|Region|Governorate)$", r["admin1"]), rid
        if r["geo_precision"] == "1":
            assert f"({r['admin2']}, {r['admin1']})" in r["notes"], rid
        else:
            assert r["admin1"] in r["notes"], rid
        assert int(r["iso"]) > 0 and r["region"], rid


def test_csv_actors_inter_and_eras() -> None:
    for r in csv_rows():
        rid, day, country = r["event_id_cnty"], dt.date.fromisoformat(r["event_date"]), r["country"]
        i1, i2 = int(r["inter1"]), int(r["inter2"])
        assert i1 == inter_of(r["actor1"], country), rid
        assert i2 == (inter_of(r["actor2"], country) if r["actor2"] else 0), rid
        expected = int(f"{min(i1, i2)}{max(i1, i2)}") if i2 else i1 * 10
        assert int(r["interaction"]) == expected, rid
        names = [r["actor1"], r["actor2"], *r["assoc_actor_1"].split("; "), *r["assoc_actor_2"].split("; ")]
        for name in filter(None, names):
            assert state_problem(name, day) is None, (rid, name, state_problem(name, day))
        assert r["civilian_targeting"] == expected_civ_targeting(r["sub_event_type"], r["actor2"]), rid
        if SUB_TYPES[r["sub_event_type"]] in ("Protests",):
            assert r["actor1"].startswith("Protesters ("), rid
        if r["sub_event_type"] == "Violent demonstration":
            assert r["actor1"].startswith("Rioters ("), rid
        if SUB_TYPES[r["sub_event_type"]] == "Violence against civilians":
            assert r["actor2"].startswith("Civilians ("), rid


def test_csv_fatalities_and_tags() -> None:
    for r in csv_rows():
        assert int(r["fatalities"]) >= 0, r["event_id_cnty"]
        if SUB_TYPES[r["sub_event_type"]] in ("Protests", "Riots"):
            assert r["tags"].startswith("crowd size="), r["event_id_cnty"]
            assert "[size=" in r["notes"], r["event_id_cnty"]
        if r["sub_event_type"] == "Peaceful protest":
            assert int(r["fatalities"]) == 0 and not r["actor2"], r["event_id_cnty"]


def test_csv_coverage() -> None:
    rows = csv_rows()
    subs = collections.Counter(r["sub_event_type"] for r in rows)
    assert set(subs) == set(SUB_TYPES)
    assert min(subs.values()) >= 3, subs
    assert len({r["country"] for r in rows}) >= 40
    afghan = [r for r in rows if r["country"] == "Afghanistan"]
    assert 25 <= len(afghan) <= 35
    cut = dt.date(2021, 8, 15)
    assert sum(dt.date.fromisoformat(r["event_date"]) <= cut for r in afghan) >= 10
    assert sum(dt.date.fromisoformat(r["event_date"]) > cut for r in afghan) >= 10
    assert {r["time_precision"] for r in rows} == {"1", "2", "3"}
    assert {r["geo_precision"] for r in rows} == {"1", "2", "3"}
    regions = collections.Counter(r["region"] for r in rows)
    for region in ("Western Africa", "Eastern Africa", "Middle East", "South Asia", "Southeast Asia", "South America"):
        assert regions[region] >= 4, regions
    assert sum(r["country"] == "Ukraine" for r in rows) >= 5
    families = collections.Counter(int(r["inter1"]) for r in rows) + collections.Counter(int(r["inter2"]) for r in rows)
    assert all(families[code] >= 3 for code in range(1, 9)), families


# ---------------------------------------------------------------- JSONL


def test_snippets_fields_and_ids() -> None:
    its = items()
    assert len(its) == 160
    ids = [it["id"] for it in its]
    assert ids == [f"fresh-{n:03d}" for n in range(1, 161)]
    for it in its:
        assert set(it) <= {"id", "date", "text", "gold", "note"}, it["id"]
        for ev in it["gold"]:
            assert gold_event_problems(it["id"], ev) == []
            assert SUB_TYPES.get(ev["sub_event_type"]) == ev["event_type"], it["id"]


def test_snippets_text_style() -> None:
    for it in items():
        text = it["text"]
        sentences = [s for s in re.split(r"(?<=[.!?])\s+(?=[A-Z])", text) if s]
        assert 1 <= len(sentences) <= 3, it["id"]
        assert not re.match(r"On \d{1,2} [A-Z][a-z]+ \d{4}", text), it["id"]  # not ACLED-notes style
        assert "(month of)" not in text and "{" not in text, it["id"]


def test_snippets_dates() -> None:
    for it in items():
        pub = dt.date.fromisoformat(it["date"])
        dates = set()
        for ev in it["gold"]:
            day = dt.date.fromisoformat(ev["event_date"])
            assert day <= pub, it["id"]
            assert (pub - day).days <= 45, it["id"]
            assert ev["time_precision"] in (1, 2, 3), it["id"]
            if ev["time_precision"] == 3:
                assert day.day in (1, 15), it["id"]
            dates.add(day)
        for name in re.findall(r"\bon (Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)\b", it["text"]):
            # every "on <weekday>" of a coded item is an event's day or the day of a statement (publication)
            resolved = latest_weekday(name, pub)
            assert resolved in dates | {pub} or not it["gold"], (it["id"], name, resolved)
        if it["gold"] and "overnight" in it["text"]:
            assert pub - dt.timedelta(days=1) in dates, it["id"]
        if "last week" in it["text"]:
            wednesday = pub - dt.timedelta(days=pub.weekday() + 5)
            assert any(ev["event_date"] == wednesday.isoformat() and ev["time_precision"] == 2 for ev in it["gold"])
        if "earlier this month" in it["text"]:
            assert any(ev["time_precision"] == 3 and ev["event_date"][:7] == it["date"][:7] for ev in it["gold"]), it[
                "id"
            ]


def test_snippets_places() -> None:
    for it in items():
        for ev in it["gold"]:
            lat, lon = ev["latitude"], ev["longitude"]
            assert in_country(ev["country"], lat, lon), (it["id"], ev["country"], lat, lon)
            near = min(nearest_town_km(ev["location"], lat, lon, cc) for cc in COUNTRY_CODES[ev["country"]])
            assert near < 5, (it["id"], ev["location"], near)
            assert not re.search(r"\b(Province|State|Region|Governorate)$", ev["admin1"]), it["id"]


def test_snippets_actors_inter_and_eras() -> None:
    for it in items():
        for ev in it["gold"]:
            day = dt.date.fromisoformat(ev["event_date"])
            assert ev["inter1"] == inter_of(ev["actor1"], ev["country"]), it["id"]
            assert ev["inter2"] == (inter_of(ev["actor2"], ev["country"]) if ev["actor2"] else 0), it["id"]
            for name in filter(None, (ev["actor1"], ev["actor2"])):
                assert state_problem(name, day) is None, (it["id"], name, state_problem(name, day))
            assert ev["civilian_targeting"] == expected_civ_targeting(ev["sub_event_type"], ev["actor2"]), it["id"]
            assert ev["fatalities"] >= 0, it["id"]
            if ev["event_type"] == "Protests":
                assert ev["actor1"].startswith("Protesters ("), it["id"]
            if ev["event_type"] == "Violence against civilians":
                assert ev["actor2"].startswith("Civilians ("), it["id"]


def test_snippets_coverage() -> None:
    its = items()
    negatives = [it for it in its if not it["gold"]]
    assert 18 <= len(negatives) <= 22
    assert all(it.get("note") for it in negatives)
    assert sum(len(it["gold"]) >= 2 for it in its) >= 15
    events = [ev for it in its for ev in it["gold"]]
    assert set(ev["sub_event_type"] for ev in events) == set(SUB_TYPES)
    assert len({ev["country"] for ev in events}) >= 45
    crowd = sum(any(ev["event_type"] in ("Protests", "Riots") for ev in it["gold"]) for it in its)
    assert 0.2 <= crowd / len(its) <= 0.3, crowd
    assert sum(ev["time_precision"] > 1 for ev in events) >= 5
    assert sum(ev["event_date"] != it["date"] for it in its for ev in it["gold"]) >= 100


@pytest.mark.parametrize("path", [CSV_PATH, JSONL_PATH])
def test_sets_are_utf8_without_stray_whitespace(path: Path) -> None:
    text = path.read_text(encoding="utf-8")
    assert text.endswith("\n")
    assert "\t" not in text
