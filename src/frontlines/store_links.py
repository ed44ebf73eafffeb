"""The linking side of the store: every ``events`` row is one mention; ``links`` groups mentions into linked
events, which ``linked_events`` keeps as ACLED rows of their own."""

from __future__ import annotations

import sqlite3
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import date

from frontlines.model import ACLED_COLUMNS, Event, Span
from frontlines.store_rows import (
    acled_values,
    event_filter,
    event_from_payload,
    event_payload,
    marks,
    now,
    spans_from_json,
    spans_json,
)


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


class LinkQueries:
    """The linking methods of ``Store``, which opens the connection, guards writes and runs the transactions."""

    _conn: sqlite3.Connection
    _writable: Callable[[], None]

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
                f'SELECT event_id, "start", "end", text FROM evidence WHERE event_id IN ({marks(len(part))}) '
                "ORDER BY event_id, position",
                part,
            ):
                spans.setdefault(event_id, []).append(Span(start, end, text))
        return [
            Mention(
                id=event_id,
                event=event_from_payload(event_id, article_id, payload, tuple(spans.get(event_id, ()))),
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
            found += self._mentions_where(f"e.event_id IN ({marks(len(part))})", part)
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
                           (mention_id, now()))
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
                f"(SELECT linked_id FROM links WHERE mention_id IN ({marks(len(part))}))",
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
            placeholders = marks(len(part))
            conn.execute(
                "DELETE FROM linked_events WHERE linked_id IN "
                f"(SELECT linked_id FROM links WHERE mention_id IN ({placeholders}))",
                part,
            )
            conn.execute(f"DELETE FROM links WHERE mention_id IN ({placeholders})", part)

    def write_linked(self, event: Event, mentions: Sequence[Mention]) -> None:
        """Store one linked event (``event.id`` is its linked id) and the links of its mentions."""
        conn = self._conn
        reported = sorted(m.reported for m in mentions)
        conn.execute(
            f"INSERT OR REPLACE INTO linked_events (linked_id, article_id, num_mentions, num_sources, "
            f"first_reported, last_reported, {', '.join(ACLED_COLUMNS)}, confidence, payload, evidence_json) "
            f"VALUES ({marks(len(ACLED_COLUMNS) + 9)})",
            (event.id, event.article_id, len(mentions), count_sources(mentions), reported[0].isoformat(),
             reported[-1].isoformat(), *acled_values(event), event.confidence, event_payload(event),
             spans_json(event.evidence)),
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
        clause, params = event_filter("l", country, since, until, event_type)
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
            (event_from_payload(linked_id, article_id, payload, spans_from_json(evidence)),
             members.get(linked_id, []))
            for linked_id, article_id, payload, evidence in conn.execute(
                f"SELECT l.linked_id, l.article_id, l.payload, l.evidence_json FROM linked_events l {clause} "
                "ORDER BY l.event_date, l.linked_id",
                params,
            )
        ]
