"""Pure: whether two wordings of a document differ in substance or only editorially (case, punctuation,
numbering, spelling variants, an evident typo, a date stamp, a changed web address)."""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache

from spellchecker import SpellChecker

from monitor.analysis.diff import diff_cost, matcher
from monitor.analysis.frame import flapping, unframed
from monitor.text.normalise import normalise

SUBSTANTIVE = "substantive"
EDITORIAL = "editorial"

# Words whose change alters what a clause commits to, however small the edit looks.
_PROTECTED = frozenset(
    "may must shall will not never only no nor can cannot should might would could unless except without "
    "all any none every each always".split()
)
# Words that introduce a date stamp ("Last updated", "Effective as of"): a date after them is the page's
# edition, not a term of the agreement.
_STAMP_WORDS = frozenset(
    "last updated update revised revision modified effective dated published release released copyright © posted "
    "reviewed issued edited latest".split()
    # the same in the languages EU services serve their terms in ("Stand:", "Dernière mise à jour",
    # "Última actualización", "Ultimo aggiornamento", "Laatst bijgewerkt", "Atualizado em")
    + "stand zuletzt aktualisiert geändert gültig mise jour dernière vigueur actualizado actualización última "
    "vigor aggiornato aggiornamento ultimo vigore bijgewerkt laatst gewijzigd atualizado atualização".split()
)
# Words that may come and go inside a stamp without changing it ("Effective as of", "Release Date:").
_STAMP_FILLER = _STAMP_WORDS | frozenset("date version as of on at from since recently à".split()) | {"\n"}
# Words that make a stamp of a line holding only them and a date ("Current as of …", "Valid from …").
_LINE_STAMP = frozenset("current valid".split())
_STAMP_REACH = 4  # how many words before a date may name it a stamp
_STAMP_SENTENCE = 16  # the most words a sentence that only dates the document has
# Besides stamp words and dates, the only words such a sentence has ("This policy was published on … with an
# effective date of …"): one with any other word says something ("Effective July 8 we stop offering refunds").
_EDITION_WORDS = frozenset(
    "this these the our a an was were is are has have been be will and with of at to for by in its policy terms "
    "privacy notice statement agreement addendum conditions document page".split()
)
_MOVE_MIN = 8  # words: a passage moved whole is a sentence or more
# What may stand before a stamp: a line break, or the document naming itself ("These Terms were last updated").
_SELF_WORDS = frozenset("this these the our its policy terms notice statement page was were is are has have been "
                        "version service use privacy".split()) | {"\n"}

# A conjunction dropped or added between list items ("…; and", "…; or", "…; and/or") is punctuation in
# words, and so is "or" read inclusively ("or" -> "and/or"); "and" -> "and/or" turns all of a list into any of it.
_LIST_JOINS = frozenset(("and", "or"))
# An item's mark inside a line, as a word: "(ii)", "(b)", "3)"; not "a" nor "i", which are words too.
_ITEM_MARK = re.compile(r"^(?:i{2,3}|iv|vi{0,3}|ix|x|[b-h]|\d{1,2})$")
# Symbols that say something: currencies, percent, comparisons ("uptime < 99.9 %", "16+").
_SIGNS = "$€£¥₹₩₽₺₪₫₦₱₴₸¢%©<>≤≥=+±"
# Web addresses as normalise leaves them (host/path; a path starts a word: "and/or" is two words), ISO dates,
# numbers with their thousands marks, words, signs, and line breaks (a list's joining "or" sits before one). A
# host's last label is lower case: "permitted.You" and "$100.Fees" lack a space, they are no address.
_TOKEN = re.compile(
    r"(?:[a-z0-9-]+\.)+(?-i:[a-z]{2,})\b(?:/[^\s,;]*[^\s,;.:!?)])?|(?<!\w)/[a-z0-9_-]+(?:/[^\s,;]*[^\s,;.:!?)])?"
    r"|\d{4}-\d{2}(?:-\d{2})?(?!\d)|--\d{2}-\d{2}|\d{1,2}:\d{2}(?::\d{2})?|\d{1,3}(?:,\d{3})+(?![,\d])|\w+"
    rf"|[{_SIGNS}]|\n",
    re.I,
)
_ADDRESS = re.compile(r"^(?:[\w-]+\.)+[a-z]{2,}(?:/.*)?$|^/", re.I)
# A date as normalise leaves it (a day, a month of a year, a day of a month), or a year alone ("© 2017-2026"),
# which only a stamp word makes editorial.
_DATE = re.compile(r"^\d{4}-\d{2}(?:-\d{2})?$|^--\d{2}-\d{2}$|^(?:19|20)\d{2}$")
# The time of day, weekday and zone a stamp may carry beside its date ("November 3, 2025 17:42 UTC"); without a
# date next to them they are hours of a clause ("support from 9:00 CET").
_CLOCK = re.compile(
    r"^\d{1,2}:\d{2}(?::\d{2})?$|^[ap]m$|^(?:utc|gmt|[a-z][cemp][sd]?t)$"
    r"|^(?:mon|tues|wednes|thurs|fri|satur|sun)day$|^(?:mon|tue|wed|thu|fri|sat|sun)$"
)
_DIGIT = re.compile(r"\d")
_NON_WORD = re.compile(rf"[^\w{_SIGNS}]+|_")  # punctuation, not the symbols that are tokens
# Past this much work the texts are largely rewritten, which is substance; it also bounds the diff's time.
_BUDGET = 4_000_000

