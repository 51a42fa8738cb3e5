"""Hostile page content end to end: a watched page full of scripts, event handlers, javascript: links and
breakout markup changes its training clause; every HTML termwatch then produces (the diff page, the alert
emails received over SMTP, the static report) shows that markup only as text, and real Chromium runs none of it.
Then the config as the trust boundary: only http(s) URLs are watched, and ${ENV} secrets appear nowhere.
"""

from __future__ import annotations

import socket
from html.parser import HTMLParser

import pytest
from click.testing import CliRunner

from conftest import PageServer, document_toml, report_figures, run_termwatch
from monitor.cli import cli
from receivers import SmtpReceiver, WebhookReceiver

SENTINEL = "__pwned"

BEFORE = """<!doctype html><html><head><title>Acme AI Terms</title></head><body><main>
<h1>Acme AI Terms of Service</h1>
<p>These Terms govern your use of the Acme AI services and apply to every workspace of the customer.</p>
<h2>1. Customer Content</h2>
<p>We do not use Customer Content to train our models unless you explicitly opt in to share it.</p>
<h2>2. Retention</h2>
<p>We retain API inputs and outputs for up to 30 days to identify abuse, after which they are deleted.</p>
</main></body></html>"""

# Live markup: the extractor must drop or flatten it, and nothing of it may come back as markup.
LIVE = [
    f"<script>window.{SENTINEL}='script';alert('script')</script>",
    f"<img src=x onerror=\"window.{SENTINEL}='img';alert('img')\">",
    f"<a href=\"javascript:window.{SENTINEL}='link';alert('link')\">opt out here</a>",
    f"<svg onload=\"window.{SENTINEL}='svg';alert('svg')\"><circle r=1></circle></svg>",
    f"<iframe src=\"javascript:window.{SENTINEL}='iframe'\"></iframe>",
    f"<object data=\"javascript:window.{SENTINEL}='object'\"></object>",
    f"<details open ontoggle=\"window.{SENTINEL}='toggle'\"><summary>More</summary></details>",
    "<style>body{background:url(javascript:alert('style'))}</style>",
]
# Entity-encoded markup: page *text* that reads like markup. It must reach every output as that text.
TEXT = [
    f"&lt;script&gt;window.{SENTINEL}='text';alert('text')&lt;/script&gt;",
    f"&lt;/textarea&gt;&lt;/style&gt;&lt;/title&gt;--&gt;&lt;img src=x onerror=window.{SENTINEL}='breakout'&gt;",
    f"&#x3C;svg/onload=window.{SENTINEL}='hex'&#x3E;",
    f"&#60;a href=&#34;javascript:window.{SENTINEL}='decimal'&#34;&#62;click&#60;/a&#62;",
    "&amp;lt;script&amp;gt;double-encoded&amp;lt;/script&amp;gt;",
    f"&lt;!--&gt;&lt;script&gt;window.{SENTINEL}='comment'&lt;/script&gt;",
    f"javascript:window.{SENTINEL}='scheme'",
    f"&lt;a href=&quot;java&amp;#x09;script:window.{SENTINEL}='tab'&quot;&gt;x&lt;/a&gt;",
]
SEEN_AS = {  # what a reader of the page saw, and so what every output must show as text
    TEXT[0]: f"<script>window.{SENTINEL}='text';alert('text')</script>",
    TEXT[1]: f"</textarea></style></title>--><img src=x onerror=window.{SENTINEL}='breakout'>",
    TEXT[4]: "&lt;script&gt;double-encoded&lt;/script&gt;",
}

AFTER = BEFORE.replace(
    "<h2>1. Customer Content</h2>",
    f"<h2>1. Customer Content &lt;script&gt;window.{SENTINEL}='heading'&lt;/script&gt;</h2>",
).replace(
    "<p>We do not use Customer Content to train our models unless you explicitly opt in to share it.</p>",
    "<p>We may use Customer Content to train our models by default, unless you opt out. "
    + " ".join(LIVE[:4]) + "</p>\n<p>" + " ".join(TEXT) + " " + " ".join(LIVE[4:]) + "</p>",
)


class Markup(HTMLParser):
    """Every element with its attributes, the visible text, and what sits inside <script>/<style>."""

    def __init__(self, html: str):
        super().__init__(convert_charrefs=True)
        self.tags: list[tuple[str, dict]] = []
        self.visible, self.raw_text, self._stack = "", "", []
        self.feed(html)
        self.close()

    def handle_starttag(self, tag, attrs):
        self.tags.append((tag, dict(attrs)))
        if tag in ("script", "style"):
            self._stack.append(tag)

    def handle_startendtag(self, tag, attrs):
        self.tags.append((tag, dict(attrs)))

    def handle_endtag(self, tag):
        if self._stack and self._stack[-1] == tag:
            self._stack.pop()

    def handle_data(self, data):
        if self._stack:
            self.raw_text += data
        else:
            self.visible += data


