"""The database explored with Datasette: a real `datasette` server on 127.0.0.1 over a database built by real runs,
the metadata `termwatch datasette-metadata` writes, and the m003 migration of an existing database."""

from __future__ import annotations

import json
import socket
import subprocess
import sys
import time
import urllib.request
import zlib

import pytest
import sqlite_utils
from click.testing import CliRunner

from conftest import db_at, document_toml
from monitor.analysis.clauses import current_clauses
from monitor.cli import cli
from monitor.store.db import open_db
from monitor.store.schema import clause_rows, migrations
from monitor.views.datasette import TABLES

TERMS = """<!doctype html><html><head><title>Acme AI Terms</title></head><body>
<main><h1>Acme AI Terms of Service</h1>
<p>Effective July 8, 2026. These Terms govern your use of the Acme AI services and apply to every workspace.</p>
<h2>1. Customer Content</h2>
<p>{training}</p>
<h2>2. Retention</h2>
<p>We retain API inputs and outputs for up to 30 days to identify abuse, after which they are deleted.</p>
<h2>3. Fees</h2>
<p>You will pay all fees described in your order form within thirty days of the invoice date.</p>
</main></body></html>"""
BEFORE = "We do not use Customer Content to train our models unless you explicitly opt in to share it with us."
AFTER = "We may use Customer Content to train and improve our models unless you opt out in your settings."


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def get_json(url: str):
    with urllib.request.urlopen(url, timeout=10) as response:
        return json.load(response)


@pytest.fixture
def built(pages, write_config, termwatch):
    """A database recorded by two real runs: the second one changes the training clause."""
    pages.set("/terms", TERMS.format(training=BEFORE))
    config = write_config(document_toml("acme-terms", pages.url("/terms")))
    assert termwatch(config, "run").code == 0
    pages.set("/terms", TERMS.format(training=AFTER))
    second = termwatch(config, "run", "--json")
    assert second.code == 0, second.stderr
    assert second.json()["changes"][0]["training"] is True
    return config


@pytest.fixture
def datasette(built, tmp_path):
    """`datasette serve` on the built database with the written metadata; yields its base URL."""
    meta = tmp_path / "metadata.json"
    written = CliRunner().invoke(cli, ["--config", str(built), "datasette-metadata", "--out", str(meta)],
                                 catch_exceptions=False)
    assert written.exit_code == 0, written.output
    port = free_port()
    db = built.parent / "data" / "termwatch.db"
    log = tmp_path / "datasette.log"  # a file, not a pipe nobody reads, which could fill and block the server
    with log.open("w") as out:  # the child keeps its own copy of the descriptor
        proc = subprocess.Popen([sys.executable, "-m", "datasette", "serve", str(db), "-m", str(meta),
                                 "-h", "127.0.0.1", "-p", str(port)], stdout=out, stderr=subprocess.STDOUT)
    base = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 30
        while True:
            try:
                get_json(base + "/-/versions.json")
                break
            except OSError:
                if proc.poll() is not None or time.monotonic() > deadline:
                    proc.kill()
                    raise AssertionError("datasette did not start: " + log.read_text()) from None
                time.sleep(0.2)
        yield base
    finally:
        proc.terminate()
        proc.wait(timeout=10)


