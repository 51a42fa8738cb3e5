"""Extraction on pages we will never see, measured on synthetic pages modelled on real site templates: noise read as
a change, real changes or legal text lost, error pages read as terms. Run: python benchmarks/unseen_templates.py [-v]"""

from __future__ import annotations

import argparse
import difflib
import sys
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

import unseen_pages as pages  # noqa: E402
from monitor.analysis.frame import edges, site_frame  # noqa: E402
from monitor.analysis.significance import EDITORIAL, significance  # noqa: E402
from monitor.models import Extracted, FetchResult, Unusable  # noqa: E402
from monitor.text.judge import judge  # noqa: E402

KINDS = {
    "noise": "noise pairs → false changes",
    "change": "real changes → lost",
    "keep": "legal passages kept → lost",
    "error": "error pages → read as terms",
}


@dataclass(frozen=True)
class Probe:
    kind: str  # a key of KINDS
    template: str
    what: str
    old: str
    new: str = ""  # noise and change probes: the page on the next day
    # Site-wide noise only: another page of the site on both days, for the site-frame rule.
    sibling: tuple[str, str] | None = None
    must_keep: str = ""  # keep probes: a passage of the document
    leak: str = ""  # noise probes: words of the noise, noted when they are read as terms at all
    open_because: str = ""  # why the expectation is a judgement call the spec leaves open


@dataclass(frozen=True)
class Result:
    ok: bool
    outcome: str
    detail: str = ""  # what --verbose shows: the diff read, or the text of an error page read as terms
    note: str = ""


PROBES: list[Probe] = []
Page = Callable[..., str]
TITLE = "Terms of Service"
LEGAL = pages.terms_html()
# Another document of the same site: lines two watched pages of a site share at their ends are its frame.
OTHER = pages.terms_html(pages.TERMS[:3]) + pages.PRIVACY_COOKIES
LINKED_POLICIES = ("a heading over a list of links to other policies is navigation, or a clause that incorporates "
                   "them; the spec does not say which")


def noise(template: str, what: str, page: Page, old: dict[str, Any], new: dict[str, Any], leak: str = "",
          documents: tuple[Any, Any] = (LEGAL, OTHER)) -> None:
    """Site-wide noise: the page on two days, and another page of the site that carries the same noise."""
    document, other = documents
    PROBES.append(Probe("noise", template, what, page(TITLE, document, **old), page(TITLE, document, **new),
                        sibling=(page("Privacy Policy", other, **old), page("Privacy Policy", other, **new)),
                        leak=leak))


def page_noise(template: str, what: str, page: Page, old: dict[str, Any], new: dict[str, Any], leak: str = "",
               document: Any = LEGAL) -> None:
    """Noise of this page alone (votes, related articles, stamps), which no other page of the site shares."""
    PROBES.append(Probe("noise", template, what, page(TITLE, document, **old), page(TITLE, document, **new), leak=leak))


def pair(kind: str, template: str, what: str, old: str, new: str, open_because: str = "") -> None:
    """A noise or change probe given as its two pages."""
    PROBES.append(Probe(kind, template, what, old, new, open_because=open_because))


def change(template: str, what: str, page: Page, changed_legal: str) -> None:
    pair("change", template, what, page(TITLE, LEGAL), page(TITLE, changed_legal))


def keep(template: str, what: str, html: str, must_keep: str, open_because: str = "") -> None:
    PROBES.append(Probe("keep", template, what, html, must_keep=must_keep, open_because=open_because))


def error(template: str, what: str, html: str) -> None:
    PROBES.append(Probe("error", template, what, html))


# Noise pairs: the same wording on both days, so any change recorded is a false one.
page_noise("zendesk", "vote count 12/47 -> 13/48", pages.zendesk, {}, {"votes": "13 out of 48 found this helpful"},
           leak="found this helpful")
page_noise("zendesk", "vote label 'Be the first to vote' -> '1 out of 1 found this helpful'", pages.zendesk,
           {"votes": ""}, {"votes": "1 out of 1 found this helpful"})
page_noise("zendesk", "related articles rotate (3 shown)", pages.zendesk, {},
           {"related": ("Data Processing Addendum", "Subprocessors", "Cookie Policy")}, leak="Related articles")
page_noise("zendesk", "recently viewed list filled by script (rendered fetch)", pages.zendesk, {},
           {"recent": ("How do I reset my password?", "Billing FAQ")})
page_noise("zendesk", "a user comment appears (0 -> 1 comment)", pages.zendesk, {},
           {"comments": (("Sam Lee", "Does this apply to the EU region too?"),)}, leak="comments")
page_noise("zendesk", "'Updated' stamp re-saved, no wording change (Nov 03 17:42 -> Jan 06 09:15)", pages.zendesk, {},
           {"updated": "January 06, 2026 09:15", "updated_iso": "2026-01-06T09:15:00Z"})
page_noise("zendesk", "article author shown changes (another agent re-saved)", pages.zendesk, {}, {"author": "Sam Lee"})
page_noise("zendesk", "follower count next to Follow", pages.zendesk,
           {"followers": '<span class="article-subscribe-count">14 followers</span>'},
           {"followers": '<span class="article-subscribe-count">15 followers</span>'})
noise("zendesk", "OneTrust banner present vs absent", pages.zendesk, {},
      {"banner": pages.ONETRUST.format(text=pages.COOKIE_TEXT_A)})

page_noise("intercom", "'Updated over a week ago' -> 'Updated yesterday'", pages.intercom, {},
           {"updated": "Updated yesterday"}, document=None)
page_noise("intercom", "'Updated this week' -> 'Updated today'", pages.intercom, {"updated": "Updated this week"},
           {"updated": "Updated today"}, document=None)
page_noise("intercom", "'Updated over a week ago' -> 'Updated over 2 weeks ago'", pages.intercom, {},
           {"updated": "Updated over 2 weeks ago"}, document=None)
page_noise("intercom", "author: 'Written by Jane Doe' -> 'Written by Jane Doe, Sam Lee' (+ avatar)", pages.intercom, {},
           {"written": 'Written by <span class="text-body-primary-color">Jane Doe</span>, <span>Sam Lee</span>'},
           leak="Written by", document=None)
page_noise("intercom", "related articles rotate (4 shown)", pages.intercom, {},
           {"related": ("Subprocessors", "Privacy Policy", "Security overview", "Service Level Agreement")},
           leak="Related Articles", document=None)

noise("docusaurus", "announcement bar text", pages.docusaurus, {},
      {"announcement": "Northwind 3.0 is out! <a href='/blog/3'>Read the release notes</a>"})
