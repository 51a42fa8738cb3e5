"""One place that hides secrets: every value that came from a ${ENV} reference, in any text or log line shown."""

from __future__ import annotations

import logging
from collections.abc import Iterable
from pathlib import Path
from urllib.parse import quote, quote_plus

from monitor.errors import TermwatchError
from monitor.text.pdf import quiet_repair_warnings


def redact(text: str, secrets: Iterable[str]) -> str:
    """Replace every secret value wherever it appears (longest first, so overlapping secrets vanish whole)."""
    for secret in sorted(secrets, key=len, reverse=True):
        # URLs show a secret percent-encoded too (apprise quotes it in paths).
        for form in {secret, quote(secret, safe=""), quote(secret), quote_plus(secret)}:
            text = text.replace(form, "****")
    return text


class RedactingFilter(logging.Filter):
    """Rewrites log records so that no handler, Scrapy's or apprise's, can print a secret."""

    def __init__(self, secrets: Iterable[str]):
        super().__init__()
        self.secrets = tuple(s for s in secrets if s)

    def filter(self, record: logging.LogRecord) -> bool:
        if self.secrets:
            record.msg = redact(record.getMessage(), self.secrets)
            record.args = ()
        return True


def install_log_redaction(secrets: Iterable[str], verbose: bool = False) -> None:
    """With `verbose`, send all logging (Scrapy's, apprise's) to stderr through one handler that hides secrets;
    without it, none: termwatch says what failed in its own lines (one per failed document or undelivered
    alert), and cron mails only those, never a library's error lines or tracebacks."""
    handler = logging.StreamHandler()
    handler.setFormatter(logging.Formatter("%(asctime)s %(name)s %(levelname)s: %(message)s"))
    handler.addFilter(RedactingFilter(secrets))
    # On the handler too: Scrapy sets its own loggers to DEBUG, which the root logger's level does not stop.
    handler.setLevel(logging.DEBUG if verbose else logging.CRITICAL + 1)
    root = logging.getLogger()
    root.handlers[:] = [handler]
    quiet_repair_warnings()
    # Warnings are still made: the alert deliverer reads apprise's to say why a delivery failed.
    root.setLevel(logging.DEBUG if verbose else logging.WARNING)


def log_to_file(path: Path, secrets: Iterable[str]) -> None:
    """Also write the whole log (Scrapy's and apprise's, at every level) to `path`, secrets hidden, while
    stderr stays as quiet as without it."""
    try:
        handler = logging.FileHandler(path, encoding="utf-8")
    except OSError as err:
        raise TermwatchError(f"{path}: cannot write the log ({err.strerror}); check the folder exists") from None
    handler.setFormatter(logging.Formatter("%(asctime)s %(name)s %(levelname)s: %(message)s"))
    handler.addFilter(RedactingFilter(secrets))
    root = logging.getLogger()
    root.addHandler(handler)
    root.setLevel(logging.DEBUG)
