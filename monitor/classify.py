"""Pure rules that find the clauses of a terms text about training on customer data, data retention and
access to the data (human review, sharing, government requests), the facts they state (periods, training
stance), and whether a change between two versions touches them."""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field
from functools import lru_cache

from monitor.describe import NOT_STATED
from monitor.diff import Hunk, is_heading
from monitor.models import Clause
from monitor.pairs import CHANGED, MOVED, ClausePair, marked_words, pair_clauses
from monitor.text.fold import fold_typography

TRAINING, RETENTION, ACCESS = "training", "retention", "access"
TOPICS = (TRAINING, RETENTION, ACCESS)


@dataclass(frozen=True)
class Fact:
    """A structured statement: whether data is used for training, how long it is kept, or who may receive it."""

    kind: str  # "training_stance" | "retention_period" | "access"
    subject: str  # what it applies to, e.g. "deleted conversations", "Customer Content"; for access, who
    value: str  # e.g. "30 days", "up to 5 years", "used unless you opt out", "may receive", "not sold"
    clause: str


# The question each kind of fact answers, in the order a buyer asks them.
FACT_TOPIC = {"training_stance": TRAINING, "retention_period": RETENTION, "access": ACCESS}
_KIND_ORDER = tuple(FACT_TOPIC)


@dataclass(frozen=True)
class ChangeClass:
    """What a change between two versions means for a buyer."""

    training: bool
    retention: bool
    access: bool
    summary: str
    facts: list[dict] = field(default_factory=list)  # [{"kind","subject","before","after"}]
    clauses: list[dict] = field(default_factory=list)  # ClausePair.as_dict() of each clause on the three questions


# --- vocabulary ---------------------------------------------------------------------------------
# Every rule below pairs an action word with the kind of thing it acts on, in the same sentence:
# "train" alone also means staff training, "retain" alone also means keeping rights.

# What customers and users hand over or generate. "information" and "data" are broad on purpose:
# the action words carry the precision.
_DATA = (
    # "content generation", "content moderation policies": what is done, not the customer's content.
    r"(?:data|datasets?|information|content(?!\s+(?:generation|creation|moderation|polic(?:y|ies)|guidelines|standards)\b)"
    r"|inputs?|outputs?|prompts?|completions?|conversations?|chats?"
    r"|chat\s+histor(?:y|ies)|messages?|files?|uploads?|materials?|feedback|logs?|back-?ups?|records?"
    r"|recordings?|transcripts?|submissions?|interactions?|queries|images?|audio|voice\s+\w+|sessions?|activity"
    r"|metadata|scores|embeddings?|identifiers?|posts|comments|photos|videos|searches|responses)"
)
DATA_NOUN = re.compile(rf"\b{_DATA}\b", re.I)
# What a customer submits or receives, as opposed to data about them.
_SUBMITTED = (
    r"(?:content|inputs?|outputs?|prompts?|completions?|conversations?|chats?|files?|materials?"
    r"|(?:customer|business|api|user)\s+data)"
)

# What a model is called; "improve our Services" alone is not training (it covers bug fixes too).
_MODEL = (
    r"(?:models?|LLMs?|machine[- ]learning(?:\s+(?:technolog(?:y|ies)|systems?|models?))?"
    r"|AI\s+(?:systems?|technolog(?:y|ies))|artificial\s+intelligence\s+(?:systems?|technolog(?:y|ies))"
    r"|algorithms?|neural\s+networks?)"
)

