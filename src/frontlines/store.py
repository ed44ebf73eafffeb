"""SQLite storage behind one small interface.

Crash-safety comes from SQLite itself, used as its authors intend: WAL, ``synchronous=FULL``, ``BEGIN
IMMEDIATE`` for writers, one transaction per batch, and UNIQUE content-hash keys so that re-running an
interrupted ingest cannot duplicate anything. Read-only users (a server, a report) open ``mode=ro``
connections and never block the writer.

The ACLED columns of ``events`` are there for people browsing the file (e.g. with Datasette); the ``payload``
JSON column is what ``events()`` rebuilds objects from, so nothing is lost to column formatting. The schema and
its migrations are in ``schema.py``, the rows' (de)serialisation in ``store_rows.py``, and the linking queries
(mentions, links, linked events) in ``store_links.py``.
"""

from __future__ import annotations

import dataclasses
import sqlite3
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from types import TracebackType

from frontlines.errors import StorageError
from frontlines.model import ACLED_COLUMNS, ControlClaim, Event, Extraction, Figure, Span, content_key
from frontlines.schema import SCHEMA_VERSION, migrate, stored_version
from frontlines.store_links import LinkQueries, Mention, count_sources
from frontlines.store_rows import (
    acled_values,
    event_filter,
    event_from_payload,
    event_id_for,
    event_payload,
    marks,
    now,
    place_columns,
    place_from_json,
    place_json,
    spans_from_json,
    spans_json,
)

# Callers import these from here, whichever of the store's modules defines them.
__all__ = ["SCHEMA_VERSION", "AddResult", "Mention", "Store", "count_sources", "event_id_for", "migrate"]

BUSY_TIMEOUT_MS = 10_000


@dataclass(frozen=True)
class AddResult:
    new: int = 0  # articles stored by this call
    skipped: int = 0  # articles already stored (same content hash)
    events: int = 0
    events_skipped: int = 0  # events whose id was already stored (from another article)
    control_claims: int = 0
    figures: int = 0


