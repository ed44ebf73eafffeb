"""Consistency checks of the hand-coded tuning sets `tune_acled.csv` and `tune_snippets.jsonl`.

These tests look only at the two data files (never at the extractor's output): taxonomy, dates and precision,
weekdays, coordinates, state-actor eras, actor families and inter codes, coverage and ids.
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
from devset_tools import gold_event_problems, nearest_town_km

ROOT = Path(__file__).resolve().parents[1]
DATA = ROOT / "tests" / "data"
CSV_PATH = DATA / "tune_acled.csv"
JSONL_PATH = DATA / "tune_snippets.jsonl"
ERAS_PATH = ROOT / "src" / "frontlines" / "data" / "state_eras.json"

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

# ACLED country name -> (ISO2, ISO3, ISO numeric, region, rough bounding box lat_min, lat_max, lon_min, lon_max)
COUNTRIES: dict[str, tuple[str, str, int, str, tuple[float, float, float, float]]] = {
    "Afghanistan": ("AF", "AFG", 4, "South Asia", (29.3, 38.5, 60.5, 75.0)),
    "Pakistan": ("PK", "PAK", 586, "South Asia", (23.6, 37.1, 60.8, 77.9)),
    "India": ("IN", "IND", 356, "South Asia", (6.5, 35.7, 68.1, 97.5)),
    "Bangladesh": ("BD", "BGD", 50, "South Asia", (20.5, 26.7, 88.0, 92.7)),
    "Nepal": ("NP", "NPL", 524, "South Asia", (26.3, 30.5, 80.0, 88.3)),
    "Sri Lanka": ("LK", "LKA", 144, "South Asia", (5.9, 9.9, 79.5, 82.0)),
    "Myanmar": ("MM", "MMR", 104, "Southeast Asia", (9.5, 28.6, 92.1, 101.2)),
    "Philippines": ("PH", "PHL", 608, "Southeast Asia", (4.5, 21.2, 116.9, 126.7)),
    "Thailand": ("TH", "THA", 764, "Southeast Asia", (5.6, 20.5, 97.3, 105.7)),
    "Indonesia": ("ID", "IDN", 360, "Southeast Asia", (-11.1, 6.1, 95.0, 141.1)),
    "Nigeria": ("NG", "NGA", 566, "Western Africa", (4.2, 13.9, 2.6, 14.7)),
    "Mali": ("ML", "MLI", 466, "Western Africa", (10.1, 25.0, -12.3, 4.3)),
    "Burkina Faso": ("BF", "BFA", 854, "Western Africa", (9.4, 15.1, -5.6, 2.5)),
    "Niger": ("NE", "NER", 562, "Western Africa", (11.6, 23.6, 0.1, 16.0)),
    "Senegal": ("SN", "SEN", 686, "Western Africa", (12.3, 16.7, -17.6, -11.3)),
    "Guinea": ("GN", "GIN", 324, "Western Africa", (7.1, 12.7, -15.1, -7.6)),
    "Chad": ("TD", "TCD", 148, "Middle Africa", (7.4, 23.5, 13.4, 24.1)),
    "Cameroon": ("CM", "CMR", 120, "Middle Africa", (1.6, 13.1, 8.4, 16.2)),
    "Democratic Republic of Congo": ("CD", "COD", 180, "Middle Africa", (-13.5, 5.4, 12.1, 31.4)),
    "Central African Republic": ("CF", "CAF", 140, "Middle Africa", (2.2, 11.1, 14.4, 27.5)),
    "Sudan": ("SD", "SDN", 729, "Northern Africa", (8.6, 22.3, 21.8, 38.6)),
    "Libya": ("LY", "LBY", 434, "Northern Africa", (19.5, 33.2, 9.3, 25.2)),
    "Egypt": ("EG", "EGY", 818, "Northern Africa", (22.0, 31.7, 24.7, 36.9)),
    "Tunisia": ("TN", "TUN", 788, "Northern Africa", (30.2, 37.6, 7.5, 11.6)),
    "South Sudan": ("SS", "SSD", 728, "Eastern Africa", (3.4, 12.3, 23.4, 36.0)),
    "Somalia": ("SO", "SOM", 706, "Eastern Africa", (-1.7, 12.0, 40.9, 51.5)),
    "Ethiopia": ("ET", "ETH", 231, "Eastern Africa", (3.4, 14.9, 33.0, 48.0)),
    "Kenya": ("KE", "KEN", 404, "Eastern Africa", (-4.7, 5.1, 33.9, 41.9)),
    "Uganda": ("UG", "UGA", 800, "Eastern Africa", (-1.5, 4.3, 29.5, 35.1)),
    "Burundi": ("BI", "BDI", 108, "Eastern Africa", (-4.5, -2.3, 29.0, 30.9)),
    "Mozambique": ("MZ", "MOZ", 508, "Southern Africa", (-26.9, -10.4, 30.2, 40.9)),
    "South Africa": ("ZA", "ZAF", 710, "Southern Africa", (-34.9, -22.1, 16.4, 32.9)),
    "Syria": ("SY", "SYR", 760, "Middle East", (32.3, 37.4, 35.7, 42.4)),
    "Iraq": ("IQ", "IRQ", 368, "Middle East", (29.0, 37.4, 38.8, 48.6)),
    "Yemen": ("YE", "YEM", 887, "Middle East", (12.1, 19.0, 42.5, 54.6)),
    "Israel": ("IL", "ISR", 376, "Middle East", (29.4, 33.4, 34.2, 35.9)),
    "Palestine": ("PS", "PSE", 275, "Middle East", (31.2, 32.6, 34.2, 35.6)),
    "Lebanon": ("LB", "LBN", 422, "Middle East", (33.0, 34.7, 35.1, 36.7)),
    "Iran": ("IR", "IRN", 364, "Middle East", (25.0, 39.8, 44.0, 63.4)),
    "Turkey": ("TR", "TUR", 792, "Middle East", (35.8, 42.2, 25.6, 44.9)),
    "Qatar": ("QA", "QAT", 634, "Middle East", (24.4, 26.2, 50.7, 51.7)),
    "Ukraine": ("UA", "UKR", 804, "Europe", (44.3, 52.4, 22.1, 40.3)),
    "Russia": ("RU", "RUS", 643, "Europe", (41.1, 82.0, 19.6, 180.0)),
    "France": ("FR", "FRA", 250, "Europe", (41.3, 51.2, -5.2, 9.6)),
    "Belarus": ("BY", "BLR", 112, "Europe", (51.2, 56.2, 23.1, 32.8)),
    "Serbia": ("RS", "SRB", 688, "Europe", (42.2, 46.2, 18.8, 23.1)),
    "United Kingdom": ("GB", "GBR", 826, "Europe", (49.8, 60.9, -8.7, 1.8)),
    "Georgia": ("GE", "GEO", 268, "Caucasus and Central Asia", (41.0, 43.6, 40.0, 46.8)),
    "Armenia": ("AM", "ARM", 51, "Caucasus and Central Asia", (38.8, 41.3, 43.4, 46.7)),
    "Azerbaijan": ("AZ", "AZE", 31, "Caucasus and Central Asia", (38.3, 41.95, 44.7, 50.5)),
    "Mexico": ("MX", "MEX", 484, "Central America", (14.5, 32.8, -118.5, -86.7)),
    "Honduras": ("HN", "HND", 340, "Central America", (12.9, 16.6, -89.4, -83.1)),
    "El Salvador": ("SV", "SLV", 222, "Central America", (13.1, 14.5, -90.2, -87.6)),
    "Colombia": ("CO", "COL", 170, "South America", (-4.3, 13.5, -79.1, -66.8)),
    "Brazil": ("BR", "BRA", 76, "South America", (-33.8, 5.3, -74.0, -34.7)),
    "Ecuador": ("EC", "ECU", 218, "South America", (-5.1, 1.5, -81.1, -75.1)),
    "Venezuela": ("VE", "VEN", 862, "South America", (0.6, 12.3, -73.4, -59.8)),
    "Peru": ("PE", "PER", 604, "South America", (-18.4, 0.0, -81.4, -68.6)),
    "Bolivia": ("BO", "BOL", 68, "South America", (-22.9, -9.6, -69.7, -57.4)),
    "Haiti": ("HT", "HTI", 332, "Caribbean", (18.0, 20.1, -74.5, -71.6)),
    "Cuba": ("CU", "CUB", 192, "Caribbean", (19.8, 23.3, -85.0, -74.1)),
}
# Foreign states that appear only as actors.
ACTOR_ONLY_STATES = {
    "United States": "US", "Rwanda": "RW", "Eritrea": "ER", "Saudi Arabia": "SA", "Cambodia": "KH",
}
STATE_ISO2 = {name: v[0] for name, v in COUNTRIES.items()} | ACTOR_ONLY_STATES

STATE_RE = re.compile(r"^(Military Forces|Police Forces|Government) of (?:the )?(.+?) \(([0-9-]+)\)(?: (.+))?$")
# Units that may follow a state era where the era itself has no named government.
STATE_UNITS = {"Rapid Support Forces", "Popular Mobilization Forces"}

# Non-state actors of the two files and their families.
NAMED_ACTORS: dict[str, int] = {
    "Taliban": 2, "Islamic State (Afghanistan)": 2, "NRF: National Resistance Front": 2, "Militia (Mawlawi Mehdi)": 3,
    "TTP: Tehreek-i-Taliban Pakistan": 2, "BLA: Baloch Liberation Army": 2, "JeM: Jaish-e-Mohammed": 2,
    "Al Shabaab": 2, "Islamic State (Somalia)": 2, "Ma'awisley Militia": 4,
    "Boko Haram - Jamaatu Ahli is-Sunnah lid-Dawati wal-Jihad": 2, "Islamic State (West Africa)": 2,
    "JNIM: Group for Support of Islam and Muslims": 2, "Islamic State (Sahel)": 2, "Dan Na Ambassagou": 4,
    "CSP-PSD: Permanent Strategic Framework for Peace, Security and Development": 2, "Koglweogo Militia": 4,
    "FACT: Front for Change and Concord in Chad": 2, "Ambazonian Separatists": 2,
    "M23: March 23 Movement": 2, "ADF: Allied Democratic Forces": 2, "CODECO: Cooperative for Development of Congo": 2,
    "Wazalendo": 3, "CPC: Coalition of Patriots for Change": 2, "Rapid Support Forces": 2,
    "TPLF: Tigray People's Liberation Front": 2, "OLA: Oromo Liberation Army": 2, "Fano Militia": 3,
    "Islamic State (Mozambique)": 2, "Islamic State (Syria)": 2, "Islamic State (Iraq)": 2,
    "SDF: Syrian Democratic Forces": 2, "HTS: Hayat Tahrir al Sham": 2, "SNA: Syrian National Army": 2,
    "PKK: Kurdistan Workers Party": 2, "Saraya al Salam": 3, "AQAP: Al Qaeda in the Arabian Peninsula": 2,
    "STC: Southern Transitional Council": 3, "Hamas Movement": 2, "Jenin Brigade": 2, "Hezbollah": 2,
    "Settlers (Israel)": 3, "Arakan Army": 2, "PDF: People's Defense Force": 2, "KIA: Kachin Independence Army": 2,
    "MNDAA: Myanmar National Democratic Alliance Army": 2, "TNLA: Ta'ang National Liberation Army": 2,
    "NPA: New People's Army": 2, "Maute Group": 2, "Islamic State (Philippines)": 2,
    "TPNPB: West Papua National Liberation Army": 2, "CPI (Maoist): Communist Party of India (Maoist)": 2,
    "ELN: National Liberation Army": 2, "EMC: Central General Staff": 2, "FARC Dissidents": 2, "Clan del Golfo": 3,
    "Sinaloa Cartel": 3, "CJNG: Jalisco New Generation Cartel": 3, "Los Choneros": 3, "Los Lobos": 3,
    "Los Tiguerones": 3, "Comando Vermelho": 3, "Viv Ansanm": 3, "400 Mawozo": 3, "Wharf Jeremie Gang": 3,
    "Gran Grif": 3, "Barrio 18": 3, "Militia (Pro-Government)": 3, "Artsakh Defence Army": 2,
    "Wagner Group": 8, "UN: United Nations": 8,
    "MONUSCO: United Nations Organization Stabilization Mission in the Democratic Republic of Congo": 8,
    "3R: Return, Reclamation, Rehabilitation": 2,
}
IDENTITY_MARKERS = ("Ethnic Militia (", "Communal Militia (", "Clan Militia (", "Tribal Militia (")
PREFIX_FAMILIES = {"Protesters (": 6, "Rioters (": 5, "Civilians (": 7, "Unidentified Armed Group (": 3}

WEEKDAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]
MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
          "November", "December"]


@cache
def eras() -> dict[str, list[list[Any]]]:
    return json.loads(ERAS_PATH.read_text())["eras"]


@cache
def csv_rows() -> tuple[dict[str, str], ...]:
    with CSV_PATH.open(newline="") as f:
        return tuple(csv.DictReader(f))


@cache
def csv_header() -> tuple[str, ...]:
    with CSV_PATH.open(newline="") as f:
        return tuple(next(csv.reader(f)))


@cache
def items() -> tuple[dict[str, Any], ...]:
    return tuple(json.loads(line) for line in JSONL_PATH.read_text().splitlines() if line.strip())


def gold_events() -> list[tuple[dict[str, Any], dict[str, Any]]]:
    return [(it, ev) for it in items() for ev in it["gold"]]


def era_label(iso2: str, day: str) -> tuple[str, str | None]:
    """The era label (and named government, if any) ruling ``iso2`` on ``day``."""
    for era in eras()[iso2]:
        if era[0] <= day and (era[1] is None or day < era[1]):
            return era[2], (era[3] if len(era) > 3 else None)
    raise AssertionError(f"no era for {iso2} on {day}")


def state_problem(name: str, day: str) -> str | None:
    """Why a state actor's name does not fit the era ruling on ``day``; None when it fits or is not a state."""
    m = STATE_RE.match(name)
    if not m:
        return None
    _, country, label, suffix = m.groups()
    if country not in STATE_ISO2:
        return f"unknown state {country!r}"
    want, government = era_label(STATE_ISO2[country], day)
    if label != want:
        return f"era {label} but {want} rules on {day}"
    if government is not None and suffix != government:
        return f"government {suffix!r} but {government!r}"
    if government is None and suffix is not None and suffix not in STATE_UNITS:
        return f"unexpected suffix {suffix!r}"
    return None


