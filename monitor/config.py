"""Reads config.toml into the dataclasses below, checked against them by msgspec and then by our own rules, before
anything is fetched. Every error is one line naming the file, the key path and the fix."""

from __future__ import annotations

import datetime as dt
import os
import re
import tomllib
from collections.abc import Callable
from dataclasses import MISSING, dataclass, field, fields
from functools import partial
from pathlib import Path
from typing import Any, TypeVar, get_type_hints
from urllib.parse import urlsplit

import msgspec

from monitor.errors import ConfigError
from monitor.models import AUDIENCES, FLAGS, Document
from monitor.redact import redact

DEFAULT_PATH = "config.toml"
DEFAULT_USER_AGENT = "termwatch/0.1 (+https://github.com/termwatch/termwatch; terms-change monitor)"
ENV_REF = re.compile(r"\$\{([A-Za-z_][A-Za-z0-9_]*)\}")
SLUG = re.compile(r"^[a-z0-9][a-z0-9-]*$")
_T = TypeVar("_T")


@dataclass(frozen=True)
class StorageConfig:
    database: Path = Path("snapshots/termwatch.db")  # relative: to the config file's folder


@dataclass(frozen=True)
class CrawlConfig:
    # Seconds are `int | float` so that a whole number stays as written (msgspec makes a float field's int a float).
    user_agent: str = DEFAULT_USER_AGENT
    timeout: int | float = 30.0
    retries: int = 2
    concurrency: int = 4
    delay: int | float = 2.0
    obey_robots: bool = True
    chromium: str = ""  # the browser for render = "browser" documents; found on PATH when empty
    deadline: int | float = 0.0  # seconds the whole crawl may take; 0: derived from the documents and the values above


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


_SECTIONS = ("storage", "crawl", "documents", "agreements", "alerts", "alerting", "report")
RENDERS = ("static", "browser")
FORMATS = ("html", "pdf")
# msgspec's names of the types it expected, in our words.
_TYPE_NAMES = {"str": "a string", "int": "an integer", "float": "a number", "bool": "true or false",
               "array": "a list", "date": "a date (YYYY-MM-DD) or a string"}


def _path(type_: type, value: Any) -> Any:
    """msgspec has no Path type: a path is written as a string (a wrong type worded as msgspec words its own)."""
    if isinstance(value, str):
        return type_(value)
    raise TypeError("Expected `str`")


def _values(record: Any) -> dict[str, Any]:
    # Neither vars(), which lacks the defaults msgspec leaves on the class, nor asdict(), which copies deeply (slow).
    return {f.name: getattr(record, f.name) for f in fields(record)}


def _problem(message: str) -> tuple[str, str, int | None]:
    """msgspec's "Expected `str`, got `int` - at `$.urls[0]`" as its problem, the key and the list index."""
    what, _, at = message.partition(" - at `$.")
    key, _, index = at.rstrip("`]").partition("[")
    return what, key, int(index) if index else None


def _our_words(what: str, value: Any) -> str:
    if what.startswith("Expected `"):
        expected = what.split("`")[1].split(" | ")
        return f"must be {' or '.join(_TYPE_NAMES[name] for name in expected if name != 'null')}, not {value!r}"
    if what.startswith("Invalid RFC3339 encoded date"):
        return f"{value!r} is not a date; write it as YYYY-MM-DD"
    return f"{what}, not {value!r}"  # a problem msgspec may add one day, in its own words


