"""Read-only commands start fast: they import neither apprise, Scrapy nor the HTML stack, and skip the
slow selector and alert-URL checks, which the commands that fetch or send still make."""

from __future__ import annotations

import ast
import subprocess
import sys

from click.testing import CliRunner

from conftest import document_toml
from monitor.cli import cli

SLOW = ("apprise", "scrapy", "twisted", "bs4", "soupsieve", "lxml")
CONFIG = (document_toml("acme-terms", "https://example.com/terms", select=("main",), remove=(".sr-only",))
          + '[[alerts]]\nid = "ops"\nurls = ["json://127.0.0.1:9/hook"]\n')


def _imported(tmp_path, *args: str) -> list[str]:
    (tmp_path / "config.toml").write_text(CONFIG)
    probe = ("import sys\nfrom monitor.cli import cli\n"
             f"try:\n    cli.main({['--config', str(tmp_path / 'config.toml'), *args]!r})\n"
             "except SystemExit:\n    pass\n"
             f"print(sorted(m for m in {SLOW!r} if m in sys.modules))")
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