def test_datasette_shows_flagged_changes_current_clauses_search_and_canned_queries(datasette):
    changes = get_json(datasette + "/termwatch/changes_with_flags.json?_shape=array")
    assert len(changes) == 1
    change = changes[0]
    assert (change["document"], change["vendor"], change["from_version"], change["to_version"]) == (
        "acme-terms", "Example AI", 1, 2)
    assert change["training"] == 1 and change["url"].endswith("/terms")
    assert "improve our models" in json.dumps(json.loads(change["clauses"]))

    clauses = get_json(datasette + "/termwatch/current_clauses.json?_shape=array&label=training")
    assert [c["clause"] for c in clauses] == [AFTER]
    assert clauses[0]["version_id"] == 2
    retention = get_json(datasette + "/termwatch/current_clauses.json?_shape=array&label=retention")
    assert any("30 days" in c["clause"] for c in retention)

    # Full-text search over versions, with stemming: "improving" finds "improve", only in version 2.
    found = get_json(datasette + "/termwatch/versions.json?_search=improving&_shape=array")
    assert [v["id"] for v in found] == [2]
    both = get_json(datasette + "/termwatch/versions.json?_search=retain&_shape=array")
    assert sorted(v["id"] for v in both) == [1, 2]

    recent = get_json(datasette + "/termwatch/recent_training_retention_changes.json?_shape=array")
    assert [r["change_id"] for r in recent] == [change["change_id"]]
    snippets = get_json(datasette + "/termwatch/search_versions.json?q=improve&_shape=array")
    assert [s["version_id"] for s in snippets] == [2] and "[improve]" in snippets[0]["snippet"]
    # A phrase with punctuation FTS5 would parse as syntax: "opt-in" is only in version 1.
    phrase = get_json(datasette + "/termwatch/search_versions.json?q=opt-in&_shape=array")
    assert [s["version_id"] for s in phrase] == [1]
    vendor = get_json(datasette + "/termwatch/vendor_clauses.json?vendor=example+ai&_shape=array")
    assert {"training", "retention"} == {r["label"] for r in vendor}
    answers = get_json(datasette + "/termwatch/vendor_answers.json?vendor=example+ai&_shape=array")
    assert [(a["audience"], a["question"], a["stated"], a["facts"]) for a in answers] == [
        ("commercial", "training", 1, "Customer Content: used unless you opt out"),
        ("commercial", "retention", 1, "inputs and outputs: up to 30 days"),
        ("commercial", "access", 0, "")]

    # The metadata is in use: descriptions on the pages, the raw pages table hidden.
    with urllib.request.urlopen(datasette + "/termwatch/current_clauses", timeout=10) as response:
        page = response.read().decode()
    assert "What each document says today about training" in page
    assert "<dt>label</dt><dd>training, retention or access</dd>" in page
    tables = {t["name"]: t for t in get_json(datasette + "/termwatch.json")["tables"]}
    assert tables["pages"]["hidden"] and not tables["versions"]["hidden"]
    assert tables["versions"]["fts_table"] == "versions_fts"


def test_metadata_describes_every_table_view_and_column(tmp_path):
    db = open_db(tmp_path / "tw.db")
    shadow = {t for t in db.table_names() if t.startswith("versions_fts")}
    for name in [*db.table_names(), *db.view_names()]:
        if name in shadow:
            continue
        assert name in TABLES, f"datasette metadata does not describe table {name}"
        if TABLES[name].get("hidden"):
            continue
        missing = set(db[name].columns_dict) - set(TABLES[name]["columns"])
        assert not missing, f"datasette metadata does not describe {name}.{', '.join(sorted(missing))}"


def test_datasette_metadata_names_the_database_and_needs_one(tmp_path, write_config):
    config = write_config(document_toml("acme-terms", "https://example.com/terms"))
    missing = CliRunner().invoke(cli, ["--config", str(config), "datasette-metadata"])
    assert missing.exit_code == 1 and "no database yet; run `termwatch run` first" in missing.output
    open_db(config.parent / "data" / "termwatch.db")
    printed = CliRunner().invoke(cli, ["--config", str(config), "datasette-metadata"], catch_exceptions=False)
    meta = json.loads(printed.output)
    assert list(meta["databases"]) == ["termwatch"]
    assert "training" in meta["databases"]["termwatch"]["queries"]["recent_training_retention_changes"]["sql"]