class _Reader:
    """Reads the parsed TOML into the values each dataclass declares, collecting every problem and the secrets
    that ${ENV} references resolve to.

    A value with a problem reads as None (or its default), so the checks that depend on it are skipped rather
    than reporting the same mistake twice."""

    def __init__(self, path: Path, environ: dict[str, str], check: bool = True):
        self.path = path
        self.environ = environ
        self.check = check
        self.secrets: set[str] = set()
        self.problems: list[tuple[str, str]] = []  # (key path, problem)

    def note(self, where: str, problem: str) -> None:
        self.problems.append((where, problem))

    def error(self) -> ConfigError:
        # Redacted at the end: a problem may quote a value holding a secret resolved after it was noted.
        return ConfigError("\n".join(redact(f"{self.path}: {where}: {problem}", self.secrets)
                                     for where, problem in self.problems))

    def resolve(self, where: str, value: Any) -> Any:
        """`value` with its ${NAME} references resolved, in a string or in each string of a list; None in place
        of a string naming an unset variable."""
        if isinstance(value, list):
            return [self.resolve(f"{where}[{i}]", item) for i, item in enumerate(value)]
        if isinstance(value, dt.datetime):  # a TOML date-time where a date is meant: its day
            return value.date()
        if not isinstance(value, str):
            return value
        missing = [name for name in ENV_REF.findall(value) if name not in self.environ]
        for name in missing:
            self.note(where, f"environment variable {name} is not set; export {name} or remove the reference")
        if missing:
            return None
        self.secrets.update(self.environ[name] for name in ENV_REF.findall(value) if self.environ[name])
        return ENV_REF.sub(lambda match: self.environ[match.group(1)], value)

    def table(self, where: str, raw: Any, schema: type) -> dict[str, Any] | None:
        """One table's values by key, converted by msgspec to the types `schema` declares, defaults filled in;
        None when it is not a table."""
        if not isinstance(raw, dict):
            self.note(where, "must be a table")
            return None
        names = [f.name for f in fields(schema)]
        for key in raw:  # msgspec ignores unknown keys of a dataclass; only its own Structs can forbid them
            if key not in names:
                self.note(f"{where}.{key}", f"unknown key; allowed keys here: {', '.join(names)}")
        data = {key: self.resolve(f"{where}.{key}", value) for key, value in raw.items() if key in names}
        left_out: dict[str, int] = {}  # items left out of each list so far, to name the next by its index in the file
        while True:  # msgspec stops at the first problem: note it, leave its value out, convert the rest again
            try:
                return _values(msgspec.convert(data, schema, dec_hook=_path))
            except msgspec.ValidationError as err:
                what, key, index = _problem(str(err))
            if not key:  # a required key is missing: msgspec says so once every present one converts
                break
            if index is None:
                resolved, written, at = data.pop(key), raw[key], f"{where}.{key}"
            else:
                left_out[key] = left_out.get(key, 0) + 1
                in_file = index + left_out[key] - 1
                resolved, written, at = data[key].pop(index), raw[key][in_file], f"{where}.{key}[{in_file}]"
            if resolved is not None:  # None: a string naming an unset variable, noted already
                self.note(at, _our_words(what, written))
        types = get_type_hints(schema)
        for f in fields(schema):
            if f.default is MISSING and f.name not in raw:  # not when its value was left out: that is noted
                self.note(f"{where}.{f.name}", "is missing; add it")
        return {f.name: msgspec.convert(data[f.name], types[f.name], dec_hook=_path) if f.name in data
                else None if f.default is MISSING else f.default for f in fields(schema)}

    def finish(self, before: int, where: str, schema: type) -> bool:
        """Lists the problems of one table, noted since `before`, in the order of its keys (unknown keys first),
        and says whether it had none."""
        order = {f.name: i for i, f in enumerate(fields(schema))}

        def key_order(problem: tuple[str, str]) -> tuple[int, int]:
            key, _, index = problem[0].removeprefix(f"{where}.").partition("[")
            return order.get(key, -1), int(index.partition("]")[0] or -1)

        self.problems[before:] = sorted(self.problems[before:], key=key_order)
        return len(self.problems) == before

    def choice(self, where: str, value: str | None, allowed: tuple[str, ...], what: str = "") -> None:
        if value is not None and value not in allowed:
            self.note(where, f"{value!r}{what} must be one of: {', '.join(allowed)}")

    def at_least(self, where: str, value: int, low: int) -> None:
        if value < low:
            self.note(where, f"must be at least {low}, not {value!r}")


def _tables(reader: _Reader, raw: dict, name: str, schema: type[_T], check: Callable[[str, dict, dict], None]
            ) -> tuple[tuple[_T, ...], set[str]]:
    """The array of tables `name`, each checked by `check` too, and every id it names (also of tables with
    problems, so that whatever names them adds no second, misleading problem)."""
    items, out, seen = raw.get(name, []), [], set()
    if not isinstance(items, list):
        reader.note(name, f"must be an array of tables ([[{name}]])")
        items = []
    for i, item in enumerate(items):
        where, before = f"{name}[{i}]", len(reader.problems)
        values = reader.table(where, item, schema)
        if values is None:
            continue
        if values["id"] is not None:
            if not SLUG.match(values["id"]):
                reader.note(f"{where}.id", f"{values['id']!r} must be a lowercase slug of a-z, 0-9 and '-'")
            elif values["id"] in seen:
                reader.note(f"{where}.id", f"duplicate id {values['id']!r}; ids must be unique")
            seen.add(values["id"])
        check(where, values, item)
        if reader.finish(before, where, schema):
            out.append(schema(**values))
    return tuple(out), seen


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


def _known(reader: _Reader, where: str, ids: tuple[str, ...] | None, documents: set[str]) -> None:
    for i, value in enumerate(ids or ()):
        if value not in documents:
            reader.note(f"{where}[{i}]", f"no document with id {value!r}; use one of: {', '.join(sorted(documents))}")


def default_format(url: str) -> str:
    """A document's format when the config does not say: "pdf" when the URL's path ends in .pdf."""
    return "pdf" if urlsplit(url).path.lower().endswith(".pdf") else "html"


