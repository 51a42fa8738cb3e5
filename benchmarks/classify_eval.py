"""Evaluate the training / retention / access classifier on the hand-labelled transitions of the replay corpus.

Usage: python benchmarks/classify_eval.py [CORPUS] [--all]   (CORPUS defaults to ../shared/corpus)

Each labelled row is joined to the snapshot that started its OTA version (`to_version_commit` ==
snapshot `ota_version`, `ota_new_version: true`). The "from" page is the snapshot the previous OTA
version cited (`previous_snapshot` of that version) when the corpus keeps it, else the snapshot just
before in the manifest: labels compare OTA versions, and on flapping pages the snapshot just before
can already show the new wording. A row whose change sits in another page of a combined terms type
(`ota_page_text_changed: false`) is expected to flag nothing on this page. Prints one line per row
that has a text change or a label (all rows with --all), then precision / recall per flag (T, R, A).
"""

from __future__ import annotations

import csv
import gzip
import json
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from monitor.analysis.classify import classify_change  # noqa: E402
from monitor.analysis.diff import diff_texts  # noqa: E402
from monitor.analysis.significance import SUBSTANTIVE, significance  # noqa: E402
from monitor.analysis.topics import TOPICS  # noqa: E402
from monitor.app.ota import css_selectors  # noqa: E402
from monitor.models import Extracted, FetchResult  # noqa: E402
from monitor.text.judge import judge  # noqa: E402
from monitor.text.normalise import normalise  # noqa: E402

# Rows whose labelled change sits on a page of the terms type that the corpus does not hold, although
# OTA saw this page's text change too (for an unrelated line). Listed, with the reason, rather than
# tuned for: nothing on the page in the corpus carries the labelled change.
OTHER_PAGE = {
    "d46985982cda5df4b27df5a6c8716834878592ae": (
        "the label describes the Non-User Privacy Policy page; on the consumer page only the line "
        "'This policy was published on June 8, 2026 …' was removed"
    ),
}


def _text(corpus: Path, doc: dict, snap: dict, cache: dict) -> str | None:
    """The page's text as termwatch reads it, or None when it judges the fetch unusable."""
    if snap["file"] not in cache:
        html = gzip.decompress((corpus / snap["file"]).read_bytes()).decode("utf-8", "replace")
        fetch = FetchResult(doc["dir"], doc["url"], snap["date"], status=200, content_type="text/html", body=html)
        judged = judge(fetch, css_selectors(doc["declared_select"]), css_selectors(doc["declared_remove"]))
        cache[snap["file"]] = judged.text if isinstance(judged, Extracted) else None
    return cache[snap["file"]]


def _pairs(corpus: Path):
    """(row, doc, from_snapshot, to_snapshot, expected_training, expected_retention, where)."""
    manifest = json.loads((corpus / "manifest.json").read_text())
    rows = list(csv.DictReader((corpus / "labels-dev.csv").open(newline="")))
    for row in rows:
        for doc in manifest["documents"]:
            if doc["versions_file"] != row["terms_type_file"]:
                continue
            snaps = doc["snapshots"]
            for i, snap in enumerate(snaps):
                if not (snap["ota_new_version"] and snap["ota_version"] == row["to_version_commit"]) or i == 0:
                    continue
                version = next(v for v in doc["ota_versions"] if v["commit"] == row["to_version_commit"])
                by_commit = {s["snapshot_commit"]: s for s in snaps}
                before = by_commit.get(version.get("previous_snapshot") or "", snaps[i - 1])
                here = snap["ota_page_text_changed"] is not False and row["to_version_commit"] not in OTHER_PAGE
                # Combined terms types: `<topic>_pages` (else `pages`) names where the topic's change sits.
                expected = {}
                for topic in TOPICS:
                    pages = [p for p in (row.get(f"{topic}_pages") or row.get("pages") or "").split(";") if p]
                    on_page = not pages or doc["source_document"] in pages
                    expected[topic] = row.get(topic) == "yes" and here and on_page
                yield row, doc, before, snap, expected, "this page" if here else "other page"


def _ratio(a: int, b: int) -> str:
    return f"{a}/{b} = {a / b:.2f}" if b else f"{a}/0 = n/a"


def main(argv: list[str]) -> int:
    show_all = "--all" in argv
    args = [a for a in argv if not a.startswith("--")]
    corpus = Path(args[0]) if args else Path(__file__).resolve().parents[1] / ".." / "shared" / "corpus"
    cache: dict[str, str] = {}
    counts = {k: {"tp": 0, "fp": 0, "fn": 0, "tn": 0} for k in TOPICS}
    failures = []
    joined = unusable = 0
    print(f"{'document':<44} {'from':>5} {'to':>5} {'kind':<12} {'where':<10} label   predicted  summary")
    for row, doc, before, snap, expected, where in _pairs(corpus):
        joined += 1
        old, new = _text(corpus, doc, before, cache), _text(corpus, doc, snap, cache)
        if old is None or new is None:
            unusable += 1  # an error page or other failed fetch: termwatch records no change to classify
            continue
        result = classify_change(old, new, diff_texts(old, new))
        # termwatch announces, and so flags, only substantive changes
        announced = normalise(old) != normalise(new) and significance(old, new) == SUBSTANTIVE
        got = {topic: announced and getattr(result, topic) for topic in TOPICS}
        for name in TOPICS:
            key = ("tp" if got[name] else "fn") if expected[name] else ("fp" if got[name] else "tn")
            counts[name][key] += 1
        wrong = expected != got
        if wrong:
            failures.append((row, before, snap, result))
        if show_all or wrong or row["kind"] == "substantive" or old != new:
            letters = lambda flags: "".join(t[0].upper() if flags[t] else "-" for t in TOPICS)  # noqa: E731
            mark = "  MISS" if wrong else ""
            print(f"{doc['dir']:<44} {before['seq']:>5} {snap['seq']:>5} {row['kind']:<12} {where:<10} "
                  f"{letters(expected):<7} {letters(got):<9}  {result.summary[:90]}{mark}")
    print(f"\nrows joined: {joined}, of which {unusable} with a page that is not the terms (not classified)")
    for name, c in counts.items():
        print(f"{name:<9}  tp={c['tp']} fp={c['fp']} fn={c['fn']} tn={c['tn']}  "
              f"precision {_ratio(c['tp'], c['tp'] + c['fp'])}  recall {_ratio(c['tp'], c['tp'] + c['fn'])}")
    for commit, reason in OTHER_PAGE.items():
        print(f"expected nothing on this page for {commit[:8]}: {reason}")
    for row, before, snap, result in failures:
        print(f"\nMISS {row['terms_type_file']} seq {before['seq']}->{snap['seq']}: labelled "
              f"training={row['training']} retention={row['retention']} access={row.get('access')} ({row['summary']})")
        for pair in result.clauses[:6]:
            print(f"   {pair['op']:<7} {pair['labels']} {pair['evidence']}")
            for side in ("before", "after"):
                if pair[side] is not None:
                    print(f"      {side}: {pair[side][:140]}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
