"""`termwatch demo`: the offline tour records the real June 2026 change and delivers a drift alert on loopback."""

from __future__ import annotations

import subprocess
import sys

import sqlite_utils

from conftest import ROOT


def test_demo_records_the_real_change_and_delivers_the_drift_alert(tmp_path):
    proc = subprocess.run([sys.executable, "-m", "monitor", "demo", "--dir", str(tmp_path / "tour")],
                          capture_output=True, text=True, timeout=300, cwd=ROOT)
    assert proc.returncode == 0, proc.stderr
    out = proc.stdout
    assert "Open Terms Archive, ODC-By 1.0" in out
    assert out.count("CHANGE [training,retention,access]") == 1
    assert out.count("unchanged (noise only)") == 3
    assert "DRIFTED [training,retention,access]" in out
    assert "the earliest recorded version (1) stands in for the signed wording" in out
    assert "Alerts delivered to the local webhook: 1" in out
    assert "Drift: Anthropic Privacy Policy no longer matches agreement demo-claude-pro" in out
    db = sqlite_utils.Database(tmp_path / "tour" / "termwatch.db")
    assert db["versions"].count == 2 and db["changes"].count == 1
    assert [r["status"] for r in db["deliveries"].rows] == ["sent"]
