"""Exact detection on pages never seen before, each rule on a small synthetic page written for it: error
pages inside a site's full frame, consent dialogs, chat widgets, link blocks, icon names, relative times,
editorial edits and a selector that stops matching. Fetches go through the real Processor and SQLite."""

from __future__ import annotations

import pytest

import test_pipeline as pipeline_replay
from monitor.models import Document, Extracted, FetchResult, Unusable
from monitor.store import read
from monitor.text.html import extract_text
from monitor.text.judge import judge
from monitor.text.normalise import normalise

DOC = pipeline_replay.DOC
db = pipeline_replay.db  # the same fixture: a real SQLite file that knows DOC
CLAUSES = [
    "These Terms govern your use of the Acme services and apply to every workspace you create.",
    "We do not use Customer Content to train our models unless you opt in to share it with us.",
    "We retain API inputs and outputs for up to 30 days to identify abuse, after which they are deleted.",
    "Either party may terminate these Terms for material breach on thirty days written notice.",
]
HEADER = ('<header class="site"><a href="/">Acme</a><nav><a href="/pricing">Pricing</a>'
          '<a href="/sales">Contact Sales</a><a href="/try">Try Acme</a></nav></header>')
FOOTER_LINKS = "".join(f'<a href="/{w.lower()}">{w}</a> ' for w in
                       "About Careers Press Blog Developers Cookies Imprint Help Status Security".split())
COOKIES = (
    '<div role="dialog" aria-label="Allow the use of cookies on this browser?"><h2>Allow the use of cookies on this '
    "browser?</h2>" + "".join(f"<p>We use cookies of kind {i} to provide, personalise and improve our products, to "
                              "measure ads and to keep our services safe for everyone who uses them.</p>"
                              for i in range(8)) + "<button>Allow all cookies</button><button>Decline</button></div>"
)


def site(main: str, header: bool = True, dialog: str = COOKIES, extra: str = "") -> str:
    """A page in the site's full frame: header and menu, a footer of links without a <footer>, a dialog."""
    return (f"<html><head><title>Acme</title></head><body>{HEADER if header else ''}<div class='content'>{main}</div>"
            f"{extra}<div class='links'>{FOOTER_LINKS}</div>{dialog}</body></html>")


def terms(clauses: list[str] = CLAUSES, stamp: str = "Last updated: 5 January 2026", extra: str = "",
          marked: bool = False) -> str:
    """The terms as an article; `marked` gives the clauses' container the class a selector picks."""
    body = "".join(f"<h2>Section {i + 1}</h2><p>{c}</p>" for i, c in enumerate(clauses))
    return (f"<article><h1>Acme Terms of Service</h1><p>{stamp}</p><div{' class=clauses' if marked else ''}>{body}"
            f"{extra}</div></article>")


ERROR = ("<div><h2>This page isn't available</h2><p>An unexpected error has occurred. Try reloading the page or "
         "come back later.</p></div>")


class Replay(pipeline_replay.Replay):
    """Feeds pages to one Processor at increasing times, as successive cron runs would."""

    def fetch(self, body: str) -> str:
        """The fetch's outcome: new, unchanged, failed, …"""
        super().fetch(body)
        return read.last_fetch(self.db, self.doc.id)["outcome"]

    def changes(self, editorial: bool = False) -> list[dict]:
        return read.changes(self.db, self.doc.id, editorial=editorial)


def test_an_error_page_in_the_full_site_frame_is_a_failed_fetch_first_middle_in_variants_and_on_return(db):
    replay = Replay(db)
    error_page = site(ERROR)
    assert replay.fetch(error_page) == "failed"  # first fetch: never the first version
    assert read.current_version(db, DOC.id) is None
    assert replay.fetch(site(terms())) == "new"
    assert replay.fetch(error_page) == "failed"
    assert replay.fetch(error_page) == "failed"  # seen twice, still not confirmed as a version
    assert replay.fetch(site(ERROR, header=False, dialog="")) == "failed"  # a variant, one header less
    assert replay.fetch(site(terms())) == "unchanged"  # compared with the last good version
    assert len(read.versions(db, DOC.id)) == 1 and replay.changes(editorial=True) == []
    reasons = [r["reason"] for r in db["fetches"].rows_where("not ok")]
    assert all(r == "error page: \"This page isn't available\"" for r in reasons), reasons


