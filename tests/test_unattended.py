"""Running from cron: no library log lines or tracebacks on stderr without -v, no retries of a name that does
not resolve or a port that refuses, and a summary that names the cause most failures share."""

from __future__ import annotations

from conftest import document_toml
from test_run import closed_port


def test_a_failing_run_keeps_stderr_for_termwatch_and_says_each_failure_once(write_config, termwatch):
    config = write_config(*(document_toml(f"doc{i}", f"http://127.0.0.1:{closed_port()}/terms") for i in range(3)))
    for flags in ((), ("-q",)):
        result = termwatch(config, "run", *flags)
        assert result.code == 3
        # stderr: one line per failed document and the common cause; no Scrapy ERROR lines, no traceback
        lines = result.stderr.splitlines()
        assert sorted(line.split(":")[0] for line in lines[:3]) == [f"failed   doc{i}" for i in range(3)]
        assert lines[3:] == ["all fetches failed with refused connections: behind a firewall or proxy? set https_proxy"]
        assert "documents: 3 fetched" in result.stdout


def test_a_refused_connection_is_not_retried_and_verbose_shows_the_crawl_log(write_config, termwatch):
    config = write_config(document_toml("down", f"http://127.0.0.1:{closed_port()}/terms"))
    config.write_text(config.read_text().replace("retries = 0", "retries = 3"))
    result = termwatch(config, "run", "-v")
    assert result.code == 3
    assert "scrapy" in result.stderr  # -v: the crawl's own log
    assert "Retrying" not in result.stderr and "Gave up retrying" not in result.stderr


def test_an_unresolvable_host_fails_once_with_a_dns_reason(write_config, termwatch):
    config = write_config(document_toml("nowhere", "http://termwatch-test.invalid/terms"),
                          document_toml("nowhere2", "http://termwatch-test-2.invalid/terms"))
    result = termwatch(config, "run", "--json")
    reasons = [f["reason"] for f in result.json()["failures"]]
    assert len(reasons) == 2 and all(r.startswith("fetch failed: DNS lookup failed") for r in reasons)
    verbose = termwatch(config, "run", "-v")
    assert "Retrying" not in verbose.stderr
    assert "all fetches failed with DNS errors: offline, or behind a proxy? set https_proxy" in verbose.stderr


def test_failures_of_different_causes_name_no_common_cause(pages, write_config, termwatch):
    pages.set("/gone", "<h1>Not here</h1>", status=404)
    config = write_config(document_toml("gone", pages.url("/gone")),
                          document_toml("down", f"http://127.0.0.1:{closed_port()}/terms"))
    result = termwatch(config, "run")
    assert result.code == 3 and "fetches failed with" not in result.stderr


def test_small_things_say_what_is_true(pages, write_config, termwatch):
    pages.set("/terms", "<html><body><main><h1>Terms</h1>" + "<p>We keep your data safe and never sell it.</p>" * 20
              + "</main></body></html>")
    config = write_config(document_toml("terms", pages.url("/terms")))
    assert termwatch(config, "run").code == 0
    unknown = termwatch(config, "changes", "--document", "nope")
    assert unknown.code == 1 and "no document with id 'nope'" in unknown.stderr
    assert termwatch(config, "outbox", "--status", "pending").stdout.strip() == "No pending deliveries."
    missed = termwatch(config, "extract", "terms", "--select", "article.terms")
    assert missed.code == 0 and "We keep your data safe" in missed.stdout
    assert "select article.terms matched nothing" in missed.stderr


def test_check_validates_selectors_and_alert_urls_without_a_request(pages, write_config, termwatch):
    good = write_config(document_toml("terms", pages.url("/terms")))
    result = termwatch(good, "check")
    assert result.code == 0 and "ready: 1 documents, 0 agreements, 0 alert channels" in result.stdout
    assert termwatch(good, "check", "--json").json()["ok"] is True
    bad = write_config(document_toml("terms", pages.url("/terms"), select=["main >"]))
    result = termwatch(bad, "check")
    assert result.code == 1 and "main >" in result.stderr and "Traceback" not in result.stderr
    assert len(result.stderr.strip().splitlines()) == 1
    assert pages.requests == []  # nothing was fetched


def test_check_lists_every_problem_one_line_each(pages, write_config, termwatch):
    config = write_config(document_toml("terms", pages.url("/terms"), select=["main >"]) + 'colour = "red"\n',
                          extra='[[alerts]]\nid = "hook"\nurls = ["nosuchscheme://x"]\nevents = ["changes"]\n')
    result = termwatch(config, "check")
    lines = result.stderr.strip().splitlines()
    assert result.code == 1 and "Traceback" not in result.stderr
    assert len(lines) == 4 and all(line.startswith(f"Error: {config}: ") for line in lines)
    assert ["documents[0].colour", "documents[0].select[0]", "alerts[0].urls[0]", "alerts[0].events[0]"] == [
        line.split(": ")[2] for line in lines]
    as_json = termwatch(config, "check", "--json")
    assert as_json.code == 1 and as_json.json()["ok"] is False
    assert as_json.json()["problems"] == [line.removeprefix("Error: ") for line in lines]
    assert pages.requests == []


