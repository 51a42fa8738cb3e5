"""Pure extraction: HTML -> the readable text of the terms, its normalised comparison form, and a
judgement of whether a fetch shows the terms at all (error page, bot wall, login redirect, empty)."""

from __future__ import annotations

import hashlib
import re
import unicodedata
from collections.abc import Iterable, Sequence
from functools import lru_cache
from urllib.parse import urlsplit

import soupsieve
from bs4 import BeautifulSoup
from bs4.element import Comment, Declaration, Doctype, NavigableString, ProcessingInstruction, Tag

from monitor.models import Extracted, FetchResult, Unusable

# Bump whenever the text or normalised form produced for the same HTML can change: stored versions
# carry it, and `termwatch reextract` re-derives their text instead of announcing fake changes.
EXTRACTOR_VERSION = "2026.11.1"

# Never part of the reading text, wherever they sit.
_DROP_TAGS = frozenset(
    "script style noscript template svg math canvas iframe object embed video audio picture img map "
    "button select option optgroup input textarea datalist meter progress dialog head link meta title base".split()
)
# Page chrome, dropped unless it holds most of the page (some sites wrap everything in a <form>).
_CHROME_TAGS = frozenset("nav aside form".split())
_BLOCK_TAGS = frozenset(
    "address article blockquote body caption center dd details dialog dir div dl dt fieldset figcaption figure "
    "footer form h1 h2 h3 h4 h5 h6 header hgroup hr html li main menu nav ol p pre section summary table tbody "
    "td tfoot th thead tr ul legend".split()
)
_HEADINGS = {"h1": 1, "h2": 2, "h3": 3, "h4": 4, "h5": 5, "h6": 6}
# Elements whose text counts as prose when looking for the main content.
_PROSE_TAGS = frozenset("p li dd dt td th blockquote pre h1 h2 h3 h4 h5 h6".split())

_SR_ONLY = re.compile(
    r"(?:^|[\s_-])(?:sr[-_]?only|visually[-_]?hidden|visuallyhidden|screen[-_]?reader[-_\w]*|show[-_]for[-_]sr"
    r"|element[-_]invisible|hidden[-_]visually|a11y[-_]?text|assistive[-_]?text|offscreen)(?:$|[\s_-])"
    r"|a11yText",
    re.I,
)
_CLIPPED_STYLE = re.compile(r"clip\s*:\s*rect\(\s*(?:0|1px)|clip-path\s*:\s*inset\(\s*50%", re.I)
_SKIP_LINK = re.compile(r"^\s*skip\s+(?:to|navigation|nav)\b", re.I)
_SKIP_CLASS = re.compile(r"skip[-_]?(?:link|to|nav)", re.I)
_COOKIE_WORDS = re.compile(r"cookie|consent|gdpr|onetrust|cookiebot|\bcmp\b|didomi|usercentrics|trustarc", re.I)
_LOCALE_WORDS = re.compile(
    r"(?:^|[\s_-]|[a-z](?=[A-Z]))(?:lang|language|languages|locale|locales|i18n|translations?)(?:$|[\s_-]|(?=[A-Z]))"
    r"|language|locale",
    re.I,
)
_DIALOG_ROLES = frozenset({"dialog", "alertdialog"})
_HIDDEN_DECORATION_MAX = 80  # aria-hidden with more text than this is collapsed content, kept


class _Page:
    """What extraction found: the text, the page title, and whether `select` matched anything."""

    __slots__ = ("text", "title", "matched")

    def __init__(self, text: str, title: str, matched: bool) -> None:
        self.text, self.title, self.matched = text, title, matched


def extract_text(html: str, select: Sequence[str] = (), remove: Sequence[str] = ()) -> str:
    """Readable, faithful text of the terms: one block per line group, blank line between blocks."""
    return _extract(html, select, remove).text


