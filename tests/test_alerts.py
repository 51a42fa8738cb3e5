"""Alerts with real receivers on 127.0.0.1: aiosmtpd for mailto://, an HTTP server for json:// and mmost://.

Nothing is mocked: events go through the SQLite outbox, apprise and a loopback socket, and the tests
assert on what the receivers got, what the outbox recorded and what the CLI printed.
"""

from __future__ import annotations

import json
from datetime import datetime, timedelta
from html.parser import HTMLParser

import pytest

from conftest import document_toml, run_termwatch
from monitor.alerts import deliver, messages
from monitor.config import Channel, load, parse
from monitor.errors import ConfigError
from monitor.models import Document, Event
from monitor.store import outbox
from monitor.store.db import open_db
from receivers import SmtpReceiver, WebhookReceiver

NOW = "2026-03-02T09:00:00+00:00"
DOC = Document("acme-terms", "Acme AI", "commercial", "Terms of Service", "http://127.0.0.1:9/terms")
SECRET = "tw-Secret-7f3e91c2d4"

HOSTILE_SCRIPT = "<script>alert(1)</script>"
HOSTILE_IMG = "<img src=x onerror=alert(1)>"
HOSTILE_LINK = '<a href="javascript:alert(1)">read the new terms</a>'

OUTBOX_KEYS = {
    "event", "kind", "key", "created_at", "document", "vendor", "agreement", "training", "retention", "access",
    "subject", "channel", "destination", "target", "status", "attempts", "last_error", "next_attempt_at", "sent_at",
}


@pytest.fixture
def smtp():
    with SmtpReceiver() as receiver:
        yield receiver


def later(now: str, **delta) -> str:
    return (datetime.fromisoformat(now) + timedelta(**delta)).isoformat(timespec="seconds")


def hostile_change(training: bool = True, retention: bool = False) -> dict:
    return {
        "training": training,
        "retention": retention,
        "access": False,
        "summary": "Customer content may now be used to train models.",
        "facts": [{"kind": "training", "subject": "Training on customer content",
                   "before": "never without opt-in", "after": f"by default {HOSTILE_IMG}"}],
        "clauses": [
            {"op": "changed", "heading": f"Use of Content {HOSTILE_SCRIPT}", "from_heading": None,
             "before": f"We never use Customer Content to train our models. {HOSTILE_LINK}",
             "after": f"We may use Customer Content to train our models. {HOSTILE_SCRIPT} {HOSTILE_IMG} {HOSTILE_LINK}",
             "labels": ["training"], "evidence": ["train our models"],
             "words": [[0, "We "], [-1, "never"], [1, "may"], [0, " use Customer Content to train our models. "],
                       [1, f"{HOSTILE_SCRIPT} {HOSTILE_IMG} "], [0, HOSTILE_LINK]]},
        ],
        "id": 7, "from_version": 1, "to_version": 2,
    }


def change(key: str = "change:acme-terms:1", now: str = NOW, **flags) -> dict:
    return messages.change_event(DOC, hostile_change(**flags), key, now)


def config_with(write_config, *channels: str, environ: dict | None = None):
    """A config.toml in tmp_path with one document and the given [[alerts]] tables; returns (path, Config)."""
    path = write_config(document_toml(DOC.id, DOC.url, vendor=DOC.vendor, type_=DOC.type), extra="\n".join(channels))
    return path, load(path, environ=environ or {})


def channel_toml(channel_id: str, *urls: str, events=None) -> str:
    lines = ["[[alerts]]", f'id = "{channel_id}"', "urls = " + json.dumps(list(urls))]
    if events is not None:
        lines.append("events = " + json.dumps(list(events)))
    return "\n".join(lines) + "\n"


def enqueue(db, config, event: dict) -> list[int]:
    return outbox.enqueue(db, [deliver.route(event, config.channels, config.secrets)])


def outbox_row(db) -> dict:
    rows = outbox.deliveries(db)
    assert len(rows) == 1, rows
    return rows[0]


class Markup(HTMLParser):
    """What a browser would see in an HTML body: its tags with attributes, and its visible text."""

    def __init__(self, html: str):
        super().__init__(convert_charrefs=True)
        self.tags: list[tuple[str, dict]] = []
        self.text: list[str] = []
        self.feed(html)
        self.close()

    def handle_starttag(self, tag, attrs):
        self.tags.append((tag, dict(attrs)))

    def handle_data(self, data):
        self.text.append(data)

    @property
    def visible(self) -> str:
        return "".join(self.text)


