"""More extraction probes on pages we will never see: site templates not in unseen_templates.py (site builders,
a published Google Doc, a trust center, docs builders, wikis, CMSs, store policies, a support portal), each modelled
on the markup its platform renders. Same kinds and report as unseen_templates.py.
Run: python benchmarks/unseen_templates2.py [-v] [filter]"""

from __future__ import annotations

import re
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))
sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

import unseen_pages as pages  # noqa: E402
import unseen_templates as base  # noqa: E402
from unseen_templates import Probe  # noqa: E402

Sections = pages.Sections

# ---------------------------------------------------------------------------------------------------------------
# Legal prose written for these probes (Northwind is the vendor, Acme a customer; every sentence is our own).
DPA: Sections = [
    ("1. Scope and roles",
     ["This Data Processing Addendum (the “Addendum”) forms part of the agreement between Northwind Labs, Inc. "
      "(“Northwind”) and the customer named in the order form (“Customer”) and applies whenever Northwind processes "
      "Customer Personal Data on Customer’s behalf.",
      "Customer is the controller of Customer Personal Data and Northwind is its processor. Northwind will process "
      "Customer Personal Data only on Customer’s documented instructions, which include this Addendum and the "
      "settings Customer chooses in the product."]),
    ("2. Confidentiality of personnel",
     ["Northwind will ensure that every employee or contractor who can access Customer Personal Data is bound by a "
      "written duty of confidentiality and has completed privacy training within the previous 12 months."]),
    ("3. Subprocessors",
     ["Customer gives general authorisation for Northwind to engage the subprocessors listed on its subprocessor "
      "page. Northwind will announce each new subprocessor at least 14 days before it starts processing, and "
      "Customer may object on reasonable data protection grounds during that period.",
      "Northwind remains liable to Customer for the acts and omissions of each subprocessor as if they were its "
      "own."]),
    ("4. Security incidents",
     ["Northwind will notify Customer without undue delay, and in any event within 48 hours, after becoming aware "
      "of a breach of security affecting Customer Personal Data, and will give Customer the information it "
      "reasonably needs to meet its own notification duties."]),
    ("5. Deletion and return",
     ["When the agreement ends Northwind will, at Customer’s choice, return or delete Customer Personal Data within "
      "30 days, unless applicable law requires Northwind to keep it. Backups are overwritten on a rolling 35-day "
      "cycle."]),
    ("6. Audits",
     ["Northwind will make its most recent independent audit report available to Customer once per calendar year "
      "on request. Customer may audit on site only where the report does not reasonably answer its questions, at "
      "Customer’s expense and on 30 days notice."]),
]
PRIVACY: Sections = [
    ("Information we collect",
     ["We collect the contact details you give us when you open an account, the files you upload, and technical "
      "data such as your IP address, browser type and the pages of the Services you visit."]),
    ("How we use information",
     ["We use personal information to provide and secure the Services, to bill you and to tell you about changes "
      "to the Services. We do not sell personal information to anyone."]),
    ("Your choices",
     ["You may ask us to access, correct or delete your personal information by writing to "
      "privacy@northwind.example, and we will answer within 30 days."]),
]
REFUNDS: Sections = [
    ("Returns",
     ["You may return most unused items within 30 days of delivery for a full refund of the item price. Items must "
      "be in their original packaging, and you pay the cost of return shipping unless the item arrived damaged."]),
    ("Refunds",
     ["Once we receive and inspect your return we will email you, and an approved refund is credited to your "
      "original payment method within 10 business days."]),
    ("Exceptions",
     ["Gift cards, downloadable products and items marked as final sale cannot be returned or refunded."]),
]
TITLE = "Data Processing Addendum"
OTHER_TITLE = "Privacy Policy"


def edit(doc: Sections, fn: Callable[[str], str]) -> Sections:
    return [(head, [fn(p) for p in paras]) for head, paras in doc]


def hours(p: str) -> str:
    return p.replace("within 48 hours", "within 72 hours").replace("within 30 days of delivery",
                                                                       "within 14 days of delivery")


def negated(p: str) -> str:
    return p.replace("Customer may object", "Customer may not object").replace(
        "You may return most", "You may not return most")


def added(p: str) -> str:
    if p.startswith("When the agreement ends") or p.startswith("Once we receive"):
        return p + " Northwind may keep aggregated statistics that do not identify Customer or any person."
    return p


def reworded(p: str) -> str:
    return p.replace("once per calendar year", "once every two calendar years").replace(
        "you pay the cost of return shipping", "we pay the cost of return shipping")


MUTATIONS = ((hours, "48 -> 72 hours"), (negated, "'not' inserted"), (added, "sentence added"),
             (reworded, "'once per year' -> 'every two years'"))

SUBS = [
    ("Bluefin Hosting Ltd.", "Cloud infrastructure", "Ireland"),
    ("Corvid Analytics GmbH", "Product analytics", "Germany"),
    ("Larkspur Payments, Inc.", "Payment processing", "United States"),
    ("Tamarack Mail Services LLC", "Transactional email", "United States"),
    ("Quillon Support Software B.V.", "Customer support tickets", "Netherlands"),
    ("Heron Edge Networks, Inc.", "Content delivery", "United States"),
]
MORE_SUBS = [*SUBS, ("Marlowe Inference Corp.", "Hosted model inference", "Canada")]
MOVED_SUBS = [row if row[0] != "Corvid Analytics GmbH" else (row[0], row[1], "United States") for row in SUBS]
SUB_INTRO = ("Northwind uses the following subprocessors to provide the Services. We will announce a new "
             "subprocessor at least 14 days before it starts processing Customer Personal Data.")
COOKIE_A = pages.COOKIE_TEXT_A
COOKIE_B = pages.COOKIE_TEXT_B


def table(rows: list[tuple[str, str, str]], cls: str = "", th: str = "th", td: str = "td",
          cell_attr: str = "") -> str:
    head = "".join(f'<{th}{cell_attr}>{h}</{th}>' for h in ("Subprocessor", "Purpose", "Location"))
    body = "".join("<tr>" + "".join(f"<{td}{cell_attr}>{c}</{td}>" for c in row) + "</tr>" for row in rows)
    return f'<table{cls}><thead><tr>{head}</tr></thead><tbody>{body}</tbody></table>'


# ---------------------------------------------------------------------------------------------------------------
# Squarespace 7.1: page sections of sqs-layout rows, text in html blocks, announcement bar and cookie banner v2.
SQS_ANNOUNCE = ('<div class="sqs-announcement-bar-dropzone"><div class="yui3-widget sqs-widget sqs-announcement-bar">'
                '<div class="sqs-announcement-bar-content"><a class="sqs-announcement-bar-url" href="/shop" '
                'aria-labelledby="announcement-bar-text-inner-id"></a><div class="sqs-announcement-bar-text">'
                '<span class="sqs-announcement-bar-close" tabindex="0" role="button" aria-label="Close Announcement">'
                '</span><div id="announcement-bar-text-inner-id" class="sqs-announcement-bar-text-inner">'
                '<p class="" style="white-space:pre-wrap;">{text}</p></div></div></div></div></div>')
SQS_COOKIE = ('<div class="sqs-cookie-banner-v2-container sqs-cookie-banner-v2-container--bottom">'
              '<div class="sqs-cookie-banner-v2 sqs-cookie-banner-v2--bar" role="region" aria-label="Cookie banner">'
              '<div class="sqs-cookie-banner-v2-content"><div class="sqs-cookie-banner-v2-text"><p>{text}</p></div>'
              '<div class="sqs-cookie-banner-v2-cta-container">'
              '<button class="sqs-cookie-banner-v2-accept sqs-cookie-banner-v2-cta sqs-button-element--primary" '
              'type="button">Accept</button>'
              '<button class="sqs-cookie-banner-v2-deny sqs-cookie-banner-v2-cta sqs-button-element--secondary" '
              'type="button">Decline</button>'
              '<button class="sqs-cookie-banner-v2-manage-link" type="button">Manage cookies</button></div></div>'
              '</div></div>')
SQS_POSTS = (("Jan 3, 2026", "What we shipped in December",
              "Faster exports, a new audit log view and better search across every workspace."),
             ("Dec 12, 2025", "Meet the Northwind design team",
              "Three designers talk about how they decide what to leave out of the product."),
             ("Nov 28, 2025", "Our year in numbers",
              "A look back at the customers, releases and support tickets that shaped our year."),
             ("Nov 2, 2025", "Introducing shared folders",
              "Share a folder with your whole team and keep permissions in one place."))


def _sqs_block(inner: str, n: int, seed: str, kind: str = "html") -> str:
    if kind == "code":
        return (f'<div class="sqs-block code-block sqs-block-code" data-block-type="23" '
                f'id="block-yui_3_17_2_1_{seed}_{n}"><div class="sqs-block-content">{inner}</div></div>')
    return (f'<div class="sqs-block html-block sqs-block-html" data-blend-mode="NORMAL" data-block-type="2" '
            f'data-border-radii="&#123;&quot;topLeft&quot;:&#123;&quot;unit&quot;:&quot;px&quot;&#125;&#125;" '
            f'id="block-yui_3_17_2_1_{seed}_{n}"><div class="sqs-block-content"><div class="sqs-html-content">'
            f'{inner}</div></div></div>')


def squarespace(title: str, doc: Sections = DPA, rows: list[tuple[str, str, str]] | None = None, lead: str = "",
                tail: str = "", announcement: str = "", cookie: str = "", newsletter: str = "", year: str = "2026",
                posts: tuple[tuple[str, str, str], ...] = SQS_POSTS[:3], seed: str = "1704067200000") -> str:
    pre = 'class="" style="white-space:pre-wrap;"'
    heading = f'<h1 style="white-space:pre-wrap;">{title}</h1>' if title else ""
    blocks = [_sqs_block(heading + lead, 0, seed)] if heading or lead else []
    blocks += [_sqs_block(f'<h3 style="white-space:pre-wrap;">{head}</h3>' + "".join(f"<p {pre}>{p}</p>"
                                                                                      for p in paras), i + 1, seed)
               for i, (head, paras) in enumerate(doc)]
    if rows is not None:
        blocks.append(_sqs_block(table(rows, ' class="subprocessors"'), 90, seed, "code"))
    if tail:
        blocks.append(_sqs_block(tail, 91, seed))
    news = ""
    if newsletter:
        news = ('<div class="sqs-block newsletter-block sqs-block-newsletter" data-block-type="51" '
                f'id="block-yui_3_17_2_1_{seed}_99"><div class="sqs-block-content">'
                '<div class="newsletter-form-wrapper newsletter-form-wrapper--layoutFloat newsletter-form-wrapper'
                '--alignCenter"><form class="newsletter-form" data-form-id="64f0c1" autocomplete="on" '
                'method="POST" novalidate onsubmit="return (function (form) {return false;}(this));">'
                '<header class="newsletter-form-header"><h2 class="newsletter-form-header-title">Subscribe</h2>'
                f'<div class="newsletter-form-header-description"><p {pre}>{newsletter}</p></div></header>'
                '<div class="newsletter-form-body"><div class="newsletter-form-fields-wrapper form-fields">'
                '<div class="newsletter-form-field-wrapper form-item field email required" id="email-yui_3_17_2">'
                '<label class="newsletter-form-field-label title" for="email-yui_3_17_2-field">Email Address</label>'
                '<input id="email-yui_3_17_2-field" class="newsletter-form-field-element field-element" '
                'name="email" x-autocompletetype="email" autocomplete="email" type="email" spellcheck="false" '
                'placeholder="Email Address" /></div></div><div data-animation-role="button" '
                'class="newsletter-form-button-wrapper submit-wrapper"><button class="newsletter-form-button '
                'sqs-system-button sqs-editable-button sqs-button-element--primary" type="submit" value="Sign Up">'
                '<span class="newsletter-form-spinner sqs-spin light large"></span>'
                '<span class="newsletter-form-button-label">Sign Up</span></button></div></div>'
                f'<div class="newsletter-form-footnote"><p {pre}>We respect your privacy.</p></div>'
                '<div class="hidden form-submission-text">Thank you!</div></form></div></div></div>')
    summary = ""
    if posts:
        items = "".join(
            f'<div class="summary-item summary-item-record-type-text sqs-gallery-design-autocolumns-slide">'
            f'<div class="summary-content sqs-gallery-meta-container"><div class="summary-metadata-container '
            f'summary-metadata-container--above-title"><div class="summary-metadata summary-metadata--primary">'
            f'<time class="summary-metadata-item summary-metadata-item--date">{d}</time></div></div>'
            f'<div class="summary-title"><a href="/blog/{i}" class="summary-title-link">{t}</a></div>'
            f'<div class="summary-excerpt"><p>{x}</p></div><a href="/blog/{i}" '
            'class="summary-read-more-link">Read More →</a></div></div>' for i, (d, t, x) in enumerate(posts))
        summary = ('<div class="sqs-block summary-v2-block sqs-block-summary-v2" data-block-type="55">'
                   '<div class="sqs-block-content"><div class="summary-block-wrapper summary-block-collection-type-'
                   'blog-masonry summary-block-setting-design-autocolumns"><div class="summary-block-header">'
                   '<h3 class="summary-heading"><span>Latest news</span></h3></div>'
                   '<div class="summary-item-list-container sqs-gallery-container"><div class="summary-item-list '
                   f'sqs-gallery">{items}</div></div></div></div></div>')
    footer_blocks = summary + news + (f'<div class="sqs-block html-block sqs-block-html">'
                                      f'<div class="sqs-block-content">'
                                      f'<div class="sqs-html-content"><p {pre}>© {year} Northwind Studio. All rights '
                                      f'reserved.</p><p {pre}><a href="/privacy">Privacy</a> · <a href="/terms">Terms'
                                      '</a></p></div></div></div>')
    return f"""<!doctype html><html xmlns:og="http://opengraphprotocol.org/schema/" lang="en-US"><head>\
<title>{title} — Northwind Studio</title><script>Static = window.Static || {{}};</script></head>
<body id="collection-64f0c1a2b3" class="primary-button-style-solid tweak-global-animations-enabled \
header-width-full tweak-transparent-header tweak-blog-alternating-side-by-side-width-full  \
form-field-style-solid image-block-poster-text-alignment-center">
{SQS_ANNOUNCE.format(text=announcement) if announcement else '<div class="sqs-announcement-bar-dropzone"></div>'}
<div id="siteWrapper" class="clearfix site-wrapper">
<header data-test="header" id="header" class="header theme-col--primary" data-section-theme="" \
data-controller="Header" data-current-styles="{{}}">
<div class="header-announcement-bar-wrapper"><a href="#page" class="header-skip-link sqs-button-element--primary">\
Skip to Content</a>
<div class="header-inner container--fluid header-layout--with-commerce" data-test="header-inner">
<div class="header-display-desktop" data-content-order="header-actions-first">
<div class="header-title-nav-wrapper"><div class="header-title" data-animation-role="header-element">\
<div class="header-title-text"><a href="/" data-animation-role="header-element">Northwind Studio</a></div></div>
<div class="header-nav"><div class="header-nav-wrapper"><nav class="header-nav-list">
<div class="header-nav-item header-nav-item--collection"><a href="/work" data-animation-role="header-element">Work\
</a></div><div class="header-nav-item header-nav-item--collection"><a href="/about">About</a></div>
<div class="header-nav-item header-nav-item--collection"><a href="/blog">Journal</a></div></nav></div></div></div>
<div class="header-actions header-actions--right"><div class="showOnDesktop"><div class="header-actions-action \
header-actions-action--cta" data-animation-role="header-element"><a class="btn btn--border theme-btn--primary-inverse \
sqs-button-element--primary" href="/contact">Get in touch</a></div></div></div></div></div></div></header>
<main id="page" class="container" role="main">
<article class="sections" id="sections" data-page-sections="64f0c1a2b3c4">
<section data-test="page-section" data-section-theme="" class="page-section layout-engine-section \
background-width--full-bleed section-height--medium content-width--wide horizontal-alignment--center \
vertical-alignment--middle" data-section-id="64f0c1a2b3c5" data-controller="SectionWrapperController">
<div class="section-border"><div class="section-background"></div></div>
<div class="content-wrapper" style=""><div class="content"><div class="sqs-layout sqs-grid-12 columns-12" \
data-type="page-section" id="page-section-64f0c1a2b3c5"><div class="row sqs-row"><div class="col sqs-col-12 span-12">
{''.join(blocks)}
</div></div></div></div></div></section></article></main>
<footer class="sections" id="footer-sections" data-footer-sections>
<section data-test="page-section" data-section-theme="black" class="page-section layout-engine-section \
background-width--full-bleed section-height--small content-width--wide horizontal-alignment--center \
vertical-alignment--middle" data-section-id="64f0c1a2b3d0"><div class="content-wrapper"><div class="content">\
<div class="sqs-layout sqs-grid-12 columns-12" data-type="page-section"><div class="row sqs-row">\
<div class="col sqs-col-12 span-12">{footer_blocks}</div></div></div></div></div></section></footer>
</div>
{SQS_COOKIE.format(text=cookie) if cookie else ''}
<script type="text/javascript" data-sqs-type="imageloader-bootstrapper">(function() {{if(window.ImageLoader) \
{{ window.ImageLoader.bootstrap({{}}, document); }}}})();</script>
</body></html>"""