def assert_inert(name: str, html: str) -> Markup:
    markup = Markup(html)
    names = {tag for tag, _ in markup.tags}
    unsafe = {"script", "img", "svg", "iframe", "object", "embed", "details", "textarea", "base", "form"}
    assert not names & unsafe, name
    for tag, attrs in markup.tags:
        for attr, value in attrs.items():
            assert not attr.lower().startswith("on"), (name, tag, attr)
            assert "javascript" not in (value or "").lower().replace("\t", ""), (name, tag, attr, value)
            assert SENTINEL not in (value or ""), (name, tag, attr, value)
    assert SENTINEL not in markup.raw_text, name
    return markup


@pytest.fixture(scope="module")
def outputs(tmp_path_factory) -> dict[str, str]:
    """Run the hostile change through termwatch once and collect every HTML it produced."""
    tmp = tmp_path_factory.mktemp("hostile")
    pages, smtp = PageServer(), SmtpReceiver().start()
    try:
        pages.set("/terms", BEFORE)
        config = tmp / "config.toml"
        config.write_text(
            '[storage]\ndatabase = "data/termwatch.db"\n\n[crawl]\nuser_agent = "termwatch-test/1.0"\n'
            "timeout = 10\nretries = 0\ndelay = 0\nobey_robots = false\n\n"
            + document_toml("acme-terms", pages.url("/terms"), vendor="Acme AI")
            + '\n[[agreements]]\nid = "acme-2025"\nvendor = "Acme AI"\nsigned_on = 2025-01-01\n'
            'documents = ["acme-terms"]\n\n[[alerts]]\nid = "legal"\n'
            f'urls = ["{smtp.url("legal@buyer.example")}"]\nevents = ["change", "drift"]\n'
        )
        first = run_termwatch(config, "run", timeout=60)
        assert first.code == 0, first.stderr
        pages.set("/terms", AFTER)
        second = run_termwatch(config, "run", "--json", timeout=60)
        assert second.code == 0, second.stderr
        assert second.json()["changes"][0]["training"]
        found = {}
        diff = run_termwatch(config, "diff", "acme-terms", "--format", "html", timeout=60)
        assert diff.code == 0, diff.stderr
        found["diff"] = diff.stdout
        for mail in smtp.messages:
            message = mail.message
            html = next(p for p in message.iter_parts() if p.get_content_type() == "text/html").get_content()
            found[f"email: {message['Subject']}"] = html
        site = tmp / "site"
        made = run_termwatch(config, "report", "--out", str(site), timeout=60)
        assert made.code == 0, made.stderr
        for page in sorted(site.rglob("*.html")):
            found[f"report: {page.relative_to(site)}"] = page.read_text()
    finally:
        smtp.stop()
        pages.httpd.shutdown()
        pages.httpd.server_close()
    emails = [k for k in found if k.startswith("email")]
    assert len(emails) == 2, list(found)  # the change and the drift alert
    report_figures("hostile", {"live_markup_inputs": len(LIVE), "text_markup_inputs": len(TEXT) + 1,
                               "html_outputs_checked": len(found)})
    return found


def test_every_html_output_has_only_inert_markup(outputs):
    for name, html in outputs.items():
        assert_inert(name, html)


def test_the_check_catches_live_markup():
    for html in (AFTER, "<p onclick=x>hi</p>", '<a href="jav\tascript:x">x</a>'):
        with pytest.raises(AssertionError):
            assert_inert("raw page", html)


def test_the_diff_shows_the_hostile_text_as_text(outputs):
    visible = " ".join(Markup(outputs["diff"]).visible.split())
    assert "We may use Customer Content to train our models by default" in visible
    for shown in SEEN_AS.values():
        assert shown in visible, shown
    assert f"<script>window.{SENTINEL}='heading'</script>" in visible
    assert f"javascript:window.{SENTINEL}='scheme'" in visible
    assert "opt out here" in visible  # the link's words are kept, its target is not


def test_the_alert_emails_show_the_hostile_text_as_text(outputs):
    for name, html in outputs.items():
        if name.startswith("email"):
            visible = " ".join(Markup(html).visible.split())
            assert "train our models by default" in visible, name
            # The changed clause is shown under its heading, which carries markup-like text.
            assert f"<script>window.{SENTINEL}='heading'</script>" in visible, name


