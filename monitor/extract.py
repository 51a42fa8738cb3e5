"""Pure extraction: HTML -> the readable text of the terms and its normalised comparison form, and a
judgement of whether a fetch shows the terms at all (error status, bot wall, login redirect, empty)."""

from __future__ import annotations

import hashlib
import re
import warnings
from collections.abc import Iterable, Sequence, Set
from dataclasses import dataclass, replace
from functools import lru_cache
from typing import NamedTuple, cast
from urllib.parse import urlsplit

import soupsieve
from bs4 import BeautifulSoup, XMLParsedAsHTMLWarning
from bs4.element import CData, Comment, Declaration, Doctype, NavigableString, ProcessingInstruction, Tag
from w3lib.encoding import html_body_declared_encoding, resolve_encoding

from monitor.fold import fold_typography
from monitor.models import Extracted, FetchResult, Unusable
from monitor.pdf import PdfError, looks_like_pdf, pdf_text

# Bump whenever the text or normalised form produced for the same HTML can change: versions record
# it, and `termwatch reextract` re-derives their text from the kept pages instead of announcing
# fake changes.
EXTRACTOR_VERSION = "2026.12.1"

# ---------------------------------------------------------------- what is not the terms

# Never reading text, wherever they sit (scripts, Next.js payloads, icons, controls, embeds).
_DROP_TAGS = frozenset(
    "script style noscript template svg math canvas iframe object embed video audio picture img map area "
    "button select option optgroup input textarea datalist meter progress dialog head link meta title base".split()
)
# Page chrome. Dropped unless it holds most of the page: some sites wrap everything in a <form>.
_CHROME_TAGS = frozenset("nav aside form header footer".split())
_PROSE_TAGS = frozenset("p li dd dt td th blockquote pre h1 h2 h3 h4 h5 h6 caption figcaption".split())
_TEXT_LEVEL = _PROSE_TAGS | frozenset("a span strong em b i u small sup sub code kbd samp label abbr time".split())
_HEADING_TAGS = frozenset(("h1", "h2", "h3", "h4", "h5", "h6"))

_SR_ONLY = re.compile(
    r"(?:^|[\s_-])(?:sr[-_]?only|visually[-_]?hidden|visuallyhidden|screen[-_]?reader[-_\w]*|show[-_]for[-_]sr"
    r"|element[-_]invisible|hidden[-_]visually|a11y[-_]?text|assistive[-_]?text|offscreen|off[-_]screen"
    r"|aria[-_]?(?:description|desc|label|text))(?:$|[\s_-])"
    r"|a11yText",
    re.I,
)
# An element that names itself a description or hint ("opens-footnote-description"), read out beside the
# elements that point to it, once scripts link them.
_HINT_ID = re.compile(r"(?:^|[-_])(?:description|desc|hint|tooltip)$", re.I)
# Inline-style variant of screen-reader-only text: clipped to a pixel and taken out of the flow.
_CLIPPED_STYLE = re.compile(r"clip\s*:\s*rect\(\s*(?:0|1px)|clip-path\s*:\s*inset\(\s*50%", re.I)
_SKIP_TEXT = re.compile(r"^\s*skip\s+(?:to|navigation|nav|links)\b", re.I)
_WORD = re.compile(r"[A-Z]?[a-z0-9]+|[A-Z]+(?![a-z])")
# A cookie/consent banner names itself with two of these words ("cookie-consent") or one of them and a
# banner word ("cookie-notice"); one word alone ("cookies", "consent") is as likely the anchor of a
# privacy policy's section about them, which stays. Consent-platform names suffice on their own.
_COOKIE_WORDS = frozenset("cookie cookies consent gdpr ccpa cmp cookieconsent".split())
_CONSENT_PLATFORMS = frozenset(
    "onetrust cookiebot cybotcookiebot didomi usercentrics trustarc cookielaw quantcast".split()
)
_BANNER_WORDS = frozenset("banner bar notice popup modal dialog overlay toast prompt sdk wall drawer".split())
# A site-wide notice names itself with one of these and a banner word ("announcement-bar", "promo-banner").
_NOTICE_WORDS = frozenset("announcement announcements promo promotion notification notifications alert".split())
_LIVE_ROLES = frozenset({"alert", "status", "marquee", "timer"})
# Icon fonts draw a glyph from a word: <span class="material-icons">arrow_forward</span>.
_ICON_WORDS = frozenset("icon icons symbols glyphicon fa fas far fab".split())
_ICON_NAME = re.compile(r"[a-z0-9]+(?:[_-][a-z0-9]+)*", re.I)
_LOCALE_WORDS = frozenset("lang language languages locale locales i18n translate translations".split())
_TOC_WORDS = frozenset("toc contents outline breadcrumb breadcrumbs".split())
_DIALOG_ROLES = frozenset({"dialog", "alertdialog"})
_CONTROL_ROLES = frozenset({"listbox", "menu", "menubar", "combobox", "toolbar", "tooltip"})
# A link block: at least this many links, their text this share of the block's, this long on average.
_LINK_BLOCK_LINKS = 5
_LINK_BLOCK_SHARE = 0.9
_LINK_BLOCK_AVERAGE = 80
_LINK_BLOCK_TAGS = frozenset("div section ul ol p".split())
# A widget: a block of at most this much text around a free-text field.
_WIDGET_MAX = 600
_WIDGET_TAGS = frozenset("div section form aside".split())
_ENTRY_TYPES = frozenset(("text", "search", "email", "tel", "url"))
_DOCUMENT_TAGS = frozenset(("main", "article", "h1"))
_TITLE_WORDS = frozenset(("title", "heading", "headline"))
_TITLE_MAX = 300  # characters: a title and its date line, not a section
_LEFT_OUT_PROSE = 300  # characters of prose beside a block that keep main-content detection from narrowing to it
_DECORATION_MAX = 80  # aria-hidden with more text than this is collapsed content (an accordion), kept
_SWITCHER_MAX = 200  # a locale switcher shows a language name or a short list of them


