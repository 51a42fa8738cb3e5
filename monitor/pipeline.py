"""The imperative shell of `termwatch run`: each fetch result is judged, decided, stored, diffed and classified.

Scrapy is not imported here; the crawl hands results in one by one.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field, replace
from typing import Any, TypeVar

import sqlite_utils

from monitor import messages, store
from monitor.agreements import check_agreements
from monitor.alerts import DeliveryReport, deliver, route
from monitor.analysis.classify import classify_change
from monitor.analysis.clauses import current_clauses
from monitor.analysis.facts import facts
from monitor.config import Config, CrawlConfig
from monitor.decide import KNOWN, NEW, NOT_MODIFIED, SUSPECT, UNCHANGED, Decision, State, decide, known_versions
from monitor.diff import diff_texts
from monitor.errors import TermwatchError
from monitor.extract import EXTRACTOR_VERSION, extract_text, fingerprint, judge, pdf_fingerprint
from monitor.models import Document, Extracted, FetchResult, RunSummary, Unusable
from monitor.pdf import pdf_text
from monitor.reader import PageReader, return_freed_pages
from monitor.redact import redact
from monitor.significance import EDITORIAL, SUBSTANTIVE, significance
from monitor.timeutil import utc_now


def describe_change(old: str, new: str, significance: str) -> dict:
    """Diff and classify two texts into the fields a change row and its alerts carry."""
    result = classify_change(old, new, diff_texts(old, new))
    return {
        "significance": significance,
        "training": result.training,
        "retention": result.retention,
        "access": result.access,
        "summary": result.summary,
        "facts": result.facts,
        "clauses": result.clauses,
    }


@dataclass
class Processor:
    """Takes the fetch results of one run, in any order, and records each in its own transaction.

    For each fetch it reads the document's state once, lets `decide` judge it, and applies the decision;
    alert events are routed and enqueued in the same transaction as the fetch that caused them.
    """

    db: sqlite_utils.Database
    config: Config
    documents: dict[str, Document]
    fetched: int = 0
    unchanged: int = 0
    new_versions: int = 0
    changes: list[dict] = field(default_factory=list)
    failures: list[dict] = field(default_factory=list)
    handled: set[str] = field(default_factory=set)

    def _route(self, *events: dict) -> list:
        return [route(e, self.config.channels, self.config.secrets) for e in events]

    def handle(self, fetch: FetchResult, judged: Extracted | Unusable | None = None) -> None:
        """Record one fetch; `judged` is what it shows when that was already worked out (in the worker)."""
        self.fetched += 1
        self.handled.add(fetch.document_id)
        doc = self.documents[fetch.document_id]
        rows = store.recent_versions(self.db, doc.id)
        if rows and rows[0].extractor_version != EXTRACTOR_VERSION:
            # Read by an older termwatch: the current version is read again from its kept page first, so that
            # an upgrade of the extractor is never announced as a change of the vendor's terms.
            _reread(self.db, doc, rows[0])
            rows = store.recent_versions(self.db, doc.id)
        current = rows[0] if rows else None
        if fetch.status == 304 and current is not None:
            seen = None
        else:
            seen = judged if judged is not None else judge(fetch, doc.select, doc.remove, doc.format)
        state = State(known_versions(rows), current.text if current else "", bool(current and current.fallback),
                      _current_automatic(self.db, doc, current, seen), store.pending_suspect(self.db, doc.id))
        decision = decide(state, seen, fetch.fetched_at)
        if decision.kind not in (NOT_MODIFIED, UNCHANGED, KNOWN, NEW):
            suspect = seen.sha256 if decision.kind == SUSPECT and isinstance(seen, Extracted) else None
            self._fail(doc, fetch, decision.reason, decision.kind, suspect)
            return
        note, events = None, self._recovery(doc, fetch)
        if isinstance(seen, Extracted) and seen.fallback:
            note = _fallback_note(doc)
            if not (current and current.fallback):  # once per version read by its selector
                key = messages.selector_key(doc.id, current.id if current else None)
                events += self._route(messages.selector_event(doc, note, key, fetch.fetched_at))
        # decide() makes a version only of a usable page, and the other outcomes left name a stored version.
        if decision.kind == NEW:
            assert isinstance(seen, Extracted)
            self._new_version(doc, fetch, seen, decision, current, note, events)
        else:
            assert decision.version_id is not None
            if isinstance(seen, Extracted):
                sha = seen.sha256
            else:  # a 304, which stands for the current version
                assert current is not None
                sha = current.text_sha256
            store.record_seen(self.db, fetch, decision.version_id, decision.kind, sha, events, note)
            self.unchanged += 1

    def _recovery(self, doc: Document, fetch: FetchResult) -> list:
        failures = store.consecutive_failures(self.db, doc.id)
        if failures < self.config.alerting.failure_threshold:
            return []
        key = messages.recovery_key(doc.id, fetch.fetched_at)
        return self._route(messages.recovery_event(doc, failures, key, fetch.fetched_at))

    def _fail(self, doc: Document, fetch: FetchResult, reason: str, outcome: str = "failed",
              text_sha256: str | None = None) -> None:
        failures = store.consecutive_failures(self.db, doc.id) + 1
        events = []
        if failures == self.config.alerting.failure_threshold:
            key = messages.failure_key(doc.id, fetch.fetched_at)
            events = self._route(messages.failure_event(doc, failures, reason, key, fetch.fetched_at))
        store.record_failure(self.db, fetch, reason, outcome, text_sha256, events)
        self.failures.append({"document": fetch.document_id, "reason": reason})

    def _new_version(self, doc: Document, fetch: FetchResult, seen: Extracted, decision: Decision, current,
                     note: str | None, events: list) -> None:
        change = None
        if decision.significance in (SUBSTANTIVE, EDITORIAL):
            change = describe_change(decision.base_text, seen.text, decision.significance) | {
                "from_version": current.id}
        announced = change if decision.announced else None  # a substantive change: alerted and summarised
        # The alert names the change's id (its report page, the diff command), so it is written in the
        # transaction that records the change, once the id exists.
        with self.db.atomic():
            version_id, change_id = store.record_version(
                self.db, fetch, seen.text, seen.sha256, EXTRACTOR_VERSION, change, events,
                clauses=current_clauses(seen.text), fallback=seen.fallback, note=note, facts=facts(seen.text),
            )
            if announced is not None:
                key = messages.change_key(doc.id, fetch.fetched_at, seen.sha256)
                recorded = announced | {"id": change_id, "to_version": version_id}
                event = messages.change_event(doc, recorded, key, fetch.fetched_at, self.config.report.base_url)
                store.enqueue(self.db, self._route(event))
        self.new_versions += 1
        if announced is not None:
            self.changes.append(
                {
                    "id": change_id,
                    "document": doc.id,
                    "vendor": doc.vendor,
                    "from_version": current.id,
                    "to_version": version_id,
                    "training": announced["training"],
                    "retention": announced["retention"],
                    "access": announced["access"],
                    "summary": announced["summary"],
                }
            )

    def summary(self, started_at: str, finished_at: str, alerts: DeliveryReport) -> RunSummary:
        return RunSummary(
            started_at=started_at,
            finished_at=finished_at,
            documents=len(self.documents),
            fetched=self.fetched,
            unchanged=self.unchanged,
            failed=len(self.failures),
            new_versions=self.new_versions,
            changes=self.changes,
            failures=self.failures,
            alerts={"sent": alerts.sent, "failed": alerts.failed, "errors": alerts.errors},
        )


def run(config: Config, only: tuple[str, ...] = (), verbose: bool = False,
        progress: Callable[[str], None] | None = None, now: str | None = None) -> RunSummary:
    """Crawl the configured documents (or only some), record what was found, and summarise.

    progress, if given, is called with each document id once its fetch has been recorded.
    now, if given, is the time the run is recorded at instead of the clock's: its fetches, versions, changes,
    findings and deliveries (`termwatch demo` replays each snapshot at the date it was fetched).
    """
    from monitor.crawl import fetch_all, run_deadline

    clock = (lambda: now) if now else utc_now
    documents = tuple(config.document(i) for i in only) if only else config.documents
    return_freed_pages()
    # The lock comes first: two runs started together on a new database would otherwise race to create it.
    with store.disk_full_as_error(config.storage.database), store.run_lock(config.storage.database):
        db = store.open_db(config.storage.database)
        started_at = clock()
        # A ${ENV} value in a document's URL (a token-protected page) is a secret: the database, the alerts and
        # the summary only ever see the URL with it masked. The crawl alone gets the real one.
        store.sync_documents(db, tuple(_masked(d, config.secrets) for d in config.documents))
        processor = Processor(db, config, {d.id: _masked(d, config.secrets) for d in documents})

        with PageReader() as reader:
            async def handle(fetch: FetchResult) -> None:
                fetch = _masked(replace(fetch, fetched_at=now) if now else fetch, config.secrets)
                judged = None
                if fetch.body or fetch.raw:
                    judged = await reader.judge(fetch, processor.documents[fetch.document_id])
                processor.handle(fetch, judged)  # judges the page itself when the reader did not
                if progress is not None:
                    progress(fetch.document_id)

            fetch_all(documents, config.crawl, handle, store.validators(db), verbose)
        # Documents the crawl did not reach before the run's deadline are failed fetches, said so.
        deadline = run_deadline(config.crawl, len(documents))
        for doc in documents:
            if doc.id not in processor.handled:
                late = f"the run's deadline of {deadline:g} s passed before this page was fetched"
                processor.handle(FetchResult(doc.id, processor.documents[doc.id].url, clock(), error=late))
        check_agreements(db, config, clock())
        report = deliver(db, config, clock())
        return processor.summary(started_at, clock(), report)


def _reread(db: sqlite_utils.Database, doc: Document, version) -> None:
    """Re-derive one stored version's text, hash and clauses from its kept page with the current extractor."""
    found = _page_fingerprint(db, doc, version.page_sha256, version.fallback)
    update = {"id": version.id, "text": found.text, "text_sha256": found.sha256, "length": len(found.text),
              "extractor_version": EXTRACTOR_VERSION}
    store.rewrite_derived(db, [update], [], [], {version.id: (doc.id, current_clauses(found.text))},
                          {version.id: (doc.id, facts(found.text))})


