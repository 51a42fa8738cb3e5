"""What `termwatch schedule` prints: a crontab line and a systemd service + timer that run `termwatch run --quiet`.

Pure but for installed_command, which looks at the install, and for_config, which resolves the config's path;
cron and the timer fire at the same wall-clock times.
"""

from __future__ import annotations

import hashlib
import os
import re
import shlex
from dataclasses import dataclass
from pathlib import Path

from monitor.errors import TermwatchError

# Terms pages change a few times a year; more often than this only burdens the sites.
MIN_MINUTES = 15
_DURATION = re.compile(r"^(\d+)\s*([mhd])$")
_UNIT_MINUTES = {"m": 1, "h": 60, "d": 1440}
_EVEN = "minutes that divide 60 (15m, 20m, 30m), hours that divide 24 (1h, 2h, 3h, 4h, 6h, 8h, 12h) or 1d"


@dataclass(frozen=True)
class Interval:
    text: str  # as the user wrote it, e.g. "6h"
    cron: str  # the five time fields of a crontab line, at minute 0
    calendar: str  # systemd OnCalendar= expression
    minutes: int


def parse_every(text: str) -> Interval:
    """An interval like 30m, 6h or 1d that both cron and systemd can run evenly; anything else is refused."""
    m = _DURATION.match(text.strip())
    if not m or int(m.group(1)) == 0:
        raise TermwatchError(f"--every {text!r}: not a duration; write a number and m, h or d, e.g. 30m, 6h or 1d")
    minutes = int(m.group(1)) * _UNIT_MINUTES[m.group(2)]
    if minutes < MIN_MINUTES:
        raise TermwatchError(f"--every {text}: too often for terms pages, which change rarely; "
                             f"use {MIN_MINUTES}m or more")
    hours = minutes // 60
    if minutes < 60 and 60 % minutes == 0:
        return Interval(text, f"*/{minutes} * * * *", f"*-*-* *:00/{minutes}:00", minutes)
    if minutes % 60 == 0 and hours < 24 and 24 % hours == 0:
        return Interval(text, "0 * * * *" if hours == 1 else f"0 */{hours} * * *",
                        "*-*-* *:00:00" if hours == 1 else f"*-*-* 00/{hours}:00:00", minutes)
    if minutes == 1440:
        return Interval(text, "0 0 * * *", "*-*-* 00:00:00", minutes)
    raise TermwatchError(f"--every {text}: cron cannot run that evenly (it restarts its count every hour and "
                         f"every day); use {_EVEN}")


def installed_command(python: str) -> list[str]:
    """How cron should start this termwatch: the `termwatch` script beside `python` (sys.executable), else
    `python -m monitor`. Paths are made absolute but symlinks are kept: a venv's python is one."""
    python = os.path.abspath(python)
    script = Path(python).parent / "termwatch"
    if script.is_file() and os.access(script, os.X_OK):
        return [str(script)]
    return [python, "-m", "monitor"]


def _cron_quote(arg: str) -> str:
    # cron turns an unescaped % into a newline before the shell sees the command.
    return shlex.quote(arg).replace("%", r"\%")


def _systemd_quote(arg: str) -> str:
    # %… are unit specifiers and $… environment variables in ExecStart=; doubling makes them literal.
    escaped = arg.replace("%", "%%").replace("$", "$$")
    if re.fullmatch(r"[\w@%+=:,./-]+", escaped):
        return escaped
    return '"' + escaped.replace("\\", "\\\\").replace('"', '\\"') + '"'


def spread_minute(seed: str) -> int:
    """A minute of the hour that stays the same for one installation (seeded by its host and folder) and
    differs between installations, so that they do not all fetch a vendor's pages at :00 sharp."""
    return int(hashlib.sha256(seed.encode("utf-8")).hexdigest(), 16) % 60


def _spread_cron(cron: str, minute: int) -> str:
    """The crontab fields with the minute moved: "0 */6 …" -> "17 */6 …", "*/15 …" -> "2-59/15 …"."""
    first, rest = cron.split(" ", 1)
    if first.startswith("*/"):
        step = int(first[2:])
        return f"{minute % step}-59/{step} {rest}"
    return f"{minute} {rest}"


def crontab_line(interval: Interval, command: list[str], workdir: Path, log: Path, minute: int = 0) -> str:
    run = " ".join(_cron_quote(a) for a in command)
    return (f"{_spread_cron(interval.cron, minute)} cd {_cron_quote(str(workdir))} && {run} "
            f">> {_cron_quote(str(log))} 2>&1")


def service_unit(command: list[str], workdir: Path) -> str:
    return "\n".join([
        "[Unit]",
        "Description=termwatch: fetch the watched terms pages and record changes",
        "Wants=network-online.target",
        "After=network-online.target",
        "",
        "[Service]",
        "Type=oneshot",
        f"WorkingDirectory={str(workdir).replace('%', '%%')}",
        "ExecStart=" + " ".join(_systemd_quote(a) for a in command),
        "SyslogIdentifier=termwatch",
        "",
    ])


def timer_unit(interval: Interval) -> str:
    return "\n".join([
        "[Unit]",
        f"Description=Run termwatch every {interval.text}",
        "",
        "[Timer]",
        f"OnCalendar={interval.calendar}",
        # A run missed while the machine was off happens at the next boot.
        "Persistent=true",
        # Each machine waits its own fixed part of the interval (up to an hour), so that installations do
        # not all hit a vendor at the same second.
        f"RandomizedDelaySec={min(interval.minutes, 60)}min",
        "FixedRandomDelay=true",
        "",
        "[Install]",
        "WantedBy=timers.target",
        "",
    ])


def schedule_text(interval: Interval, command: list[str], config: Path, workdir: Path, log: Path,
                  minute: int = 0) -> str:
    """The crontab line (at `minute` past the hour) and the two systemd user units, with how to install each."""
    return "\n".join([
        f"# termwatch every {interval.text} for {config}",
        "",
        f"# cron: run `crontab -e` and add this line (output, only when something changed or failed, goes to {log}):",
        crontab_line(interval, command, workdir, log, minute),
        "",
        "# systemd: save the two files below, then run",
        "#   systemctl --user daemon-reload && systemctl --user enable --now termwatch.timer",
        "#   loginctl enable-linger \"$USER\"   # so it also runs while you are logged out",
        "# Output goes to the journal: journalctl --user -u termwatch.service",
        "",
        "# ~/.config/systemd/user/termwatch.service",
        service_unit(command, workdir),
        "# ~/.config/systemd/user/termwatch.timer",
        timer_unit(interval),
    ])


def for_config(every: str, config: Path, python: str, host: str) -> str:
    """The schedule for the config at `config`: `termwatch run --quiet` started by `python` (sys.executable) every
    `every`, at a minute of the hour seeded by `host` and the config's real path."""
    interval = parse_every(every)
    command = [*installed_command(python), "--config", str(config), "run", "--quiet"]
    log = config.with_name("termwatch.log")  # beside the config: the shell opens it before termwatch runs
    minute = spread_minute(f"{host}:{config.resolve()}")
    return schedule_text(interval, command, config, config.parent, log, minute)