# British and American spellings of one word, folded to one form (the order of the rules matters).
_SPELLING = (
    (re.compile(r"^(\w*)ageing$"), r"\1aging"),
    (re.compile(r"ys(e|es|ed|ing|er|ers)$"), r"yz\1"),
    (re.compile(r"([^aeiou])is(e|es|ed|er|ers|ing|ation|ations|ational|ationally|able)$"), r"\1iz\2"),
    # the stem has a vowel: "scoured" is not "scored"
    (re.compile(r"(\w*[aeiouy]\w*)our(s|ed|ing|able|ite|ites|al|ally|ful|less|ist|ists)?$"), r"\1or\2"),
    (re.compile(r"([^aeiou])red$"), r"\1ered"),
    (re.compile(r"([^aeiou])re(s)?$"), r"\1er\2"),
    # a doubled l after a stem of two syllables ("travelled"); "filled" is not "filed"
    (re.compile(r"^(\w*[aeiouy]+[^aeiouy]+[aeiouy]+)ll(ed|ing|er|ers|or|ors|ation|ment|ments|s)?$"), r"\1l\2"),
    (re.compile(r"ll(ful|fully|fulness)$"), r"l\1"),
    (re.compile(r"ence(s)?$"), r"ense\1"),
    (re.compile(r"ogue(s)?$"), r"og\1"),
    (re.compile(r"gement(s)?$"), r"gment\1"),
    (re.compile(r"amme(s)?$"), r"am\1"),
    (re.compile(r"(\w)(?:ae|oe)"), r"\1e"),
)
# Pairs no rule folds.
_VARIANTS = {"grey": "gray", "cheque": "check", "cheques": "checks", "aluminium": "aluminum", "artefact": "artifact",
             "artefacts": "artifacts", "sceptical": "skeptical", "practise": "practice", "practised": "practiced",
             "licenced": "licensed", "towards": "toward", "learnt": "learned", "whilst": "while", "amongst": "among",
             "enquiry": "inquiry", "enquiries": "inquiries", "fulfil": "fulfill", "fulfilment": "fulfillment",
             "enrol": "enroll", "enrolment": "enrollment", "instalment": "installment", "instalments": "installments"}
_SPELLING_MIN_LENGTH = 5  # shorter words are too easily other words ("our", "or")
# An evident typo: one letter added, dropped, changed or two swapped in a long word, and not the endings
# by which English changes a word's number or tense.
_TYPO_MIN_LENGTH = 6
_TYPO_MIN_WORD = 3  # a misspelling corrected into a dictionary word: "teh" -> "the"
_INFLECTIONS = ("s", "es", "d", "ed", "ing", "er", "ers", "ly")


def significance(old: str, new: str, frame: frozenset[str] = frozenset(), history: Sequence[str] = ()) -> str:
    """EDITORIAL when every difference between the two texts is case, punctuation, whitespace, list
    numbering, a spelling variant, an evident typo fix, a joined or split word, a changed web address,
    a list-joining "and" or "or", the date of a stamp, or a passage moved whole, or when the differences lie only in
    the site's `frame` or in lines that came and went in the page's `history` (see analysis/frame.py); SUBSTANTIVE
    otherwise (digits, negations, modal words, any other word, a sentence added or removed)."""
    found = _significance(old, new)
    if found == EDITORIAL:
        return found
    flaps = flapping(history)
    if frame or flaps:
        return _significance(unframed(old, frame, flaps), unframed(new, frame, flaps))
    return found