TRAINING_PHRASES: dict[str, re.Pattern] = {
    # "train our models", "used to train", "for training purposes", "training data".
    "train": re.compile(r"\b(?:re)?train(?:s|ed|ing)?\b", re.I),
    "fine-tune": re.compile(r"\bfine[-\s]?tun(?:e|es|ed|ing)\b", re.I),
    # "improve Anthropic AI models", "develop our language models", "model improvement".
    "improve models": re.compile(
        rf"\b(?:improv|develop|enhanc|build|refin)\w*\s+(?:(?:and|or|our|its|the|their|new|\w+['’]s|(?-i:[A-Z]\w*)|AI"
        rf"|large|language|foundation|generative|artificial|intelligence|future|other)[\s,]+){{0,4}}{_MODEL}\b"
        rf"|\bmodel\s+(?:training|improvement|development)\b",
        re.I,
    ),
    # Business terms promise "will not use Customer Content to develop or improve the Services": what
    # customers submit is the object of "use", so the improvement is made with it. Only submitted
    # content counts here: "use aggregated information to improve our Services" is analytics.
    "use content to improve": re.compile(
        rf"\bus(?:e|es|ed|ing)\s+(?:\w+\s+){{0,3}}?{_SUBMITTED}\b[^.;]{{0,160}}?\b(?:to|for)\b[^.;]{{0,60}}?"
        rf"\b(?:develop|improv)\w*\b[^.;]{{0,30}}?\b(?:services?|products?)\b",
        re.I,
    ),
}

# "train" about people, not models: security awareness training, trained personnel, courses.
NOT_MODEL_TRAINING = re.compile(
    r"\b(?:personnel|employees?|staff|workforce|contractors|workers|team\s+members)\b[^.;]{0,80}\btrain"
    # "training of personnel", "vetting, training, and managing personnel"
    r"|\btrain\w*(?:,?\s+(?:and|or)\s+\w+|,\s+\w+){0,3}\s+(?:of\s+|for\s+)?(?:our\s+|its\s+|their\s+|your\s+)?"
    r"(?:personnel|employees|staff|workforce)"
    r"|\btrainings?\s+(?:courses?|sessions?|programs?|programmes?|videos?|modules?|certificat\w*|regarding"
    r"|on\s+(?:their|data\s+protection|security))"
    r"|\b(?:security|awareness|compliance|privacy)\s+(?:awareness\s+)?training\b",
    re.I,
)

# Use restrictions on the customer ("may not ... train competing models", "Customer using Output
# to develop models") speak of the customer's models, not of training on the customer's data.
CUSTOMER_SIDE_TRAINING = re.compile(
    r"\bcompet(?:e|es|ing|itive|itor|itors)\b"
    r"|\b(?:customer|you|users?)\b[^.;]{0,30}\b(?:using|use|uses)\s+(?:the\s+|any\s+)?outputs?\s+to\b"
    # "You may apply the Inputs and Outputs … to … training other models": what the customer may do with them
    r"|\b(?:customer|you|users?)\s+(?:may|can|are\s+(?:free|permitted|allowed)\s+to)\s+(?:use|apply|utili[sz]e)\s+"
    r"(?:the\s+|any\s+)?(?:inputs?\s+(?:and|or)\s+(?:the\s+)?)?outputs?\b",
    re.I,
)

RETENTION_PHRASES: dict[str, re.Pattern] = {
    # Self-contained: these name data retention whatever the rest of the sentence says.
    "retention period": re.compile(
        r"\bretention\s+(?:periods?|polic(?:y|ies)|schedules?|settings?|windows?|controls?|timeframes?)\b"
        r"|\bperiods?\s+of\s+retention\b",
        re.I,
    ),
    "data retention": re.compile(
        rf"\bdata\s+retention\b|\bretention\s+of\s+(?:the\s+|your\s+|such\s+|personal\s+|customer\s+)?{_DATA}",
        re.I,
    ),
    "zero data retention": re.compile(r"(?i:\bzero[-\s]data[-\s]retention\b)|\bZDR\b"),
    "legal hold": re.compile(r"\blegal\s+holds?\b|\blitigation\s+holds?\b", re.I),
    "how long we keep": re.compile(r"\bhow\s+long\s+(?:we\s+|\w+\s+)?(?:keep|retains?|stores?)\b", re.I),
}

