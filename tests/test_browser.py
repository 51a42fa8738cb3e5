"""render = "browser": terms that only appear after JavaScript runs, through scrapy-playwright and the system's
Chromium."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from conftest import db_at, document_toml
from monitor.config import parse
from monitor.errors import ConfigError
from monitor.store import read

TERMS = [
    "1. Scope. These Commercial Terms govern your use of the Example AI API and related services "
    "(the Services) on behalf of your organisation.",
    "2. Customer Content. You own the inputs you send to the Services and the outputs you receive "
    "(together, Customer Content). We do not use Customer Content to train our models.",
    "3. Retention. We retain API inputs and outputs for up to 30 days to identify abuse, after which "
    "they are deleted, unless the law requires us to keep them longer.",
    "4. Security. We maintain administrative, physical and technical safeguards designed to protect "
    "Customer Content against unauthorised access, as described in our security documentation.",
    "5. Changes. We may update these Terms from time to time; material changes take effect 30 days "
    "after we notify you by email or through the console.",
]


def js_page(paragraphs: list[str], delay_ms: int = 0) -> str:
    """A page whose <main> is empty until its script inserts the terms, after `delay_ms`."""
    return f"""<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Commercial Terms | Example AI</title></head>
<body><header><a href="/">Example AI</a></header>
<main id="terms"></main>
<script>
  const paragraphs = {json.dumps(paragraphs)};
  setTimeout(() => {{
    const main = document.getElementById("terms");
    const h1 = document.createElement("h1");
    h1.textContent = "Commercial Terms of Service";
    main.appendChild(h1);
    for (const text of paragraphs) {{
      const p = document.createElement("p");
      p.className = "clause";
      p.textContent = text;
      main.appendChild(p);
    }}
  }}, {delay_ms});
