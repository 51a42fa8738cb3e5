"""The clause-level differ: exact round trip, determinism, whole words, moves and headings."""

from __future__ import annotations

import re
from itertools import pairwise

import pytest
from hypothesis import given, settings, strategies as st

from monitor.analysis.diff import Hunk, apply_hunks, diff_texts, hunk_to_dict, is_heading, matcher, word_diff

TERMS = """# Services Agreement

## 1. Data

We will not use Customer Content to develop or improve the Services.

We will delete Customer Content within 30 days of termination.

## 2. Fees

Customer will pay all fees within 30 days of the invoice date.

Fees are non-refundable.
"""


def _visible_words(text: str) -> list[str]:
    return re.findall(r"\w+", text)


# --- round trip ---------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "old, new",
    [
        ("", ""),
        ("", TERMS),
        (TERMS, ""),
        (TERMS, TERMS),
        (TERMS, TERMS.replace("30 days of termination", "60 days of termination")),
        (TERMS, TERMS.rstrip("\n")),  # last line loses its newline
        (TERMS, TERMS + "\n\n\n"),  # only blank lines added
        (TERMS, TERMS.replace("\n", "\r\n")),
        ("a\n\n\nb", "a\nb"),
        ("\n\nleading blanks\n", "leading blanks\n"),
        ("line\u2028with separator\n", "line\u2028changed separator\n"),
        ("Fees.\n", "Frais : 30 € — 3 ans.\n"),
    ],
)
def test_round_trip(old, new):
    assert apply_hunks(old, diff_texts(old, new)) == new


_PARAGRAPHS = st.sampled_from(
    [
        "We may use your Inputs and Outputs to train our models.",
        "Conversations are deleted within 30 days.",
        "## 3. Retention",
        "- a list item",
        "Fees are non-refundable.",
        "",
        "   ",
    ]
)


@settings(max_examples=300, deadline=None)
@given(st.lists(_PARAGRAPHS, max_size=14), st.lists(_PARAGRAPHS, max_size=14), st.booleans())
def test_round_trip_on_shuffled_paragraphs(old_lines, new_lines, trailing_newline):
    # Few distinct lines, many repeats: the case that exercises moves and blank-line alignment.
    end = "\n" if trailing_newline else ""
    old, new = "\n".join(old_lines) + end, "\n".join(new_lines)
    assert apply_hunks(old, diff_texts(old, new)) == new


@settings(max_examples=300, deadline=None)
@given(st.text(), st.text())
def test_round_trip_on_arbitrary_text(old, new):
    assert apply_hunks(old, diff_texts(old, new)) == new


@settings(max_examples=200, deadline=None)
@given(st.text(alphabet=st.sampled_from("ab \n\r.")), st.text(alphabet=st.sampled_from("ab \n\r.")))
def test_round_trip_on_newline_heavy_text(old, new):
    assert apply_hunks(old, diff_texts(old, new)) == new


def test_apply_hunks_refuses_hunks_of_another_text():
    hunks = diff_texts(TERMS, TERMS.replace("Fees are", "Fees remain"))
    with pytest.raises(ValueError):
        apply_hunks(TERMS.replace("Fees are non-refundable.", "Something else."), hunks)


# --- determinism --------------------------------------------------------------------------------


def test_timeout_is_disabled_on_purpose():
    assert matcher().Diff_Timeout == 0


def test_same_texts_give_the_same_hunks():
    old = "\n\n".join(f"Clause {i}: we keep data for {i} days." for i in range(400))
    new = "\n\n".join(f"Clause {i}: we keep data for {i * 2 if i % 7 else i} days." for i in range(0, 400, 3))
    assert diff_texts(old, new) == diff_texts(old, new)


# --- only changes, with their places ------------------------------------------------------------


def test_equal_texts_have_no_hunks():
    assert diff_texts(TERMS, TERMS) == []


def test_an_edited_paragraph_is_one_replace_with_line_numbers():
    new = TERMS.replace("within 30 days of termination", "within 60 days of termination")
    [hunk] = diff_texts(TERMS, new)
    assert hunk.op == "replace"
    assert hunk.old_start == hunk.new_start == TERMS.split("\n").index(
        "We will delete Customer Content within 30 days of termination."
    )
    assert hunk.old.strip() == "We will delete Customer Content within 30 days of termination."
    assert hunk.new.strip() == "We will delete Customer Content within 60 days of termination."
    assert [w for w in hunk.words if w[0] != 0] == [(-1, "30"), (1, "60")]


def test_insert_and_delete():
    new = TERMS.replace("Fees are non-refundable.\n", "Fees are non-refundable.\n\nTaxes are extra.\n")
    [insert] = diff_texts(TERMS, new)
    assert (insert.op, insert.old, insert.new.strip()) == ("insert", "", "Taxes are extra.")
    [delete] = diff_texts(new, TERMS)
    assert (delete.op, delete.new, delete.old.strip()) == ("delete", "", "Taxes are extra.")


# --- words stay whole ---------------------------------------------------------------------------


