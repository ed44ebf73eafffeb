"""An offline world gazetteer: towns, admin1/admin2 units and countries, with spelling-variant lookup.

The index is built once (``gazetteer_build``) and cached as one pickle in the user data dir; this module loads
it and answers lookups. Name folding lives in ``placenames``; its public names are re-exported here.
"""

from __future__ import annotations

import json
import pickle
import time
from array import array
from collections import defaultdict
from collections.abc import Iterator
from difflib import SequenceMatcher
from functools import lru_cache
from pathlib import Path

from frontlines.countries import CountryInfo, country_by_iso2, fold, lookup_country
from frontlines.errors import GazetteerError
from frontlines.gazetteer_build import (
    ADMIN1,
    ADMIN2,
    ADMIN_PRIOR,
    CITY,
    COUNTRY,
    FORMAT_VERSION,
    build,
    build_index,
    data_dir,
    default_path,
)
from frontlines.model import Place
from frontlines.placenames import (
    acled_admin1,
    acled_admin1_part,
    ascii_name,
    data_file,
    display_name,
    plain_name,
    skeleton,
    spelling_similarity,
    strip_admin_words,
)

__all__ = [
    "ADMIN1", "ADMIN2", "CITY", "COUNTRY", "FEATURE_NAMES", "FORMAT_VERSION", "PRECISION", "Gazetteer",
    "acled_admin1", "acled_admin1_part", "build", "data_dir", "default_gazetteer", "default_path", "display_name",
    "plain_name", "skeleton", "spelling_similarity", "strip_admin_words",
]

FEATURE_NAMES = ("city", "admin1", "admin2", "country")
PRECISION = (1, 3, 2, 3)


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
        self._ranked: dict[str, tuple[int, ...]] = {}
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
                data = build_index(())
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
            name=admin1 if feat == ADMIN1 else ascii_name(self._name[idx]), country=info.name if info else cc,
            latitude=round(self._lat[idx], 5), longitude=round(self._lon[idx], 5),
            geo_precision=precision if precision is not None else self._precision(idx), iso2=cc,
            iso=info.numeric if info else 0, region=info.region if info else "", admin1=admin1,
            admin2=ascii_name(self._a2[idx]), geonameid=self._gid[idx] or None, feature=FEATURE_NAMES[feat],
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
        memo = self._ranked.get(folded)
        if memo is not None:
            return memo
        ids = self.variant_ids(folded)
        if len(ids) < 2:
            return ids
        ratios: dict[str, float] = {}  # many candidates share a name: compare each spelling once

        def closeness(i: int) -> tuple[float, float]:
            name = self._name[i]
            ratio = ratios.get(name)
            if ratio is None:
                ratio = ratios[name] = round(SequenceMatcher(None, folded, fold(name)).ratio(), 1)
            return (-ratio, -self._pop[i] * ADMIN_PRIOR[self._feat[i]])

        ranked = tuple(sorted(ids, key=closeness))
        if len(self._ranked) > 50_000:
            self._ranked.clear()
        self._ranked[folded] = ranked
        return ranked

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
    with open(data_file("countries.json"), encoding="utf-8") as fh:
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

