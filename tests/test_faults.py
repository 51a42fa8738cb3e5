"""Network and content faults, served for real on 127.0.0.1: each is a failed fetch with a readable reason,
never a version, a change or a drift event, and the healthy document of the same run is unaffected."""

from __future__ import annotations

import json
import os
import random
import resource
import socket
import struct
import threading
import time
import zlib
from itertools import pairwise
from pathlib import Path

from conftest import Route, db_at, document_toml, report_figures

TERMS = """<!doctype html><html><head><title>Acme AI Terms</title></head><body>
<main><h1>Acme AI Terms of Service</h1>
<p>These Terms govern your use of the Acme AI services and apply to every workspace of the customer.</p>
<h2>1. Customer Content</h2>
<p>We do not use Customer Content to train our models unless you explicitly opt in to share it with us.</p>
<h2>2. Retention</h2>
<p>We retain API inputs and outputs for up to 30 days to identify abuse, after which they are deleted.</p>
</main></body></html>"""

FRENCH = """<html><head><title>Conditions</title>{meta}</head><body><main><h1>Conditions générales d'utilisation</h1>
<p>Nous n'utilisons pas vos données pour entraîner nos modèles, sauf si vous l'acceptez expressément.</p>
<p>Les données sont conservées pendant trente jours au maximum, puis supprimées définitivement.</p>
<p>Ces conditions s'appliquent à tous les espaces de travail créés après la date d'entrée en vigueur.</p>
</main></body></html>"""
FRENCH_WORDS = ("générales", "entraîner", "conservées", "supprimées définitivement")

HEAD = b"HTTP/1.1 200 OK\r\nContent-Type: text/html; charset=utf-8\r\n"


