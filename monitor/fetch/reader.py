"""Reads pages in a worker process while the run crawls and stores, so a run that reads pages uses two cores;
and keeps the memory of both processes flat over thousands of pages."""

from __future__ import annotations

import asyncio
import ctypes
import multiprocessing
import os
import signal
import threading
import time
from concurrent.futures import ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool

from monitor.errors import TermwatchError
from monitor.models import Document, Extracted, FetchResult, Unusable
from monitor.text.judge import judge
from monitor.text.pdf import quiet_repair_warnings

# The page the worker reads and one waiting: more would only hold pages in memory, fewer leaves it idle
# while this process stores a result.
_IN_HAND = 2
_M_MMAP_THRESHOLD = -3  # mallopt's parameter number, from glibc's malloc.h


class PageReader:
    """One worker process that judges pages (parse, extract, normalise), started with the first page to read:
    a run that finds nothing changed never starts it. One keeps the second core busy; each holds a parsed page."""

    def __init__(self) -> None:
        self.pool = ProcessPoolExecutor(1, mp_context=multiprocessing.get_context("spawn"), initializer=_started,
                                        initargs=(os.getpid(),))
        self.in_hand = 0

    def __enter__(self) -> PageReader:
        return self

    def __exit__(self, *exc: object) -> None:
        self.pool.shutdown(wait=True, cancel_futures=True)

    async def judge(self, fetch: FetchResult, doc: Document) -> Extracted | Unusable | None:
        """What the page shows, judged in the worker; None when the worker has enough in hand, so the caller
        judges this one itself."""
        if self.in_hand >= _IN_HAND:
            return None
        self.in_hand += 1
        try:
            return await asyncio.wrap_future(self.pool.submit(judge, fetch, doc.select, doc.remove, doc.format))
        except BrokenProcessPool:
            raise TermwatchError("the process reading pages stopped unexpectedly (out of memory?); run again") from None
        finally:
            self.in_hand -= 1


def return_freed_pages() -> None:
    """Keep every allocation of a page's size in its own mapping, returned to the system when freed.

    glibc raises its mmap threshold each time such a block is freed, after which pages come from the heap,
    which fragments: over 1,000 pages the main process grew from 126 to 151 MB and the worker from 68 to
    81 MB. With the threshold fixed they stay flat (about 115 and 62 MB). Elsewhere than glibc, nothing to do."""
    try:
        ctypes.CDLL("libc.so.6").mallopt(_M_MMAP_THRESHOLD, 128 * 1024)
    except (OSError, AttributeError):
        pass


def _started(parent: int) -> None:
    return_freed_pages()
    quiet_repair_warnings()  # the worker has no log handler: Python's last resort would print them on stderr
    # Ctrl-C and a service stop reach the whole process group; the run stops the worker itself once the
    # crawl has wound down, so the worker finishes the pages in hand instead of dying with a traceback.
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    signal.signal(signal.SIGTERM, signal.SIG_IGN)
    threading.Thread(target=_exit_with, args=(parent,), daemon=True).start()


def _exit_with(parent: int) -> None:
    # A worker holds both ends of its own task queue, so it never sees the queue close: were the run
    # killed, the worker would wait for tasks for ever.
    while os.getppid() == parent:
        time.sleep(0.5)
    os._exit(0)
