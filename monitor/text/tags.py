"""The HTML vocabulary every reading of a page shares: families of tags, and plain access to elements."""

from __future__ import annotations

from collections.abc import Iterable, Set
from typing import cast

from bs4.element import CData, Comment, Declaration, Doctype, ProcessingInstruction, Tag

# Never reading text, wherever they sit (scripts, Next.js payloads, icons, controls, embeds).
DROP_TAGS = frozenset(
    "script style noscript template svg math canvas iframe object embed video audio picture img map area "
    "button select option optgroup input textarea datalist meter progress dialog head link meta title base".split()
)
PROSE_TAGS = frozenset("p li dd dt td th blockquote pre h1 h2 h3 h4 h5 h6 caption figcaption".split())
TEXT_LEVEL = PROSE_TAGS | frozenset("a span strong em b i u small sup sub code kbd samp label abbr time".split())
HEADING_TAGS = frozenset(("h1", "h2", "h3", "h4", "h5", "h6"))
SKIPPED_STRINGS = (CData, Comment, Declaration, Doctype, ProcessingInstruction)


def first(el: Tag, names: Iterable[str], skip: Set[int] = frozenset()) -> Tag | None:
    """The first descendant with one of `names`, not looking inside skipped elements."""
    stack = [c for c in reversed(el.contents) if isinstance(c, Tag)]
    while stack:
        node = stack.pop()
        if id(node) in skip:
            continue
        if node.name in names:
            return node
        stack.extend(c for c in reversed(node.contents) if isinstance(c, Tag))
    return None



def attributes(el: Tag) -> dict[str, str]:
    """The element's attributes. read_page parses with multi_valued_attributes=None, so each value is one string;
    bs4's types also allow the lists that other parses give for class or rel."""
    return cast("dict[str, str]", el.attrs)
