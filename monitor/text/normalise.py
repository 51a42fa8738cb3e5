"""The comparison form of extracted text: typography, whitespace, numbering, dates, relative times and
addresses folded, so that only a change of wording changes it."""

from __future__ import annotations

import re
from urllib.parse import urlsplit

from monitor.text.fold import fold_typography

# Leading heading marks, bullets and clause numbers ("1.", "A.1.", "I.2.a.", "C.1.a.i", "(iv)"):
# sites re-render the same clauses with other numbering styles, so only the clause text compares.
_SEGMENT = r"(?:\d{1,3}|[a-zA-Z]|[ivxlcdmIVXLCDM]{2,6})"
_LINE_MARKER = re.compile(
    r"^(?![^\n]* \| )"  # not a table row: "9.99 EUR | Monthly" starts with a price, not a clause number
    r"(?:#{1,6} +"
    r"|[-*+\u2022\u00b7\u25aa\u25ab\u25e6\u2023\u2043\u25cf\u25cb\u25a0\u25a1\u2219] +"
    rf"|\(?{_SEGMENT}\) +|\({_SEGMENT}\)(?=[^\W\d_])"  # "(a)access": a closed marker needs no space
    rf"|{_SEGMENT}\. +"
    # several segments: with letters and digits ("A.1.", "C.1.a.iv"), or digits before a capitalised word ("3.1 The
    # Customer"); "9.99 EUR", "1.5 GB" and "99.9 uptime" are quantities and "U.S." is no number
    rf"|(?=\S*\d)(?=\S*[a-zA-Z])(?:{_SEGMENT}\.)+{_SEGMENT}\.? +"
    r"|\d{1,3}(?:\.\d{1,3})+\.? +(?=[A-Z][a-z]|[(\"\u201c'\u2018])"
    r")+",
    re.M,
)
_MONTHS = {
    name: i + 1
    for i, names in enumerate(
        [
            "january jan janvier janv januar jänner enero ene gennaio gen janeiro januari",
            "february feb février fevrier févr fevr februar febrero febbraio fevereiro fev februari",
            "march mar mars märz maerz marzo março marco maart",
            "april apr avril abril aprile",
            "may mai mayo maggio maio mei",
            "june jun juin juni junio giugno junho",
            "july jul juillet juil juli julio luglio lug julho",
            "august aug août aout agosto ago augustus",
            "september sep sept septembre septiembre settembre set setembro",
            "october oct octobre oktober octubre ottobre ott outubro out",
            "november nov novembre noviembre novembro",
            "december dec décembre decembre déc dezember dez diciembre dic dicembre dezembro",
        ]
    )
    for name in names.split()
}
# Any word in a date's place, checked against _MONTHS afterwards: an alternation of all month names
# tried at every position of a long page was the slowest step of normalise.
_WORD_MONTH = r"([^\W\d_]{3,10}+)\.?"  # possessive: a shorter run of the same word cannot match either
_DAY = r"(\d{1,2})(?:st|nd|rd|th|er|\.|º)?"
# "8 July 2026", "8 de julio de 2026", and the deed's "the 8th day of July, 2026".
_DATE_DMY = re.compile(
    rf"\b(?:the (?=\d{{1,2}}(?:st|nd|rd|th)? day of ))?{_DAY} (?:de |day of )?{_WORD_MONTH},? (?:de )?(\d{{4}})(?!\d)")
