"""Replays the fixture corpus (real pages, in order) through judge + decide, in memory, and checks
the issue's acceptance figures: every labelled substantive change of a page is recorded at its
snapshot (recall 100 %), and at least 95 % of recorded changes are labelled substantive, with the
declared selectors and with none. `pytest -s` prints the table."""

from __future__ import annotations

import pytest

import corpus

DOCUMENTS = corpus.documents()
ROWS = corpus.labels()


@pytest.fixture(scope="module")
def replays() -> dict[bool, list[corpus.Replay]]:
    return {sel: [corpus.replay(doc, with_selectors=sel, rows=ROWS) for doc in DOCUMENTS] for sel in (True, False)}


def test_fixture_corpus_is_complete():
    assert len(DOCUMENTS) == 6
    files = [s.file for d in DOCUMENTS for s in d.snapshots]
    assert all((corpus.FIXTURE_ROOT / f).is_file() for f in files)
    # 11 substantive rows, two of which the labels place on the other page of a combined terms type
    assert sum(len(corpus.expected_changes(d, ROWS)) for d in DOCUMENTS) == 9
    assert (corpus.FIXTURE_ROOT / "ATTRIBUTION.md").read_text().count("ODC-By 1.0") >= 1


@pytest.mark.parametrize("with_selectors", [True, False], ids=["declared-selectors", "no-selectors"])
def test_replay_recall_and_precision(replays, with_selectors):
    group = replays[with_selectors]
    print(f"\n{corpus.table(group)}")
    misses = {r.document.dir: r.misses for r in group if r.misses}
    false_positives = {r.document.dir: r.false_positives for r in group if r.false_positives}
    assert not misses, f"labelled substantive changes not recorded: {misses}"
    assert corpus.recall(group) == 1.0
    assert corpus.precision(group) >= 0.95, f"changes recorded on noise: {false_positives}"


@pytest.mark.parametrize("directory", ["claude-ai/commercial-terms", "claude-ai/terms-of-service"])
@pytest.mark.parametrize("with_selectors", [True, False], ids=["declared-selectors", "no-selectors"])
def test_unchanged_anthropic_terms_end_with_one_version(replays, directory, with_selectors):
    replay = next(r for r in replays[with_selectors] if r.document.dir == directory)
    assert replay.versions == 1
    assert replay.changes == []
    assert all(o in ("new", "unchanged") for o in replay.outcomes.values()), replay.outcomes


def test_client_side_error_pages_are_failed_fetches_not_versions(replays):
    privacy = next(r for r in replays[False] if r.document.dir == "claude-ai/privacy-policy-legal-privacy")
    failed = {seq: o for seq, o in privacy.outcomes.items() if o.startswith("failed")}
    assert sorted(failed) == [109]
    assert "Application error" in failed[109]
