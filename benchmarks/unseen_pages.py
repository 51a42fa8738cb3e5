"""Pages for unseen_templates.py: legal prose written for the benchmark, widgets as their makers render them, and
page shells modelled on the markup of site platforms (help centres, docs builders, site builders, policy generators)."""

from __future__ import annotations

from collections.abc import Callable

# A document as (heading, paragraphs) sections.
Sections = list[tuple[str, list[str]]]

TERMS: Sections = [
    ("1. Acceptance of these Terms",
     ["These Terms of Service (the “Terms”) govern your access to and use of the Northwind platform, "
      "its application programming interfaces and any related services (together, the “Services”). "
      "By creating an account or using the Services you agree to be bound by these Terms.",
      "If you use the Services on behalf of an organisation, you represent that you have authority to bind that "
      "organisation, and “you” refers to that organisation."]),
    ("2. Your Content",
     ["You retain all rights in the data, files and prompts you submit to the Services (“Customer Content”). "
      "We will not use Customer Content to train or improve our models unless you explicitly opt in.",
      "We retain Customer Content for 30 days after deletion from your workspace, after which it is permanently "
      "erased from our primary systems and, within a further 60 days, from our backups."]),
    ("3. Acceptable Use",
     ["You must not use the Services to violate any law, infringe the rights of others, or attempt to gain "
      "unauthorised access to any system. We may suspend accounts that we reasonably believe are engaged in abuse."]),
    ("4. Fees and Payment",
     ["Fees are billed in advance on a monthly or annual basis and are non-refundable except where required by law. "
      "We may change our fees on at least 30 days written notice."]),
    ("5. Termination",
     ["Either party may terminate these Terms for material breach that remains uncured 30 days after written "
      "notice. Sections 2, 6 and 7 survive termination."]),
    ("6. Limitation of Liability",
     ["To the maximum extent permitted by law, neither party will be liable for indirect, incidental or "
      "consequential damages, and each party’s aggregate liability is limited to the fees paid in the twelve "
      "months preceding the claim."]),
    ("7. Governing Law",
     ["These Terms are governed by the laws of the State of Delaware, without regard to its conflict of laws rules, "
      "and the courts of Wilmington, Delaware have exclusive jurisdiction."]),
]


def terms_html(sections: Sections = TERMS, mutate: Callable[[str], str] | None = None) -> str:
    """The sections as headings and paragraphs, each paragraph passed through `mutate` if given."""
    return "".join(f"<h2>{head}</h2>" + "".join(f"<p>{mutate(p) if mutate else p}</p>" for p in paras)
                   for head, paras in sections)


# Real changes of wording, each a function on a paragraph.
def digit_change(p: str) -> str:
    return p.replace("for 30 days after deletion", "for 90 days after deletion")


def not_inserted(p: str) -> str:
    return p.replace("We may suspend accounts", "We may not suspend accounts")


def sentence_added(p: str) -> str:
    if p.startswith("Fees are billed"):
        return p + " Taxes are charged in addition to the fees."
    return p


def opt_in_to_out(p: str) -> str:
    return p.replace("unless you explicitly opt in", "unless you explicitly opt out")


PRIVACY_COOKIES = (
    "<h2>5. Cookies and Similar Technologies</h2>"
    "<p>We use cookies and similar technologies to keep you signed in, remember your preferences and understand "
    "how the Services are used. You can control cookies through your browser settings and our cookie banner.</p>"
    "<h3>5.1 Strictly necessary cookies</h3>"
    "<p>These cookies are required for the Services to function and cannot be switched off. They are usually set "
    "in response to actions you take, such as logging in or filling in forms.</p>"
    "<h3>5.2 Analytics cookies</h3>"
    "<p>With your consent, we use analytics cookies to count visits and traffic sources so we can measure and "
    "improve performance. We keep analytics data for 14 months.</p>"
)

SUBPROCESSORS = [
    ("Amazon Web Services, Inc.", "Cloud hosting and storage", "United States"),
    ("Google LLC", "Cloud hosting", "United States"),
    ("Stripe, Inc.", "Payment processing", "United States"),
    ("Zendesk, Inc.", "Customer support ticketing", "United States"),
    ("Twilio Inc.", "Email delivery", "United States"),
    ("Datadog, Inc.", "Monitoring and logging", "United States"),
    ("Cloudflare, Inc.", "Content delivery and security", "United States"),
]


def subprocessor_table(rows: list[tuple[str, str, str]] = SUBPROCESSORS, linked: bool = False) -> str:
    def cell(name: str) -> str:
        return f'<a href="https://{name.split()[0].lower()}.example/privacy">{name}</a>' if linked else name
    body = "".join(f"<tr><td>{cell(n)}</td><td>{p}</td><td>{c}</td></tr>" for n, p, c in rows)
    return ("<table><thead><tr><th>Subprocessor</th><th>Purpose</th><th>Location</th></tr></thead>"
            f"<tbody>{body}</tbody></table>")


# Widgets as their makers render them (consent managers, chat launchers, notices), cut to their text-bearing parts.
ONETRUST = """<div id="onetrust-consent-sdk"><div class="onetrust-pc-dark-filter ot-hide ot-fade-in"></div>
<div id="onetrust-banner-sdk" class="otFlat" tabindex="0" role="region" aria-label="Cookie banner">\
<div role="alertdialog" aria-describedby="onetrust-policy-text" aria-modal="true" aria-label="Privacy">
<div class="ot-sdk-container"><div class="ot-sdk-row">\
<div id="onetrust-group-container" class="ot-sdk-eight ot-sdk-columns"><div class="banner_logo"></div>\
<div id="onetrust-policy">
<h2 id="onetrust-policy-title">We value your privacy</h2><div id="onetrust-policy-text">{text} \
<a class="ot-cookie-policy-link" href="/cookies" aria-label="More information about your privacy, opens in a new tab" \
rel="noopener" target="_blank">Cookie Policy</a></div></div></div>
<div id="onetrust-button-group-parent" class="ot-sdk-three ot-sdk-columns"><div id="onetrust-button-group">\
<button id="onetrust-pc-btn-handler">Cookie Settings</button><button id="onetrust-reject-all-handler">Reject All\
</button><button id="onetrust-accept-btn-handler">Accept All Cookies</button></div></div></div></div></div></div>
<div id="onetrust-pc-sdk" class="otPcCenter ot-hide ot-fade-in" lang="en" aria-label="Preference center" role="region">\
<div role="alertdialog" aria-modal="true" aria-describedby="ot-pc-desc" aria-label="Privacy Preference Center">
<div class="ot-pc-header" role="presentation"></div><div id="ot-pc-content" class="ot-pc-scrollbar">\
<h2 id="ot-pc-title">Privacy Preference Center</h2>\
<div id="ot-pc-desc">When you visit any website, it may store or retrieve information on your browser, mostly in the \
form of cookies.</div>
<h3 id="ot-category-title"> Manage Consent Preferences</h3><div class="ot-accordion-layout ot-cat-item">\
<h4 class="ot-cat-header" id="ot-header-id-C0001">Strictly Necessary Cookies</h4>\
<div class="ot-always-active">Always Active</div>
<p class="ot-category-desc" id="ot-desc-id-C0001">These cookies are necessary for the website to function and cannot \
be switched off in our systems.</p></div></div></div></div></div>"""

COOKIEBOT = """<div id="CybotCookiebotDialog" name="CybotCookiebotDialog" role="dialog" aria-modal="true" \
aria-labelledby="CybotCookiebotDialogBodyContentTitle" aria-describedby="CybotCookiebotDialogBodyContentText" \
tabindex="-1" lang="en" dir="ltr" data-template="popup" class="CybotCookiebotDialogActive">
<div class="CybotCookiebotDialogContentWrapper">\
<header id="CybotCookiebotDialogHeader" class="CybotCookiebotScrollContainer">\
<div class="CybotCookiebotDialogPoweredbyContainer">\
<a href="https://www.cookiebot.com/en/what-is-behind-powered-by-cookiebot/" rel="noopener nofollow" target="_blank" \
id="CybotCookiebotDialogPoweredbyCybot" aria-label="Cookiebot - opens in a new window" \
class="CybotCookiebotLogoContainer"></a></div></header>
<div id="CybotCookiebotDialogBody">\
<h2 id="CybotCookiebotDialogBodyContentTitle" lang="en" role="heading" aria-level="2">This website uses cookies</h2>\
<div id="CybotCookiebotDialogBodyContentText" lang="en">{text}</div></div>
<div id="CybotCookiebotDialogFooter" class="CybotCookiebotScrollContainer">\
<button id="CybotCookiebotDialogBodyButtonDecline" class="CybotCookiebotDialogBodyButton">Deny</button>\
<button id="CybotCookiebotDialogBodyLevelButtonLevelOptinAllowAll" class="CybotCookiebotDialogBodyButton">Allow all\
</button></div></div></div>"""

COOKIECONSENT_V3 = """<div role="dialog" aria-live="polite" aria-label="cookieconsent" \
aria-describedby="cookieconsent:desc" class="cc-window cc-banner cc-type-info cc-theme-block cc-bottom">
<span id="cookieconsent:desc" class="cc-message">{text} \
<a aria-label="learn more about cookies" role="button" tabindex="0" class="cc-link" href="/cookies" rel="noopener \
noreferrer nofollow" target="_blank">Learn more</a></span>
<div class="cc-compliance">\
<a aria-label="dismiss cookie message" role="button" tabindex="0" class="cc-btn cc-dismiss">Got it!</a></div></div>"""

