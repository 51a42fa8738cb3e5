"""The static report, end to end: `termwatch run` twice against pages on 127.0.0.1 (one of them hostile),
`termwatch report`, then the files themselves: links, the change page's diff, escaping, and a real
headless Chromium opening every page from file:// URLs.
"""

from __future__ import annotations

import re
from pathlib import Path
from urllib.parse import urlsplit

import lxml.html
import pytest
from click.testing import CliRunner

from conftest import PageServer, config_toml, db_at, document_toml, run_termwatch
from monitor.cli import cli

CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
                 "--disable-sync", "--no-first-run"]

TERMS = [
    "These Terms govern your use of the Acme AI services and apply to every workspace you create.",
    "We do not use Customer Content to train our models unless you explicitly opt in to share it.",
    "We retain API inputs and outputs for up to 30 days to identify abuse, after which they are deleted.",
    "You will pay all fees described in your order form within thirty days of the invoice date.",
    "Either party may terminate these Terms for material breach on thirty days written notice.",
]
TERMS_CHANGED = TERMS[:2] + [TERMS[2].replace("30 days", "2 years")] + TERMS[3:]

# Page text that is markup once unescaped: each payload would set window.__pwned or open a dialog if a
# renderer let it through. The extractor keeps it as text; the report must show it as text.
HOSTILE = [
    "Section <script>window.__pwned=1;alert(1)</script> of the policy",
    "</style></title></textarea><script>window.__pwned=2;alert(2)</script> and <b onmouseover=alert(3)>bold</b>",
    '<img src=x onerror="window.__pwned=3;alert(3)"> <svg onload=alert(4)> <iframe src="javascript:alert(5)">',
    '<a href="javascript:window.__pwned=4">click here</a> ]]> <![CDATA[ x ]]> --><!-- {{ 7*7 }} {% raw %}',
]


