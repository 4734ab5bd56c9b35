"""Strip stage: line roles, inline cuts and bylines on the seeds and on hand-written articles."""

from __future__ import annotations

import tomllib
from pathlib import Path

import pytest

from pipeline.config import REPO_ROOT
from pipeline.document import Document
from pipeline.registry import get_stage
from pipeline.schema import RawDocument
from pipeline.strip import StripConfig, canonicalize

SEEDS = REPO_ROOT / "seeds"


@pytest.fixture(scope="module")
def strip():
    spec = get_stage("strip")
    return spec.factory(spec.config_cls())


def make_doc(text: str, doc_id: str = "t") -> Document:
    raw = RawDocument(
        doc_id=doc_id, source_path=f"{doc_id}.txt", source_format="txt", sha256="0", n_bytes=len(text.encode()),
        encoding="utf-8", encoding_confidence=1.0, text=text,
    )
    return Document.from_raw(raw)


def roles(doc: Document) -> dict[int, str]:
    return {ln.n: ln.role for ln in doc.lines}


def check_contract(doc: Document) -> None:
    """Offsets are those of default_lines; every cut, byline and reason is consistent with the text."""
    assert [(ln.n, ln.start, ln.end) for ln in doc.lines] == [(ln.n, ln.start, ln.end) for ln in doc.default_lines()]
    for ln in doc.lines:
        if ln.role != "body":
            assert ln.rule and ln.reason, ln
    for r in doc.removed:
        assert doc.text[r.start : r.end] == r.text and r.text.strip()
    for b in doc.bylines:
        assert doc.text[b.start : b.end] == b.name


# ---- seeds: the gold roles (shared/seeds-gold), written out so the test needs no shared folder ---------
SEED_GOLD = {
    "000_c8702dae49ef8be3": ({0, 1}, {9, 10, 11, 12, 13}),
    "001_2fdb4e153027f57d": ({0, 1, 2}, {10, 11, 12, 13}),
    "002_b1874fdb4da17194": (set(), {9, 10, 11}),
    "003_ce8d02f4c592dc9f": ({2}, {0, 6, 8, 22, 25, 27, 29, 31}),
    "004_b2aa8bcd635f08d0": ({2}, {0, 1, 3, 21, 22, 23, 25, 27, 29, 31, 33, 35, 37, 39, 41, 43, 45}),
}


@pytest.mark.parametrize("doc_id", sorted(SEED_GOLD))
def test_seed_roles_match_gold(strip, doc_id):
    doc = strip(make_doc((SEEDS / f"{doc_id}.txt").read_text(encoding="utf-8"), doc_id))
    check_contract(doc)
    titles, removed = SEED_GOLD[doc_id]
    got = roles(doc)
    assert {n for n, r in got.items() if r == "title"} == titles
    assert {n for n, r in got.items() if r in ("boilerplate", "duplicate")} == removed


def test_seed_repeated_body_is_duplicate_and_editor_is_byline(strip):
    doc = strip(make_doc((SEEDS / "004_b2aa8bcd635f08d0.txt").read_text(encoding="utf-8")))
    got = roles(doc)
    assert got[5] == "body" and got[29] == "duplicate" and got[25] == "duplicate"
    assert [(b.name, b.role) for b in doc.bylines] == [("王静秋", "editor")]
    assert doc.title == "宁波的时尚纺织服装产业如何更好地高质量发展?"


def test_seed_traditional_title_keeps_written_form(strip):
    doc = strip(make_doc((SEEDS / "000_c8702dae49ef8be3.txt").read_text(encoding="utf-8")))
    assert doc.title == "曹路寶在常熟、張家港調查研究時強調"
    assert doc.lines[9].rule == "disclaimer.zh.notice"