@pytest.mark.parametrize("message", [
    "<h2>We couldn\u2019t find that page</h2><p>Try searching or go back to the home page.</p>",
    "<h1>Vaya.</h1><h2>La página que busca no existe</h2>",
    "<h1>Hoppla.</h1><h2>Die gesuchte Seite existiert nicht</h2>",
    "<h1>We\u2019ll be back soon!</h1><p>We\u2019re performing scheduled maintenance.</p>",
    "<h1>Sign in to continue</h1>",
    "<h1>This document is no longer available</h1>",
    "<h1>ページが見つかりません</h1>",
    "<h1>This page is password protected</h1><p>Please enter the password to view this page.</p>",
    "<h2>This post is for paying subscribers only</h2><a href='/signup'>Subscribe now</a>",
])
def test_an_error_page_says_so_in_many_words_and_languages(message):
    related = "".join(f"<li><a href='/a/{i}'>Article {i}</a><p>Set up your workspace, invite your team and connect "
                      "your first data source in minutes.</p></li>" for i in range(5))
    assert isinstance(judge(_fetch(site(f"{message}<h2>Popular articles</h2><ul>{related}</ul>"))), Unusable)


def test_terms_that_mention_errors_are_not_an_error_page():
    page = site(terms(CLAUSES * 3 + ["If the Service is unavailable or something went wrong, contact support.",
                                     "A workspace that is password-protected is available to members only."]))
    assert isinstance(judge(_fetch(page)), Extracted)


def test_a_consent_dialog_longer_than_the_page_under_it_is_not_read():
    text = extract_text(site(terms()))
    assert "cookies" not in text.lower() and CLAUSES[1] in text


def test_a_dialog_that_holds_the_document_is_read():
    page = f"<html><body><div role='dialog' aria-modal='true'>{terms()}</div></body></html>"
    assert CLAUSES[2] in extract_text(page)


def test_a_dialog_that_is_the_whole_page_with_nothing_to_click_is_read():
    body = "".join(f"<h2>Section {i + 1}</h2><p>{c}</p>" for i, c in enumerate(CLAUSES))  # no <h1>, no <article>
    lightbox = f"<html><body><div role='dialog' aria-modal='true' class='lightbox'>{body}</div></body></html>"
    assert CLAUSES[2] in extract_text(lightbox)
    # The same dialog with buttons to answer is a box over an empty page, not the terms.
    answered = lightbox.replace("</div></body>", "<button>Accept</button><button>Decline</button></div></body>")
    assert extract_text(answered).strip() == ""


CHAT_WITH_FIELD = ("<div class='card'><h2>Ask Acme a question</h2><p>Hello! What can we help with today?</p>"
                   "<textarea placeholder='Ask here'></textarea><p>Please verify answers for accuracy.</p></div>")
CHAT_WITH_BUTTONS = ("<div class='card'><h2>Ask Acme</h2><button>How does Acme handle access controls?</button>"
                     "<button>Which certifications does Acme hold?</button>"
                     "<button>Who are the subprocessors?</button></div>")


@pytest.mark.parametrize("widget", [CHAT_WITH_FIELD, CHAT_WITH_BUTTONS], ids=["text-field", "suggested-questions"])
def test_a_chat_widget_is_not_read(widget):
    text = extract_text(site(terms(), extra=widget))
    assert "Ask Acme" not in text and "verify answers" not in text and CLAUSES[0] in text