LAST_UPDATED = ('Last updated<!-- --> on <b><time datetime="2026-01-07T10:00:00.000Z">Jan 7, 2026</time></b> '
                'by <b>{}</b>')
page_noise("docusaurus",
           "'Last updated on Dec 1, 2025 by Jane Doe' -> 'Jan 7, 2026 by Jane Doe' (formatting-only commit)",
           pages.docusaurus, {}, {"last_updated": LAST_UPDATED.format("Jane Doe")})
page_noise("docusaurus", "last-updated author changes (Jane Doe -> Sam Lee) with date", pages.docusaurus, {},
           {"last_updated": LAST_UPDATED.format("Sam Lee")}, leak="Edit this page")
page_noise("docusaurus", "prev/next pager renamed", pages.docusaurus, {}, {"next_": "DPA"})
noise("docusaurus", "footer copyright year", pages.docusaurus, {"year": "2025"}, {"year": "2026"})

page_noise("gitbook", "'Last updated 3 days ago' -> '4 days ago'", pages.gitbook, {}, {"updated": "4 days ago"})
page_noise("gitbook", "'Last updated 3 days ago' -> '1 month ago'", pages.gitbook, {}, {"updated": "1 month ago"})
page_noise("gitbook", "previous/next page card renamed (in <main>, not <nav>)", pages.gitbook, {},
           {"next_": "DPA (Customer)"}, leak="Previous")

noise("mintlify", "feedback prompt text", pages.mintlify, {}, {"helpful": "Was this page helpful to you?"},
      leak="Was this page helpful")
noise("mintlify", "assistant widget with suggested question (rendered)", pages.mintlify, {},
      {"assistant": '<div id="chat-assistant-sheet" class="fixed bottom-0"><div class="px-4">'
                    '<p>Ask a question about Northwind…</p>'
                    '<div class="flex gap-2"><a href="#" class="suggestion">How do I rotate my API key?</a></div>'
                    '<textarea placeholder="Ask AI"></textarea></div></div>'})
noise("mintlify", "banner above navbar (div#banner)", pages.mintlify, {},
      {"banner": '<div id="banner" class="fixed top-0 w-full z-40"><div class="banner-content"><p>We are hiring! '
                 '<a href="/careers">See open roles</a></p></div></div>'})

noise("webflow", "CTA section A/B copy ('Join 10,000+ teams' -> 'Join 12,000+ teams')", pages.webflow, {},
      {"cta": "Join 12,000+ teams building with Northwind."}, leak="Ready to get started")
noise("webflow", "CTA heading A/B", pages.webflow, {}, {"cta_head": "Start building today"})
noise("webflow", "footer copyright year (div footer)", pages.webflow, {"year": "2025"}, {"year": "2026"},
      leak="All rights reserved")
noise("webflow", "status widget in footer: operational -> degraded", pages.webflow, {},
      {"status": "Partial outage: API latency"}, leak="All systems operational")
page_noise("webflow", "'Last updated' stamp re-dated, wording same", pages.webflow, {},
           {"stamp": "Last updated: February 2, 2026"})
page_noise("webflow", "'Last updated: January 2026' -> 'February 2026' (month-year stamp)", pages.webflow,
           {"stamp": "Last updated: January 2026"}, {"stamp": "Last updated: February 2026"})
page_noise("webflow", "'Last updated: 01/05/2026' -> '02/02/2026' (numeric stamp)", pages.webflow,
           {"stamp": "Last updated: 01/05/2026"}, {"stamp": "Last updated: 02/02/2026"})
page_noise("webflow", "'Stand: 05.01.2026' -> '02.02.2026' (German numeric stamp)", pages.webflow,
           {"stamp": "Stand: 05.01.2026"}, {"stamp": "Stand: 02.02.2026"})
noise("webflow", "Cookiebot dialog absent vs present (rendered)", pages.webflow, {},
      {"cookie": pages.COOKIEBOT.format(text=pages.COOKIE_TEXT_A)})
noise("webflow", "Cookiebot dialog text changes", pages.webflow,
      {"cookie": pages.COOKIEBOT.format(text=pages.COOKIE_TEXT_A)},
      {"cookie": pages.COOKIEBOT.format(text=pages.COOKIE_TEXT_B)})
for name, bar in pages.ANNOUNCE.items():
    noise("webflow", f"announcement ({name}) added", pages.webflow, {},
          {"announcement": bar.format(text=pages.ANNOUNCE_A)})
    noise("webflow", f"announcement ({name}) text rotates", pages.webflow,
          {"announcement": bar.format(text=pages.ANNOUNCE_A)}, {"announcement": bar.format(text=pages.ANNOUNCE_B)})

noise("framer", "footer copyright year (Framer footer div with column headings)", pages.framer, {"year": "2025"},
      {"year": "2026"})
noise("framer", "testimonial carousel shows another quote", pages.framer, {},
      {"testimonial": "“The only vendor tracker our GC actually reads.” — Tom, General Counsel at Globex"},
      leak="Loved by")
noise("framer", "'Made in Framer' badge present vs absent", pages.framer, {"badge": False}, {"badge": True})

noise("wordpress", "Cookie Notice plugin banner absent vs present", pages.wordpress, {},
      {"cookie": pages.WP_COOKIE_NOTICE.format(text=pages.COOKIE_TEXT_A)})
POST_VIEWS = ('<div class="post-views content-post post-123 entry-meta">'
              '<span class="post-views-icon dashicons dashicons-chart-bar"></span> '
              '<span class="post-views-label">Post Views:</span> <span class="post-views-count">{}</span></div>')
page_noise("wordpress", "post views counter in entry-content (1,234 -> 1,240)", pages.wordpress,
           {"views": POST_VIEWS.format("1,234")}, {"views": POST_VIEWS.format("1,240")})
JETPACK_SHARE = ('<div class="sharedaddy sd-sharing-enabled">'
                 '<div class="robots-nocontent sd-block sd-social sd-social-icon-text sd-sharing">'
                 '<h3 class="sd-title">Share this:</h3>'
                 '<div class="sd-content"><ul><li class="share-twitter">'
                 '<a rel="nofollow noopener noreferrer" class="share-twitter sd-button share-icon" '
                 'href="/terms/?share=twitter" target="_blank" title="Click to share on Twitter"><span>Twitter</span>'
                 '</a></li>'
                 '<li class="share-facebook">'
                 '<a class="share-facebook sd-button share-icon" href="/terms/?share=facebook" title="Click to share '
                 'on Facebook"><span>Facebook</span></a></li>{more}<li class="share-end"></li></ul></div></div></div>')
