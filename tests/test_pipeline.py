"""The post-fetch flow (judge, decide, store, diff, classify) on hand-built fetch results and a real SQLite file."""

from __future__ import annotations

import gzip
import json
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from conftest import FIXTURES
from monitor.app.reextract import reextract
from monitor.app.run import Processor
from monitor.config import Config, CrawlConfig, StorageConfig, parse
from monitor.models import Document, FetchResult
from monitor.store import read, write
from monitor.store.db import open_db

DOC = Document("acme-terms", "Acme AI", "commercial", "Terms of Service", "https://example.com/terms")
PARAGRAPHS = [
    "These Terms govern your use of the Acme AI services and apply to every workspace you create.",
    "We do not use Customer Content to train our models unless you explicitly opt in to share it.",
    "We retain API inputs and outputs for up to 30 days to identify abuse, after which they are deleted.",
    "You will pay all fees described in your order form within thirty days of the invoice date.",
    "Either party may terminate these Terms for material breach on thirty days written notice.",
    "These Terms are governed by the laws of the State of California, excluding its conflict rules.",
]


def page(paragraphs: list[str]) -> str:
    body = "".join(f"<h2>Section {i + 1}</h2><p>{p}</p>" for i, p in enumerate(paragraphs))
    return f"<html><body><main><h1>Acme AI Terms</h1>{body}</main></body></html>"


class Replay:
    """Feeds fetch results to one Processor at increasing times, as successive cron runs would."""

    def __init__(self, db, doc: Document = DOC):
        self.db, self.doc = db, doc
        self.clock = datetime(2026, 1, 1, tzinfo=UTC)
        config = Config(Path("config.toml"), StorageConfig(Path("tw.db")), CrawlConfig(), (doc,))
        self.processor = Processor(db, config, {doc.id: doc})

    def fetch(self, body: str, status: int = 200) -> FetchResult:
        self.clock += timedelta(hours=12)
        result = FetchResult(self.doc.id, self.doc.url, self.clock.isoformat(timespec="seconds"), status=status,
                             final_url=self.doc.url, content_type="text/html; charset=utf-8", body=body)
        self.processor.handle(result)
        return result

    def outcomes(self) -> list[str]:
        return [r["outcome"] for r in self.db["fetches"].rows_where("document = ?", [self.doc.id], order_by="id")]


@pytest.fixture
def db(tmp_path):
    db = open_db(tmp_path / "tw.db")
    write.sync_documents(db, (DOC,))
    return db


def test_new_unchanged_changed(db):
    replay = Replay(db)
    replay.fetch(page(PARAGRAPHS))
    replay.fetch(page(PARAGRAPHS).replace("<main>", '<main class="x-9f3a">'))
    changed = PARAGRAPHS[:2] + [PARAGRAPHS[2].replace("30 days", "90 days")] + PARAGRAPHS[3:]
    replay.fetch(page(changed))
    assert replay.outcomes() == ["new", "unchanged", "new"]
    [change] = read.changes(db)
    assert (change["from_version"], change["to_version"]) == (1, 2)
    assert change["summary"]
    assert replay.processor.changes[0]["id"] == change["id"]


def test_a_page_that_lost_most_of_its_text_is_suspect_until_confirmed(db):
    replay = Replay(db)
    full = PARAGRAPHS + [p.replace("Terms", "Order Form terms") for p in PARAGRAPHS]
    short = full[:4]
    replay.fetch(page(full))
    replay.fetch(page(short))
    assert replay.outcomes()[-1] == "suspect"
    assert db["versions"].count == 1 and replay.processor.failures[-1]["reason"]
    replay.fetch(page(full))
    assert replay.outcomes()[-1] == "unchanged"
    replay.fetch(page(short))
    replay.fetch(page(short))
    assert replay.outcomes()[-2:] == ["suspect", "new"]
    assert db["versions"].count == 2


def test_flapping_between_two_renderings_announces_one_change(db):
    replay = Replay(db)
    a = page(PARAGRAPHS)
    b = page(PARAGRAPHS + ["Beta features are provided as is and may change at any time without notice to you."])
    for body in (a, b, a, b, a, b):
        replay.fetch(body)
    assert db["versions"].count == 2
    assert len(read.changes(db)) == 1
    assert replay.outcomes()[2:] == ["known", "known", "known", "known"]


def test_error_statuses_never_become_versions(db):
    replay = Replay(db)
    replay.fetch(page(PARAGRAPHS), status=500)
    replay.fetch("", status=200)
    assert replay.outcomes() == ["failed", "failed"] and db["versions"].count == 0


def corpus(directory: str) -> list[str]:
    manifest = json.loads((FIXTURES / "corpus" / "manifest.json").read_text())
    doc = next(d for d in manifest["documents"] if d["dir"] == directory)
    return [gzip.decompress((FIXTURES / "corpus" / s["file"]).read_bytes()).decode("utf-8") for s in doc["snapshots"]]


@pytest.mark.parametrize("directory,count", [("claude-ai/commercial-terms", 28), ("claude-ai/terms-of-service", 26)])
@pytest.mark.parametrize("select", [("main",), ()], ids=["declared-select", "no-selectors"])
def test_real_snapshots_of_unchanged_terms_end_with_one_version(db, directory, count, select):
    doc = Document("anthropic", "Anthropic", "commercial", "Terms", "https://example.com/", select=select)
    write.sync_documents(db, (doc,))
    replay = Replay(db, doc)
    bodies = corpus(directory)
    assert len(bodies) == count
    for body in bodies:
        replay.fetch(body)
    assert db["versions"].count == 1, replay.outcomes()
    assert read.changes(db) == []


def test_reextract_rewrites_texts_and_drops_changes_that_were_noise(db, tmp_path):
    replay = Replay(db)
    replay.fetch(page(PARAGRAPHS))
    replay.fetch(page(PARAGRAPHS[:5] + [PARAGRAPHS[5].replace("California", "Delaware")]))
    replay.fetch(page(PARAGRAPHS[:3] + [PARAGRAPHS[3].replace("thirty", "sixty")] + PARAGRAPHS[4:]))
    assert len(read.changes(db)) == 2
    # Pretend an older extractor produced these texts, and that the user now removes the section 6 heading
    # and paragraph: the first change was only there, so it was noise under the new selectors.
    db.execute("update versions set extractor_version = 'old'")
    config = parse(
        '[[documents]]\nid = "acme-terms"\nvendor = "Acme AI"\naudience = "commercial"\ntype = "Terms"\n'
        'url = "https://example.com/terms"\nremove = ["h2:nth-of-type(6)", "p:nth-of-type(6)"]\n',
        tmp_path / "config.toml", environ={},
    )
    totals = reextract(db, config)
    assert totals["versions"] == 3 and totals["rewritten"] == 3
    assert len(totals["changes_dropped"]) == 1
    [kept] = read.changes(db)
    assert kept["id"] not in totals["changes_dropped"]
    assert all("Delaware" not in v.text and "California" not in v.text for v in read.versions(db, DOC.id))
    assert db["pages"].count == 3
