"""`termwatch run` killed with SIGKILL at random points, many times: nothing is lost, nothing is recorded twice.

Each round serves new wording of every document, kills a run after a random delay (during start-up, the
crawl, the writes or the alert delivery), checks the database, then lets a full run finish. At the end
every served wording is exactly one version and every alert event reached the webhook.
"""

from __future__ import annotations

import fcntl
import os
import random
import signal
import sqlite3
import subprocess
import time
from collections import Counter
from pathlib import Path

from conftest import LONG, document_toml, report_figures, run_termwatch, start_termwatch
from receivers import WebhookReceiver

DOCS = ("alpha-terms", "beta-privacy", "gamma-dpa")
# Slow pages spread the crawl over time, so kills land between documents and inside it.
PAGE_DELAYS = {"alpha-terms": 0.05, "beta-privacy": 0.3, "gamma-dpa": 0.6}
KILLS = 200 if LONG else 6


def page(doc: str, revision: int) -> str:
    """A terms page whose wording (training stance, retention period, revision) changes every revision."""
    training = ("We do not use customer data to train our models." if revision % 2 == 0 else
                "We may use customer data to train and improve our models unless you opt out.")
    filler = "".join(
        f"<p>Section {i} of the {doc} terms explains obligations of both parties in plain words, "
        f"including notices, liability, termination and the law that governs this agreement.</p>"
        for i in range(12)
    )
    return (
        f"<html><head><title>{doc}</title></head><body><nav>Home | Legal</nav><main>"
        f"<h1>{doc} terms</h1><p>This is revision number {revision} of these terms, "
        f"which replaces revision number {revision - 1}.</p>"
        f"<h2>Customer data</h2><p>{training}</p>"
        f"<h2>Retention</h2><p>We retain customer content for {30 + revision} days after the account is deleted.</p>"
        f"{filler}</main></body></html>"
    )


def config_text(pages, hook: WebhookReceiver | None) -> str:
    docs = "\n".join(document_toml(d, pages.url(f"/{d}")) for d in DOCS)
    return (
        '[storage]\ndatabase = "data/termwatch.db"\n\n'
        '[crawl]\nuser_agent = "termwatch-test/1.0"\ntimeout = 10\nretries = 0\nconcurrency = 4\n'
        "delay = 0\nobey_robots = false\n\n" + docs + "\n"
        '[[agreements]]\nid = "acme-example"\nvendor = "Example AI"\n'
        f"documents = {list(DOCS)!r}\nsigned_on = 2020-01-01\n\n".replace("'", '"')
        + (f'[[alerts]]\nid = "hook"\nurls = ["json://{hook.base}/hook"]\n' if hook else "")
    )


def snapshot(db_path: Path) -> dict:
    with sqlite3.connect(db_path) as conn:
        one = lambda sql: conn.execute(sql).fetchone()[0]  # noqa: E731
        return {
            "fetches": one("select count(*) from fetches"),
            "versions": one("select count(*) from versions"),
            "events": one("select count(*) from events"),
            "sent": one("select count(*) from deliveries where status = 'sent'"),
            "unsent_keys": {r[0] for r in conn.execute(
                "select e.key from deliveries d join events e on e.id = d.event where d.status != 'sent'")},
        }


def integrity(db_path: Path) -> str:
    with sqlite3.connect(db_path) as conn:
        return conn.execute("pragma integrity_check").fetchone()[0]


def where_landed(before: dict, after: dict) -> str:
    """Infer from what the killed run committed where the kill hit it."""
    new_fetches = after["fetches"] - before["fetches"]
    if new_fetches == 0:
        return "start-up or crawl, before the first write"
    if new_fetches < len(DOCS):
        return "crawl and writes, between documents"
    if after["unsent_keys"] and after["sent"] == before["sent"]:
        return "after the writes, before the first alert was marked sent"
    if after["unsent_keys"]:
        return "alert delivery, between deliveries"
    return "after delivery, while finishing"


def held(lock: Path) -> bool:
    fd = os.open(lock, os.O_RDWR)
    try:
        fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        fcntl.flock(fd, fcntl.LOCK_UN)
        return False
    except BlockingIOError:
        return True
    finally:
        os.close(fd)