# ---- hand-written articles from other kinds of sites ------------------------------------------------------
ARTICLE_ZH = """首页 > 新闻中心 > 县区动态
发布时间:2023-03-15 09:30:12  来源:青山日报  浏览次数:1523
【字体:大 中 小】【打印】【关闭】
青山市委书记李明到高新区调研数字经济发展
青山日报/青山新闻网3月14日讯(记者 王芳 通讯员 赵强)3月14日,青山市委书记李明到高新区调研数字经济发展情况,实地察看了多家企业的研发中心。
一、聚焦重点产业
李明强调,要抢抓数字经济发展机遇,加快推动产业数字化转型,为全市高质量发展注入新动能。
市领导张华、刘洋陪同调研。(陈晨 周一鸣)
责任编辑:孙丽
一审:钱程 二审:吴刚 三审:郑重
版权所有:青山市融媒体中心
地址:青山市人民路1号 电话:0123-4567890
赣ICP备12345678号"""


def test_simplified_article_from_a_county_site(strip):
    doc = strip(make_doc(ARTICLE_ZH))
    check_contract(doc)
    got = roles(doc)
    assert [got[n] for n in range(13)] == ["boilerplate"] * 3 + ["title", "body", "title", "body", "body"] + ["boilerplate"] * 5
    assert doc.title == "青山市委书记李明到高新区调研数字经济发展"
    assert [r.text for r in doc.removed] == ["青山日报/青山新闻网3月14日讯(记者 王芳 通讯员 赵强)", "(陈晨 周一鸣)"]
    assert [(b.name, b.role) for b in doc.bylines] == [
        ("王芳", "reporter"), ("赵强", "correspondent"), ("陈晨", "reporter"), ("周一鸣", "reporter"),
        ("孙丽", "editor"), ("钱程", "reviewer"), ("吴刚", "reviewer"), ("郑重", "reviewer"),
    ]
    kept = "".join(doc.text[s:e] for s, e in doc.body_segments())
    assert "记者" not in kept and "陈晨" not in kept and kept.startswith("3月14日,青山市委书记")


ARTICLE_HANT = """您現在的位置:首頁 > 新聞 > 本地
縣長陳(chén)志強主持召開營商環境座談會
本報訊 11月3日下午,縣長陳志強主持召開營商環境座談會,聽取企業代表的意見建議。
會上,十家企業負責人先後發言,就融資、用工和物流等問題提出建議。
陳志強表示,各部門要主動靠前服務,切實解決企業的實際困難。來源:縣政府辦
【責任編輯:林小雨】
免責聲明:本網轉載內容僅供參考,不代表本網觀點。
上一條:全縣秋季農業生產現場會召開"""


def test_traditional_article_with_pinyin_readings(strip):
    doc = strip(make_doc(ARTICLE_HANT))
    check_contract(doc)
    assert [ln.role for ln in doc.lines] == ["boilerplate", "title", "body", "body", "body"] + ["boilerplate"] * 3
    assert [(r.rule, r.text) for r in doc.removed] == [
        ("inline.zh.dateline", "本報訊 "), ("inline.zh.credit_end", "來源:縣政府辦"),
    ]
    assert [(b.name, b.role) for b in doc.bylines] == [("林小雨", "editor")]


ARTICLE_EN = """Home > News > China
Provincial governor inspects new energy projects
Updated: 2023-05-06 10:15
HEFEI, May 5 (Xinhua) -- Wang Qiang, governor of Anhui Province, visited several new energy vehicle plants on Friday and held a symposium with business leaders.
He called for greater efforts to support innovation and to keep supply chains stable.
Editor: Li Na
Copyright © 2023 Xinhua News Agency. All rights reserved.
Related News"""


def test_english_article_with_agency_dateline(strip):
    doc = strip(make_doc(ARTICLE_EN))
    check_contract(doc)
    assert [ln.role for ln in doc.lines] == ["boilerplate", "title", "boilerplate", "body", "body"] + ["boilerplate"] * 3
    assert [r.text for r in doc.removed] == ["HEFEI, May 5 (Xinhua) -- "]
    assert [(b.name, b.role) for b in doc.bylines] == [("Li Na", "editor")]


