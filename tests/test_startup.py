"""Read-only commands start fast: they import neither apprise, Scrapy nor the HTML stack, and skip the
slow selector and alert-URL checks, which the commands that fetch or send still make. A run loads
none of the Scrapy components it never uses."""

from __future__ import annotations

import ast
import sqlite3
import subprocess
import sys

from click.testing import CliRunner

from conftest import document_toml
from monitor.cli import cli

SLOW = ("apprise", "scrapy", "twisted", "bs4", "soupsieve", "lxml")
CONFIG = (document_toml("acme-terms", "https://example.com/terms", select=("main",), remove=(".sr-only",))
          + '[[alerts]]\nid = "ops"\nurls = ["json://127.0.0.1:9/hook"]\n')


def _imported(tmp_path, *args: str, config: str = CONFIG, watch: tuple[str, ...] = SLOW) -> list[str]:
    (tmp_path / "config.toml").write_text(config)
    probe = ("import sys\nfrom monitor.cli import cli\n"
             f"try:\n    cli.main({['--config', str(tmp_path / 'config.toml'), *args]!r})\n"
             "except SystemExit:\n    pass\n"
             f"print(sorted(m for m in {watch!r} if m in sys.modules))")
    done = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, timeout=60)
    return ast.literal_eval(done.stdout.strip().splitlines()[-1])


def test_read_only_commands_import_no_slow_package(tmp_path):
    assert _imported(tmp_path, "changes", "--json") == []
    assert _imported(tmp_path, "status") == []


def test_run_still_rejects_an_unusable_alert_url_that_status_ignores(tmp_path):
    path = tmp_path / "config.toml"
    path.write_text(CONFIG.replace("json://127.0.0.1:9/hook", "notaservice://127.0.0.1/x"))
    status = CliRunner().invoke(cli, ["--config", str(path), "status"])
    assert "no database yet" in status.stderr  # got past the config
    run = CliRunner().invoke(cli, ["--config", str(path), "run"])
    assert run.exit_code == 1
    assert "alerts[0].urls[0]: apprise cannot use 'notaservice://127.0.0.1/x'" in run.stderr


def test_run_leaves_out_the_scrapy_components_it_never_uses(tmp_path, pages):
    # Scrapy imports each listed component before it can decline: cookies (tldextract, requests) and the
    # remote console (aiohttp) would slow every cron run's start.
    pages.set("/terms", "<html><body><main><h1>Terms</h1><p>" + "We keep your data safe. " * 40 + "</p></main></body></html>")
    config = ('[storage]\ndatabase = "termwatch.db"\n[crawl]\nretries = 0\ndelay = 0\nobey_robots = false\n'
              + document_toml("acme-terms", pages.url("/terms"), select=("main",)))
    assert _imported(tmp_path, "run", config=config, watch=("scrapy", "aiohttp", "tldextract", "requests")) == ["scrapy"]
    assert [path for path, _ in pages.requests] == ["/terms"]
    assert sqlite3.connect(tmp_path / "termwatch.db").execute("select count(*) from versions").fetchone() == (1,)
