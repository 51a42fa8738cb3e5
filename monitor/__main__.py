"""Makes `python -m monitor …` work, for cron and for the subprocess tests."""

from monitor.cli import cli

cli(prog_name="termwatch")
