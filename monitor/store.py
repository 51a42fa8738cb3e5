"""The SQLite store (sqlite-utils): schema migrations, the run lock, writes of a run and the read queries of the views.

The only module that knows SQL or table names.
"""

from __future__ import annotations

import errno
import fcntl
import hashlib
import json
import os
import sqlite3
import zlib
from collections.abc import Iterator, Mapping, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

import sqlite_utils
from sqlite_utils import Migrations

from monitor.errors import StoreError
from monitor.models import FLAGS, Document, FetchResult

migrations = Migrations("termwatch")

# An event to put in the outbox, with the deliveries it needs: (event row, [delivery rows]).
Events = Sequence[tuple[dict, list[dict]]]


@migrations()
def m001_initial(db: sqlite_utils.Database) -> None:
    db.table("documents").create(
        {"id": str, "vendor": str, "audience": str, "type": str, "url": str}, pk="id"
    )
    # Raw pages are evidence: kept compressed, addressed by the hash of their bytes, stored once.
    db.table("pages").create({"sha256": str, "content": bytes, "length": int}, pk="sha256")
    db.table("versions").create(
        {
            "id": int,
            "document": str,
            "text_sha256": str,
            "text": str,
            "length": int,
            "extractor_version": str,
            "first_seen": str,
            "last_seen": str,
            "fetch_id": int,
            "page_sha256": str,
        },
        pk="id",
        foreign_keys=[("document", "documents", "id")],
    )
    db.table("fetches").create(
        {
            "id": int,
            "document": str,
            "fetched_at": str,
            "ok": bool,
            "outcome": str,
            "status": int,
            "reason": str,
            "url": str,
            "final_url": str,
            "page_sha256": str,
            "text_sha256": str,
            "version_id": int,
            "etag": str,
            "last_modified": str,
        },
        pk="id",
        foreign_keys=[("document", "documents", "id"), ("version_id", "versions", "id")],
    )
    db.table("changes").create(
        {
            "id": int,
            "document": str,
            "from_version": int,
            "to_version": int,
            "detected_at": str,
            "training": bool,
            "retention": bool,
            "summary": str,
            "facts": str,
            "clauses": str,
        },
        pk="id",
        foreign_keys=[
            ("document", "documents", "id"),
            ("from_version", "versions", "id"),
            ("to_version", "versions", "id"),
        ],
    )
    db.table("versions").create_index(["document", "last_seen"])
    db.table("fetches").create_index(["document", "fetched_at"])
    db.table("changes").create_index(["document", "detected_at"])


@migrations()
def m002_agreements_and_outbox(db: sqlite_utils.Database) -> None:
    # What the buyer signed, when it is not simply the version in force on signed_on.
    db.table("pins").create(
        {"agreement": str, "document": str, "version_id": int, "text": str, "source": str, "pinned_at": str},
        pk=("agreement", "document"),
    )
    db.table("findings").create(
        {
            "id": int,
            "key": str,
            "agreement": str,
            "document": str,
            "baseline": str,
            "baseline_version": int,
            "current_version": int,
            "detected_at": str,
            "training": bool,
            "retention": bool,
            "summary": str,
            "facts": str,
            "clauses": str,
        },
        pk="id",
    )
    db.table("findings").create_index(["key"], unique=True)
    db.table("events").create(
        {
            "id": int,
            "key": str,
            "kind": str,
            "created_at": str,
            "document": str,
            "vendor": str,
            "agreement": str,
            "training": bool,
            "retention": bool,
            "subject": str,
            "text": str,
            "html": str,
            "short": str,
        },
        pk="id",
    )
    # The idempotency key: an event caused twice (a rerun after a crash) is stored once.
    db.table("events").create_index(["key"], unique=True)
    db.table("deliveries").create(
        {
            "id": int,
            "event": int,
            "channel": str,
            "destination": int,
            "target": str,
            "status": str,
            "attempts": int,
            "last_error": str,
            "next_attempt_at": str,
            "sent_at": str,
        },
        pk="id",
        foreign_keys=[("event", "events", "id")],
    )
    db.table("deliveries").create_index(["event", "channel", "destination"], unique=True)
    db.table("deliveries").create_index(["status", "next_attempt_at"])


# The version each document's latest usable fetch showed: the wording in force now (see current_version).
_CURRENT_VERSION_SQL = (
    "select f.version_id from fetches f where f.document = d.id and f.version_id is not null "
    "order by f.fetched_at desc, f.id desc limit 1"
)