# --- config ------------------------------------------------------------------------------------

BASE_TOML = document_toml(DOC.id, DOC.url, vendor=DOC.vendor, type_=DOC.type)


def test_an_unusable_apprise_url_is_a_one_line_error_naming_its_key(tmp_path):
    text = BASE_TOML + channel_toml("ops", "json://127.0.0.1:8/ok", "notaservice://127.0.0.1/x")
    with pytest.raises(ConfigError) as err:
        parse(text, tmp_path / "config.toml", environ={})
    message = str(err.value)
    assert "\n" not in message
    assert message.startswith(f"{tmp_path / 'config.toml'}: alerts[0].urls[1]: ")
    assert "notaservice://" in message


def test_a_secret_in_an_unusable_url_never_appears_in_the_error(tmp_path):
    text = BASE_TOML + channel_toml("ops", "notaservice://user:${TW_TEST_TOKEN}@127.0.0.1/x")
    with pytest.raises(ConfigError) as err:
        parse(text, tmp_path / "config.toml", environ={"TW_TEST_TOKEN": SECRET})
    message = str(err.value)
    assert "alerts[0].urls[0]" in message
    assert SECRET not in message
    assert "****" in message


def test_an_unset_secret_names_the_variable_and_the_key(tmp_path):
    text = BASE_TOML + channel_toml("ops", "json://user:${TW_TEST_TOKEN}@127.0.0.1:8/hook")
    with pytest.raises(ConfigError, match=r"alerts\[0\]\.urls\[0\]: environment variable TW_TEST_TOKEN is not set"):
        parse(text, tmp_path / "config.toml", environ={})


def test_secrets_from_env_are_resolved_into_urls_and_collected(tmp_path):
    text = BASE_TOML + channel_toml("ops", "json://user:${TW_TEST_TOKEN}@127.0.0.1:8/hook")
    config = parse(text, tmp_path / "config.toml", environ={"TW_TEST_TOKEN": SECRET})
    assert config.channels[0].urls == (f"json://user:{SECRET}@127.0.0.1:8/hook",)
    assert config.secrets == {SECRET}


# --- wants and route ------------------------------------------------------------------------------


def event(kind: str, document: str | None = "acme-terms", vendor: str | None = "Acme AI",
          training: bool = False, retention: bool = False, access: bool = False) -> Event:
    return Event(kind, f"{kind}:x", NOW, "subject", "text", "<p>html</p>", "short", document, vendor, None, training,
                 retention, access)


WANTS = [
    ("every event by default", Channel("c", ("json://x",)), event("change"), True),
    ("kind not listed", Channel("c", ("json://x",), events=("drift",)), event("change"), False),
    ("kind listed", Channel("c", ("json://x",), events=("drift", "fetch-failure")), event("fetch-failure"), True),
    ("test alerts always pass", Channel("c", ("json://x",), events=("drift",)), event("test", None, None), True),
    ("document filter hit", Channel("c", ("json://x",), documents=("acme-terms",)), event("change"), True),
    ("document filter miss", Channel("c", ("json://x",), documents=("other",)), event("change"), False),
    ("vendor filter ignores case", Channel("c", ("json://x",), vendors=("ACME ai",)), event("drift"), True),
    ("vendor filter miss", Channel("c", ("json://x",), vendors=("Other AI",)), event("drift"), False),
    ("only training: change without it", Channel("c", ("json://x",), only=("training",)),
     event("change", retention=True), False),
    ("only training: change with it", Channel("c", ("json://x",), only=("training",)),
     event("change", training=True), True),
    ("only training: drift without it", Channel("c", ("json://x",), only=("training",)), event("drift"), False),
    ("only training: renewal with it", Channel("c", ("json://x",), only=("training",)),
     event("renewal", document=None, training=True), True),
    ("only training: renewal without it", Channel("c", ("json://x",), only=("training",)),
     event("renewal", document=None), False),
    ("only does not apply to fetch-failure", Channel("c", ("json://x",), only=("training",)),
     event("fetch-failure"), True),
    ("only training or retention", Channel("c", ("json://x",), only=("training", "retention")),
     event("drift", retention=True), True),
    ("filters combine", Channel("c", ("json://x",), events=("change",), vendors=("Acme AI",), only=("retention",)),
     event("change", training=True), False),
    ("only access: change with it", Channel("c", ("json://x",), only=("access",)), event("change", access=True), True),
    ("only access: change with training only", Channel("c", ("json://x",), only=("access",)),
     event("change", training=True), False),
]


