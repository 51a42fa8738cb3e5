"""Diff renderings: page text is untrusted, so HTML and Markdown must stay inert; colour only on request."""

from __future__ import annotations

import json

import pytest
from bs4 import BeautifulSoup

from monitor.diff import Hunk, apply_hunks, diff_texts, hunk_to_dict
from monitor.render import diff_html, diff_json, diff_markdown, diff_text

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
