"""Property-based tests (hypothesis) across the pure core: markup trees with broken and hostile parts,
bytes in any charset, edited texts, legal-sounding noise. Nothing crashes, diffs round-trip, results are
deterministic and no rendering lets markup from the input through.

Example counts come from the "termwatch" profile in conftest.py; TERMWATCH_LONG=1 raises them.
"""

from __future__ import annotations

import json
from html.parser import HTMLParser

import pytest
from hypothesis import given, strategies as st

from conftest import PROPERTY_EXAMPLES, report_figures
from monitor.analysis.classify import classify_change
from monitor.analysis.clauses import current_clauses, segment
from monitor.analysis.diff import apply_hunks, diff_texts, hunk_to_dict
from monitor.analysis.facts import facts
from monitor.analysis.topics import label
from monitor.fetch.decode import decode_page
from monitor.models import Extracted, FetchResult, Unusable
from monitor.text.html import extract_text
from monitor.text.judge import fingerprint, judge
from monitor.text.normalise import normalise
from monitor.views import formats

# Text with what real pages and attackers put in it: every unicode category but surrogates, controls and
# odd whitespace (NBSP, zero-width, line/paragraph separators), entities valid and not.
ODD = ["\x00", "\x1b[31m", "\r\n", "\u00a0", "\u200b", "\u2028", "\u2029", "\ufeff", "\ufffd", "&amp;", "&#0;",
       "&#x110000;", "&bogus;", "&lt;script&gt;", "]]>", "<!--", "-->", "<", "</", "\"'", "&#x3C;"]
text = st.lists(st.one_of(st.text(max_size=20), st.sampled_from(ODD)), max_size=6).map("".join)

TAGS = ["div", "p", "span", "a", "main", "article", "section", "nav", "h1", "h2", "h3", "ul", "ol", "li", "table",
        "tr", "td", "th", "br", "hr", "pre", "code", "script", "style", "textarea", "title", "noscript",
        "template", "svg", "math", "iframe", "select", "option", "details", "summary", "form", "b", "img", "x-y"]
attribute = st.tuples(
    st.sampled_from(["class", "id", "href", "style", "hidden", "aria-hidden", "role", "onload", "onerror", "start",
                     "type", "value", "colspan", "lang", "dir", "data-x", "x\"y"]),
    st.one_of(text, st.sampled_from(["javascript:alert(1)", "display:none", "true", "-1", "99999999999", "i"])),
).map(lambda kv: f' {kv[0]}="{kv[1]}"' if kv[1] else f" {kv[0]}")
markup = st.recursive(
    text,
    lambda inner: st.one_of(
        st.builds(
            lambda tag, attrs, children, close: (f"<{tag}{''.join(attrs)}>{''.join(children)}"
                                                 + (f"</{tag}>" if close else "")),
            st.sampled_from(TAGS), st.lists(attribute, max_size=3), st.lists(inner, max_size=4), st.booleans(),
        ),
        st.builds(lambda t: f"<!--{t}-->", text),
        st.builds(lambda t: f"<![CDATA[{t}]]>", text),
        st.builds(lambda t: f"<?xml {t}?>", text),
        st.builds(lambda a, b: a + b, inner, st.sampled_from(["</p>", "</div></div>", "<p", "<a href='", "<!", "&"])),
    ),
    max_leaves=30,
)
page = st.builds(lambda doctype, body: f"{doctype}<html><head><title>T</title></head><body>{body}</body></html>",
                 st.sampled_from(["", "<!doctype html>", "<!DOCTYPE>"]), markup)
selectors = st.sampled_from([((), ()), (("main",), ()), (("p", "li"), ()), ((), ("nav", ".x")),
                             (("svg",), ("script",))])

WORDS = ["We", "do", "not", "may", "use", "Customer Content", "Inputs", "to", "train", "our", "models", "retain",
         "delete", "for", "up to", "30 days", "thirty (30) days", "5 years", "unless", "you", "opt out", "opt in",
         "Retention", "## 2. Data Retention", "- ", "| 30 days |", ".", ",", ";", ":", "\n", "\n\n", "(a)", "1."]
legal = st.one_of(st.lists(st.sampled_from(WORDS), max_size=40).map(" ".join), text)


def edited(base: list[str]) -> st.SearchStrategy[str]:
    """The paragraphs of base, some dropped, changed, duplicated or moved, as a new version of a page would be."""
    return st.lists(st.one_of(st.sampled_from(base), legal), max_size=len(base) + 3).map("\n\n".join)


old_and_new = st.lists(legal, min_size=1, max_size=10).flatmap(
    lambda paragraphs: st.tuples(st.just("\n\n".join(paragraphs)), edited(paragraphs))
)


@pytest.fixture(scope="module", autouse=True)
def figures():
    yield
    properties = sum(1 for name, f in globals().items() if name.startswith("test_") and hasattr(f, "hypothesis"))
    report_figures("properties", {"properties": properties, "examples_per_property": PROPERTY_EXAMPLES})


@given(markup, selectors)
def test_any_markup_extracts_without_crashing_and_deterministically(html, sel):
    select, remove = sel
    text = extract_text(html, select, remove)
    assert isinstance(text, str) and text == extract_text(html, select, remove)


@given(page, selectors)
def test_any_page_is_judged_and_a_usable_one_is_hashed_from_its_normalised_text(html, sel):
    fetch = FetchResult("doc", "https://example.com/terms", "2026-01-01T00:00:00+00:00", 200,
                        "https://example.com/terms", "text/html; charset=utf-8", html)
    judged = judge(fetch, *sel)
    assert isinstance(judged, (Extracted, Unusable))
    if isinstance(judged, Extracted):
        assert judged == fingerprint(judged.text)
        assert judged.normalised == normalise(judged.text)
    else:
        assert judged.reason and "\n" not in judged.reason


