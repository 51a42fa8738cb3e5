"""The alert outbox: events enqueued in the transaction of what caused them, and their deliveries per channel."""

from __future__ import annotations

from collections.abc import Sequence

import sqlite_utils

from monitor.models import Event
from monitor.store.db import insert
from monitor.store.read import flags_as_bools

# An event to put in the outbox, with the deliveries it needs: (event row, [delivery rows]).
Events = Sequence[tuple[Event, list[dict]]]


def enqueue(db: sqlite_utils.Database, events: Events) -> list[int]:
    """Put events and their deliveries in the outbox; call inside the transaction of what caused them.

    An event whose key is already there (the same cause seen again after a crash) is not added twice.
    """
    ids = []
    for event, routed in events:
        if db.table("events").count_where("key = ?", [event.key]):
            continue
        event_id = insert(db, "events", event.row())
        ids.append(event_id)
        for delivery in routed:
            db.table("deliveries").insert(delivery | {"event": event_id, "status": "pending", "attempts": 0})
    return ids


def event_exists(db: sqlite_utils.Database, key: str) -> bool:
    return bool(db.table("events").count_where("key = ?", [key]))


def due_deliveries(db: sqlite_utils.Database, now: str, events: Sequence[int] | None = None) -> list[dict]:
    """Deliveries not yet sent whose next attempt is due (of the given events only, if any), oldest event first."""
    only = "" if events is None else f" and d.event in ({', '.join('?' * len(events))})"
    sql = (
        "select d.*, e.key, e.kind, e.subject, e.text, e.html, e.short "
        "from deliveries d join events e on e.id = d.event "
        f"where d.status in ('pending', 'failed') and (d.next_attempt_at is null or d.next_attempt_at <= ?){only} "
        "order by e.id, d.id"
    )
    return list(db.query(sql, [now, *(events or [])]))


def mark_delivery(db: sqlite_utils.Database, delivery_id: int, status: str, error: str | None, now: str,
                  next_attempt_at: str | None) -> None:
    """Record an attempt: status is sent, failed (tried again later), dropped or undeliverable (closed)."""
    db.execute(
        "update deliveries set status = ?, attempts = attempts + 1, last_error = ?, sent_at = ?, "
        "next_attempt_at = ? where id = ?",
        [status, error, now if status == "sent" else None, next_attempt_at, delivery_id],
    )


def drop_deliveries(db: sqlite_utils.Database, events: Sequence[int], channel: str | None, now: str) -> int:
    """Close the undelivered deliveries of some events, or of a channel, as dropped by the operator."""
    where = ["status in ('pending', 'failed')"]
    params: list = []
    if events:
        where.append(f"event in ({', '.join('?' * len(events))})")
        params += list(events)
    if channel is not None:
        where.append("channel = ?")
        params.append(channel)
    return db.execute(
        "update deliveries set status = 'dropped', last_error = ?, next_attempt_at = null "
        f"where {' and '.join(where)}",
        [f"dropped by the operator at {now}", *params],
    ).rowcount


def retry_failed(db: sqlite_utils.Database, now: str) -> int:
    return db.execute("update deliveries set next_attempt_at = ? where status = 'failed'", [now]).rowcount


def deliveries(db: sqlite_utils.Database, status: str | None = None) -> list[dict]:
    sql = (
        "select e.id as event, e.kind, e.key, e.created_at, e.document, e.vendor, e.agreement, e.training, "
        "e.retention, e.access, e.subject, d.channel, d.destination, d.target, d.status, d.attempts, d.last_error, "
        "d.next_attempt_at, d.sent_at from events e join deliveries d on d.event = e.id"
        + (" where d.status = ?" if status else "") + " order by e.id desc, d.channel, d.destination"
    )
    rows = list(db.query(sql, [status] if status else []))
    for row in rows:
        flags_as_bools(row)
    return rows