def family(name: str, country: str) -> int:
    """The inter code an actor's name implies in ``country`` (0 for no actor)."""
    if not name:
        return 0
    m = STATE_RE.match(name)
    if m:
        return 1 if m.group(2) == country else 8
    for prefix, code in PREFIX_FAMILIES.items():
        if name.startswith(prefix):
            return code
    if any(marker in name for marker in IDENTITY_MARKERS):
        return 4
    if name in NAMED_ACTORS:
        return NAMED_ACTORS[name]
    raise AssertionError(f"actor without a family: {name!r}")


def in_box(country: str, lat: float, lon: float) -> bool:
    lat0, lat1, lon0, lon1 = COUNTRIES[country][4]
    return lat0 <= lat <= lat1 and lon0 <= lon <= lon1


def interaction(i1: int, i2: int) -> int:
    if i2 == 0:
        return i1 * 10
    a, b = sorted((i1, i2))
    return a * 10 + b


def civilian_targeting(sub: str, inter2: int) -> str:
    event_type = SUB_TYPES[sub]
    if event_type == "Violence against civilians":
        return "Civilian targeting"
    if event_type == "Explosions/Remote violence" and inter2 == 7:
        return "Civilian targeting"
    if sub == "Mob violence" and inter2 == 7:
        return "Civilian targeting"
    return ""


