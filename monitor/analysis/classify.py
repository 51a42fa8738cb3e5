"""Whether a change between two versions touches training, retention or access: the clauses it changed, the facts
whose values differ, and a one-line summary."""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import asdict, dataclass, field
from typing import Any, TypedDict

from monitor.analysis.clauses import Located, locate
from monitor.analysis.diff import Hunk, diff_texts
from monitor.analysis.facts import KIND_ORDER, Fact, located_facts
from monitor.analysis.pairs import ClausePair, marked_words, pair_clauses
from monitor.analysis.topics import ACCESS, RETENTION, TRAINING
from monitor.models import CHANGED, MOVED, NOT_STATED, Clause
from monitor.text.fold import fold_typography


class FactChange(TypedDict):
    """A fact whose values differ between two versions: what went (before) and what came (after)."""

    kind: str
    subject: str
    before: str | None
    after: str | None


@dataclass(frozen=True)
class ChangeClass:
    """What a change between two versions means for a buyer."""

    training: bool
    retention: bool
    access: bool
    summary: str
    facts: list[FactChange] = field(default_factory=list)
    # ClausePair.as_dict() of each clause on the three questions
    clauses: list[dict[str, Any]] = field(default_factory=list)


@dataclass(frozen=True)
class Change:
    """A change from one version of a document to the next as termwatch records it: editorial or substantive, and
    what it means for a buyer. It becomes a row and an alert's payload only at those edges (`fields`)."""

    significance: str
    meaning: ChangeClass
    from_version: int | None = None  # the version it is described against, once stored

    def fields(self) -> dict[str, Any]:
        """The change as plain JSON-ready values, for the store and the alerts."""
        return {"significance": self.significance, **asdict(self.meaning), "from_version": self.from_version}


_NUMBERING = re.compile(
    r"^(?:#{1,6}\s*|[-*+•·▪◦]\s*|\d{1,3}(?:\.\d{1,3})+[.)]?\s+(?=[A-Z(])|\(?(?:\d{1,3}|[a-zA-Z]|[ivxlc]{1,6})[.)]\s*)+")


def comparable(text: str) -> str:
    """Whether two clauses say the same thing: numbering, spacing, case and typography ignored, so
    renumbered clauses and re-rendered punctuation are not wording changes."""
    return "".join(_NUMBERING.sub("", fold_typography(text).strip()).split()).casefold()


def _comparable_lines(text: str) -> str:
    # Line by line, so renumbering ("1." -> "A.1.") and re-wrapping of paragraphs compare equal.
    return "".join(comparable(line) for line in text.split("\n"))


def _hunk_lines(hunk: Hunk, side: str) -> range:
    text, start = (hunk.old, hunk.old_start) if side == "old" else (hunk.new, hunk.new_start)
    return range(start, start + text.count("\n") + (0 if text.endswith("\n") or not text else 1))


def _changed_lines(hunks: list[Hunk], side: str) -> set[int]:
    # Moved unchanged: the wording is the same, only its place differs.
    return {line for h in hunks if h.op != "move" for line in _hunk_lines(h, side)}


def _fact_values(found: list[Fact]) -> dict[tuple[str, str], set[str]]:
    values: dict[tuple[str, str], set[str]] = {}
    for f in found:
        values.setdefault((f.kind, f.subject.casefold()), set()).add(f.value)
    return values


def _changed_facts(removed: list[Located], added: list[Located], old: list[Located],
                   new: list[Located]) -> list[FactChange]:
    """Facts stated by a changed clause whose values differ between the two versions as a whole
    (a period restated unchanged in a reworded sentence is not a change)."""
    touched = _fact_values([f for x in removed + added for f in located_facts(x)])
    old_facts = [f for x in old for f in located_facts(x)]
    new_facts = [f for x in new for f in located_facts(x)]
    before_all, after_all = _fact_values(old_facts), _fact_values(new_facts)
    names = {(f.kind, f.subject.casefold()): f.subject for f in old_facts + new_facts}
    out = []
    for key in sorted(touched, key=lambda k: (KIND_ORDER.index(k[0]), k[1])):
        before, after = before_all.get(key, set()), after_all.get(key, set())
        if before == after:
            continue
        # A subject reworded ("your Inputs and Outputs" -> "Inputs") that keeps its values is the same fact:
        # only what neither version states of it under any wording is gone or new.
        before |= set().union(*(v for k, v in before_all.items() if k != key and _same_subject(k, key)))
        after |= set().union(*(v for k, v in after_all.items() if k != key and _same_subject(k, key)))
        # Values present in both versions did not change; show only what went and what came.
        gone, came = sorted(before - after), sorted(after - before)
        fact: FactChange = {"kind": key[0], "subject": names[key], "before": "; ".join(gone) or None,
                            "after": "; ".join(came) or None}
        if (gone or came) and fact not in out:
            out.append(fact)
    return out