# Retaining or keeping that needs a data noun in the same sentence.
RETAIN = re.compile(r"\bretain(?:s|ed|ing)?\b", re.I)
# "retains all ownership rights in Input", "retain the right to control the defense", "retain an amount".
RETAIN_NOT_DATA = re.compile(
    r"\bretain(?:s|ed|ing)?\s+(?:\w+\s+){0,3}?(?:rights?|title|ownership|interests?|control|discretion|amounts?"
    r"|fees?|counsel|attorneys?|liability|authority|responsibility|copyright)\b"
    # "personal data Anthropic retains about you" describes the data, not how long it is kept.
    r"|\bretain(?:s|ed)?\s+about\b",
    re.I,
)
# "we may store the entire related conversation", "will maintain and use this information": a keeping verb with a
# subject and data as its object says what is kept. Words only between them, so "store, transmit, or process
# this information" or "store or process personal data" (a use or a place), "stored in the United States"
# (a place) and "systems storing Customer Data" (a description) do not match.
KEEP_DATA = re.compile(
    rf"\b(?:we|they|will|may|might|shall|can|must|would|could|should|also)\s+(?:store|keep|maintain|hold)s?\s+"
    rf"(?!(?:the\s+)?(?:security|confidentiality|integrity|safeguards|appropriate|reasonable)\b)"
    # "we store or process personal data [in Singapore]": storing as one alternative of what is done to data
    # says where or how, not that it is kept ("will maintain and use this information" does)
    rf"(?!(?:or|and/or)\s)"
    rf"(?:[a-z]+\s+){{0,3}}?{_DATA}\b",
    re.I,
)
# Keeping, storing and deleting are otherwise retention only with a time or trigger: "stored in the United
# States" is about place, "we may delete content alleged to be infringing" about moderation.
KEEP_STORE_DELETE = re.compile(
    r"\b(?:keep|keeps|kept|store|stores|stored|storing|delet(?:e|es|ed|ing|ion)|eras(?:e|es|ed|ing|ure)"
    r"|destroy(?:s|ed|ing)?|destruction|purg(?:e|es|ed|ing)|removed|de-identif\w+|anonymi[sz]\w+)\b",
    re.I,
)

_NUMBER_WORDS = {
    "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9,
    "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14, "fifteen": 15, "sixteen": 16,
    "eighteen": 18, "twenty": 20, "thirty": 30, "forty": 40, "forty-five": 45, "fifty": 50, "sixty": 60,
    "ninety": 90, "hundred": 100,
}
_NUMBER = r"(?:\d+|" + "|".join(sorted(_NUMBER_WORDS, key=len, reverse=True)) + r")"
DURATION = re.compile(
    rf"(?:\b(?P<qual>up\s+to|no\s+(?:more|longer)\s+than|(?:a\s+)?maximum\s+of|at\s+least|(?:a\s+)?minimum\s+of"
    rf"|within|for|after|of)\s+)?"
    rf"\b(?P<n>{_NUMBER})(?:\s*\(\d+\))?[\s-]+(?:calendar\s+|business\s+)?"
    rf"(?P<unit>days?|weeks?|months?|years?|hours?)\b",
    re.I,
)
# A time or trigger that turns keeping/storing/deleting into a retention statement. The duration
# here has no qualifier group: an optional group in front would be tried at every position.
TIMING = re.compile(
    rf"\b{_NUMBER}(?:\s*\(\d+\))?[\s-]+(?:calendar\s+|business\s+)?(?:days?|weeks?|months?|years?|hours?)\b"
    r"|\bas\s+long\s+as\b|\bno\s+longer\s+than\b|\buntil\b|\bindefinitely\b|\bimmediately\b|\bpromptly\b"
    r"|\bautomatically\b|\bperiodically\b|\bthereafter\b|\bfor\s+the\s+duration\b|\bperiod\b|\btimeframes?\b"
    r"|\b(?:upon|after|following|on)\s+(?:the\s+)?(?:termination|expiration|expiry|end|closure|deletion|cancellation)\b"
    r"|\bat\s+the\s+end\s+of\b|\bno\s+longer\s+(?:needed|necessary|required)\b",
    re.I,
)
# Cookie lifetimes are not retention of customer data unless the sentence is about personal data.
COOKIES = re.compile(r"\bcookies?\b|\blocal\s+storage\b|\bpixels?\b|\bweb\s+beacons?\b", re.I)
PERSONAL_DATA = re.compile(r"\bpersonal\s+(?:data|information)\b", re.I)
RETENTION_HEADING = re.compile(r"\bretention\b|\bhow\s+long\b|\bdeletion\b", re.I)


