"""Timestamps as termwatch stores them: UTC ISO-8601 strings to the second, which sort as time."""

import re
from datetime import UTC, date, datetime

DATE_FORM = "YYYY-MM-DD or an ISO-8601 time"
# What a VERSION argument may be; {document} is the document it names a version of.
VERSION_NOUN = "a version id or a date"
VERSION_FORM = "a version id (see `termwatch versions {document}`), YYYY-MM-DD or an ISO-8601 time"

# Only these two forms: fromisoformat alone would also take "20260520" and week dates ("2026-W21-3"),
# and a loose form compared as text against stored times would match everything or nothing.
_DATE = re.compile(r"\d{4}-\d{2}-\d{2}", re.ASCII)
_TIME = re.compile(r"\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}(?::\d{2}(?:\.\d{1,6})?)?(?:Z|[+-]\d{2}:\d{2})?", re.ASCII)


def utc_now() -> str:
    return datetime.now(UTC).isoformat(timespec="seconds")


def parse_when(text: str, noun: str = "a date", form: str = DATE_FORM) -> str:
    """A date ("2026-05-20") as it is, or a time as the stored form (UTC, to the second; a time
    without an offset is UTC), so either compares as text with stored times.

    Raises ValueError with one line naming the text and the form to use ("'x' is not NOUN; use FORM")."""
    if _DATE.fullmatch(text):
        try:
            return date.fromisoformat(text).isoformat()
        except ValueError as err:
            raise ValueError(f"{text!r} is not a real date ({err}); use {form}") from None
    if _TIME.fullmatch(text):
        try:
            when = datetime.fromisoformat(text)
        except ValueError as err:
            raise ValueError(f"{text!r} is not a real time ({err}); use {form}") from None
        if when.tzinfo is None:
            when = when.replace(tzinfo=UTC)
        return when.astimezone(UTC).isoformat(timespec="seconds")
    raise ValueError(f"{text!r} is not {noun}; use {form}")


def is_version_id(text: str) -> bool:
    return text.isascii() and text.isdigit()


def parse_version(text: str, document: str) -> str:
    """A VERSION argument checked: an id as it is, a date or time as parse_when gives it."""
    if is_version_id(text):
        return text
    return parse_when(text, VERSION_NOUN, VERSION_FORM.format(document=document))


_MONTHS = ("January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
           "November", "December")


def readable(when: str) -> str:
    """A stored time for people: "2026-06-08T22:30:40+00:00" as "8 June 2026, 22:30 UTC", a bare date as
    "8 June 2026". Month names are spelled here, not by strftime, so no locale changes them; text that is
    neither form is returned as it is."""
    try:
        if _DATE.fullmatch(when):
            day = date.fromisoformat(when)
            return f"{day.day} {_MONTHS[day.month - 1]} {day.year}"
        at = datetime.fromisoformat(when)
    except ValueError:
        return when
    if at.tzinfo is not None:
        at = at.astimezone(UTC)
    return f"{at.day} {_MONTHS[at.month - 1]} {at.year}, {at:%H:%M} UTC"
