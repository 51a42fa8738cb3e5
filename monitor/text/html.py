"""The terms' part of an HTML page: what the declared selectors pick, or else the main content found by
the page's structure, read as text."""

from __future__ import annotations

import re
import warnings
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache

import soupsieve
from bs4 import BeautifulSoup, XMLParsedAsHTMLWarning
from bs4.element import Comment, NavigableString, PageElement, Tag

from monitor.text.chrome import class_words_of, has_sentence, is_entry, is_introduced, mark_noise
from monitor.text.render import render
from monitor.text.tags import DROP_TAGS, HEADING_TAGS, PROSE_TAGS, SKIPPED_STRINGS, TEXT_LEVEL, attributes, first

_TITLE_WORDS = frozenset(("title", "heading", "headline"))
_TITLE_MAX = 300  # characters: a title and its date line, not a section
_LEFT_OUT_PROSE = 300  # characters of prose beside a block that keep main-content detection from narrowing to it
_DOMINANT = 0.8  # share of a block's prose held by one child, which makes the rest its surroundings
_DIV_PROSE = PROSE_TAGS | {"div"}  # the prose of a page without paragraphs, list items or headings
# A block after the document is furniture when it has no sentence and is either this short ("12 followers", "Did
# this answer your question?") or mostly link text (related articles) within this length.
_FURNITURE_WORDS = 80
_FURNITURE_MAX = 1000
_MOSTLY_LINKS = 0.5
_LINKED = 0.6  # share of link text that makes a closing block of the document's own a list of links elsewhere


@dataclass(frozen=True)
class Page:
    """What extraction found: the text of the terms, the text judged when `select` matched nothing,
    the page title, and whether `select` matched."""

    text: str
    page_text: str
    title: str
    matched: bool


def extract_text(html: str, select: Sequence[str] = (), remove: Sequence[str] = ()) -> str:
    """Readable, faithful text of the terms: headings, clauses, paragraphs, list items and table rows
    each on their own line(s), a blank line between blocks.

    `select` / `remove` are CSS selectors; without `select` the main content is found by structure.
    Raises ValueError for an invalid selector."""
    return read_page(html, select, remove).text


def read_page(html: str, select: Sequence[str], remove: Sequence[str]) -> Page:
    selects = [compile_selector(s) for s in select]
    removes = [compile_selector(s) for s in remove]
    # class stays one string (soupsieve splits it itself): splitting every element's classes is slow
    with warnings.catch_warnings():
        # XHTML terms pages open with <?xml …?>; they are web pages and read right as HTML, so bs4's warning
        # that they might be XML would only be noise on stderr from cron. Silenced here, not for the process.
        warnings.simplefilter("ignore", XMLParsedAsHTMLWarning)
        soup = BeautifulSoup(html or "", "lxml", multi_valued_attributes=None)
    # What is not the terms is skipped, not decomposed: removing thousands of elements from one
    # parent costs a list scan each.
    skip: set[int] = set()
    title = ""
    holders: list[Tag] = []
    for el in soup.descendants:  # one pass: bs4's find_all is slow on big pages
        if isinstance(el, Tag):
            if el.name == "title" and not title:
                title = " ".join(el.get_text().split())
            if el.name == "template" and re.fullmatch(r"B:\d+", attributes(el).get("id") or ""):
                holders.append(el)
            elif el.name in DROP_TAGS:
                skip.add(id(el))
    _place_streamed_chunks(soup, holders)
    for pattern in removes:
        skip.update(id(el) for el in pattern.select(soup))
    if selects:
        roots = _selected(soup, selects, skip)
        if roots:  # chosen by the user, so kept even where they sit in a <header> or <aside>
            mark_noise(roots, skip)
            for root in roots:
                _drop_tail(root, _prose_scores(root, skip)[0], skip)
            text = render(roots, skip)
            return Page(text, text, title, True)
    body = soup.body or soup
    mark_noise([body], skip)
    scores, mains, articles = _prose_scores(body, skip)
    if scores.get(id(body), 0) == 0:
        # a page drawn in <div>s alone (generated policies, page builders): their text is the prose
        scores, mains, articles = _prose_scores(body, skip, _DIV_PROSE)
    main = _main_content(body, skip, scores, (mains, articles))
    _drop_tail(main, scores, skip)
    text = render([main], skip)
    return Page("" if selects else text, text, title, not selects)