noise("wordpress", "Jetpack share buttons: a network added", pages.wordpress, {"share": JETPACK_SHARE.format(more="")},
      {"share": JETPACK_SHARE.format(more='<li class="share-linkedin">'
                                          '<a class="share-linkedin sd-button share-icon" '
                                          'href="/terms/?share=linkedin" title="Click to share on LinkedIn">'
                                          '<span>LinkedIn</span></a></li>')},
      leak="Share this")
POSTED_ON = ('<div class="entry-meta"><span class="posted-on">Posted on '
             '<time class="entry-date published" datetime="2024-05-03">May 3, 2024</time>'
             '<time class="updated" datetime="{}">{}</time></span> by <span class="author vcard">admin</span></div>')
page_noise("wordpress", "theme's posted-on/updated line changes", pages.wordpress,
           {"modified": POSTED_ON.format("2025-11-03", "November 3, 2025")},
           {"modified": POSTED_ON.format("2026-01-06", "January 6, 2026")})

noise("hubspot", "smart CTA A/B inside <main> (heading + button)", pages.hubspot, {},
      {"cta": "Trusted by 6,000+ companies worldwide", "cta_button": "Book a demo"}, leak="Get started free")
noise("hubspot", "HubSpot cookie banner absent vs present", pages.hubspot, {},
      {"cookie": pages.HUBSPOT_COOKIE.format(text=pages.COOKIE_TEXT_A)})

page_noise("freshdesk", "'Modified on' re-saved (Mon, 5 Jan, 2026 at 10:12 AM -> Tue, 6 Jan, 2026 at 3:40 PM)",
           pages.freshdesk, {}, {"modified": "Modified on: Tue, 6 Jan, 2026 at 3:40 PM"})
page_noise("freshdesk", "related articles rotate", pages.freshdesk, {},
           {"related": ("Cookie Policy", "Security", "Acceptable Use Policy")})

page_noise("readme", "'Updated about 2 months ago' -> 'Updated 3 months ago'", pages.readme, {},
           {"updated": "Updated 3 months ago"})
page_noise("readme", "'What's Next' links change", pages.readme, {},
           {"whats_next": ("Data Processing Addendum", "Subprocessors")}, leak="What’s Next")

page_noise("mslearn", "article date (numeric MM/DD/YYYY) recalculated", pages.mslearn, {}, {"date": "01/06/2026"},
           leak="03/04/2025")
page_noise("mslearn", "contributors count", pages.mslearn, {}, {"contributors": "4 contributors"})

noise("termly", "shell promo strip text (no prose tags anywhere)", pages.termly, {},
      {"shell_cta": "Save 20% on annual plans this week"}, leak="Sign up", documents=(pages.TERMS, pages.TERMS[:3]))
noise("termly", "shell copyright year", pages.termly, {"year": "2025"}, {"year": "2026"},
      documents=(pages.TERMS, pages.TERMS[:3]))
page_noise("termly", "'Last updated January 05, 2026' -> 'February 02, 2026'", pages.termly, {},
           {"stamp": "February 02, 2026"}, document=pages.TERMS)

page_noise("iubenda", "'Latest update' re-dated", pages.iubenda, {}, {"latest": "February 02, 2026"})

noise("nextjs", "content inline vs streamed behind a Suspense fallback ('Loading…')", pages.nextjs, {},
      {"streamed": True})
noise("nextjs", "streamed with skeleton fallback text both times, skeleton copy differs", pages.nextjs,
      {"streamed": True, "fallback": "Loading terms…"},
      {"streamed": True, "fallback": "Fetching the latest version…"})
noise("nextjs", "build id shown in footer", pages.nextjs, {"build": "Build 4f3a9c1"}, {"build": "Build 7b21e0d"})
noise("nextjs", "OneTrust banner absent vs present", pages.nextjs, {},
      {"banner": pages.ONETRUST.format(text=pages.COOKIE_TEXT_A)})

page_noise("notion", "'Last edited' property changes (no wording change)", pages.notion, {},
           {"edited": "Last edited: January 9, 2026 11:02 AM"}, document=pages.TERMS)
noise("notion", "topbar CTA text", pages.notion, {}, {"cta": "Try Notion"}, leak="Get Notion free",
      documents=(pages.TERMS, pages.TERMS[:3]))

for name, banner in pages.CUSTOM_COOKIE.items():
    noise("plain", f"custom cookie banner ({name}) absent vs present", pages.plain, {},
          {"after": banner.format(text=pages.COOKIE_TEXT_A)})
for name, banner in (("cookieconsent v3", pages.COOKIECONSENT_V3), ("Silktide v1", pages.SILKTIDE_V1),
                     ("Didomi", pages.DIDOMI), ("TrustArc", pages.TRUSTARC), ("OneTrust", pages.ONETRUST)):
    noise("plain", f"{name} banner text changes", pages.plain, {"after": banner.format(text=pages.COOKIE_TEXT_A)},
          {"after": banner.format(text=pages.COOKIE_TEXT_B)})
noise("plain", "Crisp chat (DOM) greeting/availability", pages.plain,
      {"after": pages.CRISP.format(greeting="Hi, questions? We're online!", availability="We reply in a few minutes")},
      {"after": pages.CRISP.format(greeting="Hi, questions?", availability="We reply in under 3 hours")})
noise("plain", "Intercom lightweight launcher greeting", pages.plain,
      {"after": pages.INTERCOM_LAUNCHER.format(greeting="Hi there 👋",
                                               availability="The team typically replies in a few minutes")},
      {"after": pages.INTERCOM_LAUNCHER.format(greeting="Hello 👋",
                                               availability="The team typically replies in 2 hours")})
noise("plain", "Drift chat (iframes) absent vs present", pages.plain, {}, {"after": pages.DRIFT})
noise("plain", "newsletter box after the terms (with field)", pages.plain, {},
      {"after": pages.NEWSLETTER.format(text="Product news and legal updates, once a month.")})
noise("plain", "announcement top-bar before the content", pages.plain, {},
      {"before": pages.ANNOUNCE["top-bar"].format(text=pages.ANNOUNCE_A)})
noise("plain", "'Back to top' + share row after the terms", pages.plain, {},
      {"after": '<div class="share-row"><span>Share:</span> <a href="https://twitter.com/intent/tweet?url=x">Twitter'
                '</a> <a href="https://www.linkedin.com/sharing/share-offsite/?url=x">LinkedIn</a> '
                '<a href="#top">Back to top ↑</a></div>'})
