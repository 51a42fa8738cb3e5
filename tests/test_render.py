"""Diff renderings: page text is untrusted, so HTML and Markdown must stay inert; colour only on request."""

from __future__ import annotations

import json
import re

import pytest
from bs4 import BeautifulSoup

from monitor.analysis.diff import Hunk, apply_hunks, diff_texts, hunk_to_dict
from monitor.views.formats import diff_html, diff_json, diff_markdown, diff_text, hunks_about, no_changes_about

PAYLOADS = [
    "<script>alert(1)</script>",
    '<img src=x onerror="alert(1)">',
    '<a href="javascript:alert(1)">opt out here</a>',
    "[opt out](javascript:alert(1))",
    "<svg onload=alert(1)>",
    "JavaScript:alert(document.cookie)",
]

OLD = """## 4. Data Retention

We keep deleted conversations for 30 days.

Fees are non-refundable.
"""
NEW = (
    """## 4. Data Retention <img src=x onerror=alert(1)>

We keep deleted conversations for 60 days. """
    + " ".join(PAYLOADS)
    + """

Fees are non-refundable.

"""
    + "\n\n".join(PAYLOADS)
    + "\n"
)


@pytest.fixture
def hunks() -> list[Hunk]:
    found = diff_texts(OLD, NEW)
    assert apply_hunks(OLD, found) == NEW
    # A deleted paragraph and a heading that carry markup too.
    found.append(Hunk("delete", "<script>alert('old')</script>\n", "", 9, 9, "<b onmouseover=alert(1)>x</b>"))
    return found


# --- HTML ---------------------------------------------------------------------------------------


def test_html_is_a_complete_document_without_scripts_or_external_assets(hunks):
    page = diff_html(hunks, "Diff of <script>alert('title')</script>")
    assert page.startswith("<!DOCTYPE html>")
    soup = BeautifulSoup(page, "html.parser")
    assert soup.html is not None and soup.head is not None and soup.body is not None
    assert soup.find_all(["script", "img", "svg", "a", "link", "iframe", "object", "embed"]) == []
    for tag in soup.find_all(True):
        assert not [name for name in tag.attrs if name.lower().startswith("on")], tag
        assert not {"href", "src", "srcset", "action"} & set(tag.attrs), tag


def test_html_escapes_every_payload_yet_shows_it_as_text(hunks):
    page = diff_html(hunks, "Diff of <script>alert('title')</script>")
    lowered = page.lower()
    for needle in ("<script", "<img", "<svg", "<a ", "javascript:", "onerror=\"", "<b onmouseover"):
        assert needle not in lowered
    text = BeautifulSoup(page, "html.parser").get_text()
    assert "<script>alert(1)</script>" in text
    assert "<script>alert('title')</script>" in text
    assert "javascript:alert(1)" in text  # shown to the reader, never a link


def test_html_marks_word_changes(hunks):
    soup = BeautifulSoup(diff_html(hunks, "t"), "html.parser")
    assert "30" in [d.get_text() for d in soup.find_all("del")]
    assert any(i.get_text().startswith("60") for i in soup.find_all("ins"))


def test_html_content_security_policy_forbids_scripts(hunks):
    soup = BeautifulSoup(diff_html(hunks, "t"), "html.parser")
    csp = soup.find("meta", attrs={"http-equiv": "Content-Security-Policy"})
    assert csp is not None and "default-src 'none'" in csp["content"]


# --- Markdown -----------------------------------------------------------------------------------


def test_markdown_has_no_live_markup_or_links(hunks):
    md = diff_markdown(hunks).lower()
    for needle in ("<script", "<img", "<svg", "<a ", "<b ", "javascript:", "]("):
        assert needle not in md


def test_markdown_shows_changes():
    md = diff_markdown(diff_texts(OLD, OLD.replace("30 days", "60 days")))
    assert "~~30~~" in md and "**60**" in md
    assert "4\\. Data Retention" in md or "4. Data Retention" in md


# --- terminal text ------------------------------------------------------------------------------


def test_text_without_colour_has_no_escape_sequences():
    hunks = diff_texts(OLD, OLD.replace("30 days", "60 days\x1b[2J\x1b]0;pwned\x07"))
    out = diff_text(hunks, color=False)
    assert "\x1b" not in out and "\x07" not in out
    assert "[-30-]" in out and "{+60" in out


def test_text_with_colour_uses_only_our_sequences():
    hunks = diff_texts(OLD, OLD.replace("30 days", "60 days\x1b[2J"))
    out = diff_text(hunks, color=True)
    assert "\x1b[31m30\x1b[0m" in out
    assert "\x1b[2J" not in out


def test_blank_line_only_hunks_are_not_shown():
    hunks = diff_texts(OLD, OLD + "\n\n")
    assert hunks  # kept for the round trip
    assert diff_text(hunks, color=False) == "No wording changes.\n"
    assert "No wording changes" in diff_markdown(hunks)
    assert "No wording changes" in diff_html(hunks, "t")


def test_moves_are_shown_as_moves():
    old = "Alpha clause.\n\nBeta clause.\n\nGamma clause.\n"
    new = "Beta clause.\n\nGamma clause.\n\nAlpha clause.\n"
    assert "moved" in diff_text(diff_texts(old, new), color=False)
    assert "Moved" in diff_markdown(diff_texts(old, new))


# --- JSON ---------------------------------------------------------------------------------------


