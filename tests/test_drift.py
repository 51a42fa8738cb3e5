"""Agreements, drift and the alerts they raise, on real SQLite files and real receivers on 127.0.0.1.

Nothing is mocked: fetch results go through a Processor into the store, check_agreements and deliver
run after each fetch as `termwatch run` does, and the tests assert on what the webhook received.
"""

from __future__ import annotations

import json
from datetime import UTC, date, datetime, timedelta
from pathlib import Path
from types import SimpleNamespace

import pytest

import corpus
from conftest import document_toml, minimal_pdf, run_termwatch, sections_page
from monitor.alerts.deliver import deliver
from monitor.analysis.drift import Baseline, choose_baseline, drift, fix_command, label, overall, tally
from monitor.app.agreements import check_agreements, drift_report, pin_agreement
from monitor.app.run import Processor
from monitor.config import parse
from monitor.errors import TermwatchError
from monitor.models import FetchResult
from monitor.store import outbox, read, write
from monitor.store.db import open_db
from receivers import WebhookReceiver

PRIVACY_DIR = "claude-ai/privacy-policy-legal-privacy"
DOC_ID = "acme-terms"
PARAGRAPHS = [
    "These Terms govern your use of the Acme AI services and apply to every workspace you create.",
    "We do not use Customer Content to train our models unless you explicitly opt in to share it.",
    "We retain API inputs and outputs for up to 30 days to identify abuse, after which they are deleted.",
    "You will pay all fees described in your order form within thirty days of the invoice date.",
    "Either party may terminate these Terms for material breach on thirty days written notice.",
]
CHANGED = PARAGRAPHS[:2] + [PARAGRAPHS[2].replace("30 days", "2 years")] + PARAGRAPHS[3:]


def make_config(tmp_path: Path, url: str = "https://example.com/terms", doc_id: str = DOC_ID,
                vendor: str = "Acme AI", type_: str = "Terms of Service", select=(), agreements=(),
                channels=(), alerting: str = "") -> tuple[Path, object]:
    """config.toml in tmp_path; agreements are dicts written as [[agreements]], channels as (id, url, events)."""
    parts = ['[storage]\ndatabase = "data/termwatch.db"\n',
             document_toml(doc_id, url, vendor=vendor, type_=type_, select=select)]
    for a in agreements:
        lines = ["[[agreements]]"] + [f"{k} = {json.dumps(v)}" for k, v in a.items()]
        parts.append("\n".join(lines) + "\n")
    for channel_id, channel_url, events in channels:
        parts.append(f'[[alerts]]\nid = "{channel_id}"\nurls = {json.dumps([channel_url])}\n'
                     f"events = {json.dumps(list(events))}\n")
    if alerting:
        parts.append("[alerting]\n" + alerting + "\n")
    path = tmp_path / "config.toml"
    path.write_text("\n".join(parts))
    return path, parse(path.read_text(), path, environ={})


class Feed:
    """One Processor over a real SQLite file, fed fetch results at times the test chooses; optionally
    followed, like `termwatch run`, by check_agreements and deliver at the same instant."""

    def __init__(self, config):
        self.config = config
        self.db = open_db(config.storage.database)
        write.sync_documents(self.db, config.documents)
        self.doc = config.documents[0]
        self.processor = Processor(self.db, config, {self.doc.id: self.doc})
        self.clock = datetime(2026, 1, 1, tzinfo=UTC)

    def fetch(self, body: str, at: str | None = None, status: int = 200) -> str:
        if at is None:
            self.clock += timedelta(hours=12)
            at = self.clock.isoformat(timespec="seconds")
        self.processor.handle(FetchResult(self.doc.id, self.doc.url, at, status=status, final_url=self.doc.url,
                                          content_type="text/html; charset=utf-8", body=body))
        return at

    def run(self, body: str, at: str | None = None, status: int = 200):
        """A fetch, then the agreements check and delivery, as `run` does after the crawl."""
        now = self.fetch(body, at, status)
        check_agreements(self.db, self.config, now)
        return deliver(self.db, self.config, now)


def titles(hook: WebhookReceiver) -> list[str]:
    return [r.json["title"] for r in hook.requests]


