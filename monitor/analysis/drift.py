"""Drift: the wording a buyer signed under against the wording in force now, per agreement and document.

Pure functions: the shell passes in the pin, the stored versions and the current version.
"""

from __future__ import annotations

import datetime as dt
import hashlib
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, Protocol

if TYPE_CHECKING:  # imported where used: classifying loads the clause rules, which `status` never needs
    from monitor.analysis.classify import FactChange

# A document's drift status, decided here from its baseline and the comparison, and only rendered by views:
DRIFTED = "drifted"        # the wording moved substantively since what was signed
UNCHANGED = "unchanged"    # reads the same as what was signed
EDITORIAL = "editorial"    # only editorial edits since what was signed
UNVERIFIED = "unverified"  # compared with a stand-in (baseline "earliest"): the signed wording was never seen
NO_VERSION = "no-version"  # nothing recorded yet to compare
STATUSES = (DRIFTED, UNVERIFIED, NO_VERSION, EDITORIAL, UNCHANGED)  # worst first


class StoredVersion(Protocol):
    """A recorded version as drift reads it (read.VersionRow, or a stand-in in tests); read-only."""

    @property
    def id(self) -> int: ...
    @property
    def first_seen(self) -> str: ...
    @property
    def text(self) -> str: ...


@dataclass(frozen=True)
class Baseline:
    """What the buyer signed: kind is pinned-version, pinned-file, signed-on or earliest."""

    kind: str
    text: str
    version_id: int | None
    note: str
    first_seen: str | None = None  # of the baseline version; for "earliest", when termwatch began watching

    @property
    def verified(self) -> bool:
        """False for a stand-in: the earliest recorded version, first seen after signing, with nothing pinned."""
        return self.kind != "earliest"


@dataclass(frozen=True)
class Finding:
    agreement: str
    document: str
    baseline: Baseline
    current_version: int
    changed: bool
    training: bool
    retention: bool
    access: bool
    summary: str
    facts: list[FactChange]
    clauses: list[dict[str, Any]]
    editorial: bool = False

    @property
    def status(self) -> str:
        """drifted, unchanged or editorial against what was signed; unverified whenever the baseline is a stand-in,
        changed or not (`changed` then says whether the wording moved since termwatch began watching)."""
        if not self.baseline.verified:
            return UNVERIFIED
        if self.changed:
            return DRIFTED
        return EDITORIAL if self.editorial else UNCHANGED

    @property
    def fix(self) -> str | None:
        return fix_command(self.status, self.agreement, self.document)

    @property
    def key(self) -> str:
        """Identifies this drift: the same baseline and current wording is one finding, however many runs see it."""
        anchor = self.baseline.version_id or hashlib.sha256(self.baseline.text.encode()).hexdigest()[:16]
        return f"{self.agreement}:{self.document}:{self.baseline.kind}:{anchor}:{self.current_version}"


def choose_baseline(signed_on: dt.date, pin: dict[str, Any] | None,
                    versions: Sequence[StoredVersion]) -> Baseline | None:
    """The baseline by preference: a pinned version, a pinned text, the version in force on signed_on, the earliest."""
    if pin and pin.get("version_id"):
        chosen = next((v for v in versions if v.id == pin["version_id"]), None)
        if chosen is not None:
            return Baseline("pinned-version", chosen.text, chosen.id, f"pinned version {chosen.id} ({pin['source']})",
                            chosen.first_seen)
    if pin and pin.get("text"):
        return Baseline("pinned-file", pin["text"], None, f"pinned text from {pin['source']}")
    if not versions:
        return None
    end_of_day = signed_on.isoformat() + "T23:59:59~"  # ISO strings sort as time; '~' sorts after any offset
    in_force = [v for v in versions if v.first_seen <= end_of_day]
    if in_force:
        chosen = max(in_force, key=lambda v: (v.first_seen, v.id))
        return Baseline("signed-on", chosen.text, chosen.id, f"version {chosen.id}, in force on {signed_on}",
                        chosen.first_seen)
    earliest = min(versions, key=lambda v: (v.first_seen, v.id))
    return Baseline(
        "earliest", earliest.text, earliest.id,
        f"termwatch started watching on {earliest.first_seen[:10]}, after signing on {signed_on}: the earliest "
        f"recorded version ({earliest.id}) stands in for the signed wording; pin the signed text to be exact",
        earliest.first_seen,
    )


