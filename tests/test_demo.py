"""`termwatch demo`: the offline tour records the real June 2026 change, at the dates of its snapshots, and
delivers a drift alert on loopback; a second tour in its folder starts over, and it refuses folders not its own."""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
import sqlite_utils

from conftest import ROOT
from monitor.app import demo

SNAPSHOT_DATES = [demo.fetched_at(s) for s in demo.snapshots()]
FIRST, CHANGE = SNAPSHOT_DATES[0], SNAPSHOT_DATES[2]  # the June policy is first served on 2026-06-08


def run_demo(workdir: Path) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "monitor", "demo", "--dir", str(workdir)],
                          capture_output=True, text=True, timeout=300, cwd=ROOT)


@pytest.fixture(scope="module")
def tour(tmp_path_factory) -> tuple[subprocess.CompletedProcess, Path]:
    workdir = tmp_path_factory.mktemp("demo") / "tour"
    return run_demo(workdir), workdir


def test_the_dates_are_the_snapshots_dates():
    assert SNAPSHOT_DATES == ["2026-05-20T10:31:41+00:00", "2026-05-27T22:30:37+00:00", "2026-06-08T22:30:40+00:00",
                              "2026-06-09T10:30:33+00:00", "2026-06-12T10:30:27+00:00"]
    assert FIRST < demo.SIGNED_ON < CHANGE


def test_demo_records_the_real_change_and_delivers_the_drift_alert(tour):
    proc, workdir = tour
    assert proc.returncode == 0, proc.stderr
    out = proc.stdout
    assert "Open Terms Archive, ODC-By 1.0" in out
    assert out.count("CHANGE [training,retention,access]") == 1
    assert out.count("unchanged (noise only)") == 3
    assert "DRIFTED [training,retention,access]" in out
    assert "Alerts delivered to the local webhook: 1" in out
    assert "Drift: Anthropic Privacy Policy no longer matches agreement demo-claude-pro" in out
    assert "Starting over" not in proc.stderr
    db = sqlite_utils.Database(workdir / "termwatch.db")
    assert db["versions"].count == 2 and db["changes"].count == 1
    assert [r["status"] for r in db["deliveries"].rows] == ["sent"]


def test_demo_shows_and_records_each_snapshot_at_its_own_date(tour):
    proc, workdir = tour
    steps = re.findall(r"^  (\d{4}-\d\d-\d\d)  (.*)$", proc.stdout, re.M)
    assert [day for day, _ in steps] == [d[:10] for d in SNAPSHOT_DATES]
    assert steps[0][1] == "first version recorded" and steps[2][1].startswith("CHANGE ")
    assert f"1   {CHANGE}  anthropic-privacy-policy  1→2" in proc.stdout  # termwatch changes: DETECTED

    db = sqlite_utils.Database(workdir / "termwatch.db")
    assert [r["fetched_at"] for r in db.query("select fetched_at from fetches order by id")] == SNAPSHOT_DATES
    assert [(r["first_seen"], r["last_seen"]) for r in db.query("select * from versions order by id")] == [
        (FIRST, SNAPSHOT_DATES[1]), (CHANGE, SNAPSHOT_DATES[4])]
    assert [r["detected_at"] for r in db["changes"].rows] == [CHANGE]
    assert [(r["created_at"], r["sent_at"]) for r in db.query(
        "select e.created_at, d.sent_at from events e join deliveries d on d.event = e.id where e.kind = 'drift'")
    ] == [(CHANGE, CHANGE)]


def test_drift_is_measured_from_the_version_in_force_when_signed(tour):
    proc, workdir = tour
    db = sqlite_utils.Database(workdir / "termwatch.db")
    [finding] = db["findings"].rows
    assert (finding["baseline"], finding["baseline_version"], finding["current_version"]) == ("signed-on", 1, 2)
    assert finding["detected_at"] == CHANGE
    assert f"demo-claude-pro (Anthropic), signed {demo.SIGNED_ON}" in proc.stdout
    assert f"baseline: version 1, in force on {demo.SIGNED_ON}; current version 2" in proc.stdout
    assert "started watching" not in proc.stdout and "stands in" not in proc.stdout


def test_a_second_tour_in_the_same_folder_starts_over_and_keeps_what_is_not_its_own(tour, tmp_path):
    first, earlier = tour
    workdir = tmp_path / "tour"
    shutil.copytree(earlier, workdir)
    mine = {"notes.txt": "my notes", "termwatch.db.bak": "a copy I made", "sub/config.toml": "mine too"}
    for name, text in mine.items():
        (workdir / name).parent.mkdir(exist_ok=True)
        (workdir / name).write_text(text)

    proc = run_demo(workdir)

    assert proc.returncode == 0, proc.stderr
    assert f"Starting over in {workdir}: removed the earlier demo's config and database." in proc.stderr
    assert proc.stdout.replace(str(workdir), "DIR") == first.stdout.replace(str(earlier), "DIR")
    assert proc.stdout.count("CHANGE [training,retention,access]") == 1
    assert "Alerts delivered to the local webhook: 1" in proc.stdout
    assert {name: (workdir / name).read_text() for name in mine} == mine
    assert sorted(p.name for p in workdir.iterdir()) == sorted(
        [".termwatch-demo", "config.toml", "notes.txt", "sub", "termwatch.db", "termwatch.db.bak", "termwatch.db.lock"])
    db = sqlite_utils.Database(workdir / "termwatch.db")
    assert db["versions"].count == 2 and db["changes"].count == 1 and db["deliveries"].count == 1


