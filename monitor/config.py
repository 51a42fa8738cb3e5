"""Reads config.toml into typed dataclasses and validates all of it before anything is fetched.

Every error is one line naming the file, the key path and the fix.
"""

from __future__ import annotations

import datetime as dt
import os
import re
import tomllib
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

from monitor.errors import ConfigError
from monitor.models import AUDIENCES, FLAGS, Document
from monitor.redact import redact

DEFAULT_PATH = "config.toml"
DEFAULT_USER_AGENT = "termwatch/0.1 (+https://github.com/termwatch/termwatch; terms-change monitor)"
ENV_REF = re.compile(r"\$\{([A-Za-z_][A-Za-z0-9_]*)\}")
SLUG = re.compile(r"^[a-z0-9][a-z0-9-]*$")


@dataclass(frozen=True)
class StorageConfig:
    database: Path


@dataclass(frozen=True)
class CrawlConfig:
    user_agent: str = DEFAULT_USER_AGENT
    timeout: float = 30.0
    retries: int = 2
    concurrency: int = 4
    delay: float = 2.0
    obey_robots: bool = True
    chromium: str = ""  # the browser for render = "browser" documents; found on PATH when empty
    deadline: float = 0.0  # seconds the whole crawl may take; 0: derived from the documents and the values above


@dataclass(frozen=True)
class Agreement:
    """A signed agreement: the documents whose wording on `signed_on` the buyer relies on."""

    id: str
    vendor: str
    documents: tuple[str, ...]
    signed_on: dt.date
    renews_on: dt.date | None = None
    notes: str = ""


EVENTS = ("drift", "change", "fetch-failure", "renewal", "selector")


@dataclass(frozen=True)
class Channel:
    """An alert destination: apprise URLs, the events it wants and optional filters."""

    id: str
    urls: tuple[str, ...]
    events: tuple[str, ...] = EVENTS
    documents: tuple[str, ...] = ()
    vendors: tuple[str, ...] = ()
    only: tuple[str, ...] = ()


@dataclass(frozen=True)
class AlertingConfig:
    failure_threshold: int = 3
    renewal_days: int = 30


@dataclass(frozen=True)
class Config:
    path: Path
    storage: StorageConfig
    crawl: CrawlConfig
    documents: tuple[Document, ...]
    agreements: tuple[Agreement, ...] = ()
    channels: tuple[Channel, ...] = ()
    alerting: AlertingConfig = AlertingConfig()
    # Values that came from ${ENV} references: redacted wherever text is shown.
    secrets: frozenset[str] = field(default_factory=frozenset)

    def document(self, doc_id: str) -> Document:
        for doc in self.documents:
            if doc.id == doc_id:
                return doc
        known = ", ".join(d.id for d in self.documents) or "none"
        raise ConfigError(f"{self.path}: no document with id {doc_id!r}; known ids: {known}")

    def agreement(self, agreement_id: str) -> Agreement:
        for agreement in self.agreements:
            if agreement.id == agreement_id:
                return agreement
        known = ", ".join(a.id for a in self.agreements) or "none"
        raise ConfigError(f"{self.path}: no agreement with id {agreement_id!r}; known ids: {known}")

    def channel(self, channel_id: str) -> Channel:
        for channel in self.channels:
            if channel.id == channel_id:
                return channel
        known = ", ".join(c.id for c in self.channels) or "none"
        raise ConfigError(f"{self.path}: no alert channel with id {channel_id!r}; known ids: {known}")


