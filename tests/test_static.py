"""The code passes the linter and the type checker configured in pyproject.toml, as CI's one command (pytest)
runs them: ruff over the whole repository, mypy over monitor/ and spiders/."""

from __future__ import annotations

import subprocess
import sys

import pytest

from conftest import ROOT


@pytest.mark.parametrize("command", [["ruff", "check", "."], ["mypy"]], ids=["ruff", "mypy"])
def test_static_checks_find_nothing(command):
    done = subprocess.run([sys.executable, "-m", *command], cwd=ROOT, capture_output=True, text=True, timeout=600)
    assert done.returncode == 0, f"`{' '.join(command)}` found:\n{done.stdout}{done.stderr}"
