"""Frozen dataclasses passed between the stages: config in, fetch results through, summaries out."""

from __future__ import annotations

from dataclasses import asdict, dataclass, field

AUDIENCES = ("commercial", "consumer")
FLAGS = ("training", "retention", "access")
# What a side without a value reads as, in every summary and view: a fact one version states and the other not.
NOT_STATED = "not stated"
# What became of a clause between two versions (analysis/pairs.py pairs them); named here so that the views
# word them without loading the diff.
CHANGED, ADDED, REMOVED, MOVED = "changed", "added", "removed", "moved"


def flags(*rows: dict) -> list[str]:
    """The flags set on any of the rows (changes or drift findings), in the order of FLAGS."""
    return [name for name in FLAGS if any(row.get(name) for row in rows)]


@dataclass(frozen=True)
class Clause:
    """One sentence or list item of a version, with the section heading it sits under and its topics."""

    text: str
    heading: str
    labels: frozenset[str]
    evidence: tuple[str, ...] = ()


@dataclass(frozen=True)
class Document:
    """One watched page, as declared in `[[documents]]`."""

    id: str
    vendor: str
    audience: str
    type: str
    url: str
    select: tuple[str, ...] = ()
    remove: tuple[str, ...] = ()
    render: str = "static"  # "browser": rendered in headless Chromium before extraction
    format: str = "html"  # "pdf": the terms are a PDF file


@dataclass(frozen=True)
class FetchResult:
    """One fetch attempt of a document; also the Scrapy item the spider yields.

    `status` is the HTTP status when a response arrived (304 for a conditional hit);
    `error` names the transport failure when none did (DNS, timeout, refused…).
    """

    document_id: str
    url: str
    fetched_at: str
    status: int | None = None
    final_url: str | None = None
    content_type: str = ""
    body: str = ""
    raw: bytes = b""  # the body's bytes, kept only for a PDF (expected or not)
    etag: str | None = None
    last_modified: str | None = None
    error: str | None = None


@dataclass(frozen=True)
class Extracted:
    """A usable page: the readable text kept as a version and the normalised form that decides change."""

    text: str
    normalised: str
    sha256: str
    fallback: bool = False  # `select` matched nothing: the text is the automatically found main content


@dataclass(frozen=True)
class Unusable:
    """A fetch that is not the terms (error page, bot wall, empty…), with a reason a person can read."""

    reason: str


@dataclass(frozen=True)
class Event:
    """An alert as the outbox keeps it: what happened (kind, the document or agreement, the topics it touches),
    its words in each form a channel may want, and the key that makes the same cause one alert."""

    kind: str
    key: str
    created_at: str
    subject: str
    text: str
    html: str
    short: str
    document: str | None = None
    vendor: str | None = None
    agreement: str | None = None
    training: bool = False
    retention: bool = False
    access: bool = False

    def row(self) -> dict:
        """The event as a row of the outbox's events table."""
        return asdict(self)


@dataclass(frozen=True)
class RunSummary:
    """What one `termwatch run` did, as printed by the CLI."""

    started_at: str
    finished_at: str
    documents: int
    fetched: int
    unchanged: int
    failed: int
    new_versions: int
    changes: list[dict] = field(default_factory=list)
    failures: list[dict] = field(default_factory=list)
    alerts: dict = field(default_factory=lambda: {"sent": 0, "failed": 0, "errors": []})

    @property
    def incomplete(self) -> bool:
        """Some fetch failed or some alert could not be delivered (exit code 3)."""
        return bool(self.failed or self.alerts["failed"])
