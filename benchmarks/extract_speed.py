"""Measure extraction speed: pages per second over the corpus, median and worst page time, and a
synthetic 1 MB page (which must take a fraction of a second).

Usage: python benchmarks/extract_speed.py [CORPUS]   (CORPUS defaults to ../shared/corpus)
Times judge() (parse, extract, normalise, hash), the whole per-fetch cost, with no selectors.
"""

from __future__ import annotations

import statistics
import sys
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path[:0] = [str(REPO), str(REPO / "tests")]

from bs4 import BeautifulSoup  # noqa: E402

import corpus  # noqa: E402
from monitor.models import FetchResult  # noqa: E402
from monitor.text.judge import judge  # noqa: E402


def synthetic_page(size: int = 1_000_000, dense: bool = False) -> str:
    """A terms page of about `size` characters with chrome, a cookie banner, a TOC, clauses, lists and
    tables. By default it is shaped like the corpus pages (about 3,700 elements per MB: long utility
    class names, a Next.js payload script repeating the text); `dense` packs bare markup instead
    (about 21,000 elements per MB), the worst case for the parser."""
    cls = "" if dense else (' class="text-p1 mb-md max-w-container md:col-span-8 lg:col-start-3 leading-[1.4] '
                            'tracking-tight"')
    head = (
        "<!doctype html><html><head><title>Terms of Service</title><style>.a{color:red}</style></head><body>"
        "<header><nav><ul>" + "".join(f'<li><a href="/p{i}">Menu {i}</a></li>' for i in range(40))
        + "</ul></nav></header>"
        '<div id="cookie-consent-banner" role="dialog"><p>We use cookies.</p><button>Accept</button></div>'
        "<main><article><h1>Terms of Service</h1><p>Effective <time>July 8, 2026</time></p>"
        '<nav class="toc"><ul>' + "".join(f'<li><a href="#s{i}">Section {i}</a></li>' for i in range(60))
        + "</ul></nav>"
    )
    parts = [head]
    length = len(head)
    i = 0
    while length < size:
        i += 1
        clause = (f"{i}.1 The Customer retains all rights in its Inputs and Outputs; the provider may not train "
                  f"models on Customer Content and keeps it for {i} days, then deletes it.")
        section = (
            f'<h2 id="s{i}"{cls}>{i}. Section {i}</h2>'
            f'<p{cls}>{clause} <a href="/policy?utm_source={i}"{cls}>See policy</a>'
            '<span class="sr-only">(opens in a new tab)</span></p>'
            f"<ol{cls}><li{cls}>Data is kept for {i} days.</li>"
            f"<li{cls}>Then it is deleted, unless the law requires otherwise.</li></ol>"
            f"<table{cls}><tr><th>Data</th><th>Retention</th></tr><tr><td>Logs {i}</td><td>{i} days</td></tr></table>"
        )
        if not dense:
            section += f'<script>self.__next_f.push([1,"{clause * 3}"])</script>'
        parts.append(section)
        length += len(section)
    parts.append("</article></main><footer><p>Copyright</p></footer></body></html>")
    return "".join(parts)


def timed(html: str) -> float:
    fetch = FetchResult("bench", "https://example.com/terms", "2026-01-01T00:00:00Z", 200,
                        "https://example.com/terms", "text/html", html)
    started = time.perf_counter()
    judge(fetch)
    return time.perf_counter() - started


def _parse_time(html: str) -> float:
    started = time.perf_counter()
    BeautifulSoup(html, "lxml", multi_valued_attributes=None)
    return time.perf_counter() - started


def main(argv: list[str]) -> int:
    root = Path(argv[0]) if argv else REPO.parent / "shared" / "corpus"
    if not (root / "manifest.json").is_file():
        print(f"no corpus at {root}: pass the folder that holds manifest.json", file=sys.stderr)
        return 1
    times: list[tuple[float, int, str]] = []
    for doc, snap, html in corpus.snapshots(root):
        times.append((timed(html), len(html), f"{doc.dir}/{snap.seq:04d}"))
    seconds = [t for t, _, _ in times]
    worst = max(times)
    total_mb = sum(n for _, n, _ in times) / 1e6
    print(f"corpus: {root}")
    print(f"pages: {len(times)} ({total_mb:.1f} MB of HTML) in {sum(seconds):.1f} s: "
          f"{len(times) / sum(seconds):.1f} pages/s, {total_mb / sum(seconds):.1f} MB/s")
    print(f"median page: {statistics.median(seconds) * 1000:.0f} ms; "
          f"worst: {worst[0] * 1000:.0f} ms ({worst[2]}, {worst[1] / 1e6:.2f} MB)")
    for dense, shape in ((False, "shaped like the corpus pages"), (True, "dense bare markup, worst case")):
        page = synthetic_page(dense=dense)
        elements = page.count("<") - page.count("</")
        runs = sorted(timed(page) for _ in range(5))
        parse = min(_parse_time(page) for _ in range(3))
        print(f"synthetic {len(page) / 1e6:.2f} MB page, {shape} ({elements:,} elements): "
              f"median {runs[2] * 1000:.0f} ms, "
              f"worst {runs[-1] * 1000:.0f} ms (BeautifulSoup tree building alone: {parse * 1000:.0f} ms)")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