# Each section's keys: name -> (accepted types, required, default). Order is the documented order.
_STORAGE_KEYS = {"database": ((str,), False, "snapshots/termwatch.db")}
_CRAWL_KEYS = {
    "user_agent": ((str,), False, DEFAULT_USER_AGENT),
    "timeout": ((int, float), False, 30.0),
    "retries": ((int,), False, 2),
    "concurrency": ((int,), False, 4),
    "delay": ((int, float), False, 2.0),
    "obey_robots": ((bool,), False, True),
    "chromium": ((str,), False, ""),
    "deadline": ((int, float), False, 0.0),
}
_DOCUMENT_KEYS = {
    "id": ((str,), True, None),
    "vendor": ((str,), True, None),
    "audience": ((str,), True, None),
    "type": ((str,), True, None),
    "url": ((str,), True, None),
    "select": ((list,), False, []),
    "remove": ((list,), False, []),
    "render": ((str,), False, "static"),
    "format": ((str,), False, None),
}
RENDERS = ("static", "browser")
FORMATS = ("html", "pdf")
_AGREEMENT_KEYS = {
    "id": ((str,), True, None),
    "vendor": ((str,), True, None),
    "documents": ((list,), True, None),
    "signed_on": ((dt.date, str), True, None),
    "renews_on": ((dt.date, str), False, None),
    "notes": ((str,), False, ""),
}
_CHANNEL_KEYS = {
    "id": ((str,), True, None),
    "urls": ((list,), True, None),
    "events": ((list,), False, list(EVENTS)),
    "documents": ((list,), False, []),
    "vendors": ((list,), False, []),
    "only": ((list,), False, []),
}
_ALERTING_KEYS = {
    "failure_threshold": ((int,), False, 3),
    "renewal_days": ((int,), False, 30),
}
_TOP_KEYS = {"storage": dict, "crawl": dict, "documents": list, "agreements": list, "alerts": list, "alerting": dict}
_TYPE_NAMES = {str: "a string", int: "an integer", float: "a number", bool: "true or false", list: "a list",
               dict: "a table", dt.date: "a date (YYYY-MM-DD)"}


class _Reader:
    """Walks the parsed TOML, substituting ${ENV} and collecting secrets, failing on the first problem."""

    def __init__(self, path: Path, environ: dict[str, str], check: bool = True):
        self.path = path
        self.environ = environ
        self.check = check
        self.secrets: set[str] = set()

    def fail(self, where: str, problem: str) -> ConfigError:
        # The problem may quote a value that holds a ${ENV} secret resolved earlier.
        return ConfigError(redact(f"{self.path}: {where}: {problem}", self.secrets))

    def substitute(self, where: str, value: str) -> str:
        def replace(match: re.Match) -> str:
            name = match.group(1)
            if name not in self.environ:
                raise self.fail(where, f"environment variable {name} is not set; export {name} or remove the reference")
            secret = self.environ[name]
            if secret:
                self.secrets.add(secret)
            return secret

        return ENV_REF.sub(replace, value)

    def table(self, where: str, raw: Any, keys: dict) -> dict[str, Any]:
        if not isinstance(raw, dict):
            raise self.fail(where, "must be a table")
        for key in raw:
            if key not in keys:
                allowed = ", ".join(keys)
                raise self.fail(f"{where}.{key}" if where else key, f"unknown key; allowed keys here: {allowed}")
        out: dict[str, Any] = {}
        for key, (types, required, default) in keys.items():
            at = f"{where}.{key}" if where else key
            if key not in raw:
                if required:
                    raise self.fail(at, "is missing; add it")
                out[key] = default
                continue
            value = raw[key]
            # bool is an int in Python; a number field must not accept true/false.
            if not isinstance(value, types) or (isinstance(value, bool) and bool not in types):
                wanted = " or ".join(_TYPE_NAMES[t] for t in types)
                raise self.fail(at, f"must be {wanted}, not {value!r}")
            if isinstance(value, str):
                value = self.substitute(at, value)
            out[key] = value
        return out

    def strings(self, where: str, values: list) -> tuple[str, ...]:
        out = []
        for i, value in enumerate(values):
            if not isinstance(value, str):
                raise self.fail(f"{where}[{i}]", f"must be a string, not {value!r}")
            out.append(self.substitute(f"{where}[{i}]", value))
        return tuple(out)


def _check_url(reader: _Reader, where: str, url: str) -> None:
    parts = urlsplit(url)
    if parts.scheme not in ("http", "https") or not parts.netloc:
        raise reader.fail(where, f"{url!r} is not an http(s) URL; use a full https://… address")


def _check_selectors(reader: _Reader, where: str, selectors: tuple[str, ...]) -> None:
    if not reader.check:
        return
    import soupsieve  # its first compile costs a third of a second, which read-only commands skip

    for i, selector in enumerate(selectors):
        try:
            soupsieve.compile(selector)
        except Exception as err:  # soupsieve raises SelectorSyntaxError, and ValueError for empty input
            problem = str(err).splitlines()[0]
            raise reader.fail(f"{where}[{i}]", f"invalid CSS selector {selector!r} ({problem}); fix or remove it")


def _unique(reader: _Reader, where: str, value: str, seen: set[str]) -> None:
    if not SLUG.match(value):
        raise reader.fail(where, f"{value!r} must be a lowercase slug of a-z, 0-9 and '-'")
    if value in seen:
        raise reader.fail(where, f"duplicate id {value!r}; ids must be unique")
    seen.add(value)


