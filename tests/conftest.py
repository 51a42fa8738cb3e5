"""Shared fixtures: a page server on 127.0.0.1, a config writer, and termwatch run in a subprocess."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import threading
import time
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import hypothesis
import pytest
import sqlite_utils

ROOT = Path(__file__).resolve().parent.parent
FIXTURES = Path(__file__).resolve().parent / "fixtures"


@dataclass
class Route:
    status: int = 200
    body: bytes = b""
    headers: dict = field(default_factory=lambda: {"Content-Type": "text/html; charset=utf-8"})
    delay: float = 0.0


class PageServer:
    """Serves routes the test sets and changes; honours If-None-Match against a route's ETag header."""

    def __init__(self):
        self.routes: dict[str, Route] = {}
        self.requests: list[tuple[str, dict]] = []
        self.times: list[float] = []
        server = self

        class Handler(BaseHTTPRequestHandler):
            def do_GET(self):
                server.requests.append((self.path, dict(self.headers)))
                server.times.append(time.monotonic())
                route = server.routes.get(self.path)
                if isinstance(route, list):  # a sequence: each request takes the next, the last one stays
                    route = route.pop(0) if len(route) > 1 else route[0]
                if route is None:
                    route = Route(404, b"<html><body><h1>Not found</h1></body></html>")
                etag = route.headers.get("ETag")
                if etag and self.headers.get("If-None-Match") == etag:
                    self.send_response(304)
                    self.send_header("ETag", etag)
                    self.end_headers()
                    return
                time.sleep(route.delay)
                self.send_response(route.status)
                for name, value in route.headers.items():
                    self.send_header(name, value)
                self.send_header("Content-Length", str(len(route.body)))
                self.end_headers()
                self.wfile.write(route.body)

            def log_message(self, *args):
                pass

        self.httpd = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.base = f"http://127.0.0.1:{self.httpd.server_port}"
        threading.Thread(target=self.httpd.serve_forever, daemon=True).start()

    def url(self, path: str) -> str:
        return self.base + path

    def set(self, path: str, body: bytes | str, status: int = 200, delay: float = 0.0, **headers) -> None:
        data = body.encode("utf-8") if isinstance(body, str) else body
        route = Route(status, data, delay=delay)
        route.headers.update({k.replace("_", "-"): v for k, v in headers.items()})
        self.routes[path] = route

    def sequence(self, path: str, *routes: Route) -> None:
        """Serve these routes one per request, then keep serving the last."""
        self.routes[path] = list(routes)

    def redirect(self, path: str, location: str, status: int = 302) -> None:
        self.routes[path] = Route(status, b"", {"Location": location})


@pytest.fixture
def pages():
    server = PageServer()
    yield server
    server.httpd.shutdown()
    server.httpd.server_close()


@pytest.fixture
def hook():
    """A JSON webhook receiver on 127.0.0.1 (receivers.WebhookReceiver)."""
    from receivers import WebhookReceiver

    with WebhookReceiver() as receiver:
        yield receiver


def sections_page(paragraphs: list[str], title: str = "Acme AI Terms") -> str:
    """A terms page in <main>: a numbered section heading before each paragraph."""
    body = "".join(f"<h2>Section {i + 1}</h2><p>{p}</p>" for i, p in enumerate(paragraphs))
    return f"<html><body><main><h1>{title}</h1>{body}</main></body></html>"


def document_toml(doc_id: str, url: str, vendor: str = "Example AI", audience: str = "commercial",
                  type_: str = "Terms of Service", select=(), remove=()) -> str:
    lines = ["[[documents]]", f'id = "{doc_id}"', f'vendor = "{vendor}"', f'audience = "{audience}"',
             f'type = "{type_}"', f'url = "{url}"']
    if select:
        lines.append("select = " + json.dumps(list(select)))
    if remove:
        lines.append("remove = " + json.dumps(list(remove)))
    return "\n".join(lines) + "\n"


def config_toml(*documents: str, extra: str = "") -> str:
    """Config text with the database beside it and fast, polite-enough crawl settings for loopback tests."""
    return ('[storage]\ndatabase = "data/termwatch.db"\n\n'
            '[crawl]\nuser_agent = "termwatch-test/1.0"\ntimeout = 10\nretries = 0\nconcurrency = 4\n'
            "delay = 0\nobey_robots = false\n\n" + "\n".join(documents) + "\n" + extra)


