"""Terms published as PDF: read with pypdf and versioned, diffed and classified like HTML; wrong or broken files
fail."""

from __future__ import annotations

import html
import io
import shutil
from pathlib import Path

import pytest
from pypdf import PdfReader, PdfWriter

from conftest import db_at, document_toml, minimal_pdf
from monitor.config import parse
from monitor.errors import ConfigError
from monitor.text.pdf import PdfError, pdf_text, reflow

DPA = [
    ("1. Definitions", "In this Data Processing Addendum, Customer Data means personal data that Customer submits "
     "to the Services, and Processor means Example AI, Inc., acting on Customer's documented instructions."),
    ("2. Processing", "Example AI processes Customer Data only to provide the Services and does not use "
     "Customer Data to train or improve its models."),
    ("3. Retention", "Example AI retains Customer Data for up to 30 days after it is submitted and then "
     "deletes it, unless Customer asks for earlier deletion or the law requires longer retention."),
    ("4. Sub-processors", "Example AI may engage sub-processors listed on its website and will give Customer "
     "thirty days' notice of any new sub-processor, during which Customer may object."),
    ("5. Security", "Example AI maintains technical and organisational measures to protect Customer Data, "
     "including encryption in transit and at rest and access controls."),
]


def dpa_html(sections) -> str:
    body = "".join(f"<h2>{html.escape(h)}</h2><p>{html.escape(p)}</p>" for h, p in sections)
    return f"<!doctype html><html><body><h1>Data Processing Addendum</h1>{body}</body></html>"


@pytest.fixture(scope="module")
def make_pdf():
    """Prints HTML to a real PDF with the system's Chromium, as vendors' DPAs often are made."""
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=shutil.which("chromium"),
                                    args=["--no-sandbox", "--disable-gpu", "--no-first-run"])
        page = browser.new_page()

        def make(sections, paper: str = "A4", margin: str = "1cm") -> bytes:
            page.set_content(dpa_html(sections))
            return page.pdf(format=paper, margin={"left": margin, "right": margin, "top": margin, "bottom": margin})

        yield make
        browser.close()



def test_pdf_terms_are_versioned_and_a_retention_change_is_flagged(pages, write_config, termwatch, make_pdf):
    pages.set("/legal/dpa.pdf", make_pdf(DPA), Content_Type="application/pdf")
    config = write_config(document_toml("acme-dpa", pages.url("/legal/dpa.pdf"), type_="Data Processing Addendum"))
    first = termwatch(config, "run", "--json")
    assert first.code == 0, first.stderr
    assert first.json()["new_versions"] == 1
    db = db_at(config)
    [version] = db["versions"].rows
    assert "does not use Customer Data to train or improve its models" in version["text"]
    assert "up to 30 days" in version["text"]
    # The PDF itself is the evidence kept.
    assert db["pages"].get(version["page_sha256"])["length"] == len(pages.routes["/legal/dpa.pdf"].body)

    # The same wording laid out again on other paper, so every line wraps elsewhere, is not a change.
    relaid = make_pdf(DPA, paper="Letter", margin="3cm")
    assert relaid != pages.routes["/legal/dpa.pdf"].body
    pages.set("/legal/dpa.pdf", relaid, Content_Type="application/pdf")
    same = termwatch(config, "run", "--json").json()
    assert (same["unchanged"], same["new_versions"]) == (1, 0)

    changed = [(h, p.replace("up to 30 days", "up to 3 years")) for h, p in DPA]
    pages.set("/legal/dpa.pdf", make_pdf(changed), Content_Type="application/pdf")
    second = termwatch(config, "run", "--json")
    assert second.code == 0, second.stderr
    [change] = second.json()["changes"]
    assert change["retention"] is True and change["training"] is False
    assert "3 years" in change["summary"]

    diff = termwatch(config, "diff", "acme-dpa", "--format", "json")
    assert diff.code == 0, diff.stderr
    shown = diff.json()
    assert (shown["from_version"], shown["to_version"]) == (1, 2)
    assert "3 years" in str(shown["hunks"]) and "30 days" in str(shown["hunks"])

    # Re-deriving text reads the kept PDFs again and finds nothing to rewrite.
    redone = termwatch(config, "reextract", "--json")
    assert redone.code == 0, redone.stderr
    assert (redone.json()["rewritten"], redone.json()["changes_dropped"]) == (0, [])
    assert db["versions"].count == 2 and db["changes"].count == 1


