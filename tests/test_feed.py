"""Atom feeds of changes: fetches of two vendors' pages go through a real Processor into a real SQLite file,
`termwatch feed` writes the feed, and lxml parses it."""

from __future__ import annotations

from datetime import datetime

import pytest
from click.testing import CliRunner
from lxml import etree

from conftest import document_toml
from monitor.app.run import Processor
from monitor.cli import cli
from monitor.config import load
from monitor.models import FetchResult
from monitor.store import read, write
from monitor.store.db import open_db
from monitor.views.feed import build_feed

ATOM = "{http://www.w3.org/2005/Atom}"
HOSTILE = "<script>alert(1)</script> & <b>bold</b> ]]> \x0b"

FILLER = [
    "These Terms govern your use of the services and apply to every workspace you create.",
    "You will pay all fees described in your order form within thirty days of the invoice date.",
    "Either party may terminate these Terms for material breach on thirty days written notice.",
]


def page(*paragraphs: str) -> str:
    esc = [p.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;") for p in (*paragraphs, *FILLER)]
    return "<html><body><main><h1>Terms</h1>" + "".join(f"<p>{p}</p>" for p in esc) + "</main></body></html>"


@pytest.fixture
def config_path(tmp_path):
    """Two vendors' documents, each fetched twice with a change; Acme's change touches training, Beta's retention."""
    path = tmp_path / "config.toml"
    path.write_text('[storage]\ndatabase = "data/termwatch.db"\n\n'
                    + document_toml("acme-terms", "https://acme.example/terms", vendor="Acme AI")
                    + document_toml("beta-privacy", "https://beta.example/privacy", vendor=f"Beta {HOSTILE[:25]}",
                                    audience="consumer", type_="Privacy Policy"))
    config = load(path)
    db = open_db(config.storage.database)
    write.sync_documents(db, config.documents)
    processor = Processor(db, config, {d.id: d for d in config.documents})
    fetches = [
        ("acme-terms", "2026-03-01T06:00:00+00:00", page("We do not use Customer Content to train our models.")),
        ("beta-privacy", "2026-03-01T06:00:00+00:00", page("We delete chat logs after 30 days.")),
        ("acme-terms", "2026-04-01T06:00:00+00:00",
         page("We use Customer Content to train our models unless you opt out.")),
        ("beta-privacy", "2026-05-01T06:00:00+00:00", page(f"We delete chat logs after 2 years. {HOSTILE}")),
    ]
    for doc_id, at, body in fetches:
        doc = config.document(doc_id)
        processor.handle(FetchResult(doc_id, doc.url, at, status=200, final_url=doc.url,
                                     content_type="text/html; charset=utf-8", body=body))
    db.close()
    return path


def feed_of(config_path, *args: str):
    result = CliRunner().invoke(cli, ["--config", str(config_path), "feed", *args], catch_exceptions=False)
    assert result.exit_code == 0, result.output
    return etree.fromstring(result.stdout_bytes)


def entries(feed) -> list:
    return feed.findall(f"{ATOM}entry")


def test_feed_of_all_changes_newest_first_with_stable_ids_flags_and_times(config_path):
    feed = feed_of(config_path)
    assert feed.tag == f"{ATOM}feed" and feed.findtext(f"{ATOM}id") == "urn:termwatch:feed:all"
    changes = read.changes(open_db(load(config_path).storage.database))
    items = entries(feed)
    assert [e.findtext(f"{ATOM}id") for e in items] == [f"urn:termwatch:change:{c['id']}" for c in changes]
    assert len(items) == 2
    beta, acme = items
    def updated(element):
        return datetime.fromisoformat(element.findtext(f"{ATOM}updated"))

    assert updated(feed) == datetime.fromisoformat("2026-05-01T06:00:00+00:00")
    assert updated(acme) == datetime.fromisoformat("2026-04-01T06:00:00+00:00")
    assert acme.findtext(f"{ATOM}title") == "Acme AI Terms of Service changed [training]"
    assert [c.get("term") for c in acme.findall(f"{ATOM}category")] == ["training"]
    assert [c.get("term") for c in beta.findall(f"{ATOM}category")] == ["retention"]
    content = beta.find(f"{ATOM}content")
    assert content.get("type") == "text"
    assert "30 days → 2 years" in content.text and "beta-privacy: version" in content.text
    assert not acme.findall(f"{ATOM}link")  # no --base-url: no page to point at
    # The same data gives the same feed: ids and bytes do not depend on when it is built.
    assert etree.tostring(feed_of(config_path)) == etree.tostring(feed)


def test_per_vendor_feed_holds_only_that_vendors_changes(config_path):
    feed = feed_of(config_path, "--vendor", "acme ai")
    assert feed.findtext(f"{ATOM}id") == "urn:termwatch:feed:vendor:acme-ai"
    assert [e.findtext(f"{ATOM}title") for e in entries(feed)] == ["Acme AI Terms of Service changed [training]"]
    assert "Acme AI" in feed.findtext(f"{ATOM}title")


def test_page_text_is_escaped_by_the_feed_and_reads_back_as_text(config_path, tmp_path):
    out = tmp_path / "feed.xml"
    result = CliRunner().invoke(cli, ["--config", str(config_path), "feed", "--out", str(out)])
    assert result.exit_code == 0 and f"Wrote {out}" in result.output
    raw = out.read_bytes()
    assert b"<script>" not in raw and b"<b>" not in raw
    feed = etree.fromstring(raw)  # a real XML parser accepts it: escaped, and no character XML forbids
    beta = entries(feed)[0]
    assert "<script>alert(1)</script> & <b>bold</b> ]]>" in beta.findtext(f"{ATOM}content")
    assert beta.findtext(f"{ATOM}title").startswith("Beta <script>alert(1)</scri")
    assert not [e for e in feed.iter() if not str(e.tag).startswith(ATOM)]


def test_base_url_links_each_entry_to_its_report_page(config_path):
    feed = feed_of(config_path, "--base-url", "https://intranet.example/terms")
    [alternate] = feed.findall(f"{ATOM}link")
    assert alternate.get("href") == "https://intranet.example/terms/index.html"
    for entry in entries(feed):
        change_id = entry.findtext(f"{ATOM}id").rsplit(":", 1)[1]
        [link] = entry.findall(f"{ATOM}link")
        assert link.get("href") == f"https://intranet.example/terms/change-{change_id}.html"
        assert link.get("rel", "alternate") == "alternate"  # Atom: no rel means alternate


def test_unknown_vendor_and_missing_database_are_one_line_errors(config_path, tmp_path):
    result = CliRunner().invoke(cli, ["--config", str(config_path), "feed", "--vendor", "Gamma"])
    assert result.exit_code == 1
    assert result.output.strip().splitlines() == [
        f"Error: {config_path}: no document has vendor 'Gamma'; vendors: Acme AI, Beta {HOSTILE[:25]}"]
    empty = tmp_path / "empty.toml"
    empty.write_text('[storage]\ndatabase = "none.db"\n\n' + document_toml("a", "https://example.com/a"))
    result = CliRunner().invoke(cli, ["--config", str(empty), "feed"])
    assert result.exit_code == 1 and "no database yet; run `termwatch run` first" in result.output


def test_an_empty_feed_is_still_valid_atom_dated_now():
    feed = etree.fromstring(build_feed([], "2026-11-24T06:00:00+00:00"))
    assert entries(feed) == [] and feed.findtext(f"{ATOM}updated").startswith("2026-11-24T06:00:00")