SILKTIDE_V1 = """<div class="cc_banner-wrapper "><div class="cc_banner cc_container cc_container--open">\
<a href="#null" data-cc-event="click:dismiss" target="_blank" class="cc_btn cc_btn_accept_all">Got it!</a>
<p class="cc_message">{text} \
<a data-cc-if="options.link" target="_blank" class="cc_more_info" href="/cookies">More info</a></p>
<a class="cc_logo" target="_blank" href="http://silktide.com/cookieconsent">Cookie Consent plugin for the EU cookie law\
</a></div></div>"""

DIDOMI = """<div id="didomi-host" data-nosnippet="true">\
<div id="didomi-notice" class="didomi-regular-notice didomi-notice-banner didomi-notice-v2 bottom">
<div class="didomi-notice-data-processing-container">\
<span class="didomi-notice-data-processing-title">We and our partners process data to provide:</span>\
<span class="didomi-notice-data-processing-list">{text}</span></div>
<div id="buttons" class="didomi-buttons">\
<button class="didomi-components-button didomi-button" id="didomi-notice-agree-button"><span>Agree and close</span>\
</button></div></div></div>"""

TRUSTARC = """<div id="truste-consent-track" style="display: block;" class="truste-banner">\
<div id="truste-consent-content" class="truste-consent-content">
<div id="truste-consent-text" class="truste-consent-text">{text} \
<a href="/privacy" id="truste-privacy-button" target="_blank">privacy statement</a></div>
<div id="truste-consent-buttons" class="truste-consent-buttons">\
<button id="truste-consent-button" type="button" class="truste-button1">Accept All</button>\
<button id="truste-consent-required" type="button" class="truste-button1">Required Only</button></div></div></div>"""

HUBSPOT_COOKIE = """<div id="hs-eu-cookie-confirmation" class="hs-cookie-notification-position-bottom" \
aria-label="Cookie banner" data-hs-target-id="hs-eu-cookie-confirmation"><div id="hs-eu-cookie-confirmation-inner">
<div id="hs-eu-policy-wording"><p>{text}</p></div><div id="hs-en-cookie-confirmation-buttons-area">\
<div id="hs-eu-cookie-confirmation-button-group"><a href="#" id="hs-eu-confirmation-button" role="button">Accept</a>\
<a href="#" id="hs-eu-decline-button" role="button">Decline</a></div></div></div></div>"""

WP_COOKIE_NOTICE = """<div id="cookie-notice" role="dialog" class="cookie-revoke-hidden cn-position-bottom" \
aria-label="Cookie Notice" style="background-color: rgba(50,50,58,1);">\
<div class="cookie-notice-container" style="color: #fff">
<span id="cn-notice-text" class="cn-text-container">{text}</span>\
<span id="cn-notice-buttons" class="cn-buttons-container">\
<a href="#" id="cn-accept-cookie" data-cookie-set="accept" class="cn-set-cookie cn-button" aria-label="Ok">Ok</a>\
</span></div></div>"""

CUSTOM_COOKIE = {
    "cookie-notification": '<div class="cookie-notification" id="cookie-notification"><p>{text}</p>'
                           '<a href="#" class="js-cookie-accept">Got it</a></div>',
    "cookies-message": '<div class="cookies-message"><div class="cookies-message__inner"><p>{text}</p>'
                       '<a class="btn" href="#">OK</a></div></div>',
    "cookieChoiceInfo": '<div id="cookieChoiceInfo" style="position:fixed;width:100%;background-color:#eee;margin:0;'
                        'left:0;bottom:0;padding:4px;z-index:1000;text-align:center;"><span>{text}</span>'
                        '<a id="cookieChoiceDismiss" href="#" style="margin-left:24px;">Close</a></div>',
    "privacy-banner (no cookie word)": '<div class="privacy-banner"><p>{text}</p>'
                                       '<a class="privacy-banner__accept" href="#">Accept</a></div>',
    "gdpr-box": '<div class="gdpr-box"><p>{text}</p><a class="gdpr-box__ok" href="#">I agree</a></div>',
}

COOKIE_TEXT_A = ("We use cookies to improve your experience on our site and to show you relevant advertising. "
                 "By continuing to browse, you agree to our use of cookies.")
COOKIE_TEXT_B = ("We and our 142 partners use cookies and similar technologies to personalise content and ads, "
                 "and to analyse our traffic. You can change your choices at any time.")

# Chat widgets: Crisp's and Intercom's launchers render into the page, Drift's into iframes.
CRISP = """<div class="crisp-client">\
<div id="crisp-chatbox" class="cc-1xry cc-tlyf" data-chat-status="ongoing" data-visible="true">\
<a role="button" aria-label="Open chat" class="cc-1m2mf" data-maximized="false"><span class="cc-157aw">\
<span class="cc-otlyh">{greeting}</span></span></a>
<div class="cc-1cuw6" data-has-unread="true"><span class="cc-1iv2s">Northwind</span>\
<span class="cc-1o6gv">{availability}</span></div></div></div>"""

INTERCOM_LAUNCHER = """<div class="intercom-lightweight-app">\
<div class="intercom-lightweight-app-launcher intercom-launcher" role="button" tabindex="0" aria-label="Open Intercom \
Messenger" aria-live="polite">
<div class="intercom-lightweight-app-launcher-icon intercom-lightweight-app-launcher-icon-open"><svg></svg></div></div>
<div class="intercom-lightweight-app-messenger"><div class="intercom-lightweight-app-messenger-header">\
<div class="intercom-lightweight-app-messenger-header-greeting">{greeting}</div>\
<div class="intercom-lightweight-app-messenger-header-intro">{availability}</div></div></div></div>"""

DRIFT = """<div id="drift-frame-controller" class="drift-conductor-item drift-frame-controller" \
style="position:fixed;bottom:24px;right:24px">\
<iframe class="drift-frame-controller" title="Drift Widget Chat Controller" \
src="https://js.driftt.com/include/1/frame.html"></iframe></div>
<div id="drift-frame-chat" class="drift-conductor-item drift-frame-chat"><iframe title="Drift Widget Chat Window">\
</iframe></div>"""

ANNOUNCE = {
    "bootstrap-alert": '<div class="alert alert-info text-center mb-0" role="presentation"><strong>New:'
                       '</strong> {text} <a href="/blog/launch" class="alert-link">Read more</a></div>',
    "top-bar": '<div class="top-bar"><div class="wrap"><p>{text} <a href="/blog/launch">Learn more →</a></p></div>'
               '</div>',
    "site-banner": '<div class="site-banner"><span>{text}</span> <a href="/blog/launch">Learn more</a></div>',
    "hello-bar": '<div id="hellobar" class="hb-bar"><span class="hb-text">{text}</span>'
                 '<a class="hb-cta" href="/blog/launch">Read the announcement</a></div>',
    "announcement-bar": '<div class="announcement-bar"><p>{text} <a href="/blog/launch">Learn more</a></p></div>',
}
ANNOUNCE_A = "Northwind Summit 2026 is on March 12 — register today and save 20%."
ANNOUNCE_B = "We just launched Northwind Agents, now in public beta for every workspace."

NEWSLETTER = """<div class="newsletter-signup"><h3>Subscribe to our newsletter</h3><p>{text}</p>\
<form action="/subscribe" method="post"><input type="email" name="email" placeholder="you@company.com">\
<button type="submit">Subscribe</button></form></div>"""


SVG = '<svg viewBox="0 0 16 16" aria-hidden="true" focusable="false"><path d="M3 4.5l2.6 2.6"/></svg>'


def _links(items: tuple[str, ...]) -> str:
    return "".join(f'<li><a class="" href="/hc/en-us/articles/{1000 + i}-{t.lower().replace(" ", "-")}">{t}</a></li>'
                   for i, t in enumerate(items))