def test_full_width_and_traditional_footer_without_normalize(strip):
    text = "\n".join([
        "市長到園區調研",
        "市長王大明到產業園區調研，察看了企業生產情況，聽取了園區工作匯報。",
        "王大明要求，要優化服務，推動項目早日投產見效。",
        "版權(quán)所有：某市人民政府　地址：某市中山路8號　郵編：100000",
        "聯繫電話：０１２－３４５６７８９",
    ])
    doc = strip(make_doc(text))
    check_contract(doc)
    assert [ln.role for ln in doc.lines] == ["title", "body", "body", "boilerplate", "boilerplate"]
    assert doc.lines[3].rule == "copyright.any.rights" and doc.lines[4].rule == "contact.zh.footer"


def test_canonical_view_maps_back_to_the_line():
    import opencc

    line = "版權聲(shēng)明：本（站）"
    canon = canonicalize(line, opencc.OpenCC("t2s"))
    assert canon.text == "版权声明:本(站)"
    s, e = canon.to_line(canon.text.index("明"), len(canon.text))
    assert line[s:e] == "明：本（站）"


def test_empty_and_blank_documents(strip):
    assert strip(make_doc("")).lines[0].role == "blank"
    doc = strip(make_doc("  \n\n"))
    assert [ln.role for ln in doc.lines] == ["blank"] * 3 and doc.title is None


# ---- every rule id: a line that fires and a near miss that must not ---------------------------------------
ZH_HEAD = "某市召开产业发展推进会"
ZH_P1 = "5月6日,某市召开产业发展推进会,研究部署下一步重点工作。"
ZH_P2 = "会议要求,各地各部门要压实责任,确保各项任务落到实处。"
EN_HEAD = "City holds industry development meeting"
EN_P1 = "On May 6, the city held a meeting on industrial development and set out the key tasks for the next stage."
EN_P2 = "The meeting asked all departments to take responsibility and make sure that every task is carried out."