@migrations()
def m003_clauses_views_and_search(db: sqlite_utils.Database) -> None:
    """What Datasette needs to be pleasant: links between tables, stored clauses, full-text search."""
    db.add_foreign_keys([
        ("versions", "fetch_id", "fetches", "id"),
        ("findings", "document", "documents", "id"),
        ("findings", "baseline_version", "versions", "id"),
        ("findings", "current_version", "versions", "id"),
        ("pins", "document", "documents", "id"),
        ("pins", "version_id", "versions", "id"),
    ])
    db.table("version_clauses").create(
        {"id": int, "version_id": int, "document": str, "position": int, "heading": str, "text": str,
         "training": bool, "retention": bool, "evidence": str},
        pk="id",
        foreign_keys=[("version_id", "versions", "id"), ("document", "documents", "id")],
    )
    db.table("version_clauses").create_index(["version_id", "position"])
    # Existing versions' clauses are found by m005, with the columns the classifier fills today.
    db.table("versions").enable_fts(["text"], tokenize="porter", create_triggers=True)
    # Its two views, changes_with_flags and current_clauses, are (re)created by m005 with the access column.


@migrations()
def m004_search_index_follows_text_only(db: sqlite_utils.Database) -> None:
    """sqlite-utils' update trigger re-indexed a version's whole text whenever any column changed, so
    every unchanged fetch (which moves last_seen) deleted and re-inserted ~100 kB in the search index."""
    db.execute('drop trigger if exists "versions_au"')
    db.execute(
        'create trigger "versions_au" after update of "text" on "versions" begin '
        'insert into "versions_fts" ("versions_fts", rowid, "text") values (\'delete\', old.rowid, old."text"); '
        'insert into "versions_fts" (rowid, "text") values (new.rowid, new."text"); end'
    )


# The views as m005 creates them; changing one later takes a migration that drops and recreates it.
CHANGES_WITH_FLAGS_SQL = """
select c.id as change_id, c.document, d.vendor, d.audience, d.type, d.url, c.detected_at,
  c.from_version, c.to_version, c.significance, c.training, c.retention, c.access, c.summary, c.facts, c.clauses
from changes c join documents d on d.id = c.document
order by c.detected_at desc, c.id desc
"""

CURRENT_CLAUSES_SQL = f"""
select d.id as document, d.vendor, d.audience, d.type, k.version_id, l.label, k.position, k.heading,
  k.text as clause, k.evidence
from documents d
join version_clauses k on k.version_id = ({_CURRENT_VERSION_SQL})
join (select 'training' as label union all select 'retention' union all select 'access') l
  on (l.label = 'training' and k.training) or (l.label = 'retention' and k.retention)
  or (l.label = 'access' and k.access)
order by d.vendor collate nocase, d.id, k.position, l.label
"""


@migrations()
def m005_significance_fallback_and_access(db: sqlite_utils.Database) -> None:
    """Editorial edits are kept as changes that are not changes of terms; a version read from the automatically
    found main content, because `select` matched nothing, says so; access is the third topic beside training
    and retention. Stored clauses are found again, since access adds clauses."""
    # The classifier runs in Python, so SQL cannot ask what a version says about training; its clauses are
    # stored with each version. Imported here only: the rest of this module stays free of classification.
    from monitor.analysis.clauses import current_clauses

    db.table("changes").add_column("significance", str, not_null_default="substantive")
    db.table("versions").add_column("fallback", int, not_null_default=0)
    for table in ("changes", "findings", "events", "version_clauses"):
        db.table(table).add_column("access", int, not_null_default=0)
    db.table("version_clauses").delete_where()
    for row in db.query("select id, document, text from versions"):
        db.table("version_clauses").insert_all(clause_rows(row["id"], row["document"], current_clauses(row["text"])))
    db.execute("drop view if exists changes_with_flags")
    db.create_view("changes_with_flags", CHANGES_WITH_FLAGS_SQL)
    db.execute("drop view if exists current_clauses")
    db.create_view("current_clauses", CURRENT_CLAUSES_SQL)


@migrations()
def m006_clause_pairs(db: sqlite_utils.Database) -> None:
    """Changed clauses are kept as pairs, each reworded clause its old wording beside its new, instead of
    a list of removals then a list of additions; stored changes and findings are paired the same way."""
    from monitor.pairs import pairs_from_dicts

    for table in ("changes", "findings"):
        for row in db.query(f"select id, clauses from {table}"):
            clauses = json.loads(row["clauses"] or "[]")
            if any("text" in c for c in clauses):
                db.execute(f"update {table} set clauses = ? where id = ?",
                           [json.dumps(pairs_from_dicts(clauses), ensure_ascii=False), row["id"]])