@lru_cache(maxsize=256)
def compile_selector(selector: str) -> soupsieve.SoupSieve:
    try:
        return soupsieve.compile(selector)
    except Exception as err:  # soupsieve raises SelectorSyntaxError, and others for odd input
        detail = str(err).splitlines()[0] if str(err) else type(err).__name__
        raise ValueError(f"invalid CSS selector {selector!r}: {detail}") from None


def _place_streamed_chunks(soup: BeautifulSoup, holders: list[Tag]) -> None:
    """React streaming SSR sends late content as <div hidden id="S:n"> at the end of the body and a
    <template id="B:n"> where it belongs; a browser script swaps them in, so do the same here."""
    for holder in holders:
        chunk = soup.find(id="S:" + attributes(holder)["id"][2:])
        if chunk is None or chunk is holder or any(node is holder for node in chunk.descendants):
            continue
        for child in list(chunk.children):
            holder.insert_before(child.extract())
        chunk.decompose()
        _drop_fallback(holder)


def _drop_fallback(holder: Tag) -> None:
    """Remove what the page showed while the chunk was on its way ("Loading…", a skeleton): the nodes after
    the holder up to the boundary's closing <!--/$-->, as React's own swap does. Whether a boundary streams
    depends on the server's cache, so the same page arrives either way. Left alone if the comment is missing."""
    fallback: list[PageElement] = []
    depth = 0
    for node in holder.next_siblings:
        if isinstance(node, Comment):
            mark = node.strip()
            if mark in ("$", "$?", "$!"):
                depth += 1
            elif mark == "/$":
                if depth == 0:
                    for stale in fallback:
                        stale.extract()
                    return
                depth -= 1
        fallback.append(node)



def _selected(soup: BeautifulSoup, patterns: list[soupsieve.SoupSieve], skip: set[int]) -> list[Tag]:
    """Elements matched by any selector, in document order, leaving out ones nested in another match
    or inside something removed."""
    hits = {id(el) for pattern in patterns for el in pattern.select(soup)}
    roots: list[Tag] = []
    taken: set[int] = set()
    for el in soup.descendants:
        if (id(el) in hits and isinstance(el, Tag) and id(el) not in skip
                and not any(id(p) in taken or id(p) in skip for p in el.parents)):
            taken.add(id(el))
            roots.append(el)
    return roots


def _drop_tail(node: Tag, scores: dict[int, int], skip: set[int]) -> None:
    """Skip what follows the block that holds the document's prose when it is furniture: related articles, a vote
    count, followers, recently viewed pages, share buttons. Followed down the blocks that each hold most of the
    prose; what comes before (the title, the effective date) stays."""
    while True:
        children = [c for c in node.contents if isinstance(c, Tag) and id(c) not in skip]
        best = max(children, key=lambda c: scores.get(id(c), 0), default=None)
        if best is None or best.name in TEXT_LEVEL or scores.get(id(best), 0) < _DOMINANT * scores.get(id(node), 0):
            # the document's own blocks: only links closing them (a related-articles list, share buttons) and a
            # sign-up form go
            for last in reversed(children):
                if last.name in TEXT_LEVEL or not (_is_furniture(last, skip, links_only=True) or _is_sign_up(last)):
                    return
                skip.add(id(last))
            return
        for after in children[children.index(best) + 1:]:
            if after.name not in TEXT_LEVEL and _is_furniture(after, skip):
                skip.add(id(after))
        node = best


def _is_furniture(el: Tag, skip: set[int], links_only: bool = False) -> bool:
    """A few words, or links and little else, and no sentence: what a page puts after a document. `links_only`:
    two links or more and little else, as where a short line could be the document's own last words."""
    text = el.get_text(" ", strip=True)
    if (len(text) > _FURNITURE_MAX or has_sentence(el) or el.name == "table" or first(el, ("table",), skip)
            or is_introduced(el)):
        return False
    links = [len(a.get_text(" ", strip=True)) for a in el.find_all("a")]
    if links_only:
        return len(links) >= 2 and sum(links) >= _LINKED * len(text)
    return len(text) <= _FURNITURE_WORDS or sum(links) >= _MOSTLY_LINKS * len(text)