LINE_CASES = [
    ("meta.zh.bare_label", "内容提要:", "会议内容提要如下:一是加快项目建设;二是优化营商环境。"),
    ("meta.zh.bare_label", "【概要】:", "这份概要介绍了项目的基本情况和进度安排。"),
    ("meta.zh.summary_box", "【内容提要】:某市召开推进会,部署全年重点工作。", "会议审议了工作报告的内容提要和有关决议草案。"),
    ("nav.zh.subscribe", "青川手机报订阅方式:", "市民可以通过多种方式订阅该市的政务服务信息推送。"),
    ("nav.zh.subscribe", "移动用户发送短信QC到10658888", "企业用户可以通过短信平台接收政策推送和办事提醒。"),
    ("source.en.line", "This article is from the Qingshan Municipal Government website.", "The mayor said this article of the regulation is from the provincial law."),
    ("editor.en.line", "Photos taken by Wang Fang", "Photos taken by residents show the new bridge over the river at night."),
    ("nav.any.breadcrumb", "> Government > News", "Prices rose > 5% in the first quarter, the bureau said on Monday."),
    ("disclaimer.zh.notice", "本文仅代表作者观点,不代表本站立场。", "专家认为,这一观点代表了行业的主流意见,值得重视。"),
    ("disclaimer.zh.notice", "如有侵权,请联系我们删除。", "会议强调,要依法打击侵犯知识产权的违法行为。"),
    ("disclaimer.en.notice", "Disclaimer: this site does not represent the views of the authors.", "The mayor said the plan does not represent a change of policy for the region."),
    ("copyright.any.rights", "Copyright © 2023 City News. All rights reserved.", "The court ruled on a copyright dispute between two local publishers last week."),
    ("copyright.any.rights", "版权所有:某市人民政府办公室", "会议指出,要加强版权保护,维护创作者的合法权益。"),
    ("nav.zh.location", "当前位置:首页 > 政务公开", "会议确定了产业园区的位置,并研究了下一步的建设计划。"),
    ("nav.any.breadcrumb", "新闻中心 > 本地新闻 > 县区动态", "产值从50亿元增长到80亿元,增速大于全省平均水平。"),
    ("nav.zh.prevnext", "下一篇:某县召开防汛工作会议", "会议部署了下一步工作,要求各地抓好落实。"),
    ("nav.en.prevnext", "Next article: County holds flood control meeting", "The next step is to build a new logistics centre near the port, he said."),
    ("nav.zh.list_heading", "相关新闻", "相关部门要加强协作,及时解决企业反映的问题。"),
    ("nav.zh.widget", "【打印】【关闭】", "企业负责人介绍了打印设备的生产和销售情况。"),
    ("nav.en.list_heading", "Related news", "Related departments were asked to help companies solve practical problems."),
    ("nav.any.site_title", "某市召开产业发展推进会_某市新闻网", "会议由市新闻办主持,多家媒体参加了采访活动。"),
    ("contact.zh.footer", "地址:某市人民路1号  邮编:100000", "他走访了人民路1号的企业服务中心,了解办事流程。"),
    ("contact.en.footer", "Tel: 0123-456789  Fax: 0123-456780", "He asked companies to report problems to the service hotline at any time."),
    ("editor.zh.line", "责任编辑:张三", "会议还听取了编辑出版行业协会的工作汇报。"),
    ("editor.zh.line", "记者 王芳 通讯员 赵强", "记者:请问今年的重点项目进展如何?"),
    ("nav.zh.widget", "分享到:", "分享经验做法,推动各地互学互鉴。"),
    ("disclaimer.zh.notice", "部分内容来源于互联网,如有侵权请联系删除。", "对涉嫌侵权的企业,要联系相关部门及时处理。"),
    ("editor.en.line", "Editor: Li Na", "The editor of the local newspaper attended the meeting as a guest."),
    ("source.zh.line", "来源:某市融媒体中心", "会议指出,要拓宽资金来源,加大对企业的支持力度。"),
    ("source.en.line", "Source: City Daily", "The source of the funds will be the provincial budget, the mayor said."),
    ("meta.zh.fields", "发布时间:2023-05-06 浏览次数:123", "会议通报了今年一季度的发布会和新闻宣传工作情况。"),
    ("meta.en.fields", "Published: 2023-05-06", "The report published by the city shows a rise in output of 12 percent this year."),
    ("meta.any.datetime", "2023-05-06 10:20:15", "2023年5月6日,全市新开工项目达到120个,总投资超过300亿元。"),
    ("meta.any.url", "http://www.example.gov.cn", "详情请登录www.example.gov.cn查询,或拨打服务热线咨询。"),
    ("junk.any.letters", "AAA", "AAA级景区数量增加到12家,旅游收入稳步增长。"),
    ("junk.any.image", "IMG_2023.jpg", "企业展示了新研发的图像识别设备和产品。"),
    ("junk.zh.endmark", "(完)", "项目预计年底完工,届时将新增就业岗位500个。"),
    ("nav.zh.widget", "字型:小 中 大", "会议要求加大对小微企业的支持力度,帮助企业渡过难关。"),
    ("nav.any.widgets", "列印 转寄 分享", "会议要求各地分享经验,转发典型案例,打印材料要节约。"),
    ("nav.any.widgets", "Print | Share", "He asked officials to share data and print fewer documents in future."),
    ("nav.any.menu_bar", "关于我们 | 联系我们 | 隐私声明 | 使用帮助", "会议听取了产值、税收和就业三项指标的完成情况 | 并作部署。"),
    ("nav.any.menu_bar", "About Us | Contact Us | Privacy Policy", "The bar chart shows output | exports | jobs, the mayor said at the meeting."),
    ("nav.any.dated_item", "· 县长李华调研重点项目建设 2023-04-08", "项目计划于2023-04-08开工,年底前完成主体建设。"),
    ("nav.any.dated_item", "Hunan issues flood alert 2023-07-02", "The flood alert was lifted on 2023-07-02 after the rain stopped."),
    ("disclaimer.zh.notice", "本网站之文字、图片及影音,非经授权,不得转载。", "会议强调,非经批准不得擅自开工建设,违者依法处理。"),
    ("nav.zh.menu", "返回顶部", "会议要求各地返回基层开展调研,摸清实际情况。"),
    ("nav.en.menu", "Back to top", "He went back to the top floor of the plant to see the new production line."),
    ("nav.zh.section", "新闻公报", "会议审议了新闻公报的起草情况和发布安排。"),
    ("nav.zh.app", "打开青山新闻客户端 阅读体验更佳", "市民也可下载“青山办事”客户端在线反映问题,办理相关业务。"),
    ("nav.en.app", "Follow us on Twitter and Facebook", "Follow us, the mayor told the companies, and you will find the market."),
    ("copyright.en.sponsor", "Sponsored by the General Office of the City Government", "Sponsored by the city government, the forum attracted more than 300 guests."),
    ("notice.any.browser", "建议使用IE9以上浏览器,分辨率1024*768", "会议要求加快推广国产浏览器和办公软件的应用。"),
    ("notice.any.browser", "Note: Browsers with 1024*768 or higher resolution are suggested for this site.", "The screen resolution of the new display panels is higher than before."),
    ("meta.zh.fields", "2023-05-10 来源:某县融媒体中心 编辑:陈某", "会议指出,资金来源要多元,编辑出版行业要规范。"),
    ("meta.zh.fields", "2024-07-03 18:20　来源：青川日报　【大】【中】【小】　【打印】", "会议指出，项目资金来源：2024年7月3日前下达的省级补助。"),
    ("meta.zh.fields", "來源：南投日報　2023年11月15日　【字體：大 中 小】　【列印本頁】", "會議強調，資金來源：2023年11月起由縣財政統籌安排。"),
    ("junk.any.image", "[Photo/Xinhua]", "Photos of the new plant were shown at the meeting."),
    ("editor.zh.line", "张明 摄", "他们在现场进行了拍摄,记录下项目建设的过程。"),
    ("source.zh.line", "图片来源:青山市融媒体中心", "会议指出,要拓宽图片来源渠道,丰富宣传素材。"),
    ("disclaimer.zh.notice", "声明:本站转载的文章仅为传递更多信息,不代表本站赞同其观点,也不对其真实性负责。", "会议发表了联合声明,表示将深化合作。"),
    ("copyright.any.rights", "主办:青川县人民政府办公室  承办:青川县大数据中心", "主办方表示,本次活动吸引了200余家企业参加。"),
    ("nav.any.breadcrumb", "青山新闻网 > 本地要闻", "今年产值 > 去年,增速明显加快。"),
    ("disclaimer.zh.notice", "網站聲明:凡本網註明“來源:青山日報”的作品,版權均屬青山日報社所有。", "會議強調,凡涉及群眾利益的事項,都要公開透明。"),
    ("disclaimer.zh.notice", "凡本网注明“来源:XXX(非本网)”的作品,均转载自其它媒体,并不代表本网赞同其观点。", "他表示,本网格员要及时收集群众意见,并向社区反映。"),
    ("site.en.name", "Qingshan Municipal People's Government Portal", "The Qingshan Municipal Government Portal will offer 200 online services by the end of the year."),
    ("site.en.name", "Qingshan Daily Online", "Qingshan Daily reported the news online on Monday, and other media followed."),
    ("site.en.place", "Yishan, Jiangxi Province", "Yishan, a city in Jiangxi Province, hosted the forum."),
    ("site.zh.place", "江西省宜山市", "江西省宜山市新建了一批标准厂房,吸引多家企业入驻。"),
    ("meta.zh.paper_page", "青山日报　2024年9月13日　星期五　第03版：要闻", "会议审议了第二版规划,新版方案将于2024年9月公布。"),
    ("meta.zh.paper_page", "第A02版：綜合新聞", "會議指出,第二版規劃要突出重點,新版方案年內完成。"),
    ("meta.zh.paper_page", "版次：04　作者：记者 王芳", "2024年9月13日(星期五)上午,市委召开常委会议。"),
    ("nav.zh.paper_pages", "上一版　　下一版　　本版目录", "下一版本的规划将增加产业布局的内容。"),
    ("nav.zh.paper_pages", "上一期　下一期　往期回顧", "上一期工程已经完工,下一期工程将于年内开工。"),
    ("nav.zh.paper_pages", "【返回目錄】　PDF版", "会议审议了规划目录,并印发了PDF版本的文件。"),
]