</script>
</body></html>"""



def test_terms_inserted_by_javascript_are_read_only_in_the_browser(pages, write_config, termwatch):
    # /now inserts the terms at once; /later a second after load, after the network is idle, so only
    # waiting for `select` catches them.
    pages.set("/now", js_page(TERMS))
    pages.set("/later", js_page(TERMS, delay_ms=1500))
    config = write_config(
        document_toml("static", pages.url("/now")),
        document_toml("browser", pages.url("/now")) + 'render = "browser"\n',
        document_toml("browser-select", pages.url("/later"), select=["#terms p.clause"]) + 'render = "browser"\n',
        document_toml("browser-gone", pages.url("/gone")) + 'render = "browser"\n',
    )
    first = termwatch(config, "run", "--json")
    assert first.code == 3, first.stderr  # the static document failed
    assert first.stderr == ""  # no traceback, and nothing from Chromium or scrapy-playwright
    summary = first.json()
    assert summary["new_versions"] == 2
    reasons = {f["document"]: f["reason"] for f in summary["failures"]}
    assert reasons.keys() == {"static", "browser-gone"}
    assert reasons["static"].startswith("empty page:")
    assert reasons["browser-gone"] == "HTTP 404"  # the status comes through the browser

    db = db_at(config)
    texts = {r["document"]: r["text"] for r in db["versions"].rows}
    assert set(texts) == {"browser", "browser-select"}
    for text in texts.values():
        assert "We do not use Customer Content to train our models." in text
        assert "up to 30 days" in text
    assert "Commercial Terms of Service" in texts["browser"]  # no select: the whole rendered <main>
    # The kept page is the rendered DOM (the served HTML has no <p> at all), so `reextract` re-derives
    # the same text from what the browser showed.
    [sha] = [r["page_sha256"] for r in db["versions"].rows_where("document = 'browser'")]
    assert '<p class="clause">2. Customer Content.' in read.page_bytes(db, sha).decode()
    redone = termwatch(config, "reextract", "--json")
    assert redone.code == 0, redone.stderr
    assert redone.json()["rewritten"] == 0

    changed = [t.replace("We do not use Customer Content to train our models.",
                         "We may use Customer Content to train and improve our models.") if "train" in t else t
               for t in TERMS]
    pages.set("/now", js_page(changed))
    pages.set("/later", js_page(changed, delay_ms=1500))
    second = termwatch(config, "run", "--json", "--only", "browser", "--only", "browser-select")
    assert second.code == 0, second.stderr
    changes = {c["document"]: c for c in second.json()["changes"]}
    assert set(changes) == {"browser", "browser-select"}
    for change in changes.values():
        assert change["training"] is True and change["retention"] is False
    latest = db.execute("select text from versions where document = 'browser' order by id desc limit 1").fetchone()[0]
    assert "We may use Customer Content to train and improve our models." in latest


def test_missing_chromium_is_one_clear_line(pages, write_config, termwatch):
    pages.set("/now", js_page(TERMS))
    config = write_config(document_toml("browser", pages.url("/now")) + 'render = "browser"\n')
    # [crawl] is written first; chromium is added to it.
    config.write_text(config.read_text().replace("[crawl]\n", '[crawl]\nchromium = "/nonexistent/chromium"\n'))
    result = termwatch(config, "run")
    assert result.code == 1
    assert result.stderr.strip().splitlines() == [
        "Error: document 'browser' has render = \"browser\" but crawl.chromium '/nonexistent/chromium' "
        "is not an executable; fix the path"
    ]
    assert not pages.requests  # nothing was fetched


def doc(extra: str, url: str = "https://example.com/terms") -> str:
    return document_toml("acme", url) + extra


@pytest.mark.parametrize(
    "extra, message",
    [
        ('render = "chrome"\n', "documents[0].render: 'chrome' for document 'acme' must be one of: static, browser"),
        ("render = true\n", "documents[0].render: must be a string, not True"),
        ('render = "browser"\nformat = "pdf"\n',
         "documents[0].render: document 'acme' is a PDF, which is read as is; remove render = \"browser\""),
    ],
)
def test_bad_render_is_a_config_error(extra, message):
    with pytest.raises(ConfigError) as err:
        parse(doc(extra), Path("config.toml"))
    assert str(err.value) == f"config.toml: {message}"


def test_render_defaults_to_static():
    [document] = parse(doc(""), Path("config.toml")).documents
    assert document.render == "static"


def test_browser_settings_use_the_system_chromium_and_name_the_document():
    from monitor.config import CrawlConfig
    from monitor.errors import TermwatchError
    from monitor.fetch.crawl import browser_settings
    from monitor.models import Document

    docs = [Document("acme-app", "Acme", "consumer", "Terms", "https://example.com/", render="browser")]
    settings = browser_settings(docs, CrawlConfig(timeout=12))
    launch = settings["PLAYWRIGHT_LAUNCH_OPTIONS"]
    assert launch["executable_path"] == shutil.which("chromium")
    assert "--disable-component-update" in launch["args"] and launch["headless"] is True
    assert settings["PLAYWRIGHT_DEFAULT_NAVIGATION_TIMEOUT"] == 12000
    assert set(settings["DOWNLOAD_HANDLERS"]) == {"http", "https"}
    with pytest.raises(TermwatchError, match="^document 'acme-app' has render = \"browser\" but crawl.chromium"):
        browser_settings(docs, CrawlConfig(chromium="/nonexistent/chrome"))


def test_a_bad_render_stops_the_cli_with_one_line(tmp_path):
    from click.testing import CliRunner

    from monitor.cli import cli

    path = tmp_path / "config.toml"
    path.write_text(doc('render = "headless"\n'))
    result = CliRunner().invoke(cli, ["--config", str(path), "run"])
    assert result.exit_code == 1
    assert result.stderr.strip().splitlines() == [
        f"Error: {path}: documents[0].render: 'headless' for document 'acme' must be one of: static, browser"
    ]