def drift(agreement: str, document: str, baseline: Baseline, current_id: int, current_text: str) -> Finding:
    """Compare baseline and current wording; equal normalised text, or only editorial edits, mean no drift.

    Against a stand-in the summary says so: it measures from when termwatch began watching, not from signing."""
    # Imported here so the terminal views can use the status words below without loading the HTML stack.
    from monitor.analysis.classify import classify_change
    from monitor.analysis.diff import diff_texts
    from monitor.analysis.significance import EDITORIAL as EDITORIAL_EDIT, significance
    from monitor.text.normalise import normalise

    since = ("since signing" if baseline.verified else
             f"since termwatch began watching on {(baseline.first_seen or '')[:10]}, after signing")
    unseen = "" if baseline.verified else "; the signed wording was never seen, so drift from it is unverified"
    if normalise(baseline.text) == normalise(current_text):
        summary = f"Unchanged {since}{unseen}." if baseline.verified else f"No change {since}{unseen}."
        return Finding(agreement, document, baseline, current_id, False, False, False, False, summary, [], [])
    if significance(baseline.text, current_text) == EDITORIAL_EDIT:
        return Finding(agreement, document, baseline, current_id, False, False, False, False,
                       f"Editorial only {since}: case, punctuation, spelling or a date stamp moved; "
                       f"the terms read the same{unseen}.", [], [], editorial=True)
    result = classify_change(baseline.text, current_text, diff_texts(baseline.text, current_text))
    summary = result.summary if baseline.verified else (
        f"Changed {since} (measured from a stand-in, the earliest recorded version; the signed wording was never "
        f"seen): {result.summary}")
    return Finding(agreement, document, baseline, current_id, True, result.training, result.retention, result.access,
                   summary, result.facts, result.clauses)


def fix_command(status: str, agreement: str, document: str) -> str | None:
    """The command that turns a status that cannot be trusted into a real one, with the real ids; None when none
    is needed."""
    if status == UNVERIFIED:
        return f"termwatch agreements pin {agreement} {document} --file signed.pdf"
    if status == NO_VERSION:
        return "termwatch run"
    return None


def label(status: str, changed: bool | None) -> str:
    """A document's status in a few words, for tables, headings and alert lines."""
    if status == UNVERIFIED:
        return "unverified, changed since watching began" if changed else "unverified"
    return {DRIFTED: "drifted", UNCHANGED: "unchanged", EDITORIAL: "editorial only",
            NO_VERSION: "not fetched yet"}[status]


def overall(statuses: Sequence[str]) -> str:
    """An agreement's status: the worst of its documents' (drifted, unverified, no-version, editorial, unchanged);
    editorial counts as unchanged."""
    worst = min(statuses, key=STATUSES.index, default=UNCHANGED)
    return UNCHANGED if worst == EDITORIAL else worst


def tally(documents: Sequence[tuple[str, bool | None]]) -> str:
    """An agreement's documents, as (status, changed) pairs, in words: "1 of 3 documents drifted, 1 unverified
    (1 changed since watching began), 1 not fetched yet"; "no drift" only when every document was compared with
    what was signed."""
    counts = Counter(status for status, _ in documents)
    moved = sum(1 for status, changed in documents if status == UNVERIFIED and changed)
    words = {DRIFTED: "drifted", NO_VERSION: "not fetched yet",
             UNVERIFIED: "unverified" + (f" ({moved} changed since watching began)" if moved else "")}
    parts = [(counts[s], words[s]) for s in (DRIFTED, UNVERIFIED, NO_VERSION) if counts[s]]
    if not parts:
        return "no drift"
    (first, word), rest = parts[0], parts[1:]
    return ", ".join([f"{first} of {len(documents)} documents {word}"] + [f"{n} {w}" for n, w in rest])
