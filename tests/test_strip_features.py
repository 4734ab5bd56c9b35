"""The strip stage's line features and decision, one by one: each mechanism fires on a case written for it,
stays quiet on a near miss, and is switched off by `strip.disable` (its id or its group prefix).

All texts were written for these tests (no page text copied)."""

from __future__ import annotations

import json

import pytest

from pipeline.document import Document
from pipeline.registry import StageError, get_stage
from pipeline.rulefiles import Hint
from pipeline.schema import RawDocument
from pipeline.strip import line_features

HEAD = "市委书记周海调研新能源电池产业链"
P1 = "3月15日,市委书记周海来到高新区,专题调研新能源电池产业链发展情况。"
P2 = "周海强调,要围绕产业链部署创新链,推动新能源电池产业集群发展。"
EN_HEAD = "Mayor inspects flood control work along the river"
EN_P1 = "Mayor Chen Gang inspected flood control work along the Qing River on July 1, and asked departments to stay on duty."
EN_P2 = "He stressed that the safety of the people comes first and that every dike must be patrolled day and night."


def make_doc(text: str, meta: dict | None = None) -> Document:
    raw = RawDocument(
        doc_id="t", source_path="t.txt", source_format="txt", sha256="0", n_bytes=len(text.encode()),
        encoding="utf-8", encoding_confidence=1.0, text=text, meta=meta or {},
    )
    return Document.from_raw(raw)


def build(*disable: str):
    spec = get_stage("strip")
    return spec.factory(spec.config_cls(disable=list(disable)))


@pytest.fixture(scope="module")
def strip():
    return build()


def roles(stage, lines: list[str], meta: dict | None = None) -> list[tuple[str, str | None]]:
    return [(ln.role, ln.rule) for ln in stage(make_doc("\n".join(lines), meta)).lines]


# ---- widget vocabulary ---------------------------------------------------------------------------------
@pytest.mark.parametrize("line", [
    "登录", "个人中心", "退出登录", "• 0 条评论", "• T小字 T大字", "【字体: 打印", "小字号", "微信  微博  朋友圈",
    "print mail large  medium  small", "【Fonts: A+ A A- Print", "View More", "English", "長者模式", "Sign in | Register",
])
def test_widget_lines_are_boilerplate(strip, line):
    assert roles(strip, [line, HEAD, P1, P2])[0] == ("boilerplate", "widget.vocab")


@pytest.mark.parametrize("line", [
    "收藏家协会召开年会", "Share of exports rises", "分享经济发展新模式", "More firms move to the zone",
])
def test_headlines_with_widget_words_are_not_widgets(strip, line):
    assert roles(strip, [line, P1, P2])[0][1] != "widget.vocab"


def test_widget_vocabulary_can_be_switched_off(strip):
    assert roles(build("widget"), ["个人中心", HEAD, P1, P2])[0][1] != "widget.vocab"


# ---- similarity to the body: headline or site chrome -----------------------------------------------------
def test_head_line_sharing_no_words_with_the_body_is_not_a_headline(strip):
    got = roles(strip, ["快讯", "青山融媒", HEAD, P1, P2])
    assert got[:3] == [("boilerplate", "head.no_overlap"), ("boilerplate", "head.no_overlap"), ("title", "title.headline")]
    got = roles(strip, ["Touch Qingshan", EN_HEAD, EN_P1, EN_P2])
    assert got[:2] == [("boilerplate", "head.no_overlap"), ("title", "title.headline")]
    # Switched off, every short head line is a headline again.
    assert roles(build("head.no_overlap"), ["快讯", HEAD, P1, P2])[0] == ("title", "title.headline")


def test_kicker_set_against_the_headline_and_a_slogan_headline_stay_titles(strip):
    got = roles(strip, ["春风行动 共建美好家园", HEAD, P1, P2])
    assert got[:2] == [("title", "title.kicker"), ("title", "title.headline")]
    # A slogan that is the page's first line, with no headline near the body, is the headline.
    got = roles(strip, ["稳中求进 奋力谱写新篇章", "日期:03-18", P1, P2])
    assert got[0] == ("title", "title.headline")
    # A blank line between them: the kicker rule does not reach it.
    got = roles(strip, ["青山融媒", "", HEAD, P1, P2])
    assert got[0] == ("boilerplate", "head.no_overlap")


# ---- the end of the text ---------------------------------------------------------------------------------
def test_last_paragraph_cut_by_a_size_limit_stays_body(strip):
    cut = "周海表示,将建立问题清单,逐项推动解"
    assert roles(strip, [HEAD, P1, P2, cut])[-1] == ("body", None)
    # A footer line in the same place is no paragraph: a publisher name, a bracketed credit.
    assert roles(strip, [HEAD, P1, P2, "青山日报"])[-1][0] == "boilerplate"
    assert roles(strip, [HEAD, P1, P2, "(市发改委 刘丹 供稿)"])[-1][0] == "boilerplate"
    assert roles(build("body.truncated"), [HEAD, P1, P2, cut])[-1] == ("boilerplate", "tail.after_body")


