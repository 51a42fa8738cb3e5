"""Real alert receivers on 127.0.0.1 for the alert tests: an SMTP server (aiosmtpd) and an HTTP webhook.

Plain classes and context managers; test modules wrap them in fixtures. Nothing here leaves loopback.
"""

from __future__ import annotations

import email
import email.policy
import json
import socket
import threading
import time
from dataclasses import dataclass, field
from email.message import EmailMessage
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

from aiosmtpd.controller import Controller
from aiosmtpd.smtp import AuthResult, LoginPassword

LOOPBACK = "127.0.0.1"


def free_port() -> int:
    """A port the OS says is free on loopback (aiosmtpd's Controller needs a number up front)."""
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind((LOOPBACK, 0))
        return sock.getsockname()[1]


# --- SMTP ---------------------------------------------------------------------------------------


@dataclass
class ReceivedMail:
    mail_from: str
    rcpt_tos: list[str]
    message: EmailMessage
    raw: bytes


class SmtpReceiver:
    """aiosmtpd on 127.0.0.1 without TLS, accepting AUTH PLAIN/LOGIN for one known user and recording it.

    apprise's plain `mailto://` (not `mailtos://`) uses no STARTTLS and logs in when a user and
    password are in the URL, so the server must offer AUTH over a plain connection.
    """

    def __init__(self, user: str = "alerts", password: str = "smtp-pass"):
        self.user, self.password = user, password
        self.messages: list[ReceivedMail] = []
        self.logins: list[tuple[str, str, bool]] = []  # (login, password, accepted)
        self.port = free_port()
        self.host = LOOPBACK
        self._controller: Controller | None = None

    # aiosmtpd handler hook
    async def handle_DATA(self, server, session, envelope) -> str:
        raw = envelope.original_content or envelope.content
        message = email.message_from_bytes(raw, policy=email.policy.default)
        self.messages.append(ReceivedMail(envelope.mail_from, list(envelope.rcpt_tos), message, raw))
        return "250 Message accepted for delivery"

    def _authenticate(self, server, session, envelope, mechanism, auth_data) -> AuthResult:
        if not isinstance(auth_data, LoginPassword):
            return AuthResult(success=False, handled=False)
        login, password = auth_data.login.decode(), auth_data.password.decode()
        accepted = (login, password) == (self.user, self.password)
        self.logins.append((login, password, accepted))
        return AuthResult(success=accepted, handled=False)

    def url(self, to: str, sender: str = "termwatch@example.test") -> str:
        """An apprise mailto:// URL for this server: plain SMTP, logging in as the known user."""
        return f"mailto://{self.user}:{self.password}@{self.host}:{self.port}?from={sender}&to={to}"

    def start(self) -> SmtpReceiver:
        self._controller = Controller(
            self, hostname=self.host, port=self.port,
            authenticator=self._authenticate, auth_require_tls=False,
        )
        self._controller.start()
        return self

    def stop(self) -> None:
        if self._controller is not None:
            self._controller.stop()
            self._controller = None

    def __enter__(self) -> SmtpReceiver:
        return self.start()

    def __exit__(self, *exc) -> None:
        self.stop()


# --- HTTP webhook -------------------------------------------------------------------------------


@dataclass
class ReceivedRequest:
    method: str
    path: str
    headers: dict[str, str]
    body: bytes
    json: object = field(default=None)


class WebhookReceiver:
    """A ThreadingHTTPServer on 127.0.0.1 that records every POST.

    `down = True` answers 500 (the service is up but failing); `stop()` closes the port (connection
    refused) and `start()` opens the same port again, to simulate an outage and its end.
    """

    def __init__(self):
        self.requests: list[ReceivedRequest] = []
        self.refused: list[ReceivedRequest] = []  # requests answered with 500 while down
        self.down = False
        self.delay = 0.0  # seconds between recording a request and answering it: a slow receiver
        self.port = 0
        self._httpd: ThreadingHTTPServer | None = None
        self._thread: threading.Thread | None = None
        self._lock = threading.Lock()

    def _handler(self):
        receiver = self

        class Handler(BaseHTTPRequestHandler):
            def do_POST(self):
                length = int(self.headers.get("Content-Length") or 0)
                body = self.rfile.read(length) if length else b""
                try:
                    parsed = json.loads(body) if body else None
                except ValueError:
                    parsed = None
                request = ReceivedRequest("POST", self.path, dict(self.headers), body, parsed)
                with receiver._lock:
                    (receiver.refused if receiver.down else receiver.requests).append(request)
                time.sleep(receiver.delay)
                status = 500 if receiver.down else 200
                reply = b'{"error": "receiver is down"}' if receiver.down else b'{"ok": true}'
                self.send_response(status)
                self.send_header("Content-Type", "application/json")
                self.send_header("Content-Length", str(len(reply)))
                self.end_headers()
                self.wfile.write(reply)

            def log_message(self, *args):
                pass

        return Handler

    @property
    def base(self) -> str:
        return f"{LOOPBACK}:{self.port}"

    def start(self) -> WebhookReceiver:
        """Listen (again) on the same port once one was chosen, else on an OS-chosen one."""
        deadline = time.monotonic() + 5
        while True:
            try:
                self._httpd = ThreadingHTTPServer((LOOPBACK, self.port), self._handler())
                break
            except OSError:
                if not self.port or time.monotonic() > deadline:
                    raise
                time.sleep(0.05)
        self.port = self._httpd.server_port
        self._thread = threading.Thread(target=self._httpd.serve_forever, daemon=True)
        self._thread.start()
        return self

    def stop(self) -> None:
        if self._httpd is not None:
            self._httpd.shutdown()
            self._httpd.server_close()
            self._thread.join(timeout=5)
            self._httpd = None

    def __enter__(self) -> WebhookReceiver:
        return self.start()

    def __exit__(self, *exc) -> None:
        self.stop()
