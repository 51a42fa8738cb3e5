"""Commands on alert channels and the outbox: test a channel, list, retry and drop deliveries."""

from __future__ import annotations

import sys
from dataclasses import asdict

import click

from monitor.cli.main import EXIT_INCOMPLETE, cli, emit_json, json_option, load_config, needs_config, open_existing
from monitor.config import Config
from monitor.store.db import open_db
from monitor.store.outbox import deliveries
from monitor.views import terminal


@cli.group()
def alerts() -> None:
    """Alert channels ([[alerts]] in the config)."""


@alerts.command("test")
@click.argument("channel", required=False)
@json_option
@needs_config(check=True)
def alerts_test(config: Config, channel: str | None, as_json: bool) -> None:
    """Send a sample alert to CHANNEL (or every channel) and say whether it arrived. Exit 3 if not."""
    from monitor.alerts.deliver import send_test

    print_deliveries(send_test(open_db(config.storage.database), config, channel), as_json)


def print_deliveries(report, as_json: bool) -> None:
    """What was delivered and what failed; exit 3 if anything failed."""
    emit_json(asdict(report)) if as_json else click.echo(terminal.delivery_text(report))
    if report.failed:
        sys.exit(EXIT_INCOMPLETE)


@cli.group(invoke_without_command=True)
@click.option("--status", type=click.Choice(["pending", "failed", "sent", "dropped", "undeliverable"]),
              help="Only deliveries in this state (dropped: its channel left the config; undeliverable: given up).")
@json_option
@click.pass_context
def outbox(ctx: click.Context, status: str | None, as_json: bool) -> None:
    """Alert events and their deliveries per channel: pending, failed (with the redacted error) and sent."""
    if ctx.invoked_subcommand is None:
        config = load_config(ctx)
        rows = deliveries(open_existing(config), status)
        emit_json(rows) if as_json else click.echo(terminal.outbox_table(rows, status))


@outbox.command("retry")
@json_option
@needs_config(check=True)
def outbox_retry(config: Config, as_json: bool) -> None:
    """Deliver every failed or pending alert now, ignoring the backoff. Exit 3 if some still fail."""
    from monitor.app.outbox import retry

    print_deliveries(retry(config), as_json)


@outbox.command("drop")
@click.argument("events", nargs=-1, type=int, metavar="[EVENT]...")
@click.option("--channel", metavar="ID", help="Every undelivered alert of this channel.")
@json_option
@needs_config
def outbox_drop(config: Config, events: tuple[int, ...], channel: str | None, as_json: bool) -> None:
    """Give up undelivered alerts: the deliveries of these EVENT ids (see `termwatch outbox`), or of a channel.

    They are closed as "dropped" and never tried again; sent ones are left as they are."""
    from monitor.app.outbox import drop

    dropped = drop(config, events, channel)
    emit_json({"dropped": dropped}) if as_json else click.echo(f"{dropped} undelivered alert deliveries dropped.")