# ---------------------------------------------------------------------------------------------------------------
# Wix (Thunderbolt): mesh containers, rich-text elements with font_N paragraphs wrapped in spans, hashed classes.
WIX_ADS = ('<div id="WIX_ADS" class="{c} ytGGBw ku3DBC"><a data-testid="linkElement" '
           'href="//www.wix.com/lpviral/enviral?utm_campaign=vir_wixad_live&amp;adsVersion=white&amp;orig_msid=7e1f"'
           ' target="_blank" rel="nofollow" class="iu5nsJ"><span class="s2lvwV"><span data-hook="freemium-text" '
           'class="nSfrfh">This site was designed with the <span class="K9OVDg">Wix</span>.com website builder. '
           'Create your website today.</span><span data-hook="freemium-button" class="z5fNAX">Start Now</span>'
           '</span></a></div>')
WIX_COOKIE = ('<div id="consent-banner-root" class="consent-banner-root"><div data-hook="ccsu-banner-wrapper" '
              'class="Ty3CGH"><div role="region" aria-label="Cookie banner" class="u5Nzdk">'
              '<div data-hook="ccsu-banner-text-container" class="ZgTQrq"><p data-hook="ccsu-banner-text" '
              'class="JyM3qo">{text}</p><a data-hook="ccsu-banner-privacy-policy-link" href="/privacy">Privacy Policy'
              '</a></div><div data-hook="ccsu-banner-buttons" class="KZoYQ6"><button data-hook="ccsu-banner-settings-'
              'button" class="mx8Hu0">Settings</button><button data-hook="ccsu-banner-decline-button" '
              'class="mx8Hu0">Decline All</button><button data-hook="ccsu-banner-accept-button" class="Zx2Xbt">'
              'Accept</button></div></div></div></div>')
WIX_CHAT = ('<div id="comp-wixchat" class="wixui-chat"><div data-hook="chat-button-root" class="qQrFOK">'
            '<button data-hook="chat-button" aria-label="{label}" class="sVOZ7s"><span class="HqVjcy">{label}</span>'
            '</button><div data-hook="chat-tooltip" class="w6sYkn"><p>{greeting}</p></div></div></div>')


def wix(title: str, doc: Sections = DPA, lead: str = "", tail: str = "", ads: bool = False, cookie: str = "",
        cls: tuple[str, str] = ("KcpHeO", "tz5f0K"), bold: bool = False, spacers: int = 1, chat: str = "",
        year: str = "2026", comp: str = "lx3a9") -> str:
    a, b = cls
    rt = 'wixui-rich-text__text'
    spacer = (f'<p class="font_8 {rt}" style="line-height:1.6em; font-size:16px;"><span class="{rt}">&#8203;</span>'
              '</p>') * spacers

    def para(p: str) -> str:
        if bold and "documented instructions" in p:
            x, y = p.split("documented instructions", 1)
            p = (f'{x}</span><span style="font-weight:bold;" class="{rt}">documented instructions</span>'
                 f'<span class="color_15 {rt}">{y}')
        return (f'<p class="font_8 {rt}" style="line-height:1.6em; font-size:16px;"><span style="font-size:16px;" '
                f'class="{rt}"><span class="color_15 {rt}">{p}</span></span></p>') + spacer

    body = (f'<h1 class="font_0 {rt}" style="font-size:40px;"><span style="font-size:40px;" class="{rt}">{title}</span>'
            '</h1>' if title else "") + lead + "".join(
        f'<h2 class="font_2 {rt}" style="font-size:24px;"><span style="font-size:24px;" class="{rt}">'
        f'<span style="font-weight:bold;" class="{rt}">{h}</span></span></h2>' + "".join(para(p) for p in ps)
        for h, ps in doc) + tail
    return f"""<!DOCTYPE html><html lang="en"><head><title>{title or 'Home'} | Northwind Studio</title></head><body>
<div id="SITE_CONTAINER"><div id="main_MF" class="main_MF">
<div id="SCROLL_TO_TOP" class="Vd6aQZ ignore-focus SCROLL_TO_TOP" role="region" tabindex="-1" aria-label="top of \
page"><span class="mHZSwn">top of page</span></div>
<div id="BACKGROUND_GROUP"><div id="pageBackground_n7x2d" class="pageBackground_n7x2d BmZ5pC"><div \
id="bgLayers_pageBackground_n7x2d" data-hook="bgLayers" class="MW5IWV"></div></div></div>
{WIX_ADS.format(c=a) if ads else ''}
<div id="site-root" class="site-root"><div id="masterPage" class="mesh-layout masterPage css-editing-scope">
<header id="SITE_HEADER" class="xU8fqS SITE_HEADER wixui-header" tabindex="-1"><div class="_C0cVf">\
<div class="_4XcTfy" data-testid="screenWidthContainerBgCenter"></div></div><div class="U4Bvut"><div class="CJF7A2">
<div data-mesh-id="SITE_HEADERinlineContent" data-testid="inline-content" class=""><div \
data-mesh-id="SITE_HEADERinlineContent-gridContainer" data-testid="mesh-container-content">
<div id="comp-hdr1" class="{a} {b} comp-hdr1 wixui-rich-text" data-testid="richTextElement">\
<p class="font_9 {rt}"><a href="https://www.northwind.example" target="_self" \
class="{rt}">Northwind Studio</a></p></div>
<nav aria-label="Site" id="comp-menu1" class="comp-menu1 wixui-horizontal-menu"><ul class="ZJFo6F" role="menubar">
<li class="wixui-horizontal-menu__item"><a data-testid="linkElement" href="/" class="xZqnQ1">Home</a></li>
<li class="wixui-horizontal-menu__item"><a data-testid="linkElement" href="/services" class="xZqnQ1">Services</a></li>
<li class="wixui-horizontal-menu__item"><a data-testid="linkElement" href="/contact" class="xZqnQ1">Contact</a></li>\
</ul></nav></div></div></div></div></header>
<main id="PAGES_CONTAINER" class="PAGES_CONTAINER" tabindex="-1" data-main-content="true">\
<div id="SITE_PAGES" class="JsJXaX SITE_PAGES"><div id="SITE_PAGES_TRANSITION_GROUP" class="AnQkDU">\
<div id="n7x2d" class="dBAkHi theme-vars n7x2d"><div class="PFkO7r wixui-page" data-testid="page-bg"></div>\
<div class="HT5ybB"><div id="Containern7x2d" class="Containern7x2d SPY_vo"><div \
data-mesh-id="Containern7x2dinlineContent" data-testid="inline-content" class=""><div \
data-mesh-id="Containern7x2dinlineContent-gridContainer" data-testid="mesh-container-content">
<section id="comp-{comp}" tabindex="-1" class="Oqnisf comp-{comp} wixui-section" \
data-block-level-container="ClassicSection"><div id="bgLayers_comp-{comp}" data-hook="bgLayers" class="MW5IWV">\
<div data-testid="colorUnderlay" class="LWbAav Kv1aVt"></div></div><div data-testid="columns" class="V5AUxf">\
<div id="comp-{comp}b" class="comp-{comp}b YzqVVZ wixui-column-strip__column"><div data-testid="inline-content" \
class=""><div data-mesh-id="comp-{comp}binlineContent-gridContainer" data-testid="mesh-container-content">
<div id="comp-{comp}c" class="{a} {b} comp-{comp}c wixui-rich-text" data-testid="richTextElement">{body}</div>
</div></div></div></div></section></div></div></div></div></div></div></div></main>
<footer id="SITE_FOOTER" class="AT7o0U SITE_FOOTER wixui-footer" tabindex="-1"><div class="CJF7A2"><div \
data-mesh-id="SITE_FOOTERinlineContent" data-testid="inline-content" class=""><div \
data-mesh-id="SITE_FOOTERinlineContent-gridContainer" data-testid="mesh-container-content">
<div id="comp-ftr1" class="{a} {b} comp-ftr1 wixui-rich-text" data-testid="richTextElement">\
<p class="font_9 {rt}" style="text-align:center; font-size:14px;"><span class="{rt}">© {year} by Northwind Studio. \
Powered and secured by <a href="https://www.wix.com" target="_blank" class="{rt}">Wix</a></span></p></div>
</div></div></div></footer></div></div>
{WIX_CHAT.format(label="Let's Chat!", greeting=chat) if chat else ''}
</div></div>
{WIX_COOKIE.format(text=cookie) if cookie else ''}
<div id="SCROLL_TO_BOTTOM" class="Vd6aQZ ignore-focus SCROLL_TO_BOTTOM" role="region" tabindex="-1" \
aria-label="bottom of page"><span class="mHZSwn">bottom of page</span></div>
</body></html>"""


# ---------------------------------------------------------------------------------------------------------------
# Ghost (Casper-like theme): gh-head, article with gh-content, portal signup, footer CTA and "read more" cards.
GHOST_CARDS = (("Northwind raises its Series B", "We raised new funding to grow our team and open an office in Lisbon.",
                "Jan 6, 2026", "3 min read"),
               ("How we run incident reviews", "A walk through the template we use after every production incident.",
                "Dec 18, 2025", "6 min read"),
               ("Pricing changes for 2026", "Here is what is changing on our plans and why, with examples.",
                "Dec 2, 2025", "4 min read"),
               ("A new home for our docs", "Our documentation moved to a faster site with better search.",
                "Nov 20, 2025", "2 min read"))


def ghost(title: str, doc: Sections = DPA, lead: str = "", tail: str = "", cta: str = "Sign up for more like this.",
          cards: tuple[tuple[str, str, str, str], ...] = GHOST_CARDS[:3], reading: str = "5 min read",
          signup: str = "", year: str = "2026", date: str = "Jan 5, 2026", raw: str = "") -> str:
    card = "".join(
        f'<article class="post-card post tag-news keep-ratio"><a class="post-card-image-link" href="/p{i}/">'
        '<img class="post-card-image" src="/content/images/x.jpg" alt="" loading="lazy"></a>'
        f'<div class="post-card-content"><a class="post-card-content-link" href="/p{i}/"><header '
        f'class="post-card-header"><div class="post-card-tags"><span class="post-card-primary-tag">News</span></div>'
        f'<h2 class="post-card-title">{t}</h2></header><div class="post-card-excerpt">{x}</div></a>'
        f'<footer class="post-card-meta"><time class="post-card-meta-date" datetime="2026-01-01">{d}</time>'
        f'<span class="post-card-meta-length">{r}</span></footer></div></article>' for i, (t, x, d, r) in
        enumerate(cards))
    signup_card = (f'<div class="kg-card kg-signup-card kg-width-regular " data-lexical-signup-form="" '
                   'style="background-color: #F0F0F0; display: none;"><div class="kg-signup-card-content">'
                   f'<div class="kg-signup-card-text "><h2 class="kg-signup-card-heading" style="color: #000000;">'
                   f'<span style="white-space: pre-wrap;">{signup}</span></h2><p class="kg-signup-card-subheading" '
                   'style="color: #000000;"><span style="white-space: pre-wrap;">Legal and product updates, twice a '
                   'month.</span></p><form class="kg-signup-card-form" data-members-form="signup">'
                   '<div class="kg-signup-card-fields"><input class="kg-signup-card-input" id="email" type="email" '
                   'required="true" placeholder="Your email" data-members-email="true">'
                   '<button class="kg-signup-card-button kg-style-accent" style="color: #FFFFFF;" type="submit">'
                   '<span class="kg-signup-card-button-default">Subscribe</span><span class="kg-signup-card-button-'
                   'loading"></span></button></div><div class="kg-signup-card-success" style="color: #000000;">'
                   'Email sent! Check your inbox to complete your signup.</div><div class="kg-signup-card-error" '
                   'style="color: #000000;" data-members-error=""></div></form><p class="kg-signup-card-disclaimer" '
                   'style="color: #000000;"><span style="white-space: pre-wrap;">No spam. Unsubscribe anytime.</span>'
                   '</p></div></div></div>') if signup else ""
    content = raw or (lead + "".join(f"<h2 id=\"{h.split('.')[0]}\">{h}</h2>" + "".join(f"<p>{p}</p>" for p in ps)
                                     for h, ps in doc) + signup_card + tail)
    return f"""<!DOCTYPE html><html lang="en"><head><title>{title}</title></head>
<body class="post-template tag-legal is-head-left-logo has-cover">
<div class="viewport">
<header id="gh-head" class="gh-head outer is-header-hidden"><div class="gh-head-inner inner">
<div class="gh-head-brand"><a class="gh-head-logo no-image" href="https://northwind.example">Northwind</a>
<button class="gh-search gh-icon-btn" aria-label="Search this site" data-ghost-search><svg></svg></button>
<button class="gh-burger" aria-label="Main Menu"></button></div>
<nav class="gh-head-menu"><ul class="nav"><li class="nav-home"><a href="https://northwind.example/">Home</a></li>
<li class="nav-blog"><a href="https://northwind.example/blog/">Blog</a></li>
<li class="nav-legal nav-current"><a href="https://northwind.example/legal/">Legal</a></li></ul></nav>
<div class="gh-head-actions"><button class="gh-search gh-icon-btn" aria-label="Search this site" data-ghost-search>\
<svg></svg></button><div class="gh-head-members"><a class="gh-head-link" href="#/portal/signin" \
data-portal="signin">Sign in</a><a class="gh-head-button" href="#/portal/signup" data-portal="signup">Subscribe</a>\
</div></div></div></header>
<div class="site-content"><main id="site-main" class="site-main">
<article class="article post tag-legal no-image">
<header class="article-header gh-canvas"><section class="article-tag"><a href="/tag/legal/">Legal</a></section>
<h1 class="article-title">{title}</h1>
<div class="article-byline"><section class="article-byline-content"><ul class="author-list instapaper_ignore">
<li class="author-list-item"><a href="/author/jane/" class="author-avatar"><img class="author-profile-image" \
src="/content/images/jane.png" alt="Jane Doe"></a></li></ul>
<div class="article-byline-meta"><h4 class="author-name"><a href="/author/jane/">Jane Doe</a></h4>
<div class="byline-meta-content"><time class="byline-meta-date" datetime="2026-01-05">{date}</time>
<span class="byline-reading-time"><span class="bull">&bull;</span> {reading}</span></div></div></section></div>
</header>
<section class="gh-content gh-canvas">{content}</section>
</article></main>
<section class="footer-cta outer"><div class="inner"><h2 class="footer-cta-title">{cta}</h2>
<a class="footer-cta-button" href="#/portal" data-portal><div class="footer-cta-input">Enter your email</div>\
<span>Subscribe</span></a></div></section>
<aside class="read-more-wrap outer"><div class="read-more inner"><h3 class="read-more-title">Read more</h3>{card}\
</div></aside>
</div>
<footer class="site-footer outer"><div class="inner"><section class="copyright"><a href="https://northwind.example">\
Northwind</a> &copy; {year}</section>
<nav class="site-footer-nav"><ul class="nav"><li><a href="/privacy/">Privacy</a></li><li><a href="/terms/">Terms</a>\
</li></ul></nav><div class="gh-powered-by"><a href="https://ghost.org/" target="_blank" rel="noopener">Powered by \
Ghost</a></div></div></footer>
</div>
<div class="pswp" tabindex="-1" role="dialog" aria-hidden="true"><div class="pswp__bg"></div></div>
<div id="ghost-portal-root"><div><iframe title="portal-trigger" class="gh-portal-triggerbtn-iframe" \
style="display: block;" data-testid="portal-trigger-frame"></iframe></div></div>
</body></html>"""


