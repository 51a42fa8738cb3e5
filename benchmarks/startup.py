"""Start-up of the read-only commands: `termwatch status` and `termwatch changes --json`, each run as a
fresh process, median and worst of 10, with a 200-document config that has alert channels configured.

Usage: python benchmarks/startup.py [--runs N]   (run it with the dev venv's python)
Target: median under 300 ms. Also lists which slow packages the command imported (none should be).
"""

from __future__ import annotations

import argparse
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path[:0] = [str(REPO), str(REPO / "benchmarks")]

from cron_cycle import USER_ENV  # noqa: E402
from monitor.config import load  # noqa: E402
from monitor.store import write  # noqa: E402
from monitor.store.db import open_db  # noqa: E402

TERMWATCH = Path(sys.executable).parent / "termwatch"
COMMANDS = (["status"], ["changes", "--json"])
SLOW = ("apprise", "scrapy", "twisted", "bs4", "soupsieve", "lxml", "diff_match_patch")


def workspace(folder: Path, documents: int = 200) -> Path:
    """A config of `documents` documents with selectors and two alert channels, and its database."""
    parts = ['[storage]\ndatabase = "termwatch.db"\n']
    for i in range(documents):
        parts.append(f'[[documents]]\nid = "doc-{i:04d}"\nvendor = "Vendor {i % 6}"\naudience = "commercial"\n'
                     f'type = "Terms"\nurl = "https://example.com/doc/{i:04d}"\nselect = ["main"]\n'
                     'remove = ["main .sr-only", "select[name=\\"Locale Select\\"]"]\n')
    parts.append('[[alerts]]\nid = "ops"\nurls = ["json://127.0.0.1:9/hook", "mailto://u:p@example.com?to=legal@example.com"]\n')
    parts.append('[[alerts]]\nid = "legal"\nurls = ["json://127.0.0.1:9/legal"]\nonly = ["training", "retention"]\n')
    path = folder / "config.toml"
    path.write_text("\n".join(parts))
    config = load(path)
    write.sync_documents(open_db(config.storage.database), config.documents)
    return path




def timed(cmd: list[str], runs: int) -> list[float]:
    subprocess.run(cmd, check=True, capture_output=True, env=USER_ENV)  # warm-up: writes the bytecode cache
    times = []
    for _ in range(runs):
        started = time.perf_counter()
        subprocess.run(cmd, check=True, capture_output=True, env=USER_ENV)
        times.append(time.perf_counter() - started)
    return times


def imported(config: Path, args: list[str]) -> list[str]:
    """The slow packages a command imports, seen from inside one in-process invocation."""
    probe = ("import sys; from monitor.cli import cli\n"
             f"try: cli.main({['--config', str(config), *args]!r})\n"
             "except SystemExit: pass\n"
             f"print(','.join(m for m in {SLOW!r} if m in sys.modules), file=sys.stderr)")
    done = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True)
    return [m for m in done.stderr.strip().splitlines()[-1].split(",") if m] if done.stderr.strip() else []


def measure(runs: int = 10) -> dict[str, tuple[float, float, list[str]]]:
    """Per command: median and worst seconds, and the slow packages it imported."""
    out = {}
    with tempfile.TemporaryDirectory(prefix="tw-startup-") as tmp:
        config = workspace(Path(tmp))
        baseline = timed([sys.executable, "-c", "pass"], runs)
        out["python -c pass"] = (statistics.median(baseline), max(baseline), [])
        for command in COMMANDS:
            times = timed([str(TERMWATCH), "--config", str(config), *command], runs)
            out["termwatch " + " ".join(command)] = (statistics.median(times), max(times), imported(config, command))
    return out


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=10)
    args = parser.parse_args(argv)
    print(f"{'command':<28} {'median ms':>10} {'worst ms':>9}  slow packages imported")
    for name, (median, worst, slow) in measure(args.runs).items():
        imported = ", ".join(slow) or ("-" if "python" in name else "none")
        print(f"{name:<28} {median * 1000:>10.0f} {worst * 1000:>9.0f}  {imported}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
