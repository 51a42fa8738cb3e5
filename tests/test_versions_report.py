"""The report for a reviewer: a page per version with its full text and its kept raw page, `show --raw`,
readable dates, and a banner when documents are failing. Real runs against pages on 127.0.0.1, then the
report's files, and a real headless Chromium opening them (the raw page too) from file:// URLs."""

from __future__ import annotations

import os
import pty
import shutil
import subprocess
from pathlib import Path

import lxml.html
import pytest
from click.testing import CliRunner

from conftest import ROOT, PageServer, db_at, document_toml, run_termwatch, termwatch_command
from monitor.cli import cli
from monitor.templating import when
from monitor.timeutil import readable
from test_report import CHROMIUM_ARGS


@pytest.mark.parametrize("stored,expected", [
    ("2026-06-08T22:30:40+00:00", "8 June 2026, 22:30 UTC"),
    ("2026-01-01T00:00:00+00:00", "1 January 2026, 00:00 UTC"),
    ("2026-06-08T23:30:00-02:00", "9 June 2026, 01:30 UTC"),  # shown in UTC, whatever the offset
    ("2026-12-31", "31 December 2026"),
    ("not a time", "not a time"),
])
def test_readable_dates(stored, expected):
    assert readable(stored) == expected


def test_the_when_filter_keeps_the_machine_readable_time_and_escapes():
    assert when("2026-06-08T22:30:40+00:00") == (
        '<time datetime="2026-06-08T22:30:40+00:00">8 June 2026, 22:30 UTC</time>')
    assert when('"><script>') == '<time datetime="&#34;&gt;&lt;script&gt;">&#34;&gt;&lt;script&gt;</time>'
    assert when(None) == ""


# --- the site: three real runs against pages on 127.0.0.1, then `termwatch report` ------------------

PARAGRAPHS = [
    "These Terms govern your use of the Acme AI services and apply to every workspace you create, in Zürich or anywhere.",
    "We do not use Customer Content to train our models unless you explicitly opt in to share it with us.",
    "We retain API inputs and outputs for up to 30 days to identify abuse, after which they are deleted for good.",
    "You will pay all fees described in your order form within thirty days of the invoice date, in euros (€).",
    "Either party may terminate these Terms for material breach on thirty days written notice to the other party.",
]
# Shown as text on the version page: markup only if something unescaped it.
HOSTILE_TEXT = "Section <script>window.__pwned=1;alert(1)</script> and <img src=x onerror=alert(2)>"
# Live in the served page: it would run if the kept page were ever opened as HTML from the report.
LIVE = ('<script>window.__pwned="live";alert("live")</script><img src=x onerror="window.__pwned=\'img\'">'
        '<a href="javascript:window.__pwned=\'link\'">Contact</a>')


def esc(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def terms_page(paragraphs: list[str]) -> bytes:
    body = "".join(f"<h2>{i + 1}. {'Use' if i else esc(HOSTILE_TEXT)}</h2><p>{p}</p>" for i, p in enumerate(paragraphs))
    return (f"<!doctype html><html><head><title>Terms</title></head><body><main><h1>Acme AI Terms</h1>{body}{LIVE}"
            "</main></body></html>").encode("utf-8")


def other_page(name: str) -> bytes:
    text = " ".join(f"{name} explains how its assistant may be used, in paragraph {i}, with examples." for i in range(6))
    return f"<html><body><main><h1>{name} usage policy</h1><p>{text}</p></main></body></html>".encode("utf-8")


V1 = terms_page(PARAGRAPHS)
V2 = terms_page([p.replace("30 days", "2 years") for p in PARAGRAPHS])  # a substantive change: retention
V3 = terms_page([p.replace("30 days", "2 years").replace("within thirty", "within Thirty") for p in PARAGRAPHS])  # editorial


def pdf_bytes() -> bytes:
    from playwright.sync_api import sync_playwright

    sections = "".join(f"<h2>{i}. Section</h2><p>Example AI processes Customer Data only to provide the Services, "
                       f"clause {i}, and keeps it for up to 30 days.</p>" for i in range(1, 6))
    with sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path="/usr/bin/chromium", args=CHROMIUM_ARGS)
        page = browser.new_page()
        page.set_content(f"<html><body><h1>Data Processing Addendum</h1>{sections}</body></html>")
        data = page.pdf(format="A4")
        browser.close()
    return data