def test_a_block_of_links_is_chrome_but_a_clause_with_links_is_not():
    clause = ('<p>These Terms incorporate the <a href="/aup">Usage Policy</a>, the <a href="/privacy">Privacy '
              'Policy</a>, the <a href="/dpa">DPA</a>, the <a href="/sla">SLA</a> and the <a href="/sub">list of '
              "subprocessors</a>, each as updated from time to time.</p>")
    text = extract_text(site(terms(extra=clause)))
    assert "Careers" not in text and "Imprint" not in text
    assert "These Terms incorporate the Usage Policy" in text


def test_icon_names_are_not_read():
    page = site(terms(extra='<p><span role="img"><span data-sr-only="true">fa-envelope icon-regular</span></span>'
                            "Write to legal@example.com.</p>"))
    text = extract_text(page)
    assert "fa-envelope" not in text and "legal@example.com" in text


def test_text_that_links_point_to_as_their_description_is_not_read():
    linked = [f'{c[:-1]} (<a href="#fn{i}" aria-describedby="fn-hint">{i}</a>).' for i, c in enumerate(CLAUSES)]
    hint = '<span id="fn-hint" class="x1">(opens a footnote)</span>'
    with_hint, without = site(terms(linked, extra=hint)), site(terms(linked))
    assert "opens a footnote" not in extract_text(with_hint)
    assert judge(_fetch(with_hint)).sha256 == judge(_fetch(without)).sha256
    # The same words as the page's own text, pointed to by nothing, are read.
    assert "opens a footnote" in extract_text(site(terms(extra='<p id="note">A footnote (opens a footnote).</p>')))


def test_a_hint_that_names_itself_a_description_is_not_read_even_when_nothing_points_to_it():
    hint = '<span id="opens-footnote-description" class="x1">(opens a footnote)</span>'
    assert judge(_fetch(site(terms(extra=hint)))).sha256 == judge(_fetch(site(terms()))).sha256
    # Inside a sentence, or as a paragraph of its own, an element so named is the page's wording.
    inline = '<p>The notice (<span id="notice-hint">read it first</span>) is part of these Terms.</p>'
    assert "read it first" in extract_text(site(terms(extra=inline)))
    own = '<p id="service-description">The Service is an assistant that answers questions.</p>'
    assert "an assistant that answers" in extract_text(site(terms(extra=own)))


def test_a_page_title_drawn_without_heading_tags_is_read_with_the_clauses():
    clauses = "".join(f"<p>{c} {c}</p>" for c in CLAUSES * 3)
    title = ('<div class="PageTitle--x1"><div class="PageMainTitle--x2">Acme Privacy Policy</div>'
             '<div class="PageSubTitle--x3">Last updated: 5 January 2026</div></div>')
    with_divs = (f"<html><body>{HEADER}<div class='content'>{title}<div class='policy'>{clauses}</div></div>"
                 "</body></html>")
    with_headings = (f"<html><body>{HEADER}<div class='policy'><h1>Acme Privacy Policy</h1>"
                     f"<h2>Last updated: 5 January 2026</h2>{clauses}</div></body></html>")
    assert "Last updated" in extract_text(with_divs)
    assert judge(_fetch(with_divs)).sha256 == judge(_fetch(with_headings)).sha256
    # A block so named that holds links is navigation, and does not widen the main content.
    menu = '<div class="menu-title"><a href="/a">Products</a> <a href="/b">Pricing</a></div>'
    page = f"<html><body><div>{menu}<div class='policy'>{clauses}</div></div></body></html>"
    assert "Products" not in extract_text(page)


def test_a_relative_timestamp_is_the_same_wording_on_every_fetch():
    a = site(terms(stamp="Updated 3 weeks ago"))
    b = site(terms(stamp="Updated over a month ago"))
    assert judge(_fetch(a)).sha256 == judge(_fetch(b)).sha256
    assert normalise("kept for a month") == "kept for a month"  # a period of time is not a relative time


