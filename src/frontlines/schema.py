"""The SQLite schema as an ordered list of migrations, and ``migrate``, which applies the missing ones."""

from __future__ import annotations

import sqlite3

from frontlines.export import NUMERIC_COLUMNS
from frontlines.model import ACLED_COLUMNS
from frontlines.store_rows import now


def _sql_type(column: str) -> str:
    if column in ("latitude", "longitude"):
        return "REAL"
    return "INTEGER" if column in NUMERIC_COLUMNS else "TEXT"


_ACLED_DDL = ",\n".join(f"  {column} {_sql_type(column)}" for column in ACLED_COLUMNS)

# Each migration is a list of statements applied in one transaction; append, never edit a released one.
MIGRATIONS: tuple[tuple[int, tuple[str, ...]], ...] = (
    (
        1,
        (
            """CREATE TABLE articles (
  id TEXT NOT NULL,
  content_hash TEXT NOT NULL UNIQUE,
  date TEXT NOT NULL,
  title TEXT, source TEXT, url TEXT, language TEXT, origin TEXT,
  text TEXT NOT NULL,
  ingested_at TEXT NOT NULL
)""",
            f"""CREATE TABLE events (
  event_id TEXT PRIMARY KEY,
  article_content_hash TEXT NOT NULL REFERENCES articles(content_hash),
  article_id TEXT NOT NULL,
{_ACLED_DDL},
  confidence REAL NOT NULL,
  payload TEXT NOT NULL
)""",
            """CREATE TABLE evidence (
  event_id TEXT NOT NULL REFERENCES events(event_id),
  position INTEGER NOT NULL,
  "start" INTEGER NOT NULL,
  "end" INTEGER NOT NULL,
  text TEXT NOT NULL,
  UNIQUE (event_id, "start", "end")
)""",
            """CREATE TABLE failures (
  origin TEXT NOT NULL,
  message TEXT NOT NULL,
  recorded_at TEXT NOT NULL,
  UNIQUE (origin, message)
)""",
        ),
    ),
    (
        2,
        (
            """CREATE TABLE control_claims (
  claim_id TEXT PRIMARY KEY,
  article_content_hash TEXT NOT NULL REFERENCES articles(content_hash),
  article_id TEXT NOT NULL,
  actor TEXT NOT NULL, place_text TEXT NOT NULL, status TEXT NOT NULL, as_of TEXT NOT NULL,
  location TEXT, country TEXT, admin1 TEXT, latitude REAL, longitude REAL,
  share REAL, attribution TEXT, disputed_by TEXT,
  place_json TEXT, evidence_json TEXT NOT NULL
)""",
            """CREATE TABLE figures (
  figure_id TEXT PRIMARY KEY,
  article_content_hash TEXT NOT NULL REFERENCES articles(content_hash),
  article_id TEXT NOT NULL,
  kind TEXT NOT NULL, as_of TEXT NOT NULL, low INTEGER NOT NULL, best INTEGER, high INTEGER,
  place_text TEXT, location TEXT, country TEXT, admin1 TEXT, latitude REAL, longitude REAL,
  attribution TEXT, place_json TEXT, evidence_json TEXT NOT NULL
)""",
            # PRAGMA data_version ignores this connection's own commits, so caches key on this counter.
            "CREATE TABLE revision (id INTEGER PRIMARY KEY CHECK (id = 1), value INTEGER NOT NULL)",
            "INSERT INTO revision (id, value) VALUES (1, 0)",
            "CREATE INDEX events_place_date ON events (country, admin1, event_date)",
            "CREATE INDEX events_date ON events (event_date)",
            "CREATE INDEX events_article ON events (article_content_hash)",
            "CREATE INDEX evidence_event ON evidence (event_id, position)",
        ),
    ),
    (
        3,
        (
            # Every stored event row is one mention; `links` says which linked event it belongs to.
            """CREATE TABLE links (
  mention_id TEXT PRIMARY KEY REFERENCES events(event_id),
  linked_id TEXT NOT NULL
)""",
            "CREATE INDEX links_linked ON links (linked_id)",
            # Hand-made decisions that every relink must respect.
            """CREATE TABLE unlinks (
  mention_id TEXT PRIMARY KEY REFERENCES events(event_id),
  unlinked_at TEXT NOT NULL
)""",
            f"""CREATE TABLE linked_events (
  linked_id TEXT PRIMARY KEY,
  article_id TEXT NOT NULL,
  num_mentions INTEGER NOT NULL,
  num_sources INTEGER NOT NULL,
  first_reported TEXT NOT NULL,
  last_reported TEXT NOT NULL,
{_ACLED_DDL},
  confidence REAL NOT NULL,
  payload TEXT NOT NULL,
  evidence_json TEXT NOT NULL
)""",
            "CREATE INDEX linked_place_date ON linked_events (country, admin1, event_date)",
            "CREATE INDEX linked_date ON linked_events (event_date)",
            "CREATE INDEX events_country_date ON events (country, event_date)",
        ),
    ),
)
SCHEMA_VERSION = MIGRATIONS[-1][0]


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
            if version > stored_version(conn):
                for statement in statements:
                    conn.execute(statement)
                conn.execute(
                    "INSERT INTO schema_migrations (version, applied_at) VALUES (?, ?)", (version, now())
                )
            conn.execute("COMMIT")
        except BaseException:
            conn.execute("ROLLBACK")
            raise
    return stored_version(conn)


def stored_version(conn: sqlite3.Connection) -> int:
    """The schema version of the database behind ``conn``; 0 for a new file."""
    try:
        row = conn.execute("SELECT max(version) FROM schema_migrations").fetchone()
    except sqlite3.OperationalError:
        return 0
    return int(row[0] or 0)