@pytest.fixture
def write_config(tmp_path):
    """Writes config.toml (config_toml) in tmp_path."""

    def write(*documents: str, extra: str = "") -> Path:
        path = tmp_path / "config.toml"
        path.write_text(config_toml(*documents, extra=extra))
        return path

    return write


def db_at(config: Path) -> sqlite_utils.Database:
    """The database of a config written by write_config (data/termwatch.db beside it)."""
    return sqlite_utils.Database(config.parent / "data" / "termwatch.db")


def minimal_pdf(lines: list[str]) -> bytes:
    """A one-page PDF with Helvetica text, xref offsets computed, readable by pypdf."""
    def esc(s: str) -> str:
        return s.replace("\\", "\\\\").replace("(", "\\(").replace(")", "\\)")

    content = "BT /F1 11 Tf 14 TL 50 750 Td " + " T* ".join(f"({esc(line)}) Tj" for line in lines) + " ET"
    objects = [
        "<< /Type /Catalog /Pages 2 0 R >>",
        "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R "
        "/Resources << /Font << /F1 5 0 R >> >> >>",
        f"<< /Length {len(content.encode('latin-1'))} >>\nstream\n{content}\nendstream",
        "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>",
    ]
    out = bytearray(b"%PDF-1.4\n")
    offsets = []
    for i, body in enumerate(objects, start=1):
        offsets.append(len(out))
        out += f"{i} 0 obj\n{body}\nendobj\n".encode("latin-1")
    xref = len(out)
    out += f"xref\n0 {len(objects) + 1}\n0000000000 65535 f \n".encode()
    out += "".join(f"{o:010d} 00000 n \n" for o in offsets).encode()
    out += f"trailer\n<< /Size {len(objects) + 1} /Root 1 0 R >>\nstartxref\n{xref}\n%%EOF\n".encode()
    return bytes(out)


@dataclass
class CliResult:
    code: int
    stdout: str
    stderr: str

    def json(self):
        return json.loads(self.stdout)


def termwatch_command(config: Path, *args: str) -> list[str]:
    """`python -m monitor --config CONFIG ARGS…`: each run in its own process, as Scrapy's reactor starts only once."""
    return [sys.executable, "-m", "monitor", "--config", str(config), *args]


def run_termwatch(config: Path, *args: str, timeout: float = 120, env: dict | None = None) -> CliResult:
    """Run termwatch in a subprocess and wait for it."""
    proc = subprocess.run(termwatch_command(config, *args), capture_output=True, text=True, timeout=timeout,
                          cwd=ROOT, env={**os.environ, **(env or {})})
    return CliResult(proc.returncode, proc.stdout, proc.stderr)


def start_termwatch(config: Path, *args: str, **popen) -> subprocess.Popen:
    """Start termwatch in a subprocess without waiting: to kill it, or to act while it runs."""
    return subprocess.Popen(termwatch_command(config, *args), cwd=ROOT, **popen)


@pytest.fixture
def termwatch():
    return run_termwatch


# The reliability tests run longer with TERMWATCH_LONG=1 (tests/run-long.sh) and report what they did.
LONG = os.environ.get("TERMWATCH_LONG") == "1"

# Property tests that set no max_examples of their own take it from this profile: modest by default, many more
# examples in a long run. The number is printed in the test header ("hypothesis profile ...").
PROPERTY_EXAMPLES = 4000 if LONG else 60
hypothesis.settings.register_profile(
    "termwatch", max_examples=PROPERTY_EXAMPLES, deadline=None,
    suppress_health_check=[hypothesis.HealthCheck.too_slow, hypothesis.HealthCheck.data_too_large],
)
hypothesis.settings.load_profile("termwatch")


def report_figures(test: str, figures: dict) -> None:
    """Print a test's figures (seen with -s) and append them as one JSON line to $TERMWATCH_FIGURES if set."""
    line = json.dumps({"test": test, **figures}, sort_keys=True)
    print(f"\nFIGURES {line}")
    if os.environ.get("TERMWATCH_FIGURES"):
        with open(os.environ["TERMWATCH_FIGURES"], "a") as out:
            out.write(line + "\n")