def test_wrong_or_broken_files_are_failed_fetches(pages, write_config, termwatch, make_pdf):
    pdf = make_pdf(DPA)
    reader = PdfReader(io.BytesIO(pdf))
    locked = PdfWriter(clone_from=reader)
    locked.encrypt(user_password="s3cret", owner_password="owner", algorithm="AES-256")
    out = io.BytesIO()
    locked.write(out)

    pages.set("/terms", pdf, Content_Type="application/pdf")  # a PDF where HTML is expected
    pages.set("/terms-mislabelled", pdf)  # a PDF sent as text/html
    pages.set("/garbage.pdf", b"%PDF-1.7\n" + bytes(range(256)) * 40, Content_Type="application/pdf")
    pages.set("/noise", bytes(range(256)) * 40, Content_Type="application/pdf")
    pages.set("/locked.pdf", out.getvalue(), Content_Type="application/pdf")
    pages.set("/dpa.pdf", dpa_html(DPA))  # an HTML page where a PDF is expected
    config = write_config(
        document_toml("html-got-pdf", pages.url("/terms")),
        document_toml("html-got-mislabelled-pdf", pages.url("/terms-mislabelled")),
        document_toml("garbage", pages.url("/garbage.pdf")),
        document_toml("noise", pages.url("/noise")) + 'format = "pdf"\n',
        document_toml("locked", pages.url("/locked.pdf")),
        document_toml("pdf-got-html", pages.url("/dpa.pdf")),
    )
    result = termwatch(config, "run", "--json")
    assert result.code == 3, result.stderr
    assert result.stderr == ""  # no traceback, and no library warnings for cron to mail
    summary = result.json()
    assert summary["new_versions"] == 0 and summary["changes"] == []
    reasons = {f["document"]: f["reason"] for f in summary["failures"]}
    expected_html = 'expected HTML but got a PDF; set format = "pdf" for this document'
    assert reasons["html-got-pdf"] == expected_html
    assert reasons["html-got-mislabelled-pdf"] == expected_html
    assert reasons["garbage"].startswith("unreadable PDF: the PDF is damaged or not a PDF (")
    assert reasons["noise"].startswith("unreadable PDF: the PDF is damaged or not a PDF (")
    assert reasons["locked"] == "unreadable PDF: the PDF is password-protected"
    assert reasons["pdf-got-html"].startswith("expected a PDF but got an HTML page")
    db = db_at(config)
    assert db["versions"].count == 0
    assert {r["document"]: r["outcome"] for r in db["fetches"].rows} == dict.fromkeys(reasons, "failed")


def test_pdf_text_reads_pages_and_refuses_damage(make_pdf):
    text = pdf_text(make_pdf(DPA))
    assert text.startswith("Data Processing Addendum")
    assert "3. Retention" in text and "up to 30 days" in text
    with pytest.raises(PdfError, match="damaged or not a PDF"):
        pdf_text(b"<!doctype html><p>not a pdf</p>")


TERMS = ["Example AI does not use Customer Data to train its models.", "Customer Data is deleted after 30 days."]


def encrypted(pdf: bytes, user_password: str) -> bytes:
    writer = PdfWriter(clone_from=PdfReader(io.BytesIO(pdf)))
    writer.encrypt(user_password=user_password, owner_password="owner", algorithm="AES-256")
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()