# ---------------------------------------------------------------------------------------------------------------
# Google Docs "Publish to web": publish banner, #contents of p/span with generated c-classes, footer.
def gdocs(title: str, doc: Sections = DPA, rows: list[tuple[str, str, str]] | None = None, lead: str = "",
          tail: str = "", shift: int = 0, hid: str = "kx81", interval: bool = True, split: bool = False) -> str:
    def c(n: int) -> str:
        return f"c{(n + shift) % 17}"

    def spans(p: str) -> str:
        if split and "," in p:
            x, y = p.split(",", 1)
            return f'<span class="{c(1)}">{x},</span><span class="{c(1)} {c(9)}">{y}</span>'
        return f'<span class="{c(1)}">{p}</span>'

    body = f'<p class="{c(4)} title" id="h.{hid}t"><span class="{c(7)}">{title}</span></p>' if title else ""
    body += lead
    for i, (h, ps) in enumerate(doc):
        body += (f'<h2 class="{c(2)}" id="h.{hid}{i}"><span class="{c(8)}">{h}</span></h2>'
                 + "".join(f'<p class="{c(3)}">{spans(p)}</p>' for p in ps)
                 + f'<p class="{c(3)} {c(5)}"><span class="{c(1)}"></span></p>')
    if rows is not None:
        def cell(t: str, k: int) -> str:
            return (f'<td class="{c(11)}" colspan="1" rowspan="1"><p class="{c(6)}">'
                    f'<span class="{c(k)}">{t}</span></p></td>')
        trs = [f'<tr class="{c(10)}">' + "".join(cell(t, 12) for t in ("Subprocessor", "Purpose", "Location"))
               + "</tr>"]
        trs += [f'<tr class="{c(10)}">' + "".join(cell(t, 1) for t in row) + "</tr>" for row in rows]
        body += f'<a id="t.{hid}"></a><a id="t.0"></a><table class="{c(13)}"><tbody>{"".join(trs)}</tbody></table>'
    body += tail
    style = ("<style type=\"text/css\">ol{margin:0;padding:0}table td,table th{padding:0}" + "".join(
        f".c{n}{{color:#000000;font-weight:{400 + 100 * (n % 4)};font-size:11pt}}" for n in range(17)) + "</style>")
    every = '<div id="interval"><span>Updated automatically every 5 minutes</span></div>' if interval else ""
    return f"""<html><head><meta content="text/html; charset=UTF-8" http-equiv="content-type">\
<title>{title or 'Untitled document'}\
</title><meta property="og:title" content="{title}"></head><body>
<div id="banners"><div id="publish-banner"><div id="publish-banner-header"><div id="publish-banner-header-left">\
<a id="publish-banner-logo" href="https://docs.google.com/document/" aria-label="Google Docs"></a>\
<span id="publish-banner-title">Published using Google Docs</span></div><div id="publish-banner-buttons">\
<a id="publish-banner-report-abuse-link" href="https://docs.google.com/abuse?id=1AbCdEf">Report abuse</a>\
<a id="publish-banner-learn-more-link" href="https://support.google.com/docs/answer/183965">Learn more</a></div></div>\
</div></div>
<div id="title-banner"><div id="title">{title}</div>{every}</div>
<div id="contents"><div class="doc-content">{style}{body}</div></div>
<div id="footer"><div id="footer-inner"><a href="https://docs.google.com/document/" target="_blank" \
id="publish-footer-logo" aria-label="Google Docs"></a><div id="publish-footer-text">Published by \
<a href="https://docs.google.com/document/">Google Docs</a> – <a href="https://docs.google.com/abuse?id=1AbCdEf">\
Report abuse</a>{' – Updated automatically every 5 minutes' if interval else ''}</div></div></div>
<script nonce="a1b2c3">var DOCS_timing={{}};</script></body></html>"""


# ---------------------------------------------------------------------------------------------------------------
# A trust center (SafeBase / Vanta style): a React app with hashed emotion classes, badges, gated resources,
# monitored controls, an updates feed, a subprocessor list and a "Subscribe to updates" dialog.
def trust(title: str = "Northwind Trust Center", rows: list[tuple[str, str, str]] | None = SUBS, intro: str = SUB_INTRO,
          css: int = 0, updates: tuple[tuple[str, str], ...] = (("3 days ago", "Updated subprocessor list"),
                                                               ("2 weeks ago", "2025 penetration test completed")),
          checked: str = "Updated 2 hours ago", dialog: bool = False, grid: bool = False, lead: str = "",
          tail: str = "", faq: str = "", resources_gated: bool = True) -> str:
    def k(n: int) -> str:
        return f"css-{(n * 7919 + css * 104729) % 0xFFFFFF:06x}"
    if rows is None:
        subs = ""
    elif grid:
        subs = (f'<div role="list" class="{k(40)}">' + "".join(
            f'<div role="listitem" class="{k(41)}"><div class="{k(42)}"><img alt="" src="https://logo.example/{i}.png">'
            f'<span class="{k(43)}">{n}</span></div><div class="{k(44)}">{p}</div><div class="{k(45)}">{loc}</div>'
            '</div>' for i, (n, p, loc) in enumerate(rows)) + "</div>")
    else:
        subs = table(rows, f' class="chakra-table {k(46)}"')
    feed = "".join(f'<li class="{k(50)}"><div class="{k(51)}"><span class="{k(52)}">{when}</span></div>'
                   f'<a class="{k(53)}" href="/updates/{i}">{what}</a></li>' for i, (when, what) in enumerate(updates))
    gate = (f'<span class="{k(31)}"><svg aria-hidden="true"></svg>Request access</span>' if resources_gated
            else f'<a class="{k(31)}" href="/doc.pdf">Download</a>')
    controls = "".join(f'<li class="{k(60)}"><svg aria-hidden="true"></svg><span>{c}</span></li>' for c in (
        "Data encrypted at rest", "Data encrypted in transit", "Production access reviewed quarterly",
        "Vulnerability scans run weekly"))
    modal = (f'<div class="chakra-portal"><div class="chakra-modal__overlay {k(70)}"></div><div '
             f'class="chakra-modal__content-container {k(71)}"><section role="dialog" aria-modal="true" '
             f'id="chakra-modal-:r5:" aria-labelledby="chakra-modal--header-:r5:" class="chakra-modal__content '
             f'{k(72)}"><header id="chakra-modal--header-:r5:" class="chakra-modal__header {k(73)}">Subscribe to '
             f'updates</header><button class="chakra-modal__close-btn" aria-label="Close"></button><div '
             f'class="chakra-modal__body {k(74)}"><p>Get an email when Northwind publishes a new security update or '
             f'changes its subprocessors.</p><form><label for="email">Work email</label><input id="email" '
             f'type="email" placeholder="you@company.com"><button type="submit">Subscribe</button></form></div>'
             '</section></div></div>') if dialog else ""
    faq_html = (f'<section id="faq" class="{k(80)}"><h2 class="chakra-heading {k(81)}">FAQ</h2><div '
                f'class="chakra-accordion {k(82)}"><div class="chakra-accordion__item {k(83)}"><h3>'
                f'<button type="button" id="accordion-button-:r7:" aria-expanded="false" aria-controls="accordion-'
                f'panel-:r7:" class="chakra-accordion__button {k(84)}">Do you train models on customer data?</button>'
                f'</h3><div style="overflow:hidden;display:none;opacity:0;height:0px"><div role="region" '
                f'id="accordion-panel-:r7:" aria-labelledby="accordion-button-:r7:" class="chakra-accordion__panel '
                f'{k(85)}"><p>{faq}</p></div></div></div></div></section>') if faq else ""
    return f"""<!DOCTYPE html><html lang="en"><head><title>{title}</title></head><body>
<div id="root"><div class="{k(1)}">
<header class="{k(2)}"><div class="{k(3)}"><a href="/" class="{k(4)}"><img alt="Northwind logo" src="/logo.svg">\
</a><span class="{k(5)}">Trust Center</span></div><div class="{k(6)}"><button type="button" \
class="chakra-button {k(7)}">Subscribe to updates</button><button type="button" class="chakra-button {k(8)}">\
Request access</button></div></header>
<div class="{k(9)}"><nav class="{k(10)}" aria-label="Trust Center sections"><a href="#overview">Overview</a>\
<a href="#compliance">Compliance</a><a href="#resources">Resources</a><a href="#controls">Controls</a>\
<a href="#subprocessors">Subprocessors</a><a href="#updates">Updates</a></nav>
<main class="{k(11)}">{lead}
<section id="overview" class="{k(12)}"><h1 class="chakra-heading {k(13)}">Northwind Trust Center</h1><p \
class="{k(14)}">Security, privacy and compliance at Northwind. Browse our certifications and policies, and request \
access to confidential reports.</p></section>
<section id="compliance" class="{k(15)}"><h2 class="chakra-heading {k(16)}">Compliance</h2><div class="{k(17)}">\
<div class="{k(18)}"><img alt="SOC 2 Type II"><span>SOC 2 Type II</span></div><div class="{k(18)}"><img \
alt="ISO 27001"><span>ISO 27001</span></div><div class="{k(18)}"><img alt="GDPR"><span>GDPR</span></div></div></section>
<section id="resources" class="{k(20)}"><h2 class="chakra-heading {k(21)}">Resources</h2><ul class="{k(22)}">\
<li class="{k(23)}"><span>SOC 2 Type II report</span>{gate}</li><li class="{k(23)}"><span>Penetration test summary\
</span>{gate}</li><li class="{k(23)}"><span>Information security policy</span>{gate}</li></ul></section>
<section id="controls" class="{k(24)}"><div class="{k(25)}"><h2 class="chakra-heading {k(26)}">Controls</h2>\
<span class="{k(27)}">{checked}</span></div><ul class="{k(28)}">{controls}</ul><a class="{k(29)}" \
href="/controls">View all 64 controls</a></section>
<section id="subprocessors" class="{k(30)}"><h2 class="chakra-heading {k(32)}">Subprocessors</h2><p class="{k(33)}">\
{intro}</p>{subs}</section>
{faq_html}
<section id="updates" class="{k(34)}"><h2 class="chakra-heading {k(35)}">Updates</h2><ul class="{k(36)}">{feed}</ul>\
</section>{tail}
</main></div>
<footer class="{k(90)}"><span>© 2026 Northwind Labs, Inc.</span><a href="/privacy">Privacy Policy</a>\
<span class="{k(91)}">Powered by <a href="https://safebase.example">SafeBase</a></span></footer>
</div></div>{modal}
<script id="__NEXT_DATA__" type="application/json">{{"props":{{"pageProps":{{}}}},"buildId":"b{css}"}}</script>
</body></html>"""


# ---------------------------------------------------------------------------------------------------------------
# MkDocs Material: announce bar, header with search and repo, sidebars, article.md-typeset, git revision dates,
# feedback form, footer prev/next, cookie consent form.
MD_CONSENT = ('<div class="md-consent" data-md-component="consent" id="__consent"{hidden}><div '
              'class="md-consent__overlay"></div><aside class="md-consent__inner"><form class="md-consent__form '
              'md-grid md-typeset" name="consent"><h4>Cookie consent</h4><p>{text}</p>'
              '<input class="md-toggle" type="checkbox" id="__settings"><div class="md-consent__settings"><ul '
              'class="task-list"><li class="task-list-item"><label class="task-list-control"><input type="checkbox" '
              'name="analytics" checked><span class="task-list-indicator"></span>Google Analytics</label></li></ul>'
              '</div><div class="md-consent__controls"><button class="md-button md-button--primary">Accept</button>'
              '<label class="md-button" for="__settings">Manage settings</label></div></form></aside></div>')


def mkdocs(title: str, doc: Sections = DPA, rows: list[tuple[str, str, str]] | None = None, lead: str = "",
           tail: str = "", announce: str = "", version: str = "2.4", updated: str = "January 5, 2026",
           created: str = "March 3, 2024", consent: str = "", year: str = "2026", prev: str = "Privacy Policy",
           nxt: str = "Security") -> str:
    def slug(h: str) -> str:
        return "-".join(h.lower().replace(".", "").split())
    body = lead + "".join(
        f'<h2 id="{slug(h)}">{h}<a class="headerlink" href="#{slug(h)}" title="Permanent link">&para;</a></h2>'
        + "".join(f"<p>{p}</p>" for p in ps) for h, ps in doc)
    if rows is not None:
        body += table(rows)
    body += tail
    toc = "".join(f'<li class="md-nav__item"><a href="#{slug(h)}" class="md-nav__link"><span class="md-ellipsis">'
                  f'{h}</span></a></li>' for h, _ in doc)
    ann = (f'<div data-md-component="announce"><aside class="md-banner"><div class="md-banner__inner md-grid '
           f'md-typeset"><button class="md-banner__button md-icon" aria-label="Don\'t show this again"></button>'
           f'{announce}</div></aside></div>') if announce else '<div data-md-component="announce"></div>'
    return f"""<!doctype html><html lang="en" class="no-js"><head><title>{title} - Northwind Docs</title></head>
<body dir="ltr" data-md-color-scheme="default" data-md-color-primary="indigo" data-md-color-accent="indigo">
<input class="md-toggle" data-md-toggle="drawer" type="checkbox" id="__drawer" autocomplete="off">
<input class="md-toggle" data-md-toggle="search" type="checkbox" id="__search" autocomplete="off">
<label class="md-overlay" for="__drawer"></label>
<div data-md-component="skip"><a href="#scope" class="md-skip">Skip to content</a></div>
{ann}
<div data-md-color-scheme="default" data-md-component="outdated" hidden></div>
<header class="md-header md-header--shadow" data-md-component="header"><nav class="md-header__inner md-grid" \
aria-label="Header"><a href="/" title="Northwind Docs" class="md-header__button md-logo" aria-label="Northwind Docs" \
data-md-component="logo"><svg></svg></a><label class="md-header__button md-icon" for="__drawer"><svg></svg></label>
<div class="md-header__title" data-md-component="header-title"><div class="md-header__ellipsis"><div \
class="md-header__topic"><span class="md-ellipsis">Northwind Docs</span><div class="md-version"><button \
class="md-version__current" aria-label="Select version">{version}</button><ul class="md-version__list">\
<li class="md-version__item"><a href="/{version}/" class="md-version__link">{version}</a></li><li \
class="md-version__item"><a href="/2.3/" class="md-version__link">2.3</a></li></ul></div></div><div \
class="md-header__topic" data-md-component="header-topic"><span class="md-ellipsis">{title}</span></div></div></div>
<label class="md-header__button md-icon" for="__search"><svg></svg></label><div class="md-search" \
data-md-component="search" role="dialog"><label class="md-search__overlay" for="__search"></label><div \
class="md-search__inner" role="search"><form class="md-search__form" name="search"><input type="text" \
class="md-search__input" name="query" aria-label="Search" placeholder="Search" autocapitalize="off" autocorrect="off" \
autocomplete="off" spellcheck="false" data-md-component="search-query" required><label class="md-search__icon md-icon" \
for="__search"><svg></svg></label></form><div class="md-search__output"><div class="md-search__scrollwrap" \
tabindex="0" data-md-scrollfix><div class="md-search-result" data-md-component="search-result"><div \
class="md-search-result__meta">Initializing search</div><ol class="md-search-result__list" role="presentation"></ol>\
</div></div></div></div></div>
<div class="md-header__source"><a href="https://github.com/northwind/docs" title="Go to repository" class="md-source" \
data-md-component="source"><div class="md-source__icon md-icon"><svg></svg></div><div class="md-source__repository">\
northwind/docs</div></a></div></nav></header>
<div class="md-container" data-md-component="container">
<main class="md-main" data-md-component="main"><div class="md-main__inner md-grid">
<div class="md-sidebar md-sidebar--primary" data-md-component="sidebar" data-md-type="navigation"><div \
class="md-sidebar__scrollwrap"><div class="md-sidebar__inner"><nav class="md-nav md-nav--primary" \
aria-label="Navigation" data-md-level="0"><label class="md-nav__title" for="__drawer">Northwind Docs</label><ul \
class="md-nav__list" data-md-scrollfix><li class="md-nav__item"><a href="/" class="md-nav__link">Home</a></li><li \
class="md-nav__item md-nav__item--active"><a href="./" class="md-nav__link md-nav__link--active">{title}</a></li>\
</ul></nav></div></div></div>
<div class="md-sidebar md-sidebar--secondary" data-md-component="sidebar" data-md-type="toc"><div \
class="md-sidebar__scrollwrap"><div class="md-sidebar__inner"><nav class="md-nav md-nav--secondary" \
aria-label="Table of contents"><label class="md-nav__title" for="__toc"><span class="md-nav__icon md-icon"></span>\
Table of contents</label><ul class="md-nav__list" data-md-component="toc" data-md-scrollfix>{toc}</ul></nav></div>\
</div></div>
<div class="md-content" data-md-component="content"><article class="md-content__inner md-typeset">
<a href="https://github.com/northwind/docs/edit/main/docs/legal/dpa.md" title="Edit this page" \
class="md-content__button md-icon"><svg></svg></a>
<h1 id="data-processing-addendum">{title}</h1>
{body}
<aside class="md-source-file"><span class="md-source-file__fact"><span class="md-icon" title="Last update">\
<svg></svg></span><span class="git-revision-date-localized-plugin git-revision-date-localized-plugin-date">\
{updated}</span></span><span class="md-source-file__fact"><span class="md-icon" title="Created"><svg></svg></span>\
<span class="git-revision-date-localized-plugin git-revision-date-localized-plugin-date">{created}</span></span></aside>
<form class="md-feedback" name="feedback" hidden><fieldset><legend class="md-feedback__title">Was this page helpful?\
</legend><div class="md-feedback__inner"><div class="md-feedback__list"><button class="md-feedback__icon md-icon" \
type="submit" title="This page was helpful" data-md-value="1"><svg></svg></button><button class="md-feedback__icon \
md-icon" type="submit" title="This page could be improved" data-md-value="0"><svg></svg></button></div><div \
class="md-feedback__note"><div data-md-value="1" hidden>Thanks for your feedback!</div></div></div></fieldset></form>
</article></div>
<script>var target=document.getElementById(location.hash.slice(1))</script>
</div><button type="button" class="md-top md-icon" data-md-component="top" hidden><svg></svg>Back to top</button>
</main>
<footer class="md-footer"><nav class="md-footer__inner md-grid" aria-label="Footer"><a href="../privacy/" \
class="md-footer__link md-footer__link--prev" aria-label="Previous: {prev}"><div class="md-footer__button md-icon">\
<svg></svg></div><div class="md-footer__title"><span class="md-footer__direction">Previous</span><div \
class="md-ellipsis">{prev}</div></div></a><a href="../security/" class="md-footer__link md-footer__link--next" \
aria-label="Next: {nxt}"><div class="md-footer__title"><span class="md-footer__direction">Next</span><div \
class="md-ellipsis">{nxt}</div></div><div class="md-footer__button md-icon"><svg></svg></div></a></nav>
<div class="md-footer-meta md-typeset"><div class="md-footer-meta__inner md-grid"><div class="md-copyright"><div \
class="md-copyright__highlight">Copyright &copy; {year} Northwind Labs</div>Made with <a \
href="https://squidfunk.github.io/mkdocs-material/" target="_blank" rel="noopener">Material for MkDocs</a></div>\
<div class="md-social"><a href="https://github.com/northwind" target="_blank" rel="noopener" title="github.com" \
class="md-social__link"><svg></svg></a></div></div></div></footer></div>
<div class="md-dialog" data-md-component="dialog"><div class="md-dialog__inner md-typeset"></div></div>
{MD_CONSENT.format(hidden='' if consent else ' hidden', text=consent or COOKIE_A)}
<script id="__config" type="application/json">{{"base": "..", "features": [], "version": null}}</script>
</body></html>"""


