"""The file names of the report's pages, relative to the report folder: the report writes them, and alerts
and feeds link to them at `[report] base_url`."""

from __future__ import annotations


def document_href(document: str) -> str:
    return f"document-{document}.html"


def version_href(document: str, version_id: int) -> str:
    return f"version-{document}-{version_id}.html"


def change_href(change: dict) -> str:
    return f"change-{change['id']}.html"


def agreement_href(agreement: str) -> str:
    return f"agreement-{agreement}.html"
