"""`termwatch schedule`: the crontab line and systemd units it prints are valid, and the commands in them run."""

from __future__ import annotations

import configparser
import shlex
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
import sqlite_utils
from click.testing import CliRunner

from conftest import document_toml
from monitor.cli import cli
from monitor.errors import TermwatchError
from monitor.views.schedule import parse_every

TERMS = """<!doctype html><html><body><main><h1>Acme AI Terms of Service</h1>
<p>Effective July 8, 2026. These Terms govern your use of the Acme AI services and apply to every workspace.</p>
<p>We do not use Customer Content to train our models unless you explicitly opt in to share it with us.</p>
<p>We retain API inputs and outputs for up to {days} days to identify abuse, after which they are deleted.</p>
<p>You will pay all fees described in your order form within thirty days of the invoice date.</p>
</main></body></html>"""

CRAWL = ('[storage]\ndatabase = "data/termwatch.db"\n\n[crawl]\nuser_agent = "termwatch-test/1.0"\ntimeout = 10\n'
         "retries = 0\nconcurrency = 4\ndelay = 0\nobey_robots = false\n\n")


def sections(output: str) -> tuple[str, str, str]:
    """The crontab line, the service unit and the timer unit of `termwatch schedule`'s output."""
    cron = [line for line in output.splitlines() if line and not line.startswith("#")][0]
    service = output.split("# ~/.config/systemd/user/termwatch.service\n")[1].split("# ~/.config/systemd")[0]
    timer = output.split("# ~/.config/systemd/user/termwatch.timer\n")[1]
    return cron, service, timer


def unit(text: str) -> configparser.ConfigParser:
    parser = configparser.ConfigParser(interpolation=None, strict=True)
    parser.optionxform = str  # systemd keys are case-sensitive
    parser.read_string(text)
    return parser


def test_schedule_output_verifies_and_its_commands_run(pages, tmp_path):
    # A folder with a space and a percent sign: both cron and systemd give these a meaning.
    home = tmp_path / "legal team 100%"
    home.mkdir()
    config = home / "config.toml"
    pages.set("/terms", TERMS.format(days=30))
    config.write_text(CRAWL + document_toml("acme-terms", pages.url("/terms")))
    result = CliRunner().invoke(cli, ["--config", str(config), "schedule", "--every", "6h"], catch_exceptions=False)
    assert result.exit_code == 0, result.output
    cron, service_text, timer_text = sections(result.output)
    log = home / "termwatch.log"
    assert f"output, only when something changed or failed, goes to {log}" in result.output

    minute = cron.split(None, 5)[0]
    assert minute.isdigit() and 0 <= int(minute) < 60  # this installation's own minute, not :00 for everyone
    assert cron.split(None, 5)[1:5] == ["*/6", "*", "*", "*"]
    assert sections(CliRunner().invoke(cli, ["--config", str(config), "schedule", "--every", "6h"]).output)[0] == cron
    termwatch = str(Path(sys.executable).parent / "termwatch")
    service, timer = unit(service_text), unit(timer_text)
    exec_start = shlex.split(service["Service"]["ExecStart"].replace("%%", "%").replace("$$", "$"))
    assert exec_start == [termwatch, "--config", str(config), "run", "--quiet"]
    assert service["Service"]["WorkingDirectory"].replace("%%", "%") == str(home)
    assert service["Service"]["Type"] == "oneshot"
    assert timer["Timer"]["OnCalendar"] == "*-*-* 00/6:00:00" and timer["Timer"]["Persistent"] == "true"
    assert timer["Timer"]["RandomizedDelaySec"] == "60min" and timer["Timer"]["FixedRandomDelay"] == "true"
    assert timer["Install"]["WantedBy"] == "timers.target"

    if shutil.which("systemd-analyze"):  # present on Debian with systemd; the checks above hold regardless
        (tmp_path / "termwatch.service").write_text(service_text)
        (tmp_path / "termwatch.timer").write_text(timer_text)
        verified = subprocess.run(["systemd-analyze", "verify", str(tmp_path / "termwatch.service"),
                                   str(tmp_path / "termwatch.timer")], capture_output=True, text=True)
        assert verified.returncode == 0, verified.stderr
        calendar = subprocess.run(["systemd-analyze", "calendar", timer["Timer"]["OnCalendar"]],
                                  capture_output=True, text=True)
        assert calendar.returncode == 0 and "Next elapse" in calendar.stdout

    # The crontab command, as cron hands it to sh (an escaped \% becomes %), from another folder.
    command = cron.split(None, 5)[5].replace("\\%", "%")
    first = subprocess.run(["/bin/sh", "-c", command], cwd="/", capture_output=True, text=True, timeout=120)
    assert first.returncode == 0 and first.stdout == first.stderr == ""
    assert log.exists() and log.read_text() == ""  # --quiet: a first version is not news
    assert sqlite_utils.Database(home / "data" / "termwatch.db")["versions"].count == 1

    # The service's command in its working directory: a change is news, so it prints.
    pages.set("/terms", TERMS.format(days=90))
    second = subprocess.run(exec_start, cwd=service["Service"]["WorkingDirectory"].replace("%%", "%"),
                            capture_output=True, text=True, timeout=120)
    assert second.returncode == 0, second.stderr
    assert "acme-terms" in second.stdout and "retention" in second.stdout


