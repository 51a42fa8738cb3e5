"""Cron cycles of `termwatch run` against urlwatch on the same loopback page server: wall time, CPU time
and peak RSS (summed over each tool's processes) of the first cycle (every page new), the nothing-changed
cycle and a 10 %-changed cycle.

Usage: python benchmarks/cron_cycle.py [--pages N ...] [--runs R] [--no-urlwatch] [CORPUS]
  --pages 200 (default); e.g. --pages 1000 5000 for the scale runs.  --runs 3 (default): medians.
Run it with the dev venv's python. urlwatch is installed on first use into benchmarks/.venv-urlwatch
(its own venv, never the project's dependencies). Each run starts from a fresh database / cache.
"""

from __future__ import annotations

import argparse
import json
import os
import sqlite3
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from dataclasses import dataclass
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from pageserver import DEFAULT_CORPUS, PageServer  # noqa: E402

HERE = Path(__file__).resolve().parent
URLWATCH_VENV = HERE / ".venv-urlwatch"
URLWATCH_PACKAGES = ["urlwatch", "html2text", "cssselect", "lxml"]
TERMWATCH = Path(sys.executable).parent / "termwatch"
CYCLES = ("first (all new)", "nothing changed", "10 % changed")
CHANGED = 0.10
# Both tools run as installed for users: with their bytecode cache. A shell that sets
# PYTHONDONTWRITEBYTECODE would have every run compile changed modules again.
USER_ENV = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}
# Realistic crawl settings for loopback: no politeness delay, robots.txt fetched and obeyed.
CRAWL = "[crawl]\ntimeout = 30\nretries = 2\nconcurrency = 8\ndelay = 0\nobey_robots = true\n"


@dataclass
class Measure:
    wall: float
    cpu: float
    rss_mb: float
    code: int
    output: str


def _tree(pid: int) -> list[int]:
    """pid and its descendants (termwatch reads pages in a worker process)."""
    pids, i = [pid], 0
    while i < len(pids):
        try:
            for task in Path(f"/proc/{pids[i]}/task").iterdir():
                pids += [int(c) for c in (task / "children").read_text().split()]
        except OSError:
            pass
        i += 1
    return pids


def _rss_kb(pid: int) -> int:
    try:
        for line in Path(f"/proc/{pid}/status").read_text().splitlines():
            if line.startswith("VmRSS:"):
                return int(line.split()[1])
    except (OSError, ValueError):
        pass
    return 0


def _peak_rss(pid: int, peak: list[int], done: threading.Event) -> None:
    """Poll the summed RSS of the child and its descendants every 20 ms until it exits; keep the highest."""
    while not done.is_set():
        peak[0] = max(peak[0], sum(_rss_kb(p) for p in _tree(pid)))
        done.wait(0.02)


def measure(cmd: list[str], cwd: Path, env: dict | None = None) -> Measure:
    """Run cmd as a child: wall time, its CPU time (os.wait4: its own and its reaped children's) and the
    peak of its process tree's summed RSS.

    Not ru_maxrss: Linux carries the forking parent's high-water mark across exec into the child's
    ru_maxrss, and this parent holds the page server's pages; nor would it count the worker process."""
    out = cwd / "out.txt"
    peak, done = [0], threading.Event()
    with open(out, "w") as stdout:
        started = time.perf_counter()
        proc = subprocess.Popen(cmd, cwd=cwd, stdout=stdout, stderr=subprocess.STDOUT, env=env or USER_ENV)
        poller = threading.Thread(target=_peak_rss, args=(proc.pid, peak, done), daemon=True)
        poller.start()
        # Reap only once the child has exited (waitid with WNOWAIT), so the poller reads it to the end.
        os.waitid(os.P_PID, proc.pid, os.WEXITED | os.WNOWAIT)
        done.set()
        poller.join()
        _, status, usage = os.wait4(proc.pid, 0)
        wall = time.perf_counter() - started
    proc.returncode = os.waitstatus_to_exitcode(status)
    return Measure(wall, usage.ru_utime + usage.ru_stime, peak[0] / 1024, proc.returncode,
                   out.read_text(errors="replace"))


def urlwatch_bin() -> Path:
    exe = URLWATCH_VENV / "bin" / "urlwatch"
    if not exe.exists():
        print(f"installing urlwatch into {URLWATCH_VENV} …", file=sys.stderr)
        subprocess.run([sys.executable, "-m", "venv", str(URLWATCH_VENV)], check=True)
        subprocess.run([str(URLWATCH_VENV / "bin" / "pip"), "install", "-q", *URLWATCH_PACKAGES], check=True)
    return exe


class Termwatch:
    name = "termwatch"

    def __init__(self, server: PageServer, work: Path):
        self.work = work / "termwatch"
        self.work.mkdir()
        docs = []
        for page in server.pages:
            select = server.selectors[page.document] or ["body"]
            remove = server.removes[page.document]
            docs.append(f'[[documents]]\nid = "doc-{page.path[-4:]}"\nvendor = "Vendor {page.document}"\n'
                        f'audience = "commercial"\ntype = "Terms"\nurl = "{server.url(page)}"\n'
                        f"select = {json.dumps(select)}\nremove = {json.dumps(remove)}\n")
        (self.work / "config.toml").write_text(
            '[storage]\ndatabase = "termwatch.db"\n\n' + CRAWL + "\n" + "\n".join(docs))

    def cycle(self) -> Measure:
        m = measure([str(TERMWATCH), "--config", "config.toml", "run", "--json"], self.work)
        if m.code not in (0, 3):  # 3: finished, some fetches failed (a few corpus snapshots are error pages)
            raise SystemExit(f"termwatch run exited {m.code}:\n{m.output[-2000:]}")
        summary = json.loads(m.output[m.output.index("\n{") + 1:] if not m.output.startswith("{") else m.output)
        m.output = (f"fetched {summary['fetched']}, unchanged {summary['unchanged']}, "
                    f"new versions {summary['new_versions']}, failed {summary['failed']}")
        return m