@pytest.mark.parametrize("files", [{"config.toml": "[storage]\n"}, {"termwatch.db": "x", "notes.txt": "y"},
                                   {"notes.txt": "y"}])
def test_a_folder_the_demo_did_not_make_is_refused_and_left_alone(tmp_path, files):
    workdir = tmp_path / "mine"
    workdir.mkdir()
    for name, text in files.items():
        (workdir / name).write_text(text)

    proc = run_demo(workdir)

    assert proc.returncode == 1
    assert proc.stderr.splitlines() == [
        f"Error: {workdir} is not empty and was not made by `termwatch demo`; give --dir a new or empty folder"]
    assert proc.stdout == ""
    assert {p.name: p.read_text() for p in workdir.iterdir()} == files


TRAINING_BEFORE = ("We may use your Inputs and Outputs to train [-our models and improve our Services-], "
                   "unless you opt out")
TRAINING_AFTER = "We may use your Inputs and Outputs to train {+and improve Anthropic AI models+}, unless you opt out"


def test_the_june_change_reads_as_before_after_pairs_in_the_alert_drift_and_the_report(tour, tmp_path):
    import lxml.html

    proc, workdir = tour
    db = sqlite_utils.Database(workdir / "termwatch.db")
    [event] = [e for e in db["events"].rows if e["kind"] == "drift"]
    # The webhook got the text, the email would get the HTML: every reworded clause, old beside new.
    assert f"before: {TRAINING_BEFORE}" in event["text"] and f"after:  {TRAINING_AFTER}" in event["text"]
    assert "more clause" not in event["text"]  # nothing shortened in the full text
    html = lxml.html.fromstring(event["html"])
    rows = html.xpath("//table[@class='pairs']//tr[@class='pair changed']")
    pair = next(r for r in rows if "train and improve Anthropic AI models" in r.text_content())
    before = pair.xpath("td[@class='side before']/del")
    assert [d.text_content() for d in before] == ["our models and improve our Services"]
    assert [i.text_content() for i in pair.xpath("td[@class='side after']/ins")] == ["and improve Anthropic AI models"]
    config = workdir / "config.toml"
    drift = subprocess.run([sys.executable, "-m", "monitor", "--config", str(config), "drift", "--diff"],
                           capture_output=True, text=True, timeout=120, cwd=ROOT)
    assert f"before: {TRAINING_BEFORE}" in drift.stdout and f"after:  {TRAINING_AFTER}" in drift.stdout
    out = tmp_path / "site"
    report = subprocess.run([sys.executable, "-m", "monitor", "--config", str(config), "report", "--out", str(out)],
                            capture_output=True, text=True, timeout=120, cwd=ROOT)
    assert report.returncode == 0, report.stderr
    for page in ("change-1.html", "agreement-demo-claude-pro.html"):
        tree = lxml.html.parse(str(out / page))
        pairs = [r for r in tree.xpath("//table[@class='pairs']//tr[@class='pair changed']")
                 if "train and improve Anthropic AI models" in r.text_content()]
        assert pairs
        assert pairs[0].xpath("td[@class='side after']/ins")[0].text_content() == "and improve Anthropic AI models"


def test_the_demo_answers_what_the_policy_says_today_with_dated_quotes(tour):
    import json

    proc, workdir = tour
    config = workdir / "config.toml"
    result = subprocess.run([sys.executable, "-m", "monitor", "--config", str(config), "answers", "--json"],
                            capture_output=True, text=True, timeout=120, cwd=ROOT)
    assert result.returncode == 0, result.stderr
    [anthropic] = json.loads(result.stdout)["vendors"]
    consumer = anthropic["audiences"]["consumer"]["questions"]
    db = sqlite_utils.Database(workdir / "termwatch.db")
    current = max(db["versions"].rows, key=lambda v: v["id"])["text"]
    opted = next(f for f in consumer["training"]["facts"] if f["value"] == "used unless you opt out")
    june = next(q for q in opted["quotes"] if "train and improve Anthropic AI models" in q["quote"])
    assert june["quote"] in current and june["since"] == CHANGE[:10]
    assert all(q["quote"] in current for q in question_quotes(consumer))
    assert consumer["retention"]["stated"] and consumer["access"]["stated"]


def question_quotes(questions: dict) -> list[dict]:
    return [q for answer in questions.values() for f in answer["facts"] for q in f["quotes"]]
