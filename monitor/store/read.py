"""Reads: versions, changes, fetches, pins and findings as the pipeline, drift and the views ask for them."""

from __future__ import annotations

import json
import zlib
from dataclasses import dataclass

import sqlite_utils

from monitor.errors import StoreError
from monitor.models import FLAGS
from monitor.store.db import snapshot
from monitor.store.schema import CURRENT_VERSION_SQL


@dataclass(frozen=True)
class VersionRow:
    id: int
    document: str
    text_sha256: str
    text: str
    length: int
    extractor_version: str
    first_seen: str
    last_seen: str
    fetch_id: int
    page_sha256: str
    fallback: bool


def page_bytes(db: sqlite_utils.Database, sha256: str) -> bytes:
    """A kept raw page as fetched: HTML as UTF-8, a PDF as its own bytes."""
    row = db.execute("select content from pages where sha256 = ?", [sha256]).fetchone()
    if row is None:
        raise StoreError(f"raw page {sha256} is missing from the database")
    return zlib.decompress(row[0])


def _version(row: dict) -> VersionRow:
    return VersionRow(**{k: row[k] for k in VersionRow.__dataclass_fields__} | {"fallback": bool(row["fallback"])})


def versions(db: sqlite_utils.Database, document: str) -> list[VersionRow]:
    """All versions of a document, oldest first."""
    return [_version(r) for r in db.table("versions").rows_where("document = ?", [document], order_by="id")]


def clause_wordings(db: sqlite_utils.Database, document: str) -> dict[int, list[str]]:
    """Per version of a document, the wording of its training/retention/access clauses."""
    out: dict[int, list[str]] = {}
    for row in db.table("version_clauses").rows_where("document = ?", [document], select="version_id, text"):
        out.setdefault(row["version_id"], []).append(row["text"])
    return out


def version(db: sqlite_utils.Database, document: str, version_id: int) -> VersionRow:
    rows = list(db.table("versions").rows_where("document = ? and id = ?", [document, version_id]))
    if not rows:
        raise StoreError(f"document {document!r} has no version {version_id}; see `termwatch versions {document}`")
    return _version(rows[0])


def raw_page(db: sqlite_utils.Database, version: VersionRow) -> bytes:
    """The raw page a version was read from, as kept: HTML as UTF-8, a PDF as its own bytes.

    A StoreError naming the version when none is kept for it."""
    if version.page_sha256 is not None:
        row = db.execute("select content from pages where sha256 = ?", [version.page_sha256]).fetchone()
        if row is not None:
            return zlib.decompress(row[0])
    raise StoreError(f"version {version.id} of {version.document!r} has no raw page kept; "
                     f"`termwatch show {version.document} {version.id}` prints its text")


def current_version(db: sqlite_utils.Database, document: str) -> VersionRow | None:
    """The version the latest usable fetch showed (which may be an earlier one again, when a page flaps)."""
    # The same subquery as the current_clauses view, so the report, Datasette and drift agree on "now".
    row = db.execute(f"select ({CURRENT_VERSION_SQL}) from documents d where d.id = ?", [document]).fetchone()
    return version(db, document, row[0]) if row and row[0] is not None else None


def recent_versions(db: sqlite_utils.Database, document: str, limit: int = 10) -> list[VersionRow]:
    """Versions most recently seen first: the first is the one in force now."""
    current = current_version(db, document)
    rows = [
        _version(r)
        for r in db.table("versions").rows_where(
            "document = ?", [document], order_by="last_seen desc, id desc", limit=limit
        )
    ]
    if current is not None:
        rows = [current] + [r for r in rows if r.id != current.id]
    return rows


# As many stretches as recent_versions keeps versions, twice over: a page alternating between two versions.
STRETCHES = 20
# Read from this many latest usable fetches (six weeks of hourly runs, past the month the history spans), so
# that a document fetched for years costs no more than a new one.
STRETCH_FETCHES = 1000


@dataclass(frozen=True)
class Stretch:
    """Consecutive usable fetches of a document that showed one version: its id, and the last fetch's time."""

    version_id: int
    last_seen: str


