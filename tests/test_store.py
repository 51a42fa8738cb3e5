"""The SQLite store on real files: migrations, WAL, the run lock, versioning writes and read queries."""

from __future__ import annotations

import multiprocessing
import sqlite3

import pytest
import sqlite_utils

from monitor.analysis.classify import Change, ChangeClass
from monitor.errors import StoreError
from monitor.models import Document, FetchResult
from monitor.store import read, write
from monitor.store.db import open_db, run_lock, snapshot
from monitor.store.schema import migrations

DOC = Document("acme-terms", "Acme AI", "commercial", "Terms of Service", "https://example.com/terms")


def fetch(at: str, body: str = "<html>terms</html>", **kw) -> FetchResult:
    return FetchResult(DOC.id, DOC.url, at, status=kw.pop("status", 200), body=body, **kw)


@pytest.fixture
def db(tmp_path):
    db = open_db(tmp_path / "sub" / "tw.db")
    write.sync_documents(db, (DOC,))
    return db


def test_open_creates_schema_in_wal_mode_and_is_idempotent(tmp_path):
    path = tmp_path / "tw.db"
    db = open_db(path)
    assert db.journal_mode == "wal"
    assert {"documents", "pages", "versions", "fetches", "changes"} <= set(db.table_names())
    applied = [m.name for m in migrations.applied(db)]
    db.close()
    again = open_db(path)
    registered = [m.name for m in migrations.pending(sqlite_utils.Database(memory=True))]
    assert [m.name for m in migrations.applied(again)] == applied == registered
    assert registered[:2] == ["m001_initial", "m002_agreements_and_outbox"]


def test_open_missing_database_for_reading_is_a_clear_error(tmp_path):
    with pytest.raises(StoreError, match="no database yet; run `termwatch run` first"):
        open_db(tmp_path / "none.db", create=False)


def test_open_corrupt_file_is_a_clear_error(tmp_path):
    path = tmp_path / "tw.db"
    path.write_bytes(b"this is not a database" * 100)
    with pytest.raises(StoreError, match="cannot open the database"):
        open_db(path)


def test_versions_changes_and_current(db):
    v1, c1 = write.record_version(db, fetch("2026-01-01T00:00:00+00:00", "<p>a</p>"), "A", "sha-a", "x1", None)
    assert c1 is None
    change = Change("substantive", ChangeClass(training=True, retention=False, access=False, summary="s"), v1)
    v2, c2 = write.record_version(db, fetch("2026-01-02T00:00:00+00:00", "<p>b</p>"), "B", "sha-b", "x1", change)
    assert read.current_version(db, DOC.id).id == v2
    # The page flaps back: the current version follows the latest usable fetch.
    write.record_seen(db, fetch("2026-01-03T00:00:00+00:00"), v1, "known", "sha-a")
    assert read.current_version(db, DOC.id).id == v1
    assert [v.id for v in read.recent_versions(db, DOC.id)] == [v1, v2]
    assert read.version(db, DOC.id, v1).last_seen == "2026-01-03T00:00:00+00:00"
    rows = read.changes(db)
    assert [(r["id"], r["from_version"], r["to_version"], r["training"]) for r in rows] == [(c2, v1, v2, True)]
    assert read.changes(db, retention=True) == []
    assert read.changes(db, vendor="acme ai")[0]["vendor"] == "Acme AI"


def test_raw_pages_are_kept_once_compressed_and_readable(db):
    body = "<html>" + "clause " * 5000 + "</html>"
    write.record_version(db, fetch("2026-01-01T00:00:00+00:00", body), "A", "sha-a", "x1", None)
    write.record_failure(db, fetch("2026-01-02T00:00:00+00:00", body), "suspect: …", "suspect", "sha-a")
    assert db["pages"].count == 1
    row = next(db["pages"].rows)
    assert len(row["content"]) < len(body) / 10
    assert read.page_bytes(db, row["sha256"]).decode() == body


def test_failures_are_fetches_never_versions(db):
    write.record_failure(db, fetch("2026-01-01T00:00:00+00:00", status=503), "HTTP 503")
    assert db["versions"].count == 0
    assert read.consecutive_failures(db, DOC.id) == 1
    assert read.last_fetch(db, DOC.id)["reason"] == "HTTP 503"
    assert read.status(db)[0]["last_outcome"] == "failed"