def zendesk(title: str, legal: str, votes: str = "12 out of 47 found this helpful",
            updated: str = "November 03, 2025 17:42", updated_iso: str = "2025-11-03T17:42:10Z",
            related: tuple[str, ...] = ("Privacy Policy", "Data Processing Addendum", "Cookie Policy"),
            recent: tuple[str, ...] = (), comments: tuple[tuple[str, str], ...] = (), author: str = "Jane Doe",
            banner: str = "", followers: str = "") -> str:
    """A Zendesk Guide article page (Copenhagen theme): votes, related and recent articles, comments."""
    recent_html = (f'<section class="recent-articles"><h2 class="recent-articles-title">Recently viewed articles</h2>'
                   f'<ul>{_links(recent)}</ul></section>') if recent else '<div data-recent-articles></div>'
    related_html = (f'<section class="related-articles"><h2 class="related-articles-title">Related articles</h2>'
                    f'<ul>{_links(related)}</ul></section>') if related else ""
    clist = "".join(
        f'<li id="community_comment_{i}" class="comment"><div class="comment-wrapper"><div class="comment-info">'
        '<div class="comment-author"><div class="avatar comment-avatar"><img src="/a.png" alt="" class="user-avatar">'
        '</div>'
        f'<div class="comment-meta"><span title="{who}"><a href="/hc/en-us/profiles/{i}">{who}</a></span>'
        '<ul class="meta-group"><li class="meta-data">'
        f'<time datetime="2026-01-0{i + 1}T10:00:00Z" title="2026-01-0{i + 1} 10:00" '
        f'data-datetime="relative">January 0{i + 1}, 2026 10:00</time></li></ul></div></div>'
        f'<section class="comment-body"><p>{body}</p></section></div>'
        f'<div class="comment-actions-container"><div class="comment-vote vote" role="group">'
        f'<button type="button" class="vote-up">{SVG}</button><span class="vote-sum">0</span>'
        f'<button type="button" class="vote-down">{SVG}</button></div></div></div></li>'
        for i, (who, body) in enumerate(comments))
    n = len(comments)
    return f"""<!DOCTYPE html><html dir="ltr" lang="en-US"><head><title>{title} &ndash; Northwind Help Center</title>\
</head>
<body class="">
<a class="skip-navigation" tabindex="1" href="#main-content">Skip to main content</a>
{banner}
<header class="header"><div class="logo"><a title="Home" href="/hc/en-us">\
<img src="/logo.png" alt="Northwind Help Center home page"></a></div>
<div class="nav-wrapper-desktop"><nav class="user-nav" id="user-nav" aria-label="User navigation">\
<ul class="user-nav-list">
<li><a class="submit-a-request" href="/hc/en-us/requests/new">Submit a request</a></li></ul></nav>
<a class="sign-in" rel="nofollow" data-auth-action="signin" title="Opens a dialog" role="button" \
href="/hc/en-us/signin">Sign in</a></div></header>
<main role="main">
<div class="container-divider"></div>
<div class="container">
  <div class="sub-nav">
    <nav aria-label="Current location"><ol class="breadcrumbs"><li title="Northwind Help Center">\
<a href="/hc/en-us">Northwind Help Center</a></li>
    <li title="Legal"><a href="/hc/en-us/categories/360001">Legal</a></li><li title="Policies">\
<a href="/hc/en-us/sections/360002">Policies</a></li></ol></nav>
    <div class="search-container">\
<form role="search" class="search" data-search="" action="/hc/en-us/search" accept-charset="UTF-8" method="get">
    <input type="hidden" name="utf8" value="&#x2713;" autocomplete="off">\
<input type="search" name="query" id="query" placeholder="Search" aria-label="Search"></form></div>
  </div>
  <div class="article-container" id="article-container">
    <aside class="article-sidebar" aria-labelledby="section-articles-title">
      <div class="collapsible-sidebar">\
<button type="button" class="collapsible-sidebar-toggle" aria-labelledby="section-articles-title" \
aria-expanded="false"></button>
      <h2 id="section-articles-title" class="collapsible-sidebar-title sidenav-title">Articles in this section</h2>
      <div class="collapsible-sidebar-body"><ul><li>\
<a href="/hc/en-us/articles/1" class="sidenav-item current-article">{title}</a></li>
      <li><a href="/hc/en-us/articles/2" class="sidenav-item">Privacy Policy</a></li></ul></div></div>
    </aside>
    <article id="main-content" class="article">
      <header class="article-header">
        <h1 title="{title}" class="article-title">{title}</h1>
        <div class="article-author"><div class="avatar article-avatar"><img src="/u.png" alt="" class="user-avatar">\
</div>
          <div class="article-meta"><a href="/hc/en-us/profiles/123-{author.replace(' ', '-')}">{author}</a>
            <ul class="meta-group">
              <li class="meta-data">\
<time datetime="{updated_iso}" title="{updated_iso[:10]} {updated_iso[11:16]}" \
data-datetime="relative">{updated}</time></li>
              <li class="meta-data">Updated</li>
            </ul></div></div>
        <div class="article-subscribe">\
<button class="button" rel="nofollow" role="button" data-auth-action="signin" aria-selected="false" title="Opens a \
sign-in dialog">Follow</button>{followers}</div>
      </header>
      <section class="article-info"><div class="article-content"><div class="article-body">{legal}</div></div></section>
      <footer>
        <div class="article-footer">
          <div class="article-share"><ul class="share">
            <li><a href="https://www.facebook.com/share.php?title=x&amp;u=y" class="share-facebook" \
aria-label="Facebook">{SVG}</a></li>
            <li><a href="https://twitter.com/share?lang=en&amp;text=x&amp;url=y" class="share-twitter" aria-label="X \
Corp">{SVG}</a></li>
            <li><a href="https://www.linkedin.com/shareArticle?mini=true" class="share-linkedin" \
aria-label="LinkedIn">{SVG}</a></li></ul></div>
        </div>
        <div class="article-votes">
          <h2 class="article-votes-question" id="article-votes-label">Was this article helpful?</h2>
          <div class="article-votes-controls" role="group" aria-labelledby="article-votes-label">
            <button type="button" class="button article-vote article-vote-up" data-auth-action="signin" \
aria-label="This article was helpful" aria-pressed="false">Yes</button>
            <button type="button" class="button article-vote article-vote-down" data-auth-action="signin" \
aria-label="This article was not helpful" aria-pressed="false">No</button>
          </div>
          <small class="article-votes-count"><span class="article-vote-label">{votes}</span></small>
        </div>
        <div class="article-more-questions">Have more questions? <a href="/hc/en-us/requests/new">Submit a request</a>\
</div>
        <div class="article-return-to-top"><a href="#article-container">Return to top{SVG}</a></div>
      </footer>
      <div class="article-relatives">{recent_html}{related_html}</div>
      <div class="article-comments" id="article-comments">
        <section class="comments">
          <header class="comment-overview"><h2 class="comment-heading">Comments</h2>
          <p class="comment-callout">{n} comment{'s' if n != 1 else ''}</p></header>
          <ul id="comments" class="comment-list">{clist}</ul>
          <p class="comment-callout">Please <a data-auth-action="signin" rel="nofollow" href="/hc/en-us/signin">sign in\
</a> to leave a comment.</p>
        </section>
      </div>
    </article>
  </div>
</div>
</main>
<footer class="footer"><div class="footer-inner"><a title="Home" href="/hc/en-us">Northwind Help Center</a>
<div class="footer-language-selector"><div class="dropdown language-selector">\
<button class="dropdown-toggle" aria-haspopup="true">English (US)</button>
<span class="dropdown-menu dropdown-menu-end" role="menu">\
<a href="/hc/change_language/de" rel="nofollow" role="menuitem">Deutsch</a></span></div></div></div></footer>
</body></html>"""


def intercom(title: str, legal: str | None = None, updated: str = "Updated over a week ago",
             written: str = 'Written by <span class="text-body-primary-color">Jane Doe</span>',
             related: tuple[str, ...] = ("Privacy Policy", "Data Processing Addendum", "Acceptable Use Policy",
                                         "Security overview")) -> str:
    """An Intercom Articles page; with no `legal`, TERMS in Intercom's own blocks."""
    def para(p: str) -> str:
        return f'<div class="intercom-interblocks-paragraph no-margin intercom-interblocks-align-left"><p>{p}</p></div>'
    body = legal if legal is not None else "".join(
        f'<div class="intercom-interblocks-subheading"><h2 id="h_{7000 + i}">{head}</h2></div>'
        + "".join(para(p) for p in paras) for i, (head, paras) in enumerate(TERMS))
    rel = "".join(f'<a href="https://help.northwind.example/en/articles/{800 + i}" '
                  'class="flex items-center justify-between" data-testid="article-link">'
                  f'<div class="flex flex-col p-0"><span class="m-0 line-clamp-1 font-sans text-base">{r}</span></div>'
                  f'<div class="ml-2 h-4 w-4">{SVG}</div></a>' for i, r in enumerate(related))
    return f"""<!DOCTYPE html><html lang="en"><head><title>{title} | Northwind Help Center</title></head><body>
<div id="__next"><div class="flex min-h-screen flex-col">
<header id="header" data-testid="header" class="flex flex-col text-header-color">
<div class="header__meta_wrapper flex justify-between"><a href="/en/" class="mo o">\
<img src="/logo.png" alt="Northwind Help Center"></a>
<div class="flex items-center"><a href="https://northwind.example" class="mo">Go to Northwind</a>
<div class="relative" data-testid="language-picker"><button class="flex items-center" aria-haspopup="true">English\
</button></div></div></div>
<div class="relative mt-9"><form action="/en/" autocomplete="off" data-testid="search-form">\
<input id="search-input" type="text" placeholder="Search for articles..." autocomplete="off" name="q" value=""></form>\
</div>
</header>
<main class="header__lite body__headerless"><div class="z-1 flex shrink-0 grow basis-auto justify-center px-5 sm:px-10">
<section data-testid="main-content" class="max-w-full w-240">
<div class="flex flex-wrap items-baseline pb-4 text-base" tabindex="-1">\
<a class="no-underline" href="/en/">All Collections</a>
<div class="mx-2">{SVG}</div><a class="no-underline" href="/en/collections/3451-legal">Legal</a>\
<div class="mx-2">{SVG}</div>
<div class="text-md text-body-secondary-color">{title}</div></div>
<div class="flex flex-row-reverse justify-between gap-8">
<div class="hidden lg:block"><div class="sticky top-8" data-testid="toc-desktop">\
<div class="mb-2 font-semibold">Table of contents</div>
<div class="flex flex-col"><a href="#h_1" class="block py-1">Acceptance of these Terms</a>\
<a href="#h_2" class="block py-1">Your Content</a></div></div></div>
<div class="w-full"><div class="article intercom-force-break"><div class="mb-10 max-lg:mb-6">\
<div class="flex flex-col gap-4">
<div class="flex flex-col"><h1 class="mb-1 font-primary text-2xl font-bold">{title}</h1>
<div class="text-md font-normal text-body-secondary-color"><p>The terms that govern your use of Northwind</p></div>\
</div>
<div class="avatar"><div class="flex flex-row items-center gap-3"><div class="relative">\
<div class="flex flex-row-reverse"><img class="inline-flex rounded-full" src="/a.png" alt="Jane Doe avatar"></div></div>
<div><div class="line-clamp-1 text-base"><span class="text-body-secondary-color">{written}</span></div>
<div class="line-clamp-1 text-base"><span>{updated}</span></div></div></div></div></div></div>
<div class="jsx-2565741521"><div class="article_body"><article class="jsx-2565741521">{body}
<section class="related_articles my-6"><hr class="my-6 sm:my-8"><div class="mb-7.5 text-lg font-bold">\
<h2 class="text-lg">Related Articles</h2></div>
<div class="flex flex-col rounded-card border">{rel}</div></section></article></div></div></div>
<div class="intercom-reaction-picker -mb-4 -ml-4 -mr-4 mt-6 rounded-card" role="group" aria-label="feedback form">
<div class="intercom-reaction-prompt">Did this answer your question?</div>
<button class="intercom-reaction picker-reaction" aria-label="Disappointed Reaction" tabindex="0" \
data-reaction-text="disappointed" aria-pressed="false"><span title="Disappointed">😞</span></button>
<button class="intercom-reaction picker-reaction" aria-label="Neutral Reaction" tabindex="0" \
data-reaction-text="neutral" aria-pressed="false"><span title="Neutral">😐</span></button>
<button class="intercom-reaction picker-reaction" aria-label="Smiley Reaction" tabindex="0" \
data-reaction-text="smiley" aria-pressed="false"><span title="Smiley">😃</span></button></div>
</div></div></section></div></main>
<footer id="footer" class="mt-24 shrink-0 bg-footer-background"><div class="shrink-0 grow basis-auto px-5">\
<a href="/en/" class="mb-4"><img src="/logo.png" alt="Northwind Help Center"></a>
<ul data-testid="custom-links" class="mb-4"><li><a href="https://northwind.example/blog">Blog</a></li><li>\
<a href="https://northwind.example/status">Status</a></li></ul></div></footer>
</div></div></body></html>"""


