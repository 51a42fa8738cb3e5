"""Strict DATE and VERSION arguments, and what `diff` shows, through the real CLI in a subprocess.

One real SQLite database, recorded by three real `termwatch run`s against a page server on 127.0.0.1:
v1, then v2 (a fee changed, and in another paragraph a word and a non-breaking space that became a plain
one), then v3 (the retention period
and its heading changed). The first two versions are then moved back to 2020, as if months had passed
between the runs, so a date can pick an older version.
"""

from __future__ import annotations

import re
from datetime import date, timedelta

import pytest

from conftest import PageServer, config_toml, db_at, document_toml, run_termwatch

DOC = "acme-terms"

PAGE = """<!doctype html><html><head><title>Acme AI Terms</title></head><body><main>
<h1>Acme AI Terms of Service</h1>
<p>Please read our&nbsp;Terms carefully: they govern your use of the Acme AI services and every workspace.</p>
<h2>1. Customer Content</h2>
<p>We do not use Customer Content to train our models unless you explicitly opt in to share it with us.</p>
<h2>2. Retention</h2>
<p>We retain API inputs and outputs for up to 30 days to identify abuse, after which they are deleted.</p>
<h2>3. Fees</h2>
<p>You will pay all fees described in your order form within thirty days of the invoice date.</p>
</main></body></html>"""

V2 = (PAGE.replace("our&nbsp;Terms", "our Terms").replace("every workspace", "each workspace")
      .replace("within thirty days", "within sixty days"))
V3 = V2.replace("<h2>2. Retention</h2>", "<h2>2. Data Retention</h2>").replace("up to 30 days", "up to 90 days")

V1_SEEN, V2_SEEN = "2020-01-10T09:00:00+00:00", "2020-03-10T09:00:00+00:00"
TODAY = date.today().isoformat()  # v3 is first seen today (UTC; the run's clock)


@pytest.fixture(scope="module")
def site(tmp_path_factory):
    tmp = tmp_path_factory.mktemp("arguments")
    pages = PageServer()
    try:
        config = tmp / "config.toml"
        config.write_text(config_toml(
            document_toml(DOC, pages.url("/terms"), vendor="Acme AI"),
            extra='[[agreements]]\nid = "acme-2020"\nvendor = "Acme AI"\ndocuments = ["acme-terms"]\n'
                  "signed_on = 2020-01-01\n"))
        for body in (PAGE, V2, V3):
            pages.set("/terms", body)
            result = run_termwatch(config, "run", "--json")
            assert result.code == 0, result.stderr
        db = db_at(config)
        assert [v["id"] for v in db["versions"].rows] == [1, 2, 3]
        for version_id, seen in ((1, V1_SEEN), (2, V2_SEEN)):
            db["versions"].update(version_id, {"first_seen": seen, "last_seen": seen})
        yield config
    finally:
        pages.httpd.shutdown()
        pages.httpd.server_close()


def usage_error(result, value: str) -> str:
    """Exit 2, and exactly one error line on stderr, naming the value and the form to use."""
    assert result.code == 2, (result.code, result.stdout, result.stderr)
    errors = [line for line in result.stderr.splitlines() if line.startswith("Error:")]
    assert len(errors) == 1, result.stderr
    assert result.stderr.rstrip().endswith(errors[0]) and "Traceback" not in result.stderr
    assert repr(value) in errors[0] and "YYYY-MM-DD" in errors[0], errors[0]
    assert result.stdout == ""
    return errors[0]


# --- bad DATE and VERSION values are usage errors naming the value ---------------------------------


@pytest.mark.parametrize("value", ["garbage", "2026/05/20", "2026-02-30", "2026-W21-3", "1.5", "v2",
                                   "2026-05-20T25:00", "2026-05-20 is fine"])
def test_show_refuses_a_version_that_is_neither_an_id_nor_a_date(site, value):
    line = usage_error(run_termwatch(site, "show", DOC, value), value)
    assert "version id" in line and f"termwatch versions {DOC}" in line


def test_a_date_that_does_not_exist_says_why(site):
    line = usage_error(run_termwatch(site, "show", DOC, "2026-02-30"), "2026-02-30")
    assert "not a real date" in line and "day is out of range for month" in line