# One row per vendor, audience and question over the documents' current versions: the answer sheet of
# `termwatch answers` without its quotes. A side says nothing on a question: stated 0, facts empty, never a guess.
ANSWERS_SQL = f"""
with watched as (
  select d.id as document, d.vendor, d.audience, ({_CURRENT_VERSION_SQL}) as version_id from documents d
),
questions (question, position) as (values ('training', 1), ('retention', 2), ('access', 3)),
sides as (
  select min(vendor) as vendor, audience, group_concat(document, ', ') as documents
  from (select * from watched where version_id is not null order by document)
  group by vendor collate nocase, audience
),
labelled as (
  select w.vendor, w.audience, q.question
  from watched w join version_clauses k on k.version_id = w.version_id
  join questions q on (q.question = 'training' and k.training) or (q.question = 'retention' and k.retention)
    or (q.question = 'access' and k.access)
),
stated_facts as (
  select w.vendor, w.audience, f.question, f.subject, f.value,
    row_number() over (order by w.document, f.position) as rank
  from watched w join version_facts f on f.version_id = w.version_id
),
sheet as (
  select s.vendor, s.audience, q.question, q.position, s.documents,
    (select count(*) from labelled l
     where l.vendor = s.vendor collate nocase and l.audience = s.audience and l.question = q.question) as clauses,
    -- One entry per subject and value, in reading order, as the answer sheet merges them.
    coalesce((select group_concat(subject || ': ' || value, '; ') from (
      select subject, value, min(rank) from stated_facts f
      where f.vendor = s.vendor collate nocase and f.audience = s.audience and f.question = q.question
      group by subject collate nocase, value order by min(rank))), '') as facts
  from sides s cross join questions q
)
select vendor, audience, question, (clauses > 0 or facts != '') as stated, facts, documents, clauses
from sheet
order by vendor collate nocase, audience, position
"""


@migrations()
def m007_version_facts(db: sqlite_utils.Database) -> None:
    """What each version states (training stance, retention period, who may receive the data) is stored beside
    its clauses, since the classifier runs in Python, so the answers view can give the answer sheet in SQL."""
    from monitor.analysis.facts import facts

    db.table("version_facts").create(
        {"id": int, "version_id": int, "document": str, "position": int, "question": str, "kind": str,
         "subject": str, "value": str, "clause": str},
        pk="id",
        foreign_keys=[("version_id", "versions", "id"), ("document", "documents", "id")],
    )
    db.table("version_facts").create_index(["version_id", "position"])
    for row in db.query("select id, document, text from versions"):
        db.table("version_facts").insert_all(fact_rows(row["id"], row["document"], facts(row["text"])))
    db.create_view("answers", ANSWERS_SQL)


def clause_rows(version_id: int, document: str, clauses: Sequence) -> list[dict]:
    """Rows of version_clauses for the training/retention/access clauses (models.Clause) of one version."""
    return [
        {"version_id": version_id, "document": document, "position": i, "heading": c.heading, "text": c.text,
         "training": "training" in c.labels, "retention": "retention" in c.labels, "access": "access" in c.labels,
         "evidence": json.dumps(list(c.evidence), ensure_ascii=False)}
        for i, c in enumerate(clauses)
    ]


def fact_rows(version_id: int, document: str, found: Sequence) -> list[dict]:
    """Rows of version_facts for the facts (analysis.facts.Fact) one version states, each with the question it
    answers."""
    from monitor.analysis.facts import FACT_TOPIC

    return [
        {"version_id": version_id, "document": document, "position": i, "question": FACT_TOPIC[f.kind],
         "kind": f.kind, "subject": f.subject, "value": f.value, "clause": f.clause}
        for i, f in enumerate(found)
    ]


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


