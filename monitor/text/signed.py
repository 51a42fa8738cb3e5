"""Reads a signed copy of terms (HTML, PDF or plain text) into text, to pin it as an agreement's baseline."""

from __future__ import annotations

from pathlib import Path

from monitor.errors import TermwatchError
from monitor.fetch.decode import looks_binary
from monitor.text.html import extract_text
from monitor.text.pdf import PdfError, looks_like_pdf, pdf_text


def read_signed_copy(path: Path) -> str:
    """The text of a signed copy, by its content: PDF by its magic bytes, HTML by its markup, else plain text."""
    try:
        raw = path.read_bytes()
    except OSError as err:
        raise TermwatchError(f"{path}: cannot read the signed copy ({err.strerror}); check the path") from None
    if looks_like_pdf(raw):
        try:
            text = pdf_text(raw)
        except PdfError as err:
            raise TermwatchError(
                f"{path}: cannot read this PDF ({err}); export the signed terms as text instead") from None
    else:
        try:
            decoded = raw.decode("utf-8-sig")
        except UnicodeDecodeError:
            raise TermwatchError(f"{path}: not UTF-8 text, HTML or PDF; save it as one of those") from None
        if looks_binary(decoded):
            raise TermwatchError(
                f"{path}: a binary file, not UTF-8 text, HTML or PDF; save the signed terms as one of those")
        head = decoded.lstrip()[:500].lower()
        text = extract_text(decoded) if head.startswith(("<!doctype html", "<html")) or "<body" in head else decoded
    if not text.strip():
        raise TermwatchError(f"{path}: no text found in the signed copy (a scanned PDF has none; use its text instead)")
    return text.strip()

