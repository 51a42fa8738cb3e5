"""Storage cost: the database after replaying the whole corpus through the real pipeline, against the
raw bytes fetched, and the bytes one unchanged fetch adds (200 OK with the same wording, and 304).

Usage: python benchmarks/storage.py [CORPUS]   (CORPUS defaults to ../shared/corpus)
Targets: database < 10 % of the raw bytes fetched, with every version's raw page kept; < 1 kB per
unchanged fetch. Sizes are taken after a WAL checkpoint; the size after VACUUM is shown too.
"""

from __future__ import annotations

import sqlite3
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from monitor.app.run import Processor  # noqa: E402
from monitor.models import FetchResult  # noqa: E402
from monitor.store.db import open_db  # noqa: E402
from per_page import DEFAULT_CORPUS, corpus, corpus_config, doc_id, replay  # noqa: E402

REPEATS = 500  # unchanged fetches to average over: SQLite grows by whole pages


def used_bytes(path: Path) -> int:
    """Bytes of the database file in use, after moving the WAL into it (free pages not counted)."""
    with sqlite3.connect(path) as conn:
        conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        pages, free, size = (conn.execute(f"PRAGMA {p}").fetchone()[0]
                             for p in ("page_count", "freelist_count", "page_size"))
    return (pages - free) * size


def table_sizes(path: Path) -> list[tuple[str, int]]:
    """Bytes per table and index, with full-text-search shadow tables and indexes folded into their table."""
    with sqlite3.connect(path) as conn:
        try:
            rows = conn.execute("select name, sum(pgsize) from dbstat group by name").fetchall()
        except sqlite3.OperationalError:  # SQLite built without the dbstat table
            return []
    sizes: dict[str, int] = {}
    for name, size in rows:
        table = name.split("_fts")[0] + ("_fts" if "_fts" in name else "")
        if name.startswith("sqlite_autoindex_"):
            table = table.removeprefix("sqlite_autoindex_").rsplit("_", 1)[0]
        table = next((t for t in ("fetches", "versions", "changes", "version_clauses")
                      if table.startswith(f"idx_{t}_")), table)
        sizes[table] = sizes.get(table, 0) + size
    return sorted(sizes.items(), key=lambda kv: -kv[1])


def unchanged_fetches(root: Path, database: Path, status: int) -> float:
    """Bytes added per fetch when every document is fetched again REPEATS times with its latest page."""
    config = corpus_config(root, database)
    db = open_db(database)
    processor = Processor(db, config, {d.id: d for d in config.documents})
    latest = {doc_id(doc): (doc, html) for doc, _, html in corpus.snapshots(root)}
    before = used_bytes(database)
    for i in range(REPEATS):
        doc, html = list(latest.values())[i % len(latest)]
        when = f"2027-01-{1 + i // 100:02d}T{(i // 10) % 10:02d}:{i % 10:02d}:00Z"
        processor.handle(FetchResult(doc_id(doc), doc.url, when, status, doc.url, "text/html; charset=utf-8",
                                     html if status == 200 else "", etag='"latest"'))
    db.close()
    return (used_bytes(database) - before) / REPEATS


def measure(root: Path) -> dict:
    """Replay the corpus into a fresh database and measure it; then the cost of unchanged fetches."""
    with tempfile.TemporaryDirectory(prefix="tw-storage-") as tmp:
        database = Path(tmp) / "termwatch.db"
        timed = replay(root, database)
        out = {"fetches": len(timed), "fetched": sum(t.bytes for t in timed), "used": used_bytes(database)}
        with sqlite3.connect(database) as conn:
            out["versions"] = conn.execute("select count(*) from versions").fetchone()[0]
            out["pages"], out["pages_bytes"] = conn.execute(
                "select count(*), coalesce(sum(length), 0) from pages").fetchone()
            out["missing"] = conn.execute(
                "select count(*) from versions where page_sha256 not in (select sha256 from pages)").fetchone()[0]
        out["tables"] = table_sizes(database)
        with sqlite3.connect(database) as conn:
            conn.execute("VACUUM")
        out["vacuumed"] = database.stat().st_size
        out["per_200"] = unchanged_fetches(root, database, 200)
        out["per_304"] = unchanged_fetches(root, database, 304)
    out["share"] = out["used"] / out["fetched"]
    return out


def main(argv: list[str]) -> int:
    root = Path(argv[0]) if argv else DEFAULT_CORPUS
    if not (root / "manifest.json").is_file():
        print(f"no corpus at {root}: pass the folder that holds manifest.json", file=sys.stderr)
        return 1
    m = measure(root)
    print(f"corpus: {root}")
    print(f"replayed {m['fetches']} fetches, {m['fetched'] / 1e6:.1f} MB of raw HTML; {m['versions']} versions, "
          f"{m['pages']} raw pages kept ({m['pages_bytes'] / 1e6:.1f} MB uncompressed), "
          f"versions without their page: {m['missing']}")
    print(f"database: {m['used'] / 1e6:.2f} MB in use after a WAL checkpoint = {m['share']:.1%} of the bytes fetched "
          f"(target < 10 %); {m['vacuumed'] / 1e6:.2f} MB after VACUUM")
    if m["tables"]:
        print("  by table: " + ", ".join(f"{name} {size / 1e6:.2f} MB" for name, size in m["tables"] if size > 50_000))
    print(f"bytes added per unchanged fetch (mean of {REPEATS}): {m['per_200']:.0f} B for 200 OK with the same "
          f"wording, {m['per_304']:.0f} B for 304 Not Modified (target < 1 kB)")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
