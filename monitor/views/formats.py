"""Pure renderings for people and programs: terminal text, Markdown and JSON, and the HTML diff's sections as
data that templates/_macros.html renders. Page text is untrusted: escaped for Markdown here and for HTML by
Jinja2's autoescape (templating.py), stripped of control characters for terminals."""

from __future__ import annotations

import html
import re
import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass

from monitor.analysis.clauses import current_clauses
from monitor.analysis.diff import Hunk, hunk_to_dict

# ================================================================================================
# Shared helpers
# ================================================================================================

# What a diff with no change to show says, unless its caller words it for what it looked at.
NO_CHANGES = "No wording changes."

_OP_TITLES = {"insert": "Added", "delete": "Removed", "replace": "Changed", "move": "Moved"}

# Schemes that run code when a renderer turns text into a link; their colon is written as an
# escape so the scheme never appears literally in Markdown or HTML built from page text.
SCRIPT_SCHEME = re.compile(r"\b(javascript|vbscript)\s*:", re.IGNORECASE)


def _visible(hunks: list[Hunk]) -> list[Hunk]:
    """Hunks worth showing: those that only add or drop blank lines or spacing exist for the round
    trip (apply_hunks), not for readers."""
    return [h for h in hunks if h.op == "move" or h.old.split() != h.new.split()]


def _flat(text: str) -> str:
    return " ".join(text.split())


def hunks_about(hunks: list[Hunk], old: str, new: str, topics: set[str]) -> list[Hunk]:
    """The shown hunks whose old or new side holds a clause labelled with one of `topics`.

    Clauses are labelled in their whole version (a heading or a list's lead-in can decide a label),
    then looked for in each side of each hunk."""
    old_clauses = [_flat(c.text) for c in current_clauses(old, topics)]
    new_clauses = [_flat(c.text) for c in current_clauses(new, topics)]
    return [h for h in _visible(hunks)
            if any(c in _flat(h.old) for c in old_clauses) or any(c in _flat(h.new) for c in new_clauses)]


def no_changes_about(topics: set[str], old_id: int, new_id: int) -> str:
    """The one line `diff --training/--retention/--access` prints when no hunk touches those clauses."""
    named = [t for t in ("training", "retention", "access") if t in topics]
    listed = named[0] if len(named) == 1 else f"{', '.join(named[:-1])} or {named[-1]}"
    return f"No changes to {listed} clauses between versions {old_id} and {new_id}."


def _first_line(start: int, text: str) -> int:
    """1-based number of the first non-blank line of a hunk side (hunks may open with separators)."""
    lines = text.split("\n")
    return start + 1 + next((k for k, line in enumerate(lines) if line.strip()), 0)


def _where(h: Hunk) -> str:
    old, new = _first_line(h.old_start, h.old), _first_line(h.new_start, h.new)
    if h.op == "insert":
        return f"new line {new}"
    if h.op == "delete":
        return f"old line {old}"
    if h.op == "move":
        return f"from old line {old} to new line {new}"
    return f"old line {old}, new line {new}"


def _paragraphs(text: str) -> list[str]:
    return [line.strip() for line in text.split("\n") if line.strip()]


# The extractor writes a page's headings as Markdown ("## 3. Data"); readers see a heading, not the marks.
_HEADING_MARK = re.compile(r"^[ \t]*(#{1,6})[ \t]+(?=\S)")


def heading_level(line: str) -> tuple[int, str]:
    """(the level of a page heading, 1 to 6, or 0 for any other line; its text without the heading marks)."""
    m = _HEADING_MARK.match(line)
    return (len(m.group(1)), line[m.end():]) if m else (0, line)


def _heading_split(line: str) -> tuple[bool, str]:
    """(whether the line is a page heading, its text without the heading marks)."""
    level, text = heading_level(line)
    return bool(level), text