@pytest.mark.parametrize("name, channel, evt, expected", WANTS, ids=[w[0] for w in WANTS])
def test_wants(name, channel, evt, expected):
    assert deliver.wants(channel, evt) is expected


def test_route_makes_one_delivery_per_url_of_each_wanting_channel_with_private_targets():
    channels = (
        Channel("email", ("mailto://alerts:pw@127.0.0.1:2525?from=tw@example.test&to=buyer@example.test",),
                events=("change",)),
        Channel("hooks", (f"json://user:{SECRET}@127.0.0.1:8/a", f"json://127.0.0.1:8/b/{SECRET}")),
        Channel("drift-only", ("json://127.0.0.1:8/c",), events=("drift",)),
    )
    evt, deliveries = deliver.route(change(), channels, [SECRET])
    assert [(d["channel"], d["destination"]) for d in deliveries] == [("email", 0), ("hooks", 0), ("hooks", 1)]
    targets = [d["target"] for d in deliveries]
    assert targets[0].startswith("mailto://alerts:****@127.0.0.1:2525")
    assert targets[1].startswith("json://user:****@127.0.0.1:8/a")
    assert all(SECRET not in t for t in targets)


# --- backoff -------------------------------------------------------------------------------------


@pytest.mark.parametrize("attempts, wait", [
    (1, timedelta(0)),
    (2, timedelta(minutes=5)),
    (3, timedelta(minutes=10)),
    (4, timedelta(minutes=20)),
    (7, timedelta(minutes=160)),
    (8, timedelta(minutes=320)),
    (9, timedelta(hours=6)),
    (41, timedelta(hours=6)),  # a destination down for about eight days of cron runs
    (1000, timedelta(hours=6)),
])
def test_backoff(attempts, wait):
    assert deliver.backoff(attempts) == wait


# --- email ---------------------------------------------------------------------------------------


def test_email_end_to_end_subject_both_bodies_recipients_and_escaped_html(write_config, smtp):
    _, config = config_with(write_config, channel_toml(
        "legal", smtp.url("legal@buyer.example,cto@buyer.example", sender="termwatch@buyer.example")))
    db = open_db(config.storage.database)
    assert enqueue(db, config, change())

    report = deliver.deliver(db, config, NOW)

    assert (report.sent, report.failed) == (1, 0), report.errors
    assert smtp.logins == [(smtp.user, smtp.password, True)]
    assert sorted(r for m in smtp.messages for r in m.rcpt_tos) == ["cto@buyer.example", "legal@buyer.example"]
    assert {m.mail_from for m in smtp.messages} == {"termwatch@buyer.example"}
    mail = smtp.messages[0].message
    subject = mail["Subject"]
    assert "Acme AI" in subject and "Terms of Service" in subject and "training" in subject
    assert "retention" not in subject
    assert mail.get_content_type() == "multipart/alternative"
    parts = {part.get_content_type(): part.get_content() for part in mail.iter_parts()}
    assert set(parts) == {"text/plain", "text/html"}

    plain, html = parts["text/plain"], parts["text/html"]
    assert "We may use Customer Content to train our models." in plain
    assert "never without opt-in" in plain and "by default" in plain

    assert "<script" not in html.lower()
    assert "<img" not in html.lower()
    markup = Markup(html)
    tag_names = {tag for tag, _ in markup.tags}
    assert not tag_names & {"script", "img", "a", "iframe", "object"}, tag_names
    assert not [(t, a) for t, a in markup.tags for name in a if name.lower().startswith("on")]
    assert not [(t, a) for t, a in markup.tags for value in a.values() if "javascript:" in (value or "").lower()]
    # The hostile text is shown as text, not dropped: a reader sees exactly what the page said.
    for hostile in (HOSTILE_SCRIPT, HOSTILE_IMG, HOSTILE_LINK):
        assert hostile in markup.visible
    assert "Unlabelled wording" not in markup.visible
    assert outbox_row(db)["status"] == "sent"


# --- webhooks ------------------------------------------------------------------------------------


