"""What alerts say: subject, plain text, HTML (page text escaped) and a short chat form, per kind of event.

Pure: each function returns an Event for the outbox; routing and delivery live in deliver.py.
"""

from __future__ import annotations

import uuid

from monitor.analysis.drift import NO_VERSION, UNVERIFIED, label, tally
from monitor.models import Event, flags
from monitor.views import templating, wording
from monitor.views.pages import agreement_href, change_href

PREFIX = "[termwatch]"


# A chat message shows this many clauses, training and retention first; the rest are counted, with a link.
SHORT_PAIRS = 3


# --- event keys: what makes two alerts the same alert (the outbox stores each key once) ---------------


def change_key(document: str, fetched_at: str, text_sha256: str) -> str:
    return f"change:{document}:{fetched_at}:{text_sha256[:16]}"


def selector_key(document: str, version_id: int | None) -> str:
    """Once per version read by its selector: the first miss after it is the news."""
    return f"selector:{document}:{version_id if version_id is not None else 'first'}"


def failure_key(document: str, fetched_at: str) -> str:
    return f"failure:{document}:{fetched_at}"


def recovery_key(document: str, fetched_at: str) -> str:
    return f"recovery:{document}:{fetched_at}"


def renewal_key(agreement) -> str:
    """One reminder per agreement and renewal date."""
    return f"renewal:{agreement.id}:{agreement.renews_on}"


def _flags(*rows) -> str:
    """The topics moved in any of the rows (change dicts or drift findings), in words: "training and access"."""
    return wording.and_list(flags(*(r if isinstance(r, dict) else vars(r) for r in rows)))


def _facts_text(facts: list[dict]) -> list[str]:
    return [f"- {wording.fact_line(f)}" for f in facts]


def _clauses_text(clauses: list[dict]) -> list[str]:
    """Every changed clause, its old wording above its new one: an alert never drops one in silence."""
    return ([f"{wording.count_line(clauses)}:"] + [line for p in clauses for line in wording.pair_lines(p)]
            if clauses else [])


def _html(title: str, intro: str, facts: list[dict], clauses: list[dict], note: str = "",
          link: str = "", link_text: str = "") -> str:
    """An email body from templates/email.html: page text escaped by autoescape; no scripts, no external assets."""
    return templating.render("email.html", {
        "title": title, "intro": intro, "note": note, "facts_rows": [wording.fact_row(f) for f in facts],
        "pair_rows": clauses, "count": wording.count_line(clauses), "link": link, "link_text": link_text})


def _short(summary: str, clauses: list[dict], more: str) -> str:
    """The chat form: the summary, the first clauses (training and retention first) and "N more" with where to
    read them, so a shortened message says that it is."""
    shown = wording.prioritised(clauses)[:SHORT_PAIRS]
    lines = [summary] + [line for p in shown for line in wording.pair_lines(p)]
    rest = len(clauses) - len(shown)
    if rest:
        lines.append(f"{rest} more clause{'s' if rest != 1 else ''}: {more}")
    return "\n".join(lines)


def _event(kind: str, key: str, now: str, subject: str, text: list[str], html: str, short: str,
           document: str | None = None, vendor: str | None = None, agreement: str | None = None,
           training: bool = False, retention: bool = False, access: bool = False) -> Event:
    return Event(kind, key, now, subject, "\n".join(text), html, short, document, vendor, agreement, training,
                 retention, access)


def change_event(doc, change: dict, key: str, now: str, base_url: str = "") -> Event:
    """`change` is as recorded: with its id and to_version, which the alert points to for the full evidence."""
    moved = _flags(change)
    subject = f"{PREFIX} {doc.vendor} {doc.type} changed" + (f": {moved} language moved" if moved else "")
    intro = f"{doc.vendor} changed its {doc.type} ({doc.url}), detected {now}. {change['summary']}"
    command = f"termwatch diff {doc.id} {change['from_version']} {change['to_version']}"
    link = f"{base_url}{change_href(change)}" if base_url else ""
    text = [intro, ""] + _facts_text(change["facts"]) + _clauses_text(change["clauses"]) + [
        "", f"The whole change: {link or command}"]
    html = _html(subject, intro, change["facts"], change["clauses"], link=link, link_text="The change in the report")
    short = _short(change["summary"], change["clauses"], link or command)
    return _event("change", key, now, subject, text, html, short,
                  document=doc.id, vendor=doc.vendor,
                  training=change["training"], retention=change["retention"], access=change["access"])


