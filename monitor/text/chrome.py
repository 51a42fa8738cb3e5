"""What on a page is not the terms, by its structure: dialogs, banners, menus and link blocks, widgets,
hidden hints, icon names, switchers and tables of contents."""

from __future__ import annotations

import re
from collections.abc import Set
from functools import lru_cache
from typing import NamedTuple

from bs4.element import NavigableString, Tag

from monitor.text.tags import HEADING_TAGS, PROSE_TAGS, SKIPPED_STRINGS, TEXT_LEVEL, attributes, first

# Page chrome. Dropped unless it holds most of the page: some sites wrap everything in a <form>.
_CHROME_TAGS = frozenset("nav aside form header footer".split())

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
# A short block without a sentence that names itself a byline (who wrote or last saved an article, beside an
# avatar: a name that changes with whoever re-saves it) or a row of share buttons (a network added or dropped).
_BYLINE_OR_SHARE_WORDS = frozenset("author authors avatar byline share sharing sharedaddy social".split())
_BYLINE_OR_SHARE_MAX = 200
# Readers' comments under an article (their container, not a single "comment" note): what its readers say, never
# the vendor's terms.
_COMMENT_WORDS = frozenset("comments discussion replies".split())
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
# A feedback prompt: two or more buttons of a word or an icon ("Yes" / "No", reactions) under a short question
# and a count ("Was this article helpful?", "12 out of 47 found this helpful"). An accordion's buttons name
# its sections and are longer.
_VOTE_MAX = 5
_VOTE_PROMPT = 150
_DOCUMENT_TAGS = frozenset(("main", "article", "h1"))
# A dialog holding this share of the page's text, with nothing to click, is the page itself (a site builder's
# lightbox), not a box over it.
_WHOLE_PAGE = 0.9
# A sentence of the terms: eight words or more up to a full stop, in any script that spaces its words.
_SENTENCE = re.compile(r"[^\W\d_][\w'’-]*(?:[^\S\n]+[\w'’(),$€£%-]+){7,}?[.!]")
_TEXT_NEIGHBOURS = frozenset("p h1 h2 h3 h4 h5 h6".split())
_ANCHOR_SIGN = 2  # characters of a heading's own link drawn as a sign ("¶", "#", "🔗")
_ANCHOR_WORDS = frozenset("anchor permalink headerlink hash link".split())
_DECORATION_MAX = 80  # aria-hidden with more text than this is collapsed content (an accordion), kept
_SWITCHER_MAX = 200  # a locale switcher shows a language name or a short list of them




def mark_noise(roots: list[Tag], skip: set[int]) -> None:
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



def _words(*values: str | None) -> set[str]:
    """Lower-case words of attribute values, split at case changes too: "LegalPage_language-options__x1"."""
    return {w.lower() for value in values if value for w in _WORD.findall(value)}


@lru_cache(maxsize=4096)
def class_words_of(classes: str) -> tuple[bool, frozenset[str]]:
    """Whether a class attribute marks screen-reader-only text, and its words (pages repeat a few
    hundred class strings over thousands of elements, hence the cache)."""
    return bool(_SR_ONLY.search(classes)), frozenset(_words(classes))


