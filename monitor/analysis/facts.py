"""The facts a version states: how long data is kept, whether it is used for training, and who may receive it."""

from __future__ import annotations

import re
from dataclasses import dataclass

from monitor.analysis.clauses import Located, locate, split_cells
from monitor.analysis.topics import ACCESS, NEAR, RETENTION, TRAINING, recipients
from monitor.analysis.vocabulary import (
    BY_THE_USER,
    DATA,
    DISCLOSE,
    DISCLOSE_REACH,
    DURATION,
    HUMAN_REVIEW,
    KEEP_STORE_DELETE,
    NUMBER_WORDS,
    RETAIN,
    RETENTION_PHRASES,
)
from monitor.models import Clause
from monitor.text.fold import fold_typography


@dataclass(frozen=True)
class Fact:
    """A structured statement: whether data is used for training, how long it is kept, or who may receive it."""

    kind: str  # "training_stance" | "retention_period" | "access"
    subject: str  # what it applies to, e.g. "deleted conversations", "Customer Content"; for access, who
    value: str  # e.g. "30 days", "up to 5 years", "used unless you opt out", "may receive", "not sold"
    clause: str


# The question each kind of fact answers, in the order a buyer asks them.
FACT_TOPIC = {"training_stance": TRAINING, "retention_period": RETENTION, "access": ACCESS}
KIND_ORDER = tuple(FACT_TOPIC)


# Modifiers kept in a subject because they change what the period applies to ("deleted
# conversations", "flagged content", "exportable data"); capitalised words keep defined terms.
_SUBJECT_MODIFIERS = (
    r"(?:(?:deleted|flagged|personal|customer|user|account|api|de-identified|aggregated|backup|training|usage"
    r"|safety|security-related|security|abuse\s+monitoring|trust\s+and\s+safety|chat|conversation|temporary"
    r"|individual|related|entire"
    r"|[a-z]+(?:able|ed)|[A-Z][a-z]+)\s+){0,3}"
)
SUBJECT = re.compile(
    rf"\b{_SUBJECT_MODIFIERS}(?i:{DATA})(?:\s+(?:and|or)\s+{_SUBJECT_MODIFIERS}(?i:{DATA}))?\b"
)
_DETERMINERS = re.compile(
    r"^(?:(?:your|our|the|all|any|such|its|their|this|that|these|those|of|each|individual|related|entire)\s+)+",
    re.I,
)
# "you also are able to delete individual conversations, which will be ... deleted within 30 days":
# the period starts when the user deletes, so it applies to what they deleted.
USER_DELETES = re.compile(r"\b(?:you|users?)\s+(?:\w+\s+){0,4}?delete\s+(?:(?:a|an|the|your|any|all)\s+)?", re.I)
# "Inputs and Outputs flagged by our classifiers", "conversations that have been reviewed": a
# participle after the noun narrows it as much as an adjective before it.
_POST_MODIFIER = re.compile(r"\s+(?:that\s+(?:are|were|have\s+been|has\s+been)\s+)?(flagged|deleted|reviewed)\b", re.I)

OPT_OUT = re.compile(r"\bopt(?:s|ed|ing)?[-\s]?out\b|\bturn(?:s|ed)?\s+off\b", re.I)
EVEN_IF_OPT_OUT = re.compile(r"\beven\s+(?:if|when|where|after)\s+(?:you|users?)\s+(?:have\s+)?opt", re.I)
NOT_USED = re.compile(
    r"\b(?:not|never|no\s+longer|\w+n['’]t|cannot)\b[^.;]{0,60}?"
    r"\b(?:use|used|using|train|trained|training|fine[- ]?tune)\b",
    re.I,
)
OPT_IN = re.compile(
    r"\bopt(?:s|ed)?[-\s]?in\b"
    r"|\bunless\s+(?:you|customer|the\s+customer)\s+(?:\w+\s+){0,2}?(?:agree|consent|choose|permit|allow)"
    r"|\bwithout\s+(?:your|customer['’]s|the\s+customer['’]s)\s+(?:\w+\s+)?(?:permission|consent|agreement)",
    re.I,
)
USED = re.compile(
    r"\b(?:may|will|can|might|could|do|does)\s+(?:also\s+)?(?:use|train|fine[- ]?tune)\b|\bwe\s+(?:use|train)\b"
    r"|\b(?:uses|trains)\b"
    r"|\b(?:are|is|be)\s+used\s+(?:to|for)\b",
    re.I,
)
# Exceptions a "used even if you opt out" sentence names, as the subjects a buyer asks about.
_EXCEPTIONS = {"flagged content": re.compile(r"\bflag", re.I), "feedback": re.compile(r"\bfeedback|\breport", re.I)}

