"""A run reads pages in one worker process while it crawls and stores: the worker never outlives the run,
whether the run ends, is interrupted or is killed, and a worker that dies ends the run with one clear line."""

from __future__ import annotations

import os
import signal
import sqlite3
import subprocess
import time
import uuid
from pathlib import Path

from conftest import document_toml, start_termwatch

DOCS = [f"doc-{i}" for i in range(12)]


def terms(doc: str) -> str:
    clauses = "".join(f"<p>Clause {i} of the {doc} terms binds both parties to plain obligations.</p>"
                      for i in range(20))
    return f"<html><head><title>{doc}</title></head><body><main><h1>{doc}</h1>{clauses}</main></body></html>"


def start(tmp_path: Path, pages) -> tuple[subprocess.Popen, str]:
    """A run over slow pages (one at a time, 0.4 s each), started in its own process group; returns it and
    the marker in its environment, which its worker inherits."""
    for doc in DOCS:
        pages.set(f"/{doc}", terms(doc), delay=0.4)
    config = tmp_path / "config.toml"
    config.write_text('[storage]\ndatabase = "termwatch.db"\n\n[crawl]\ntimeout = 10\nretries = 0\nconcurrency = 1\n'
                      "delay = 0\nobey_robots = false\n\n"
                      + "\n".join(document_toml(d, pages.url(f"/{d}")) for d in DOCS))
    marker = uuid.uuid4().hex
    proc = start_termwatch(config, "run", env={**os.environ, "TERMWATCH_TEST_MARKER": marker}, start_new_session=True,
                           stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    return proc, marker


def marked(marker: str) -> dict[int, str]:
    """Live processes (not zombies) with the marker in their environment: pid -> command line."""
    found = {}
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        try:
            if f"TERMWATCH_TEST_MARKER={marker}".encode() not in (entry / "environ").read_bytes():
                continue
            if (entry / "stat").read_text().rsplit(")", 1)[1].split()[0] == "Z":
                continue
            found[int(entry.name)] = (entry / "cmdline").read_bytes().replace(b"\0", b" ").decode()
        except OSError:  # gone meanwhile, or not ours to read
            continue
    return found


def worker(marker: str, timeout: float = 20) -> int:
    """The pid of the run's page-reading worker, once it has started."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        for pid, cmd in marked(marker).items():
            if "spawn_main" in cmd:
                return pid
        time.sleep(0.05)
    raise AssertionError("no worker process started")


def gone(marker: str, timeout: float = 10) -> dict[int, str]:
    """Waits for every marked process to end; returns those still alive at the deadline."""
    deadline = time.monotonic() + timeout
    while marked(marker) and time.monotonic() < deadline:
        time.sleep(0.1)
    return marked(marker)


def versions(tmp_path: Path) -> int:
    db = sqlite3.connect(tmp_path / "termwatch.db")
    assert db.execute("pragma integrity_check").fetchone() == ("ok",)
    return db.execute("select count(*) from versions").fetchone()[0]


def test_a_finished_run_ends_its_worker(tmp_path, pages):
    proc, marker = start(tmp_path, pages)
    worker(marker)
    out, err = proc.communicate(timeout=60)
    assert proc.returncode == 0, err
    assert "Traceback" not in err
    assert versions(tmp_path) == len(DOCS)
    assert gone(marker) == {}


def test_a_killed_run_leaves_no_worker_behind(tmp_path, pages):
    proc, marker = start(tmp_path, pages)
    worker(marker)
    proc.kill()
    proc.wait(timeout=10)
    # The worker and multiprocessing's resource tracker notice their parent is gone and end.
    assert gone(marker) == {}
    assert versions(tmp_path) < len(DOCS)


def test_an_interrupted_run_stops_cleanly_with_its_worker(tmp_path, pages):
    proc, marker = start(tmp_path, pages)
    worker(marker)
    time.sleep(1)
    os.killpg(proc.pid, signal.SIGINT)  # Ctrl-C at a terminal reaches the whole process group
    out, err = proc.communicate(timeout=60)
    assert "Traceback" not in err
    assert gone(marker) == {}
    assert 0 < versions(tmp_path) < len(DOCS)


def test_a_worker_that_dies_ends_the_run_with_one_line(tmp_path, pages):
    proc, marker = start(tmp_path, pages)
    os.kill(worker(marker), signal.SIGKILL)  # as the kernel's out-of-memory killer would
    out, err = proc.communicate(timeout=60)
    assert proc.returncode == 1
    assert err.strip().splitlines() == [
        "Error: the process reading pages stopped unexpectedly (out of memory?); run again"]
    assert gone(marker) == {}
    assert versions(tmp_path) < len(DOCS)