def disorder(sub: str) -> str:
    event_type = SUB_TYPES[sub]
    if sub == "Mob violence":
        return "Political violence; Demonstrations"
    if event_type in ("Protests", "Riots"):
        return "Demonstrations"
    if event_type == "Strategic developments":
        return "Strategic developments"
    return "Political violence"


# ---------------------------------------------------------------- tune_acled.csv


def test_csv_header_and_size():
    from frontlines.model import ACLED_COLUMNS

    assert csv_header() == tuple(ACLED_COLUMNS)
    assert len(csv_header()) == 31
    assert len(csv_rows()) == 200


def test_csv_ids_unique_and_numbered_by_country():
    ids = [r["event_id_cnty"] for r in csv_rows()]
    assert len(set(ids)) == len(ids)
    per_country: dict[str, list[int]] = collections.defaultdict(list)
    for r in csv_rows():
        iso3 = COUNTRIES[r["country"]][1]
        m = re.fullmatch(r"([A-Z]{3})(\d{5})", r["event_id_cnty"])
        assert m and m.group(1) == iso3, r["event_id_cnty"]
        per_country[iso3].append(int(m.group(2)))
    for iso3, numbers in per_country.items():
        assert sorted(numbers) == list(range(98001, 98001 + len(numbers))), iso3