def _is_noise(el: Tag, total: int, in_article: bool, stats: dict[int, _Stats]) -> bool:
    name = el.name
    attrs = attributes(el)
    classes = attrs.get("class")
    sr_only, class_words = class_words_of(classes) if classes else (False, frozenset())
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
            or _is_heading_anchor(el)
        )
    if name in _CHROME_TAGS:
        if in_article and name in ("header", "footer"):
            return False  # an article's own header holds its title and effective date
        if name == "aside" and _is_callout(el, in_article):
            return False
        if name == "header" and _is_callout(el, in_article) and _offers_nothing(stats[id(el)]) \
                and stats[id(el)].links == 0:
            return False  # the document's own header ("These Terms apply to …"), where a site's holds its menu
        return _share(el, total) <= 0.5
    if attrs.get("aria-hidden") == "true":
        return len(el.get_text(strip=True)) <= _DECORATION_MAX and first(el, PROSE_TAGS) is None
    role = attrs.get("role")
    if role in _DIALOG_ROLES or attrs.get("aria-modal") == "true":
        # A dialog floats over the page (consent, sign-up, chat): chrome however much it says, since it can
        # say more than an error page under it. Only one that holds the page's own title or article, or the whole
        # page with nothing to click (a site builder's lightbox), is content.
        return first(el, _DOCUMENT_TAGS) is None and not (_share(el, total) >= _WHOLE_PAGE
                                                          and _offers_nothing(stats[id(el)]))
    if role in _CONTROL_ROLES:
        return True  # a drop-down, menu or tool bar: its entries are choices, not terms
    if role == "banner" or role == "navigation" or role == "contentinfo":
        return not in_article and _share(el, total) <= 0.5
    if role in _LIVE_ROLES:  # a live notice over the page ("Our Privacy Notice was updated"), not a callout
        return _share(el, total) <= 0.3 and not _is_callout(el, in_article)
    if class_words & _ICON_WORDS and _ICON_NAME.fullmatch(el.get_text().strip()):
        return True  # an icon font's ligature ("arrow_forward"), text only to the font
    if name in TEXT_LEVEL:
        return False
    words = class_words | _words(attrs.get("id"), attrs.get("aria-label"), attrs.get("aria-labelledby"),
                                 attrs.get("data-testid"))
    if (name in ("ul", "ol") or words & _TOC_WORDS) and _is_toc(el, words):
        return True
    if words & _BYLINE_OR_SHARE_WORDS and len(el.get_text(strip=True)) <= _BYLINE_OR_SHARE_MAX and not has_sentence(el):
        return True
    if words & _COMMENT_WORDS and _share(el, total) <= 0.3 and first(el, _DOCUMENT_TAGS) is None:
        return True
    if name in _LINK_BLOCK_TAGS and _is_link_block(stats[id(el)]) and not is_introduced(el):
        return True
    if name in _WIDGET_TAGS and _is_widget(stats[id(el)]) and first(el, _DOCUMENT_TAGS) is None:
        return True
    if not words:
        return False
    cookie = words & _COOKIE_WORDS
    if words & _CONSENT_PLATFORMS:
        return _share(el, total) <= 0.3
    if cookie and (len(cookie) > 1 or words & _BANNER_WORDS):
        if _share(el, total) <= 0.3 and not _is_section(el, stats[id(el)]):
            return True
    elif words & _NOTICE_WORDS and words & _BANNER_WORDS:
        if _share(el, total) <= 0.3 and not _is_section(el, stats[id(el)]) and not _is_callout(el, in_article):
            return True
    if not words & _LOCALE_WORDS or len(el.get_text(strip=True)) > _SWITCHER_MAX or _is_section(el, stats[id(el)]):
        return False
    # a switcher offers languages; a clause about them says something and offers nothing to click
    return stats[id(el)].controls > 0 or not has_sentence(el)


def is_introduced(el: Tag) -> bool:
    """A list that a sentence of the document leads into ("The following policies form part of these Terms:"):
    its links are the clause's items, where a menu or a related-articles list stands under a heading or alone."""
    if el.name not in ("ul", "ol"):
        return False
    lead = el.find_previous_sibling(True)
    return lead is not None and lead.name not in HEADING_TAGS and lead.get_text().rstrip().endswith(":")


def _is_callout(el: Tag, in_article: bool) -> bool:
    """A box of the terms' own (an arbitration notice, key facts): a full sentence, inside the article or among
    the document's paragraphs and headings, where a site's notice bar sits beside its header and menus."""
    if not has_sentence(el):
        return False
    if in_article:
        return True
    return any(near is not None and near.name in _TEXT_NEIGHBOURS
               for near in (el.find_previous_sibling(True), el.find_next_sibling(True)))


def has_sentence(el: Tag) -> bool:
    """Whether the element says something in a full sentence, as a clause does and a notice's one-liner
    ("Our policy was updated. Learn more") does not."""
    return _SENTENCE.search(el.get_text(" ")) is not None


def _is_section(el: Tag, stats: _Stats) -> bool:
    """A heading over paragraphs with nothing to click: a section of the document that its anchor names after
    its subject ("ccpa-notice", "cookie-consent", "language"), where a banner or switcher has buttons."""
    return stats.controls == 0 and stats.entries == 0 and first(el, HEADING_TAGS) is not None and first(
        el, ("p",)) is not None