def test_json_webhook_gets_title_and_full_text_and_mattermost_gets_the_short_form(write_config, hook):
    _, config = config_with(
        write_config,
        channel_toml("hook", f"json://{hook.base}/hook"),
        channel_toml("chat", f"mmost://{hook.base}/chattoken"),
    )
    db = open_db(config.storage.database)
    evt = change()
    enqueue(db, config, evt)

    report = deliver.deliver(db, config, NOW)

    assert (report.sent, report.failed) == (2, 0), report.errors
    by_path = {r.path: r for r in hook.requests}
    assert set(by_path) == {"/hook", "/hooks/chattoken"}
    body = by_path["/hook"].json
    assert body["title"] == evt.subject
    assert body["message"] == evt.text
    assert "    before: We [-never-] use Customer Content to train our models." in body["message"]
    assert "    after:  We {+may+} use Customer Content to train our models." in body["message"]

    chat = by_path["/hooks/chattoken"].json["text"]
    assert evt.short in chat
    assert "Customer content may now be used to train models." in chat
    assert "after:  We {+may+} use Customer Content" in chat  # the one clause fits: nothing to shorten
    assert "more clause" not in chat and "<table" not in chat
    assert {r["status"] for r in outbox.deliveries(db)} == {"sent"}


def test_a_brief_alert_leads_with_training_and_retention_and_says_how_many_more_with_a_link():
    def pair(label: str, n: int) -> dict:
        return {"op": "added", "heading": "", "from_heading": None, "before": None, "after": f"{label} clause {n}.",
                "labels": [label], "evidence": [], "words": []}

    clauses = [pair("access", 1), pair("access", 2), pair("retention", 3), pair("access", 4), pair("training", 5)]
    change = hostile_change() | {"clauses": clauses, "summary": "Training, retention and access: 5 clauses changed."}
    linked = messages.change_event(DOC, change, "change:x", NOW, "https://reports.example/terms/")
    lines = linked.short.splitlines()
    assert [line for line in lines if line.startswith("    after:")] == [
        "    after:  retention clause 3.", "    after:  training clause 5.", "    after:  access clause 1."]
    assert lines[-1] == "2 more clauses: https://reports.example/terms/change-7.html"
    # The email and the webhook text are not brief: every clause is there, and the link to the change.
    assert all(f"clause {n}." in linked.text for n in range(1, 6))
    assert all(f"clause {n}." in linked.html for n in range(1, 6))
    assert 'href="https://reports.example/terms/change-7.html"' in linked.html
    # Without a published report, the command that shows the whole change.
    unlinked = messages.change_event(DOC, change, "change:x", NOW)
    assert unlinked.short.splitlines()[-1] == "2 more clauses: termwatch diff acme-terms 1 2"


def test_drift_and_renewal_alerts_carry_the_pairs_and_point_to_the_agreement():
    import datetime as dt

    from monitor.analysis.drift import Baseline, Finding
    from monitor.config import Agreement

    def pair(label: str, n: int) -> dict:
        return {"op": "changed", "heading": "", "from_heading": None, "before": f"{label} clause {n} old.",
                "after": f"{label} clause {n} new.", "labels": [label], "evidence": [],
                "words": [[0, f"{label} clause {n} "], [-1, "old"], [1, "new"], [0, "."]]}

    clauses = [pair("access", 1), pair("access", 2), pair("retention", 3), pair("access", 4), pair("training", 5)]
    agreement = Agreement("msa", "Acme AI", ("acme-terms",), dt.date(2026, 1, 1), dt.date(2026, 12, 1))
    finding = Finding("msa", "acme-terms", Baseline("signed-on", "old", 1, "version 1, in force on 2026-01-01"), 2,
                      True, True, True, True, "Training, retention and access: 5 clauses changed.", [], clauses)
    drift = messages.drift_event(agreement, DOC, finding, NOW, "https://reports.example/terms/")
    lines = drift.short.splitlines()
    assert lines[0] == finding.summary
    assert [line for line in lines if line.startswith("    after:")][:2] == [
        "    after:  retention clause 3 {+new+}.", "    after:  training clause 5 {+new+}."]
    assert lines[-1] == "2 more clauses: https://reports.example/terms/agreement-msa.html"
    assert all(f"clause {n} {{+new+}}." in drift.text for n in range(1, 6))
    assert 'href="https://reports.example/terms/agreement-msa.html"' in drift.html
    assert messages.drift_event(agreement, DOC, finding, NOW).short.splitlines()[-1] == (
        "2 more clauses: termwatch drift msa --diff")
    renewal = messages.renewal_event(agreement, 30, [finding], NOW)
    assert all(f"clause {n} {{+new+}}." in renewal.text for n in range(1, 6))
    assert renewal.short.splitlines()[-1] == "2 more clauses: termwatch drift msa --diff"