# ---------------------------------------------------------------------------------------------------------------
# Sphinx with the Read the Docs theme: wy-nav-side, rst-content, articleBody sections, footer, version flyout,
# EthicalAds placement, Read the Docs' outdated-version warning.
def sphinx(title: str, doc: Sections = DPA, rows: list[tuple[str, str, str]] | None = None, lead: str = "",
           tail: str = "", ad: tuple[str, str] = ("Acme Observability",
                                                  "Traces that explain themselves. Try it free for 14 days."),
           versions: tuple[str, ...] = ("latest", "stable", "2.4", "2.3"), lastupdated: str = "Jan 05, 2026",
           outdated: str = "", year: str = "2026") -> str:
    def sid(h: str) -> str:
        return "-".join(h.lower().replace(".", "").split())
    body = lead + "".join(
        f'<section id="{sid(h)}"><h2>{h}<a class="headerlink" href="#{sid(h)}" title="Link to this heading">¶</a>'
        '</h2>' + "".join(f"<p>{p}</p>" for p in ps) + "</section>" for h, ps in doc)
    if rows is not None:
        body += ('<table class="docutils align-default" id="id1"><caption><span class="caption-text">Subprocessors'
                 '</span></caption><colgroup><col style="width: 40%"><col style="width: 35%"><col style="width: 25%">'
                 '</colgroup>' + table(rows).replace("<table>", "").replace("</table>", "")
                 .replace("<th>", '<th class="head"><p>').replace("</th>", "</p></th>")
                 .replace("<td>", "<td><p>").replace("</td>", "</p></td>") + "</table>")
    body += tail
    warn = (f'<div class="admonition warning"><p class="admonition-title">Warning</p><p>{outdated}</p></div>'
            if outdated else "")
    vers = "".join(f'<dd><a href="/en/{v}/">{v}</a></dd>' for v in versions)
    return f"""<!DOCTYPE html><html class="writer-html5" lang="en" data-content_root="./"><head>\
<title>{title} &mdash; Northwind 2.4 documentation</title></head>
<body class="wy-body-for-nav"><div class="wy-grid-for-nav">
<nav data-toggle="wy-nav-shift" class="wy-nav-side"><div class="wy-side-scroll"><div class="wy-side-nav-search">\
<a href="index.html" class="icon icon-home">Northwind</a><div class="version">2.4</div><div role="search"><form \
id="rtd-search-form" class="wy-form" action="search.html" method="get"><input type="text" name="q" \
placeholder="Search docs" aria-label="Search docs"><input type="hidden" name="check_keywords" value="yes"><input \
type="hidden" name="area" value="default"></form></div></div>
<div class="wy-menu wy-menu-vertical" data-spy="affix" role="navigation" aria-label="Navigation menu"><p \
class="caption" role="heading"><span class="caption-text">Legal</span></p><ul class="current"><li class="toctree-l1 \
current"><a class="current reference internal" href="#">{title}</a></li><li class="toctree-l1"><a class="reference \
internal" href="privacy.html">Privacy Policy</a></li></ul></div>
<div id="readthedocs-ea" data-ea-publisher="readthedocs" data-ea-type="readthedocs-sidebar" class="ethical-rtd \
ethical-dark-theme loaded"><div class="ea-placement ea-type-image"><div class="ea-content"><a \
href="https://server.ethicalads.io/proxy/click/123/" rel="nofollow noopener sponsored" target="_blank"><img \
class="ea-image" alt="" src="https://media.ethicalads.io/x.png"></a><div class="ea-text"><a \
href="https://server.ethicalads.io/proxy/click/123/" rel="nofollow noopener sponsored" target="_blank"><strong>\
{ad[0]}</strong> {ad[1]}</a></div></div><div class="ea-callout"><a href="https://www.ethicalads.io/advertisers/" \
rel="nofollow noopener" target="_blank">Ads by EthicalAds</a></div></div></div>
</div></nav>
<section data-toggle="wy-nav-shift" class="wy-nav-content-wrap"><nav class="wy-nav-top" aria-label="Mobile navigation \
menu"><i data-toggle="wy-nav-top" class="fa fa-bars"></i><a href="index.html">Northwind</a></nav>
<div class="wy-nav-content"><div class="rst-content">
<div role="navigation" aria-label="Page navigation"><ul class="wy-breadcrumbs"><li><a href="index.html" \
class="icon icon-home" aria-label="Home"></a></li><li class="breadcrumb-item active">{title}</li><li \
class="wy-breadcrumbs-aside"><a href="_sources/dpa.rst.txt" rel="nofollow"> View page source</a></li></ul><hr></div>
<div role="main" class="document" itemscope="itemscope" itemtype="http://schema.org/Article"><div \
itemprop="articleBody">{warn}<section id="data-processing-addendum"><h1>{title}<a class="headerlink" \
href="#data-processing-addendum" title="Link to this heading">¶</a></h1>{body}</section></div></div>
<footer><div class="rst-footer-buttons" role="navigation" aria-label="Footer"><a href="privacy.html" class="btn \
btn-neutral float-left" title="Privacy Policy" accesskey="p" rel="prev"><span class="fa fa-arrow-circle-left" \
aria-hidden="true"></span> Previous</a><a href="security.html" class="btn btn-neutral float-right" title="Security" \
accesskey="n" rel="next">Next <span class="fa fa-arrow-circle-right" aria-hidden="true"></span></a></div><hr>
<div role="contentinfo"><p>&#169; Copyright {year}, Northwind Labs. <span class="lastupdated">Last updated on \
{lastupdated}.</span></p></div>Built with <a href="https://www.sphinx-doc.org/">Sphinx</a> using a <a \
href="https://github.com/readthedocs/sphinx_rtd_theme">theme</a> provided by <a href="https://readthedocs.org">Read \
the Docs</a>.</footer>
</div></div></section></div>
<div class="rst-versions" data-toggle="rst-versions" role="note" aria-label="Versions"><span \
class="rst-current-version" data-toggle="rst-current-version"><span class="fa fa-book"> Read the Docs</span> v: latest \
<span class="fa fa-caret-down"></span></span><div class="rst-other-versions"><dl><dt>Versions</dt>{vers}</dl><dl>\
<dt>Downloads</dt><dd><a href="//northwind.readthedocs.io/_/downloads/en/latest/pdf/">PDF</a></dd></dl><dl><dt>On \
Read the Docs</dt><dd><a href="//readthedocs.org/projects/northwind/?fromdocs=northwind">Project Home</a></dd><dd><a \
href="//readthedocs.org/builds/northwind/?fromdocs=northwind">Builds</a></dd></dl><hr>Free document hosting provided \
by <a href="http://www.readthedocs.org">Read the Docs</a>.</div></div>
<script>jQuery(function () {{ SphinxRtdTheme.Navigation.enable(true); }});</script></body></html>"""


# ---------------------------------------------------------------------------------------------------------------
# Confluence (Server/Data Center, anonymous access): AUI header, page metadata, wiki-content, likes and labels.
def confluence(title: str, doc: Sections = DPA, rows: list[tuple[str, str, str]] | None = None, lead: str = "",
               tail: str = "", modified: str = "Jan 05, 2026", modifier: str = "Sam Lee", version: int = 7,
               likes: str = "Be the first to like this", build: str = "8.5.4",
               labels: tuple[str, ...] = ("dpa", "legal"), raw: str = "",
               tree: tuple[str, ...] = ("Terms of Service",)) -> str:
    body = raw or (lead + "".join(f"<h2 id=\"DPA-{h.replace(' ', '')}\">{h}</h2>" + "".join(f"<p>{p}</p>" for p in ps)
                                  for h, ps in doc))
    if rows is not None:
        body += ('<div class="table-wrap"><table class="relative-table wrapped confluenceTable" style="width: 90%;">'
                 '<colgroup><col><col><col></colgroup>' + table(rows).replace("<table>", "").replace("</table>", "")
                 .replace("<th>", '<th class="confluenceTh">').replace("<td>", '<td class="confluenceTd">')
                 + "</table></div>")
    body += tail
    pages_ = "".join(f'<li><span class="plugin_pagetree_children_span"><a href="/display/LEGAL/{t.replace(" ", "+")}">'
                     f'{t}</a></span></li>' for t in tree)
    lab = "".join(f'<li class="aui-label" data-label-id="{i}"><a class="aui-label-split-main" '
                  f'href="/label/LEGAL/{t}" rel="tag">{t}</a></li>' for i, t in enumerate(labels))
    meta = (f'<a href="/display/~jdoe" class="url fn confluence-userlink userlink-0" data-username="jdoe">Jane Doe</a> '
            f'created, last modified by <a href="/display/~slee" class="url fn confluence-userlink userlink-1" '
            f'data-username="slee">{modifier}</a> on <a class="last-modified" title="Show changes" '
            f'href="/pages/diffpagesbyversion.action?pageId=12345&amp;selectedPageVersions={version}&amp;'
            f'selectedPageVersions={version - 1}">{modified}</a>') if modified else ""
    return f"""<!DOCTYPE html><html><head><title>{title} - Legal - Northwind Wiki</title></head>
<body id="com-atlassian-confluence" class="theme-default aui-layout aui-theme-default">
<div id="page"><div id="full-height-container"><div id="header-precursor"><div class="cell"></div></div>
<header id="header" role="banner"><nav class="aui-header aui-dropdown2-trigger-group" role="navigation" \
aria-label="Site"><div class="aui-header-inner"><div class="aui-header-primary"><span id="logo" \
class="aui-header-logo aui-header-logo-custom"><a href="/" aria-label="Go to home page"><img src="/logo.png" \
alt="Northwind Wiki"></a></span><ul class="aui-nav"><li><a href="/dashboard.action" class="aui-nav-link">Spaces</a>\
</li><li><a href="/browsepeople.action" class="aui-nav-link">People</a></li></ul></div><div \
class="aui-header-secondary"><ul class="aui-nav"><li><form id="quick-search" class="aui-quicksearch dont-default-focus \
header-quicksearch" action="/dosearchsite.action" method="get"><label for="quick-search-query" \
class="assistive">Quick Search</label><input id="quick-search-query" class="quick-search-query" type="text" \
accessKey="q" autocomplete="off" name="queryString" placeholder="Search"></form></li><li><a href="#" \
id="help-menu-link" class="aui-nav-link aui-dropdown2-trigger" aria-haspopup="true"><span class="aui-icon \
aui-icon-small aui-iconfont-question-filled">Help</span></a></li><li><a href="/login.action?os_destination=%2Fdisplay\
%2FLEGAL%2FDPA" class="aui-nav-link login-link">Log in</a></li></ul></div></div></nav></header>
<div class="ia-splitter"><div class="ia-splitter-left"><div class="ia-fixed-sidebar"><div class="acs-side-bar \
ia-scrollable-section"><div class="acs-side-bar-space-info tipsy-enabled"><div class="name"><a href="/display/LEGAL" \
title="Legal">Legal</a></div></div><div class="acs-nav-wrapper"><div class="acs-nav-sections"><div \
class="ia-secondary-container tipsy-enabled" data-tree-type="page-tree"><div class="ia-secondary-header"><h5 \
class="ia-secondary-header-title page-tree"><span class="label">Pages</span></h5></div><div \
class="ia-secondary-content"><div class="plugin_pagetree"><ul class="plugin_pagetree_children_list">{pages_}<li><span \
class="plugin_pagetree_children_span plugin_pagetree_current"><a href="/display/LEGAL/DPA">{title}</a></span></li>\
</ul></div></div></div></div></div></div></div></div>
<div class="ia-splitter-right"><div id="main" class="aui-page-panel"><div id="main-header"><div id="navigation" \
class="content-navigation view"><ul class="ajs-menu-bar"><li class="normal ajs-menu-item"><a id="action-menu-link" \
class="action aui-dropdown2-trigger-arrowless aui-button aui-button-subtle ajs-menu-title aui-dropdown2-trigger" \
href="#" aria-haspopup="true" title="More options"><span><span>&#8226;&#8226;&#8226;</span></span></a></li></ul></div>
<div id="breadcrumb-section"><nav aria-label="Breadcrumbs"><ol id="breadcrumbs"><li class="first"><span><a \
href="/collector/pages.action?key=LEGAL">Pages</a></span></li><li><span><a href="/display/LEGAL/Policies">Policies\
</a></span></li></ol></nav></div>
<h1 id="title-heading" class="pagetitle with-breadcrumbs"><span id="title-text"><a href="/display/LEGAL/DPA">{title}\
</a></span></h1></div>
<div id="content" class="page view"><div id="action-messages"></div><div class="page-metadata"><ul><li \
class="page-metadata-item noprint has-ia-metadata">{meta}</li></ul></div>
<div id="main-content" class="wiki-content">{body}</div>
<div id="likes-and-labels-container"><div id="likes-section"><a href="" class="like-button"><span class="aui-icon \
aui-icon-small aui-iconfont-like"></span><span>Like</span></a><span class="like-summary">{likes}</span></div>
<div id="labels-section" class="pageSection group"><div class="labels-section-content content-column" \
entityid="12345" entitytype="page"><div class="labels-content"><ul class="label-list label-list-right has-pen">{lab}\
</ul></div></div></div></div>
<div id="comments-section" class="pageSection group"></div></div></div></div></div>
<div id="footer" role="contentinfo"><section class="footer-body"><ul id="poweredby"><li class="noprint">Powered by \
<a href="https://www.atlassian.com/software/confluence" class="hover-footer-link" rel="nofollow">Atlassian \
Confluence</a> <span id="footer-build-information">{build}</span></li><li class="print-only">Printed by Atlassian \
Confluence {build}</li><li class="noprint"><a href="https://support.atlassian.com/help/confluence" \
class="hover-footer-link" rel="nofollow">Report a bug</a></li><li class="noprint"><a \
href="https://www.atlassian.com/company" class="hover-footer-link" rel="nofollow">Atlassian News</a></li></ul><div \
id="footer-logo"><a href="https://www.atlassian.com/" rel="nofollow">Atlassian</a></div></section></div>
</div></div></body></html>"""