def stretches(db: sqlite_utils.Database, document: str, before_fetch: int | None = None) -> list[Stretch]:
    """What the document's usable fetches showed, newest stretch first; only fetches before `before_fetch` when
    given (what the page had shown when that fetch was recorded)."""
    rows = db.execute(
        "select version_id, max(fetched_at) from (select version_id, fetched_at, "
        "sum(moved) over (order by fetched_at, id) as stretch from (select version_id, fetched_at, id, "
        "coalesce(version_id != lag(version_id) over (order by fetched_at, id), 1) as moved from "
        "(select version_id, fetched_at, id from fetches where document = ? and version_id is not null and id < ? "
        "order by fetched_at desc, id desc limit ?))) group by stretch order by stretch desc limit ?",
        [document, before_fetch if before_fetch is not None else 2**62, STRETCH_FETCHES, STRETCHES],
    ).fetchall()
    return [Stretch(*row) for row in rows]


def last_fetch(db: sqlite_utils.Database, document: str) -> dict | None:
    rows = list(db.table("fetches").rows_where("document = ?", [document], order_by="fetched_at desc, id desc",
                                                limit=1))
    return rows[0] if rows else None


def validators(db: sqlite_utils.Database) -> dict[str, tuple[str | None, str | None]]:
    """Per document, the ETag and Last-Modified of the latest usable fetch that had one, for conditional requests."""
    out = {}
    for row in db.execute(
        "select document, etag, last_modified from fetches f where ok and version_id is not null "
        "and (etag is not null or last_modified is not null) and id = (select max(id) from fetches g "
        "where g.document = f.document and g.ok and g.version_id is not null)"
    ).fetchall():
        out[row[0]] = (row[1], row[2])
    return out


def changes(db: sqlite_utils.Database, document: str | None = None, since: str | None = None,
            training: bool = False, retention: bool = False, vendor: str | None = None,
            audience: str | None = None, editorial: bool = False, access: bool = False) -> list[dict]:
    """Recorded changes of terms, newest first, joined with their document; with editorial, editorial edits too."""
    where, params = ["1 = 1" if editorial else "c.significance = 'substantive'"], []
    for clause, value in (("c.document = ?", document), ("c.detected_at >= ?", since),
                          ("d.vendor = ? collate nocase", vendor), ("d.audience = ?", audience)):
        if value is not None:
            where.append(clause)
            params.append(value)
    if training:
        where.append("c.training")
    if retention:
        where.append("c.retention")
    if access:
        where.append("c.access")
    sql = (
        "select c.id, c.document, d.vendor, d.audience, d.type, c.detected_at, c.from_version, c.to_version, "
        "c.significance, c.training, c.retention, c.access, c.summary, c.facts, c.clauses "
        "from changes c join documents d on d.id = c.document "
        f"where {' and '.join(where)} order by c.detected_at desc, c.id desc"
    )
    rows = []
    for row in db.query(sql, params):
        flags_as_bools(row)
        row["facts"] = json.loads(row["facts"] or "[]")
        row["clauses"] = json.loads(row["clauses"] or "[]")
        rows.append(row)
    return rows


def status(db: sqlite_utils.Database) -> list[dict]:
    """Per document: last fetch and its outcome, the number of versions, the last change."""
    sql = """
    select d.id as document, d.vendor, d.audience, d.type, d.url,
      (select count(*) from versions v where v.document = d.id) as versions,
      (select max(detected_at) from changes c
        where c.document = d.id and c.significance = 'substantive') as last_change,
      f.fetched_at as last_fetch, f.outcome as last_outcome, f.reason as last_reason, f.status as last_status
    from documents d
    left join fetches f on f.id = (
      select id from fetches g where g.document = d.id order by fetched_at desc, id desc limit 1)
    order by d.vendor collate nocase, d.id
    """
    return list(db.query(sql))


def consecutive_failures(db: sqlite_utils.Database, document: str) -> int:
    row = db.execute(
        "select count(*) from fetches where document = ? and not ok and id > "
        "coalesce((select max(id) from fetches where document = ? and ok), 0)",
        [document, document],
    ).fetchone()
    return row[0]


def pending_suspect(db: sqlite_utils.Database, document: str) -> str | None:
    """The text hash of the latest fetch when it was judged suspect, so the next identical fetch confirms it."""
    last = last_fetch(db, document)
    if last and last["outcome"] == "suspect":
        return last["text_sha256"]
    return None


@dataclass(frozen=True)
class DocumentState:
    """What the store knows of a document when a fetch of it is to be recorded, read at one moment."""

    recent: tuple[VersionRow, ...]  # most recently seen first: the first is the one in force now
    pending_suspect: str | None  # see pending_suspect
    failures: int  # failed fetches since the last usable one
    current_page: bytes | None  # the current version's kept page, when it is to be read again (see document_state)
    stretches: tuple[Stretch, ...]  # see stretches

    @property
    def current(self) -> VersionRow | None:
        return self.recent[0] if self.recent else None


