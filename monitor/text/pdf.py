"""Pure: the text of a PDF (pypdf), for terms published as PDF and for signed copies.

Raises PdfError with a reason a person can read for a broken or password-protected file.
"""

from __future__ import annotations

import io
import logging
import re

MAGIC = b"%PDF-"


class PdfError(ValueError):
    """A PDF whose text cannot be read; the message says why."""


def quiet_repair_warnings() -> None:
    """Keep pypdf's warnings about the flaws it works around out of this process's log.

    A PDF it cannot read becomes the fetch's reason instead, so they would only be noise in cron's mail. Called
    by the processes that read PDFs (the CLI's logging setup and the page reader), never on import."""
    logging.getLogger("pypdf").setLevel(logging.ERROR)


def looks_like_pdf(data: bytes | str) -> bool:
    """Whether a body starts with a PDF's magic bytes (after any whitespace or byte-order mark)."""
    if isinstance(data, str):
        return data[:1024].lstrip("\ufeff \t\r\n").startswith(MAGIC.decode())
    return data[:1024].lstrip(b"\xef\xbb\xbf \t\r\n").startswith(MAGIC)


def pdf_text(data: bytes) -> str:
    """The text of every page as paragraphs separated by a blank line, as the HTML extractor writes them."""
    from pypdf import PdfReader
    from pypdf.errors import DependencyError, FileNotDecryptedError, PyPdfError

    try:
        reader = PdfReader(io.BytesIO(data))
        # Many published PDFs are encrypted with an empty user password only to restrict printing or copying.
        if reader.is_encrypted:
            reader.decrypt("")
        pages = [page.extract_text() or "" for page in reader.pages]
    except FileNotDecryptedError:
        raise PdfError("the PDF is password-protected") from None
    except DependencyError as err:  # AES-encrypted files need the cryptography package
        raise PdfError(f"the PDF is encrypted and cannot be opened here ({err})") from None
    except NotImplementedError as err:
        # pypdf's word for a feature it does not read (a compression filter, an encryption method); our code
        # raises it nowhere. The file is valid but unreadable here: a failed fetch, never a crashed run.
        detail = str(err).splitlines()[0] if str(err) else "an unsupported feature"
        raise PdfError(f"the PDF uses something pypdf cannot read ({detail})") from None
    except PyPdfError as err:
        # The base of the errors pypdf raises for a file it cannot read (PdfReadError, PdfStreamError,
        # ParseError, EmptyFileError, LimitReachedError). Anything else is a bug, ours or pypdf's, and must
        # not pass for a damaged file.
        detail = str(err).splitlines()[0] if str(err) else type(err).__name__
        raise PdfError(f"the PDF is damaged or not a PDF ({detail})") from None
    # One text for all pages, so a paragraph that runs onto the next page stays whole.
    return "\n\n".join(reflow("\n".join(pages)))


# A line at least this share of the longest line was wrapped at the right margin.
_FULL_LINE = 0.75
_SENTENCE_END = re.compile(r"[.;:!?][\"'”’)\]]?$")
_BLOCK_START = re.compile(r"[A-Z0-9(\"“•▪◦–-]")


def reflow(text: str) -> list[str]:
    """Lines joined back into paragraphs: a line that reaches the right margin continues on the next.

    PDF text comes hard-wrapped at the margin; joined back, its paragraphs read and diff like a page's.
    """
    lines = [" ".join(line.split()) for line in text.splitlines()]
    lines = [line for line in lines if line]
    if not lines:
        return []
    full = _FULL_LINE * max(map(len, lines))
    paragraphs, current = [], ""
    for line, following in zip(lines, [*lines[1:], ""], strict=True):
        current = f"{current}{'' if current.endswith('-') or not current else ' '}{line}"
        # A short line ends its paragraph (or is a heading). So does a full one that ends a sentence before a
        # line that could start one: splitting a paragraph at a sentence is better than merging two.
        if len(line) < full or (_SENTENCE_END.search(line) and _BLOCK_START.match(following)):
            paragraphs.append(current)
            current = ""
    if current:
        paragraphs.append(current)
    return paragraphs
