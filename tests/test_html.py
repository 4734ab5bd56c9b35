"""HTML pages keep their structure into strip: DOM features (pipeline/html.py) and DOM rules (pipeline/strip_dom.py).

The pages in tests/html_pages/ were written for these tests (build.py: fitted on; build_heldout.py: written after,
measured before any change). Their gold is the article text (headline, subheads, captions, paragraphs).
"""

from __future__ import annotations

import json
import time
from pathlib import Path

import pytest

from conftest import REPO, run_cli
from pipeline.config import ReaderConfig, RunConfig
from pipeline.document import Document
from pipeline.html import furniture, html_to_text, parse_html, tokens
from pipeline.reader import InputFile, read_file
from pipeline.record import check_offsets
from pipeline.registry import get_stage
from pipeline.schema import EventRecord
from pipeline.strip_dom import RULES, dom_roles

PAGES = REPO / "tests" / "html_pages"
ARTICLE = (
    "<h1>县委书记调研园区企业</h1><div class='article-content'>"
    "<p>5月6日，县委书记到园区走访企业，了解生产经营和项目建设情况。</p>"
    "<p>他强调，要优化营商环境，帮助企业解决实际困难，推动工业经济稳步增长。</p></div>"
)


@pytest.fixture(scope="module")
def stages():
    out = []
    for name in ("normalize", "strip"):
        spec = get_stage(name)
        out.append(spec.factory(spec.config_cls()))
    return out


def read(path: Path):
    return next(iter(read_file(InputFile(path, path.stem, fmt="html" if path.suffix in (".html", ".htm") else "txt"), ReaderConfig(), RunConfig())))


def run(raw, stages) -> Document:
    doc = Document.from_raw(raw)
    for stage in stages:
        doc = stage(doc)
    return doc


def page(body: str, title: str = "县委书记调研园区企业_某县政府") -> str:
    return f"<html><head><title>{title}</title></head><body>{body}</body></html>"


def feats(html: str) -> dict[str, dict]:
    p = parse_html(html)
    return dict(zip(p.text.split("\n"), p.line_features))


# ---- features --------------------------------------------------------------------------------------


def test_text_is_the_flattened_text_and_features_align_line_for_line():
    html = page("<div class='nav'><a>首页</a> <a>要闻</a></div>" + ARTICLE + "<p>第一行\n第二行</p>")
    p = parse_html(html)
    assert p.text == html_to_text(html)[0]
    assert len(p.line_features) == len(p.text.split("\n"))
    assert p.text.split("\n")[-2:] == ["第一行", "第二行"]
    json.dumps(p.line_features)  # plain data: RawDocument travels to worker processes


@pytest.mark.parametrize(
    "value,expected",
    [
        ("bdsharebuttonbox", "share"), ("newsShareBar", "share"), ("hot-news-content", "hot"), ("main-nav", "nav"),
        ("dqwz", "breadcrumb"), ("xgxw", "related"), ("comment-list", "comment"), ("TRS_Editor", None),
        ("article-header", None), ("mainContent", None), ("wrap", None), ("footer-links", "footer"),
    ],
)
def test_class_and_id_vocabulary(value, expected):
    found = furniture(tokens(value))
    assert (found[0] if found else None) == expected


def test_landmarks_and_aria_roles():
    f = feats(page(
        "<header><a>站点</a></header><nav><a>首页</a></nav><div role='navigation'><a>频道</a></div>"
        "<article><header><h1>县委书记调研园区企业</h1></header>" + ARTICLE[ARTICLE.index("<div"):] + "</article>"
        "<aside><p>热门文章列表</p></aside><footer><p>版权所有</p></footer>"
    ))
    assert f["站点"]["landmark"] == "header" and f["首页"]["landmark"] == "nav"
    assert f["频道"]["landmark"] == "role=navigation"
    assert f["县委书记调研园区企业"]["landmark"] is None  # a header inside the article holds its headline
    assert f["热门文章列表"]["landmark"] == "aside" and f["版权所有"]["landmark"] == "footer"


def test_main_block_is_the_article_container_and_link_density_is_measured():
    f = feats(page(
        "<ul class='x1'><li><a>市政协召开常委会议审议有关事项</a></li><li><a>委员开展提案督办调研活动</a></li></ul>" + ARTICLE
    ))
    body = [v for k, v in f.items() if k.startswith("5月6日")][0]
    assert body["main"] and body["link"] == 0.0
    item = f["市政协召开常委会议审议有关事项"]
    assert not item["main"] and item["link"] == 1.0 and item["block_link"] == 1.0
    assert f["县委书记调研园区企业"]["in_title"]


def test_page_wrapper_with_a_furniture_word_does_not_mark_the_article():
    f = feats(page("<div id='bottom-footer-wrap'>" + ARTICLE + "<div class='copyright'>版权所有</div></div>"))
    body = [v for k, v in f.items() if k.startswith("5月6日")][0]
    assert body["words"] is None and body["main"]
    assert f["版权所有"]["words"] == "footer:copyright"


