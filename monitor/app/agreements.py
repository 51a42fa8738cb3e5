"""The shell around drift: baselines from the store, findings and renewal reminders recorded, reports built."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path
from typing import Any

import sqlite_utils

from monitor.alerts import messages
from monitor.alerts.deliver import route
from monitor.analysis.diff import diff_texts
from monitor.analysis.drift import NO_VERSION, Finding, choose_baseline, drift, fix_command
from monitor.config import Agreement, Config
from monitor.errors import TermwatchError
from monitor.store import outbox, read, write
from monitor.store.db import snapshot
from monitor.text.signed import read_signed_copy
from monitor.timeutil import utc_now


def agreement_findings(db: sqlite_utils.Database, agreement: Agreement) -> list[Finding]:
    """Drift of each document of an agreement that has a current version, baseline against current."""
    pinned = read.pins(db, agreement.id)
    out = []
    for doc_id in agreement.documents:
        current = read.current_version(db, doc_id)
        versions = read.versions(db, doc_id)
        baseline = choose_baseline(agreement.signed_on, pinned.get(doc_id), versions)
        if current is None or baseline is None:
            continue
        out.append(drift(agreement.id, doc_id, baseline, current.id, current.text))
    return out


def check_agreements(db: sqlite_utils.Database, config: Config, now: str) -> None:
    """Recompute drift for every agreement; a new drift finding and a due renewal reminder become events."""
    today = datetime.fromisoformat(now).date()
    for agreement in config.agreements:
        findings = agreement_findings(db, agreement)
        for finding in findings:
            if not finding.changed:
                continue
            doc = config.document(finding.document)
            event = messages.drift_event(agreement, doc, finding, now, config.report.base_url)
            routed = [route(event, config.channels, config.secrets)]
            with db.atomic():  # the finding and its alert, or neither
                if write.add_finding(db, finding_row(finding, now)):
                    outbox.enqueue(db, routed)
        if agreement.renews_on is not None:
            days_left = (agreement.renews_on - today).days
            due = 0 <= days_left <= config.alerting.renewal_days
            if due and not outbox.event_exists(db, messages.renewal_key(agreement)):
                event = messages.renewal_event(agreement, days_left, findings, now, config.report.base_url)
                routed = [route(event, config.channels, config.secrets)]
                with db.atomic():
                    outbox.enqueue(db, routed)


def finding_row(finding: Finding, now: str) -> dict:
    return {
        "key": finding.key, "agreement": finding.agreement, "document": finding.document,
        "baseline": finding.baseline.kind, "baseline_version": finding.baseline.version_id,
        "current_version": finding.current_version, "detected_at": now, "training": finding.training,
        "retention": finding.retention, "access": finding.access, "summary": finding.summary, "facts": finding.facts,
        "clauses": finding.clauses,
    }


def drift_report(db: sqlite_utils.Database, config: Config, agreement_id: str | None = None,
                 with_diff: bool = False) -> list[dict]:
    """Per agreement and document: the baseline, the current version and what moved between them."""
    agreements = [config.agreement(agreement_id)] if agreement_id else list(config.agreements)
    with snapshot(db):  # a run may be committing meanwhile
        return [_agreement_drift(db, agreement, with_diff) for agreement in agreements]


def _agreement_drift(db: sqlite_utils.Database, agreement: Agreement, with_diff: bool) -> dict:
    by_doc = {f.document: f for f in agreement_findings(db, agreement)}
    documents: list[dict] = []
    for doc_id in agreement.documents:
        finding = by_doc.get(doc_id)
        if finding is None:
            documents.append({"document": doc_id, "status": NO_VERSION,
                              "fix": fix_command(NO_VERSION, agreement.id, doc_id), "baseline": None,
                              "current_version": None, "changed": None,
                              "training": False, "retention": False, "access": False,
                              "summary": "No version recorded yet; run `termwatch run`.", "facts": [], "clauses": []})
            continue
        entry: dict[str, Any] = {
            "document": doc_id, "status": finding.status, "fix": finding.fix,
            "baseline": {"kind": finding.baseline.kind, "version": finding.baseline.version_id,
                         "note": finding.baseline.note},
            "current_version": finding.current_version, "changed": finding.changed,
            "training": finding.training, "retention": finding.retention, "access": finding.access,
            "summary": finding.summary,
            "facts": finding.facts, "clauses": finding.clauses,
        }
        if with_diff:
            current = read.version(db, doc_id, finding.current_version)
            entry["diff"] = diff_texts(finding.baseline.text, current.text)
        documents.append(entry)
    return {
        "agreement": agreement.id, "vendor": agreement.vendor, "signed_on": agreement.signed_on.isoformat(),
        "renews_on": agreement.renews_on.isoformat() if agreement.renews_on else None, "notes": agreement.notes,
        "documents": documents,
    }


def pin_agreement(db: sqlite_utils.Database, config: Config, agreement_id: str, document: str,
                  file: Path | None, version: str | None) -> dict:
    """Pin what was signed for one document of an agreement: a stored version, or the text of a signed copy."""
    agreement = config.agreement(agreement_id)
    if document not in agreement.documents:
        raise TermwatchError(f"agreement {agreement_id!r} does not cover document {document!r}; "
                             f"it covers: {', '.join(agreement.documents)}")
    if (file is None) == (version is None):
        raise TermwatchError("give exactly one of --file PATH or --version ID")
    if file is not None:
        text = read_signed_copy(file)
        write.pin(db, agreement_id, document, None, text, str(file), utc_now())
        return {"agreement": agreement_id, "document": document, "source": str(file), "length": len(text)}
    chosen = read.resolve_version(db, document, version)
    write.pin(db, agreement_id, document, chosen.id, None, f"version {chosen.id}", utc_now())
    return {"agreement": agreement_id, "document": document, "source": f"version {chosen.id}", "length": chosen.length}