# --- 1. drift end to end on real corpus pages ---------------------------------------------------


def privacy_snapshots() -> tuple[corpus.Document, list[corpus.Snapshot]]:
    doc = next(d for d in corpus.documents() if d.dir == PRIVACY_DIR)
    # The June 2026 consumer privacy policy change: recorded at seq 153 (its "before-version" fetch).
    return doc, [s for s in doc.snapshots if 118 <= s.seq <= 159]


def test_drift_on_real_privacy_policy_pages_alerts_once_for_an_agreement_signed_before_the_change(tmp_path, hook):
    source, snaps = privacy_snapshots()
    assert [s.seq for s in snaps] == [118, 152, 153, 154, 159]
    agreements = [
        {"id": "msa-2026-04", "vendor": "Anthropic", "documents": ["privacy"], "signed_on": "2026-04-01"},
        {"id": "msa-2026-06", "vendor": "Anthropic", "documents": ["privacy"], "signed_on": "2026-06-09"},
    ]
    _, config = make_config(tmp_path, source.url, doc_id="privacy", vendor="Anthropic", type_="Privacy Policy",
                            select=source.select, agreements=agreements,
                            channels=[("hook", f"json://{hook.base}/hook", ["drift"])])
    feed = Feed(config)
    sent_after = {}
    for snap in snaps:
        report = feed.run(corpus.html(corpus.FIXTURE_ROOT, snap), at=snap.date.replace("Z", "+00:00"))
        assert report.failed == 0, report.errors
        sent_after[snap.seq] = len(hook.requests)

    versions = read.versions(feed.db, "privacy")
    assert len(versions) == 2
    assert versions[1].first_seen.startswith("2026-06-08")  # the change shows at seq 153
    assert sent_after == {118: 0, 152: 0, 153: 1, 154: 1, 159: 1}

    [alert] = hook.requests
    title = alert.json["title"]
    assert "msa-2026-04" in title and "training" in title
    assert "msa-2026-06" not in title
    assert "Anthropic" in title and "Privacy Policy" in title
    assert "signed on 2026-04-01" in alert.json["message"]

    # Later runs recompute drift and find the same finding: nothing more is sent.
    last = snaps[-1]
    for hours in (12, 24, 36):
        at = (datetime.fromisoformat(last.date.replace("Z", "+00:00")) + timedelta(hours=hours)).isoformat()
        feed.run(corpus.html(corpus.FIXTURE_ROOT, last), at=at)
    assert len(hook.requests) == 1
    assert [f["agreement"] for f in read.findings(feed.db)] == ["msa-2026-04"]

    by_id = {r["agreement"]: r["documents"][0] for r in drift_report(feed.db, config)}
    assert by_id["msa-2026-04"]["changed"] is True and by_id["msa-2026-04"]["training"] is True
    assert by_id["msa-2026-04"]["baseline"] == {"kind": "signed-on", "version": versions[0].id,
                                                "note": f"version {versions[0].id}, in force on 2026-04-01"}
    assert by_id["msa-2026-06"]["changed"] is False
    assert by_id["msa-2026-06"]["baseline"]["version"] == versions[1].id


# --- 2. baseline preference ---------------------------------------------------------------------


@pytest.fixture
def two_versions(tmp_path):
    """acme-terms with v1 first seen 2026-01-10 and v2 (retention 30 days → 2 years) first seen 2026-03-10."""
    agreements = [
        {"id": "early", "vendor": "Acme AI", "documents": [DOC_ID], "signed_on": "2025-12-01"},
        {"id": "feb", "vendor": "Acme AI", "documents": [DOC_ID], "signed_on": "2026-02-01"},
    ]
    path, config = make_config(tmp_path, agreements=agreements)
    feed = Feed(config)
    feed.fetch(sections_page(PARAGRAPHS), at="2026-01-10T09:00:00+00:00")
    feed.fetch(sections_page(CHANGED), at="2026-03-10T09:00:00+00:00")
    v1, v2 = read.versions(feed.db, DOC_ID)
    return path, config, feed.db, v1, v2


def baseline(db, config, agreement: str) -> dict:
    [report] = drift_report(db, config, agreement)
    [doc] = report["documents"]
    return doc