def test_pending_suspect_only_when_the_last_fetch_was_suspect(db):
    write.record_failure(db, fetch("2026-01-01T00:00:00+00:00"), "suspect: shrank", "suspect", "sha-x")
    assert read.pending_suspect(db, DOC.id) == "sha-x"
    write.record_failure(db, fetch("2026-01-02T00:00:00+00:00"), "HTTP 500")
    assert read.pending_suspect(db, DOC.id) is None


def test_document_state_reads_what_a_fetch_needs_and_the_kept_page_only_when_it_is_read_again(db):
    body = "<html>terms</html>"
    v1, _ = write.record_version(db, fetch("2026-01-01T00:00:00+00:00", body), "A", "sha-a", "x1", None)
    v2, _ = write.record_version(db, fetch("2026-01-02T00:00:00+00:00", body + " "), "B", "sha-b", "x1", None)
    write.record_failure(db, fetch("2026-01-03T00:00:00+00:00"), "HTTP 500")
    write.record_failure(db, fetch("2026-01-04T00:00:00+00:00"), "suspect: shrank", "suspect", "sha-x")
    state = read.document_state(db, DOC.id, "x1", fell_back=False)
    assert [v.id for v in state.recent] == [v2, v1] and state.current.id == v2
    assert (state.pending_suspect, state.failures, state.current_page) == ("sha-x", 2, None)
    # Read by another extractor, or by its selector while this fetch fell back: its page is read again.
    assert read.document_state(db, DOC.id, "x2", fell_back=False).current_page == (body + " ").encode()
    assert read.document_state(db, DOC.id, "x1", fell_back=True).current_page == (body + " ").encode()
    empty = read.document_state(db, "nothing-yet", "x1", fell_back=True)
    assert (empty.recent, empty.current, empty.failures, empty.current_page) == ((), None, 0, None)


def test_stretches_are_runs_of_fetches_of_one_version_newest_first(db):
    body = "<html>terms</html>"
    v1, _ = write.record_version(db, fetch("2026-01-01T00:00:00+00:00", body), "A", "sha-a", "x1", None)
    write.record_seen(db, fetch("2026-01-02T00:00:00+00:00", body), v1, "unchanged", "sha-a")
    v2, _ = write.record_version(db, fetch("2026-01-03T00:00:00+00:00", body + " "), "B", "sha-b", "x1", None)
    write.record_failure(db, fetch("2026-01-04T00:00:00+00:00"), "HTTP 500")  # not a stretch, nor a break of one
    write.record_seen(db, fetch("2026-01-05T00:00:00+00:00", body + " "), v2, "unchanged", "sha-b")
    last = write.record_seen(db, fetch("2026-01-06T00:00:00+00:00", body), v1, "known", "sha-a")
    assert read.stretches(db, DOC.id) == [read.Stretch(v1, "2026-01-06T00:00:00+00:00"),
                                          read.Stretch(v2, "2026-01-05T00:00:00+00:00"),
                                          read.Stretch(v1, "2026-01-02T00:00:00+00:00")]
    assert read.stretches(db, DOC.id, before_fetch=last)[0] == read.Stretch(v2, "2026-01-05T00:00:00+00:00")
    assert read.document_state(db, DOC.id, "x1", fell_back=False).stretches == tuple(read.stretches(db, DOC.id))


def test_validators_come_from_the_latest_usable_fetch(db):
    v1, _ = write.record_version(db, fetch("2026-01-01T00:00:00+00:00", etag='"e1"'), "A", "sha-a", "x1", None)
    write.record_failure(db, fetch("2026-01-02T00:00:00+00:00", status=500, etag='"bad"'), "HTTP 500")
    assert read.validators(db) == {DOC.id: ('"e1"', None)}


def test_resolve_version_by_id_date_and_default(db):
    v1, _ = write.record_version(db, fetch("2026-01-01T10:00:00+00:00"), "A", "sha-a", "x1", None)
    v2, _ = write.record_version(db, fetch("2026-02-01T10:00:00+00:00"), "B", "sha-b", "x1", None)
    assert read.resolve_version(db, DOC.id, None).id == v2
    assert read.resolve_version(db, DOC.id, str(v1)).text == "A"
    assert read.resolve_version(db, DOC.id, "2026-01-15").id == v1
    assert read.resolve_version(db, DOC.id, "2026-02-01").id == v2
    with pytest.raises(StoreError, match="has no version seen by 2025-12-31"):
        read.resolve_version(db, DOC.id, "2025-12-31")
    with pytest.raises(StoreError, match="has no version 99"):
        read.resolve_version(db, DOC.id, "99")


