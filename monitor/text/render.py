"""HTML elements to readable text: headings, clauses, list items (numbered as the page numbers them) and
table rows each on their own line(s), a blank line between blocks."""

from __future__ import annotations

import re
from collections.abc import Iterable

from bs4.element import NavigableString, Tag

from monitor.text.chrome import has_sentence
from monitor.text.tags import DROP_TAGS, HEADING_TAGS, SKIPPED_STRINGS, attributes, first

_BLOCK_TAGS = frozenset(
    "address article aside blockquote body caption center dd details dialog dir div dl dt fieldset figcaption "
    "figure footer form h1 h2 h3 h4 h5 h6 header hgroup hr html li main menu nav ol p pre section summary table "
    "tbody td tfoot th thead tr ul legend".split()
)
# Layout containers: inline children side by side in them are separate items (a flex row holding
# "Effective June 17, 2025" and a "Previous version" link), so a space goes between them.
_LAYOUT_TAGS = frozenset(
    "address article aside body center details dialog div fieldset figure footer form header hgroup html main "
    "nav section".split()
)
# A layout container whose inline children hold sentences, this many of them at least, with no text of its own
# between them stacks them as paragraphs (a page styled by atomic CSS: a heading, then a <span> per paragraph).
_STACKED_ITEMS = 3
_STACKED_SENTENCES = 2
_HEADING_LEVEL = {"h1": 1, "h2": 2, "h3": 3, "h4": 4, "h5": 5, "h6": 6}
_LIST_TAGS = frozenset(("ul", "ol", "menu", "dir"))
_ASCII_SPACE = re.compile(r"[ \t\r\n\f\v]+")  # HTML whitespace; other spaces are the author's
_BREAK = "\x00"  # stands for <br> inside a block until the block is flushed
_MAX_NESTED_TABLES = 8


class _List:
    __slots__ = ("element", "ordered", "number", "style", "indent")

    def __init__(self, element: Tag, indent: str) -> None:
        self.element = element
        self.ordered = element.name == "ol"
        self.number = _int(element.get("start"), 1)
        self.style = attributes(element).get("type") or "1"
        self.indent = indent


class _Renderer:
    """Walks the tree once, without recursion (pages nest thousands deep), collecting blocks.

    Inline text gathers in a buffer until a block boundary; each block becomes (kind, text)."""

    def __init__(self, skip: set[int], bare: bool = False, depth: int = 0) -> None:
        self.skip = skip
        self.blocks: list[tuple[str, str]] = []
        self.buf: list[str] = []
        self.marker = ""
        self.kind = "p"
        self.indent = ""
        self.indents: list[str] = []
        self.lists: list[_List] = []
        self.pre = 0
        self.bare = bare  # inside a table cell: no list or heading markers
        self.depth = depth
        self.layout_tables: set[int] = set()
        self.stacks: dict[int, bool] = {}  # layout container -> whether its inline children are paragraphs

    def run(self, root: Tag) -> None:
        stack: list[tuple[object, bool]] = [(root, False)]
        while stack:
            node, leaving = stack.pop()
            if leaving:
                self.leave(node)  # type: ignore[arg-type]
            elif isinstance(node, Tag):
                if self.enter(node):
                    stack.append((node, True))
                    stack.extend((child, False) for child in reversed(node.contents))
            elif isinstance(node, NavigableString) and not isinstance(node, SKIPPED_STRINGS):
                self.buf.append(str(node).replace(_BREAK, ""))
        self.flush()

    def flush(self) -> None:
        if not self.buf:
            return
        raw = "".join(self.buf)
        self.buf = []
        if self.pre:
            lines = [line.rstrip() for line in raw.replace(_BREAK, "\n").strip("\n").split("\n")]
        else:
            lines = [
                " ".join(part.split()) if part.isascii() else _ASCII_SPACE.sub(" ", part).strip()
                for part in raw.split(_BREAK)
            ]
            lines = [line for line in lines if line]
        if not any(line.strip() for line in lines):
            return
        lead = self.marker or self.indent
        self.marker = ""
        pad = self.indent if not self.pre else ""
        text = "\n".join([lead + lines[0], *(pad + line for line in lines[1:])])
        self.blocks.append((self.kind, text))
        self.kind = "p"

    def enter(self, el: Tag) -> bool:
        name = el.name
        if id(el) in self.skip or name in DROP_TAGS:
            return False
        if name == "br":
            self.buf.append(_BREAK)
            return False
        if name not in _BLOCK_TAGS:
            # side by side in a layout container, or two <time>s anywhere: two dates ("published", "updated")
            in_layout = el.parent is not None and el.parent.name in _LAYOUT_TAGS
            if in_layout and self.stacked(el):
                self.flush()
            elif (in_layout or name == "time") and _follows_inline_tag(el, self.skip, None if in_layout else "time"):
                self.buf.append(" ")
            return True
        self.flush()
        if name in _HEADING_LEVEL:
            if not self.bare:
                self.marker = self.marker or "#" * _HEADING_LEVEL[name] + " "
            self.kind = "h"
        elif name in _LIST_TAGS:
            self.lists.append(_List(el, self.indent))
        elif name == "li":
            self.enter_item(el)
        elif name == "table":
            if _is_layout_table(el):
                self.layout_tables.add(id(el))
        elif name == "tr":
            table = next((p for p in el.parents if p.name == "table"), None)
            if table is None or id(table) not in self.layout_tables:
                self.row(el)
                return False
        elif name == "pre":
            self.pre += 1
        return True

    def leave(self, el: Tag) -> None:
        name = el.name
        if name not in _BLOCK_TAGS:
            if el.parent is not None and el.parent.name in _LAYOUT_TAGS and self.stacked(el):
                self.flush()
            return
        if name == "li":
            self.kind = "li"
        self.flush()
        # a marker not used yet (an empty heading or item) must not land on the next block
        if name == "li" or (name in _HEADING_LEVEL and self.marker.startswith("#")):
            self.marker = ""
            self.kind = "p"
        if name in _LIST_TAGS and self.lists and self.lists[-1].element is el:
            self.lists.pop()
        elif name == "li" and self.indents:
            self.indent = self.indents.pop()
        elif name == "pre":
            self.pre -= 1

    def stacked(self, el: Tag) -> bool:
        """Whether an inline element is one of the paragraphs its layout container stacks (see _stacks)."""
        box = el.parent
        assert box is not None  # the callers ask only of an element in a container
        if id(box) not in self.stacks:
            self.stacks[id(box)] = _stacks(box, self.skip)
        return self.stacks[id(box)]

    def enter_item(self, li: Tag) -> None:
        ctx = self.lists[-1] if self.lists and self.lists[-1].element is li.parent else None
        base = ctx.indent if ctx else self.indent
        if ctx and ctx.ordered:
            ctx.number = _int(li.get("value"), ctx.number)
            bullet = _ordinal(ctx.number, ctx.style) + ". "
            ctx.number += 1
        else:
            bullet = "- "
        self.indents.append(self.indent)
        if not self.bare:
            self.marker = base + bullet
            self.indent = base + "  "
        self.kind = "li"

    def row(self, tr: Tag) -> None:
        cells = []
        for cell in (c for c in tr.contents if isinstance(c, Tag) and c.name in ("td", "th")):
            if self.depth >= _MAX_NESTED_TABLES:
                cells.append(" ".join(cell.get_text(" ").split()))
                continue
            sub = _Renderer(self.skip, bare=True, depth=self.depth + 1)
            sub.run(cell)
            cells.append(_join_cell(text for _, text in sub.blocks))
        if any(cells):
            self.blocks.append(("tr", self.indent + " | ".join(cells)))