def _is_heading_anchor(el: Tag) -> bool:
    """A heading's link to itself beside its words: a sign ("¶", "#") or one that calls itself an anchor or
    permalink ("headerlink", "Direct link to …", "Link to this section")."""
    heading = el.find_parent(HEADING_TAGS)
    if heading is None:
        return False
    own = len(el.get_text(strip=True))
    if own >= len(heading.get_text(strip=True)):
        return False  # the heading is the link
    attrs = attributes(el)
    return own <= _ANCHOR_SIGN or bool(
        _words(attrs.get("class"), attrs.get("aria-label"), attrs.get("title")) & _ANCHOR_WORDS)


def _is_loose_hint(el: Tag) -> bool:
    """Little text outside any sentence, with no paragraph of its own: a hint for assistive technology
    ("(opens a footnote)") that scripts attach to links, not a clause."""
    parent = el.parent
    return (el.name not in PROSE_TAGS and len(el.get_text(strip=True)) <= _DECORATION_MAX
            and first(el, PROSE_TAGS) is None
            and not (parent is not None and (parent.name in PROSE_TAGS or parent.find_parent(PROSE_TAGS))))


def _offers_nothing(stats: _Stats) -> bool:
    """No button to press and no field to type in: a block to read, not to answer."""
    return stats.controls == 0 and stats.entries == 0


def _share(el: Tag, total: int) -> float:
    return len(el.get_text()) / total


def _is_toc(el: Tag, words: Set[str]) -> bool:
    """A block of in-page links (#anchors) and little else: a table of contents or breadcrumb trail."""
    anchors = [
        a for a in el.descendants
        if isinstance(a, Tag) and a.name == "a" and (attributes(a).get("href") or "").startswith("#")
    ]
    if len(anchors) < 3 and not (words & _TOC_WORDS and anchors):
        return False
    text = len(el.get_text(strip=True))
    linked = sum(len(a.get_text(strip=True)) for a in anchors)
    return text > 0 and linked >= 0.85 * text


class _Stats(NamedTuple):
    """What an element holds: characters of readable text, links, characters of link text, free-text
    fields, characters of text on buttons (which is never read as the terms), and buttons of a word or an
    icon ("Yes", "No", "👍")."""

    text: int
    links: int
    linked: int
    entries: int
    controls: int
    votes: int


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
        text = links = linked = entries = controls = votes = 0
        for child in node.contents:
            if isinstance(child, Tag):
                inner = stats[id(child)]
                controls += inner.controls
                votes += inner.votes
                if id(child) not in skip:  # a search box in a dropped header makes no widget of the page around it
                    text, links, linked = text + inner.text, links + inner.links, linked + inner.linked
                    entries += inner.entries
            elif isinstance(child, NavigableString) and not isinstance(child, SKIPPED_STRINGS):
                text += len(child.strip())
        if node.name == "a":
            links, linked = links + 1, text
        elif node.name == "button" or node.get("role") == "button":
            controls = text + controls if id(node) not in skip else len(node.get_text(strip=True))
            votes += 0 < controls <= _VOTE_MAX
        elif is_entry(node):
            entries += 1
        stats[id(node)] = _Stats(text, links, linked, entries, controls, votes)
    return stats


def is_entry(el: Tag) -> bool:
    """A field for typing free text: a chat box, a search box, a newsletter sign-up."""
    if el.name == "textarea" or el.get("contenteditable") in ("", "true", "plaintext-only"):
        return True
    return el.name == "input" and (attributes(el).get("type") or "text").lower() in _ENTRY_TYPES


def _is_link_block(stats: _Stats) -> bool:
    """A block of short links and nothing else (a footer or menu without its tag, a related-articles
    list): clauses mention links inside sentences, so their text is never almost all link text."""
    return (stats.links >= _LINK_BLOCK_LINKS and stats.linked >= _LINK_BLOCK_SHARE * stats.text
            and stats.linked <= _LINK_BLOCK_AVERAGE * stats.links)


def _is_widget(stats: _Stats) -> bool:
    """A small block around a text field, one that says less than its buttons, or a short prompt over answer
    buttons: a chat, search or sign-up widget, a prompt with suggested questions, a feedback prompt."""
    return stats.text <= _WIDGET_MAX and (stats.entries > 0 or stats.controls >= stats.text > 0 or (
        stats.votes >= 2 and stats.text - stats.controls <= _VOTE_PROMPT))