def _hold_lock(path, ready, release):
    with run_lock(path):
        ready.set()
        release.wait(10)


def test_run_lock_is_exclusive_across_processes_and_released(tmp_path):
    path = tmp_path / "tw.db"
    ctx = multiprocessing.get_context("spawn")
    ready, release = ctx.Event(), ctx.Event()
    holder = ctx.Process(target=_hold_lock, args=(path, ready, release))
    holder.start()
    assert ready.wait(10)
    with pytest.raises(StoreError, match=rf"another termwatch run is in progress \(pid {holder.pid}\)"):
        with run_lock(path):
            pass
    release.set()
    holder.join(10)
    with run_lock(path):
        pass


def test_transaction_rolls_back_on_error(db):
    with pytest.raises(sqlite3.IntegrityError):
        with db.atomic():
            db["pages"].insert({"sha256": "x", "content": b"", "length": 0})
            db["pages"].insert({"sha256": "x", "content": b"", "length": 0})
    assert db["pages"].count == 0


def test_a_snapshot_reads_one_moment_while_a_run_commits(db, tmp_path):
    # A report reads status, changes, histories and versions in several queries; a run committing
    # between them once gave it a change whose version it had not seen.
    writer = open_db(tmp_path / "sub" / "tw.db")
    write.record_version(writer, fetch("2026-01-01T00:00:00+00:00"), "first", "a" * 64, "x", None)
    with snapshot(db):
        before = read.status(db)
        write.record_version(writer, fetch("2026-01-02T00:00:00+00:00", body="<html>new</html>"), "second",
                             "b" * 64, "x", None)
        assert read.status(db) == before
        assert len(read.versions(db, DOC.id)) == 1
    assert len(read.versions(db, DOC.id)) == 2
    with snapshot(db), snapshot(db):  # nested: the outer one is the moment
        assert len(read.versions(db, DOC.id)) == 2


def test_m006_pairs_the_clauses_of_changes_and_findings_stored_before_pairing(tmp_path):
    import json

    path = tmp_path / "termwatch.db"
    old = sqlite_utils.Database(path)
    migrations.apply(old, stop_before="m006_clause_pairs")
    unpaired = [
        {"op": "delete", "heading": "Use", "text": "We will store your chats for 30 days.", "labels": ["retention"],
         "evidence": ["store"]},
        {"op": "insert", "heading": "Use", "text": "We may store your chats for 30 days.", "labels": ["retention"],
         "evidence": ["store"]},
        {"op": "insert", "heading": "Sharing", "text": "We share chats with advertisers.", "labels": ["access"],
         "evidence": ["share", "advertisers"]},
    ]
    old["documents"].insert({"id": "d", "vendor": "V", "audience": "consumer", "type": "Terms", "url": "https://e/x"})
    old["changes"].insert({"id": 1, "document": "d", "from_version": 1, "to_version": 2, "detected_at": "2026-01-01",
                           "training": False, "retention": True, "summary": "s", "facts": "[]",
                           "clauses": json.dumps(unpaired)})
    old["findings"].insert({"id": 1, "key": "k", "agreement": "a", "document": "d", "baseline": "earliest",
                            "current_version": 2, "detected_at": "2026-01-01", "training": False, "retention": True,
                            "summary": "s", "facts": "[]", "clauses": json.dumps(unpaired)})
    old.close()

    db = open_db(path)
    for table in ("changes", "findings"):
        pairs = json.loads(db[table].get(1)["clauses"])
        assert [(p["op"], p["before"], p["after"]) for p in pairs] == [
            ("changed", "We will store your chats for 30 days.", "We may store your chats for 30 days."),
            ("added", None, "We share chats with advertisers.")], table
    [change] = read.changes(db)
    assert change["clauses"][0]["words"] == [[0, "We "], [-1, "will"], [1, "may"],
                                             [0, " store your chats for 30 days."]]