@pytest.fixture(scope="module")
def site(tmp_path_factory):
    """acme-terms (HTML, hostile) in three versions; acme-dpa (a PDF); flaky-usage, fine once then HTTP 500."""
    root = tmp_path_factory.mktemp("versions")
    server = PageServer()
    pdf = pdf_bytes()
    try:
        config = root / "config.toml"
        config.write_text(
            '[storage]\ndatabase = "data/termwatch.db"\n\n'
            '[crawl]\nuser_agent = "termwatch-test/1.0"\ntimeout = 10\nretries = 0\nconcurrency = 4\n'
            "delay = 0\nobey_robots = false\n\n"
            + document_toml("acme-terms", server.url("/terms"), vendor="Acme AI", type_="Commercial Terms")
            + document_toml("acme-dpa", server.url("/dpa.pdf"), vendor="Acme AI", type_="DPA") + 'format = "pdf"\n'
            + document_toml("flaky-usage", server.url("/flaky"), vendor="Flaky AI", audience="consumer",
                            type_="Usage Policy")
        )
        server.set("/dpa.pdf", pdf, Content_Type="application/pdf")
        server.set("/flaky", other_page("Flaky AI"))
        for body in (V1, V2, V3):
            server.set("/terms", body)
            result = run_termwatch(config, "run", "--json")
            assert result.code in (0, 3), result.stderr
            server.set("/flaky", b"<html><body>Internal error</body></html>", status=500)
        assert result.code == 3 and [f["document"] for f in result.json()["failures"]] == ["flaky-usage"]
    finally:
        server.httpd.shutdown()
        server.httpd.server_close()
    out = root / "site"
    report = CliRunner().invoke(cli, ["--config", str(config), "report", "--out", str(out)], catch_exceptions=False)
    assert report.exit_code == 0, report.output
    db = db_at(config)
    versions = {doc: [r["id"] for r in db["versions"].rows_where("document = ?", [doc], order_by="id")]
                for doc in ("acme-terms", "acme-dpa", "flaky-usage")}
    assert [len(v) for v in versions.values()] == [3, 1, 1]
    return {"config": config, "out": out, "pdf": pdf, "versions": versions,
            "changes": {r["to_version"]: r for r in db["changes"].rows}}


def parse(path: Path):
    return lxml.html.fromstring(path.read_text(encoding="utf-8"))


def site_version(site, version_id: int) -> dict:
    return db_at(site["config"])["versions"].get(version_id)


def test_the_timeline_shows_an_editorial_edit_which_has_no_change_page(site):
    """An editorial edit is in a document's history but not among the changes with a page of their own."""
    v1, v2, v3 = site["versions"]["acme-terms"]
    [latest] = parse(site["out"] / "document-acme-terms.html").xpath("//ol[@class='timeline']/li[1]")
    assert f"Editorial edit of version {v2}: " in latest.text_content()
    assert not latest.xpath(".//a[starts-with(@href, 'change-')]")


# --- termwatch show DOC [VERSION] --raw ----------------------------------------------------------

def show(config: Path, *args: str):
    return CliRunner().invoke(cli, ["--config", str(config), "show", *args])