@pytest.mark.parametrize("every,cron,calendar", [
    ("15m", "*/15 * * * *", "*-*-* *:00/15:00"),
    ("30m", "*/30 * * * *", "*-*-* *:00/30:00"),
    ("60m", "0 * * * *", "*-*-* *:00:00"),
    ("1h", "0 * * * *", "*-*-* *:00:00"),
    ("6h", "0 */6 * * *", "*-*-* 00/6:00:00"),
    ("12h", "0 */12 * * *", "*-*-* 00/12:00:00"),
    ("24h", "0 0 * * *", "*-*-* 00:00:00"),
    (" 1d ", "0 0 * * *", "*-*-* 00:00:00"),
])
def test_intervals_cron_and_systemd_can_run_evenly(every, cron, calendar):
    interval = parse_every(every)
    assert (interval.cron, interval.calendar) == (cron, calendar)
    if shutil.which("systemd-analyze"):
        assert subprocess.run(["systemd-analyze", "calendar", calendar], capture_output=True).returncode == 0


@pytest.mark.parametrize("every,message", [
    ("abc", "--every 'abc': not a duration; write a number and m, h or d, e.g. 30m, 6h or 1d"),
    ("6", "not a duration"),
    ("0h", "not a duration"),
    ("6 hours", "not a duration"),
    ("5m", "--every 5m: too often for terms pages, which change rarely; use 15m or more"),
    ("45m", "--every 45m: cron cannot run that evenly"),
    ("90m", "cron cannot run that evenly"),
    ("7h", "hours that divide 24 (1h, 2h, 3h, 4h, 6h, 8h, 12h) or 1d"),
    ("2d", "cron cannot run that evenly"),
])
def test_nonsense_and_uneven_intervals_are_refused(every, message):
    with pytest.raises(TermwatchError) as raised:
        parse_every(every)
    assert message in str(raised.value)


def test_schedule_errors_are_one_line(write_config):
    config = write_config(document_toml("acme-terms", "https://example.com/terms"))
    uneven = CliRunner().invoke(cli, ["--config", str(config), "schedule", "--every", "7h"])
    assert uneven.exit_code == 1 and uneven.output.startswith("Error: --every 7h: cron cannot run that evenly")
    assert len(uneven.output.strip().splitlines()) == 1
    missing = CliRunner().invoke(cli, ["--config", str(config), "schedule"])
    assert missing.exit_code == 2 and "--every" in missing.output
    broken = config.with_name("broken.toml")
    broken.write_text("[[documents]]\nid = 1\n")
    bad = CliRunner().invoke(cli, ["--config", str(broken), "schedule", "--every", "6h"])
    assert bad.exit_code == 1 and f"Error: {broken}: documents[0].id" in bad.output


def test_without_the_script_it_falls_back_to_python_dash_m(tmp_path):
    from monitor.views.schedule import installed_command

    python = tmp_path / "bin" / "python3"
    python.parent.mkdir()
    python.symlink_to(sys.executable)
    assert installed_command(str(python)) == [str(python), "-m", "monitor"]  # the symlink is kept, not resolved
    assert installed_command(sys.executable) == [str(Path(sys.executable).parent / "termwatch")]
    # The fallback form runs termwatch from any folder.
    fallback = subprocess.run([sys.executable, "-m", "monitor", "--version"], cwd=tmp_path, capture_output=True,
                              text=True)
    assert fallback.returncode == 0 and fallback.stdout.startswith("termwatch")


@pytest.mark.parametrize("cron, minute, spread", [("0 */6 * * *", 17, "17 */6 * * *"),
                                                  ("*/15 * * * *", 17, "2-59/15 * * * *"),
                                                  ("0 0 * * *", 59, "59 0 * * *")])
def test_installations_spread_over_the_hour(cron, minute, spread):
    from monitor.views.schedule import _spread_cron, spread_minute

    assert _spread_cron(cron, minute) == spread
    assert spread_minute("host-a:/srv/termwatch/config.toml") == spread_minute("host-a:/srv/termwatch/config.toml")
    assert len({spread_minute(f"host-{i}:/config.toml") for i in range(50)}) > 20
