"""`termwatch import-ota`: Open Terms Archive declarations become [[documents]] that our own loader accepts and
`termwatch run` fetches."""

from __future__ import annotations

import json

from click.testing import CliRunner

from monitor.cli import cli
from monitor.config import parse

BASE = ('[storage]\ndatabase = "data/termwatch.db"\n\n[crawl]\nuser_agent = "termwatch-test/1.0"\ntimeout = 10\n'
        "retries = 0\nconcurrency = 4\ndelay = 0\nobey_robots = false\n\n")

PAGE = """<!doctype html><html><body><nav>Home · Pricing · Careers</nav>
<div class="legal"><h1>{title}</h1><div class="share">Share this page on social media</div>
<p>These {title} govern your use of the Example services. We do not use your content to train our models.</p>
<p>We keep account records for as long as your account is active and delete them within 30 days after.</p>
<p>You may end these {title} at any time by closing your account; sections on fees, liability and disputes
survive the end of these {title}. We will tell you about material changes at least 30 days in advance.</p>
<p>Questions about these {title} can be sent to legal@example.com or by post to Example, 1 Main Street.</p>
</div><footer>© Example</footer></body></html>"""


def invoke(*args, config=None):
    prefix = ["--config", str(config)] if config else []
    return CliRunner().invoke(cli, [*prefix, "import-ota", *map(str, args)])


def declaration(tmp_path, name: str, data: dict, raw: str | None = None):
    path = tmp_path / name
    path.write_text(raw if raw is not None else json.dumps(data))
    return path


def test_imported_documents_load_and_run(pages, tmp_path, termwatch):
    for path, title in (("/tos", "Terms of Service"), ("/privacy", "Privacy Policy"), ("/dpa", "Data Processing Terms"),
                        ("/subprocessors", "Subprocessors")):
        pages.set(path, PAGE.format(title=title))
    service = declaration(tmp_path, "Example Chat.json", {
        "name": "Example Chat",
        "terms": {
            "Terms of Service": {"fetch": pages.url("/tos"), "select": ".legal", "remove": [".share"]},
            "Privacy Policy": {"fetch": pages.url("/privacy"), "select": [".legal"], "filter": ["removeTrackers"]},
            "Data Processor Agreement": {
                "select": [".legal"], "remove": ".share",
                "combine": [{"fetch": pages.url("/dpa")}, {"fetch": pages.url("/subprocessors"), "select": "div"}],
            },
        },
    })
    result = invoke(service, "--vendor", "Example AI")
    assert result.exit_code == 0, result.output
    config = tmp_path / "config.toml"
    config.write_text(BASE + result.stdout)

    loaded = parse(config.read_text(), config)
    docs = {d.id: d for d in loaded.documents}
    assert list(docs) == ["example-ai-terms-of-service", "example-ai-privacy-policy",
                          "example-ai-data-processing-addendum-1", "example-ai-data-processing-addendum-2"]
    tos = docs["example-ai-terms-of-service"]
    assert (tos.vendor, tos.audience, tos.type, tos.select, tos.remove) == (
        "Example AI", "consumer", "Terms of Service", (".legal",), (".share",))
    dpa2 = docs["example-ai-data-processing-addendum-2"]
    # Open Terms Archive's name for a DPA becomes the one the shipped config.toml uses.
    assert dpa2.type == "Data Processing Addendum"
    # Selectors shared by a combination apply to each page unless the page has its own.
    assert (dpa2.audience, dpa2.url, dpa2.select, dpa2.remove) == ("commercial", pages.url("/subprocessors"),
                                                                    ("div",), (".share",))
    assert "warning: " + str(service) + ": Privacy Policy: filter removeTrackers skipped" in result.stderr
    assert f"{service}: Data Processor Agreement: combines 2 pages; each becomes its own document" in result.stderr

    run = termwatch(config, "run", "--json")
    assert run.code == 0, run.stdout
    assert (run.json()["new_versions"], run.json()["failed"]) == (4, 0)
    shown = termwatch(config, "show", "example-ai-terms-of-service").stdout
    assert "We do not use your content to train our models." in shown
    assert "Share this page" not in shown and "Careers" not in shown


