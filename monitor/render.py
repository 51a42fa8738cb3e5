"""Pure renderings for people and programs: terminal text, Markdown, HTML and JSON.
Page text is untrusted: escaped for HTML and Markdown, stripped of control characters for terminals."""

from __future__ import annotations

import html
import re
import unicodedata

from monitor.diff import Hunk, hunk_to_dict

# ================================================================================================
# Shared helpers
# ================================================================================================

_OP_TITLES = {"insert": "Added", "delete": "Removed", "replace": "Changed", "move": "Moved"}

# Schemes that run code when a renderer turns text into a link; their colon is written as an
# escape so the scheme never appears literally in Markdown or HTML built from page text.
_SCRIPT_SCHEME = re.compile(r"\b(javascript|vbscript)\s*:", re.IGNORECASE)


def _visible(hunks: list[Hunk]) -> list[Hunk]:
    """Hunks worth showing: those that only add or drop blank lines or spacing exist for the round
    trip (apply_hunks), not for readers."""
    return [h for h in hunks if h.op == "move" or h.old.split() != h.new.split()]


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


# ================================================================================================
# Diff: terminal text
# ================================================================================================

_RED, _GREEN, _CYAN, _BOLD, _DIM, _RESET = "\x1b[31m", "\x1b[32m", "\x1b[36m", "\x1b[1m", "\x1b[2m", "\x1b[0m"


def _safe_terminal(text: str) -> str:
    """Drop control characters (escape sequences in page text could rewrite the terminal)."""
    return "".join(c for c in text if c in "\n\t" or unicodedata.category(c) != "Cc")


def diff_text(hunks: list[Hunk], color: bool) -> str:
    """A readable diff for a terminal; ANSI colours only when `color` (the caller checks NO_COLOR and
    whether stdout is a TTY). Without colour, words use wdiff's [-removed-] {+added+} marks."""

    def paint(code: str, text: str) -> str:
        return f"{code}{text}{_RESET}" if color else text

    shown = _visible(hunks)
    if not shown:
        return "No wording changes.\n"
    out = []
    for h in shown:
        under = f" · under {_safe_terminal(h.heading)!r}" if h.heading else ""
        out.append(paint(_CYAN, f"@@ {_OP_TITLES[h.op].lower()} · {_where(h)}{under}"))
        if h.op == "replace" and h.words:
            out.append(_words_terminal(h.words, color))
        elif h.op == "move":
            out.extend(paint(_DIM, f"~ {_safe_terminal(p)}") for p in _paragraphs(h.new))
        else:
            out.extend(paint(_RED, f"- {_safe_terminal(p)}") for p in _paragraphs(h.old))
            out.extend(paint(_GREEN, f"+ {_safe_terminal(p)}") for p in _paragraphs(h.new))
        out.append("")
    return "\n".join(out)


def _words_terminal(words: tuple[tuple[int, str], ...], color: bool) -> str:
    lines: list[str] = [""]
    for op, text in words:
        # Marks are opened and closed on each line so a paragraph break never sits inside one.
        for k, piece in enumerate(_safe_terminal(text).split("\n")):
            if k:
                lines.append("")
            if not piece or op == 0:
                lines[-1] += piece
            elif color:
                lines[-1] += f"{_RED}{piece}{_RESET}" if op < 0 else f"{_GREEN}{_BOLD}{piece}{_RESET}"
            else:
                lines[-1] += f"[-{piece}-]" if op < 0 else f"{{+{piece}+}}"
    return "\n".join(f"~ {line}" for line in lines if line.strip())


# ================================================================================================
# Diff: Markdown
# ================================================================================================

_MD_SPECIAL = re.compile(r"([\\`*_\[\]()!|~#{}])")
_MD_LINE_START = re.compile(r"^(\s*)([-+=>]|\d+[.)])", re.MULTILINE)


def _md(text: str) -> str:
    """Page text as inert Markdown: HTML escaped (renderers pass raw HTML through), link, emphasis and
    code syntax backslash-escaped, list and quote markers at line starts escaped."""
    text = html.escape(text, quote=False)
    text = _MD_SPECIAL.sub(r"\\\1", text)
    text = _MD_LINE_START.sub(lambda m: m.group(1) + "\\" + m.group(2), text)
    return _SCRIPT_SCHEME.sub(lambda m: m.group(1) + "\\:", text)


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