def _current_automatic(db: sqlite_utils.Database, doc: Document, current, seen) -> Extracted | None:
    """When `select` stopped matching: the current version's page read from its automatically found main
    content too, so that the switch of extraction is not taken for a change."""
    if not isinstance(seen, Extracted) or not seen.fallback or current is None or current.fallback:
        return None
    return _page_fingerprint(db, doc, current.page_sha256, fallback=True)


def _fallback_note(doc: Document) -> str:
    return (f"select {', '.join(doc.select)} matched nothing: read the automatically found main content; "
            "fix the selector (termwatch extract helps)")


_Masked = TypeVar("_Masked", Document, FetchResult)


def _masked(item: _Masked, secrets: frozenset[str]) -> _Masked:
    """A Document or FetchResult with every secret masked in its URLs and error."""
    if not secrets:
        return item
    fields: dict[str, Any] = {"url": redact(item.url, secrets)}
    if isinstance(item, FetchResult):
        fields |= {"final_url": item.final_url and redact(item.final_url, secrets),
                   "error": item.error and redact(item.error, secrets)}
    return replace(item, **fields)


def preview(document: Document, crawl: CrawlConfig, verbose: bool = False) -> tuple[Extracted | Unusable, str]:
    """Fetch one document and judge it without storing anything: what `termwatch extract` shows, with the
    text an HTML page had even when it is judged unusable (an error page read as the terms is what
    selectors are tuned on)."""
    from monitor.crawl import fetch_all

    results: list[FetchResult] = []
    fetch_all([document], crawl, results.append, verbose=verbose)
    fetch = results[0]
    try:
        judged = judge(fetch, document.select, document.remove, document.format)
    except ValueError as err:  # an invalid --select / --remove selector
        raise TermwatchError(f"{err}; fix the selector") from None
    if isinstance(judged, Extracted):
        return judged, judged.text
    if document.format == "pdf" or not fetch.body:
        return judged, ""
    return judged, extract_text(fetch.body, document.select, document.remove) or extract_text(fetch.body, (),
                                                                                              document.remove)