_NECESSARY = re.compile(
    r"\b(?:as\s+long\s+as|the\s+period)\s+(?:\w+\s+){0,2}?(?:necessary|needed|required)\b", re.I
)
# "for as long as your account is active": the condition is the period.
_AS_LONG_AS = re.compile(
    r"\bas\s+long\s+as\s+(?!(?:\w+\s+){0,2}?(?:necessary|needed|required)\b)([^.,;:()]{3,60})", re.I
)
_INDEFINITE = re.compile(r"\bindefinitely\b", re.I)
_RETENTION_VERB = re.compile(rf"{RETAIN.pattern}|{KEEP_STORE_DELETE.pattern}|\bretention\b", re.I)


def _clean_subject(phrase: str) -> str:
    return _DETERMINERS.sub("", phrase.strip())


def _subject_near(text: str, position: int, default: str) -> str:
    if deleting := USER_DELETES.search(text):
        if m := SUBJECT.match(text, deleting.end()):
            subject = _clean_subject(m.group(0))
            return subject if subject.lower().startswith("deleted") else f"deleted {subject}"
    candidates = list(SUBJECT.finditer(text))
    before = [m for m in candidates if m.end() <= position]
    chosen = before[-1] if before else (candidates[0] if candidates else None)
    if chosen is None:
        return default
    subject = _clean_subject(chosen.group(0))
    if (post := _POST_MODIFIER.match(text, chosen.end())) and post.group(1).lower() not in subject.lower():
        subject = f"{post.group(1).lower()} {subject}"
    return subject


def _duration_value(m: re.Match[str]) -> str:
    n = m.group("n").lower()
    number = int(n) if n.isdigit() else NUMBER_WORDS.get(n, 0)
    unit = m.group("unit").lower().rstrip("s")
    value = f"{number} {unit}{'' if number == 1 else 's'}"
    qual = (m.group("qual") or "").lower()
    if qual.startswith(("up", "no", "a max", "max")):
        return f"up to {value}"
    if qual.startswith(("at", "a min", "min")):
        return f"at least {value}"
    return value


def _retention_facts(clause: Clause, table_subject: str) -> list[Fact]:
    text = fold_typography(clause.text)
    cells = split_cells(text)
    default = table_subject or clause.heading or "data"
    if len(cells) == 2 and RETENTION_PHRASES["retention period"].search(cells[0]):
        # A "Retention period | value" row states the period of what the table describes.
        value = cells[1].rstrip(".")
        if _NECESSARY.search(value):
            value = _NECESSARY.sub("as long as necessary", value, count=1)
            value = value[value.lower().index("as long as"):]
        return [Fact("retention_period", default, value, clause.text)]
    verbs = [m.start() for m in _RETENTION_VERB.finditer(text)]
    found = []
    periods = [(m, _duration_value(m)) for m in DURATION.finditer(text)]
    periods += [(m, value) for p, value in ((_NECESSARY, "as long as necessary"), (_INDEFINITE, "indefinitely"))
                for m in p.finditer(text)]
    periods += [(m, "as long as " + " ".join(m.group(1).split()[:8])) for m in _AS_LONG_AS.finditer(text)]
    for m, value in sorted(periods, key=lambda pv: pv[0].start()):
        if any(abs(v - m.start()) <= NEAR for v in verbs):
            found.append(Fact("retention_period", _subject_near(text, m.start(), default), value, clause.text))
    if zdr := RETENTION_PHRASES["zero data retention"].search(text):
        # The phrase holds the word "data" itself; look for the subject in the rest of the sentence.
        rest = text[: zdr.start()] + " " * (zdr.end() - zdr.start()) + text[zdr.end():]
        found.append(Fact("retention_period", _subject_near(rest, zdr.start(), "customer data"),
                          "zero data retention", clause.text))
    return found


def _stance(text: str) -> str | None:
    # Order matters: "If you do not want us to use your Content to train our models, you can opt
    # out" is a default-on stance despite its "not"; "not used unless you opt in" has no opt-out.
    if OPT_OUT.search(text):
        return "used unless you opt out"
    if NOT_USED.search(text):
        if OPT_IN.search(text):
            return "not used unless you opt in"
        return "not used by default" if re.search(r"\bby\s+default\b", text, re.I) else "not used"
    if OPT_IN.search(text):
        return "used only if you opt in"
    if USED.search(text):
        return "used"
    return None


