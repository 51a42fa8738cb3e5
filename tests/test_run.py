"""`termwatch run` end to end: a subprocess crawls pages served on 127.0.0.1; assertions on the DB and stdout."""

from __future__ import annotations

import gzip
import json
import socket

import pytest

from conftest import FIXTURES, db_at, document_toml
from monitor.store import read
from monitor.store.db import run_lock

TERMS = """<!doctype html><html><head><title>Acme AI Terms</title></head><body>
<nav><a href="/">Home</a><a href="/pricing">Pricing</a></nav>
<main><h1>Acme AI Terms of Service</h1>
<p>Effective July 8, 2026. These Terms govern your use of the Acme AI services and apply to every workspace.</p>
<h2>1. Customer Content</h2>
<p>We do not use Customer Content to train our models unless you explicitly opt in to share it with us.</p>
<h2>2. Retention</h2>
<p>We retain API inputs and outputs for up to 30 days to identify abuse, after which they are deleted.</p>
<h2>3. Fees</h2>
<p>You will pay all fees described in your order form within thirty days of the invoice date.</p>
</main><footer>© Acme AI</footer></body></html>"""



@pytest.fixture
def site(pages, write_config):
    pages.set("/terms", TERMS)
    return write_config(document_toml("acme-terms", pages.url("/terms")))


def test_first_then_unchanged_then_changed(site, pages, termwatch):
    first = termwatch(site, "run", "--json")
    assert first.code == 0, first.stderr
    summary = first.json()
    assert set(summary) == {"started_at", "finished_at", "documents", "fetched", "unchanged", "failed",
                            "new_versions", "changes", "failures", "alerts"}
    assert (summary["fetched"], summary["new_versions"], summary["changes"], summary["failed"]) == (1, 1, [], 0)

    # Tracking ids in links and re-rendered markup are not a change.
    pages.set("/terms", TERMS.replace('href="/pricing"', 'href="/pricing?utm_source=x&did=8f3a"'))
    again = termwatch(site, "run", "--json").json()
    assert (again["unchanged"], again["new_versions"]) == (1, 0)

    pages.set("/terms", TERMS.replace("for up to 30 days", "for up to 90 days"))
    changed = termwatch(site, "run", "--json")
    assert changed.code == 0
    change = changed.json()["changes"][0]
    assert {"id", "document", "vendor", "from_version", "to_version", "training", "retention", "summary"} <= set(change)
    assert (change["document"], change["from_version"], change["to_version"]) == ("acme-terms", 1, 2)

    db = db_at(site)
    assert db["versions"].count == 2 and db["changes"].count == 1 and db["fetches"].count == 3
    assert [r["outcome"] for r in db["fetches"].rows_where(order_by="id")] == ["new", "unchanged", "new"]
    latest = db["versions"].get(2)
    assert "up to 90 days" in latest["text"] and "Pricing" not in latest["text"]
    assert read.page_bytes(db, latest["page_sha256"]).decode().startswith("<!doctype html>")

    listed = termwatch(site, "changes", "--json").json()
    assert [c["id"] for c in listed] == [change["id"]]
    text = termwatch(site, "changes")
    assert "acme-terms" in text.stdout and "1→2" in text.stdout


def test_etag_gives_a_conditional_request_and_304(pages, write_config, termwatch):
    pages.set("/terms", TERMS, ETag='"abc"')
    config = write_config(document_toml("acme-terms", pages.url("/terms")))
    assert termwatch(config, "run").code == 0
    second = termwatch(config, "run", "--json").json()
    assert (second["unchanged"], second["new_versions"]) == (1, 0)
    assert pages.requests[-1][1].get("If-None-Match") == '"abc"'
    outcomes = [r["outcome"] for r in db_at(config)["fetches"].rows_where(order_by="id")]
    assert outcomes == ["new", "not-modified"]


def closed_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


CHALLENGE = ("<html><head><title>Just a moment...</title></head><body><h1>Checking your browser before "
             "accessing the site.</h1><p>Enable JavaScript and cookies to continue</p></body></html>")
NOT_AVAILABLE = ("<html><head><title>Page not found</title></head><body><main><h1>This page isn't available</h1>"
                 "<p>The link you followed may be broken, or the page may have been removed.</p></main></body></html>")
LOGIN = ("<html><head><title>Sign in</title></head><body><main><h1>Sign in to continue</h1>"
         "<form><input name=email><input type=password name=password><button>Log in</button></form>"
         "</main></body></html>")