_SUBJECT_FILLER = frozenset("and or of the your our any all data information".split())


def _same_subject(a: tuple[str, str], b: tuple[str, str]) -> bool:
    """Two fact keys of one kind whose subjects share a word that names the data ("inputs", "conversations")."""
    if a[0] != b[0]:
        return False

    def words(subject: str) -> set[str]:
        return set(re.findall(r"\w+", subject)) - _SUBJECT_FILLER

    return bool(words(a[1]) & words(b[1]))


# How near the changed words must be to a clause's evidence for the change to be about its topic: the same
# phrase or the next one, not the other end of a long sentence.
_CARRY = 60
_LIST_ITEM_MARK = re.compile(r"\(\w{1,4}\)|;")


def _near_evidence(text: str, evidence: tuple[str, ...], changed: list[tuple[int, int]]) -> bool:
    """Whether changed words of `text` (spans in it) sit near an evidence phrase. `text` is typography-folded,
    as the evidence was found in folded text ("Meta’s" is found as "Meta's")."""
    for phrase in evidence:
        for found in re.finditer(re.escape(phrase), text, re.I):
            start, end = found.span()
            if any(a - _CARRY <= end and start <= b + _CARRY for a, b in changed):
                return True
            # "Meta may retain your Content: (i) …; (ii) …": the evidence governs the list its colon opens, so an
            # item added to or taken from that list is about it (a word changed inside an item is not).
            colon = text.find(":", end, end + _CARRY)
            if colon != -1 and any(a > colon and _LIST_ITEM_MARK.search(text, a, b) for a, b in changed):
                return True
    return False


def _carried(pair: ClausePair) -> set[str]:
    """The topics a change of this clause is about: all of an added or removed clause's; of a reworded one,
    those whose label came or went, or whose evidence sits near the changed words (a sanctions clause whose
    "records will be retained" stays put while its list of countries changes is not about retention)."""
    before, after = pair.before, pair.after
    if pair.op != CHANGED or before is None or after is None:  # a changed pair has both sides
        return set() if pair.op == MOVED else set(pair.labels)
    old, new = fold_typography(before.text), fold_typography(after.text)
    numbered_before, numbered_after = _numbering_end(old), _numbering_end(new)
    changed_before: list[tuple[int, int]] = []
    changed_after: list[tuple[int, int]] = []
    at_before = at_after = 0
    for op, piece in marked_words(old, new):
        # A full stop added or a comma moved changes no meaning near anything; only words count, and not the
        # clause's own number.
        worded = any(ch.isalnum() for ch in piece)
        if op <= 0:
            if op < 0 and worded and at_before + len(piece) > numbered_before:
                changed_before.append((at_before, at_before + len(piece)))
            at_before += len(piece)
        if op >= 0:
            if op > 0 and worded and at_after + len(piece) > numbered_after:
                changed_after.append((at_after, at_after + len(piece)))
            at_after += len(piece)
    topics = set(before.labels ^ after.labels)
    if _near_evidence(old, before.evidence, changed_before) or _near_evidence(new, after.evidence, changed_after):
        topics |= set(pair.labels)
    return topics


def _numbering_end(text: str) -> int:
    """Where a clause's own number ("4.3", "(b)", "E.4.") ends: renumbered when a section is inserted before it,
    which says nothing about what the clause is about."""
    found = _NUMBERING.match(text)
    return found.end() if found else 0


def _moved(old: list[Located], new: list[Located], hunks: list[Hunk]) -> list[tuple[Clause, Clause]]:
    """Labelled clauses the change carried, word for word, into another section."""
    touched_old = {line for h in hunks for line in _hunk_lines(h, "old")}
    touched_new = {line for h in hunks for line in _hunk_lines(h, "new")}
    arrived: dict[str, Located] = {}
    for x in new:
        if x.clause.labels and x.line in touched_new:
            arrived.setdefault(comparable(x.clause.text), x)
    out = []
    for x in old:
        there = arrived.pop(comparable(x.clause.text), None) if x.line in touched_old and x.clause.labels else None
        if there is not None and comparable(there.clause.heading) != comparable(x.clause.heading):
            out.append((x.clause, there.clause))
    return out