def test_case_only_and_date_only_edits_are_stored_as_editorial_never_announced(db):
    replay = Replay(db)
    replay.fetch(site(terms()))
    assert replay.fetch(site(terms([c.replace("these Terms", "these terms") for c in CLAUSES]))) == "new"
    assert replay.fetch(site(terms([c.replace("these Terms", "these terms") for c in CLAUSES],
                                   stamp="Last updated: 12 March 2026"))) == "new"
    assert replay.changes() == []  # not a change of terms
    stored = replay.changes(editorial=True)
    assert [c["significance"] for c in stored] == ["editorial", "editorial"]
    assert db["events"].count == 0  # no alert


def test_a_digit_and_a_negation_change_are_substantive_and_announced(db):
    replay = Replay(db)
    replay.fetch(site(terms()))
    replay.fetch(site(terms([c.replace("30 days", "90 days") for c in CLAUSES])))
    replay.fetch(site(terms([c.replace("30 days", "90 days").replace("We do not use", "We use") for c in CLAUSES])))
    changes = replay.changes()
    assert [c["significance"] for c in changes] == ["substantive", "substantive"]
    assert changes[0]["training"] and changes[1]["retention"]


def test_a_selector_that_stops_matching_loses_no_change(db):
    doc = Document("acme-terms", "Acme AI", "commercial", "Terms of Service", DOC.url, select=("div.clauses",))
    replay = Replay(db, doc)
    sixty = [c.replace("30 days", "60 days") for c in CLAUSES]
    assert replay.fetch(site(terms(marked=True))) == "new"
    assert "Last updated" not in read.current_version(db, doc.id).text  # only what the selector picks
    assert replay.fetch(site(terms())) == "new"  # redesigned: read from the main content, the same wording
    assert replay.fetch(site(terms())) == "unchanged"  # and says so once, not on every fetch
    assert read.current_version(db, doc.id).fallback and "Last updated" in read.current_version(db, doc.id).text
    assert read.changes(db, editorial=True) == []  # the switch itself is not a change
    assert "select div.clauses matched nothing" in read.last_fetch(db, doc.id)["reason"]
    assert [e["kind"] for e in db["events"].rows] == ["selector"]
    assert replay.fetch(site(terms(sixty))) == "new"
    [change] = read.changes(db)  # the real change made meanwhile is recorded
    assert change["retention"] and "60 days" in read.current_version(db, doc.id).text
    assert replay.fetch(site(terms(sixty, marked=True))) == "new"  # the selector matches again
    assert not read.current_version(db, doc.id).fallback
    assert read.changes(db, editorial=True) == [change]  # and that is not a change either
    assert replay.fetch(site(terms())) == "new"  # it stops matching again, with the wording changed back
    assert len(read.changes(db)) == 2
    assert [e["kind"] for e in db["events"].rows] == ["selector", "change", "selector", "change"]


def test_a_bot_wall_is_still_unusable_when_the_selector_misses():
    judged = judge(_fetch(site(ERROR, dialog="")), ("article.terms",))
    assert isinstance(judged, Unusable) and judged.reason.startswith("error page")


def _fetch(body: str) -> FetchResult:
    return FetchResult(DOC.id, DOC.url, "2026-01-01T00:00:00+00:00", status=200, final_url=DOC.url,
                       content_type="text/html; charset=utf-8", body=body)


@pytest.mark.parametrize("notice", [
    '<div role="status">Our Privacy Notice was updated: we added a section on voice data.</div>',
    '<div class="site-announcement-bar">Privacy Notice Updated — we added a section on voice data.</div>',
], ids=["live-region", "announcement-bar"])
def test_a_site_wide_notice_is_not_read(notice):
    text = extract_text(site(terms(extra=notice)))
    assert "voice data" not in text and CLAUSES[3] in text


def test_icon_font_ligatures_are_not_read_but_a_one_word_clause_is():
    clause = '<p>Read on <span class="material-icons">arrow_forward</span> <span class="term">Definitions</span></p>'
    text = extract_text(site(terms(extra=clause)))
    assert "arrow_forward" not in text and "Read on Definitions" in text


