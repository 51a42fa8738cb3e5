"""Pure clause-level diff of two extracted texts (one block per line) with diff-match-patch.

Lines are aligned first, then words inside replaced paragraphs; moved-but-unchanged paragraphs become "move".
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from diff_match_patch import diff_match_patch

DELETE, EQUAL, INSERT = -1, 0, 1

# Word diffs run Myers on tokens with no time limit; its cost grows with (n + m) * d, where d, the
# number of differing tokens, is at least n + m - 2 * (tokens the two sides share). Past this budget
# the paragraphs are mostly rewritten, a word diff would be slow and unreadable, and they are shown
# as whole old and new text instead. The cut depends only on the input, so output stays deterministic
# (a time limit would not).
WORD_DIFF_BUDGET = 300_000

# Words keep internal apostrophes and hyphens ("don't", "fine-tune") so they are never split;
# whitespace runs and each punctuation mark are tokens of their own.
_TOKEN = re.compile(r"\w+(?:['’\-]\w+)*|\s+|[^\w\s]")


@dataclass(frozen=True)
class Hunk:
    """One changed region. `old`/`new` hold the exact lines, line endings included, so hunks rebuild
    the new text byte for byte; strip them for display."""

    op: str  # "insert" | "delete" | "replace" | "move"
    old: str
    new: str
    old_start: int  # 0-based line number in the old text
    new_start: int  # 0-based line number in the new text
    heading: str
    words: tuple[tuple[int, str], ...] = ()


def matcher() -> diff_match_patch:
    dmp = diff_match_patch()
    # The default 1 s budget can cut a diff short depending on machine load; 0 means "no limit",
    # which also disables the half-match shortcut, so the same texts always give the same diff.
    dmp.Diff_Timeout = 0
    return dmp


# --- headings -----------------------------------------------------------------------------------

_MARKDOWN_HEADING = re.compile(r"^#{1,6}\s+\S")
_NUMBERED = re.compile(
    r"^(?:(?:section|article|part|chapter|schedule|annex|appendix|exhibit)\s+[\dIVXLC]+[A-Za-z]?\b"
    r"|(?:\d+|[A-Z]|[IVXLC]+)(?:\.\d+)*[.)]\s+\S)",
    re.IGNORECASE,
)
# Words that stay lower case inside a Title Case heading ("Limitation of Liability").
_MINOR_WORDS = frozenset(
    "a an and as at by for from in into of on or per the to via vs with your our its their".split()
)
# A heading names a topic; a line carrying a date ("Updated: January 16, 2026") is a stamp.
_DATE = re.compile(
    r"\b(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.?\s+\d{1,2},?\s+\d{4}\b"
    r"|\b\d{1,2}\s+(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.?\s+\d{4}\b"
    r"|\b\d{4}-\d{2}-\d{2}\b",
    re.IGNORECASE,
)
_MAX_HEADING_WORDS = 12
_MAX_HEADING_CHARS = 100


def is_heading(line: str) -> bool:
    """Whether a line looks like a section heading: short, not a sentence, and numbered,
    Markdown-marked or in Title Case / capitals. Generic on purpose: no site-specific rules."""
    s = line.strip()
    if not s or len(s) > _MAX_HEADING_CHARS or len(s.split()) > _MAX_HEADING_WORDS:
        return False
    if _MARKDOWN_HEADING.match(s):
        return True
    # A sentence ends with a period (or reads like one); list items often end with ; or ,.
    # Table rows ("Retention period | 30 days", "Acme Cloud; Hosting; EEA") are content, whatever their case.
    if s[-1] in ".;,!?" or not s[0].isalnum() or "|" in s or "; " in s or _DATE.search(s):
        return False
    if _NUMBERED.match(s):
        return True
    words = re.findall(r"[^\W\d_][\w'’\-]*", s)
    if not words or not words[0][0].isupper():
        return False
    significant = [w for w in words if w.lower() not in _MINOR_WORDS]
    return all(w[0].isupper() for w in significant)


def _heading_before(lines: list[str], index: int, text: str = "") -> str:
    """The nearest heading-like line at or before the first non-blank line of `text`, which starts at
    line `index` (the hunk's own first line may be the heading)."""
    units = _units(text)
    index += next((k for k, u in enumerate(units) if u.strip()), 0)
    for i in range(min(index, len(lines) - 1), -1, -1):
        if is_heading(lines[i]):
            return lines[i].strip().lstrip("#").strip()
    return ""


# --- line-level diff ----------------------------------------------------------------------------


def _units(text: str) -> list[str]:
    """Lines with their endings, cut on "\n" only, exactly as diff_linesToChars cuts them
    (str.splitlines would also break on \r, \u2028…)."""
    parts = text.split("\n")
    units = [p + "\n" for p in parts[:-1]]
    if parts[-1]:
        units.append(parts[-1])
    return units


@dataclass(frozen=True)
class _Chunk:
    """A non-blank line with the blank lines before it (or the blank lines that end the text)."""

    line: int  # number of its first line (a blank one when blank lines precede the content)
    text: str  # exact text, line endings and leading blank lines included
    key: str  # the content line without its ending: what alignment compares

    @property
    def lines(self) -> int:
        return len(_units(self.text))


def _chunks(text: str) -> list[_Chunk]:
    # Blank lines are glued to the line after them. Aligned on their own they would dominate the
    # longest common subsequence (every separator matches every other), pairing unrelated paragraphs
    # and reporting unchanged ones as moved. Gluing them forward keeps the common edits clean:
    # a paragraph or list item appended after the last one brings its own separator.
    pieces: list[list[str]] = []
    pending: list[str] = []
    for unit in _units(text):
        pending.append(unit)
        if unit.strip():
            pieces.append(pending)
            pending = []
    if pending:
        pieces.append(pending)
    chunks, line = [], 0
    for piece in pieces:
        key = piece[-1].rstrip("\r\n") if piece[-1].strip() else ""
        chunks.append(_Chunk(line, "".join(piece), key))
        line += len(piece)
    return chunks


@dataclass
class _Region:
    """A maximal run of deleted and inserted chunks between two equal runs (chunk indices)."""

    old: list[int]
    new: list[int]
    old_at: int  # chunk index where the region sits in old (for an insert: the chunk it precedes)
    new_at: int


def _chunk_regions(old: list[_Chunk], new: list[_Chunk]) -> list[_Region]:
    """Line-mode diff-match-patch over the chunk keys: one key per line, so diff_linesToChars turns
    each chunk into one character and diff_main aligns them."""
    dmp = matcher()
    chars1, chars2, _ = dmp.diff_linesToChars(
        "".join(c.key + "\n" for c in old), "".join(c.key + "\n" for c in new)
    )
    diffs = dmp.diff_main(chars1, chars2, False)
    regions: list[_Region] = []
    o = n = 0
    current: _Region | None = None
    for op, chars in diffs:
        count = len(chars)
        if op == EQUAL:
            # Same line, different blank lines before it: a whitespace-only region of its own, so
            # the hunks still rebuild the text exactly.
            for k in range(count):
                if old[o + k].text != new[n + k].text:
                    regions.append(_Region([o + k], [n + k], o + k, n + k))
            current = None
            o += count
            n += count
            continue
        if current is None:
            current = _Region([], [], o, n)
            regions.append(current)
        if op == DELETE:
            current.old.extend(range(o, o + count))
            o += count
        else:
            current.new.extend(range(n, n + count))
            n += count
    return regions


# --- moves --------------------------------------------------------------------------------------


def _find_moves(regions: list[_Region], old: list[_Chunk], new: list[_Chunk]) -> list[tuple[int, int, int]]:
    """Runs (old_chunk, new_chunk, length) deleted in one place and inserted unchanged in another.
    A minimal diff never leaves an identical deleted/inserted pair inside one region, so every pair
    found here is a real move. Runs grow while both sides keep matching. Whitespace-only regions
    (the same line on both sides) take no part."""
    deleted: dict[int, str] = {}
    inserted: dict[int, str] = {}
    for r in regions:
        if len(r.old) == len(r.new) == 1 and old[r.old[0]].key == new[r.new[0]].key:
            continue
        deleted.update({i: old[i].key for i in r.old})
        inserted.update({j: new[j].key for j in r.new})

    by_key: dict[str, list[int]] = {}
    for j in sorted(inserted):
        if inserted[j].strip():
            by_key.setdefault(inserted[j], []).append(j)

    used_new: set[int] = set()
    used_old: set[int] = set()
    moves = []
    for i in sorted(deleted):
        if i in used_old or not deleted[i].strip():
            continue
        candidates = [j for j in by_key.get(deleted[i], []) if j not in used_new]
        if not candidates:
            continue
        j = candidates[0]
        length = 1
        while (
            i + length in deleted
            and j + length in inserted
            and i + length not in used_old
            and j + length not in used_new
            and deleted[i + length] == inserted[j + length]
        ):
            length += 1
        used_old.update(range(i, i + length))
        used_new.update(range(j, j + length))
        moves.append((i, j, length))
    return moves


def _drop_common_blank_lines(old: str, new: str) -> tuple[str, str, int]:
    old_units, new_units = _units(old), _units(new)
    k = 0
    while (
        k < min(len(old_units), len(new_units)) - 1
        and old_units[k] == new_units[k]
        and not old_units[k].strip()
    ):
        k += 1
    return "".join(old_units[k:]), "".join(new_units[k:]), k


def _runs(indices: list[int], taken: set[int]) -> list[list[int]]:
    """Contiguous runs of the chunks of a region that no move claimed."""
    runs: list[list[int]] = []
    for index in indices:
        if index in taken:
            continue
        if runs and runs[-1][-1] + 1 == index:
            runs[-1].append(index)
        else:
            runs.append([index])
    return runs


# --- word-level diff ----------------------------------------------------------------------------


def _tokens_to_chars(a: str, b: str) -> tuple[str, str, list[str]]:
    """Like diff_linesToChars, with words, spaces and punctuation marks as the units, so a word
    is always inserted or deleted whole."""
    array = [""]
    index: dict[str, int] = {}

    def encode(text: str) -> str:
        out = []
        for token in _TOKEN.findall(text):
            if token not in index:
                array.append(token)
                index[token] = len(array) - 1
            out.append(chr(index[token]))
        return "".join(out)

    return encode(a), encode(b), array


def diff_cost(a: Sequence[str], b: Sequence[str]) -> int:
    """A bound on Myers' work to diff two token sequences: (n + m) times the tokens they cannot share.
    It depends only on the input, so a budget on it keeps output deterministic (a time limit would not)."""
    size = len(a) + len(b)
    shared = sum((Counter(a) & Counter(b)).values())
    return size * (size - 2 * shared)


def word_diff(old: str, new: str) -> tuple[tuple[int, str], ...]:
    """Word-level diff of two paragraphs: (-1|0|1, text) with words kept whole."""
    dmp = matcher()
    chars1, chars2, array = _tokens_to_chars(old, new)
    if diff_cost(chars1, chars2) > WORD_DIFF_BUDGET:
        return tuple(d for d in ((DELETE, old), (INSERT, new)) if d[1])
    diffs = dmp.diff_main(chars1, chars2, False)
    # Semantic cleanup folds the single spaces and commas left equal between changed words into
    # the change, which is what a reader expects; units are tokens, so words still stay whole.
    dmp.diff_cleanupSemantic(diffs)
    dmp.diff_charsToLines(diffs, array)
    return tuple((op, text) for op, text in diffs if text)


# --- public API ---------------------------------------------------------------------------------


def diff_texts(old: str, new: str) -> list[Hunk]:
    """The changed hunks from `old` to `new`, in new-text order; equal lines are not returned
    (apply_hunks restores them). Hunks that only change blank lines are kept because the round
    trip needs them; renderers and the classifier skip them."""
    old_chunks, new_chunks = _chunks(old), _chunks(new)
    regions = _chunk_regions(old_chunks, new_chunks)
    if not regions:
        return []
    old_lines = [u.rstrip("\r\n") for u in _units(old)]
    new_lines = [u.rstrip("\r\n") for u in _units(new)]
    moves = _find_moves(regions, old_chunks, new_chunks)
    moved_old = {i for i, _, n in moves for i in range(i, i + n)}
    moved_new = {j for _, j, n in moves for j in range(j, j + n)}

    def line_of(chunks: list[_Chunk], lines: list[str], index: int) -> int:
        # Where chunk `index` starts; one past the last chunk is the end of the text.
        return chunks[index].line if index < len(chunks) else len(lines)

    hunks: list[Hunk] = []
    for r in regions:
        old_runs, new_runs = _runs(r.old, moved_old), _runs(r.new, moved_new)
        # Pair what is left of the region in order; extra runs on one side stand alone and sit
        # just after the previous run of their region.
        for k in range(max(len(old_runs), len(new_runs))):
            o_run = old_runs[k] if k < len(old_runs) else []
            n_run = new_runs[k] if k < len(new_runs) else []
            o_at = o_run[0] if o_run else (old_runs[-1][-1] + 1 if old_runs else r.old_at)
            n_at = n_run[0] if n_run else (new_runs[-1][-1] + 1 if new_runs else r.new_at)
            old_text = "".join(old_chunks[i].text for i in o_run)
            new_text = "".join(new_chunks[j].text for j in n_run)
            o_start, n_start = line_of(old_chunks, old_lines, o_at), line_of(new_chunks, new_lines, n_at)
            if o_run and n_run:
                # The separator lines both sides open with are equal text: leave them out so the
                # hunk starts at its first changed line. (Safe for a replace only: both sides sit
                # between the same equal lines, so the lines left out stay in order.)
                old_text, new_text, skipped = _drop_common_blank_lines(old_text, new_text)
                o_start, n_start = o_start + skipped, n_start + skipped
                op, words = "replace", word_diff(old_text, new_text)
                heading = _heading_before(new_lines, n_start, new_text)
            elif o_run:
                op, words = "delete", ()
                heading = _heading_before(old_lines, o_start, old_text)
            else:
                op, words = "insert", ()
                heading = _heading_before(new_lines, n_start, new_text)
            hunks.append(Hunk(op, old_text, new_text, o_start, n_start, heading, words))

    for i, j, n in moves:
        start = new_chunks[j].line
        old_text = "".join(c.text for c in old_chunks[i : i + n])
        new_text = "".join(c.text for c in new_chunks[j : j + n])
        hunks.append(
            Hunk("move", old_text, new_text, old_chunks[i].line, start, _heading_before(new_lines, start, new_text))
        )
    hunks.sort(key=lambda h: (h.new_start, h.old_start, h.op != "delete"))
    return hunks


def apply_hunks(old: str, hunks: list[Hunk]) -> str:
    """Rebuild the new text from the old one and the hunks of diff_texts(old, new).

    Every hunk removes its `old` lines at old_start and places its `new` lines at new_start; the
    lines no hunk touches are the equal ones and fill the remaining places in order."""
    old_units = _units(old)
    removed: set[int] = set()
    placed: dict[int, str] = {}
    for h in hunks:
        o_units = _units(h.old)
        if old_units[h.old_start : h.old_start + len(o_units)] != o_units:
            raise ValueError(f"hunk at old line {h.old_start} does not match the old text")
        removed.update(range(h.old_start, h.old_start + len(o_units)))
        for k, unit in enumerate(_units(h.new)):
            if h.new_start + k in placed:
                raise ValueError(f"two hunks place new line {h.new_start + k}")
            placed[h.new_start + k] = unit
    kept = iter(u for i, u in enumerate(old_units) if i not in removed)
    out = []
    for index in range(len(old_units) - len(removed) + len(placed)):
        if index in placed:
            out.append(placed[index])
        else:
            old_unit = next(kept, None)
            if old_unit is None:
                raise ValueError("hunks do not fit the old text")
            out.append(old_unit)
    if next(kept, None) is not None:
        raise ValueError("hunks do not fit the old text")
    return "".join(out)


def hunk_to_dict(h: Hunk) -> dict[str, Any]:
    """The stable JSON shape of a hunk (keys in a fixed order)."""
    return {
        "op": h.op,
        "heading": h.heading,
        "old_start": h.old_start,
        "new_start": h.new_start,
        "old": h.old,
        "new": h.new,
        "words": [[op, text] for op, text in h.words],
    }