@dataclass(frozen=True)
class _Page:
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
    return _extract(html, select, remove).text


def _extract(html: str, select: Sequence[str], remove: Sequence[str]) -> _Page:
    selects = [_compile(s) for s in select]
    removes = [_compile(s) for s in remove]
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
            if el.name == "template" and re.fullmatch(r"B:\d+", _attrs(el).get("id") or ""):
                holders.append(el)
            elif el.name in _DROP_TAGS:
                skip.add(id(el))
    _place_streamed_chunks(soup, holders)
    for pattern in removes:
        skip.update(id(el) for el in pattern.select(soup))
    if selects:
        roots = _selected(soup, selects, skip)
        if roots:  # chosen by the user, so kept even where they sit in a <header> or <aside>
            _mark_noise(roots, skip)
            text = _render(roots, skip)
            return _Page(text, text, title, True)
    body = soup.body or soup
    _mark_noise([body], skip)
    text = _render([_main_content(body, skip)], skip)
    return _Page("" if selects else text, text, title, not selects)


@lru_cache(maxsize=256)
def _compile(selector: str) -> soupsieve.SoupSieve:
    try:
        return soupsieve.compile(selector)
    except Exception as err:  # soupsieve raises SelectorSyntaxError, and others for odd input
        detail = str(err).splitlines()[0] if str(err) else type(err).__name__
        raise ValueError(f"invalid CSS selector {selector!r}: {detail}") from None


def _place_streamed_chunks(soup: BeautifulSoup, holders: list[Tag]) -> None:
    """React streaming SSR sends late content as <div hidden id="S:n"> at the end of the body and a
    <template id="B:n"> where it belongs; a browser script swaps them in, so do the same here."""
    for holder in holders:
        chunk = soup.find(id="S:" + _attrs(holder)["id"][2:])
        if chunk is None or chunk is holder or any(node is holder for node in chunk.descendants):
            continue
        for child in list(chunk.children):
            holder.insert_before(child.extract())
        chunk.decompose()


def _first(el: Tag, names: Iterable[str], skip: Set[int] = frozenset()) -> Tag | None:
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


def _mark_noise(roots: list[Tag], skip: set[int]) -> None:
    """Skip page chrome, hidden decoration, banners, switchers and tables of contents under the roots."""
    total = max(sum(len(root.get_text()) for root in roots), 1)
    # Text other elements point to as their accessible description ("(opens a footnote)", "Opens in a new tab")
    # is read out by a screen reader beside each link, not part of the page's wording.
    described = frozenset(ref for root in roots for el in root.find_all(True, attrs={"aria-describedby": True})
                          for ref in str(el["aria-describedby"]).split())
    for root in roots:
        stats = _block_stats(root, skip)
        in_article = any(el.name in ("main", "article") for el in (root, *root.parents))
        stack = [(root, in_article)]
        while stack:  # not recursive: pages nest thousands of elements deep
            node, in_article = stack.pop()
            for child in node.contents:
                if not isinstance(child, Tag) or id(child) in skip:
                    continue
                if _is_noise(child, total, in_article, stats) or (
                        child.get("id") in described and len(child.get_text(strip=True)) <= _DECORATION_MAX):
                    skip.add(id(child))
                else:
                    stack.append((child, in_article or child.name in ("main", "article")))


def _attrs(el: Tag) -> dict[str, str]:
    """The element's attributes. _extract parses with multi_valued_attributes=None, so each value is one string;
    bs4's types also allow the lists that other parses give for class or rel."""
    return cast("dict[str, str]", el.attrs)


def _words(*values: str | None) -> set[str]:
    """Lower-case words of attribute values, split at case changes too: "LegalPage_language-options__x1"."""
    return {w.lower() for value in values if value for w in _WORD.findall(value)}


@lru_cache(maxsize=4096)
def _class_words(classes: str) -> tuple[bool, frozenset[str]]:
    """Whether a class attribute marks screen-reader-only text, and its words (pages repeat a few
    hundred class strings over thousands of elements, hence the cache)."""
    return bool(_SR_ONLY.search(classes)), frozenset(_words(classes))