def esc(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def terms_page(paragraphs: list[str]) -> str:
    body = "".join(f"<h2>Section {i + 1}</h2><p>{p}</p>" for i, p in enumerate(paragraphs))
    return f"<html><body><main><h1>Acme AI Commercial Terms</h1>{body}</main></body></html>"


def hostile_page(retention: str) -> str:
    """A privacy policy whose text is hostile markup (as text) and whose HTML carries live hostile tags too."""
    paragraphs = [
        f"We keep your chat logs for {retention} and then delete them. {' '.join(esc(h) for h in HOSTILE[1:])}",
        "We never use your conversations to train our models.",
        "You can ask us for a copy of your data at any time.",
        "We share data with processors only under written contracts that bind them to these terms.",
        "Questions about this policy go to our privacy team, who answer within thirty days.",
    ]
    live = ('<script>window.__pwned="live";alert("live")</script><img src=x onerror="window.__pwned=\'img\'">'
            '<a href="javascript:window.__pwned=\'link\'">Contact</a>')
    body = "".join(f"<p>{p}</p>" for p in paragraphs)
    return (f"<html><head><title>Privacy</title><style>main{{display:none}}</style></head><body><main>"
            f"<h1>Acme Privacy Policy</h1><h2>{esc(HOSTILE[0])}</h2>{body}{live}</main></body></html>")


ROGUE_VENDOR = "Rogue <img src=x onerror=alert(9)> AI"


def rogue_page(words: str) -> str:
    text = " ".join(f"Rogue AI offers its assistant under these usage rules, paragraph {i}: {words}." for i in range(5))
    return f"<html><body><main><h1>Rogue usage policy</h1><p>{text}</p></main></body></html>"


@pytest.fixture(scope="module")
def site(tmp_path_factory):
    """A config with three documents of two vendors and an agreement; two real runs; the report written."""
    root = tmp_path_factory.mktemp("report")
    server = PageServer()
    try:
        config = root / "config.toml"
        config.write_text(config_toml()
            + document_toml("acme-terms", server.url("/terms"), vendor="Acme AI", type_="Commercial Terms")
            + document_toml("acme-privacy", server.url("/privacy"), vendor="Acme AI", audience="consumer",
                            type_="Privacy Policy")
            + document_toml("rogue-usage", server.url("/rogue"), vendor=ROGUE_VENDOR, audience="consumer",
                            type_="Usage <Policy>")
            + '[[agreements]]\nid = "acme-msa"\nvendor = "Acme AI"\ndocuments = ["acme-terms", "acme-privacy"]\n'
              'signed_on = 2020-01-01\nrenews_on = 2099-01-01\nnotes = "MSA </td><script>alert(10)</script>"\n'
        )
        server.set("/terms", terms_page(TERMS))
        server.set("/privacy", hostile_page("30 days"))
        server.set("/rogue", rogue_page("be kind"))
        first = run_termwatch(config, "run", "--json")
        assert first.code == 0, first.stderr
        server.set("/terms", terms_page(TERMS_CHANGED))
        server.set("/privacy", hostile_page("5 years"))
        server.set("/rogue", rogue_page("be very kind"))
        second = run_termwatch(config, "run", "--json")
        assert second.code == 0, second.stderr
    finally:
        server.httpd.shutdown()
        server.httpd.server_close()
    recorded = {c["document"]: c for c in second.json()["changes"]}
    assert set(recorded) == {"acme-terms", "acme-privacy", "rogue-usage"}
    assert recorded["acme-terms"]["retention"] is True
    out = root / "site"
    result = CliRunner().invoke(cli, ["--config", str(config), "report", "--out", str(out)], catch_exceptions=False)
    assert result.exit_code == 0, result.output
    return {"config": config, "out": out, "changes": recorded,
            "urls": {server.url(p) for p in ("/terms", "/privacy", "/rogue")}}


def parse(path: Path):
    return lxml.html.fromstring(path.read_text(encoding="utf-8"))


def html_files(out: Path) -> list[Path]:
    return sorted(out.glob("*.html"))


def report_files(out: Path) -> set[str]:
    return {p.relative_to(out).as_posix() for p in out.rglob("*") if p.is_file()}


def test_the_report_has_an_index_a_page_per_document_change_and_agreement_and_feeds(site):
    out, changes = site["out"], site["changes"]
    expected = {"index.html", "document-acme-terms.html", "document-acme-privacy.html", "document-rogue-usage.html",
                "agreement-acme-msa.html", "feed.xml", "feed-acme-ai.xml",
                "feed-rogue-img-src-x-onerror-alert-9-ai.xml", "vendor-acme-ai.html",
                "vendor-rogue-img-src-x-onerror-alert-9-ai.html"}
    expected |= {f"change-{c['id']}.html" for c in changes.values()}
    # A page per version, and the raw page it was read from, as text.
    versions = list(db_at(site["config"])["versions"].rows)
    assert len(versions) == 6
    expected |= {f"version-{v['document']}-{v['id']}.html" for v in versions}
    expected |= {f"raw/{v['document']}-{v['id']}.html.txt" for v in versions}
    assert report_files(out) == expected


def test_every_link_resolves_to_a_file_of_the_report_and_nothing_is_loaded_from_elsewhere(site):
    out = site["out"]
    reached, queue = {"index.html"}, ["index.html"]
    while queue:  # every page is reachable from the index
        page = out / queue.pop()
        if page.suffix != ".html":
            continue
        tree = parse(page)
        assert not tree.xpath("//*[@src]") and not tree.xpath("//link[@rel='stylesheet']")
        csp = tree.xpath("//meta[@http-equiv='Content-Security-Policy']/@content")
        assert csp and "default-src 'none'" in csp[0] and "script-src" not in csp[0]
        for href in tree.xpath("//a/@href | //link/@href"):
            if href.startswith(("http://", "https://")):
                assert href in site["urls"], f"{page.name} links outside the report: {href}"
                continue
            target = urlsplit(href)
            assert not target.scheme and not target.netloc and not target.path.startswith("/"), href
            assert (out / target.path).is_file(), f"{page.name} links to missing {href}"
            if target.path not in reached:
                reached.add(target.path)
                queue.append(target.path)
    assert reached == report_files(out)


def test_index_puts_commercial_and_consumer_documents_side_by_side_with_flags(site):
    tree = parse(site["out"] / "index.html")
    [acme] = [row for row in tree.xpath("//table[@class='vendors']//tr[th]") if "Acme AI" in row.text_content()]
    commercial = acme.xpath("./td[contains(@class,'commercial')]")[0]
    consumer = acme.xpath("./td[contains(@class,'consumer')]")[0]
    assert commercial.xpath(".//a[@href='document-acme-terms.html']")
    assert "acme-privacy" not in commercial.text_content()
    assert consumer.xpath(".//a[@href='document-acme-privacy.html']") and "acme-terms" not in consumer.text_content()
    terms_change = site["changes"]["acme-terms"]
    assert commercial.xpath(f".//a[@href='change-{terms_change['id']}.html']")
    assert "retention" in [f.text for f in commercial.xpath(".//span[contains(@class,'flag')]")]
    [agreement] = tree.xpath("//table[@class='agreements']//tr[td]")
    text = agreement.text_content()
    # Signed in 2020, before the first run, nothing pinned: measured from a stand-in, so unverified, not drifted.
    assert "acme-msa" in text and "2099-01-01" in text
    assert "2 of 2 documents unverified (2 changed since watching began)" in text
    assert "termwatch agreements pin acme-msa acme-terms --file signed.pdf" in text
    assert agreement.xpath(".//a[@href='agreement-acme-msa.html']")


def test_document_page_shows_the_timeline_newest_first(site):
    tree = parse(site["out"] / "document-acme-terms.html")
    items = tree.xpath("//ol[@class='timeline']/li")
    versions = [int(re.search(r"Version (\d+)", li.text_content()).group(1)) for li in items]
    assert versions == sorted(versions, reverse=True) and len(versions) == 2
    change = site["changes"]["acme-terms"]
    assert items[0].xpath(f".//a[@href='change-{change['id']}.html']")
    assert "First recorded version" in items[1].text_content()


def test_change_page_shows_the_highlighted_diff_the_flagged_clause_and_the_facts(site):
    change = site["changes"]["acme-terms"]
    tree = parse(site["out"] / f"change-{change['id']}.html")
    assert [e.text_content() for e in tree.xpath("//div[@class='diff']//del")] == ["30 days"]
    assert [e.text_content() for e in tree.xpath("//div[@class='diff']//ins")] == ["2 years"]
    pairs = [[td.text_content() for td in tr.xpath("td")]
             for tr in tree.xpath("//table[@class='pairs']//tr[@class='pair changed']")]
    assert any("30 days" in before and "2 years" in after for before, after in pairs), pairs
    titles = [tr.text_content() for tr in tree.xpath("//table[@class='pairs']//tr[contains(@class, 'pair-title')]")]
    assert any(t.startswith("retention") and "reworded" in t for t in titles), titles
    facts = [[td.text_content() for td in tr.xpath("td")] for tr in tree.xpath("//table[@class='facts']//tr[td]")]
    assert any("30 days" in before and "2 years" in after for _, before, after in facts), facts


def test_agreement_page_shows_drift_of_each_document_and_the_renewal_date(site):
    tree = parse(site["out"] / "agreement-acme-msa.html")
    text = tree.text_content()
    assert "renews 2099-01-01" in text and "2 of 2 documents unverified" in text
    assert [s.text_content() for s in tree.xpath("//h2/span[@class='unverified']")] == [
        "unverified, changed since watching began"] * 2
    assert tree.xpath("//a[@href='document-acme-terms.html']") and tree.xpath("//a[@href='document-acme-privacy.html']")
    assert "2 years" in [e.text_content() for e in tree.xpath("//div[@class='diff']//ins")]
    assert "MSA </td><script>alert(10)</script>" in text


def test_hostile_page_content_is_shown_as_text_never_as_markup(site):
    out = site["out"]
    privacy = site["changes"]["acme-privacy"]
    change_text = parse(out / f"change-{privacy['id']}.html").text_content()
    for payload in HOSTILE[1:]:
        assert payload in change_text
    assert HOSTILE[0] in change_text  # the heading the changed clauses sit under
    assert ROGUE_VENDOR in parse(out / "index.html").text_content()
    for page in html_files(out):
        tree = parse(page)
        assert not tree.xpath("//script | //img | //svg | //iframe | //object | //embed | //textarea"), page.name
        assert len(tree.xpath("//style")) == 1 and tree.xpath("//style")[0].getparent().tag == "head"
        assert not [a for a in tree.xpath("//@*") if a.attrname.lower().startswith("on")], page.name
        assert not [h for h in tree.xpath("//@href") if "javascript" in h.lower()], page.name
        assert not tree.xpath("//b"), page.name


def test_chromium_renders_the_report_highlights_the_flagged_clause_and_runs_nothing(site, tmp_path):
    from playwright.sync_api import sync_playwright

    out = site["out"]
    terms_change, privacy_change = site["changes"]["acme-terms"], site["changes"]["acme-privacy"]
    dialogs: list[str] = []
    with sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path="/usr/bin/chromium", args=CHROMIUM_ARGS)
        page = browser.new_page(viewport={"width": 1200, "height": 900})
        page.on("dialog", lambda dialog: (dialogs.append(dialog.message), dialog.dismiss()))
        for file in html_files(out):
            page.goto(file.as_uri())
            page.wait_for_load_state("load")
            page.screenshot(path=tmp_path / f"{file.stem}.png", full_page=True)
            assert page.evaluate("typeof window.__pwned") == "undefined", file.name
            assert page.title().endswith("· termwatch"), file.name
            # Hovering the would-be handler and clicking a would-be link do nothing either.
            assert page.evaluate(
                "document.querySelectorAll('script,img,svg,iframe,[onmouseover],[onerror]').length") == 0

        page.goto((out / f"change-{terms_change['id']}.html").as_uri())
        for selector, word in (("div.diff ins", "2 years"), ("div.diff del", "30 days")):
            mark = page.locator(selector, has_text=word)
            assert mark.count() == 1 and mark.is_visible()
            box = mark.bounding_box()
            assert box and box["width"] > 0 and box["height"] > 0
            # The inline stylesheet applies under the CSP: the mark is highlighted, not plain text.
            assert mark.evaluate("e => getComputedStyle(e).backgroundColor") not in ("rgba(0, 0, 0, 0)", "transparent")
        pair = page.locator("table.pairs tr.pair", has_text="up to 2 years")
        assert pair.is_visible() and page.locator("table.pairs span.flag.retention").first.is_visible()
        # The old wording and the new sit side by side on one row, the changed words marked in each.
        before, after = pair.locator("td.before"), pair.locator("td.after")
        b, a = before.bounding_box(), after.bounding_box()
        assert abs(b["y"] - a["y"]) < 2 and b["x"] + b["width"] <= a["x"] + 1
        assert before.locator("del").first.is_visible() and after.locator("ins", has_text="2 years").is_visible()
        page.screenshot(path=tmp_path / "flagged-change.png", full_page=True)

        page.goto((out / f"change-{privacy_change['id']}.html").as_uri())
        assert page.get_by_text("window.__pwned=2;alert(2)").first.is_visible()
        page.get_by_text("click here").first.click()  # text, not a link: nothing navigates, nothing runs
        assert page.url == (out / f"change-{privacy_change['id']}.html").as_uri()
        assert page.evaluate("typeof window.__pwned") == "undefined"
        browser.close()
    assert dialogs == []
    assert (tmp_path / "flagged-change.png").stat().st_size > 1000


