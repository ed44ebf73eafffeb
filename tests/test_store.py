from __future__ import annotations

import dataclasses
import os
import random
import signal
import sqlite3
import time
from datetime import date, timedelta
from pathlib import Path
from typing import Any, cast

import pytest

from frontlines.errors import StorageError
from frontlines.export import acled_row
from frontlines.model import (
    Actor,
    Article,
    ControlClaim,
    Event,
    Extraction,
    Figure,
    Place,
    Span,
)
from frontlines.store import SCHEMA_VERSION, Store, event_id_for, migrate

HERAT = Place("Herat", "Afghanistan", 34.34817, 62.19967, 1, iso2="AF", iso=4, region="Caspian",
              admin1="Herat", geonameid=1140026, population=272806)
KANDAHAR = Place("Kandahar", "Afghanistan", 31.61332, 65.71013, 1, iso2="AF", iso=4, admin1="Kandahar")
GOMA = Place("Goma", "Democratic Republic of Congo", -1.67409, 29.22845, 2, iso2="CD", admin1="North Kivu")
TALIBAN = Actor("Taliban", 2, "Afghanistan", "Taliban fighters")
ARMY = Actor("Military Forces of Afghanistan (2014-2021)", 1, "Afghanistan", "government forces")


def article(n: int, day: date = date(2021, 7, 31)) -> Article:
    text = f"Article {n}: Taliban fighters attacked government forces in Herat."
    return Article(f"a{n}", day, text, title=f"T{n}", source="Wire", url=f"https://example.org/{n}",
                   language="en", origin=f"f.jsonl:{n}")


def event(art: Article, **changes: Any) -> Event:
    base = Event(
        article_id=art.id, event_type="Battles", sub_event_type="Armed clash",
        disorder_type="Political violence", event_date=art.date - timedelta(days=1), time_precision=1,
        actor1=TALIBAN, actor2=ARMY, assoc_actor_1=("Militia; with semicolon",), place=HERAT, fatalities=3,
        sources=("BBC",), source_scale="International", notes="Clash in Herat.", tags=("t1", "t2"),
        evidence=(Span(30, 40, art.text[30:40]), Span(0, 9, art.text[0:9])), confidence=0.7,
    )
    return dataclasses.replace(base, **changes)


def extraction(n: int, day: date = date(2021, 7, 31)) -> Extraction:
    art = article(n, day)
    claim = ControlClaim(art.id, "Taliban", "Herat", "contested", art.date, place=HERAT, share=None,
                         attribution="BBC", evidence=(Span(0, 9, art.text[0:9]),))
    figure = Figure(art.id, "displaced", art.date, 1000, best=1200, high=None, place_text="Herat", place=None,
                    attribution="UN", evidence=(Span(10, 20, art.text[10:20]),))
    return Extraction(
        art,
        events=(event(art), event(art, sub_event_type="Non-state actor overtakes territory", place=KANDAHAR,
                                  actor2=None, evidence=(Span(5, 8, art.text[5:8]),))),
        control_claims=(claim,),
        figures=(figure,),
    )


def test_round_trip_rebuilds_events_claims_and_figures(tmp_path: Path) -> None:
    item = extraction(1)
    with Store(tmp_path / "f.db") as store:
        result = store.add_extractions([item])
        counts = (result.new, result.skipped, result.events, result.control_claims, result.figures)
        assert counts == (1, 0, 2, 1, 1)
        stored = store.events()
        digest = item.article.content_hash
        expected = sorted((dataclasses.replace(e, id=event_id_for(e, digest)) for e in item.events),
                          key=lambda e: (e.event_date, e.id))
        assert stored == expected
        assert stored[0].evidence[0].start in (30, 5)  # evidence order is the extraction's, not sorted
        (claim,) = store.control_claims()
        assert dataclasses.replace(claim, id="") == item.control_claims[0] and claim.id
        (figure,) = store.figures()
        assert dataclasses.replace(figure, id="") == item.figures[0]
        assert store.articles_count() == 1


def test_add_is_idempotent_on_content_hash(tmp_path: Path) -> None:
    batch = [extraction(1), extraction(2), extraction(1)]
    with Store(tmp_path / "f.db") as store:
        first = store.add_extractions(batch)
        revision = store.revision()
        again = store.add_extractions(batch)
        assert (first.new, first.skipped, first.events) == (2, 1, 4)
        assert (again.new, again.skipped, again.events) == (0, 3, 0)
        assert store.revision() == revision  # nothing changed, so caches stay valid
        assert store.articles_count() == 2 and len(store.events()) == 4
        changed = dataclasses.replace(batch[0].article, text=batch[0].article.text + " Updated.")
        assert store.add_extractions([Extraction(changed)]).new == 1
        assert store.revision() == revision + 1