def test_the_report_pages_show_the_hostile_text_as_text(outputs):
    pages = [html for name, html in outputs.items() if name.startswith("report")]
    visible = " ".join(" ".join(Markup(html).visible.split()) for html in pages)
    assert SEEN_AS[TEXT[0]] in visible


def test_chromium_runs_none_of_it(outputs, tmp_path):
    from playwright.sync_api import sync_playwright

    args = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
            "--disable-sync", "--no-first-run"]
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path="/usr/bin/chromium", args=args)
        try:
            # The control: the watched page itself, loaded raw, does run its scripts in this browser.
            raw = browser.new_page()
            fired: list[str] = []
            raw.on("dialog", lambda d: (fired.append(d.message), d.dismiss()))
            raw.set_content(AFTER)
            raw.wait_for_timeout(200)
            assert raw.evaluate(f"typeof window.{SENTINEL}") == "string" and fired
            raw.close()
            for n, (name, html) in enumerate(outputs.items()):
                file = tmp_path / f"out{n}.html"
                file.write_text(html)
                page = browser.new_page()
                dialogs: list[str] = []
                # Bound now: a dialog a page opens late must count against that page, not the next one.
                page.on("dialog", lambda d, seen=dialogs: (seen.append(d.message), d.dismiss()))
                page.goto(file.as_uri())
                page.wait_for_timeout(200)
                assert page.evaluate(f"typeof window.{SENTINEL}") == "undefined", name
                assert dialogs == [], (name, dialogs)
                assert f"window.{SENTINEL}='heading'" in page.inner_text("body") or name.startswith("report"), name
                page.close()
        finally:
            browser.close()


# --- config is the trust boundary -----------------------------------------------------------------

NOT_HTTP = ["data:text/html,<main>terms</main>", "gopher://example.com/terms", "//example.com/terms",
            "view-source:https://example.com/terms", "http:///terms", "https:/example.com/terms",
            "file:///etc/passwd", "ftp://example.com/terms", "javascript:alert(1)", "HTTPS//example.com"]


def test_only_http_urls_are_watched_and_the_refusal_is_one_line(tmp_path):
    for n, url in enumerate(NOT_HTTP):
        config = tmp_path / f"config{n}.toml"
        config.write_text(document_toml("acme-terms", url))
        result = CliRunner().invoke(cli, ["--config", str(config), "run"])
        assert result.exit_code == 1 and result.stdout == "", url
        assert result.stderr.strip().count("\n") == 0 and "Traceback" not in result.stderr, result.stderr
        assert f"documents[0].url: {url!r} is not an http(s) URL" in result.stderr, result.stderr
    report_figures("trust boundary", {"refused_url_forms": len(NOT_HTTP)})


def test_a_redirect_to_a_local_file_or_data_url_is_not_followed(pages, write_config, termwatch, tmp_path):
    pages.set("/terms", BEFORE)
    pages.redirect("/file", "file:///etc/passwd")
    pages.redirect("/data", "data:text/html," + BEFORE.replace(" ", "%20"))
    config = write_config(document_toml("healthy", pages.url("/terms")), document_toml("file", pages.url("/file")),
                          document_toml("data", pages.url("/data")))
    result = termwatch(config, "run", "--json")
    assert result.code == 3, result.stderr
    reasons = {f["document"]: f["reason"] for f in result.json()["failures"]}
    assert reasons["file"] == ("fetch failed: HTTP 302: redirect to 'file:///etc/passwd' not followed, "
                               "only http(s) redirects are")
    assert reasons["data"].startswith("fetch failed: HTTP 302: redirect to 'data:text/html,")
    assert result.json()["new_versions"] == 1
    db_file = config.parent / "data" / "termwatch.db"
    assert b"root:x:0:0" not in db_file.read_bytes()


SECRETS = {"TW_SMTP_PASSWORD": "tw-smtp-Pw-5c1d9e", "TW_HOOK_TOKEN": "tw-hook-Tok-83b2a7",
           "TW_PAGE_KEY": "tw-page-Key-4e6f01"}