def test_migration_upgrades_an_m002_database_keeping_every_row(tmp_path, write_config):
    path = tmp_path / "data" / "termwatch.db"
    path.parent.mkdir()
    old = sqlite_utils.Database(path)
    migrations.apply(old, stop_before="m003_clauses_views_and_search")
    v1_text = "Terms\n\n" + BEFORE
    v2_text = "Terms\n\n" + AFTER + "\n\nWe retain logs for 30 days."
    html = {1: f"<html><body><main><h1>Terms</h1><p>{BEFORE}</p></main></body></html>",
            2: f"<html><body><main><h1>Terms</h1><p>{AFTER}</p><p>We retain logs for 30 days.</p></main></body></html>"}
    old["documents"].insert({"id": "acme-terms", "vendor": "Acme AI", "audience": "commercial",
                             "type": "Terms of Service", "url": "https://example.com/terms"})
    for n, text in ((1, v1_text), (2, v2_text)):
        raw = html[n].encode()
        sha = f"page{n}"
        old["pages"].insert({"sha256": sha, "content": zlib.compress(raw), "length": len(raw)})
        at = f"2026-0{n}-01T00:00:00+00:00"
        old["fetches"].insert({"id": n, "document": "acme-terms", "fetched_at": at, "ok": True, "outcome": "new",
                               "status": 200, "url": "https://example.com/terms", "page_sha256": sha,
                               "text_sha256": f"text{n}", "version_id": n})
        old["versions"].insert({"id": n, "document": "acme-terms", "text_sha256": f"text{n}", "text": text,
                                "length": len(text), "extractor_version": "old", "first_seen": at, "last_seen": at,
                                "fetch_id": n, "page_sha256": sha})
    old["changes"].insert({"id": 1, "document": "acme-terms", "from_version": 1, "to_version": 2,
                           "detected_at": "2026-02-01T00:00:00+00:00", "training": True, "retention": True,
                           "summary": "Training now allowed", "facts": "[]", "clauses": "[]"})
    old["pins"].insert({"agreement": "acme-2025", "document": "acme-terms", "version_id": 1, "text": None,
                        "source": "version 1", "pinned_at": "2026-03-01T00:00:00+00:00"})
    old["findings"].insert({"id": 1, "key": "k", "agreement": "acme-2025", "document": "acme-terms",
                            "baseline": "pinned-version", "baseline_version": 1, "current_version": 2,
                            "detected_at": "2026-03-01T00:00:00+00:00", "training": True, "retention": False,
                            "summary": "drift", "facts": "[]", "clauses": "[]"})
    old["events"].insert({"id": 1, "key": "change:1", "kind": "change", "created_at": "2026-02-01T00:00:00+00:00",
                          "document": "acme-terms", "subject": "s", "text": "t", "html": "<p>t</p>", "short": "t"})
    old["deliveries"].insert({"id": 1, "event": 1, "channel": "legal", "destination": 0, "target": "json://x",
                              "status": "sent", "attempts": 1})
    before = {t: list(old[t].rows) for t in old.table_names() if t != "_sqlite_migrations"}
    old.close()

    db = open_db(path)
    assert "m003_clauses_views_and_search" in [m.name for m in migrations.applied(db)]
    added = {"versions": {"fallback": 0}, "changes": {"significance": "substantive", "access": 0},
             "findings": {"access": 0}, "events": {"access": 0}}  # m005's columns, defaulted
    for table, rows in before.items():
        assert list(db[table].rows) == [row | added.get(table, {}) for row in rows], table
    # The clauses of the versions already there are found and stored, and the views read them.
    for n, text in ((1, v1_text), (2, v2_text)):
        stored = [r["text"] for r in db["version_clauses"].rows_where("version_id = ?", [n], order_by="position")]
        assert stored == [c.text for c in current_clauses(text)] and stored
    current = list(db.query("select label, clause from current_clauses order by label"))
    assert current == [{"label": "retention", "clause": "We retain logs for 30 days."},
                       {"label": "training", "clause": AFTER}]
    assert [r["change_id"] for r in db.query("select change_id from changes_with_flags")] == [1]
    assert [r["rowid"] for r in db.query("select rowid from versions_fts where versions_fts match 'opt out'")] == [2]
    assert {fk.column for fk in db["findings"].foreign_keys} == {"document", "baseline_version", "current_version"}

    # reextract re-derives each version's clauses too, from the kept raw page.
    db["version_clauses"].delete_where()
    db.close()
    config = write_config(document_toml("acme-terms", "https://example.com/terms"))
    result = CliRunner().invoke(cli, ["--config", str(config), "reextract", "--json"], catch_exceptions=False)
    assert result.exit_code == 0, result.output
    db = sqlite_utils.Database(path)
    clauses = {r["clause"] for r in db.query("select clause from current_clauses")}
    assert clauses == {AFTER, "We retain logs for 30 days."}
    # Text rewritten by reextract stays searchable: the FTS triggers follow updates.
    assert db.execute("select count(*) from versions_fts where versions_fts match 'improve'").fetchone()[0] == 1


PAGE = """<!doctype html><html><head><title>Acme AI {title}</title></head><body>
<main><h1>Acme AI {title}</h1>
<p>Effective July 8, 2026. These Terms govern your use of the Acme AI services and apply to every account.</p>
<h2>1. Your Content</h2>
<p>{content}</p>
<h2>2. Fees</h2>
<p>You will pay all fees described in your order form within thirty days of the invoice date.</p>
<h2>3. Governing Law</h2>
<p>These Terms are governed by the laws of the State of California, and disputes go to its courts.</p>
</main></body></html>"""
NOT_USED = "We do not use Customer Content to train our models."
OPT_OUT = "We may use your conversations to train our models unless you opt out."
KEPT = "We retain Customer Content for 30 days after termination, after which it is deleted."


def answers(db: sqlite_utils.Database) -> list[tuple]:
    return [(r["audience"], r["question"], r["stated"], r["facts"], r["documents"])
            for r in db.query("select * from answers where vendor = 'Acme AI'")]