def test_version_in_force_on_signed_on_is_the_baseline(two_versions):
    _, config, db, v1, v2 = two_versions
    doc = baseline(db, config, "feb")
    assert doc["baseline"]["kind"] == "signed-on"
    assert doc["baseline"]["version"] == v1.id and doc["current_version"] == v2.id
    assert "in force on 2026-02-01" in doc["baseline"]["note"]
    assert doc["changed"] is True and doc["retention"] is True


def test_watching_started_after_signing_uses_the_earliest_version_and_says_so(two_versions):
    _, config, db, v1, _ = two_versions
    doc = baseline(db, config, "early")
    assert doc["baseline"]["kind"] == "earliest" and doc["baseline"]["version"] == v1.id
    note = doc["baseline"]["note"]
    assert "started watching on 2026-01-10" in note and "after signing on 2025-12-01" in note
    assert "earliest" in note and "pin the signed text" in note
    # The stand-in differs from the current wording: drift to show, but never a verified "drifted".
    assert doc["status"] == "unverified" and doc["changed"] is True and doc["retention"] is True
    assert doc["summary"].startswith("Changed since termwatch began watching on 2026-01-10, after signing (measured "
                                     "from a stand-in")
    assert doc["fix"] == f"termwatch agreements pin early {DOC_ID} --file signed.pdf"


def test_a_pinned_version_beats_the_version_in_force_on_signed_on(two_versions):
    _, config, db, _, v2 = two_versions
    pinned = pin_agreement(db, config, "feb", DOC_ID, None, str(v2.id))
    assert pinned == {"agreement": "feb", "document": DOC_ID, "source": f"version {v2.id}", "length": v2.length}
    doc = baseline(db, config, "feb")
    assert doc["baseline"]["kind"] == "pinned-version" and doc["baseline"]["version"] == v2.id
    assert doc["changed"] is False and doc["summary"] == "Unchanged since signing."
    assert (doc["status"], doc["fix"]) == ("unchanged", None)
    # The other agreement is untouched by this pin.
    assert baseline(db, config, "early")["baseline"]["kind"] == "earliest"


def test_pinned_files_plain_text_html_and_pdf(two_versions, tmp_path):
    _, config, db, v1, v2 = two_versions
    # Plain text of the old wording: drift from it is the retention change.
    text_file = tmp_path / "signed.txt"
    text_file.write_text("\n\n".join(PARAGRAPHS) + "\n")
    pin_agreement(db, config, "feb", DOC_ID, text_file, None)
    doc = baseline(db, config, "feb")
    assert doc["baseline"]["kind"] == "pinned-file" and doc["baseline"]["version"] is None
    assert str(text_file) in doc["baseline"]["note"]
    assert doc["changed"] is True and doc["retention"] is True

    # The signed HTML copy of the current page reads the same as the current version: no drift.
    html_file = tmp_path / "signed.html"
    html_file.write_text(sections_page(CHANGED))
    pinned = pin_agreement(db, config, "feb", DOC_ID, html_file, None)
    assert "<p>" not in read.pins(db, "feb")[DOC_ID]["text"]
    assert pinned["source"] == str(html_file)
    doc = baseline(db, config, "feb")
    assert doc["baseline"]["kind"] == "pinned-file" and str(html_file) in doc["baseline"]["note"]
    assert doc["changed"] is False

    # A PDF of the old retention clause: its text is extracted and drift is measured from it.
    pdf_file = tmp_path / "signed.pdf"
    pdf_file.write_bytes(minimal_pdf(PARAGRAPHS))
    pinned = pin_agreement(db, config, "feb", DOC_ID, pdf_file, None)
    pin_text = read.pins(db, "feb")[DOC_ID]["text"]
    assert "up to 30 days to identify abuse" in pin_text
    doc = baseline(db, config, "feb")
    assert doc["baseline"]["kind"] == "pinned-file" and str(pdf_file) in doc["baseline"]["note"]
    assert doc["changed"] is True


