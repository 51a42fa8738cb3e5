"""The imperative shell of `termwatch run`: each fetch result is judged, decided against the document's stored
state, described (diffed and classified) and stored with its alerts.

Scrapy is not imported here; the crawl hands results in one by one.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field, replace
from typing import Any, TypeVar

import sqlite_utils

from monitor.alerts import messages
from monitor.alerts.deliver import DeliveryReport, deliver, route
from monitor.analysis.classify import Change, describe_change
from monitor.analysis.clauses import current_clauses
from monitor.analysis.decide import FAILED, NEW, SUSPECT, Decision, State, decide, known_versions
from monitor.analysis.facts import Fact, facts
from monitor.analysis.frame import Edges, edges, site_frame, sites
from monitor.analysis.significance import EDITORIAL, SUBSTANTIVE
from monitor.app.agreements import check_agreements
from monitor.app.reextract import page_reading, shown, text_update
from monitor.config import Config, CrawlConfig, default_format
from monitor.errors import TermwatchError
from monitor.fetch.reader import PageReader, return_freed_pages
from monitor.models import Clause, Document, Event, Extracted, FetchResult, RunSummary, Unusable
from monitor.redact import redact
from monitor.store import outbox, read, write
from monitor.store.db import disk_full_as_error, open_db, run_lock
from monitor.text.html import extract_text
from monitor.text.judge import EXTRACTOR_VERSION, judge
from monitor.timeutil import utc_now


@dataclass(frozen=True)
class Reading:
    """A text as this termwatch reads it, with the clauses and facts the classifier finds in it: what a version
    is stored with."""

    found: Extracted
    clauses: list[Clause]
    facts: list[Fact]


def _classified(found: Extracted) -> Reading:
    return Reading(found, current_clauses(found.text), facts(found.text))


@dataclass(frozen=True)
class Plan:
    """What recording one fetch writes, worked out before the transaction that writes it."""

    doc: Document
    fetch: FetchResult
    decision: Decision
    events: outbox.Events  # the alerts it causes; an announced change's own names the change, so is made on writing
    text_sha256: str | None = None  # of the text it showed (a 304: the current version's)
    note: str | None = None  # how a usable page was read, when that needs saying
    upgraded: tuple[int, Reading] | None = None  # the current version (id) read again by this extractor
    new: Reading | None = None  # a new version
    change: Change | None = None  # what changed from the current version to the new one, when described


@dataclass
class Processor:
    """Takes the fetch results of one run, in any order, and records each in its own transaction.

    Alerts are enqueued in the transaction of the fetch that caused them, and delivered after the run.
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
    # Fetches of pages that share a site with others of this run, waiting for the rest of their site.
    waiting: dict[tuple[str, str], list[tuple[FetchResult, Extracted | Unusable | None]]] = field(default_factory=dict)
    # The watched pages of each site that has more than one, and the site of each of its pages.
    sites: dict[tuple[str, str], tuple[str, ...]] = field(init=False)
    site_of: dict[str, tuple[str, str]] = field(init=False)
    arrived: dict[tuple[str, str], int] = field(default_factory=dict)  # fetches of each site in so far

    def __post_init__(self) -> None:
        self.sites = sites(self.config.documents)
        self.site_of = {doc_id: key for key, ids in self.sites.items() for doc_id in ids}

    def take(self, fetch: FetchResult, judged: Extracted | Unusable | None = None) -> list[str]:
        """Record a fetch; a new wording of a page that shares its site with others waits until every page of
        the site in this run is in, so that it is decided with the frame the others show (analysis/frame.py).
        Returns the ids of the documents recorded."""
        key = self.site_of.get(fetch.document_id)
        recorded = []
        if key is not None and self._rewords(fetch.document_id, judged):
            self.waiting.setdefault(key, []).append((fetch, judged))
        else:  # nothing to compare, or the same wording: no frame to read
            self.handle(fetch, judged)
            recorded.append(fetch.document_id)
        if key is not None:
            self.arrived[key] = self.arrived.get(key, 0) + 1
            if self.arrived[key] == sum(doc_id in self.documents for doc_id in self.sites[key]):
                recorded += self._handle_site(key, self.waiting.pop(key, []))
        return recorded

    def flush(self) -> list[str]:
        """Record the fetches still held for pages of their site the crawl did not bring."""
        held = list(self.waiting.items())
        self.waiting.clear()
        return [doc_id for key, batch in held for doc_id in self._handle_site(key, batch)]

    def _rewords(self, document: str, judged: Extracted | Unusable | None) -> bool:
        """Whether a fetch shows the document in other words than its current version."""
        if not isinstance(judged, Extracted):
            return False
        current = read.current_version(self.db, document)
        return current is not None and current.text_sha256 != judged.sha256

    def _handle_site(self, key: tuple[str, str], batch: list[tuple[FetchResult, Extracted | Unusable | None]]
                     ) -> list[str]:
        """Record the new wordings of one site's pages, each with the frame its site-mates show, as stored before
        this run and as fetched in it (a notice added to every page is in the others' new texts, a notice removed
        in their stored ones)."""
        if not batch:
            return []
        shown: list[tuple[str, Edges]] = []
        for doc_id in self.sites[key]:
            current = read.current_version(self.db, doc_id)
            if current is not None:
                shown.append((doc_id, edges(current.text)))
        shown += [(fetch.document_id, edges(judged.text)) for fetch, judged in batch if isinstance(judged, Extracted)]
        for fetch, judged in batch:
            own = [seen for doc_id, seen in shown if doc_id == fetch.document_id]
            self.handle(fetch, judged, site_frame(own, (seen for doc_id, seen in shown if doc_id != fetch.document_id)))
        return [fetch.document_id for fetch, _ in batch]

    def _route(self, *events: Event) -> list[tuple[Event, list[dict]]]:
        return [route(e, self.config.channels, self.config.secrets) for e in events]

    def handle(self, fetch: FetchResult, judged: Extracted | Unusable | None = None,
               frame: frozenset[str] = frozenset()) -> None:
        """Record one fetch: read the document's state once, decide what the fetch means and build its alerts
        without writing, then write it all in one transaction. `judged` is what the page shows when that was
        already worked out (in the worker); `frame`, the lines its site-mates open and close with."""
        self.fetched += 1
        self.handled.add(fetch.document_id)
        doc = self.documents[fetch.document_id]
        if judged is None and fetch.status != 304:  # a 304 shows no page: it stands for the current version
            judged = judge(fetch, doc.select, doc.remove, doc.format)
        fell_back = isinstance(judged, Extracted) and judged.fallback
        state = read.document_state(self.db, doc.id, EXTRACTOR_VERSION, fell_back)
        plan = self._plan(doc, fetch, judged, state, frame)
        with self.db.atomic():
            version_id, change_id = self._apply(plan)
        self._count(plan, version_id, change_id)

    def _plan(self, doc: Document, fetch: FetchResult, judged: Extracted | Unusable | None,
              state: read.DocumentState, frame: frozenset[str]) -> Plan:
        """Decide what a fetch means given the document's state, and build the alerts it causes; writes nothing."""
        current, upgraded = _current(doc, state)
        if fetch.status == 304 and current is not None:
            seen = None
        else:  # with no version stored, a 304 stands for nothing and is judged as any other answer
            seen = judged if judged is not None else judge(fetch, doc.select, doc.remove, doc.format)
        recent = (current, *state.recent[1:]) if current is not None else ()
        decision = decide(State(known_versions(recent), current.text if current else "",
                                bool(current and current.fallback), _current_automatic(doc, state, current, seen),
                                state.pending_suspect, frame,
                                shown(state.stretches, {v.id: v.text for v in recent})),
                          seen, fetch.fetched_at)
        if decision.kind in (FAILED, SUSPECT):
            failures = state.failures + 1
            events: list[tuple[Event, list[dict]]] = []
            if failures == self.config.alerting.failure_threshold:
                key = messages.failure_key(doc.id, fetch.fetched_at)
                events = self._route(messages.failure_event(doc, failures, decision.reason, key, fetch.fetched_at))
            suspect = seen.sha256 if decision.kind == SUSPECT and isinstance(seen, Extracted) else None
            return Plan(doc, fetch, decision, events, suspect, upgraded=upgraded)
        note, events = None, self._recovery(doc, fetch, state.failures)
        if isinstance(seen, Extracted) and seen.fallback:
            note = _fallback_note(doc)
            if not (current and current.fallback):  # once per version read by its selector
                key = messages.selector_key(doc.id, current.id if current else None)
                events += self._route(messages.selector_event(doc, note, key, fetch.fetched_at))
        if decision.kind != NEW:
            if isinstance(seen, Extracted):
                return Plan(doc, fetch, decision, events, seen.sha256, note, upgraded)
            assert current is not None  # a 304, which decide() takes for the current version
            return Plan(doc, fetch, decision, events, current.text_sha256, note, upgraded)
        assert isinstance(seen, Extracted)  # decide() makes a version only of a usable page
        change = None
        if decision.significance in (SUBSTANTIVE, EDITORIAL):
            assert current is not None  # only a first version is described against nothing
            change = describe_change(decision.base_text, seen.text, decision.significance, current.id)
        return Plan(doc, fetch, decision, events, seen.sha256, note, upgraded, _classified(seen), change)

    def _recovery(self, doc: Document, fetch: FetchResult, failures: int) -> list[tuple[Event, list[dict]]]:
        if failures < self.config.alerting.failure_threshold:
            return []
        key = messages.recovery_key(doc.id, fetch.fetched_at)
        return self._route(messages.recovery_event(doc, failures, key, fetch.fetched_at))

    def _apply(self, plan: Plan) -> tuple[int | None, int | None]:
        """Write what the plan says, inside the caller's transaction: the new version's and its change's ids."""
        doc, fetch, decision = plan.doc, plan.fetch, plan.decision
        if plan.upgraded is not None:
            upgraded_id, reading = plan.upgraded
            write.rewrite_derived(self.db, [text_update(upgraded_id, reading.found)], [], [],
                                  {upgraded_id: (doc.id, reading.clauses)}, {upgraded_id: (doc.id, reading.facts)})
        events = list(plan.events)
        version_id = change_id = None
        if plan.new is not None:
            new = plan.new
            version_id, change_id = write.record_version(
                self.db, fetch, new.found.text, new.found.sha256, EXTRACTOR_VERSION, plan.change,
                clauses=new.clauses, fallback=new.found.fallback, note=plan.note, facts=new.facts,
            )
            if decision.announced:
                # The alert names the change's id (its report page, the diff command), which exists only now.
                assert plan.change is not None and change_id is not None
                key = messages.change_key(doc.id, fetch.fetched_at, new.found.sha256)
                recorded = plan.change.fields() | {"id": change_id, "to_version": version_id}
                events += self._route(messages.change_event(doc, recorded, key, fetch.fetched_at,
                                                            self.config.report.base_url))
        elif decision.kind in (FAILED, SUSPECT):
            write.record_failure(self.db, fetch, decision.reason, decision.kind, plan.text_sha256)
        else:
            assert decision.version_id is not None  # the outcomes left name a stored version
            write.record_seen(self.db, fetch, decision.version_id, decision.kind, plan.text_sha256, plan.note)
        outbox.enqueue(self.db, events)
        return version_id, change_id

    def _count(self, plan: Plan, version_id: int | None, change_id: int | None) -> None:
        """The run's summary, once a fetch is recorded."""
        decision = plan.decision
        if decision.kind in (FAILED, SUSPECT):
            self.failures.append({"document": plan.doc.id, "reason": decision.reason})
        elif decision.kind != NEW:
            self.unchanged += 1
        else:
            self.new_versions += 1
            if decision.announced:  # a substantive change: alerted and summarised
                assert plan.change is not None
                self.changes.append({
                    "id": change_id, "document": plan.doc.id, "vendor": plan.doc.vendor,
                    "from_version": plan.change.from_version, "to_version": version_id,
                    "training": plan.change.meaning.training, "retention": plan.change.meaning.retention,
                    "access": plan.change.meaning.access, "summary": plan.change.meaning.summary,
                })

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
    from monitor.fetch.crawl import fetch_all, run_deadline

    clock = (lambda: now) if now else utc_now
    documents = tuple(config.document(i) for i in only) if only else config.documents
    return_freed_pages()
    # The lock comes first: two runs started together on a new database would otherwise race to create it.
    with disk_full_as_error(config.storage.database), run_lock(config.storage.database):
        db = open_db(config.storage.database)
        started_at = clock()
        # A ${ENV} value in a document's URL (a token-protected page) is a secret: the database, the alerts and
        # the summary only ever see the URL with it masked. The crawl alone gets the real one.
        write.sync_documents(db, tuple(_masked(d, config.secrets) for d in config.documents))
        processor = Processor(db, config, {d.id: _masked(d, config.secrets) for d in documents})

        def recorded(doc_ids: list[str]) -> None:
            if progress is not None:
                for doc_id in doc_ids:
                    progress(doc_id)

        with PageReader() as reader:
            async def handle(fetch: FetchResult) -> None:
                fetch = _masked(replace(fetch, fetched_at=now) if now else fetch, config.secrets)
                judged = None
                if fetch.body or fetch.raw:
                    judged = await reader.judge(fetch, processor.documents[fetch.document_id])
                recorded(processor.take(fetch, judged))  # judges the page itself when the reader did not

            fetch_all(documents, config.crawl, handle, read.validators(db), verbose)
        recorded(processor.flush())
        # Documents the crawl did not reach before the run's deadline are failed fetches, said so.
        deadline = run_deadline(config.crawl, len(documents))
        for doc in documents:
            if doc.id not in processor.handled:
                late = f"the run's deadline of {deadline:g} s passed before this page was fetched"
                processor.handle(FetchResult(doc.id, processor.documents[doc.id].url, clock(), error=late))
        check_agreements(db, config, clock())
        report = deliver(db, config, clock())
        return processor.summary(started_at, clock(), report)