class Store(LinkQueries):
    def __init__(self, path: str | Path, *, readonly: bool = False) -> None:
        self.path = str(path)
        self.readonly = readonly
        memory = self.path == ":memory:"
        if readonly and memory:
            raise StorageError("a read-only store needs a database file, not ':memory:'")
        timeout = BUSY_TIMEOUT_MS / 1000
        try:
            if readonly:
                file = Path(self.path)
                if not file.is_file():
                    raise StorageError(f"no database at {self.path}: run `frontlines ingest` first")
                uri = file.resolve().as_uri() + "?mode=ro"
                self._conn = sqlite3.connect(uri, uri=True, isolation_level=None, timeout=timeout)
            else:
                self._conn = sqlite3.connect(self.path, isolation_level=None, timeout=timeout)
        except sqlite3.Error as exc:
            raise StorageError(
                f"cannot open database at {self.path}: {exc} (does its folder exist?)"
            ) from exc
        try:
            self._setup(memory)
        except sqlite3.Error as exc:
            self._conn.close()
            raise StorageError(
                f"cannot use database at {self.path}: {exc} (is it a frontlines database?)"
            ) from exc
        except StorageError:
            self._conn.close()
            raise

    def _setup(self, memory: bool) -> None:
        conn = self._conn
        conn.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
        conn.execute("PRAGMA foreign_keys = ON")
        if self.readonly:
            version = stored_version(conn)
            if version != SCHEMA_VERSION:
                raise StorageError(
                    f"database at {self.path} has schema version {version}, this frontlines uses "
                    f"{SCHEMA_VERSION}: open it once read-write (e.g. `frontlines ingest`) to upgrade it"
                )
            return
        if not memory:
            conn.execute("PRAGMA journal_mode = WAL")
        conn.execute("PRAGMA synchronous = FULL")
        found = stored_version(conn)
        if found > SCHEMA_VERSION:
            raise StorageError(
                f"database at {self.path} has schema version {found}, newer than this frontlines "
                f"({SCHEMA_VERSION}): upgrade frontlines"
            )
        migrate(conn)

    def close(self) -> None:
        self._conn.close()

    def __enter__(self) -> Store:
        return self

    def __exit__(
        self, exc_type: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None
    ) -> None:
        self.close()

    def schema_version(self) -> int:
        return stored_version(self._conn)

    def revision(self) -> int:
        """A counter bumped by every write that changed something: a cache key for readers."""
        return int(self._conn.execute("SELECT value FROM revision WHERE id = 1").fetchone()[0])

    def _writable(self) -> None:
        if self.readonly:
            raise StorageError(
                f"database at {self.path} was opened read-only: open it without readonly to write"
            )

    def add_extractions(self, items: Sequence[Extraction]) -> AddResult:
        """Store a batch in one transaction; articles already stored (same content hash) are skipped."""
        counts = dict.fromkeys(("new", "skipped", "events", "events_skipped", "control_claims", "figures"), 0)
        with self.write_transaction("nothing from this batch was stored") as changed:
            for item in items:
                self._add_one(item, counts)
            changed.append(counts["new"] > 0)
        return AddResult(**counts)

    def _add_one(self, item: Extraction, counts: dict[str, int]) -> None:
        conn = self._conn
        article = item.article
        digest = article.content_hash
        cursor = conn.execute(
            "INSERT OR IGNORE INTO articles (id, content_hash, date, title, source, url, language, origin, "
            "text, ingested_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            (article.id, digest, article.date.isoformat(), article.title, article.source, article.url,
             article.language, article.origin, article.text, now()),
        )
        if cursor.rowcount == 0:
            counts["skipped"] += 1
            return
        counts["new"] += 1
        columns = ", ".join(ACLED_COLUMNS)
        placeholders = marks(len(ACLED_COLUMNS) + 5)
        for event in item.events:
            event_id = event_id_for(event, digest)
            # The row of the event as events() returns it, so exports of stored events match these columns.
            values = acled_values(dataclasses.replace(event, id=event_id))
            cursor = conn.execute(
                f"INSERT OR IGNORE INTO events (event_id, article_content_hash, article_id, {columns}, "
                f"confidence, payload) VALUES ({placeholders})",
                (event_id, digest, article.id, *values, event.confidence, event_payload(event)),
            )
            if cursor.rowcount == 0:
                counts["events_skipped"] += 1
                continue
            counts["events"] += 1
            conn.executemany(
                'INSERT OR IGNORE INTO evidence (event_id, position, "start", "end", text) '
                "VALUES (?, ?, ?, ?, ?)",
                [(event_id, i, span.start, span.end, span.text) for i, span in enumerate(event.evidence)],
            )
        for claim in item.control_claims:
            claim_id = claim.id or content_key(
                digest, claim.actor, claim.place_text, claim.status, claim.as_of.isoformat(),
                ",".join(f"{s.start}-{s.end}" for s in claim.evidence),
            )
            cursor = conn.execute(
                f"INSERT OR IGNORE INTO control_claims VALUES ({marks(17)})",
                (claim_id, digest, claim.article_id, claim.actor, claim.place_text, claim.status,
                 claim.as_of.isoformat(), *place_columns(claim.place), claim.share, claim.attribution,
                 claim.disputed_by, place_json(claim.place), spans_json(claim.evidence)),
            )
            counts["control_claims"] += cursor.rowcount
        for figure in item.figures:
            figure_id = figure.id or content_key(
                digest, figure.kind, figure.as_of.isoformat(), figure.low, figure.best, figure.high,
                figure.place_text, ",".join(f"{s.start}-{s.end}" for s in figure.evidence),
            )
            cursor = conn.execute(
                f"INSERT OR IGNORE INTO figures VALUES ({marks(17)})",
                (figure_id, digest, figure.article_id, figure.kind, figure.as_of.isoformat(), figure.low,
                 figure.best, figure.high, figure.place_text, *place_columns(figure.place),
                 figure.attribution, place_json(figure.place), spans_json(figure.evidence)),
            )
            counts["figures"] += cursor.rowcount

    def record_failure(self, origin: str, message: str) -> None:
        with self.write_transaction() as changed:
            cursor = self._conn.execute(
                "INSERT OR IGNORE INTO failures (origin, message, recorded_at) VALUES (?, ?, ?)",
                (origin, message, now()),
            )
            changed.append(cursor.rowcount > 0)

    def events(
        self,
        *,
        country: str | None = None,
        since: date | None = None,
        until: date | None = None,
        event_type: str | None = None,
    ) -> list[Event]:
        """Stored events, oldest first; ``country`` is a name or an ISO alpha-2/alpha-3 code, any case."""
        clause, params = event_filter("e", country, since, until, event_type)
        conn = self._conn
        spans: dict[str, list[Span]] = {}
        for event_id, start, end, text in conn.execute(
            f'SELECT v.event_id, v."start", v."end", v.text FROM evidence v JOIN events e USING (event_id) '
            f"{clause} ORDER BY v.event_id, v.position",
            params,
        ):
            spans.setdefault(event_id, []).append(Span(start, end, text))
        return [
            event_from_payload(event_id, article_id, payload, tuple(spans.get(event_id, ())))
            for event_id, article_id, payload in conn.execute(
                f"SELECT e.event_id, e.article_id, e.payload FROM events e {clause} "
                "ORDER BY e.event_date, e.event_id",
                params,
            )
        ]

    def control_claims(self) -> list[ControlClaim]:
        rows = self._conn.execute(
            "SELECT claim_id, article_id, actor, place_text, status, as_of, share, attribution, disputed_by, "
            "place_json, evidence_json FROM control_claims ORDER BY as_of, claim_id"
        )
        return [
            ControlClaim(
                article_id=article_id, actor=actor, place_text=place_text, status=status,
                as_of=date.fromisoformat(as_of), place=place_from_json(place_raw), share=share,
                attribution=attribution or "", disputed_by=disputed_by or "", evidence=spans_from_json(evidence_raw),
                id=claim_id,
            )
            for (claim_id, article_id, actor, place_text, status, as_of, share, attribution, disputed_by,
                 place_raw, evidence_raw) in rows
        ]

    def figures(self) -> list[Figure]:
        rows = self._conn.execute(
            "SELECT figure_id, article_id, kind, as_of, low, best, high, place_text, attribution, "
            "place_json, evidence_json FROM figures ORDER BY as_of, figure_id"
        )
        return [
            Figure(
                article_id=article_id, kind=kind, as_of=date.fromisoformat(as_of), low=low, best=best,
                high=high, place_text=place_text or "", place=place_from_json(place_raw),
                attribution=attribution or "", evidence=spans_from_json(evidence_raw), id=figure_id,
            )
            for (figure_id, article_id, kind, as_of, low, best, high, place_text, attribution, place_raw,
                 evidence_raw) in rows
        ]

    def article_sources(self) -> dict[str, str]:
        """article id -> source name ("" when unknown)."""
        rows = self._conn.execute("SELECT id, coalesce(source, '') FROM articles ORDER BY date, id")
        return {str(article_id): str(source) for article_id, source in rows}

    def articles_count(self) -> int:
        return int(self._conn.execute("SELECT count(*) FROM articles").fetchone()[0])

    def failures(self) -> list[tuple[str, str, str]]:
        """(origin, message, recorded_at), in the order they were first recorded."""
        rows = self._conn.execute("SELECT origin, message, recorded_at FROM failures ORDER BY rowid")
        return [(str(origin), str(message), str(when)) for origin, message, when in rows]

    def integrity_check(self) -> str:
        return str(self._conn.execute("PRAGMA integrity_check").fetchone()[0])

    @contextmanager
    def write_transaction(self, what: str = "nothing was changed") -> Iterator[list[bool]]:
        """One write transaction (reads inside it see a stable database). The caller appends True to the
        yielded list when it changed something, which bumps the revision counter on commit."""
        self._writable()
        conn = self._conn
        changed: list[bool] = []
        try:
            conn.execute("BEGIN IMMEDIATE")
            try:
                yield changed
                if any(changed):
                    conn.execute("UPDATE revision SET value = value + 1 WHERE id = 1")
                conn.execute("COMMIT")
            except BaseException:
                conn.execute("ROLLBACK")
                raise
        except sqlite3.Error as exc:
            raise StorageError(f"cannot write to {self.path}: {exc}; {what}") from exc