def test_pdf_text_names_a_truncated_or_a_locked_file():
    pdf = minimal_pdf(TERMS)
    assert pdf_text(pdf) == "\n\n".join(TERMS)
    for cut in (len(pdf) // 2, pdf.index(b"xref"), len(pdf) - 8):  # mid-stream, before the xref, in the trailer
        with pytest.raises(PdfError, match=r"^the PDF is damaged or not a PDF \(.+\)$"):
            pdf_text(pdf[:cut])
    with pytest.raises(PdfError, match=r"^the PDF is password-protected$"):
        pdf_text(encrypted(pdf, "s3cret"))
    # Encrypted only to restrict printing or copying: the empty user password opens it.
    assert pdf_text(encrypted(pdf, "")) == "\n\n".join(TERMS)


def test_a_pdf_using_what_pypdf_cannot_read_is_a_reason_not_a_crash():
    unsupported = minimal_pdf(TERMS).replace(b"/Length", b"/Filter /NoSuchDecode /Length", 1)
    with pytest.raises(PdfError, match=r"^the PDF uses something pypdf cannot read \(.*NoSuchDecode.*\)$"):
        pdf_text(unsupported)


def test_a_bug_while_reading_a_pdf_is_not_passed_off_as_a_damaged_file(monkeypatch):
    from pypdf import PageObject

    def broken(self, *args, **kwargs):
        raise AttributeError("'NoneType' object has no attribute 'strip'")

    monkeypatch.setattr(PageObject, "extract_text", broken)
    with pytest.raises(AttributeError):
        pdf_text(minimal_pdf(TERMS))

REFLOW = {
    "wrapped lines join": ("We retain Customer Data for up to 30 days after it is submitted and then delete it,\n"
                           "unless Customer asks for earlier deletion or the law requires us to keep it for\n"
                           "longer.",
                           ["We retain Customer Data for up to 30 days after it is submitted and then delete it, "
                            "unless Customer asks for earlier deletion or the law requires us to keep it for longer."]),
    "a short line ends a paragraph": ("Customer may object within thirty days of the notice given.\n3. Security\n"
                                      "Short.", ["Customer may object within thirty days of the notice given.",
                                                 "3. Security", "Short."]),
    "a full line ending a sentence before a capital": (
        "Example AI does not use Customer Data to train or improve its models.\n"
        "Example AI deletes Customer Data within thirty days of submission.",
        ["Example AI does not use Customer Data to train or improve its models.",
         "Example AI deletes Customer Data within thirty days of submission."]),
    "a hyphen at the margin is kept": ("Example AI will give notice of any new sub-\nprocessor, during which "
                                       "Customer may object.", ["Example AI will give notice of any new "
                                                                "sub-processor, during which Customer may object."]),
    "blank": ("  \n\n", []),
}


@pytest.mark.parametrize("text, paragraphs", REFLOW.values(), ids=REFLOW.keys())
def test_reflow_joins_lines_wrapped_at_the_margin(text, paragraphs):
    assert reflow(text) == paragraphs


def doc(extra: str, url: str = "https://example.com/legal/dpa.pdf") -> str:
    return document_toml("acme", url) + extra


@pytest.mark.parametrize(
    "url, extra, expected",
    [
        ("https://example.com/legal/dpa.pdf", "", "pdf"),
        ("https://example.com/legal/DPA.PDF?v=3", "", "pdf"),
        ("https://example.com/terms", "", "html"),
        ("https://example.com/download?id=dpa", 'format = "pdf"\n', "pdf"),
        ("https://example.com/terms.pdf", 'format = "html"\n', "html"),
    ],
)
def test_format_defaults_to_the_url_and_can_be_set(url, extra, expected):
    [document] = parse(doc(extra, url), Path("config.toml")).documents
    assert document.format == expected


@pytest.mark.parametrize(
    "extra, message",
    [
        ('format = "docx"\n', "documents[0].format: 'docx' for document 'acme' must be one of: html, pdf"),
        ('select = ["main"]\n',
         "documents[0].select: document 'acme' is a PDF; select and remove apply to HTML only, remove them"),
    ],
)
def test_bad_format_is_a_config_error(extra, message):
    with pytest.raises(ConfigError) as err:
        parse(doc(extra), Path("config.toml"))
    assert str(err.value) == f"config.toml: {message}"