def test_csv_taxonomy_and_disorder():
    for r in csv_rows():
        assert SUB_TYPES.get(r["sub_event_type"]) == r["event_type"], r["event_id_cnty"]
        assert r["disorder_type"] == disorder(r["sub_event_type"]), r["event_id_cnty"]


def test_csv_country_metadata():
    for r in csv_rows():
        iso2, iso3, number, region, _ = COUNTRIES[r["country"]]
        assert int(r["iso"]) == number, r["event_id_cnty"]
        assert r["region"] == region, r["event_id_cnty"]
        assert not re.search(r"\b(Province|State|Region|Governorate)$", r["admin1"]), r["admin1"]
        assert r["admin1"] and r["admin2"] and r["location"], r["event_id_cnty"]


MONTH_ALT = "|".join(MONTHS)
DATE_ON = re.compile(rf"^On (\d{{1,2}}) ({MONTH_ALT}) (\d{{4}}),")
DATE_AROUND = re.compile(rf"^Around (\d{{1,2}}) ({MONTH_ALT}) (\d{{4}}),")
DATE_SPAN = re.compile(rf"^Between (\d{{1,2}}) and (\d{{1,2}}) ({MONTH_ALT}) (\d{{4}})")
DATE_MONTH = re.compile(rf"(?:In|Between \d{{1,2}} and \d{{1,2}}) ({MONTH_ALT}) (\d{{4}}) \(month of\)")