def test_answers_view_gives_each_audience_all_three_questions_from_the_current_versions(pages, write_config,
                                                                                        termwatch):
    pages.set("/business", PAGE.format(title="Business Terms", content=NOT_USED))
    pages.set("/consumer", PAGE.format(title="Consumer Terms", content=OPT_OUT))
    config = write_config(
        document_toml("acme-business", pages.url("/business"), vendor="Acme AI", audience="commercial"),
        document_toml("acme-consumer", pages.url("/consumer"), vendor="Acme AI", audience="consumer"))
    assert termwatch(config, "run").code == 0
    db = db_at(config)
    # Nobody answers retention or access: stated 0 with no facts, a row all the same.
    assert answers(db) == [
        ("commercial", "training", 1, "Customer Content: not used", "acme-business"),
        ("commercial", "retention", 0, "", "acme-business"),
        ("commercial", "access", 0, "", "acme-business"),
        ("consumer", "training", 1, "conversations: used unless you opt out", "acme-consumer"),
        ("consumer", "retention", 0, "", "acme-consumer"),
        ("consumer", "access", 0, "", "acme-consumer"),
    ]
    stored = list(db.query("select document, question, kind, subject, value, clause from version_facts order by id"))
    assert stored == [
        {"document": "acme-business", "question": "training", "kind": "training_stance",
         "subject": "Customer Content", "value": "not used", "clause": NOT_USED},
        {"document": "acme-consumer", "question": "training", "kind": "training_stance",
         "subject": "conversations", "value": "used unless you opt out", "clause": OPT_OUT},
    ]
    db.close()

    # A new wording gets its facts with it; the view reads the version in force now, the old facts are kept.
    pages.set("/business", PAGE.format(title="Business Terms", content=NOT_USED + " " + KEPT))
    assert termwatch(config, "run").code == 0
    db = db_at(config)
    assert answers(db)[:3] == [
        ("commercial", "training", 1, "Customer Content: not used", "acme-business"),
        ("commercial", "retention", 1, "Customer Content: 30 days", "acme-business"),
        ("commercial", "access", 0, "", "acme-business"),
    ]
    assert [r["stated"] for r in db.query("select stated from answers where audience = 'consumer'")] == [1, 0, 0]
    by_version = [(r["version_id"], r["question"]) for r in db.query(
        "select f.version_id, f.question from version_facts f where f.document = 'acme-business' order by f.id")]
    assert by_version == [(1, "training"), (3, "training"), (3, "retention")]


def test_m007_fills_version_facts_for_stored_versions_and_reextract_keeps_them_in_step(tmp_path, write_config):
    path = tmp_path / "data" / "termwatch.db"
    path.parent.mkdir()
    old = sqlite_utils.Database(path)
    migrations.apply(old, stop_before="m007_version_facts")
    old["documents"].insert({"id": "acme-terms", "vendor": "Acme AI", "audience": "commercial",
                             "type": "Terms of Service", "url": "https://example.com/terms"})
    # The page states the retention period too; the text an older extractor stored from it missed that sentence.
    html = PAGE.format(title="Terms", content=f"{NOT_USED}</p><p>{KEPT}").encode()
    text = "Acme AI Terms\n\n" + NOT_USED
    old["pages"].insert({"sha256": "page1", "content": zlib.compress(html), "length": len(html)})
    at = "2026-01-01T00:00:00+00:00"
    old["fetches"].insert({"id": 1, "document": "acme-terms", "fetched_at": at, "ok": True, "outcome": "new",
                           "status": 200, "url": "https://example.com/terms", "page_sha256": "page1",
                           "text_sha256": "text1", "version_id": 1})
    old["versions"].insert({"id": 1, "document": "acme-terms", "text_sha256": "text1", "text": text,
                            "length": len(text), "extractor_version": "old", "first_seen": at, "last_seen": at,
                            "fetch_id": 1, "page_sha256": "page1", "fallback": 0})
    old["version_clauses"].insert_all(clause_rows(1, "acme-terms", current_clauses(text)))
    assert "version_facts" not in old.table_names()
    old.close()

    db = open_db(path)
    assert "m007_version_facts" in [m.name for m in migrations.applied(db)]
    assert [(r["version_id"], r["subject"], r["value"], r["clause"]) for r in db["version_facts"].rows] == [
        (1, "Customer Content", "not used", NOT_USED)]
    assert answers(db) == [
        ("commercial", "training", 1, "Customer Content: not used", "acme-terms"),
        ("commercial", "retention", 0, "", "acme-terms"),
        ("commercial", "access", 0, "", "acme-terms"),
    ]
    db.close()

    # reextract reads the kept page again: the retention sentence is in the text now, and in its facts.
    config = write_config(document_toml("acme-terms", "https://example.com/terms", vendor="Acme AI"))
    result = CliRunner().invoke(cli, ["--config", str(config), "reextract", "--json"], catch_exceptions=False)
    assert result.exit_code == 0, result.output
    db = sqlite_utils.Database(path)
    assert [(r["question"], r["value"]) for r in db["version_facts"].rows_where(order_by="position")] == [
        ("training", "not used"), ("retention", "30 days")]
    assert answers(db)[1] == ("commercial", "retention", 1, "Customer Content: 30 days", "acme-terms")