def _significance(old: str, new: str) -> str:
    a, b = _tokens(normalise(old)), _tokens(normalise(new))
    if a == b:
        return EDITORIAL
    # British and American spellings count as one word in the budget: a long page served in the other English is
    # otherwise hundreds of edits, past it.
    folded_a, folded_b = [_fold_spelling(w) for w in a], [_fold_spelling(w) for w in b]
    if folded_a == folded_b:
        return EDITORIAL
    if diff_cost(folded_a, folded_b) > _BUDGET:
        return SUBSTANTIVE
    known = _Vocabulary(Counter(a), Counter(b))
    hunks = _hunks(a, b)
    # A passage deleted in one place and inserted whole in another only moved; a word or phrase moved ("not",
    # "only", "within 14 days") changes what it qualifies, so it counts as a move only at a sentence's length.
    moved = (Counter(_words(d) for _, d, i in hunks if len(d) >= _MOVE_MIN and not i)
             & Counter(_words(i) for _, d, i in hunks if len(i) >= _MOVE_MIN and not d))
    for around, deleted, inserted in hunks:
        if moved[_words(deleted or inserted)] and not (deleted and inserted):
            continue
        if not _editorial(around, deleted, inserted, known):
            return SUBSTANTIVE
    return EDITORIAL


def _words(tokens: list[str]) -> tuple[str, ...]:
    """A passage's words, wherever its lines break."""
    return tuple(t for t in tokens if t != "\n")


def _tokens(text: str) -> list[str]:
    return [t.lower() if "," not in t else t.replace(",", "") for t in _TOKEN.findall(text)]


def _hunks(a: list[str], b: list[str]) -> list[tuple[list[str], list[str], list[str]]]:
    """(words around, words deleted, words inserted) for each changed run of a word diff: around are the
    few words before the run and the one after it ("" at the end of the text)."""
    index: dict[str, str] = {}

    def encode(words: list[str]) -> str:
        return "".join(index.setdefault(w, chr(len(index) + 1)) for w in words)

    diffs = matcher().diff_main(encode(a), encode(b), False)
    words = {c: w for w, c in index.items()}
    hunks: list[tuple[list[str], list[str], list[str]]] = []
    deleted: list[str] = []
    inserted: list[str] = []
    position = start = 0
    for op, chars in (*diffs, (0, "")):
        if op == 0:
            if deleted or inserted:
                opening = ["\n"] if start < _STAMP_REACH else []  # the text's start is a line's
                hunks.append((opening + a[max(0, start - _STAMP_REACH):start] + (a[position:position + 1] or [""]),
                              deleted, inserted))
                deleted, inserted = [], []
            position += len(chars)
            start = position
            continue
        if not (deleted or inserted):
            start = position
        if op == -1:
            deleted += [words[c] for c in chars]
            position += len(chars)
        else:
            inserted += [words[c] for c in chars]
    return hunks


@dataclass(frozen=True)
class _Vocabulary:
    """How often each word occurs in the old and the new text."""

    old: Counter[str]
    new: Counter[str]


def _editorial(around: list[str], deleted: list[str], inserted: list[str], known: _Vocabulary) -> bool:
    changed = deleted + inserted
    if (_NON_WORD.sub("", "".join(deleted)) == _NON_WORD.sub("", "".join(inserted))
            and not any(_DIGIT.search(w) for w in changed)):
        # a word joined or split, or only punctuation and case moved ("Content.As" read as an address); not a
        # number, where the point is a decimal one ("1.5 %" -> "15 %")
        return True
    if all(_ADDRESS.match(w) for w in changed) and len(deleted) == len(inserted):
        return True
    if _is_stamp(around, deleted, inserted):
        return True
    if set(changed) <= _LIST_JOINS and not (deleted and inserted) and (
            around[-1] in ("\n", "") or _ITEM_MARK.match(around[-1]) or (changed == ["and"] and around[-1] == "or")):
        # a list's joining word at the end of an item (before a line break or the next item's "(ii)"), or "or"
        # read as "and/or"; mid-sentence, "device and location" is two kinds of data
        return not (changed == ["or"] and around[-2:-1] == ["and"])
    if len(deleted) == 1 and not inserted and deleted[0] in (around[-2:-1] + around[-1:]) and (
            deleted[0] not in _PROTECTED):
        return True  # a doubled word ("the the")
    if len(deleted) != len(inserted) or any(w in _PROTECTED or _DIGIT.search(w) for w in changed):
        return False
    return all(_variant(x, y, known) for x, y in zip(deleted, inserted, strict=True))