# ---------------------------------------------------------------------------------------------------------------
# Drupal 10 with Olivero: regions, node article with field--name-body, status messages, EU Cookie Compliance.
DRUPAL_COOKIE = ('<div aria-labelledby="popup-text" class="eu-cookie-compliance-banner '
                 'eu-cookie-compliance-banner-info '
                 'eu-cookie-compliance-banner--opt-in" role="dialog" aria-describedby="popup-text"><div '
                 'class="popup-content info eu-cookie-compliance-content"><div id="popup-text" '
                 'class="eu-cookie-compliance-message" role="document"><h2>We use cookies on this site</h2>'
                 '<p>{text}</p>'
                 '<button type="button" class="find-more-button eu-cookie-compliance-more-button">More info</button>'
                 '</div><div id="popup-buttons" class="eu-cookie-compliance-buttons"><button type="button" '
                 'class="agree-button eu-cookie-compliance-secondary-button button button--small">Accept</button>'
                 '<button type="button" class="decline-button eu-cookie-compliance-default-button button '
                 'button--small button--primary">No, thanks</button></div></div></div>')


def drupal(title: str, doc: Sections = DPA, lead: str = "", tail: str = "", message: str = "", cookie: str = "",
           submitted: str = "1 March, 2024", author: str = "admin", fields: str = "", raw: str | None = None) -> str:
    body = raw if raw is not None else (lead + "".join(f"<h2>{h}</h2>" + "".join(f"<p>{p}</p>" for p in ps)
                                                       for h, ps in doc) + tail)
    msg = ('<div data-drupal-messages><div class="messages-list__wrapper"><div role="contentinfo" aria-label="Status '
           'message" class="messages-list__item messages messages--status"><div class="messages__header"><h2 '
           'class="visually-hidden">Status message</h2></div><div class="messages__content">' + message
           + '</div><button type="button" class="button--dismiss" title="Dismiss"><span class="icon--dismiss">'
           '</span><span class="visually-hidden">Close</span></button></div></div></div>') if message else (
        '<div data-drupal-messages-fallback class="hidden messages-list"></div>')
    node = (f'<article data-history-node-id="42" class="node node--type-page node--view-mode-full"><header class="">'
            f'<div class="node__meta"><span>By <span class="field field--name-uid field--type-entity-reference '
            f'field--label-hidden"><span>{author}</span></span></span>, <span class="field field--name-created '
            f'field--type-created field--label-hidden"><time datetime="2024-03-01T12:00:00Z" title="Friday, March 1, '
            f'2024 - 12:00" class="datetime">{submitted}</time></span></div></header><div class="node__content">'
            f'{fields}<div class="text-content clearfix field field--name-body field--type-text-with-summary '
            f'field--label-hidden field__item">{body}</div></div></article>') if raw is None else body
    return f"""<!DOCTYPE html><html lang="en" dir="ltr" style="--color--primary-hue:202"><head><title>{title} | \
Northwind</title></head>
<body class="path-node page-node-type-page"><a href="#main-content" class="visually-hidden focusable skip-link">Skip \
to main content</a>
<div class="dialog-off-canvas-main-canvas" data-off-canvas-main-canvas><div id="page-wrapper" class="page-wrapper">\
<div id="page">
<header id="header" class="site-header" data-drupal-selector="site-header" role="banner"><div \
class="site-header__fixable" data-drupal-selector="site-header-fixable"><div class="site-header__initial"><button \
class="sticky-header-toggle" data-drupal-selector="sticky-header-toggle" role="switch" \
aria-controls="site-header__inner" \
aria-label="Sticky header" aria-checked="false"><span class="sticky-header-toggle__icon"><span></span><span></span>\
<span></span></span></button></div><div id="site-header__inner" class="site-header__inner" \
data-drupal-selector="site-header-inner"><div class="container site-header__inner__container"><div \
id="block-olivero-site-branding" class="site-branding block block-system block-system-branding-block"><div \
class="site-branding__inner"><div class="site-branding__text"><div class="site-branding__name"><a href="/" \
title="Home" rel="home">Northwind</a></div></div></div></div><div class="header-nav-overlay" \
data-drupal-selector="header-nav-overlay"></div><div class="mobile-buttons" data-drupal-selector="mobile-buttons">\
<button class="mobile-nav-button" data-drupal-selector="mobile-nav-button" aria-label="Main Menu" \
aria-controls="header-nav" aria-expanded="false"><span class="mobile-nav-button__label">Menu</span><span \
class="mobile-nav-button__icon"></span></button></div><div id="header-nav" class="header-nav" \
data-drupal-selector="header-nav"><nav role="navigation" aria-labelledby="block-olivero-main-menu-menu" \
id="block-olivero-main-menu" class="primary-nav block block-menu navigation menu--main"><h2 class="visually-hidden \
block__title" id="block-olivero-main-menu-menu">Main navigation</h2><ul class="menu primary-nav__menu \
primary-nav__menu--level-1" data-drupal-selector="primary-nav-menu--level-1"><li class="primary-nav__menu-item \
primary-nav__menu-item--link primary-nav__menu-item--level-1"><a href="/" class="primary-nav__menu-link \
primary-nav__menu-link--link primary-nav__menu-link--level-1"><span class="primary-nav__menu-link-inner \
primary-nav__menu-link-inner--level-1">Home</span></a></li><li class="primary-nav__menu-item \
primary-nav__menu-item--link primary-nav__menu-item--level-1"><a href="/products" class="primary-nav__menu-link \
primary-nav__menu-link--link primary-nav__menu-link--level-1"><span class="primary-nav__menu-link-inner \
primary-nav__menu-link-inner--level-1">Products</span></a></li></ul></nav><div class="search-block-form block \
block-search-narrow" data-drupal-selector="search-block-form" id="block-olivero-search-form-narrow" role="search">\
<div class="content"><form action="/search/node" method="get" id="search-block-form" accept-charset="UTF-8" \
class="search-form search-block-form"><div class="js-form-item form-item"><label for="edit-keys" \
class="form-item__label visually-hidden">Search</label><input title="Enter the terms you wish to search for." \
placeholder="Search by keyword or phrase." data-drupal-selector="edit-keys" type="search" id="edit-keys" name="keys" \
value="" size="15" maxlength="128" class="form-search form-element form-element--type-search \
form-element--api-search"></div></form></div></div></div></div></div></div></header>
<div id="main-wrapper" class="layout-main-wrapper layout-container"><div id="main" class="layout-main"><div \
class="main-content"><a id="main-content" tabindex="-1"></a><div class="main-content__container container">
<div class="region region--highlighted grid-full layout--pass--content-medium">{msg}</div>
<div class="region region--breadcrumb grid-full layout--pass--content-medium"><div id="block-olivero-breadcrumbs" \
class="block block-system block-system-breadcrumb-block"><div class="block__content"><nav class="breadcrumb" \
role="navigation" aria-labelledby="system-breadcrumb"><h2 id="system-breadcrumb" class="visually-hidden">Breadcrumb\
</h2><div class="breadcrumb__content"><ol class="breadcrumb__list"><li class="breadcrumb__item"><a href="/" \
class="breadcrumb__link">Home</a></li></ol></div></nav></div></div></div>
<div class="region region--content-above grid-full layout--pass--content-medium"><div id="block-olivero-page-title" \
class="block block-core block-page-title-block"><h1 class="title page-title"><span class="field field--name-title \
field--type-string field--label-hidden">{title}</span></h1></div></div>
<main role="main"><div class="region region--content grid-full layout--pass--content-medium" id="content"><div \
id="block-olivero-content" class="block block-system block-system-main-block"><div class="block__content">{node}\
</div></div></div></main>
</div></div></div></div>
<footer class="site-footer"><div class="site-footer__inner container"><div class="region region--footer-bottom \
grid-full layout--pass--content-medium"><div id="block-olivero-powered" class="block block-system \
block-system-powered-by-block"><span>Powered by <a href="https://www.drupal.org">Drupal</a></span></div></div></div>\
</footer><div class="overlay" data-drupal-selector="overlay"></div></div></div></div>
{DRUPAL_COOKIE.format(text=cookie) if cookie else ''}
<script type="application/json" data-drupal-selector="drupal-settings-json">{{"path":{{"baseUrl":"\\/"}}}}</script>
</body></html>"""


# ---------------------------------------------------------------------------------------------------------------
# Shopify (Dawn theme) policy page: announcement bar section, sticky header with cart, shopify-policy__container,
# newsletter footer with localization form, Shopify's own privacy banner.
SHOPIFY_BANNER = ('<div id="shopify-pc__banner" class="shopify-pc__banner__dialog" role="dialog" aria-modal="true" '
                  'aria-labelledby="shopify-pc__banner__body-title" aria-describedby="shopify-pc__banner__body-policy">'
                  '<div class="shopify-pc__banner__wrapper"><div class="shopify-pc__banner__body"><h2 '
                  'id="shopify-pc__banner__body-title">Cookie policy</h2><div id="shopify-pc__banner__body-policy">'
                  '<p>{text}</p></div></div><div class="shopify-pc__banner__btns"><button '
                  'class="shopify-pc__banner__btn-manage-prefs" id="shopify-pc__banner__btn-manage-prefs">Manage '
                  'preferences</button><button class="shopify-pc__banner__btn-decline" '
                  'id="shopify-pc__banner__btn-decline">Decline</button><button class="shopify-pc__banner__btn-accept" '
                  'id="shopify-pc__banner__btn-accept">Accept</button></div></div></div>')


def shopify(title: str, doc: Sections = REFUNDS, lead: str = "", tail: str = "", announcement: str =
            "Free shipping on orders over $50", country: str = "United States | USD $", cookie: str = "",
            heading: str = "Subscribe to our emails", year: str = "2026", cart: int = 0, raw: str | None = None,
            body_html: str | None = None) -> str:
    policy = body_html if body_html is not None else (lead + "".join(
        f"<h3>{h}</h3>" + "".join(f"<p>{p}</p>" for p in ps) for h, ps in doc) + tail)
    main = raw if raw is not None else (
        f'<div class="shopify-policy__container"><div class="shopify-policy__title"><h1>{title}</h1></div>'
        f'<div class="shopify-policy__body"><div class="rte">{policy}</div></div></div>')
    bubble = (f'<div class="cart-count-bubble"><span aria-hidden="true">{cart}</span><span class="visually-hidden">'
              f'{cart} items</span></div>') if cart else ""
    return f"""<!doctype html><html class="no-js" lang="en"><head><title>{title} &ndash; Northwind Supply</title></head>
<body class="gradient"><a class="skip-to-content-link button visually-hidden" href="#MainContent">Skip to content</a>
<!-- BEGIN sections: header-group -->
<div id="shopify-section-sections--2071__announcement-bar" class="shopify-section shopify-section-group-header-group \
announcement-bar-section"><div class="utility-bar color-scheme-1 gradient utility-bar--bottom-border"><div \
class="page-width utility-bar__grid"><div class="announcement-bar" role="region" aria-label="Announcement"><div \
class="page-width"><p class="announcement-bar__message h5"><span>{announcement}</span></p></div></div></div></div></div>
<div id="shopify-section-sections--2071__header" class="shopify-section shopify-section-group-header-group \
section-header"><sticky-header data-sticky-type="on-scroll-up" class="header-wrapper color-scheme-1 gradient \
header-wrapper--border-bottom"><header class="header header--middle-left header--mobile-center page-width \
header--has-menu header--has-account"><header-drawer data-breakpoint="tablet">\
<details id="Details-menu-drawer-container" \
class="menu-drawer-container"><summary class="header__icon header__icon--menu header__icon--summary link \
focus-inset" aria-label="Menu"><span><svg></svg></span></summary></details></header-drawer>
<a href="/" class="header__heading-link link link--text focus-inset"><span class="h2">Northwind Supply</span></a>
<nav class="header__inline-menu"><ul class="list-menu list-menu--inline" role="list"><li><a href="/" \
class="header__menu-item list-menu__item link link--text focus-inset"><span>Home</span></a></li><li><a \
href="/collections/all" class="header__menu-item list-menu__item link link--text focus-inset"><span>Catalog</span>\
</a></li><li><a href="/pages/contact" class="header__menu-item list-menu__item link link--text focus-inset"><span>\
Contact</span></a></li></ul></nav>
<div class="header__icons header__icons--localization header-localization"><details-modal class="header__search">\
<details><summary class="header__icon header__icon--search header__icon--summary link focus-inset modal__toggle" \
aria-haspopup="dialog" aria-label="Search"><span><svg></svg></span></summary></details></details-modal><a \
href="/account/login" class="header__icon header__icon--account link focus-inset small-hide"><svg></svg><span \
class="visually-hidden">Log in</span></a><a href="/cart" class="header__icon header__icon--cart link focus-inset" \
id="cart-icon-bubble"><svg></svg><span class="visually-hidden">Cart</span>{bubble}</a></div></header></sticky-header>\
</div>
<!-- END sections: header-group -->
<main id="MainContent" class="content-for-layout focus-none" role="main" tabindex="-1">{main}</main>
<!-- BEGIN sections: footer-group -->
<div id="shopify-section-sections--2071__footer" class="shopify-section shopify-section-group-footer-group">\
<footer class="footer color-scheme-1 gradient section-sections--2071__footer-padding"><div class="footer__content-top \
page-width"><div class="footer-block--newsletter scroll-trigger animate--slide-in"><div \
class="footer-block__newsletter"><h2 class="footer-block__heading inline-richtext">{heading}</h2><form method="post" \
action="/contact#ContactFooter" id="ContactFooter" accept-charset="UTF-8" class="footer__newsletter newsletter-form">\
<input type="hidden" name="form_type" value="customer"><input type="hidden" name="utf8" value="✓"><input \
type="hidden" name="contact[tags]" value="newsletter"><div class="newsletter-form__field-wrapper"><div class="field">\
<input id="NewsletterForm--sections--2071__footer" type="email" name="contact[email]" class="field__input" value="" \
aria-required="true" autocorrect="off" autocapitalize="off" autocomplete="email" placeholder="Email" required><label \
class="field__label" for="NewsletterForm--sections--2071__footer">Email</label><button type="submit" \
class="newsletter-form__button field__button" name="commit" id="Subscribe" aria-label="Subscribe"><svg></svg></button>\
</div></div></form></div></div></div>
<div class="footer__content-bottom scroll-trigger animate--slide-in"><div class="footer__content-bottom-wrapper \
page-width"><div class="footer__column footer__localization isolate"><localization-form><form method="post" \
action="/localization" id="FooterCountryForm" accept-charset="UTF-8" class="localization-form" \
enctype="multipart/form-data"><input type="hidden" name="form_type" value="localization"><div><h2 class="caption-large \
text-body" id="FooterCountryLabel">Country/region</h2><div class="disclosure"><button type="button" \
class="disclosure__button localization-form__select localization-selector link link--text caption-large" \
aria-expanded="false" aria-controls="FooterCountryList" aria-describedby="FooterCountryLabel"><span>{country}</span>\
<svg></svg></button></div></div></form></localization-form></div>
<div class="footer__column footer__column--info"><div class="footer__payment"><span class="visually-hidden">Payment \
methods</span><ul class="list list-payment" role="list"><li class="list-payment__item"><svg class="icon \
icon--full-color" viewBox="0 0 38 24" role="img" aria-labelledby="pi-visa"><title id="pi-visa">Visa</title></svg>\
</li><li class="list-payment__item"><svg class="icon icon--full-color" role="img" aria-labelledby="pi-master"><title \
id="pi-master">Mastercard</title></svg></li></ul></div></div></div>
<div class="footer__copyright caption"><small class="copyright__content">&copy; {year}, <a href="/" title="">\
Northwind Supply</a></small><small class="copyright__content"><a target="_blank" rel="nofollow" \
href="https://www.shopify.com?utm_campaign=poweredby&amp;utm_medium=shopify&amp;utm_source=onlinestore">Powered by \
Shopify</a></small><ul class="policies list-unstyled"><li><a href="/policies/refund-policy">Refund policy</a></li>\
<li><a href="/policies/privacy-policy">Privacy policy</a></li><li><a href="/policies/terms-of-service">Terms of \
service</a></li></ul></div></div></footer></div>
<!-- END sections: footer-group -->
<ul hidden><li id="a11y-refresh-page-message">Choosing a selection results in a full page refresh.</li><li \
id="a11y-new-window-message">Opens in a new window.</li></ul>
{SHOPIFY_BANNER.format(text=cookie) if cookie else ''}
</body></html>"""


