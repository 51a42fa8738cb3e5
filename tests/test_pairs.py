"""Clause pairs: a reworded clause is its old wording beside its new one with the changed words marked;
clauses that only appear, only disappear or change section say so; every view counts them the same."""

from __future__ import annotations

from monitor.analysis.classify import classify_change
from monitor.analysis.diff import diff_texts
from monitor.analysis.pairs import marked_words, pair_clauses, pairs_from_dicts
from monitor.models import Clause
from monitor.views import wording

OLD = """# Privacy Policy

## How we use your data
We may use your Inputs and Outputs to train our models, unless you opt out.
We will store your conversations for 30 days.
We send weekly newsletters to subscribers.

## Sharing
We disclose personal data to our affiliates for the purposes above.
"""

NEW = """# Privacy Policy

## How we use your data
We may use your Inputs and Outputs to train and improve our AI models, unless you opt out.
We send weekly newsletters to subscribers.

## Retention
We may store your conversations for up to 30 days.
Human reviewers may read conversations flagged for abuse.

## Sharing
We disclose personal data to our affiliates for the purposes above.
"""


def _change(old: str = OLD, new: str = NEW):
    return classify_change(old, new, diff_texts(old, new))


def test_a_reworded_clause_is_one_pair_with_its_changed_words_marked():
    pairs = _change().clauses
    training = next(p for p in pairs if "training" in p["labels"])
    assert training["op"] == "changed"
    assert training["before"] == "We may use your Inputs and Outputs to train our models, unless you opt out."
    assert training["after"] == (
        "We may use your Inputs and Outputs to train and improve our AI models, unless you opt out.")
    assert "".join(t for on, t in wording.spans(training, "after") if on) == "and improve our AI"
    assert "".join(t for on, t in wording.spans(training, "before") if on) == "our"
    assert "".join(t for _, t in wording.spans(training, "after")) == training["after"]  # nothing lost


def test_pairing_works_across_headings_and_says_where_the_clause_was():
    stored = next(p for p in _change().clauses if p["before"] and "store" in p["before"])
    assert (stored["op"], stored["heading"], stored["from_heading"]) == ("changed", "Retention", "How we use your data")
    assert wording.pair_place(stored) == "reworded under “Retention” (was under “How we use your data”)"


def test_a_clause_that_only_appears_is_added_and_the_counts_agree():
    change = _change()
    added = [p for p in change.clauses if p["op"] == "added"]
    assert [p["after"] for p in added] == ["Human reviewers may read conversations flagged for abuse."]
    assert added[0]["before"] is None and added[0]["labels"] == ["access"]
    # One count everywhere: the summary's clauses are the pairs listed.
    assert f"{len(change.clauses)} clauses changed" in change.summary or change.facts
    assert wording.count_line(change.clauses).startswith(f"{len(change.clauses)} clauses")


def test_a_clause_that_only_disappears_is_removed_in_its_old_place():
    old = OLD.replace("We send weekly", "We delete your files within 90 days of closing your account.\nWe send weekly")
    pairs = _change(old, OLD).clauses
    assert [(p["op"], p["before"], p["after"]) for p in pairs] == [
        ("removed", "We delete your files within 90 days of closing your account.", None)]
    assert wording.pair_lines(pairs[0])[1] == (
        "    before: We delete your files within 90 days of closing your account.")


def test_a_clause_carried_word_for_word_into_another_section_is_moved_not_changed():
    old = OLD
    clause = "We will store your conversations for 30 days.\n"
    new = OLD.replace(clause, "") + "\n## Retention\n" + clause
    change = _change(old, new)
    assert [(p["op"], p["from_heading"], p["heading"]) for p in change.clauses] == [
        ("moved", "How we use your data", "Retention")]
    assert change.retention is False  # the wording in force did not change
    assert wording.pair_place(change.clauses[0]) == "moved from “How we use your data” to “Retention”"


def test_different_clauses_are_not_paired():
    removed = [Clause("We keep server logs for 12 months.", "Data", frozenset({"retention"}))]
    added = [Clause("Customers may export their content at any time.", "Data", frozenset({"retention"}))]
    assert [p.op for p in pair_clauses(removed, added)] == ["added", "removed"]


