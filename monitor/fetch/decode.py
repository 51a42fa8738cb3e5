"""The text of a page's bytes, or why it has none: charsets chosen with care, binary bodies refused."""

from __future__ import annotations

import re

from w3lib.encoding import html_body_declared_encoding, resolve_encoding

from monitor.models import Unusable

# C0 controls other than whitespace never occur in text: a few are stray bytes, more mean the body is not text.
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0e-\x1f]")
_SNIFF = 10_000  # characters looked at for control bytes


def looks_binary(text: str) -> bool:
    """Whether decoded bytes are not text at all: a NUL anywhere, or control bytes in more than 1 % of the start."""
    head = text[:_SNIFF]
    return "\x00" in text or len(_CONTROL.findall(head)) > len(head) // 100


def decode_page(body: bytes, encoding: str) -> str | Unusable:
    """The text of a page's bytes, or why it has none; `encoding` is Scrapy's pick (BOM, header, <meta>, guess).

    Bytes that are valid UTF-8 are read as UTF-8 whatever the header says: they are almost never meant as
    anything else, and a latin-1 header on a UTF-8 page is a common slip. Bytes the declared charset cannot
    decode are tried with the page's own <meta> charset. Nothing is guessed with replacement characters: a
    guessed wording stored as a version would show as a change once the site fixes its charset.
    """
    wide = resolve_encoding(encoding) or encoding
    candidates: list[str | None]
    if wide.startswith(("utf-16", "utf-32")):
        candidates = [wide]
    else:
        if looks_binary(body[:_SNIFF].decode("latin-1")):
            return Unusable("binary content served as a web page: control bytes where text should be")
        candidates = ["utf-8", wide, html_body_declared_encoding(body)]
    for candidate in filter(None, candidates):
        try:
            text = body.decode(resolve_encoding(candidate) or candidate)
            break
        except (UnicodeDecodeError, LookupError):
            continue
    else:
        try:
            body.decode(wide)
        except UnicodeDecodeError as err:
            return Unusable(f"undecodable text: byte {body[err.start]:#04x} at offset {err.start} is not valid {wide}")
        except LookupError:
            return Unusable(f"undecodable text: unknown charset {encoding!r}")
    return text.removeprefix("\ufeff")