# ---------------------------------------------------------------------------------------------------------------
# Salesforce Experience Cloud (Aura) knowledge article: siteforce regions, article view with field label/value
# rows (uiOutputRichText), trending articles, embedded chat button.
def salesforce(title: str, doc: Sections = DPA, lead: str = "", tail: str = "", published: str = "1/5/2026",
               trending: tuple[str, ...] = ("Reset your password", "Update billing details", "Export your data"),
               chat: str = "Chat with an Expert", votes: str = "", raw: str | None = None) -> str:
    details = lead + "".join(f"<h2>{h}</h2>" + "".join(f"<p>{p}</p>" for p in ps) for h, ps in doc) + tail

    def field(label: str, value: str) -> str:
        return ('<div class="slds-form-element slds-form-element_readonly slds-form-element_stacked slds-hint-parent">'
                '<div class="test-id__field-label-container slds-form-element__label"><span '
                f'class="test-id__field-label">{label}</span></div><div class="slds-form-element__control '
                'slds-grid itemBody"><span class="test-id__field-value slds-form-element__static slds-grow '
                f'is-read-only"><span class="uiOutputRichText" dir="ltr" data-aura-rendered-by="412:0">{value}</span>'
                '</span></div></div>')
    trend = "".join(f'<li class="slds-item"><a href="/s/article/{t.replace(" ", "-")}" class="comm-link">{t}</a></li>'
                    for t in trending)
    article = raw if raw is not None else (
        f'<div class="forceCommunityArticleView"><div class="slds-page-header"><div class="slds-media"><div '
        f'class="slds-media__body"><h1 class="article-head selfServiceArticleHeaderDetail slds-page-header__title">'
        f'{title}</h1></div></div></div><div class="selfServiceArticleLayout"><div class="slds-grid slds-wrap">'
        + field("Article Number", "000001042") + field("Last Published Date", published) + field("Details", details)
        + '</div></div>' + (f'<div class="forceCommunityArticleVote"><span class="voteQuestion">Was this article '
                             f'helpful?</span><button class="slds-button">Yes</button><button class="slds-button">No'
                             f'</button><span class="voteCount">{votes}</span></div>' if votes else "") + '</div>')
    return f"""<!DOCTYPE html><html lang="en-US"><head><title>{title}</title></head>
<body class="comm-page-article forceCommunityThemeBody"><div class="siteforceSldsOneCol"><div \
class="siteforceContentArea"><div class="themeLayoutStarterWrapper"><div class="themeHeader"><div \
class="themeHeaderInner"><div class="themeLogo"><a href="/s/"><img src="/logo.png" alt="Northwind Support"></a></div>\
<div class="themeNav"><nav class="comm-navigation" aria-label="Global"><ul class="slds-list_horizontal"><li><a \
href="/s/">Home</a></li><li><a href="/s/topiccatalog">Topics</a></li><li><a href="/s/contactsupport">Contact Support\
</a></li></ul></nav></div><div class="themeSearch"><div class="forceSearchInputLookupDesktop"><input type="search" \
class="slds-input" placeholder="Search..." aria-label="Search"></div></div><div class="themeProfileMenu"><a \
href="/s/login/" class="comm-navigation__login">Log In</a></div></div></div>
<div class="body isPageWidthFixed-true"><div class="comm-layout-column slds-grid"><div class="slds-col--padded \
comm-content-header comm-layout-column"><nav class="forceCommunityBreadcrumb" aria-label="Breadcrumbs"><ol \
class="slds-breadcrumb slds-list_horizontal"><li class="slds-breadcrumb__item"><a href="/s/">Home</a></li><li \
class="slds-breadcrumb__item"><a href="/s/topic/legal">Legal</a></li></ol></nav></div>
<div class="slds-col--padded slds-size--12-of-12 slds-medium-size--8-of-12 comm-layout-column">{article}</div>
<div class="slds-col--padded slds-size--12-of-12 slds-medium-size--4-of-12 comm-layout-column"><div \
class="forceCommunityTrendingArticles"><h2 class="slds-text-heading_small">Trending Articles</h2><ul \
class="slds-has-dividers_bottom-space">{trend}</ul></div><div class="forceCommunityAskCommunity"><h2>Still have \
questions?</h2><a class="slds-button slds-button_brand" href="/s/contactsupport">Ask the Community</a></div></div>\
</div></div>
<div class="themeFooter"><div class="slds-text-align_center">© 2026 Northwind Labs, Inc. All rights reserved.</div>\
</div></div></div></div>
<div class="embeddedServiceHelpButton"><div class="helpButton"><button class="helpButtonEnabled uiButton" \
href="javascript:void(0)"><span class="embeddedServiceIcon" aria-hidden="true" data-icon="&#59648;"></span><span \
class="helpButtonLabel" id="helpButtonSpan" aria-live="polite" aria-atomic="true"><span \
class="assistiveText">Live chat:</span><span class="message">{chat}</span></span></button></div></div>
<script>$A.initAsync({{"MT":"6.0","pathPrefix":"","context":{{"mode":"PROD"}}}});</script></body></html>"""


# ---------------------------------------------------------------------------------------------------------------
# VitePress default theme: VPNav, VPDoc with aside outline and Carbon ads, vp-doc content, VPDocFooter.
def vitepress(title: str, doc: Sections = DPA, lead: str = "", tail: str = "",
              ad: str = "Acme Cloud: deploy full-stack apps in minutes, no config needed.",
              updated: str = "1/5/26, 10:00 AM", prev: str = "Privacy Policy", nxt: str = "Security",
              raw: str | None = None) -> str:
    def slug(h: str) -> str:
        return "-".join(h.lower().replace(".", "").split())
    content = raw if raw is not None else (
        f'<div style="position:relative;" class="vp-doc _legal_dpa"><div><h1 id="data-processing-addendum" '
        f'tabindex="-1">{title} <a class="header-anchor" href="#data-processing-addendum" aria-label="Permalink to '
        f'&quot;{title}&quot;">&#8203;</a></h1>{lead}' + "".join(
            f'<h2 id="{slug(h)}" tabindex="-1">{h} <a class="header-anchor" href="#{slug(h)}" aria-label="Permalink to '
            f'&quot;{h}&quot;">&#8203;</a></h2>' + "".join(f"<p>{p}</p>" for p in ps) for h, ps in doc)
        + tail + '</div></div>')
    footer = "" if raw is not None else (
        '<footer class="VPDocFooter" data-v-39a288b8><!--[--><!--]--><div class="edit-info"><div class="edit-link">'
        '<a class="VPLink link vp-external-link-icon no-icon edit-link-button" href="https://github.com/northwind/docs/'
        'edit/main/legal/dpa.md" target="_blank" rel="noreferrer"><span class="vpi-square-pen edit-link-icon"></span> '
        'Edit this page on GitHub</a></div><div class="last-updated"><p class="VPLastUpdated">Last updated: <time '
        f'datetime="2026-01-05T10:00:00.000Z">{updated}</time></p></div></div><nav class="prev-next" '
        'aria-labelledby="doc-footer-aria-label"><span class="visually-hidden" id="doc-footer-aria-label">Pager</span>'
        '<div class="pager"><a class="VPLink link pager-link prev" href="/legal/privacy"><span class="desc">Previous '
        f'page</span><span class="title">{prev}</span></a></div><div class="pager"><a class="VPLink link pager-link '
        f'next" href="/legal/security"><span class="desc">Next page</span><span class="title">{nxt}</span></a></div>'
        '</nav></footer>')
    outline = "".join(f'<li><a class="outline-link" href="#{slug(h)}" title="{h}">{h}</a></li>' for h, _ in doc)
    return f"""<!DOCTYPE html><html lang="en-US" dir="ltr"><head><title>{title} | Northwind Docs</title></head><body>
<div id="app"><div class="Layout" data-v-5d98c3a5><!--[--><!--]--><!--[--><span tabindex="-1" data-v-0f60ec36></span>\
<a href="#VPContent" class="VPSkipLink visually-hidden" data-v-0f60ec36>Skip to content</a><!--]--><!---->
<header class="VPNav" data-v-5d98c3a5 data-v-ae24b3ad><div class="VPNavBar has-sidebar top" data-v-ae24b3ad><div \
class="wrapper"><div class="container"><div class="title"><div class="VPNavBarTitle has-sidebar"><a class="title" \
href="/"><!--[--><!--]--><span>Northwind Docs</span><!--[--><!--]--></a></div></div><div class="content"><div \
class="content-body"><!--[--><!--]--><div class="VPNavBarSearch search"><div id="local-search"><button type="button" \
class="DocSearch DocSearch-Button" aria-label="Search"><span class="DocSearch-Button-Container"><span class="vp-icon \
DocSearch-Search-Icon"></span><span class="DocSearch-Button-Placeholder">Search</span></span><span \
class="DocSearch-Button-Keys"><kbd class="DocSearch-Button-Key"></kbd><kbd class="DocSearch-Button-Key">K</kbd></span>\
</button></div></div><nav aria-labelledby="main-nav-aria-label" class="VPNavBarMenu menu"><span \
id="main-nav-aria-label" class="visually-hidden">Main Navigation</span><!--[--><!--[--><a class="VPLink link \
VPNavBarMenuLink" href="/guide/" tabindex="0"><!--[--><span>Guide</span><!--]--></a><!--]--><!--[--><a class="VPLink \
link VPNavBarMenuLink active" href="/legal/" tabindex="0"><!--[--><span>Legal</span><!--]--></a><!--]--><!--]--></nav>\
<div class="VPFlyout VPNavBarTranslations translations"><button type="button" class="button" aria-haspopup="true" \
aria-expanded="false" aria-label="Change language"><span class="text"><span class="vpi-languages option-icon">\
</span><span class="vpi-chevron-down text-icon"></span></span></button><div class="menu"><div class="VPMenu"><div \
class="items"><p class="title">English</p><div class="VPMenuLink"><a class="VPLink link" href="/de/legal/dpa">Deutsch\
</a></div></div></div></div></div><div class="VPNavBarAppearance appearance"><button class="VPSwitch \
VPSwitchAppearance" type="button" role="switch" title="Switch to dark theme" aria-checked="false"><span \
class="check"><span class="icon"><span class="vpi-sun sun"></span><span class="vpi-moon moon"></span></span></span>\
</button></div></div></div></div></div></div></header>
<aside class="VPSidebar" data-v-5d98c3a5><div class="curtain"></div><nav class="nav" id="VPSidebarNav" \
aria-labelledby="sidebar-aria-label" tabindex="-1"><span class="visually-hidden" id="sidebar-aria-label">Sidebar \
Navigation</span><!--[--><div class="group"><section class="VPSidebarItem level-0 has-active"><div class="item" \
role="button" tabindex="0"><div class="indicator"></div><h2 class="text">Legal</h2></div><div class="items"><!--[-->\
<div class="VPSidebarItem level-1 is-link"><div class="item"><a class="VPLink link link" href="/legal/privacy"><p \
class="text">Privacy Policy</p></a></div></div><div class="VPSidebarItem level-1 is-link is-active has-active"><div \
class="item"><a class="VPLink link link" href="/legal/dpa"><p class="text">{title}</p></a></div></div><!--]--></div>\
</section></div><!--]--></nav></aside>
<div class="VPContent has-sidebar" id="VPContent" data-v-5d98c3a5><div class="VPDoc has-sidebar has-aside" \
data-v-39a288b8><!--[--><!--]--><div class="container"><div class="aside"><div class="aside-curtain"></div><div \
class="aside-container"><div class="aside-content"><div class="VPDocAside"><!--[--><!--]--><nav \
aria-labelledby="doc-outline-aria-label" class="VPDocAsideOutline has-outline"><div class="content"><div \
class="outline-marker"></div><div aria-level="2" class="outline-title" id="doc-outline-aria-label" role="heading">On \
this page</div><ul class="VPDocOutlineItem root">{outline}</ul></div></nav><!--[--><!--]--><div class="spacer"></div>\
<div class="VPDocAsideCarbonAds"><div class="VPCarbonAds"><div id="carbonads"><span><span class="carbon-wrap"><a \
href="https://srv.carbonads.net/ads/click/x/1" class="carbon-img" target="_blank" rel="noopener sponsored"><img \
src="https://cdn4.buysellads.net/x.png" alt="ads via Carbon" border="0" height="100" width="130" \
style="max-width: 130px;"></a><a href="https://srv.carbonads.net/ads/click/x/1" class="carbon-text" target="_blank" \
rel="noopener sponsored">{ad}</a></span><a href="http://carbonads.net/?utm_source=northwind&amp;utm_medium=ad_via_link\
&amp;utm_campaign=in_unit&amp;utm_term=carbon" class="carbon-poweredby" target="_blank" rel="noopener sponsored">ads \
via Carbon</a></span></div></div></div><!--[--><!--]--></div></div></div></div>
<div class="content"><div class="content-container"><!--[--><!--]--><main class="main">{content}</main>{footer}\
<!--[--><!--]--></div></div></div><!--[--><!--]--></div></div>
<footer class="VPFooter has-sidebar" data-v-5d98c3a5><div class="container"><p class="message">Released under the \
MIT License.</p><p class="copyright">Copyright © 2024-present Northwind Labs</p></div></footer><!--[--><!--]--></div>\
</div>
<script>window.__VP_HASH_MAP__=JSON.parse("{{}}");window.__VP_SITE_DATA__=JSON.parse("{{}}");</script></body></html>"""


# ---------------------------------------------------------------------------------------------------------------
# Docsify, rendered: sidebar with search, section.content > article.markdown-section, pagination plugin,
# "docsify-updated" stamp; unrendered, a bare #app "Loading ..." shell.
def docsify(title: str, doc: Sections = DPA, lead: str = "", tail: str = "", updated: str = "2026-01-05 10:12:03",
            prev: str = "Privacy Policy", nxt: str = "Security", raw: str | None = None, rendered: bool = True) -> str:
    def slug(h: str) -> str:
        return "-".join(h.lower().replace(".", "").split())
    if not rendered:
        return ("<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"UTF-8\"><title>Northwind Legal</title>"
                "<link rel=\"stylesheet\" href=\"//cdn.jsdelivr.net/npm/docsify@4/lib/themes/vue.css\"></head><body>"
                "<div id=\"app\">Loading ...</div><script>window.$docsify = {name: 'Northwind Legal', repo: '', "
                "loadSidebar: true, auto2top: true}</script><script src=\"//cdn.jsdelivr.net/npm/docsify@4\"></script>"
                "</body></html>")
    content = raw if raw is not None else (
        f'<h1 id="{slug(title)}"><a href="#/dpa?id={slug(title)}" data-id="{slug(title)}" class="anchor"><span>'
        f'{title}</span></a></h1>{lead}' + "".join(
            f'<h2 id="{slug(h)}"><a href="#/dpa?id={slug(h)}" data-id="{slug(h)}" class="anchor"><span>{h}</span></a>'
            '</h2>' + "".join(f"<p>{p}</p>" for p in ps) for h, ps in doc) + tail
        + f'<p class="last-modified">Last Modified: {updated}</p>')
    side = "".join(f'<li><a class="section-link" href="#/dpa?id={slug(h)}" title="{h}">{h}</a></li>' for h, _ in doc)
    return f"""<!DOCTYPE html><html lang="en"><head><meta charset="UTF-8"><title>{title} - Northwind Legal</title>\
</head><body class="ready sticky"><main><button class="sidebar-toggle" aria-label="Menu"><div \
class="sidebar-toggle-button"><span></span><span></span><span></span></div></button><aside class="sidebar"><div \
class="search"><div class="input-wrap"><input type="search" value="" placeholder="Search" \
aria-label="Search text"><div \
class="clear-button"><svg></svg></div></div><div class="results-panel"></div></div><h1 class="app-name"><a \
class="app-name-link" data-nosearch="" href="#/">Northwind Legal</a></h1><div class="sidebar-nav"><ul><li><a \
href="#/terms" title="Terms of Service">Terms of Service</a></li><li class="active"><a href="#/dpa" \
title="{title}">{title}</a><ul class="app-sub-sidebar">{side}</ul></li></ul></div></aside><section class="content">\
<article class="markdown-section" id="main">{content}<div class="docsify-pagination-container"><div \
class="pagination-item pagination-item--previous"><a href="#/privacy"><div class="pagination-item-label"><svg></svg>\
<span>Previous</span></div><div class="pagination-item-title">{prev}</div></a></div><div class="pagination-item \
pagination-item--next"><a href="#/security"><div class="pagination-item-label"><span>Next</span><svg></svg></div><div \
class="pagination-item-title">{nxt}</div></a></div></div></article></section></main>
<script>window.$docsify = {{name: 'Northwind Legal', loadSidebar: true, subMaxLevel: 2}}</script></body></html>"""


