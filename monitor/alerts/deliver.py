"""The alert outbox: which channels an event goes to, and delivery through apprise with retries and backoff.

Events are enqueued in the transaction of what caused them; delivery happens after the commit.
"""

from __future__ import annotations

from collections.abc import Collection, Sequence
from dataclasses import dataclass
from datetime import datetime, timedelta
from urllib.parse import urlencode

import sqlite_utils

from monitor.alerts import messages
from monitor.config import Channel, Config
from monitor.errors import TermwatchError
from monitor.models import Event
from monitor.redact import redact
from monitor.store import outbox
from monitor.timeutil import utc_now

# Events that carry training/retention flags, to which a channel's `only` filter applies.
FLAGGED_KINDS = ("change", "drift", "renewal")
WEBHOOK_SCHEMES = ("json", "jsons", "form", "forms", "xml", "xmls")
FIRST_BACKOFF = timedelta(minutes=5)
MAX_BACKOFF = timedelta(hours=6)
# Attempts before a delivery is given up as undeliverable: with the backoff capped at 6 h, about four days.
MAX_ATTEMPTS = 20


def wants(channel: Channel, event: Event) -> bool:
    """Whether a channel's events and filters select this event."""
    if event.kind != "test" and event.kind not in channel.events:
        return False
    if channel.documents and event.document not in channel.documents:
        return False
    if channel.vendors and (event.vendor or "").lower() not in {v.lower() for v in channel.vendors}:
        return False
    if channel.only and event.kind in FLAGGED_KINDS:
        return any(getattr(event, flag) for flag in channel.only)
    return True


def shown_url(url: str, secrets: Collection[str]) -> str:
    """A destination as it may be shown or stored: apprise's privacy mode, then our own secret values hidden."""
    import apprise

    a = apprise.Apprise()
    a.add(url)
    return redact(a.urls(privacy=True)[0] if len(a) else url, secrets)


def route(event: Event, channels: Sequence[Channel], secrets: Collection[str]) -> tuple[Event, list[dict]]:
    """The event with one delivery row per destination URL of every channel that wants it."""
    deliveries = [
        {"channel": c.id, "destination": i, "target": shown_url(url, secrets)}
        for c in channels if wants(c, event) for i, url in enumerate(c.urls)
    ]
    return event, deliveries


@dataclass(frozen=True)
class DeliveryReport:
    sent: int
    failed: int
    errors: list[dict]


def backoff(attempts: int) -> timedelta:
    """No wait before the first retry (the next cron run), then 5 min, 10 min, … up to 6 h."""
    if attempts <= 1:
        return timedelta(0)
    # Cap the exponent first: after weeks of outage 2**attempts would overflow timedelta.
    return min(FIRST_BACKOFF * 2 ** min(attempts - 2, 16), MAX_BACKOFF)


def _send(url: str, row: dict) -> tuple[bool, str | None]:
    import apprise
    from apprise import AppriseResultStatus, NotifyFormat

    scheme = url.split("://", 1)[0].lower()
    if scheme in WEBHOOK_SCHEMES:
        # Delivery is at least once: a run killed after the send but before it is marked sends again,
        # so webhooks carry the event's key (apprise's `+header` syntax) for the receiver to drop a repeat.
        url += ("&" if "?" in url else "?") + urlencode({"+Idempotency-Key": row["key"]})
    a = apprise.Apprise()
    if not a.add(url):
        return False, "apprise cannot use this URL"
    service = a[0]
    if scheme in WEBHOOK_SCHEMES:
        body, body_format = row["text"], NotifyFormat.TEXT
    elif service.resolve_format(NotifyFormat.HTML) == NotifyFormat.HTML:
        # Email: the HTML body; apprise adds the plain-text alternative part.
        body, body_format = row["html"], NotifyFormat.HTML
    else:
        body, body_format = row["short"], NotifyFormat.TEXT
    result = a.notify(body=body, title=row["subject"], body_format=body_format)
    if result.status == AppriseResultStatus.SUCCESS:
        return True, None
    problems = [entry.message for entry in result.logs() if entry.level in ("WARNING", "ERROR")]
    return False, (problems[-1] if problems else result.status.name)


def deliver(db: sqlite_utils.Database, config: Config, now: str, events: Sequence[int] | None = None,
            once: bool = False) -> DeliveryReport:
    """Send every due delivery (or those of some events); record each result. A sent delivery is never sent again.

    A delivery whose channel or destination left the config is closed as "dropped", and one that failed
    MAX_ATTEMPTS times (or any, with `once`: a test) as "undeliverable": each is reported on the run that
    closes it, and never tried again, so one broken channel cannot keep every later run failing."""
    channels = {c.id: c for c in config.channels}
    sent, errors = 0, []
    for row in outbox.due_deliveries(db, now, events):
        target = channels.get(row["channel"])
        error: str | None
        if target is None or row["destination"] >= len(target.urls):
            ok, status = False, "dropped"
            error = f"dropped: channel {row['channel']!r} or its destination {row['destination']} left the config"
        else:
            ok, error = _send(target.urls[row["destination"]], row)
            status = "sent" if ok else ("undeliverable" if once or row["attempts"] + 1 >= MAX_ATTEMPTS else "failed")
            if status == "undeliverable":
                error = f"undeliverable after {row['attempts'] + 1} attempts: {error}"
        error = redact(error, config.secrets) if error else None
        retry_at = None if status != "failed" else (
            datetime.fromisoformat(now) + backoff(row["attempts"] + 1)).isoformat(timespec="seconds")
        outbox.mark_delivery(db, row["id"], status, error, now, retry_at)
        if ok:
            sent += 1
        else:
            errors.append({"event": row["event"], "channel": row["channel"], "target": row["target"], "error": error})
    return DeliveryReport(sent, len(errors), errors)


def send_test(db: sqlite_utils.Database, config: Config, channel_id: str | None) -> DeliveryReport:
    """Send a sample alert to one channel, or to all, through the outbox like any real alert."""
    channels = [config.channel(channel_id)] if channel_id else list(config.channels)
    if not channels:
        raise TermwatchError(f"{config.path}: no [[alerts]] channels configured; add one to send a test")
    now = utc_now()
    events = [route(messages.test_event(channel.id, now), [channel], config.secrets) for channel in channels]
    # Only the sample: real alerts that are due wait for the next run or `outbox retry`.
    with db.atomic():
        ids = outbox.enqueue(db, events)
    return deliver(db, config, now, ids, once=True)