# Access: who besides the automated service can see, receive or use the data. Where data is stored is
# not access by itself ("stored in Singapore"); a recipient or a reader must be named.
HUMAN_REVIEW = re.compile(
    r"\bhuman\s+(?:review\w*|moderat\w+|evaluat\w+|annotat\w+|raters?|oversight)\b"
    r"|\b(?:reviewed|read|accessed|viewed|seen|inspected|examined|annotated|labell?ed)\s+by\s+(?:\w+\s+){0,3}?"
    r"(?:humans?|people|persons?|staff|employees|personnel|reviewers|contractors|moderators|teams?)\b"
    r"|\b(?:staff|employees|personnel|reviewers|moderators|contractors|humans?)\b[^.;]{0,50}?"
    r"\b(?:review|read|access|view|see|look\s+at|inspect|examine|annotate)(?:s|ed|ing)?\b",
    re.I,
)
_DISCLOSE = re.compile(
    r"\b(?:shar(?:e|es|ed|ing)|disclos\w+|sell(?:s|ing)?|sold|sale\s+of|transfer\w*|provid\w+|mak\w+\s+available"
    r"|pass\w*\s+on|rent(?:s|ed|ing)?|expos\w+|publish\w*|send(?:s|ing)?|sent|giv(?:e|es|en|ing)\s+access)\b",
    re.I,
)
RECIPIENT = re.compile(
    r"\bthird[-\s]part(?:y|ies)\b|\baffiliat\w+|\bgroup\s+(?:companies|entities|compan(?:y|ies))\b"
    # An "Internet Service Provider" is a detail collected about the user, not someone given the data.
    r"|(?<!internet\s)\bservice\s+providers?\b|\bvendors?\b|\bpartners?\b|\badvertisers?\b|\bad(?:vertising)?\s+networks?\b"
    r"|\bsub-?processors?\b"
    r"|\bother\s+users\b|\bthe\s+public\b|\bpublicly\b|\blaw[-\s]enforcement\b|\bgovernment\w*"
    r"|\b(?:public|governmental|competent|regulatory)\s+authorit\w+|\bregulators?\b|\bcourts?\b"
    r"|\b(?:successors?|acquirers?|buyers?|purchasers?)\b",
    re.I,
)
# Requests from authorities and the controls on who may look are about access on their own.
ACCESS_PHRASES: dict[str, re.Pattern] = {
    "government request": re.compile(
        r"\blaw[-\s]enforcement\b|\bgovernment(?:al)?\s+(?:requests?|authorit\w+|agenc\w+|access)\b"
        r"|\bsubpoenas?\b|\bcourt\s+orders?\b|\blegal\s+process\b|\bsearch\s+warrants?\b"
        # "data disclosure requests", "requests for user data": what authorities send a provider
        r"|\b(?:data\s+)?disclosure\s+requests?\b|\brequests?\s+for\s+(?:\w+\s+)?(?:user|customer|account)\s+data\b",
        re.I,
    ),
    "access controls": re.compile(
        r"\baccess\s+controls?\b|\brole[-\s]based\s+access\b|\bleast[-\s]privilege\b|\bneed[-\s]to[-\s]know\b"
        r"|\bauthori[sz]ed\s+(?:personnel|employees|staff)\b|\bsub-?processors?\b",
        re.I,
    ),
}
# A row naming a company and where it works is a recipient of the data (a list of subprocessors).
_LEGAL_ENTITY = re.compile(
    r"\b(?:Inc|LLC|L\.L\.C|Ltd|Limited|Corp|Corporation|GmbH|S\.A\.S|SAS|S\.A|B\.V|AG|PLC|Pty|S\.r\.l|SE|Co)\b\.?"
)
_DISCLOSE_REACH = 120
# "you must conduct careful human review of each Output": a duty of the customer, not someone reading their data.
_USER_DUTY = re.compile(
    r"\b(?:you|users?|customers?|developers?)\s+(?:\w+\s+){0,2}?(?:must|shall|should|will|agree\s+to"
    r"|are\s+(?:required|responsible))\b",
    re.I)