def _is_noise(el: Tag, total: int, in_article: bool, stats: dict[int, _Stats]) -> bool:
    name = el.name
    attrs = _attrs(el)
    classes = attrs.get("class")
    sr_only, class_words = _class_words(classes) if classes else (False, frozenset())
    ident = attrs.get("id")
    if sr_only or "data-sr-only" in attrs or attrs.get("role") == "img" or (ident and _SR_ONLY.search(ident)):
        return True  # screen-reader text, and the names of icons drawn as images
    style = attrs.get("style")
    if style and "position" in style and _CLIPPED_STYLE.search(style):
        return True
    if ident and _HINT_ID.search(ident) and _is_loose_hint(el):
        return True
    if name == "a":
        href = attrs.get("href") or ""
        return href.startswith("#") and (
            "skip" in class_words or "skip" in _words(attrs.get("id")) or bool(_SKIP_TEXT.match(el.get_text()))
        )
    if name in _CHROME_TAGS:
        if name in ("header", "footer") and in_article:
            return False  # an article's own header holds its title and effective date
        return _share(el, total) <= 0.5
    if attrs.get("aria-hidden") == "true":
        return len(el.get_text(strip=True)) <= _DECORATION_MAX and _first(el, _PROSE_TAGS) is None
    role = attrs.get("role")
    if role in _DIALOG_ROLES or attrs.get("aria-modal") == "true":
        # A dialog floats over the page (consent, sign-up, chat): chrome however much it says, since it can
        # say more than an error page under it. Only one that holds the page's own title or article is content.
        return _first(el, _DOCUMENT_TAGS) is None
    if role in _CONTROL_ROLES:
        return True  # a drop-down, menu or tool bar: its entries are choices, not terms
    if role == "banner" or role == "navigation" or role == "contentinfo":
        return not in_article and _share(el, total) <= 0.5
    if role in _LIVE_ROLES:
        return _share(el, total) <= 0.3  # a live notice over the page ("Our Privacy Notice was updated")
    if class_words & _ICON_WORDS and _ICON_NAME.fullmatch(el.get_text().strip()):
        return True  # an icon font's ligature ("arrow_forward"), text only to the font
    if name in _TEXT_LEVEL:
        return False
    words = class_words | _words(attrs.get("id"), attrs.get("aria-label"), attrs.get("aria-labelledby"),
                                 attrs.get("data-testid"))
    if (name in ("ul", "ol") or words & _TOC_WORDS) and _is_toc(el, words):
        return True
    if name in _LINK_BLOCK_TAGS and _is_link_block(stats[id(el)]):
        return True
    if name in _WIDGET_TAGS and _is_widget(stats[id(el)]):
        return True
    if not words:
        return False
    cookie = words & _COOKIE_WORDS
    if words & _CONSENT_PLATFORMS or (cookie and (len(cookie) > 1 or words & _BANNER_WORDS)) or (
            words & _NOTICE_WORDS and words & _BANNER_WORDS):
        if _share(el, total) <= 0.3:
            return True
    return bool(words & _LOCALE_WORDS) and len(el.get_text(strip=True)) <= _SWITCHER_MAX


def _is_loose_hint(el: Tag) -> bool:
    """Little text outside any sentence, with no paragraph of its own: a hint for assistive technology
    ("(opens a footnote)") that scripts attach to links, not a clause."""
    parent = el.parent
    return (el.name not in _PROSE_TAGS and len(el.get_text(strip=True)) <= _DECORATION_MAX
            and _first(el, _PROSE_TAGS) is None
            and not (parent is not None and (parent.name in _PROSE_TAGS or parent.find_parent(_PROSE_TAGS))))


def _share(el: Tag, total: int) -> float:
    return len(el.get_text()) / total


def _is_toc(el: Tag, words: Set[str]) -> bool:
    """A block of in-page links (#anchors) and little else: a table of contents or breadcrumb trail."""
    anchors = [
        a for a in el.descendants
        if isinstance(a, Tag) and a.name == "a" and (_attrs(a).get("href") or "").startswith("#")
    ]
    if len(anchors) < 3 and not (words & _TOC_WORDS and anchors):
        return False
    text = len(el.get_text(strip=True))
    linked = sum(len(a.get_text(strip=True)) for a in anchors)
    return text > 0 and linked >= 0.85 * text


class _Stats(NamedTuple):
    """What an element holds: characters of readable text, links, characters of link text, free-text
    fields, and characters of text on buttons (which is never read as the terms)."""

    text: int
    links: int
    linked: int
    entries: int
    controls: int


def _block_stats(root: Tag, skip: set[int]) -> dict[int, _Stats]:
    """_Stats of every element under root, in one pass; skipped elements add no readable text."""
    order: list[Tag] = []
    stack = [root]
    while stack:
        node = stack.pop()
        order.append(node)
        stack.extend(c for c in node.contents if isinstance(c, Tag))
    stats: dict[int, _Stats] = {}
    for node in reversed(order):  # children before their parent
        text = links = linked = entries = controls = 0
        for child in node.contents:
            if isinstance(child, Tag):
                inner = stats[id(child)]
                entries += inner.entries
                controls += inner.controls
                if id(child) not in skip:
                    text, links, linked = text + inner.text, links + inner.links, linked + inner.linked
            elif isinstance(child, NavigableString) and not isinstance(child, _SKIPPED_STRINGS):
                text += len(child.strip())
        if node.name == "a":
            links, linked = links + 1, text
        elif node.name == "button" or node.get("role") == "button":
            controls = text + controls if id(node) not in skip else len(node.get_text(strip=True))
        elif _is_entry(node):
            entries += 1
        stats[id(node)] = _Stats(text, links, linked, entries, controls)
    return stats


