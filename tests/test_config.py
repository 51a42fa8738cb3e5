"""Config loading: every bad input gives one line naming file, key path and fix; exit 1, no traceback."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from click.testing import CliRunner

from monitor.cli import cli
from monitor.config import load, parse
from monitor.errors import ConfigError

ROOT = Path(__file__).resolve().parent.parent

DOC = """
[[documents]]
id = "acme-terms"
vendor = "Acme AI"
audience = "commercial"
type = "Terms of Service"
url = "https://example.com/terms"
"""

BAD = [
    ("alert on an unknown topic", DOC + '[[alerts]]\nid = "c"\nurls = ["json://127.0.0.1/x"]\nonly = ["privacy"]\n',
     "alerts[0].only[0]: 'privacy' must be one of: training, retention, access"),
    ("no documents", "documents = []\n", "documents: is empty: there is nothing to watch; add a [[documents]] table"),
    ("unknown top-level section", "[storag]\n" + DOC, "storag: unknown section; allowed: storage, crawl, documents"),
    ("unknown key in crawl", "[crawl]\ndelay_s = 1\n" + DOC, "crawl.delay_s: unknown key; allowed keys here:"),
    ("unknown key in a document", DOC + 'colour = "red"\n', "documents[0].colour: unknown key"),
    ("missing url", DOC.replace('url = "https://example.com/terms"\n', ""), "documents[0].url: is missing; add it"),
    ("wrong type", DOC.replace('vendor = "Acme AI"', "vendor = 3"), "documents[0].vendor: must be a string, not 3"),
    ("bool as number", "[crawl]\ntimeout = true\n" + DOC, "crawl.timeout: must be an integer or a number, not True"),
    ("negative delay", "[crawl]\ndelay = -1\n" + DOC, "crawl.delay: must be a positive number of seconds"),
    ("zero concurrency", "[crawl]\nconcurrency = 0\n" + DOC, "crawl.concurrency: must be at least 1"),
    ("duplicate id", DOC + DOC, "documents[1].id: duplicate id 'acme-terms'; ids must be unique"),
    ("bad slug", DOC.replace('"acme-terms"', '"Acme Terms"'), "documents[0].id: 'Acme Terms' must be a lowercase slug"),
    ("bad audience", DOC.replace('"commercial"', '"enterprise"'),
     "documents[0].audience: 'enterprise' must be one of: commercial, consumer"),
    ("ftp url", DOC.replace("https://example.com/terms", "ftp://example.com/terms"),
     "documents[0].url: 'ftp://example.com/terms' is not an http(s) URL"),
    ("file url", DOC.replace("https://example.com/terms", "file:///etc/passwd"),
     "documents[0].url: 'file:///etc/passwd' is not an http(s) URL"),
    ("javascript url", DOC.replace("https://example.com/terms", "javascript:alert(1)"), "is not an http(s) URL"),
    ("unset env", DOC.replace("https://example.com/terms", "https://example.com/${TW_UNSET_VAR}"),
     "documents[0].url: environment variable TW_UNSET_VAR is not set; export TW_UNSET_VAR or remove the reference"),
    ("invalid selector", DOC + 'select = ["main >> p"]\n', "documents[0].select[0]: invalid CSS selector 'main >> p'"),
    ("selector not a string", DOC + "remove = [3]\n", "documents[0].remove[0]: must be a string, not 3"),
    ("no documents", "[crawl]\ndelay = 1\n", "documents: no [[documents]] to watch; add at least one"),
    ("not toml", "[[documents]\n", "not valid TOML"),
]


@pytest.mark.parametrize("name,text,message", BAD, ids=[b[0] for b in BAD])
def test_bad_config_is_one_clear_line(name, text, message, tmp_path):
    path = tmp_path / "config.toml"
    with pytest.raises(ConfigError) as err:
        parse(text, path, environ={})
    line = str(err.value)
    assert line.startswith(f"{path}: ")
    assert message in line
    assert "\n" not in line


def test_every_problem_is_listed_once_without_knock_on_problems(tmp_path):
    text = ("[crawl]\ntimeout = 0\n" + DOC.replace('url = "https://example.com/terms"\n', "") + 'colour = "red"\n'
            + DOC.replace('"acme-terms"', '"acme-dpa"').replace("/terms", "/${TW_UNSET_VAR}")
            + '[[agreements]]\nid = "msa"\nvendor = "Acme AI"\ndocuments = ["acme-terms", "acme-dpa", "nope"]\n'
            + 'signed_on = "2026-13-01"\n')
    path = tmp_path / "config.toml"
    with pytest.raises(ConfigError) as err:
        parse(text, path, environ={})
    lines = str(err.value).splitlines()
    assert [line.split(": ")[1] for line in lines] == [
        "crawl.timeout", "documents[0].colour", "documents[0].url", "documents[1].url",
        "agreements[0].documents[2]", "agreements[0].signed_on"]
    assert all(line.startswith(f"{path}: ") for line in lines)


def test_a_secret_quoted_in_an_earlier_problem_is_redacted(tmp_path):
    # The problem about the URL is noted before the channel's secret resolves; redaction covers both.
    text = DOC + '[[alerts]]\nid = "c"\nurls = ["json://127.0.0.1/${TW_KEY}"]\nonly = ["${TW_KEY}"]\n'
    with pytest.raises(ConfigError) as err:
        parse(text, tmp_path / "config.toml", environ={"TW_KEY": "s3cretvalue"})
    assert "s3cretvalue" not in str(err.value) and "alerts[0].only[0]" in str(err.value)


def test_env_substitution_and_relative_database(tmp_path):
    text = '[storage]\ndatabase = "db/tw.db"\n' + DOC.replace("/terms", "/terms?key=${TW_KEY}")
    config = parse(text, tmp_path / "config.toml", environ={"TW_KEY": "s3cret"})
    assert config.documents[0].url == "https://example.com/terms?key=s3cret"
    assert config.secrets == {"s3cret"}
    assert config.storage.database == tmp_path / "db" / "tw.db"


def test_an_agreement_signed_at_a_date_and_time_is_signed_on_that_day(tmp_path):
    text = DOC + ('[[agreements]]\nid = "msa"\nvendor = "Acme AI"\ndocuments = ["acme-terms"]\n'
                  "signed_on = 2026-01-01T10:00:00\nrenews_on = 2027-01-01\n")
    agreement = parse(text, tmp_path / "config.toml", environ={}).agreements[0]
    assert (agreement.signed_on, agreement.renews_on) == (dt.date(2026, 1, 1), dt.date(2027, 1, 1))


def test_defaults(tmp_path):
    config = parse(DOC, tmp_path / "config.toml", environ={})
    assert config.storage.database == tmp_path / "snapshots" / "termwatch.db"
    assert "termwatch" in config.crawl.user_agent
    assert config.crawl.obey_robots is True
    assert config.documents[0].select == ()


def test_missing_file_message(tmp_path):
    with pytest.raises(ConfigError, match="config file not found; pass --config PATH or set TERMWATCH_CONFIG"):
        load(tmp_path / "nope.toml")


@pytest.mark.parametrize("name,text,message", BAD[:3] + BAD[14:16], ids=[b[0] for b in BAD[:3] + BAD[14:16]])
def test_cli_exits_1_with_one_line_and_no_traceback(name, text, message, tmp_path, monkeypatch):
    monkeypatch.delenv("TW_UNSET_VAR", raising=False)
    path = tmp_path / "config.toml"
    path.write_text(text)
    # `run` checks everything; read-only commands skip the slow selector and alert-URL checks.
    result = CliRunner().invoke(cli, ["--config", str(path), "run"])
    assert result.exit_code == 1
    assert "Traceback" not in result.output
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and message in lines[0] and lines[0].startswith("Error: ")


def test_config_from_environment_variable(tmp_path, monkeypatch):
    path = tmp_path / "elsewhere.toml"
    path.write_text(DOC)
    monkeypatch.setenv("TERMWATCH_CONFIG", str(path))
    result = CliRunner().invoke(cli, ["status"])
    assert result.exit_code == 1
    assert "no database yet; run `termwatch run` first" in result.stderr


def test_shipped_config_is_valid():
    config = load(ROOT / "config.toml", environ={})
    vendors = {d.vendor for d in config.documents}
    for vendor in ("Anthropic", "OpenAI", "Google", "Mistral AI", "xAI", "Meta", "Microsoft", "Perplexity"):
        assert vendor in vendors, vendor
    assert {d.audience for d in config.documents} == {"commercial", "consumer"}
    assert config.storage.database == ROOT / "snapshots" / "termwatch.db"
