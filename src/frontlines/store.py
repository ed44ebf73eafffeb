"""SQLite storage behind one small interface.

Crash-safety comes from SQLite itself, used as its authors intend: WAL, ``synchronous=FULL``, ``BEGIN
IMMEDIATE`` for writers, one transaction per batch, and UNIQUE content-hash keys so that re-running an
interrupted ingest cannot duplicate anything. Read-only users (a server, a report) open ``mode=ro``
connections and never block the writer.

The ACLED columns of ``events`` are there for people browsing the file (e.g. with Datasette); the ``payload``
JSON column is what ``events()`` rebuilds objects from, so nothing is lost to column formatting.
"""

from __future__ import annotations

import dataclasses
import json
import sqlite3
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import UTC, date, datetime
from pathlib import Path
from types import TracebackType
from typing import Any

import pycountry

from frontlines.errors import StorageError
from frontlines.export import NUMERIC_COLUMNS, acled_row
from frontlines.model import (
    ACLED_COLUMNS,
    Actor,
    ControlClaim,
    Event,
    Extraction,
    Figure,
    Place,
    Span,
    content_key,
)
from frontlines.schema import MIGRATIONS, SCHEMA_VERSION

BUSY_TIMEOUT_MS = 10_000


@dataclass(frozen=True)
class AddResult:
    new: int = 0  # articles stored by this call
    skipped: int = 0  # articles already stored (same content hash)
    events: int = 0
    events_skipped: int = 0  # events whose id was already stored (from another article)
    control_claims: int = 0
    figures: int = 0


def _marks(count: int) -> str:
    return ", ".join("?" * count)


def _now() -> str:
    return datetime.now(UTC).isoformat(timespec="seconds")


def _spans_json(spans: Sequence[Span]) -> str:
    return json.dumps([span.to_dict() for span in spans], ensure_ascii=False)


def _spans(raw: str) -> tuple[Span, ...]:
    return tuple(Span(int(s["start"]), int(s["end"]), str(s["text"])) for s in json.loads(raw))


def _place_json(place: Place | None) -> str | None:
    return None if place is None else json.dumps(dataclasses.asdict(place), ensure_ascii=False)


def _place(raw: str | None) -> Place | None:
    return None if raw is None else Place(**json.loads(raw))


def _place_columns(place: Place | None) -> tuple[object, ...]:
    if place is None:
        return (None, None, None, None, None)
    return (place.name, place.country, place.admin1, place.latitude, place.longitude)


def _alpha3(code: str) -> str:
    """The ISO alpha-3 code for an alpha-2 or alpha-3 code; "" (matching nothing) for anything else."""
    code = code.strip().upper()
    if len(code) not in (2, 3) or not code.isalpha():
        return ""
    if len(code) == 2:
        record = pycountry.countries.get(alpha_2=code)
    else:
        record = pycountry.countries.get(alpha_3=code)
    return record.alpha_3 if record is not None else ""


def event_id_for(event: Event, article_hash: str) -> str:
    """The stored id: the event's own, or one from the article's content hash and the event's content."""
    if event.id:
        return event.id
    place = event.place
    return content_key(
        article_hash, event.event_type, event.sub_event_type, event.event_date.isoformat(),
        place.name if place else "", place.latitude if place else "", place.longitude if place else "",
        event.actor1.name if event.actor1 else "", event.actor2.name if event.actor2 else "",
        ",".join(f"{s.start}-{s.end}" for s in event.evidence),
    )


def _event_payload(event: Event) -> str:
    data: dict[str, Any] = {
        "event_type": event.event_type,
        "sub_event_type": event.sub_event_type,
        "disorder_type": event.disorder_type,
        "event_date": event.event_date.isoformat(),
        "time_precision": event.time_precision,
        "actor1": dataclasses.asdict(event.actor1) if event.actor1 else None,
        "actor2": dataclasses.asdict(event.actor2) if event.actor2 else None,
        "assoc_actor_1": list(event.assoc_actor_1),
        "assoc_actor_2": list(event.assoc_actor_2),
        "civilian_targeting": event.civilian_targeting,
        "place": dataclasses.asdict(event.place) if event.place else None,
        "fatalities": event.fatalities,
        "sources": list(event.sources),
        "source_scale": event.source_scale,
        "notes": event.notes,
        "tags": list(event.tags),
        "confidence": event.confidence,
    }
    return json.dumps(data, ensure_ascii=False)


