"""Read-only commands start fast: they import neither apprise, Scrapy nor the HTML stack, and skip the
slow selector and alert-URL checks, which the commands that fetch or send still make. A run loads
none of the Scrapy components it never uses."""

from __future__ import annotations

import ast
import sqlite3
import subprocess
import sys

from click.testing import CliRunner

from conftest import ROOT, document_toml
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
    pages.set("/terms",
              "<html><body><main><h1>Terms</h1><p>" + "We keep your data safe. " * 40 + "</p></main></body></html>")
    config = ('[storage]\ndatabase = "termwatch.db"\n[crawl]\nretries = 0\ndelay = 0\nobey_robots = false\n'
              + document_toml("acme-terms", pages.url("/terms"), select=("main",)))
    watch = ("scrapy", "aiohttp", "tldextract", "requests")
    assert _imported(tmp_path, "run", config=config, watch=watch) == ["scrapy"]
    assert [path for path, _ in pages.requests] == ["/terms"]
    assert sqlite3.connect(tmp_path / "termwatch.db").execute("select count(*) from versions").fetchone() == (1,)


# Imports every module of monitor and spiders after the libraries they import (whose own import-time settings,
# such as Scrapy's warning filter, are theirs), and prints whatever global state our modules changed.
_SIDE_EFFECTS_PROBE = r"""
import ast, importlib, logging, pathlib, pkgutil, signal, sys, warnings

def state():
    loggers = {name: lg.level for name, lg in logging.Logger.manager.loggerDict.items()
               if isinstance(lg, logging.Logger) and lg.level != logging.NOTSET}
    root = logging.getLogger()
    return {"warnings.filters": list(warnings.filters), "logger levels": loggers,
            "root logger": (root.level, list(root.handlers)), "sys.path": list(sys.path),
            "signals": [signal.getsignal(s) for s in (signal.SIGINT, signal.SIGTERM)],
            "twisted reactor installed": "twisted.internet.reactor" in sys.modules}

ours = ("monitor", "spiders")
third_party = set()
for package in ours:
    for path in pathlib.Path(package).rglob("*.py"):
        for node in ast.walk(ast.parse(path.read_text())):
            names = [a.name for a in node.names] if isinstance(node, ast.Import) else (
                [node.module] if isinstance(node, ast.ImportFrom) and node.level == 0 and node.module else [])
            third_party.update(n for n in names if n.split(".")[0] not in (*ours, *sys.stdlib_module_names))
for name in sorted(third_party):
    importlib.import_module(name)
before = state()
for package in ours:
    for module in pkgutil.walk_packages(importlib.import_module(package).__path__, package + "."):
        importlib.import_module(module.name)
after = state()
print(repr({key: (before[key], after[key]) for key in before if before[key] != after[key]}))
"""


def test_importing_a_module_changes_no_global_state():
    # Logging levels, warning filters and the like are set where they are needed (the CLI, the page reader,
    # the crawl), so that importing termwatch as a library, or in a test, changes nothing around it.
    done = subprocess.run([sys.executable, "-c", _SIDE_EFFECTS_PROBE], cwd=ROOT, capture_output=True, text=True,
                          timeout=120)
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == "{}", done.stdout
