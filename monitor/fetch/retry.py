"""Scrapy's retry, with exponential backoff and Retry-After honoured, so a struggling server is not hammered;
a name that does not resolve, a port that refuses or a host that does not answer in time is not retried
within the run."""

from __future__ import annotations

import asyncio

from scrapy.downloadermiddlewares.retry import RetryMiddleware
from scrapy.exceptions import CannotResolveHostError, DownloadConnectionRefusedError, DownloadTimeoutError
from scrapy.http import Request, Response

MAX_WAIT = 120.0
# Failures that retrying within the same run cannot mend, or would mend only after minutes: a host that
# does not answer within the timeout costs one timeout, not one per retry.
FINAL = (CannotResolveHostError, DownloadConnectionRefusedError, DownloadTimeoutError)


class BackoffRetryMiddleware(RetryMiddleware):
    def __init__(self, settings):
        super().__init__(settings)
        self.base = settings.getfloat("TERMWATCH_RETRY_BACKOFF", 1.0)

    def _wait(self, retry: Request, response: Response | None) -> float:
        attempt = retry.meta.get("retry_times", 1)
        wait = self.base * 2 ** (attempt - 1)
        after = response.headers.get("Retry-After") if response is not None else None
        if after and after.strip().isdigit():
            wait = max(wait, float(after))
        return min(wait, MAX_WAIT)

    # Scrapy runs a middleware method that is a coroutine (and no longer passes `spider`); its base class still
    # declares the synchronous form, hence the ignores.
    async def process_response(  # type: ignore[override]
            self, request: Request, response: Response) -> Request | Response:
        result = super().process_response(request, response)
        if isinstance(result, Request):
            await asyncio.sleep(self._wait(result, response))
        return result

    async def process_exception(  # type: ignore[override]
            self, request: Request, exception: Exception) -> Request | Response | None:
        if isinstance(exception, FINAL):
            return None  # the same name, port or silent host will not answer a second later: fail fast, say why once
        result = super().process_exception(request, exception)
        if isinstance(result, Request):
            await asyncio.sleep(self._wait(result, None))
        return result
