"""The only module that runs Scrapy: documents in, FetchResults out, one crawl per process.

Results are handed to a callback as they arrive, so pages are processed one by one, never held all at once.
"""

from __future__ import annotations

import logging
import os
import shutil
from collections.abc import Awaitable, Callable, Iterable, Sequence
from importlib.util import find_spec
from pathlib import Path
from typing import Any

from monitor.config import CrawlConfig
from monitor.errors import TermwatchError
from monitor.models import Document, FetchResult

# Pages larger than this are refused with a clear reason instead of filling memory (terms pages are ~1 MB).
MAX_PAGE_BYTES = 20 * 1024 * 1024

_crawled = False


_UNUSED_MIDDLEWARES = {f"scrapy.downloadermiddlewares.{name}" for name in (
    "cookies.CookiesMiddleware", "httpauth.HttpAuthMiddleware", "httpcache.HttpCacheMiddleware")}
_UNUSED_EXTENSIONS = {f"scrapy.extensions.{name}" for name in (
    "telnet.TelnetConsole", "remote_control.RemoteControl", "memusage.MemoryUsage", "memdebug.MemoryDebugger",
    "closespider.CloseSpider", "feedexport.FeedExporter", "logstats.LogStats", "spiderstate.SpiderState",
    "throttle.AutoThrottle")}


def _without(components: dict, unused: set[str]) -> dict:
    return {name: order for name, order in components.items() if name not in unused}


def settings_for(crawl: CrawlConfig, verbose: bool = False) -> dict:
    """Scrapy settings built from our config only, so no stray scrapy.cfg or SCRAPY_SETTINGS_MODULE is read."""
    from scrapy.settings import default_settings

    return {
        "USER_AGENT": crawl.user_agent,
        "ROBOTSTXT_OBEY": crawl.obey_robots,
        "CONCURRENT_REQUESTS": crawl.concurrency,
        "CONCURRENT_REQUESTS_PER_DOMAIN": 1,
        "DOWNLOAD_DELAY": crawl.delay,
        "DOWNLOAD_TIMEOUT": crawl.timeout,
        # Scrapy's own DNS timeout is 60 s; a resolver that never answers must not outlast the configured timeout.
        "DNS_TIMEOUT": crawl.timeout,
        "DOWNLOAD_MAXSIZE": MAX_PAGE_BYTES,
        "DOWNLOAD_WARNSIZE": 0,
        "RETRY_TIMES": crawl.retries,
        "RETRY_HTTP_CODES": [429, 500, 502, 503, 504, 522, 524, 408],
        "TERMWATCH_RETRY_BACKOFF": crawl.delay,
        "DOWNLOADER_MIDDLEWARES": {
            "scrapy.downloadermiddlewares.retry.RetryMiddleware": None,
            "monitor.fetch.retry.BackoffRetryMiddleware": 550,
            "scrapy.downloadermiddlewares.robotstxt.RobotsTxtMiddleware": None,
            "monitor.fetch.robots.ReachableRobotsTxtMiddleware": 100,
        },
        # Components termwatch never uses are left out of Scrapy's own lists, not switched off: Scrapy
        # imports every listed component, even one set to None, and cookies' tldextract and requests
        # and the remote console's aiohttp would slow every run's start.
        "DOWNLOADER_MIDDLEWARES_BASE": _without(default_settings.DOWNLOADER_MIDDLEWARES_BASE, _UNUSED_MIDDLEWARES),
        "EXTENSIONS_BASE": _without(default_settings.EXTENSIONS_BASE, _UNUSED_EXTENSIONS),
        "LOG_LEVEL": "DEBUG" if verbose else "WARNING",
        # The CLI installs the root handler, with the filter that redacts secrets from every line.
        "LOG_INSTALL_ROOT_HANDLER": False,
        "REDIRECT_MAX_TIMES": 10,
        # A developer lint that re-reads and parses the callback's source for every response (its cache
        # is keyed by the bound method, new each time): CPU on every page, for a check we never need.
        "WARN_ON_GENERATOR_RETURN_VALUE": False,
        # The spider yields one item per response; Scrapy starts this many asyncio workers for every
        # response's output, and its default of 100 made a nothing-changed run markedly slower.
        "CONCURRENT_ITEMS": 1,
    }


_CHROMIUM_NAMES = ("chromium", "chromium-browser", "google-chrome", "google-chrome-stable")
_CHROMIUM_ARGS = ["--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync",
                  "--no-first-run"]


