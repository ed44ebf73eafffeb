"""Geoparser benchmark: Afghan district/province phrases against geoBoundaries polygons, UCDP GED Myanmar
headlines against their gold points, and resolution throughput. Prints results; reads ../shared at bench time.

Run: .venv/bin/python bench/geoparse.py
"""

from __future__ import annotations

import csv
import json
import math
import re
import sys
import time
from collections.abc import Sequence
from pathlib import Path

from frontlines.countries import fold
from frontlines.gazetteer import default_gazetteer, skeleton
from frontlines.geoparse import Geoparser
from frontlines.model import Span
from frontlines.placing import event_place

SHARED = Path(__file__).resolve().parents[2] / "shared" / "data"
AFG = SHARED / "afghanistan-admin"
MYANMAR = SHARED / "ucdp-ged-myanmar" / "myanmar.csv"

Ring = list[tuple[float, float]]
Polygon = list[Ring]  # outer ring first, then holes


def _polygons(geometry: dict[str, object]) -> list[Polygon]:
    coords = geometry["coordinates"]
    polys = coords if geometry["type"] == "MultiPolygon" else [coords]
    return [[[(float(x), float(y)) for x, y, *_ in ring] for ring in poly]
            for poly in polys]  # type: ignore[union-attr]


def _in_ring(x: float, y: float, ring: Ring) -> bool:
    inside = False
    j = len(ring) - 1
    for i in range(len(ring)):
        xi, yi = ring[i]
        xj, yj = ring[j]
        if (yi > y) != (yj > y) and x < (xj - xi) * (y - yi) / (yj - yi) + xi:
            inside = not inside
        j = i
    return inside


def inside(lon: float, lat: float, shape: Sequence[Polygon]) -> bool:
    return any(_in_ring(lon, lat, poly[0]) and not any(_in_ring(lon, lat, h) for h in poly[1:])
               for poly in shape)


def _interior_point(shape: Sequence[Polygon]) -> tuple[float, float]:
    """A point inside the shape: the vertex mean if it is inside, else a scan-line midpoint."""
    ring = max((p[0] for p in shape), key=len)
    cx = sum(x for x, _ in ring) / len(ring)
    cy = sum(y for _, y in ring) / len(ring)
    if inside(cx, cy, shape):
        return cx, cy
    xs = []
    for (x1, y1), (x2, y2) in zip(ring, ring[1:] + ring[:1], strict=True):
        if (y1 > cy) != (y2 > cy):
            xs.append(x1 + (cy - y1) * (x2 - x1) / (y2 - y1))
    xs.sort()
    return ((xs[0] + xs[1]) / 2 if len(xs) >= 2 else cx), cy


def load_afghanistan() -> tuple[dict[str, list[Polygon]], list[tuple[str, str, list[Polygon]]]]:
    """(province name -> shape, [(district name, province name, shape)])."""
    adm1 = json.loads((AFG / "geoBoundaries-AFG-ADM1_simplified.geojson").read_text(encoding="utf-8"))
    adm2 = json.loads((AFG / "geoBoundaries-AFG-ADM2_simplified.geojson").read_text(encoding="utf-8"))
    provinces = {f["properties"]["shapeName"]: _polygons(f["geometry"]) for f in adm1["features"]}
    districts = []
    for f in adm2["features"]:
        shape = _polygons(f["geometry"])
        x, y = _interior_point(shape)
        prov = next((name for name, p in provinces.items() if inside(x, y, p)), "")
        districts.append((f["properties"]["shapeName"], prov, shape))
    return provinces, districts


def afghanistan_check(parser: Geoparser) -> dict[str, object]:
    provinces, districts = load_afghanistan()
    ok_d = ok_p = 0
    misses = []
    for district, province, shape in districts:
        sentence = f"Fighting was reported in {district} district of {province} province."
        place = event_place(parser.find(sentence), sentence, [Span(0, len(sentence), sentence)])
        if place is not None and inside(place.longitude, place.latitude, shape):
            ok_d += 1
        else:
            misses.append(f"{district} ({province}) -> {place.name if place else None}/"
                          f"{place.feature if place else ''}")
        if place is not None and province in provinces and inside(place.longitude, place.latitude,
                                                                   provinces[province]):
            ok_p += 1
    prov_ok = 0
    for province, shape in provinces.items():
        sentence = f"Fighting was reported in {province} province."
        place = event_place(parser.find(sentence), sentence, [Span(0, len(sentence), sentence)])
        if place is not None and inside(place.longitude, place.latitude, shape):
            prov_ok += 1
    return {"districts": len(districts), "district_point_in_district": ok_d,
            "district_point_in_province": ok_p, "provinces": len(provinces),
            "province_point_in_province": prov_ok,
            "misses": misses}


def haversine_km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    p1, p2 = math.radians(lat1), math.radians(lat2)
    dp, dl = p2 - p1, math.radians(lon2 - lon1)
    a = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 6371.0 * 2 * math.asin(math.sqrt(a))