def _article(line: str, at_end: bool = False) -> str:
    if any("\u4e00" <= c <= "\u9fff" for c in line):
        head, p1, p2 = ZH_HEAD, ZH_P1, ZH_P2
    else:
        head, p1, p2 = EN_HEAD, EN_P1, EN_P2
    return "\n".join([head, p1, p2, line] if at_end else [head, p1, line, p2])


EDGE_RULES = {
    r["id"]
    for r in tomllib.loads((REPO_ROOT / StripConfig().line_rules).read_text(encoding="utf-8"))["rule"]
    if r.get("zone") == "edge"
}


@pytest.mark.parametrize("rule_id,fires,near_miss", LINE_CASES, ids=[c[0] + ":" + c[1][:12] for c in LINE_CASES])
def test_line_rule_fires_and_near_miss_does_not(strip, rule_id, fires, near_miss):
    # An edge rule fires only outside the body, so its line goes after the last paragraph.
    edge = rule_id in EDGE_RULES
    doc = strip(make_doc(_article(fires, at_end=edge)))
    check_contract(doc)
    assert (doc.lines[3 if edge else 2].role, doc.lines[3 if edge else 2].rule) == ("boilerplate", rule_id)
    miss = strip(make_doc(_article(near_miss)))
    assert [ln.role for ln in miss.lines] == ["title", "body", "body", "body"]