def test_pin_errors(two_versions, tmp_path):
    _, config, db, _, _ = two_versions
    with pytest.raises(TermwatchError, match="does not cover document 'other'"):
        pin_agreement(db, config, "feb", "other", None, "1")
    with pytest.raises(TermwatchError, match="exactly one of --file PATH or --version ID"):
        pin_agreement(db, config, "feb", DOC_ID, None, None)
    assert read.pins(db, "feb") == {}


# --- 3. fetch failure and recovery --------------------------------------------------------------


def test_fetch_failure_alert_after_threshold_then_one_recovery(tmp_path, hook):
    _, config = make_config(tmp_path, channels=[("hook", f"json://{hook.base}/hook", ["fetch-failure"])],
                            alerting="failure_threshold = 3")
    feed = Feed(config)
    feed.run(sections_page(PARAGRAPHS))
    counts = []
    for _ in range(4):
        feed.run("<html><body>Service Unavailable</body></html>", status=503)
        counts.append(len(hook.requests))
    assert counts == [0, 0, 1, 1]
    assert "could not be fetched 3 times in a row" in titles(hook)[0]
    assert "Acme AI" in titles(hook)[0]

    feed.run(sections_page(PARAGRAPHS))
    assert len(hook.requests) == 2
    assert "can be fetched again" in titles(hook)[1]
    assert "after 4 failed attempts" in hook.requests[1].json["message"]

    # Further good fetches are quiet.
    feed.run(sections_page(PARAGRAPHS))
    feed.run(sections_page(PARAGRAPHS))
    assert len(hook.requests) == 2


# --- 4. renewal reminders -----------------------------------------------------------------------


@pytest.mark.parametrize("renews_on,expected", [("2026-03-20", 1), ("2026-03-02", 1), ("2026-05-01", 0)],
                         ids=["in-window", "today", "outside-window"])
def test_renewal_reminder_once_inside_the_window(tmp_path, hook, renews_on, expected):
    agreements = [{"id": "msa", "vendor": "Acme AI", "documents": [DOC_ID], "signed_on": "2025-03-01",
                   "renews_on": renews_on}]
    _, config = make_config(tmp_path, agreements=agreements,
                            channels=[("hook", f"json://{hook.base}/hook", ["renewal"])])
    feed = Feed(config)
    feed.fetch(sections_page(PARAGRAPHS), at="2025-02-01T09:00:00+00:00")
    for day in range(2, 6):
        now = f"2026-03-0{day}T09:00:00+00:00"
        check_agreements(feed.db, config, now)
        deliver(feed.db, config, now)
    assert len(hook.requests) == expected
    if expected:
        [title] = titles(hook)
        assert "re-confirm" in title and "msa" in title and "Renewal" in title
        assert [e["kind"] for e in feed.db["events"].rows] == ["renewal"]
    else:
        assert feed.db["events"].count == 0


def test_renewal_reminder_says_what_moved_since_signing(tmp_path, hook):
    agreements = [{"id": "msa", "vendor": "Acme AI", "documents": [DOC_ID], "signed_on": "2026-01-15",
                   "renews_on": "2026-04-01"}]
    _, config = make_config(tmp_path, agreements=agreements,
                            channels=[("hook", f"json://{hook.base}/hook", ["renewal"])])
    feed = Feed(config)
    feed.fetch(sections_page(PARAGRAPHS), at="2026-01-10T09:00:00+00:00")
    feed.fetch(sections_page(CHANGED), at="2026-02-10T09:00:00+00:00")
    now = "2026-03-15T09:00:00+00:00"
    check_agreements(feed.db, config, now)
    deliver(feed.db, config, now)
    [request] = hook.requests
    assert "in 17 days: re-confirm the terms" in request.json["title"]
    assert "retention" in request.json["title"]
    assert "Since signing: 1 of 1 documents drifted." in request.json["message"]
    assert "unverified" not in request.json["message"] and "unverified" not in request.json["title"]


# --- 5. crash between commit and delivery -------------------------------------------------------


