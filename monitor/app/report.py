"""`termwatch report`: gather from the store (in one snapshot), build every page and Atom feed with
views/report.py, and write them into one folder, removing pages an earlier report wrote that no longer exist."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import sqlite_utils

from monitor.analysis.diff import diff_texts
from monitor.app.agreements import drift_report
from monitor.config import Config
from monitor.errors import StoreError, TermwatchError
from monitor.store import read
from monitor.store.db import snapshot
from monitor.views.answers import answer_sheet
from monitor.views.feed import build_feed
from monitor.views.report import (
    agreement_page,
    change_page_model,
    document_page,
    failing_documents,
    feed_names,
    index_page,
    linked_sheet,
    raw_href,
    render,
    vendor_files,
    vendor_page,
    version_pages,
)


def write_report(db: sqlite_utils.Database, config: Config, out: Path, now: str) -> list[str]:
    """Gather from the store, build every page and feed, and write them into OUT; returns the file names."""
    with snapshot(db):  # a run may be committing meanwhile
        status = read.status(db)
        changes = read.changes(db)
        agreements = drift_report(db, config, with_diff=True)
        histories = {row["document"]: read.history(db, row["document"]) for row in status}
        kept = {row["document"]: kept_versions(db, row["document"]) for row in status}
        pairs = [(read.version(db, c["document"], c["from_version"]),
                  read.version(db, c["document"], c["to_version"])) for c in changes]
    vendors: dict[str, str] = {}
    for row in status:  # one feed per vendor, however its name is capitalised
        vendors.setdefault(row["vendor"].casefold(), row["vendor"])
    feeds = feed_names(list(vendors.values()))
    context = {"generated": now, "today": dt.datetime.fromisoformat(now).date()}
    answers = answer_sheet(db, config, evidence_base="")["vendors"]
    sheet = linked_sheet(answers, vendor_files(list(vendors.values()), "vendor", ".html"))
    pages = [index_page(status, changes, agreements, feeds, context | {"failing": failing_documents(status)}, sheet)]
    pages += [vendor_page(vendor, vendor["href"], context) for vendor in sheet]
    for row in status:
        pages.append(document_page(row, histories[row["document"]], changes, context))
        pages += version_pages(row, kept[row["document"]], histories[row["document"]], changes, context)
    for change, (old, new) in zip(changes, pairs, strict=True):
        pages.append(change_page_model(change, diff_texts(old.text, new.text), context))
    with_pages = {row["document"] for row in status}
    pages += [agreement_page(a, with_pages, context) for a in agreements]
    files: dict[str, str | bytes] = {page.path: render(page) for page in pages}
    files |= {raw_href(doc, v.id, raw): raw for doc, rows in kept.items() for v, raw in rows if raw is not None}
    files["feed.xml"] = build_feed(changes, now, base_url="")
    for vendor, name in feeds.items():
        files[name] = build_feed(changes, now, vendor=vendor, base_url="")
    _write(out, files)
    return list(files)


# The names of the files a report writes; one an earlier report wrote that this one does not (a change
# since dropped as noise, a renamed agreement) is removed, so a static host serves no stale page.
_OWN_FILES = ("document-*.html", "change-*.html", "agreement-*.html", "vendor-*.html", "feed-*.xml",
              "version-*.html", "raw/*.html.txt", "raw/*.pdf.bin")


def _write(out: Path, files: dict[str, str | bytes]) -> None:
    try:
        out.mkdir(parents=True, exist_ok=True)
        for name, content in files.items():
            data = content.encode("utf-8") if isinstance(content, str) else content
            (out / name).parent.mkdir(exist_ok=True)  # raw/
            (out / name).write_bytes(data)
        for stale in {p for pattern in _OWN_FILES for p in out.glob(pattern)} - {out / name for name in files}:
            stale.unlink()
    except OSError as err:
        raise TermwatchError(
            f"{out}: cannot write the report ({err.strerror}); give --out a folder you can write to") from None


def kept_versions(db: sqlite_utils.Database, document: str) -> list[tuple[read.VersionRow, bytes | None]]:
    """A document's versions oldest first, each with its kept raw page (None when none is kept)."""
    out: list[tuple[read.VersionRow, bytes | None]] = []
    for v in read.versions(db, document):
        try:
            out.append((v, read.raw_page(db, v)))
        except StoreError:
            out.append((v, None))
    return out
