"""The README documents every command, and CI runs exactly the README's test command."""

from __future__ import annotations

import re

import click
import pytest
from click.testing import CliRunner

from conftest import ROOT
from monitor.cli import cli

README = (ROOT / "README.md").read_text()


def all_commands(group=cli, prefix=()):
    for name, command in sorted(group.commands.items()):
        yield (*prefix, name), command
        if isinstance(command, click.Group):
            yield from all_commands(command, (*prefix, name))


@pytest.mark.parametrize("path,command", list(all_commands()),
                         ids=lambda v: " ".join(v) if isinstance(v, tuple) else "")
def test_every_command_is_in_the_readme_and_has_help(path, command):
    words = " ".join(path)
    assert f"`termwatch {words}" in README, f"README does not document `termwatch {words}`"
    result = CliRunner().invoke(cli, [*path, "--help"])
    assert result.exit_code == 0
    assert len(command.help or "") > 20


def test_exit_codes_are_in_top_level_help_and_readme():
    result = CliRunner().invoke(cli, ["--help"])
    assert result.exit_code == 0
    for code in ("0", "1", "2", "3"):
        assert re.search(rf"^\s+{code}\s+\w", result.output, re.M), code
        assert f"| {code} |" in README


def test_ci_runs_the_readme_test_command():
    ci = (ROOT / ".ci" / "run").read_text()
    command = next(line for line in ci.splitlines() if line.startswith("(command -v chromium"))
    assert f"```sh\n{command}\n```" in README
    assert command.endswith("pytest")


def test_version_option():
    result = CliRunner().invoke(cli, ["--version"])
    assert result.exit_code == 0 and "termwatch" in result.output