def _is_stamp(around: list[str], deleted: list[str], inserted: list[str]) -> bool:
    """Only a stamp's date (and its introducing words) changed, next to a word that makes it a stamp."""
    changed = deleted + inserted
    if not any(_DATE.match(w) for w in changed):
        if all(_CLOCK.match(w) for w in changed):  # only the time of a dated stamp
            return any(_DATE.match(w) for w in around[-3:]) and _introduced(around[:-1], around[-1])
        return all(w in _STAMP_FILLER for w in changed) and bool(set(changed) & _STAMP_WORDS) and (
            any(_DATE.match(w) for w in around[-2:]) or around[-1] in _STAMP_WORDS)  # "Last updated" -> "Updated"
    if all(_DATE.match(w) or _CLOCK.match(w) or w in _STAMP_FILLER for w in changed):
        return bool(set(changed) & _STAMP_WORDS) or _introduced(around[:-1], around[-1])
    # A short sentence that only announces the edition ("This policy was published on … with an effective
    # date of …") came or went.
    return (not (deleted and inserted) and len(changed) <= _STAMP_SENTENCE and bool(set(changed) & _STAMP_WORDS)
            and all(_DATE.match(w) or w in _STAMP_FILLER or w in _EDITION_WORDS for w in changed))


def _introduced(before: list[str], after: str) -> bool:
    """Whether a stamp word introduces what follows `before` ("Last updated:", "Effective as of"), with nothing
    but a stamp's own words between, and the stamp opens its line or follows the document's naming of itself
    ("This policy was last updated"): "effective until", "fees apply from", "become effective on" or "the Master
    Agreement dated" date a term of the agreement."""
    for at in range(len(before) - 1, -1, -1):
        word = before[at]
        if word in _STAMP_WORDS:
            # back over the rest of the stamp, and an earlier stamp on its line ("Updated … Effective …")
            while at > 0 and before[at - 1] != "\n" and (
                    before[at - 1] in _STAMP_FILLER or _DATE.match(before[at - 1])):
                at -= 1
            return at == 0 or before[at - 1] in _SELF_WORDS
        if word == "\n":  # a line that is only a date's introduction ("As of", "Valid from", "Date:")
            return after in ("\n", "") and all(w in _STAMP_FILLER or w in _LINE_STAMP for w in before[at + 1:])
        if word not in _STAMP_FILLER and word not in _LINE_STAMP and not _DATE.match(word):
            return False
    return False


def _variant(x: str, y: str, known: _Vocabulary) -> bool:
    """Two spellings of one word: British and American, or an evident typo. A typo fix is one edit, not of the
    first letter nor an ending, of an old spelling that is no English word and is gone from the new text: into an
    English word ("teh" -> "the", "recieve" -> "receive"), or, in a long word, into one the old text already used
    (names and jargon no dictionary has: "Subprocesor" -> "Subprocessor"). An old spelling the dictionary knows is
    another word ("breach" -> "breath", "retain" -> "retrain", "employer" -> "employee")."""
    if _fold_spelling(x) == _fold_spelling(y):
        return True
    if x[0] != y[0] or known.new[x] or any(x == y + e or y == x + e for e in _INFLECTIONS) or not x.isalpha():
        return False
    if not _one_edit(x, y) or _is_english_word(x):
        return False
    if _is_english_word(y):
        return min(len(x), len(y)) >= _TYPO_MIN_WORD
    return min(len(x), len(y)) >= _TYPO_MIN_LENGTH and known.old[y] > 0


@lru_cache(maxsize=1)
def _dictionary() -> SpellChecker:
    # loaded on the first typo-like edit only (a third of a second): most runs never need it
    return SpellChecker(language="en", distance=1)


def _is_english_word(word: str) -> bool:
    return word in _dictionary()


@lru_cache(maxsize=65536)
def _fold_spelling(word: str) -> str:
    """One spelling for a word's British and American forms (pages repeat a few thousand words, hence the cache)."""
    word = _VARIANTS.get(word, word)
    if len(word) < _SPELLING_MIN_LENGTH:
        return word
    for pattern, replacement in _SPELLING:
        word = pattern.sub(replacement, word)
    return word


def _one_edit(x: str, y: str) -> bool:
    """One letter inserted, deleted or replaced, or two neighbours swapped."""
    if len(x) == len(y):
        diffs = [i for i, (p, q) in enumerate(zip(x, y, strict=True)) if p != q]
        return len(diffs) == 1 or (len(diffs) == 2 and diffs[1] == diffs[0] + 1
                                   and x[diffs[0]] == y[diffs[1]] and x[diffs[1]] == y[diffs[0]])
    if abs(len(x) - len(y)) != 1:
        return False
    short, long = (x, y) if len(x) < len(y) else (y, x)
    # Not strict: the longer word has one letter more, and the first difference is within the shorter.
    i = next((i for i, (p, q) in enumerate(zip(short, long, strict=False)) if p != q), len(short))
    return short[i:] == long[i + 1:]