_BY_THE_USER = re.compile(r"\b(?:you|users?)\s+$", re.I)
# A rendered table row: at least this many cells, this short on average.
_ROW_CELLS = 3
_ROW_CELL_CHARS = 60
ACCESS_HEADING = re.compile(
    r"\bsub-?processors?\b|\bshar(?:e|ing)\b|\bdisclos\w+|\bthird[-\s]part(?:y|ies)\b|\brecipients?\b"
    r"|\bwho\s+(?:can\s+|may\s+)?(?:see|access)\b|\bhuman\s+review\b",
    re.I,
)


# --- labelling ----------------------------------------------------------------------------------


# Cheap first looks: most sentences of a terms page mention neither, and the full rules are costly.
_TRAINING_HINT = re.compile(r"train|tun|model|machine|algorithm|LLM|artificial|neural|improv|develop", re.I)
_RETENTION_HINT = re.compile(
    r"retain|retention|keep|kept|stor|delet|eras|destr|purg|remov|identif|anonymi|ZDR|hold|how\s+long|maintain",
    re.I,
)


def _training_evidence(text: str, products: re.Pattern | None = None) -> list[str]:
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


def products(text: str) -> re.Pattern | None:
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
_NEAR = 80
_DUTY_REACH = 60


def _near(verbs: re.Pattern, times: re.Pattern, text: str) -> list[str]:
    # "you must immediately cease … and destroy any cached or stored materials": the customer's duty, and its
    # timing, are not how long the provider keeps data.
    spans = [(m.start(), m.end(), m.group(0)) for m in times.finditer(text)
             if not _USER_DUTY.search(text, max(0, m.start() - _DUTY_REACH), m.start())]
    for v in verbs.finditer(text):
        if _USER_DUTY.search(text, max(0, v.start() - _DUTY_REACH), v.start()):
            continue
        for start, end, phrase in spans:
            if start - v.end() <= _NEAR and v.start() - end <= _NEAR:
                return [v.group(0), phrase]
    return []


_ACCESS_HINT = re.compile(
    r"human|review|read|access|view|see|shar|disclos|sell|sold|sale|transfer|provid|availab|pass|rent|expos|publish"
    r"|send|sent|giv|enforcement|government|subpoena|court|legal\s+process|warrant|privilege|need|authori|processor"
    r"|\b(?:Inc|LLC|Ltd|Limited|Corp|GmbH|SAS|AG|PLC)\b",
    re.I,
)


def _access_evidence(text: str, heading: str = "") -> list[str]:
    if not _ACCESS_HINT.search(text):
        return []
    has_data = DATA_NOUN.search(text) is not None or bool(ACCESS_HEADING.search(heading))
    # Authorities' requests are access when they reach data: "cooperate with government authorities to lock your
    # account" is enforcement; "disclose personal data to government authorities" is access.
    found = [m.group(0) for name, p in ACCESS_PHRASES.items() if (m := p.search(text))
             and (name != "government request" or has_data or _DISCLOSE.search(text))]
    if has_data and (m := HUMAN_REVIEW.search(text)) and not _USER_DUTY.search(text, 0, m.start()):
        found.append(m.group(0))
    if has_data:
        recipients = _recipients(text, RECIPIENT)
        for verb in _DISCLOSE.finditer(text):
            if _BY_THE_USER.search(text, max(0, verb.start() - 12), verb.start()):
                continue  # "the information you provide": the user hands it over, nobody receives it
            near = next((r for r in recipients if abs(r.start() - verb.start()) <= _DISCLOSE_REACH), None)
            if near is not None:
                found += [verb.group(0), near.group(0)]
                break
    cells = re.split(r"; | \| ", text)
    if len(cells) >= _ROW_CELLS and sum(map(len, cells)) <= _ROW_CELL_CHARS * len(cells) and (
            m := _LEGAL_ENTITY.search(cells[0])):
        found.append(m.group(0))  # a table row that names a company: a recipient of the data
    return found


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


def _evidence(text: str, heading: str = "", named: re.Pattern | None = None) -> dict[str, list[str]]:
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
    return frozenset(_evidence(text))