def _is_entry(el: Tag) -> bool:
    """A field for typing free text: a chat box, a search box, a newsletter sign-up."""
    if el.name == "textarea" or el.get("contenteditable") in ("", "true", "plaintext-only"):
        return True
    return el.name == "input" and (_attrs(el).get("type") or "text").lower() in _ENTRY_TYPES


def _is_link_block(stats: _Stats) -> bool:
    """A block of short links and nothing else (a footer or menu without its tag, a related-articles
    list): clauses mention links inside sentences, so their text is never almost all link text."""
    return (stats.links >= _LINK_BLOCK_LINKS and stats.linked >= _LINK_BLOCK_SHARE * stats.text
            and stats.linked <= _LINK_BLOCK_AVERAGE * stats.links)


def _is_widget(stats: _Stats) -> bool:
    """A small block around a text field, or one that says less than its buttons: a chat, search or
    sign-up widget, a prompt with suggested questions."""
    return stats.text <= _WIDGET_MAX and (stats.entries > 0 or stats.controls >= stats.text > 0)


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


def _main_content(body: Tag, skip: set[int]) -> Tag:
    """<main> or [role=main], else <article>, when it holds at least half the page's prose; else the
    smallest block that holds 80 % of it and leaves no heading and no paragraphs out (chrome is
    already skipped)."""
    scores, mains, articles = _prose_scores(body, skip)
    total = scores.get(id(body), 0)
    if total == 0:
        return body
    for candidates in (mains, articles):
        best = max(candidates, key=lambda el: scores.get(id(el), 0), default=None)
        if best is not None and scores.get(id(best), 0) >= 0.5 * total:
            return best
    node = body
    while True:
        children = [c for c in node.contents if isinstance(c, Tag) and id(c) not in skip]
        child = max(children, key=lambda c: scores.get(id(c), 0), default=None)
        if (
            child is None
            or child.name in _TEXT_LEVEL
            or scores.get(id(child), 0) < 0.8 * total
            # the title and effective date often sit just outside the clauses' own container
            or any(c is not child and (c.name in _HEADING_TAGS or _first(c, _HEADING_TAGS, skip)) for c in children)
            or any(_is_title_block(c) for c in children[:children.index(child)])
            # and so do opening paragraphs: prose left beside the container is part of the document
            or scores.get(id(node), 0) - scores.get(id(child), 0) >= _LEFT_OUT_PROSE
        ):
            return node
        node = child


def _is_title_block(el: Tag) -> bool:
    """A page title drawn without heading tags: a short block without links that calls itself a title or
    heading by its class or role ("PageTitle", role=heading), often with the effective date under it."""
    attrs = _attrs(el)
    if attrs.get("role") != "heading" and not _class_words(attrs.get("class") or "")[1] & _TITLE_WORDS:
        return False
    text = el.get_text(strip=True)
    return 0 < len(text) <= _TITLE_MAX and el.find("a") is None


def _prose_scores(body: Tag, skip: set[int]) -> tuple[dict[int, int], list[Tag], list[Tag]]:
    """Characters of prose (text inside paragraphs, list items, cells, headings, but not link text
    inside them: menus are lists of links, clauses are not) under each element, and the
    <main>/[role=main] and <article> elements, in one pass."""
    scores: dict[int, int] = {}
    mains: list[Tag] = []
    articles: list[Tag] = []
    order: list[Tag] = []
    stack: list[tuple[Tag, bool, bool]] = [(body, body.name in _PROSE_TAGS, False)]
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
                    stack.append((child, prose or name in _PROSE_TAGS, linked or (prose and name == "a")))
            elif (prose and not linked and isinstance(child, NavigableString)
                  and not isinstance(child, _SKIPPED_STRINGS)):
                own += len(child.strip())
        scores[id(node)] = own
    for node in reversed(order):  # children come after their parent in `order`
        if node is not body:
            scores[id(node.parent)] += scores[id(node)]
    return scores, mains, articles


# ---------------------------------------------------------------- rendering

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
_HEADING_LEVEL = {"h1": 1, "h2": 2, "h3": 3, "h4": 4, "h5": 5, "h6": 6}
_LIST_TAGS = frozenset(("ul", "ol", "menu", "dir"))
_SKIPPED_STRINGS = (CData, Comment, Declaration, Doctype, ProcessingInstruction)
_ASCII_SPACE = re.compile(r"[ \t\r\n\f\v]+")  # HTML whitespace; other spaces are the author's
_BREAK = "\x00"  # stands for <br> inside a block until the block is flushed
_MAX_NESTED_TABLES = 8