def docusaurus(title: str, legal: str,
               announcement: str = "⭐\ufe0f If you like Northwind, give it a star on "
               '<a href="https://github.com/nw/nw">GitHub</a>! ⭐\ufe0f',
               last_updated: str = 'Last updated<!-- --> on <b><time datetime="2025-12-01T10:00:00.000Z" '
               'itemprop="dateModified">Dec 1, 2025</time></b> by <b>Jane Doe</b>',
               next_: str = "Data Processing Addendum", year: str = "2026") -> str:
    """A Docusaurus docs page: announcement bar, edit link and last-updated line, pager."""
    return f"""<!doctype html><html lang="en" dir="ltr" class="docs-wrapper plugin-docs"><head>\
<title>{title} | Northwind Docs</title></head><body class="navigation-with-keyboard">
<div id="__docusaurus"><div role="region" aria-label="Skip to main content">\
<a class="skipToContent_fXgn" href="#__docusaurus_skipToContent_fallback">Skip to main content</a></div>
<div class="theme-announcement-bar announcementBar_mb4j" role="banner"><div class="announcementBarPlaceholder_vyr4">\
</div>
<div class="content_knG7 announcementBarContent_xLdY">{announcement}</div>\
<button type="button" aria-label="Close" class="clean-btn close closeButton_CVFx \
announcementBarClose_gvF7">{SVG}</button></div>
<nav aria-label="Main" class="navbar navbar--fixed-top"><div class="navbar__inner"><div class="navbar__items">\
<a class="navbar__brand" href="/"><b class="navbar__title text--truncate">Northwind</b></a>
<a class="navbar__item navbar__link" href="/docs/intro">Docs</a><a class="navbar__item navbar__link" href="/blog">Blog\
</a></div></div></nav>
<div id="__docusaurus_skipToContent_fallback" class="main-wrapper mainWrapper_z2l0"><div class="docsWrapper_hBAB">
<button aria-label="Scroll back to top" class="clean-btn theme-back-to-top-button backToTopButton_sjWU" type="button">\
</button>
<div class="docRoot_UBD9"><aside class="theme-doc-sidebar-container docSidebarContainer_YfHR">\
<div class="sidebarViewport_aRkj"><nav aria-label="Docs sidebar" class="menu thin-scrollbar menu_SIkG">
<ul class="theme-doc-sidebar-menu menu__list"><li class="menu__list-item">\
<a class="menu__link" href="/legal/terms">Terms of Service</a></li><li class="menu__list-item">\
<a class="menu__link" href="/legal/privacy">Privacy Policy</a></li></ul></nav></div></aside>
<main class="docMainContainer_TBSr"><div class="container padding-top--md padding-bottom--lg"><div class="row">\
<div class="col docItemCol_VOVn"><div class="docItemContainer_Djhp"><article>
<nav class="theme-doc-breadcrumbs breadcrumbsContainer_Z_bl" aria-label="Breadcrumbs">\
<ul class="breadcrumbs" itemscope="" itemtype="https://schema.org/BreadcrumbList">
<li class="breadcrumbs__item"><a aria-label="Home page" class="breadcrumbs__link" href="/">{SVG}</a></li>
<li itemscope="" itemprop="itemListElement" itemtype="https://schema.org/ListItem" class="breadcrumbs__item">\
<span class="breadcrumbs__link">Legal</span><meta itemprop="position" content="1"></li>
<li itemscope="" itemprop="itemListElement" itemtype="https://schema.org/ListItem" class="breadcrumbs__item \
breadcrumbs__item--active"><span class="breadcrumbs__link" itemprop="name">{title}</span>\
<meta itemprop="position" content="2"></li></ul></nav>
<div class="tocCollapsible_ETCw theme-doc-toc-mobile tocMobile_ITEo">\
<button type="button" class="clean-btn tocCollapsibleButton_TO0P">On this page</button></div>
<div class="theme-doc-markdown markdown"><header><h1>{title}</h1></header>{legal}</div>
<footer class="theme-doc-footer docusaurus-mt-lg"><div class="theme-doc-footer-edit-meta-row row"><div class="col">
<a href="https://github.com/nw/docs/edit/main/legal/terms.md" target="_blank" rel="noopener noreferrer" \
class="theme-edit-this-page">{SVG}Edit this page</a></div>
<div class="col lastUpdated_JAkA"><span class="theme-last-updated">{last_updated}</span></div></div></footer></article>
<nav class="pagination-nav docusaurus-mt-lg" aria-label="Docs pages">\
<a class="pagination-nav__link pagination-nav__link--prev" href="/legal/privacy">\
<div class="pagination-nav__sublabel">Previous</div><div class="pagination-nav__label">Privacy Policy</div></a>
<a class="pagination-nav__link pagination-nav__link--next" href="/legal/dpa"><div class="pagination-nav__sublabel">Next\
</div><div class="pagination-nav__label">{next_}</div></a></nav></div></div>
<div class="col col--3"><div class="tableOfContents_bqdL thin-scrollbar theme-doc-toc-desktop">\
<ul class="table-of-contents table-of-contents__left-border">
<li><a href="#1-acceptance" class="table-of-contents__link toc-highlight">1. Acceptance of these Terms</a></li><li>\
<a href="#2-content" class="table-of-contents__link">2. Your Content</a></li>
<li><a href="#3-use" class="table-of-contents__link">3. Acceptable Use</a></li></ul></div></div></div></div></main>\
</div></div></div>
<footer class="footer footer--dark"><div class="container container-fluid"><div class="footer__bottom text--center">\
<div class="footer__copyright">Copyright © {year} Northwind, Inc. Built with Docusaurus.</div></div></div></footer>\
</div>
</body></html>"""


def gitbook(title: str, legal: str, updated: str = "3 days ago", next_: str = "Data Processing Addendum") -> str:
    """A GitBook page: previous/next cards and the last-updated line inside <main>."""
    return f"""<!DOCTYPE html><html lang="en"><head><title>{title} | Northwind Docs</title></head><body>
<div class="scroll-nojump"><header class="flex flex-row justify-between sticky top-0 z-30 w-full"><div class="flex">\
<a href="/" class="group/headerlogo"><img alt="Northwind" src="/l.png">\
<div class="text-pretty line-clamp-2">Northwind Docs</div></a></div>
<div class="flex"><div class="search" role="search"><button class="flex" aria-label="Search">Search\
<span class="hidden">Ctrl K</span></button></div></div></header>
<div class="flex flex-row">\
<aside class="relative group flex flex-col table-of-contents" data-testid="table-of-contents">\
<div class="flex flex-col"><ul class="flex flex-col gap-y-0.5">
<li class="flex flex-col"><a href="/legal/terms" class="flex flex-row">{title}</a></li><li class="flex flex-col">\
<a href="/legal/privacy" class="flex flex-row">Privacy Policy</a></li></ul>
<div class="mt-auto">\
<a href="https://www.gitbook.com/?utm_source=content&amp;utm_medium=trademark&amp;utm_campaign=nw" target="_blank" \
class="text-sm">Powered by GitBook</a></div></div></aside>
<div class="flex-1 flex flex-col"><main class="relative min-w-0 flex-1 py-8 break-anywhere">
<header class="max-w-3xl mx-auto mb-6 space-y-3"><nav aria-label="Breadcrumb"><ol class="flex flex-wrap">\
<li class="flex items-center"><a href="/legal" class="text-xs uppercase">Legal</a></li></ol></nav>
<h1 class="text-pretty text-4xl font-bold">{title}</h1></header>
<div class="whitespace-pre-wrap grid [&amp;>*+*]:mt-5 blocks w-full">{legal}</div>
<div class="flex flex-col max-w-3xl w-full mx-auto mt-6 page-footer">\
<div class="flex flex-col md:flex-row mt-6 gap-2 max-w-3xl mx-auto">
<a class="group text-sm p-2.5 flex gap-4 flex-1 flex-row-reverse items-center pl-4 border rounded" \
href="/legal/privacy"><span class="flex flex-col flex-1 text-right"><span class="text-xs">Previous</span>\
<span class="text-balance line-clamp-2">Privacy Policy</span></span></a>
<a class="group text-sm p-2.5 flex gap-4 flex-1 items-center pr-4 border rounded" href="/legal/dpa">\
<span class="flex flex-col flex-1"><span class="text-xs">Next</span>\
<span class="text-balance line-clamp-2">{next_}</span></span></a></div>
<div class="flex flex-row items-center mt-6 max-w-3xl mx-auto gap-6"><p class="text-sm text-tint">Last updated \
<time datetime="2025-12-29T10:00:00Z">{updated}</time></p>
<div class="flex flex-row items-center gap-2"><p class="text-sm">Was this helpful?</p><div class="flex">\
<button aria-label="Bad">😞</button><button aria-label="Ok">😐</button>\
<button aria-label="Good">😃</button></div></div>\
</div></div>
</main>
<aside class="group/aside order-last hidden xl:flex page-outline"><div class="flex flex-col">\
<div class="text-xs font-semibold">On this page</div>
<ul class="flex flex-col border-l"><li><a href="#1.-acceptance" class="flex">1. Acceptance of these Terms</a></li><li>\
<a href="#2.-content" class="flex">2. Your Content</a></li><li><a href="#3.-use" class="flex">3. Acceptable Use</a>\
</li></ul></div></aside>
</div></div></div></body></html>"""