# ---------------------------------------------------------------------------------------------------------------
PROBES: list[Probe] = []
Page = Callable[..., str]


def noise(template: str, what: str, page: Page, old: dict[str, Any], new: dict[str, Any], leak: str = "",
          doc: Sections = DPA, other: Sections = PRIVACY) -> None:
    """Site-wide noise: the page on two days, and another page of the site with the same noise."""
    PROBES.append(Probe("noise", template, what, page(TITLE, doc, **old), page(TITLE, doc, **new),
                        sibling=(page(OTHER_TITLE, other, **old), page(OTHER_TITLE, other, **new)), leak=leak))


def page_noise(template: str, what: str, page: Page, old: dict[str, Any], new: dict[str, Any], leak: str = "",
               doc: Sections = DPA) -> None:
    PROBES.append(Probe("noise", template, what, page(TITLE, doc, **old), page(TITLE, doc, **new), leak=leak))


def pair(kind: str, template: str, what: str, old: str, new: str, open_because: str = "") -> None:
    PROBES.append(Probe(kind, template, what, old, new, open_because=open_because))


def keep(template: str, what: str, html: str, must_keep: str, open_because: str = "") -> None:
    PROBES.append(Probe("keep", template, what, html, must_keep=must_keep, open_because=open_because))


def error(template: str, what: str, html: str) -> None:
    PROBES.append(Probe("error", template, what, html))


# --- Noise ------------------------------------------------------------------------------------------------------
noise("squarespace", "announcement bar added", squarespace, {},
      {"announcement": "Winter sale: 20% off all prints until Sunday."}, leak="Winter sale")
noise("squarespace", "announcement bar text rotates", squarespace,
      {"announcement": "Winter sale: 20% off all prints until Sunday."},
      {"announcement": "New: book a free 15-minute consultation with our team."})
noise("squarespace", "sqs-cookie-banner-v2 absent vs present", squarespace, {}, {"cookie": COOKIE_A})
noise("squarespace", "newsletter block in footer section: description changes", squarespace,
      {"newsletter": "Sign up with your email address to receive news and updates."},
      {"newsletter": "Get our monthly journal, with studio news and early access to new work."},
      leak="receive news and updates")
noise("squarespace", "'Latest news' summary block in footer: a new post pushes the others down", squarespace, {},
      {"posts": SQS_POSTS[3:] + SQS_POSTS[:2]}, leak="Latest news")
noise("squarespace", "footer copyright year", squarespace, {"year": "2025"}, {"year": "2026"})
noise("wix", "freemium 'designed with Wix' ads banner absent vs present", wix, {}, {"ads": True},
      leak="website builder")
noise("wix", "hashed class names change on redeploy", wix, {}, {"cls": ("Y2GoBq", "xR3m9d"), "comp": "m0q7e"})
page_noise("wix", "formatting-only edit: a phrase made bold (paragraph split into spans)", wix, {}, {"bold": True})
page_noise("wix", "zero-width spacer paragraphs: one -> two between paragraphs", wix, {}, {"spacers": 2})
noise("wix", "Wix consent banner absent vs present", wix, {}, {"cookie": COOKIE_A})
noise("wix", "Wix chat button tooltip greeting changes", wix, {"chat": "Hi! How can we help?"},
      {"chat": "We're away right now. Leave a message and we'll reply by email."})
noise("ghost", "footer CTA heading changes", ghost, {}, {"cta": "Get the Northwind newsletter in your inbox."},
      leak="Sign up for more like this")
noise("ghost", "'Read more' cards: a new post published", ghost, {}, {"cards": GHOST_CARDS[3:] + GHOST_CARDS[:2]},
      leak="Read more")
page_noise("ghost", "reading time recomputed '5 min read' -> '6 min read'", ghost, {}, {"reading": "6 min read"})
page_noise("ghost", "signup card added inside gh-content (after the terms)", ghost, {},
           {"signup": "Subscribe to Northwind legal updates"})
page_noise("ghost", "byline date re-published (Jan 5 -> Feb 2, 2026), wording same", ghost, {},
           {"date": "Feb 2, 2026"})

page_noise("googledocs", "re-published: generated c-classes renumbered, heading ids regenerated", gdocs, {},
           {"shift": 5, "hid": "q3zt"})
page_noise("googledocs", "re-published: runs split into two spans at a comma (formatting change)", gdocs, {},
           {"split": True})
page_noise("googledocs", "'Updated automatically every 5 minutes' shown vs not", gdocs, {"interval": False},
           {"interval": True}, leak="Updated automatically")

PROBES.append(Probe("noise", "trustcenter", "updates feed relative times ('3 days ago' -> '4 days ago')",
                    trust(), trust(updates=(("4 days ago", "Updated subprocessor list"),
                                            ("2 weeks ago", "2025 penetration test completed")))))
PROBES.append(Probe("noise", "trustcenter", "controls 'Updated 2 hours ago' -> 'Updated 5 minutes ago'",
                    trust(), trust(checked="Updated 5 minutes ago")))
PROBES.append(Probe("noise", "trustcenter", "'Subscribe to updates' dialog open vs closed (rendered fetch)",
                    trust(), trust(dialog=True), leak="Get an email when"))
PROBES.append(Probe("noise", "trustcenter", "hashed emotion class names and build id change", trust(), trust(css=3)))

noise("mkdocs", "announce banner added", mkdocs, {},
      {"announce": "Northwind 3.0 is out! <a href='/blog/3/'>Read the release notes</a>"})
noise("mkdocs", "version selector: new release 2.4 -> 2.5", mkdocs, {}, {"version": "2.5"})
page_noise("mkdocs", "git revision date 'Last update' changes (formatting-only commit)", mkdocs, {},
           {"updated": "February 2, 2026"})
noise("mkdocs", "Material cookie consent hidden vs shown", mkdocs, {}, {"consent": COOKIE_A})
page_noise("mkdocs", "footer next page renamed", mkdocs, {}, {"nxt": "Security Overview"})

noise("sphinx", "EthicalAds placement rotates advertiser", sphinx, {},
      {"ad": ("Globex Databases", "Serverless Postgres with branching. Start for free today.")}, leak="EthicalAds")
noise("sphinx", "RTD version flyout gains a version", sphinx, {},
      {"versions": ("latest", "stable", "2.5", "2.4", "2.3")})
page_noise("sphinx", "'Last updated on' rebuilt", sphinx, {}, {"lastupdated": "Feb 02, 2026"})
page_noise("sphinx", "RTD outdated-version warning injected into articleBody", sphinx, {},
           {"outdated": "You are not reading the most recent version of this documentation. "
                        "<a href='/en/stable/'>2.5</a> is the latest version available."},
           leak="most recent version")

page_noise("confluence", "page re-saved: 'last modified by … on' and version link change", confluence, {},
           {"modified": "Feb 02, 2026", "modifier": "Jane Doe", "version": 8})
page_noise("confluence", "likes 'Be the first to like this' -> 'Jane Doe likes this'", confluence, {},
           {"likes": "Jane Doe likes this"})
noise("confluence", "footer build number 8.5.4 -> 8.5.6", confluence, {}, {"build": "8.5.6"})
noise("confluence", "space page tree (sidebar): a new page added to the space", confluence, {},
      {"tree": ("Terms of Service", "Acceptable Use Policy")}, leak="Acceptable Use Policy")
page_noise("confluence", "a label added", confluence, {}, {"labels": ("dpa", "legal", "gdpr")})

noise("drupal", "status message 'You have been logged out.' shown once", drupal, {},
      {"message": "You have been logged out."})
noise("drupal", "EU Cookie Compliance banner absent vs present", drupal, {}, {"cookie": COOKIE_A})
page_noise("drupal", "node meta author/created re-rendered", drupal, {},
           {"submitted": "2 February, 2026", "author": "editor"})

noise("shopify", "announcement bar text rotates", shopify, {},
      {"announcement": "Holiday orders ship until December 20"}, doc=REFUNDS, other=PRIVACY)
noise("shopify", "country/region selector by geo-IP (US -> DE)", shopify, {}, {"country": "Germany | EUR €"},
      doc=REFUNDS, other=PRIVACY)
noise("shopify", "Shopify privacy banner absent vs present", shopify, {}, {"cookie": COOKIE_A}, doc=REFUNDS,
      other=PRIVACY)
noise("shopify", "newsletter heading edited in theme editor", shopify, {},
      {"heading": "Join our list for 10% off your first order"}, doc=REFUNDS, other=PRIVACY)
page_noise("salesforce", "'Last Published Date' re-published 1/5/2026 -> 2/2/2026", salesforce, {},
           {"published": "2/2/2026"})
noise("salesforce", "trending articles rotate", salesforce, {},
      {"trending": ("Set up single sign-on", "Reset your password", "Cancel your subscription")},
      leak="Trending Articles")
noise("salesforce", "embedded chat label 'Chat with an Expert' -> 'Agent Offline'", salesforce, {},
      {"chat": "Agent Offline"})
page_noise("salesforce", "article vote count appears", salesforce, {}, {"votes": "8 of 11 found this helpful"})

noise("vitepress", "Carbon ad rotates", vitepress, {},
      {"ad": "Globex Monitoring: catch errors before your users do. Free for small teams."}, leak="ads via Carbon")
page_noise("vitepress", "'Last updated' hydrated in another format (1/5/26 -> January 5, 2026 at 10:00 AM)",
           vitepress, {}, {"updated": "January 5, 2026 at 10:00 AM"})
page_noise("docsify", "'Last Modified' (docsify-updated) changes", docsify, {}, {"updated": "2026-02-02 08:40:11"})
page_noise("docsify", "pagination titles change", docsify, {}, {"prev": "Cookie Policy", "nxt": "Acceptable Use"})

# --- Real changes -----------------------------------------------------------------------------------------------
for i, (name, page) in enumerate((("squarespace", squarespace), ("wix", wix), ("ghost", ghost),
                                  ("googledocs", gdocs), ("mkdocs", mkdocs), ("sphinx", sphinx),
                                  ("confluence", confluence), ("drupal", drupal), ("salesforce", salesforce),
                                  ("vitepress", vitepress), ("docsify", docsify))):
    mutate, label = MUTATIONS[i % 4]
    pair("change", name, label, page(TITLE, DPA), page(TITLE, edit(DPA, mutate)))
for mutate, label in MUTATIONS[1:3]:
    pair("change", "shopify", f"refund policy: {label}", shopify("Refund policy"),
         shopify("Refund policy", edit(REFUNDS, mutate)))
pair("change", "trustcenter", "subprocessor table: a row added", trust(), trust(rows=MORE_SUBS))
pair("change", "trustcenter", "subprocessor card grid (divs): a row added", trust(grid=True),
     trust(grid=True, rows=MORE_SUBS))
pair("change", "trustcenter", "subprocessor location Germany -> United States (grid)", trust(grid=True),
     trust(grid=True, rows=MOVED_SUBS))
pair("change", "trustcenter", "notice period 14 -> 7 days in the intro", trust(),
     trust(intro=SUB_INTRO.replace("14 days", "7 days")))
SUB_DOC = [DPA[2]]
pair("change", "googledocs", "subprocessor table: a row added", gdocs("Subprocessors", SUB_DOC, rows=SUBS),
     gdocs("Subprocessors", SUB_DOC, rows=MORE_SUBS))
pair("change", "confluence", "confluenceTable: a row added", confluence("Subprocessors", SUB_DOC, rows=SUBS),
     confluence("Subprocessors", SUB_DOC, rows=MORE_SUBS))
pair("change", "squarespace", "table in a code block: a row added", squarespace("Subprocessors", SUB_DOC, rows=SUBS),
     squarespace("Subprocessors", SUB_DOC, rows=MORE_SUBS))
pair("change", "sphinx", "docutils table: a row added", sphinx("Subprocessors", SUB_DOC, rows=SUBS),
     sphinx("Subprocessors", SUB_DOC, rows=MORE_SUBS))
pair("change", "mkdocs", "markdown table: a location changed", mkdocs("Subprocessors", SUB_DOC, rows=SUBS),
     mkdocs("Subprocessors", SUB_DOC, rows=MOVED_SUBS))

# --- Legal passages that look like chrome -------------------------------------------------------------------------
ARBITRATION = ("IMPORTANT: disputes under this Addendum are resolved by binding arbitration on an individual basis, "
               "and each party waives any right to a jury trial.")
AI_CLAUSE = "Northwind never uses Customer Personal Data to train or fine-tune machine learning models."
keep("squarespace", "clause in a quote block (blockquote + figcaption)",
     squarespace(TITLE, DPA, tail='<figure class="block-animation-none"><blockquote data-animation-role="quote" '
                                  f'data-animation-override><span>“</span>{AI_CLAUSE}<span>”</span></blockquote>'
                                  '<figcaption class="source">— Section 7, Model training</figcaption></figure>'),
     "never uses Customer Personal Data to train")
keep("squarespace", "clause in a collapsed accordion block",
     squarespace(TITLE, DPA, tail='<ul class="accordion-items-container" data-should-allow-multiple-open-items=""'
                                  ' data-is-divider-enabled="true"><li class="accordion-item"><h4 '
                                  'class="accordion-item__title-wrapper" role="heading" aria-level="3"><button '
                                  'class="accordion-item__click-target" aria-expanded="false" '
                                  'aria-controls="accordion-1-dropdown" id="accordion-1-button"><span '
                                  'class="accordion-item__title">7. Model training</span><div class="accordion-icon-'
                                  'container" data-is-open="false" aria-hidden="true"><div class="plus"></div></div>'
                                  '</button></h4><div class="accordion-item__dropdown" role="region" '
                                  'aria-labelledby="accordion-1-button" id="accordion-1-dropdown"><div '
                                  f'class="accordion-item__description"><p>{AI_CLAUSE}</p></div></div></li></ul>'),
     "never uses Customer Personal Data to train")
keep("wix", "clause in a Wix collapsible-text element with 'Read More'",
     wix(TITLE, DPA, tail='</div><div id="comp-ct1" class="comp-ct1 wixui-collapsible-text"><div '
                          'data-testid="collapsible-text-wrapper" class="Cy7Y9V"><div data-hook="collapsible-text" '
                          'class="yf3ohb" style="-webkit-line-clamp:2">' + ARBITRATION + '</div><button '
                          'data-hook="expand-control" class="JN7rN2">Read More</button></div>'),
     "binding arbitration")
keep("ghost", "arbitration notice in a kg-callout-card",
     ghost(TITLE, DPA, lead='<div class="kg-card kg-callout-card kg-callout-card-yellow"><div '
                            'class="kg-callout-emoji">⚠️</div><div class="kg-callout-text">' + ARBITRATION
                            + '</div></div>'), "binding arbitration")
keep("ghost", "clause in a collapsed kg-toggle-card",
     ghost(TITLE, DPA, tail='<div class="kg-card kg-toggle-card" data-kg-toggle-state="close"><div '
                            'class="kg-toggle-heading"><h4 class="kg-toggle-heading-text"><span style="white-space: '
                            'pre-wrap;">Do you train models on our data?</span></h4><button class="kg-toggle-card-icon"'
                            ' aria-label="Expand toggle to read content"><svg></svg></button></div><div '
                            f'class="kg-toggle-content"><p><span style="white-space: pre-wrap;">{AI_CLAUSE}</span></p>'
                            '</div></div>'), "never uses Customer Personal Data")
