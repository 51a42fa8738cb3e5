"""Replay the full corpus through judge + decide (in memory) and print, per document, the snapshots,
recorded changes, true / false positives, misses, precision and recall, with the manifest's declared
selectors and with none. The same replay runs in the test suite on the fixture subset.

Usage: python benchmarks/replay_corpus.py [CORPUS] [-v]   (CORPUS defaults to ../shared/corpus)
-v also lists every recorded change, miss and failed fetch.
"""

from __future__ import annotations

import sys
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path[:0] = [str(REPO), str(REPO / "tests")]

import corpus  # noqa: E402


def main(argv: list[str]) -> int:
    verbose = "-v" in argv
    args = [a for a in argv if a != "-v"]
    root = Path(args[0]) if args else REPO.parent / "shared" / "corpus"
    if not (root / "manifest.json").is_file():
        print(f"no corpus at {root}: pass the folder that holds manifest.json", file=sys.stderr)
        return 1
    rows = corpus.labels(root)
    replays = []
    started = time.perf_counter()
    for with_selectors in (True, False):
        for doc in corpus.documents(root):
            replay = corpus.replay(doc, root, with_selectors, rows)
            replays.append(replay)
            if verbose:
                _details(replay)
    print(f"corpus: {root}")
    print(corpus.table(replays))
    for sel in (True, False):
        group = [r for r in replays if r.with_selectors is sel]
        print(f"{'with declared selectors' if sel else 'with no selectors':<24} "
              f"precision {corpus.precision(group):.1%}  recall {corpus.recall(group):.1%}")
    fetches = sum(len(r.document.snapshots) for r in replays)
    print(f"replayed {fetches} fetches in {time.perf_counter() - started:.1f} s")
    return 0


def _details(replay: corpus.Replay) -> None:
    print(f"== {replay.document.dir} ({'declared selectors' if replay.with_selectors else 'no selectors'})")
    for seq, outcome in replay.outcomes.items():
        if seq in replay.changes:
            label = next((f"expected #{e}" for e, at in replay.matched.items() if at == seq), "FALSE POSITIVE")
            print(f"  {seq:>4} change recorded ({label})")
        elif outcome.startswith(("failed", "suspect", "known")):
            print(f"  {seq:>4} {outcome}")
    for seq in replay.misses:
        print(f"  {seq:>4} MISSED: {replay.expected[seq]['summary']}")


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