# --- segmentation -------------------------------------------------------------------------------

_LIST_ITEM = re.compile(r"^\s*(?:[-*+•·▪◦]|\(?(?:\d{1,3}|[a-zA-Z]|[ivxlc]{1,6})[.)])\s+")
_MARKDOWN = re.compile(r"^\s*#{1,6}\s+")
# Where a sentence may end: after . ! ? (and a closing quote or bracket), before a capital or opener.
_SENTENCE_END = re.compile(r"(?<=[.!?])[\"'”’)\]]?\s+(?=[\"“(\[]?[A-Z0-9])")
# Words whose trailing period is not the end of a sentence.
_ABBREVIATIONS = frozenset(
    "e.g i.e etc inc ltd llc co corp no nos sec art para vs mr ms mrs dr st u.s u.k e.u approx cf fig"
    " l.l.c p.b.c s.a s.l b.v gmbh ag".split()
)
# A paragraph may open with a short label ("Opt out.", "Our use of content.") that belongs to the
# sentence after it; a short sentence with a pronoun subject ("We retain data.") stands alone.
_LEAD_IN_WORDS = 4
_PRONOUN_START = re.compile(r"^(?:we|you|they|it|this|these|that|i|he|she)\b", re.I)


def _split_sentences(paragraph: str) -> list[str]:
    pieces, start = [], 0
    for m in _SENTENCE_END.finditer(paragraph):
        before = paragraph[start : m.start()].rstrip("\"'”’)]")
        last = before.rsplit(None, 1)[-1].rstrip(".").lower() if before.split() else ""
        # "A." / "1." numbering and abbreviations ("e.g.") do not end a sentence.
        if last in _ABBREVIATIONS or len(last) <= 1 or re.fullmatch(r"[\w.]*\d[\w.]*|[a-z](?:\.[a-z])+", last):
            continue
        pieces.append(paragraph[start : m.start() + len(m.group(0))].strip())
        start = m.end()
    pieces.append(paragraph[start:].strip())
    pieces = [p for p in pieces if p]
    first = pieces[0] if pieces else ""
    if len(pieces) > 1 and len(first.split()) <= _LEAD_IN_WORDS and not _PRONOUN_START.match(first):
        pieces[:2] = [f"{first} {pieces[1]}"]
    return pieces


@dataclass(frozen=True)
class _Located:
    line: int
    clause: Clause
    subject: str  # what a table row speaks of ("Entrusted Data"), for facts stated in a table


def _split_cells(line: str) -> list[str]:
    return [c.strip() for c in line.split("|")] if " | " in line else []


@lru_cache(maxsize=8)
def _segment(text: str) -> tuple[_Located, ...]:
    """Cached: the pipeline classifies version n against n-1, then n+1 against n."""
    return tuple(_segment_uncached(text))


def _segment_uncached(text: str) -> list[_Located]:
    out: list[_Located] = []
    named = products(text)
    heading = lead_in = table_subject = ""
    nested: list[tuple[int, str]] = []  # (indent, lead-in) of the list items that open a nested list
    for number, raw in enumerate(text.split("\n")):
        line = raw.strip()
        if not line:
            table_subject = ""
            continue
        if _MARKDOWN.match(line) or is_heading(line):
            heading = _MARKDOWN.sub("", line).strip().rstrip(":").strip()
            lead_in = table_subject = ""
            nested = []
            continue
        cells = _split_cells(line)
        if cells and not table_subject and DATA_NOUN.search(cells[0]):
            table_subject = cells[0]
        item = bool(_LIST_ITEM.match(line))
        sentences = _split_sentences(line)
        context = ""
        if item:
            # A nested list completes the item that opens it ("(g) … you agree that you will:" then "(i) conduct
            # human review …"); the text keeps list nesting as indentation.
            indent = len(raw) - len(raw.lstrip())
            while nested and nested[-1][0] >= indent:
                nested.pop()
            context = nested[-1][1] if nested else lead_in
            if sentences and line.endswith(":"):
                nested.append((indent, sentences[-1]))
        else:
            # Only the sentence that ends in ":" introduces the list ("we train our models using
            # data from the following sources:"); earlier sentences of its paragraph do not.
            lead_in = sentences[-1] if sentences and line.endswith(":") else ""
            nested = []
        for sentence in sentences:
            combined = f"{context} {sentence}" if context else sentence
            ev = _evidence(combined, heading, named)
            clause = Clause(sentence, heading, frozenset(ev), tuple(p for k in sorted(ev) for p in ev[k]))
            out.append(_Located(number, clause, table_subject))
    return out