noise("plain", "locale switcher row (links) before the content", pages.plain, {},
      {"before": '<div class="wrap"><div class="lang-links"><a href="/de/terms" hreflang="de">Deutsch</a> | '
                 '<a href="/fr/terms" hreflang="fr">Français</a> | <a href="/es/terms" hreflang="es">Español</a></div>'
                 '</div>'})
noise("plain", "region selector ('Shipping to: Germany')", pages.plain,
      {"before": '<div class="wrap"><div class="region-select"><span>Region:</span> '
                 '<a href="/choose-region">United States (English)</a></div></div>'},
      {"before": '<div class="wrap"><div class="region-select"><span>Region:</span> '
                 '<a href="/choose-region">Germany (Deutsch)</a></div></div>'})
noise("plain", "breadcrumb without list/nav (divs, '>' separators)", pages.plain, {},
      {"before": '<div class="wrap"><div class="crumbs"><a href="/">Home</a> &gt; <a href="/legal">Legal</a> &gt; '
                 '<span>Terms of Service</span></div></div>'})
noise("plain", "CSRF token printed in a debug footer", pages.plain,
      {"after": '<div class="debug">Request ID: 9f2c1e7a-4b1d-4c1e-9a2f-1b2c3d4e5f60</div>'},
      {"after": '<div class="debug">Request ID: 0a1b2c3d-5e6f-4a7b-8c9d-0e1f2a3b4c5d</div>'})
# Lines inside the document's own block: stamps, reading times, a copyright line.
pair("noise", "plain", "'6 min read' under the title -> '7 min read' (template miscounts)",
     pages.plain(TITLE, '<p class="meta">6 min read</p>' + LEGAL),
     pages.plain(TITLE, '<p class="meta">7 min read</p>' + LEGAL))
for old, new, label in (
        ("Updated 2d ago", "Updated 3d ago", "compact '2d ago'"),
        ("Updated 5 mins ago", "Updated 40 mins ago", "'mins ago'"),
        ("Updated 1 hr ago", "Updated 3 hrs ago", "'hr ago'"),
        ("Updated a moment ago", "Updated moments ago", "'moments ago'"),
        ("Updated on Monday", "Updated on Thursday", "weekday"),
        ("Last updated: Jan 5", "Last updated: Feb 2", "month-day without year"),
        ("Updated last month", "Updated 2 months ago", "'last month' -> '2 months ago'"),
        ("Mis à jour il y a 3 jours", "Mis à jour il y a 5 jours", "French 'il y a 3 jours'"),
        ("Aktualisiert vor 2 Tagen", "Aktualisiert vor 3 Tagen", "German dative plural 'vor 2 Tagen'"),
        ("Actualizado hace 2 días", "Actualizado hace 3 días", "Spanish 'hace 2 días'"),
        ("Updated 2 weeks ago", "Updated 1 month ago", "'2 weeks ago' -> '1 month ago'"),
        ("Last updated: 2026-01-05 14:03 UTC", "Last updated: 2026-01-06 09:12 UTC", "ISO stamp with time"),
        ("Effective date: 5 January 2026", "Effective date: 2 February 2026", "effective date (DMY)"),
        ("© 2025 Northwind Labs", "© 2026 Northwind Labs", "copyright year in the block")):
    pair("noise", "plain", f"timestamp form: {label}", pages.plain(TITLE, f"<p>{old}</p>" + LEGAL),
         pages.plain(TITLE, f"<p>{new}</p>" + LEGAL))
pair("noise", "plain", "timestamp form: version number bump with stamp",
     pages.plain(TITLE, "<p>Version 3.2 — Last updated January 5, 2026</p>" + LEGAL),
     pages.plain(TITLE, "<p>Version 3.3 — Last updated February 2, 2026</p>" + LEGAL),
     open_because="a version number is digits, which the spec never calls editorial, but it only numbers the "
                  "edition its stamp dates")

# Real changes: each must stay substantive.
for page in (pages.zendesk, pages.intercom, pages.docusaurus, pages.webflow, pages.framer, pages.hubspot, pages.nextjs,
             pages.plain):
    for mutate, label in ((pages.digit_change, "30 -> 90 days"), (pages.not_inserted, "'not' inserted"),
                          (pages.sentence_added, "sentence added"), (pages.opt_in_to_out, "opt in -> opt out")):
        change(page.__name__, label, page, pages.terms_html(mutate=mutate))
NINETY_DAYS = [(head, [pages.digit_change(p) for p in paras]) for head, paras in pages.TERMS]
pair("change", "termly", "30 -> 90 days (div-only text)", pages.termly(TITLE), pages.termly(TITLE, NINETY_DAYS))
pair("change", "notion", "30 -> 90 days (div-only text)", pages.notion(TITLE), pages.notion(TITLE, NINETY_DAYS))
ANNEX = "<h2>Annex 3 — Subprocessors</h2><p>The Customer authorises the following subprocessors:</p>"
MORE_SUBPROCESSORS = [*pages.SUBPROCESSORS, ("Example Inference, Inc.", "AI inference", "United States")]
pair("change", "plain", "subprocessor table: a row added",
     pages.plain("Subprocessors", LEGAL + ANNEX + pages.subprocessor_table()),
     pages.plain("Subprocessors", LEGAL + ANNEX + pages.subprocessor_table(MORE_SUBPROCESSORS)))
pair("change", "plain", "subprocessor table (names linked, table only): a row added",
     pages.plain("Subprocessors", ANNEX + pages.subprocessor_table(linked=True)),
     pages.plain("Subprocessors", ANNEX + pages.subprocessor_table(MORE_SUBPROCESSORS, linked=True)))


def _linked_list(rows: list[tuple[str, str, str]]) -> str:
    items = "".join(f'<li><a href="https://{name.split()[0].lower()}.example">{name}</a></li>' for name, _, _ in rows)
    return f"<ul>{items}</ul>"


pair("change", "plain", "subprocessor list as bare <ul> of links: an entry added",
     pages.plain("Subprocessors", ANNEX + _linked_list(pages.SUBPROCESSORS)),
     pages.plain("Subprocessors", ANNEX + _linked_list(MORE_SUBPROCESSORS)))
pair("change", "webflow", "privacy policy's own 'Cookies' section: retention 14 -> 26 months",
     pages.webflow("Privacy Policy", pages.terms_html(pages.TERMS[:2]) + pages.PRIVACY_COOKIES),
     pages.webflow("Privacy Policy",
                   pages.terms_html(pages.TERMS[:2]) + pages.PRIVACY_COOKIES.replace("14 months", "26 months")))
POLICIES = ["Acceptable Use Policy", "Privacy Policy", "Data Processing Addendum", "Service Level Agreement",
            "Support Policy", "Security Addendum"]
