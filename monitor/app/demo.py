"""The offline tour: replays real snapshots of one Anthropic page on 127.0.0.1 through `termwatch run`.

Each snapshot is recorded at the date Open Terms Archive fetched it, so the versions, the change, the drift
finding and its alert carry the dates of the story the demo tells. The snapshots ship in monitor/app/demo/
(Open Terms Archive data, ODC-By 1.0; see ATTRIBUTION.md there).

Run as `python -m monitor.app.demo CONFIG AT`, this module is one run of the tour: `termwatch run --json`
recorded at AT.
"""

from __future__ import annotations

import gzip
import json
import subprocess
import sys
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import asdict, dataclass
from datetime import UTC, datetime
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

from monitor.analysis.diff import Hunk, diff_texts
from monitor.app.agreements import drift_report
from monitor.config import load
from monitor.errors import TermwatchError
from monitor.store import read
from monitor.store.db import open_db

DATA = Path(__file__).resolve().parent / "demo"
PAGE_PATH = "/legal/privacy"
DOCUMENT = "anthropic-privacy-policy"
# Marks a folder as the demo's own. A later demo there starts over by removing OWN_FILES, and nothing else.
MARKER = ".termwatch-demo"
OWN_FILES = ("config.toml", "termwatch.db", "termwatch.db-wal", "termwatch.db-shm", "termwatch.db.lock")
SIGNED_ON = "2026-06-01"  # after the first snapshot (May 20), before the June policy: v1 is what was signed


def snapshots() -> list[dict]:
    """The shipped snapshots in replay order, each with its date and what Open Terms Archive saw."""
    return json.loads((DATA / "snapshots.json").read_text())["snapshots"]


def fetched_at(snap: dict) -> str:
    """The snapshot's fetch date as termwatch writes times (UTC ISO-8601, seconds, +00:00)."""
    return datetime.fromisoformat(snap["date"]).astimezone(UTC).isoformat(timespec="seconds")


def prepare(workdir: Path) -> bool:
    """Make workdir the demo's folder; True when it was an earlier demo's, whose own files were removed.

    A new or empty folder is marked as the demo's. A folder an earlier demo marked starts over: only the
    config, database and lock the demo writes there are removed, so each run replays the whole story. Any
    other folder is refused, so the demo never overwrites or deletes files it did not make.
    """
    marker = workdir / MARKER
    try:
        if marker.is_file():
            for name in OWN_FILES:
                (workdir / name).unlink(missing_ok=True)
            return True
        if workdir.exists() and any(workdir.iterdir()):
            raise TermwatchError(f"{workdir} is not empty and was not made by `termwatch demo`; "
                                 "give --dir a new or empty folder")
        workdir.mkdir(parents=True, exist_ok=True)
        marker.write_text("Made by `termwatch demo`. Running the demo here again removes "
                          f"{', '.join(OWN_FILES)} and replays the tour; nothing else here is touched.\n")
    except OSError as err:
        raise TermwatchError(f"{workdir}: cannot prepare the demo's folder ({err.strerror}); "
                             "give --dir a folder you can write to") from None
    return False


@contextmanager
def serve(page: dict, received: list[dict]) -> Iterator[str]:
    """Serve page["body"] (changed by the caller between runs) at one loopback URL; keep alerts POSTed to it."""

    class Handler(BaseHTTPRequestHandler):
        def do_GET(self):
            body = page["body"] if self.path == PAGE_PATH else b""
            self.send_response(200 if body else 404)
            self.send_header("Content-Type", "text/html; charset=utf-8")
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

        def do_POST(self):
            length = int(self.headers.get("Content-Length") or 0)
            received.append(json.loads(self.rfile.read(length) or b"{}"))
            self.send_response(200)
            self.send_header("Content-Length", "0")
            self.end_headers()

        def log_message(self, *args):
            pass

    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        yield f"127.0.0.1:{server.server_port}"
    finally:
        server.shutdown()
        server.server_close()


def write_config(workdir: Path, host: str) -> Path:
    config = workdir / "config.toml"
    config.write_text(
        "# Written by `termwatch demo`: one real page served from 127.0.0.1, an agreement signed before\n"
        "# the June 2026 policy, and a JSON webhook on 127.0.0.1 that receives the alerts.\n"
        "# The page server and the webhook live only while the demo runs.\n"
        '[storage]\ndatabase = "termwatch.db"\n\n'
        '[crawl]\ntimeout = 10\nretries = 0\ndelay = 0\nobey_robots = false\n\n'
        '[[documents]]\nid = "anthropic-privacy-policy"\nvendor = "Anthropic"\naudience = "consumer"\n'
        f'type = "Privacy Policy"\nurl = "http://{host}{PAGE_PATH}"\n\n'
        '[[agreements]]\nid = "demo-claude-pro"\nvendor = "Anthropic"\ndocuments = ["anthropic-privacy-policy"]\n'
        f'signed_on = {SIGNED_ON}\nnotes = "Team subscription signed under the May 2026 privacy policy"\n\n'
        '[[alerts]]\nid = "demo-webhook"\n'
        f'urls = ["json://{host}/alerts"]\nevents = ["drift"]\nonly = ["training", "retention"]\n'
    )
    return config


def replay(workdir: Path, received: list[dict]) -> Iterator[tuple[dict, dict]]:
    """Run `termwatch run --json` once per shipped snapshot, at its date; yield each snapshot with the run's summary.

    workdir is a folder `prepare` made ready. Each run is its own process, as cron would start it (and because
    Scrapy's reactor starts once). Alerts the runs deliver are appended to `received`.
    """
    page: dict = {"body": b""}
    with serve(page, received) as host:
        config = write_config(workdir, host)
        for snap in snapshots():
            page["body"] = gzip.decompress((DATA / snap["file"]).read_bytes())
            proc = subprocess.run(
                [sys.executable, "-m", "monitor.app.demo", str(config), fetched_at(snap)],
                capture_output=True, text=True, timeout=300,
            )
            if proc.returncode not in (0, 3):
                raise TermwatchError(f"demo: termwatch run failed: {proc.stderr.strip() or proc.returncode}")
            yield snap, json.loads(proc.stdout)


@dataclass(frozen=True)
class Outcome:
    """What the tour left behind, as `termwatch changes`, `diff` and `drift` would show it."""

    config: Path
    changes: list[dict]
    training_hunks: list[Hunk]  # the first three hunks of the change that speak of training
    drift: list[dict]
    alerts: list[dict]  # as the local webhook received them


def outcome(workdir: Path, received: list[dict]) -> Outcome:
    """Read what the replay in workdir recorded; `received` holds the alerts it delivered."""
    path = workdir / "config.toml"
    config = load(path)
    db = open_db(config.storage.database, create=False)
    old, new = read.version_pair(db, DOCUMENT, None, None)
    hunks = [h for h in diff_texts(old.text, new.text) if "train" in (h.old + h.new).lower()][:3]
    return Outcome(path, read.changes(db), hunks, drift_report(db, config), received)


def run_at(config_path: str, at: str) -> None:
    """One run of the tour in this process: what `termwatch run --json` does, recorded at `at`."""
    from monitor.app.run import run

    try:
        summary = run(load(Path(config_path)), now=at)
    except TermwatchError as err:
        sys.exit(f"Error: {err}")
    print(json.dumps(asdict(summary)))


if __name__ == "__main__":
    run_at(*sys.argv[1:])
