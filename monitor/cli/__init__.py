"""The termwatch command line: `cli`, the click group of monitor.cli.main, with every command registered.

Exit codes: 0 done (changes or not), 1 error (config, database, lock), 2 usage, 3 finished, but at
least one fetch failed or one alert could not be delivered.
"""

# Importing a family of commands registers it on `cli`.
from monitor.cli import agreements, alerting, fetching, publishing, reading  # noqa: F401
from monitor.cli.main import cli

__all__ = ["cli"]
