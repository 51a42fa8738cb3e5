"""The Scrapy crawl against a real server on 127.0.0.1: every outcome becomes one FetchResult.

Each crawl runs in a subprocess, because Scrapy's reactor starts only once per process.
"""

from __future__ import annotations

import json
import socket
import subprocess
import sys
import textwrap
from itertools import pairwise

from conftest import ROOT

CRAWL = textwrap.dedent(
    """
    import json, sys
    from dataclasses import asdict
    from monitor.config import CrawlConfig
    from monitor.fetch.crawl import fetch_all
    from monitor.models import Document
    args = json.loads(sys.argv[1])
    docs = [Document(d["id"], "V", "commercial", "T", d["url"]) for d in args["docs"]]
    results = []
    fetch_all(docs, CrawlConfig(**args["crawl"]), results.append, args.get("validators") or {})
    print(json.dumps([asdict(r) for r in results], default=bytes.hex))  # raw: the bytes of a PDF
    """
)


def crawl(docs: dict[str, str], validators: dict | None = None, **crawl) -> dict[str, dict]:
    settings = {"user_agent": "termwatch-test/1.0 (+contact)", "timeout": 5, "retries": 0, "delay": 0,
                "obey_robots": False} | crawl
    payload = {"docs": [{"id": k, "url": v} for k, v in docs.items()], "crawl": settings, "validators": validators}
    proc = subprocess.run([sys.executable, "-c", CRAWL, json.dumps(payload)], capture_output=True, text=True,
                          timeout=120, cwd=ROOT)
    assert proc.returncode == 0, proc.stderr
    return {r["document_id"]: r for r in json.loads(proc.stdout)}


def closed_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def test_outcomes_of_one_crawl(pages):
    pages.set("/ok", "<html><body><main><p>Terms</p></main></body></html>", ETag='"v1"')
    pages.set("/gone", "<h1>Gone</h1>", status=404)
    pages.set("/boom", "<h1>Oops</h1>", status=500)
    pages.redirect("/old", "/ok")
    results = crawl({
        "ok": pages.url("/ok"), "gone": pages.url("/gone"), "boom": pages.url("/boom"),
        "moved": pages.url("/old"), "refused": f"http://127.0.0.1:{closed_port()}/terms",
    })
    assert set(results) == {"ok", "gone", "boom", "moved", "refused"}
    ok = results["ok"]
    assert (ok["status"], ok["etag"], ok["error"]) == (200, '"v1"', None)
    assert "<p>Terms</p>" in ok["body"] and ok["content_type"].startswith("text/html")
    assert (results["gone"]["status"], results["boom"]["status"]) == (404, 500)
    assert results["moved"]["status"] == 200 and results["moved"]["final_url"] == pages.url("/ok")
    assert results["refused"]["status"] is None and "connection refused" in results["refused"]["error"]
    agents = {headers.get("User-Agent") for _, headers in pages.requests}
    assert agents == {"termwatch-test/1.0 (+contact)"}


def test_conditional_request_gives_304(pages):
    pages.set("/ok", "<p>Terms</p>", ETag='"v1"')
    result = crawl({"ok": pages.url("/ok")}, validators={"ok": ['"v1"', None]})["ok"]
    assert result["status"] == 304 and result["body"] == ""
    assert pages.requests[-1][1].get("If-None-Match") == '"v1"'


def test_retries_then_records_the_last_status(pages):
    pages.set("/flaky", "busy", status=503)
    result = crawl({"flaky": pages.url("/flaky")}, retries=2)["flaky"]
    assert result["status"] == 503
    assert len(pages.requests) == 3


def test_robots_txt_is_obeyed_when_asked(pages):
    pages.set("/robots.txt", "User-agent: *\nDisallow: /private\n", Content_Type="text/plain")
    pages.set("/private/terms", "<p>Terms</p>")
    result = crawl({"private": pages.url("/private/terms")}, obey_robots=True)["private"]
    assert result["status"] is None and "robots.txt" in result["error"]
    assert all(path != "/private/terms" for path, _ in pages.requests)


def test_a_slow_server_is_a_timeout(pages):
    pages.set("/slow", "<p>Terms</p>", delay=3)
    result = crawl({"slow": pages.url("/slow")}, timeout=1)["slow"]
    assert result["status"] is None and "timed out" in result["error"]


def test_retries_back_off_and_honour_retry_after(pages):
    pages.set("/busy", "slow down", status=429, Retry_After="2")
    result = crawl({"busy": pages.url("/busy")}, retries=1)["busy"]
    assert result["status"] == 429 and len(pages.times) == 2
    assert pages.times[1] - pages.times[0] >= 1.9
    pages.times.clear()
    pages.set("/down", "down", status=503)
    crawl({"down": pages.url("/down")}, retries=2, delay=0.5)
    gaps = [b - a for a, b in pairwise(pages.times)]
    # The per-host delay alone spaces requests by at most 1.5 x 0.5 s; the second retry waits 2 x 0.5 s.
    assert len(gaps) == 2 and gaps[1] >= 0.95
