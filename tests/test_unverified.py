"""A day-one agreement: signed before termwatch's first run, nothing pinned. Its drift is measured from a stand-in
(the earliest recorded version), so every view, alert and reminder reads "unverified" and names the pin command;
pinning the signed copy turns it into a real status.

Real `termwatch` processes against the page server on 127.0.0.1, a real SQLite file and a real webhook receiver.
"""

from __future__ import annotations

import json
from datetime import UTC, datetime, timedelta

import lxml.html
import pytest

from conftest import document_toml, run_termwatch, sections_page

PARAGRAPHS = [
    "These Terms govern your use of the Acme AI services and apply to every workspace you create.",
    "We do not use Customer Content to train our models unless you explicitly opt in to share it.",
    "We retain API inputs and outputs for up to 30 days to identify abuse, after which they are deleted.",
    "You will pay all fees described in your order form within thirty days of the invoice date.",
]
CHANGED = [p.replace("30 days", "2 years") for p in PARAGRAPHS]
FIX = "termwatch agreements pin day-one acme-terms --file signed.pdf"


@pytest.fixture
def day_one(pages, write_config, hook):
    """acme-terms fetched once by a real run; agreement day-one signed in 2025, renewing in 10 days, nothing pinned."""
    renews = (datetime.now(UTC) + timedelta(days=10)).date().isoformat()
    pages.set("/terms", sections_page(PARAGRAPHS))
    config = write_config(
        document_toml("acme-terms", pages.url("/terms"), vendor="Acme AI"),
        extra=('[[agreements]]\nid = "day-one"\nvendor = "Acme AI"\ndocuments = ["acme-terms"]\n'
               f"signed_on = 2025-01-01\nrenews_on = {renews}\n\n"
               f'[[alerts]]\nid = "hook"\nurls = ["json://{hook.base}/hook"]\nevents = ["renewal", "drift"]\n'))
    first = run_termwatch(config, "run", "--json")
    assert first.code == 0, first.stderr
    return config


def termwatch_ok(config, *args: str):
    result = run_termwatch(config, *args)
    assert result.code == 0, (args, result.stderr)
    return result


def the_document(config) -> dict:
    [agreement] = termwatch_ok(config, "drift", "--json").json()
    [doc] = agreement["documents"]
    return doc


def report(config, tmp_path) -> tuple:
    out = tmp_path / "site"
    termwatch_ok(config, "report", "--out", str(out))
    index = lxml.html.fromstring((out / "index.html").read_text(encoding="utf-8"))
    agreement = lxml.html.fromstring((out / "agreement-day-one.html").read_text(encoding="utf-8"))
    [row] = index.xpath("//table[@class='agreements']//tr[td]")
    return row, agreement


def test_a_day_one_agreement_reads_unverified_everywhere_and_names_the_pin_command(day_one, hook, tmp_path):
    config = day_one

    table = termwatch_ok(config, "agreements").stdout
    [row] = [line for line in table.splitlines() if line.startswith("day-one")]
    assert "1 of 1 documents unverified" in row and "no drift" not in table
    assert FIX in table

    text = termwatch_ok(config, "drift").stdout
    assert "acme-terms: UNVERIFIED [-] No change since termwatch began watching on" in text
    assert "unchanged" not in text.lower() and "since signing" not in text
    assert f"to verify, pin the signed copy: {FIX}" in text

    doc = the_document(config)
    assert (doc["status"], doc["changed"], doc["fix"]) == ("unverified", False, FIX)
    assert doc["baseline"]["kind"] == "earliest"
    assert "never seen" in doc["summary"] and "since signing" not in doc["summary"]

    # The renewal reminder of the first run counts the document as unverified, not as "0 of 1 changed".
    [reminder] = [r.json for r in hook.requests if "Renewal" in r.json["title"]]
    assert "1 of 1 documents unverified" in reminder["title"]
    assert "Since signing: 1 of 1 documents unverified." in reminder["message"]
    assert "changed since signing" not in reminder["message"] and "no drift" not in reminder["message"]
    assert FIX in reminder["message"]
    assert "- acme-terms (unverified): No change since termwatch began watching" in reminder["message"]

    row, agreement = report(config, tmp_path)
    [state] = row.xpath(".//span[@class='unverified']")
    assert state.text_content() == "1 of 1 documents unverified"
    assert "no drift" not in row.text_content() and FIX in row.text_content()
    assert not agreement.xpath("//*[@class='unchanged']")
    assert agreement.xpath("//p[@class='unverified']")[0].text_content() == "1 of 1 documents unverified"
    [heading_state] = agreement.xpath("//h2[@id='acme-terms']/span")
    assert (heading_state.get("class"), heading_state.text_content()) == ("unverified", "unverified")
    assert FIX in [c.text_content() for c in agreement.xpath("//code")]