def reextract(db: sqlite_utils.Database, config: Config, only: tuple[str, ...] = ()) -> dict:
    """Re-derive every stored version's text from its kept raw page with the current extractor and selectors.

    Changes whose two versions now read the same were noise under the old extractor and are dropped;
    the others are described again. Returns counts and the dropped change ids.
    """
    documents = tuple(config.document(i) for i in only) if only else config.documents
    versions = rewritten = redescribed = 0
    all_dropped: list[int] = []
    for doc in documents:
        texts, updates = {}, []
        for v in store.versions(db, doc.id):
            versions += 1
            found = _page_fingerprint(db, doc, v.page_sha256, v.fallback)
            text, sha = found.text, found.sha256
            texts[v.id] = (text, sha)
            if text != v.text or sha != v.text_sha256 or v.extractor_version != EXTRACTOR_VERSION:
                updates.append({"id": v.id, "text": text, "text_sha256": sha, "length": len(text),
                                "extractor_version": EXTRACTOR_VERSION})
        changed, dropped = [], []
        for c in store.change_pairs(db, doc.id):
            (old, old_sha), (new, new_sha) = texts[c["from_version"]], texts[c["to_version"]]
            if old_sha == new_sha:
                dropped.append(c["id"])
            elif any(u["id"] in (c["from_version"], c["to_version"]) for u in updates):
                changed.append(describe_change(old, new, significance(old, new)) | {"id": c["id"]})
        # Every version's clauses and facts are found again: the classifier may have changed since they were stored.
        clauses = {vid: (doc.id, current_clauses(text)) for vid, (text, _) in texts.items()}
        stated = {vid: (doc.id, facts(text)) for vid, (text, _) in texts.items()}
        store.rewrite_derived(db, updates, changed, dropped, clauses, stated)
        rewritten += len(updates)
        redescribed += len(changed)
        all_dropped += dropped
    return {"versions": versions, "rewritten": rewritten, "changes_redescribed": redescribed,
            "changes_dropped": all_dropped}


def _page_fingerprint(db: sqlite_utils.Database, doc: Document, page_sha256: str, fallback: bool) -> Extracted:
    # A stored PDF was readable when its version was made, so reading it again cannot fail.
    if doc.format == "pdf":
        return pdf_fingerprint(pdf_text(store.page_bytes(db, page_sha256)))
    # A version read from the main content because `select` matched nothing is read that way again.
    select = () if fallback else doc.select
    return fingerprint(extract_text(store.page_html(db, page_sha256), select, doc.remove))
