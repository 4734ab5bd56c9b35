"""`zh-events review`: the static HTML report of a real run (the seeds), parsed and rendered in headless Chromium."""

from __future__ import annotations

import json
import re
import shutil
from collections import Counter
from html.parser import HTMLParser
from pathlib import Path

import pytest

from conftest import SEEDS, run_cli
from pipeline.config import load_config
from pipeline.review import load_run, render_report, write_report
from pipeline.runner import Runner


@pytest.fixture(scope="module")
def seed_run(tmp_path_factory) -> Path:
    """The seeds through the default pipeline, with a warning on one record and one error record."""
    out = tmp_path_factory.mktemp("review-run")
    Runner(load_config(), out, workers=0, progress=False).run([str(SEEDS)])
    recs = [json.loads(x) for x in (out / "records.jsonl").read_text(encoding="utf-8").splitlines()]
    recs[1]["warnings"].append("flagged by the test")
    (out / "records.jsonl").write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in recs), encoding="utf-8")
    with open(out / "errors.jsonl", "a", encoding="utf-8") as f:
        f.write(json.dumps({"doc_id": "broken-page", "source_path": "x/broken-page.html", "stage": "ner",
                            "error_type": "StageError", "message": "made up for the test", "config_hash": "0"}) + "\n")
    return out


@pytest.fixture(scope="module")
def records(seed_run) -> list[dict]:
    return [json.loads(x) for x in (seed_run / "records.jsonl").read_text(encoding="utf-8").splitlines()]


