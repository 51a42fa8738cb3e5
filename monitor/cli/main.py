"""The click group and what its commands share: one-place error translation, option types, config loading and
output helpers. Each command parses options, makes one call into the core and prints through monitor.views."""

from __future__ import annotations

import functools
import json
import os
import sys
from pathlib import Path

import click

from monitor import __version__
from monitor.config import Config, load
from monitor.errors import TermwatchError
from monitor.redact import install_log_redaction, redact
from monitor.store.db import open_db
from monitor.timeutil import parse_version, parse_when

EXIT_INCOMPLETE = 3

EPILOG = """\b
Exit codes:
  0  done, whether or not anything changed
  1  error: bad config, unreadable database, another run holds the lock
  2  usage error
  3  finished, but at least one fetch failed or one alert could not be delivered
"""


class TermwatchGroup(click.Group):
    """Translates every expected error into a line per problem on stderr and exit 1, in one place."""

    def invoke(self, ctx: click.Context):
        try:
            return super().invoke(ctx)
        except TermwatchError as err:
            secrets = ctx.obj.secrets if isinstance(ctx.obj, Config) else ()
            *lines, last = redact(str(err), secrets).splitlines()  # a config can have several problems
            for line in lines:
                click.echo(f"Error: {line}", err=True)
            raise click.ClickException(last) from None


def json_option(func):
    return click.option("--json", "as_json", is_flag=True, help="Print one JSON document (shape in the README).")(func)


out_option = click.option("--out", type=click.Path(dir_okay=False, path_type=Path),
                          help="Write to FILE instead of printing.")


class DateType(click.ParamType):
    """YYYY-MM-DD or an ISO-8601 time, and a real one; anything else is a usage error (exit 2)
    naming the value, never a silent match of every or no version."""

    name = "date"

    def convert(self, value, param, ctx):
        try:
            return parse_when(value)
        except ValueError as err:
            self.fail(str(err), param, ctx)


class VersionType(click.ParamType):
    """A version id of the document, or a date as DateType takes it (the version first seen by then).
    Whether the id exists is the store's to say (exit 1); only the form is checked here."""

    name = "version"

    def convert(self, value, param, ctx):
        document = (ctx.params.get("document") if ctx else None) or "DOC"
        try:
            return parse_version(value, document)
        except ValueError as err:
            self.fail(str(err), param, ctx)


DATE, VERSION = DateType(), VersionType()


def _jsonable(value):
    from monitor.analysis.diff import Hunk, hunk_to_dict

    if isinstance(value, Hunk):
        return hunk_to_dict(value)
    raise TypeError(f"cannot show {type(value).__name__} as JSON")


def emit_json(data) -> None:
    click.echo(json.dumps(data, indent=2, ensure_ascii=False, default=_jsonable))


def load_config(ctx: click.Context, verbose: bool = False, check: bool = False) -> Config:
    """Load and validate the config, keep it for error redaction, and make every log line hide its secrets."""
    ctx.obj = load(ctx.find_root().params["config_path"], check=check)
    install_log_redaction(ctx.obj.secrets, verbose)
    return ctx.obj


def load_config_if(ctx: click.Context, verbose: bool, needed: bool) -> Config | None:
    """The config, fully checked; None when it is not `needed` and its file does not exist."""
    if needed or Path(ctx.find_root().params["config_path"]).exists():
        return load_config(ctx, verbose, check=True)
    install_log_redaction((), verbose)
    return None


def needs_config(func=None, *, check: bool = False):
    """Loads and validates the config before the command runs, and passes it in.

    check=True, for the commands that fetch or send, also checks CSS selectors and alert URLs: that
    imports soupsieve and apprise, slow to load, which read-only commands must not pay for."""
    if func is None:
        return functools.partial(needs_config, check=check)

    @click.pass_context
    @functools.wraps(func)
    def wrapper(ctx: click.Context, *args, **kwargs):
        return func(load_config(ctx, kwargs.get("verbose", False), check), *args, **kwargs)

    return wrapper


def chosen_topics(training: bool, retention: bool, access: bool) -> set[str]:
    """The topics of the --training, --retention and --access flags given."""
    return {name for name, on in (("training", training), ("retention", retention), ("access", access)) if on}


def use_color() -> bool:
    return not os.environ.get("NO_COLOR") and sys.stdout.isatty()


def open_existing(config: Config):
    return open_db(config.storage.database, create=False)


@click.group(cls=TermwatchGroup, epilog=EPILOG, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="termwatch")
@click.option("--config", "config_path", envvar="TERMWATCH_CONFIG", default="config.toml", show_default=True,
              type=click.Path(), help="Config file (or set TERMWATCH_CONFIG).")
def cli(config_path: str) -> None:
    """Watch AI vendors' terms pages and record every real change of their wording.

    termwatch fetches the documents in config.toml, keeps each new wording as a version in SQLite
    (with the raw page as evidence), and says whether a change touches training on customer data,
    data retention or access to the data. Editorial edits are kept but not announced.
    """


def write_or_echo(text: str, out: Path | None) -> None:
    """Print text, or write it to OUT (a file) and say so on stderr."""
    if out is None:
        click.echo(text, nl=not text.endswith("\n"))
        return
    write_or_print_bytes(text.encode("utf-8"), out, "the text")


def write_or_print_bytes(data: bytes, out: Path | None, what: str) -> None:
    """Write bytes to OUT (saying so on stderr) or to stdout, exactly; never to a terminal when they hold
    control characters a terminal would act on."""
    from monitor.views.formats import terminal_unsafe

    if out is None:
        if sys.stdout.isatty() and terminal_unsafe(data):
            raise TermwatchError(f"{what} holds control characters a terminal would act on; "
                                 "give --out FILE or pipe it to a file")
        click.echo(data, nl=False)  # bytes go to the binary stream as they are
        return
    try:
        out.write_bytes(data)
    except OSError as err:
        raise TermwatchError(f"{out}: cannot write ({err.strerror}); check the folder exists and is writable") from None
    click.echo(f"Wrote {out}", err=True)
