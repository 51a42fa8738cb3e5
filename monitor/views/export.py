"""Pure renderings of changes and drift for `termwatch export`: the JSON of `--json`, or CSV with fixed columns."""

from __future__ import annotations

import csv
import io
import json

from monitor.views import wording

# The documented column orders; new columns are only ever added at the end.
CHANGE_COLUMNS = ("id", "document", "vendor", "audience", "type", "detected_at", "from_version", "to_version",
                  "training", "retention", "summary", "facts", "clauses", "significance", "access")
DRIFT_COLUMNS = ("agreement", "vendor", "signed_on", "renews_on", "document", "baseline", "baseline_version",
                 "current_version", "changed", "training", "retention", "summary", "facts", "clauses", "access",
                 "status")


def to_json(data: list[dict]) -> str:
    return json.dumps(data, indent=2, ensure_ascii=False) + "\n"


def export_document(rows: list[dict], what: str, fmt: str) -> str:
    """Changes (`what` "changes") or a drift report ("drift") as JSON or CSV."""
    if fmt == "json":
        return to_json(rows)
    return changes_csv(rows) if what == "changes" else drift_csv(rows)


def _cell(value) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    return "" if value is None else str(value)


def facts_text(facts: list[dict]) -> str:
    """`subject: before → after` per fact, one per line."""
    return "\n".join(wording.fact_line(f) for f in facts)


def clauses_text(clauses: list[dict]) -> str:
    """Each changed clause as its title line and its before/after wording, changed words in [-…-] / {+…+}."""
    return "\n".join(line for pair in clauses for line in wording.pair_lines(pair))


def _csv(columns: tuple[str, ...], rows: list[dict]) -> str:
    out = io.StringIO()
    writer = csv.writer(out)
    writer.writerow(columns)
    for row in rows:
        writer.writerow([_cell(row[c]) for c in columns])
    return out.getvalue()


def changes_csv(changes: list[dict]) -> str:
    """One row per change, in the shape of `termwatch changes --json`, facts and clauses as readable lines."""
    return _csv(CHANGE_COLUMNS, [c | {"facts": facts_text(c["facts"]), "clauses": clauses_text(c["clauses"])}
                                 for c in changes])


def drift_csv(report: list[dict]) -> str:
    """One row per agreement document, from the report of `termwatch drift --json`."""
    rows = []
    for agreement in report:
        for doc in agreement["documents"]:
            baseline = doc["baseline"] or {}
            rows.append({
                **{k: agreement[k] for k in ("agreement", "vendor", "signed_on", "renews_on")},
                **{k: doc[k] for k in ("document", "current_version", "changed", "training", "retention", "access",
                                       "summary", "status")},
                "baseline": baseline.get("kind"), "baseline_version": baseline.get("version"),
                "facts": facts_text(doc["facts"]), "clauses": clauses_text(doc["clauses"]),
            })
    return _csv(DRIFT_COLUMNS, rows)