def test_a_language_picker_is_not_read():
    languages = ["Deutsch", "English", "Español", "Français", "Italiano", "Polski"]
    picker = ('<ul role="listbox" aria-label="Language">'
              + "".join(f'<li role="option">{n}</li>' for n in languages) + "</ul>")
    text = extract_text(site(terms(extra=picker)))
    assert "Deutsch" not in text and CLAUSES[0] in text


def test_opening_paragraphs_beside_the_clauses_list_are_read():
    intro = "".join(f"<p>Welcome to Acme. Please read these terms carefully before you use service number {i}.</p>"
                    for i in range(4))
    clauses = "<ol>" + "".join(f"<li>{c} {c}</li>" for c in CLAUSES * 6) + "</ol>"
    text = extract_text(f"<html><body>{HEADER}<div><div class='doc'>{intro}{clauses}</div></div></body></html>")
    assert "Welcome to Acme" in text and CLAUSES[2] in text


@pytest.mark.parametrize("lead", ["<h1>Oops!</h1><p>We couldn't find that page.</p>",
                                  "<h2>Sorry, we can't find the page you requested</h2>",
                                  "<h1>Seite nicht gefunden</h1><p>Die angeforderte Seite existiert nicht.</p>",
                                  "<h1>Erreur</h1><p>Une erreur inattendue s'est produite. Réessayez plus tard.</p>",
                                  "<h1>Lo sentimos</h1><p>Esta página no está disponible.</p>"])
def test_placeholder_and_not_found_pages_are_judged_by_their_lead(lead):
    judged = judge(_fetch(site("<div>" + lead + "</div>" + "<p>Acme helps teams build with AI every day.</p>" * 30)))
    assert isinstance(judged, Unusable) and judged.reason.startswith("error page"), judged


def test_an_upgraded_extractor_is_not_announced_as_a_change(db):
    replay = Replay(db)
    page = site(terms(extra="<div role='status'>Our Privacy Notice was updated.</div>"))
    replay.fetch(page)
    [version] = read.versions(db, DOC.id)
    # As an older termwatch stored it: with the notice it did not yet know to leave out.
    db["versions"].update(version.id, {"text": version.text + "\n\nOur Privacy Notice was updated.",
                                       "text_sha256": "0" * 64, "extractor_version": "2020.1.1"})
    assert replay.fetch(page) == "unchanged"
    assert replay.changes(editorial=True) == []
    [version] = read.versions(db, DOC.id)
    assert version.extractor_version != "2020.1.1" and "Privacy Notice" not in version.text


def test_a_search_box_in_a_dropped_header_makes_no_widget_of_a_short_document():
    short = ("<main><h1>Subprocessors</h1><p>We use Example Cloud (hosting, EU) and Example Mail (email delivery, "
             "EU) to provide the service.</p><p>We announce a new subprocessor 30 days before it starts.</p></main>")
    search = "<header><input type='text' placeholder='Search'></header>"
    page = f"<html><body><div id='app'>{search}{short}</div></body></html>"
    text = extract_text(page)
    assert "Example Mail" in text and "30 days before" in text


@pytest.mark.parametrize("anchor", ["ccpa-notice", "cookie-consent", "gdpr-consent", "language"])
def test_a_section_anchored_after_its_subject_is_read_where_a_banner_so_named_is_not(anchor):
    section = (f"<section id='{anchor}'><h2>Notice to California residents</h2>"
               "<p>We respond to your requests within 45 days.</p></section>")
    banner = (f"<div class='{anchor} banner'><h3>Your choices</h3><p>We use cookies to improve the site.</p>"
              "<button>Accept</button><button>Reject</button></div>")
    text = extract_text(site(terms(extra=section + banner), dialog=""))
    assert "within 45 days" in text and "improve the site" not in text