def browser_settings(browser_docs: Sequence[Document], crawl: CrawlConfig) -> dict:
    """Settings that send render = "browser" documents through scrapy-playwright and the system's Chromium.

    Only these requests carry meta["playwright"]; the handler passes every other request to Scrapy's own.
    Raises TermwatchError naming the first such document when scrapy-playwright or Chromium is missing."""
    doc = browser_docs[0].id
    if find_spec("scrapy_playwright") is None:
        raise TermwatchError(f"document {doc!r} has render = \"browser\" but scrapy-playwright is not installed; "
                             "pip install 'termwatch[browser]'")
    if crawl.chromium:
        chromium = shutil.which(str(Path(crawl.chromium).expanduser()))
        if chromium is None:
            raise TermwatchError(f"document {doc!r} has render = \"browser\" but crawl.chromium "
                                 f"{crawl.chromium!r} is not an executable; fix the path")
    else:
        chromium = next(filter(None, map(shutil.which, _CHROMIUM_NAMES)), None)
        if chromium is None:
            raise TermwatchError(f"document {doc!r} has render = \"browser\" but no Chromium was found on PATH; "
                                 "apt-get install chromium, or set crawl.chromium to its path")
    handler = "scrapy_playwright.handler.ScrapyPlaywrightDownloadHandler"
    # Chromium refuses to start as root with its sandbox on (containers, CI); elsewhere the sandbox stays.
    sandbox = ["--no-sandbox"] if hasattr(os, "geteuid") and os.geteuid() == 0 else []
    return {
        "DOWNLOAD_HANDLERS": {"http": handler, "https": handler},
        "PLAYWRIGHT_BROWSER_TYPE": "chromium",
        # executable_path: the system's browser; playwright never downloads one.
        "PLAYWRIGHT_LAUNCH_OPTIONS": {"executable_path": chromium, "headless": True, "args": sandbox + _CHROMIUM_ARGS},
        "PLAYWRIGHT_DEFAULT_NAVIGATION_TIMEOUT": crawl.timeout * 1000,
    }


# Seconds a run may add on top of its fetches (start-up, robots.txt, the browser).
_DEADLINE_SLACK = 60.0
_STOP_GRACE = 2.0  # seconds between asking the crawl to stop at the deadline and stopping it


def run_deadline(crawl: CrawlConfig, documents: int) -> float:
    """How long a whole crawl may take: crawl.deadline, else the worst a healthy crawl takes (every request
    timing out or waiting out Retry-After on every retry, in rounds of `concurrency`), robots.txt included,
    plus some slack. A hung run ends there instead of blocking the next cron run."""
    from monitor.fetch.retry import MAX_WAIT

    if crawl.deadline:
        return crawl.deadline
    rounds = -(-documents // crawl.concurrency)
    per_request = max(crawl.timeout, crawl.delay) + crawl.retries * (crawl.timeout + MAX_WAIT)
    return 2 * rounds * per_request + _DEADLINE_SLACK


def fetch_all(documents: Iterable[Document], crawl: CrawlConfig,
              on_result: Callable[[FetchResult], Awaitable[None] | None],
              validators: dict[str, tuple[str | None, str | None]] | None = None, verbose: bool = False) -> None:
    """Fetch every document once, calling on_result for each FetchResult as it arrives.

    on_result may be a coroutine function: the crawl goes on while it awaits, and Scrapy counts the page
    done (and holds back new downloads while too many are pending) until it returns.
    An exception raised by on_result stops the crawl and is raised here, instead of being logged and
    swallowed by Scrapy's signal dispatch.
    """
    global _crawled
    if _crawled:
        # Twisted's reactor cannot be restarted: a second crawl would die with ReactorNotRestartable.
        raise TermwatchError("termwatch can crawl only once per process; run the command again")
    documents = list(documents)
    settings = settings_for(crawl, verbose)
    browser_docs = [d for d in documents if d.render == "browser"]
    if browser_docs:  # no browser is started, or needed, for a run of static documents
        settings |= browser_settings(browser_docs, crawl)
        if not verbose:
            # It logs every failed page with a traceback; the failure is recorded with its reason already.
            logging.getLogger("scrapy-playwright").setLevel(logging.ERROR)
    _crawled = True

    from scrapy import signals
    from scrapy.crawler import AsyncCrawlerProcess
    from scrapy.utils.defer import deferred_from_coro

    from spiders.terms import TermsSpider

    errors: list[BaseException] = []
    process = AsyncCrawlerProcess(settings)
    crawler = process.create_crawler(TermsSpider)

    async def collect(item: FetchResult, response, spider) -> None:
        # A named function: Scrapy's signal receivers are weak references, a lambda would vanish.
        if errors:
            return
        try:
            pending = on_result(item)
            if pending is not None:
                await pending
        except BaseException as err:  # re-raised after the reactor stops
            errors.append(err)
            # stop() is a coroutine: it must be scheduled, or the crawl runs on to the end.
            deferred_from_coro(process.stop())

    crawler.signals.connect(collect, signal=signals.item_scraped)
    process.crawl(crawler, documents=documents, validators=validators or {})
    from twisted.internet import reactor as installed_reactor

    # Twisted declares the reactor's methods on zope.interface classes, which mypy misreads without the
    # mypy-zope plugin (every call would lack an argument).
    reactor: Any = installed_reactor

    def out_of_time() -> None:
        # A graceful stop waits for every download and Retry-After pause in flight; the reactor is stopped
        # after a short grace, and the pages not reached are recorded as such by the caller.
        deferred_from_coro(process.stop())
        reactor.callLater(_STOP_GRACE, lambda: reactor.running and reactor.stop())

    deadline = reactor.callLater(run_deadline(crawl, len(documents)), out_of_time)
    process.start()
    if deadline.active():
        deadline.cancel()
    if errors:
        raise errors[0]