def test_report_without_a_database_is_one_line_and_exit_1(tmp_path):
    config = tmp_path / "config.toml"
    config.write_text('[storage]\ndatabase = "none.db"\n\n' + document_toml("a", "https://example.com/a"))
    result = run_termwatch(config, "report", "--out", str(tmp_path / "site"))
    assert result.code == 1
    assert result.stderr.strip().splitlines() == [
        f"Error: {tmp_path / 'none.db'}: no database yet; run `termwatch run` first"]
    assert not (tmp_path / "site").exists()


def test_report_into_an_unwritable_place_is_one_line_and_exit_1(site, tmp_path):
    blocker = tmp_path / "file"
    blocker.write_text("not a folder")
    result = CliRunner().invoke(cli, ["--config", str(site["config"]), "report", "--out", str(blocker / "site")])
    assert result.exit_code == 1
    assert result.output.strip().splitlines() == [
        f"Error: {blocker / 'site'}: cannot write the report (Not a directory); give --out a folder you can write to"]


def test_report_feeds_are_atom_with_links_relative_to_the_report(site):
    from lxml import etree

    atom = "{http://www.w3.org/2005/Atom}"
    feed = etree.parse(str(site["out"] / "feed.xml")).getroot()
    links = feed.findall(f"{atom}entry/{atom}link")
    assert links and all((site["out"] / link.get("href")).is_file() for link in links)
    rogue = etree.parse(str(site["out"] / "feed-rogue-img-src-x-onerror-alert-9-ai.xml")).getroot()
    assert [e.findtext(f"{atom}title") for e in rogue.findall(f"{atom}entry")] == [
        f"{ROGUE_VENDOR} Usage <Policy> changed"]