def _readable_words(words: tuple[tuple[int, str], ...]) -> list[tuple[int, str]]:
    """A word diff as a reader should see it: a change of spacing alone is no change, so whitespace-only
    deletions are dropped and whitespace-only insertions kept as plain text, and the spaces at the edges of
    a change stay outside its marks ("{+Data+} Retention"); neighbours of one kind merge.
    The hunk's own `words` stay exact (JSON, apply_hunks); this is only what is shown."""
    out: list[tuple[int, str]] = []
    for op, text in words:
        if op < 0 and not text.strip():
            continue
        core = text.strip()
        pieces: tuple[tuple[int, str], ...]
        if op and core:
            lead, trail = text[: len(text) - len(text.lstrip())], text[len(text.rstrip()):]
            pieces = ((0, lead), (op, core), (0, trail))
        else:
            pieces = ((0, text),)
        for kind, piece in pieces:
            if not piece:
                continue
            if out and out[-1][0] == kind:
                out[-1] = (kind, out[-1][1] + piece)
            else:
                out.append((kind, piece))
    return out


def _whole_paragraphs(h: Hunk) -> list[tuple[int, bool, str]]:
    """The paragraphs of a hunk shown whole rather than word by word: (-1 removed, 1 added or 0 moved,
    whether it is a page heading, its text without heading marks)."""
    sides = [(0, h.new)] if h.op == "move" else [(-1, h.old), (1, h.new)]
    return [(op, *_heading_split(p)) for op, side in sides for p in _paragraphs(side)]


def _word_lines(words: tuple[tuple[int, str], ...]) -> list[tuple[bool, list[tuple[int, str]]]]:
    """The readable word diff cut into lines, each (is a page heading, its pieces), heading marks removed,
    so every renderer opens and closes its marks within a line and shows headings as headings."""
    lines: list[list[tuple[int, str]]] = [[]]
    for op, text in _readable_words(words):
        for k, piece in enumerate(text.split("\n")):
            if k:
                lines.append([])
            if piece:
                lines[-1].append((op, piece))
    out = []
    for pieces in lines:
        heading, rest = _heading_split("".join(t for _, t in pieces))
        if heading:
            # Drop the marks from the front pieces, whichever op they belong to.
            cut, kept = len("".join(t for _, t in pieces)) - len(rest), []
            for op, text in pieces:
                drop = min(cut, len(text))
                cut -= drop
                if text[drop:]:
                    kept.append((op, text[drop:]))
            pieces = kept
        out.append((heading, pieces))
    return out


# ================================================================================================
# Diff: terminal text
# ================================================================================================

_RED, _GREEN, _CYAN, _BOLD, _DIM, _RESET = "\x1b[31m", "\x1b[32m", "\x1b[36m", "\x1b[1m", "\x1b[2m", "\x1b[0m"


def _safe_terminal(text: str) -> str:
    """Drop control characters (escape sequences in page text could rewrite the terminal)."""
    return "".join(c for c in text if c in "\n\t" or unicodedata.category(c) != "Cc")


def terminal_unsafe(data: bytes) -> bool:
    """Whether bytes printed as they are could make a terminal act: escape sequences or other control
    characters, or bytes that are not UTF-8 text at all (a PDF). Printed exactly, they cannot be made safe,
    only kept off a terminal."""
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError:
        return True
    return any(c not in "\n\t\r" and unicodedata.category(c) == "Cc" for c in text)


def diff_text(hunks: list[Hunk], color: bool, empty: str = NO_CHANGES) -> str:
    """A readable diff for a terminal; ANSI colours only when `color` (the caller checks NO_COLOR and
    whether stdout is a TTY). Without colour, words use wdiff's [-removed-] {+added+} marks."""

    def paint(code: str, text: str) -> str:
        return f"{code}{text}{_RESET}" if color else text

    shown = _visible(hunks)
    if not shown:
        return empty + "\n"
    out = []
    for h in shown:
        under = f" · under {_safe_terminal(h.heading)!r}" if h.heading else ""
        out.append(paint(_CYAN, f"@@ {_OP_TITLES[h.op].lower()} · {_where(h)}{under}"))
        if h.op == "replace" and h.words:
            out.append(_words_terminal(h.words, color))
        else:
            for op, heading, p in _whole_paragraphs(h):
                code = {0: _DIM, -1: _RED, 1: _GREEN}[op] + (_BOLD if heading else "")
                out.append(paint(code, f"{ {0: '~', -1: '-', 1: '+'}[op]} {_safe_terminal(p)}"))
        out.append("")
    return "\n".join(out)


