"""The static HTML report's pages: pure functions build one model per page and Jinja2 (autoescape on) renders
them; app/report.py gathers the data from the store and writes the pages and feeds."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass

from monitor.analysis import drift
from monitor.analysis.decide import FAILED, SUSPECT
from monitor.analysis.diff import Hunk
from monitor.models import AUDIENCES, flags
from monitor.names import unique
from monitor.store import read
from monitor.text.pdf import looks_like_pdf
from monitor.views import templating, wording
from monitor.views.feed import vendor_slug
from monitor.views.formats import NO_CHANGES, diff_sections, heading_level
from monitor.views.pages import agreement_href, change_href, document_href, version_href


@dataclass(frozen=True)
class Page:
    """One file of the report: its name in the report folder, the template and what the template shows."""

    path: str
    template: str
    context: dict


def vendor_files(vendors: list[str], prefix: str, suffix: str) -> dict[str, str]:
    """Per vendor, the name of one of its files (`feed-acme-ai.xml`); vendors whose names make the same slug get
    -2, -3…"""
    taken: set[str] = set()
    return {vendor: unique(f"{prefix}-{vendor_slug(vendor)}", taken) + suffix for vendor in vendors}


def feed_names(vendors: list[str]) -> dict[str, str]:
    return vendor_files(vendors, "feed", ".xml")


def _facts(facts: list[dict]) -> list[dict]:
    return [wording.fact_row(f) for f in facts]


def _change_link(change: dict) -> dict:
    return {"id": change["id"], "href": change_href(change), "detected_at": change["detected_at"],
            "summary": change["summary"], "flags": flags(change), "from_version": change["from_version"],
            "facts": _facts(change["facts"])}


def renewal_note(renews_on: str | None, today: dt.date) -> str | None:
    if renews_on is None:
        return None
    days = (dt.date.fromisoformat(renews_on) - today).days
    if days == 0:
        return "renews today"
    if days > 0:
        return f"in {days} day{'s' if days != 1 else ''}"
    return f"passed {-days} day{'s' if days != -1 else ''} ago"


def _drift_status(documents: list[dict]) -> tuple[str, str]:
    """The agreement's status (the CSS class) and its documents in words; the statuses come from drift.py."""
    return (drift.overall([d["status"] for d in documents]),
            drift.tally([(d["status"], d["changed"]) for d in documents]))


def _fixes(documents: list[dict]) -> list[str]:
    return [d["fix"] for d in documents if d["status"] == drift.UNVERIFIED]


def linked_sheet(sheet: list[dict], pages: dict[str, str]) -> list[dict]:
    by_name = {name.casefold(): href for name, href in pages.items()}
    return [v | {"href": by_name[v["vendor"].casefold()]} for v in sheet]


def vendor_page(answers: dict, href: str, context: dict) -> Page:
    """One vendor: what its documents say today on all three questions, commercial and consumer side by side."""
    return Page(href, "vendor.html", context | {"title": f"{answers['vendor']}: what the terms say",
                                                "vendors": [answers]})


def index_page(status: list[dict], changes: list[dict], agreements: list[dict], feeds: dict[str, str],
               context: dict, sheet: Sequence[dict] = ()) -> Page:
    """What each vendor's terms say today on training and retention (the answer sheet, linking to each vendor's
    page with access too); the vendors' documents, commercial and consumer side by side, each with its latest
    change; then the agreements with their drift and renewal date."""
    latest: dict[str, dict] = {}
    for change in changes:  # newest first
        latest.setdefault(change["document"], change)
    vendors: dict[str, dict] = {}
    for row in status:
        key = row["vendor"].casefold()
        if key not in vendors:
            vendors[key] = {"name": row["vendor"], "feed": feeds[row["vendor"]],
                            "documents": {a: [] for a in AUDIENCES}}
        vendors[key]["documents"].setdefault(row["audience"], []).append({
            "id": row["document"], "type": row["type"], "href": document_href(row["document"]),
            "versions": row["versions"], "last_outcome": row["last_outcome"], "last_reason": row["last_reason"],
            "latest": _change_link(latest[row["document"]]) if row["document"] in latest else None,
        })
    rows = []
    for a in agreements:
        overall, state = _drift_status(a["documents"])
        rows.append({"id": a["agreement"], "href": agreement_href(a["agreement"]), "vendor": a["vendor"],
                     "signed_on": a["signed_on"], "renews_on": a["renews_on"],
                     "renewal": renewal_note(a["renews_on"], context["today"]), "overall": overall, "status": state,
                     "fixes": _fixes(a["documents"]),
                     "flags": flags(*(d for d in a["documents"] if d["changed"]))})
    return Page("index.html", "index.html", context | {
        "title": "Terms watched", "audiences": AUDIENCES, "vendors": list(vendors.values()), "agreements": rows,
        "documents": len(status), "changes": len(changes), "answers": list(sheet)})


def document_page(row: dict, history: list[dict], changes: list[dict], context: dict) -> Page:
    """A document's timeline, newest version first, each linking to its page, with the change that led to it."""
    by_id = {c["id"]: c for c in changes}
    timeline = []
    for v in reversed(history):
        # An editorial edit is in the history but not in `changes`: it has no change page of its own.
        paged = v["change"] is not None and v["change"]["id"] in by_id
        timeline.append(v | {"href": version_href(row["document"], v["version"]),
                             "change": _change_link(by_id[v["change"]["id"]]) if paged else None,
                             "editorial": v["change"] if v["change"] and not paged else None})
    return Page(document_href(row["document"]), "document.html", context | {
        "title": f"{row['vendor']} {row['type']}", "vendor": row["vendor"], "audience": row["audience"],
        "type": row["type"], "url": row["url"], "url_is_web": row["url"].startswith(("https://", "http://")),
        "last_fetch": row["last_fetch"], "last_outcome": row["last_outcome"], "last_reason": row["last_reason"],
        "timeline": timeline})