def test_csv_dates_match_notes_and_precision():
    for r in csv_rows():
        rid, notes = r["event_id_cnty"], r["notes"]
        day = dt.date.fromisoformat(r["event_date"])
        assert int(r["year"]) == day.year, rid
        assert dt.date(2017, 1, 1) <= day <= dt.date(2025, 12, 31), rid
        tp = int(r["time_precision"])
        if m := DATE_MONTH.search(notes):
            assert tp == 3, rid
            assert (day.year, day.month) == (int(m.group(2)), MONTHS.index(m.group(1)) + 1), rid
        elif m := DATE_SPAN.match(notes):
            assert tp == 2, rid
            assert day == dt.date(int(m.group(4)), MONTHS.index(m.group(3)) + 1, int(m.group(1))), rid
            assert int(m.group(2)) > int(m.group(1)), rid
        elif m := DATE_AROUND.match(notes):
            assert tp == 2, rid
            assert day == dt.date(int(m.group(3)), MONTHS.index(m.group(2)) + 1, int(m.group(1))), rid
        elif m := DATE_ON.match(notes):
            assert tp == 1, rid
            assert day == dt.date(int(m.group(3)), MONTHS.index(m.group(2)) + 1, int(m.group(1))), rid
        else:
            pytest.fail(f"{rid}: notes do not open with an ACLED date phrase")
        stamp = dt.datetime.fromtimestamp(int(r["timestamp"]), tz=dt.UTC).date()
        assert stamp >= day, rid


def test_csv_actors_inter_codes_and_eras():
    for r in csv_rows():
        rid, country, day = r["event_id_cnty"], r["country"], r["event_date"]
        i1, i2 = int(r["inter1"]), int(r["inter2"])
        assert r["actor1"], rid
        assert family(r["actor1"], country) == i1, (rid, r["actor1"])
        assert family(r["actor2"], country) == i2, (rid, r["actor2"])
        assert (i2 == 0) == (r["actor2"] == ""), rid
        assert int(r["interaction"]) == interaction(i1, i2), rid
        for name in (r["actor1"], r["actor2"], r["assoc_actor_1"], r["assoc_actor_2"]):
            if name:
                family(name, country)
                assert state_problem(name, day) is None, (rid, name, state_problem(name, day))
        assert r["civilian_targeting"] == civilian_targeting(r["sub_event_type"], i2), rid


def test_csv_coordinates_and_places():
    for r in csv_rows():
        rid, country = r["event_id_cnty"], r["country"]
        lat, lon = float(r["latitude"]), float(r["longitude"])
        assert re.fullmatch(r"-?\d+\.\d{4}", r["latitude"]) and re.fullmatch(r"-?\d+\.\d{4}", r["longitude"]), rid
        assert in_box(country, lat, lon), (rid, lat, lon)
        assert nearest_town_km(r["location"], lat, lon, COUNTRIES[country][0]) < 1.0, (rid, r["location"])
        assert int(r["geo_precision"]) in (1, 2, 3), rid


