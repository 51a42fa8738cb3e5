"""The schema: migrations m001..m007, applied when the database is opened, the views they create, and the
rows of a version's clauses and facts that both a migration and a new version write."""

from __future__ import annotations

import json
from collections.abc import Sequence

import sqlite_utils
from sqlite_utils import Migrations

migrations = Migrations("termwatch")


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
CURRENT_VERSION_SQL = (
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
join version_clauses k on k.version_id = ({CURRENT_VERSION_SQL})
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
    from monitor.analysis.pairs import pairs_from_dicts

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
  select d.id as document, d.vendor, d.audience, ({CURRENT_VERSION_SQL}) as version_id from documents d
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
    """Rows of version_facts for the facts (facts.Fact) one version states, each with the question it answers."""
    from monitor.analysis.facts import FACT_TOPIC

    return [
        {"version_id": version_id, "document": document, "position": i, "question": FACT_TOPIC[f.kind],
         "kind": f.kind, "subject": f.subject, "value": f.value, "clause": f.clause}
        for i, f in enumerate(found)
    ]