def test_sigkill_at_random_points_loses_and_duplicates_nothing(pages, tmp_path):
    seed = int(os.environ.get("TERMWATCH_SEED", "6"))
    rng = random.Random(seed)
    with WebhookReceiver() as hook:
        hook.delay = 0.15  # a slow receiver: kills land while a delivery is in flight
        cfg = tmp_path / "config.toml"
        cfg.write_text(config_text(pages, hook))
        db_path = tmp_path / "data" / "termwatch.db"
        lock = db_path.with_name(db_path.name + ".lock")

        def serve(revision: int) -> None:
            for d in DOCS:
                pages.set(f"/{d}", page(d, revision), delay=PAGE_DELAYS[d])

        serve(0)
        started = time.monotonic()
        first = run_termwatch(cfg, "run", "--json")
        full_run = time.monotonic() - started
        assert first.code == 0, first.stderr

        landed, in_doubt, codes = Counter(), 0, Counter()
        for revision in range(1, KILLS + 1):
            serve(revision)
            before = snapshot(db_path)
            received_before = len(hook.requests)
            proc = start_termwatch(cfg, "run", "--json", stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
            time.sleep(rng.uniform(0.2, full_run * 1.1))
            proc.send_signal(signal.SIGKILL)
            proc.wait()
            assert integrity(db_path) == "ok", f"kill {revision}"
            assert not held(lock), "the kernel released the killed run's flock"
            after = snapshot(db_path)
            landed[where_landed(before, after) if proc.returncode == -signal.SIGKILL else "run had finished"] += 1
            # A delivery the receiver got but the killed run had not marked sent: it will be sent again.
            in_doubt += sum(1 for r in hook.requests[received_before:]
                            if r.headers.get("Idempotency-Key") in after["unsent_keys"])

            rerun = run_termwatch(cfg, "run", "--json")
            codes[rerun.code] += 1
            assert rerun.code == 0, rerun.stderr
            assert integrity(db_path) == "ok"

    with sqlite3.connect(db_path) as conn:
        for d in DOCS:
            texts = [r[0] for r in conn.execute("select text from versions where document = ? order by id", [d])]
            # Every served wording exactly once, in order: none lost, none duplicated.
            assert [t.count(f"revision number {r} of") for r, t in enumerate(texts)] == [1] * (KILLS + 1), d
            assert len(texts) == KILLS + 1
            assert conn.execute("select count(*) from changes where document = ?", [d]).fetchone()[0] == KILLS
        changes = conn.execute("select count(*) from events where kind = 'change'").fetchone()[0]
        assert changes == len(DOCS) * KILLS
        assert conn.execute("select count(*) from deliveries where status != 'sent'").fetchone()[0] == 0
        keys = [r[0] for r in conn.execute("select key from events order by id")]
        integrity_ok = conn.execute("pragma integrity_check").fetchone()[0]

    received = Counter(r.headers.get("Idempotency-Key") for r in hook.requests)
    assert set(received) == set(keys), "every event reached the webhook, and nothing else did"
    duplicates = sum(n - 1 for n in received.values())
    # Delivery is at least once: the only repeats are deliveries in flight when the run was killed.
    assert duplicates == in_doubt
    for key in (k for k, n in received.items() if n > 1):
        bodies = {r.body for r in hook.requests if r.headers.get("Idempotency-Key") == key}
        assert len(bodies) == 1, "a repeat is the same message, so the receiver can drop it by its key"
    report_figures("kill", {
        "seed": seed, "kills": KILLS, "runs": 1 + 2 * KILLS, "landed": dict(landed), "rerun_exit_codes": dict(codes),
        "versions": len(DOCS) * (KILLS + 1), "events": len(keys), "deliveries_received": len(hook.requests),
        "duplicate_deliveries": duplicates, "in_flight_at_kill": in_doubt, "lost_events": 0,
        "integrity_check": integrity_ok,
    })


def test_sigkill_while_the_first_run_creates_the_database(pages, tmp_path):
    """Killed during start-up of a first run (schema migrations, the first writes): the next run still works."""
    rng = random.Random(int(os.environ.get("TERMWATCH_SEED", "6")))
    for d in DOCS:
        pages.set(f"/{d}", page(d, 0))
    tries = 50 if LONG else 5
    created = 0
    for n in range(tries):
        folder = tmp_path / f"fresh-{n}"
        folder.mkdir()
        cfg = folder / "config.toml"
        cfg.write_text(config_text(pages, None))
        proc = start_termwatch(cfg, "run", stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        time.sleep(rng.uniform(0.3, 1.5))
        proc.send_signal(signal.SIGKILL)
        proc.wait()
        db_path = folder / "data" / "termwatch.db"
        if db_path.exists():
            created += 1
            assert integrity(db_path) == "ok"
        rerun = run_termwatch(cfg, "run", "--json")
        assert rerun.code == 0, rerun.stderr
        with sqlite3.connect(db_path) as conn:
            assert conn.execute("select count(*) from versions").fetchone()[0] == len(DOCS)
    report_figures("kill-first-run", {"kills": tries, "database_existed_at_kill": created})