def _words_terminal(words: tuple[tuple[int, str], ...], color: bool) -> str:
    """Without colour, wdiff's marks; a page heading is bold when in colour, its "##" marks never shown."""
    lines = []
    for heading, pieces in _word_lines(words):
        line = ""
        for op, text in pieces:
            piece = _safe_terminal(text)
            if op == 0:
                line += f"{_BOLD}{piece}{_RESET}" if color and heading else piece
            elif color:
                line += f"{_RED}{piece}{_RESET}" if op < 0 else f"{_GREEN}{_BOLD}{piece}{_RESET}"
            else:
                line += f"[-{piece}-]" if op < 0 else f"{{+{piece}+}}"
        if line.strip():
            lines.append(f"~ {line}")
    return "\n".join(lines)


# ================================================================================================
# Diff: Markdown
# ================================================================================================

_MD_SPECIAL = re.compile(r"([\\`*_\[\]()!|~#{}])")
_MD_LINE_START = re.compile(r"^(\s*)(?:([-+=>])|(\d+)([.)]))", re.MULTILINE)


def _md(text: str) -> str:
    """Page text as inert Markdown: HTML escaped (renderers pass raw HTML through), link, emphasis and
    code syntax backslash-escaped, list and quote markers at line starts escaped."""
    text = html.escape(text, quote=False)
    text = _MD_SPECIAL.sub(r"\\\1", text)
    # "\-" for a bullet, "1\." for a number: a backslash before a digit is shown, not an escape.
    text = _MD_LINE_START.sub(
        lambda m: m.group(1) + (f"\\{m.group(2)}" if m.group(2) else f"{m.group(3)}\\{m.group(4)}"), text)
    return SCRIPT_SCHEME.sub(lambda m: m.group(1) + "\\:", text)


def _md_marked(text: str, mark: str) -> str:
    """Wrap text in a Markdown emphasis mark line by line, keeping outer spaces outside the mark
    (CommonMark ignores "** word**")."""
    pieces = []
    for line in text.split("\n"):
        stripped = line.strip()
        if not stripped:
            pieces.append(line)
            continue
        lead = line[: len(line) - len(line.lstrip())]
        trail = line[len(line.rstrip()):]
        pieces.append(f"{lead}{mark}{_md(stripped)}{mark}{trail}")
    return "\n".join(pieces)


_MD_MARKS = {0: "", -1: "~~", 1: "**"}
# A page heading inside a quoted change: below the diff's own "##" title and "###" change headings.
_MD_PAGE_HEADING = "#### "


def _md_line(heading: bool, body: str) -> str:
    """One quoted line of a change; a page heading is a Markdown heading, not escaped "\\#\\#" text."""
    if not body.strip():
        return ">"
    return f"> {_MD_PAGE_HEADING}{body.strip()}" if heading else f"> {body}"


def pairs_markdown(pairs: list[dict]) -> str:
    """The changed clauses as Markdown, each a title then its before and after wording (struck / bold marks)."""
    from monitor.views import wording

    if not pairs:
        return ""
    out = [f"## {_md(wording.count_line(pairs))}", ""]
    for p in pairs:
        out.append(f"- **{_md(', '.join(p['labels']))}** · {_md(wording.pair_place(p))}")
        for side, label in (("before", "Before"), ("after", "After")):
            if p[side] is not None and (p["op"] != "moved" or side == "after"):
                mark = _MD_MARKS[-1 if side == "before" else 1]
                text = "".join(_md_marked(t, mark) if on else _md(t) for on, t in wording.spans(p, side))
                out.append(f"  - {label}: {text}")
    return "\n".join(out) + "\n\n"


def diff_markdown(hunks: list[Hunk], empty: str = NO_CHANGES) -> str:
    """The diff as Markdown: one section per change, removed words struck through, added words bold."""
    shown = _visible(hunks)
    if not shown:
        return f"_{_md(empty)}_\n"
    out = [f"## {len(shown)} place{'s' if len(shown) != 1 else ''} where the wording changed", ""]
    for n, h in enumerate(shown, 1):
        under = f" under “{_md(h.heading)}”" if h.heading else ""
        out += [f"### {n}. {_OP_TITLES[h.op]}{under} ({_where(h)})", ""]
        if h.op == "replace" and h.words:
            lines = [_md_line(heading, "".join(_md_marked(t, _MD_MARKS[op]) for op, t in pieces))
                     for heading, pieces in _word_lines(h.words)]
            while lines and lines[0] == ">":
                lines.pop(0)
            while lines and lines[-1] == ">":
                lines.pop()
            out += lines
        else:
            out += [_md_line(heading, _md_marked(p, _MD_MARKS[op])) for op, heading, p in _whole_paragraphs(h)]
        out.append("")
    return "\n".join(out)