# "July 8, 2026", and "January 2026" (as a month of a year, "2026-01"): one pass, after day-first dates.
_DATE_MDY = re.compile(rf"\b{_WORD_MONTH}(?: {_DAY})?,? (\d{{4}})(?!\d)")
_DATE_ISO = re.compile(r"\b(\d{4})-(\d{1,2})-(\d{1,2})(?!\d)")
# "01/05/2026", "05.01.2026": the order is the site's convention, and a stamp keeps its own, so a reading that
# is a valid date suffices: the folded form only needs to be a date that differs when the date does.
_DATE_NUMERIC = re.compile(r"\b(\d{1,2})([./])(\d{1,2})\2(\d{4})(?![\d.]\d)")
# "Jan 5" (no year, capitalised: "may 5" is a modal and a number) as a partial ISO date.
_DATE_MD = re.compile(r"\b([A-Z][^\W\d_]{2,9}+)\.? (\d{1,2})(?:st|nd|rd|th)?\b(?![,.]?\d|:)")
# "Updated 3 weeks ago", "Edited yesterday": the same moment told relative to each fetch. Only after the word
# of a stamp: in a clause "data collected more than 14 days ago" or "the last year" is a term.
_STAMP_LEAD = (
    r"(?:(?:last )?(?:updated|edited|modified|changed|posted|published|created|reviewed|revised)(?: on)?"
    r"|aktualisiert|geändert|bearbeitet|veröffentlicht|actualizado|modificado|publicado|aggiornato|modificato"
    r"|pubblicato|mis à jour|modifiée?|publiée?|actualisée?|bijgewerkt|gewijzigd|atualizado)"
)
_RELATIVE_TIME = re.compile(
    rf"\b({_STAMP_LEAD}:? )"
    r"(?:yesterday|today|just now|(?:this|last) (?:week|month|year)|(?:a )?moments? ago"
    r"|(?:last )?(?:mon|tues|wednes|thurs|fri|satur|sun)day\b(?! \d| [A-Z]| the)"  # "Updated Monday", no date after
    r"|(?:(?:over|about|almost|nearly|more than|less than|under) )?(?:a|an|one|a few|\d{1,3}) "
    r"(?:second|minute|hour|day|week|month|year)s? ago"
    r"|\d{1,3} ?(?:s|secs?|m|mins?|h|hrs?|d|w|wks?|mo|mos|y|yrs?) ago"  # "2d ago", "5 mins ago"
    r"|vor (?:einer|einem|\d{1,3}) (?:sekunden?|minuten?|stunden?|tag(?:en)?|wochen?|monat(?:en)?|jahr(?:en)?)"
    r"|hace (?:una?|\d{1,3}) (?:segundos?|minutos?|horas?|d[ií]as?|semanas?|mes(?:es)?|a[nñ]os?)"
    r"|(?:una?|\d{1,3}) (?:second[oi]|minut[oi]|or[ae]|giorn[oi]|settiman[ae]|mes[ei]|ann[oi]) fa"
    r"|il y a (?:une?|quelques|\d{1,3}) (?:secondes?|minutes?|heures?|jours?|semaines?|mois|ans?))\b",
    re.I,
)
# Words one of which every relative time above holds.
_RELATIVE_WORDS = ("ago", "vor ", "hace ", " fa", "il y a", "yesterday", "today", "just now", "this week", "this month",
                   "this year", "last week", "last month", "last year", "monday", "tuesday", "wednesday", "thursday",
                   "friday", "saturday", "sunday")
_READING_TIME = re.compile(r"\b\d{1,3} min(?:ute)?s? read\b", re.I)  # counted afresh by the template
# A line that only counts readers ("14 followers", "Post views: 1,240", "12 out of 47 found this helpful").
_COUNTER = re.compile(
    r"^(?:[^\S\n]*\w+(?: \w+)?:)? ?\d[\d,.]*(?: out of \d[\d,.]*)? (?:followers?|views?|comments?|likes?|votes?"
    r"|reactions?|shares?|readers?|(?:people |users )?found this (?:article |page )?helpful)$"
    r"|^(?:post )?views: ?\d[\d,.]*$",
    re.I | re.M,
)
# Symbols and the words they stand for: "Terms & Conditions", "1.5 per cent".
_AMPERSAND = re.compile(r" & ")
_PERCENT = re.compile(r"(\d) ?(?:per ?cent|pour ?cent|por ciento|prozent|per cento)\b", re.I)
# A contraction and its long form are one wording ("don't" / "do not"): the negation stays either way.
_CONTRACTION = re.compile(r"'t\b", re.I)  # found by its ending, which is rare, then read back to the word's start
_STEM = re.compile(r"(\w+)$")
_LONG_FORMS = {"won": "will not", "can": "cannot", "shan": "shall not"}
_LONGEST_STEM = 20
# A byline on a line of its own ("Written by Jane Doe, Sam Lee") or closing a dated stamp ("Last updated on
# 2026-01-05 by Jane Doe"): who last saved the page, not what it says.
_BYLINE = re.compile(r"^((?:written|posted|authored|published|maintained|edited) by) [^\n.:;]{1,60}$", re.I | re.M)
_DATED_BYLINE = re.compile(r"(\d{4}-\d{2}-\d{2},? by) [^\n.:;]{1,60}$", re.M)
_URL = re.compile(r"\bhttps?://[^\s\"'<>]+", re.I)
# A leading language segment (/en/, /en-us/) is one rendering of the same address; region segments
# (/eu/, /us/, /uk/) stay, because they often name a different document.
_LANGUAGE_SEGMENT = re.compile(
    r"(?:ar|bg|cs|da|de|el|en|es|et|fi|fr|he|hi|hr|hu|id|it|ja|ko|lt|lv|ms|nb|nl|no|pl|pt|ro|ru|sk|sl|sr|sv|th|tr"
    r"|vi|zh)(?:[-_](?:[a-z]{2}|hans|hant))?",
    re.I,
)
# Any run of whitespace but a line break, except a lone plain space: it is most of them and stays as it is.
_SPACES = re.compile(r"[^\S\n ][^\S\n]*| [^\S\n]+")
_LINE_BREAKS = re.compile(r" ?\n[ \n]*")  # a break with the spaces around it and blank lines after
_SPACE_BEFORE = re.compile(r" +([,.;:!?)\]}])")
_SPACE_AFTER = re.compile(r"([(\[{]) +")


