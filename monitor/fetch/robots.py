"""Scrapy's robots.txt middleware, except that a host whose robots.txt could not be reached at all (no address,
refused, no answer) is not asked for its pages in the same run: they fail at once with the same reason."""

from __future__ import annotations

from scrapy.downloadermiddlewares.robotstxt import RobotsTxtMiddleware
from scrapy.http import Request
from scrapy.utils.httpobj import urlparse_cached

from monitor.fetch.retry import FINAL


class ReachableRobotsTxtMiddleware(RobotsTxtMiddleware):
    def __init__(self, crawler):
        super().__init__(crawler)
        self._unreachable: dict[str, Exception] = {}

    def _robots_error(self, exc: Exception, netloc: str) -> None:
        if isinstance(exc, FINAL):
            self._unreachable[netloc] = exc
        super()._robots_error(exc, netloc)

    async def process_request(self, request: Request, spider=None) -> None:
        await super().process_request(request, spider)
        failure = self._unreachable.get(urlparse_cached(request).netloc)
        if failure is not None and not request.meta.get("dont_obey_robotstxt"):
            raise type(failure)(str(failure))  # the page's own failure, with the reason robots.txt met