class _List:
    __slots__ = ("element", "ordered", "number", "style", "indent")

    def __init__(self, element: Tag, indent: str) -> None:
        self.element = element
        self.ordered = element.name == "ol"
        self.number = _int(element.get("start"), 1)
        self.style = _attrs(element).get("type") or "1"
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
            elif isinstance(node, NavigableString) and not isinstance(node, _SKIPPED_STRINGS):
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
        if id(el) in self.skip or name in _DROP_TAGS:
            return False
        if name == "br":
            self.buf.append(_BREAK)
            return False
        if name not in _BLOCK_TAGS:
            if el.parent is not None and el.parent.name in _LAYOUT_TAGS and _follows_inline_tag(el, self.skip):
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


def _follows_inline_tag(el: Tag, skip: set[int]) -> bool:
    prev = el.previous_sibling
    while prev is not None:
        if isinstance(prev, Tag):
            if id(prev) not in skip and prev.name not in _DROP_TAGS:
                return prev.name not in _BLOCK_TAGS
        elif not isinstance(prev, _SKIPPED_STRINGS) and str(prev).strip():
            return False
        prev = prev.previous_sibling
    return False


def _is_layout_table(table: Tag) -> bool:
    """A table used to lay out a page (old sites) rather than hold data: it nests tables or headings."""
    return _first(table, ("table", *_HEADING_TAGS)) is not None


def _join_cell(parts) -> str:
    out = ""
    for part in parts:
        part = " ".join(part.split())
        if out:
            out += " " if out[-1] in ".;:!?," else "; "
        out += part
    return out


def _int(value, default: int) -> int:
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


def _render(roots: list[Tag], skip: set[int]) -> str:
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


# ---------------------------------------------------------------- normalisation

# Leading heading marks, bullets and clause numbers ("1.", "A.1.", "I.2.a.", "C.1.a.i", "(iv)"):
# sites re-render the same clauses with other numbering styles, so only the clause text compares.
_SEGMENT = r"(?:\d{1,3}|[a-zA-Z]|[ivxlcdmIVXLCDM]{2,6})"
_LINE_MARKER = re.compile(
    r"^(?:#{1,6} +"
    r"|[-*+\u2022\u00b7\u25aa\u25ab\u25e6\u2023\u2043\u25cf\u25cb\u25a0\u25a1\u2219] +"
    rf"|\(?{_SEGMENT}\) +|\({_SEGMENT}\)(?=[^\W\d_])"  # "(a)access": a closed marker needs no space
    rf"|(?:{_SEGMENT}\.)+{_SEGMENT}? +"
    rf"|{_SEGMENT}(?:\.{_SEGMENT})+ +"
    r")+",
    re.M,
)
_MONTHS = {
    name: i + 1
    for i, names in enumerate(
        [
            "january jan janvier janv januar jänner enero ene gennaio gen janeiro januari",
            "february feb février fevrier févr fevr februar febrero febbraio fevereiro fev februari",
            "march mar mars märz maerz marzo março marco maart",
            "april apr avril abril aprile",
            "may mai mayo maggio maio mei",
            "june jun juin juni junio giugno junho",
            "july jul juillet juil juli julio luglio lug julho",
            "august aug août aout agosto ago augustus",
            "september sep sept septembre septiembre settembre set setembro",
            "october oct octobre oktober octubre ottobre ott outubro out",
            "november nov novembre noviembre novembro",
            "december dec décembre decembre déc dezember dez diciembre dic dicembre dezembro",
        ]
    )
    for name in names.split()
}
# Any word in a date's place, checked against _MONTHS afterwards: an alternation of all month names
# tried at every position of a long page was the slowest step of normalise.
_WORD_MONTH = r"([^\W\d_]{3,10}+)\.?"  # possessive: a shorter run of the same word cannot match either
_DAY = r"(\d{1,2})(?:st|nd|rd|th|er|\.|º)?"
_DATE_DMY = re.compile(rf"\b{_DAY} (?:de )?{_WORD_MONTH},? (?:de )?(\d{{4}})(?!\d)")
_DATE_MDY = re.compile(rf"\b{_WORD_MONTH} {_DAY},? (\d{{4}})(?!\d)")
_DATE_ISO = re.compile(r"\b(\d{4})-(\d{1,2})-(\d{1,2})(?!\d)")
# "Updated 3 weeks ago", "Edited yesterday": the same moment told relative to each fetch.
_RELATIVE_TIME = re.compile(
    r"\b(?:yesterday|today|just now|(?:this|last) (?:week|month|year)"
    r"|(?:(?:over|about|almost|nearly|more than|less than|under) )?(?:a|an|one|a few|\d{1,3}) "
    r"(?:second|minute|hour|day|week|month|year)s? ago)\b",
    re.I,
)
_URL = re.compile(r"\bhttps?://[^\s\"'<>]+", re.I)
# A leading language segment (/en/, /en-us/) is one rendering of the same address; region segments
# (/eu/, /us/, /uk/) stay, because they often name a different document.
_LANGUAGE_SEGMENT = re.compile(
    r"(?:ar|bg|cs|da|de|el|en|es|et|fi|fr|he|hi|hr|hu|id|it|ja|ko|lt|lv|ms|nb|nl|no|pl|pt|ro|ru|sk|sl|sr|sv|th|tr"
    r"|vi|zh)(?:[-_](?:[a-z]{2}|hans|hant))?",
    re.I,
)
# Any run of whitespace but a line break, except a lone plain space: it is most of them and stays as it is.
_SPACES = re.compile(r"[^\S\n ][^\S\n]*| [^\S\n]+")
_LINE_BREAKS = re.compile(r" ?\n[ \n]*")  # a break with the spaces around it and blank lines after
_SPACE_BEFORE = re.compile(r" +([,.;:!?)\]}])")
_SPACE_AFTER = re.compile(r"([(\[{]) +")


