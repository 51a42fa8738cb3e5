"""A loopback server of N real terms pages built from the replay corpus, with ETags, for the benchmarks.

Page i (/doc/NNNN) is a snapshot of corpus document i mod 6; `switch(fraction)` moves a share of the
pages on to a later real snapshot of the same document (one whose visible text differs, where the
manifest knows one). Nothing listens beyond 127.0.0.1.

Usage: python benchmarks/pageserver.py [--pages N] [--port P] [CORPUS]
Standalone, GET /_switch?fraction=0.1 switches 10 % of the pages; Ctrl-C stops it.
"""

from __future__ import annotations

import argparse
import gzip
import hashlib
import json
import random
import sys
import threading
from dataclasses import dataclass
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from urllib.parse import parse_qs, urlsplit

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

from monitor.app.ota import css_selectors  # noqa: E402

DEFAULT_CORPUS = REPO.parent / "shared" / "corpus"
ROBOTS = b"User-agent: *\nAllow: /\n"


@dataclass
class Page:
    path: str
    document: int  # index into the manifest's documents
    snapshot: int  # index into that document's snapshots
    body: bytes
    etag: str


class PageServer:
    """Serves N pages on 127.0.0.1; answers If-None-Match with 304 when the page's ETag matches."""

    def __init__(self, pages: int = 200, corpus: Path = DEFAULT_CORPUS, port: int = 0):
        self.root = Path(corpus)
        manifest = json.loads((self.root / "manifest.json").read_text(encoding="utf-8"))
        self.documents = [sorted(d["snapshots"], key=lambda s: s["seq"]) for d in manifest["documents"]]
        self.selectors = [css_selectors(d.get("declared_select")) for d in manifest["documents"]]
        self.removes = [css_selectors(d.get("declared_remove")) for d in manifest["documents"]]
        self._bodies: dict[str, bytes] = {}  # decompressed once per snapshot file, shared by the pages using it
        self.pages: list[Page] = []
        for i in range(pages):
            doc = i % len(self.documents)
            self.pages.append(self._page(f"/doc/{i:04d}", doc, (i // len(self.documents)) % len(self.documents[doc])))
        self.by_path = {p.path: p for p in self.pages}
        self.requests = 0
        self.not_modified = 0
        self.sent_bytes = 0
        self._lock = threading.Lock()
        self.httpd = ThreadingHTTPServer(("127.0.0.1", port), self._handler())
        self.httpd.daemon_threads = True
        self.base = f"http://127.0.0.1:{self.httpd.server_port}"

    def _body(self, doc: int, snap: int) -> bytes:
        file = self.documents[doc][snap]["file"]
        if file not in self._bodies:
            self._bodies[file] = gzip.decompress((self.root / file).read_bytes())
        return self._bodies[file]

    def _page(self, path: str, doc: int, snap: int) -> Page:
        body = self._body(doc, snap)
        # The path is part of the ETag: two URLs serving the same snapshot are still different resources.
        etag = '"' + hashlib.sha256(path.encode() + body).hexdigest()[:32] + '"'
        return Page(path, doc, snap, body, etag)

    def _handler(self):
        server = self

        class Handler(BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.1"

            def do_GET(self):
                url = urlsplit(self.path)
                if url.path == "/robots.txt":
                    return self._send(200, ROBOTS, "text/plain")
                if url.path == "/_switch":
                    fraction = float(parse_qs(url.query).get("fraction", ["0.1"])[0])
                    return self._send(200, f"switched {server.switch(fraction)}\n".encode(), "text/plain")
                page = server.by_path.get(url.path)
                if page is None:
                    return self._send(404, b"<html><body><h1>Not found</h1></body></html>", "text/html")
                with server._lock:
                    server.requests += 1
                if self.headers.get("If-None-Match") == page.etag:
                    with server._lock:
                        server.not_modified += 1
                    return self._send(304, b"", None, page.etag)
                with server._lock:
                    server.sent_bytes += len(page.body)
                self._send(200, page.body, "text/html; charset=utf-8", page.etag)

            def _send(self, status: int, body: bytes, content_type: str | None, etag: str | None = None):
                self.send_response(status)
                if content_type:
                    self.send_header("Content-Type", content_type)
                if etag:
                    self.send_header("ETag", etag)
                if status != 304:
                    self.send_header("Content-Length", str(len(body)))
                self.end_headers()
                if status != 304:
                    self.wfile.write(body)

            def log_message(self, *args):
                pass

        return Handler

    def url(self, page: Page) -> str:
        return self.base + page.path

    def switch(self, fraction: float, seed: int = 0) -> int:
        """Move round(fraction × N) pages, chosen by `seed`, to a later real snapshot of their document."""
        chosen = random.Random(seed).sample(range(len(self.pages)), round(fraction * len(self.pages)))
        for i in chosen:
            old = self.pages[i]
            snaps = self.documents[old.document]
            nxt = self._next_snapshot(snaps, old.snapshot)
            self.pages[i] = self._page(old.path, old.document, nxt)
            self.by_path[old.path] = self.pages[i]
        return len(chosen)

    @staticmethod
    def _next_snapshot(snaps: list[dict], current: int) -> int:
        """The next snapshot whose visible text (the manifest's rough hash) differs, else simply the next one."""
        for step in range(1, len(snaps)):
            j = (current + step) % len(snaps)
            if snaps[j]["text_sha256"] != snaps[current]["text_sha256"]:
                return j
        return (current + 1) % len(snaps)

    def start(self) -> PageServer:
        threading.Thread(target=self.httpd.serve_forever, daemon=True).start()
        return self

    def stop(self) -> None:
        self.httpd.shutdown()
        self.httpd.server_close()


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("corpus", nargs="?", type=Path, default=DEFAULT_CORPUS)
    parser.add_argument("--pages", type=int, default=200)
    parser.add_argument("--port", type=int, default=8000)
    args = parser.parse_args(argv)
    server = PageServer(args.pages, args.corpus, args.port)
    print(f"serving {len(server.pages)} pages at {server.base}/doc/0000 … /doc/{len(server.pages) - 1:04d}; "
          f"GET {server.base}/_switch?fraction=0.1 switches 10 % of them", flush=True)
    try:
        server.httpd.serve_forever()
    except KeyboardInterrupt:
        server.stop()
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