@pytest.mark.parametrize("args, value", [
    (("diff", DOC, "notadate"), "notadate"),
    (("diff", DOC, "1", "2026-13-01"), "2026-13-01"),
    (("diff", DOC, "2026/05/20", "3", "--format", "json"), "2026/05/20"),
])
def test_diff_refuses_bad_versions(site, args, value):
    usage_error(run_termwatch(site, *args), value)


@pytest.mark.parametrize("value", ["notadate", "2026-02-30", "2026/05/20", "yesterday", ""])
def test_changes_since_refuses_what_is_not_a_date(site, value):
    line = usage_error(run_termwatch(site, "changes", "--since", value), value)
    assert "'--since'" in line and ("is not a date" in line or "is not a real date" in line)


@pytest.mark.parametrize("value", ["2026/05/20", "garbage"])
def test_pin_refuses_a_bad_version_instead_of_pinning_the_current_one(site, value):
    before = list(db_at(site)["pins"].rows)
    usage_error(run_termwatch(site, "agreements", "pin", "acme-2020", DOC, "--version", value), value)
    assert list(db_at(site)["pins"].rows) == before


# --- good values still work ----------------------------------------------------------------------


def test_show_by_id_date_and_time_picks_the_version_first_seen_by_then(site):
    texts = {v: run_termwatch(site, "show", DOC, str(v)).stdout for v in (1, 2, 3)}
    assert "our\xa0Terms" in texts[1] and "sixty days" in texts[2] and "90 days" in texts[3]
    assert run_termwatch(site, "show", DOC).stdout == texts[3]
    for ref, expected in [("2020-01-10", 1), ("2020-03-09", 1), ("2020-03-10", 2), (TODAY, 3),
                          ("2020-01-10T09:00:00Z", 1), ("2020-01-10T11:00:00+02:00", 1),
                          ("2020-03-10T10:00", 2)]:
        shown = run_termwatch(site, "show", DOC, ref)
        assert shown.code == 0, (ref, shown.stderr)
        assert shown.stdout == texts[expected], ref


def test_before_the_first_version_and_unknown_ids_stay_one_line_exit_1(site):
    for ref, says in [("2020-01-09", "has no version seen by 2020-01-09"),
                      ("2020-01-10T10:59:59+02:00", "has no version seen by"), ("7", "has no version 7")]:
        result = run_termwatch(site, "show", DOC, ref)
        assert result.code == 1, (ref, result.stderr)
        assert result.stderr.strip().splitlines() == [result.stderr.strip()] and says in result.stderr


def test_pin_by_date_pins_the_version_first_seen_by_then(site):
    pinned = run_termwatch(site, "agreements", "pin", "acme-2020", DOC, "--version", "2020-02-01", "--json")
    assert pinned.code == 0, pinned.stderr
    assert pinned.json()["source"] == "version 1"
    again = run_termwatch(site, "agreements", "pin", "acme-2020", DOC, "--version", "2020-03-10T12:00:00+01:00",
                          "--json")
    assert again.json()["source"] == "version 2"
    [row] = db_at(site)["pins"].rows
    assert row["version_id"] == 2
    missing = run_termwatch(site, "agreements", "pin", "acme-2020", DOC, "--version", "2019-12-31")
    assert missing.code == 1 and "has no version seen by 2019-12-31" in missing.stderr


def test_changes_since_a_date_or_time(site):
    every = run_termwatch(site, "changes", "--json", "--all").json()
    assert every  # both changes were detected today, whatever their versions' first_seen
    assert run_termwatch(site, "changes", "--all", "--json", "--since", TODAY).json() == every
    tomorrow = (date.today() + timedelta(days=1)).isoformat()
    assert run_termwatch(site, "changes", "--all", "--json", "--since", tomorrow).json() == []
    assert run_termwatch(site, "changes", "--all", "--json", "--since", f"{tomorrow}T00:00:00+00:00").json() == []
    # Midnight today in UTC, written from UTC+14: the same instant, so the same changes.
    earlier = (date.today() - timedelta(days=1)).isoformat()
    assert run_termwatch(site, "changes", "--all", "--json", "--since", f"{earlier}T10:00:00-14:00").json() == every


