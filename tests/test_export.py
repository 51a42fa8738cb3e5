"""`termwatch export`: changes and drift recorded by real runs, as the JSON of `--json` and as CSV."""

from __future__ import annotations

import csv
import io
import json

from click.testing import CliRunner

from conftest import document_toml
from monitor.cli import cli
from monitor.store.db import open_db
from monitor.views.export import CHANGE_COLUMNS, DRIFT_COLUMNS, changes_csv, drift_csv

TERMS = """<!doctype html><html><body><main><h1>Acme AI Terms of Service</h1>
<p>Effective July 8, 2026. These Terms govern your use of the Acme AI services and apply to every workspace.</p>
<h2>1. Customer Content</h2>
<p>We do not use Customer Content to train our models unless you explicitly opt in to share it with us.</p>
<h2>2. Retention</h2>
<p>We retain API inputs and outputs for up to {days} days to identify abuse, after which they are deleted.</p>
<h2>3. Fees</h2>
<p>You will pay all fees described in your order form within thirty days of the invoice date.</p>
</main></body></html>"""

AGREEMENT = """
[[agreements]]
id = "acme-2026"
vendor = "Example AI"
documents = ["acme-terms"]
signed_on = 2026-01-01
renews_on = 2027-01-01
"""


def invoke(config, *args):
    result = CliRunner().invoke(cli, ["--config", str(config), *args], catch_exceptions=False)
    return result


def rows(text: str) -> list[dict]:
    return list(csv.DictReader(io.StringIO(text)))


def test_export_changes_and_drift_as_json_and_csv(pages, write_config, termwatch, tmp_path):
    pages.set("/terms", TERMS.format(days=30))
    config = write_config(document_toml("acme-terms", pages.url("/terms")), extra=AGREEMENT)
    assert termwatch(config, "run").code == 0
    pages.set("/terms", TERMS.format(days=90))
    assert termwatch(config, "run").code == 0

    # JSON is exactly what `changes --json` and `drift --json` print.
    changes = json.loads(invoke(config, "changes", "--json").output)
    assert json.loads(invoke(config, "export").output) == changes
    assert len(changes) == 1 and changes[0]["retention"] is True
    drift_file = tmp_path / "drift.json"
    written = invoke(config, "export", "--what", "drift", "--format", "json", "--out", str(drift_file))
    assert written.exit_code == 0 and written.stdout == "" and "Wrote" in written.stderr
    assert json.loads(drift_file.read_text()) == json.loads(invoke(config, "drift", "--json").output)

    text = invoke(config, "export", "--format", "csv").output
    assert text.splitlines()[0] == ",".join(CHANGE_COLUMNS)
    [row] = rows(text)
    assert (row["id"], row["document"], row["vendor"], row["from_version"], row["to_version"]) == (
        str(changes[0]["id"]), "acme-terms", "Example AI", "1", "2")
    assert (row["training"], row["retention"]) == ("false", "true")
    assert row["facts"] == "inputs and outputs: up to 30 days → up to 90 days"
    assert row["summary"] == changes[0]["summary"]
    assert "before: We retain API inputs and outputs for up to [-30-] days" in row["clauses"]
    assert "after:  We retain API inputs and outputs for up to {+90+} days" in row["clauses"]

    drift_text = invoke(config, "export", "--what", "drift", "--format", "csv").output
    assert drift_text.splitlines()[0] == ",".join(DRIFT_COLUMNS)
    [finding] = rows(drift_text)
    assert (finding["agreement"], finding["document"], finding["signed_on"], finding["renews_on"]) == (
        "acme-2026", "acme-terms", "2026-01-01", "2027-01-01")
    assert (finding["baseline"], finding["baseline_version"], finding["current_version"]) == ("earliest", "1", "2")
    assert (finding["changed"], finding["training"], finding["retention"]) == ("true", "false", "true")
    assert finding["status"] == "unverified"  # signed before the first run, nothing pinned: a stand-in baseline
    assert finding["facts"] == "inputs and outputs: up to 30 days → up to 90 days"


def test_csv_cells_survive_commas_quotes_newlines_and_missing_values():
    change = {"id": 7, "document": "acme-terms", "vendor": 'Acme, "AI"', "audience": "consumer",
              "type": "Privacy Policy", "detected_at": "2026-06-01T00:00:00+00:00", "from_version": 3,
              "to_version": 4, "significance": "substantive", "training": True, "retention": False, "access": False,
              "summary": "Line one,\nline two",
              "facts": [{"kind": "training_stance", "subject": "conversations", "before": None, "after": "used"}],
              "clauses": [{"op": "removed", "heading": "", "from_heading": None, "before": "We never train.",
                           "after": None, "labels": ["training"], "evidence": ["train"], "words": []}]}
    [row] = rows(changes_csv([change]))
    assert row["vendor"] == 'Acme, "AI"' and row["summary"] == "Line one,\nline two"
    assert (row["training"], row["retention"]) == ("true", "false")
    assert row["facts"] == "conversations: not stated → used"
    assert row["clauses"] == "- training · removed:\n    before: We never train."


def test_drift_csv_of_a_document_without_versions_has_empty_cells():
    report = [{"agreement": "a", "vendor": "V", "signed_on": "2026-01-01", "renews_on": None, "notes": "",
               "documents": [{"document": "d", "status": "no-version", "baseline": None, "current_version": None,
                              "changed": None,
                              "training": False, "retention": False, "access": False,
                              "summary": "No version recorded yet.",
                              "facts": [], "clauses": []}]}]
    [row] = rows(drift_csv(report))
    assert (row["renews_on"], row["baseline"], row["baseline_version"], row["changed"]) == ("", "", "", "")
    assert row["status"] == "no-version"


def test_export_errors_are_one_line(write_config, tmp_path):
    config = write_config(document_toml("acme-terms", "https://example.com/terms"))
    missing_db = CliRunner().invoke(cli, ["--config", str(config), "export"])
    assert missing_db.exit_code == 1 and "no database yet" in missing_db.output
    assert len(missing_db.output.strip().splitlines()) == 1
    open_db(config.parent / "data" / "termwatch.db")
    bad_out = CliRunner().invoke(cli, ["--config", str(config), "export", "--out", str(tmp_path / "no" / "x.csv")])
    assert bad_out.exit_code == 1
    assert bad_out.output.strip() == (f"Error: {tmp_path / 'no' / 'x.csv'}: cannot write (No such file or directory); "
                                      "check the folder exists and is writable")
    bad_format = CliRunner().invoke(cli, ["--config", str(config), "export", "--format", "xml"])
    assert bad_format.exit_code == 2