class Urlwatch:
    name = "urlwatch"

    def __init__(self, server: PageServer, work: Path):
        self.work = work / "urlwatch"
        self.work.mkdir()
        jobs = []
        for page in server.pages:
            select = ", ".join(server.selectors[page.document]) or "body"
            # The html2text library (urlwatch's method "pyhtml2text"), not its default regex stripper. Its
            # method "html2text" runs an html2text program instead, which is not installed: every job failed.
            jobs.append(f"name: doc-{page.path[-4:]}\nurl: {server.url(page)}\n"
                        f"filter:\n  - css: {json.dumps(select)}\n  - html2text: pyhtml2text\n")
        (self.work / "urls.yaml").write_text("---\n".join(jobs))
        # Reports off: the benchmark measures checking, not printing a 200-page report.
        (self.work / "urlwatch.yaml").write_text("report:\n  stdout:\n    enabled: false\n")
        self.env = USER_ENV | {"HOME": str(self.work), "XDG_CONFIG_HOME": str(self.work),
                                 "XDG_CACHE_HOME": str(self.work)}
        self.exe = urlwatch_bin()

    def cycle(self) -> Measure:
        m = measure([str(self.exe), "--urls", "urls.yaml", "--config", "urlwatch.yaml", "--cache", "cache.db",
                     "--hooks", "hooks.py"], self.work, self.env)
        if m.code != 0:
            raise SystemExit(f"urlwatch exited {m.code}:\n{m.output[-2000:]}")
        failed = self.failed_jobs()
        if failed:  # urlwatch exits 0 when jobs fail; a failed job did no work and would flatter it
            raise SystemExit(f"urlwatch failed {failed} jobs; run it with --verbose in {self.work} to see why")
        return m

    def failed_jobs(self) -> int:
        """Jobs whose latest cache entry holds no text or counts a failed try."""
        with sqlite3.connect(self.work / "cache.db") as db:
            return db.execute(
                "select count(*) from CacheEntry e where timestamp = (select max(timestamp) from CacheEntry "
                "where guid = e.guid) and (data is null or data = 'None' or tries > 0)"
            ).fetchone()[0]


def one_run(pages: int, corpus: Path, tools: list, seed: int) -> dict:
    """Fresh server, database and cache; the three cycles for every tool on the same pages."""
    server = PageServer(pages, corpus).start()
    try:
        with tempfile.TemporaryDirectory(prefix="tw-cron-") as tmp:
            runners = [tool(server, Path(tmp)) for tool in tools]
            results: dict = {}
            for cycle in CYCLES:
                if cycle == CYCLES[2]:
                    server.switch(CHANGED, seed)
                for runner in runners:
                    requests = server.requests
                    m = runner.cycle()
                    m.output += f"; {server.requests - requests} page requests"
                    results[(cycle, runner.name)] = m
            return results
    finally:
        server.stop()


def med(runs: list[dict], cycle: str, name: str, attr: str) -> float:
    """Median over runs of one figure (wall, cpu or rss_mb) of one tool's cycle."""
    return statistics.median(getattr(r[(cycle, name)], attr) for r in runs)


def table(pages: int, runs: list[dict], tools: list) -> str:
    lines = [f"{pages} pages, median of {len(runs)} run(s)",
             f"{'cycle':<17} {'tool':<10} {'wall s':>8} {'CPU s':>7} {'peak RSS MB':>12}  notes (last run)"]
    for cycle in CYCLES:
        for tool in tools:
            wall, cpu, rss = (med(runs, cycle, tool.name, a) for a in ("wall", "cpu", "rss_mb"))
            notes = runs[-1][(cycle, tool.name)].output.strip().splitlines()
            note = notes[-1] if notes else ""
            lines.append(f"{cycle:<17} {tool.name:<10} {wall:>8.2f} {cpu:>7.2f} {rss:>12.0f}  {note}")
        if len(tools) == 2:
            ratios = [med(runs, cycle, "termwatch", a) / med(runs, cycle, "urlwatch", a)
                      for a in ("wall", "cpu", "rss_mb")]
            lines.append(f"{'':<17} {'ratio':<10} {ratios[0]:>8.2f} {ratios[1]:>7.2f} {ratios[2]:>12.2f}  "
                         "termwatch / urlwatch")
    return "\n".join(lines)


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("corpus", nargs="?", type=Path, default=DEFAULT_CORPUS)
    parser.add_argument("--pages", type=int, nargs="+", default=[200])
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--no-urlwatch", action="store_true", help="measure termwatch only (scale runs)")
    args = parser.parse_args(argv)
    if not TERMWATCH.exists():
        print(f"no termwatch next to {sys.executable}: run this with the dev venv's python", file=sys.stderr)
        return 1
    tools = [Termwatch] if args.no_urlwatch else [Termwatch, Urlwatch]
    for pages in args.pages:
        runs = [one_run(pages, args.corpus, tools, seed) for seed in range(args.runs)]
        print(table(pages, runs, tools), flush=True)
        print()
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