def test_a_new_report_replaces_the_earlier_one_and_leaves_other_files_alone(site, tmp_path):
    out = tmp_path / "site"
    out.mkdir()
    (out / "change-999.html").write_text("a change since dropped as noise")
    (out / "README.txt").write_text("the host's own file")
    result = CliRunner().invoke(cli, ["--config", str(site["config"]), "report", "--out", str(out)],
                                catch_exceptions=False)
    assert result.exit_code == 0
    assert not (out / "change-999.html").exists() and (out / "README.txt").read_text() == "the host's own file"
    assert {p.name for p in out.iterdir()} == {p.name for p in site["out"].iterdir()} | {"README.txt"}


@pytest.mark.parametrize("renews_on,expected", [
    (None, None), ("2026-11-24", "renews today"), ("2026-11-25", "in 1 day"), ("2027-01-23", "in 60 days"),
    ("2026-11-23", "passed 1 day ago"), ("2026-11-14", "passed 10 days ago"),
])
def test_renewal_note(renews_on, expected):
    from datetime import date

    from monitor.views.report import renewal_note

    assert renewal_note(renews_on, date(2026, 11, 24)) == expected


def test_vendors_whose_names_make_the_same_file_name_get_separate_feeds():
    from monitor.views.report import feed_names

    assert feed_names(["Acme AI", "Acme-AI", "Ünïcode", "Beta"]) == {
        "Acme AI": "feed-acme-ai.xml", "Acme-AI": "feed-acme-ai-2.xml", "Ünïcode": "feed-unicode.xml",
        "Beta": "feed-beta.xml"}


