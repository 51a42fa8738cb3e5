"""Time the differ (and the classifier) on the largest pair of consecutive snapshots of a corpus document.

Usage: python benchmarks/diff_speed.py [CORPUS] [--doc DIR] [--runs N] [--no-scan]
(CORPUS defaults to ../shared/corpus, DIR to chatgpt/commercial-terms, N to 30). Target: well under 50 ms.
Also times the pair of that document whose texts differ most, and one diff of every consecutive pair.
"""

from __future__ import annotations

import argparse
import gzip
import json
import statistics
import sys
import time
from functools import partial
from itertools import pairwise
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from monitor.analysis.classify import classify_change  # noqa: E402
from monitor.analysis.diff import apply_hunks, diff_texts  # noqa: E402
from monitor.app.ota import css_selectors  # noqa: E402
from monitor.text.html import extract_text  # noqa: E402


def _timed(fn, runs: int) -> list[float]:
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        fn()
        times.append((time.perf_counter() - start) * 1000)
    return times


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    default_corpus = Path(__file__).resolve().parents[1] / ".." / "shared" / "corpus"
    parser.add_argument("corpus", nargs="?", default=str(default_corpus))
    parser.add_argument("--doc", default="chatgpt/commercial-terms")
    parser.add_argument("--runs", type=int, default=30)
    parser.add_argument("--no-scan", dest="scan", action="store_false",
                        help="skip the most-changed pair and the all-pairs pass (they extract every snapshot)")
    args = parser.parse_args(argv)
    corpus = Path(args.corpus)
    manifest = json.loads((corpus / "manifest.json").read_text())
    doc = next(d for d in manifest["documents"] if d["dir"] == args.doc)
    snaps = doc["snapshots"]
    # Largest pair: the consecutive snapshots with the most raw bytes between them.
    a, b = max(pairwise(snaps), key=lambda pair: pair[0]["bytes"] + pair[1]["bytes"])

    def text(snap: dict) -> str:
        html = gzip.decompress((corpus / snap["file"]).read_bytes()).decode("utf-8", "replace")
        return extract_text(html, css_selectors(doc["declared_select"]), css_selectors(doc["declared_remove"]))

    def report(label: str, a: dict, b: dict, old: str, new: str) -> None:
        hunks = diff_texts(old, new)
        assert apply_hunks(old, hunks) == new, "round trip failed"
        diff_ms = _timed(lambda: diff_texts(old, new), args.runs)
        both_ms = _timed(lambda: classify_change(old, new, diff_texts(old, new)), max(1, args.runs // 3))
        print(f"{label}: snapshots {a['seq']} -> {b['seq']} ({a['bytes'] + b['bytes']:,} raw bytes; "
              f"texts {len(old):,} / {len(new):,} chars; {len(hunks)} hunks)")
        print(f"  diff            median {statistics.median(diff_ms):6.1f} ms   worst {max(diff_ms):6.1f} ms"
              f"   ({args.runs} runs)")
        print(f"  diff + classify median {statistics.median(both_ms):6.1f} ms   worst {max(both_ms):6.1f} ms"
              f"   ({len(both_ms)} runs)")

    print(f"document {doc['dir']} ({len(snaps)} snapshots)")
    report("largest pair", a, b, text(a), text(b))
    if args.scan:
        texts = [text(s) for s in snaps]
        pairs = list(pairwise(range(len(snaps))))
        # The pair whose texts differ most gives the differ the most work.
        i, j = max(pairs, key=lambda p: sum(len(h.old) + len(h.new) for h in diff_texts(texts[p[0]], texts[p[1]])))
        report("most changed pair", snaps[i], snaps[j], texts[i], texts[j])
        once = [_timed(partial(diff_texts, texts[i], texts[j]), 1)[0] for i, j in pairs]
        print(f"all {len(pairs)} consecutive pairs, one diff each: median {statistics.median(once):.1f} ms, "
              f"worst {max(once):.1f} ms")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