def normalise(text: str) -> str:
    """Comparison form of extracted text, used only to decide whether the wording changed.

    Folds typography (quotes, dashes, spaces, invisible characters), whitespace, heading marks,
    bullets and clause numbering, renderings of the same date, relative times ("3 weeks ago"), and
    visible addresses' query strings and language prefixes. Case is kept: capitals mark defined terms in contracts."""
    text = fold_typography(text)
    # whole-text passes rather than a loop over lines: long pages have tens of thousands of lines
    text = _SPACES.sub(" ", text.replace("\r\n", "\n").replace("\r", "\n"))
    text = _LINE_BREAKS.sub("\n", text).strip(" \n")
    # dates first: "8. Juli 2026" at the start of a line is a date, not clause 8
    text = _DATE_MDY.sub(lambda m: _iso(m[3], _MONTHS.get(m[1].lower(), 0), m[2]) or m[0], text)
    text = _DATE_DMY.sub(lambda m: _iso(m[3], _MONTHS.get(m[2].lower(), 0), m[1]) or m[0], text)
    text = _DATE_ISO.sub(lambda m: _iso(m[1], int(m[2]), m[3]) or m[0], text)
    text = _LINE_MARKER.sub("", text)
    text = _RELATIVE_TIME.sub("(recently)", text)
    if "://" in text:
        text = _URL.sub(_fold_url, text)
    return _SPACE_AFTER.sub(r"\1", _SPACE_BEFORE.sub(r"\1", text))


def _fold_url(m: re.Match) -> str:
    """A visible address compared by host and path: scheme, www., query, fragment and a language prefix go."""
    url = m.group(0)
    tail = ""
    while url and url[-1] in ".,;:!?)]}":
        url, tail = url[:-1], url[-1] + tail
    try:
        parts = urlsplit(url)
        host = (parts.hostname or "").removeprefix("www.")
    except ValueError:
        return m.group(0)
    segments = [s for s in parts.path.split("/") if s]
    if segments and _LANGUAGE_SEGMENT.fullmatch(segments[0]):
        segments = segments[1:]
    return "/".join([host, *segments]) + tail


def _iso(year: str, month: int, day: str) -> str | None:
    d = int(day)
    if not 1 <= month <= 12 or not 1 <= d <= 31:
        return None
    return f"{int(year):04d}-{month:02d}-{d:02d}"


# ---------------------------------------------------------------- judgement

_MIN_TEXT = 300  # characters of normalised text; terms run to thousands, error pages to a few hundred
_SHORT_PAGE = 2000  # below this much text, an error or challenge title is believed
_BARE_PAGE = 900  # below this, error and challenge wording, and challenge scripts, are believed too
_HTML_TYPES = ("text/html", "application/xhtml+xml")
_CHALLENGE_TITLE = re.compile(
    r"^(?:just a moment|attention required|checking your browser|please wait\b|access denied|"
    r"pardon our interruption|are you a robot|security check|verify you are human|human verification|"
    r"ddos-guard|ddos protection|one more step|request unsuccessful|bot verification|captcha)",
    re.I,
)
_CHALLENGES = (
    (re.compile(r"enable javascript and cookies to continue|checking (?:if the site connection is secure|your browser)"
                r"|performance (?:&|and) security by cloudflare|cloudflare ray id", re.I),
     "Cloudflare challenge"),
    (re.compile(r"\bcaptcha\b|verify (?:that )?you are (?:a )?human|are you a robot|press (?:&|and) hold"
                r"|i'?m not a robot|complete the security check", re.I),
     "captcha"),
    (re.compile(r"access (?:is |to this page (?:has been |is ))?denied|you don'?t have permission to access"
                r"|request (?:was )?blocked|request unsuccessful|pardon our interruption|unusual traffic", re.I),
     "access denied"),
)
# Markup only challenge pages carry (Cloudflare, DataDome, Imperva, PerimeterX, hCaptcha, reCAPTCHA),
# lower case. Plain substring searches: a case-blind regex alternation is far slower over a big page.
_CHALLENGE_MARKUP = ("cf_chl_opt", "cf-chl-", "challenges.cloudflare.com", "captcha-delivery.com",
                     "_incapsula_resource", "px-captcha", "hcaptcha.com/1/api", "google.com/recaptcha", "g-recaptcha")