def test_older_documents_key_ranges_and_unusable_parts_are_warned(tmp_path):
    path = declaration(tmp_path, "Café Bot.json", {
        "name": "Café Bot",
        "documents": {
            "Commercial Terms": {"fetch": "https://cafe.example/business",
                                 "select": [{"startBefore": "#terms", "endBefore": "footer"}, "article"],
                                 "remove": {"startAfter": "#toc", "endBefore": "#terms"}},
            "Trackers Policy": {"fetch": "https://cafe.example/cookies", "select": "main > :::bad"},
            "Imprint": {"fetch": "mailto:legal@cafe.example"},
            "Privacy Policy": {"fetch": "https://cafe.example/privacy", "executeClientScripts": True},
            "Data Processor Agreement": {"fetch": "https://cafe.example/dpa.pdf", "select": "body"},
        },
    })
    result = invoke(path)
    assert result.exit_code == 0, result.output
    lines = result.stderr.splitlines()
    assert all(line.startswith(f"warning: {path}: ") for line in lines) and len(lines) == 5, lines
    assert any('select range selector {"startBefore": "#terms", "endBefore": "footer"} skipped' in x for x in lines)
    assert any("Commercial Terms: remove range selector" in x for x in lines)
    assert any("Trackers Policy: select selector 'main > :::bad' skipped" in x for x in lines)
    assert any("Imprint: skipped: \"fetch\" is 'mailto:legal@cafe.example', not an http(s) URL" in x for x in lines)
    assert any("Data Processor Agreement: select/remove skipped: https://cafe.example/dpa.pdf is a PDF" in x
               for x in lines)
    docs = {d.id: d for d in parse(BASE + result.stdout, tmp_path / "c.toml").documents}
    assert list(docs) == ["cafe-bot-commercial-terms", "cafe-bot-trackers-policy", "cafe-bot-privacy-policy",
                          "cafe-bot-data-processing-addendum"]
    # A page that needs its scripts run is rendered in the browser; a PDF is read whole.
    assert docs["cafe-bot-privacy-policy"].render == "browser" and docs["cafe-bot-commercial-terms"].render == "static"
    assert (docs["cafe-bot-data-processing-addendum"].format, docs["cafe-bot-data-processing-addendum"].select) == (
        "pdf", ())
    assert docs["cafe-bot-commercial-terms"].select == ("article",) and docs["cafe-bot-commercial-terms"].remove == ()
    assert docs["cafe-bot-commercial-terms"].vendor == "Café Bot"
    assert docs["cafe-bot-trackers-policy"].select == ()
    assert "Open Terms Archive" in result.stdout.splitlines()[0]


def test_ids_never_collide_with_each_other_or_the_config(tmp_path):
    terms = {"terms": {"Terms of Service": {"fetch": "https://a.example/tos", "select": "main"}}}
    first = declaration(tmp_path, "a.json", {"name": "Acme", **terms})
    second = declaration(tmp_path, "b.json", {"name": "ACME!", **terms})
    config = tmp_path / "config.toml"
    config.write_text(BASE + '[[documents]]\nid = "acme-terms-of-service"\nvendor = "Acme"\naudience = "consumer"\n'
                      'type = "Terms of Service"\nurl = "https://a.example/tos"\n')
    result = invoke(first, second, config=config)
    assert result.exit_code == 0, result.output
    appended = parse(config.read_text() + "\n" + result.stdout, config)
    assert [d.id for d in appended.documents] == ["acme-terms-of-service", "acme-terms-of-service-2",
                                                  "acme-terms-of-service-3"]


def test_bad_declarations_fail_in_one_line_naming_the_file(tmp_path):
    cases = {
        "broken.json": ('{"name": "X", "terms": {', "not valid JSON (Expecting property name enclosed in double "
                                                   "quotes at line 1); give an Open Terms Archive declaration file"),
        "noname.json": ('{"terms": {}}', 'no service "name"'),
        "noterms.json": ('{"name": "X", "terms": ["Terms of Service"]}', 'no "terms" object of terms types'),
        "empty.json": ('{"name": "X", "terms": {}}', "no terms with an http(s) URL to import"),
    }
    for name, (raw, message) in cases.items():
        path = declaration(tmp_path, name, {}, raw)
        result = invoke(path)
        assert result.exit_code == 1, name
        assert result.output.startswith(f"Error: {path}: {message}"), result.output
        assert len(result.output.strip().splitlines()) == 1 and "Traceback" not in result.output
    missing = invoke(tmp_path / "none.json")
    assert missing.exit_code == 2 and "does not exist" in missing.output
