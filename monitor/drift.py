"""Drift: the wording a buyer signed under against the wording in force now, per agreement and document.

Pure functions: the shell passes in the pin, the stored versions and the current version.
"""

from __future__ import annotations

import datetime as dt
import hashlib
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Protocol

from monitor.classify import classify_change
from monitor.diff import diff_texts
from monitor.extract import normalise
from monitor.significance import EDITORIAL, significance


class StoredVersion(Protocol):
    id: int
    first_seen: str
    text: str


@dataclass(frozen=True)
class Baseline:
    """What the buyer signed: kind is pinned-version, pinned-file, signed-on or earliest."""

    kind: str
    text: str
    version_id: int | None
    note: str


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
    facts: list
    clauses: list

    @property
    def key(self) -> str:
        """Identifies this drift: the same baseline and current wording is one finding, however many runs see it."""
        anchor = self.baseline.version_id or hashlib.sha256(self.baseline.text.encode()).hexdigest()[:16]
        return f"{self.agreement}:{self.document}:{self.baseline.kind}:{anchor}:{self.current_version}"


def choose_baseline(signed_on: dt.date, pin: dict | None, versions: Sequence[StoredVersion]) -> Baseline | None:
    """The baseline by preference: a pinned version, a pinned text, the version in force on signed_on, the earliest."""
    if pin and pin.get("version_id"):
        chosen = next((v for v in versions if v.id == pin["version_id"]), None)
        if chosen is not None:
            return Baseline("pinned-version", chosen.text, chosen.id, f"pinned version {chosen.id} ({pin['source']})")
    if pin and pin.get("text"):
        return Baseline("pinned-file", pin["text"], None, f"pinned text from {pin['source']}")
    if not versions:
        return None
    end_of_day = signed_on.isoformat() + "T23:59:59~"  # ISO strings sort as time; '~' sorts after any offset
    in_force = [v for v in versions if v.first_seen <= end_of_day]
    if in_force:
        chosen = max(in_force, key=lambda v: (v.first_seen, v.id))
        return Baseline("signed-on", chosen.text, chosen.id, f"version {chosen.id}, in force on {signed_on}")
    earliest = min(versions, key=lambda v: (v.first_seen, v.id))
    return Baseline(
        "earliest", earliest.text, earliest.id,
        f"termwatch started watching on {earliest.first_seen[:10]}, after signing on {signed_on}: the earliest "
        f"recorded version ({earliest.id}) stands in for the signed wording; pin the signed text to be exact",
    )


def drift(agreement: str, document: str, baseline: Baseline, current_id: int, current_text: str) -> Finding:
    """Compare baseline and current wording; equal normalised text, or only editorial edits, mean no drift."""
    if normalise(baseline.text) == normalise(current_text):
        return Finding(agreement, document, baseline, current_id, False, False, False, False,
                       "Unchanged since signing.", [], [])
    if significance(baseline.text, current_text) == EDITORIAL:
        return Finding(agreement, document, baseline, current_id, False, False, False, False,
                       "Editorial only since signing: case, punctuation, spelling or a date stamp moved; "
                       "the terms read the same.", [], [])
    result = classify_change(baseline.text, current_text, diff_texts(baseline.text, current_text))
    return Finding(agreement, document, baseline, current_id, True, result.training, result.retention, result.access,
                   result.summary, result.facts, result.clauses)
