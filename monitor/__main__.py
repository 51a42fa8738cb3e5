"""Makes `python -m monitor …` work, for cron and for the subprocess tests."""

from monitor.cli import cli

# Guarded: the worker process that reads pages during a run starts by importing the main module.
if __name__ == "__main__":
    cli(prog_name="termwatch")
