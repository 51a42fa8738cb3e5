"""Commands that read the store: status, versions, show, history, changes, diff, clauses and answers."""

from __future__ import annotations

from pathlib import Path

import click

from monitor.cli.main import (
    DATE,
    VERSION,
    chosen_topics,
    cli,
    emit_json,
    json_option,
    needs_config,
    open_existing,
    out_option,
    use_color,
    write_or_echo,
    write_or_print_bytes,
)
from monitor.config import Config
from monitor.store import read
from monitor.views import terminal


@cli.command()
@json_option
@needs_config
def status(config: Config, as_json: bool) -> None:
    """Per document: last fetch and its outcome, number of versions, last change."""
    rows = read.status(open_existing(config))
    emit_json(rows) if as_json else click.echo(terminal.status_table(rows))


@cli.command()
@click.argument("document")
@json_option
@needs_config
def versions(config: Config, document: str, as_json: bool) -> None:
    """List the versions of DOCUMENT, oldest first."""
    config.document(document)
    rows = [terminal.version_dict(v) for v in read.versions(open_existing(config), document)]
    emit_json(rows) if as_json else click.echo(terminal.versions_table(rows))


@cli.command()
@click.argument("document")
@click.argument("version", required=False, type=VERSION)
@click.option("--raw", is_flag=True,
              help="The raw page the version was read from, byte for byte as kept (HTML, or the PDF file), "
                   "not its text.")
@out_option
@needs_config
def show(config: Config, document: str, version: str | None, raw: bool, out: Path | None) -> None:
    """Print the text of a version of DOCUMENT: the latest by default, or VERSION, an id of DOCUMENT or a date
    YYYY-MM-DD (the version first seen by the end of that day) or an ISO-8601 time. With --raw, the page it
    was read from instead, exactly as kept."""
    config.document(document)
    db = open_existing(config)
    found = read.resolve_version(db, document, version)
    if raw:
        write_or_print_bytes(read.raw_page(db, found), out, f"the raw page of version {found.id}")
    elif out is not None:
        write_or_echo(found.text + "\n", out)
    else:
        click.echo(found.text)


@cli.command()
@click.argument("document")
@json_option
@needs_config
def history(config: Config, document: str, as_json: bool) -> None:
    """A timeline of DOCUMENT: each version, and the change that led to it with its training/retention/access flags."""
    config.document(document)
    rows = read.history(open_existing(config), document)
    emit_json(rows) if as_json else click.echo(terminal.history_table(rows))


@cli.command()
@click.option("--document", metavar="ID", help="Only this document.")
@click.option("--since", type=DATE, metavar="DATE",
              help="Only changes detected on or after DATE (YYYY-MM-DD, or an ISO-8601 time; UTC if no offset).")
@click.option("--vendor", help="Only this vendor (case-insensitive).")
@click.option("--audience", type=click.Choice(["commercial", "consumer"]), help="Only this audience.")
@click.option("--training", is_flag=True, help="Only changes that touch training on customer data.")
@click.option("--retention", is_flag=True, help="Only changes that touch data retention.")
@click.option("--access", is_flag=True,
              help="Only changes that touch who can see or receive the data (human review, sharing, "
                   "government requests).")
@click.option("--all", "editorial", is_flag=True,
              help="Include editorial edits (case, punctuation, spelling, a date stamp): stored, never alerted.")
@json_option
@needs_config
def changes(config: Config, document, since, vendor, audience, training, retention, access, editorial,
            as_json) -> None:
    """Every recorded change of terms, newest first, with its training / retention / access flags and summary.

    Each row's "significance" is "substantive" (a change of terms) or, with --all, "editorial"."""
    if document is not None:
        config.document(document)  # an unknown id is an error, not "no changes"
    rows = read.changes(open_existing(config), document, since, training, retention, vendor, audience, editorial,
                         access)
    emit_json(rows) if as_json else click.echo(terminal.changes_table(rows))


@cli.command("diff")
@click.argument("document")
@click.argument("from_version", metavar="[FROM]", required=False, type=VERSION)
@click.argument("to_version", metavar="[TO]", required=False, type=VERSION)
@click.option("--format", "fmt", type=click.Choice(["text", "markdown", "html", "json"]), default="text",
              show_default=True, help="text is coloured on a terminal (unless NO_COLOR is set); html is a full page.")
@click.option("--training", is_flag=True, help="Only the changes that touch clauses about training on customer data.")
@click.option("--retention", is_flag=True, help="Only the changes that touch clauses about data retention.")
@click.option("--access", is_flag=True,
              help="Only the changes that touch clauses about who can see or receive the data.")
@needs_config
def diff_command(config: Config, document: str, from_version, to_version, fmt: str, training: bool, retention: bool,
                 access: bool) -> None:
    """Show what changed in DOCUMENT: the latest change by default, or FROM → TO (ids or dates; TO defaults to current).

    With --training, --retention or --access, only the changes whose old or new wording holds such a clause."""
    from monitor.app.reading import compare
    from monitor.views.comparison import diff_document, diff_json

    config.document(document)
    comparison = compare(open_existing(config), document, from_version, to_version)
    topics = chosen_topics(training, retention, access)
    if fmt == "json":
        emit_json(diff_json(comparison, topics))
    else:
        click.echo(diff_document(comparison, fmt, topics, use_color()))


@cli.command()
@click.argument("document")
@click.option("--training", is_flag=True, help="Only clauses about training on customer data.")
@click.option("--retention", is_flag=True, help="Only clauses about data retention and deletion.")
@click.option("--access", is_flag=True, help="Only clauses about who can see or receive the data.")
@json_option
@needs_config
def clauses(config: Config, document: str, training: bool, retention: bool, access: bool, as_json: bool) -> None:
    """What the current version of DOCUMENT says about training, retention and access, clause by clause, with facts."""
    from monitor.app.reading import current_wording

    config.document(document)
    result = current_wording(open_existing(config), document, chosen_topics(training, retention, access) or None)
    emit_json(result) if as_json else click.echo(terminal.clauses_text(result))


@cli.command()
@click.argument("vendors", nargs=-1, metavar="[VENDOR]...")
@click.option("--since", type=DATE, metavar="DATE", help="Also what changed in the answers since DATE.")
@click.option("--agreement", "agreement_id", metavar="ID",
              help="Only the documents of this agreement, with what changed since it was signed (its drift).")
@click.option("--format", "fmt", type=click.Choice(["text", "markdown", "html"]), default="text", show_default=True)
@json_option
@out_option
@needs_config
def answers(config: Config, vendors: tuple[str, ...], since: str | None, agreement_id: str | None, fmt: str,
            as_json: bool, out: Path | None) -> None:
    """What each vendor's documents say today about training, retention and access, commercial and consumer
    side by side, each answer with the clause it rests on and the date that wording was first seen."""
    from monitor.timeutil import utc_now
    from monitor.views.answers import answer_sheet, answers_document

    result = answer_sheet(open_existing(config), config, vendors, since, agreement_id,
                          config.report.base_url or None)
    write_or_echo(answers_document(result, "json" if as_json else fmt, utc_now()), out)
