"""The database on a real, nearly full filesystem (a size-limited tmpfs): one clear line, nothing corrupted,
and once space is freed the next run records what the full one missed."""

from __future__ import annotations

import os
import random
import sqlite3
import subprocess

import pytest

from conftest import LONG, document_toml, report_figures, run_termwatch

DOCS = ("alpha-terms", "beta-privacy")
WORDS = ("customer data retention training models notice termination liability privacy account deletion "
         "processor controller subprocessor security incident audit confidentiality warranty").split()
ROUNDS = 10 if LONG else 2
# Room for every round's big versions once space is freed; a filler file takes all but a little of it first.
SIZE = f"{8 + 8 * ROUNDS}m"
LEAVE = (256 * 1024, 0, 3 * 1024 * 1024, 64 * 1024, 16 * 1024)


def page(doc: str, marker: str, words: int, rng: random.Random) -> str:
    body = " ".join(rng.choice(WORDS) for _ in range(words))
    return (f"<html><body><main><h1>{doc}</h1><p>Edition {marker} of these terms.</p>"
            f"<p>We retain customer content for 30 days.</p><p>{body}</p></main></body></html>")


@pytest.fixture
def small_disk(tmp_path):
    if os.geteuid() != 0:
        pytest.skip("mounting a size-limited tmpfs needs root (the README runs the tests as root)")
    disk = tmp_path / "disk"
    disk.mkdir()
    subprocess.run(["mount", "-t", "tmpfs", "-o", f"size={SIZE}", "tmpfs", str(disk)], check=True)
    yield disk
    subprocess.run(["umount", "-l", str(disk)], check=True)


def fill(disk, leave: int) -> None:
    """Write a filler file so that only about `leave` bytes stay free."""
    stat = os.statvfs(disk)
    free = stat.f_bavail * stat.f_frsize
    with open(disk / "filler", "wb") as out:
        out.write(b"\0" * max(free - leave, 0))


def test_disk_full_fails_clearly_keeps_history_and_recovers(pages, small_disk, tmp_path):
    rng = random.Random(3)
    rounds = ROUNDS
    cfg = tmp_path / "config.toml"
    cfg.write_text(
        f'[storage]\ndatabase = "{small_disk}/termwatch.db"\n\n'
        '[crawl]\nuser_agent = "termwatch-test/1.0"\ntimeout = 10\nretries = 0\nconcurrency = 4\n'
        "delay = 0\nobey_robots = false\n\n" + "\n".join(document_toml(d, pages.url(f"/{d}")) for d in DOCS)
    )
    db_path = small_disk / "termwatch.db"
    for d in DOCS:
        pages.set(f"/{d}", page(d, "one", 300, rng))
    assert run_termwatch(cfg, "run").code == 0

    messages, partial = [], 0
    for n in range(rounds):
        with sqlite3.connect(db_path) as conn:
            before = conn.execute("select id, document, text_sha256, text from versions order by id").fetchall()
            # Empty the WAL file: its already allocated blocks would otherwise be free room the filler cannot take.
            conn.execute("pragma wal_checkpoint(truncate)")
        # Pages far larger than the space left: the version write cannot fit.
        for d in DOCS:
            pages.set(f"/{d}", page(d, f"big {n}", 40_000, rng))
        # Different room each round, so the disk fills at different points: opening, the first or the second write.
        fill(small_disk, leave=LEAVE[n % len(LEAVE)])

        full = run_termwatch(cfg, "run")
        assert full.code == 1, full.stdout + full.stderr
        assert "Traceback" not in full.stderr
        lines = full.stderr.strip().splitlines()
        assert len(lines) == 1, full.stderr
        assert "database or disk is full" in lines[0] and "free space and run termwatch again" in lines[0]
        assert str(db_path) in lines[0]
        messages.append(lines[0])

        with sqlite3.connect(db_path) as conn:
            assert conn.execute("pragma integrity_check").fetchone()[0] == "ok"
            after = conn.execute("select id, document, text_sha256, text from versions order by id").fetchall()
        assert after[: len(before)] == before, "earlier versions are intact"
        partial += len(after) - len(before)

        (small_disk / "filler").unlink()
        freed = run_termwatch(cfg, "run", "--json")
        assert freed.code == 0, freed.stderr
        with sqlite3.connect(db_path) as conn:
            assert conn.execute("pragma integrity_check").fetchone()[0] == "ok"
            for d in DOCS:
                latest = conn.execute("select text from versions where document = ? order by id desc limit 1",
                                      [d]).fetchone()[0]
                assert f"Edition big {n} of these terms." in latest, (
                    "the run after freeing space records what was missed")
                count = conn.execute("select count(*) from versions where document = ? and text like ?",
                                     [d, f"%Edition big {n} of%"]).fetchone()[0]
                assert count == 1
    report_figures("diskfull", {"filesystem": f"tmpfs size={SIZE}", "full_runs": rounds, "exit_code": 1,
                                "message": messages[0], "integrity_check": "ok", "recovered_runs": rounds,
                                "versions_that_fit_before_the_disk_filled": partial})
