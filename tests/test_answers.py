"""The answer sheet (`termwatch answers`): what each vendor's documents say today about training, retention and
access, commercial and consumer side by side, each fact with its clause quoted and the date of that wording.

The end-to-end tests serve real pages of two vendors from tests/fixtures/corpus (Open Terms Archive,
genai-eu collection, ZeMKI lab, University of Bremen; ODC-By 1.0, see tests/fixtures/corpus/ATTRIBUTION.md).
"""

from __future__ import annotations

import pytest

import corpus
from conftest import config_toml, db_at, document_toml
from monitor.analysis.classify import comparable
from monitor.models import Document
from monitor.store import read
from monitor.views.answers import Watched, sheet

COMMERCIAL = "## Data\nWe do not use Customer Content to train our models.\nWe retain Customer Content for 30 days.\n"
CONSUMER = ("## Data\nWe may use your conversations to train our models unless you opt out.\n"
            "We retain your conversations for 30 days.\n")


def watched(doc_id: str, audience: str, text: str, history=()) -> Watched:
    doc = Document(doc_id, "Acme AI", audience, "Terms", f"https://example.com/{doc_id}")
    return Watched(doc, 1, text, tuple(history) or (("2026-01-01T00:00:00+00:00", frozenset()),))


def test_commercial_and_consumer_answers_side_by_side_and_a_difference_is_one():
    [acme] = sheet([watched("terms", "commercial", COMMERCIAL), watched("privacy", "consumer", CONSUMER)])
    commercial, consumer = (acme["audiences"][a]["questions"] for a in ("commercial", "consumer"))
    assert [(f["subject"], f["value"]) for f in commercial["training"]["facts"]] == [("Customer Content", "not used")]
    assert [(f["subject"], f["value"]) for f in consumer["training"]["facts"]] == [
        ("conversations", "used unless you opt out")]
    # Both keep data for 30 days, so only training differs; nobody says who may see the data.
    assert acme["differ"] == ["training"]
    assert commercial["access"] == {"stated": False, "facts": [], "clauses": 0}
    [quote] = commercial["training"]["facts"][0]["quotes"]
    assert quote["quote"] == "We do not use Customer Content to train our models."
    assert (quote["document"], quote["url"]) == ("terms", "https://example.com/terms")


def test_a_quote_is_dated_from_the_first_of_the_versions_that_still_read_so():
    line = "We retain Customer Content for 30 days."
    history = [("2026-01-01T00:00:00+00:00", frozenset({comparable(line)})),
               ("2026-02-01T00:00:00+00:00", frozenset()),  # the sentence was gone for a while
               ("2026-03-01T00:00:00+00:00", frozenset({comparable(line)})),
               ("2026-04-01T00:00:00+00:00", frozenset({comparable(line)}))]
    [acme] = sheet([watched("terms", "commercial", COMMERCIAL, history)])
    [fact] = acme["audiences"]["commercial"]["questions"]["retention"]["facts"]
    assert fact["quotes"][0]["since"] == "2026-03-01"


def test_one_audience_only_has_no_differences_to_show():
    [acme] = sheet([watched("terms", "commercial", COMMERCIAL)])
    assert list(acme["audiences"]) == ["commercial"] and acme["differ"] == []


# --- end to end on real pages of two vendors ------------------------------------------------------

PAGES = {  # id: (corpus dir, vendor, audience, type, snapshot seqs served in turn)
    "anthropic-commercial": ("claude-ai/commercial-terms", "Anthropic", "commercial", "Commercial Terms", [28]),
    "anthropic-privacy": ("claude-ai/privacy-policy-legal-privacy", "Anthropic", "consumer", "Privacy Policy",
                          [152, 153]),
    "openai-services": ("chatgpt/commercial-terms", "OpenAI", "commercial", "Services Agreement", [147]),
    "openai-terms": ("chatgpt/terms-of-service-policies-eu-terms-of-use", "OpenAI", "consumer", "Terms of Use", [38]),
}