def segment(text: str) -> list[Clause]:
    """Clauses of a version: each sentence of a paragraph and each list item, with its heading.

    Every paragraph is cut into sentences, not only long ones, so that a changed sentence next to a
    training sentence does not make the training sentence look changed. A list item is labelled
    together with the lead-in sentence it completes."""
    return [located.clause for located in _segment(text)]


def current_clauses(text: str, only: set[str] | None = None) -> list[Clause]:
    """The labelled clauses of a version ("what do the terms say today"), optionally of some labels."""
    wanted = set(only) if only else set(TOPICS)
    return [c for c in segment(text) if c.labels & wanted]


# --- facts --------------------------------------------------------------------------------------

# Modifiers kept in a subject because they change what the period applies to ("deleted
# conversations", "flagged content", "exportable data"); capitalised words keep defined terms.
_SUBJECT_MODIFIERS = (
    r"(?:(?:deleted|flagged|personal|customer|user|account|api|de-identified|aggregated|backup|training|usage"
    r"|safety|security-related|security|abuse\s+monitoring|trust\s+and\s+safety|chat|conversation|temporary"
    r"|individual|related|entire"
    r"|[a-z]+(?:able|ed)|[A-Z][a-z]+)\s+){0,3}"
)
SUBJECT = re.compile(
    rf"\b{_SUBJECT_MODIFIERS}(?i:{_DATA})(?:\s+(?:and|or)\s+{_SUBJECT_MODIFIERS}(?i:{_DATA}))?\b"
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


def _duration_value(m: re.Match) -> str:
    n = m.group("n").lower()
    number = int(n) if n.isdigit() else _NUMBER_WORDS.get(n, 0)
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
    cells = _split_cells(text)
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
        if any(abs(v - m.start()) <= _NEAR for v in verbs):
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
_RECIPIENTS: dict[str, re.Pattern] = {
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


# A recipient is named as one ("to our affiliates", "with service providers", "third-party advertisers");
# the same words as a noun's modifier ("Internet Service Provider", "the Partner Program") name no one.
_NAMED_AS_RECIPIENT = re.compile(
    r"(?:\b(?:to|with|among|between|by|from|our|its|their|your|certain|other|trusted|selected|and|or)"
    r"|third[-\s]party|[,;:(&])\s+(?:\w+\s+){0,2}$", re.I)


# Authorities and the public are recipients however they are introduced.
_ALWAYS_RECIPIENTS = ("public", "the public", "law", "government", "authorit", "court", "subpoena", "legal",
                      "regulat", "competent")


def _recipients(text: str, pattern: re.Pattern) -> list[re.Match]:
    return [r for r in pattern.finditer(text)
            if r.group(0).lower().startswith(_ALWAYS_RECIPIENTS)
            or _NAMED_AS_RECIPIENT.search(text, max(0, r.start() - 40), r.start())]


def _access_facts(clause: Clause) -> list[Fact]:
    text = fold_typography(clause.text)
    found = []
    if HUMAN_REVIEW.search(text):
        value = "no human review" if _NO_HUMAN.search(text) else "may review"
        found.append(Fact("access", "human reviewers", value, clause.text))
    named = {who: _recipients(text, pattern) for who, pattern in _RECIPIENTS.items()}
    inside = [(r.start(), r.end()) for rs in named.values() for r in rs]
    # "providers" is a recipient, not the verb "provide"; "the information you provide" is handed over, not passed on.
    verbs = [v for v in _DISCLOSE.finditer(text)
             if not any(a <= v.start() < b for a, b in inside)
             and not _BY_THE_USER.search(text, max(0, v.start() - 12), v.start())]
    if not verbs:
        return found
    negated = _NOT_PASSED.search(text)
    value = ("not sold" if negated.group(1) else "not shared") if negated else "may receive"
    for who, matches in named.items():
        if any(abs(r.start() - v.start()) <= _DISCLOSE_REACH for r in matches for v in verbs):
            found.append(Fact("access", who, value, clause.text))
    return found


def _located_facts(located: _Located) -> list[Fact]:
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
    return [f for located in _segment(text) for f in _located_facts(located)]


# --- comparing versions -------------------------------------------------------------------------

_NUMBERING = re.compile(r"^(?:#{1,6}\s*|[-*+•·▪◦]\s*|\(?(?:\d{1,3}|[a-zA-Z]|[ivxlc]{1,6})[.)]\s*)+")


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


def _changed_facts(removed: list[_Located], added: list[_Located], old: list[_Located],
                   new: list[_Located]) -> list[dict]:
    """Facts stated by a changed clause whose values differ between the two versions as a whole
    (a period restated unchanged in a reworded sentence is not a change)."""
    touched = _fact_values([f for x in removed + added for f in _located_facts(x)])
    old_facts = [f for x in old for f in _located_facts(x)]
    new_facts = [f for x in new for f in _located_facts(x)]
    before_all, after_all = _fact_values(old_facts), _fact_values(new_facts)
    names = {(f.kind, f.subject.casefold()): f.subject for f in old_facts + new_facts}
    out = []
    for key in sorted(touched, key=lambda k: (_KIND_ORDER.index(k[0]), k[1])):
        before, after = before_all.get(key, set()), after_all.get(key, set())
        if before == after:
            continue
        # A subject reworded ("your Inputs and Outputs" -> "Inputs") that keeps its values is the same fact:
        # only what neither version states of it under any wording is gone or new.
        before |= set().union(*(v for k, v in before_all.items() if k != key and _same_subject(k, key)))
        after |= set().union(*(v for k, v in after_all.items() if k != key and _same_subject(k, key)))
        # Values present in both versions did not change; show only what went and what came.
        gone, came = sorted(before - after), sorted(after - before)
        fact = {"kind": key[0], "subject": names[key], "before": "; ".join(gone) or None,
                "after": "; ".join(came) or None}
        if (gone or came) and fact not in out:
            out.append(fact)
    return out


_SUBJECT_FILLER = frozenset("and or of the your our any all data information".split())


def _same_subject(a: tuple[str, str], b: tuple[str, str]) -> bool:
    """Two fact keys of one kind whose subjects share a word that names the data ("inputs", "conversations")."""
    if a[0] != b[0]:
        return False
    words = lambda subject: set(re.findall(r"\w+", subject)) - _SUBJECT_FILLER  # noqa: E731
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
    changed_before: list[tuple[int, int]] = []
    changed_after: list[tuple[int, int]] = []
    at_before = at_after = 0
    for op, piece in marked_words(old, new):
        # A full stop added or a comma moved changes no meaning near anything; only words count.
        worded = any(ch.isalnum() for ch in piece)
        if op <= 0:
            if op < 0 and worded:
                changed_before.append((at_before, at_before + len(piece)))
            at_before += len(piece)
        if op >= 0:
            if op > 0 and worded:
                changed_after.append((at_after, at_after + len(piece)))
            at_after += len(piece)
    topics = set(before.labels ^ after.labels)
    if _near_evidence(old, before.evidence, changed_before) or _near_evidence(new, after.evidence, changed_after):
        topics |= set(pair.labels)
    return topics


def _moved(old: list[_Located], new: list[_Located], hunks: list[Hunk]) -> list[tuple[Clause, Clause]]:
    """Labelled clauses the change carried, word for word, into another section."""
    touched_old = {line for h in hunks for line in _hunk_lines(h, "old")}
    touched_new = {line for h in hunks for line in _hunk_lines(h, "new")}
    arrived: dict[str, _Located] = {}
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
    old_located, new_located = list(_segment(old)), list(_segment(new))
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


def _summary(hunks: list[Hunk], pairs: list[ClausePair], changed_facts: list[dict], topics: dict[str, bool]) -> str:
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
