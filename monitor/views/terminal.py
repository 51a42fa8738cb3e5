"""Plain-text renderings of runs, status, versions and changes for the terminal; pure functions."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from monitor.analysis import drift
from monitor.config import Config
from monitor.models import RunSummary, flags
from monitor.views import wording

if TYPE_CHECKING:  # imported where used: the demo's modules are more than `status` needs
    from monitor.app.demo import Outcome


def _table(headers: list[str], rows: list[list]) -> str:
    cells = [[("" if c is None else str(c)) for c in row] for row in rows]
    widths = [max([len(h)] + [len(r[i]) for r in cells]) for i, h in enumerate(headers)]
    lines = ["  ".join(h.ljust(w) for h, w in zip(headers, widths, strict=True)).rstrip()]
    lines += ["  ".join(c.ljust(w) for c, w in zip(r, widths, strict=True)).rstrip() for r in cells]
    return "\n".join(lines)


def _flags(*rows: dict) -> str:
    return ",".join(flags(*rows)) or "-"


def run_summary(summary: RunSummary) -> tuple[str, str]:
    """What a run did, for stdout, and what went wrong, for stderr: one line per failed document and per
    undelivered alert, and the cause most failures share."""
    lines = [
        f"{summary.documents} documents: {summary.fetched} fetched, {summary.unchanged} unchanged, "
        f"{summary.new_versions} new versions, {len(summary.changes)} changes, {summary.failed} failed"
    ]
    for change in summary.changes:
        lines.append(f"  changed  {change['document']} [{_flags(change)}]: {change['summary']}")
    problems = [f"failed   {failure['document']}: {failure['reason']}" for failure in summary.failures]
    problems += [f"alert    {error['channel']} → {error['target']} not delivered: {error['error']}"
                 for error in summary.alerts["errors"]]
    if cause := common_cause(summary):
        problems.append(cause)
    return "\n".join(lines), "\n".join(problems)


# Transport failures that usually share one cause on the machine running termwatch, with the likely fix.
_CAUSES = (
    ("DNS lookup failed", "DNS errors", "offline, or behind a proxy? set https_proxy (and http_proxy, no_proxy)"),
    ("connection refused", "refused connections", "behind a firewall or proxy? set https_proxy"),
    ("timed out", "time-outs", "a slow or filtered network? check the proxy, or raise crawl.timeout"),
)
_COMMON_SHARE = 0.8  # this share of the fetches failing alike is a cause on this side, not at the vendors


def common_cause(summary: RunSummary) -> str | None:
    """One line naming the cause most failures share, when they share one."""
    if summary.fetched < 2 or len(summary.failures) < _COMMON_SHARE * summary.fetched:
        return None
    for marker, name, fix in _CAUSES:
        alike = sum(marker in f["reason"] for f in summary.failures)
        if alike >= _COMMON_SHARE * summary.fetched:
            share = "all" if alike == summary.fetched else f"{alike} of {summary.fetched}"
            return f"{share} fetches failed with {name}: {fix}"
    return None


def config_ready(config: Config) -> dict:
    """What `termwatch check --json` prints for a config that is ready to run."""
    return {"config": str(config.path), "ok": True, "documents": len(config.documents),
            "agreements": len(config.agreements), "channels": len(config.channels)}


def config_problems(path: Path, problems: str) -> dict:
    """What `termwatch check --json` prints for a config that is not: one problem a line."""
    return {"config": str(path), "ok": False, "problems": problems.splitlines()}


def ready_text(ready: dict) -> str:
    return (f"{ready['config']}: ready: {ready['documents']} documents, {ready['agreements']} agreements, "
            f"{ready['channels']} alert channels")


def status_table(rows: list[dict]) -> str:
    if not rows:
        return "No documents yet; run `termwatch run`."
    return _table(
        ["DOCUMENT", "VENDOR", "VERSIONS", "LAST FETCH", "OUTCOME", "LAST CHANGE"],
        [[r["document"], r["vendor"], r["versions"], r["last_fetch"] or "never",
          (r["last_outcome"] or "-") + (f" ({r['last_reason']})" if r["last_reason"] else ""),
          r["last_change"] or "-"] for r in rows],
    )


def version_dict(version) -> dict:
    return {
        "id": version.id,
        "first_seen": version.first_seen,
        "last_seen": version.last_seen,
        "sha256": version.text_sha256,
        "length": version.length,
        "extractor_version": version.extractor_version,
    }


def versions_table(rows: list[dict]) -> str:
    if not rows:
        return "No versions yet."
    return _table(["ID", "FIRST SEEN", "LAST SEEN", "LENGTH", "SHA256"],
                  [[r["id"], r["first_seen"], r["last_seen"], r["length"], r["sha256"][:12]] for r in rows])


def changes_table(rows: list[dict]) -> str:
    if not rows:
        return "No changes recorded."
    return _table(["ID", "DETECTED", "DOCUMENT", "VERSIONS", "FLAGS", "SUMMARY"],
                  [[r["id"], r["detected_at"], r["document"], f"{r['from_version']}→{r['to_version']}",
                    "editorial" if r["significance"] == "editorial" else _flags(r), r["summary"]] for r in rows])


def reextract_summary(totals: dict) -> str:
    dropped = ", ".join(str(i) for i in totals["changes_dropped"]) or "none"
    return (f"{totals['versions']} versions re-extracted, {totals['rewritten']} rewritten; "
            f"{totals['changes_redescribed']} changes described again; dropped as noise: {dropped}")


def demo_step(snap: dict, summary: dict) -> str:
    """One line per replayed snapshot, dated by the run that recorded it (the snapshot's fetch date)."""
    if summary["changes"]:
        change = summary["changes"][0]
        what = f"CHANGE [{_flags(change)}] {change['summary']}"
    elif summary["new_versions"]:
        what = "first version recorded"
    elif summary["failures"]:
        what = "failed: " + summary["failures"][0]["reason"]
    else:
        what = "unchanged (noise only)"
    return f"  {summary['started_at'][:10]}  {what}"


def demo_outcome(outcome: Outcome, color: bool = False) -> str:
    """After the replay: the tour's changes, its diff where it speaks of training, its drift and alerts."""
    from monitor.views.formats import diff_text

    return "\n".join([
        "\nRecorded changes (termwatch changes):\n" + changes_table(outcome.changes),
        "\nThe change, where it speaks of training (termwatch diff):\n" + diff_text(outcome.training_hunks, color),
        "\nDrift of the agreement (termwatch drift):\n" + drift_text(outcome.drift),
        f"\nAlerts delivered to the local webhook: {len(outcome.alerts)}",
        *(f"  {alert.get('title')}" for alert in outcome.alerts),
        f"\nExplore it: termwatch --config {outcome.config} changes",
    ])


def agreements_table(report: list[dict]) -> str:
    if not report:
        return "No agreements configured; add [[agreements]] to the config."
    rows, fixes = [], []
    for a in report:
        docs = a["documents"]
        rows.append([a["agreement"], a["vendor"], a["signed_on"], a["renews_on"] or "-",
                     drift.tally([(d["status"], d["changed"]) for d in docs]),
                     _flags(*(d for d in docs if d["changed"]))])
        fixes += [f"  {a['agreement']} / {d['document']}: {d['fix']}" for d in docs if d["status"] == drift.UNVERIFIED]
    table = _table(["AGREEMENT", "VENDOR", "SIGNED", "RENEWS", "DRIFT", "FLAGS"], rows)
    if fixes:
        table += ("\n\nUnverified: termwatch began watching after signing and nothing signed is pinned, so drift is "
                  "measured from the earliest recorded version. Pin the signed copy:\n" + "\n".join(fixes))
    return table


def drift_text(report: list[dict], color: bool = False) -> str:
    if not report:
        return "No agreements configured; add [[agreements]] to the config."
    lines = []
    for a in report:
        renews = f", renews {a['renews_on']}" if a["renews_on"] else ""
        lines.append(f"{a['agreement']} ({a['vendor']}), signed {a['signed_on']}{renews}")
        for d in a["documents"]:
            state = drift.label(d["status"], d["changed"])
            state = state.upper() if d["status"] in (drift.DRIFTED, drift.UNVERIFIED) else state
            lines.append(f"  {d['document']}: {state} [{_flags(d)}] {d['summary']}")
            if d["baseline"]:
                lines.append(f"    baseline: {d['baseline']['note']}; current version {d['current_version']}")
            if d["status"] == drift.UNVERIFIED:
                lines.append(f"    to verify, pin the signed copy: {d['fix']}")
            lines += _evidence(d["facts"], d["clauses"])
            if d.get("diff"):
                from monitor.views.formats import diff_text

                lines.append(diff_text(d["diff"], color))
    return "\n".join(lines)


def delivery_text(report) -> str:
    lines = [f"{report.sent} delivered, {report.failed} failed"]
    lines += [f"  {e['channel']} → {e['target']}: {e['error']}" for e in report.errors]
    return "\n".join(lines)


def outbox_table(rows: list[dict], status: str | None = None) -> str:
    if not rows:
        return f"No {status} deliveries." if status else "The outbox is empty."
    return _table(["EVENT", "KIND", "CREATED", "CHANNEL", "TARGET", "STATUS", "TRIES", "SUBJECT / ERROR"],
                  [[r["event"], r["kind"], r["created_at"], r["channel"], r["target"], r["status"], r["attempts"],
                    r["subject"] if r["status"] in ("pending", "sent") else r["last_error"]] for r in rows])


def history_table(rows: list[dict]) -> str:
    if not rows:
        return "No versions yet."
    lines = []
    for r in rows:
        change = r["change"]
        what = "first recorded" if change is None and r is rows[0] else (
            f"editorial edit {change['id']} from {change['from_version']} (not a change of terms): {change['summary']}"
            if change and change["significance"] == "editorial" else
            f"change {change['id']} from {change['from_version']} [{_flags(change)}]: {change['summary']}"
            if change else "no change recorded (re-read after the page's selector stopped or started matching)")
        lines.append(f"{r['first_seen']}  version {r['version']} (seen until {r['last_seen']}): {what}")
        if change:
            lines += _evidence(change["facts"], change["clauses"])
    return "\n".join(lines)


def _evidence(facts: list[dict], clauses: list[dict]) -> list[str]:
    """A change's facts and every changed clause as a before/after pair, indented under its headline."""
    lines = [f"    {wording.fact_line(f)}" for f in facts]
    if clauses:
        lines += [f"    {line}" for line in pairs_text(clauses).splitlines()]
    return lines


def pairs_text(pairs: list[dict]) -> str:
    """The count line, then every changed clause as its before/after pair."""
    return "\n".join([f"{wording.count_line(pairs)}:"] + [line for p in pairs for line in wording.pair_lines(p)])


def clauses_text(result: dict) -> str:
    if not result["clauses"] and not result["facts"]:
        return f"{result['document']}: no clause about training, retention or access found in the current version."
    lines = []
    for fact in result["facts"]:
        lines.append(f"FACT  {fact['subject']}: {fact['value']}")
    heading = None
    for clause in result["clauses"]:
        if clause["heading"] != heading:
            heading = clause["heading"]
            lines.append(f"\n{heading or '(no heading)'}")
        lines.append(f"  [{', '.join(clause['labels'])}] {clause['text']}")
    return "\n".join(lines).strip()


def _answer_lines(answer: dict, question: str, documents: list[str]) -> list[str]:
    if not answer["stated"]:
        return ["not stated"]
    lines = []
    for f in answer["facts"]:
        lines.append(f"- {f['subject']}: {f['value']}")
        for quote in f["quotes"]:
            since = f", since {quote['since']}" if quote["since"] else ""
            kept = f", kept copy {quote['evidence']}" if quote["evidence"] else ""
            lines.append(f"    “{quote['quote']}” ({quote['document']}{since}{kept})")
    if not answer["facts"]:
        lines.append(f"{answer['clauses']} clause{'s' if answer['clauses'] != 1 else ''} on this, with no stance or "
                     f"period read from them: termwatch clauses {' / '.join(documents)} --{question}")
    return lines


def answers_text(result: dict) -> str:
    """The answer sheet for a terminal: per vendor and question, each audience's facts with their quotes."""
    if not result["vendors"]:
        return "No version recorded yet for these documents; run `termwatch run` first."
    out = []
    for vendor in result["vendors"]:
        out.append(vendor["vendor"])
        for q in ("training", "retention", "access"):
            differ = " (commercial and consumer differ)" if q in vendor["differ"] else ""
            out.append(f"  {wording.QUESTION_TITLES[q].upper()}{differ}")
            for audience, side in vendor["audiences"].items():
                answer = side["questions"][q]
                out.append(f"    {audience} ({', '.join(side['documents'])}):")
                out += [f"      {line}" for line in _answer_lines(answer, q, side["documents"])]
                for change in answer.get("changed", []):
                    when = (change["detected_at"] or "")[:10] or "since signing"
                    out.append(f"      changed {when}, {change['document']}: {change['summary']}")
                    out += [f"        {line}" for f in change["facts"] for line in [wording.fact_line(f)]]
                    out += [f"        {line}" for p in change["clauses"] for line in wording.pair_lines(p)]
        out.append("")
    if result["not_fetched"]:
        out.append(f"No version recorded yet: {', '.join(result['not_fetched'])}.")
    return "\n".join(out).rstrip()


def answers_markdown(result: dict) -> str:
    """The answer sheet in Markdown, fit to paste into a questionnaire: quotes exact, links to the pages."""
    from monitor.views.formats import _md

    since = f" Changes since {result['since']} follow each answer." if result["since"] else ""
    out = [f"# What the terms say{' under agreement ' + _md(result['agreement']) if result['agreement'] else ''}",
           "", f"Training on customer data, retention and access, as each document reads today.{since}"]
    for vendor in result["vendors"]:
        out += ["", f"## {_md(vendor['vendor'])}"]
        for q in ("training", "retention", "access"):
            differ = " — commercial and consumer differ" if q in vendor["differ"] else ""
            out += ["", f"### {wording.QUESTION_TITLES[q]}{differ}"]
            for audience, side in vendor["audiences"].items():
                answer = side["questions"][q]
                out += ["", f"**{audience.capitalize()}** ({', '.join(_md(d) for d in side['documents'])})", ""]
                if not answer["stated"]:
                    out.append("- not stated")
                for f in answer["facts"]:
                    out.append(f"- **{_md(f['subject'])}: {_md(f['value'])}**")
                    for quote in f["quotes"]:
                        since_note = f", wording since {quote['since']}" if quote["since"] else ""
                        kept = f", [kept copy]({quote['evidence']})" if quote["evidence"] else ""
                        out.append(f"  - “{_md(quote['quote'])}” ([{_md(quote['type'])}]({quote['url']}){kept}"
                                   f"{since_note})")
                if answer["stated"] and not answer["facts"]:
                    out.append(f"- stated in {answer['clauses']} clauses, with no stance or period read from them")
                for change in answer.get("changed", []):
                    when = (change["detected_at"] or "")[:10] or "since signing"
                    out.append(f"- changed {when} ({_md(change['document'])}): {_md(change['summary'])}")
                    for p in change["clauses"]:
                        out += [f"  - {_md(line.strip().removeprefix('- '))}" for line in wording.pair_lines(p)[:1]]
                        out += [f"    - {_md(line.strip())}" for line in wording.pair_lines(p)[1:]]
    if result["not_fetched"]:
        out += ["", f"No version recorded yet: {', '.join(_md(d) for d in result['not_fetched'])}."]
    return "\n".join(out) + "\n"