INLINE_CASES = [
    ("inline.zh.dateline", "本报讯(记者 王芳)", "本报记者王芳报道,今年以来全市经济运行稳中向好,主要指标好于预期。"),
    ("inline.zh.dateline", "新华社北京5月6日电(记者 李强)", "据新华社报道,5月6日全国多地开展了安全生产检查。"),
    ("inline.zh.byline_end", "(吕超 刘玉覃)", "会议还研究了其他事项。(平台)"),
    ("inline.zh.byline_end", "张明 摄", "会议还研究了其他事项。全程拍摄"),
    ("inline.zh.credit_end", "来源:某县委办", "会议明确了资金来源。"),
    ("inline.zh.endmark", "(完)", "会议研究了其他事项(草案)"),
    ("inline.any.junk_prefix", "??? ", "? 会议研究了其他事项。"),
    ("inline.en.dateline", "BEIJING, May 5 (Xinhua) -- ", "Beijing, the capital, hosted the meeting on May 5."),
    ("inline.en.byline_end", "(Reporter: Zhang Wei)", "The plan was approved (with changes)."),
]


@pytest.mark.parametrize("rule_id,span,near_miss", INLINE_CASES, ids=[c[0] + ":" + c[1][:10] for c in INLINE_CASES])
def test_inline_rule_fires_and_near_miss_does_not(strip, rule_id, span, near_miss):
    zh = any("\u4e00" <= c <= "\u9fff" for c in span + near_miss)
    p1, head = (ZH_P1, ZH_HEAD) if zh else (EN_P1, EN_HEAD)
    if rule_id.endswith(("_end", "endmark")):
        line = p1 + span
    else:
        line = span + p1
    doc = strip(make_doc("\n".join([head, line, ZH_P2 if zh else EN_P2])))
    check_contract(doc)
    assert [(r.rule, r.text) for r in doc.removed] == [(rule_id, span)]
    assert doc.lines[1].role == "body"
    miss = strip(make_doc("\n".join([head, near_miss, ZH_P2 if zh else EN_P2])))
    assert miss.removed == []