def _event_from(event_id: str, article_id: str, payload: str, evidence: tuple[Span, ...]) -> Event:
    data = json.loads(payload)
    return Event(
        article_id=article_id,
        event_type=data["event_type"],
        sub_event_type=data["sub_event_type"],
        disorder_type=data["disorder_type"],
        event_date=date.fromisoformat(data["event_date"]),
        time_precision=data["time_precision"],
        actor1=Actor(**data["actor1"]) if data["actor1"] else None,
        actor2=Actor(**data["actor2"]) if data["actor2"] else None,
        assoc_actor_1=tuple(data["assoc_actor_1"]),
        assoc_actor_2=tuple(data["assoc_actor_2"]),
        civilian_targeting=data["civilian_targeting"],
        place=Place(**data["place"]) if data["place"] else None,
        fatalities=data["fatalities"],
        sources=tuple(data["sources"]),
        source_scale=data["source_scale"],
        notes=data["notes"],
        tags=tuple(data["tags"]),
        evidence=evidence,
        confidence=data["confidence"],
        id=event_id,
    )


def migrate(conn: sqlite3.Connection, *, upto: int | None = None) -> int:
    """Apply the migrations a database lacks, each in its own transaction; returns the resulting version."""
    conn.execute(
        "CREATE TABLE IF NOT EXISTS schema_migrations (version INTEGER PRIMARY KEY, applied_at TEXT NOT NULL)"
    )
    for version, statements in MIGRATIONS:
        if upto is not None and version > upto:
            break
        conn.execute("BEGIN IMMEDIATE")
        try:
            # Checked inside the write lock, so two processes opening a new file cannot both apply it.
            if version > _version(conn):
                for statement in statements:
                    conn.execute(statement)
                conn.execute(
                    "INSERT INTO schema_migrations (version, applied_at) VALUES (?, ?)", (version, _now())
                )
            conn.execute("COMMIT")
        except BaseException:
            conn.execute("ROLLBACK")
            raise
    return _version(conn)


def _version(conn: sqlite3.Connection) -> int:
    try:
        row = conn.execute("SELECT max(version) FROM schema_migrations").fetchone()
    except sqlite3.OperationalError:
        return 0
    return int(row[0] or 0)


def _event_filter(alias: str, country: str | None, since: date | None, until: date | None,
                  event_type: str | None) -> tuple[str, list[object]]:
    """The WHERE clause shared by the event and linked-event readers; ``alias`` names the table."""
    where: list[str] = []
    params: list[object] = []
    if country:
        where.append(f"(lower({alias}.country) = lower(?) OR substr({alias}.event_id_cnty, 1, 3) = ?)")
        params += [country, _alpha3(country)]
    if since:
        where.append(f"{alias}.event_date >= ?")
        params.append(since.isoformat())
    if until:
        where.append(f"{alias}.event_date <= ?")
        params.append(until.isoformat())
    if event_type:
        where.append(f"lower({alias}.event_type) = lower(?)")
        params.append(event_type)
    return (f"WHERE {' AND '.join(where)}" if where else ""), params


