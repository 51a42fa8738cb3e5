"""Pure: a site's frame, the lines a page shares at its top or bottom with other watched pages of the same
site (notices, menus, footers), so that a change confined to them is not taken for a change of terms."""

from __future__ import annotations

from collections.abc import Iterable
from urllib.parse import urlsplit

from monitor.text.normalise import normalise

# Lines at each end of a page where a site's frame sits: a notice bar and a menu above the title, a footer
# below the last clause.
EDGE_LINES = 15


def site(vendor: str, url: str) -> tuple[str, str]:
    """Which site a watched page belongs to: its vendor's pages on one host."""
    try:
        host = urlsplit(url).hostname or ""
    except ValueError:
        host = ""
    return vendor.casefold(), host


def edges(text: str) -> frozenset[str]:
    """The normalised lines at the top and bottom of a page's text, where a site's frame sits."""
    lines = [line for line in text.split("\n") if line.strip()]
    if len(lines) > 2 * EDGE_LINES:  # only the ends are normalised: the middle of a long page is never frame
        lines = lines[:EDGE_LINES] + lines[-EDGE_LINES:]
    found = _lines("\n".join(lines))
    return frozenset(found[:EDGE_LINES] + found[-EDGE_LINES:])


def site_frame(siblings: Iterable[frozenset[str]]) -> frozenset[str]:
    """The lines that open or close any of the other watched pages of the same site, given their `edges`."""
    return frozenset().union(*siblings)


def unframed(text: str, frame: frozenset[str]) -> str:
    """The normalised text without the runs of frame lines that open and close it. Lines the page shares with
    its siblings elsewhere, clauses two documents both state, stay: only the edges are the site's frame."""
    lines = _lines(text)
    start, end = 0, len(lines)
    while start < end and lines[start] in frame:
        start += 1
    while end > start and lines[end - 1] in frame:
        end -= 1
    return "\n".join(lines[start:end])


def _lines(text: str) -> list[str]:
    return [line for line in normalise(text).split("\n") if line.strip()]
