"""Names made from free text: ASCII slugs for document ids and file names, kept unique with -2, -3…"""

from __future__ import annotations

import re
import unicodedata


def slug(text: str) -> str:
    """`Acme AI Terms` → `acme-ai-terms`; accents are dropped ("Ünïcode" → "unicode"), other letters too."""
    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    return re.sub(r"[^a-z0-9]+", "-", ascii_text.lower()).strip("-")


def unique(base: str, taken: set[str]) -> str:
    """`base`, or `base-2`, `base-3`… whichever is not in `taken`; it is added to `taken`."""
    candidate, n = base, 2
    while candidate in taken:
        candidate, n = f"{base}-{n}", n + 1
    taken.add(candidate)
    return candidate