def closed_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def test_secrets_from_the_environment_appear_nowhere(pages, tmp_path):
    """A whole cycle with secrets in an SMTP password, a webhook token and a page's URL: every output, log line,
    error, database byte and report file is searched for them."""
    key = SECRETS["TW_PAGE_KEY"]
    pages.set(f"/terms?key={key}", BEFORE)
    dead = closed_port()
    hook = WebhookReceiver().start()
    smtp = SmtpReceiver(password=SECRETS["TW_SMTP_PASSWORD"]).start()
    mailto = smtp.url("legal@buyer.example").replace(smtp.password, "${TW_SMTP_PASSWORD}")
    config = tmp_path / "config.toml"
    text = (
        '[storage]\ndatabase = "data/termwatch.db"\n\n[crawl]\nuser_agent = "termwatch-test/1.0"\ntimeout = 2\n'
        "retries = 0\ndelay = 0\nobey_robots = false\n\n"
        + document_toml("acme-terms", pages.url("/terms?key=${TW_PAGE_KEY}"), vendor="Acme AI")
        + document_toml("acme-dpa", f"http://127.0.0.1:{dead}/dpa?key=${{TW_PAGE_KEY}}", vendor="Acme AI")
        + '\n[alerting]\nfailure_threshold = 1\n\n[[agreements]]\nid = "acme-2025"\nvendor = "Acme AI"\n'
        'signed_on = 2025-01-01\ndocuments = ["acme-terms", "acme-dpa"]\n\n'
        f'[[alerts]]\nid = "legal"\nurls = ["{mailto}"]\n\n'
        f'[[alerts]]\nid = "hooks"\nurls = ["json://{hook.base}/hook/${{TW_HOOK_TOKEN}}", '
        f'"json://bot:${{TW_HOOK_TOKEN}}@127.0.0.1:{dead}/x"]\n'
    )
    config.write_text(text)
    site = tmp_path / "site"
    outputs = []

    def termwatch(*args: str, config=config) -> None:
        result = run_termwatch(config, *args, env=SECRETS, timeout=60)
        assert "Traceback" not in result.stderr, (args, result.stderr)
        outputs.append((args, result))

    try:
        hook.down = True
        termwatch("run", "-v", "--json")
        pages.set(f"/terms?key={key}", AFTER)
        termwatch("run", "-v", "--json")
        for args in (["outbox", "--json"], ["outbox", "retry", "--json"], ["alerts", "test"], ["status", "--json"],
                     ["changes", "--json"], ["history", "acme-terms", "--json"], ["drift", "--diff"],
                     ["agreements", "show", "acme-2025", "--json"], ["diff", "acme-terms", "--format", "html"],
                     ["export"], ["feed"], ["report", "--out", str(site)], ["extract", "acme-terms", "-v"],
                     ["extract", "acme-dpa"]):
            termwatch(*args)
        # Config errors that would quote the URL holding a secret.
        for n, bad in enumerate(["ftp://${TW_PAGE_KEY}@example.com/terms", "https:///${TW_PAGE_KEY}"]):
            broken = tmp_path / f"broken{n}.toml"
            broken.write_text(text.replace(f"http://127.0.0.1:{dead}/dpa?key=${{TW_PAGE_KEY}}", bad))
            termwatch("run", config=broken)
            assert outputs[-1][1].code == 1
    finally:
        hook.stop()
        smtp.stop()

    # The secrets were really used: as the SMTP password, in the webhook's path and in the page's URL.
    assert (smtp.user, SECRETS["TW_SMTP_PASSWORD"], True) in smtp.logins and smtp.messages
    assert hook.refused and all(SECRETS["TW_HOOK_TOKEN"] in r.path for r in hook.refused)
    assert any(key in path for path, _ in pages.requests)
    runs = [r for args, r in outputs if args[0] == "run" and "-v" in args]
    assert runs[1].code == 3 and runs[1].json()["changes"] and runs[1].json()["alerts"]["errors"]
    assert "DEBUG" in runs[1].stderr  # the verbose log really was produced
    files = [p for p in (tmp_path / "data").iterdir()] + [p for p in site.rglob("*") if p.is_file()]
    leaks = [(args, name) for name, secret in SECRETS.items() for args, result in outputs
             if secret in result.stdout + result.stderr]
    leaks += [(file.name, name) for name, secret in SECRETS.items() for file in files
              if secret.encode() in file.read_bytes()]
    # What was delivered, too: an alert names the document's URL.
    delivered = [str(m.message["Subject"]) + "".join(p.get_content() for p in m.message.walk()
                                                     if p.get_content_maintype() == "text") for m in smtp.messages]
    delivered += [r.body.decode() for r in hook.refused]
    leaks += [("alert", name) for name, secret in SECRETS.items() for body in delivered if secret in body]
    assert not leaks, leaks
    report_figures("secrets", {"secrets": len(SECRETS), "commands_searched": len(outputs),
                               "files_searched": len(files)})
