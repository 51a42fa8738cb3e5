"""Pairs the clauses a change removed with those it added, so a reader sees each reworded clause as its
old wording next to its new one with the changed words marked; the rest only appeared, disappeared or moved.

Pure: works on models.Clause records (each sentence as it reads in one version) and returns ClausePair records.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from monitor.analysis.diff import word_diff
from monitor.models import ADDED, CHANGED, MOVED, REMOVED, Clause

OPS = (CHANGED, ADDED, REMOVED, MOVED)
# Which sides (before, after) a pair of each kind has.
_SIDES = {CHANGED: (True, True), ADDED: (False, True), REMOVED: (True, False), MOVED: (True, True)}

# Share of words two sentences must have in common (Dice coefficient on their sets of words) to be one
# clause reworded rather than one removed and another added. A rewording keeps most of its words ("we
# will store" -> "we may store"); two different clauses of one document share little beyond "we" and "your".
SIMILAR = 0.5
_WORD = re.compile(r"\w+")


@dataclass(frozen=True)
class ClausePair:
    """One place where a clause changed: before and/or after, the section it sits in, and its topics."""

    op: str  # changed | added | removed | moved
    before: Clause | None  # None for an added clause
    after: Clause | None  # None for a removed one

    def __post_init__(self) -> None:
        sides = (self.before is not None, self.after is not None)
        if _SIDES.get(self.op) != sides:
            raise ValueError(f"a {self.op!r} clause pair with before={self.before!r} and after={self.after!r}")

    @property
    def labels(self) -> list[str]:
        return sorted({label for side in (self.before, self.after) if side for label in side.labels})

    @property
    def now(self) -> Clause:
        """The clause as it reads now, or as it last read if removed."""
        side = self.after or self.before
        assert side is not None  # __post_init__
        return side

    def as_dict(self) -> dict[str, Any]:
        """The stored and `--json` shape: heading is where the clause is now (where it was, if removed);
        from_heading is set when it changed section; text is the wording now (the old one, if removed);
        words marks the changed words of a reworded clause."""
        before, after, now = self.before, self.after, self.now
        evidence = dict.fromkeys(p for side in (before, after) if side for p in side.evidence)
        return {
            "op": self.op,
            "heading": now.heading,
            "from_heading": before.heading if before and after and before.heading != after.heading else None,
            "before": before.text if before else None,
            "after": after.text if after else None,
            "text": now.text,  # the key clauses had before pairing, kept for scripts that read it
            "labels": self.labels,
            "evidence": list(evidence),
            "words": ([list(w) for w in marked_words(before.text, after.text)]
                      if self.op == CHANGED and before and after else []),
        }


def marked_words(before: str, after: str) -> tuple[tuple[int, str], ...]:
    """The word diff of a reworded clause, with no mark where only spacing differs."""
    out: list[tuple[int, str]] = []
    for op, text in word_diff(before, after):
        if op != 0 and not text.strip():
            if op == -1:
                continue  # the space the other side inserts (or the words around it) stands for it
            op = 0
        if out and out[-1][0] == op:
            out[-1] = (op, out[-1][1] + text)
        else:
            out.append((op, text))
    return tuple(out)


def _words(text: str) -> frozenset[str]:
    return frozenset(_WORD.findall(text.casefold()))


def _best_matches(removed: Sequence[Clause], added: Sequence[Clause]) -> dict[int, int]:
    """removed index -> added index for each reworded clause: the most similar pairs first, each clause once.

    Shared words are counted through an index of the added clauses' words, so a document-wide rewrite
    costs what the clauses share, not every clause against every other."""
    added_words = [_words(side.text) for side in added]
    by_word: dict[str, list[int]] = defaultdict(list)
    for j, words in enumerate(added_words):
        for word in words:
            by_word[word].append(j)
    candidates = []
    for i, side in enumerate(removed):
        words = _words(side.text)
        shared: dict[int, int] = defaultdict(int)
        for word in words:
            for j in by_word.get(word, ()):
                shared[j] += 1
        for j, count in shared.items():
            if not (side.labels or added[j].labels):
                continue  # only clauses on the three questions are shown
            score = 2 * count / (len(words) + len(added_words[j]))
            if score >= SIMILAR:
                candidates.append((-score, i, j))
    matched: dict[int, int] = {}
    taken: set[int] = set()
    for _, i, j in sorted(candidates):
        if i not in matched and j not in taken:
            matched[i] = j
            taken.add(j)
    return matched


def pair_clauses(removed: Sequence[Clause], added: Sequence[Clause],
                 moved: Sequence[tuple[Clause, Clause]] = ()) -> list[ClausePair]:
    """The pairs of a change, in the order of the new text; a removed clause sits where it stood.

    `removed` and `added` are in document order; a pair is kept when either side has a topic label."""
    matched = _best_matches(removed, added)
    by_added = {j: i for i, j in matched.items()}
    # Walk the new text's order; each removed clause goes before the first pair whose old side follows it.
    placed: list[tuple[int | None, ClausePair]] = []
    for j, side in enumerate(added):
        if j in by_added:
            placed.append((by_added[j], ClausePair(CHANGED, removed[by_added[j]], side)))
        elif side.labels:
            placed.append((None, ClausePair(ADDED, None, side)))
    for i, side in enumerate(removed):
        if i in matched or not side.labels:
            continue
        at = next((k for k, (old, _) in enumerate(placed) if old is not None and old > i), len(placed))
        placed.insert(at, (i, ClausePair(REMOVED, side, None)))
    pairs = [pair for _, pair in placed]
    return pairs + [ClausePair(MOVED, before, after) for before, after in moved if before.labels or after.labels]


def pairs_from_dicts(clauses: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Pairs for clauses stored before pairing existed ({"op": "delete"|"insert", "heading", "text", ...})."""
    def side(c: dict[str, Any]) -> Clause:
        return Clause(c["text"], c.get("heading") or "", frozenset(c.get("labels") or ()),
                      tuple(c.get("evidence") or ()))

    removed = [side(c) for c in clauses if c.get("op") == "delete"]
    added = [side(c) for c in clauses if c.get("op") == "insert"]
    return [p.as_dict() for p in pair_clauses(removed, added)]