def mintlify(title: str, legal: str, helpful: str = "Was this page helpful?", assistant: str = "",
             banner: str = "") -> str:
    """A Mintlify docs page: feedback toolbar, pagination, an assistant sheet and a banner when given."""
    return f"""<!DOCTYPE html><html lang="en"><head><title>{title} - Northwind</title></head><body>
<div id="__next">{banner}<div id="navbar" class="z-30 fixed lg:sticky top-0 w-full"><div class="relative"><a href="/">\
<img class="nav-logo" alt="light logo" src="/l.svg"></a>
<button type="button" id="search-bar-entry" class="flex pointer-events-auto rounded-xl">\
<div class="truncate min-w-0">Search...</div></button>
<a href="https://dashboard.northwind.example" class="group px-4 py-1.5 relative inline-flex items-center text-sm \
font-semibold" target="_blank">Get started</a></div></div>
<div class="max-w-8xl px-4 mx-auto lg:px-8"><div id="sidebar" class="z-20 hidden lg:block fixed">\
<div id="sidebar-content"><div id="navigation-items"><div class="mt-12 lg:mt-8"><div class="sidebar-group-header">\
<h5 id="sidebar-title">Legal</h5></div>
<ul id="sidebar-group" class="sidebar-group"><li id="/legal/terms">\
<a class="group flex items-center" href="/legal/terms"><div class="flex-1">{title}</div></a></li>\
<li id="/legal/privacy"><a class="group" href="/legal/privacy"><div>Privacy Policy</div></a></li></ul></div></div>\
</div></div>
<div id="content-container"><div class="flex flex-row-reverse gap-12 box-border w-full pt-40 lg:pt-10">
<div class="hidden xl:flex self-start sticky xl:flex-col max-w-[28rem] h-[calc(100vh-9.5rem)] top-[7.5rem]" \
id="content-side-layout"><div id="table-of-contents" class="z-10 hidden xl:flex box-border max-h-full pl-10 w-[19rem]">
<div class="text-gray-700 text-sm leading-6 w-[16.5rem] overflow-y-auto space-y-2 pb-4 -mt-10 pt-10" \
id="table-of-contents-layout">\
<div class="text-gray-700 dark:text-gray-300 font-medium flex items-center space-x-2">{SVG}<span>On this page</span>\
</div>
<ul id="table-of-contents-content" class="toc"><li class="toc-item relative" data-depth="0">\
<a href="#1-acceptance-of-these-terms" class="py-1 block font-medium">1. Acceptance of these Terms</a></li>
<li class="toc-item relative" data-depth="0"><a href="#2-your-content" class="py-1 block">2. Your Content</a></li>\
<li class="toc-item relative" data-depth="0"><a href="#3-acceptable-use" class="py-1 block">3. Acceptable Use</a></li>\
</ul></div></div></div>
<div class="relative grow box-border flex-col w-full mx-auto px-1 lg:pl-[23.7rem] lg:-ml-12 xl:w-[calc(100%-28rem)]" \
id="content-area">
<header id="header" class="relative"><div class="mt-0.5 space-y-2.5">\
<div class="eyebrow h-5 text-primary text-sm font-semibold">Legal</div>
<div class="flex flex-col sm:flex-row items-start sm:items-center relative gap-2">\
<h1 id="page-title" class="inline-block text-2xl sm:text-3xl">{title}</h1>
<div id="page-context-menu" class="items-center shrink-0 min-w-[156px] justify-end ml-auto sm:flex hidden">\
<button id="page-context-menu-button" class="rounded-l-xl">Copy page</button></div></div></div></header>
<div class="mdx-content relative mt-8 mb-14 prose prose-gray dark:prose-invert" data-page-title="{title}" \
data-page-href="/legal/terms" id="content">{legal}</div>
<div class="leading-6 mt-14"><div class="feedback-toolbar pb-16 w-full flex flex-col gap-y-8">\
<div class="flex flex-col gap-3 gap-y-4 sm:flex-row xl:flex-col 2xl:flex-row">
<div class="flex items-center gap-2"><p class="text-sm text-gray-600 dark:text-gray-400">{helpful}</p>\
<div class="flex gap-3 items-center">\
<button class="px-3.5 py-2 flex flex-row gap-3 items-center border rounded-xl">{SVG}<small class="text-sm">Yes</small>\
</button>
<button class="px-3.5 py-2 flex flex-row gap-3 items-center border rounded-xl">{SVG}<small class="text-sm">No</small>\
</button></div></div>
<div class="flex gap-3">\
<a href="https://github.com/nw/docs/edit/main/legal/terms.mdx" class="h-fit flex items-center gap-2 text-sm" \
target="_blank">{SVG}<small>Suggest edits</small></a>
<a href="https://github.com/nw/docs/issues/new?title=Issue%20on%20docs&amp;body=Path:%20/legal/terms" class="h-fit \
flex items-center gap-2 text-sm" target="_blank">{SVG}<small>Raise issue</small></a></div></div></div>
<div id="pagination" class="px-0.5 flex items-center text-sm font-semibold">\
<a class="flex items-center space-x-3 group" href="/legal/privacy">{SVG}<span \
class="group-hover:text-gray-900">Privacy Policy</span></a></div>
<footer id="footer" class="flex gap-12 justify-between pt-10 border-t"><div class="flex gap-6 flex-wrap">\
<a href="https://x.com/nw" target="_blank"><span class="sr-only">x</span>{SVG}</a></div>
<div class="flex items-center justify-between">\
<a href="https://mintlify.com/preview-request?utm_campaign=poweredBy" target="_blank" class="text-sm">Powered by \
Mintlify</a></div></footer></div></div></div></div></div>
{assistant}</div></body></html>"""


def webflow(title: str, legal: str, stamp: str = "Last updated: January 5, 2026",
            cta: str = "Join 10,000+ teams building with Northwind.", cta_head: str = "Ready to get started?",
            year: str = "2026", announcement: str = "", cookie: str = "",
            status: str = "All systems operational") -> str:
    """A Webflow marketing page without <main>: a call-to-action section and footer columns as divs."""
    cols = "".join(f'<div class="footer-col"><h4 class="footer-heading">{h}</h4>'
                   + "".join(f'<a href="/{link.lower()}" class="footer-link">{link}</a>' for link in links) + "</div>"
                   for h, links in (("Product", ("Features", "Pricing", "Integrations", "Changelog")),
                                 ("Company", ("About", "Careers", "Blog", "Press")),
                                 ("Legal", ("Terms", "Privacy", "Security", "Cookies"))))
    return f"""<!DOCTYPE html><html data-wf-page="64a1f0c2e1b2c3d4e5f60718" data-wf-site="64a1f0c2e1b2c3d4e5f60700">\
<head><title>{title} | Northwind</title></head><body>
{announcement}
<div data-collapse="medium" data-animation="default" data-duration="400" role="banner" class="navbar w-nav">\
<div class="nav-container w-container"><a href="/" class="brand w-nav-brand"><img src="/l.svg" alt=""></a>
<nav role="navigation" class="nav-menu w-nav-menu"><a href="/product" class="nav-link w-nav-link">Product</a>\
<a href="/pricing" class="nav-link w-nav-link">Pricing</a><a href="/login" class="nav-link w-nav-link">Log in</a>\
<a href="/signup" class="button-nav w-button">Start free</a></nav>
<div class="menu-button w-nav-button"><div class="w-icon-nav-menu"></div></div></div></div>
<section class="section-legal"><div class="container-legal w-container"><div class="legal-header">\
<h1 class="heading-legal">{title}</h1><div class="text-block-date">{stamp}</div></div>
<div class="rich-text-legal w-richtext">{legal}</div></div></section>
<section class="section-cta"><div class="container w-container"><div class="cta-wrapper">\
<h2 class="cta-heading">{cta_head}</h2><p class="cta-paragraph">{cta}</p>
<a href="/signup" class="button w-button">Start free trial</a></div></div></section>
<div class="footer"><div class="container w-container"><div class="footer-grid">{cols}
<div class="footer-newsletter"><h4 class="footer-heading">Stay in the loop</h4><div class="w-form">\
<form id="email-form" name="email-form" data-name="Email Form" method="get">
<input type="email" class="w-input" maxlength="256" name="email" placeholder="Enter your email" required="">\
<input type="submit" value="Subscribe" class="w-button"></form>
<div class="w-form-done"><div>Thank you! Your submission has been received!</div></div><div class="w-form-fail">\
<div>Oops! Something went wrong while submitting the form.</div></div></div></div></div>
<div class="footer-bottom"><div class="footer-copyright">© {year} Northwind, Inc. All rights reserved.</div>\
<a href="https://status.northwind.example" class="status-link"><span class="status-dot"></span>{status}</a></div></div>\
</div>
{cookie}
<script src="https://d3e54v103j8qbb.cloudfront.net/js/jquery-3.5.1.min.dc5e7f18c8.js" type="text/javascript"></script>\
</body></html>"""


