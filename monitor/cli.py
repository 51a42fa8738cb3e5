"""The termwatch command line: a click group whose commands parse options, call the core and print.

Exit codes: 0 done (changes or not), 1 error (config, database, lock), 2 usage, 3 the run finished
but at least one fetch failed.
"""

from __future__ import annotations

import functools
import json
import sys
from dataclasses import asdict, replace
from pathlib import Path

import click

from monitor import __version__, store, views
from monitor.config import Config, CrawlConfig, load
from monitor.errors import TermwatchError
from monitor.models import Document, Unusable

EXIT_FETCH_FAILED = 3

EPILOG = """\b
Exit codes:
  0  done, whether or not anything changed
  1  error: bad config, unreadable database, another run holds the lock
  2  usage error
  3  the run finished, but at least one fetch failed
"""


class TermwatchGroup(click.Group):
    """Translates every expected error into one line on stderr and exit 1, in one place."""

    def invoke(self, ctx: click.Context):
        try:
            return super().invoke(ctx)
        except TermwatchError as err:
            secrets = ctx.obj.secrets if isinstance(ctx.obj, Config) else ()
            raise click.ClickException(views.redact(str(err), secrets)) from None


def json_option(func):
    return click.option("--json", "as_json", is_flag=True, help="Print one JSON document (shape in the README).")(func)


def emit_json(data) -> None:
    click.echo(json.dumps(data, indent=2, ensure_ascii=False))


def needs_config(func):
    """Loads and validates the config before the command runs, and passes it in."""

    @click.pass_context
    @functools.wraps(func)
    def wrapper(ctx: click.Context, *args, **kwargs):
        ctx.obj = load(ctx.find_root().params["config_path"])
        return func(ctx.obj, *args, **kwargs)

    return wrapper


def open_existing(config: Config):
    return store.open_db(config.storage.database, create=False)


@click.group(cls=TermwatchGroup, epilog=EPILOG, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="termwatch")
@click.option("--config", "config_path", envvar="TERMWATCH_CONFIG", default="config.toml", show_default=True,
              type=click.Path(dir_okay=False), help="Config file (or set TERMWATCH_CONFIG).")
def cli(config_path: str) -> None:
    """Watch AI vendors' terms pages and record every real change of their wording.

    termwatch fetches the documents in config.toml, keeps each new wording as a version in SQLite
    (with the raw page as evidence), and says whether a change touches training on customer data
    or data retention.
    """


@cli.command(epilog=EPILOG)
@click.option("--only", multiple=True, metavar="ID", help="Fetch only this document (repeatable).")
@click.option("-v", "--verbose", is_flag=True, help="Show Scrapy's log on stderr.")
@json_option
@needs_config
def run(config: Config, only: tuple[str, ...], verbose: bool, as_json: bool) -> None:
    """Fetch every document once, store new versions and print a summary.

    Run it from cron; exit code 3 means some fetches failed (the rest were recorded).
    """
    from monitor.pipeline import run as run_pipeline

    summary = run_pipeline(config, only, verbose)
    if as_json:
        emit_json(asdict(summary))
    else:
        click.echo(views.run_summary(summary))
    if summary.failed:
        sys.exit(EXIT_FETCH_FAILED)


@cli.command()
@json_option
@needs_config
def status(config: Config, as_json: bool) -> None:
    """Per document: last fetch and its outcome, number of versions, last change."""
    rows = store.status(open_existing(config))
    emit_json(rows) if as_json else click.echo(views.status_table(rows))


@cli.command()
@click.argument("document")
@json_option
@needs_config
def versions(config: Config, document: str, as_json: bool) -> None:
    """List the versions of DOCUMENT, oldest first."""
    config.document(document)
    rows = [views.version_dict(v) for v in store.versions(open_existing(config), document)]
    emit_json(rows) if as_json else click.echo(views.versions_table(rows))


@cli.command()
@click.argument("document")
@click.argument("version", required=False)
@needs_config
def show(config: Config, document: str, version: str | None) -> None:
    """Print the text of a version of DOCUMENT (the latest by default; VERSION is an id or a date)."""
    config.document(document)
    click.echo(store.resolve_version(open_existing(config), document, version).text)


