"""The report for a reviewer: a page per version with its full text and its kept raw page, `show --raw`,
readable dates, and a banner when documents are failing. Real runs against pages on 127.0.0.1, then the
report's files, and a real headless Chromium opening them (the raw page too) from file:// URLs."""

from __future__ import annotations

import os
import pty
import re
import shutil
import subprocess
from pathlib import Path
from urllib.parse import urlsplit

import lxml.html
import pytest
from click.testing import CliRunner

from conftest import ROOT, PageServer, config_toml, db_at, document_toml, run_termwatch, termwatch_command
from monitor.cli import cli
from monitor.timeutil import readable
from monitor.views.templating import when
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
    "These Terms govern your use of the Acme AI services and apply to every workspace you create, in Zürich or "
    "anywhere.",
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
            "</main></body></html>").encode()


def other_page(name: str) -> bytes:
    text = " ".join(f"{name} explains how its assistant may be used, in paragraph {i}, with examples."
                    for i in range(6))
    return f"<html><body><main><h1>{name} usage policy</h1><p>{text}</p></main></body></html>".encode()


V1 = terms_page(PARAGRAPHS)
V2 = terms_page([p.replace("30 days", "2 years") for p in PARAGRAPHS])  # a substantive change: retention
# V2 with an editorial edit:
V3 = terms_page([p.replace("30 days", "2 years").replace("within thirty", "within Thirty") for p in PARAGRAPHS])


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
        config.write_text(config_toml()
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


# --- a page per version, with its raw page -----------------------------------------------------

def test_every_version_has_a_page_with_its_full_text_and_its_dates(site):
    out = site["out"]
    v1, v2, v3 = site["versions"]["acme-terms"]
    tree = parse(out / f"version-acme-terms-{v2}.html")
    text = tree.xpath("string(//div[@class='text'])")
    for paragraph in PARAGRAPHS:
        assert paragraph.replace("30 days", "2 years") in text
    assert "up to 30 days" not in text
    # The page's headings are headings (its h1 and h2 below the version page's own h2, as h3 and h4);
    # the hostile one is their text, nothing more.
    assert [h.text_content() for h in tree.xpath("//div[@class='text']/h3")] == ["Acme AI Terms"]
    assert [h.text_content() for h in tree.xpath("//div[@class='text']/h4")][:2] == [f"1. {HOSTILE_TEXT}", "2. Use"]
    times = tree.xpath("//p[@class='meta']/time")
    seen = site_version(site, v2)
    assert [t.get("datetime") for t in times[:2]] == [seen["first_seen"], seen["last_seen"]]
    stamps = [t.text for t in times]
    assert all(re.fullmatch(r"\d{1,2} [A-Z][a-z]+ \d{4}, \d\d:\d\d UTC", s) for s in stamps), stamps
    assert f"version {v2}, 2 of 3 recorded" in tree.text_content()


def test_version_pages_link_to_their_neighbours_the_change_that_led_there_and_the_raw_page(site):
    out = site["out"]
    v1, v2, v3 = site["versions"]["acme-terms"]
    change = site["changes"][v2]
    first, middle, last = (parse(out / f"version-acme-terms-{v}.html") for v in (v1, v2, v3))
    assert not first.xpath("//a[@rel='prev']")
    assert first.xpath("//a[@rel='next']/@href") == [f"version-acme-terms-{v2}.html"]
    assert "First recorded" not in first.text_content() and "first recorded version" in first.text_content()
    assert middle.xpath("//a[@rel='prev']/@href") == [f"version-acme-terms-{v1}.html"]
    assert middle.xpath("//a[@rel='next']/@href") == [f"version-acme-terms-{v3}.html"]
    assert middle.xpath(f"//a[@href='change-{change['id']}.html']")
    assert "retention" in middle.xpath("string(//span[contains(@class,'flag')])")
    assert not last.xpath("//a[@rel='next']") and "latest recorded version" in last.text_content()
    assert f"An editorial edit of version {v2}" in last.text_content()  # no change page for an editorial edit
    for tree, v in ((first, v1), (middle, v2), (last, v3)):
        assert tree.xpath(f"//a[@href='raw/acme-terms-{v}.html.txt']")
        assert site_version(site, v)["page_sha256"] in tree.text_content()
    # The document's timeline links each version to its page, newest first; the editorial edit is said.
    timeline = parse(out / "document-acme-terms.html").xpath(
        "//ol[@class='timeline']/li//a[starts-with(@href,'version-')]/@href")
    assert timeline == [f"version-acme-terms-{v}.html" for v in (v3, v2, v1)]


def test_the_raw_pages_are_the_served_bytes_named_so_no_browser_runs_them(site):
    out = site["out"]
    v1, v2, v3 = site["versions"]["acme-terms"]
    for v, served in ((v1, V1), (v2, V2), (v3, V3)):
        assert (out / "raw" / f"acme-terms-{v}.html.txt").read_bytes() == served
    [dpa] = site["versions"]["acme-dpa"]
    assert (out / "raw" / f"acme-dpa-{dpa}.pdf.bin").read_bytes() == site["pdf"]
    page = parse(out / f"version-acme-dpa-{dpa}.html")
    assert page.xpath(f"//a[@href='raw/acme-dpa-{dpa}.pdf.bin']") and "Data Processing Addendum" in page.text_content()
    assert sorted(p.name for p in (out / "raw").iterdir()) == sorted(
        [f"acme-terms-{v}.html.txt" for v in (v1, v2, v3)] + [f"acme-dpa-{dpa}.pdf.bin",
                                                                f"flaky-usage-{site['versions']['flaky-usage'][0]}.html.txt"])


def test_every_page_of_the_report_is_reachable_and_every_link_resolves(site):
    out = site["out"]
    reached, queue = {"index.html"}, ["index.html"]
    while queue:
        page = out / queue.pop()
        if page.suffix != ".html":
            continue
        for href in parse(page).xpath("//a/@href"):
            if href.startswith(("http://", "https://")):
                continue
            target = urlsplit(href).path
            assert (out / target).is_file(), f"{page.name} links to missing {href}"
            if target not in reached:
                reached.add(target)
                queue.append(target)
    assert reached == {p.relative_to(out).as_posix() for p in out.rglob("*") if p.is_file()}


def test_chromium_shows_the_version_page_and_the_raw_page_as_text_and_runs_nothing(site, tmp_path):
    from playwright.sync_api import sync_playwright

    out = site["out"]
    v1, v2, v3 = site["versions"]["acme-terms"]
    [dpa] = site["versions"]["acme-dpa"]
    dialogs: list[str] = []
    with sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path="/usr/bin/chromium", args=CHROMIUM_ARGS)
        page = browser.new_page(accept_downloads=True)
        page.on("dialog", lambda dialog: (dialogs.append(dialog.message), dialog.dismiss()))
        for file in sorted(out.glob("version-*.html")):
            page.goto(file.as_uri())
            assert page.evaluate("typeof window.__pwned") == "undefined", file.name
            assert page.evaluate("document.querySelectorAll('script,img,svg,iframe,[onerror]').length") == 0
        page.goto((out / f"version-acme-terms-{v2}.html").as_uri())
        assert page.get_by_text(f"1. {HOSTILE_TEXT}").is_visible()
        page.screenshot(path=tmp_path / "version.png", full_page=True)
        # Following the raw page's link: the page's source as plain text, its live script inert.
        page.click("text=The page as fetched")
        page.wait_for_load_state("load")
        assert page.url == (out / "raw" / f"acme-terms-{v2}.html.txt").as_uri()
        assert page.evaluate("document.contentType") == "text/plain"
        assert page.evaluate("typeof window.__pwned") == "undefined"
        assert page.evaluate("document.querySelectorAll('script,img,a').length") == 0
        assert 'window.__pwned="live"' in page.evaluate("document.body.innerText")
        # The PDF is a download, never opened in the browser's PDF viewer.
        page.goto((out / f"version-acme-dpa-{dpa}.html").as_uri())
        with page.expect_download() as download:
            page.click("text=The PDF as fetched")
        assert Path(download.value.path()).read_bytes() == site["pdf"]
        browser.close()
    assert dialogs == []