def framer(title: str, legal: str, year: str = "2026", badge: bool = True,
           testimonial: str = "“Northwind cut our review time in half.” — Maria, Head of Legal at Acme") -> str:
    """A Framer site: every block a div, a testimonial section, footer columns with headings, the badge."""
    # Framer puts framer-text on every text element.
    rich = (legal.replace("<h2>", '<h2 class="framer-text framer-styles-preset-1a2b3c">')
            .replace("<p>", '<p class="framer-text framer-styles-preset-4d5e6f">'))
    badge_html = ('<div id="__framer-badge-container"><div class="__framer-badge" data-framer-name="Badge">'
                  '<a href="https://www.framer.com?utm_source=framer-badge" target="_blank" class="framer-badge-link">'
                  '<div class="framer-text">Made in Framer</div></a></div></div>') if badge else ""
    return f"""<!doctype html><html lang="en-US"><head><title>{title}</title></head><body>
<div id="main" data-framer-hydrate-v2='{{"routeId":"augiA20Il"}}' \
data-framer-ssr-released-at="2026-01-02T10:11:12.000Z" data-framer-page-optimized-at="2026-01-05T08:00:00.000Z">
<div class="framer-XyZ12 framer-1ab2cd3" style="min-height:100vh;width:auto">
<nav class="framer-1q2w3e4" data-framer-name="Navigation"><a class="framer-1x" href="./" data-framer-name="Logo">\
<div class="framer-text"><p class="framer-text">Northwind</p></div></a>
<a class="framer-2y" href="./pricing"><p class="framer-text">Pricing</p></a><a class="framer-3z" href="./signup">\
<p class="framer-text">Get started</p></a></nav>
<div class="framer-9k8j7h" data-framer-name="Hero">\
<div class="framer-6g5f4d" data-framer-component-type="RichTextContainer">\
<h1 class="framer-text framer-styles-preset-hd1">{title}</h1></div>
<div class="framer-5t4r3e" data-framer-component-type="RichTextContainer">\
<p class="framer-text">Effective January 5, 2026</p></div></div>
<div class="framer-7u6y5t" data-framer-name="Content">\
<div class="framer-1w2e3r" data-framer-component-type="RichTextContainer">{rich}</div></div>
<div class="framer-8i9o0p" data-framer-name="Testimonial">\
<div class="framer-t1" data-framer-component-type="RichTextContainer"><h3 class="framer-text">Loved by legal teams</h3>\
</div>
<div class="framer-t2" data-framer-component-type="RichTextContainer"><p class="framer-text">{testimonial}</p></div>\
</div>
<div class="framer-4e3w2q" data-framer-name="Footer"><div class="framer-f1" data-framer-name="Columns">
<div class="framer-f2"><div class="framer-f2t" data-framer-component-type="RichTextContainer">\
<h5 class="framer-text">Product</h5></div><a class="framer-text" href="./features">Features</a>\
<a class="framer-text" href="./pricing">Pricing</a><a class="framer-text" href="./changelog">Changelog</a></div>
<div class="framer-f3"><div class="framer-f3t" data-framer-component-type="RichTextContainer">\
<h5 class="framer-text">Legal</h5></div><a class="framer-text" href="./terms">Terms</a>\
<a class="framer-text" href="./privacy">Privacy</a></div></div>
<div class="framer-f4" data-framer-component-type="RichTextContainer">\
<p class="framer-text">© {year} Northwind Labs. All rights reserved.</p></div></div>
</div></div>
{badge_html}
</body></html>"""


def wordpress(title: str, legal: str, cookie: str = "", views: str = "", share: str = "", modified: str = "") -> str:
    """A WordPress page (Astra theme) with a recent-posts sidebar; plugins' output goes in the entry content."""
    recent = "".join(f'<li><a href="/blog/{i}">{t}</a></li>' for i, t in enumerate(
        ("Northwind raises Series B", "Announcing SOC 2 Type II", "How we think about AI safety")))
    return f"""<!DOCTYPE html><html lang="en-US"><head><title>{title} &#8211; Northwind</title></head>
<body class="page-template-default page page-id-123 wp-custom-logo ast-single-post ast-right-sidebar">
<a class="skip-link screen-reader-text" href="#content">Skip to content</a>
<div class="hfeed site" id="page">\
<header class="site-header header-main-layout-1 ast-primary-menu-enabled" id="masthead" \
itemtype="https://schema.org/WPHeader" itemscope="itemscope" itemid="#masthead">
<div class="main-header-bar-wrap"><div class="main-header-bar"><div class="site-branding"><span class="site-title">\
<a href="/" rel="home">Northwind</a></span></div>
<nav id="primary-site-navigation" class="site-navigation" aria-label="Site Navigation">\
<ul id="primary-menu" class="main-header-menu"><li class="menu-item"><a href="/" class="menu-link">Home</a></li>\
<li class="menu-item"><a href="/blog" class="menu-link">Blog</a></li></ul></nav></div></div></header>
<div id="content" class="site-content"><div class="ast-container">
<div id="primary" class="content-area primary"><main id="main" class="site-main">
<article class="post-123 page type-page status-publish ast-article-single" id="post-123" \
itemtype="https://schema.org/CreativeWork" itemscope="itemscope">
<header class="entry-header"><h1 class="entry-title" itemprop="headline">{title}</h1>{modified}</header>
<div class="entry-content clear" itemprop="text">{legal}{views}{share}</div></article>
</main></div>
<div class="widget-area secondary" id="secondary" role="complementary" itemtype="https://schema.org/WPSideBar" \
itemscope="itemscope"><div class="sidebar-main">
<aside id="recent-posts-2" class="widget widget_recent_entries"><h2 class="widget-title">Recent Posts</h2>\
<nav aria-label="Recent Posts"><ul>{recent}</ul></nav></aside></div></div>
</div></div>
<footer class="site-footer" id="colophon" itemtype="https://schema.org/WPFooter" itemscope="itemscope">\
<div class="ast-small-footer"><div class="ast-footer-copyright"><p>Copyright &copy; 2026 Northwind | Powered by \
<a href="https://wpastra.com" rel="nofollow noopener" target="_blank">Astra WordPress Theme</a></p></div></div>\
</footer></div>
{cookie}
</body></html>"""


def hubspot(title: str, legal: str, cta: str = "Join 5,000+ companies that trust Northwind",
            cta_button: str = "Get started free", cookie: str = "") -> str:
    """A HubSpot CMS drag-and-drop page: every block a module, a smart call to action inside <main>."""
    cta_html = (f'<div class="cta-section"><h2>{cta}</h2><p><span class="hs-cta-wrapper" id="hs-cta-wrapper-abc">'
                '<span class="hs-cta-node hs-cta-abc" id="hs-cta-abc">'
                f'<a href="https://cta-redirect.hubspot.com/cta/redirect/123/abc" class="cta_button">{cta_button}</a>'
                '</span></span></p></div>')

    def module(n: int, inner: str) -> str:
        return (f'<div class="row-fluid-wrapper row-depth-1 row-number-{n} dnd-section"><div class="row-fluid">'
                '<div class="span12 widget-span widget-type-cell dnd-column">'
                f'<div class="row-fluid-wrapper row-depth-1 row-number-{n + 1} dnd-row"><div class="row-fluid">'
                '<div class="span12 widget-span widget-type-custom_widget dnd-module">'
                f'<div id="hs_cos_wrapper_widget_{n}" class="hs_cos_wrapper hs_cos_wrapper_widget '
                'hs_cos_wrapper_type_module widget-type-rich_text" data-hs-cos-general-type="widget" '
                'data-hs-cos-type="module">'
                f'<span id="hs_cos_wrapper_widget_{n}_" class="hs_cos_wrapper hs_cos_wrapper_widget '
                'hs_cos_wrapper_type_rich_text" data-hs-cos-general-type="widget" '
                f'data-hs-cos-type="rich_text">{inner}</span></div></div></div></div></div></div></div></div>')
    return f"""<!doctype html><html lang="en"><head><title>{title}</title></head><body>
<div class="body-wrapper hs-content-id-123 hs-site-page page">\
<div data-global-resource-path="theme/templates/partials/header.html"><header class="header">\
<a class="header__skip" href="#main-content">Skip to content</a>
<div class="header__container"><div class="header__logo"><a href="/"><img src="/l.png" alt="Northwind"></a></div>\
<nav class="navigation-primary" aria-label="Main menu"><ul class="submenu level-1"><li class="menu-item">\
<a class="menu-link" href="/product">Product</a></li></ul></nav></div></header></div>
<main id="main-content" class="body-container-wrapper">\
<div class="container-fluid body-container body-container--page"><div class="row-fluid-wrapper"><div class="row-fluid">\
<div class="span12 widget-span widget-type-cell" data-widget-type="cell">
{module(1, f'<h1>{title}</h1><p>Last updated: January 5, 2026</p>')}
{module(3, legal)}
{module(5, cta_html)}
</div></div></div></div></main>
<div data-global-resource-path="theme/templates/partials/footer.html"><footer class="footer">\
<div class="footer__container"><p>© 2026 Northwind, Inc.</p></div></footer></div></div>
{cookie}
<div id="hubspot-messages-iframe-container" class="widget-align-right" \
style="display:initial!important;z-index:2147483647;position:fixed!important;bottom:0!important">\
<div class="shadow-container"></div>\
<iframe title="Chat Widget" src="https://app.hubspot.com/conversations-visitor/123/threads/utk/abc"></iframe></div>
</body></html>"""