@pytest.fixture(scope="module")
def watched_site(tmp_path_factory):
    """Two runs over four real pages: the Anthropic privacy policy's June 2026 change lands in the second."""
    from conftest import PageServer, run_termwatch

    tmp = tmp_path_factory.mktemp("answers")
    server = PageServer()
    docs = {d.dir: d for d in corpus.documents()}
    toml = []
    for doc_id, (directory, vendor, audience, type_, _) in PAGES.items():
        toml.append(document_toml(doc_id, server.url(f"/{doc_id}"), vendor=vendor, audience=audience, type_=type_,
                                  select=docs[directory].select))
    config = tmp / "config.toml"
    config.write_text(config_toml(*toml))
    for step in range(2):
        for doc_id, (directory, *_, seqs) in PAGES.items():
            snap = next(s for s in docs[directory].snapshots if s.seq == seqs[min(step, len(seqs) - 1)])
            server.set(f"/{doc_id}", corpus.html(corpus.FIXTURE_ROOT, snap))
        assert run_termwatch(config, "run").code == 0
    yield config
    server.httpd.shutdown()
    server.httpd.server_close()


def test_answers_json_quotes_the_current_wording_of_each_document_with_its_date(watched_site):
    from conftest import run_termwatch

    result = run_termwatch(watched_site, "answers", "--json")
    assert result.code == 0, result.stderr
    sheet_ = result.json()
    assert [v["vendor"] for v in sheet_["vendors"]] == ["Anthropic", "OpenAI"]
    db = db_at(watched_site)
    seen = 0
    for vendor in sheet_["vendors"]:
        assert list(vendor["audiences"]) == ["commercial", "consumer"]
        for side in vendor["audiences"].values():
            for question, answer in side["questions"].items():
                for fact in answer["facts"]:
                    for quote in fact["quotes"]:
                        current = read.current_version(db, quote["document"])
                        assert quote["quote"] in current.text, (question, quote["quote"])
                        first = [v for v in read.versions(db, quote["document"]) if quote["quote"] in v.text][0]
                        assert quote["since"] == first.first_seen[:10]
                        seen += 1
    assert seen > 10
    anthropic = sheet_["vendors"][0]
    # The commercial terms do not train on Customer Content; the consumer policy trains unless you opt out.
    commercial = anthropic["audiences"]["commercial"]["questions"]["training"]["facts"]
    consumer = anthropic["audiences"]["consumer"]["questions"]["training"]["facts"]
    assert any(f["value"].startswith("not used") for f in commercial), commercial
    assert any(f["value"] == "used unless you opt out" for f in consumer), consumer
    assert "training" in anthropic["differ"]


def test_answers_since_lists_the_changed_answers_with_their_clause_pairs(watched_site):
    from conftest import run_termwatch

    db = db_at(watched_site)
    [change] = read.changes(db, "anthropic-privacy")
    result = run_termwatch(watched_site, "answers", "Anthropic", "--since", change["detected_at"][:10], "--json")
    assert result.code == 0, result.stderr
    [anthropic] = result.json()["vendors"]
    [changed] = anthropic["audiences"]["consumer"]["questions"]["training"]["changed"]
    assert changed["change"] == change["id"] and changed["document"] == "anthropic-privacy"
    reworded = [p for p in changed["clauses"] if p["op"] == "changed"]
    assert any("train our models" in p["before"] and "train and improve Anthropic AI models" in p["after"]
               for p in reworded), reworded
    assert all("training" in p["labels"] for p in changed["clauses"])
    assert anthropic["audiences"]["commercial"]["questions"]["training"]["changed"] == []  # no change there
    text = run_termwatch(watched_site, "answers", "Anthropic", "--since", change["detected_at"][:10]).stdout
    assert f"changed {change['detected_at'][:10]}, anthropic-privacy:" in text
    assert "{+and improve Anthropic AI models+}" in text


