"""The answer sheet: what each vendor's documents say today about training, retention and access, per
audience (commercial, consumer), each answer a fact with its clause quoted and the date that wording was
first seen; where the two audiences answer differently; and what changed in those answers since a date.

Pure: the shell (answer_sheet) reads the documents' current texts and their clause history, and passes them in.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from dataclasses import dataclass, replace
from typing import Any

import sqlite_utils

from monitor.analysis.classify import comparable
from monitor.analysis.clauses import current_clauses
from monitor.analysis.facts import FACT_TOPIC, facts
from monitor.analysis.topics import TOPICS
from monitor.app.agreements import drift_report
from monitor.config import Config
from monitor.models import AUDIENCES, Document
from monitor.redact import redact
from monitor.store import read
from monitor.store.db import snapshot
from monitor.views import templating, terminal
from monitor.views.pages import version_href

QUESTIONS = TOPICS


@dataclass(frozen=True)
class Watched:
    """A document with its current version and, oldest first, when each of its versions was first seen and
    the wording of its labelled clauses (to date a quote from when it first read as it does now)."""

    document: Document
    version: int
    text: str
    history: tuple[tuple[str, frozenset[str]], ...]
    evidence: str | None = None  # the page of the report that keeps this version, when there is one to link to


def _since(quote: str, history: Sequence[tuple[str, frozenset[str]]]) -> str | None:
    """When the unbroken run of versions, up to the current one, that state this wording began."""
    key = comparable(quote)
    since = None
    for first_seen, wordings in reversed(history):
        if key not in wordings:
            break
        since = first_seen
    return since


def _evidence(w: Watched) -> dict[str, dict]:
    """Per question: the facts the document states, each with its quotes and their dates, and how many clauses
    speak of it."""
    out: dict[str, dict[str, Any]] = {q: {"facts": {}, "clauses": 0} for q in QUESTIONS}
    for clause in current_clauses(w.text):
        for label in clause.labels:
            out[label]["clauses"] += 1
    for f in facts(w.text):
        fact = out[FACT_TOPIC[f.kind]]["facts"].setdefault(
            (f.subject.casefold(), f.value), {"subject": f.subject, "value": f.value, "quotes": []})
        if all(q["quote"] != f.clause for q in fact["quotes"]):
            fact["quotes"].append({"quote": f.clause, "document": w.document.id, "type": w.document.type,
                                   "url": w.document.url, "version": w.version, "evidence": w.evidence,
                                   "since": (_since(f.clause, w.history) or "")[:10] or None})
    return out


def _answer(found: list[dict]) -> dict:
    """One question for one audience, over its documents: whether it is stated, the facts (one per subject and
    value, with every clause that states it) and how many clauses speak of it."""
    merged: dict[tuple, dict] = {}
    for doc in found:
        for key, fact in doc["facts"].items():
            if key in merged:
                merged[key]["quotes"] += fact["quotes"]
            else:
                merged[key] = fact | {"quotes": list(fact["quotes"])}
    clauses = sum(doc["clauses"] for doc in found)
    return {"stated": bool(merged or clauses), "facts": list(merged.values()), "clauses": clauses}


def _values(answer: dict, question: str) -> frozenset:
    # What a buyer compares: the stances and periods stated, and for access who may receive the data and how;
    # the subject's wording differs between documents ("Customer Content", "your conversations").
    return frozenset((f["subject"].casefold(), f["value"]) if question == "access" else f["value"]
                     for f in answer["facts"])


def sheet(watched: Sequence[Watched]) -> list[dict]:
    """Per vendor (in config order): per audience that has documents, per question, the answer; and the
    questions whose answers differ between the commercial and the consumer side."""
    vendors: dict[str, dict] = {}
    for w in watched:
        vendor = vendors.setdefault(w.document.vendor.casefold(), {"vendor": w.document.vendor, "audiences": {}})
        side = vendor["audiences"].setdefault(w.document.audience, {"documents": [], "found": []})
        side["documents"].append(w.document.id)
        side["found"].append(_evidence(w))
    out = []
    for vendor in vendors.values():
        audiences = {}
        for audience in AUDIENCES:
            if side := vendor["audiences"].get(audience):
                audiences[audience] = {"documents": side["documents"], "questions": {
                    q: _answer([found[q] for found in side["found"]]) for q in QUESTIONS}}
        differ = []
        if len(audiences) == len(AUDIENCES):
            a, b = (audiences[x]["questions"] for x in AUDIENCES)
            differ = [q for q in QUESTIONS if a[q]["stated"] != b[q]["stated"] or _values(a[q], q) != _values(b[q], q)]
        out.append({"vendor": vendor["vendor"], "audiences": audiences, "differ": differ})
    return out


def changed_answers(changes: Sequence[dict]) -> dict[str, list[dict]]:
    """Per question, the recorded changes that touched it (newest first), with only the clause pairs on it."""
    out: dict[str, list[dict]] = {q: [] for q in QUESTIONS}
    for change in changes:
        for q in QUESTIONS:
            if change[q]:
                out[q].append({
                    "change": change.get("id"), "document": change["document"],
                    "detected_at": change.get("detected_at"), "summary": change["summary"],
                    "facts": [f for f in change["facts"] if FACT_TOPIC.get(f["kind"]) == q],
                    "clauses": [p for p in change["clauses"] if q in p["labels"]]})
    return out


# --- the shell ------------------------------------------------------------------------------------


def _watched(db: sqlite_utils.Database, doc: Document, evidence_base: str | None) -> Watched | None:
    current = read.current_version(db, doc.id)
    if current is None:
        return None
    wordings = read.clause_wordings(db, doc.id)
    history = tuple((v.first_seen, frozenset(comparable(t) for t in wordings.get(v.id, ())))
                    for v in sorted(read.versions(db, doc.id), key=lambda v: (v.first_seen, v.id))
                    if v.first_seen <= current.first_seen)
    evidence = None if evidence_base is None else evidence_base + version_href(doc.id, current.id)
    return Watched(doc, current.id, current.text, history, evidence)


def answer_sheet(db: sqlite_utils.Database, config: Config, vendors: Sequence[str] = (), since: str | None = None,
                 agreement_id: str | None = None, evidence_base: str | None = None) -> dict:
    """The answer sheet of the chosen vendors (all by default), or of one agreement's documents with what changed
    since it was signed; with `since`, what changed in the answers since that date. With `evidence_base` (a
    report's address, "" inside the report) each quote links to the report's page of the version it is from."""
    # The quotes link to the pages; a URL holding an ${ENV} secret is shown masked, as everywhere.
    documents = [replace(d, url=redact(d.url, config.secrets)) for d in config.documents]
    if agreement_id is not None:
        agreement = config.agreement(agreement_id)
        documents = [d for d in documents if d.id in agreement.documents]
        since = since or agreement.signed_on.isoformat()
    if vendors:
        wanted = {config.vendor(name).casefold() for name in vendors}
        documents = [d for d in documents if d.vendor.casefold() in wanted]
    with snapshot(db):
        watched = [w for d in documents if (w := _watched(db, d, evidence_base)) is not None]
        recorded = read.changes(db, since=since) if since and agreement_id is None else []
    if agreement_id is not None:
        # Against the agreement's baseline (a pinned signed copy, or the version in force when it was signed),
        # which recorded changes since the signing date may not start from.
        [report] = drift_report(db, config, agreement_id)
        recorded = [d for d in report["documents"] if d["changed"]]
    vendor_sheets = sheet(watched)
    if since:
        by_doc = {d.id: d for d in documents}
        for vendor in vendor_sheets:
            for audience, side in vendor["audiences"].items():
                mine = [c for c in recorded
                        if c["document"] in side["documents"] and by_doc[c["document"]].audience == audience]
                for q, changes in changed_answers(mine).items():
                    side["questions"][q]["changed"] = changes
    return {"since": since, "agreement": agreement_id, "vendors": vendor_sheets,
            "not_fetched": [d.id for d in documents if d.id not in {w.document.id for w in watched}]}


def answers_document(result: dict, fmt: str, now: str) -> str:
    """An answer sheet as one document: JSON, a whole HTML page dated `now`, Markdown or text."""
    if fmt == "json":
        return json.dumps(result, indent=2, ensure_ascii=False) + "\n"
    if fmt == "html":
        title = f"Agreement {result['agreement']}: what the terms say" if result["agreement"] else "What the terms say"
        return templating.render("answers.html", result | {"title": title, "generated": now[:10], "standalone": True})
    return terminal.answers_markdown(result) if fmt == "markdown" else terminal.answers_text(result) + "\n"