_NEEDS_JS = re.compile(
    r"(?:enable|turn on|activate) (?:javascript|js)\b|javascript (?:is )?(?:disabled|required)|requires javascript"
    r"|need(?:s)? javascript",
    re.I,
)
_ERROR_TITLE = re.compile(
    r"(?:^|\W)(?:400|403|404|410|500|502|503|504)(?:\W|$)|not found|page (?:isn'?t|is not) available"
    r"|(?:could not|cannot|can'?t) be found|something went wrong|server error|error page|unavailable",
    re.I,
)
# A page's lead: its main heading and the line after it, or its first lines when it has no heading.
_LEAD_LINES = 4
_LEAD_CHARS = 400
_ERROR_TEXT = re.compile(
    r"(?:this|the) page (?:isn'?t|is not|is no longer) available|page (?:could not|cannot|can'?t) be found"
    r"|page not found|the page you (?:are|were|'re) looking for|page (?:no longer exists|has been (?:re)?moved)"
    r"|something went wrong|internal server error|service (?:is )?(?:temporarily )?unavailable"
    r"|an? (?:unexpected|unknown|internal) error (?:has )?occurred|page (?:you requested )?(?:does not|doesn'?t) exist"
    r"|\bwe (?:couldn'?t|could not|can'?t|cannot|were unable to|are unable to)(?: seem to)? "
    r"(?:find|load|display|reach) (?:the|this|that) page"
    r"|(?:content|document) (?:isn'?t|is not) available|(?:url|resource) was not found"
    r"|(?:is|are) (?:currently )?(?:down for|under(?:going)?) maintenance|^\W*oops\b"
    r"|application error: a (?:client|server)-side exception|^\W*(?:error\s*)?404\b",
    re.I | re.M,
)
_LOGIN_SEGMENT = re.compile(
    r"(?:log-?in|sign-?in|sign_in|logon|auth|oauth2?|authorize|authenticate|sso|saml2?|consent|cas|idp"
    r"|account-?login|sign-?on)(?:\.\w{2,5})?",
    re.I,
)
_LOGIN_HOST = re.compile(r"^(?:login|signin|auth|accounts?|sso|idp|consent)\.", re.I)


def judge(fetch: FetchResult, select: Sequence[str] = (), remove: Sequence[str] = (),
          format: str = "html") -> Extracted | Unusable:
    """Decide whether a fetch shows the terms; if so, return its text, normalised form and hash.

    `format` is the document's declared format ("html" or "pdf"); a response of the other kind is unusable.
    A 304 is the caller's business (it means "as before"). Raises ValueError only for an invalid
    CSS selector, whatever the fetch."""
    for selector in (*select, *remove):
        _compile(selector)
    if fetch.error:
        return Unusable(f"fetch failed: {fetch.error}")
    body = fetch.body or ""
    status = fetch.status
    if status is not None and not 200 <= status < 300:
        wall = _challenge(_quick_title(body), "", body) if body and status in (403, 429, 503) else None
        return Unusable(f"bot wall: {wall} (HTTP {status})" if wall else f"HTTP {status}")
    media = (fetch.content_type or "").split(";")[0].strip().lower()
    if format == "pdf":
        return _judge_pdf(fetch, media)
    if media == "application/pdf" or looks_like_pdf(fetch.raw or body):
        return Unusable('expected HTML but got a PDF; set format = "pdf" for this document')
    if media and media not in _HTML_TYPES:
        return Unusable(f"not an HTML page: {media}")
    login = _login_redirect(fetch.url, fetch.final_url)
    if login:
        return Unusable(f"redirected to a login or consent page ({login})")
    page = _extract(body, select, remove)
    wall = _challenge(page.title, page.page_text, body)
    if wall:
        return Unusable(f"bot wall: {wall}")
    error = _error_page(page.page_text, page.title)
    if error:
        return Unusable(f"error page: {error}")
    # When `select` matches nothing (a redesign), the automatically found main content stands in, so that
    # no change of wording is lost meanwhile; the pipeline says so and tells the switch from a change.
    found = fingerprint(page.text if page.matched else page.page_text)
    if len(found.normalised) < _MIN_TEXT:
        if _NEEDS_JS.search(page.text):
            return Unusable(f"empty page: {len(found.normalised)} characters of text, asking for JavaScript")
        return Unusable(f"empty page: {len(found.normalised)} characters of text")
    return found if page.matched else replace(found, fallback=True)


def _judge_pdf(fetch: FetchResult, media: str) -> Extracted | Unusable:
    login = _login_redirect(fetch.url, fetch.final_url)
    if login:
        return Unusable(f"redirected to a login or consent page ({login})")
    if media in _HTML_TYPES and not looks_like_pdf(fetch.raw):
        return Unusable('expected a PDF but got an HTML page; check the URL, or set format = "html" for this document')
    try:
        found = pdf_fingerprint(pdf_text(fetch.raw))
    except PdfError as err:
        return Unusable(f"unreadable PDF: {err}")
    if len(found.normalised) < _MIN_TEXT:
        return Unusable(f"empty PDF: {len(found.normalised)} characters of text (a scanned PDF has no text layer)")
    return found


