"""Typography folding shared by normalisation and the clause rules: one spelling for what renders alike."""

from __future__ import annotations

import re
import unicodedata

_TYPOGRAPHY = {
    **dict.fromkeys("\u2018\u2019\u201a\u201b\u2032\u0060\u00b4\u02bc", "'"),
    # a trade mark sign marks a name, it is no word of it (NFKC would make "NorthwindTM" of "Northwind\u2122")
    "\u2122": "",
    **dict.fromkeys("\u201c\u201d\u201e\u201f\u2033\u00ab\u00bb", '"'),
    **dict.fromkeys("\u2010\u2011\u2012\u2013\u2014\u2015\u2212\ufe58\ufe63\uff0d", "-"),
    **dict.fromkeys("\u200b\u200c\u200d\u200e\u200f\u2060\u2061\u2062\u2063\ufeff\u00ad\u180e", ""),
    **dict.fromkeys("\u00a0\u2007\u202f\u2009\u200a\u3000", " "),
}
# A regex over the few characters that change, not str.translate: translate with a mapping costs a
# lookup per character, which dominated normalise on long pages.
_TYPOGRAPHIC = re.compile("[" + "".join(_TYPOGRAPHY) + "]")


def fold_typography(text: str) -> str:
    """One spelling for what renders alike: NFKC, curly quotes, dashes, odd spaces, invisible characters."""
    return unicodedata.normalize("NFKC", _TYPOGRAPHIC.sub(lambda m: _TYPOGRAPHY[m[0]], text))
