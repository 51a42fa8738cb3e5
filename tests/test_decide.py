"""decide.py, table-driven: unchanged, known (flapping), new, suspect and its confirmation."""

from __future__ import annotations

import hashlib

import pytest
from hypothesis import given, strategies as st

from monitor.analysis.decide import KNOWN_DEPTH, Known, State, decide
from monitor.models import Extracted

NOW = "2026-07-08T12:00:00+00:00"


def text(name: str, length: int = 10_000) -> Extracted:
    body = (name + " ") * (length // (len(name) + 1))
    return Extracted(body, body, hashlib.sha256(body.encode()).hexdigest())


def known(vid: int, name: str, last_seen: str = "2026-07-08T00:00:00+00:00", length: int = 10_000) -> Known:
    return Known(vid, text(name, length).sha256, len(text(name, length).text), last_seen)


A, B, C = "alpha", "bravo", "charlie"
HISTORY = [known(3, A), known(2, B, "2026-07-01T00:00:00+00:00"), known(1, C, "2026-05-01T00:00:00+00:00")]

CASES = {
    # name: (known versions, new text, pending suspect sha, expected kind, expected version id)
    "first-fetch": ([], text(A), None, "new", None),
    "same-as-current": (HISTORY, text(A), None, "unchanged", 3),
    "same-as-recent-earlier-version-flaps": (HISTORY, text(B), None, "known", 2),
    "same-as-a-version-older-than-the-window": (HISTORY, text(C), None, "new", None),
    "new-wording": (HISTORY, text("delta"), None, "new", None),
    "grows-a-lot": (HISTORY, text("delta", 40_000), None, "new", None),
    "shrinks-a-little": (HISTORY, text("delta", 9_000), None, "new", None),
    "lost-most-of-its-text": (HISTORY, text("delta", 3_000), None, "suspect", None),
    "just-above-half-is-not-suspect": (HISTORY, text("delta", 5_200), None, "new", None),
    "suspect-seen-again-is-confirmed": (HISTORY, text("delta", 3_000), text("delta", 3_000).sha256, "new", None),
    "another-short-text-is-still-suspect": (HISTORY, text("echo", 3_000), text("delta", 3_000).sha256, "suspect", None),
    "short-text-equal-to-a-recent-version-is-known": (
        [known(5, A), known(4, "tiny", length=2_000)], text("tiny", 2_000), None, "known", 4),
    "recovered-after-a-suspect-fetch": (HISTORY, text(A), text("delta", 3_000).sha256, "unchanged", 3),
}


@pytest.mark.parametrize("versions, new, pending, kind, version_id", CASES.values(), ids=CASES.keys())
def test_decide(versions, new, pending, kind, version_id):
    decision = decide(State(tuple(versions), pending_suspect=pending), new, NOW)
    assert (decision.kind, decision.version_id) == (kind, version_id)
    if kind == "suspect":
        assert decision.reason.startswith("suspect: ") and "\n" not in decision.reason
    if kind == "known":
        assert f"version {version_id}" in decision.reason


def test_only_the_last_few_versions_count_as_known():
    versions = [known(i, f"v{i}", "2026-07-07T00:00:00+00:00") for i in range(10, 0, -1)]
    inside = versions[KNOWN_DEPTH - 1]
    outside = versions[KNOWN_DEPTH]
    decision = decide(State(tuple(versions), pending_suspect=None), text(f"v{inside.id}"), NOW)
    assert (decision.kind, decision.version_id) == ("known", inside.id)
    assert decide(State(tuple(versions), pending_suspect=None), text(f"v{outside.id}"), NOW).kind == "new"


@pytest.mark.parametrize("now", ["not a date", "", "2026-07-08T12:00:00"])
def test_timestamps_without_zone_or_unreadable(now):
    kind = decide(State(tuple(HISTORY), pending_suspect=None), text(B), now).kind
    assert kind == ("known" if now.startswith("2026") else "new")  # unreadable: nothing counts as recent


def replay(texts: list[Extracted]) -> list[str]:
    """Feed texts in order as the pipeline does, keeping versions current-first; return the decisions."""
    versions: list[Known] = []
    pending = None
    kinds = []
    for day, new in enumerate(texts, start=1):
        now = f"2026-07-{day:02d}T00:00:00+00:00"
        decision = decide(State(tuple(versions), pending_suspect=pending), new, now)
        kinds.append(decision.kind)
        pending = new.sha256 if decision.kind == "suspect" else None
        if decision.kind in ("unchanged", "known"):
            seen = next(v for v in versions if v.id == decision.version_id)
            versions = [Known(seen.id, seen.sha256, seen.length, now)] + [v for v in versions if v is not seen]
        elif decision.kind == "new":
            versions = [Known(len(versions) + 1, new.sha256, len(new.text), now), *versions]
    return kinds


def test_flapping_page_records_one_change_not_one_per_flip():
    kinds = replay([text(A), text(B), text(A), text(B), text(A), text(B)])
    assert kinds == ["new", "new", "known", "known", "known", "known"]


def test_partial_render_is_suspect_once_and_then_forgotten():
    assert replay([text(A), text(A, 1_000), text(A)]) == ["new", "suspect", "unchanged"]


def test_real_large_deletion_is_confirmed_on_the_next_fetch():
    assert replay([text(A), text(B, 1_000), text(B, 1_000), text(B, 1_000)]) == ["new", "suspect", "new", "unchanged"]


@given(st.lists(st.sampled_from([A, B, C, "delta"]), max_size=12),
       st.lists(st.integers(100, 20_000), min_size=12, max_size=12))
def test_any_sequence_gives_a_valid_decision(names, lengths):
    texts = [text(n, lengths[i]) for i, n in enumerate(names)]
    kinds = replay(texts)
    assert set(kinds) <= {"new", "unchanged", "known", "suspect"}
    assert not kinds or kinds[0] == "new"