def test_drift_from_a_stand_in_is_shown_flagged_and_pinning_the_signed_copy_makes_it_real(
        day_one, pages, hook, tmp_path):
    config = day_one
    pages.set("/terms", sections_page(CHANGED))
    termwatch_ok(config, "run")

    # The wording moved since watching began: drift to show, flagged as measured from a stand-in.
    doc = the_document(config)
    assert (doc["status"], doc["changed"], doc["retention"]) == ("unverified", True, True)
    assert doc["summary"].startswith("Changed since termwatch began watching on")
    assert "stand-in" in doc["summary"]
    text = termwatch_ok(config, "drift").stdout
    assert "acme-terms: UNVERIFIED, CHANGED SINCE WATCHING BEGAN [retention]" in text and FIX in text
    [alert] = [r.json for r in hook.requests if "Drift" in r.json["title"]]
    assert "Drift (unverified baseline): Acme AI Terms of Service changed after agreement day-one" in alert["title"]
    assert "no longer matches" not in alert["title"]
    assert f"pin the signed copy: {FIX}" in alert["message"]
    table = termwatch_ok(config, "agreements").stdout
    assert "1 of 1 documents unverified (1 changed since watching began)  retention" in table
    row, agreement = report(config, tmp_path)
    assert row.xpath(".//span[@class='unverified']")[0].text_content() == (
        "1 of 1 documents unverified (1 changed since watching began)")
    assert "Earliest recorded (stand-in) wording → current wording" in agreement.text_content()

    # The signed copy reads as the current page: unchanged since signing, verified.
    signed = tmp_path / "signed.txt"
    signed.write_text("Acme AI Terms\n\n" + "\n\n".join(
        f"Section {i + 1}\n\n{p}" for i, p in enumerate(CHANGED)) + "\n")
    termwatch_ok(config, "agreements", "pin", "day-one", "acme-terms", "--file", str(signed))
    doc = the_document(config)
    assert (doc["baseline"]["kind"], doc["status"], doc["changed"], doc["fix"]) == (
        "pinned-file", "unchanged", False, None)
    assert doc["summary"] == "Unchanged since signing."
    table = termwatch_ok(config, "agreements").stdout
    assert "no drift" in table and "unverified" not in table.lower()

    # The signed copy says 30 days: drifted, for real.
    signed.write_text(signed.read_text().replace("2 years", "30 days"))
    termwatch_ok(config, "agreements", "pin", "day-one", "acme-terms", "--file", str(signed))
    doc = the_document(config)
    assert (doc["status"], doc["changed"], doc["retention"], doc["fix"]) == ("drifted", True, True, None)
    text = termwatch_ok(config, "drift").stdout
    assert "acme-terms: DRIFTED [retention]" in text and "unverified" not in text.lower()
    row, agreement = report(config, tmp_path)
    assert row.xpath(".//span[@class='drifted']")[0].text_content() == "1 of 1 documents drifted"
    assert "Signed wording → current wording" in agreement.text_content()
    assert json.loads(termwatch_ok(config, "agreements", "show", "day-one", "--json").stdout)["documents"][0][
        "status"] == "drifted"
