"""Pure: a page's frame, the lines that are not its terms: those it opens or closes with exactly as another watched
page of the same site does (notices, menus, footers), and those that came and went in its own recent history."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from itertools import pairwise
from urllib.parse import urlsplit

from monitor.models import Document
from monitor.text.normalise import normalise

# The most lines at each end of a page that can be a site's frame: a notice box and a menu above the title, a
# footer below the last clause.
EDGE_LINES = 15
# The most watched pages of one site whose frame is read: a vendor's terms, privacy policy, DPA and the like.
# Past it (a test farm of thousands of pages on one host) a run would hold every page's text until the last
# arrives and compare each with all the others, for a frame nobody watches that many pages to learn.
SITE_PAGES = 20


@dataclass(frozen=True)
class Edges:
    """The normalised lines a page's text opens and closes with, and how many lines it has in all."""

    head: tuple[str, ...]
    tail: tuple[str, ...]
    lines: int


def site(vendor: str, url: str) -> tuple[str, str]:
    """Which site a watched page belongs to: its vendor's pages on one host."""
    try:
        host = urlsplit(url).hostname or ""
    except ValueError:
        host = ""
    return vendor.casefold(), host


def sites(documents: Iterable[Document]) -> dict[tuple[str, str], tuple[str, ...]]:
    """The ids of the watched pages of each site whose frame is read: sites of two to SITE_PAGES pages."""
    found: dict[tuple[str, str], list[str]] = {}
    for doc in documents:
        found.setdefault(site(doc.vendor, doc.url), []).append(doc.id)
    return {key: tuple(ids) for key, ids in found.items() if 1 < len(ids) <= SITE_PAGES}


def edges(text: str) -> Edges:
    """A page's Edges; only its ends are normalised, since the middle of a page is never frame."""
    lines = [line for line in text.split("\n") if line.strip()]
    head = _lines("\n".join(lines[:EDGE_LINES]))[:EDGE_LINES]
    tail = _lines("\n".join(lines[-EDGE_LINES:]))[-EDGE_LINES:]
    return Edges(tuple(head), tuple(tail), len(lines))


def shared(page: Edges, other: Edges) -> frozenset[str]:
    """The lines two pages both open with and both close with, when they are different pages: what they share
    beyond half of the shorter one makes them one document (a copy, another rendering), with no frame to tell."""
    head = 0
    while head < min(len(page.head), len(other.head)) and page.head[head] == other.head[head]:
        head += 1
    tail = 0
    while tail < min(len(page.tail), len(other.tail)) and page.tail[-1 - tail] == other.tail[-1 - tail]:
        tail += 1
    if 2 * (head + tail) >= min(page.lines, other.lines):
        return frozenset()
    return frozenset(page.head[:head] + page.tail[len(page.tail) - tail:])


def site_frame(own: Iterable[Edges], others: Iterable[Edges]) -> frozenset[str]:
    """A page's frame: the lines any reading of it (as stored, as fetched now) shares at its ends with any reading
    of another watched page of the same site."""
    mates = tuple(others)
    return frozenset().union(*(shared(page, other) for page in own for other in mates))


def flapping(history: Sequence[str]) -> frozenset[str]:
    """The lines that came and went in a page's own history: `history` holds the texts its fetches showed, oldest
    first, one per stretch of fetches showing the same text. A line there, then gone, then back (or the reverse)
    is a block the site shows some of the time (a rotating banner, a notice, a widget) while the terms stay."""
    if len(history) < 3:  # nothing has come and gone yet: no need to read the texts
        return frozenset()
    present = [frozenset(_lines(text)) for text in history]
    moves = Counter(line for before, after in pairwise(present) for line in before ^ after)
    return frozenset(line for line, count in moves.items() if count > 1)


def unframed(text: str, frame: frozenset[str], flaps: frozenset[str] = frozenset()) -> str:
    """The normalised text without the runs of frame lines that open and close it, and without the lines that
    `flapping` found wherever they stand."""
    lines = [line for line in _lines(text) if line not in flaps]
    start, end = 0, len(lines)
    while start < end and lines[start] in frame:
        start += 1
    while end > start and lines[end - 1] in frame:
        end -= 1
    return "\n".join(lines[start:end])


def _lines(text: str) -> list[str]:
    return [line for line in normalise(text).split("\n") if line.strip()]