def open_db(path: Path, create: bool = True) -> sqlite_utils.Database:
    """Open (and migrate) the database; a read-only view passes create=False to fail clearly on a missing file."""
    if not create and not path.exists():
        raise StoreError(f"{path}: no database yet; run `termwatch run` first")
    try:
        with disk_full_as_error(path):
            path.parent.mkdir(parents=True, exist_ok=True)
            # No sqlite-utils plugins are used; looking them up scans every installed package's entry points.
            db = sqlite_utils.Database(path, execute_plugins=False)
            # Readers at a terminal must not block the cron writer, nor the other way round.
            db.conn.execute("PRAGMA busy_timeout = 10000")
            if db.journal_mode != "wal":
                db.enable_wal()
            # In WAL mode NORMAL cannot corrupt the database; a power cut may roll back the last commits,
            # which the next run fetches again. FULL fsyncs every fetch's transaction, so a run waits on the
            # disk once per fetch; NORMAL only at checkpoints.
            db.conn.execute("PRAGMA synchronous = NORMAL")
            migrations.apply(db)
    except (sqlite3.DatabaseError, OSError) as err:
        raise StoreError(f"{path}: cannot open the database ({err}); check the path in [storage] database") from None
    return db


@contextmanager
def snapshot(db: sqlite_utils.Database) -> Iterator[None]:
    """Reads inside see the database at one moment: a run that commits meanwhile shows up whole or not at all.

    Each statement on its own sees the latest commit, so a view built from several queries (a report, a drift
    check) could otherwise meet a change whose versions it read before they existed. Inside a transaction
    already, that transaction is the moment."""
    if db.conn.in_transaction:
        yield
        return
    db.execute("begin")
    try:
        yield
    finally:
        db.execute("rollback")  # nothing was written: readers only


def is_disk_full(err: BaseException) -> bool:
    return (isinstance(err, sqlite3.OperationalError) and "database or disk is full" in str(err)) or (
        isinstance(err, OSError) and err.errno in (errno.ENOSPC, errno.EDQUOT))


@contextmanager
def disk_full_as_error(path: Path) -> Iterator[None]:
    """A full disk becomes one clear line. SQLite has rolled back the transaction that did not fit,
    so every earlier one is intact and the next run records what this one missed."""
    try:
        yield
    except (sqlite3.OperationalError, OSError) as err:
        if not is_disk_full(err):
            raise
        raise StoreError(f"{path}: database or disk is full (no space left on {path.parent}); "
                         "free space and run termwatch again") from None


@contextmanager
def run_lock(db_path: Path) -> Iterator[None]:
    """Hold an exclusive lock beside the database for a whole run, so two cron runs never interleave writes.

    flock is released by the kernel when the process dies, so a killed run never leaves a stale lock.
    """
    lock_path = db_path.with_name(db_path.name + ".lock")
    lock_path.parent.mkdir(parents=True, exist_ok=True)
    fd = os.open(lock_path, os.O_RDWR | os.O_CREAT, 0o644)
    try:
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            holder = os.pread(fd, 32, 0).decode(errors="replace").strip() or "unknown"
            raise StoreError(
                f"{db_path}: another termwatch run is in progress (pid {holder}); wait for it to finish"
            ) from None
        os.ftruncate(fd, 0)
        os.pwrite(fd, str(os.getpid()).encode(), 0)
        yield
    finally:
        os.close(fd)


def sync_documents(db: sqlite_utils.Database, documents: tuple[Document, ...]) -> None:
    rows = [
        {"id": d.id, "vendor": d.vendor, "audience": d.audience, "type": d.type, "url": d.url}
        for d in documents
    ]
    with db.atomic():
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


def page_bytes(db: sqlite_utils.Database, sha256: str) -> bytes:
    """A kept raw page as fetched: HTML as UTF-8, a PDF as its own bytes."""
    row = db.execute("select content from pages where sha256 = ?", [sha256]).fetchone()
    if row is None:
        raise StoreError(f"raw page {sha256} is missing from the database")
    return zlib.decompress(row[0])


def page_html(db: sqlite_utils.Database, sha256: str) -> str:
    return page_bytes(db, sha256).decode("utf-8")


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
                   text_sha256: str | None = None, events: Events = ()) -> int:
    """A fetch that is not the terms: kept as evidence, never a version."""
    with db.atomic():
        page = _keep_page(db, fetch.raw or fetch.body)
        row = _fetch_row(fetch, outcome, False, reason, page) | {"text_sha256": text_sha256}
        fetch_id = _insert(db, "fetches", row)
        enqueue(db, events)
        return fetch_id


def record_seen(db: sqlite_utils.Database, fetch: FetchResult, version_id: int, outcome: str,
                text_sha256: str | None, events: Events = (), note: str | None = None) -> int:
    """A usable fetch whose text matches a stored version: one small row, no page, the version's last_seen moves.

    `note` says how a usable page was read when that needs saying (a `select` that matched nothing)."""
    with db.atomic():
        row = _fetch_row(fetch, outcome, True, note, None) | {"text_sha256": text_sha256, "version_id": version_id}
        fetch_id = _insert(db, "fetches", row)
        db.execute("update versions set last_seen = ? where id = ?", [fetch.fetched_at, version_id])
        enqueue(db, events)
        return fetch_id