def test_paragraph_cut_at_a_page_break_stays_body(strip):
    cut = "周海指出,要加快项目建设。他强调,各部门要强化要素保障,推动签约项目早"
    got = roles(strip, [HEAD, P1, cut, "下一页>>", "青山市人民政府版权所有"])
    assert got[2] == ("body", None) and got[3][0] == "boilerplate"
    # Without a sentence end inside it, a short unclosed line after the body is footer material.
    assert roles(strip, [HEAD, P1, P2, "青山市数据局技术支持", "网站地图"])[3][0] == "boilerplate"
    assert roles(build("body.prose"), [HEAD, P1, cut, "下一页>>", "版权所有"])[2][0] == "boilerplate"


# ---- captions --------------------------------------------------------------------------------------------
def test_english_sentence_caption_is_body_and_a_short_subhead_a_title(strip):
    caption = "Chen Gang checks the water level at a pumping station on the Qing River"
    got = roles(strip, [EN_HEAD, EN_P1, caption, EN_P2])
    assert got[2] == ("body", None)
    got = roles(strip, [EN_HEAD, EN_P1, "Key Projects Move Ahead", EN_P2])
    assert got[2] == ("title", "title.subhead")
    assert roles(build("body.sentence_caption"), [EN_HEAD, EN_P1, caption, EN_P2])[2][0] == "title"


def test_headline_repeated_as_a_caption_is_a_title_and_a_reprint_is_a_duplicate(strip):
    got = roles(strip, [HEAD, P1, HEAD, P2])
    assert got[2] == ("title", "title.caption")
    # After the footer, the headline opens a reprinted block: duplicate.
    got = roles(strip, [HEAD, P1, P2, "责任编辑:王芳", HEAD, P1, P2])
    assert [r for r, _ in got[4:]] == ["duplicate"] * 3


def test_headline_echoed_with_a_photo_credit_is_a_caption_not_the_lead(strip):
    got = roles(strip, [HEAD, "2023-03-15 来源:青山网", HEAD + "。(图片来源:青山市委宣传部)", P1, P2])
    assert got[2] == ("title", "title.caption") and got[3] == ("body", None)


def test_subtitle_fused_below_the_headline_is_a_title_a_title_bar_above_is_not(strip):
    bar = "青山网_青山新闻_" + HEAD
    assert roles(strip, [bar, HEAD, P1, P2])[0] == ("boilerplate", "title.fused_nav")
    sub = "聚焦产业集群 打造创新高地——" + HEAD
    sub_p2 = "会议要求,要聚焦产业集群,打造创新高地,推动新能源电池产业集群发展。"
    assert roles(strip, [HEAD, "2023-03-15 来源:青山网", sub, P1, sub_p2])[2] == ("title", "title.fused_subtitle")


def test_quoted_subhead_is_a_title_and_a_quoted_sentence_body(strip):
    assert roles(strip, [HEAD, P1, "擦亮“两张名片”", P2])[2] == ("title", "title.subhead")
    quote = "周海说:“我们要把产业链做强。”"
    assert roles(strip, [HEAD, P1, quote, P2])[2] == ("body", None)


def test_teaser_trailing_off_above_the_article_is_boilerplate_and_prose_with_an_ellipsis_is_body(strip):
    got = roles(strip, ["招商政策……", "Projects in the zone such as...", HEAD, P1, P2])
    assert got[:2] == [("boilerplate", "teaser.trailing"), ("boilerplate", "teaser.trailing")]
    # Between paragraphs, a long line that trails off is still a paragraph.
    long_ = "周海说,企业反映的融资难、用工难、用地难等问题,市里都要逐项研究、逐项解决,不能让企业等……"
    assert roles(strip, [HEAD, P1, long_, P2])[2] == ("body", None)
    assert roles(build("teaser"), ["招商政策……", HEAD, P1, P2])[0][1] != "teaser.trailing"


def test_lines_under_a_colon_line_are_body(strip):
    items = ["参加座谈会的企业有:", "青山化工有限公司", "青山港务集团"]
    assert [r for r, _ in roles(strip, [HEAD, P1] + items + [P2])[2:5]] == ["body"] * 3
    # After the last paragraph too, up to the credit line.
    got = roles(strip, [HEAD, P1, P2] + items + ["责任编辑:王芳"])
    assert [r for r, _ in got[3:]] == ["body", "body", "body", "boilerplate"]
    # A field label ending in a colon introduces nothing (too short, or a rule names it).
    got = roles(strip, [HEAD, P1, P2, "联系电话:", "0571-1234567"])
    assert [r for r, _ in got[3:]] == ["boilerplate", "boilerplate"]
    got = roles(build("body.colon_run"), [HEAD, P1] + items + [P2])
    assert got[3] == ("title", "title.subhead")