def test_a_new_report_removes_raw_pages_of_versions_gone_and_leaves_other_files_in_raw_alone(site, tmp_path):
    out = tmp_path / "site"
    (out / "raw").mkdir(parents=True)
    (out / "raw" / "acme-terms-999.html.txt").write_text("a version since re-extracted away")
    (out / "version-acme-terms-999.html").write_text("its page")
    (out / "raw" / "notes.txt").write_text("the host's own file")
    result = CliRunner().invoke(cli, ["--config", str(site["config"]), "report", "--out", str(out)],
                                catch_exceptions=False)
    assert result.exit_code == 0
    assert not (out / "raw" / "acme-terms-999.html.txt").exists() and not (out / "version-acme-terms-999.html").exists()
    assert (out / "raw" / "notes.txt").read_text() == "the host's own file"
    assert (out / "raw" / f"acme-terms-{site['versions']['acme-terms'][0]}.html.txt").read_bytes() == V1


# --- the banner on the index when documents are failing ----------------------------------------

def test_the_index_warns_that_failing_documents_may_be_stale_and_names_them(site):
    tree = parse(site["out"] / "index.html")
    [banner] = tree.xpath("//div[@class='banner']")
    assert [e.tag for e in banner.itersiblings(preceding=True)] == ["p", "h1", "nav"]  # right after the intro
    text = " ".join(banner.text_content().split())
    assert text.startswith(
        "1 document could not be read at its last fetch; what this report shows for it may be out of date.")
    [item] = banner.xpath(".//li")
    assert item.xpath(".//a/@href") == ["document-flaky-usage.html"]
    assert "Flaky AI Usage Policy" in item.text_content() and "failed" in item.text_content()
    assert "HTTP 500" in item.text_content() and re.search(r"\d{4}, \d\d:\d\d UTC", item.text_content())
    assert "acme" not in text


def test_failing_documents_are_those_whose_last_fetch_failed_or_was_suspect():
    from monitor.views.report import failing_documents

    def row(doc, outcome, reason=None):
        return {"document": doc, "vendor": "V", "type": "Terms", "last_outcome": outcome, "last_reason": reason,
                "last_fetch": "2026-06-08T22:30:40+00:00"}

    rows = [row("a", "new"), row("b", "failed", "HTTP 503"), row("c", "unchanged"), row("d", None),
            row("e", "suspect", "most of the text vanished"), row("f", "not-modified"), row("g", "known")]
    assert [(d["id"], d["outcome"], d["reason"]) for d in failing_documents(rows)] == [
        ("b", "failed", "HTTP 503"), ("e", "suspect", "most of the text vanished")]


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
    assert missing.stderr.splitlines() == [
        "Error: document 'acme-terms' has no version 999; see `termwatch versions acme-terms`"]


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
    # The report still has the version's page, saying no raw page is kept, and no raw file for it.
    out = tmp_path / "site"
    report = CliRunner().invoke(cli, ["--config", str(tmp_path / "config.toml"), "report", "--out", str(out)])
    assert report.exit_code == 0
    assert "No raw page is kept for this version." in parse(out / f"version-acme-terms-{v1}.html").text_content()
    assert not list(out.glob(f"raw/acme-terms-{v1}.*"))


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
    from monitor.views.formats import terminal_unsafe

    assert terminal_unsafe(data) is unsafe
