"""Named errors of termwatch; the CLI turns each into one line and exit code 1."""


class TermwatchError(Exception):
    """An expected failure with a message fit to show a user as it is."""


class ConfigError(TermwatchError):
    """The config file is missing, unreadable or invalid."""


class StoreError(TermwatchError):
    """The database cannot be opened, is locked, or lacks what was asked for."""


class FetchError(TermwatchError):
    """A one-off fetch (as in `termwatch extract`) did not return a usable page."""