# ---- structural mechanisms ---------------------------------------------------------------------------------
def test_teaser_repeating_the_body_is_boilerplate(strip):
    text = "\n".join([ZH_HEAD, ZH_P1[:20] + "…", ZH_P1, ZH_P2])
    assert [(ln.role, ln.rule) for ln in strip(make_doc(text)).lines][1] == ("boilerplate", "teaser.ellipsis")
    other = "\n".join([ZH_HEAD, "全市各地正在加紧推进重点项目建设,力争早日投产…", ZH_P1, ZH_P2])
    assert strip(make_doc(other)).lines[1].role == "body"


def test_headline_fused_with_navigation(strip):
    text = "\n".join(["青山在线 本地频道 " + ZH_HEAD, ZH_HEAD, ZH_P1, ZH_P2])
    doc = strip(make_doc(text))
    assert [(ln.role, ln.rule) for ln in doc.lines][:2] == [("boilerplate", "title.fused_nav"), ("title", "title.headline")]
    two_titles = "\n".join(["某市召开会议部署工作", ZH_HEAD, ZH_P1, ZH_P2])
    assert [ln.role for ln in strip(make_doc(two_titles)).lines][:2] == ["title", "title"]


def test_site_header_above_breadcrumb(strip):
    text = "\n".join(["某市政府门户网站", "当前位置:首页 > 要闻", ZH_HEAD, ZH_P1, ZH_P2])
    assert [ln.rule for ln in strip(make_doc(text)).lines][:3] == ["head.before_nav", "nav.zh.location", "title.headline"]


def test_headline_repeats(strip):
    after_footer = "\n".join([ZH_HEAD, ZH_P1, ZH_P2, "版权所有:某市新闻网", ZH_HEAD])
    assert strip(make_doc(after_footer)).lines[4].rule == "dup.repeat"
    caption = "\n".join([ZH_HEAD, ZH_P1, ZH_HEAD, ZH_P2])
    assert (strip(make_doc(caption)).lines[2].role, strip(make_doc(caption)).lines[2].rule) == ("title", "title.caption")
    after_teaser = "\n".join([EN_HEAD, EN_P1[:40] + "...", "City held an industry development meeting", EN_P1, EN_P2])
    assert [ln.rule for ln in strip(make_doc(after_teaser)).lines][1:3] == ["teaser.ellipsis", "dup.headline"]
    block = "\n".join([EN_HEAD, "City held an industry development meeting", EN_P1, EN_P2])
    assert [ln.role for ln in strip(make_doc(block)).lines][:2] == ["title", "title"]


def test_whole_body_repeated_after_footer(strip):
    text = "\n".join([ZH_HEAD, ZH_P1, ZH_P2, "某市人民政府办公室", "地址:某市人民路1号", ZH_P1, ZH_P2])
    doc = strip(make_doc(text))
    assert [ln.rule for ln in doc.lines] == [
        "title.headline", None, None, "tail.after_body", "contact.zh.footer", "dup.repeat", "dup.repeat",
    ]


def test_subheads_and_symbol_lines_between_paragraphs(strip):
    text = "\n".join([ZH_HEAD, ZH_P1, "二、强化要素保障", ZH_P2, "(2023)第15号", ZH_P1, ZH_P2 + "另外,会议还研究了其他事项。"])
    rules = [ln.rule for ln in strip(make_doc(text)).lines]
    assert rules[2] == "title.subhead" and rules[4] == "feature.symbols"


def test_short_closing_sentence_stays_body(strip):
    doc = strip(make_doc("\n".join([ZH_HEAD, ZH_P1, ZH_P2, "会议由市长主持。", "AA"])))
    assert [ln.role for ln in doc.lines] == ["title", "body", "body", "body", "boilerplate"]
    assert doc.lines[4].rule == "junk.any.letters"


def test_rule_files_have_unique_ids_reasons_and_languages():
    cfg = StripConfig()
    ids = []
    for path in cfg.data_files()[:2]:
        for rule in tomllib.loads(Path(path).read_text(encoding="utf-8"))["rule"]:
            assert rule["reason"] and rule["languages"] and rule["patterns"] and rule["kind"]
            ids.append(rule["id"])
    assert len(ids) == len(set(ids))
    tested = {c[0] for c in LINE_CASES} | {c[0] for c in INLINE_CASES}
    assert set(ids) == tested


