"""Commands on signed agreements: list, show and pin their baselines, and the drift from them."""

from __future__ import annotations

from pathlib import Path

import click

from monitor.cli.main import VERSION, cli, emit_json, json_option, needs_config, open_existing, use_color
from monitor.config import Config
from monitor.views import terminal


@cli.group(invoke_without_command=True)
@click.pass_context
def agreements(ctx: click.Context) -> None:
    """Signed agreements and the baseline wording of their documents (`termwatch agreements list` by default)."""
    if ctx.invoked_subcommand is None:
        ctx.invoke(agreements_list)


@agreements.command("list")
@json_option
@needs_config
def agreements_list(config: Config, as_json: bool = False) -> None:
    """Each agreement with its documents, dates and whether any document drifted."""
    from monitor.app.agreements import drift_report

    report = drift_report(open_existing(config), config)
    emit_json(report) if as_json else click.echo(terminal.agreements_table(report))


@agreements.command("show")
@click.argument("agreement")
@json_option
@needs_config
def agreements_show(config: Config, agreement: str, as_json: bool) -> None:
    """One agreement: each document's baseline (and how it was chosen), current version and drift."""
    from monitor.app.agreements import drift_report

    report = drift_report(open_existing(config), config, agreement)
    emit_json(report[0]) if as_json else click.echo(terminal.drift_text(report))


@agreements.command("pin")
@click.argument("agreement")
@click.argument("document")
@click.option("--file", "file", type=click.Path(dir_okay=False, path_type=Path),
              help="The signed copy: HTML, PDF or plain text.")
@click.option("--version", "version", type=VERSION, metavar="ID|DATE",
              help="A stored version: its id, or a date YYYY-MM-DD (the version first seen by the end of that day).")
@json_option
@needs_config
def agreements_pin(config: Config, agreement: str, document: str, file: Path | None, version: str | None,
                   as_json: bool) -> None:
    """Pin what was signed for DOCUMENT of AGREEMENT; drift is then measured from it."""
    from monitor.app.agreements import pin_agreement

    pinned = pin_agreement(open_existing(config), config, agreement, document, file, version)
    emit_json(pinned) if as_json else click.echo(
        f"Pinned {pinned['source']} as the signed wording of {document} for {agreement}.")


@cli.command()
@click.argument("agreement", required=False)
@click.option("--diff", "with_diff", is_flag=True, help="Include the diff from the baseline to the current version.")
@json_option
@needs_config
def drift(config: Config, agreement: str | None, with_diff: bool, as_json: bool) -> None:
    """For each agreement (or one) and document: the signed baseline against the current wording."""
    from monitor.app.agreements import drift_report

    report = drift_report(open_existing(config), config, agreement, with_diff)
    emit_json(report) if as_json else click.echo(terminal.drift_text(report, color=use_color()))