def test_event_ids_are_from_content_unless_given(tmp_path: Path) -> None:
    item = extraction(1)
    art = item.article
    digest = art.content_hash
    assert event_id_for(item.events[0], digest) == event_id_for(event(art), digest)
    assert event_id_for(item.events[0], digest) != event_id_for(item.events[1], digest)
    assert event_id_for(event(art), "other-article") != event_id_for(event(art), digest)
    assert event_id_for(event(art, id="given"), digest) == "given"
    other = extraction(2)
    clash = Extraction(other.article, events=(event(other.article, id="given"),))
    with Store(":memory:") as store:
        store.add_extractions([Extraction(art, events=(event(art, id="given"),))])
        result = store.add_extractions([clash])
        assert (result.new, result.events, result.events_skipped) == (1, 0, 1)
        assert [e.article_id for e in store.events()] == ["a1"]


def test_event_filters(tmp_path: Path) -> None:
    july, august = extraction(1, date(2021, 7, 10)), extraction(2, date(2021, 8, 20))
    congo_art = article(3, date(2021, 8, 1))
    congo = Extraction(congo_art, events=(event(congo_art, place=GOMA, event_type="Riots",
                                                sub_event_type="Mob violence", actor1=None, actor2=None),))
    with Store(tmp_path / "f.db") as store:
        store.add_extractions([july, august, congo])
        assert len(store.events()) == 5
        assert len(store.events(country="afghanistan")) == 4
        assert len(store.events(country="AFG")) == 4 and len(store.events(country="af")) == 4
        assert [e.place for e in store.events(country="COD")] == [GOMA]
        assert store.events(country="Narnia") == []
        assert {e.article_id for e in store.events(since=date(2021, 8, 1))} == {"a2"}
        assert {e.article_id for e in store.events(until=date(2021, 7, 31))} == {"a1", "a3"}
        riots = store.events(event_type="riots", since=date(2021, 7, 1), until=date(2021, 7, 31))
        assert [(e.article_id, e.actor1, e.evidence) for e in riots] == [
            ("a3", None, (Span(30, 40, congo_art.text[30:40]), Span(0, 9, congo_art.text[0:9])))
        ]
        dates = [e.event_date for e in store.events()]
        assert dates == sorted(dates)


def test_acled_columns_are_browsable(tmp_path: Path) -> None:
    path = tmp_path / "f.db"
    with Store(path) as store:
        store.add_extractions([extraction(1)])
    conn = sqlite3.connect(path)
    rows = conn.execute(
        "SELECT event_id_cnty, actor1, inter2, interaction, latitude, assoc_actor_1, location, fatalities "
        "FROM events ORDER BY sub_event_type"
    ).fetchall()
    conn.close()
    assert rows[0][0].startswith("AFG")
    assert rows[0][1:] == ("Taliban", 1, 12, 34.3482, "Militia; with semicolon", "Herat", 3)
    assert rows[1][2:4] == (None, 20)  # no second actor: NULL, not ""
    with Store(path, readonly=True) as store:
        exported = sorted(str(acled_row(e)["event_id_cnty"]) for e in store.events())
    assert exported == sorted(r[0] for r in rows)


def test_failures_are_recorded_once(tmp_path: Path) -> None:
    with Store(tmp_path / "f.db") as store:
        store.record_failure("in.jsonl:3", "broken JSON")
        store.record_failure("in.jsonl:3", "broken JSON")
        store.record_failure("in.jsonl:4", "empty text")
        failures = store.failures()
        assert [(o, m) for o, m, _ in failures] == [
            ("in.jsonl:3", "broken JSON"), ("in.jsonl:4", "empty text")
        ]
        assert all(date.fromisoformat(when[:10]) for _, _, when in failures)


def test_settings_and_schema(tmp_path: Path) -> None:
    with Store(tmp_path / "f.db") as store:
        conn = store._conn
        assert conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
        assert conn.execute("PRAGMA synchronous").fetchone()[0] == 2  # FULL
        assert conn.execute("PRAGMA busy_timeout").fetchone()[0] >= 1000
        assert store.schema_version() == SCHEMA_VERSION == 3
        assert store.integrity_check() == "ok"


