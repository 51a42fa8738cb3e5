"""Atom feeds of recorded changes, all or one vendor's, written with feedgen; pure: rows of read.changes in, bytes out.

Page text goes into elements as text, so feedgen (lxml) escapes it; nothing in a feed is markup.
"""

from __future__ import annotations

import re
from datetime import datetime

from feedgen.feed import FeedGenerator

from monitor.models import flags
from monitor.names import slug
from monitor.views import wording
from monitor.views.export import clauses_text, facts_text
from monitor.views.pages import change_href

# Characters XML 1.0 cannot carry at all (lxml refuses them); page text can contain them.
_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")


def _xml(text: str) -> str:
    return _NOT_XML.sub("", text)


def vendor_slug(vendor: str) -> str:
    """A vendor's name as a file-name part: `Acme AI` → `acme-ai` (feed-acme-ai.xml in the report)."""
    return slug(vendor) or "vendor"


def entry_title(change: dict) -> str:
    moved = flags(change)
    return f"{change['vendor']} {change['type']} changed" + (f" [{', '.join(moved)}]" if moved else "")


def entry_content(change: dict) -> str:
    """Plain text: the summary, the facts before → after, and the changed training/retention/access clauses."""
    parts = [f"{change['document']}: version {change['from_version']} → {change['to_version']}. {change['summary']}"]
    if change["facts"]:
        parts.append("Facts, before → after:\n" + facts_text(change["facts"]))
    if change["clauses"]:
        parts.append(f"{wording.count_line(change['clauses'])}:\n" + clauses_text(change["clauses"]))
    return "\n\n".join(parts)


def build_feed(changes: list[dict], now: str, vendor: str | None = None, base_url: str | None = None) -> bytes:
    """An Atom feed of `changes` (newest first, as read.changes returns them), or of one vendor's only.

    Ids are stable URNs from the change id (`urn:termwatch:change:ID`). Each entry links to its report page
    at `base_url` when given (a folder URL, a slash is added; or "" for links relative to the feed, as in the
    report folder).
    `updated` is the newest change's time, or `now` when there is none, so the same data gives the same feed.
    """
    if base_url and not base_url.endswith("/"):
        base_url += "/"
    if vendor is not None:
        changes = [c for c in changes if c["vendor"].casefold() == vendor.casefold()]
        vendor = changes[0]["vendor"] if changes else vendor  # as the config spells it, not as typed
    fg = FeedGenerator()
    fg.id("urn:termwatch:feed:" + ("all" if vendor is None else "vendor:" + vendor_slug(vendor)))
    fg.title(_xml("termwatch: " + ("changes of watched terms" if vendor is None else f"changes of {vendor}'s terms")))
    fg.author({"name": "termwatch"})
    fg.generator("termwatch")
    if base_url is not None:
        fg.link(href=base_url + "index.html", rel="alternate", type="text/html")
    newest = changes[0]["detected_at"] if changes else now
    fg.updated(datetime.fromisoformat(newest))
    for change in changes:
        fe = fg.add_entry(order="append")
        fe.id(f"urn:termwatch:change:{change['id']}")
        fe.title(_xml(entry_title(change)))
        fe.updated(datetime.fromisoformat(change["detected_at"]))
        fe.content(_xml(entry_content(change)), type="text")
        for name in flags(change):
            fe.category(term=name)
        if base_url is not None:
            fe.link(href=base_url + change_href(change), rel="alternate", type="text/html")
    return fg.atom_str(pretty=True)
