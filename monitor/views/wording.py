"""Puts a change's topics, facts and clause pairs into words, the same words in every view and alert.

Pure: works on the stored dicts (analysis.classify.ChangeClass facts, pairs.ClausePair.as_dict()).
"""

from __future__ import annotations

from monitor.models import ADDED, CHANGED, MOVED, NOT_STATED, REMOVED

OP_WORDS = {CHANGED: "reworded", ADDED: "added", REMOVED: "removed", MOVED: "moved"}
QUESTION_TITLES = {"training": "Training on customer data", "retention": "Retention",
                   "access": "Access: who may see or receive the data"}
# The two questions a reviewer asks first; clauses on them lead wherever a view must be brief.
_FIRST = ("training", "retention")


def and_list(words: list[str]) -> str:
    """["training", "retention", "access"] -> "training, retention and access"."""
    return ", ".join(words[:-1]) + " and " + words[-1] if len(words) > 1 else "".join(words)


def fact_row(fact: dict) -> dict:
    """A fact as its three cells: what it is about, what the terms said, what they say now."""
    return {"subject": fact.get("subject") or fact.get("kind"), "before": fact.get("before") or NOT_STATED,
            "after": fact.get("after") or NOT_STATED}


def fact_line(fact: dict) -> str:
    row = fact_row(fact)
    return f"{row['subject']}: {row['before']} → {row['after']}"


def pair_place(pair: dict) -> str:
    """What happened to a clause and where: "reworded under “Use of data” (was under “Training”)"."""
    if pair["op"] == MOVED:
        return f"moved from “{pair['from_heading']}” to “{pair['heading']}”"
    where = f" under “{pair['heading']}”" if pair["heading"] else ""
    was = f" (was under “{pair['from_heading']}”)" if pair.get("from_heading") else ""
    return f"{OP_WORDS[pair['op']]}{where}{was}"


def pair_title(pair: dict) -> str:
    """The clause's topics and place: "training · reworded under “Use of data”"."""
    return f"{', '.join(pair['labels'])} · {pair_place(pair)}"


def spans(pair: dict, side: str) -> list[tuple[bool, str]]:
    """One side's wording as (marked, text) pieces: the words a rewording removed (before) or added (after)."""
    text = pair[side]
    if text is None:
        return []
    if pair["op"] != CHANGED or not pair.get("words"):
        return [(False, text)]
    own = -1 if side == "before" else 1
    return [(op == own, piece) for op, piece in pair["words"] if op in (0, own)]


def pair_lines(pair: dict) -> list[str]:
    """A pair as plain text: a title line, then the before and after wording, changed words in [-…-] / {+…+}."""
    lines = [f"- {pair_title(pair)}:"]
    if pair["op"] == MOVED:
        return lines + [f"    {pair['after']}"]
    for side, label, (start, end) in (("before", "before:", ("[-", "-]")), ("after", "after: ", ("{+", "+}"))):
        if pair[side] is not None:
            lines.append(f"    {label} " + "".join(f"{start}{t}{end}" if on else t for on, t in spans(pair, side)))
    return lines


def prioritised(pairs: list[dict]) -> list[dict]:
    """Pairs on training or retention first, each group in document order."""
    return sorted(pairs, key=lambda p: not set(p["labels"]) & set(_FIRST))


def count_line(pairs: list[dict]) -> str:
    """How many clauses on the three questions changed, counted as every view counts them (a rewording
    is one clause, and the summary's "N clauses changed" is the same N); moved ones are counted apart."""
    moved = sum(p["op"] == MOVED for p in pairs)
    n = len(pairs) - moved
    return (f"{n} clause{'s' if n != 1 else ''} on training, retention or access changed"
            + (f"; {moved} moved" if moved else ""))
