"""Processing per page, fetch excluded: every corpus snapshot, in order, through the real pipeline
(`Processor.handle`: extract + normalise + decide + diff + classify + store into a real SQLite file).

Usage: python benchmarks/per_page.py [CORPUS] [--profile]   (CORPUS defaults to ../shared/corpus)
Prints the median and worst page in CPU time (targets: median < 50 ms, worst < 500 ms), and the new
versions and the unchanged fetches apart. --profile adds cProfile's top functions.
"""

from __future__ import annotations

import cProfile
import json
import pstats
import statistics
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path[:0] = [str(REPO), str(REPO / "tests")]

import corpus  # noqa: E402
from monitor import config as config_mod  # noqa: E402
from monitor.app.run import Processor  # noqa: E402
from monitor.models import FetchResult  # noqa: E402
from monitor.store import write  # noqa: E402
from monitor.store.db import open_db  # noqa: E402

DEFAULT_CORPUS = REPO.parent / "shared" / "corpus"


@dataclass
class Timed:
    seconds: float
    bytes: int
    outcome: str  # "new" or "unchanged" (anything not a new version)
    name: str


def doc_id(doc: corpus.Document) -> str:
    return doc.dir.replace("/", "-")


def corpus_config(root: Path, database: Path) -> config_mod.Config:
    """A config watching the six corpus documents with the manifest's declared selectors."""
    parts = [f'[storage]\ndatabase = "{database}"\n']
    for doc in corpus.documents(root):
        parts.append(f'[[documents]]\nid = "{doc_id(doc)}"\nvendor = "{doc.dir.split("/")[0]}"\n'
                     f'audience = "commercial"\ntype = "Terms"\nurl = "{doc.url}"\n'
                     f"select = {json.dumps(doc.select)}\nremove = {json.dumps(doc.remove)}\n")
    return config_mod.parse("\n".join(parts), database.parent / "config.toml", {})


def replay(root: Path, database: Path, profiler: cProfile.Profile | None = None) -> list[Timed]:
    """Feed every snapshot, in date order per document, to one Processor on a real SQLite file."""
    config = corpus_config(root, database)
    db = open_db(database)
    write.sync_documents(db, config.documents)
    processor = Processor(db, config, {d.id: d for d in config.documents})
    timed = []
    for doc, snap, html in corpus.snapshots(root):
        fetch = FetchResult(doc_id(doc), doc.url, snap.date, 200, doc.url, "text/html; charset=utf-8", html,
                            etag=f'"{snap.seq}"')
        before = processor.new_versions
        if profiler:
            profiler.enable()
        # CPU time of this process: on a shared machine wall time also counts other processes' turns.
        started = time.process_time()
        processor.handle(fetch)
        seconds = time.process_time() - started
        if profiler:
            profiler.disable()
        outcome = "new" if processor.new_versions > before else "unchanged"
        timed.append(Timed(seconds, len(html.encode()), outcome, f"{doc.dir}/{snap.seq:04d}"))
    db.close()
    return timed


def summary(timed: list[Timed]) -> dict:
    seconds = [t.seconds for t in timed]
    worst = max(timed, key=lambda t: t.seconds)
    return {
        "pages": len(timed),
        "median_ms": statistics.median(seconds) * 1000,
        "worst_ms": worst.seconds * 1000,
        "worst_page": worst.name,
        "new": [t.seconds for t in timed if t.outcome == "new"],
        "unchanged": [t.seconds for t in timed if t.outcome != "new"],
        "total_s": sum(seconds),
    }


def main(argv: list[str]) -> int:
    profile = "--profile" in argv
    args = [a for a in argv if a != "--profile"]
    root = Path(args[0]) if args else DEFAULT_CORPUS
    if not (root / "manifest.json").is_file():
        print(f"no corpus at {root}: pass the folder that holds manifest.json", file=sys.stderr)
        return 1
    profiler = cProfile.Profile() if profile else None
    with tempfile.TemporaryDirectory(prefix="tw-perpage-") as tmp:
        s = summary(replay(root, Path(tmp) / "termwatch.db", profiler))
    print(f"corpus: {root}")
    print(f"{s['pages']} snapshots processed in {s['total_s']:.1f} CPU s: median {s['median_ms']:.0f} ms "
          f"(target < 50), worst {s['worst_ms']:.0f} ms (target < 500, {s['worst_page']})")
    for kind in ("new", "unchanged"):
        if s[kind]:
            print(f"  {kind + ' version' if kind == 'new' else 'same wording':<13} {len(s[kind]):>4} pages: "
                  f"median {statistics.median(s[kind]) * 1000:.0f} ms, worst {max(s[kind]) * 1000:.0f} ms")
    if profiler:
        pstats.Stats(profiler).sort_stats("cumulative").print_stats(30)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
