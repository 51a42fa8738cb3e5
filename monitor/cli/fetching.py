"""Commands around fetching: run, check (the config a run needs), extract, reextract, demo and schedule."""

from __future__ import annotations

import sys
from dataclasses import asdict
from pathlib import Path

import click

from monitor.cli.main import (
    EPILOG,
    EXIT_INCOMPLETE,
    cli,
    emit_json,
    json_option,
    load_config,
    load_config_if,
    needs_config,
    open_existing,
    use_color,
)
from monitor.config import Config, config_path
from monitor.errors import ConfigError
from monitor.models import RunSummary, Unusable
from monitor.redact import log_to_file, redact
from monitor.store.db import run_lock
from monitor.views import terminal


@cli.command(epilog=EPILOG)
@click.option("--only", multiple=True, metavar="ID", help="Fetch only this document (repeatable).")
@click.option("-v", "--verbose", is_flag=True, help="Show Scrapy's and apprise's log on stderr.")
@click.option("-q", "--quiet", is_flag=True,
              help="Print nothing unless something changed or failed (for cron, which mails any output).")
@click.option("--log", "log_file", type=click.Path(dir_okay=False, path_type=Path), metavar="FILE",
              help="Append Scrapy's and apprise's whole log to FILE (secrets hidden); stderr stays quiet.")
@json_option
@needs_config(check=True)
def run(config: Config, only: tuple[str, ...], verbose: bool, quiet: bool, log_file: Path | None,
        as_json: bool) -> None:
    """Fetch every document once, store new versions and print a summary.

    Run it from cron; exit code 3 means some fetches failed or some alerts could not be delivered
    (everything else was recorded; undelivered alerts are retried on the next run). On a terminal,
    progress is shown on stderr.
    """
    if log_file is not None:
        log_to_file(log_file, config.secrets)
    summary = _run(config, only, verbose, progress=not (quiet or verbose or as_json or not sys.stderr.isatty()))
    if as_json:
        emit_json(asdict(summary))
    elif not quiet or summary.incomplete or summary.changes:
        done, problems = terminal.run_summary(summary)
        click.echo(done)
        if problems:
            click.echo(problems, err=True)
    if summary.incomplete:
        sys.exit(EXIT_INCOMPLETE)


def _run(config: Config, only: tuple[str, ...], verbose: bool, progress: bool) -> RunSummary:
    """The run, with a progress bar of the documents fetched on stderr when `progress`."""
    from monitor.app.run import run

    if not progress:
        return run(config, only, verbose)
    with click.progressbar(length=len(only) if only else len(config.documents), label="Fetching", file=sys.stderr,
                           item_show_func=lambda doc: doc) as bar:
        return run(config, only, verbose, progress=lambda doc: bar.update(1, doc))


@cli.command()
@json_option
@click.pass_context
def check(ctx: click.Context, as_json: bool) -> None:
    """Validate the config completely (keys, CSS selectors, alert URLs, agreements) without fetching or sending.

    Exit 0 when it is ready to run, 1 with one line per problem otherwise. --json prints
    {"config", "ok", "documents", "agreements", "channels"} or {"config", "ok": false, "problems": [...]}."""
    try:
        config = load_config(ctx, check=True)
    except ConfigError as err:
        if not as_json:
            raise
        emit_json(terminal.config_problems(config_path(ctx.find_root().params["config_path"]), str(err)))
        sys.exit(1)
    ready = terminal.config_ready(config)
    emit_json(ready) if as_json else click.echo(terminal.ready_text(ready))


@cli.command()
@click.argument("target", metavar="DOC|URL")
@click.option("--select", multiple=True, metavar="CSS",
              help="Keep only what matches (repeatable); replaces the document's.")
@click.option("--remove", multiple=True, metavar="CSS", help="Drop what matches (repeatable); replaces the document's.")
@click.option("--normalised", is_flag=True, help="Print the normalised form that decides whether the wording changed.")
@click.option("-v", "--verbose", is_flag=True, help="Show Scrapy's log on stderr.")
@click.pass_context
def extract(ctx: click.Context, target: str, select, remove, normalised: bool, verbose: bool) -> None:
    """Fetch DOC (a document id) or URL once and print the extracted text, storing nothing.

    Use it to tune `select` / `remove`. Exit code 3 when the page is not usable (the reason is printed).
    """
    from monitor.app.run import is_url, preview
    from monitor.text.normalise import normalise

    config = load_config_if(ctx, verbose, needed=not is_url(target))
    doc, result, text = preview(config, target, select, remove, verbose)
    if isinstance(result, Unusable):
        if text:
            click.echo(normalise(text) if normalised else text)
        click.echo(redact(f"{doc.url}: not usable: {result.reason}", config.secrets if config else ()), err=True)
        sys.exit(EXIT_INCOMPLETE)
    if result.fallback:
        click.echo(f"{doc.url}: select {', '.join(doc.select)} matched nothing; this is the automatically found "
                   "main content", err=True)
    click.echo(result.normalised if normalised else result.text)


@cli.command()
@click.option("--only", multiple=True, metavar="ID", help="Only this document (repeatable).")
@json_option
@needs_config(check=True)
def reextract(config: Config, only: tuple[str, ...], as_json: bool) -> None:
    """Re-derive every stored version's text from its kept raw page with the current extractor.

    Use it after upgrading termwatch or changing a document's select/remove: changes that turn out
    to be noise are dropped, the others are described again. Raw pages are never touched.
    """
    from monitor.app.reextract import reextract as reextract_all

    db = open_existing(config)
    with run_lock(config.storage.database):
        totals = reextract_all(db, config, only)
    emit_json(totals) if as_json else click.echo(terminal.reextract_summary(totals))


@cli.command()
@click.option("--dir", "workdir", type=click.Path(file_okay=False, path_type=Path),
              help="Keep the demo's config and database here: a new or empty folder, or an earlier demo's, "
                   "which starts over (default: a new temporary folder).")
def demo(workdir: Path | None) -> None:
    """An offline tour on real data: replays real snapshots of Anthropic's privacy policy on 127.0.0.1.

    Each snapshot is served in turn and `termwatch run` records what changed, as cron would, at the
    date Open Terms Archive fetched it. Run again in the same --dir, the tour starts over: the earlier
    demo's config.toml and termwatch.db are removed, nothing else. A non-empty folder the demo did not
    make is refused (exit 1).
    """
    import tempfile

    from monitor.app import demo as tour

    workdir = workdir or Path(tempfile.mkdtemp(prefix="termwatch-demo-"))
    if tour.prepare(workdir):
        click.echo(f"Starting over in {workdir}: removed the earlier demo's config and database.", err=True)
    received: list[dict] = []
    click.echo(f"Replaying {len(tour.snapshots())} real snapshots of Anthropic's privacy policy "
               "(Open Terms Archive, ODC-By 1.0), one `termwatch run` each:")
    for snap, summary in tour.replay(workdir, received):
        click.echo(terminal.demo_step(snap, summary))
    click.echo(terminal.demo_outcome(tour.outcome(workdir, received), use_color()))


@cli.command()
@click.option("--every", required=True, metavar="DURATION",
              help="How often to run: 30m, 6h, 1d… (minutes dividing 60, hours dividing 24, or 1d).")
@needs_config(check=True)
def schedule(config: Config, every: str) -> None:
    """Print a crontab line and a systemd service + timer that run `termwatch run --quiet` with this config."""
    import socket

    from monitor.views.schedule import for_config

    click.echo(for_config(every, config.path, sys.executable, socket.gethostname()), nl=False)