def default_format(url: str) -> str:
    """A document's format when the config does not say: "pdf" when the URL's path ends in .pdf."""
    return "pdf" if urlsplit(url).path.lower().endswith(".pdf") else "html"


def _render_and_format(reader: _Reader, where: str, d: dict, selectors: bool) -> tuple[str, str]:
    # The format is declared (or read from the URL), never guessed from each response: a PDF served in place
    # of an HTML page is a wrong answer to report, not new wording to store.
    render, format_ = d["render"], d["format"] or default_format(d["url"])
    if render not in RENDERS:
        raise reader.fail(f"{where}.render", f"{render!r} for document {d['id']!r} must be one of: {', '.join(RENDERS)}")
    if format_ not in FORMATS:
        raise reader.fail(f"{where}.format", f"{format_!r} for document {d['id']!r} must be one of: {', '.join(FORMATS)}")
    if format_ == "pdf" and render == "browser":
        raise reader.fail(f"{where}.render", f"document {d['id']!r} is a PDF, which is read as is; remove render = \"browser\"")
    if format_ == "pdf" and selectors:
        raise reader.fail(f"{where}.select", f"document {d['id']!r} is a PDF; select and remove apply to HTML only, remove them")
    return render, format_


def _documents(reader: _Reader, raw: Any) -> tuple[Document, ...]:
    if not isinstance(raw, list):
        raise reader.fail("documents", "must be an array of tables ([[documents]])")
    if not raw:
        raise reader.fail("documents", "is empty: there is nothing to watch; add a [[documents]] table")
    seen: set[str] = set()
    docs = []
    for i, item in enumerate(raw):
        where = f"documents[{i}]"
        d = reader.table(where, item, _DOCUMENT_KEYS)
        _unique(reader, f"{where}.id", d["id"], seen)
        if d["audience"] not in AUDIENCES:
            raise reader.fail(f"{where}.audience", f"{d['audience']!r} must be one of: {', '.join(AUDIENCES)}")
        _check_url(reader, f"{where}.url", d["url"])
        select = reader.strings(f"{where}.select", d["select"])
        remove = reader.strings(f"{where}.remove", d["remove"])
        _check_selectors(reader, f"{where}.select", select)
        _check_selectors(reader, f"{where}.remove", remove)
        render, format_ = _render_and_format(reader, where, d, bool(select or remove))
        docs.append(Document(d["id"], d["vendor"], d["audience"], d["type"], d["url"], select, remove, render, format_))
    return tuple(docs)


def _date(reader: _Reader, where: str, value) -> dt.date:
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        raise reader.fail(where, f"{value!r} is not a date; write it as YYYY-MM-DD") from None


def _ids(reader: _Reader, where: str, values: list, known: set[str], what: str) -> tuple[str, ...]:
    ids = reader.strings(where, values)
    for i, value in enumerate(ids):
        if value not in known:
            raise reader.fail(f"{where}[{i}]", f"no {what} with id {value!r}; use one of: {', '.join(sorted(known))}")
    return ids


def _agreements(reader: _Reader, raw: Any, documents: set[str]) -> tuple[Agreement, ...]:
    if not isinstance(raw, list):
        raise reader.fail("agreements", "must be an array of tables ([[agreements]])")
    seen: set[str] = set()
    out = []
    for i, item in enumerate(raw):
        where = f"agreements[{i}]"
        a = reader.table(where, item, _AGREEMENT_KEYS)
        _unique(reader, f"{where}.id", a["id"], seen)
        docs = _ids(reader, f"{where}.documents", a["documents"], documents, "document")
        if not docs:
            raise reader.fail(f"{where}.documents", "is empty; list the ids of the documents this agreement covers")
        signed = _date(reader, f"{where}.signed_on", a["signed_on"])
        renews = _date(reader, f"{where}.renews_on", a["renews_on"]) if a["renews_on"] is not None else None
        if renews is not None and renews <= signed:
            raise reader.fail(f"{where}.renews_on", f"{renews} is not after signed_on ({signed}); fix one of them")
        out.append(Agreement(a["id"], a["vendor"], docs, signed, renews, a["notes"]))
    return tuple(out)