def _extract(html: str, select: Sequence[str], remove: Sequence[str]) -> _Page:
    selects = [_compile(s) for s in select]
    removes = [_compile(s) for s in remove]
    soup = BeautifulSoup(html or "", "lxml")
    title = _title(soup)
    _place_streamed_chunks(soup)
    for pattern in removes:
        for el in pattern.select(soup):
            el.decompose()
    _strip_noise(soup)
    if selects:
        roots = _selected(soup, selects)
        if not roots:
            return _Page("", title, False)
    else:
        roots = [_main_content(soup)]
    return _Page(_render(roots), title, True)


@lru_cache(maxsize=256)
def _compile(selector: str) -> soupsieve.SoupSieve:
    try:
        return soupsieve.compile(selector)
    except (soupsieve.SelectorSyntaxError, TypeError, ValueError, NotImplementedError) as err:
        first_line = str(err).splitlines()[0] if str(err) else type(err).__name__
        raise ValueError(f"invalid CSS selector {selector!r}: {first_line}") from None


def _title(soup: BeautifulSoup) -> str:
    tag = soup.find("title")
    return " ".join(tag.get_text().split()) if tag else ""


def _place_streamed_chunks(soup: BeautifulSoup) -> None:
    """React streaming SSR sends late content as <div hidden id="S:n"> at the end of the body and a
    <template id="B:n"> where it belongs; a browser's script swaps them, so do the same."""
    for holder in soup.find_all("template", id=re.compile(r"^B:\d+$")):
        chunk = soup.find(id="S:" + holder["id"][2:])
        if chunk is not None and chunk is not holder:
            for child in list(chunk.children):
                holder.insert_before(child.extract())
            chunk.decompose()


def _strip_noise(soup: BeautifulSoup) -> None:
    body = soup.body or soup
    total = max(len(body.get_text()), 1)
    for el in soup.find_all(_DROP_TAGS):
        el.decompose()
    for el in list(soup.find_all(True)):
        if el.decomposed or el.parent is None:
            continue
        if _is_noise(el, total):
            el.decompose()


def _attr_text(el: Tag, *names: str) -> str:
    parts = []
    for name in names:
        value = el.get(name)
        if value:
            parts.append(" ".join(value) if isinstance(value, list) else str(value))
    return " ".join(parts)


def _is_noise(el: Tag, total: int) -> bool:
    name = el.name
    classes = _attr_text(el, "class")
    if classes and _SR_ONLY.search(classes):
        return True
    style = el.get("style")
    if style and _CLIPPED_STYLE.search(style) and "position" in style:
        return True
    if name == "a":
        href = el.get("href") or ""
        return href.startswith("#") and (bool(_SKIP_CLASS.search(classes)) or bool(_SKIP_LINK.match(el.get_text())))
    if name in _CHROME_TAGS or name in ("header", "footer"):
        if name in ("header", "footer") and el.find_parent(("main", "article")) is not None:
            return False  # an article's own header holds its title and effective date
        return _small(el, total, 0.5)
    if el.get("aria-hidden") == "true":
        return len(el.get_text(strip=True)) <= _HIDDEN_DECORATION_MAX and el.find(_PROSE_TAGS) is None
    labels = _attr_text(el, "id", "class", "aria-label", "aria-labelledby", "aria-describedby", "data-testid")
    role = el.get("role")
    if role in _DIALOG_ROLES or el.get("aria-modal") == "true":
        return _small(el, total, 0.3)
    if role == "banner" and el.find_parent(("main", "article")) is None:
        return _small(el, total, 0.3)
    if labels and _COOKIE_WORDS.search(labels) and name not in _HEADINGS and name not in ("p", "li", "span", "a"):
        return _small(el, total, 0.3) and el.find(("h1", "h2")) is None
    if labels and _LOCALE_WORDS.search(labels):
        return len(el.get_text(strip=True)) <= 300
    return False


def _small(el: Tag, total: int, share: float) -> bool:
    return len(el.get_text()) <= share * total


