"""What alerts say: subject, plain text, HTML (page text escaped) and a short chat form, per kind of event.

Pure: each function returns an event row for the outbox; routing and delivery live in alerts.py.
"""

from __future__ import annotations

import uuid
from html import escape

from monitor.drift import NO_VERSION, UNVERIFIED, label, tally
from monitor.models import flags

PREFIX = "[termwatch]"


def _flags(*rows) -> str:
    """The topics moved in any of the rows (change dicts or drift findings), in words: "training and access"."""
    moved = flags(*(r if isinstance(r, dict) else vars(r) for r in rows))
    return ", ".join(moved[:-1]) + " and " + moved[-1] if len(moved) > 1 else "".join(moved)


def _facts_text(facts: list[dict]) -> list[str]:
    return [f"- {f.get('subject') or f.get('kind')}: {f.get('before') or 'not stated'} → {f.get('after') or 'not stated'}"
            for f in facts]


def _clauses_text(clauses: list[dict], limit: int = 8) -> list[str]:
    lines = []
    for clause in [c for c in clauses if c.get("labels")][:limit]:
        where = f" (under “{clause['heading']}”)" if clause.get("heading") else ""
        lines.append(f"- [{', '.join(clause['labels'])}] {clause.get('op', 'changed')}{where}: {clause.get('text', '')}")
    return lines


def _html(title: str, intro: str, facts: list[dict], clauses: list[dict], note: str = "") -> str:
    """An email body: every piece of page text is escaped; no scripts, no external assets."""
    parts = [f"<h2 style=\"font-family:sans-serif\">{escape(title)}</h2>", f"<p>{escape(intro)}</p>"]
    if note:
        parts.append(f"<p><em>{escape(note)}</em></p>")
    if facts:
        parts.append("<h3>Facts, before → after</h3><ul>")
        parts += [f"<li><strong>{escape(str(f.get('subject') or f.get('kind')))}</strong>: "
                  f"<del style=\"background:#fdd\">{escape(str(f.get('before') or 'not stated'))}</del> → "
                  f"<ins style=\"background:#dfd\">{escape(str(f.get('after') or 'not stated'))}</ins></li>" for f in facts]
        parts.append("</ul>")
    flagged = [c for c in clauses if c.get("labels")][:8]
    if flagged:
        parts.append("<h3>Changed clauses on training, retention or access</h3>")
        for clause in flagged:
            style = "background:#fdd" if clause.get("op") == "delete" else "background:#ffc"
            heading = f"<div><small>{escape(clause.get('heading') or '')}</small></div>" if clause.get("heading") else ""
            parts.append(
                f"<blockquote style=\"{style};padding:6px\">{heading}<strong>[{escape(', '.join(clause['labels']))}] "
                f"{escape(clause.get('op', 'changed'))}</strong><br>{escape(clause.get('text', ''))}</blockquote>"
            )
    return "<html><body>" + "".join(parts) + "</body></html>"


def _event(kind: str, key: str, now: str, subject: str, text: list[str], html: str, short: str, **fields) -> dict:
    return {"kind": kind, "key": key, "created_at": now, "subject": subject, "text": "\n".join(text), "html": html,
            "short": short, "document": None, "vendor": None, "agreement": None, "training": False,
            "retention": False, "access": False} | fields


def change_event(doc, change: dict, key: str, now: str) -> dict:
    moved = _flags(change)
    subject = f"{PREFIX} {doc.vendor} {doc.type} changed" + (f": {moved} language moved" if moved else "")
    intro = f"{doc.vendor} changed its {doc.type} ({doc.url}), detected {now}. {change['summary']}"
    text = [intro, ""] + _facts_text(change["facts"]) + _clauses_text(change["clauses"])
    return _event("change", key, now, subject, text, _html(subject, intro, change["facts"], change["clauses"]),
                  change["summary"], document=doc.id, vendor=doc.vendor,
                  training=change["training"], retention=change["retention"], access=change["access"])