def test_the_block_under_the_headline_wins_over_a_longer_second_article():
    second = "".join(f"<p>另一篇文章的第{i}段，内容较长，讲述其他地方的工作动态和有关情况，共有多个句子。</p>" for i in range(5))
    html = page(
        "<div class='item'><h1>县委书记调研园区企业</h1><div class='b'>" + ARTICLE[ARTICLE.index("<p>"):] + "</div>"
        + "<div class='item'><h1>另一条新闻的标题</h1><div class='b'>" + second + "</div></div>"
    )
    f = feats(html)
    assert [k for k, v in f.items() if v["main"]][0].startswith("5月6日")
    assert not f["另一条新闻的标题"]["main"]


def test_pathological_pages_parse_quickly():
    deep = "<div>" * 20000 + "深层文本。" + "</div>" * 20000
    t0 = time.perf_counter()
    p = parse_html(page(deep))
    assert p.text == "深层文本。" and len(p.line_features) == 1
    assert time.perf_counter() - t0 < 10
    assert parse_html("<<<>>><p>未闭合<div>段落").text.split("\n") == ["<<<>>>", "未闭合", "段落"]
    assert parse_html("").line_features == []


# ---- decisions -------------------------------------------------------------------------------------


def test_dom_rules_give_role_rule_and_reason(stages, tmp_path):
    html = page(
        "<div class='menu'><a>首页</a> <a>要闻</a></div><ul class='x'><li><a>频道一</a></li><li><a>频道二</a></li></ul>"
        "<div class='pos'><a>专题</a> <a>视频</a> <a>图片</a></div><div class='info'>浏览量很高的一篇</div>" + ARTICLE
        + "<div class='fx'>分享本页给朋友们</div><div class='relatedNews'>本地春季花展开幕</div>"
        "<div class='print'><div>" + ARTICLE[ARTICLE.index("<p>"):ARTICLE.index("</div>")] + "</div></div>"
    )
    path = tmp_path / "p.html"
    path.write_text(html, encoding="utf-8")
    doc = run(read(path), stages)
    by_text = {doc.text[ln.start : ln.end]: ln for ln in doc.lines}
    assert by_text["县委书记调研园区企业"].role == "title"
    assert by_text["本地春季花展开幕"].rule == "dom.class_words"
    assert by_text["频道一"].rule == "dom.link_line"
    assert by_text["浏览量很高的一篇"].rule == "dom.outside_main"
    repeats = [ln for ln in doc.lines if ln.rule == "dom.repeat"]
    assert len(repeats) == 2 and all(ln.role == "duplicate" for ln in repeats)
    for ln in doc.lines:
        if ln.role not in ("body", "blank"):
            assert ln.rule and ln.reason, ln
        if ln.rule in RULES:
            assert ln.reason and "{" not in ln.reason


def test_each_rule_can_be_switched_off():
    f = [
        {"tag": "div", "landmark": "nav", "words": None, "link": 1.0, "block_link": 1.0, "main": False},
        {"tag": "p", "landmark": None, "words": None, "link": 0.0, "block_link": 0.0, "main": True},
        {"tag": "div", "landmark": None, "words": None, "link": 0.0, "block_link": 0.0, "main": False},
    ]
    keys = ["首页要闻", "县委书记到园区走访企业。", "浏览次数"]
    assert [v and v[1] for v in dom_roles(f, keys)] == ["dom.landmark", None, "dom.outside_main"]
    off = dom_roles(f, keys, disabled=frozenset({"dom.landmark", "dom.outside_main"}))
    assert [v and v[1] for v in off] == ["dom.link_line", None, None]


def test_no_features_no_decisions():
    assert dom_roles(None, ["a", "b"]) == [None, None]
    assert dom_roles([{"main": True}], ["a", "b"]) == [None, None]  # not aligned: the text is not the page's


def test_plain_text_reads_without_features_and_strips_as_before(stages, tmp_path):
    text = "首页 | 新闻\n县委书记调研园区企业\n5月6日，县委书记到园区走访企业，了解生产经营和项目建设情况。\n"
    path = tmp_path / "a.txt"
    path.write_text(text, encoding="utf-8")
    raw = read(path)
    assert raw.line_features is None
    doc = run(raw, stages)
    assert not any(ln.rule and ln.rule.startswith("dom.") for ln in doc.lines)


# ---- the test pages --------------------------------------------------------------------------------


def _recall_precision(kept: str, gold: str) -> tuple[float, float]:
    import difflib
    import re

    k, g = re.sub(r"\s+", "", kept), re.sub(r"\s+", "", gold)
    hit = sum(b.size for b in difflib.SequenceMatcher(None, k, g, autojunk=False).get_matching_blocks())
    return hit / len(g), hit / max(1, len(k))