def test_an_event_committed_before_a_crash_is_delivered_once_on_the_next_run(tmp_path, hook):
    _, config = make_config(tmp_path, channels=[("hook", f"json://{hook.base}/hook", ["change"])])
    feed = Feed(config)
    feed.fetch(sections_page(PARAGRAPHS))
    feed.fetch(sections_page(CHANGED))  # the change is committed with its event ... and the process dies here
    assert hook.requests == []
    [row] = outbox.deliveries(feed.db)
    assert (row["kind"], row["status"], row["attempts"]) == ("change", "pending", 0)

    # A new process: a fresh connection to the same file delivers it.
    db = open_db(config.storage.database)
    report = deliver(db, config, "2026-01-02T09:00:00+00:00")
    assert (report.sent, report.failed) == (1, 0)
    assert len(hook.requests) == 1
    assert "Acme AI Terms of Service changed" in titles(hook)[0] and "retention" in titles(hook)[0]
    for hours in (1, 2):
        deliver(db, config, f"2026-01-02T1{hours}:00:00+00:00")
    assert len(hook.requests) == 1
    assert outbox.deliveries(db)[0]["status"] == "sent"


# --- 6. the CLI ---------------------------------------------------------------------------------


def test_cli_drift_agreements_show_and_pin(two_versions, tmp_path):
    path, config, db, v1, v2 = two_versions
    assert config.storage.database.exists()

    result = run_termwatch(path, "drift", "--json")
    assert result.code == 0, result.stderr
    report = result.json()
    assert [a["agreement"] for a in report] == ["early", "feb"]
    for agreement in report:
        assert set(agreement) == {"agreement", "vendor", "signed_on", "renews_on", "notes", "documents"}
        [doc] = agreement["documents"]
        assert set(doc) == {"document", "status", "fix", "baseline", "current_version", "changed", "training",
                            "retention", "access", "summary", "facts", "clauses"}
        assert set(doc["baseline"]) == {"kind", "version", "note"}
    feb = report[1]
    assert (feb["signed_on"], feb["renews_on"], feb["vendor"]) == ("2026-02-01", None, "Acme AI")
    assert feb["documents"][0]["baseline"]["kind"] == "signed-on"
    assert feb["documents"][0]["changed"] is True and feb["documents"][0]["retention"] is True
    assert feb["documents"][0]["status"] == "drifted"
    assert report[0]["documents"][0]["status"] == "unverified"

    shown = run_termwatch(path, "agreements", "show", "early", "--json")
    assert shown.code == 0, shown.stderr
    assert shown.json() == report[0]

    pinned = run_termwatch(path, "agreements", "pin", "feb", DOC_ID, "--version", str(v2.id), "--json")
    assert pinned.code == 0, pinned.stderr
    assert pinned.json()["source"] == f"version {v2.id}"
    after = run_termwatch(path, "drift", "feb", "--json").json()
    assert [a["agreement"] for a in after] == ["feb"]
    assert after[0]["documents"][0]["baseline"]["kind"] == "pinned-version"
    assert after[0]["documents"][0]["changed"] is False
    assert after[0]["documents"][0]["status"] == "unchanged"


def test_cli_pin_errors_are_one_line_and_exit_1(two_versions):
    path, _, db, _, _ = two_versions
    wrong = run_termwatch(path, "agreements", "pin", "feb", "nope", "--version", "1")
    assert wrong.code == 1
    assert len(wrong.stderr.strip().splitlines()) == 1
    assert "does not cover document 'nope'" in wrong.stderr and DOC_ID in wrong.stderr

    neither = run_termwatch(path, "agreements", "pin", "feb", DOC_ID)
    assert neither.code == 1
    assert len(neither.stderr.strip().splitlines()) == 1
    assert "--file" in neither.stderr and "--version" in neither.stderr
    assert read.pins(db, "feb") == {}


# --- 7. the status of a document's drift, pure -------------------------------------------------

SIGNED = "\n\n".join(PARAGRAPHS)
EDITED = SIGNED.replace("Either party", "either party")  # case only: editorial
MOVED = "\n\n".join(CHANGED)  # retention 30 days → 2 years: substantive