def test_csv_fatalities():
    for r in csv_rows():
        fat = int(r["fatalities"])
        assert fat >= 0
        if re.search(r"\bNo fatalities\b", r["notes"]):
            assert fat == 0, r["event_id_cnty"]


def test_csv_coverage():
    rows = csv_rows()
    subs = collections.Counter(r["sub_event_type"] for r in rows)
    assert set(subs) == set(SUB_TYPES)
    assert min(subs.values()) >= 4, subs
    countries = collections.Counter(r["country"] for r in rows)
    assert len(countries) >= 45
    for region_countries in (
        ("Mali", "Burkina Faso", "Niger", "Nigeria", "Democratic Republic of Congo", "Sudan", "Somalia", "Ethiopia",
         "Mozambique", "Cameroon"),
        ("Syria", "Iraq", "Yemen", "Israel", "Palestine", "Lebanon"),
        ("Pakistan", "India", "Bangladesh", "Myanmar", "Philippines", "Thailand"),
        ("Mexico", "Colombia", "Brazil", "Haiti", "Ecuador"),
        ("Ukraine", "Russia"),
    ):
        assert all(countries[c] >= 1 for c in region_countries), region_countries
    afghan = [r for r in rows if r["country"] == "Afghanistan"]
    assert 30 <= len(afghan) <= 40
    assert any(r["event_date"] < "2021-08-16" for r in afghan) and any(r["event_date"] >= "2021-08-16" for r in afghan)
    assert len({r["admin1"] for r in afghan}) >= 15
    afghan_notes = " ".join(r["notes"] for r in afghan)
    for variant in ("Hilmand", "Oruzgan", "Nangrahar", "Qandahar"):
        assert variant in afghan_notes, variant
    assert {int(r["time_precision"]) for r in rows} == {1, 2, 3}
    assert {int(r["geo_precision"]) for r in rows} == {1, 2, 3}
    notes = [r["notes"] for r in rows]
    assert sum("(month of)" in n for n in notes) >= 5
    assert sum(n.startswith("Between") and "(month of)" not in n for n in notes) >= 10
    assert sum(" near " in n for n in notes) >= 20
    assert sum(bool(re.search(r" and \w[\w-]* districts \(", n)) for n in notes) >= 2
    families = collections.Counter(int(r[k]) for r in rows for k in ("inter1", "inter2"))
    assert all(families[code] >= 3 for code in range(1, 9)), families
    police = sum(r["actor1"].startswith("Police Forces") or r["actor2"].startswith("Police Forces") for r in rows)
    military = sum(r["actor1"].startswith("Military Forces") or r["actor2"].startswith("Military Forces") for r in rows)
    assert police >= 20 and military >= 50


# ---------------------------------------------------------------- tune_snippets.jsonl


def test_jsonl_ids_and_fields():
    its = items()
    assert len(its) == 200
    assert [it["id"] for it in its] == [f"tune-{n:03d}" for n in range(1, 201)]
    for it in its:
        assert set(it) <= {"id", "date", "text", "gold", "note"}, it["id"]
        assert isinstance(it["text"], str) and it["text"].strip(), it["id"]
        for ev in it["gold"]:
            assert gold_event_problems(it["id"], ev) == [], it["id"]
            assert SUB_TYPES[ev["sub_event_type"]] == ev["event_type"], it["id"]


def sentences(text: str) -> list[str]:
    return [s for s in re.split(r"(?<=[.!?])\s+(?=[A-Z'\"])", text.strip()) if s]


def test_jsonl_texts_are_short_snippets():
    for it in items():
        n = len(sentences(it["text"]))
        assert 1 <= n <= 4, (it["id"], n)  # 1-3 sentences, plus a headline for headline-first items
        assert "(month of)" not in it["text"] and not it["text"].startswith("On "), it["id"]


def resolve_weekday(pub: dt.date, weekday: str) -> dt.date:
    return pub - dt.timedelta(days=(pub.weekday() - WEEKDAYS.index(weekday)) % 7)


