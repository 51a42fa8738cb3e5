"""Pure: decides whether a usable fetch is the current version, a recent earlier one, a new one, or
suspect (most of the text gone), which the pipeline records as a failed fetch until confirmed."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime, timedelta, timezone

from monitor.models import Extracted

# Thresholds measured on the replay corpus (six real pages, 462 fetches over nine months; see
# benchmarks/replay_corpus.py).
#
# Between consecutive different texts of the corpus the length moved by -0.2 % to +15 %, while its
# broken fetches (client-side "Application error" pages, which `judge` already rejects) kept 0.4 %;
# a partial render or a cookie wall that gets past `judge` keeps far less than half too. So a text under half the current version's length waits for the next
# fetch to show it again: a real large deletion is announced half a day late, a one-off broken fetch
# never.
SUSPECT_SHARE = 0.5
# Corpus pages flip between renderings of the same terms (day-first vs month-first dates, straight vs
# typographic apostrophes); a variant came back after 1 to 19 days. With date folding switched off in
# `normalise`, matching the last few versions seen within a month alone absorbs 13 of the 17
# date-format flips (each variant's first appearance remains). An older text coming back is
# announced: after a month a real revert is the likelier story.
KNOWN_DEPTH = 5
KNOWN_WINDOW = timedelta(days=30)


@dataclass(frozen=True)
class Known:
    """A stored version of the document; `decide` takes them newest (current) first.

    `length` is the length of the version's stored text, the measure `len(Extracted.text)` gives."""

    id: int
    sha256: str
    length: int
    last_seen: str  # ISO-8601 UTC


@dataclass(frozen=True)
class Decision:
    """What to record for a usable fetch.

    kind: "unchanged" (same text as the current version), "known" (same as a recent earlier version:
    a flapping page; no change announced), "new" (record a version and a change), or "suspect"
    (most of the text vanished: record a failed fetch with `reason` until the next fetch confirms).
    """

    kind: str
    version_id: int | None = None
    reason: str = ""


def decide(known: Sequence[Known], new: Extracted, now: str, pending_suspect_sha: str | None) -> Decision:
    """Classify `new` against the stored versions (current first).

    `pending_suspect_sha` is the text hash of the previous fetch when that fetch was judged suspect;
    the same text seen again is confirmed and becomes a new version."""
    if not known:
        return Decision("new")
    current = known[0]
    if new.sha256 == current.sha256:
        return Decision("unchanged", current.id)
    moment = _parse(now)
    for earlier in known[1:KNOWN_DEPTH]:
        if earlier.sha256 != new.sha256:
            continue
        seen = _parse(earlier.last_seen)
        if moment is not None and seen is not None and moment - seen <= KNOWN_WINDOW:
            return Decision(
                "known", earlier.id, f"same text as version {earlier.id} (last seen {earlier.last_seen}): the page alternates"
            )
        break
    size = len(new.text)
    if current.length and size < SUSPECT_SHARE * current.length and new.sha256 != pending_suspect_sha:
        share = round(100 * size / current.length)
        return Decision(
            "suspect",
            None,
            f"suspect: the text shrank to {size} characters, {share} % of the current version's {current.length}; "
            "waiting for the next fetch to confirm",
        )
    return Decision("new")


def _parse(stamp: str) -> datetime | None:
    """An ISO-8601 time as an aware UTC datetime; None when unreadable (then nothing counts as recent)."""
    try:
        value = datetime.fromisoformat(stamp.strip())
    except (AttributeError, ValueError):
        return None
    return value if value.tzinfo else value.replace(tzinfo=timezone.utc)
