"""The replay corpus for tests and benchmarks: snapshots in order, hand labels joined to them, and an
in-memory replay through judge + decide that scores recorded changes against the labels.

`root` is a corpus folder (manifest.json, labels-dev.csv, <vendor>/<document>/NNNN.html.gz): the
fixture subset by default, or the full corpus (../shared/corpus) from a benchmark.
"""

from __future__ import annotations

import csv
import gzip
import json
from collections.abc import Iterator
from dataclasses import dataclass, field, replace
from pathlib import Path

from monitor.analysis.classify import describe_change
from monitor.analysis.decide import Known, Shown, State, decide
from monitor.analysis.topics import TOPICS
from monitor.app.ota import css_selectors
from monitor.models import Extracted, FetchResult
from monitor.store.read import STRETCHES
from monitor.text.html import extract_text
from monitor.text.judge import fingerprint, judge

FIXTURE_ROOT = Path(__file__).resolve().parent / "fixtures" / "corpus"
RECENT_VERSIONS = 10  # what read.recent_versions hands the pipeline

# Labelled substantive transitions that OTA saw this page's text change for, but whose change on
# this page is only a re-rendering, so a monitor must NOT record it here. From the label's summary.
NOT_A_CHANGE_OF_THIS_PAGE = {
    "5bb45d00": "the new sections are in the Service Terms page; on the EU Terms of Use page only the date "
    "was re-formatted",
}


@dataclass(frozen=True)
class Snapshot:
    seq: int
    date: str
    file: str
    role: str
    ota_new_version: bool
    ota_page_text_changed: bool | None
    ota_version: str


@dataclass(frozen=True)
class Document:
    source_document: str
    dir: str
    url: str
    select: tuple[str, ...]
    remove: tuple[str, ...]
    versions_file: str
    snapshots: tuple[Snapshot, ...]


def documents(root: Path = FIXTURE_ROOT) -> list[Document]:
    manifest = json.loads((Path(root) / "manifest.json").read_text(encoding="utf-8"))
    return [
        Document(
            source_document=d["source_document"],
            dir=d["dir"],
            url=d["url"],
            select=tuple(css_selectors(d.get("declared_select"))),
            remove=tuple(css_selectors(d.get("declared_remove"))),
            versions_file=d["versions_file"],
            snapshots=tuple(
                Snapshot(s["seq"], s["date"], s["file"], s["role"], bool(s["ota_new_version"]),
                         s["ota_page_text_changed"], s["ota_version"])
                for s in sorted(d["snapshots"], key=lambda s: s["seq"])
            ),
        )
        for d in manifest["documents"]
    ]


def html(root: Path, snapshot: Snapshot) -> str:
    return gzip.decompress((Path(root) / snapshot.file).read_bytes()).decode("utf-8", errors="replace")


def snapshots(root: Path = FIXTURE_ROOT) -> Iterator[tuple[Document, Snapshot, str]]:
    """(document, snapshot, html) for every snapshot, documents in manifest order, snapshots in seq order."""
    for doc in documents(root):
        for snap in doc.snapshots:
            yield doc, snap, html(root, snap)


def labels(root: Path = FIXTURE_ROOT) -> list[dict]:
    with (Path(root) / "labels-dev.csv").open(encoding="utf-8", newline="") as fh:
        return list(csv.DictReader(fh))


def labelled(doc: Document, rows: list[dict]) -> dict[int, dict]:
    """The label row of each snapshot that started an OTA version: `to_version_commit` == `ota_version`."""
    by_commit = {r["to_version_commit"]: r for r in rows if r["terms_type_file"] == doc.versions_file}
    return {s.seq: by_commit[s.ota_version] for s in doc.snapshots if s.ota_new_version and s.ota_version in by_commit}


def expected_changes(doc: Document, rows: list[dict]) -> dict[int, dict]:
    """Snapshots where this page's wording really changed: a substantive label, and (for terms types OTA
    assembles from several pages) this page's own text changed too, less NOT_A_CHANGE_OF_THIS_PAGE."""
    return {
        seq: row
        for seq, row in labelled(doc, rows).items()
        if row["kind"] == "substantive"
        and _snapshot(doc, seq).ota_page_text_changed is not False
        and row["to_version_commit"][:8] not in NOT_A_CHANGE_OF_THIS_PAGE
        # a combined terms type's label names the pages whose legal text carries the change
        and (not row.get("pages") or doc.source_document in row["pages"].split(";"))
    }


def _snapshot(doc: Document, seq: int) -> Snapshot:
    return next(s for s in doc.snapshots if s.seq == seq)


@dataclass
class Replay:
    """What a replay of one document recorded, and how it scores against the labels."""

    document: Document
    with_selectors: bool
    changes: list[int] = field(default_factory=list)  # seqs where a change was recorded
    flags: dict[int, dict[str, bool]] = field(default_factory=dict)  # seq -> the topics its change touches
    outcomes: dict[int, str] = field(default_factory=dict)  # seq -> unchanged/known/new/suspect/failed: reason
    expected: dict[int, dict] = field(default_factory=dict)
    matched: dict[int, int] = field(default_factory=dict)  # expected seq -> seq where it was recorded

    @property
    def true_positives(self) -> list[int]:
        return sorted(self.matched.values())

    @property
    def false_positives(self) -> list[int]:
        return [seq for seq in self.changes if seq not in self.matched.values()]

    @property
    def misses(self) -> list[int]:
        return [seq for seq in self.expected if seq not in self.matched]

    @property
    def versions(self) -> int:
        return sum(1 for o in self.outcomes.values() if o == "new")