def test_a_document_never_fetched_successfully_still_gets_its_pages():
    from datetime import date

    from monitor.views.report import document_page, index_page, render

    row = {"document": "beta-dpa", "vendor": "Beta", "audience": "commercial", "type": "DPA", "url": "https://beta.example/dpa",
           "versions": 0, "last_change": None, "last_fetch": "2026-11-24T06:00:00+00:00", "last_outcome": "failed",
           "last_reason": "bot wall: <Cloudflare> challenge", "last_status": 403}
    context = {"generated": "2026-11-24T06:00:00+00:00", "today": date(2026, 11, 24)}
    index = lxml.html.fromstring(render(index_page([row], [], [], {"Beta": "feed-beta.xml"}, context)))
    assert "last fetch failed: bot wall: <Cloudflare> challenge" in index.text_content()
    assert "No agreements configured" in index.text_content()
    page = lxml.html.fromstring(render(document_page(row, [], [], context)))
    assert "No version recorded yet." in page.text_content() and page.xpath("//a[@href='https://beta.example/dpa']")


def test_index_says_what_each_vendor_says_today_commercial_and_consumer_side_by_side(site):
    tree = parse(site["out"] / "index.html")
    [acme] = [s for s in tree.xpath("//div[@class='answer-sheet']/section") if "Acme AI" in s.xpath("string(h3)")]
    rows = {r.xpath("string(th/text()[1])").strip(): r for r in acme.xpath(".//tr[contains(@class, 'question')]")}
    assert set(rows) == {"Training on customer data", "Retention"}  # access is on the vendor's page
    commercial = rows["Training on customer data"].xpath("string(td[contains(@class, 'commercial')])")
    consumer = rows["Training on customer data"].xpath("string(td[contains(@class, 'consumer')])")
    assert "Customer Content: not used unless you opt in" in commercial and TERMS[1] in commercial
    assert "conversations: not used" in consumer and "We never use your conversations to train our models." in consumer
    assert "commercial and consumer differ" in rows["Training on customer data"].xpath("string(th)")
    # Each quote links to the report's page of the version it is from: the kept evidence.
    kept = rows["Training on customer data"].xpath(".//td[contains(@class, 'commercial')]//a[text()='kept copy']/@href")
    assert kept and all(re.fullmatch(r"version-acme-terms-\d+\.html", href) for href in kept)
    assert all((site["out"] / href).is_file() for href in kept)
    retention = rows["Retention"].xpath("string(td[contains(@class, 'commercial')])")
    assert "up to 2 years" in retention and "up to 30 days" not in retention  # today's wording, not the first
    # Each vendor has a page with all three questions, linked from its name.
    [href] = acme.xpath("h3/a/@href")
    vendor = parse(site["out"] / href)
    titles = [t.strip() for t in vendor.xpath("//tr[contains(@class, 'question')]/th/text()[1]")]
    assert titles == ["Training on customer data", "Retention", "Access: who may see or receive the data"]