INCORPORATED = ("<h2>Incorporated policies</h2><ul>"
                + "".join(f'<li><a href="/legal/{i}">{p}</a></li>' for i, p in enumerate(POLICIES)) + "</ul>")
pair("change", "plain", "terms whose clause is a list of linked policies: one added",
     pages.plain(TITLE, LEGAL + INCORPORATED),
     pages.plain(TITLE, LEGAL + INCORPORATED.replace("</ul>", '<li><a href="/legal/9">AI Services Addendum</a></li>'
                                                              '</ul>')),
     open_because=LINKED_POLICIES)
pair("change", "plain", "page wrapped in role=dialog by a site builder: 30 -> 90 days",
     f"<html><body><div role='dialog' aria-modal='true' class='lightbox'><div class='legal'><h2>Terms</h2>{LEGAL}</div>"
     "</div></body></html>",
     "<html><body><div role='dialog' aria-modal='true' class='lightbox'><div class='legal'><h2>Terms"
     f"</h2>{pages.terms_html(mutate=pages.digit_change)}</div></div></body></html>")

# Legal passages that must be read, in shapes that look like chrome.
keep("plain", "privacy policy section with id=cookie-banner-policy (section about the banner itself)",
     pages.plain("Privacy Policy",
                 LEGAL + '<section id="cookie-banner-settings" class="policy-section"><h2>Our cookie banner</h2>'
                 '<p>When you first visit, our cookie banner asks for your consent to analytics cookies. '
                 'You can withdraw consent at any time.</p></section>'),
     "withdraw consent at any time")
keep("plain", "policy section in <aside> (key facts box)",
     pages.plain(TITLE, '<aside class="summary"><h2>Key points</h2><p>We never sell your personal data, and we delete '
                        'Customer Content 30 days after you close your account.</p></aside>' + LEGAL),
     "never sell your personal data")
keep("plain", "clause inside <header> of the document block (effective date + scope)",
     pages.plain(TITLE, '<header class="doc-head"><p>These Terms apply to all customers who signed up after '
                        'January 5, 2026, and replace all earlier versions.</p></header>' + LEGAL),
     "replace all earlier versions")
keep("plain", "notice styled as .alert inside the terms ('Important: arbitration')",
     pages.plain(TITLE, '<div class="alert alert-warning notice-banner"><p><strong>IMPORTANT:</strong> These Terms '
                        'contain a binding arbitration clause and a class action waiver. Please read Section 8 '
                        'carefully.</p></div>' + LEGAL),
     "binding arbitration clause")
keep("plain", "arbitration notice in role=alert at top of the terms",
     pages.plain(TITLE, '<div role="alert" class="callout"><p>PLEASE READ: these Terms require arbitration of '
                        'disputes on an individual basis and waive jury trials.</p></div>' + LEGAL),
     "require arbitration")
keep("plain", "terms inside <form> (ASP.NET page) with a search box",
     '<html><body><form method="post" action="./terms.aspx" id="aspnetForm">'
     '<input type="hidden" name="__VIEWSTATE" value="x"><div class="search"><input type="text" name="q"></div>'
     f'<div class="content"><h1>{TITLE}</h1>{LEGAL}</div></form></body></html>', "permanently erased")
keep("plain", "short policy in a card that has an acceptance checkbox + email field (a clickwrap)",
     pages.plain(TITLE, '<div class="card"><h2>Beta Program Terms</h2><p>Beta features are provided as is, without '
                        'warranty, and may be withdrawn at any time. We may use feedback you submit without obligation '
                        'to you.</p><label><input type="checkbox"> I agree</label>'
                        '<input type="email" placeholder="Work email"></div>' + LEGAL),
     "provided as is, without warranty")
keep("plain", "subprocessor table of linked names only (table of links)",
     pages.plain("Subprocessors", ANNEX + pages.subprocessor_table(linked=True) + LEGAL), "Stripe, Inc.")
keep("plain", "linked-policies clause as a <ul> of 6 links", pages.plain(TITLE, LEGAL + INCORPORATED),
     "Service Level Agreement", open_because=LINKED_POLICIES)
keep("plain", "translated-versions clause listing languages",
     pages.plain(TITLE, LEGAL + '<h2>8. Language</h2><div class="languages"><p>These Terms are available in English, '
                                'Deutsch, Français and Español. If versions conflict, the English version prevails.'
                                '</p></div>'),
     "English version prevails")
keep("plain", "policy clause about the announcement of changes in a .notification-banner-policy div",
     pages.plain(TITLE, LEGAL + '<div class="notification-banner"><h2>9. Changes to these Terms</h2>'
                                '<p>We will notify you of material changes by email and by a banner in the product at '
                                'least 30 days before they take effect.</p></div>'),
     "at least 30 days before")
keep("zendesk", "legal article with inline 'Was this helpful' words inside the body",
     pages.zendesk(TITLE, LEGAL + "<p>Was this article helpful? If not, you may contact legal@northwind.example and we "
                                  "will respond within 10 business days.</p>"),
     "within 10 business days")
keep("webflow", "legal page starting 'Oops! ...' no; a terms page whose lead mentions errors",
     pages.webflow(TITLE, "<p>Something went wrong? If the Services are unavailable for more than 4 hours, you are "
                          "entitled to service credits.</p>" + LEGAL),
     "service credits")
for section_id, heading in (("ccpa-notice", "Notice to California Residents (CCPA)"),
                            ("cookie-consent", "Cookie consent"),
                            ("gdpr-consent", "Legal bases and consent under the GDPR"), ("language", "Language")):
    keep("plain", f"privacy-policy section anchored id='{section_id}' (anchor from its heading)",
         pages.plain("Privacy Policy",
                     LEGAL + f'<section id="{section_id}"><h2>{heading}</h2><p>California residents may request access '
                     'to or deletion of their personal information by emailing privacy@northwind.example; we respond '
                     'within 45 days.</p></section>'),
         "we respond within 45 days")
# A short document in a help centre's frame, which also holds a search field.
SHORT = ("<h2>Subprocessors</h2><p>Northwind uses the following subprocessors to provide the Services: Amazon Web "
         "Services (hosting, United States), Stripe (payments, United States) and Twilio (email delivery, United "
         "States). We will give 30 days notice before adding a new subprocessor.</p>")
keep("intercom", "short (~330 chars) document in Intercom frame with a search field in the header",
     pages.intercom("Subprocessors", SHORT), "30 days notice")
