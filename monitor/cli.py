"""The termwatch command line: a click group whose commands parse options, call the core and print.

Exit codes: 0 done (changes or not), 1 error (config, database, lock), 2 usage, 3 finished, but at
least one fetch failed or one alert could not be delivered.
"""

from __future__ import annotations

import functools
import json
import os
import sys
from dataclasses import asdict, replace
from pathlib import Path

import click

from monitor import __version__
from monitor.config import Config, CrawlConfig, config_path, default_format, load
from monitor.errors import ConfigError, TermwatchError
from monitor.models import Document, Unusable
from monitor.redact import install_log_redaction, log_to_file, redact
from monitor.store import read
from monitor.store.db import open_db, run_lock
from monitor.store.outbox import deliveries, drop_deliveries, retry_failed
from monitor.timeutil import parse_version, parse_when
from monitor.views import terminal

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
    from monitor.app.run import run as run_pipeline

    if log_file is not None:
        log_to_file(log_file, config.secrets)
    if quiet or verbose or as_json or not sys.stderr.isatty():
        summary = run_pipeline(config, only, verbose)
    else:
        total = len(only) if only else len(config.documents)
        with click.progressbar(length=total, label="Fetching", file=sys.stderr,
                               item_show_func=lambda doc: doc) as bar:
            summary = run_pipeline(config, only, verbose, progress=lambda doc: bar.update(1, doc))
    incomplete = summary.failed or summary.alerts["failed"]
    if as_json:
        emit_json(asdict(summary))
    elif not quiet or incomplete or summary.changes:
        done, problems = terminal.run_summary(summary)
        click.echo(done)
        if problems:
            click.echo(problems, err=True)
    if incomplete:
        sys.exit(EXIT_INCOMPLETE)


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
        emit_json({"config": str(config_path(ctx.find_root().params["config_path"])), "ok": False,
                   "problems": str(err).splitlines()})
        sys.exit(1)
    result = {"config": str(config.path), "ok": True, "documents": len(config.documents),
              "agreements": len(config.agreements), "channels": len(config.channels)}
    emit_json(result) if as_json else click.echo(
        f"{config.path}: ready: {result['documents']} documents, {result['agreements']} agreements, "
        f"{result['channels']} alert channels")


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
@click.option("--out", type=click.Path(dir_okay=False, path_type=Path), help="Write to FILE instead of printing.")
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
    from monitor.app.run import preview
    from monitor.text.normalise import normalise

    config_file = Path(ctx.find_root().params["config_path"])
    is_url = target.startswith(("http://", "https://"))
    ctx.obj = load(config_file) if config_file.exists() or not is_url else None
    install_log_redaction(ctx.obj.secrets if ctx.obj else (), verbose)
    crawl = ctx.obj.crawl if ctx.obj else CrawlConfig()
    doc = (Document("extract", "", "commercial", "", target, format=default_format(target)) if is_url
           else ctx.obj.document(target))
    doc = replace(doc, select=select or doc.select, remove=remove or doc.remove)
    result, text = preview(doc, crawl, verbose)
    if isinstance(result, Unusable):
        if text:
            click.echo(normalise(text) if normalised else text)
        click.echo(redact(f"{doc.url}: not usable: {result.reason}", ctx.obj.secrets if ctx.obj else ()), err=True)
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

    from monitor.analysis.diff import diff_texts
    from monitor.app import demo as tour
    from monitor.app.agreements import drift_report
    from monitor.views import formats

    workdir = workdir or Path(tempfile.mkdtemp(prefix="termwatch-demo-"))
    if tour.prepare(workdir):
        click.echo(f"Starting over in {workdir}: removed the earlier demo's config and database.", err=True)
    received: list[dict] = []
    click.echo(f"Replaying {len(tour.snapshots())} real snapshots of Anthropic's privacy policy "
               "(Open Terms Archive, ODC-By 1.0), one `termwatch run` each:")
    for snap, summary in tour.replay(workdir, received):
        click.echo(terminal.demo_step(snap, summary))
    config = load(workdir / "config.toml")
    db = open_existing(config)
    click.echo("\nRecorded changes (termwatch changes):\n" + terminal.changes_table(read.changes(db)))
    old, new = read.version_pair(db, "anthropic-privacy-policy", None, None)
    hunks = [h for h in diff_texts(old.text, new.text) if "train" in (h.old + h.new).lower()][:3]
    click.echo("\nThe change, where it speaks of training (termwatch diff):\n" + formats.diff_text(hunks, use_color()))
    click.echo("\nDrift of the agreement (termwatch drift):\n" + terminal.drift_text(drift_report(db, config)))
    click.echo(f"\nAlerts delivered to the local webhook: {len(received)}")
    for alert in received:
        click.echo(f"  {alert.get('title')}")
    click.echo(f"\nExplore it: termwatch --config {workdir / 'config.toml'} changes")


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

    report = send_test(open_db(config.storage.database), config, channel)
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
    from monitor.alerts.deliver import deliver
    from monitor.timeutil import utc_now

    # The run lock: a run delivering at the same time would send the same alerts again.
    with run_lock(config.storage.database):
        db = open_existing(config)
        retry_failed(db, utc_now())
        report = deliver(db, config, utc_now())
    emit_json(asdict(report)) if as_json else click.echo(terminal.delivery_text(report))
    if report.failed:
        sys.exit(EXIT_INCOMPLETE)