@given(legal)
def test_normalise_and_fingerprint_never_crash_and_agree(value):
    found = fingerprint(value)
    assert found.normalised == normalise(value) and len(found.sha256) == 64
    assert fingerprint(value) == found


@given(st.binary(max_size=2000), st.sampled_from(["utf-8", "cp1252", "iso-8859-1", "utf-16", "shift_jis",
                                                   "ascii", "koi8-r", "x-no-such-charset", ""]))
def test_any_bytes_decode_to_text_or_a_reason(body, encoding):
    result = decode_page(body, encoding)
    assert isinstance(result, (str, Unusable))
    if isinstance(result, Unusable):
        assert result.reason and "\n" not in result.reason
    else:
        assert "\ufffd" not in result or "\ufffd".encode("utf-8") in body or encoding.startswith("utf-16")


@given(st.text(alphabet=st.characters(blacklist_categories=("Cs", "Cc"))),
       st.sampled_from(["utf-8", "cp1252", "iso-8859-1", "ascii"]))
def test_utf8_text_reads_back_whatever_charset_is_claimed(value, claimed):
    assert decode_page(value.encode("utf-8"), claimed) == value.removeprefix("\ufeff")


@given(old_and_new)
def test_a_diff_of_an_edited_text_rebuilds_the_new_text_and_is_deterministic(pair):
    old, new = pair
    hunks = diff_texts(old, new)
    assert apply_hunks(old, hunks) == new
    assert diff_texts(old, new) == hunks
    assert (hunks == []) == (old == new)


@given(legal)
def test_clause_functions_never_crash_and_are_deterministic(value):
    clauses = segment(value)
    assert clauses == segment(value)
    assert label(value) == label(value)
    assert facts(value) == facts(value)
    assert current_clauses(value) == current_clauses(value)
    assert all(clause.text.strip() for clause in clauses)


@given(old_and_new)
def test_classify_change_never_crashes_and_is_deterministic(pair):
    old, new = pair
    hunks = diff_texts(old, new)
    result = classify_change(old, new, hunks)
    assert result == classify_change(old, new, hunks)
    assert isinstance(result.summary, str) and result.summary
    json.dumps([result.facts, result.clauses])
    if old == new:
        assert not (result.training or result.retention)


class Elements(HTMLParser):
    def __init__(self, html: str):
        super().__init__()
        self.tags: list[tuple[str, list]] = []
        self.feed(html)

    def handle_starttag(self, tag, attrs):
        self.tags.append((tag, attrs))


hostile = st.one_of(legal, st.sampled_from(["<script>alert(1)</script>", "<img src=x onerror=alert(1)>",
                                            "<a href='javascript:alert(1)'>x</a>", "<svg onload=alert(1)>",
                                            "</style><script>x</script>", "\x1b]0;title\x07"]))


@given(st.lists(hostile, min_size=1, max_size=6).map("\n\n".join), st.lists(hostile, max_size=6).map("\n\n".join),
       hostile)
def test_every_rendering_works_and_lets_no_markup_through(old, new, title):
    hunks = diff_texts(old, new)
    page = formats.diff_html(hunks, title)
    tags = Elements(page).tags
    assert {t for t, _ in tags} <= {"html", "head", "meta", "title", "style", "body", "nav", "time", "h1", "h2", "div",
                                    "section", "span", "small", "p", "del", "ins"}
    assert not [a for _, attrs in tags for a, _ in attrs if a.startswith("on")]
    assert "<script" not in page.lower() and "<img" not in page.lower()
    markdown = formats.diff_markdown(hunks)
    assert "<script" not in markdown.lower() and "<img" not in markdown.lower()
    for colour in (False, True):
        shown = formats.diff_text(hunks, colour)
        assert "\x07" not in shown and "\x1b]" not in shown
    assert json.loads(json.dumps(formats.diff_json(hunks))) == [hunk_to_dict(h) for h in hunks]


_FACT_SENTENCES = [
    "We retain your Inputs and Outputs for 30 days.",
    "We retain Inputs for 30 days.",
    "We keep chat logs for up to 2 years, after which they are deleted.",
    "Conversations you delete are removed from our systems within 30 days.",
    "We store account data for as long as your account is open.",
    "We do not use your Inputs to train our models.",
    "We may use your conversations to train our models unless you opt out.",
    "Backups are deleted within 90 days.",
]


@given(st.lists(st.sampled_from(_FACT_SENTENCES), max_size=5), st.lists(st.sampled_from(_FACT_SENTENCES), max_size=5))
def test_no_fact_is_no_longer_stated_while_the_new_version_states_it(old_sentences, new_sentences):
    old, new = "\n\n".join(old_sentences) + "\n", "\n\n".join(new_sentences) + "\n"
    stated = {(f.kind, f.value) for f in facts(new)}
    reported = classify_change(old, new, diff_texts(old, new)).facts
    for fact in reported:
        if fact["after"] is None:
            for value in fact["before"].split("; "):
                assert (fact["kind"], value) not in stated or all(
                    not set(f.subject.lower().split()) & set(fact["subject"].lower().split()) - {"and", "your", "data"}
                    for f in facts(new) if (f.kind, f.value) == (fact["kind"], value)), (fact, new)
    assert len(reported) == len({json.dumps(f, sort_keys=True) for f in reported})  # each fact once