def test_every_failed_fetch_kind_is_recorded_and_never_a_version(pages, write_config, termwatch):
    pages.set("/error", "<h1>Internal error</h1>", status=500)
    pages.set("/missing", "<h1>Not here</h1>", status=404)
    pages.set("/wall", CHALLENGE, status=403)
    pages.set("/challenge", CHALLENGE)
    pages.set("/unavailable", NOT_AVAILABLE)
    pages.set("/empty", "")
    pages.set("/blank", "<html><body><main>  </main></body></html>")
    pages.set("/login", LOGIN)
    pages.redirect("/terms-redirect", "/login")
    pages.set("/pdf", b"%PDF-1.7 binary", Content_Type="application/pdf")
    docs = {
        "error": "/error", "missing": "/missing", "wall": "/wall", "challenge": "/challenge",
        "unavailable": "/unavailable", "empty": "/empty", "blank": "/blank", "login": "/terms-redirect",
        "pdf": "/pdf",
    }
    config = write_config(
        *(document_toml(k, pages.url(v)) for k, v in docs.items()),
        document_toml("refused", f"http://127.0.0.1:{closed_port()}/terms"),
    )
    result = termwatch(config, "run", "--json")
    assert result.code == 3, result.stderr
    summary = result.json()
    reasons = {f["document"]: f["reason"] for f in summary["failures"]}
    assert set(reasons) == set(docs) | {"refused"}
    assert summary["new_versions"] == 0 and summary["failed"] == 10
    assert "500" in reasons["error"] and "404" in reasons["missing"]
    for name in ("wall", "challenge", "unavailable", "empty", "blank", "login", "refused", "pdf"):
        assert reasons[name], name
    db = db_at(config)
    assert db["versions"].count == 0
    assert {r["outcome"] for r in db["fetches"].rows} == {"failed"}
    status = {r["document"]: r for r in termwatch(config, "status", "--json").json()}
    assert status["login"]["last_reason"] == reasons["login"]


def test_one_failure_does_not_stop_the_others_and_only_selects(pages, write_config, termwatch):
    pages.set("/terms", TERMS)
    pages.set("/down", "<h1>Oops</h1>", status=503)
    config = write_config(document_toml("acme-terms", pages.url("/terms")),
                          document_toml("acme-down", pages.url("/down")))
    summary = termwatch(config, "run", "--json").json()
    assert (summary["new_versions"], summary["failed"]) == (1, 1)
    only = termwatch(config, "run", "--only", "acme-down", "--json")
    assert only.code == 3 and only.json()["documents"] == 1
    unknown = termwatch(config, "run", "--only", "nope")
    assert unknown.code == 1 and "no document with id 'nope'" in unknown.stderr


def test_a_second_run_while_one_holds_the_lock_exits_1(site, termwatch):
    database = site.parent / "data" / "termwatch.db"
    with run_lock(database):
        result = termwatch(site, "run")
    assert result.code == 1
    assert "another termwatch run is in progress" in result.stderr and "Traceback" not in result.stderr
    assert termwatch(site, "run").code == 0


def test_read_commands(site, termwatch):
    before = termwatch(site, "status")
    assert before.code == 1 and "no database yet; run `termwatch run` first" in before.stderr
    termwatch(site, "run")
    assert termwatch(site, "status").stdout.startswith("DOCUMENT")
    status = termwatch(site, "status", "--json").json()
    assert status[0]["document"] == "acme-terms" and status[0]["versions"] == 1
    assert status[0]["last_outcome"] == "new"
    versions = termwatch(site, "versions", "acme-terms", "--json").json()
    assert list(versions[0]) == ["id", "first_seen", "last_seen", "sha256", "length", "extractor_version"]
    shown = termwatch(site, "show", "acme-terms")
    assert "We do not use Customer Content to train our models" in shown.stdout
    assert termwatch(site, "show", "acme-terms", "1").stdout == shown.stdout
    missing = termwatch(site, "show", "acme-terms", "7")
    assert missing.code == 1 and "has no version 7" in missing.stderr


def test_extract_prints_text_and_stores_nothing(site, pages, termwatch):
    result = termwatch(site, "extract", "acme-terms")
    assert result.code == 0
    assert "1. Customer Content" in result.stdout and "Home" not in result.stdout
    assert not (site.parent / "data" / "termwatch.db").exists()
    by_url = termwatch(site, "extract", pages.url("/terms"), "--select", "main", "--remove", "h2")
    assert by_url.code == 0
    assert "1. Customer Content" not in by_url.stdout and "We retain API inputs" in by_url.stdout
    too_little = termwatch(site, "extract", pages.url("/terms"), "--select", "h2")
    assert too_little.code == 3 and "not usable" in too_little.stderr
    assert too_little.stdout.strip()  # what the selector found is shown all the same, to tune it
    normalised = termwatch(site, "extract", "acme-terms", "--normalised")
    assert normalised.code == 0 and normalised.stdout != result.stdout
    bad = termwatch(site, "extract", pages.url("/nowhere"))
    assert bad.code == 3 and "404" in bad.stderr


def corpus_bodies(directory: str) -> list[bytes]:
    manifest = json.loads((FIXTURES / "corpus" / "manifest.json").read_text())
    doc = next(d for d in manifest["documents"] if d["dir"] == directory)
    return [gzip.decompress((FIXTURES / "corpus" / s["file"]).read_bytes()) for s in doc["snapshots"]]


