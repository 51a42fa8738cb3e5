"""Which of the three questions (training, retention, access) a sentence speaks to, with the phrases that show it."""

from __future__ import annotations

import re

from monitor.analysis.vocabulary import (
    ACCESS_HEADING,
    ACCESS_PHRASES,
    BY_THE_USER,
    COOKIES,
    CUSTOMER_SIDE_TRAINING,
    DATA_NOUN,
    DISCLOSE,
    DISCLOSE_REACH,
    HUMAN_REVIEW,
    KEEP_DATA,
    KEEP_STORE_DELETE,
    NOT_MODEL_TRAINING,
    PERSONAL_DATA,
    RECIPIENT,
    RECIPIENTS_HEADING,
    RETAIN,
    RETAIN_NOT_DATA,
    RETENTION_HEADING,
    RETENTION_PHRASES,
    TIMING,
    TRAINING_PHRASES,
)
from monitor.text.fold import fold_typography

TRAINING, RETENTION, ACCESS = "training", "retention", "access"
TOPICS = (TRAINING, RETENTION, ACCESS)

# Cheap first looks: most sentences of a terms page mention neither, and the full rules are costly.
_TRAINING_HINT = re.compile(r"train|tun|model|machine|algorithm|LLM|artificial|neural|improv|develop", re.I)
_RETENTION_HINT = re.compile(
    r"retain|retention|keep|kept|stor|delet|eras|destr|purg|remov|identif|anonymi|ZDR|hold|how\s+long|maintain",
    re.I,
)


def _training_evidence(text: str, products: re.Pattern[str] | None = None) -> list[str]:
    if not (_TRAINING_HINT.search(text) or (products and products.search(text))):
        return []
    if not DATA_NOUN.search(text) or CUSTOMER_SIDE_TRAINING.search(text):
        return []
    people = NOT_MODEL_TRAINING.search(text)
    found = []
    for name, pattern in TRAINING_PHRASES.items():
        m = pattern.search(text)
        if m is None or (name == "train" and people):
            continue
        found.append(m.group(0))
    if not found and products and (m := products.search(text)):
        found.append(m.group(0))
    return found


# How a document names its own AI: "Nova is our AI assistant", "Acme AI", "our AI model, Orion".
_NAMED_AI = re.compile(
    r"\b((?-i:[A-Z][\w-]+(?:\s+[A-Z][\w-]+){0,2}))\s+(?:is|are)\s+(?:an?\s+|our\s+|the\s+)?(?:\w+\s+){0,2}?"
    r"(?:AI|artificial\s+intelligence|models?|assistants?|chatbots?|LLMs?)\b"
    r"|\b(?:AI|models?|assistants?|chatbots?|LLMs?),?\s+(?:called\s+|named\s+|known\s+as\s+)?"
    r"((?-i:[A-Z][\w-]+))\b(?=\s*[,)(]|\s+(?:is|are)\b)"
    r"|\b((?-i:[A-Z][\w-]+))\s+AI\b",
    re.I,
)
_NOT_NAMES = frozenset("the our your this these that its their a an we you it in to for of and or such if when".split())


def products(text: str) -> re.Pattern[str] | None:
    """A pattern for improving or developing what the document itself calls an AI, by its own names ("used
    to improve Nova", "not used to improve Acme AI"), so that training is found whatever the product is
    called; None when the document names no AI of its own."""
    names = {n for m in _NAMED_AI.finditer(fold_typography(text)) for n in m.groups() if n}
    names = {n for n in names if n.split()[0].lower() not in _NOT_NAMES and len(n) > 2}
    if not names:
        return None
    alternation = "|".join(sorted((re.escape(n) for n in names), key=len, reverse=True))
    return re.compile(
        rf"\b(?:improv|develop|enhanc|build|refin|train)\w*\s+(?:(?:and|or|the|our|its|\w+['’]s|AI|new|future)[\s,]+){{0,3}}"
        rf"(?-i:(?:{alternation}))(?:\s+AI)?\b",
        re.I,
    )