@outbox.command("drop")
@click.argument("events", nargs=-1, type=int, metavar="[EVENT]...")
@click.option("--channel", metavar="ID", help="Every undelivered alert of this channel.")
@json_option
@needs_config
def outbox_drop(config: Config, events: tuple[int, ...], channel: str | None, as_json: bool) -> None:
    """Give up undelivered alerts: the deliveries of these EVENT ids (see `termwatch outbox`), or of a channel.

    They are closed as "dropped" and never tried again; sent ones are left as they are."""
    if not events and channel is None:
        raise TermwatchError("name the alerts to drop: EVENT ids from `termwatch outbox`, or --channel ID")
    from monitor.timeutil import utc_now

    with run_lock(config.storage.database):  # a run delivering meanwhile would send what is being dropped
        dropped = drop_deliveries(open_existing(config), events, channel, utc_now())
    emit_json({"dropped": dropped}) if as_json else click.echo(f"{dropped} undelivered alert deliveries dropped.")


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
    from monitor.analysis.classify import classify_change
    from monitor.analysis.diff import diff_texts
    from monitor.views import formats

    config.document(document)
    old, new = read.version_pair(open_existing(config), document, from_version, to_version)
    hunks, empty = diff_texts(old.text, new.text), "No wording changes."
    pairs = classify_change(old.text, new.text, hunks).clauses
    topics = {name for name, on in (("training", training), ("retention", retention), ("access", access)) if on}
    if topics:
        hunks = formats.hunks_about(hunks, old.text, new.text, topics)
        empty = formats.no_changes_about(topics, old.id, new.id)
        pairs = [p for p in pairs if topics & set(p["labels"])]
    if fmt == "json":
        emit_json({"document": document, "from_version": old.id, "to_version": new.id, "clauses": pairs,
                   "hunks": formats.diff_json(hunks)})
    elif fmt == "markdown":
        click.echo(formats.pairs_markdown(pairs) + formats.diff_markdown(hunks, empty))
    elif fmt == "html":
        click.echo(formats.diff_html(hunks, f"{document}: version {old.id} → {new.id}", empty, pairs))
    elif topics and not hunks:
        click.echo(empty)
    else:
        click.echo(f"{document}: version {old.id} ({old.first_seen}) → {new.id} ({new.first_seen})")
        if pairs:
            click.echo(terminal.pairs_text(pairs) + "\n")
        click.echo(formats.diff_text(hunks, use_color()))


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
@click.argument("document")
@click.option("--training", is_flag=True, help="Only clauses about training on customer data.")
@click.option("--retention", is_flag=True, help="Only clauses about data retention and deletion.")
@click.option("--access", is_flag=True, help="Only clauses about who can see or receive the data.")
@json_option
@needs_config
def clauses(config: Config, document: str, training: bool, retention: bool, access: bool, as_json: bool) -> None:
    """What the current version of DOCUMENT says about training, retention and access, clause by clause, with facts."""
    from monitor.analysis.clauses import current_clauses
    from monitor.analysis.facts import FACT_TOPIC, facts

    config.document(document)
    text = read.resolve_version(open_existing(config), document, None).text
    only = {flag for flag, on in (("training", training), ("retention", retention), ("access", access)) if on} or None
    found = [{"heading": c.heading, "text": c.text, "labels": sorted(c.labels), "evidence": list(c.evidence)}
             for c in current_clauses(text, only)]
    stated = [{"kind": f.kind, "subject": f.subject, "value": f.value, "clause": f.clause} for f in facts(text)
              if only is None or FACT_TOPIC[f.kind] in only]
    result = {"document": document, "clauses": found, "facts": stated}
    emit_json(result) if as_json else click.echo(terminal.clauses_text(result))