def document_state(db: sqlite_utils.Database, document: str, extractor_version: str,
                   fell_back: bool) -> DocumentState:
    """Everything recording a fetch of a document needs, in one snapshot. The current version's kept page comes
    with it when the version is to be read again: it was read by another extractor version, or by its selector
    while this fetch `fell_back` to the automatically found main content."""
    with snapshot(db):
        recent = tuple(recent_versions(db, document))
        current, page = recent[0] if recent else None, None
        if current is not None and (current.extractor_version != extractor_version
                                    or (fell_back and not current.fallback)):
            page = page_bytes(db, current.page_sha256)
        return DocumentState(recent, pending_suspect(db, document), consecutive_failures(db, document), page,
                             tuple(stretches(db, document)))


def resolve_version(db: sqlite_utils.Database, document: str, ref: str | None) -> VersionRow:
    """A version by id, by date (the one first seen by the end of that day) or ISO-8601 time, or the
    current one when ref is None. Any other ref is a StoreError naming it and the forms accepted."""
    if ref is None:
        current = current_version(db, document)
        if current is None:
            raise StoreError(f"document {document!r} has no version yet; run `termwatch run` first")
        return current
    from monitor.timeutil import is_version_id, parse_version

    if is_version_id(ref):
        return version(db, document, int(ref))
    # Checked, not just compared: "2026/05/20" or "garbage" sort after every stored time as text,
    # which silently picked the newest version.
    try:
        when = parse_version(ref, document)
    except ValueError as err:
        raise StoreError(str(err)) from None
    # Stored times are UTC ISO-8601 and sort as text; a bare date means the end of that day.
    until = when + "T23:59:59~" if len(when) == 10 else when
    rows = list(db.table("versions").rows_where("document = ? and first_seen <= ?", [document, until],
                                          order_by="first_seen desc, id desc", limit=1))
    if not rows:
        raise StoreError(f"document {document!r} has no version seen by {ref}; see `termwatch versions {document}`")
    return _version(rows[0])


def change_pairs(db: sqlite_utils.Database, document: str) -> list[dict]:
    return list(db.table("changes").rows_where("document = ?", [document], order_by="id"))


def pins(db: sqlite_utils.Database, agreement: str) -> dict[str, dict]:
    return {r["document"]: r for r in db.table("pins").rows_where("agreement = ?", [agreement])}


def flags_as_bools(row: dict) -> None:
    """SQLite keeps the topic flags as 0/1; rows leave the store with them as booleans."""
    for flag in FLAGS:
        row[flag] = bool(row[flag])


def findings(db: sqlite_utils.Database, agreement: str | None = None) -> list[dict]:
    where, params = ("where agreement = ?", [agreement]) if agreement else ("", [])
    rows = list(db.query(f"select * from findings {where} order by id", params))
    for row in rows:
        flags_as_bools(row)
        row["facts"], row["clauses"] = json.loads(row["facts"] or "[]"), json.loads(row["clauses"] or "[]")
    return rows


def version_pair(db: sqlite_utils.Database, document: str, from_ref: str | None,
                 to_ref: str | None) -> tuple[VersionRow, VersionRow]:
    """The two versions to diff: FROM and TO when given (TO defaults to current), else the latest change's."""
    if from_ref is None:
        latest = changes(db, document)
        if not latest:
            raise StoreError(f"document {document!r} has no recorded change yet; give FROM and TO versions to compare")
        return version(db, document, latest[0]["from_version"]), version(db, document, latest[0]["to_version"])
    return resolve_version(db, document, from_ref), resolve_version(db, document, to_ref)


def history(db: sqlite_utils.Database, document: str) -> list[dict]:
    """Each version oldest first, with the change that led to it (if recorded)."""
    by_target = {c["to_version"]: c for c in changes(db, document, editorial=True)}
    rows = []
    for v in versions(db, document):
        change = by_target.get(v.id)
        rows.append({
            "version": v.id, "first_seen": v.first_seen, "last_seen": v.last_seen, "length": v.length,
            "change": None if change is None else {
                "id": change["id"], "from_version": change["from_version"], "significance": change["significance"],
                "training": change["training"],
                "retention": change["retention"], "access": change["access"], "summary": change["summary"],
                "facts": change["facts"], "clauses": change["clauses"],
            },
        })
    return rows