def _selected(soup: BeautifulSoup, patterns: list[soupsieve.SoupSieve]) -> list[Tag]:
    """Elements matched by any selector, in document order, without ones nested in another match."""
    hits = {id(el): el for pattern in patterns for el in pattern.select(soup)}
    order = {id(el): i for i, el in enumerate(soup.find_all(True))}
    roots = sorted(hits.values(), key=lambda el: order.get(id(el), 0))
    chosen = set()
    result = []
    for el in roots:
        if any(id(p) in chosen for p in el.parents):
            continue
        chosen.add(id(el))
        result.append(el)
    return result


def _main_content(soup: BeautifulSoup) -> Tag:
    """<main> / [role=main] / <article> when it holds most of the prose, else the smallest block that does."""
    body = soup.body or soup
    scores = _prose_scores(body)
    total = scores.get(id(body), 0)
    if total == 0:
        return body
    for candidates in (soup.find_all("main") + soup.select('[role="main"]'), soup.find_all("article")):
        best = max(candidates, key=lambda el: scores.get(id(el), 0), default=None)
        if best is not None and scores.get(id(best), 0) >= 0.5 * total:
            return best
    node = body
    while True:
        child = max((c for c in node.find_all(True, recursive=False)), key=lambda c: scores.get(id(c), 0), default=None)
        if child is None or scores.get(id(child), 0) < 0.8 * total:
            return node
        node = child


def _prose_scores(body: Tag) -> dict[int, int]:
    """Characters of prose (paragraphs, list items, cells, headings) under each element."""
    scores: dict[int, int] = {}
    for el in body.find_all(_PROSE_TAGS):
        if el.find_parent(_PROSE_TAGS) is not None and el.name not in ("td", "th"):
            continue
        n = len(el.get_text(strip=True))
        for anc in el.parents:
            scores[id(anc)] = scores.get(id(anc), 0) + n
            if anc is body:
                break
        scores[id(el)] = scores.get(id(el), 0) + n
    return scores


# ---------------------------------------------------------------- rendering


class _Renderer:
    """Walks the tree once, collecting blocks; inline text is gathered until a block boundary."""

    def __init__(self) -> None:
        self.blocks: list[tuple[str, str]] = []  # (kind, text)
        self.buf: list[str] = []
        self.marker = ""
        self.kind = "p"
        self.indent = ""
        self.pre = 0

    def flush(self) -> None:
        raw = "".join(self.buf)
        self.buf = []
        if self.pre:
            text = raw.strip("\n")
        else:
            text = "\n".join(re.sub(r"[ \t\r\n\f\v]+", " ", line).strip() for line in raw.split("\x00"))
            text = "\n".join(line for line in text.split("\n") if line)
        if not text.strip():
            return
        if self.marker:
            text = self.marker + text
            self.marker = ""
        elif self.indent:
            text = self.indent + text
        self.blocks.append((self.kind, text))
        self.kind = "p"

    def walk(self, node: Tag) -> None:
        for child in node.children:
            if isinstance(child, Tag):
                self.element(child)
            elif isinstance(child, NavigableString) and not isinstance(
                child, (Comment, Declaration, Doctype, ProcessingInstruction)
            ):
                self.buf.append(str(child))

    def element(self, el: Tag) -> None:
        name = el.name
        if name in _DROP_TAGS:
            return
        if name == "br":
            self.buf.append("\x00")
            return
        if name not in _BLOCK_TAGS:
            self.walk(el)
            return
        self.flush()
        if name in _HEADINGS:
            self.marker = self.marker or "#" * _HEADINGS[name] + " "
            self.kind = "h"
            self.walk(el)
            self.flush()
        elif name in ("ul", "ol", "menu", "dir"):
            self.list(el)
        elif name == "tr":
            self.row(el)
        elif name == "pre":
            self.pre += 1
            self.walk(el)
            self.flush()
            self.pre -= 1
        else:
            self.walk(el)
            self.flush()

    def list(self, el: Tag) -> None:
        ordered = el.name == "ol"
        number = _int(el.get("start"), 1)
        style = (el.get("type") or "1") if ordered else ""
        outer_indent, outer_marker = self.indent, self.marker
        if outer_marker:  # a list straight inside a list item: keep the item's marker on the first line
            self.buf.append("")
        for item in el.find_all("li", recursive=False) or el.find_all(True, recursive=False):
            if item.name == "li":
                number = _int(item.get("value"), number)
                bullet = _ordinal(number, style) + ". " if ordered else "- "
                self.flush()
                self.marker = outer_indent + bullet
                self.indent = outer_indent + "  "
                self.kind = "li"
                self.walk(item)
                self.kind = "li"
                self.flush()
                self.marker = ""
                number += 1
            else:
                self.element(item)
        self.indent = outer_indent

    def row(self, tr: Tag) -> None:
        cells = []
        for cell in tr.find_all(("td", "th"), recursive=False):
            sub = _Renderer()
            sub.walk(cell)
            sub.flush()
            text = " ".join(t.strip() for _, t in sub.blocks)
            cells.append(text)
        if any(cells):
            self.blocks.append(("tr", self.indent + " | ".join(cells)))


