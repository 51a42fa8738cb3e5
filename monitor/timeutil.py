"""Timestamps as termwatch stores them: UTC ISO-8601 strings to the second, which sort as time."""

from datetime import datetime, timezone


def utc_now() -> str:
    return datetime.now(timezone.utc).isoformat(timespec="seconds")
