"""A version's text cut into clauses: each sentence of a paragraph and each list item, with its heading, the
subject of the table it sits in, and the topics it speaks to."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from monitor.analysis.diff import is_heading
from monitor.analysis.topics import TOPICS, evidence, products
from monitor.analysis.vocabulary import DATA_NOUN
from monitor.models import Clause

_LIST_ITEM = re.compile(r"^\s*(?:[-*+•·▪◦]|\(?(?:\d{1,3}|[a-zA-Z]|[ivxlc]{1,6})[.)])\s+")
_MARKDOWN = re.compile(r"^\s*#{1,6}\s+")
# Where a sentence may end: after . ! ? (and a closing quote or bracket), before a capital or opener.
_SENTENCE_END = re.compile(r"(?<=[.!?])[\"'”’)\]]?\s+(?=[\"“(\[]?[A-Z0-9])")
# Words whose trailing period is not the end of a sentence.
_ABBREVIATIONS = frozenset(
    "e.g i.e etc inc ltd llc co corp no nos sec art para vs mr ms mrs dr st u.s u.k e.u approx cf fig"
    " l.l.c p.b.c s.a s.l b.v gmbh ag".split()
)
# A paragraph may open with a short label ("Opt out.", "Our use of content.") that belongs to the
# sentence after it; a short sentence with a pronoun subject ("We retain data.") stands alone.
_LEAD_IN_WORDS = 4
_PRONOUN_START = re.compile(r"^(?:we|you|they|it|this|these|that|i|he|she)\b", re.I)


def _split_sentences(paragraph: str) -> list[str]:
    pieces, start = [], 0
    for m in _SENTENCE_END.finditer(paragraph):
        before = paragraph[start : m.start()].rstrip("\"'”’)]")
        last = before.rsplit(None, 1)[-1].rstrip(".").lower() if before.split() else ""
        # "A." / "1." numbering and abbreviations ("e.g.") do not end a sentence.
        if last in _ABBREVIATIONS or len(last) <= 1 or re.fullmatch(r"[\w.]*\d[\w.]*|[a-z](?:\.[a-z])+", last):
            continue
        pieces.append(paragraph[start : m.start() + len(m.group(0))].strip())
        start = m.end()
    pieces.append(paragraph[start:].strip())
    pieces = [p for p in pieces if p]
    first = pieces[0] if pieces else ""
    if len(pieces) > 1 and len(first.split()) <= _LEAD_IN_WORDS and not _PRONOUN_START.match(first):
        pieces[:2] = [f"{first} {pieces[1]}"]
    return pieces


@dataclass(frozen=True)
class Located:
    """A clause with the number of the line it is on."""

    line: int
    clause: Clause
    subject: str  # what a table row speaks of ("Entrusted Data"), for facts stated in a table


def split_cells(line: str) -> list[str]:
    """The cells of a rendered table row; none for a line that is not one."""
    return [c.strip() for c in line.split("|")] if " | " in line else []


@lru_cache(maxsize=8)
def locate(text: str) -> tuple[Located, ...]:
    """Cached: the pipeline classifies version n against n-1, then n+1 against n."""
    return tuple(_locate_uncached(text))


def _locate_uncached(text: str) -> list[Located]:
    out: list[Located] = []
    named = products(text)
    heading = lead_in = table_subject = ""
    nested: list[tuple[int, str]] = []  # (indent, lead-in) of the list items that open a nested list
    for number, raw in enumerate(text.split("\n")):
        line = raw.strip()
        if not line:
            table_subject = ""
            continue
        if _MARKDOWN.match(line) or is_heading(line):
            heading = _MARKDOWN.sub("", line).strip().rstrip(":").strip()
            lead_in = table_subject = ""
            nested = []
            continue
        cells = split_cells(line)
        if cells and not table_subject and DATA_NOUN.search(cells[0]):
            table_subject = cells[0]
        item = bool(_LIST_ITEM.match(line))
        sentences = _split_sentences(line)
        context = ""
        if item:
            # A nested list completes the item that opens it ("(g) … you agree that you will:" then "(i) conduct
            # human review …"); the text keeps list nesting as indentation.
            indent = len(raw) - len(raw.lstrip())
            while nested and nested[-1][0] >= indent:
                nested.pop()
            context = nested[-1][1] if nested else lead_in
            if sentences and line.endswith(":"):
                nested.append((indent, sentences[-1]))
        else:
            # Only the sentence that ends in ":" introduces the list ("we train our models using
            # data from the following sources:"); earlier sentences of its paragraph do not.
            lead_in = sentences[-1] if sentences and line.endswith(":") else ""
            nested = []
        for sentence in sentences:
            combined = f"{context} {sentence}" if context else sentence
            ev = evidence(combined, heading, named)
            clause = Clause(sentence, heading, frozenset(ev), tuple(p for k in sorted(ev) for p in ev[k]))
            out.append(Located(number, clause, table_subject))
    return out


def segment(text: str) -> list[Clause]:
    """Clauses of a version: each sentence of a paragraph and each list item, with its heading.

    Every paragraph is cut into sentences, not only long ones, so that a changed sentence next to a
    training sentence does not make the training sentence look changed. A list item is labelled
    together with the lead-in sentence it completes."""
    return [located.clause for located in locate(text)]


def current_clauses(text: str, only: set[str] | None = None) -> list[Clause]:
    """The labelled clauses of a version ("what do the terms say today"), optionally of some labels."""
    wanted = set(only) if only else set(TOPICS)
    return [c for c in segment(text) if c.labels & wanted]