def test_run_of_short_lines_above_the_article_is_a_link_list(strip):
    hot = ["市委书记周海调研电池企业", "新能源电池产业链推进会召开", "高新区电池项目集中开工", "周海会见电池企业客商"]
    got = roles(strip, hot + [HEAD, P1, P2])
    assert got[:5] == [("boilerplate", "nav.short_run")] * 4 + [("title", "title.headline")]
    # Three lines (kicker, headline, subtitle) are a headline block.
    block = ["聚焦新能源电池产业", HEAD, "推动电池产业集群发展"]
    assert [r for r, _ in roles(strip, block + [P1, P2])[:3]] == ["title"] * 3
    assert roles(build("nav.short_run"), hot + [HEAD, P1, P2])[0][1] != "nav.short_run"


# ---- switches and per-line hints -------------------------------------------------------------------------
def test_unknown_switch_leaves_the_stage_as_it_is_and_a_group_switches_all_its_rules(strip):
    lines = ["首页 > 新闻中心 > 本地要闻", HEAD, P1, P2, "网站地图 | 联系我们 | 关于我们"]
    assert roles(build("no.such.rule"), lines) == roles(strip, lines)
    got = roles(build("nav"), lines)
    assert not any(rule and rule.startswith("nav.") for _, rule in got)


def test_html_hints_give_evidence_with_their_own_ids(strip):
    lines = ["热点新闻", HEAD, P1, P2, "更多精彩内容", "青山市召开半年经济形势分析会"]
    feats = [{"landmark": "nav"}, {"tag": "h1"}, {"main": True}, {"main": True}, {"link_density": 0.9}, {"landmark": "aside"}]
    got = roles(strip, lines, {"line_features": json.dumps(feats)})
    assert got[0] == ("boilerplate", "html.landmark") and got[4] == ("boilerplate", "html.link_density")
    assert got[5] == ("boilerplate", "html.landmark") and got[1][0] == "title"
    # Inside the main block, a short line after the last paragraph is not cut as footer material.
    lines = [HEAD, P1, P2, "青山市数据局", "网站地图"]
    assert roles(strip, lines)[3] == ("boilerplate", "tail.after_body")
    main = json.dumps({"3": {"main": True}})
    assert roles(strip, lines, {"line_features": main})[3] == ("body", None)
    # Switched off, the hints say nothing.
    got = roles(build("html"), ["热点新闻", HEAD, P1, P2], {"line_features": json.dumps(feats[:4])})
    assert not any((rule or "").startswith("html.") for _, rule in got)


def test_malformed_line_features_are_ignored(strip):
    for bad in ["{not json", "[1, 2, 3]", json.dumps({"x": {"landmark": "nav"}}), "null"]:
        doc = make_doc("\n".join([HEAD, P1, P2]), {"line_features": bad})
        assert all(isinstance(v, dict) for v in line_features(doc).values())
        assert [ln.role for ln in strip(doc).lines] == ["title", "body", "body"]


@pytest.mark.parametrize("hint,value,fires", [
    (Hint(id="h", feature="f", role="boilerplate", reason="r", values=["Nav"]), "nav", True),
    (Hint(id="h", feature="f", role="boilerplate", reason="r", values=["nav"]), ["p", "nav"], True),
    (Hint(id="h", feature="f", role="boilerplate", reason="r", values=["nav"]), "main", False),
    (Hint(id="h", feature="f", role="boilerplate", reason="r", min=0.6), 0.7, True),
    (Hint(id="h", feature="f", role="boilerplate", reason="r", min=0.6), 0.2, False),
    (Hint(id="h", feature="f", role="boilerplate", reason="r", min=0.6), "0.9", False),
    (Hint(id="h", feature="f", role="body", reason="r"), True, True),
    (Hint(id="h", feature="f", role="body", reason="r"), 1, False),
])
def test_hint_matching(hint, value, fires):
    assert hint.fires(value) is fires


def test_widget_file_must_be_valid(tmp_path):
    bad = tmp_path / "widgets.toml"
    bad.write_text('zh = ["登录"]\n', encoding="utf-8")
    spec = get_stage("strip")
    with pytest.raises(StageError):
        spec.factory(spec.config_cls(widgets=str(bad)))


ISSUE11_PAGES = [
    "app_portal_widgets", "truncated_slogan", "paged_summary", "paper_portal_links", "colon_lists_quotes",
    "hot_list_above",
]


@pytest.mark.parametrize("name", ISSUE11_PAGES)
def test_same_roles_in_traditional_script(strip, name):
    # Metamorphic: the page converted to Traditional script (OpenCC s2t) keeps every line's role.
    import opencc

    from tests.test_strip_sites import PAGES, parse

    text, gold = parse(PAGES[name])
    trad = opencc.OpenCC("s2t").convert(text)
    assert [ln.role for ln in strip(make_doc(trad)).lines] == gold