def test_the_most_similar_clauses_pair_first_each_once():
    removed = [Clause("We retain chats for 30 days.", "", frozenset({"retention"})),
               Clause("We retain files for 90 days.", "", frozenset({"retention"}))]
    added = [Clause("We retain files for 60 days.", "", frozenset({"retention"})),
             Clause("We retain chats for 14 days.", "", frozenset({"retention"}))]
    pairs = pair_clauses(removed, added)
    assert [(p.before.text, p.after.text) for p in pairs] == [
        ("We retain files for 90 days.", "We retain files for 60 days."),
        ("We retain chats for 30 days.", "We retain chats for 14 days.")]


def test_a_spacing_difference_is_not_marked():
    words = marked_words("We keep  your data.", "We keep your data safe.")
    assert all(text.strip() for op, text in words if op != 0)
    assert [t for op, t in words if op == 1] == [" safe"]


def test_plain_text_puts_old_wording_above_new_with_marks():
    pair = next(p for p in _change().clauses if "training" in p["labels"])
    title, before, after = wording.pair_lines(pair)
    assert title == "- training · reworded under “How we use your data”:"
    assert before == "    before: We may use your Inputs and Outputs to train [-our-] models, unless you opt out."
    assert after == ("    after:  We may use your Inputs and Outputs to train {+and improve our AI+} models, "
                     "unless you opt out.")


def test_clauses_stored_before_pairing_are_paired_the_same_way():
    stored = [{"op": "delete", "heading": "Use", "text": "We will store your chats for 30 days.",
               "labels": ["retention"], "evidence": ["store"]},
              {"op": "insert", "heading": "Use", "text": "We may store your chats for 30 days.",
               "labels": ["retention"], "evidence": ["store"]}]
    [pair] = pairs_from_dicts(stored)
    assert (pair["op"], pair["before"], pair["after"]) == ("changed", stored[0]["text"], stored[1]["text"])
    assert [w for w in pair["words"] if w[0] != 0] == [[-1, "will"], [1, "may"]]


def test_training_and_retention_lead_when_a_view_must_be_brief():
    pairs = [{"labels": ["access"], "n": 1}, {"labels": ["retention"], "n": 2}, {"labels": ["access"], "n": 3},
             {"labels": ["training", "access"], "n": 4}]
    assert [p["n"] for p in wording.prioritised(pairs)] == [2, 4, 1, 3]


def test_diff_shows_the_changed_clauses_as_pairs_in_every_format(pages, write_config, termwatch):
    from bs4 import BeautifulSoup

    from conftest import document_toml

    def page(period: str) -> str:
        return ("<html><body><main><h1>Terms</h1><h2>Retention</h2>"
                f"<p>We will store your conversations for {period}.</p>"
                + "<p>You will pay all fees within thirty days of the invoice date.</p>" * 5 + "</main></body></html>")

    config = write_config(document_toml("terms", pages.url("/terms")))
    for period in ("30 days", "2 years"):
        pages.set("/terms", page(period))
        assert termwatch(config, "run").code == 0
    [pair] = termwatch(config, "diff", "terms", "--format", "json").json()["clauses"]
    assert (pair["op"], pair["before"], pair["after"]) == (
        "changed", "We will store your conversations for 30 days.", "We will store your conversations for 2 years.")
    text = termwatch(config, "diff", "terms").stdout
    assert "1 clause on training, retention or access changed:" in text
    assert "    before: We will store your conversations for [-30 days-]." in text
    assert "    after:  We will store your conversations for {+2 years+}." in text
    markdown = termwatch(config, "diff", "terms", "--format", "markdown").stdout
    assert "- **retention** · reworded under “Retention”" in markdown
    assert "  - After: We will store your conversations for **2 years**." in markdown
    soup = BeautifulSoup(termwatch(config, "diff", "terms", "--format", "html").stdout, "html.parser")
    row = soup.select_one("table.pairs tr.pair.changed")
    assert row.select_one("td.before del").get_text() == "30 days"
    assert row.select_one("td.after ins").get_text() == "2 years"
    # The same pair in the recorded change, its fact in the summary.
    [change] = termwatch(config, "changes", "--json").json()
    assert change["clauses"] == [pair]
    assert change["summary"] == "Retention of conversations: 30 days → 2 years."