class Store:
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
            version = _version(conn)
            if version != SCHEMA_VERSION:
                raise StorageError(
                    f"database at {self.path} has schema version {version}, this frontlines uses "
                    f"{SCHEMA_VERSION}: open it once read-write (e.g. `frontlines ingest`) to upgrade it"
                )
            return
        if not memory:
            conn.execute("PRAGMA journal_mode = WAL")
        conn.execute("PRAGMA synchronous = FULL")
        found = _version(conn)
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
        return _version(self._conn)

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
             article.language, article.origin, article.text, _now()),
        )
        if cursor.rowcount == 0:
            counts["skipped"] += 1
            return
        counts["new"] += 1
        columns = ", ".join(ACLED_COLUMNS)
        marks = _marks(len(ACLED_COLUMNS) + 5)
        for event in item.events:
            event_id = event_id_for(event, digest)
            # The row of the event as events() returns it, so exports of stored events match these columns.
            row = acled_row(dataclasses.replace(event, id=event_id))
            values = [None if column in NUMERIC_COLUMNS and row[column] == "" else row[column]
                      for column in ACLED_COLUMNS]
            cursor = conn.execute(
                f"INSERT OR IGNORE INTO events (event_id, article_content_hash, article_id, {columns}, "
                f"confidence, payload) VALUES ({marks})",
                (event_id, digest, article.id, *values, event.confidence, _event_payload(event)),
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
                f"INSERT OR IGNORE INTO control_claims VALUES ({_marks(17)})",
                (claim_id, digest, claim.article_id, claim.actor, claim.place_text, claim.status,
                 claim.as_of.isoformat(), *_place_columns(claim.place), claim.share, claim.attribution,
                 claim.disputed_by, _place_json(claim.place), _spans_json(claim.evidence)),
            )
            counts["control_claims"] += cursor.rowcount
        for figure in item.figures:
            figure_id = figure.id or content_key(
                digest, figure.kind, figure.as_of.isoformat(), figure.low, figure.best, figure.high,
                figure.place_text, ",".join(f"{s.start}-{s.end}" for s in figure.evidence),
            )
            cursor = conn.execute(
                f"INSERT OR IGNORE INTO figures VALUES ({_marks(17)})",
                (figure_id, digest, figure.article_id, figure.kind, figure.as_of.isoformat(), figure.low,
                 figure.best, figure.high, figure.place_text, *_place_columns(figure.place),
                 figure.attribution, _place_json(figure.place), _spans_json(figure.evidence)),
            )
            counts["figures"] += cursor.rowcount

    def record_failure(self, origin: str, message: str) -> None:
        with self.write_transaction() as changed:
            cursor = self._conn.execute(
                "INSERT OR IGNORE INTO failures (origin, message, recorded_at) VALUES (?, ?, ?)",
                (origin, message, _now()),
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
        clause, params = _event_filter("e", country, since, until, event_type)
        conn = self._conn
        spans: dict[str, list[Span]] = {}
        for event_id, start, end, text in conn.execute(
            f'SELECT v.event_id, v."start", v."end", v.text FROM evidence v JOIN events e USING (event_id) '
            f"{clause} ORDER BY v.event_id, v.position",
            params,
        ):
            spans.setdefault(event_id, []).append(Span(start, end, text))
        return [
            _event_from(event_id, article_id, payload, tuple(spans.get(event_id, ())))
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
                as_of=date.fromisoformat(as_of), place=_place(place_json), share=share,
                attribution=attribution or "", disputed_by=disputed_by or "", evidence=_spans(evidence_json),
                id=claim_id,
            )
            for (claim_id, article_id, actor, place_text, status, as_of, share, attribution, disputed_by,
                 place_json, evidence_json) in rows
        ]

    def figures(self) -> list[Figure]:
        rows = self._conn.execute(
            "SELECT figure_id, article_id, kind, as_of, low, best, high, place_text, attribution, "
            "place_json, evidence_json FROM figures ORDER BY as_of, figure_id"
        )
        return [
            Figure(
                article_id=article_id, kind=kind, as_of=date.fromisoformat(as_of), low=low, best=best,
                high=high, place_text=place_text or "", place=_place(place_json),
                attribution=attribution or "", evidence=_spans(evidence_json), id=figure_id,
            )
            for (figure_id, article_id, kind, as_of, low, best, high, place_text, attribution, place_json,
                 evidence_json) in rows
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

    # --- Linking: every `events` row is one mention; `links` groups mentions into linked events. ---

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

    def _mentions_where(self, clause: str, params: Sequence[object]) -> list[Mention]:
        conn = self._conn
        rows = conn.execute(
            "SELECT e.event_id, e.article_id, e.payload, a.source, a.date FROM events e "
            f"JOIN articles a ON a.content_hash = e.article_content_hash WHERE {clause} ORDER BY e.event_id",
            list(params),
        ).fetchall()
        if not rows:
            return []
        ids = [row[0] for row in rows]
        spans: dict[str, list[Span]] = {}
        for chunk in range(0, len(ids), 500):
            part = ids[chunk:chunk + 500]
            for event_id, start, end, text in conn.execute(
                f'SELECT event_id, "start", "end", text FROM evidence WHERE event_id IN ({_marks(len(part))}) '
                "ORDER BY event_id, position",
                part,
            ):
                spans.setdefault(event_id, []).append(Span(start, end, text))
        return [
            Mention(
                id=event_id,
                event=_event_from(event_id, article_id, payload, tuple(spans.get(event_id, ()))),
                source=source or "",
                reported=date.fromisoformat(reported),
            )
            for event_id, article_id, payload, source, reported in rows
        ]

    def mentions(self, ids: Sequence[str] | None = None) -> list[Mention]:
        """Stored mentions (all, or those with the given ids), ordered by id."""
        if ids is None:
            return self._mentions_where("1", ())
        found: list[Mention] = []
        unique = sorted(set(ids))
        for chunk in range(0, len(unique), 500):
            part = unique[chunk:chunk + 500]
            found += self._mentions_where(f"e.event_id IN ({_marks(len(part))})", part)
        return sorted(found, key=lambda m: m.id)

    def mentions_near(self, country: str, since: date, until: date) -> list[Mention]:
        """Mentions in one country with event dates in [since, until]: the blocking query of linking."""
        return self._mentions_where(
            "e.country = ? AND e.event_date BETWEEN ? AND ?", (country, since.isoformat(), until.isoformat())
        )

    def unlinked_by_hand(self) -> set[str]:
        return {str(row[0]) for row in self._conn.execute("SELECT mention_id FROM unlinks")}

    def mark_unlinked(self, mention_id: str) -> bool:
        """Record that a mention must stand alone; False when there is no such mention."""
        self._writable()
        if self._conn.execute("SELECT 1 FROM events WHERE event_id = ?", (mention_id,)).fetchone() is None:
            return False
        self._conn.execute("INSERT OR IGNORE INTO unlinks (mention_id, unlinked_at) VALUES (?, ?)",
                           (mention_id, _now()))
        return True

    def pending_mentions(self) -> list[str]:
        """Mentions not yet assigned to a linked event (new, or left by an interrupted run)."""
        rows = self._conn.execute(
            "SELECT event_id FROM events WHERE event_id NOT IN (SELECT mention_id FROM links) ORDER BY event_id"
        )
        return [str(row[0]) for row in rows]

    def linked_members(self, mention_ids: Sequence[str]) -> set[str]:
        """All mentions that share a linked event with any of the given mentions (themselves included)."""
        members = set(mention_ids)
        unique = sorted(members)
        for chunk in range(0, len(unique), 500):
            part = unique[chunk:chunk + 500]
            rows = self._conn.execute(
                "SELECT mention_id FROM links WHERE linked_id IN "
                f"(SELECT linked_id FROM links WHERE mention_id IN ({_marks(len(part))}))",
                part,
            )
            members.update(str(row[0]) for row in rows)
        return members

    def clear_links(self, mention_ids: Sequence[str] | None = None) -> None:
        """Drop the links of these mentions (all when None) and the linked events they belonged to."""
        conn = self._conn
        if mention_ids is None:
            conn.execute("DELETE FROM links")
            conn.execute("DELETE FROM linked_events")
            return
        unique = sorted(set(mention_ids))
        for chunk in range(0, len(unique), 500):
            part = unique[chunk:chunk + 500]
            marks = _marks(len(part))
            conn.execute(
                "DELETE FROM linked_events WHERE linked_id IN "
                f"(SELECT linked_id FROM links WHERE mention_id IN ({marks}))",
                part,
            )
            conn.execute(f"DELETE FROM links WHERE mention_id IN ({marks})", part)

    def write_linked(self, event: Event, mentions: Sequence[Mention]) -> None:
        """Store one linked event (``event.id`` is its linked id) and the links of its mentions."""
        conn = self._conn
        row = acled_row(event)
        values = [None if column in NUMERIC_COLUMNS and row[column] == "" else row[column]
                  for column in ACLED_COLUMNS]
        reported = sorted(m.reported for m in mentions)
        conn.execute(
            f"INSERT OR REPLACE INTO linked_events (linked_id, article_id, num_mentions, num_sources, "
            f"first_reported, last_reported, {', '.join(ACLED_COLUMNS)}, confidence, payload, evidence_json) "
            f"VALUES ({_marks(len(ACLED_COLUMNS) + 9)})",
            (event.id, event.article_id, len(mentions), count_sources(mentions), reported[0].isoformat(),
             reported[-1].isoformat(), *values, event.confidence, _event_payload(event),
             _spans_json(event.evidence)),
        )
        conn.executemany(
            "INSERT OR REPLACE INTO links (mention_id, linked_id) VALUES (?, ?)",
            [(m.id, event.id) for m in mentions],
        )

    def linked_events(
        self,
        *,
        country: str | None = None,
        since: date | None = None,
        until: date | None = None,
        event_type: str | None = None,
    ) -> list[tuple[Event, list[str]]]:
        """Stored linked events (oldest first) with their mention ids in report order; filters as events()."""
        clause, params = _event_filter("l", country, since, until, event_type)
        conn = self._conn
        members: dict[str, list[str]] = {}
        for linked_id, mention_id in conn.execute(
            f"SELECT k.linked_id, k.mention_id FROM links k JOIN linked_events l USING (linked_id) "
            "JOIN events e ON e.event_id = k.mention_id "
            f"JOIN articles a ON a.content_hash = e.article_content_hash {clause} "
            "ORDER BY k.linked_id, a.date, e.article_id, k.mention_id",
            params,
        ):
            members.setdefault(linked_id, []).append(mention_id)
        return [
            (_event_from(linked_id, article_id, payload, _spans(evidence)), members.get(linked_id, []))
            for linked_id, article_id, payload, evidence in conn.execute(
                f"SELECT l.linked_id, l.article_id, l.payload, l.evidence_json FROM linked_events l {clause} "
                "ORDER BY l.event_date, l.linked_id",
                params,
            )
        ]


@dataclass(frozen=True)
class Mention:
    """One stored event row as a report of a happening: the event, and the article's source and date."""

    id: str
    event: Event
    source: str
    reported: date

    @property
    def article_id(self) -> str:
        return self.event.article_id

    @property
    def source_key(self) -> str:
        """What counts as one source: the outlet when known, else the article."""
        return self.source.strip().lower() or f"article:{self.article_id}"


def count_sources(mentions: Sequence[Mention]) -> int:
    return len({m.source_key for m in mentions})
