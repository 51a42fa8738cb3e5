"""`termwatch demo`: the offline tour records the real June 2026 change, at the dates of its snapshots, and
delivers a drift alert on loopback."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

import pytest
import sqlite_utils

from conftest import ROOT
from monitor import demo

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