def freshdesk(title: str, legal: str, modified: str = "Modified on: Mon, 5 Jan, 2026 at 10:12 AM",
              related: tuple[str, ...] = ("Privacy Policy", "Cookie Policy", "Refund Policy")) -> str:
    """A Freshdesk knowledge-base article: 'Modified on' line, vote panel, related articles."""
    rel = "".join(f'<li><a href="/support/solutions/articles/{5000 + i}">{t}</a></li>' for i, t in enumerate(related))
    return f"""<!DOCTYPE html><html lang="en"><head><title>{title} : Northwind Support</title></head><body>
<div class="page"><header class="banner"><div class="banner-wrapper"><div class="banner-title">\
<a href="/support/home" class="logo"><img src="/l.png" alt="Logo"></a><h1 class="ellipsis heading">Northwind Support\
</h1></div>
<nav class="banner-nav"><a href="/support/login" class="mobile-icon-nav-login">Login</a>\
<a href="/support/signup">Sign up</a></nav></div></header>
<nav class="page-tabs"><div class="nav-link" id="header-tabs"><a href="/support/home" class="">Home</a>\
<a href="/support/solutions" class="active">Solutions</a></div></nav>
<section class="help-center-sc rounded-6"><div class="hc-search"><div class="hc-search-c">\
<h2 class="heading hide-in-mobile">How can we help you today?</h2>
<form class="hc-search-form print--remove" autocomplete="off" action="/support/search/solutions" id="hc-search-form">\
<div class="hc-search-input">\
<input placeholder="Enter your search term here..." type="text" name="term" class="special" id="support-search-input">\
</div><div class="hc-search-button"><button class="btn btn-primary" type="submit">Search</button></div></form></div>\
</div></section>
<div class="c-wrapper">\
<section class="main content rounded-6 min-height-on-desktop fc-article-show" id="article-show-123">
<div class="breadcrumb"><a href="/support/solutions"> Solution home </a><a href="/support/solutions/folders/1"> Legal \
</a></div>
<b class="page-stamp page-stamp-article"><b class="icon-page-article"></b></b>
<h2 class="heading">{title}<a href="javascript:print();" class="solution-print--icon print--remove" title="Print this \
Article" arialabel="Print this Article"><span class="icon-print"></span><span class="text-print">Print</span></a></h2>
<p>{modified}</p><hr>
<article class="article-body" id="article-body" rel="image-enlarge">{legal}</article>
<hr><div id="article-vote" class="voting-panel"><p>Did you find it helpful? \
<span class="vote-up a-link" id="chk-vote-up">Yes</span><span class="vote-down-container">\
<span class="vote-down a-link" id="chk-vote-down">No</span></span></p>
<p class="hide" id="vote-feedback-form-link">Send feedback</p><div id="vote-feedback-form" class="hide">\
<p class="lead">Sorry we couldn't be helpful. Help us improve this article with your feedback.</p></div></div>
</section>
<section class="sidebar content rounded-6"><div id="related_articles"><div class="cs-g-c">\
<section class="article-list"><h3 class="list-lead">Related Articles</h3>\
<ul rel="remote" id="related-article-list">{rel}</ul></section></div></div></section></div>
<footer class="footer rounded-6"><nav class="footer-links page no-padding"><a href="/support/home">Home</a>\
<a href="/support/solutions">Solutions</a></nav></footer>
<div class="copyright">\
<a href="https://freshdesk.com/helpdesk-software?utm_source=portal&amp;utm_medium=reflink&amp;\
utm_campaign=portal_reflink" target="_blank" rel="nofollow">Help Desk Software</a> by Freshdesk</div></div>
</body></html>"""


def readme(title: str, legal: str, updated: str = "Updated about 2 months ago",
           whats_next: tuple[str, ...] = ("Privacy Policy", "Data Processing Addendum")) -> str:
    """A ReadMe guide page: updated-at line, 'What's Next' links, feedback."""
    nxt = "".join(f'<a class="rm-Pagination-link" href="/docs/{t.lower().replace(" ", "-")}">{t}</a>'
                  for t in whats_next)
    return f"""<!DOCTYPE html><html lang="en"><head><title>{title}</title></head><body>
<div id="ssr-main"><div class="App ThemeContext ThemeContext_light"><header class="rm-Header">\
<div class="rm-Header-top"><a class="rm-Logo" href="/"><img alt="Northwind" src="/l.png"></a>
<nav class="rm-Header-bottom-link-container"><a class="Button rm-Header-bottom-link" href="/docs">Guides</a>\
<a class="Button rm-Header-bottom-link" href="/reference">API Reference</a></nav></div></header>
<main class="rm-Guides"><div class="rm-Container rm-Container_flex">\
<nav class="rm-Sidebar hub-sidebar reference-redesign" aria-label="Sidebar"><section class="Sidebar-listWrapper">\
<h2 class="Sidebar-headingTRQyOa2pk0gh">Legal</h2>
<ul class="Sidebar-list"><li class="Sidebar-item"><a class="Sidebar-link active" href="/docs/terms">{title}</a></li>\
</ul></section></nav>
<article class="rm-Article" id="content"><header id="content-head"><div class="row clearfix"><div class="col-xs-9">\
<h1 class="heading-title">{title}</h1></div></div></header>
<div class="markdown-body rm-Markdown" data-testid="RDMD">{legal}</div>
<div class="UpdatedAt-1ub-qYi4"><span>{updated}</span></div><hr class="NextStepsHr">
<nav class="rm-Pagination"><div class="rm-Pagination-heading">What’s Next</div>{nxt}</nav>
<div class="rm-Feedback"><section class="Feedback"><h4 class="Feedback-heading">Did this page help you?</h4>\
<div class="Feedback-buttons"><button class="Button Button_sm" type="button">Yes</button>\
<button class="Button Button_sm" type="button">No</button></div></section></div>
</article><section class="content-toc grid-25"><nav class="rm-TableOfContents">\
<div class="TableOfContents-heading">Table of Contents</div><ul class="toc-list"><li>\
<a href="#1-acceptance">1. Acceptance of these Terms</a></li><li><a href="#2-content">2. Your Content</a></li><li>\
<a href="#3-use">3. Acceptable Use</a></li></ul></nav></section>
</div></main></div></div></body></html>"""


def mslearn(title: str, legal: str, date: str = "03/04/2025", contributors: str = "3 contributors") -> str:
    """A page in the style of Microsoft Learn: numeric article date, contributors button, feedback section."""
    return f"""<!DOCTYPE html><html class="hasSidebar hasPageActions" lang="en-us" dir="ltr"><head>\
<title>{title} | Microsoft Learn</title></head><body lang="en-us" dir="ltr">
<div class="header-holder has-default-focus">\
<a href="#main" class="skip-to-main-link has-outline-color-text visually-hidden-until-focused position-fixed \
has-inner-focus focus-visible top-0 left-0 right-0 padding-xs has-text-centered has-body-background" tabindex="1">Skip \
to main content</a>
<div hidden id="cookie-consent-holder" data-test-id="cookie-consent-container"></div>
<div id="unsupported-browser" style="background-color: white; color: black; padding: 16px; border-bottom: 1px solid \
grey;" hidden><div style="max-width: 800px; margin: 0 auto;">\
<p style="font-size: 24px">This browser is no longer supported.</p>
<p style="font-size: 16px; margin-top: 16px;">Upgrade to Microsoft Edge to take advantage of the latest features, \
security updates, and technical support.</p></div></div>
<div id="headerAreaHolder" data-bi-name="header">\
<header role="banner" itemscope itemtype="http://schema.org/Organization">\
<nav id="affiliated-header" aria-label="Global"><a href="/en-us/">Learn</a></nav></header></div></div>
<div class="mainContainer uhf-container has-default-focus" data-bi-name="body">\
<section class="primary-holder column is-two-thirds-tablet is-three-quarters-desktop">\
<div class="columns has-large-gaps is-gapless-mobile">
<div id="main-column" class="column is-full is-8-desktop">\
<main id="main" class="" role="main" data-bi-name="content" lang="en-us" dir="ltr">
<div class="content"><h1 id="terms">{title}</h1>\
<div class="page-metadata-container display-flex gap-xxs justify-content-space-between flex-wrap-wrap">
<div class="margin-block-xxs"><ul class="metadata page-metadata" data-bi-name="page info" lang="en-us" dir="ltr">\
<li class="visibility-hidden-visual-diff"><span class="badge badge-sm text-wrap-pretty"><span>Article</span></span></li>
<li class="visibility-hidden-visual-diff">\
<local-time format="twoDigitNumeric" datetime="2025-03-04T08:00:00.000Z" data-article-date-source="calculated" \
class="is-invisible">{date}</local-time></li>
<li class="contributors-holder display-none-print">\
<button aria-label="View all contributors" class="contributors-button link-button" data-bi-name="contributors" \
title="View all contributors">{contributors}</button></li></ul></div>
<div id="user-feedback" class="margin-block-xxs display-none-print" data-hide-on-archived>\
<button id="user-feedback-button" data-test-id="conceptual-feedback-button" class="button button-sm button-clear \
button-primary" type="button" data-bi-name="user-feedback-button" data-user-feedback-button>Feedback</button></div>\
</div>
<nav id="center-doc-outline" class="doc-outline is-hidden-desktop display-none-print margin-bottom-sm" \
data-bi-name="intopic toc" aria-label="In this article">\
<h2 id="ms--in-this-article" class="title is-6 margin-block-xs">In this article</h2></nav>
{legal}</div>
<div id="ms--inline-notifications" class="margin-block-xs" data-bi-name="inline-notification"></div>
<div id="assertive-live-region" role="alert" aria-live="assertive" class="visually-hidden" aria-relevant="additions" \
aria-atomic="true"></div>
<section class="feedback-section position-relative margin-top-lg" data-bi-name="feedback-section">\
<h2 class="title is-3">Feedback</h2><div class="display-flex flex-wrap-wrap align-items-center">\
<p class="font-weight-semibold margin-xxs margin-left-none">Was this page helpful?</p>
<div class="buttons">\
<button class="thumb-rating-button like button button-primary button-sm" data-test-id="footer-rating-yes" \
data-binary-rating-response="rating-yes" type="button" title="This article is helpful" \
data-bi-name="button-rating-yes" aria-pressed="false"><span>Yes</span></button>
<button class="thumb-rating-button dislike button button-primary button-sm" type="button"><span>No</span></button>\
</div></div></section>
</main></div></div></section></div>
<footer id="footer" data-test-id="footer" data-bi-name="footer" class="footer-layout has-padding has-default-focus \
border-top uhf-container" role="contentinfo">\
<div class="display-flex gap-xs flex-wrap-wrap is-full-height padding-right-lg-desktop">\
<a data-mscc-ic="false" class="locale-selector-link flex-shrink-0 button button-sm button-clear \
external-link-indicator" href="#" data-bi-name="select-locale"><span class="icon font-size-lg" aria-hidden="true">\
</span><span class="local-selector-link-text">en-us</span></a></div>
<ul class="links" data-bi-name="footerlinks"><li class="manage-cookies-holder" hidden=""></li><li>\
<a class="external-link-indicator" data-mscc-ic="false" href="https://go.microsoft.com/fwlink/?LinkId=521839" \
data-bi-name="privacy-statement">Privacy</a></li><li>&copy; Microsoft 2026</li></ul></footer>
</body></html>"""