def test_crawl_level_replay_of_real_snapshots_records_one_version(pages, write_config, termwatch):
    """A few real snapshots of Anthropic's commercial terms through the real crawl: noise only."""
    pages.set("/legal/commercial-terms", b"")
    config = write_config(document_toml("anthropic-commercial", pages.url("/legal/commercial-terms"),
                                        vendor="Anthropic", select=["main"]))
    bodies = corpus_bodies("claude-ai/commercial-terms")
    for body in bodies[:: max(1, len(bodies) // 5)]:
        pages.set("/legal/commercial-terms", body)
        result = termwatch(config, "run", "--json")
        assert result.code == 0, result.stderr
    assert db_at(config)["versions"].count == 1
    assert db_at(config)["changes"].count == 0


def test_diff_history_clauses_and_filters_after_a_retention_change(site, pages, termwatch):
    termwatch(site, "run")
    pages.set("/terms", TERMS.replace("for up to 30 days", "for up to 90 days"))
    change = termwatch(site, "run", "--json").json()["changes"][0]
    assert change["retention"] is True and change["training"] is False
    assert "30 days" in change["summary"] and "90 days" in change["summary"]

    listed = termwatch(site, "changes", "--retention", "--json").json()
    assert [c["id"] for c in listed] == [change["id"]]
    assert listed[0]["facts"] and {"before", "after"} <= set(listed[0]["facts"][0])
    assert termwatch(site, "changes", "--training", "--json").json() == []
    assert termwatch(site, "changes", "--vendor", "nobody", "--json").json() == []

    diff = termwatch(site, "diff", "acme-terms", "--format", "json").json()
    assert (diff["from_version"], diff["to_version"]) == (1, 2)
    [hunk] = [h for h in diff["hunks"] if h["op"] != "insert" or h["new"].strip()]
    assert hunk["op"] == "replace" and "Retention" in hunk["heading"]
    assert [-1, "30"] in hunk["words"] and [1, "90"] in hunk["words"]
    text = termwatch(site, "diff", "acme-terms", env={"NO_COLOR": "1"})
    assert "\x1b[" not in text.stdout and "90" in text.stdout
    html = termwatch(site, "diff", "acme-terms", "1", "2", "--format", "html").stdout
    assert html.lstrip().lower().startswith("<!doctype html>") and "90" in html
    assert "90" in termwatch(site, "diff", "acme-terms", "--format", "markdown").stdout

    history = termwatch(site, "history", "acme-terms", "--json").json()
    assert [h["version"] for h in history] == [1, 2]
    assert history[0]["change"] is None and history[1]["change"]["retention"] is True

    clauses = termwatch(site, "clauses", "acme-terms", "--json").json()
    labels = {label for c in clauses["clauses"] for label in c["labels"]}
    assert labels == {"training", "retention"}
    assert any(f["kind"] == "retention_period" and "90 days" in f["value"] for f in clauses["facts"])
    only = termwatch(site, "clauses", "acme-terms", "--training", "--json").json()
    assert only["clauses"] and all("training" in c["labels"] for c in only["clauses"])


def test_quiet_prints_only_when_something_changed_or_failed(site, pages, termwatch):
    assert termwatch(site, "run", "--quiet").stdout == ""  # first version: no change, nothing to say
    assert termwatch(site, "run", "--quiet").stdout == ""  # unchanged: cron sends no mail

    pages.set("/terms", TERMS.replace("for up to 30 days", "for up to 90 days"))
    changed = termwatch(site, "run", "-q")
    assert changed.code == 0 and "changed  acme-terms [retention]" in changed.stdout

    pages.set("/terms", "<html><body></body></html>")
    failed = termwatch(site, "run", "-q")
    assert failed.code == 3 and "failed   acme-terms" in failed.stderr


def test_progress_goes_to_stderr_on_a_terminal_only(site, termwatch):
    import os
    import pty
    import subprocess
    import sys

    from conftest import ROOT

    # A real pseudo-terminal on stderr, as when someone runs termwatch by hand.
    leader, follower = pty.openpty()
    proc = subprocess.run([sys.executable, "-m", "monitor", "--config", str(site), "run"], cwd=ROOT,
                          stdout=subprocess.PIPE, stderr=follower, text=True, timeout=120)
    os.close(follower)
    shown = b""
    while True:
        try:
            chunk = os.read(leader, 65536)
        except OSError:  # the terminal closes once everything was read
            break
        if not chunk:
            break
        shown += chunk
    os.close(leader)
    assert proc.returncode == 0
    assert b"Fetching" in shown and b"100%" in shown
    assert "Fetching" not in proc.stdout and "1 documents: 1 fetched" in proc.stdout

    piped = termwatch(site, "run")  # under cron stderr is not a terminal: no progress
    assert "Fetching" not in piped.stderr and piped.stderr == ""