def _channels(reader: _Reader, raw: Any, documents: set[str]) -> tuple[Channel, ...]:
    if not isinstance(raw, list):
        raise reader.fail("alerts", "must be an array of tables ([[alerts]])")
    seen: set[str] = set()
    out = []
    for i, item in enumerate(raw):
        where = f"alerts[{i}]"
        c = reader.table(where, item, _CHANNEL_KEYS)
        _unique(reader, f"{where}.id", c["id"], seen)
        urls = reader.strings(f"{where}.urls", c["urls"])
        if not urls:
            raise reader.fail(f"{where}.urls", "is empty; give at least one apprise URL")
        for j, url in enumerate(urls if reader.check else ()):
            # Only when checking: apprise loads every plugin to recognise a URL, about a second.
            import apprise

            if not apprise.Apprise().add(url):
                shown = redact(url, reader.secrets)
                raise reader.fail(f"{where}.urls[{j}]", f"apprise cannot use {shown!r}; check it against apprise's URL formats")
        events = reader.strings(f"{where}.events", c["events"])
        for j, event in enumerate(events):
            if event not in EVENTS:
                raise reader.fail(f"{where}.events[{j}]", f"{event!r} must be one of: {', '.join(EVENTS)}")
        only = reader.strings(f"{where}.only", c["only"])
        for j, flag in enumerate(only):
            if flag not in FLAGS:
                raise reader.fail(f"{where}.only[{j}]", f"{flag!r} must be one of: {', '.join(FLAGS)}")
        docs = _ids(reader, f"{where}.documents", c["documents"], documents, "document")
        out.append(Channel(c["id"], urls, events, docs, reader.strings(f"{where}.vendors", c["vendors"]), only))
    return tuple(out)


def parse(text: str, path: Path, environ: dict[str, str] | None = None, check: bool = True) -> Config:
    """Parse and validate config text; `path` is used in messages and to resolve relative paths.

    check=False skips the two slow checks, CSS selectors (soupsieve) and alert URLs (apprise), for
    commands that neither fetch nor send: they are checked again by every command that does."""
    reader = _Reader(path, dict(os.environ if environ is None else environ), check)
    try:
        raw = tomllib.loads(text)
    except tomllib.TOMLDecodeError as err:
        raise ConfigError(f"{path}: not valid TOML ({err}); fix the syntax") from None
    for key, value in raw.items():
        if key not in _TOP_KEYS:
            raise reader.fail(key, f"unknown section; allowed: {', '.join(_TOP_KEYS)}")
    storage = reader.table("storage", raw.get("storage", {}), _STORAGE_KEYS)
    crawl = reader.table("crawl", raw.get("crawl", {}), _CRAWL_KEYS)
    for key in ("timeout", "delay", "deadline"):
        if crawl[key] < 0 or (key == "timeout" and crawl[key] == 0):
            raise reader.fail(f"crawl.{key}", f"must be a positive number of seconds, not {crawl[key]!r}")
    for key, low in (("retries", 0), ("concurrency", 1)):
        if crawl[key] < low:
            raise reader.fail(f"crawl.{key}", f"must be at least {low}, not {crawl[key]!r}")
    if "documents" not in raw:
        raise reader.fail("documents", "no [[documents]] to watch; add at least one")
    documents = _documents(reader, raw["documents"])
    known = {d.id for d in documents}
    agreements = _agreements(reader, raw.get("agreements", []), known)
    channels = _channels(reader, raw["alerts"], known) if "alerts" in raw else ()
    alerting = reader.table("alerting", raw.get("alerting", {}), _ALERTING_KEYS)
    for key in _ALERTING_KEYS:
        if alerting[key] < 1:
            raise reader.fail(f"alerting.{key}", f"must be at least 1, not {alerting[key]!r}")
    database = Path(storage["database"]).expanduser()
    if not database.is_absolute():
        database = path.parent / database
    return Config(
        path=path,
        storage=StorageConfig(database=database),
        crawl=CrawlConfig(**{k: crawl[k] for k in _CRAWL_KEYS}),
        documents=documents,
        agreements=agreements,
        channels=channels,
        alerting=AlertingConfig(**alerting),
        secrets=frozenset(reader.secrets),
    )


def load(path: str | Path | None = None, environ: dict[str, str] | None = None, check: bool = True) -> Config:
    """Load the config from `path` (default ./config.toml); relative paths inside resolve against its folder."""
    path = Path(path or DEFAULT_PATH).expanduser().absolute()
    if path.is_dir():
        raise ConfigError(f"{path}: is a folder; pass the config file itself, e.g. --config {path / 'config.toml'}")
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        raise ConfigError(f"{path}: config file not found; pass --config PATH or set TERMWATCH_CONFIG") from None
    except (OSError, UnicodeDecodeError) as err:
        raise ConfigError(f"{path}: cannot read the config file ({err})") from None
    return parse(text, path, environ, check)