def test_a_feedback_prompt_and_its_count_are_not_read_but_an_accordion_is():
    def vote(count: str) -> str:
        return (f"<div class='votes'><h2>Was this article helpful?</h2><button>Yes</button><button>No</button>"
                f"<small>{count}</small></div>")
    assert (judge(_fetch(site(terms(extra=vote("12 out of 47 found this helpful"))))).sha256
            == judge(_fetch(site(terms(extra=vote("13 out of 48 found this helpful"))))).sha256
            == judge(_fetch(site(terms()))).sha256)
    reactions = ("<div><p>Did this answer your question?</p><button>😞</button><button>😐</button>"
                 "<button>😃</button></div>")
    assert "answer your question" not in extract_text(site(terms(extra=reactions)))
    accordion = ("<div><button>Retention</button><p>We keep chats for 30 days.</p>"
                 "<button>Training</button><p>We never train on chats.</p></div>")
    assert "never train on chats" in extract_text(site(terms(extra=accordion)))


def test_a_section_after_the_terms_with_a_heading_of_its_own_is_not_read():
    def page(cta: str) -> str:
        body = terms().replace("<article>", "<div>").replace("</article>", "</div>")  # no landmark to go by
        return (f"<html><body><div class='legal'>{body}</div><div class='cta'><h2>Ready to get started?</h2>"
                f"<p>{cta}</p></div></body></html>")
    text = extract_text(page("Join 10,000+ teams."))
    assert CLAUSES[3] in text and "Acme Terms of Service" in text and "teams" not in text
    assert judge(_fetch(page("Join 10,000+ teams."))).sha256 == judge(_fetch(page("Join 12,000+ teams."))).sha256


@pytest.mark.parametrize("callout", [
    "<div role='alert'><p>{x}</p></div>", "<aside><p>{x}</p></aside>", "<div class='notice alert'><p>{x}</p></div>"])
def test_a_callout_of_the_terms_is_read_but_a_one_line_notice_is_not(callout):
    clause = "These Terms require you to resolve disputes with us by binding individual arbitration."
    text = extract_text(site(terms(extra=callout.format(x=clause))))
    assert "binding individual arbitration" in text
    # without an <article>, among the document's paragraphs
    bare = terms(extra=callout.format(x=clause)).replace("<article>", "<div>").replace("</article>", "</div>")
    assert "binding individual arbitration" in extract_text(site(bare))
    notice = "<div class='notification-banner'><p>Our Terms were updated. <a href='/x'>See what changed</a></p></div>"
    assert "See what changed" not in extract_text(site(terms(extra=notice)))


def test_who_last_saved_an_article_is_not_read_but_a_note_by_its_author_is():
    chip = ("<div class='article-author'><div class='avatar'><img src='/u.png' alt=''></div><a href='/profiles/7'>"
            "{name}</a> <time datetime='2026-01-05'>January 5, 2026</time></div>")
    page = terms(extra="").replace("</h1>", "</h1>" + chip)
    assert judge(_fetch(site(page.format(name="Jane Doe")))).sha256 == judge(
        _fetch(site(page.format(name="Sam Lee")))).sha256
    note = "<p class='author-note'>The author of these Terms may amend them on thirty days written notice.</p>"
    assert "thirty days written notice" in extract_text(site(terms(extra=note)))


def test_share_buttons_after_the_terms_are_not_read_but_a_section_on_sharing_is():
    def buttons(networks: str) -> str:
        links = "".join(f"<li><a href='?share={n.lower()}' rel='nofollow'>{n}</a></li>" for n in networks.split())
        return f"<div class='sharedaddy sd-sharing'><h3>Share this:</h3><ul>{links}</ul></div>"
    assert judge(_fetch(site(terms(extra=buttons("Twitter Facebook"))))).sha256 == judge(
        _fetch(site(terms(extra=buttons("Twitter Facebook LinkedIn"))))).sha256
    section = ("<section id='sharing' class='sharing'><h2>Sharing</h2><p>We share Customer Content with our "
               "subprocessors only to provide the Services.</p></section>")
    assert "only to provide the Services" in extract_text(site(terms(extra=section)))