keep("googledocs", "footnote text at the end of the document",
     gdocs(TITLE, DPA, tail='<hr class="c15"><div><p class="c6"><a href="#ftnt_ref1" id="ftnt1">[1]</a><span '
                            'class="c12">&nbsp;“Business day” means a day other than a Saturday, Sunday or public '
                            'holiday in Delaware.</span></p></div>'), "public holiday in Delaware")
keep("googledocs", "notice in a one-cell table used as a callout box",
     gdocs(TITLE, DPA, lead='<a id="t.abc"></a><a id="t.0"></a><table class="c14"><tbody><tr class="c10"><td '
                            'class="c11" colspan="1" rowspan="1"><p class="c6"><span class="c12">' + ARBITRATION
                            + '</span></p></td></tr></tbody></table>'), "binding arbitration")
keep("trustcenter", "commitment in a collapsed FAQ accordion panel", trust(faq=AI_CLAUSE),
     "never uses Customer Personal Data", open_because="a collapsed FAQ on a trust center is its own answer or part "
     "of the watched list; the spec does not say which")
keep("mkdocs", "clause in an admonition", mkdocs(TITLE, DPA, lead='<div class="admonition warning"><p '
                                                               f'class="admonition-title">Important</p><p>{ARBITRATION}'
                                                               '</p></div>'), "binding arbitration")
keep("mkdocs", "clause in a collapsed <details> admonition",
     mkdocs(TITLE, DPA, tail=f'<details class="note"><summary>7. Model training</summary><p>{AI_CLAUSE}</p>'
                             '</details>'), "never uses Customer Personal Data")
keep("sphinx", "clause in a docutils sidebar directive (<aside class=sidebar>)",
     sphinx(TITLE, DPA, lead=f'<aside class="sidebar"><p class="sidebar-title">Key commitment</p><p>{AI_CLAUSE}</p>'
                             '</aside>'), "never uses Customer Personal Data")
keep("confluence", "clause in a warning information macro",
     confluence(TITLE, DPA, lead='<div class="confluence-information-macro confluence-information-macro-warning '
                                 'conf-macro output-block" data-hasbody="true" data-macro-name="warning"><span '
                                 'class="aui-icon aui-icon-small aui-iconfont-error confluence-information-macro-icon">'
                                 '</span><div class="confluence-information-macro-body"><p>' + ARBITRATION
                                 + '</p></div></div>'), "binding arbitration")
keep("confluence", "clause in a collapsed expand macro",
     confluence(TITLE, DPA, tail='<div id="expander-1201" class="expand-container conf-macro output-block" '
                                 'data-hasbody="true" data-macro-name="expand"><div id="expander-control-1201" '
                                 'class="expand-control" aria-expanded="false"><span class="expand-icon aui-icon '
                                 'aui-icon-small aui-iconfont-chevron-right">&nbsp;</span><span class="expand-control-'
                                 'text">7. Model training</span></div><div id="expander-content-1201" '
                                 f'class="expand-content expand-hidden"><p>{AI_CLAUSE}</p></div></div>'),
     "never uses Customer Personal Data")
keep("drupal", "short 'Applies to' field above the body (field--label-above)",
     drupal(TITLE, DPA, fields='<div class="field field--name-field-applies-to field--type-string field--label-above">'
                               '<div class="field__label">Applies to</div><div class="field__item">Customers in the '
                               'European Economic Area and the United Kingdom</div></div>'),
     "European Economic Area and the United Kingdom")
keep("shopify", "policy body pasted as text with <br> line breaks (no <p>)",
     shopify("Refund policy", body_html="<strong>Returns</strong><br>" + REFUNDS[0][1][0] + "<br><br><strong>Refunds"
                                        "</strong><br>" + REFUNDS[1][1][0] + "<br><br><strong>Exceptions</strong><br>"
                                        + REFUNDS[2][1][0]), "within 10 business days")
keep("vitepress", "clause in a ::: warning custom block",
     vitepress(TITLE, DPA, lead='<div class="warning custom-block"><p class="custom-block-title">IMPORTANT</p>'
                                f'<p>{ARBITRATION}</p></div>'), "binding arbitration")
keep("vitepress", "clause in a ::: details custom block",
     vitepress(TITLE, DPA, tail='<details class="details custom-block"><summary>7. Model training</summary>'
                                f'<p>{AI_CLAUSE}</p></details>'), "never uses Customer Personal Data")
keep("docsify", "clause as a docsify '!>' warning paragraph (p.warn)",
     docsify(TITLE, DPA, lead=f'<p class="warn">{ARBITRATION}</p>'), "binding arbitration")
keep("salesforce", "short (~350 chars) notice in the Details field of a label/value layout",
     salesforce("Subprocessor notice", [("Notice", [SUB_INTRO + " Customers who subscribe to the subprocessor page "
                                                     "receive the announcement by email, and may object in writing "
                                                     "during the notice period."])]), "at least 14 days before")

# --- Error and placeholder pages ----------------------------------------------------------------------------------
error("squarespace", "default 404 in the site frame",
      squarespace("", [], lead='<h1 style="white-space:pre-wrap;">Page Not Found</h1><p class="" '
                               'style="white-space:pre-wrap;">We couldn’t find the page you were looking for. This is '
                               'either because:</p><ul><li><p>There is an error in the URL entered into your web '
                               'browser. Please check the URL and try again.</p></li><li><p>The page you are looking '
                               'for has been moved or deleted.</p></li></ul><p>You can return to our homepage by '
                               '<a href="/">clicking here</a>, or you can try searching for the content you are '
                               'seeking by <a href="/search">clicking here</a>.</p>'))
error("squarespace", "site-wide lock screen (password field only)",
      '<!doctype html><html lang="en-US"><head><title>Northwind Studio</title></head><body class="lock-screen">'
      '<div class="sqs-slide-wrapper" data-slide-type="lock-screen"><div class="sqs-slide" data-slide-id="5f1" '
      'data-slide-type="lock-screen"><div class="sqs-slide-layer layer-back full-width-height"><div '
      'class="sqs-slice-gallery"></div></div><div class="sqs-slide-layer layer-front full-width-height"><div '
      'class="sqs-slide-layer-content"><div class="sqs-slice-group group-copy"><div class="sqs-slice" '
      'data-slice-type="heading"><h1>Northwind Studio</h1></div></div><div class="sqs-slice-group group-password">'
      '<div class="sqs-slice" data-slice-type="password"><form class="sqs-slice-password-form"><div '
      'class="sqs-slice-password-content"><input type="password" name="password" class="sqs-slice-password-input" '
      'placeholder="Password" autocomplete="off"><button type="submit" class="sqs-slice-password-button">Enter'
      '</button></div></form></div></div><div class="sqs-slice-group group-social"><div class="sqs-slice" '
      'data-slice-type="social-icons"><a href="https://instagram.com/northwind">Instagram</a></div></div></div></div>'
      '</div></div></body></html>')
error("squarespace", "page-level password with a message",
      squarespace("", [], lead='<div class="sqs-slide" data-slide-type="lock-screen"><h1>This page is password '
                               'protected</h1><p>Please enter the password to view this page.</p><form '
                               'class="sqs-slice-password-form"><input type="password" placeholder="Password">'
                               '<button type="submit">Enter</button></form></div>'))
error("wix", "empty new page with the freemium ads banner",
      wix("", [], ads=True, lead='<h1 class="font_0 wixui-rich-text__text">Home</h1>'))
error("wix", "Wix 404 in the site frame",
      wix("", [], lead='<h1 class="font_0 wixui-rich-text__text">Page Not Found</h1><p class="font_8 '
                       'wixui-rich-text__text">Looks like the page you’re trying to visit doesn’t exist. Please check '
                       'the URL and try your luck again.</p><a data-testid="linkElement" href="/">Take Me Home</a>'))
error("wix", "'domain isn't connected to a website yet'",
      '<!DOCTYPE html><html lang="en"><head><title>Wix.com - Free Website Builder</title></head><body><div '
      'class="connect-domain"><img src="/wix-logo.svg" alt="Wix"><h1>Looks like this domain isn’t connected to a '
      'website yet!</h1><p>If you’re the owner of this domain, go to your Wix account to connect it to a site.</p>'
      '<a class="btn" href="https://www.wix.com/">Create Your Site</a></div></body></html>')
error("ghost", "404 with 'recent posts' cards under it",
      re.sub(r'<article class="article post.*?</article>',
             '<section class="error-content outer"><div class="inner"><section class="error-message"><h1 '
             'class="error-code">404</h1><p class="error-description">Page not found</p><a class="error-link" '
             'href="/">Go to the front page →</a></section></div></section>',
             ghost("Page not found", [], cards=GHOST_CARDS), flags=re.S))
error("ghost", "members-only post: excerpt paywall CTA instead of the terms",
      ghost(TITLE, raw='<aside class="gh-post-upgrade-cta"><div class="gh-post-upgrade-cta-content" '
                       'style="background-color: #ff1a75"><h2>This post is for subscribers only</h2><a class="gh-btn" '
                       'data-portal="signup" href="#/portal/signup" style="color:#ff1a75">Subscribe now</a><p><small>'
                       'Already have an account? <a data-portal="signin" href="#/portal/signin">Sign in</a></small>'
                       '</p></div></aside>'))
error("googledocs", "'Sorry, the file you have requested does not exist.'",
      '<!DOCTYPE html><html lang="en"><head><title>Google Docs</title></head><body><div id="docs-header"><a '
      'href="https://docs.google.com/">Google Docs</a></div><div class="errorMessage" style="padding-top: 50px">'
      '<div>Sorry, the file you have requested does not exist.</div><br><div>Make sure that you have the correct URL '
      'and the file exists.</div></div><div class="footer">Get stuff done with Google Drive. <a '
      'href="https://www.google.com/drive/">Learn more</a></div></body></html>')
error("googledocs", "item removed for a Terms of Service violation",
      '<!DOCTYPE html><html lang="en"><head><title>Google Drive - Terms of Service Violation</title></head><body>'
      '<div class="uc-main"><div id="uc-text"><p class="uc-error-caption">We’re sorry. You can’t access this item '
      'because it is in violation of our Terms of Service.</p><p class="uc-error-subcaption">Find out more about '
      '<a href="https://www.google.com/drive/terms-of-service/">Google Drive’s Terms of Service</a>.</p></div></div>'
      '</body></html>')
error("trustcenter", "private trust center: request-access gate in place of the content",
      re.sub(r'<main class="([^"]*)">.*?</main>',
             r'<main class="\1"><section class="css-1q2w3e"><img alt="Northwind logo" src="/logo.svg"><h1 '
             r'class="chakra-heading css-4r5t6y">This Trust Center is private</h1><p>Request access to view '
             r'Northwind’s security and privacy documentation. Access is granted after you sign our NDA.</p><form>'
             r'<label for="gate-email">Work email</label><input id="gate-email" type="email" '
             r'placeholder="you@company.com"><button type="submit">Request access</button></form></section></main>',
             trust(), flags=re.S))
error("mkdocs", "Material 404 in the site frame", mkdocs("404 - Not found", [], lead="").replace(
    '<h1 id="data-processing-addendum">404 - Not found</h1>', "<h1>404 - Not found</h1>"))
error("sphinx", "page not found in the RTD frame",
      sphinx("Page not found", [], lead="<p>Unfortunately we couldn’t find the content you were looking for.</p>")
      .replace('<section id="data-processing-addendum"><h1>Page not found', '<section id="page-not-found"><h1>'
               'Page not found'))
error("confluence", "'Page Not Found' in the Confluence frame",
      confluence("Page Not Found", raw='<div class="aui-message aui-message-warning"><p>The page you were looking for '
                                       'may have been removed, renamed or is temporarily unavailable.</p></div>',
                 modified="", likes="", labels=()))
error("confluence", "restricted page: 'You don't have permission to view this page'",
      confluence("Page restricted", raw='<div id="page-restricted-container"><h2>You don’t have permission to view '
                                        'this page</h2><p>Log in or ask a space administrator for access.</p><a '
                                        'class="aui-button aui-button-primary" href="/login.action">Log in</a></div>',
                 modified="", likes="", labels=()))
error("drupal", "'Access denied' in the Olivero frame",
      drupal("Access denied", raw="You are not authorized to access this page."))
error("drupal", "'Page not found' in the Olivero frame",
      drupal("Page not found", raw="The requested page could not be found."))
error("drupal", "maintenance page",
      '<!DOCTYPE html><html lang="en" dir="ltr"><head><title>Site under maintenance | Northwind</title></head>'
      '<body class="maintenance-page in-maintenance no-sidebars"><div class="page"><header role="banner"><a href="/" '
      'title="Home" rel="home">Northwind</a></header><main role="main"><h1 class="title">Site under maintenance</h1>'
      '<p>Northwind is currently under maintenance. We should be back shortly. Thank you for your patience.</p>'
      '</main></div></body></html>')
error("shopify", "password page 'Opening soon'",
      '<!doctype html><html class="no-js" lang="en"><head><title>Northwind Supply</title></head><body '
      'class="gradient password"><div class="password-header"><h1 class="password-logo"><span class="h2">Northwind '
      'Supply</span></h1></div><main id="MainContent"><div class="password-content text-center"><h2 '
      'class="password__heading">Opening soon</h2><p>Be the first to know when we launch.</p><form method="post" '
      'action="/contact#contact_form" id="contact_form" class="newsletter-form"><input type="hidden" '
      'name="form_type" value="customer"><input type="email" name="contact[email]" placeholder="Email"><button '
      'type="submit">Subscribe</button></form></div></main><div class="password-modal"><details-modal><details>'
      '<summary class="password-link link underlined-link">Enter using password</summary><div class="modal__content">'
      '<form method="post" action="/password" id="login_form"><h2 class="password-modal__content-heading">Enter store '
      'using password:</h2><input type="password" name="password" placeholder="Your password"><button '
      'name="commit">Enter</button></form><small class="password__shopify-logo">This shop will be powered by '
      '<a href="https://www.shopify.com">Shopify</a></small><p>Are you the store owner? <a href="/admin">Log in '
      'here</a></p></div></details></details-modal></div></body></html>')
error("shopify", "404 'Page not found' in the store frame",
      shopify("404 Not Found", raw='<div class="template-404 page-width page-margin center"><p '
                                   'class="caption-with-letter-spacing light">404</p><h1 class="h2">Page not found</h1>'
                                   '<a href="/collections/all" class="button">Continue shopping</a></div>'))
error("salesforce", "'Sorry to interrupt' Aura error in the site frame",
      salesforce(TITLE, raw='<div id="auraErrorMessage"><div class="auraErrorBox"><h2>Sorry to interrupt</h2><p>This '
                            'page has an error. You might just need to refresh it.</p><p>[Cannot read properties of '
                            'undefined (reading &#39;articleBody&#39;)]</p><a href="javascript:location.reload()">'
                            'Refresh</a></div></div>'))
error("salesforce", "'Page not found' in the site frame",
      salesforce("Error", raw='<div class="comm-page-not-found"><h1>Looks like there’s a problem</h1><p>The page you '
                              'were looking for does not exist or has been moved. Contact the site administrator '
                              'for help.</p><a href="/s/">Go to Home</a></div>'))
error("salesforce", "article not available to guest users",
      salesforce("Article", raw='<div class="forceCommunityArticleView"><div class="slds-notify slds-notify_alert" '
                                'role="alert"><h2>This article is no longer available.</h2><p>It may have been '
                                'archived or you may not have access to it.</p></div></div>'))
error("vitepress", "default 404 with its quote",
      vitepress("404", raw='<div class="NotFound" data-v-18e09c33><p class="code">404</p><h1 class="title">PAGE NOT '
                           'FOUND</h1><div class="divider"></div>'
                           '<blockquote class="quote">But if you don’t change your '
                           'direction, and if you keep looking, you may end up where you are heading.</blockquote>'
                           '<div class="action"><a class="link" href="/" aria-label="go to home">Take me home</a>'
                           '</div></div>'))
error("docsify", "unrendered shell 'Loading ...'", docsify(TITLE, rendered=False))
error("docsify", "'404 - Not found' rendered into the markdown section",
      docsify(TITLE, raw='<h1 id="404-not-found"><a href="#/dpa?id=404-not-found" class="anchor"><span>404 - Not '
                         'found</span></a></h1>'))


def main(argv: list[str]) -> int:
    base.PROBES[:] = PROBES  # the report of unseen_templates.py, over these probes
    base.__doc__ = __doc__
    return base.main(argv)


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