def drift_event(agreement, doc, finding, now: str) -> dict:
    moved = _flags(finding)
    if finding.status == UNVERIFIED:  # measured from a stand-in: say so, and how to measure from what was signed
        subject = (f"{PREFIX} Drift (unverified baseline): {doc.vendor} {doc.type} changed after agreement "
                   f"{agreement.id} was signed" + (f" ({moved})" if moved else ""))
        intro = (f"Agreement {agreement.id} was signed on {agreement.signed_on}, before termwatch began watching the "
                 f"{doc.type} of {doc.vendor}. {finding.summary} To measure drift from what was signed, pin the "
                 f"signed copy: {finding.fix}")
    else:
        subject = (f"{PREFIX} Drift: {doc.vendor} {doc.type} no longer matches agreement {agreement.id}"
                   + (f" ({moved})" if moved else ""))
        intro = (f"The {doc.type} of {doc.vendor} has changed since agreement {agreement.id} was signed on "
                 f"{agreement.signed_on}. {finding.summary}")
    note = f"Baseline: {finding.baseline.note}."
    text = [intro, note, ""] + _facts_text(finding.facts) + _clauses_text(finding.clauses)
    return _event("drift", f"drift:{finding.key}", now, subject, text,
                  _html(subject, intro, finding.facts, finding.clauses, note), finding.summary,
                  document=doc.id, vendor=doc.vendor, agreement=agreement.id,
                  training=finding.training, retention=finding.retention, access=finding.access)


def failure_event(doc, failures: int, reason: str, key: str, now: str) -> dict:
    subject = f"{PREFIX} {doc.vendor} {doc.type} could not be fetched {failures} times in a row"
    intro = f"{doc.url}: the last {failures} fetches failed; the latest reason: {reason}. Its terms are not being watched until this recovers."
    return _event("fetch-failure", key, now, subject, [intro], _html(subject, intro, [], []), reason,
                  document=doc.id, vendor=doc.vendor)


def selector_event(doc, note: str, key: str, now: str) -> dict:
    subject = f"{PREFIX} {doc.vendor} {doc.type}: the page no longer matches its selector"
    intro = (f"{doc.url}: {note}. Changes of wording are still recorded, but the text may now include or "
             "miss parts the selector chose.")
    return _event("selector", key, now, subject, [intro], _html(subject, intro, [], []), note,
                  document=doc.id, vendor=doc.vendor)


def recovery_event(doc, failures: int, key: str, now: str) -> dict:
    subject = f"{PREFIX} {doc.vendor} {doc.type} can be fetched again"
    intro = f"{doc.url} was fetched successfully after {failures} failed attempts; watching has resumed."
    return _event("fetch-failure", key, now, subject, [intro], _html(subject, intro, [], []), intro,
                  document=doc.id, vendor=doc.vendor)


def renewal_event(agreement, days_left: int, findings: list, now: str) -> dict:
    drifted = [f for f in findings if f.changed]
    unverified = [f for f in findings if f.status == UNVERIFIED]
    statuses = [(f.status, f.changed) for f in findings] + [(NO_VERSION, None)] * (len(agreement.documents) - len(findings))
    moved = _flags(*findings)
    subject = (f"{PREFIX} Renewal of {agreement.id} ({agreement.vendor}) in {days_left} days: re-confirm the terms"
               + (f"; {moved} language moved since signing" if moved else "")
               + (f"; {len(unverified)} of {len(statuses)} documents unverified" if unverified else ""))
    intro = (f"Agreement {agreement.id} with {agreement.vendor}, signed on {agreement.signed_on}, renews on "
             f"{agreement.renews_on}. Since signing: {tally(statuses)}.")
    if unverified:
        intro += (" Unverified: termwatch began watching after signing and nothing signed is pinned, so drift from "
                  "the signed wording is not known. Pin the signed copies: " + "; ".join(f.fix for f in unverified))
    text = [intro, ""] + [f"- {f.document} ({label(f.status, f.changed)}): {f.summary}" for f in findings]
    facts = [fact for f in drifted for fact in f.facts]
    clauses = [c for f in drifted for c in f.clauses]
    return _event("renewal", f"renewal:{agreement.id}:{agreement.renews_on}", now, subject, text,
                  _html(subject, intro, facts, clauses), intro, agreement=agreement.id, vendor=agreement.vendor,
                  training=any(f.training for f in findings), retention=any(f.retention for f in findings),
                  access=any(f.access for f in findings))


def test_event(channel_id: str, now: str) -> dict:
    subject = f"{PREFIX} Test alert for channel {channel_id}"
    intro = "termwatch can reach this destination. Real alerts name the vendor, the document and whether training, retention or access moved."
    # Every test is its own event, even two in the same second.
    key = f"test:{channel_id}:{now}:{uuid.uuid4().hex}"
    return _event("test", key, now, subject, [intro], _html(subject, intro, [], []), intro)