def _current(doc: Document, state: read.DocumentState) -> tuple[read.VersionRow | None, tuple[int, Reading] | None]:
    """The current version as this termwatch reads it, and its new reading when an older one had read it.

    Read again from its kept page first, an upgrade of the extractor is never announced as a change of the
    vendor's terms."""
    current = state.current
    if current is None or current.extractor_version == EXTRACTOR_VERSION:
        return current, None
    assert state.current_page is not None  # read.document_state keeps it for this
    found = page_reading(doc, state.current_page, current.fallback)
    return (replace(current, text=found.text, text_sha256=found.sha256, length=len(found.text),
                    extractor_version=EXTRACTOR_VERSION), (current.id, _classified(found)))


def _current_automatic(doc: Document, state: read.DocumentState, current: read.VersionRow | None,
                       seen: Extracted | Unusable | None) -> Extracted | None:
    """When `select` stopped matching: the current version's page read from its automatically found main
    content too, so that the switch of extraction is not taken for a change."""
    if not isinstance(seen, Extracted) or not seen.fallback or current is None or current.fallback:
        return None
    assert state.current_page is not None  # read.document_state keeps it for this
    return page_reading(doc, state.current_page, fallback=True)


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


def is_url(target: str) -> bool:
    return target.startswith(("http://", "https://"))


