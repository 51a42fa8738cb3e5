"""The only module that runs Scrapy: documents in, FetchResults out, one crawl per process.

Results are handed to a callback as they arrive, so pages are processed one by one, never held all at once.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable

from monitor.config import CrawlConfig
from monitor.errors import TermwatchError
from monitor.models import Document, FetchResult

# Pages larger than this are refused with a clear reason instead of filling memory (terms pages are ~1 MB).
MAX_PAGE_BYTES = 20 * 1024 * 1024

_crawled = False


def settings_for(crawl: CrawlConfig, verbose: bool = False) -> dict:
    """Scrapy settings built from our config only, so no stray scrapy.cfg or SCRAPY_SETTINGS_MODULE is read."""
    return {
        "USER_AGENT": crawl.user_agent,
        "ROBOTSTXT_OBEY": crawl.obey_robots,
        "CONCURRENT_REQUESTS": crawl.concurrency,
        "CONCURRENT_REQUESTS_PER_DOMAIN": 1,
        "DOWNLOAD_DELAY": crawl.delay,
        "DOWNLOAD_TIMEOUT": crawl.timeout,
        "DOWNLOAD_MAXSIZE": MAX_PAGE_BYTES,
        "DOWNLOAD_WARNSIZE": 0,
        "RETRY_TIMES": crawl.retries,
        "RETRY_HTTP_CODES": [429, 500, 502, 503, 504, 522, 524, 408],
        "TERMWATCH_RETRY_BACKOFF": crawl.delay,
        "DOWNLOADER_MIDDLEWARES": {
            "scrapy.downloadermiddlewares.retry.RetryMiddleware": None,
            "spiders.retry.BackoffRetryMiddleware": 550,
        },
        "COOKIES_ENABLED": False,
        "TELNETCONSOLE_ENABLED": False,
        "LOG_LEVEL": "DEBUG" if verbose else "WARNING",
        # The CLI installs the root handler, with the filter that redacts secrets from every line.
        "LOG_INSTALL_ROOT_HANDLER": False,
        "REDIRECT_MAX_TIMES": 10,
    }


def fetch_all(documents: Iterable[Document], crawl: CrawlConfig, on_result: Callable[[FetchResult], None],
              validators: dict[str, tuple[str | None, str | None]] | None = None, verbose: bool = False) -> None:
    """Fetch every document once, calling on_result for each FetchResult as it arrives.

    An exception raised by on_result stops the crawl and is raised here, instead of being logged and
    swallowed by Scrapy's signal dispatch.
    """
    global _crawled
    if _crawled:
        # Twisted's reactor cannot be restarted: a second crawl would die with ReactorNotRestartable.
        raise TermwatchError("termwatch can crawl only once per process; run the command again")
    _crawled = True

    from scrapy import signals
    from scrapy.crawler import AsyncCrawlerProcess

    from spiders.terms import TermsSpider

    errors: list[BaseException] = []
    process = AsyncCrawlerProcess(settings_for(crawl, verbose))
    crawler = process.create_crawler(TermsSpider)

    def collect(item: FetchResult, response, spider) -> None:
        # A named function: Scrapy's signal receivers are weak references, a lambda would vanish.
        if errors:
            return
        try:
            on_result(item)
        except BaseException as err:  # re-raised after the reactor stops
            errors.append(err)
            process.stop()

    crawler.signals.connect(collect, signal=signals.item_scraped)
    process.crawl(crawler, documents=list(documents), validators=validators or {})
    process.start()
    if errors:
        raise errors[0]