def test_json_is_the_hunk_shape_and_serialises(hunks):
    data = diff_json(hunks)
    assert data == [hunk_to_dict(h) for h in hunks]
    assert json.loads(json.dumps(data)) == data
    assert data[0]["heading"].startswith("4. Data Retention")


# --- what readers see: spacing, headings ---------------------------------------------------------

SPACED_OLD = "## 2. Retention\n\nRead our\xa0Terms. We keep inputs for 30 days.\n"
SPACED_NEW = "## 2. Data Retention\n\nRead our Terms.  We keep inputs for 90 days.\n"


def test_a_change_of_spacing_alone_is_never_marked():
    hunks = diff_texts(SPACED_OLD, SPACED_NEW)
    assert any(op and not text.strip() for h in hunks for op, text in h.words)  # the differ saw the spaces
    text, md, page = diff_text(hunks, color=False), diff_markdown(hunks), diff_html(hunks, "t")
    assert "[-30-]{+90+}" in text and "our Terms.  We" in text
    assert not re.search(r"\[-\s*-\]|\{\+\s*\+\}", text), text
    assert "~~30~~**90**" in md and not re.search(r"~~\s*~~|\*\*\s*\*\*", md), md
    assert "<del>30</del><ins>90</ins>" in page and not re.search(r"<del>\s*</del>|<ins>\s*</ins>", page)
    coloured = diff_text(hunks, color=True)
    assert not re.search(r"\x1b\[3[12]m(?:\x1b\[1m)?\s*\x1b\[0m", coloured), coloured


def test_spaces_at_the_edges_of_a_change_stay_outside_its_marks():
    hunks = diff_texts(SPACED_OLD, SPACED_NEW)
    assert "2. {+Data+} Retention" in diff_text(hunks, color=False)
    assert "2\\. **Data** Retention" in diff_markdown(hunks)
    assert "2. <ins>Data</ins> Retention" in diff_html(hunks, "t")


def test_page_headings_show_as_headings_in_every_format():
    changed = diff_texts(SPACED_OLD, SPACED_NEW)
    added = diff_texts(OLD, OLD + "\n## 5. Access\n\nStaff may review flagged chats.\n")
    text = diff_text(changed + added, color=False)
    assert "##" not in text.replace("@@", "")
    assert "+ 5. Access" in text and "+ Staff may review flagged chats." in text
    assert "\x1b[32m\x1b[1m+ 5. Access\x1b[0m" in diff_text(added, color=True)
    md = diff_markdown(changed + added)
    quoted = [line for line in md.splitlines() if line.startswith(">")]
    assert "> #### 2\\. **Data** Retention" in quoted and "> #### **5\\. Access**" in quoted
    assert "\\#" not in md
    assert not [line for line in quoted if "##" in line.removeprefix("> #### ")]
    soup = BeautifulSoup(diff_html(changed + added, "t"), "html.parser")
    assert [p.get_text() for p in soup.find_all("p", class_="heading")] == ["2. Data Retention", "5. Access"]
    assert "##" not in soup.get_text()


def test_markdown_escapes_numbering_as_commonmark_reads_it():
    md = diff_markdown(diff_texts("Intro.\n", "Intro.\n\n1. First item\n\n- a bullet\n"))
    assert "**1\\. First item**" in md and "**\\- a bullet**" in md
    assert "\\1" not in md


# --- choosing hunks by topic ---------------------------------------------------------------------

TOPICS_OLD = """## 1. Customer Content

We do not use Customer Content to train our models.

## 2. How long we keep data

Inputs are kept for 30 days.

## 3. Fees

Fees are due within thirty days.
"""


def test_hunks_about_keeps_the_hunks_that_hold_a_clause_on_the_topic():
    new = TOPICS_OLD.replace("30 days", "90 days").replace("thirty", "sixty")
    hunks = diff_texts(TOPICS_OLD, new)
    assert len(hunks) == 2
    # The retention clause is labelled by its heading, which is outside the hunk.
    [kept] = hunks_about(hunks, TOPICS_OLD, new, {"retention"})
    assert "90 days" in kept.new
    assert hunks_about(hunks, TOPICS_OLD, new, {"training"}) == []
    assert hunks_about(hunks, TOPICS_OLD, new, {"training", "retention"}) == [kept]


def test_hunks_about_looks_at_both_sides():
    removed = TOPICS_OLD.replace("We do not use Customer Content to train our models.\n\n", "")
    [hunk] = hunks_about(diff_texts(TOPICS_OLD, removed), TOPICS_OLD, removed, {"training"})
    assert hunk.op == "delete"
    assert hunks_about(diff_texts(removed, TOPICS_OLD), removed, TOPICS_OLD, {"training"})[0].op == "insert"


def test_hunks_about_skips_blank_line_hunks():
    assert hunks_about(diff_texts(TOPICS_OLD, TOPICS_OLD + "\n\n"), TOPICS_OLD, TOPICS_OLD + "\n\n",
                       {"training", "retention", "access"}) == []


def test_no_changes_about_names_the_topics_and_versions():
    assert no_changes_about({"training"}, 3, 5) == "No changes to training clauses between versions 3 and 5."
    assert no_changes_about({"access", "training", "retention"}, 1, 2) == (
        "No changes to training, retention or access clauses between versions 1 and 2.")
    assert diff_text([], color=False, empty="None here.") == "None here.\n"
    assert "None here." in diff_html([], "t", empty="None here.")