keep("zendesk", "short (~330 chars) document in Zendesk frame (search box in <main>)",
     pages.zendesk("Subprocessors", SHORT), "30 days notice")

# Error pages: each must be a failed fetch, never a version of the terms.
error("zendesk", "Zendesk error page in full frame",
      pages.plain("Northwind Help Center", "", before='<div class="wrap"><div class="error-page">'
                                                      '<h1>Oops, we can’t find that page.</h1><h2>Return to '
                                                      '<a href="/hc">Northwind Help Center</a></h2></div></div>'))
error("zendesk", "'Oops, we can't find that page' inside the whole Zendesk frame (article layout)",
      pages.zendesk("Oops, we can’t find that page", "<p>The page you requested may have moved. Return to the Help "
                                                     "Center.</p>"))
error("zendesk", "Zendesk 'You're not authorized to access this page'",
      pages.plain("Sign in – Northwind", "", before='<div class="wrap"><div class="error-page">'
                                                    '<h1>You’re not authorized to access this page</h1>'
                                                    '<p>Please sign in to view this content.</p></div></div>'))
error("intercom", "Intercom help centre 'We couldn't find that page'",
      pages.intercom("Northwind Help Center", '<div><h2>We couldn’t find that page</h2><p>Try searching or '
                                              '<a href="/en/">go back to the home page</a>.</p></div>'))
error("cloudflare", "Cloudflare 'Just a moment...'",
      '<!DOCTYPE html><html lang="en-US"><head><title>Just a moment...</title></head><body>'
      '<div class="main-wrapper" role="main"><div class="main-content"><h1 class="zone-name-title h1">northwind.example'
      '</h1>'
      '<h2 class="h2" id="challenge-running">Checking if the site connection is secure</h2><noscript>'
      '<div id="challenge-error-title"><div class="h2"><span class="icon-wrapper">'
      '<div class="heading-icon warning-icon"></div></span>'
      '<span id="challenge-error-text">Enable JavaScript and cookies to continue</span></div></div></noscript>'
      '<div id="challenge-body-text" class="core-msg spacer">northwind.example needs to review the security of your '
      'connection before proceeding.</div></div></div>'
      '<script>(function(){window._cf_chl_opt={cvId: \'3\',cZone: "northwind.example"};}());</script>'
      '<div class="footer" role="contentinfo"><div class="footer-inner"><div class="clearfix diagnostic-wrapper">'
      '<div class="ray-id">Ray ID: <code>8a1b2c3d4e5f6a7b</code></div></div>'
      '<div class="text-center" id="footer-text">Performance &amp; security by '
      '<a rel="noopener noreferrer" href="https://www.cloudflare.com" target="_blank">Cloudflare</a></div></div></div>'
      '</body></html>')
error("cloudflare", "Cloudflare 'Attention Required' block",
      '<html><head><title>Attention Required! | Cloudflare</title></head><body><div id="cf-wrapper">'
      '<div id="cf-error-details" class="cf-error-details-wrapper"><div class="cf-wrapper cf-header cf-error-overview">'
      '<h1 data-translate="block_headline">Sorry, you have been blocked</h1><h2 class="cf-subheadline">'
      '<span data-translate="unable_to_access">You are unable to access</span> northwind.example</h2></div>'
      '<div class="cf-section cf-wrapper"><div class="cf-columns two"><div class="cf-column">'
      '<h2 data-translate="blocked_why_headline">Why have I been blocked?</h2>'
      '<p data-translate="blocked_why_detail">This website is using a security service to protect itself from online '
      'attacks. The action you just performed triggered the security solution.</p></div></div></div>'
      '<div class="cf-error-footer cf-wrapper"><p><span class="cf-footer-item">Cloudflare Ray ID: '
      '<strong>8a1b2c3d4e5f6a7b</strong></span></p></div></div></div></body></html>')
error("nextjs", "Next.js default 404",
      '<!DOCTYPE html><html><head><title>404: This page could not be found.</title></head><body><div id="__next">'
      '<div style="font-family:system-ui;height:100vh;text-align:center;display:flex;flex-direction:column;'
      'align-items:center;justify-content:center"><div>'
      '<h1 class="next-error-h1" style="display:inline-block;margin:0 20px 0 0;padding:0 23px 0 '
      '0;font-size:24px;font-weight:500;vertical-align:top;line-height:49px">404</h1><div style="display:inline-block">'
      '<h2 style="font-size:14px;font-weight:400;line-height:49px;margin:0">This page could not be found.</h2></div>'
      '</div></div></div></body></html>')
error("nextjs", "Next.js custom 404 in the full site frame (long frame)",
      pages.nextjs("Page not found", "").replace('<h1 class="text-4xl">Page not found</h1>'
                                                 '<p class="text-sm text-muted">Last updated January 5, 2026</p>',
                                                 '<h1 class="text-4xl">404</h1>'
                                                 '<p>Sorry, we couldn’t find the page you’re looking for.</p>'
                                                 '<a href="/">Go back home</a>'))
error("nextjs", "Next.js 500 'Application error: a client-side exception'",
      '<html><head><title>Northwind</title></head><body><div id="__next">'
      '<h2>Application error: a client-side exception has occurred (see the browser console for more information).</h2>'
      '</div></body></html>')
error("generic", "nginx 403 Forbidden",
      '<html><head><title>403 Forbidden</title></head><body><center><h1>403 Forbidden</h1></center><hr><center>nginx'
      '</center></body></html>')
error("generic", "Akamai 'Access Denied'",
      '<HTML><HEAD><TITLE>Access Denied</TITLE></HEAD><BODY><H1>Access Denied'
      '</H1>You don\'t have permission to access '
      '"http&#58;&#47;&#47;www&#46;northwind&#46;example&#47;legal&#47;terms" on this server.'
      '<P>Reference&#32;&#35;18&#46;4a1b2c3d&#46;1700000000&#46;1a2b3c4d</BODY></HTML>')
error("generic", "maintenance 'We'll be back soon' in Webflow frame",
      pages.webflow("Maintenance", "<p>We’ll be back soon! Northwind is undergoing scheduled maintenance. Thank you "
                                   "for your patience.</p>").replace(
          '<h1 class="heading-legal">Maintenance</h1>', '<h1 class="heading-legal">We’ll be back soon</h1>'))
error("generic", "maintenance 'Scheduled maintenance' bare",
      '<html><head><title>Northwind</title></head><body><h1>Scheduled maintenance</h1>'
      '<p>We are performing scheduled maintenance. We should be back online shortly.</p></body></html>')
