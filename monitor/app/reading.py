"""Read-side use cases that analyse stored wording: two versions compared, and what the current version says
clause by clause."""

from __future__ import annotations

from dataclasses import dataclass

import sqlite_utils

from monitor.analysis.classify import classify_change
from monitor.analysis.clauses import current_clauses
from monitor.analysis.diff import Hunk, diff_texts
from monitor.analysis.facts import FACT_TOPIC, facts
from monitor.store import read


@dataclass(frozen=True)
class Comparison:
    """Two versions of a document, the hunks between them and the changed clauses as before/after pairs."""

    document: str
    old: read.VersionRow
    new: read.VersionRow
    hunks: list[Hunk]
    pairs: list[dict]


def compare(db: sqlite_utils.Database, document: str, from_ref: str | None, to_ref: str | None) -> Comparison:
    """FROM → TO (TO defaults to the current version), or the latest recorded change without FROM."""
    old, new = read.version_pair(db, document, from_ref, to_ref)
    hunks = diff_texts(old.text, new.text)
    return Comparison(document, old, new, hunks, classify_change(old.text, new.text, hunks).clauses)


def current_wording(db: sqlite_utils.Database, document: str, topics: set[str] | None = None) -> dict:
    """The labelled clauses and the facts of the current version of a document, of some topics or all."""
    text = read.resolve_version(db, document, None).text
    found = [{"heading": c.heading, "text": c.text, "labels": sorted(c.labels), "evidence": list(c.evidence)}
             for c in current_clauses(text, topics)]
    stated = [{"kind": f.kind, "subject": f.subject, "value": f.value, "clause": f.clause} for f in facts(text)
              if topics is None or FACT_TOPIC[f.kind] in topics]
    return {"document": document, "clauses": found, "facts": stated}