WEEKDAY_PHRASE = re.compile(r"\bon (?:late |early )?({})\b".format("|".join(WEEKDAYS)))
ATTRIBUTION_BEFORE = re.compile(r"\b(said|says|published|told|reported|heard)\s+$")


def test_jsonl_dates_and_relative_phrases():
    for it in items():
        pub = dt.date.fromisoformat(it["date"])
        assert dt.date(2017, 1, 1) <= pub <= dt.date(2025, 12, 31), it["id"]
        days = {dt.date.fromisoformat(ev["event_date"]) for ev in it["gold"]}
        for ev in it["gold"]:
            day = dt.date.fromisoformat(ev["event_date"])
            assert day <= pub, it["id"]
            assert ev["time_precision"] in (1, 2, 3), it["id"]
        if not it["gold"]:
            continue
        text = it["text"]
        for m in WEEKDAY_PHRASE.finditer(text):
            if ATTRIBUTION_BEFORE.search(text[: m.start()]):
                continue
            assert resolve_weekday(pub, m.group(1)) in days, (it["id"], m.group(0))
        if "overnight" in text or "yesterday" in text:
            assert pub - dt.timedelta(days=1) in days, it["id"]
        if "last week" in text:
            wednesday = pub - dt.timedelta(days=pub.weekday() + 5)
            assert any(dt.date.fromisoformat(e["event_date"]) == wednesday and e["time_precision"] == 2
                       for e in it["gold"]), it["id"]
        if "over the weekend" in text:
            assert any(dt.date.fromisoformat(e["event_date"]).weekday() == 5 and e["time_precision"] == 2
                       for e in it["gold"]), it["id"]
        if "earlier this month" in text:
            assert any(e["time_precision"] == 3 for e in it["gold"]), it["id"]


def test_jsonl_actors_inter_codes_and_eras():
    for it, ev in gold_events():
        country = ev["country"]
        assert country in COUNTRIES, (it["id"], country)
        assert ev["actor1"], it["id"]
        assert family(ev["actor1"], country) == ev["inter1"], (it["id"], ev["actor1"])
        assert family(ev["actor2"], country) == ev["inter2"], (it["id"], ev["actor2"])
        assert (ev["inter2"] == 0) == (ev["actor2"] == ""), it["id"]
        for name in (ev["actor1"], ev["actor2"]):
            if name:
                assert state_problem(name, ev["event_date"]) is None, (it["id"], name)
        assert ev["civilian_targeting"] == civilian_targeting(ev["sub_event_type"], ev["inter2"]), it["id"]
        assert ev["fatalities"] >= 0, it["id"]
        assert not re.search(r"\b(Province|State|Governorate)$", ev["admin1"]), it["id"]


def test_jsonl_coordinates():
    for it, ev in gold_events():
        lat, lon, country = ev["latitude"], ev["longitude"], ev["country"]
        assert in_box(country, lat, lon), (it["id"], lat, lon)
        assert nearest_town_km(ev["location"], lat, lon, COUNTRIES[country][0]) < 0.5, (it["id"], ev["location"])


def test_jsonl_negatives_and_notes():
    negatives = [it for it in items() if not it["gold"]]
    assert 20 <= len(negatives) <= 30
    assert all(it.get("note") for it in negatives)


def test_jsonl_coverage():
    its = items()
    subs = collections.Counter(ev["sub_event_type"] for _, ev in gold_events())
    assert set(subs) == set(SUB_TYPES)
    countries = {ev["country"] for _, ev in gold_events()}
    assert len(countries) >= 45
    multi = [it for it in its if len(it["gold"]) >= 2]
    assert 15 <= len(multi) <= 25
    demos = [it for it in its if any(SUB_TYPES[ev["sub_event_type"]] in ("Protests", "Riots") for ev in it["gold"])]
    assert 0.2 <= len(demos) / len(its) <= 0.3
    headline_first = [it for it in its if len(sentences(it["text"])) >= 2 and len(sentences(it["text"])[0].split()) <= 8
                      and not re.search(r"\b(said|says)\b", sentences(it["text"])[0])]
    assert len(headline_first) >= 15
    relative = sum(bool(re.search(r"overnight|last week|over the weekend|earlier this month|late on", it["text"]))
                   for it in its)
    assert relative >= 25
    assert sum(it["date"] != ev["event_date"] for it, ev in gold_events()) >= 150