# ================================================================================================
# Diff: HTML
# ================================================================================================
# Only the data: the macro diff_sections in templates/_macros.html writes the markup, so every HTML page is
# made one way; its `inert` filter (templating.py) escapes the page text and defuses script schemes.

Piece = tuple[int, str]


@dataclass(frozen=True)
class Paragraph:
    """One paragraph of a change: a page heading or not, its text as (-1 removed, 1 added or 0 kept, text)
    pieces; the lines of a word diff within it are joined by a kept "\n" piece."""

    heading: bool
    pieces: tuple[Piece, ...]


@dataclass(frozen=True)
class Section:
    """One change as the HTML diff shows it: its op ("replace"…), its title ("Changed"), the heading it
    sits under ("" for none), where it is, and its paragraphs."""

    op: str
    title: str
    heading: str
    where: str
    paragraphs: tuple[Paragraph, ...]


def _trimmed(pieces: list[Piece]) -> tuple[Piece, ...]:
    """A paragraph's pieces without the spaces at its edges, which its white-space: pre-wrap would show;
    marked words never hold those (_readable_words keeps them outside), so only kept text is trimmed."""
    if pieces and pieces[0][0] == 0:
        pieces[0] = (0, pieces[0][1].lstrip())
    if pieces and pieces[-1][0] == 0:
        pieces[-1] = (0, pieces[-1][1].rstrip())
    return tuple(p for p in pieces if p[1])


def _word_paragraphs(words: tuple[tuple[int, str], ...]) -> tuple[Paragraph, ...]:
    """Word diff as paragraphs: lines up to a blank line form one, a page heading is one of its own;
    each line holds whole pieces, so the marks a renderer opens on a line close on it and tags nest."""
    blocks: list[tuple[bool, list[Piece]]] = []
    open_block = False
    for heading, pieces in _word_lines(words):
        if all(op == 0 and not text.strip() for op, text in pieces):
            open_block = False
        elif heading or not open_block:
            blocks.append((heading, list(pieces)))
            open_block = not heading
        else:
            blocks[-1][1].extend([(0, "\n"), *pieces])
    return tuple(Paragraph(heading, _trimmed(pieces)) for heading, pieces in blocks)


def diff_sections(hunks: list[Hunk]) -> list[Section]:
    """The shown changes as sections, one per change: the body of diff_html, and what the static report
    shows in its change and agreement pages (none: the page says `empty` instead)."""
    sections = []
    for h in _visible(hunks):
        if h.op == "replace" and h.words:
            paragraphs = _word_paragraphs(h.words)
        else:
            paragraphs = tuple(Paragraph(heading, ((op, p),)) for op, heading, p in _whole_paragraphs(h))
        sections.append(Section(h.op, _OP_TITLES[h.op], h.heading, _where(h), paragraphs))
    return sections


def diff_html(hunks: list[Hunk], title: str, empty: str = NO_CHANGES, pairs: Sequence[dict] = ()) -> str:
    """A complete, self-contained HTML page of the diff, the changed clauses' pairs first (no scripts, no
    external assets; a Content-Security-Policy forbids both should anything slip through)."""
    from monitor.timeutil import utc_now
    from monitor.views import templating, wording

    return templating.render("diff.html", {
        "title": title, "generated": utc_now()[:10], "standalone": True, "pair_rows": list(pairs),
        "count": wording.count_line(list(pairs)), "diff": diff_sections(hunks), "no_changes": empty})


# ================================================================================================
# Diff: JSON
# ================================================================================================


def diff_json(hunks: list[Hunk]) -> list[dict]:
    """Every hunk in its stable JSON shape (blank-line hunks included, so the list still rebuilds
    the new text with apply_hunks)."""
    return [hunk_to_dict(h) for h in hunks]