# --- diff output ---------------------------------------------------------------------------------

WHITESPACE_MARKS = {
    "text": re.compile(r"\[-\s+-\]|\{\+\s+\+\}"),
    "markdown": re.compile(r"~~\s*~~|\*\*\s*\*\*"),
    "html": re.compile(r"<del>\s*</del>|<ins>\s*</ins>"),
}


@pytest.mark.parametrize("fmt", ["text", "markdown", "html"])
def test_a_change_of_spacing_alone_is_not_marked(site, fmt):
    result = run_termwatch(site, "diff", DOC, "1", "2", "--format", fmt, env={"NO_COLOR": "1"})
    assert result.code == 0, result.stderr
    assert not WHITESPACE_MARKS[fmt].search(result.stdout), result.stdout
    assert "sixty" in result.stdout and "thirty" in result.stdout  # the real change is still marked
    assert "read our Terms carefully" in result.stdout  # the new spacing, shown once, beside a real change
    assert "each" in result.stdout and "every" in result.stdout
    # The JSON keeps the exact word diff, non-breaking space and all.
    words = [w for h in run_termwatch(site, "diff", DOC, "1", "2", "--format", "json").json()["hunks"]
             for w in h["words"]]
    assert [-1, "\xa0"] in words or any(op == -1 and "\xa0" in text for op, text in words)


def test_headings_show_as_headings_not_as_marks(site):
    markdown = run_termwatch(site, "diff", DOC, "2", "3", "--format", "markdown").stdout
    quoted = [line for line in markdown.splitlines() if line.startswith(">")]
    assert "> #### 2\\. **Data** Retention" in quoted, markdown  # a heading, numbered "2." once rendered
    assert "\\#" not in markdown and not [line for line in quoted if "##" in line.removeprefix("> #### ")]
    text = run_termwatch(site, "diff", DOC, "2", "3", env={"NO_COLOR": "1"}).stdout
    assert "##" not in text and "2. {+Data+} Retention" in text, text
    html = run_termwatch(site, "diff", DOC, "2", "3", "--format", "html").stdout
    assert '<p class="heading">2. <ins>Data</ins> Retention</p>' in html and "##" not in html


def test_diff_by_topic_keeps_only_the_hunks_that_touch_it(site):
    retention = run_termwatch(site, "diff", DOC, "1", "3", "--retention", env={"NO_COLOR": "1"})
    assert retention.code == 0, retention.stderr
    assert "[-30-]{+90+}" in retention.stdout and "sixty" not in retention.stdout
    unfiltered = run_termwatch(site, "diff", DOC, "1", "3", env={"NO_COLOR": "1"}).stdout
    assert "sixty" in unfiltered and "[-30-]{+90+}" in unfiltered
    hunks = run_termwatch(site, "diff", DOC, "1", "3", "--retention", "--format", "json").json()["hunks"]
    assert len(hunks) == 1 and "90 days" in hunks[0]["new"]
    both = run_termwatch(site, "diff", DOC, "1", "3", "--training", "--retention", env={"NO_COLOR": "1"}).stdout
    assert both == retention.stdout


@pytest.mark.parametrize("flags, topics", [(["--training"], "training"), (["--access"], "access"),
                                           (["--training", "--access"], "training or access")])
def test_diff_by_topic_with_no_matching_change_says_so_in_one_line(site, flags, topics):
    result = run_termwatch(site, "diff", DOC, "1", "2", *flags)
    assert result.code == 0, result.stderr
    assert result.stdout == f"No changes to {topics} clauses between versions 1 and 2.\n"
    assert result.stderr == ""
    as_json = run_termwatch(site, "diff", DOC, "1", "2", *flags, "--format", "json")
    assert as_json.code == 0 and as_json.json()["hunks"] == []
    markdown = run_termwatch(site, "diff", DOC, "1", "2", *flags, "--format", "markdown").stdout
    assert markdown.strip() == f"_No changes to {topics} clauses between versions 1 and 2._"