def fingerprint(text: str) -> Extracted:
    """The text as stored, with its normalised form and the hash that decides whether the wording changed."""
    normalised = normalise(text)
    return Extracted(text=text, normalised=normalised, sha256=hashlib.sha256(normalised.encode("utf-8")).hexdigest())


def pdf_fingerprint(text: str) -> Extracted:
    """As fingerprint, but only the words decide change: where a PDF's lines and paragraphs break depends on
    its paper, margins and fonts, and the same wording laid out again is not a new version."""
    found = fingerprint(text)
    words = " ".join(found.normalised.split())
    return Extracted(found.text, found.normalised, hashlib.sha256(words.encode("utf-8")).hexdigest())


def _quick_title(html: str) -> str:
    m = re.search(r"<title[^>]*>(.*?)</title>", html[:50_000], re.I | re.S)
    return " ".join(m.group(1).split()) if m else ""


def _challenge(title: str, text: str, html: str) -> str | None:
    """Which bot wall a page is: by its title when the page is short, by its wording or by markup only
    challenge pages load when it is nearly bare (real terms mention captchas and blocked access too)."""
    if len(text) >= _SHORT_PAGE:
        return None
    titled = bool(_CHALLENGE_TITLE.search(title))
    if titled or len(text) < _BARE_PAGE:
        for pattern, label in _CHALLENGES:
            if pattern.search(text):
                return label
        markup = html.lower()
        if any(marker in markup for marker in _CHALLENGE_MARKUP):
            return "captcha" if "captcha" in markup and "cf_chl" not in html else "Cloudflare challenge"
    return f'challenge page "{title}"' if titled else None


def _error_page(text: str, title: str) -> str | None:
    """An error or placeholder page, by what its main message says: its lead (main heading and the line
    after it) whatever the page's length, since the site's frame can say more than the error; and on a
    short page, its title or any of its text."""
    m = _ERROR_TEXT.search(fold_typography(_lead(text)))
    if m:
        return f'"{m.group(0).strip()}"'
    if len(text) >= _SHORT_PAGE:
        return None
    m = _ERROR_TEXT.search(text) if len(text) < _BARE_PAGE else None
    if m:
        return f'"{m.group(0).strip()}"'
    if _ERROR_TITLE.search(title):
        return f'"{title}"'
    return None


def _lead(text: str) -> str:
    """The page's main message: its first top-level heading and the line after it; on a page without
    headings, its first lines."""
    lines = [line for line in text.split("\n") if line.strip()]
    levels = [len(line) - len(line.lstrip("#")) if line.startswith("#") else 0 for line in lines]
    top = min((level for level in levels if level), default=0)
    if not top:
        return "\n".join(lines[:_LEAD_LINES])[:_LEAD_CHARS]
    at = levels.index(top)
    return "\n".join(lines[at:at + 2])[:_LEAD_CHARS]


def _login_redirect(url: str, final_url: str | None) -> str | None:
    if not final_url or final_url.rstrip("/") == (url or "").rstrip("/"):
        return None
    try:
        parts = urlsplit(final_url)
        host = parts.hostname or ""
    except ValueError:
        return None
    if _LOGIN_HOST.match(host) or any(_LOGIN_SEGMENT.fullmatch(seg) for seg in parts.path.split("/") if seg):
        return final_url
    return None


# C0 controls other than whitespace never occur in text: a few are stray bytes, more mean the body is not text.
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0e-\x1f]")
_SNIFF = 10_000  # characters looked at for control bytes


def looks_binary(text: str) -> bool:
    """Whether decoded bytes are not text at all: a NUL anywhere, or control bytes in more than 1 % of the start."""
    head = text[:_SNIFF]
    return "\x00" in text or len(_CONTROL.findall(head)) > len(head) // 100


def decode_page(body: bytes, encoding: str) -> str | Unusable:
    """The text of a page's bytes, or why it has none; `encoding` is Scrapy's pick (BOM, header, <meta>, guess).

    Bytes that are valid UTF-8 are read as UTF-8 whatever the header says: they are almost never meant as
    anything else, and a latin-1 header on a UTF-8 page is a common slip. Bytes the declared charset cannot
    decode are tried with the page's own <meta> charset. Nothing is guessed with replacement characters: a
    guessed wording stored as a version would show as a change once the site fixes its charset.
    """
    wide = resolve_encoding(encoding) or encoding
    candidates: list[str | None]
    if wide.startswith(("utf-16", "utf-32")):
        candidates = [wide]
    else:
        if looks_binary(body[:_SNIFF].decode("latin-1")):
            return Unusable("binary content served as a web page: control bytes where text should be")
        candidates = ["utf-8", wide, html_body_declared_encoding(body)]
    for candidate in filter(None, candidates):
        try:
            text = body.decode(resolve_encoding(candidate) or candidate)
            break
        except (UnicodeDecodeError, LookupError):
            continue
    else:
        try:
            body.decode(wide)
        except UnicodeDecodeError as err:
            return Unusable(f"undecodable text: byte {body[err.start]:#04x} at offset {err.start} is not valid {wide}")
        except LookupError:
            return Unusable(f"undecodable text: unknown charset {encoding!r}")
    return text.removeprefix("\ufeff")