def change_page_model(change: dict, hunks: list[Hunk], context: dict) -> Page:
    """One change: flags, summary, facts before → after, the flagged clauses and the highlighted diff."""
    return Page(change_href(change), "change.html", context | {
        "title": f"{change['vendor']} {change['type']}: change {change['id']}",
        "change": {"flags": flags(change)}, "document": change["document"],
        "document_href": document_href(change["document"]),
        **{k: change[k]
           for k in ("vendor", "audience", "type", "from_version", "to_version", "detected_at", "summary")},
        "facts_rows": _facts(change["facts"]), "pair_rows": change["clauses"],
        "count": wording.count_line(change["clauses"]), "diff": diff_sections(hunks), "no_changes": NO_CHANGES})


def failing_documents(status: list[dict]) -> list[dict]:
    """The documents whose latest fetch failed or was suspect, with why and when: the report shows their last
    version read, which may no longer be what the vendor publishes."""
    return [{"id": r["document"], "vendor": r["vendor"], "type": r["type"], "href": document_href(r["document"]),
             "outcome": r["last_outcome"], "reason": r["last_reason"], "at": r["last_fetch"]}
            for r in status if r["last_outcome"] in (FAILED, SUSPECT)]


def raw_href(document: str, version_id: int, raw: bytes) -> str:
    """Where a version's kept raw page goes, named so that no browser runs it: HTML as .html.txt (shown as
    plain text, its source), a PDF as .pdf.bin (downloaded, never opened in the browser's PDF viewer, which
    can run a PDF's scripts). The bytes are the kept ones, unchanged."""
    return f"raw/{document}-{version_id}." + ("pdf.bin" if looks_like_pdf(raw) else "html.txt")


def text_blocks(text: str) -> list[dict]:
    """A version's text line by line as its page shows it: the page's headings (the extractor's Markdown
    marks) as headings below the page's own h2 (level 3 to 6), every other non-blank line a paragraph."""
    blocks = []
    for line in text.split("\n"):
        if line.strip():
            level, words = heading_level(line)
            blocks.append({"level": min(level + 2, 6) if level else 0, "text": words})
    return blocks


def version_pages(row: dict, kept: list[tuple[read.VersionRow, bytes | None]], history: list[dict],
                  changes: list[dict], context: dict) -> list[Page]:
    """A page per version of a document (kept: its versions oldest first, each with its kept raw page or None):
    the full text, first and last seen, the versions before and after, the change that led to it, the raw page."""
    by_id = {c["id"]: c for c in changes}
    led_by = {h["version"]: h["change"] for h in history}
    document = row["document"]
    pages = []
    for i, (v, raw) in enumerate(kept):
        neighbours = {name: {"id": n.id, "href": version_href(document, n.id)} if n else None
                      for name, n in (("previous", kept[i - 1][0] if i else None),
                                      ("next", kept[i + 1][0] if i + 1 < len(kept) else None))}
        change = led_by.get(v.id)
        if change is not None:
            change = change | {"href": change_href(change) if change["id"] in by_id else None, "flags": flags(change)}
        pages.append(Page(version_href(document, v.id), "version.html", context | neighbours | {
            "title": f"{row['vendor']} {row['type']}: version {v.id}", "document": document,
            "document_href": document_href(document), "vendor": row["vendor"], "audience": row["audience"],
            "type": row["type"], "id": v.id, "position": i + 1, "count": len(kept), "first_seen": v.first_seen,
            "last_seen": v.last_seen, "length": v.length, "change": change,
            "raw": None if raw is None else {"href": raw_href(document, v.id, raw), "pdf": looks_like_pdf(raw),
                                             "length": len(raw), "sha256": v.page_sha256},
            "blocks": text_blocks(v.text)}))
    return pages


def agreement_page(agreement: dict, documents_with_pages: set[str], context: dict) -> Page:
    """One agreement: per document, its baseline, drift, facts signed → now, flagged clauses and diff."""
    overall, state = _drift_status(agreement["documents"])
    docs = []
    for d in agreement["documents"]:
        docs.append({
            "document": d["document"],
            "href": document_href(d["document"]) if d["document"] in documents_with_pages else None,
            "status": d["status"], "state": drift.label(d["status"], d["changed"]), "fix": d["fix"],
            "flags": flags(d), "baseline": d["baseline"]["note"] if d["baseline"] else None,
            "current_version": d["current_version"], "summary": d["summary"], "facts": _facts(d["facts"]),
            "clauses": d["clauses"], "count": wording.count_line(d["clauses"]),
            # None: no diff to show; [] (only spacing changed): the page says there is no wording change.
            "diff": diff_sections(d["diff"]) if d["changed"] and d.get("diff") else None,
        })
    return Page(agreement_href(agreement["agreement"]), "agreement.html", context | {
        "title": f"Agreement {agreement['agreement']}", "id": agreement["agreement"], "vendor": agreement["vendor"],
        "signed_on": agreement["signed_on"], "renews_on": agreement["renews_on"], "notes": agreement["notes"],
        "renewal": renewal_note(agreement["renews_on"], context["today"]), "overall": overall, "status": state,
        "fixes": _fixes(agreement["documents"]), "documents": docs, "no_changes": NO_CHANGES})


def render(page: Page) -> str:
    return templating.render(page.template, page.context)