def test_an_outbox_cannot_jam_on_a_removed_channel_or_a_failed_test(write_config, termwatch, pages):
    import json

    from receivers import WebhookReceiver

    pages.set("/terms", "<html><body><main><h1>Terms</h1>" + "<p>We keep your data safe and never sell it.</p>" * 20
              + "</main></body></html>")
    with WebhookReceiver() as hook:
        channel = f'[[alerts]]\nid = "hook"\nurls = {json.dumps([f"json://{hook.base}/hook"])}\n'
        config = write_config(document_toml("terms", pages.url("/terms")), extra=channel)
        hook.down = True
        tested = termwatch(config, "alerts", "test", "hook")
        assert tested.code == 3
        assert termwatch(config, "outbox", "--status", "undeliverable", "--json").json()[0]["kind"] == "test"
        hook.down = False
        first = termwatch(config, "run")
        assert first.code == 0, first.stdout  # the failed test is not retried by every run after it
        assert hook.requests == [] and len(hook.refused) == 1
    # A queued alert whose channel then leaves the config is dropped once, with its reason, then forgotten.
    from conftest import db_at
    from monitor.store import outbox
    db = db_at(config)
    db["deliveries"].update(1, {"status": "failed", "next_attempt_at": None})
    config.write_text(config.read_text().split("[[alerts]]")[0])
    dropped = termwatch(config, "run")
    assert dropped.code == 3 and "dropped: channel 'hook'" in dropped.stderr
    assert termwatch(config, "run").code == 0
    assert [r["status"] for r in outbox.deliveries(db)] == ["dropped"]


class ForwardProxy:
    """A forward HTTP proxy on 127.0.0.1 that sends every request, whatever its host, to one loopback server:
    a fetch of a name that resolves nowhere succeeds only through it."""

    def __init__(self, upstream_port: int):
        import http.client
        import threading
        from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
        from urllib.parse import urlsplit

        proxy = self
        self.seen: list[str] = []

        class Handler(BaseHTTPRequestHandler):
            def do_GET(self):
                proxy.seen.append(self.path)  # a forward proxy gets the absolute URL
                conn = http.client.HTTPConnection("127.0.0.1", upstream_port, timeout=10)
                conn.request("GET", urlsplit(self.path).path or "/")
                answer = conn.getresponse()
                body = answer.read()
                self.send_response(answer.status)
                self.send_header("Content-Type", answer.getheader("Content-Type") or "text/html")
                self.send_header("Content-Length", str(len(body)))
                self.end_headers()
                self.wfile.write(body)

            def log_message(self, *args):
                pass

        self.httpd = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.url = f"http://127.0.0.1:{self.httpd.server_port}"
        threading.Thread(target=self.httpd.serve_forever, daemon=True).start()

    def close(self) -> None:
        self.httpd.shutdown()
        self.httpd.server_close()


def test_a_run_goes_through_the_proxy_named_in_the_environment(pages, write_config):
    from conftest import run_termwatch

    pages.set("/terms", "<html><body><main><h1>Terms</h1>" + "<p>We keep your data safe and never sell it.</p>" * 20
              + "</main></body></html>")
    proxy = ForwardProxy(pages.httpd.server_port)
    try:
        config = write_config(document_toml("terms", "http://terms.termwatch-test.invalid/terms"))
        env = {"http_proxy": proxy.url, "https_proxy": proxy.url, "no_proxy": ""}
        result = run_termwatch(config, "run", "--json", env=env)
        assert result.code == 0, result.stdout + result.stderr
        assert result.json()["new_versions"] == 1
        assert proxy.seen == ["http://terms.termwatch-test.invalid/terms"]
        offline = run_termwatch(config, "run", "--json", env={"http_proxy": "", "https_proxy": "", "no_proxy": ""})
        assert offline.json()["failures"][0]["reason"].startswith("fetch failed: DNS lookup failed")
    finally:
        proxy.close()


def test_a_folder_as_config_and_an_empty_document_list_are_one_line_errors(tmp_path, termwatch):
    folder = termwatch(tmp_path, "status")
    assert folder.code == 1 and folder.stderr.strip() == (
        f"Error: {tmp_path}: is a folder; pass the config file itself, e.g. --config {tmp_path / 'config.toml'}")
    empty = tmp_path / "empty.toml"
    empty.write_text('documents = []\n[storage]\ndatabase = "tw.db"\n')
    result = termwatch(empty, "run")
    assert result.code == 1 and "documents: is empty: there is nothing to watch" in result.stderr
    assert len(result.stderr.strip().splitlines()) == 1