# --- data out and in, scheduling ----------------------------------------------------------------


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


out_option = click.option("--out", type=click.Path(dir_okay=False, path_type=Path),
                          help="Write to FILE instead of printing.")


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
    from monitor.views import export as exports

    db = open_existing(config)
    rows = read.changes(db) if what == "changes" else drift_report(db, config)
    csv_of = exports.changes_csv if what == "changes" else exports.drift_csv
    write_or_echo(exports.to_json(rows) if fmt == "json" else csv_of(rows), out)


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


@cli.command()
@click.option("--every", required=True, metavar="DURATION",
              help="How often to run: 30m, 6h, 1d… (minutes dividing 60, hours dividing 24, or 1d).")
@needs_config(check=True)
def schedule(config: Config, every: str) -> None:
    """Print a crontab line and a systemd service + timer that run `termwatch run --quiet` with this config."""
    import socket

    from monitor.views.schedule import installed_command, parse_every, schedule_text, spread_minute

    interval = parse_every(every)
    command = [*installed_command(sys.executable), "--config", str(config.path), "run", "--quiet"]
    log = config.path.with_name("termwatch.log")  # beside the config: the shell opens it before termwatch runs
    minute = spread_minute(f"{socket.gethostname()}:{config.path.resolve()}")
    click.echo(schedule_text(interval, command, config.path, config.path.parent, log, minute), nl=False)


# --- the static report and Atom feeds -----------------------------------------------------------


@cli.command()
@click.option("--out", required=True, type=click.Path(file_okay=False, path_type=Path),
              help="Folder to write the site into (created if missing; an earlier report there is replaced, "
                   "other files are left alone).")
@needs_config
def report(config: Config, out: Path) -> None:
    """Write a static HTML report: vendors and documents, each document's timeline, each change's diff,
    each agreement's drift, and Atom feeds. Self-contained: open OUT/index.html, or put OUT on any static host.
    """
    from monitor.timeutil import utc_now
    from monitor.views.report import write_report

    written = write_report(open_existing(config), config, out, utc_now())
    click.echo(f"Wrote {len(written)} files to {out}; open {out / 'index.html'}", err=True)


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
    from monitor.views.answers import answer_sheet

    result = answer_sheet(open_existing(config), config, vendors, since, agreement_id,
                          config.report.base_url or None)
    if as_json:
        text = json.dumps(result, indent=2, ensure_ascii=False) + "\n"
    elif fmt == "html":
        from monitor.views import templating

        title = f"Agreement {agreement_id}: what the terms say" if agreement_id else "What the terms say"
        text = templating.render("answers.html", result | {"title": title, "generated": utc_now()[:10],
                                                           "standalone": True})
    else:
        text = terminal.answers_markdown(result) if fmt == "markdown" else terminal.answers_text(result) + "\n"
    write_or_echo(text, out)


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