def classify_change(old: str, new: str, hunks: list[Hunk]) -> ChangeClass:
    """Flag a change as touching training and/or retention, with the clauses and facts that moved.

    A clause counts as changed when it sits in a changed hunk and its wording (numbering, spacing
    and typography ignored) appears nowhere in the other version; moved paragraphs never count."""
    old_located, new_located = list(locate(old)), list(locate(new))
    old_keys = {comparable(x.clause.text) for x in old_located}
    new_keys = {comparable(x.clause.text) for x in new_located}
    old_lines, new_lines = _changed_lines(hunks, "old"), _changed_lines(hunks, "new")
    removed = [x for x in old_located if x.line in old_lines and comparable(x.clause.text) not in new_keys]
    added = [x for x in new_located if x.line in new_lines and comparable(x.clause.text) not in old_keys]
    changed_facts = _changed_facts(removed, added, old_located, new_located)
    pairs = pair_clauses([x.clause for x in removed], [x.clause for x in added],
                         _moved(old_located, new_located, hunks))
    moved_topics = {label for p in pairs for label in _carried(p)}
    training = TRAINING in moved_topics or any(f["kind"] == "training_stance" for f in changed_facts)
    retention = RETENTION in moved_topics or any(f["kind"] == "retention_period" for f in changed_facts)
    access = ACCESS in moved_topics or any(f["kind"] == "access" for f in changed_facts)
    summary = _summary(hunks, pairs, changed_facts, {TRAINING: training, RETENTION: retention, ACCESS: access})
    return ChangeClass(training, retention, access, summary, changed_facts, [p.as_dict() for p in pairs])


# --- summary ------------------------------------------------------------------------------------

_KIND_TITLES = {"retention_period": "Retention of {subject}", "training_stance": "Training on {subject}",
                "access": "Access by {subject}"}


def _quote_headings(headings: list[str]) -> str:
    counted = Counter(h for h in headings if h)
    if not counted:
        return ""
    top = sorted(counted, key=lambda h: (-counted[h], headings.index(h)))
    more = len(top) - 1
    tail = f" and {more} other section{'s' if more > 1 else ''}" if more else ""
    return f" under '{top[0]}'{tail}"


def _summary(hunks: list[Hunk], pairs: list[ClausePair], changed_facts: list[FactChange],
             topics: dict[str, bool]) -> str:
    if changed_facts:
        f = changed_facts[0]
        title = _KIND_TITLES[f["kind"]].format(subject=f["subject"])
        before, after = f["before"] or NOT_STATED, f["after"] or NOT_STATED
        more = len(changed_facts) - 1
        extra = f" (and {more} more fact{'s' if more > 1 else ''} changed)" if more else ""
        return f"{title}: {before} → {after}{extra}."
    if any(topics.values()):
        names = [n for n, on in topics.items() if on]
        # The count is of clauses as every view lists them: a reworded clause is one, not a removal and an addition.
        flagged = [p for p in pairs if p.op != MOVED and set(p.labels) & set(names)]
        topic = (", ".join(names[:-1]) + " and " + names[-1] if len(names) > 1 else names[0]).capitalize()
        count = len(flagged)
        where = _quote_headings([p.now.heading for p in flagged])
        return f"{topic}: {count} clause{'s' if count != 1 else ''} changed{where}."
    wording = [h for h in hunks if h.op != "move" and _comparable_lines(h.old) != _comparable_lines(h.new)]
    moved = [h for h in hunks if h.op == "move"]
    if not wording:
        if moved:
            return f"{len(moved)} paragraph{'s' if len(moved) != 1 else ''} moved; wording unchanged."
        return "Formatting only; no wording changed." if hunks else "No change."
    plus = minus = 0
    for h in wording:
        if h.op == "replace":
            plus += sum(len(t) for op, t in h.words if op == 1)
            minus += sum(len(t) for op, t in h.words if op == -1)
        else:
            plus += len(h.new.strip())
            minus += len(h.old.strip())
    places = len(wording)
    return (
        f"Wording changed in {places} place{'s' if places != 1 else ''} (+{plus}/−{minus} characters)"
        f"{_quote_headings([h.heading for h in wording])}."
    )


def describe_change(old: str, new: str, significance: str, from_version: int | None = None) -> Change:
    """Diff and classify two texts into the change a row and its alerts carry."""
    return Change(significance, classify_change(old, new, diff_texts(old, new)), from_version)