class FaultServer:
    """A raw socket server for faults no well-behaved HTTP server produces: resets, hangs, drips, endless bodies."""

    def __init__(self, host: str = "127.0.0.1"):
        self.sock = socket.create_server((host, 0))
        self.base = f"http://{host}:{self.sock.getsockname()[1]}"
        self.hits: dict[str, int] = {}
        self.healthy = True  # until a test turns the faults on, every path serves the terms
        self.closing = threading.Event()
        threading.Thread(target=self._serve, daemon=True).start()

    def url(self, path: str) -> str:
        return self.base + path

    def _serve(self) -> None:
        while not self.closing.is_set():
            try:
                conn, _ = self.sock.accept()
            except OSError:
                return
            threading.Thread(target=self._handle, args=(conn,), daemon=True).start()

    def _handle(self, conn: socket.socket) -> None:
        try:
            request = b""
            while b"\r\n\r\n" not in request:
                chunk = conn.recv(4096)
                if not chunk:
                    return
                request += chunk
            path = request.split(b" ")[1].decode()
            self.hits[path] = self.hits.get(path, 0) + 1
            if self.healthy:
                conn.sendall(HEAD + f"Content-Length: {len(TERMS.encode())}\r\n\r\n".encode() + TERMS.encode())
                return
            getattr(self, "fault_" + path.strip("/").replace("-", "_"))(conn)
        except OSError:
            pass  # the client gave up, which is what most of these faults are for
        finally:
            conn.close()

    def fault_reset(self, conn: socket.socket) -> None:
        conn.sendall(HEAD + b"Content-Length: 100000\r\n\r\n" + TERMS.encode()[:300])
        time.sleep(0.1)
        # SO_LINGER with a zero timeout turns close() into a TCP reset.
        conn.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, struct.pack("ii", 1, 0))

    def fault_hang(self, conn: socket.socket) -> None:
        self.closing.wait(10)

    def fault_drip(self, conn: socket.socket) -> None:
        # Each byte arrives well within any per-read timeout; the whole page would take minutes.
        body = TERMS.encode()
        conn.sendall(HEAD + f"Content-Length: {len(body)}\r\n\r\n".encode())
        for byte in body:
            if self.closing.wait(0.2):
                return
            conn.sendall(bytes([byte]))

    def fault_endless(self, conn: socket.socket) -> None:
        conn.sendall(HEAD + b"Transfer-Encoding: chunked\r\n\r\n")
        chunk = b"<p>" + b"terms " * 10_000 + b"</p>"
        frame = f"{len(chunk):x}\r\n".encode() + chunk + b"\r\n"
        while not self.closing.is_set():
            conn.sendall(frame)

    def fault_huge(self, conn: socket.socket) -> None:
        size = 50 * 1024 * 1024
        conn.sendall(HEAD + f"Content-Length: {size}\r\n\r\n".encode())
        block = b"<p>" + b"x" * 65_529 + b"</p>"
        for _ in range(size // len(block)):
            conn.sendall(block)

    def close(self) -> None:
        self.closing.set()
        self.sock.shutdown(socket.SHUT_RDWR)  # wakes the blocked accept(); close() alone leaves the port listening
        self.sock.close()


def gzip_bomb(size: int) -> bytes:
    """A gzip body of a few dozen KB that inflates to `size` bytes of zeros."""
    squeeze = zlib.compressobj(9, zlib.DEFLATED, 31)
    block = b"\0" * (1024 * 1024)
    data = b"".join(squeeze.compress(block) for _ in range(size // len(block)))
    return data + squeeze.flush()


def png() -> bytes:
    raw = b"".join(b"\0" + os.urandom(3 * 64) for _ in range(64))

    def chunk(kind: bytes, data: bytes) -> bytes:
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))

    return (b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", struct.pack(">IIBBBBB", 64, 64, 8, 2, 0, 0, 0))
            + chunk(b"IDAT", zlib.compress(raw)) + chunk(b"IEND", b""))



def write_config(tmp_path, docs: dict[str, str], timeout: float = 1, retries: int = 0, delay: float = 0) -> Path:
    """A config with tiny timeouts, every doc under one agreement (so drift is checked), and a healthy doc."""
    text = (f'[storage]\ndatabase = "data/termwatch.db"\n\n[crawl]\nuser_agent = "termwatch-test/1.0"\n'
            f"timeout = {timeout}\nretries = {retries}\nconcurrency = 16\ndelay = {delay}\nobey_robots = false\n\n")
    text += "\n".join(document_toml(name, url) for name, url in docs.items())
    text += ('\n[[agreements]]\nid = "acme-2025"\nvendor = "Example AI"\nsigned_on = 2025-01-01\n'
             f"documents = {json.dumps(list(docs))}\n")
    path = tmp_path / "config.toml"
    path.write_text(text)
    return path


def run_faulty(config, termwatch) -> tuple[dict, dict[str, str]]:
    """Run termwatch and check what every fault shares; returns the summary and each failed doc's fetch reason."""
    # By id, not by first_seen: timestamps are to the second, and the seeding run may end in the second this one starts.
    seeded = db_at(config).execute("select coalesce(max(id), 0) from versions").fetchone()[0]
    result = termwatch(config, "run", "--json", timeout=60)
    assert result.code == 3, result.stderr
    assert "Traceback" not in result.stderr + result.stdout
    summary = result.json()
    db = db_at(config)
    failed = {f["document"] for f in summary["failures"]}
    assert "healthy" not in failed
    new = {r["document"] for r in db.query("select document from versions where id > ?", [seeded])}
    assert not failed & new
    assert not [c for c in db["changes"].rows if c["document"] in failed]
    assert not [e for e in db["events"].rows if e["kind"] in ("change", "drift") and e["document"] in failed]
    assert not [f for f in db["findings"].rows if f["document"] in failed]
    rows = {r["document"]: r for r in db.query("select * from fetches where fetched_at >= ?", [summary["started_at"]])}
    for doc in failed:
        assert rows[doc]["ok"] == 0 and rows[doc]["outcome"] == "failed" and rows[doc]["version_id"] is None
    return summary, {doc: rows[doc]["reason"] for doc in failed}


def seed(config, termwatch, expected: set[str]) -> None:
    """A first run where every page was fine, so a later fault has a version it could wrongly replace."""
    result = termwatch(config, "run", "--json", timeout=60)
    assert {r["document"] for r in db_at(config)["versions"].rows} == expected, result.stderr


def test_network_faults(tmp_path, pages, termwatch):
    raw, gone, elsewhere = FaultServer(), FaultServer(), FaultServer("127.0.0.2")
    for path in ("/terms", "/burst", "/busy", "/busy-once", "/down", "/a", "/moved"):
        pages.set(path, TERMS)
    docs = {
        "healthy": pages.url("/terms"),
        "refused": gone.url("/terms"),
        "reset": raw.url("/reset"),
        "timeout": raw.url("/hang"),
        "drip": raw.url("/drip"),
        "burst": pages.url("/burst"),
        "throttled": pages.url("/busy"),
        "throttled-once": pages.url("/busy-once"),
        "down": pages.url("/down"),
        "loop": pages.url("/a"),
        "moved": pages.url("/moved"),
    }
    config = write_config(tmp_path, docs, timeout=1, retries=2)
    seed(config, termwatch, set(docs))
    docs["dns"] = "http://terms.example.invalid/terms"
    config = write_config(tmp_path, docs, timeout=1, retries=2)

    gone.close()
    raw.healthy = False
    raw.hits.clear()
    busy = Route(429, b"<h1>Too many requests</h1>", {"Content-Type": "text/html", "Retry-After": "1"})
    down = Route(503, b"<h1>Service unavailable</h1>", {"Content-Type": "text/html"})
    pages.sequence("/burst", down, down, Route(200, TERMS.replace("30 days", "60 days").encode()))
    pages.sequence("/busy", busy)
    pages.sequence("/busy-once", busy, Route(200, TERMS.encode()))
    pages.sequence("/down", down)
    pages.redirect("/a", "/b")
    pages.redirect("/b", "/a")
    pages.redirect("/moved", elsewhere.url("/terms"))
    pages.requests.clear()
    pages.times.clear()
    started = time.monotonic()
    summary, reasons = run_faulty(config, termwatch)
    elapsed = time.monotonic() - started
    raw.close()
    elsewhere.close()

    assert set(reasons) == {"refused", "reset", "timeout", "drip", "throttled", "down", "loop", "dns"}
    port = raw.base.rsplit(":", 1)[1]
    assert reasons["refused"] == f"fetch failed: connection refused by {gone.base[7:]}"
    assert reasons["reset"] == (
        f"fetch failed: connection to 127.0.0.1:{port} lost mid-response: the page arrived cut short")
    for name in ("timeout", "drip"):
        assert reasons[name] == f"fetch failed: timed out: no complete response from 127.0.0.1:{port} within 1 s"
    # DOWNLOAD_TIMEOUT bounds the whole download: the drip sent a byte every 0.2 s and was cut after about 1 s.
    # A time-out is not retried within the run: a host that never answers costs one timeout.
    assert raw.hits["/drip"] == 1 and raw.hits["/hang"] == 1
    assert reasons["dns"] == "fetch failed: DNS lookup failed: no address for terms.example.invalid"
    assert reasons["throttled"] == "HTTP 429" and reasons["down"] == "HTTP 503"
    assert [path for path, _ in pages.requests].count("/down") == 3  # 1 try + 2 retries
    assert reasons["loop"] == "fetch failed: redirect loop: more than 10 redirects"
    # Retry-After: 1 was honoured between the three attempts of /busy (the backoff base, delay, is 0 here).
    busy = [t for (path, _), t in zip(pages.requests, pages.times, strict=True) if path == "/busy"]
    assert len(busy) == 3 and all(b - a >= 0.95 for a, b in pairwise(busy))
    db = db_at(config)
    # A 429 that clears within the retries reads the same wording: an unchanged fetch.
    assert [r["outcome"] for r in db["fetches"].rows_where("document = 'throttled-once'", order_by="id")] == [
        "new", "unchanged"]
    # A burst of 503s within the retries is retried through: the new wording is a version and a change.
    burst = list(db["changes"].rows_where("document = 'burst'"))
    assert len(burst) == 1 and burst[0]["retention"]
    # Policy: a redirect to another host is followed, and the fetch records where the terms now live.
    moved = list(db["fetches"].rows_where("document = 'moved'", order_by="id"))[-1]
    assert moved["ok"] and moved["final_url"] == elsewhere.url("/terms")
    assert summary["failed"] == 8 and elapsed < 30
    report_figures("network faults", {"fault_kinds": 11, "failed_fetches": summary["failed"]})


def test_content_faults(tmp_path, pages, termwatch):
    raw = FaultServer()
    for path in ("/terms", "/bomb", "/bad-utf8", "/random", "/png", "/empty"):
        pages.set(path, TERMS)
    docs = {
        "healthy": pages.url("/terms"),
        "huge": raw.url("/huge"),
        "endless": raw.url("/endless"),
        "bomb": pages.url("/bomb"),
        "bad-utf8": pages.url("/bad-utf8"),
        "random": pages.url("/random"),
        "png": pages.url("/png"),
        "empty": pages.url("/empty"),
    }
    config = write_config(tmp_path, docs, timeout=20)
    seed(config, termwatch, set(docs))

    raw.healthy = False
    # gzip members concatenate: 1 GiB of zeros in about 1 MB.
    pages.set("/bomb", gzip_bomb(64 * 1024 * 1024) * 16, Content_Encoding="gzip")
    latin1 = FRENCH.format(meta="").encode("latin-1")
    pages.set("/bad-utf8", latin1, Content_Type="text/html; charset=utf-8")
    pages.set("/random", random.Random(6).randbytes(200_000))
    pages.set("/png", png())
    pages.set("/png-no-charset", png(), Content_Type="text/html")
    pages.set("/empty", b"")
    docs["png-no-charset"] = pages.url("/png-no-charset")
    config = write_config(tmp_path, docs, timeout=20)
    summary, reasons = run_faulty(config, termwatch)
    raw.close()
    assert set(reasons) == set(docs) - {"healthy"}
    too_large = "fetch failed: page too large: over the 20 MB limit"
    assert reasons["huge"] == reasons["endless"] == too_large + ", download stopped"
    assert reasons["bomb"] == too_large + " once decompressed (a compression bomb?)"
    assert reasons["bad-utf8"] == (f"fetch failed: undecodable text: byte 0xe9 at offset {latin1.index(0xE9)} "
                                   "is not valid utf-8")
    binary = "fetch failed: binary content served as a web page: control bytes where text should be"
    assert reasons["random"] == reasons["png"] == reasons["png-no-charset"] == binary
    assert reasons["empty"] == "empty page: 0 characters of text"
    # The crawl never held the 1 GiB bomb, the 50 MB page or the endless body in memory.
    peak_mb = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
    assert peak_mb < 400, peak_mb
    report_figures("content faults", {"fault_kinds": len(reasons), "peak_child_rss_mb": round(peak_mb)})


def test_wrong_or_missing_charset_still_reads_the_right_words(tmp_path, pages, termwatch):
    cases = {
        # A latin-1 header on a UTF-8 page: valid UTF-8 wins.
        "latin1-header": (FRENCH.format(meta="").encode(), "text/html; charset=iso-8859-1"),
        # A UTF-8 header on a windows-1252 page that says so itself: the page's <meta> wins.
        "utf8-header": (FRENCH.format(meta='<meta charset="windows-1252">').encode("cp1252"),
                        "text/html; charset=utf-8"),
        "no-charset-utf8": (FRENCH.format(meta="").encode(), "text/html"),
        "no-charset-cp1252": (FRENCH.format(meta="").encode("cp1252"), "text/html"),
        "utf8-bom": (b"\xef\xbb\xbf" + FRENCH.format(meta="").encode(), "text/html; charset=iso-8859-1"),
    }
    for name, (body, content_type) in cases.items():
        pages.set(f"/{name}", body, Content_Type=content_type)
    pages.set("/terms", TERMS)
    config = write_config(tmp_path, {"healthy": pages.url("/terms")} | {n: pages.url(f"/{n}") for n in cases})
    result = termwatch(config, "run", "--json")
    assert result.code == 0, result.stderr
    texts = {r["document"]: r["text"] for r in db_at(config)["versions"].rows}
    assert set(texts) == {"healthy", *cases}
    for name in cases:
        assert all(word in texts[name] for word in FRENCH_WORDS), (name, texts[name])
        assert "\ufffd" not in texts[name] and "Ã" not in texts[name]
    report_figures("charset faults", {"fault_kinds": len(cases)})
