"""The page's frame, on small synthetic pages: lines two pages of one site both open or close with, and lines that
came and went in the page's own history; a change confined to them is editorial, and wording two documents share
elsewhere, or a change beside a flapping block, is not."""

from __future__ import annotations

from conftest import db_at, document_toml
from monitor.analysis.decide import NEW, Known, Shown, State, decide, recent_history
from monitor.analysis.frame import SITE_PAGES, edges, flapping, site_frame, unframed
from monitor.analysis.significance import EDITORIAL, SUBSTANTIVE, significance
from monitor.text.judge import fingerprint

NOTICE = "We recently updated our Privacy Notice.\nWe added more detail about cookies and your choices."
MENU = "Products\nPricing\nContact Sales"
FOOTER = "© 2026 Acme Inc.\nImprint\nCareers"
SHARED_CLAUSE = "We do not use Customer Content to train our models."


def page(title: str, clauses: list[str], notice: str = NOTICE) -> str:
    return "\n".join([notice, MENU, f"# {title}", *clauses, FOOTER]).strip()


def numbered(kind: str) -> list[str]:
    return [f"{kind} clause {n} applies to every workspace of the Customer." for n in range(1, 9)]


TERMS = page("Acme Terms of Service", ["These Terms govern your use of Acme.", SHARED_CLAUSE, *numbered("Terms"),
                                       "Either party may end these Terms on notice."])
DPA = page("Acme Data Processing Addendum", ["This Addendum forms part of the Agreement.", SHARED_CLAUSE,
                                              *numbered("Addendum"),
                                              "Acme deletes Customer Data within 30 days of termination."])


def frame(old: str, new: str, *others: str) -> frozenset[str]:
    """The frame of a page read as `old` and as `new`, given its site-mates' readings."""
    return site_frame([edges(old), edges(new)], [edges(other) for other in others])


def test_the_lines_a_site_opens_and_closes_its_pages_with_are_its_frame():
    found = frame(TERMS, TERMS, DPA)
    assert unframed(TERMS, found).split("\n")[0] == "Acme Terms of Service"
    assert unframed(TERMS, found).split("\n")[-1] == "Either party may end these Terms on notice."
    # The clause both documents state sits inside the terms, not at their edges: it is wording, not frame.
    assert SHARED_CLAUSE in unframed(TERMS, found)


def _decide(old: str, new: str, frame: frozenset[str]):
    before = fingerprint(old)
    return decide(State(known=(Known(1, before.sha256, len(before.text), "2026-05-31T00:00:00+00:00"),),
                        current_text=old, frame=frame), fingerprint(new), "2026-06-01T00:00:00+00:00")


def test_a_notice_the_site_drops_from_every_page_is_editorial():
    new = TERMS.replace(NOTICE + "\n", "")
    decision = _decide(TERMS, new, frame(TERMS, new, DPA, DPA.replace(NOTICE + "\n", "")))
    assert decision.kind == NEW and decision.significance == EDITORIAL
    # Without the other page to tell the frame, the same edit is a sentence removed: substantive.
    assert _decide(TERMS, new, frozenset()).significance == SUBSTANTIVE


def test_a_new_notice_on_every_page_is_editorial_but_a_new_clause_at_the_top_is_not():
    notice = "Our Cookie Policy changed on 1 June 2026."
    new = TERMS.replace(NOTICE, notice)
    assert _decide(TERMS, new, frame(TERMS, new, DPA, DPA.replace(NOTICE, notice))).significance == EDITORIAL
    clause = "We may use your prompts to improve our models."
    top = TERMS.replace(NOTICE, clause)
    assert _decide(TERMS, top, frame(TERMS, top, DPA, DPA.replace(NOTICE, notice))).significance == SUBSTANTIVE


def test_a_change_of_wording_two_documents_share_is_substantive():
    new = TERMS.replace(SHARED_CLAUSE, "We may use Customer Content to train our models.")
    assert _decide(TERMS, new, frame(TERMS, new, DPA)).significance == SUBSTANTIVE


def test_two_copies_of_one_page_have_no_frame_so_a_change_made_to_both_is_substantive():
    new = TERMS.replace("Either party may end these Terms on notice.", "Acme may end these Terms at any time.")
    assert frame(TERMS, new, TERMS, new) == frozenset()
    assert _decide(TERMS, new, frame(TERMS, new, TERMS, new)).significance == SUBSTANTIVE


def _site_page(title: str, clauses: list[str], notice: str) -> str:
    """A page of the site: a notice box that names itself nothing special above the title, in <main>."""
    body = "".join(f"<h2>Section {i + 1}</h2><p>{c} {EXPLAINED}</p>" for i, c in enumerate(clauses))
    return (f"<html><body><main><div class='box'><p>{notice}</p></div><h1>{title}</h1>{body}</main>"
            "</body></html>")


EXPLAINED = "This section applies to every workspace and every user of the Acme services."