STATUS_CASES = {
    # name: (baseline kind, current text, status, changed)
    "signed-on, same wording": ("signed-on", SIGNED, "unchanged", False),
    "signed-on, editorial edit": ("signed-on", EDITED, "editorial", False),
    "signed-on, substantive change": ("signed-on", MOVED, "drifted", True),
    "pinned file, same wording": ("pinned-file", SIGNED, "unchanged", False),
    "pinned version, substantive change": ("pinned-version", MOVED, "drifted", True),
    "stand-in, same wording": ("earliest", SIGNED, "unverified", False),
    "stand-in, editorial edit": ("earliest", EDITED, "unverified", False),
    "stand-in, substantive change": ("earliest", MOVED, "unverified", True),
}


@pytest.mark.parametrize("kind,current,status,changed", STATUS_CASES.values(), ids=STATUS_CASES.keys())
def test_status_is_decided_from_the_baseline_and_the_comparison(kind, current, status, changed):
    base = Baseline(kind, SIGNED, None if kind == "pinned-file" else 4, "note", "2026-01-10T09:00:00+00:00")
    finding = drift("msa", DOC_ID, base, 9, current)
    assert (finding.status, finding.changed) == (status, changed)
    if status == "unverified":
        # Never "since signing" against a stand-in: the summary says where it measures from, and what is unknown.
        assert "since signing" not in finding.summary
        assert "began watching on 2026-01-10, after signing" in finding.summary
        assert "never seen" in finding.summary
        assert finding.fix == f"termwatch agreements pin msa {DOC_ID} --file signed.pdf"
    else:
        assert "since signing" in finding.summary or changed
        assert finding.fix is None


def test_a_stand_in_baseline_is_earliest_only():
    versions = [SimpleNamespace(id=1, first_seen="2026-01-10T09:00:00+00:00", text=SIGNED),
                SimpleNamespace(id=2, first_seen="2026-03-10T09:00:00+00:00", text=MOVED)]
    stand_in = choose_baseline(date(2025, 12, 1), None, versions)
    assert (stand_in.kind, stand_in.verified, stand_in.first_seen) == ("earliest", False, versions[0].first_seen)
    assert choose_baseline(date(2026, 2, 1), None, versions).verified
    assert choose_baseline(date(2025, 12, 1), {"text": SIGNED, "source": "signed.txt"}, versions).verified
    assert choose_baseline(date(2025, 12, 1), {"version_id": 2, "source": "version 2"}, versions).verified


TALLY_CASES = {
    # name: ((status, changed) per document, overall, words)
    "all unchanged or editorial": ([("unchanged", False), ("editorial", False)], "unchanged", "no drift"),
    "one stand-in": ([("unverified", False)], "unverified", "1 of 1 documents unverified"),
    "stand-in beside unchanged": ([("unchanged", False), ("unverified", False)], "unverified",
                                  "1 of 2 documents unverified"),
    "stand-ins, one moved since watching began": ([("unverified", True), ("unverified", False)], "unverified",
                                                  "2 of 2 documents unverified (1 changed since watching began)"),
    "drifted first": ([("unverified", True), ("drifted", True), ("no-version", None)], "drifted",
                      "1 of 3 documents drifted, 1 unverified (1 changed since watching began), 1 not fetched yet"),
    "nothing fetched": ([("no-version", None)] * 2, "no-version", "2 of 2 documents not fetched yet"),
    "one not fetched beside unchanged": ([("unchanged", False), ("no-version", None)], "no-version",
                                         "1 of 2 documents not fetched yet"),
}


@pytest.mark.parametrize("documents,expected_overall,words", TALLY_CASES.values(), ids=TALLY_CASES.keys())
def test_an_agreement_reads_no_drift_only_when_every_document_was_compared_with_what_was_signed(
        documents, expected_overall, words):
    assert overall([status for status, _ in documents]) == expected_overall
    assert tally(documents) == words


def test_status_labels_and_fixes():
    assert label("unverified", False) == "unverified"
    assert label("unverified", True) == "unverified, changed since watching began"
    assert [label(s, None) for s in ("drifted", "unchanged", "editorial", "no-version")] == [
        "drifted", "unchanged", "editorial only", "not fetched yet"]
    assert fix_command("unverified", "msa", DOC_ID) == f"termwatch agreements pin msa {DOC_ID} --file signed.pdf"
    assert fix_command("no-version", "msa", DOC_ID) == "termwatch run"
    assert fix_command("drifted", "msa", DOC_ID) is None