def drift_event(agreement, doc, finding, now: str, base_url: str = "") -> Event:
    """A document's drift from what was signed; the agreement's report page, or the drift command, has it whole."""
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
    link = f"{base_url}{agreement_href(agreement.id)}" if base_url else ""
    more = link or f"termwatch drift {agreement.id} --diff"
    text = ([intro, note, ""] + _facts_text(finding.facts) + _clauses_text(finding.clauses)
            + ["", f"The whole drift: {more}"])
    html = _html(subject, intro, finding.facts, finding.clauses, note, link, "The agreement in the report")
    return _event("drift", f"drift:{finding.key}", now, subject, text, html,
                  _short(finding.summary, finding.clauses, more),
                  document=doc.id, vendor=doc.vendor, agreement=agreement.id,
                  training=finding.training, retention=finding.retention, access=finding.access)


def failure_event(doc, failures: int, reason: str, key: str, now: str) -> Event:
    subject = f"{PREFIX} {doc.vendor} {doc.type} could not be fetched {failures} times in a row"
    intro = (f"{doc.url}: the last {failures} fetches failed; the latest reason: {reason}. "
             "Its terms are not being watched until this recovers.")
    return _event("fetch-failure", key, now, subject, [intro], _html(subject, intro, [], []), reason,
                  document=doc.id, vendor=doc.vendor)


def selector_event(doc, note: str, key: str, now: str) -> Event:
    subject = f"{PREFIX} {doc.vendor} {doc.type}: the page no longer matches its selector"
    intro = (f"{doc.url}: {note}. Changes of wording are still recorded, but the text may now include or "
             "miss parts the selector chose.")
    return _event("selector", key, now, subject, [intro], _html(subject, intro, [], []), note,
                  document=doc.id, vendor=doc.vendor)


def recovery_event(doc, failures: int, key: str, now: str) -> Event:
    subject = f"{PREFIX} {doc.vendor} {doc.type} can be fetched again"
    intro = f"{doc.url} was fetched successfully after {failures} failed attempts; watching has resumed."
    return _event("fetch-failure", key, now, subject, [intro], _html(subject, intro, [], []), intro,
                  document=doc.id, vendor=doc.vendor)


def renewal_event(agreement, days_left: int, findings: list, now: str, base_url: str = "") -> Event:
    drifted = [f for f in findings if f.changed]
    unverified = [f for f in findings if f.status == UNVERIFIED]
    statuses = ([(f.status, f.changed) for f in findings]
                + [(NO_VERSION, None)] * (len(agreement.documents) - len(findings)))
    moved = _flags(*findings)
    subject = (f"{PREFIX} Renewal of {agreement.id} ({agreement.vendor}) in {days_left} days: re-confirm the terms"
               + (f"; {moved} language moved since signing" if moved else "")
               + (f"; {len(unverified)} of {len(statuses)} documents unverified" if unverified else ""))
    intro = (f"Agreement {agreement.id} with {agreement.vendor}, signed on {agreement.signed_on}, renews on "
             f"{agreement.renews_on}. Since signing: {tally(statuses)}.")
    if unverified:
        intro += (" Unverified: termwatch began watching after signing and nothing signed is pinned, so drift from "
                  "the signed wording is not known. Pin the signed copies: " + "; ".join(f.fix for f in unverified))
    facts = [fact for f in drifted for fact in f.facts]
    clauses = [c for f in drifted for c in f.clauses]
    link = f"{base_url}{agreement_href(agreement.id)}" if base_url else ""
    more = link or f"termwatch drift {agreement.id} --diff"
    text = ([intro, ""] + [f"- {f.document} ({label(f.status, f.changed)}): {f.summary}" for f in findings]
            + [""] + _facts_text(facts) + _clauses_text(clauses) + ["", f"The whole drift: {more}"])
    html = _html(subject, intro, facts, clauses, link=link, link_text="The agreement in the report")
    return _event("renewal", renewal_key(agreement), now, subject, text, html,
                  _short(intro, clauses, more), agreement=agreement.id, vendor=agreement.vendor,
                  training=any(f.training for f in findings), retention=any(f.retention for f in findings),
                  access=any(f.access for f in findings))


def test_event(channel_id: str, now: str) -> Event:
    subject = f"{PREFIX} Test alert for channel {channel_id}"
    intro = ("termwatch can reach this destination. Real alerts name the vendor, the document and whether training, "
             "retention or access moved.")
    # Every test is its own event, even two in the same second.
    key = f"test:{channel_id}:{now}:{uuid.uuid4().hex}"
    return _event("test", key, now, subject, [intro], _html(subject, intro, [], []), intro)