def _int(value, default: int) -> int:
    try:
        return int(str(value).strip())
    except (TypeError, ValueError):
        return default


def _ordinal(n: int, style: str) -> str:
    if style in ("a", "A") and 1 <= n <= 26 * 27:
        s = ""
        while n:
            n, r = divmod(n - 1, 26)
            s = chr(ord("a") + r) + s
        return s.upper() if style == "A" else s
    if style in ("i", "I") and 1 <= n < 4000:
        s = _roman(n)
        return s.upper() if style == "I" else s
    return str(n)


def _roman(n: int) -> str:
    out = ""
    for value, numeral in ((1000, "m"), (900, "cm"), (500, "d"), (400, "cd"), (100, "c"), (90, "xc"),
                           (50, "l"), (40, "xl"), (10, "x"), (9, "ix"), (5, "v"), (4, "iv"), (1, "i")):
        while n >= value:
            out += numeral
            n -= value
    return out


def _render(roots: Iterable[Tag]) -> str:
    r = _Renderer()
    for root in roots:
        r.element(root) if root.name in _BLOCK_TAGS else (r.walk(root), r.flush())
        r.flush()
    out: list[str] = []
    prev = ""
    for kind, text in r.blocks:
        if out:
            out.append("\n" if kind == prev and kind in ("li", "tr") else "\n\n")
        out.append(text)
        prev = kind
    return "".join(out)


# ---------------------------------------------------------------- normalisation