def termly(title: str, legal_sections: Sections = TERMS, stamp: str = "January 05, 2026",
           shell_cta: str = "Start your 14-day free trial", year: str = "2026") -> str:
    """A policy from Termly's generator (divs and spans only, no prose tags) in a site shell of divs."""
    body = "".join(
        '<div style="line-height: 1.5;"><span style="font-size: 19px;"><strong>'
        f'<span data-custom-class="heading_1" id="s{i}">{h.upper()}</span></strong></span></div>'
        + "".join('<div style="line-height: 1.5;"><span style="font-size: 15px;">'
                  f'<span data-custom-class="body_text">{p}</span></span></div><div style="line-height: 1.5;"><br>'
                  '</div>' for p in ps)
        for i, (h, ps) in enumerate(legal_sections))
    toc = "".join('<div style="line-height: 1.5;">'
                  f'<a data-custom-class="link" href="#s{i}">{i + 1}. {h.upper()[3:]}</a></div>'
                  for i, (h, _) in enumerate(legal_sections))
    return f"""<!DOCTYPE html><html><head><title>{title}</title></head><body>
<div class="site-header"><a href="/">Northwind</a> <a href="/pricing">Pricing</a> <a href="/login">Log in</a></div>
<div class="promo-strip"><span>{shell_cta}</span> <a href="/signup">Sign up</a></div>
<div class="policy-wrapper"><div data-custom-class="body">
<div><strong><span style="font-size: 26px;"><span data-custom-class="title"><bdt class="block-component"></bdt>\
<bdt class="question">{title.upper()}</bdt></span></span></strong></div>
<div><span style="color: rgb(127, 127, 127);"><strong><span style="font-size: 15px;">\
<span data-custom-class="subtitle">Last updated <bdt class="question">{stamp}</bdt></span></span></strong></span></div>\
<div><br></div>
<div style="line-height: 1.5;"><strong><span data-custom-class="heading_1">TABLE OF CONTENTS</span></strong></div>\
<div id="toc">{toc}</div>
{body}
<div style="line-height: 1.5;"><span data-custom-class="body_text">These Terms of Service were created using Termly’s \
<a href="https://termly.io/products/terms-and-conditions-generator/">Terms and Conditions Generator</a>.</span></div>
</div></div>
<div class="site-footer"><span>© {year} Northwind</span></div>
</body></html>"""


def iubenda(title: str, legal: str, latest: str = "January 05, 2026") -> str:
    """A policy hosted by iubenda, with its 'Latest update' footer."""
    return f"""<!DOCTYPE html><html><head><title>Privacy Policy of northwind.example</title></head>\
<body class="iub_no-header">
<div id="wbars_all"><div class="iub_container iub_base_container"><div id="wbars"><div class="iub_content legal_pp">
<div class="iub_header"><h1>Privacy Policy of <strong>northwind.example</strong></h1>\
<p>This Website collects some Personal Data from its Users.</p><br>\
<p>This document can be printed for reference by using the print command in the settings of any browser.</p></div>
<div class="one_line_col"><h2 id="owner_of_the_data">Owner and Data Controller</h2>\
<p>Northwind Labs, Inc., 1 Main Street, Wilmington, DE</p><p><b>Owner contact email:</b> privacy@northwind.example</p>\
</div>
<div class="one_line_col">{legal}</div>
<div class="iub_footer"><p>Latest update: {latest}</p>
<p><a href="https://www.iubenda.com/en/?utm_source=pp&amp;utm_medium=web&amp;utm_campaign=pp" title="iubenda - Privacy \
Policy generator">iubenda</a> hosts this content and only collects \
<a href="//www.iubenda.com/privacy-policy/65675001" target="_blank">the Personal Data strictly necessary\
</a> for it to be provided.</p>
<a href="#" class="show_comp_link iframe-preserve an-preserved">Show the complete Privacy Policy</a></div>
</div></div></div></div></body></html>"""


def nextjs(title: str, legal: str, streamed: bool = False, fallback: str = "Loading…", build: str = "",
           banner: str = "") -> str:
    """A Next.js (app router) marketing page; `streamed` sends the content behind a Suspense fallback."""
    main = f'<h1 class="text-4xl">{title}</h1><p class="text-sm text-muted">Last updated January 5, 2026</p>'
    if streamed:
        main += (f'<!--$?--><template id="B:0"></template><div class="animate-pulse"><p class="skeleton">{fallback}</p>'
                 '</div><!--/$-->')
        tail = f'<div hidden id="S:0"><div class="prose">{legal}</div></div><script>$RC("B:0","S:0")</script>'
    else:
        main += f'<!--$--><div class="prose">{legal}</div><!--/$-->'
        tail = ""
    return f"""<!DOCTYPE html><html lang="en"><head><title>{title} | Northwind</title></head>\
<body class="__className_d65c78">
<div hidden=""><!--$--><!--/$--></div>{banner}
<header class="sticky top-0 z-50 border-b"><div class="container flex h-16 items-center">\
<a href="/" class="font-bold">Northwind</a><nav class="flex gap-6"><a href="/product">Product</a>\
<a href="/pricing">Pricing</a><a href="/docs">Docs</a></nav>
<div class="ml-auto"><a class="btn" href="/login">Log in</a><a class="btn btn-primary" href="/signup">Sign up</a></div>\
</div></header>
<main class="container max-w-3xl py-16">{main}</main>
<footer class="border-t"><div class="container grid grid-cols-4 gap-8 py-12"><div><p class="font-semibold">Company</p>\
<ul><li><a href="/about">About</a></li><li><a href="/careers">Careers</a></li></ul></div></div>
<div class="container py-6 text-sm">© 2026 Northwind Labs, Inc. {build}</div></footer>
{tail}<script>self.__next_f.push([1,"1:HL[\\"/_next/static/css/a1b2c3.css\\",\\"style\\"]\\n"])</script></body>\
</html>"""


def plain(title: str, legal: str, before: str = "", after: str = "") -> str:
    """A custom site without landmarks: a top bar of links, `before` and `after` around the document."""
    hdr = ('<div class="topbar"><div class="wrap"><a class="logo" href="/">Northwind</a><ul class="menu">'
           '<li><a href="/product">Product</a></li><li><a href="/pricing">Pricing</a></li><li><a href="/blog">Blog</a>'
           '</li>'
           '</ul></div></div>')
    return f"""<!DOCTYPE html><html><head><title>{title} - Northwind</title></head><body>
{hdr}{before}<div class="wrap page"><div class="legal"><h1>{title}</h1>{legal}</div></div>{after}
<div class="bottom"><div class="wrap"><p class="copy">© 2026 Northwind Labs</p></div></div></body></html>"""


def notion(title: str, legal_sections: Sections = TERMS, edited: str = "Last edited: January 5, 2026 4:12 PM",
           cta: str = "Get Notion free") -> str:
    """A published Notion page as rendered: blocks of divs, no <p>, a 'Last edited' property."""
    blocks = "".join(
        f'<div data-block-id="h{i}" class="notion-selectable notion-sub_header-block">'
        '<div style="display:flex;width:100%">'
        f'<h3 spellcheck="true" class="notranslate" data-content-editable-leaf="true" contenteditable="false">{h}</h3>'
        '</div></div>'
        + "".join(f'<div data-block-id="p{i}{j}" class="notion-selectable notion-text-block"><div style="display:flex">'
                  '<div spellcheck="true" class="notranslate" data-content-editable-leaf="true" '
                  f'contenteditable="false">{p}</div></div></div>'
                  for j, p in enumerate(ps))
        for i, (h, ps) in enumerate(legal_sections))
    return f"""<!DOCTYPE html><html lang="en"><head><title>{title}</title></head><body class="notion-body">
<div id="notion-app"><div class="notion-app-inner notion-light-theme"><div class="notion-cursor-listener">\
<div class="notion-frame"><div class="notion-topbar"><div style="display:flex">
<div class="notion-focusable" role="button" tabindex="0">Northwind Legal</div><div style="flex-grow:1"></div>
<div role="button" tabindex="0" class="notion-topbar-share-menu">Share</div>\
<a href="https://www.notion.so/signup" class="notion-focusable">{cta}</a></div></div>
<div class="notion-scroller vertical"><div class="notion-page-controls"></div>
<div class="notion-page-block" data-block-id="root">\
<h1 class="notranslate" contenteditable="false" spellcheck="true" data-content-editable-leaf="true">{title}</h1></div>
<div class="notion-collection_view-block" role="table" aria-label="Page properties"><div role="row">\
<div role="cell">{edited}</div></div></div>
<div class="notion-page-content">{blocks}</div></div></div></div></div></div></body></html>"""