def diff_markdown(hunks: list[Hunk]) -> str:
    """The diff as Markdown: one section per change, removed words struck through, added words bold."""
    shown = _visible(hunks)
    if not shown:
        return "_No wording changes._\n"
    out = [f"## {len(shown)} change{'s' if len(shown) != 1 else ''}", ""]
    for n, h in enumerate(shown, 1):
        under = f" under “{_md(h.heading)}”" if h.heading else ""
        out += [f"### {n}. {_OP_TITLES[h.op]}{under} ({_where(h)})", ""]
        if h.op == "replace" and h.words:
            body = "".join(
                _md(t) if op == 0 else _md_marked(t, "~~" if op < 0 else "**") for op, t in h.words
            )
            out += [f"> {line}" if line.strip() else ">" for line in body.strip("\n").split("\n")]
        elif h.op == "move":
            out += [f"> {_md(p)}" for p in _paragraphs(h.new)]
        else:
            out += [f"> ~~{_md(p)}~~" for p in _paragraphs(h.old)]
            out += [f"> **{_md(p)}**" for p in _paragraphs(h.new)]
        out.append("")
    return "\n".join(out)


# ================================================================================================
# Diff: HTML
# ================================================================================================

_HTML_STYLE = """
body{font:16px/1.5 system-ui,sans-serif;max-width:50rem;margin:2rem auto;padding:0 1rem;color:#1b1b1b}
h1{font-size:1.4rem}h2{font-size:1rem;margin:0 0 .5rem;color:#444}
section{border:1px solid #ddd;border-radius:6px;padding:.75rem 1rem;margin:1rem 0}
del{background:#fde2e1;color:#8a1c1c}ins{background:#dcf5dc;color:#14532d;text-decoration:none}
p{margin:.4rem 0;white-space:pre-wrap}.move p{color:#555}.op{font-weight:600}
"""


def _h(text: str) -> str:
    """Page text as HTML text: every markup character escaped, script schemes defused."""
    return _SCRIPT_SCHEME.sub(lambda m: m.group(1) + "&#58;", html.escape(text, quote=True))


def _html_words(words: tuple[tuple[int, str], ...]) -> str:
    """Word diff as paragraphs; a mark that spans a paragraph break is closed and reopened on each
    side of it so tags always nest."""
    blocks: list[list[str]] = [[]]
    for op, text in words:
        for k, piece in enumerate(re.split(r"\n\s*\n", text)):
            if k:
                blocks.append([])
            if not piece:
                continue
            escaped = _h(piece)
            tag = "del" if op < 0 else "ins"
            blocks[-1].append(escaped if op == 0 else f"<{tag}>{escaped}</{tag}>")
    return "".join(f"<p>{''.join(b).strip()}</p>" for b in blocks if "".join(b).strip())


def diff_html_sections(hunks: list[Hunk]) -> str:
    """The diff as HTML sections, one per change, page text escaped: the body of diff_html, and
    what the static report embeds in its change and agreement pages."""
    shown = _visible(hunks)
    sections = []
    for h in shown:
        under = f" under “{_h(h.heading)}”" if h.heading else ""
        head = f'<h2><span class="op">{_OP_TITLES[h.op]}</span>{under} <small>({_where(h)})</small></h2>'
        if h.op == "replace" and h.words:
            body = _html_words(h.words)
        elif h.op == "move":
            body = "".join(f"<p>{_h(p)}</p>" for p in _paragraphs(h.new))
        else:
            body = "".join(f"<p><del>{_h(p)}</del></p>" for p in _paragraphs(h.old))
            body += "".join(f"<p><ins>{_h(p)}</ins></p>" for p in _paragraphs(h.new))
        sections.append(f'<section class="{h.op}">{head}{body}</section>')
    if not sections:
        sections.append("<p>No wording changes.</p>")
    return "\n".join(sections)


def diff_html(hunks: list[Hunk], title: str) -> str:
    """A complete, self-contained HTML page of the diff (no scripts, no external assets; a
    Content-Security-Policy forbids both should anything slip through)."""
    safe_title = _h(title)
    return (
        "<!DOCTYPE html>\n"
        '<html lang="en"><head><meta charset="utf-8">'
        '<meta http-equiv="Content-Security-Policy" content="default-src \'none\'; style-src \'unsafe-inline\'">'
        '<meta name="viewport" content="width=device-width, initial-scale=1">'
        f"<title>{safe_title}</title><style>{_HTML_STYLE}</style></head>\n"
        f"<body><h1>{safe_title}</h1>\n" + diff_html_sections(hunks) + "\n</body></html>\n"
    )


# ================================================================================================
# Diff: JSON
# ================================================================================================


def diff_json(hunks: list[Hunk]) -> list[dict]:
    """Every hunk in its stable JSON shape (blank-line hunks included, so the list still rebuilds
    the new text with apply_hunks)."""
    return [hunk_to_dict(h) for h in hunks]