# --- failure, recovery, exactly once ---------------------------------------------------------------


def take_down(receiver: WebhookReceiver, how: str) -> None:
    if how == "500":
        receiver.down = True
    else:
        receiver.stop()


def bring_up(receiver: WebhookReceiver, how: str) -> None:
    if how == "500":
        receiver.down = False
    else:
        receiver.start()


@pytest.mark.parametrize("how, error_says", [("500", "500"), ("stopped", "connection error")])
def test_failure_then_recovery_delivers_exactly_once(write_config, hook, how, error_says):
    _, config = config_with(write_config, channel_toml("hook", f"json://{hook.base}/hook"))
    db = open_db(config.storage.database)
    enqueue(db, config, change())
    take_down(hook, how)

    first = deliver.deliver(db, config, NOW)

    assert (first.sent, first.failed) == (0, 1)
    row = outbox_row(db)
    assert row["status"] == "failed" and row["attempts"] == 1 and row["sent_at"] is None
    assert error_says in row["last_error"].lower()
    assert first.errors[0]["error"] == row["last_error"]
    assert row["next_attempt_at"] == NOW  # the first retry waits for nothing but the next run
    assert hook.requests == []

    bring_up(hook, how)
    second = deliver.deliver(db, config, later(NOW, minutes=1))
    third = deliver.deliver(db, config, later(NOW, hours=7))

    assert (second.sent, second.failed) == (1, 0)
    assert (third.sent, third.failed) == (0, 0)
    assert len(hook.requests) == 1
    row = outbox_row(db)
    assert (row["status"], row["attempts"], row["sent_at"]) == ("sent", 2, later(NOW, minutes=1))


def test_repeated_failures_back_off_until_retried(write_config, hook):
    _, config = config_with(write_config, channel_toml("hook", f"json://{hook.base}/hook"))
    db = open_db(config.storage.database)
    enqueue(db, config, change())
    hook.down = True

    deliver.deliver(db, config, NOW)
    deliver.deliver(db, config, NOW)
    assert outbox_row(db)["next_attempt_at"] == later(NOW, minutes=5)
    assert len(hook.refused) == 2

    # Not due yet: nothing is attempted.
    assert deliver.deliver(db, config, later(NOW, minutes=4)) == deliver.DeliveryReport(0, 0, [])
    assert len(hook.refused) == 2

    hook.down = False
    assert outbox.retry_failed(db, later(NOW, minutes=4)) == 1
    assert deliver.deliver(db, config, later(NOW, minutes=4)).sent == 1
    assert len(hook.requests) == 1 and outbox_row(db)["attempts"] == 3


def test_the_same_event_key_is_stored_once(write_config, hook):
    _, config = config_with(write_config, channel_toml("hook", f"json://{hook.base}/hook"))
    db = open_db(config.storage.database)

    assert len(enqueue(db, config, change("change:acme-terms:7"))) == 1
    assert enqueue(db, config, change("change:acme-terms:7", now=later(NOW, hours=1))) == []

    assert db["events"].count == 1 and db["deliveries"].count == 1
    assert deliver.deliver(db, config, NOW).sent == 1
    assert len(hook.requests) == 1


def test_a_sent_delivery_is_never_resent_by_outbox_retry(write_config, hook):
    path, config = config_with(write_config, channel_toml("hook", f"json://{hook.base}/hook"))
    db = open_db(config.storage.database)
    enqueue(db, config, change())
    assert deliver.deliver(db, config, NOW).sent == 1

    assert outbox.retry_failed(db, later(NOW, hours=1)) == 0
    result = run_termwatch(path, "outbox", "retry", "--json", timeout=60)

    assert result.code == 0, result.stderr
    assert result.json() == {"sent": 0, "failed": 0, "errors": []}
    assert len(hook.requests) == 1
    assert outbox_row(db)["attempts"] == 1


# --- secrets -------------------------------------------------------------------------------------


