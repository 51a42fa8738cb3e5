"""Writes: a fetch and what it showed, re-derived texts, pins and drift findings. None opens a transaction:
the caller wraps a whole decision in `with db.atomic():`, so that it is recorded whole or not at all."""

from __future__ import annotations

import hashlib
import json
import zlib
from collections.abc import Mapping, Sequence
from typing import Any

import sqlite_utils

from monitor.analysis.classify import Change
from monitor.models import Document, FetchResult
from monitor.store.db import insert
from monitor.store.schema import clause_rows, fact_rows


def sync_documents(db: sqlite_utils.Database, documents: tuple[Document, ...]) -> None:
    rows = [
        {"id": d.id, "vendor": d.vendor, "audience": d.audience, "type": d.type, "url": d.url}
        for d in documents
    ]
    db.table("documents").upsert_all(rows, pk="id")


def _keep_page(db: sqlite_utils.Database, body: str | bytes) -> str | None:
    if not body:
        return None
    raw = body if isinstance(body, bytes) else body.encode("utf-8")
    sha = hashlib.sha256(raw).hexdigest()
    if not db.table("pages").count_where("sha256 = ?", [sha]):
        # Level 1: much faster than level 6 for slightly more bytes, far inside the storage budget, and
        # every page of a first run is compressed.
        db.table("pages").insert({"sha256": sha, "content": zlib.compress(raw, 1), "length": len(raw)})
    return sha


def _fetch_row(fetch: FetchResult, outcome: str, ok: bool, reason: str | None, page: str | None) -> dict:
    return {
        "document": fetch.document_id,
        "fetched_at": fetch.fetched_at,
        "ok": ok,
        "outcome": outcome,
        "status": fetch.status,
        "reason": reason,
        "url": fetch.url,
        "final_url": fetch.final_url,
        "page_sha256": page,
        "etag": fetch.etag,
        "last_modified": fetch.last_modified,
    }


def record_failure(db: sqlite_utils.Database, fetch: FetchResult, reason: str, outcome: str = "failed",
                   text_sha256: str | None = None) -> int:
    """A fetch that is not the terms: kept as evidence, never a version."""
    page = _keep_page(db, fetch.raw or fetch.body)
    row = _fetch_row(fetch, outcome, False, reason, page) | {"text_sha256": text_sha256}
    return insert(db, "fetches", row)


def record_seen(db: sqlite_utils.Database, fetch: FetchResult, version_id: int, outcome: str,
                text_sha256: str | None, note: str | None = None) -> int:
    """A usable fetch whose text matches a stored version: one small row, no page, the version's last_seen moves.

    `note` says how a usable page was read when that needs saying (a `select` that matched nothing)."""
    row = _fetch_row(fetch, outcome, True, note, None) | {"text_sha256": text_sha256, "version_id": version_id}
    fetch_id = insert(db, "fetches", row)
    db.execute("update versions set last_seen = ? where id = ?", [fetch.fetched_at, version_id])
    return fetch_id


def record_version(db: sqlite_utils.Database, fetch: FetchResult, text: str, text_sha256: str,
                   extractor_version: str, change: Change | None, clauses: Sequence = (), fallback: bool = False,
                   note: str | None = None, facts: Sequence = ()) -> tuple[int, int | None]:
    """A new wording: page, fetch, version, its training/retention/access clauses and facts (facts.Fact) and
    (when it is described against the previous version) the change, editorial or substantive."""
    page = _keep_page(db, fetch.raw or fetch.body)
    fetch_id = insert(db, "fetches", _fetch_row(fetch, "new", True, note, page) | {"text_sha256": text_sha256})
    version_id = insert(
        db, "versions",
        {
            "document": fetch.document_id,
            "text_sha256": text_sha256,
            "text": text,
            "length": len(text),
            "extractor_version": extractor_version,
            "first_seen": fetch.fetched_at,
            "last_seen": fetch.fetched_at,
            "fetch_id": fetch_id,
            "page_sha256": page,
            "fallback": fallback,
        },
    )
    db.execute("update fetches set version_id = ? where id = ?", [version_id, fetch_id])
    db.table("version_clauses").insert_all(clause_rows(version_id, fetch.document_id, clauses))
    db.table("version_facts").insert_all(fact_rows(version_id, fetch.document_id, facts))
    change_id = None
    if change is not None:
        change_id = insert(
            db, "changes",
            {
                "document": fetch.document_id,
                "from_version": change.from_version,
                "to_version": version_id,
                "detected_at": fetch.fetched_at,
                **_described(change),
            },
        )
    return version_id, change_id


def rewrite_derived(db: sqlite_utils.Database, version_updates: list[dict], change_updates: list[tuple[int, Change]],
                    noise_changes: list[int], clauses: Mapping[int, tuple[str, Sequence]] | None = None,
                    facts: Mapping[int, tuple[str, Sequence]] | None = None) -> None:
    """Apply a re-extraction: new version texts, re-described changes, noise changes dropped,
    and each version's clauses and facts (version id -> (document, models.Clause or facts.Fact list)) replaced.

    Raw pages and fetches, the evidence, are never touched.
    """
    for row in version_updates:
        db.table("versions").update(row["id"],
                                    {k: row[k] for k in ("text", "text_sha256", "length", "extractor_version")})
    for version_id, (document, found) in (clauses or {}).items():
        db.table("version_clauses").delete_where("version_id = ?", [version_id])
        db.table("version_clauses").insert_all(clause_rows(version_id, document, found))
    for version_id, (document, found) in (facts or {}).items():
        db.table("version_facts").delete_where("version_id = ?", [version_id])
        db.table("version_facts").insert_all(fact_rows(version_id, document, found))
    for change_id, change in change_updates:
        db.table("changes").update(change_id, _described(change))
    for change_id in noise_changes:
        db.table("changes").delete(change_id)


def pin(db: sqlite_utils.Database, agreement: str, document: str, version_id: int | None, text: str | None,
        source: str, now: str) -> None:
    db.table("pins").upsert({"agreement": agreement, "document": document, "version_id": version_id, "text": text,
                             "source": source, "pinned_at": now}, pk=("agreement", "document"))


def add_finding(db: sqlite_utils.Database, finding: dict) -> bool:
    """Record a drift finding once (by key); False when it was already known."""
    if db.table("findings").count_where("key = ?", [finding["key"]]):
        return False
    db.table("findings").insert(finding | {"facts": json.dumps(finding["facts"]),
                                           "clauses": json.dumps(finding["clauses"])})
    return True


def _described(change: Change) -> dict[str, Any]:
    """The columns of a change row that describe it."""
    meaning = change.meaning
    return {"significance": change.significance, "training": meaning.training, "retention": meaning.retention,
            "access": meaning.access, "summary": meaning.summary, "facts": json.dumps(meaning.facts),
            "clauses": json.dumps(meaning.clauses)}