def preview(config: Config | None, target: str, select: tuple[str, ...] = (), remove: tuple[str, ...] = (),
            verbose: bool = False) -> tuple[Document, Extracted | Unusable, str]:
    """Fetch TARGET, a document id of the config or any URL, and judge it without storing anything: what
    `termwatch extract` shows, with the text an HTML page had even when it is judged unusable (an error page
    read as the terms is what selectors are tuned on). `select` and `remove`, when given, replace the document's."""
    from monitor.fetch.crawl import fetch_all

    document = (config.document(target) if config is not None and not is_url(target)
                else Document("extract", "", "commercial", "", target, format=default_format(target)))
    document = replace(document, select=select or document.select, remove=remove or document.remove)
    crawl = config.crawl if config is not None else CrawlConfig()
    results: list[FetchResult] = []
    fetch_all([document], crawl, results.append, verbose=verbose)
    fetch = results[0]
    try:
        judged = judge(fetch, document.select, document.remove, document.format)
    except ValueError as err:  # an invalid --select / --remove selector
        raise TermwatchError(f"{err}; fix the selector") from None
    if isinstance(judged, Extracted):
        return document, judged, judged.text
    if document.format == "pdf" or not fetch.body:
        return document, judged, ""
    return document, judged, (extract_text(fetch.body, document.select, document.remove)
                              or extract_text(fetch.body, (), document.remove))