def test_a_secret_in_a_failing_url_reaches_neither_the_database_nor_any_output(write_config, hook):
    env = {"TW_TEST_TOKEN": SECRET}
    path, config = config_with(
        write_config, channel_toml("hook", f"json://user:${{TW_TEST_TOKEN}}@{hook.base}/hook/${{TW_TEST_TOKEN}}"),
        environ=env,
    )
    assert config.secrets == {SECRET}
    db = open_db(config.storage.database)
    enqueue(db, config, change())
    hook.down = True

    report = deliver.deliver(db, config, NOW)
    assert report.failed == 1
    listed = run_termwatch(path, "outbox", "--json", env=env, timeout=60)
    tested = run_termwatch(path, "alerts", "test", env=env, timeout=60)

    # The secret really was used on the wire (as the password and in the path), so its absence below means something.
    assert hook.refused and all(SECRET in r.path for r in hook.refused)
    assert listed.code == 0, listed.stderr
    assert tested.code == 3
    rows = listed.json()
    assert rows[0]["target"].startswith(f"json://user:****@{hook.base}/hook/****?")
    for text in (listed.stdout, listed.stderr, tested.stdout, tested.stderr, json.dumps(report.errors)):
        assert SECRET not in text
    db.close()
    files = sorted(config.storage.database.parent.glob(config.storage.database.name + "*"))
    assert config.storage.database in files
    for file in files:
        assert SECRET.encode() not in file.read_bytes(), file


# --- CLI -----------------------------------------------------------------------------------------


def test_cli_alerts_test_reaches_the_receiver(write_config, hook):
    path, _ = config_with(write_config, channel_toml("hook", f"json://{hook.base}/hook", events=["drift"]))

    result = run_termwatch(path, "alerts", "test", timeout=60)

    assert result.code == 0, result.stdout + result.stderr
    assert "1 delivered, 0 failed" in result.stdout
    assert len(hook.requests) == 1
    assert "Test alert" in hook.requests[0].json["title"]


def test_cli_alerts_test_with_the_receiver_down_exits_3_and_says_why(write_config, hook):
    path, _ = config_with(write_config, channel_toml("hook", f"json://{hook.base}/hook"))
    hook.down = True

    result = run_termwatch(path, "alerts", "test", "hook", timeout=60)

    assert result.code == 3
    assert "0 delivered, 1 failed" in result.stdout
    assert f"hook → json://{hook.base}/hook" in result.stdout
    assert "error=500" in result.stdout
    assert len(hook.refused) == 1


def test_cli_outbox_json_shape(write_config, hook):
    path, config = config_with(write_config, channel_toml("hook", f"json://{hook.base}/hook"))
    db = open_db(config.storage.database)
    enqueue(db, config, change())
    deliver.deliver(db, config, NOW)

    result = run_termwatch(path, "outbox", "--json", timeout=60)
    failed_only = run_termwatch(path, "outbox", "--status", "failed", "--json", timeout=60)

    assert result.code == 0, result.stderr
    rows = result.json()
    assert isinstance(rows, list) and len(rows) == 1
    row = rows[0]
    assert set(row) == OUTBOX_KEYS
    assert row | {"event": None, "target": None} == {
        "event": None, "kind": "change", "key": "change:acme-terms:1", "created_at": NOW, "document": "acme-terms",
        "vendor": "Acme AI", "agreement": None, "training": True, "retention": False, "access": False,
        "subject": change().subject, "channel": "hook", "destination": 0, "target": None, "status": "sent",
        "attempts": 1, "last_error": None, "next_attempt_at": None, "sent_at": NOW,
    }
    assert isinstance(row["event"], int)
    assert row["target"].startswith(f"json://{hook.base}/hook")
    assert failed_only.code == 0 and failed_only.json() == []


def test_alerts_test_for_one_channel_touches_no_other_channel_or_pending_alert(write_config):
    with WebhookReceiver() as tested, WebhookReceiver() as other:
        _, config = config_with(write_config, channel_toml("tested", f"json://{tested.base}/t"),
                                channel_toml("other", f"json://{other.base}/o"))
        db = open_db(config.storage.database)
        enqueue(db, config, change())  # a real alert waiting for both channels
        other.down = True

        report = deliver.send_test(db, config, "tested")

        assert (report.sent, report.failed, report.errors) == (1, 0, [])
        assert [r.json["title"] for r in tested.requests] == ["[termwatch] Test alert for channel tested"]
        assert other.refused == [] and other.requests == []


def test_each_alerts_test_sends_a_sample_even_twice_in_a_row(write_config, hook):
    _, config = config_with(write_config, channel_toml("hook", f"json://{hook.base}/hook"))
    db = open_db(config.storage.database)

    first = deliver.send_test(db, config, "hook")
    second = deliver.send_test(db, config, "hook")

    assert (first.sent, second.sent) == (1, 1)
    assert len(hook.requests) == 2