_TYPOGRAPHY = str.maketrans(
    {
        **dict.fromkeys("\u2018\u2019\u201a\u201b\u2032\u0060\u00b4", "'"),
        **dict.fromkeys("\u201c\u201d\u201e\u201f\u2033\u00ab\u00bb", '"'),
        **dict.fromkeys("\u2010\u2011\u2012\u2013\u2014\u2015\u2212\ufe58\ufe63\uff0d", "-"),
        **dict.fromkeys("\u200b\u200c\u200d\u2060\ufeff\u00ad\u180e", ""),
        **dict.fromkeys("\u00a0\u2007\u202f\u2009\u200a\u3000", " "),
    }
)
_LINE_MARKER = re.compile(
    r"^(?:#{1,6}\s+|[-*+\u2022\u00b7\u25aa\u25e6\u2023\u2043\u25cf\u25cb]\s+"
    r"|\(?(?:\d{1,3}|[a-zA-Z]|[ivxlcdmIVXLCDM]{1,6})\)\s+"
    r"|(?:(?:\d{1,3}|[a-zA-Z]|[ivxlcdmIVXLCDM]{1,6})\.)+(?:\d{1,3}|[a-zA-Z]|[ivxlcdmIVXLCDM]{1,6})?\s+"
    r"|(?:\d{1,3}|[a-zA-Z]|[ivxlcdmIVXLCDM]{1,6})(?:\.(?:\d{1,3}|[a-zA-Z]|[ivxlcdmIVXLCDM]{1,6}))+\s+)+"
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
_MONTH = "(" + "|".join(sorted(map(re.escape, _MONTHS), key=len, reverse=True)) + r")\.?"
_DAY = r"(\d{1,2})(?:st|nd|rd|th|er|\.|º)?"
_DATE_DMY = re.compile(rf"\b{_DAY}\s+(?:de\s+)?{_MONTH}\s+(?:de\s+)?,?\s*(\d{{4}})\b", re.I)
_DATE_MDY = re.compile(rf"\b{_MONTH}\s+{_DAY},?\s+(\d{{4}})\b", re.I)
_DATE_ISO = re.compile(r"\b(\d{4})-(\d{1,2})-(\d{1,2})\b")
_URL_QUERY = re.compile(r"(\bhttps?://[^\s?#\"'<>]+)[?#][^\s\"'<>]*", re.I)
_SPACE_BEFORE = re.compile(r"\s+([,.;:!?)\]}])")
_SPACE_AFTER = re.compile(r"([(\[{])\s+")


def normalise(text: str) -> str:
    """Comparison form: typography, whitespace, list/clause numbering, date renderings and URL queries folded.

    Only decides whether two extractions say the same thing; never shown as the terms."""
    text = unicodedata.normalize("NFKC", text).translate(_TYPOGRAPHY)
    lines = []
    for line in text.splitlines():
        line = " ".join(line.split())
        line = _LINE_MARKER.sub("", line)
        line = _fold_dates(line)
        line = _URL_QUERY.sub(r"\1", line)
        line = _SPACE_AFTER.sub(r"\1", _SPACE_BEFORE.sub(r"\1", line))
        if line:
            lines.append(line)
    return "\n".join(lines)


def _iso(year: str, month: int, day: str) -> str:
    d = int(day)
    if not 1 <= month <= 12 or not 1 <= d <= 31:
        return ""
    return f"{int(year):04d}-{month:02d}-{d:02d}"


def _fold_dates(line: str) -> str:
    if not any(ch.isdigit() for ch in line):
        return line

    def dmy(m: re.Match) -> str:
        return _iso(m.group(3), _MONTHS[m.group(2).lower()], m.group(1)) or m.group(0)

    def mdy(m: re.Match) -> str:
        return _iso(m.group(3), _MONTHS[m.group(1).lower()], m.group(2)) or m.group(0)

    def iso(m: re.Match) -> str:
        return _iso(m.group(1), int(m.group(2)), m.group(3)) or m.group(0)

    line = _DATE_MDY.sub(mdy, line)
    line = _DATE_DMY.sub(dmy, line)
    return _DATE_ISO.sub(iso, line)


# ---------------------------------------------------------------- judgement

_MIN_TEXT = 300  # characters; real terms run to thousands, error and challenge pages to a few hundred
_SHORT_PAGE = 3000  # below this, wording typical of error and challenge pages is trusted
_HTML_TYPES = ("text/html", "application/xhtml+xml")
_BOT_TITLES = re.compile(
    r"^(?:just a moment|attention required|checking your browser|please wait|access denied|"
    r"pardon our interruption|are you a robot|security check|verify you are human|human verification|"
    r"ddos protection|one more step|request unsuccessful|bot verification|captcha)",
    re.I,
)
_BOT_TEXT = [
    (re.compile(r"enable javascript and cookies to continue|checking (?:if the site connection is secure|your browser)"
                r"|performance (?:&|and) security by cloudflare|cloudflare ray id|cf-chl|challenge-platform", re.I),
     "Cloudflare challenge"),
    (re.compile(r"captcha|verify (?:that )?you are (?:a )?human|are you a robot|press (?:&|and) hold|i'?m not a robot", re.I),
     "captcha"),
    (re.compile(r"access (?:is )?denied|you don'?t have permission to access|request (?:was )?blocked"
                r"|request unsuccessful|pardon our interruption|unusual traffic", re.I),
     "access denied"),
    (re.compile(r"(?:enable|turn on) javascript|javascript is (?:disabled|required)|requires javascript", re.I),
     "page needs JavaScript"),
]
_ERROR_TITLES = re.compile(
    r"(?:^|\W)(?:404|410|500|502|503)(?:\W|$)|page not found|not found|page (?:isn'?t|is not) available"
    r"|page (?:could not|cannot|can'?t) be found|something went wrong|server error|error page|unavailable",
    re.I,
)
_ERROR_TEXT = re.compile(
    r"this page (?:isn'?t|is not) available|page (?:could not|cannot|can'?t) be found|page not found"
    r"|(?:^|\n)\W*404\W*(?:\n|$)|the page you (?:are|were|'re) looking for|no longer exists|has been (?:re)?moved"
    r"|something went wrong|internal server error|service (?:temporarily )?unavailable",
    re.I,
)
_LOGIN_SEGMENT = re.compile(
    r"^(?:log-?in|sign-?in|sign_in|signin|logon|auth|oauth2?|authorize|sso|saml|consent|cas|idp|session|"
    r"account-?login|u/login|challenge|captcha)(?:$|[._-])",
    re.I,
)
_LOGIN_HOST = re.compile(r"^(?:login|signin|auth|accounts?|sso|id|idp|consent)\.", re.I)


def judge(fetch: FetchResult, select: Sequence[str] = (), remove: Sequence[str] = ()) -> Extracted | Unusable:
    """Decide whether a fetch shows the terms; if so return its text, normalised form and hash.

    A 304 is the caller's business (it means "same as before"). Raises ValueError only for an
    invalid CSS selector."""
    for s in (*select, *remove):
        _compile(s)
    if fetch.error:
        return Unusable(f"fetch failed: {fetch.error}")
    body = fetch.body or ""
    status = fetch.status
    if status is not None and not 200 <= status < 300:
        wall = _bot_wall(body, _quick_title(body), body) if status in (403, 429, 503) and body else None
        return Unusable(f"bot wall: {wall} (HTTP {status})" if wall else f"HTTP {status}")
    ctype = (fetch.content_type or "").split(";")[0].strip().lower()
    if ctype and ctype not in _HTML_TYPES:
        return Unusable(f"not an HTML page: {ctype}")
    login = _login_redirect(fetch.url, fetch.final_url)
    if login:
        return Unusable(f"redirected to a login or consent page ({login})")
    page = _extract(body, select, remove)
    text = page.text
    wall = _bot_wall(text, page.title, body)
    if wall:
        return Unusable(f"bot wall: {wall}")
    if not page.matched:
        return Unusable(f"nothing matches the select selectors ({', '.join(select)})")
    error = _error_page(text, page.title)
    if error:
        return Unusable(f"error page: {error}")
    size = len(normalise(text))
    if size < _MIN_TEXT:
        return Unusable(f"empty page: {size} characters of text")
    norm = normalise(text)
    return Extracted(text=text, normalised=norm, sha256=hashlib.sha256(norm.encode("utf-8")).hexdigest())


def _quick_title(html: str) -> str:
    m = re.search(r"<title[^>]*>(.*?)</title>", html[:20000], re.I | re.S)
    return " ".join(m.group(1).split()) if m else ""


def _bot_wall(text: str, title: str, html: str) -> str | None:
    if _BOT_TITLES.search(title):
        for pattern, label in _BOT_TEXT:
            if pattern.search(text) or pattern.search(html[:200000]):
                return label
        return f'challenge page "{title}"'
    if len(text) >= _SHORT_PAGE:
        return None
    for pattern, label in _BOT_TEXT:
        if pattern.search(text):
            return label
    return None


def _error_page(text: str, title: str) -> str | None:
    if len(text) >= _SHORT_PAGE:
        return None
    if _ERROR_TITLES.search(title):
        return f'"{title}"'
    m = _ERROR_TEXT.search(text)
    if m:
        return f'"{m.group(0).strip()}"'
    return None


def _login_redirect(url: str, final_url: str | None) -> str | None:
    if not final_url or final_url == url:
        return None
    parts = urlsplit(final_url)
    if _LOGIN_HOST.match(parts.hostname or ""):
        return final_url
    if any(_LOGIN_SEGMENT.match(seg) for seg in parts.path.split("/") if seg):
        return final_url
    return None