def record_version(db: sqlite_utils.Database, fetch: FetchResult, text: str, text_sha256: str,
                   extractor_version: str, change: dict | None, events: Events = (),
                   clauses: Sequence = (), fallback: bool = False, note: str | None = None,
                   facts: Sequence = ()) -> tuple[int, int | None]:
    """A new wording: page, fetch, version, its training/retention/access clauses and facts (analysis.facts.Fact) and
    (when it is described against the previous version) the change, editorial or substantive, in one transaction."""
    with db.atomic():
        page = _keep_page(db, fetch.raw or fetch.body)
        fetch_id = _insert(db, "fetches", _fetch_row(fetch, "new", True, note, page) | {"text_sha256": text_sha256})
        version_id = _insert(
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
            change_id = _insert(
                db, "changes",
                {
                    "document": fetch.document_id,
                    "from_version": change["from_version"],
                    "to_version": version_id,
                    "detected_at": fetch.fetched_at,
                    "significance": change["significance"],
                    "training": change["training"],
                    "retention": change["retention"],
                    "access": change["access"],
                    "summary": change["summary"],
                    "facts": json.dumps(change["facts"]),
                    "clauses": json.dumps(change["clauses"]),
                },
            )
        enqueue(db, events)
        return version_id, change_id


# --- read queries -------------------------------------------------------------------------------


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
    row = db.execute(f"select ({_CURRENT_VERSION_SQL}) from documents d where d.id = ?", [document]).fetchone()
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
        _flags_as_bools(row)
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


def rewrite_derived(db: sqlite_utils.Database, version_updates: list[dict], change_updates: list[dict],
                    noise_changes: list[int], clauses: Mapping[int, tuple[str, Sequence]] | None = None,
                    facts: Mapping[int, tuple[str, Sequence]] | None = None) -> None:
    """Apply a re-extraction in one transaction: new version texts, re-described changes, noise changes dropped,
    and each version's clauses and facts (version id -> (document, models.Clause or analysis.facts.Fact list)) replaced.

    Raw pages and fetches, the evidence, are never touched.
    """
    with db.atomic():
        for row in version_updates:
            db.table("versions").update(row["id"],
                                  {k: row[k] for k in ("text", "text_sha256", "length", "extractor_version")})
        for version_id, (document, found) in (clauses or {}).items():
            db.table("version_clauses").delete_where("version_id = ?", [version_id])
            db.table("version_clauses").insert_all(clause_rows(version_id, document, found))
        for version_id, (document, found) in (facts or {}).items():
            db.table("version_facts").delete_where("version_id = ?", [version_id])
            db.table("version_facts").insert_all(fact_rows(version_id, document, found))
        for row in change_updates:
            db.table("changes").update(row["id"], {
                "significance": row["significance"], "training": row["training"], "retention": row["retention"],
                "access": row["access"],
                "summary": row["summary"],
                "facts": json.dumps(row["facts"]), "clauses": json.dumps(row["clauses"]),
            })
        for change_id in noise_changes:
            db.table("changes").delete(change_id)


def change_pairs(db: sqlite_utils.Database, document: str) -> list[dict]:
    return list(db.table("changes").rows_where("document = ?", [document], order_by="id"))


# --- agreements, drift and the alert outbox -----------------------------------------------------


def _insert(db: sqlite_utils.Database, table: str, row: dict) -> int:
    """Insert one row and return its id (a plain insert always sets it)."""
    pk = db.table(table).insert(row).last_pk
    assert isinstance(pk, int)
    return pk


def enqueue(db: sqlite_utils.Database, events: Events) -> list[int]:
    """Put events and their deliveries in the outbox; call inside the transaction of what caused them.

    An event whose key is already there (the same cause seen again after a crash) is not added twice.
    """
    ids = []
    for event, deliveries in events:
        if db.table("events").count_where("key = ?", [event["key"]]):
            continue
        event_id = _insert(db, "events", event)
        ids.append(event_id)
        for delivery in deliveries:
            db.table("deliveries").insert(delivery | {"event": event_id, "status": "pending", "attempts": 0})
    return ids


def event_exists(db: sqlite_utils.Database, key: str) -> bool:
    return bool(db.table("events").count_where("key = ?", [key]))


def pin(db: sqlite_utils.Database, agreement: str, document: str, version_id: int | None, text: str | None,
        source: str, now: str) -> None:
    with db.atomic():
        db.table("pins").upsert({"agreement": agreement, "document": document, "version_id": version_id, "text": text,
                           "source": source, "pinned_at": now}, pk=("agreement", "document"))


def pins(db: sqlite_utils.Database, agreement: str) -> dict[str, dict]:
    return {r["document"]: r for r in db.table("pins").rows_where("agreement = ?", [agreement])}


def add_finding(db: sqlite_utils.Database, finding: dict, events: Events) -> bool:
    """Record a drift finding once (by key) with its alert events; False when it was already known."""
    with db.atomic():
        if db.table("findings").count_where("key = ?", [finding["key"]]):
            return False
        db.table("findings").insert(finding | {"facts": json.dumps(finding["facts"]),
                                         "clauses": json.dumps(finding["clauses"])})
        enqueue(db, events)
        return True


def add_events(db: sqlite_utils.Database, events: Events) -> list[int]:
    with db.atomic():
        return enqueue(db, events)


def due_deliveries(db: sqlite_utils.Database, now: str, events: Sequence[int] | None = None) -> list[dict]:
    """Deliveries not yet sent whose next attempt is due (of the given events only, if any), oldest event first."""
    only = "" if events is None else f" and d.event in ({', '.join('?' * len(events))})"
    sql = (
        "select d.*, e.key, e.kind, e.subject, e.text, e.html, e.short "
        "from deliveries d join events e on e.id = d.event "
        f"where d.status in ('pending', 'failed') and (d.next_attempt_at is null or d.next_attempt_at <= ?){only} "
        "order by e.id, d.id"
    )
    return list(db.query(sql, [now, *(events or [])]))


def mark_delivery(db: sqlite_utils.Database, delivery_id: int, status: str, error: str | None, now: str,
                  next_attempt_at: str | None) -> None:
    """Record an attempt: status is sent, failed (tried again later), dropped or undeliverable (closed)."""
    with db.atomic():
        db.execute(
            "update deliveries set status = ?, attempts = attempts + 1, last_error = ?, sent_at = ?, "
            "next_attempt_at = ? where id = ?",
            [status, error, now if status == "sent" else None, next_attempt_at, delivery_id],
        )


def drop_deliveries(db: sqlite_utils.Database, events: Sequence[int], channel: str | None, now: str) -> int:
    """Close the undelivered deliveries of some events, or of a channel, as dropped by the operator."""
    where = ["status in ('pending', 'failed')"]
    params: list = []
    if events:
        where.append(f"event in ({', '.join('?' * len(events))})")
        params += list(events)
    if channel is not None:
        where.append("channel = ?")
        params.append(channel)
    with db.atomic():
        return db.execute(
            "update deliveries set status = 'dropped', last_error = ?, next_attempt_at = null "
            f"where {' and '.join(where)}",
            [f"dropped by the operator at {now}", *params],
        ).rowcount


def retry_failed(db: sqlite_utils.Database, now: str) -> int:
    with db.atomic():
        return db.execute("update deliveries set next_attempt_at = ? where status = 'failed'", [now]).rowcount


def outbox(db: sqlite_utils.Database, status: str | None = None) -> list[dict]:
    sql = (
        "select e.id as event, e.kind, e.key, e.created_at, e.document, e.vendor, e.agreement, e.training, "
        "e.retention, e.access, e.subject, d.channel, d.destination, d.target, d.status, d.attempts, d.last_error, "
        "d.next_attempt_at, d.sent_at from events e join deliveries d on d.event = e.id"
        + (" where d.status = ?" if status else "") + " order by e.id desc, d.channel, d.destination"
    )
    rows = list(db.query(sql, [status] if status else []))
    for row in rows:
        _flags_as_bools(row)
    return rows


def _flags_as_bools(row: dict) -> None:
    """SQLite keeps the topic flags as 0/1; rows leave the store with them as booleans."""
    for flag in FLAGS:
        row[flag] = bool(row[flag])


def findings(db: sqlite_utils.Database, agreement: str | None = None) -> list[dict]:
    where, params = ("where agreement = ?", [agreement]) if agreement else ("", [])
    rows = list(db.query(f"select * from findings {where} order by id", params))
    for row in rows:
        _flags_as_bools(row)
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