def _check_document(reader: _Reader, where: str, d: dict[str, Any], given: dict) -> None:
    reader.choice(f"{where}.audience", d["audience"], AUDIENCES)
    _check_url(reader, f"{where}.url", d["url"])
    _check_selectors(reader, f"{where}.select", d["select"])
    _check_selectors(reader, f"{where}.remove", d["remove"])
    # The format is declared (or read from the URL), never guessed from each response: a PDF served in place
    # of an HTML page is a wrong answer to report, not new wording to store.
    if "format" not in given:
        d["format"] = default_format(d["url"] or "")
    reader.choice(f"{where}.render", d["render"], RENDERS, f" for document {d['id']!r}")
    reader.choice(f"{where}.format", d["format"], FORMATS, f" for document {d['id']!r}")
    if d["format"] == "pdf" and d["render"] == "browser":
        reader.note(f"{where}.render",
                    f"document {d['id']!r} is a PDF, which is read as is; remove render = \"browser\"")
    if d["format"] == "pdf" and (d["select"] or d["remove"]):
        reader.note(f"{where}.select",
                    f"document {d['id']!r} is a PDF; select and remove apply to HTML only, remove them")


def _check_agreement(reader: _Reader, documents: set[str], where: str, a: dict[str, Any], given: dict) -> None:
    _known(reader, f"{where}.documents", a["documents"], documents)
    if given.get("documents") == []:
        reader.note(f"{where}.documents", "is empty; list the ids of the documents this agreement covers")
    signed, renews = a["signed_on"], a["renews_on"]
    if renews is not None and signed is not None and renews <= signed:
        reader.note(f"{where}.renews_on", f"{renews} is not after signed_on ({signed}); fix one of them")


def _check_channel(reader: _Reader, documents: set[str], where: str, c: dict[str, Any], given: dict) -> None:
    if given.get("urls") == []:
        reader.note(f"{where}.urls", "is empty; give at least one apprise URL")
    if reader.check and c["urls"]:
        import apprise  # only when checking: apprise loads every plugin to recognise a URL, which is slow

        for i, url in enumerate(c["urls"]):
            if not apprise.Apprise().add(url):
                reader.note(f"{where}.urls[{i}]", f"apprise cannot use {redact(url, reader.secrets)!r}; "
                                                  "check it against apprise's URL formats")
    for i, event in enumerate(c["events"]):
        reader.choice(f"{where}.events[{i}]", event, EVENTS)
    for i, flag in enumerate(c["only"]):
        reader.choice(f"{where}.only[{i}]", flag, FLAGS)
    _known(reader, f"{where}.documents", c["documents"], documents)


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
        if key not in _SECTIONS:
            reader.note(key, f"unknown section; allowed: {', '.join(_SECTIONS)}")
    # A section that is not a table reads as all defaults.
    storage = reader.table("storage", raw.get("storage", {}), StorageConfig) or _values(StorageConfig())
    crawl = reader.table("crawl", raw.get("crawl", {}), CrawlConfig) or _values(CrawlConfig())
    for key in ("timeout", "delay", "deadline"):
        if crawl[key] < 0 or (key == "timeout" and crawl[key] == 0):
            reader.note(f"crawl.{key}", f"must be a positive number of seconds, not {crawl[key]!r}")
    for key, low in (("retries", 0), ("concurrency", 1)):
        reader.at_least(f"crawl.{key}", crawl[key], low)
    if "documents" not in raw:
        reader.note("documents", "no [[documents]] to watch; add at least one")
    elif raw["documents"] == []:
        reader.note("documents", "is empty: there is nothing to watch; add a [[documents]] table")
    documents, known = _tables(reader, raw, "documents", Document, partial(_check_document, reader))
    agreements, _ = _tables(reader, raw, "agreements", Agreement, partial(_check_agreement, reader, known))
    channels, _ = _tables(reader, raw, "alerts", Channel, partial(_check_channel, reader, known))
    alerting = reader.table("alerting", raw.get("alerting", {}), AlertingConfig) or _values(AlertingConfig())
    for key in ("failure_threshold", "renewal_days"):
        reader.at_least(f"alerting.{key}", alerting[key], 1)
    report = reader.table("report", raw.get("report", {}), ReportConfig) or _values(ReportConfig())
    if report["base_url"]:
        _check_url(reader, "report.base_url", report["base_url"])
        report["base_url"] = report["base_url"].rstrip("/") + "/"
    if reader.problems:
        raise reader.error()
    database = storage["database"].expanduser()
    return Config(
        path=path,
        storage=StorageConfig(database if database.is_absolute() else path.parent / database),
        crawl=CrawlConfig(**crawl),
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