def test_show_raw_prints_the_kept_page_byte_for_byte(site, tmp_path):
    v1, v2, v3 = site["versions"]["acme-terms"]
    assert show(site["config"], "acme-terms", str(v2), "--raw").stdout_bytes == V2
    piped = subprocess.run(termwatch_command(site["config"], "show", "acme-terms", str(v2), "--raw"),
                           capture_output=True, timeout=60, cwd=ROOT)
    assert piped.returncode == 0 and piped.stdout == V2 and piped.stderr == b""
    assert show(site["config"], "acme-terms", "--raw").stdout_bytes == V3  # the current version by default
    first_day = site_version(site, v1)["first_seen"][:10]
    assert show(site["config"], "acme-terms", first_day, "--raw").stdout_bytes in (V1, V2, V3)  # VERSION as a date
    [dpa] = site["versions"]["acme-dpa"]
    result = show(site["config"], "acme-dpa", str(dpa), "--raw", "--out", str(tmp_path / "dpa.pdf"))
    assert result.exit_code == 0 and result.stdout_bytes == b"" and result.stderr == f"Wrote {tmp_path / 'dpa.pdf'}\n"
    assert (tmp_path / "dpa.pdf").read_bytes() == site["pdf"]
    # Without --raw, the text, as before; --out writes that too.
    assert show(site["config"], "acme-terms", str(v1)).stdout == site_version(site, v1)["text"] + "\n"
    assert show(site["config"], "acme-terms", str(v1), "--out", str(tmp_path / "v1.txt")).exit_code == 0
    assert (tmp_path / "v1.txt").read_text(encoding="utf-8") == site_version(site, v1)["text"] + "\n"


def test_show_raw_keeps_the_version_argument_checks(site):
    bad = show(site["config"], "acme-terms", "2026/06/01", "--raw")
    assert bad.exit_code == 2 and "'2026/06/01' is not a version id or a date" in bad.stderr
    missing = show(site["config"], "acme-terms", "999", "--raw")
    assert missing.exit_code == 1
    assert missing.stderr.splitlines() == ["Error: document 'acme-terms' has no version 999; see `termwatch versions acme-terms`"]


def test_show_raw_of_a_version_whose_page_is_not_kept_is_one_line_and_exit_1(site, tmp_path):
    shutil.copy(site["config"], tmp_path / "config.toml")
    shutil.copytree(site["config"].parent / "data", tmp_path / "data")
    v1 = site["versions"]["acme-terms"][0]
    db = db_at(tmp_path / "config.toml")
    with db.conn:
        db.conn.execute("update versions set page_sha256 = null where id = ?", [v1])
    result = show(tmp_path / "config.toml", "acme-terms", str(v1), "--raw", "--out", str(tmp_path / "page.html"))
    assert result.exit_code == 1 and result.stdout_bytes == b""
    assert result.stderr.splitlines() == [
        f"Error: version {v1} of 'acme-terms' has no raw page kept; `termwatch show acme-terms {v1}` prints its text"]
    assert not (tmp_path / "page.html").exists()


def test_show_raw_never_sends_a_pdf_or_escape_sequences_to_a_terminal(site):
    [dpa] = site["versions"]["acme-dpa"]
    leader, follower = pty.openpty()
    try:
        proc = subprocess.run(termwatch_command(site["config"], "show", "acme-dpa", str(dpa), "--raw"),
                              stdout=follower, stderr=subprocess.PIPE, text=True, timeout=60, cwd=ROOT)
    finally:
        os.close(follower)
        os.close(leader)
    assert proc.returncode == 1
    assert proc.stderr.splitlines() == [f"Error: the raw page of version {dpa} holds control characters a terminal "
                                        "would act on; give --out FILE or pipe it to a file"]


@pytest.mark.parametrize("data,unsafe", [
    (b"<html><body>plain page\n\twith tabs\r\n</body></html>", False),
    ("Zürich, € and ☃".encode(), False),
    (b"<p>\x1b]0;owned\x07 title rewrite</p>", True),
    ("<p>\u009b31m C1 control</p>".encode(), True),
    (b"%PDF-1.7\n\xe2\xe3\xcf\xd3\n", True),
])
def test_terminal_unsafe(data, unsafe):
    from monitor.render import terminal_unsafe

    assert terminal_unsafe(data) is unsafe
