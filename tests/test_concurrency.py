"""Overlapping runs never interleave (the second exits with one clear line), and readers during a run
never fail with "database is locked" nor see half of a run's writes."""

from __future__ import annotations

import json
import re
import sqlite3
import subprocess
import time
from pathlib import Path

from conftest import LONG, document_toml, report_figures, run_termwatch, start_termwatch
from receivers import WebhookReceiver

DOCS = tuple(f"doc-{i}" for i in range(6))
LOCK_LINE = re.compile(
    r"^Error: .*termwatch\.db: another termwatch run is in progress \(pid (\d+|unknown)\); wait for it to finish$"
)


def page(doc: str, edition: int) -> str:
    stance = ("We do not use customer data to train our models." if edition % 2 == 0 else
              "We may use customer data to train our models unless you opt out.")
    filler = "".join(f"<p>Clause {i} of {doc} sets out notices, liability and termination.</p>" for i in range(10))
    return (f"<html><body><main><h1>{doc}</h1><p>Edition number {edition} of these terms.</p>"
            f"<h2>Customer data</h2><p>{stance}</p><h2>Retention</h2>"
            f"<p>We retain customer content for {30 + edition} days.</p>{filler}</main></body></html>")


def write_cfg(tmp_path: Path, pages, concurrency: int = 2) -> Path:
    cfg = tmp_path / "config.toml"
    cfg.write_text(
        '[storage]\ndatabase = "data/termwatch.db"\n\n'
        f'[crawl]\nuser_agent = "termwatch-test/1.0"\ntimeout = 10\nretries = 0\nconcurrency = {concurrency}\n'
        "delay = 0\nobey_robots = false\n\n" + "\n".join(document_toml(d, pages.url(f"/{d}")) for d in DOCS)
        + '\n[[agreements]]\nid = "acme"\nvendor = "Example AI"\ndocuments = ["doc-0", "doc-1"]\n'
        + "signed_on = 2020-01-01\n"
    )
    return cfg


def serve(pages, edition: int, delay: float) -> None:
    for d in DOCS:
        pages.set(f"/{d}", page(d, edition), delay=delay)


def start_run(cfg: Path) -> subprocess.Popen:
    return start_termwatch(cfg, "run", "--json", stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)


def counts(db_path: Path) -> dict:
    with sqlite3.connect(db_path) as conn:
        return {t: conn.execute(f"select count(*) from {t}").fetchone()[0] for t in ("fetches", "versions", "changes")}


def test_two_runs_started_together_never_interleave(pages, tmp_path):
    """Both start on a fresh database at once, again and again: one runs, the other stops with the lock line."""
    cfg = write_cfg(tmp_path, pages)
    rounds = 20 if LONG else 3
    refused = 0
    for edition in range(rounds):
        serve(pages, edition, delay=0.3)
        a, b = start_run(cfg), start_run(cfg)
        results = [(p.wait(timeout=120), *p.communicate()) for p in (a, b)]
        codes = sorted(code for code, _, _ in results)
        assert codes == [0, 1], results
        loser = next(err for code, _, err in results if code == 1)
        assert LOCK_LINE.match(loser.strip()), loser
        refused += 1
        # Exactly one run's writes: one fetch and one new version per document, no duplicates.
        assert counts(tmp_path / "data" / "termwatch.db") == {
            "fetches": len(DOCS) * (edition + 1), "versions": len(DOCS) * (edition + 1), "changes": len(DOCS) * edition}
    report_figures("concurrent-runs", {"pairs_started_together": rounds, "refused_with_lock_line": refused,
                                       "interleaved": 0})


def test_readers_during_a_run_never_fail_nor_see_half_a_run(pages, tmp_path):
    cfg = write_cfg(tmp_path, pages, concurrency=1)
    db_path = tmp_path / "data" / "termwatch.db"
    serve(pages, 0, delay=0)
    assert run_termwatch(cfg, "run").code == 0
    runs = 3 if LONG else 1
    reads, seen_changes, seen_versions = 0, [], set()
    for edition in range(1, runs + 1):
        serve(pages, edition, delay=0.8)  # one page at a time: the run writes for about 5 s
        writer = start_run(cfg)
        while writer.poll() is None:
            for args in (("changes", "--json"), ("drift", "--json"), ("status", "--json"),
                         ("report", "--out", str(tmp_path / "site"))):
                result = run_termwatch(cfg, *args, env={"NO_COLOR": "1"})
                reads += 1
                assert result.code == 0 and "locked" not in result.stderr, (args, result.stderr)
                if args[0] == "changes":
                    rows = result.json()
                    seen_changes.append(len(rows))
                    # A change is committed with its version: never one without the other.
                    assert all(r["to_version"] > r["from_version"] for r in rows)
                elif args[0] == "status":
                    assert all(r["versions"] >= 1 for r in result.json())
                elif args[0] == "drift":
                    json.loads(result.stdout)
            with sqlite3.connect(db_path) as conn:
                # One read transaction: every change has both versions, every version its fetch.
                conn.execute("begin")
                orphans = conn.execute(
                    "select count(*) from changes c"
                    " where not exists (select 1 from versions v where v.id = c.to_version)"
                    " or not exists (select 1 from versions v where v.id = c.from_version)").fetchone()[0]
                unfetched = conn.execute(
                    "select count(*) from versions v where not exists "
                    "(select 1 from fetches f where f.id = v.fetch_id and f.version_id = v.id)").fetchone()[0]
                versions = conn.execute("select count(*) from versions").fetchone()[0]
                changes = conn.execute("select count(*) from changes").fetchone()[0]
                conn.execute("commit")
            assert orphans == 0 and unfetched == 0
            seen_versions.add(versions)
            # Each new version of this run comes with its change, in the same transaction.
            assert versions - len(DOCS) == changes
        out, err = writer.communicate()
        assert writer.returncode == 0, err
    assert seen_changes == sorted(seen_changes), "readers never see the count of changes go back"
    assert counts(db_path)["changes"] == len(DOCS) * runs
    assert len(seen_versions) >= 2, "the readers ran while the run was writing"
    report_figures("readers-during-run", {"runs": runs, "reader_invocations": reads, "reader_failures": 0,
                                          "partial_states_seen": 0,
                                          "distinct_states_read": len(seen_versions)})


def test_outbox_retry_during_a_run_sends_nothing_twice(pages, tmp_path):
    """`outbox retry` while a run is delivering would send the same alerts again; it waits for the lock instead."""
    with WebhookReceiver() as hook:
        cfg = write_cfg(tmp_path, pages)
        cfg.write_text(cfg.read_text() + f'\n[[alerts]]\nid = "hook"\nurls = ["json://{hook.base}/hook"]\n')
        serve(pages, 0, delay=0)
        assert run_termwatch(cfg, "run").code == 0
        hook.down = True  # every alert of the next run fails and stays due
        serve(pages, 1, delay=0)
        assert run_termwatch(cfg, "run").code == 3
        hook.down, hook.delay = False, 0.5  # a slow receiver: the next run delivers for several seconds
        serve(pages, 1, delay=0)
        writer = start_run(cfg)
        while not hook.requests:
            assert writer.poll() is None, writer.communicate()
            time.sleep(0.05)
        retry = run_termwatch(cfg, "outbox", "retry")
        out, err = writer.communicate(timeout=120)
        assert writer.returncode == 0, err
    assert retry.code == 1 and LOCK_LINE.match(retry.stderr.strip()), retry.stderr
    keys = [r.headers.get("Idempotency-Key") for r in hook.requests]
    assert keys and len(keys) == len(set(keys)), "no alert was sent twice"
