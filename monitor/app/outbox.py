"""Use cases on the alert outbox: deliver what is waiting now, or give it up. Both hold the run lock, since a run
delivering at the same time would send the same alerts again, or what is being dropped."""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from monitor.config import Config
from monitor.errors import TermwatchError
from monitor.store import outbox
from monitor.store.db import open_db, run_lock
from monitor.timeutil import utc_now

if TYPE_CHECKING:  # imported where used: delivering loads the message templates, which dropping never needs
    from monitor.alerts.deliver import DeliveryReport


def retry(config: Config) -> DeliveryReport:
    """Deliver every failed or pending alert now, ignoring the backoff."""
    from monitor.alerts.deliver import deliver

    with run_lock(config.storage.database):
        db = open_db(config.storage.database, create=False)
        outbox.retry_failed(db, utc_now())
        return deliver(db, config, utc_now())


def drop(config: Config, events: Sequence[int], channel: str | None) -> int:
    """Close the undelivered deliveries of these events, or of a channel, as dropped; return how many."""
    if not events and channel is None:
        raise TermwatchError("name the alerts to drop: EVENT ids from `termwatch outbox`, or --channel ID")
    with run_lock(config.storage.database):
        return outbox.drop_deliveries(open_db(config.storage.database, create=False), events, channel, utc_now())