def test_readers_comments_under_the_terms_are_not_read_but_a_clause_marked_as_a_comment_is():
    def page(comments: list[str]) -> str:
        items = "".join(f"<li><a href='/u/{i}'>Reader {i}</a><p>{c}</p></li>" for i, c in enumerate(comments))
        return site(terms(extra=f"<section class='comments' id='article-comments'><h2>Comments</h2>"
                                f"<p>{len(comments)} comments</p><ul>{items}</ul></section>"))
    first = page([])
    second = page(["Does this apply to the workspaces we created in the EU region last year as well?"])
    assert judge(_fetch(first)).sha256 == judge(_fetch(second)).sha256
    note = "<div class='comment'><p>Comment: Acme may suspend the Services for non-payment after notice.</p></div>"
    assert "suspend the Services" in extract_text(site(terms(extra=note)))


def test_a_sign_up_form_closing_the_document_is_not_read_but_a_clause_beside_a_form_is():
    card = ("<div class='card'><h2>Subscribe to Acme legal updates</h2><p>Legal and product news, twice a month.</p>"
            "<form><input type='email' placeholder='Your email'><button>Subscribe</button>"
            "<div class='success'>Email sent! Check your inbox to complete your sign-up.</div></form></div>")
    bare = terms(extra="").replace("<article>", "<div>").replace("</article>", "</div>")
    with_card = bare.replace("</div></div>", card + "</div></div>")
    assert "Subscribe" not in extract_text(site(with_card)) and CLAUSES[3] in extract_text(site(with_card))
    after = terms().replace("</div></article>", "</div>" + card + "</article>")  # after the clauses' own block
    assert "Subscribe" not in extract_text(site(after)) and CLAUSES[3] in extract_text(site(after))
    clause = card.replace("Legal and product news, twice a month.",
                          "By subscribing you agree that Acme may email you about changes to these Terms.")
    assert "may email you about changes" in extract_text(site(bare.replace("</div></div>", clause + "</div></div>")))


def test_the_documents_own_header_with_a_sentence_is_read_but_a_site_header_is_not():
    scope = "These Terms apply to all customers who signed up after 5 January 2026 and replace earlier versions."
    own = f"<header class='doc-head'><p>{scope}</p></header>"
    bare = terms(extra="").replace("<article>", "<div>").replace("</article>", "</div>")
    page = site(bare.replace("</h1>", "</h1>" + own))
    assert "replace earlier versions" in extract_text(page)
    assert "Contact Sales" not in extract_text(page)  # the site's <header> of links, beside the document
    menu = f"<header class='doc-head'><p>{scope}</p><a href='/a'>Pricing</a> <a href='/b'>Blog</a></header>"
    assert "Pricing" not in extract_text(site(bare.replace("</h1>", "</h1>" + menu)))


def test_a_list_of_linked_policies_that_a_clause_leads_into_is_read_but_a_menu_is_not():
    names = ["Acceptable Use Policy", "Privacy Policy", "Data Processing Addendum", "Service Level Agreement",
             "Security Measures", "Support Policy"]
    links = "".join(f'<li><a href="/{i}">{n}</a></li>' for i, n in enumerate(names))
    clause = f"<p>The following policies form part of these Terms:</p><ul>{links}</ul>"
    assert "Service Level Agreement" in extract_text(site(terms(extra=clause)))
    menu = f"<h2>Legal</h2><ul>{links}</ul>"
    assert "Service Level Agreement" not in extract_text(site(terms(extra=menu)))


