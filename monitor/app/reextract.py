"""`termwatch reextract`, and reading a kept page again: every stored version's text re-derived from its raw
page by this extractor, so an upgrade of termwatch is never announced as a change of the vendor's terms."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Any

import sqlite_utils

from monitor.analysis.classify import describe_change
from monitor.analysis.clauses import current_clauses
from monitor.analysis.decide import Shown, recent_history
from monitor.analysis.facts import facts
from monitor.analysis.frame import edges, site_frame, sites
from monitor.analysis.significance import significance
from monitor.config import Config
from monitor.models import Document, Extracted
from monitor.store import read, write
from monitor.text.html import extract_text
from monitor.text.judge import EXTRACTOR_VERSION, fingerprint, pdf_fingerprint
from monitor.text.pdf import pdf_text


def reextract(db: sqlite_utils.Database, config: Config, only: tuple[str, ...] = ()) -> dict[str, Any]:
    """Re-derive every stored version's text from its kept raw page with the current extractor and selectors.

    Changes whose two versions now read the same were noise under the old extractor and are dropped;
    the others are described again. Returns counts and the dropped change ids.
    """
    documents = tuple(config.document(i) for i in only) if only else config.documents
    frames = _site_frames(db, config)
    versions = rewritten = redescribed = 0
    all_dropped: list[int] = []
    for doc in documents:
        texts, updates, made_by = {}, [], {}
        for v in read.versions(db, doc.id):
            made_by[v.id] = v
            versions += 1
            found = page_reading(doc, read.page_bytes(db, v.page_sha256), v.fallback)
            text, sha = found.text, found.sha256
            texts[v.id] = (text, sha)
            if text != v.text or sha != v.text_sha256 or v.extractor_version != EXTRACTOR_VERSION:
                updates.append(text_update(v.id, found))
        changed, dropped = [], []
        for c in read.change_pairs(db, doc.id):
            (old, old_sha), (new, new_sha) = texts[c["from_version"]], texts[c["to_version"]]
            if old_sha == new_sha:
                dropped.append(c["id"])
            elif any(u["id"] in (c["from_version"], c["to_version"]) for u in updates):
                # Decided as the run did: with what the page had shown before the fetch that made the change.
                made = made_by[c["to_version"]]
                history = recent_history(shown(read.stretches(db, doc.id, made.fetch_id),
                                               {vid: text for vid, (text, _) in texts.items()}), made.first_seen)
                kind = significance(old, new, frames.get(doc.id, frozenset()), history)
                changed.append((c["id"], describe_change(old, new, kind)))
        # Every version's clauses and facts are found again: the classifier may have changed since they were stored.
        clauses = {vid: (doc.id, current_clauses(text)) for vid, (text, _) in texts.items()}
        stated = {vid: (doc.id, facts(text)) for vid, (text, _) in texts.items()}
        with db.atomic():
            write.rewrite_derived(db, updates, changed, dropped, clauses, stated)
        rewritten += len(updates)
        redescribed += len(changed)
        all_dropped += dropped
    return {"versions": versions, "rewritten": rewritten, "changes_redescribed": redescribed,
            "changes_dropped": all_dropped}


def _site_frames(db: sqlite_utils.Database, config: Config) -> dict[str, frozenset[str]]:
    """Each document's site frame (analysis/frame.py) as the stored versions show it: the lines any of its versions
    shares at its ends with any version of a site-mate."""
    frames: dict[str, frozenset[str]] = {}
    for ids in sites(config.documents).values():
        shown = {doc_id: [edges(v.text) for v in read.versions(db, doc_id)] for doc_id in ids}
        for doc_id in ids:
            frames[doc_id] = site_frame(shown[doc_id], (e for other, seen in shown.items() if other != doc_id
                                                        for e in seen))
    return frames


def shown(stretches: Iterable[read.Stretch], texts: Mapping[int, str]) -> tuple[Shown, ...]:
    """What the page showed, as `decide` reads it, as far back as `texts` holds the versions' texts: `run` has the
    recent versions (the current one as this extractor reads it; older stretches are past the month `decide` looks
    back anyway), `reextract` all of them as re-read."""
    found = []
    for stretch in stretches:
        if stretch.version_id not in texts:
            break
        found.append(Shown(texts[stretch.version_id], stretch.last_seen))
    return tuple(found)


def page_reading(doc: Document, page: bytes, fallback: bool) -> Extracted:
    """A version's kept page read by this extractor."""
    # A stored PDF was readable when its version was made, so reading it again cannot fail.
    if doc.format == "pdf":
        return pdf_fingerprint(pdf_text(page))
    # A version read from the main content because `select` matched nothing is read that way again.
    select = () if fallback else doc.select
    return fingerprint(extract_text(page.decode("utf-8"), select, doc.remove))


def text_update(version_id: int, found: Extracted) -> dict[str, Any]:
    """A version's text re-derived by this extractor, as write.rewrite_derived takes it."""
    return {"id": version_id, "text": found.text, "text_sha256": found.sha256, "length": len(found.text),
            "extractor_version": EXTRACTOR_VERSION}
