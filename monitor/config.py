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
class ReportConfig:
    # Where the report (`termwatch report`) is published, ending in "/"; alerts and feeds link to its pages.
    base_url: str = ""


@dataclass(frozen=True)
class Config:
    path: Path
    storage: StorageConfig
    crawl: CrawlConfig
    documents: tuple[Document, ...]
    agreements: tuple[Agreement, ...] = ()
    channels: tuple[Channel, ...] = ()
    alerting: AlertingConfig = AlertingConfig()
    report: ReportConfig = ReportConfig()
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

    def vendor(self, name: str) -> str:
        """A vendor named on the command line (any case), as the config spells it; a typo is an error, not an
        empty answer."""
        for doc in self.documents:
            if doc.vendor.casefold() == name.casefold():
                return doc.vendor
        known = ", ".join(sorted({d.vendor for d in self.documents}))
        raise ConfigError(f"{self.path}: no document has vendor {name!r}; vendors: {known}")

    def channel(self, channel_id: str) -> Channel:
        for channel in self.channels:
            if channel.id == channel_id:
                return channel
        known = ", ".join(c.id for c in self.channels) or "none"
        raise ConfigError(f"{self.path}: no alert channel with id {channel_id!r}; known ids: {known}")


# Each section's keys: name -> (accepted types, required, default). Order is the documented order.
_Keys = dict[str, tuple[tuple[type, ...], bool, Any]]
_STORAGE_KEYS: _Keys = {"database": ((str,), False, "snapshots/termwatch.db")}
_CRAWL_KEYS: _Keys = {
    "user_agent": ((str,), False, DEFAULT_USER_AGENT),
    "timeout": ((int, float), False, 30.0),
    "retries": ((int,), False, 2),
    "concurrency": ((int,), False, 4),
    "delay": ((int, float), False, 2.0),
    "obey_robots": ((bool,), False, True),
    "chromium": ((str,), False, ""),
    "deadline": ((int, float), False, 0.0),
}
_DOCUMENT_KEYS: _Keys = {
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
_AGREEMENT_KEYS: _Keys = {
    "id": ((str,), True, None),
    "vendor": ((str,), True, None),
    "documents": ((list,), True, None),
    "signed_on": ((dt.date, str), True, None),
    "renews_on": ((dt.date, str), False, None),
    "notes": ((str,), False, ""),
}
_CHANNEL_KEYS: _Keys = {
    "id": ((str,), True, None),
    "urls": ((list,), True, None),
    "events": ((list,), False, list(EVENTS)),
    "documents": ((list,), False, []),
    "vendors": ((list,), False, []),
    "only": ((list,), False, []),
}
_ALERTING_KEYS: _Keys = {
    "failure_threshold": ((int,), False, 3),
    "renewal_days": ((int,), False, 30),
}
_REPORT_KEYS: _Keys = {"base_url": ((str,), False, "")}
_TOP_KEYS = {"storage": dict, "crawl": dict, "documents": list, "agreements": list, "alerts": list, "alerting": dict,
             "report": dict}
_TYPE_NAMES = {str: "a string", int: "an integer", float: "a number", bool: "true or false", list: "a list",
               dict: "a table", dt.date: "a date (YYYY-MM-DD)"}


class _Reader:
    """Walks the parsed TOML, substituting ${ENV} and collecting secrets and every problem it finds.

    A value with a problem reads as None, so the checks that depend on it are skipped rather than
    reporting the same mistake twice."""

    def __init__(self, path: Path, environ: dict[str, str], check: bool = True):
        self.path = path
        self.environ = environ
        self.check = check
        self.secrets: set[str] = set()
        self.problems: list[str] = []

    def note(self, where: str, problem: str) -> None:
        self.problems.append(f"{self.path}: {where}: {problem}")

    def error(self) -> ConfigError:
        # Redacted at the end: a problem may quote a value holding a secret resolved after it was noted.
        return ConfigError("\n".join(redact(problem, self.secrets) for problem in self.problems))

    def substitute(self, where: str, value: str) -> str | None:
        missing = [name for name in ENV_REF.findall(value) if name not in self.environ]
        for name in missing:
            self.note(where, f"environment variable {name} is not set; export {name} or remove the reference")
        if missing:
            return None
        self.secrets.update(self.environ[name] for name in ENV_REF.findall(value) if self.environ[name])
        return ENV_REF.sub(lambda match: self.environ[match.group(1)], value)

    def table(self, where: str, raw: Any, keys: _Keys) -> dict[str, Any] | None:
        if not isinstance(raw, dict):
            self.note(where, "must be a table")
            return None
        for key in raw:
            if key not in keys:
                self.note(f"{where}.{key}" if where else key, f"unknown key; allowed keys here: {', '.join(keys)}")
        out: dict[str, Any] = {}
        for key, (types, required, default) in keys.items():
            at = f"{where}.{key}" if where else key
            value = raw.get(key)
            if key not in raw:
                if required:
                    self.note(at, "is missing; add it")
                out[key] = None if required else default
            # bool is an int in Python; a number field must not accept true/false.
            elif not isinstance(value, types) or (isinstance(value, bool) and bool not in types):
                self.note(at, f"must be {' or '.join(_TYPE_NAMES[t] for t in types)}, not {value!r}")
                out[key] = None if required else default
            else:
                out[key] = self.substitute(at, value) if isinstance(value, str) else value
        return out

    def strings(self, where: str, values: list | None) -> tuple[str, ...]:
        """The strings of a list, leaving out (and noting) each that is not one."""
        out = []
        for i, value in enumerate(values or ()):
            if not isinstance(value, str):
                self.note(f"{where}[{i}]", f"must be a string, not {value!r}")
            elif (value := self.substitute(f"{where}[{i}]", value)) is not None:
                out.append(value)
        return tuple(out)

    def choice(self, where: str, value: str | None, allowed: tuple[str, ...], what: str = "") -> None:
        if value is not None and value not in allowed:
            self.note(where, f"{value!r}{what} must be one of: {', '.join(allowed)}")

    def at_least(self, where: str, value: int, low: int) -> None:
        if value < low:
            self.note(where, f"must be at least {low}, not {value!r}")


def _check_url(reader: _Reader, where: str, url: str | None) -> None:
    parts = urlsplit(url or "")
    if url is not None and (parts.scheme not in ("http", "https") or not parts.netloc):
        reader.note(where, f"{url!r} is not an http(s) URL; use a full https://… address")


def _check_selectors(reader: _Reader, where: str, selectors: tuple[str, ...]) -> None:
    if not reader.check:
        return
    import soupsieve  # its first compile is slow, and read-only commands skip it

    for i, selector in enumerate(selectors):
        try:
            soupsieve.compile(selector)
        except Exception as err:  # soupsieve raises SelectorSyntaxError, and ValueError for empty input
            problem = str(err).splitlines()[0]
            reader.note(f"{where}[{i}]", f"invalid CSS selector {selector!r} ({problem}); fix or remove it")


def _unique(reader: _Reader, where: str, value: str | None, seen: set[str]) -> None:
    if value is None:
        return
    if not SLUG.match(value):
        reader.note(where, f"{value!r} must be a lowercase slug of a-z, 0-9 and '-'")
    elif value in seen:
        reader.note(where, f"duplicate id {value!r}; ids must be unique")
    seen.add(value)


def default_format(url: str) -> str:
    """A document's format when the config does not say: "pdf" when the URL's path ends in .pdf."""
    return "pdf" if urlsplit(url).path.lower().endswith(".pdf") else "html"


def _render_and_format(reader: _Reader, where: str, d: dict, selectors: bool) -> tuple[str, str]:
    # The format is declared (or read from the URL), never guessed from each response: a PDF served in place
    # of an HTML page is a wrong answer to report, not new wording to store.
    render, format_ = d["render"], d["format"] or default_format(d["url"] or "")
    reader.choice(f"{where}.render", render, RENDERS, f" for document {d['id']!r}")
    reader.choice(f"{where}.format", format_, FORMATS, f" for document {d['id']!r}")
    if format_ == "pdf" and render == "browser":
        reader.note(f"{where}.render",
                    f"document {d['id']!r} is a PDF, which is read as is; remove render = \"browser\"")
    if format_ == "pdf" and selectors:
        reader.note(f"{where}.select",
                    f"document {d['id']!r} is a PDF; select and remove apply to HTML only, remove them")
    return render, format_


def _documents(reader: _Reader, raw: Any) -> tuple[tuple[Document, ...], set[str]]:
    """The documents, and every id the config names (also of documents with problems, so that
    agreements and alerts naming them do not add a second, misleading problem)."""
    if not isinstance(raw, list):
        reader.note("documents", "must be an array of tables ([[documents]])")
        return (), set()
    if not raw:
        reader.note("documents", "is empty: there is nothing to watch; add a [[documents]] table")
    seen: set[str] = set()
    docs = []
    for i, item in enumerate(raw):
        where = f"documents[{i}]"
        before = len(reader.problems)
        d = reader.table(where, item, _DOCUMENT_KEYS)
        if d is None:
            continue
        _unique(reader, f"{where}.id", d["id"], seen)
        reader.choice(f"{where}.audience", d["audience"], AUDIENCES)
        _check_url(reader, f"{where}.url", d["url"])
        select = reader.strings(f"{where}.select", d["select"])
        remove = reader.strings(f"{where}.remove", d["remove"])
        _check_selectors(reader, f"{where}.select", select)
        _check_selectors(reader, f"{where}.remove", remove)
        render, format_ = _render_and_format(reader, where, d, bool(select or remove))
        if len(reader.problems) == before:
            docs.append(Document(d["id"], d["vendor"], d["audience"], d["type"], d["url"], select, remove, render,
                                 format_))
    return tuple(docs), seen


def _date(reader: _Reader, where: str, value) -> dt.date | None:
    if isinstance(value, dt.datetime):
        return value.date()
    if value is None or isinstance(value, dt.date):
        return value
    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        reader.note(where, f"{value!r} is not a date; write it as YYYY-MM-DD")
        return None


def _ids(reader: _Reader, where: str, values: list | None, known: set[str], what: str) -> tuple[str, ...]:
    ids = reader.strings(where, values)
    for i, value in enumerate(ids):
        if value not in known:
            reader.note(f"{where}[{i}]", f"no {what} with id {value!r}; use one of: {', '.join(sorted(known))}")
    return ids


def _agreements(reader: _Reader, raw: Any, documents: set[str]) -> tuple[Agreement, ...]:
    if not isinstance(raw, list):
        reader.note("agreements", "must be an array of tables ([[agreements]])")
        return ()
    seen: set[str] = set()
    out = []
    for i, item in enumerate(raw):
        where = f"agreements[{i}]"
        before = len(reader.problems)
        a = reader.table(where, item, _AGREEMENT_KEYS)
        if a is None:
            continue
        _unique(reader, f"{where}.id", a["id"], seen)
        docs = _ids(reader, f"{where}.documents", a["documents"], documents, "document")
        if a["documents"] == []:
            reader.note(f"{where}.documents", "is empty; list the ids of the documents this agreement covers")
        signed = _date(reader, f"{where}.signed_on", a["signed_on"])
        renews = _date(reader, f"{where}.renews_on", a["renews_on"])
        if renews is not None and signed is not None and renews <= signed:
            reader.note(f"{where}.renews_on", f"{renews} is not after signed_on ({signed}); fix one of them")
        if len(reader.problems) == before and signed is not None:  # a missing signed_on is a problem noted
            out.append(Agreement(a["id"], a["vendor"], docs, signed, renews, a["notes"]))
    return tuple(out)


def _alert_url(reader: _Reader, where: str, url: str) -> None:
    import apprise  # only when checking: apprise loads every plugin to recognise a URL, which is slow

    if not apprise.Apprise().add(url):
        reader.note(where,
                    f"apprise cannot use {redact(url, reader.secrets)!r}; check it against apprise's URL formats")


def _channels(reader: _Reader, raw: Any, documents: set[str]) -> tuple[Channel, ...]:
    if not isinstance(raw, list):
        reader.note("alerts", "must be an array of tables ([[alerts]])")
        return ()
    seen: set[str] = set()
    out = []
    for i, item in enumerate(raw):
        where = f"alerts[{i}]"
        before = len(reader.problems)
        c = reader.table(where, item, _CHANNEL_KEYS)
        if c is None:
            continue
        _unique(reader, f"{where}.id", c["id"], seen)
        urls = reader.strings(f"{where}.urls", c["urls"])
        if c["urls"] == []:
            reader.note(f"{where}.urls", "is empty; give at least one apprise URL")
        for j, url in enumerate(urls if reader.check else ()):
            _alert_url(reader, f"{where}.urls[{j}]", url)
        events = reader.strings(f"{where}.events", c["events"])
        for j, event in enumerate(events):
            reader.choice(f"{where}.events[{j}]", event, EVENTS)
        only = reader.strings(f"{where}.only", c["only"])
        for j, flag in enumerate(only):
            reader.choice(f"{where}.only[{j}]", flag, FLAGS)
        docs = _ids(reader, f"{where}.documents", c["documents"], documents, "document")
        vendors = reader.strings(f"{where}.vendors", c["vendors"])
        if len(reader.problems) == before:
            out.append(Channel(c["id"], urls, events, docs, vendors, only))
    return tuple(out)


def _section(reader: _Reader, raw: dict, name: str, keys: _Keys) -> dict[str, Any]:
    """A top-level table with its defaults filled in; a section that is not a table reads as all defaults."""
    section = reader.table(name, raw.get(name, {}), keys)
    return section if section is not None else {key: default for key, (_, _, default) in keys.items()}


def parse(text: str, path: Path, environ: dict[str, str] | None = None, check: bool = True) -> Config:
    """Parse and validate config text; `path` is used in messages and to resolve relative paths.

    Raises one ConfigError with a line per problem found. check=False skips the two slow checks, CSS
    selectors (soupsieve) and alert URLs (apprise), for commands that neither fetch nor send: they are
    checked again by every command that does."""
    reader = _Reader(path, dict(os.environ if environ is None else environ), check)
    try:
        raw = tomllib.loads(text)
    except tomllib.TOMLDecodeError as err:
        raise ConfigError(f"{path}: not valid TOML ({err}); fix the syntax") from None
    for key in raw:
        if key not in _TOP_KEYS:
            reader.note(key, f"unknown section; allowed: {', '.join(_TOP_KEYS)}")
    storage = _section(reader, raw, "storage", _STORAGE_KEYS)
    crawl = _section(reader, raw, "crawl", _CRAWL_KEYS)
    for key in ("timeout", "delay", "deadline"):
        if crawl[key] < 0 or (key == "timeout" and crawl[key] == 0):
            reader.note(f"crawl.{key}", f"must be a positive number of seconds, not {crawl[key]!r}")
    for key, low in (("retries", 0), ("concurrency", 1)):
        reader.at_least(f"crawl.{key}", crawl[key], low)
    if "documents" in raw:
        documents, known = _documents(reader, raw["documents"])
    else:
        reader.note("documents", "no [[documents]] to watch; add at least one")
        documents, known = (), set()
    agreements = _agreements(reader, raw.get("agreements", []), known)
    channels = _channels(reader, raw.get("alerts", []), known)
    alerting = _section(reader, raw, "alerting", _ALERTING_KEYS)
    for key in _ALERTING_KEYS:
        reader.at_least(f"alerting.{key}", alerting[key], 1)
    report = _section(reader, raw, "report", _REPORT_KEYS)
    if report["base_url"]:
        _check_url(reader, "report.base_url", report["base_url"])
        report["base_url"] = report["base_url"].rstrip("/") + "/"
    if reader.problems:
        raise reader.error()
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
        report=ReportConfig(**report),
        secrets=frozenset(reader.secrets),
    )


def config_path(path: str | Path | None = None) -> Path:
    """The config file a --config value (default ./config.toml) names, as every message shows it."""
    return Path(path or DEFAULT_PATH).expanduser().absolute()


def load(path: str | Path | None = None, environ: dict[str, str] | None = None, check: bool = True) -> Config:
    """Load the config from `path` (default ./config.toml); relative paths inside resolve against its folder."""
    path = config_path(path)
    if path.is_dir():
        raise ConfigError(f"{path}: is a folder; pass the config file itself, e.g. --config {path / 'config.toml'}")
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        raise ConfigError(f"{path}: config file not found; pass --config PATH or set TERMWATCH_CONFIG") from None
    except (OSError, UnicodeDecodeError) as err:
        raise ConfigError(f"{path}: cannot read the config file ({err})") from None
    return parse(text, path, environ, check)