def _is_sign_up(el: Tag) -> bool:
    """A form to leave an address in ("Subscribe to legal updates"), with no sentence of the document's outside it:
    its own words are its instructions and its "Check your inbox" messages."""
    form = el if el.name == "form" else el.find("form")
    if form is None or not any(is_entry(field) for field in form.find_all(("input", "textarea"))):
        return False
    return not any(has_sentence(block) for block in el.find_all(PROSE_TAGS) if block.find_parent("form") is None)


def _main_content(body: Tag, skip: set[int], scores: dict[int, int], landmarks: tuple[list[Tag], list[Tag]]) -> Tag:
    """<main> or [role=main], else <article>, when it holds at least half the page's prose; else the
    smallest block that holds 80 % of it and leaves no heading before it and no paragraphs out (chrome is
    already skipped). `scores` and `landmarks` (the <main> and <article> elements) are _prose_scores'."""
    total = scores.get(id(body), 0)
    if total == 0:
        return body
    for candidates in landmarks:
        best = max(candidates, key=lambda el: scores.get(id(el), 0), default=None)
        if best is not None and scores.get(id(best), 0) >= 0.5 * total:
            return best
    node = body
    while True:
        children = [c for c in node.contents if isinstance(c, Tag) and id(c) not in skip]
        child = max(children, key=lambda c: scores.get(id(c), 0), default=None)
        if (
            child is None
            or child.name in TEXT_LEVEL
            or scores.get(id(child), 0) < _DOMINANT * total
            # the title and effective date often sit just outside the clauses' own container; a heading after it
            # opens another part of the page (a call to action, testimonials), and one with real prose is kept by
            # the left-out-prose rule below
            or any(c.name in HEADING_TAGS or first(c, HEADING_TAGS, skip) or _is_title_block(c)
                   for c in children[:children.index(child)])
            # and so do opening paragraphs: prose left beside the container is part of the document
            or scores.get(id(node), 0) - scores.get(id(child), 0) >= _LEFT_OUT_PROSE
        ):
            return node
        node = child


def _is_title_block(el: Tag) -> bool:
    """A page title drawn without heading tags: a short block without links that calls itself a title or
    heading by its class or role ("PageTitle", role=heading), often with the effective date under it."""
    attrs = attributes(el)
    if attrs.get("role") != "heading" and not class_words_of(attrs.get("class") or "")[1] & _TITLE_WORDS:
        return False
    text = el.get_text(strip=True)
    return 0 < len(text) <= _TITLE_MAX and el.find("a") is None


def _prose_scores(body: Tag, skip: set[int], prose_tags: frozenset[str] = PROSE_TAGS
                  ) -> tuple[dict[int, int], list[Tag], list[Tag]]:
    """Characters of prose (text inside paragraphs, list items, cells, headings, but not link text
    inside them: menus are lists of links, clauses are not) under each element, and the
    <main>/[role=main] and <article> elements, in one pass. `prose_tags` are the elements whose text is prose."""
    scores: dict[int, int] = {}
    mains: list[Tag] = []
    articles: list[Tag] = []
    order: list[Tag] = []
    stack: list[tuple[Tag, bool, bool]] = [(body, body.name in prose_tags, False)]
    while stack:
        node, prose, linked = stack.pop()
        order.append(node)
        if node.name == "main" or node.get("role") == "main":
            mains.append(node)
        elif node.name == "article":
            articles.append(node)
        own = 0
        for child in node.contents:
            if isinstance(child, Tag):
                if id(child) not in skip:
                    name = child.name
                    stack.append((child, prose or name in prose_tags, linked or (prose and name == "a")))
            elif (prose and not linked and isinstance(child, NavigableString)
                  and not isinstance(child, SKIPPED_STRINGS)):
                own += len(child.strip())
        scores[id(node)] = own
    for node in reversed(order):  # children come after their parent in `order`
        if node is not body:
            scores[id(node.parent)] += scores[id(node)]
    return scores, mains, articles
