"""What an unchanged fetch costs the store: one small row, and no rewrite of the search index."""

from __future__ import annotations

from monitor.models import Document, FetchResult
from monitor.store import read, write
from monitor.store.db import open_db

DOC = Document("acme-terms", "Acme AI", "commercial", "Terms of Service", "https://example.com/terms")
TEXT = "Customer Content is never used to train models. " * 2000  # about 100 kB, like a real terms page


def _fts_bytes(db) -> int:
    return db.execute("select coalesce(sum(length(block)), 0) from versions_fts_data").fetchone()[0]


def test_an_unchanged_fetch_leaves_the_search_index_alone_and_a_text_rewrite_reindexes(tmp_path):
    db = open_db(tmp_path / "tw.db")
    write.sync_documents(db, (DOC,))
    first = FetchResult(DOC.id, DOC.url, "2026-01-01T00:00:00Z", 200, body="<main>" + TEXT + "</main>")
    version_id, _ = write.record_version(db, first, TEXT, "sha-1", "x1", None)
    indexed = _fts_bytes(db)
    for hour in range(10):
        seen = FetchResult(DOC.id, DOC.url, f"2026-01-02T{hour:02d}:00:00Z", 304)
        write.record_seen(db, seen, version_id, "not-modified", "sha-1")
    assert _fts_bytes(db) == indexed
    assert read.version(db, DOC.id, version_id).last_seen == "2026-01-02T09:00:00Z"

    # What `reextract` does when the extractor changed: the index follows the new text.
    db.execute("update versions set text = ? where id = ?", ["Inputs are deleted after 30 days.", version_id])
    found = db.execute("select rowid from versions_fts where versions_fts match 'deleted'").fetchall()
    gone = db.execute("select rowid from versions_fts where versions_fts match 'train'").fetchall()
    assert found == [(version_id,)] and gone == []