error("generic", "login wall in site frame ('Sign in to continue')",
      pages.plain("Sign in", "", before='<div class="wrap"><div class="auth"><h1>Sign in to continue</h1>'
                                        '<p>You need to be signed in to view this page.</p><form><input type="email">'
                                        '<input type="password"><button>Sign in</button></form></div></div>'))
error("generic", "SPA shell 'You need to enable JavaScript to run this app.'",
      '<!doctype html><html lang="en"><head><title>Northwind</title></head><body>'
      '<noscript>You need to enable JavaScript to run this app.</noscript><div id="root"></div></body></html>')
error("generic", "SPA shell with visible 'Please enable JavaScript' div and site frame",
      pages.plain("Northwind", "", before='<div class="wrap"><div class="nojs">'
                                          '<p>Please enable JavaScript in your browser to view this page.</p></div>'
                                          '</div>'))
error("generic", "soft 404 'This page doesn't exist' in Framer frame",
      pages.framer("404", "<p>This page doesn’t exist. Try going back to the homepage.</p>").replace(
          '<h1 class="framer-text framer-styles-preset-hd1">404</h1>',
          '<h1 class="framer-text framer-styles-preset-hd1">Page not found</h1>'))
error("generic", "soft 404 'Nothing here' with no error words in English",
      pages.plain("Northwind", "", before='<div class="wrap"><h1>Hmm, nothing to see here</h1>'
                                          '<p>The link you followed may be broken, or the page may have been removed.'
                                          '</p></div>'))
error("generic", "expired/removed document 'This document is no longer available'",
      pages.plain("Northwind", "", before='<div class="wrap"><h1>This document is no longer available</h1>'
                                          '<p>It has been replaced by a newer version.</p></div>'))
for what, lead, title in (
        ("German 404 'Seite nicht gefunden' in frame",
         "<h1>Seite nicht gefunden</h1><p>Die angeforderte Seite existiert nicht.</p>", "Fehler"),
        ("French 'Oups ! Cette page est introuvable'",
         "<h1>Oups\u00a0! Cette page est introuvable.</h1><p>Retour à l’accueil</p>", "Northwind"),
        ("Spanish 'Lo sentimos, no podemos encontrar esa página'",
         "<h1>Lo sentimos, no podemos encontrar esa página</h1><p>Vuelve al inicio.</p>", "Northwind"),
        ("Italian 'Pagina non trovata'", "<h1>Pagina non trovata</h1>", "Northwind"),
        ("Portuguese 'Página não encontrada'", "<h1>Página não encontrada</h1>", "Northwind"),
        ("Dutch 'Pagina niet gevonden'", "<h1>Pagina niet gevonden</h1>", "Northwind"),
        ("Japanese 404 'ページが見つかりません'",
         "<h1>ページが見つかりません</h1><p>お探しのページは存在しません。</p>", "Northwind"),
        ("German maintenance 'Wartungsarbeiten'",
         "<h1>Wartungsarbeiten</h1><p>Wir sind bald wieder für Sie da.</p>", "Northwind")):
    error("i18n", what, pages.plain(title, "", before=f'<div class="wrap">{lead}</div>'))
error("i18n", "French 'Accès refusé'",
      '<html><head><title>Accès refusé</title></head><body><h1>Accès refusé</h1>'
      '<p>Vous n’avez pas l’autorisation d’accéder à cette page.</p></body></html>')
error("i18n", "Spanish Zendesk 'Vaya, no podemos encontrar esa página'",
      pages.plain("Centro de ayuda", "", before='<div class="wrap"><div class="error-page">'
                                                '<h1>Vaya, no podemos encontrar esa página.</h1><h2>Volver a '
                                                '<a href="/hc/es">Centro de ayuda</a></h2></div></div>'))
error("i18n", "German Intercom 'Wir konnten diese Seite nicht finden'",
      pages.intercom("Hilfe", '<div><h2>Wir konnten diese Seite nicht finden</h2><p>Versuchen Sie es mit der Suche.</p>'
                              '</div>'))
error("i18n", "French Intercom 'Nous n'avons pas trouvé cette page'",
      pages.intercom("Aide", '<div><h2>Nous n’avons pas trouvé cette page</h2><p>Essayez la recherche.</p></div>'))
# Error pages whose frame holds more text than the message: popular-article cards under it.
CARDS = ('<section class="promoted-articles"><h2>Popular articles</h2><ul class="promoted-articles-list">' + "".join(
    f'<li class="promoted-articles-item"><a href="/hc/articles/{i}">{t}</a><p>{d}</p></li>' for i, (t, d) in enumerate((
        ("Getting started with Northwind",
         "Set up your workspace, invite your team and connect your first data source in a few minutes."),
        ("Managing billing and invoices",
         "Change your plan, update payment details and download invoices for your accounting team."),
        ("Single sign-on (SAML)",
         "Configure SAML single sign-on with your identity provider and enforce it for your organisation."),
        ("Exporting your data", "Export workspaces, files and audit logs in open formats whenever you need them."),
        ("Security at Northwind",
         "Learn how we protect your data with encryption at rest and in transit and regular audits."))))
         + "</ul></section>")