def test_chromium_shows_the_index_answers_and_the_agreement_pairs_side_by_side(site, tmp_path):
    from playwright.sync_api import sync_playwright

    def side_by_side(left, right) -> bool:
        a, b = left.bounding_box(), right.bounding_box()
        return bool(a and b and abs(a["y"] - b["y"]) < 2 and a["x"] + a["width"] <= b["x"] + 1)

    out = site["out"]
    with sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path="/usr/bin/chromium", args=CHROMIUM_ARGS)
        page = browser.new_page(viewport={"width": 1300, "height": 900})
        page.goto((out / "index.html").as_uri())
        acme = page.locator("div.answer-sheet section.answers", has_text="Acme AI")
        training = acme.locator("tr.question", has_text="Training on customer data")
        assert training.is_visible() and training.locator("span.differ").is_visible()
        commercial, consumer = training.locator("td.answer.commercial"), training.locator("td.answer.consumer")
        assert side_by_side(commercial, consumer)
        assert commercial.locator("blockquote.quote", has_text=TERMS[1]).is_visible()
        page.screenshot(path=tmp_path / "index.png", full_page=True)

        page.goto((out / "agreement-acme-msa.html").as_uri())
        pair = page.locator("table.pairs tr.pair.changed", has_text="up to 2 years")
        assert pair.is_visible()
        assert side_by_side(pair.locator("td.before"), pair.locator("td.after"))
        assert pair.locator("td.before del", has_text="30 days").is_visible()
        assert pair.locator("td.after ins", has_text="2 years").is_visible()
        assert page.locator("span.unverified").first.is_visible()
        page.screenshot(path=tmp_path / "agreement.png", full_page=True)
        assert page.evaluate("typeof window.__pwned") == "undefined"
        browser.close()
    assert (tmp_path / "index.png").stat().st_size > 1000 and (tmp_path / "agreement.png").stat().st_size > 1000