def test_a_notice_on_every_page_of_a_site_comes_and_goes_without_a_change_of_terms(pages, write_config, termwatch):
    terms = ["These Terms govern your use of Acme.", SHARED_CLAUSE, "Either party may end these Terms on notice."]
    dpa = ["This Addendum forms part of the Agreement.", SHARED_CLAUSE,
           "Acme deletes Customer Data within 30 days of termination."]
    config = write_config(document_toml("acme-terms", pages.url("/terms"), vendor="Acme"),
                          document_toml("acme-dpa", pages.url("/dpa"), vendor="Acme"))

    def serve(notice: str, terms_clauses: list[str] = terms) -> None:
        pages.set("/terms", _site_page("Acme Terms of Service", terms_clauses, notice))
        pages.set("/dpa", _site_page("Acme Data Processing Addendum", dpa, notice))

    serve("We recently updated our Privacy Notice.")
    assert termwatch(config, "run").code == 0
    serve("Our Cookie Policy changed on 1 June 2026.")  # a new notice on both pages at once
    assert termwatch(config, "run", "--json").json()["changes"] == []
    stored = termwatch(config, "changes", "--all", "--json").json()
    assert sorted((c["document"], c["significance"]) for c in stored) == [("acme-dpa", "editorial"),
                                                                           ("acme-terms", "editorial")]
    # A change of the terms themselves, on the same run as the notice going away, is announced.
    serve("", [*terms[:2], "Either party may end these Terms on 30 days notice."])
    announced = termwatch(config, "run", "--json").json()["changes"]
    assert [c["document"] for c in announced] == ["acme-terms"]


def test_a_run_reads_the_frame_of_sites_of_a_few_pages_only(tmp_path):
    from conftest import config_toml
    from monitor.app.run import Processor
    from monitor.config import parse
    from monitor.store.db import open_db

    def sites(pages: int) -> dict:
        docs = [document_toml(f"acme-{n}", f"http://127.0.0.1:9/{n}", vendor="Acme") for n in range(pages)]
        docs.append(document_toml("other", "http://127.0.0.1:9/other", vendor="Other AI"))
        config = parse(config_toml(*docs), tmp_path / "config.toml", environ={})
        db = open_db(config.storage.database)
        return Processor(db, config, {d.id: d for d in config.documents}).sites

    assert list(sites(3).values()) == [("acme-0", "acme-1", "acme-2")]  # the other vendor's one page has no frame
    # A farm of pages on one host is past what a run holds to read a frame from.
    assert sites(SITE_PAGES + 1) == {}


# The page's own history: a block that came and went while the terms stayed.
BANNER = "Join us at Acme Summit 2026, our conference on building with AI, this October in Berlin."
CLAUSE = "Acme deletes Customer Data within 30 days of termination."
LONGER = "Acme deletes Customer Data within 90 days of termination."
SHORTER = "Acme deletes Customer Data within 7 days of termination."


def test_a_line_that_came_and_went_flaps_and_a_line_that_moved_once_does_not():
    with_banner, without = f"{BANNER}\n{TERMS}", TERMS
    assert flapping([with_banner, without]) == frozenset()  # gone once: it may be a real removal
    [line] = flapping([with_banner, without, with_banner])
    assert line == unframed(BANNER, frozenset())  # the line as normalised, wherever it stands
    assert flapping([without, with_banner, without]) == {line}  # came, then went
    edited = without.replace("Either party may end", "Acme may end")
    assert flapping([without, edited]) == frozenset()


def test_a_block_that_came_and_went_is_editorial_but_a_change_beside_it_is_not():
    with_banner = f"{BANNER}\n{TERMS}"
    history = (with_banner, TERMS, with_banner)
    assert significance(with_banner, TERMS, history=history) == EDITORIAL
    assert significance(with_banner, TERMS) == SUBSTANTIVE  # no history to tell
    assert significance(with_banner, TERMS, history=history[:2]) == SUBSTANTIVE  # gone once only
    changed = TERMS.replace("Either party may end these Terms on notice.", "Acme may end these Terms at any time.")
    assert significance(with_banner, changed, history=history) == SUBSTANTIVE


def test_only_the_last_month_of_the_pages_history_is_read():
    now = "2026-06-30T00:00:00+00:00"
    shown = (Shown("c", "2026-06-29T00:00:00+00:00"), Shown("b", "2026-06-01T00:00:00+00:00"),
             Shown("a", "2026-05-30T23:00:00+00:00"), Shown("older", "2026-05-01T00:00:00+00:00"))
    assert recent_history(shown, now) == ("b", "c")  # oldest first; "a" ended just over 30 days ago
    assert recent_history(shown, "not a time") == ()


def _history_page(notice: str, clause: str) -> str:
    box = f"<div class='box'><p>{notice}</p></div>" if notice else ""
    body = "".join(f"<h2>Section {i + 1}</h2><p>{c} {EXPLAINED}</p>"
                   for i, c in enumerate(["These Terms govern your use of Acme.", SHARED_CLAUSE, clause]))
    return f"<html><body><main>{box}<h1>Acme Terms of Service</h1>{body}</main></body></html>"


def test_a_banner_that_comes_and_goes_while_the_terms_change_is_not_announced(pages, write_config, termwatch):
    config = write_config(document_toml("acme-terms", pages.url("/terms"), vendor="Acme"))

    def run(notice: str, clause: str = CLAUSE) -> list[str]:
        pages.set("/terms", _history_page(notice, clause))
        result = termwatch(config, "run", "--json")
        assert result.code == 0, result.stderr
        return [c["summary"] for c in result.json()["changes"]]

    run(BANNER)
    assert len(run("")) == 1  # the banner goes: nothing yet tells it from a removed sentence
    assert run(BANNER) == []  # the first version again
    assert len(run(BANNER, LONGER)) == 1  # a change of terms while the banner shows
    assert run("", LONGER) == []  # the banner has come and gone before: not a change of terms
    assert len(run("", SHORTER)) == 1  # the terms change again, with no banner: announced
    stored = termwatch(config, "changes", "--all", "--json").json()
    assert [c["significance"] for c in reversed(stored)] == ["substantive", "substantive", "editorial",
                                                              "substantive"]
    # `reextract` decides each change again with what the page had shown before it: the same answers.
    db_at(config).execute("update versions set extractor_version = 'old'").connection.commit()
    assert termwatch(config, "reextract", "--json").code == 0
    assert termwatch(config, "changes", "--all", "--json").json() == stored
