"""`termwatch diff` in each of its formats: a Comparison's hunks and clause pairs, narrowed to some topics; pure."""

from __future__ import annotations

from collections.abc import Set
from dataclasses import dataclass

from monitor.analysis.diff import Hunk
from monitor.app.reading import Comparison
from monitor.views import formats, terminal


@dataclass(frozen=True)
class _Shown:
    hunks: list[Hunk]
    pairs: list[dict]
    empty: str  # what to print when no hunk is left


def _about(c: Comparison, topics: Set[str]) -> _Shown:
    """Without topics, everything; with them, only the hunks and pairs whose clauses speak of one of them."""
    if not topics:
        return _Shown(c.hunks, c.pairs, "No wording changes.")
    return _Shown(formats.hunks_about(c.hunks, c.old.text, c.new.text, set(topics)),
                  [p for p in c.pairs if topics & set(p["labels"])],
                  formats.no_changes_about(set(topics), c.old.id, c.new.id))


def diff_json(c: Comparison, topics: Set[str] = frozenset()) -> dict:
    shown = _about(c, topics)
    return {"document": c.document, "from_version": c.old.id, "to_version": c.new.id, "clauses": shown.pairs,
            "hunks": formats.diff_json(shown.hunks)}


def diff_document(c: Comparison, fmt: str, topics: Set[str] = frozenset(), color: bool = False) -> str:
    """The diff as text (coloured when `color`), Markdown or a whole HTML page."""
    shown = _about(c, topics)
    if fmt == "markdown":
        return formats.pairs_markdown(shown.pairs) + formats.diff_markdown(shown.hunks, shown.empty)
    if fmt == "html":
        return formats.diff_html(shown.hunks, f"{c.document}: version {c.old.id} → {c.new.id}", shown.empty,
                                 shown.pairs)
    if topics and not shown.hunks:
        return shown.empty
    head = f"{c.document}: version {c.old.id} ({c.old.first_seen}) → {c.new.id} ({c.new.first_seen})\n"
    pairs = terminal.pairs_text(shown.pairs) + "\n\n" if shown.pairs else ""
    return head + pairs + formats.diff_text(shown.hunks, color)
