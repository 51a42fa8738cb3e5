"""The README documents every command, and CI runs exactly the README's test command."""

from __future__ import annotations

import re

import pytest
from click.testing import CliRunner

from conftest import ROOT
from monitor.cli import cli

README = (ROOT / "README.md").read_text()


@pytest.mark.parametrize("name", sorted(cli.commands))
def test_every_command_is_in_the_readme_and_has_help(name):
    assert f"`termwatch {name}" in README, f"README does not document `termwatch {name}`"
    result = CliRunner().invoke(cli, [name, "--help"])
    assert result.exit_code == 0
    assert len(cli.commands[name].help or "") > 20


def test_exit_codes_are_in_top_level_help_and_readme():
    result = CliRunner().invoke(cli, ["--help"])
    assert result.exit_code == 0
    for code in ("0", "1", "2", "3"):
        assert re.search(rf"^\s+{code}\s+\w", result.output, re.M), code
        assert f"| {code} |" in README


def test_ci_runs_the_readme_test_command():
    ci = (ROOT / ".ci" / "run").read_text()
    command = next(line for line in ci.splitlines() if line.startswith("python3 -m venv"))
    assert f"```sh\n{command}\n```" in README
    assert command.endswith("pytest")


def test_version_option():
    result = CliRunner().invoke(cli, ["--version"])
    assert result.exit_code == 0 and "termwatch" in result.output