def replay(doc: Document, root: Path = FIXTURE_ROOT, with_selectors: bool = True,
           rows: list[dict] | None = None) -> Replay:
    """Feed the snapshots in order through judge and decide, keeping versions in memory as the store
    would (current version first, then by last seen), and score the recorded changes.

    A labelled change counts as found when recorded at its snapshot, or at the snapshot just before
    it when that one is OTA's "before-version" (the previous fetch): OTA records a terms type built
    from several pages only once all of them fetched, so the wording can show one fetch earlier."""
    select, remove = (doc.select, doc.remove) if with_selectors else ((), ())
    result = Replay(doc, with_selectors, expected=expected_changes(doc, labels(root) if rows is None else rows))
    versions: list[Known] = []
    stored: dict[int, tuple[Extracted, str]] = {}  # version id -> (what was read, the raw page)
    pending: str | None = None
    stretches: list[tuple[int, Shown]] = []  # what the fetches showed, newest stretch first, as read.stretches
    for snap in doc.snapshots:
        body = html(root, snap)
        fetch = FetchResult(doc.dir, doc.url, snap.date, status=200, final_url=doc.url,
                            content_type="text/html; charset=utf-8", body=body)
        seen = judge(fetch, select, remove)
        current = stored[versions[0].id] if versions else None
        automatic = None
        if isinstance(seen, Extracted) and current and seen.fallback and not current[0].fallback:
            automatic = fingerprint(extract_text(current[1], (), remove))
        state = State(tuple(versions), current[0].text if current else "", bool(current and current[0].fallback),
                      automatic, pending, shown=tuple(shown for _, shown in stretches[:STRETCHES]))
        decision = decide(state, seen, snap.date)
        result.outcomes[snap.seq] = decision.kind if decision.kind != "failed" else f"failed: {decision.reason}"
        pending = seen.sha256 if decision.kind == "suspect" else None
        if decision.kind in ("unchanged", "known"):
            seen_before = next(v for v in versions if v.id == decision.version_id)
            versions = [replace(seen_before, last_seen=snap.date)] + [v for v in versions if v is not seen_before]
        elif decision.kind == "new":
            if decision.announced:
                result.changes.append(snap.seq)
                described = describe_change(decision.base_text, seen.text, decision.significance)
                result.flags[snap.seq] = {topic: getattr(described.meaning, topic) for topic in TOPICS}
            created = len(stored) + 1
            stored[created] = (seen, body)
            versions = [Known(created, seen.sha256, len(seen.text), snap.date), *versions]
        if decision.kind in ("unchanged", "known", "new"):
            shown_id = decision.version_id or len(stored)
            if stretches and stretches[0][0] == shown_id:
                stretches.pop(0)
            stretches.insert(0, (shown_id, Shown(stored[shown_id][0].text, snap.date)))
        versions = versions[:RECENT_VERSIONS]
    _match(result)
    return result


def _match(result: Replay) -> None:
    seqs = [s.seq for s in result.document.snapshots]
    roles = {s.seq: s.role for s in result.document.snapshots}
    for seq in result.expected:
        if seq in result.changes:
            result.matched[seq] = seq
            continue
        i = seqs.index(seq)
        before = seqs[i - 1] if i else None
        if before is not None and roles[before] == "before-version" and before in result.changes:
            result.matched[seq] = before


def precision(replays: list[Replay]) -> float:
    recorded = sum(len(r.changes) for r in replays)
    return 1.0 if recorded == 0 else sum(len(r.true_positives) for r in replays) / recorded


def recall(replays: list[Replay]) -> float:
    expected = sum(len(r.expected) for r in replays)
    return 1.0 if expected == 0 else sum(len(r.matched) for r in replays) / expected


def table(replays: list[Replay]) -> str:
    """One line per replay: snapshots, recorded changes, true/false positives, misses, precision, recall."""
    head = (f"{'document':<66} {'sel':>3} {'snaps':>5} {'vers':>4} {'chg':>4} {'tp':>3} {'fp':>3} {'miss':>4} "
            f"{'prec':>6} {'rec':>6}")
    lines = [head, "-" * len(head)]
    for r in replays:
        lines.append(
            f"{r.document.dir:<66} {'yes' if r.with_selectors else 'no':>3} {len(r.document.snapshots):>5} "
            f"{r.versions:>4} {len(r.changes):>4} {len(r.true_positives):>3} {len(r.false_positives):>3} "
            f"{len(r.misses):>4} {precision([r]):>6.1%} {recall([r]):>6.1%}"
        )
    for sel in (True, False):
        group = [r for r in replays if r.with_selectors is sel]
        if group:
            lines.append(
                f"{'all documents':<66} {'yes' if sel else 'no':>3} {sum(len(r.document.snapshots) for r in group):>5} "
                f"{sum(r.versions for r in group):>4} {sum(len(r.changes) for r in group):>4} "
                f"{sum(len(r.true_positives) for r in group):>3} {sum(len(r.false_positives) for r in group):>3} "
                f"{sum(len(r.misses) for r in group):>4} {precision(group):>6.1%} {recall(group):>6.1%}"
            )
    return "\n".join(lines)