@cli.command()
@click.option("--document", metavar="ID", help="Only this document.")
@click.option("--since", metavar="DATE", help="Only changes detected on or after DATE (YYYY-MM-DD).")
@click.option("--vendor", help="Only this vendor (case-insensitive).")
@click.option("--audience", type=click.Choice(["commercial", "consumer"]), help="Only this audience.")
@click.option("--training", is_flag=True, help="Only changes that touch training on customer data.")
@click.option("--retention", is_flag=True, help="Only changes that touch data retention.")
@json_option
@needs_config
def changes(config: Config, document, since, vendor, audience, training, retention, as_json) -> None:
    """Every recorded change, newest first, with its training / retention flags and summary."""
    rows = store.changes(open_existing(config), document, since, training, retention, vendor, audience)
    emit_json(rows) if as_json else click.echo(views.changes_table(rows))


@cli.command()
@click.argument("target", metavar="DOC|URL")
@click.option("--select", multiple=True, metavar="CSS", help="Keep only what matches (repeatable); replaces the document's.")
@click.option("--remove", multiple=True, metavar="CSS", help="Drop what matches (repeatable); replaces the document's.")
@click.option("--normalised", is_flag=True, help="Print the normalised form that decides whether the wording changed.")
@click.option("-v", "--verbose", is_flag=True, help="Show Scrapy's log on stderr.")
@click.pass_context
def extract(ctx: click.Context, target: str, select, remove, normalised: bool, verbose: bool) -> None:
    """Fetch DOC (a document id) or URL once and print the extracted text, storing nothing.

    Use it to tune `select` / `remove`. Exit code 3 when the page is not usable (the reason is printed).
    """
    from monitor.pipeline import preview

    config_path = Path(ctx.find_root().params["config_path"])
    is_url = target.startswith(("http://", "https://"))
    ctx.obj = load(config_path) if config_path.exists() or not is_url else None
    crawl = ctx.obj.crawl if ctx.obj else CrawlConfig()
    doc = Document("extract", "", "commercial", "", target) if is_url else ctx.obj.document(target)
    doc = replace(doc, select=select or doc.select, remove=remove or doc.remove)
    result = preview(doc, crawl, verbose)
    if isinstance(result, Unusable):
        click.echo(f"{doc.url}: not usable: {result.reason}", err=True)
        sys.exit(EXIT_FETCH_FAILED)
    click.echo(result.normalised if normalised else result.text)


@cli.command()
@click.option("--only", multiple=True, metavar="ID", help="Only this document (repeatable).")
@json_option
@needs_config
def reextract(config: Config, only: tuple[str, ...], as_json: bool) -> None:
    """Re-derive every stored version's text from its kept raw page with the current extractor.

    Use it after upgrading termwatch or changing a document's select/remove: changes that turn out
    to be noise are dropped, the others are described again. Raw pages are never touched.
    """
    from monitor.pipeline import reextract as reextract_all

    db = open_existing(config)
    with store.run_lock(config.storage.database):
        totals = reextract_all(db, config, only)
    emit_json(totals) if as_json else click.echo(views.reextract_summary(totals))


@cli.command()
@click.option("--dir", "workdir", type=click.Path(file_okay=False, path_type=Path),
              help="Keep the demo's config and database here (default: a new temporary folder).")
def demo(workdir: Path | None) -> None:
    """An offline tour on real data: replays real snapshots of Anthropic's privacy policy on 127.0.0.1.

    Each snapshot is served in turn and `termwatch run` records what changed, as cron would.
    """
    import tempfile

    from monitor import demo as tour

    workdir = workdir or Path(tempfile.mkdtemp(prefix="termwatch-demo-"))
    click.echo(f"Replaying {len(tour.snapshots())} real snapshots of Anthropic's privacy policy (Open Terms Archive, ODC-By 1.0)")
    for snap, summary in tour.replay(workdir):
        click.echo(views.demo_step(snap, summary))
    config = load(workdir / "config.toml")
    click.echo("\n" + views.changes_table(store.changes(open_existing(config))))
    click.echo(f"\nExplore it: termwatch --config {workdir / 'config.toml'} changes")