def test_old_database_is_upgraded(tmp_path: Path) -> None:
    path = tmp_path / "old.db"
    conn = sqlite3.connect(path, isolation_level=None)
    assert migrate(conn, upto=1) == 1
    conn.execute("INSERT INTO failures VALUES ('x.txt', 'empty file', '2021-01-01T00:00:00+00:00')")
    conn.close()
    with pytest.raises(StorageError, match="open it once read-write"):
        Store(path, readonly=True)
    with Store(path) as store:
        assert store.schema_version() == 3
        assert store.failures() == [("x.txt", "empty file", "2021-01-01T00:00:00+00:00")]
        assert store.add_extractions([extraction(1)]).control_claims == 1
    with Store(path) as store:  # re-opening applies nothing twice
        versions = store._conn.execute("SELECT version FROM schema_migrations").fetchall()
        assert versions == [(1,), (2,), (3,)]


def test_readonly_reader_alongside_writer(tmp_path: Path) -> None:
    path = tmp_path / "f.db"
    with Store(path) as writer:
        writer.add_extractions([extraction(1)])
        with Store(path, readonly=True) as reader:
            assert len(reader.events()) == 2
            writer.add_extractions([extraction(2)])
            assert len(reader.events()) == 4 and reader.articles_count() == 2
            with pytest.raises(StorageError, match="read-only"):
                reader.add_extractions([extraction(3)])
            with pytest.raises(StorageError, match="read-only"):
                reader.record_failure("x", "y")


def test_open_errors(tmp_path: Path) -> None:
    with pytest.raises(StorageError, match="no database at"):
        Store(tmp_path / "missing.db", readonly=True)
    with pytest.raises(StorageError, match="does its folder exist"):
        Store(tmp_path / "no" / "such" / "dir.db")
    junk = tmp_path / "junk.db"
    junk.write_bytes(b"this is not sqlite at all" * 100)
    with pytest.raises(StorageError, match="is it a frontlines database"):
        Store(junk)
    future = tmp_path / "future.db"
    with Store(future) as store:
        store._conn.execute("INSERT INTO schema_migrations VALUES (99, 'later')")
    with pytest.raises(StorageError, match="newer than this frontlines"):
        Store(future)


def test_a_failing_batch_stores_nothing(tmp_path: Path) -> None:
    bad = extraction(2)
    unbindable = cast(int, object())  # sqlite3 cannot store it, so the second item fails mid-batch
    bad = dataclasses.replace(bad, figures=(dataclasses.replace(bad.figures[0], low=unbindable),))
    with Store(tmp_path / "f.db") as store:
        with pytest.raises(StorageError, match="nothing from this batch was stored"):
            store.add_extractions([extraction(1), bad])
        assert store.articles_count() == 0 and store.events() == [] and store.revision() == 0
        assert store.add_extractions([extraction(1)]).new == 1  # the connection is usable afterwards


BATCHES = [[extraction(b * 15 + i, date(2021, 1, 1) + timedelta(days=b * 15 + i)) for i in range(15)]
           for b in range(5)]


def ingest(path: Path, batches: list[list[Extraction]], progress: int | None = None) -> None:
    with Store(path) as store:
        for number, batch in enumerate(batches):
            store.add_extractions(batch)
            store.record_failure(f"batch{number}", "a failure to record")
            if progress is not None:
                os.write(progress, b".")


def snapshot(path: Path) -> dict[str, list[tuple[object, ...]]]:
    conn = sqlite3.connect(path)
    tables = {
        "articles": "id, content_hash, date, title, source, url, language, origin, text",
        "events": "*",
        "evidence": "*",
        "control_claims": "*",
        "figures": "*",
        "failures": "origin, message",
        "revision": "*",
    }
    out = {name: sorted(conn.execute(f"SELECT {cols} FROM {name}").fetchall(), key=repr)
           for name, cols in tables.items()}
    conn.close()
    return out


def test_sigkill_during_ingest_then_rerun_matches_clean_run(tmp_path: Path) -> None:
    clean = tmp_path / "clean.db"
    ingest(clean, BATCHES)
    expected = snapshot(clean)
    per_batch = len(BATCHES[0])
    rng = random.Random(20210731)
    for trial in range(6):
        path = tmp_path / f"killed{trial}.db"
        read_end, write_end = os.pipe()
        pid = os.fork()
        if pid == 0:  # child: ingest over and over until killed
            os.close(read_end)
            try:
                while True:
                    ingest(path, BATCHES, progress=write_end)
            finally:
                os._exit(1)
        os.close(write_end)
        committed = rng.randrange(len(BATCHES))
        for _ in range(committed):
            assert os.read(read_end, 1) == b"."
        time.sleep(rng.uniform(0, 0.02))
        os.kill(pid, signal.SIGKILL)
        os.waitpid(pid, 0)
        os.close(read_end)
        with Store(path) as store:
            assert store.integrity_check() == "ok"
            count = store.articles_count()
            assert count >= committed * per_batch and count % per_batch == 0  # batches are all-or-nothing
        ingest(path, BATCHES)
        assert snapshot(path) == expected