def _apart_from_cookies(text: str) -> bool:
    """Whether a table row speaks of keeping data in a cell that is not about cookies: "the Memory feature may
    retain details from your conversations | … Usage Data; Cookies" lists cookies as a kind of data collected."""
    cells = text.split(" | ")
    return len(cells) > 1 and any(_RETENTION_HINT.search(c) and not COOKIES.search(c) for c in cells)


def _retention_evidence(text: str, heading: str = "") -> list[str]:
    if not _RETENTION_HINT.search(text):
        return []
    if COOKIES.search(text) and not PERSONAL_DATA.search(text) and not _apart_from_cookies(text):
        return []
    found = [m.group(0) for p in RETENTION_PHRASES.values() if (m := p.search(text))]
    has_data = DATA_NOUN.search(text) is not None
    if has_data:
        for m in RETAIN.finditer(text):
            if not RETAIN_NOT_DATA.match(text, m.start()):
                found.append(m.group(0))
                break
    if has_data and (m := KEEP_DATA.search(text)):
        found.append(m.group(0))
    if has_data or RETENTION_HEADING.search(heading):
        if pair := _near(KEEP_STORE_DELETE, TIMING, text):
            found += pair
    return found


# A time only qualifies a keeping or deleting verb close to it: in "Within one month before the end
# of the Notice Period you shall notify us ... of your decision to erase your data" the month is a
# notice period, not how long data is kept.
NEAR = 80
_DUTY_REACH = 60
# "you must conduct careful human review of each Output": a duty of the customer, not someone reading their data.
_USER_DUTY = re.compile(
    r"\b(?:you|users?|customers?|developers?)\s+(?:\w+\s+){0,2}?(?:must|shall|should|will|agree\s+to"
    r"|are\s+(?:required|responsible))\b",
    re.I)


def _near(verbs: re.Pattern[str], times: re.Pattern[str], text: str) -> list[str]:
    # "you must immediately cease … and destroy any cached or stored materials": the customer's duty, and its
    # timing, are not how long the provider keeps data.
    spans = [(m.start(), m.end(), m.group(0)) for m in times.finditer(text)
             if not _USER_DUTY.search(text, max(0, m.start() - _DUTY_REACH), m.start())]
    for v in verbs.finditer(text):
        if _USER_DUTY.search(text, max(0, v.start() - _DUTY_REACH), v.start()):
            continue
        for start, end, phrase in spans:
            if start - v.end() <= NEAR and v.start() - end <= NEAR:
                return [v.group(0), phrase]
    return []


_ACCESS_HINT = re.compile(
    r"human|review|read|access|view|see|shar|disclos|sell|sold|sale|transfer|provid|availab|pass|rent|expos|publish"
    r"|send|sent|giv|enforcement|government|subpoena|court|legal\s+process|warrant|privilege|need|authori|processor"
    r"|\b(?:Inc|LLC|Ltd|Limited|Corp|GmbH|SAS|AG|PLC)\b",
    re.I,
)
# A row naming a company and where it works is a recipient of the data (a list of subprocessors).
_LEGAL_ENTITY = re.compile(
    r"\b(?:Inc|LLC|L\.L\.C|Ltd|Limited|Corp|Corporation|GmbH|S\.A\.S|SAS|S\.A|B\.V|AG|PLC|Pty|S\.r\.l|SE|Co)\b\.?"
)
# A rendered table row: at least this many cells, this short on average.
_ROW_CELLS = 3
_ROW_CELL_CHARS = 60

# A recipient is named as one ("to our affiliates", "with service providers", "third-party advertisers");
# the same words as a noun's modifier ("Internet Service Provider", "the Partner Program") name no one.
_NAMED_AS_RECIPIENT = re.compile(
    r"(?:\b(?:to|with|among|between|by|from|our|its|their|your|certain|other|trusted|selected|and|or)"
    r"|third[-\s]party|[,;:(&])\s+(?:\w+\s+){0,2}$", re.I)


# Authorities and the public are recipients however they are introduced.
_ALWAYS_RECIPIENTS = ("public", "the public", "law", "government", "authorit", "court", "subpoena", "legal",
                      "regulat", "competent")


