"""Pure: what one fetch means for a document, given what the store knows of it: not modified, failed,
suspect, unchanged, a recent earlier version again (known), or a new version, editorial or substantive.

`termwatch run` and the corpus replay of the tests and benchmarks call `decide`; the store applies its answer."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from typing import Any

from monitor.analysis.significance import SUBSTANTIVE, significance
from monitor.models import Extracted, Unusable

# Thresholds measured on the replay corpus (six real pages, 462 fetches over nine months; see
# benchmarks/replay_corpus.py).
#
# Between consecutive different texts of the corpus the length moved by -0.2 % to +15 %, while its
# broken fetches (client-side "Application error" pages, which `judge` already rejects) kept 0.4 %;
# a partial render or a cookie wall that gets past `judge` keeps far less than half too. So a text under
# half the current version's length waits for the next fetch to show it again: a real large deletion is
# announced half a day late, a one-off broken fetch never.
SUSPECT_SHARE = 0.5
# Corpus pages flip between renderings of the same terms (day-first vs month-first dates, straight vs
# typographic apostrophes); a variant came back after 1 to 19 days. With date folding switched off in
# `normalise`, matching the last few versions seen within a month alone absorbs 13 of the 17
# date-format flips (each variant's first appearance remains). An older text coming back is
# announced: after a month a real revert is the likelier story.
KNOWN_DEPTH = 5
KNOWN_WINDOW = timedelta(days=30)

# Outcomes of a fetch.
NOT_MODIFIED, FAILED, SUSPECT, UNCHANGED, KNOWN, NEW = "not-modified", "failed", "suspect", "unchanged", "known", "new"
# What a new version is to the one before it: the first of its document, a change of terms, an editorial
# edit (stored, never announced), or the same wording read by the other extraction (`select` stopped or
# started matching; stored as the new baseline, never announced).
FIRST, REEXTRACTED = "first", "reextracted"


@dataclass(frozen=True)
class Known:
    """A stored version of the document; `decide` takes them newest (current) first.

    `length` is the length of the version's stored text, the measure `len(Extracted.text)` gives."""

    id: int
    sha256: str
    length: int
    last_seen: str  # ISO-8601 UTC


@dataclass(frozen=True)
class Shown:
    """A stretch of consecutive usable fetches that showed one version: its text, and when the stretch ended."""

    text: str
    last_seen: str  # ISO-8601 UTC


@dataclass(frozen=True)
class State:
    """What the store knows of a document before a fetch, read once.

    `current_text` is the current version's text and `current_fallback` whether it was read from the
    automatically found main content because `select` matched nothing. When a fetch falls back while the
    current version was read by its selector, the shell adds `current_automatic`: the current version's
    page read the fallback way, so that the switch itself is never taken for a change.
    `pending_suspect` is the text hash of the previous fetch when it was judged suspect. `frame` is what the
    other watched pages of the same site open and close with (analysis/frame.py). `shown` is what the
    document's fetches showed, newest stretch first, as far back as the store keeps texts for."""

    known: tuple[Known, ...] = ()
    current_text: str = ""
    current_fallback: bool = False
    current_automatic: Extracted | None = None
    pending_suspect: str | None = None
    frame: frozenset[str] = frozenset()
    shown: tuple[Shown, ...] = ()


@dataclass(frozen=True)
class Decision:
    """What to record for a fetch.

    kind: NOT_MODIFIED or UNCHANGED (the current version again), KNOWN (a recent earlier version: a
    flapping page; no change announced), NEW (record a version), SUSPECT (most of the text vanished:
    a failed fetch with `reason` until the next fetch confirms) or FAILED (not the terms: `reason`).
    For NEW, `significance` is FIRST, SUBSTANTIVE, EDITORIAL or REEXTRACTED, and the change is described
    from `base_text` to the fetch's text."""

    kind: str
    version_id: int | None = None
    reason: str = ""
    significance: str = ""
    base_text: str = ""

    @property
    def announced(self) -> bool:
        """Whether this is a change of terms: alerted, counted by drift, listed by `changes`."""
        return self.kind == NEW and self.significance == SUBSTANTIVE


def decide(state: State, seen: Extracted | Unusable | None, now: str) -> Decision:
    """Classify one fetch: `seen` is what the page shows (None when the server answered 304 Not Modified)."""
    known = state.known
    if seen is None:
        if known:
            return Decision(NOT_MODIFIED, known[0].id)
        return Decision(FAILED, reason="HTTP 304 with no stored version to stand for; the next full fetch will do")
    if isinstance(seen, Unusable):
        return Decision(FAILED, reason=seen.reason)
    if not known:
        return Decision(NEW, significance=FIRST)
    if seen.sha256 == known[0].sha256:
        return Decision(UNCHANGED, known[0].id)
    before, length = state.current_text, known[0].length
    if state.current_fallback and not seen.fallback:
        # The selector matches again (fixed, or the redesign undone): its reading is the one to trust, and the
        # main content found automatically moves with the page's layout, so it is no measure of the wording.
        return Decision(NEW, significance=REEXTRACTED)
    if seen.fallback and not state.current_fallback and state.current_automatic is not None:
        # `select` stopped matching: the current version's page read the same way tells whether the wording moved.
        before, length = state.current_automatic.text, len(state.current_automatic.text)
        if state.current_automatic.sha256 == seen.sha256:
            return Decision(NEW, significance=REEXTRACTED)
    else:
        moment = _parse(now)
        for earlier in known[1:KNOWN_DEPTH]:
            if earlier.sha256 != seen.sha256:
                continue
            when = _parse(earlier.last_seen)
            if moment is not None and when is not None and moment - when <= KNOWN_WINDOW:
                return Decision(KNOWN, earlier.id, f"same text as version {earlier.id} "
                                                   f"(last seen {earlier.last_seen}): the page alternates")
            break
    size = len(seen.text)
    if length and size < SUSPECT_SHARE * length and seen.sha256 != state.pending_suspect:
        return Decision(
            SUSPECT,
            reason=f"suspect: the text shrank to {size} characters, {round(100 * size / length)} % of the current "
            f"version's {length}; waiting for the next fetch to confirm",
        )
    kind = significance(before, seen.text, state.frame, recent_history(state.shown, now))
    return Decision(NEW, significance=kind, base_text=before)


def recent_history(shown: Sequence[Shown], now: str) -> tuple[str, ...]:
    """The texts of the stretches (newest first) last seen within KNOWN_WINDOW of `now`, oldest first: the history
    in which `significance` looks for blocks that come and go. The month that bounds a flapping page bounds it too."""
    moment = _parse(now)
    if moment is None:
        return ()
    recent = []
    for stretch in shown:
        when = _parse(stretch.last_seen)
        if when is None or moment - when > KNOWN_WINDOW:
            break
        recent.append(stretch.text)
    return tuple(reversed(recent))


def _parse(stamp: str) -> datetime | None:
    """An ISO-8601 time as an aware UTC datetime; None when unreadable (then nothing counts as recent)."""
    try:
        value = datetime.fromisoformat(stamp.strip())
    except (AttributeError, ValueError):
        return None
    return value if value.tzinfo else value.replace(tzinfo=UTC)


def known_versions(rows: Sequence[Any]) -> tuple[Known, ...]:
    """Known entries from stored version rows (current first), the form `decide` takes."""
    return tuple(Known(v.id, v.text_sha256, v.length, v.last_seen) for v in rows)