def test_word_diff_keeps_words_whole():
    words = word_diff("We retain logs for thirty days.", "We retained logs for thirteen days.")
    assert (-1, "retain") in words and (1, "retained") in words
    assert (-1, "thirty") in words and (1, "thirteen") in words


@settings(max_examples=300, deadline=None)
@given(
    st.lists(st.sampled_from("we retain retained data days thirty thirteen fine-tune don't , .".split()), max_size=25),
    st.lists(st.sampled_from("we retain retained data days thirty thirteen fine-tune don't , .".split()), max_size=25),
)
def test_word_diff_never_cuts_a_word(a, b):
    old, new = " ".join(a), " ".join(b)
    words = word_diff(old, new)
    assert "".join(t for op, t in words if op <= 0) == old
    assert "".join(t for op, t in words if op >= 0) == new
    # On each side, a cut between two word characters would split a word: pieces meet at word edges.
    for side in ([t for op, t in words if op <= 0], [t for op, t in words if op >= 0]):
        for left, right in pairwise(side):
            assert not (re.match(r"[\w'\-]", left[-1]) and re.match(r"[\w'\-]", right[0]))


# --- moves --------------------------------------------------------------------------------------


def test_a_moved_paragraph_is_reported_as_move():
    moved = "We will not use Customer Content to develop or improve the Services.\n\n"
    new = TERMS.replace(moved, "").replace("Fees are non-refundable.\n", "Fees are non-refundable.\n\n" + moved)
    hunks = [h for h in diff_texts(TERMS, new) if h.old.split() != h.new.split() or h.op == "move"]
    assert [h.op for h in hunks] == ["move"]
    assert hunks[0].old.strip() == hunks[0].new.strip() == moved.strip()
    assert apply_hunks(TERMS, diff_texts(TERMS, new)) == new


def test_swapped_paragraphs_move_only_one():
    old = "Alpha clause.\n\nBeta clause.\n\nGamma clause.\n"
    new = "Beta clause.\n\nAlpha clause.\n\nGamma clause.\n"
    hunks = [h for h in diff_texts(old, new) if h.old.split() != h.new.split() or h.op == "move"]
    assert len(hunks) == 1 and hunks[0].op == "move"


def test_a_moved_and_edited_paragraph_is_not_a_move():
    old = "Alpha clause.\n\nBeta clause.\n\nGamma clause.\n"
    new = "Beta clause.\n\nGamma clause.\n\nAlpha clause, amended.\n"
    assert "move" not in {h.op for h in diff_texts(old, new)}


# --- headings -----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "line, expected",
    [
        ("## 4. Rights and Choices", True),
        ("6. Data Retention, Data Lifecycle, and Security Controls", True),
        ("A. Definitions", True),
        ("Section 3", True),
        ("Article 12 Data Retention", True),
        ("LIMITATION OF LIABILITY", True),
        ("How We Use Your Data", True),
        ("Supplemental Disclosures for Residents of the Republic of Korea", True),
        ("We may use your Inputs and Outputs to train our models.", False),
        ("1. You must be at least 18 years old.", False),
        ("Updated: January 16, 2026", False),
        ("Effective 8 July 2026 Previous Version", False),
        ("Retention period | The period necessary to process your request", False),
        ("Ory Corp.; User Authentication; Belgium, Germany", False),  # cells of a row, rendered with "; "
        ("- Publicly available information via the Internet", False),
        ("personal data we receive automatically", False),
        ("", False),
    ],
)
def test_heading_detection(line, expected):
    assert is_heading(line) is expected


def test_hunks_carry_the_heading_they_sit_under():
    new = TERMS.replace("Fees are non-refundable.", "Fees are refundable within 14 days.")
    [hunk] = diff_texts(TERMS, new)
    assert hunk.heading == "2. Fees"


def test_a_deleted_paragraph_takes_its_heading_from_the_old_text():
    old = TERMS
    new = TERMS.replace("## 2. Fees\n\nCustomer will pay all fees within 30 days of the invoice date.\n\n", "")
    deletes = [h for h in diff_texts(old, new) if h.op == "delete"]
    assert deletes and deletes[0].heading in {"1. Data", "2. Fees"}
    assert any(h.heading == "2. Fees" for h in deletes) or deletes[0].old.startswith("## 2. Fees")


# --- JSON shape ---------------------------------------------------------------------------------


def test_hunk_to_dict_is_the_stable_shape():
    hunk = Hunk("replace", "a 30\n", "a 60\n", 4, 5, "1. Data", ((0, "a "), (-1, "30"), (1, "60"), (0, "\n")))
    assert hunk_to_dict(hunk) == {
        "op": "replace",
        "heading": "1. Data",
        "old_start": 4,
        "new_start": 5,
        "old": "a 30\n",
        "new": "a 60\n",
        "words": [[0, "a "], [-1, "30"], [1, "60"], [0, "\n"]],
    }
    assert list(hunk_to_dict(hunk)) == ["op", "heading", "old_start", "new_start", "old", "new", "words"]
