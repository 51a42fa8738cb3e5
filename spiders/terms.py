"""TermsSpider: one request per watched document; every outcome, success or failure, becomes a FetchResult."""

from __future__ import annotations

from collections.abc import AsyncIterator, Iterable
import scrapy
from scrapy.http import Response, TextResponse
from scrapy.spidermiddlewares.httperror import HttpError
from twisted.python.failure import Failure

from monitor.models import Document, FetchResult
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
            etag, last_modified = self.validators.get(doc.id, (None, None))
            headers = {}
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
                meta={"handle_httpstatus_list": HANDLED_STATUSES, "doc": doc},
            )

    def parse(self, response: Response, doc: Document) -> Iterable[FetchResult]:
        body = response.text if isinstance(response, TextResponse) else ""
        yield FetchResult(
            document_id=doc.id,
            url=doc.url,
            fetched_at=utc_now(),
            status=response.status,
            final_url=response.url,
            content_type=_header(response, "Content-Type") or "",
            body=body,
            etag=_header(response, "ETag"),
            last_modified=_header(response, "Last-Modified"),
        )

    def failed(self, failure: Failure) -> Iterable[FetchResult]:
        doc: Document = failure.request.meta["doc"]
        if failure.check(HttpError):
            response = failure.value.response
            yield FetchResult(doc.id, doc.url, utc_now(), status=response.status, final_url=response.url,
                              error=f"HTTP {response.status}")
            return
        message = str(failure.value).strip()
        error = failure.type.__name__ + (f": {message}" if message else "")
        yield FetchResult(doc.id, doc.url, utc_now(), error=error)