def _same_admin(a: str, b: str) -> bool:
    # ACLED splits some units into parts ("Shan-North"); UCDP names the whole unit ("Shan state").
    a = re.sub(r"-(?:North|South|East|West)$", "", a)
    fa, fb = fold(a).replace(" region", "").replace(" state", ""), fold(b).split(" ")
    return bool(fa) and (skeleton(fa) == skeleton(" ".join(w for w in fb if w not in ("region", "state")))
                         or fa in fold(b))


_PLACE_KIND = re.compile(r"\s+(?:town|village|township|city|area|camp|district|region|state)$", re.IGNORECASE)


def _names_gold_place(headline: str, where: str) -> bool:
    """Whether the headline spells out UCDP's own place name ("Laukkai" of "Laukkai town")."""
    name = _PLACE_KIND.sub("", where.strip())
    return len(name) >= 3 and re.search(r"\b" + re.escape(name) + r"\b", headline, re.IGNORECASE) is not None


def myanmar_check(parser: Geoparser, limit: int | None = None) -> dict[str, object]:
    rows = 0
    named = within = admin_ok = 0
    gold_named = gold_within = 0
    with open(MYANMAR, encoding="utf-8", newline="") as fh:
        for row in csv.DictReader(fh):
            if limit is not None and rows >= limit:
                break
            try:
                prec = int(row.get("where_prec") or 9)
            except ValueError:
                continue
            headline = (row.get("source_headline") or "").strip()
            if prec > 2 or not headline:
                continue
            rows += 1
            gold_lat, gold_lon = float(row["latitude"]), float(row["longitude"])
            tops = [t for t in parser.find(headline) if t.place is not None and t.place.feature != "country"]
            own = _names_gold_place(headline, row.get("where_coordinates") or "")
            if own:
                gold_named += 1
                place = event_place(tops, headline, [Span(0, len(headline), headline)]) if tops else None
                if place is not None and haversine_km(place.latitude, place.longitude, gold_lat, gold_lon) <= 25:
                    gold_within += 1
            if not tops:
                continue
            named += 1
            place = event_place(tops, headline, [Span(0, len(headline), headline)])
            if place is None:
                continue
            if haversine_km(place.latitude, place.longitude, gold_lat, gold_lon) <= 25:
                within += 1
            if _same_admin(place.admin1, row.get("adm_1") or ""):
                admin_ok += 1
    return {"rows_prec_le_2": rows, "headline_names_place": named, "within_25km": within,
            "admin1_agree": admin_ok, "share_within_25km": round(within / named, 3) if named else 0.0,
            "share_admin1": round(admin_ok / named, 3) if named else 0.0,
            # The stricter reading: the headline names UCDP's own place, so the point can be found from it.
            "headline_names_gold_place": gold_named, "gold_place_within_25km": gold_within,
            "share_gold_place_within_25km": round(gold_within / gold_named, 3) if gold_named else 0.0}


def throughput(parser: Geoparser) -> dict[str, float]:
    gaz = parser.gaz
    names = ["Herat", "Kandahar", "Lashkar Gah", "Mazar-i-Sharif", "Kunduz", "Sagaing", "Mosul", "Aleppo",
             "Kharkiv", "Goma", "Maiduguri", "Mogadishu", "Sari Pul", "Hilmand", "Bakhmut", "Tarin Kowt"]
    n = 0
    start = time.perf_counter()
    while time.perf_counter() - start < 1.0:
        for name in names:
            gaz.lookup(name)
            n += 1
    lookups = n / (time.perf_counter() - start)
    article = (" ".join([
        "Taliban fighters attacked a police checkpoint near Lashkar Gah, the capital of Helmand province,",
        "on Tuesday, officials said. Clashes were also reported in Nad Ali district and 20 km north of",
        "Kandahar city. In the north, the group seized Sheberghan, capital of Jawzjan province, and fighting",
        "continued in Kunduz and Taloqan. Residents of Herat said the airport was shelled.",
    ]) + " ") * 8
    words = len(article.split())
    runs = 0
    start = time.perf_counter()
    while time.perf_counter() - start < 1.0:
        tops = parser.find(article)
        runs += 1
    per_article = (time.perf_counter() - start) / runs
    return {"lookups_per_s": round(lookups), "article_words": words,
            "ms_per_article": round(per_article * 1000, 2),
            "toponyms_per_s": round(len(tops) / per_article)}


def main() -> int:
    t0 = time.perf_counter()
    gaz = default_gazetteer()
    print(f"gazetteer: {gaz.info()}  (loaded in {time.perf_counter() - t0:.2f}s)")
    parser = Geoparser(gaz)
    afg = afghanistan_check(parser)
    misses = afg.pop("misses")
    print("afghanistan:", afg)
    assert isinstance(misses, list)
    print("  district misses (first 25):", "; ".join(misses[:25]))
    if MYANMAR.exists():
        print("myanmar (UCDP GED headlines):", myanmar_check(parser))
    print("speed:", throughput(parser))
    return 0


if __name__ == "__main__":
    sys.exit(main())
