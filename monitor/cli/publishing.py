"""Commands that publish or move data: the static report, the Atom feed, exports, Datasette metadata and
importing Open Terms Archive declarations."""

from __future__ import annotations

import json
from pathlib import Path

import click

from monitor.cli.main import cli, needs_config, open_existing, out_option, write_or_echo
from monitor.config import Config
from monitor.store import read


@cli.command()
@click.option("--out", required=True, type=click.Path(file_okay=False, path_type=Path),
              help="Folder to write the site into (created if missing; an earlier report there is replaced, "
                   "other files are left alone).")
@needs_config
def report(config: Config, out: Path) -> None:
    """Write a static HTML report: vendors and documents, each document's timeline, each change's diff,
    each agreement's drift, and Atom feeds. Self-contained: open OUT/index.html, or put OUT on any static host.
    """
    from monitor.app.report import write_report
    from monitor.timeutil import utc_now

    written = write_report(open_existing(config), config, out, utc_now())
    click.echo(f"Wrote {len(written)} files to {out}; open {out / 'index.html'}", err=True)


@cli.command()
@click.option("--vendor", help="Only this vendor's changes (case-insensitive).")
@click.option("--base-url", metavar="URL",
              help="Where the report is published (e.g. https://example.com/terms/); entries then link to their change "
                   "pages. Default: [report] base_url of the config.")
@out_option
@needs_config
def feed(config: Config, vendor: str | None, base_url: str | None, out: Path | None) -> None:
    """Print an Atom feed of every recorded change (or one vendor's), newest first, with training/retention flags."""
    from monitor.timeutil import utc_now
    from monitor.views.feed import build_feed

    if vendor is not None:
        config.vendor(vendor)
    atom = build_feed(read.changes(open_existing(config)), utc_now(), vendor,
                      base_url or config.report.base_url or None)
    write_or_echo(atom.decode("utf-8"), out)


@cli.command()
@click.option("--format", "fmt", type=click.Choice(["json", "csv"]), default="json", show_default=True,
              help="json: the shape of `changes --json` / `drift --json`; csv: one row per change or finding.")
@click.option("--what", type=click.Choice(["changes", "drift"]), default="changes", show_default=True,
              help="Every recorded change, or the drift of every agreement document.")
@out_option
@needs_config
def export(config: Config, fmt: str, what: str, out: Path | None) -> None:
    """Export every recorded change, or the drift of every agreement, as JSON or CSV (columns in the README)."""
    from monitor.app.agreements import drift_report
    from monitor.views.export import export_document

    db = open_existing(config)
    rows = read.changes(db) if what == "changes" else drift_report(db, config)
    write_or_echo(export_document(rows, what, fmt), out)


@cli.command("datasette-metadata")
@out_option
@needs_config
def datasette_metadata(config: Config, out: Path | None) -> None:
    """Write Datasette metadata for the database: what each table, view and column holds, and canned queries.

    Then: datasette snapshots/termwatch.db -m metadata.json
    """
    from monitor.views.datasette import metadata

    open_existing(config).close()  # an older database gains the views and search the metadata describes
    write_or_echo(json.dumps(metadata(config.storage.database.stem), indent=2, ensure_ascii=False) + "\n", out)


@cli.command("import-ota")
@click.argument("files", nargs=-1, required=True, type=click.Path(exists=True, dir_okay=False, path_type=Path))
@click.option("--vendor", metavar="NAME",
              help="Vendor of every imported document (default: the declaration's service name).")
@click.pass_context
def import_ota(ctx: click.Context, files: tuple[Path, ...], vendor: str | None) -> None:
    """Print [[documents]] entries for Open Terms Archive declaration FILES, to append to config.toml.

    Parts termwatch cannot use (range selectors, JavaScript filters) are skipped with a warning on stderr.
    Ids already in the config are not reused.
    """
    from monitor.app.ota import import_files

    imported = import_files(files, vendor, Path(ctx.find_root().params["config_path"]))
    for warning in imported.warnings:
        click.echo(f"warning: {warning}", err=True)
    click.echo(imported.toml(), nl=False)