def normalise(text: str) -> str:
    """Comparison form of extracted text, used only to decide whether the wording changed.

    Folds typography (quotes, dashes, spaces, invisible characters), whitespace, heading marks,
    bullets and clause numbering, renderings of the same date, relative times ("3 weeks ago"), and
    visible addresses' query strings and language prefixes. Case is kept: capitals mark defined terms in contracts."""
    text = fold_typography(text)
    # whole-text passes rather than a loop over lines: long pages have tens of thousands of lines
    text = _SPACES.sub(" ", text.replace("\r\n", "\n").replace("\r", "\n"))
    text = _LINE_BREAKS.sub("\n", text).strip(" \n")
    # dates first: "8. Juli 2026" at the start of a line is a date, not clause 8
    text = _DATE_DMY.sub(lambda m: _iso(m[3], _MONTHS.get(m[2].lower(), 0), m[1]) or m[0], text)
    text = _DATE_MDY.sub(_month_first_date, text)
    text = _DATE_ISO.sub(lambda m: _iso(m[1], int(m[2]), m[3]) or m[0], text)
    text = _DATE_NUMERIC.sub(_numeric_date, text)
    text = _DATE_MD.sub(lambda m: _month(m[1], day=m[2]) or m[0], text)
    text = _LINE_MARKER.sub("", text)
    text = _PERCENT.sub(r"\1%", _AMPERSAND.sub(" and ", text))
    text = _COUNTER.sub("(count)", text)
    if "'t" in text or "'T" in text:
        text = _expand_contractions(text)
    lower = text.lower()
    if any(word in lower for word in _RELATIVE_WORDS):  # the pattern is slow, and most terms have none
        text = _RELATIVE_TIME.sub(r"\1(recently)", text)
    if " read" in text:
        text = _READING_TIME.sub("(reading time)", text)
    text = _DATED_BYLINE.sub(r"\1 (someone)", _BYLINE.sub(r"\1 (someone)", text))
    if "://" in text:
        text = _URL.sub(_fold_url, text)
    return _SPACE_AFTER.sub(r"\1", _SPACE_BEFORE.sub(r"\1", text))


def _fold_url(m: re.Match[str]) -> str:
    """A visible address compared by host and path: scheme, www., query, fragment and a language prefix go."""
    url = m.group(0)
    tail = ""
    while url and url[-1] in ".,;:!?)]}":
        url, tail = url[:-1], url[-1] + tail
    try:
        parts = urlsplit(url)
        host = (parts.hostname or "").removeprefix("www.")
    except ValueError:
        return str(m.group(0))
    segments = [s for s in parts.path.split("/") if s]
    if segments and _LANGUAGE_SEGMENT.fullmatch(segments[0]):
        segments = segments[1:]
    return "/".join([host, *segments]) + tail


def _expand_contractions(text: str) -> str:
    parts, start = [], 0
    for m in _CONTRACTION.finditer(text):
        stem = _STEM.search(text, max(start, m.start() - _LONGEST_STEM), m.start())
        if stem is None:
            continue
        word, long = stem[1], _LONG_FORMS.get(stem[1].lower())
        if long is None and not word.lower().endswith("n"):
            continue
        parts += [text[start:stem.start()], long or word[:-1] + " not"]
        if long and word[0].isupper():
            parts[-1] = long.capitalize()
        start = m.end()
    return "".join(parts) + text[start:]


def _month_first_date(m: re.Match[str]) -> str:
    if m[2] is None:
        return _month(m[1], year=m[3]) or m[0]
    return _iso(m[3], _MONTHS.get(m[1].lower(), 0), m[2]) or m[0]


def _numeric_date(m: re.Match[str]) -> str:
    """Day first with dots or where the first number cannot be a month, else month first (the US form)."""
    a, b, year = int(m[1]), int(m[3]), m[4]
    day, month = (a, b) if m[2] == "." or a > 12 else (b, a)
    return _iso(year, month, str(day)) or m[0]


def _month(name: str, year: str = "", day: str = "") -> str | None:
    """A month named with a year ("2026-01") or with a day and no year ("--01-05"); None if `name` is no month."""
    if name == "may":  # lower case: the modal
        return None
    month = _MONTHS.get(name.lower(), 0)
    if not month:
        return None
    if not day:
        return f"{int(year):04d}-{month:02d}"
    return f"--{month:02d}-{int(day):02d}" if 1 <= int(day) <= 31 else None


def _iso(year: str, month: int, day: str) -> str | None:
    d = int(day)
    if not 1 <= month <= 12 or not 1 <= d <= 31:
        return None
    return f"{int(year):04d}-{month:02d}-{d:02d}"