_PASSIVE_USE = re.compile(
    r"\b(?:are|is|be|been|being|were|was|\w+n['’]t)\s+(?:not\s+|never\s+)?(?:be\s+)?(?:used|trained)\b", re.I
)
_ACTIVE_USE = re.compile(r"\b(?:us(?:e|es|ed|ing)|train\w*\s+(?:\w+\s+){0,2}?(?:on|with|using))\s+", re.I)


def _training_facts(clause: Clause) -> list[Fact]:
    text = fold_typography(clause.text)
    subject = ""
    # "Prompts ... aren't used to train": the data comes before a passive verb; "we may use your
    # Inputs", "train models on Customer Content": after an active one.
    if (passive := _PASSIVE_USE.search(text)) and (m := SUBJECT.search(text[: passive.start()])):
        subject = _clean_subject(m.group(0))
    elif (anchor := _ACTIVE_USE.search(text)) and (m := SUBJECT.search(text, anchor.end())):
        subject = _clean_subject(m.group(0))
    subject = subject or _subject_near(text, len(text), "customer data")
    if EVEN_IF_OPT_OUT.search(text):
        named = [name for name, p in _EXCEPTIONS.items() if p.search(text)] or [subject]
        return [Fact("training_stance", name, "used even if you opt out", clause.text) for name in named]
    value = _stance(text)
    return [Fact("training_stance", subject, value, clause.text)] if value else []


# Who may see or receive the data, in a buyer's words. A recipient counts where the clause is about access
# (its label) and, but for human review, a verb of passing the data on stands near it.
_RECIPIENTS: dict[str, re.Pattern[str]] = {
    "affiliates": re.compile(r"\baffiliat\w+|\bgroup\s+(?:companies|entities|compan(?:y|ies))\b", re.I),
    "service providers": re.compile(r"(?<!internet\s)\bservice\s+providers?\b|\bvendors?\b|\bsub-?processors?\b", re.I),
    "advertisers": re.compile(r"\badvertis\w+|\bad\s+networks?\b", re.I),
    "business partners": re.compile(r"\bpartners?\b", re.I),
    "other users or the public": re.compile(r"\bother\s+users\b|\bthe\s+public\b|\bpublicly\b", re.I),
    "authorities": re.compile(
        r"\blaw[-\s]enforcement\b|\bgovernment\w*|\bauthorit(?:y|ies)\b|\bregulators?\b|\bcourts?\b"
        r"|\bsubpoenas?\b|\blegal\s+process\b", re.I),
    "buyers of the business": re.compile(r"\b(?:successors?|acquirers?|buyers?|purchasers?)\b|\bmergers?\b", re.I),
}
_NOT_PASSED = re.compile(
    r"\b(?:not|never|no|\w+n['’]t)\b[^.;]{0,40}?\b(?:(sell|sold)|shar\w*|disclos\w*|provid\w*|transfer\w*|rent\w*)\b",
    re.I,
)
_NO_HUMAN = re.compile(
    r"\b(?:no|not|never|\w+n['’]t)\b[^.;]{0,30}?\b(?:human|people|staff|employees|personnel)\b", re.I
)


def _access_facts(clause: Clause) -> list[Fact]:
    text = fold_typography(clause.text)
    found = []
    if HUMAN_REVIEW.search(text):
        value = "no human review" if _NO_HUMAN.search(text) else "may review"
        found.append(Fact("access", "human reviewers", value, clause.text))
    named = {who: recipients(text, pattern) for who, pattern in _RECIPIENTS.items()}
    inside = [(r.start(), r.end()) for rs in named.values() for r in rs]
    # "providers" is a recipient, not the verb "provide"; "the information you provide" is handed over, not passed on.
    verbs = [v for v in DISCLOSE.finditer(text)
             if not any(a <= v.start() < b for a, b in inside)
             and not BY_THE_USER.search(text, max(0, v.start() - 12), v.start())]
    if not verbs:
        return found
    negated = _NOT_PASSED.search(text)
    value = ("not sold" if negated.group(1) else "not shared") if negated else "may receive"
    for who, matches in named.items():
        if any(abs(r.start() - v.start()) <= DISCLOSE_REACH for r in matches for v in verbs):
            found.append(Fact("access", who, value, clause.text))
    return found


def located_facts(located: Located) -> list[Fact]:
    """The facts one clause states, on the topics it is labelled with."""
    clause = located.clause
    found = []
    if RETENTION in clause.labels:
        found += _retention_facts(clause, located.subject)
    if TRAINING in clause.labels:
        found += _training_facts(clause)
    if ACCESS in clause.labels:
        found += _access_facts(clause)
    return found


def facts(text: str) -> list[Fact]:
    """The retention periods, training stances and recipients of the data a version states, in reading order."""
    return [f for located in locate(text) for f in located_facts(located)]