def test_answers_markdown_and_unknown_vendor(watched_site):
    from conftest import run_termwatch

    markdown = run_termwatch(watched_site, "answers", "openai", "--format", "markdown").stdout
    assert markdown.startswith("# What the terms say") and "## OpenAI" in markdown and "Anthropic" not in markdown
    assert "### Training on customer data" in markdown and "**Commercial** (openai-services)" in markdown
    unknown = run_termwatch(watched_site, "answers", "Acme")
    assert unknown.code == 1 and unknown.stderr.strip().splitlines() == [
        f"Error: {watched_site}: no document has vendor 'Acme'; vendors: Anthropic, OpenAI"]


def test_answers_html_in_chromium_shows_both_audiences_side_by_side_and_runs_nothing(watched_site, tmp_path):
    from playwright.sync_api import sync_playwright

    from conftest import run_termwatch
    from test_report import CHROMIUM_ARGS

    out = tmp_path / "answers.html"
    assert run_termwatch(watched_site, "answers", "--format", "html", "--out", str(out)).code == 0
    with sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path="/usr/bin/chromium", args=CHROMIUM_ARGS)
        page = browser.new_page(viewport={"width": 1400, "height": 900})
        page.goto(out.as_uri())
        section = page.locator("section.answers", has_text="Anthropic")
        row = section.locator("tr.question.differ", has_text="Training on customer data")
        assert row.is_visible() and row.locator("span.differ").is_visible()
        commercial, consumer = row.locator("td.answer.commercial"), row.locator("td.answer.consumer")
        a, b = commercial.bounding_box(), consumer.bounding_box()
        assert abs(a["y"] - b["y"]) < 2 and a["x"] + a["width"] <= b["x"] + 1  # side by side
        assert consumer.locator("blockquote.quote").first.is_visible()
        assert "used unless you opt out" in consumer.inner_text()
        page.screenshot(path=tmp_path / "answers.png", full_page=True)
        assert page.evaluate("document.querySelectorAll('script,iframe,[onerror],[onload]').length") == 0
        browser.close()
    assert (tmp_path / "answers.png").stat().st_size > 1000


def test_answers_for_an_agreement_are_its_documents_against_its_baseline(watched_site, tmp_path):
    from conftest import run_termwatch

    database = watched_site.parent / "data" / "termwatch.db"
    text = watched_site.read_text().replace('database = "data/termwatch.db"', f'database = "{database}"')
    config = tmp_path / "config.toml"
    config.write_text(text + '\n[[agreements]]\nid = "claude-team"\nvendor = "Anthropic"\n'
                      'documents = ["anthropic-commercial", "anthropic-privacy"]\nsigned_on = 2026-01-15\n'
                      '\n[report]\nbase_url = "https://reports.example/terms"\n')
    result = run_termwatch(config, "answers", "--agreement", "claude-team", "--json")
    assert result.code == 0, result.stderr
    sheet_ = result.json()
    assert sheet_["agreement"] == "claude-team" and sheet_["since"] == "2026-01-15"
    [anthropic] = sheet_["vendors"]
    assert {d for side in anthropic["audiences"].values() for d in side["documents"]} == {
        "anthropic-commercial", "anthropic-privacy"}
    # Measured from the agreement's baseline (here the earliest recorded version, a stand-in), not from a date.
    [changed] = anthropic["audiences"]["consumer"]["questions"]["training"]["changed"]
    assert changed["document"] == "anthropic-privacy" and changed["change"] is None
    assert any(p["op"] == "changed" for p in changed["clauses"])
    # With a published report, each quote links to the report's page of the version it is from.
    quotes = [q for side in anthropic["audiences"].values() for a in side["questions"].values()
              for f in a["facts"] for q in f["quotes"]]
    assert quotes and all(q["evidence"] == f"https://reports.example/terms/version-{q['document']}-{q['version']}.html"
                          for q in quotes)
    # Without one, there is no page to link to.
    plain = run_termwatch(watched_site, "answers", "--json").json()
    assert {q["evidence"] for v in plain["vendors"] for side in v["audiences"].values()
            for a in side["questions"].values() for f in a["facts"] for q in f["quotes"]} == {None}
    unknown = run_termwatch(config, "answers", "--agreement", "nope")
    assert unknown.code == 1 and "no agreement with id 'nope'" in unknown.stderr