for what, lead in (
        ("Zendesk EN 'Oops. The page you were looking for doesn't exist'",
         "<h1>Oops.</h1><h2>The page you were looking for doesn’t exist</h2>"
         "<p>You may have mistyped the address or the page may have moved.</p>"),
        ("Zendesk EN unauthorized 'You're not authorized to access this page'",
         "<h1>Oops.</h1><h2>You’re not authorized to access this page</h2>"),
        ("Zendesk ES 'Vaya. La página que busca no existe'",
         "<h1>Vaya.</h1><h2>La página que busca no existe</h2>"
         "<p>Es posible que haya escrito mal la dirección o que la página se haya movido.</p>"),
        ("Zendesk DE 'Hoppla. Die gesuchte Seite existiert nicht'",
         "<h1>Hoppla.</h1><h2>Die gesuchte Seite existiert nicht</h2>"
         "<p>Möglicherweise haben Sie die Adresse falsch eingegeben oder die Seite wurde verschoben.</p>"),
        ("Zendesk FR 'Oups. La page que vous recherchez n'existe pas'",
         "<h1>Oups.</h1><h2>La page que vous recherchez n’existe pas</h2>"
         "<p>Vous avez peut-être fait une erreur en tapant l’adresse ou la page a peut-être été déplacée.</p>"),
        ("Intercom EN 'We couldn't find that page'",
         "<h1>We couldn’t find that page</h1><p>Try searching for what you need.</p>"),
        ("Intercom DE 'Wir konnten diese Seite nicht finden'",
         "<h1>Wir konnten diese Seite nicht finden</h1><p>Versuchen Sie es mit der Suche.</p>"),
        ("Intercom FR 'Nous n'avons pas trouvé cette page'",
         "<h1>Nous n’avons pas trouvé cette page</h1><p>Essayez la recherche.</p>"),
        ("maintenance EN 'We'll be back soon!'",
         "<h1>We’ll be back soon!</h1><p>Sorry for the inconvenience. We’re performing some maintenance at the moment."
         "</p>"),
        ("maintenance DE 'Wartungsarbeiten'", "<h1>Wartungsarbeiten</h1><p>Wir sind bald wieder für Sie da.</p>"),
        ("login wall 'Sign in to continue'",
         "<h1>Sign in to continue</h1><p>You need to be signed in to view this page.</p>"),
        ("removed doc 'This document is no longer available'",
         "<h1>This document is no longer available</h1><p>It has been replaced by a newer version.</p>"),
        ("FR 'Oups ! Cette page est introuvable'", "<h1>Oups\u00a0! Cette page est introuvable.</h1>"),
        ("ES 'Lo sentimos, no podemos encontrar esa página'", "<h1>Lo sentimos, no podemos encontrar esa página</h1>"),
        ("JA 'ページが見つかりません'", "<h1>ページが見つかりません</h1>"),
        ("EN 'Hmm, nothing to see here' (no error keyword)",
         "<h1>Hmm, nothing to see here</h1><p>The link you followed may be broken, or the page may have been removed."
         "</p>"),
        ("EN 'Sorry, this page has moved'",
         "<h1>Sorry, this page has moved</h1><p>Find our current legal documents on the Legal Center.</p>"),
        ("FR 'Accès refusé'", "<h1>Accès refusé</h1><p>Vous n’avez pas l’autorisation d’accéder à cette page.</p>")):
    error("heavy-frame", what,
          pages.plain("Northwind Help Center", "",
                      before=f'<div class="wrap"><div class="error-page">{lead}</div>{CARDS}</div>'))


def _read(html: str) -> Extracted | Unusable:
    return judge(FetchResult(document_id="probe", url="http://127.0.0.1/probe", fetched_at="2026-01-01T00:00:00Z",
                             status=200, content_type="text/html", body=html))


def _diff(old: str, new: str) -> str:
    return "\n".join(line for line in difflib.unified_diff(old.split("\n"), new.split("\n"), lineterm="", n=0)
                     if line[:1] in "+-" and line[:3] not in ("+++", "---"))


def _frame(probe: Probe, old: Extracted, new: Extracted) -> str:
    """Whether the site-frame rule would take the false change back, were another page of the site watched."""
    if probe.sibling is None:
        return "noise of this page alone, which no site frame holds"
    others = [_read(html) for html in probe.sibling]
    if not all(isinstance(other, Extracted) for other in others):
        return "the site's other page is unusable"
    frame = site_frame([edges(old.text), edges(new.text)], [edges(o.text) for o in others if isinstance(o, Extracted)])
    if significance(old.text, new.text, frame) == EDITORIAL:
        return "the site frame hides it when another page of the site is watched"
    return "the site frame does not hide it"


def evaluate(probe: Probe) -> Result:
    """Read the probe's pages as `termwatch run` would and say whether the outcome is the one expected."""
    old = _read(probe.old)
    if probe.kind == "error":
        if isinstance(old, Unusable):
            return Result(True, f"failed fetch ({old.reason})")
        return Result(False, f"read as terms ({len(old.normalised)} characters)", old.text[:600])
    if probe.kind == "keep":
        if isinstance(old, Unusable):
            return Result(False, f"whole page judged unusable ({old.reason})")
        return Result(True, "kept") if probe.must_keep in old.text else Result(False, f"lost {probe.must_keep!r}")
    new = _read(probe.new)
    if isinstance(old, Unusable) or isinstance(new, Unusable):
        return Result(False, "judged unusable: " + "; ".join(r.reason for r in (old, new) if isinstance(r, Unusable)))
    note = f"'{probe.leak}' is read as terms" if probe.leak and probe.leak in old.text + new.text else ""
    if old.sha256 == new.sha256:
        return Result(probe.kind == "noise", "same text" if probe.kind == "noise" else "lost: same text", note=note)
    found = significance(old.text, new.text)
    diff = _diff(old.text, new.text)
    if probe.kind == "change":
        return Result(found != EDITORIAL, found if found != EDITORIAL else "lost: read as an editorial edit", diff)
    if found == EDITORIAL:
        return Result(True, "editorial edit", diff, note)
    return Result(False, f"false change ({_frame(probe, old, new)})", diff, note)


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("-v", "--verbose", action="store_true", help="show what was read for each failure")
    parser.add_argument("only", nargs="?", default="", help="only the probes whose template or description has this")
    args = parser.parse_args(argv)
    probes = [p for p in PROBES if args.only in p.template or args.only in p.what]
    results = [(p, evaluate(p)) for p in probes]

    print(f"{'probe kind':<30} {'probes':>7} {'failures':>9} {'open':>5} {'open, not as expected':>22}")
    for kind, label in [*KINDS.items(), ("", "all")]:
        rows = [(p, r) for p, r in results if kind in ("", p.kind)]
        failures = sum(not r.ok and not p.open_because for p, r in rows)
        open_results = [r for p, r in rows if p.open_because]
        print(f"{label:<30} {len(rows):>7} {failures:>9} {len(open_results):>5} "
              f"{sum(not r.ok for r in open_results):>22}")

    def show(probe: Probe, result: Result) -> None:
        print(f"  {probe.kind:<6} {probe.template:<11} {probe.what}: {result.outcome}")
        if probe.open_because:
            print(f"{'':<21}{'as expected' if result.ok else 'NOT as expected'}; open because {probe.open_because}")
        if args.verbose and result.detail and not result.ok:
            print("      " + result.detail[:900].replace("\n", "\n      "))

    failed = [(p, r) for p, r in results if not r.ok and not p.open_because]
    print(f"\nFailures ({len(failed)}):")
    for probe, result in failed:
        show(probe, result)
    opened = [(p, r) for p, r in results if p.open_because]
    print(f"\nOpen: the spec leaves these to judgement; the probe's expectation is kept, not counted ({len(opened)}):")
    for probe, result in opened:
        show(probe, result)
    noted = [(p, r) for p, r in results if r.ok and r.note]
    if noted:
        print(f"\nNoise read as terms that did not change the text ({len(noted)}):")
        for probe, result in noted:
            print(f"  {probe.kind:<6} {probe.template:<11} {probe.what}: {result.note}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