def recipients(text: str, pattern: re.Pattern[str]) -> list[re.Match[str]]:
    """The matches of `pattern` in `text` that name someone as a recipient, not a word used as a modifier."""
    return [r for r in pattern.finditer(text)
            if r.group(0).lower().startswith(_ALWAYS_RECIPIENTS)
            or _NAMED_AS_RECIPIENT.search(text, max(0, r.start() - 40), r.start())]


def _listed_recipient(text: str, heading: str) -> list[str]:
    """A table row that names a company, any row of a table under a heading of recipients ("Subprocessors"), or
    a row whose label names them ("Recipients | Our payment processors"): one who receives the data, whatever the
    row says of it."""
    label = text.split(" | ", 1)
    if len(label) == 2 and len(label[0]) <= _ROW_CELL_CHARS and (m := RECIPIENTS_HEADING.search(label[0])):
        return [m.group(0)]
    cells = re.split(r"; | \| ", text)
    if len(cells) < _ROW_CELLS or sum(map(len, cells)) > _ROW_CELL_CHARS * len(cells):
        return []
    m = _LEGAL_ENTITY.search(cells[0]) or RECIPIENTS_HEADING.search(heading)
    return [m.group(0)] if m else []


def _access_evidence(text: str, heading: str = "") -> list[str]:
    listed = _listed_recipient(text, heading)
    if not _ACCESS_HINT.search(text):
        return listed
    has_data = DATA_NOUN.search(text) is not None or bool(ACCESS_HEADING.search(heading))
    # Authorities' requests are access when they reach data: "cooperate with government authorities to lock your
    # account" is enforcement; "disclose personal data to government authorities" is access.
    found = [m.group(0) for name, p in ACCESS_PHRASES.items() if (m := p.search(text))
             and (name != "government request" or has_data or DISCLOSE.search(text))]
    if has_data and (m := HUMAN_REVIEW.search(text)) and not _USER_DUTY.search(text, 0, m.start()):
        found.append(m.group(0))
    if has_data:
        named = recipients(text, RECIPIENT)
        for verb in DISCLOSE.finditer(text):
            if BY_THE_USER.search(text, max(0, verb.start() - 12), verb.start()):
                continue  # "the information you provide": the user hands it over, nobody receives it
            near = next((r for r in named if abs(r.start() - verb.start()) <= DISCLOSE_REACH), None)
            if near is not None:
                found += [verb.group(0), near.group(0)]
                break
    return found + listed


# "may use your data to train its models, unless you have activated zero data retention": a setting named as
# the condition of a training statement; the sentence says what is trained on, not how long data is kept.
_CONDITION = re.compile(r"\b(?:unless|except\s+(?:if|where|when)|provided\s+that|if)\b", re.I)


def _first(text: str, phrase: str) -> int:
    found = re.search(re.escape(phrase), text, re.I)
    return found.start() if found else -1


def _only_a_condition(text: str, evidence: list[str], main: list[str]) -> bool:
    """Whether every phrase of `evidence` sits in a condition (unless/if …) that follows the `main` evidence."""
    first_main = min((i for p in main if (i := _first(text, p)) != -1), default=-1)
    condition = _CONDITION.search(text, first_main) if first_main != -1 else None
    return condition is not None and all(_first(text, p) >= condition.end() for p in evidence)


def evidence(text: str, heading: str = "", named: re.Pattern[str] | None = None) -> dict[str, list[str]]:
    """The phrases that show each topic a sentence speaks to, by topic; `named` finds the document's own AI
    (see products)."""
    flat = fold_typography(text)
    out = {}
    if ev := _training_evidence(flat, named):
        out[TRAINING] = ev
    ev = _retention_evidence(flat, heading)
    if ev and not (TRAINING in out and _only_a_condition(flat, ev, out[TRAINING])):
        out[RETENTION] = ev
    if ev := _access_evidence(flat, heading):
        out[ACCESS] = ev
    return out


def label(text: str) -> frozenset[str]:
    """The labels ("training", "retention", "access") of one clause or sentence."""
    return frozenset(evidence(text))