@pytest.mark.parametrize("path", sorted(PAGES.glob("*.html")), ids=lambda p: p.stem)
def test_pages_keep_the_article_and_drop_the_furniture(path, stages):
    raw = read(path)
    assert raw.source_format == "html" and len(raw.line_features) == len(raw.text.split("\n"))
    doc = run(raw, stages)
    recall, precision = _recall_precision(doc.clean_text()[0], path.with_suffix(".gold.txt").read_text(encoding="utf-8"))
    assert recall >= 0.92 and precision >= 0.95, (recall, precision)
    flat = run(raw.model_copy(update={"line_features": None}), stages)
    assert len(flat.lines) == len(doc.lines)  # the same lines with and without DOM features


def test_pages_in_gbk_and_big5_are_decoded():
    assert read(PAGES / "01_county_trs.html").encoding in ("gbk", "gb18030")
    page = read(PAGES / "13_tw_county_big5.html")
    assert page.encoding == "big5" and "視察" in page.text


@pytest.mark.slow
def test_full_pipeline_records_on_html_pages_keep_offsets(tmp_path):
    proc = run_cli("run", *map(str, sorted(PAGES.glob("*.html"))), "--out", str(tmp_path), "--workers", "0", "--quiet")
    assert proc.returncode == 0, proc.stderr
    records = [EventRecord.model_validate_json(ln) for ln in (tmp_path / "records.jsonl").read_text(encoding="utf-8").splitlines()]
    assert len(records) == len(list(PAGES.glob("*.html")))
    for rec in records:
        assert check_offsets(rec) == []
        assert rec.title and rec.source.format == "html"


def test_two_paragraphs_in_divs_both_stay_in_the_main_block():
    f = feats(page(
        "<div class='n'><a>首页</a></div><h1>县委书记调研园区企业</h1><div class='c'>"
        "<div>5月6日，县委书记到园区走访企业，了解生产经营和项目建设情况。</div>"
        "<div>他强调，要优化营商环境，帮助企业解决实际困难，推动工业经济稳步增长。</div></div>"
    ))
    assert [k[:5] for k, v in f.items() if v["main"]] == ["5月6日，", "他强调，要"]


def test_utility_classes_and_a_print_wrapper_do_not_mark_the_article():
    html = page(
        "<div id='printArea' class='position-relative pl-3'>" + ARTICLE + "</div><div class='pl-3'>页面底部</div>"
    )
    f = feats(html)
    body = [v for k, v in f.items() if k.startswith("5月6日")][0]
    assert body["main"] and body["words"] is None
    assert f["页面底部"]["words"] is None


def test_the_site_name_in_title_is_not_the_headline():
    nav = "<ul class='u'>" + "".join(f"<li><a>栏目{i}</a></li>" for i in range(6)) + "</ul>"
    for title in ("县委书记调研园区企业_工作动态_临川县人民政府门户网站", "临川县人民政府门户网站"):
        p = parse_html(page("<div class='x'>临川县人民政府门户网站</div>" + nav + ARTICLE, title=title))
        lines = p.text.split("\n")
        roles = dict(zip(lines, dom_roles(p.line_features, lines)))
        assert roles["临川县人民政府门户网站"] is None or roles["临川县人民政府门户网站"][1] != "dom.headline"
    assert roles["县委书记调研园区企业"] is None  # <title> names no headline: strip decides


def test_a_sidebar_of_prose_does_not_win_over_a_short_article():
    bios = "".join(f"<p>第{i}位领导，男，汉族，大学学历，现任县政府副县长，负责工业、商务、招商引资等方面工作。</p>" for i in range(4))
    f = feats(page("<div class='sidebar'>" + bios + "</div>" + ARTICLE, title="县政府网站"))
    assert [k[:5] for k, v in f.items() if v["main"]] == ["5月6日，", "他强调，要"]


def test_a_plain_paragraph_beside_a_paragraph_of_br_lines_stays_in_the_block():
    lines = "<br>".join(f"第{i}段，县委书记到园区走访企业，了解生产经营和项目建设情况。" for i in range(4))
    f = feats(page("<div class='n'><a>首页</a></div><div class='c'><p>5月6日，县委书记到园区走访企业，了解生产经营情况。</p>"
                   f"<div>{lines}</div></div>"))
    assert [k[:5] for k, v in f.items() if v["main"]] == ["5月6日，", "第0段，县", "第1段，县", "第2段，县", "第3段，县"]


def test_one_paragraph_article_keeps_its_caption_in_the_block():
    f = feats(page("<div class='n'><a>首页</a></div><div class='c'><p>会议现场</p>"
                   "<p>5月6日，县委书记到园区走访企业，了解生产经营和项目建设情况。</p></div>"))
    assert f["会议现场"]["main"]
