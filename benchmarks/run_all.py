"""Every benchmark in one go, ending with one table of every figure against its target.

Usage: python benchmarks/run_all.py [CORPUS] [--runs R] [--scale]   (run it with the dev venv's python)
--runs 3 (default) for the cron cycles; --scale adds the 1,000 and 5,000 page cron cycles (termwatch
only, one run each; about 20 minutes more). Takes about 10 minutes without --scale.
"""

from __future__ import annotations

import argparse
import re
import subprocess
import sys
import tempfile
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

import cron_cycle  # noqa: E402
import per_page  # noqa: E402
import startup  # noqa: E402
import storage  # noqa: E402


def script(name: str, *args: str) -> str:
    """Run another benchmark script and return its output, echoed as it is."""
    out = subprocess.run([sys.executable, str(HERE / name), *args], check=True, capture_output=True, text=True).stdout
    print(out, flush=True)
    return out


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("corpus", nargs="?", type=Path, default=per_page.DEFAULT_CORPUS)
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--scale", action="store_true")
    args = parser.parse_args(argv)
    rows: list[tuple[str, str, str]] = []

    accuracy = script("replay_corpus.py", str(args.corpus))
    for label in ("with declared selectors", "with no selectors"):
        found = re.search(rf"{label}\s+precision ([\d.]+%)\s+recall ([\d.]+%)", accuracy)
        rows.append((f"accuracy of recorded changes, {label}", f"precision {found[1]}, recall {found[2]}", "-"))

    diff = script("diff_speed.py", str(args.corpus), "--no-scan")
    rows.append(("diff of the largest corpus pair", re.search(r"  diff +median +([\d.]+ ms)", diff)[1] + " median",
                 "< 50 ms"))

    with tempfile.TemporaryDirectory(prefix="tw-perpage-") as tmp:
        s = per_page.summary(per_page.replay(args.corpus, Path(tmp) / "termwatch.db"))
    rows.append(("processing per page, fetch excluded", f"median {s['median_ms']:.0f} ms, worst {s['worst_ms']:.0f} ms",
                 "median < 50 ms, worst < 500 ms"))

    st = storage.measure(args.corpus)
    rows.append(("database / raw bytes fetched (corpus replay)", f"{st['share']:.1%} ({st['used'] / 1e6:.1f} of "
                 f"{st['fetched'] / 1e6:.0f} MB)", "< 10 %"))
    rows.append(("bytes per unchanged fetch (200 / 304)", f"{st['per_200']:.0f} B / {st['per_304']:.0f} B", "< 1 kB"))

    for name, (median, _worst, slow) in startup.measure().items():
        if name.startswith("termwatch"):
            rows.append((f"start-up of `{name}`", f"{median * 1000:.0f} ms median"
                         + (f" (imports {', '.join(slow)})" if slow else ""), "< 300 ms"))

    sizes = [(200, [cron_cycle.Termwatch, cron_cycle.Urlwatch], args.runs)]
    if args.scale:
        sizes += [(1000, [cron_cycle.Termwatch], 1), (5000, [cron_cycle.Termwatch], 1)]
    for pages, tools, runs in sizes:
        results = [cron_cycle.one_run(pages, args.corpus, tools, seed) for seed in range(runs)]
        print(cron_cycle.table(pages, results, tools) + "\n", flush=True)
        for cycle in cron_cycle.CYCLES:
            tw = [cron_cycle.med(results, cycle, "termwatch", a) for a in ("wall", "cpu", "rss_mb")]
            figure = f"{tw[0]:.1f} s wall, {tw[1]:.1f} s CPU, {tw[2]:.0f} MB"
            if len(tools) == 2:
                uw = [cron_cycle.med(results, cycle, "urlwatch", a) for a in ("wall", "cpu", "rss_mb")]
                figure += f"; urlwatch {uw[0]:.1f} s, {uw[2]:.0f} MB; ratio {tw[0] / uw[0]:.2f}"
            rows.append((f"cron cycle, {pages} pages, {cycle}", figure,
                         "ratio <= 1, RSS < 250 MB" if len(tools) == 2 else "linear time, flat RSS"))

    width = max(len(r[0]) for r in rows)
    print(f"{'figure':<{width}}  {'measured':<60}  target")
    for name, figure, target in rows:
        print(f"{name:<{width}}  {figure:<60}  {target}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
