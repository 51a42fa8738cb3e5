"""TermsSpider: one request per watched document; every outcome, success or failure, becomes a FetchResult."""

from __future__ import annotations

import re
from collections.abc import AsyncIterator, Iterable
from urllib.parse import urlsplit

import scrapy
from scrapy.exceptions import (
    CannotResolveHostError,
    DownloadCancelledError,
    DownloadConnectionRefusedError,
    DownloadTimeoutError,
    IgnoreRequest,
    ResponseDataLossError,
)
from scrapy.http import Request, Response, TextResponse
from scrapy.settings import BaseSettings
from scrapy.spidermiddlewares.httperror import HttpError
from twisted.python.failure import Failure

from monitor.fetch.decode import decode_page
from monitor.models import Document, FetchResult, Unusable
from monitor.text.pdf import looks_like_pdf
from monitor.timeutil import utc_now

# Error statuses reach parse() so that the status and the body are recorded; redirects are still followed
# because 3xx is not listed. 304 answers a conditional request.
HANDLED_STATUSES = [304, *range(400, 600)]


def _header(response: Response, name: str) -> str | None:
    value = response.headers.get(name)
    return value.decode("latin-1") if value else None


class TermsSpider(scrapy.Spider):
    name = "terms"

    def __init__(self, documents: Iterable[Document] = (), validators: dict | None = None, **kwargs):
        super().__init__(**kwargs)
        self.documents = list(documents)
        self.validators = validators or {}

    async def start(self) -> AsyncIterator[scrapy.Request]:
        for doc in self.documents:
            meta = {"handle_httpstatus_list": HANDLED_STATUSES, "doc": doc}
            headers = {}
            if doc.render == "browser":
                # A browser navigation is never conditional: Chromium has no cached copy to show for a 304.
                meta |= self._browser_meta(doc)
            else:
                etag, last_modified = self.validators.get(doc.id, (None, None))
                if etag:
                    headers["If-None-Match"] = etag
                if last_modified:
                    headers["If-Modified-Since"] = last_modified
            yield scrapy.Request(
                doc.url,
                headers=headers,
                callback=self.parse,
                errback=self.failed,
                dont_filter=True,
                cb_kwargs={"doc": doc},
                meta=meta,
            )

    def _browser_meta(self, doc: Document) -> dict:
        from scrapy_playwright.page import PageMethod

        # Terms inserted by scripts are there once the network is idle; with `select`, once it matches too.
        meta = {"playwright": True, "playwright_page_goto_kwargs": {"wait_until": "networkidle"}}
        if doc.select:
            timeout = self.settings.getfloat("DOWNLOAD_TIMEOUT") * 1000
            meta["playwright_page_methods"] = [PageMethod(_wait_for, ", ".join(doc.select), timeout)]
        return meta

    def parse(self, response: Response, doc: Document) -> Iterable[FetchResult]:
        pdf = looks_like_pdf(response.body)
        text = decode_page(response.body, response.encoding) if isinstance(response, TextResponse) and not pdf else ""
        undecodable = text.reason if isinstance(text, Unusable) else None
        body = "" if isinstance(text, Unusable) else text
        # Bytes are kept for what is read as a PDF, and for a PDF that came instead of HTML (the evidence).
        raw = response.body if pdf or doc.format == "pdf" else b""
        yield FetchResult(
            document_id=doc.id,
            url=doc.url,
            fetched_at=utc_now(),
            status=response.status,
            final_url=response.url,
            content_type=_header(response, "Content-Type") or "",
            body=body,
            raw=raw,
            etag=_header(response, "ETag"),
            last_modified=_header(response, "Last-Modified"),
            error=undecodable,
        )

    def failed(self, failure: Failure) -> Iterable[FetchResult]:
        doc: Document = _request(failure).meta["doc"]
        if isinstance(failure.value, HttpError):
            response = failure.value.response
            error, location = f"HTTP {response.status}", _header(response, "Location") or ""
            scheme = re.match(r"\s*([a-zA-Z][a-zA-Z0-9+.-]*):", location)
            if scheme and scheme.group(1).lower() not in ("http", "https"):
                # Scrapy follows only http(s) redirects: a file:, data: or ftp: target is left alone.
                error += f": redirect to {location[:80]!r} not followed, only http(s) redirects are"
            yield FetchResult(doc.id, doc.url, utc_now(), status=response.status, final_url=response.url, error=error)
            return
        yield FetchResult(doc.id, doc.url, utc_now(), error=_reason(failure, self.settings))


def _reason(failure: Failure, settings: BaseSettings) -> str:
    """A transport failure in words a person reads; Scrapy's own message, or its class name, otherwise."""
    message = str(failure.value).strip()
    url = urlsplit(_request(failure).url)
    host = f"{url.hostname}:{url.port}" if url.port else url.hostname  # never the user:password@ part
    if failure.check(DownloadTimeoutError):
        return f"timed out: no complete response from {host} within {settings.getfloat('DOWNLOAD_TIMEOUT'):g} s"
    if failure.check(CannotResolveHostError):
        return f"DNS lookup failed: no address for {url.hostname}"
    if failure.check(DownloadConnectionRefusedError):
        return f"connection refused by {host}"
    if failure.check(ResponseDataLossError):
        return f"connection to {host} lost mid-response: the page arrived cut short"
    limit = settings.getint("DOWNLOAD_MAXSIZE") // (1024 * 1024)
    # Scrapy cancels a body that outgrows DOWNLOAD_MAXSIZE without a message (the announced size has one).
    if failure.check(DownloadCancelledError):
        return f"page too large: over the {limit} MB limit, download stopped"
    if failure.check(IgnoreRequest) and "DOWNLOAD_MAXSIZE" in message:
        return f"page too large: over the {limit} MB limit once decompressed (a compression bomb?)"
    if failure.check(IgnoreRequest) and "max redirections" in message:
        return f"redirect loop: more than {settings.getint('REDIRECT_MAX_TIMES')} redirects"
    # Chromium's errors (render = "browser") append a multi-line call log: the first line says what failed.
    first = message.splitlines()[0] if message else ""
    return type(failure.value).__name__ + (f": {first}" if first else "")


def _request(failure: Failure) -> Request:
    # Scrapy sets the failed request on the failure it passes to an errback; Twisted's Failure does not declare it.
    return failure.request  # type: ignore[attr-defined]


async def _wait_for(page, selector: str, timeout: float) -> None:
    """Wait for `select` to match; on timeout the page is judged as it is ("nothing matches select …")."""
    from playwright.async_api import TimeoutError as PlaywrightTimeout

    try:
        await page.wait_for_selector(selector, timeout=timeout)
    except PlaywrightTimeout:
        pass