def test_a_host_whose_robots_txt_never_answers_is_not_asked_for_its_pages(write_config, termwatch):
    import socket
    import threading

    listener = socket.socket()
    listener.bind(("127.0.0.1", 0))
    listener.listen(16)
    accepted = []

    def hold() -> None:  # accepts every connection and never answers
        while True:
            try:
                accepted.append(listener.accept()[0])
            except OSError:
                return

    threading.Thread(target=hold, daemon=True).start()
    base = f"http://127.0.0.1:{listener.getsockname()[1]}"
    config = write_config(document_toml("one", f"{base}/one"), document_toml("two", f"{base}/two"))
    config.write_text(config.read_text().replace("obey_robots = false", "obey_robots = true")
                      .replace("timeout = 10", "timeout = 1").replace("retries = 0", "retries = 2"))
    try:
        result = termwatch(config, "run", "--json")
    finally:
        listener.close()
        for conn in accepted:
            conn.close()
    reasons = [f["reason"] for f in result.json()["failures"]]
    assert len(reasons) == 2 and all("timed out" in r for r in reasons), reasons
    assert len(accepted) == 1  # robots.txt once; neither page, and no retry


def test_a_binary_file_is_not_a_signed_copy(tmp_path):
    import pytest

    from monitor.errors import TermwatchError
    from monitor.text.signed import read_signed_copy

    garbage = tmp_path / "signed.bin"
    garbage.write_bytes(bytes(range(32)) * 40)  # valid UTF-8, but control bytes, not text
    with pytest.raises(TermwatchError, match="a binary file, not UTF-8 text, HTML or PDF"):
        read_signed_copy(garbage)
    text = tmp_path / "signed.txt"
    text.write_text("We keep your data for 30 days.\n\tThen it is deleted.\n")
    assert read_signed_copy(text).startswith("We keep")


def test_run_log_keeps_the_crawl_log_in_a_file_and_stderr_quiet(write_config, termwatch, tmp_path):
    config = write_config(document_toml("down", f"http://127.0.0.1:{closed_port()}/terms"))
    log = tmp_path / "crawl.log"
    result = termwatch(config, "run", "-q", "--log", str(log))
    assert result.code == 3 and result.stderr.startswith("failed   down: fetch failed: connection refused")
    assert len(result.stderr.splitlines()) == 1  # termwatch's own line; the crawl's log went to the file
    assert "scrapy" in log.read_text()
    bad = termwatch(config, "run", "--log", str(tmp_path / "no-such-folder" / "crawl.log"))
    assert bad.code == 1 and "cannot write the log" in bad.stderr


def test_a_run_ends_at_its_deadline_and_says_which_pages_it_did_not_reach(pages, write_config, termwatch):
    import time

    from conftest import Route

    pages.set("/terms", "<html><body><main><h1>Terms</h1>" + "<p>We keep your data safe and never sell it.</p>" * 20
              + "</main></body></html>")
    busy = Route(503, b"<h1>Busy</h1>", {"Content-Type": "text/html", "Retry-After": "60"})
    pages.sequence("/busy", busy)
    config = write_config(document_toml("ok", pages.url("/terms")), document_toml("busy", pages.url("/busy")))
    config.write_text(config.read_text().replace("retries = 0", "retries = 2\ndeadline = 3"))
    started = time.monotonic()
    result = termwatch(config, "run", "--json")
    assert time.monotonic() - started < 50  # not the two minutes Retry-After asks for
    summary = result.json()
    assert result.code == 3 and summary["new_versions"] == 1 and result.stderr == ""
    [failure] = summary["failures"]
    assert failure == {"document": "busy",
                       "reason": "fetch failed: the run's deadline of 3 s passed before this page was fetched"}


def test_the_default_deadline_grows_with_the_documents_and_the_crawl_settings():
    from monitor.config import CrawlConfig
    from monitor.fetch.crawl import run_deadline

    crawl = CrawlConfig(timeout=30, retries=2, concurrency=4, delay=2)
    assert run_deadline(crawl, 4) < run_deadline(crawl, 62) < run_deadline(CrawlConfig(timeout=60), 62)
    assert run_deadline(CrawlConfig(deadline=600), 62) == 600


def test_the_operator_can_drop_undelivered_alerts(write_config, termwatch, pages):
    import json

    from conftest import db_at
    from monitor.models import Event
    from monitor.store import outbox

    pages.set("/terms", "<html><body><main><h1>Terms</h1>" + "<p>We keep your data safe and never sell it.</p>" * 20
              + "</main></body></html>")
    channel = f'[[alerts]]\nid = "hook"\nurls = {json.dumps([f"json://127.0.0.1:{closed_port()}/hook"])}\n'
    config = write_config(document_toml("terms", pages.url("/terms")), extra=channel)
    assert termwatch(config, "run").code == 0
    db = db_at(config)
    for key in ("a", "b"):
        outbox.enqueue(db, [(Event("change", key, "2026-01-01T00:00:00+00:00", key, key, key, key),
                            [{"channel": "hook", "destination": 0, "target": "json://x"}])])
    nothing = termwatch(config, "outbox", "drop")
    assert nothing.code == 1 and "name the alerts to drop" in nothing.stderr
    first = termwatch(config, "outbox", "drop", "1", "--json")
    assert first.code == 0 and first.json() == {"dropped": 1}
    dropped = termwatch(config, "outbox", "drop", "--channel", "hook")
    assert dropped.stdout.strip() == "1 undelivered alert deliveries dropped."
    assert [r["status"] for r in outbox.deliveries(db)] == ["dropped", "dropped"]
    assert termwatch(config, "run").code == 0  # nothing left to send, nothing failing