def test_what_follows_the_document_without_a_sentence_of_its_own_is_not_read():
    def article(related: list[str], followers: int) -> str:
        links = "".join(f"<li><a href='/a/{i}'>{t}</a></li>" for i, t in enumerate(related))
        return ("<article><header><h1>Acme Terms of Service</h1><p>Last updated: 5 January 2026</p></header>"
                f"<div class='body'>{''.join(f'<h2>Section {i}</h2><p>{c}</p>' for i, c in enumerate(CLAUSES * 3))}"
                "</div>"
                f"<div class='follow'><button>Follow</button> {followers} followers</div>"
                f"<section><h2>Related articles</h2><ul>{links}</ul></section>"
                "<table><tr><th>Subprocessor</th><th>Purpose</th></tr><tr><td>Example Cloud</td><td>Hosting</td></tr>"
                "</table><p>Questions about these Terms go to legal@example.com, who answer within a week.</p>"
                "</article>")
    one, other = site(article(["Privacy Policy", "Cookies"], 12)), site(article(["Subprocessors", "Cookies"], 13))
    assert judge(_fetch(one)).sha256 == judge(_fetch(other)).sha256
    text = extract_text(one)
    assert "Acme Terms of Service" in text and "Last updated" in text and CLAUSES[3] in text
    assert "Example Cloud" in text and "legal@example.com" in text  # a table and a sentence after it stay


@pytest.mark.parametrize("anchor", ["<a href='#s2'>\u00b6</a>", "<a href='#s2'>#</a>",
                                    "<a class='anchor-link' href='#s2'>Link to this section</a>",
                                    "<a href='#s2' title='Permalink to this heading'>\U0001f517</a>"])
def test_a_headings_own_link_is_not_read_but_a_heading_that_is_a_link_is(anchor):
    page = site(terms().replace("<h2>Section 2</h2>", f"<h2>Section 2 {anchor}</h2>"))
    assert judge(_fetch(page)).sha256 == judge(_fetch(site(terms()))).sha256
    linked = site(terms().replace("<h2>Section 2</h2>", "<h2><a href='#s2'>Section 2</a></h2>"))
    assert "Section 2" in extract_text(linked)


def test_links_closing_the_documents_own_blocks_are_not_read_but_its_last_clause_is():
    def page(related: list[str]) -> str:
        links = "".join(f"<a href='/a/{i}'>{t}</a>" for i, t in enumerate(related))
        blocks = "".join(f"<div><h2>Section {i}</h2></div><div><p>{c}</p></div>" for i, c in enumerate(CLAUSES))
        return site(f"<article><h1>Acme Terms</h1>{blocks}<div><p>Acme Inc., 1 Main St</p></div>"
                    f"<section><h2>Related Articles</h2><div>{links}</div></section></article>")
    assert (judge(_fetch(page(["Privacy Policy", "Cookies", "Security"]))).sha256
            == judge(_fetch(page(["Subprocessors", "Privacy Policy", "Status"]))).sha256)
    assert "Acme Inc., 1 Main St" in extract_text(page(["Privacy Policy", "Cookies"]))


def test_a_clause_about_languages_is_read_but_a_language_picker_is_not():
    clause = ("<div class='languages'><p>These Terms are available in English, Deutsch and Français. If versions "
              "conflict, the English version prevails.</p></div>")
    picker = "<div class='language-picker'><a href='/de'>Deutsch</a> <a href='/fr'>Français</a></div>"
    text = extract_text(site(terms(extra=clause + picker)))
    assert "English version prevails" in text and "Deutsch Français" not in text


def test_a_page_drawn_in_divs_alone_is_narrowed_to_its_clauses():
    def page(promo: str) -> str:
        clauses = "".join(f"<div class='block'>{c}</div>" for c in CLAUSES * 2)
        return (f"<html><body><div class='top'><span>{promo}</span> <a href='/s'>Sign up</a></div>"
                f"<div class='doc'><div class='title'>Acme Terms</div>{clauses}</div></body></html>")
    one, other = judge(_fetch(page("Start your 14-day free trial"))), judge(_fetch(page("Save 20% this week")))
    assert isinstance(one, Extracted) and CLAUSES[1] in one.text and one.sha256 == other.sha256