@pytest.fixture(scope="module")
def page(seed_run, tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("review") / "report.html"
    assert write_report(seed_run, out) == 5
    return out


class Tags(HTMLParser):
    """Every start tag with its attributes."""

    def __init__(self) -> None:
        super().__init__()
        self.tags: list[tuple[str, dict]] = []

    def handle_starttag(self, tag, attrs):
        self.tags.append((tag, dict(attrs)))


def parse(path: Path) -> list[tuple[str, dict]]:
    p = Tags()
    p.feed(path.read_text(encoding="utf-8"))
    return p.tags


def test_page_is_self_contained(page):
    tags = parse(page)
    for tag, attrs in tags:
        assert tag not in ("link", "img", "iframe", "object", "embed")
        assert "src" not in attrs, (tag, attrs)
        href = attrs.get("href")
        assert href is None or href.startswith("#"), href
    assert "url(" not in page.read_text(encoding="utf-8")


def test_overview_counts_and_config_hash(page, records):
    html = page.read_text(encoding="utf-8")
    types = Counter(r["event"]["type"] for r in records)
    for t, n in types.items():
        assert re.search(rf"<td>{t}</td><td class='n'>{n}</td>", html)
    assert "<td>ner</td><td class='n'>1</td>" in html  # errors by stage
    assert records[0]["config_hash"] in html
    assert "made up for the test" in html


def test_every_line_and_removed_line_is_shown(page, records):
    tags = parse(page)
    articles = [a for t, a in tags if t == "section" and "article" in a.get("class", "")]
    assert [a["data-type"] for a in articles] == [r["event"]["type"] for r in records]
    line_divs = [a for t, a in tags if t == "div" and a.get("class", "").startswith("line role-")]
    kept = sum(1 for r in records for ln in r["lines"] if ln["role"] != "blank")
    assert len(line_divs) == kept
    removed = sum(1 for r in records for ln in r["lines"] if ln["role"] in ("boilerplate", "duplicate"))
    assert removed > 0
    assert sum(1 for t, a in tags if t == "del" and a.get("class") == "removed") == removed
    html = page.read_text(encoding="utf-8")
    for r in records:
        for ln in r["lines"]:
            if ln["role"] == "boilerplate":
                assert f'<span class="rule-tag" title="{ln["reason"]}">{ln["rule"]}</span>' in html


def test_entities_repairs_and_evidence_links(page, records):
    tags = parse(page)
    marks = Counter(a["data-ent"] for t, a in tags if t == "mark")
    assert marks["PERSON"] > 0 and marks["ORG"] > 0 and marks["PLACE"] > 0
    n_repairs = sum(1 for r in records for x in r["repairs"] if x["end"] > x["start"])
    assert sum(1 for t, a in tags if t == "ins" and a.get("class") == "repair") >= n_repairs > 0
    ids = {a["id"] for _, a in tags if "id" in a}
    links = [a["href"][1:] for t, a in tags if t == "a" and a.get("class") == "ev"]
    assert len(links) > 20
    assert set(links) <= ids  # every link of the event record lands on its evidence


def test_bad_records_do_not_stop_the_report(seed_run, tmp_path):
    run = tmp_path / "run"
    shutil.copytree(seed_run, run)
    with open(run / "records.jsonl", "a", encoding="utf-8") as f:
        f.write('{"doc_id": "no-offsets", "text": "abc", "lines": [{"n": 0, "role": "body"}]}\n{torn\n')
    html = render_report(load_run(run))
    assert "record could not be rendered" in html
    assert "1 unreadable lines" in html
    assert html.count('<section class="article') == 6


def test_cli_review(seed_run, tmp_path):
    out = tmp_path / "r.html"
    proc = run_cli("review", str(seed_run), "--out", str(out), "--limit", "2")
    assert proc.returncode == 0, proc.stderr
    assert out.read_text(encoding="utf-8").count('<section class="article') == 2
    proc = run_cli("review", str(tmp_path / "nothing"), "--out", str(out))
    assert proc.returncode == 2 and "no records.jsonl" in proc.stderr


def _browser():
    sync_api = pytest.importorskip("playwright.sync_api", reason="the browser test needs playwright (the test extra)")
    exe = shutil.which("chromium") or shutil.which("chromium-browser")
    if exe is None:
        pytest.skip("the browser test needs a system Chromium: apt-get install -y chromium")
    return sync_api, exe


def test_page_in_headless_chromium(page, records, tmp_path):
    sync_api, exe = _browser()
    with sync_api.sync_playwright() as p:
        browser = p.chromium.launch(executable_path=exe, args=["--no-sandbox"])
        try:
            tab = browser.new_page(viewport={"width": 1400, "height": 1000})
            urls: list[str] = []
            tab.on("request", lambda r: urls.append(r.url))
            tab.goto(page.as_uri())
            assert urls == [page.as_uri()]  # nothing else is fetched
            assert tab.inner_text("#visible-count") == str(len(records))
            # struck-through removed lines and displaCy colours as rendered
            deco = tab.eval_on_selector("del.removed", "e => getComputedStyle(e).textDecorationLine")
            assert "line-through" in deco
            bg = tab.eval_on_selector('mark.ent[data-ent="PERSON"]', "e => getComputedStyle(e).backgroundColor")
            assert bg == "rgb(170, 156, 252)"
            # filters: event type, language, warnings
            tab.select_option("#f-type", "inspection")
            n_insp = sum(1 for r in records if r["event"]["type"] == "inspection")
            assert tab.inner_text("#visible-count") == str(n_insp)
            assert tab.locator("section.article:visible").count() == n_insp
            tab.select_option("#f-lang", "en")
            both = sum(1 for r in records if r["event"]["type"] == "inspection" and r["language"] == "en")
            assert tab.locator("section.article:visible").count() == both
            tab.select_option("#f-type", "")
            tab.select_option("#f-lang", "")
            tab.check("#f-warn")
            assert tab.locator("section.article:visible").count() == sum(1 for r in records if r["warnings"]) == 1
            tab.uncheck("#f-warn")
            # an evidence link scrolls to its anchor, which becomes the :target
            link = tab.locator("a.ev").first
            target = link.get_attribute("href")
            link.click()
            assert tab.evaluate("location.hash") == target
            assert tab.eval_on_selector(target, "e => e.matches(':target')")
            shot = tmp_path / "review.png"
            tab.screenshot(path=str(shot))
            assert shot.stat().st_size > 10_000
        finally:
            browser.close()