def _follows_inline_tag(el: Tag, skip: set[int], name: str | None = None) -> bool:
    """Whether the element comes right after an inline element (one named `name`, when given)."""
    prev = el.previous_sibling
    while prev is not None:
        if isinstance(prev, Tag):
            if id(prev) not in skip and prev.name not in DROP_TAGS:
                return prev.name not in _BLOCK_TAGS and name in (None, prev.name)
        elif not isinstance(prev, SKIPPED_STRINGS) and str(prev).strip():
            return False
        prev = prev.previous_sibling
    return False


def _stacks(box: Tag, skip: set[int]) -> bool:
    """Whether a container's inline children are paragraphs laid out one under another by the site's CSS: no text
    of its own runs between them, several say something, and two or more in full sentences. Words side by side
    ("Effective June 17, 2025" beside "Previous version") stay on one line."""
    items, sentences = 0, 0
    for child in box.contents:
        if isinstance(child, Tag):
            if id(child) in skip or child.name in DROP_TAGS or child.name in _BLOCK_TAGS:
                continue
            if child.get_text(strip=True):
                items += 1
                sentences += sentences < _STACKED_SENTENCES and has_sentence(child)
        elif not isinstance(child, SKIPPED_STRINGS) and str(child).strip():
            return False  # the container's own words join its inline children into one line
    return items >= _STACKED_ITEMS and sentences >= _STACKED_SENTENCES


def _is_layout_table(table: Tag) -> bool:
    """A table used to lay out a page (old sites) rather than hold data: it nests tables or headings."""
    return first(table, ("table", *HEADING_TAGS)) is not None


def _join_cell(parts: Iterable[str]) -> str:
    out = ""
    for part in parts:
        part = " ".join(part.split())
        if out:
            out += " " if out[-1] in ".;:!?," else "; "
        out += part
    return out


def _int(value: object, default: int) -> int:
    try:
        number = int(str(value).strip())
    except (TypeError, ValueError):
        return default
    return number if 0 <= number < 10**6 else default


def _ordinal(n: int, style: str) -> str:
    if style in ("a", "A") and n >= 1:
        s = ""
        while n:
            n, r = divmod(n - 1, 26)
            s = chr(ord("a") + r) + s
        return s.upper() if style == "A" else s
    if style in ("i", "I") and 1 <= n < 4000:
        s = ""
        for value, numeral in ((1000, "m"), (900, "cm"), (500, "d"), (400, "cd"), (100, "c"), (90, "xc"),
                               (50, "l"), (40, "xl"), (10, "x"), (9, "ix"), (5, "v"), (4, "iv"), (1, "i")):
            while n >= value:
                s += numeral
                n -= value
        return s.upper() if style == "I" else s
    return str(n)


def render(roots: list[Tag], skip: set[int]) -> str:
    r = _Renderer(skip)
    for root in roots:
        r.run(root)
    out: list[str] = []
    prev = ""
    for kind, text in r.blocks:
        if out:  # list items and table rows of one run stay together
            out.append("\n" if kind == prev and kind in ("li", "tr") else "\n\n")
        out.append(text)
        prev = kind
    return "".join(out)
