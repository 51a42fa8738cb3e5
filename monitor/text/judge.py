"""Whether a fetch shows the terms at all (error status, bot wall, login redirect, error or empty page),
and if so their text, its normalised form and the hash that decides whether the wording changed."""

from __future__ import annotations

import hashlib
import re
from collections.abc import Sequence
from dataclasses import replace
from urllib.parse import urlsplit

from monitor.models import Extracted, FetchResult, Unusable
from monitor.text.fold import fold_typography
from monitor.text.html import compile_selector, read_page
from monitor.text.normalise import normalise
from monitor.text.pdf import PdfError, looks_like_pdf, pdf_text

# Bump whenever the text or normalised form produced for the same HTML can change: versions record
# it, and `termwatch reextract` re-derives their text from the kept pages instead of announcing
# fake changes.
EXTRACTOR_VERSION = "2026.12.4"


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
    r"|(?:could not|cannot|can'?t) be found|something went wrong|server error|error page|unavailable"
    r"|nicht gefunden|introuvable|non trouv[ée]e|no encontrada|non trovata|n[aã]o encontrada|niet gevonden",
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
    r"|application error: a (?:client|server)-side exception|^\W*(?:error\s*)?404\b"
    # The same messages on sites that answer in the reader's language (German, French, Spanish, Italian,
    # Portuguese, Dutch): terms pages of EU services are often served so.
    r"|seite (?:wurde )?nicht gefunden|diese seite (?:ist )?(?:nicht|nicht mehr) verf[uü]gbar"
    r"|ein (?:unerwarteter )?fehler ist aufgetreten"
    r"|page (?:introuvable|non trouv[ée]e)|cette page (?:n'est pas|n'est plus) disponible"
    r"|une erreur (?:inattendue )?(?:s'est produite|est survenue)"
    r"|p[aá]gina no encontrada|esta p[aá]gina no est[aá] disponible|se ha producido un error"
    r"|pagina non trovata|questa pagina non [eè] disponibile|si [eè] verificato un errore"
    r"|p[aá]gina n[aã]o encontrada|ocorreu um erro"
    r"|pagina niet gevonden|deze pagina is niet beschikbaar|er is een fout opgetreden"
    # what help centres and site builders say instead: the page "does not exist", "we couldn't find it", the site
    # is being maintained, the reader must sign in, the document was withdrawn, access is refused
    r"|(?:existiert|gibt es) nicht(?: mehr)?|n'existe (?:pas|plus)|no existe|non esiste|n[aã]o existe|bestaat niet"
    r"|est introuvable|wir konnten (?:diese|die) seite nicht finden|nous n'avons pas (?:pu )?trouv[ée] cette page"
    r"|no (?:podemos|pudimos) encontrar (?:esa|esta|la) p[aá]gina|non (?:riusciamo|siamo riusciti) a trovare"
    r"|we'?ll be back soon|we will be back soon|wartungsarbeiten|en maintenance|en mantenimiento|in manutenzione"
    r"|(?:sign|log) in to (?:continue|view|access|see)|^\W*(?:hmm,? )?nothing (?:to see )?here"
    r"|(?:page|site|post|content) is password[- ]protected|enter (?:the|a) password to (?:view|access|see)"
    r"|(?:post|page|article|content) is (?:available )?(?:for|to) (?:paid |paying )?(?:subscribers|members) only"
    r"|(?:this|the) (?:page|document|article|content|policy) (?:is no longer available|has (?:been )?(?:re)?moved)"
    r"|acc[eè]s refus[ée]|zugriff verweigert|acceso denegado|accesso negato"
    r"|ページが見つかりません|页面不存在|找不到(?:该)?页面|页面未找到|페이지를 찾을 수 없습니다",
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
        compile_selector(selector)
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
    page = read_page(body, select, remove)
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
    m = _ERROR_TEXT.search(fold_typography(text)) if len(text) < _BARE_PAGE else None
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