def test_publisher_line_above_headline_and_credit_inside_a_widget_line(strip):
    text = "\n".join(["某市新闻网", ZH_HEAD, ZH_P1, ZH_P2, "【纠错】【责任编辑:刘某】", "本文仅代表作者观点,不代表本站立场。"])
    doc = strip(make_doc(text))
    assert [ln.rule for ln in doc.lines][:2] == ["head.publisher", "title.headline"]
    assert [(b.name, b.role) for b in doc.bylines] == [("刘某", "editor")]
    kicker = "\n".join(["市长调研重点项目建设", ZH_HEAD, ZH_P1, ZH_P2])
    assert [ln.role for ln in strip(make_doc(kicker)).lines][:2] == ["title", "title"]


def test_event_headline_ending_like_a_publisher_is_a_title(strip):
    # 新闻发布会 ends publisher names (某市人民政府新闻发布会) and press-conference headlines alike; an
    # event word or verb before it (举行, 召开, 调研) makes the line news, in either script.
    for meta, head in [
        ("2024-07-03 18:20　来源：青川日报　【打印】", "青川市举行光伏产业发展新闻发布会"),
        ("發布時間：2023-11-15 09:05　【列印】", "南投縣召開茶產業發展新聞發布會"),
    ]:
        doc = strip(make_doc("\n".join([meta, head, ZH_P1, ZH_P2])))
        assert [(ln.role, ln.rule) for ln in doc.lines][:2] == [("boilerplate", "meta.zh.fields"), ("title", "title.headline")]
        assert doc.title == head
    # The body speaks of the conference (a headline must share words with its body: head.no_overlap).
    lead = "7月15日,某市召开上半年经济运行情况新闻发布会,介绍全市经济运行情况。"
    office = strip(make_doc("\n".join(["某市人民政府新闻发布会", "某市上半年经济运行情况新闻发布会召开", lead, ZH_P2])))
    assert [ln.rule for ln in office.lines][:2] == ["head.publisher", "title.headline"]


def test_newspaper_page_header_and_navigation_leave_headlines_alone(strip):
    # The page header and page links of a digital edition are boilerplate; headlines that name a version
    # (第二版规划, 新版, 下一版本) or an issue of a project (上一期工程) stay titles, in either script.
    text = "\n".join(["青山日報　2024年9月13日　星期五　第03版：要聞", "上一版　下一版　本版目錄", ZH_HEAD, ZH_P1, ZH_P2])
    assert [ln.rule for ln in strip(make_doc(text)).lines][:3] == ["meta.zh.paper_page", "nav.zh.paper_pages", "title.headline"]
    for head in ["青山市发布国土空间第二版规划", "新版政务服务平台上线运行", "《诊疗方案》第10版　发布", "下一版本将增加更多功能",
                 "上一期工程順利完工", "第二版规划:青山新城建设提速"]:
        doc = strip(make_doc("\n".join([head, ZH_P1, ZH_P2])))
        assert (doc.lines[0].role, doc.lines[0].rule) == ("title", "title.headline"), head


def test_dates_read_the_publication_date_from_metadata_and_page_header_lines(strip):
    spec = get_stage("dates")
    dates = spec.factory(spec.config_cls())
    for meta, iso in [
        ("2024-07-03 18:20　来源：青川日报　【打印】　【关闭】", "2024-07-03"),
        ("來源：南投日報　2023年11月15日　【字體：大 中 小】　【列印本頁】", "2023-11-15"),
        ("青山日报　2024年9月13日　星期五　第03版：要闻", "2024-09-13"),
        ("南投日報　2023年11月15日　星期三", "2023-11-15"),
    ]:
        doc = dates(strip(make_doc("\n".join([meta, ZH_HEAD, ZH_P1, ZH_P2]))))
        assert doc.lines[0].rule in ("meta.zh.fields", "meta.zh.paper_page")
        assert doc.published == iso
