"""Dates stage: every rule id fires on a sentence written for it, and a near miss does not."""

from __future__ import annotations

import unicodedata

import opencc
import pytest

from pipeline.dates import DatesConfig, cn_number, make_dates
from pipeline.document import Document
from pipeline.schema import RawDocument, RemovedSpan

_T2S = opencc.OpenCC("t2s")
RUN = make_dates(DatesConfig())


def norm(text: str) -> str:
    """Simplified, half-width text of the same length (what the normalize stage gives the models)."""
    out = []
    for ch in text:
        s = _T2S.convert(ch)
        ch = s if len(s) == 1 else ch
        if "\uff01" <= ch <= "\uff5e":
            ch = unicodedata.normalize("NFKC", ch)
        out.append(ch)
    return "".join(out)


def make_doc(text: str, roles: dict[int, str] | None = None, removed: list[tuple[str, str]] = ()) -> Document:
    """A document of `text`: every line body unless `roles` says otherwise; `removed` = (line text, cut piece)."""
    doc = Document.from_raw(RawDocument(
        doc_id="t", source_path="t.txt", source_format="txt", sha256="0", n_bytes=0, encoding="utf-8",
        encoding_confidence=1.0, text=text,
    ))
    doc.norm_text = norm(text)
    doc.lines = [ln.model_copy(update={"role": (roles or {}).get(ln.n, ln.role)}) for ln in doc.lines]
    for piece in removed:
        s = text.index(piece)
        doc.removed.append(RemovedSpan(start=s, end=s + len(piece), text=piece, rule="test", reason="test"))
    return doc


def dates_of(text: str, **kw):
    doc = RUN(make_doc(text, **kw))
    for m in doc.dates:
        assert doc.text[m.start:m.end] == m.text
    return doc


def one(text: str):
    found = dates_of(text).dates
    assert len(found) == 1, found
    return found[0]


# (sentence, expected text, rule, kind, iso, month_day)
FIRES = [
    ("2022年11月10日上午,市委书记到企业调研。", "2022年11月10日", "date.zh.ymd", "event", "2022-11-10", "11-10"),
    ("22年11月10日,县长走访农户。", "22年11月10日", "date.zh.ymd", "event", "2022-11-10", "11-10"),
    ("二〇二三年三月五日,座谈会召开。", "二〇二三年三月五日", "date.zh.ymd", "event", "2023-03-05", "03-05"),
    ("2023年4月21日至22日,交流会在县城举行。", "2023年4月21日至22日", "date.zh.ymd", "range", "2023-04-21", "04-21"),
    ("8月9日,市委书记到园区调研。", "8月9日", "date.zh.md", "event", None, "08-09"),
    ("11月10日上午,省长考察港口。", "11月10日", "date.zh.md", "event", None, "11-10"),
    ("4月21日至22日,推进会在市里召开。", "4月21日至22日", "date.zh.md", "range", None, "04-21"),
    ("4月21-22日,汇报会召开。", "4月21-22日", "date.zh.md", "range", None, "04-21"),
    ("十月十二日,副市长视察工地。", "十月十二日", "date.zh.md", "event", None, "10-12"),
    ("5月3號,縣委書記走訪企業。", "5月3號", "date.zh.md", "event", None, "05-03"),
    ("会议于2022-11-10召开", "2022-11-10", "date.num.ymd", "event", "2022-11-10", "11-10"),
    ("The forum opened 2023/03/05 in the city.", "2023/03/05", "date.num.ymd", "event", "2023-03-05", "03-05"),
    ("On September 29, the city held a meeting.", "September 29", "date.en.mdy", "event", None, "09-29"),
    ("On Sept. 29, the mayor inspected a plant.", "Sept. 29", "date.en.mdy", "event", None, "09-29"),
    ("On March 3, 2021, officials met.", "March 3, 2021", "date.en.mdy", "event", "2021-03-03", "03-03"),
    ("On 29 September 2022 the governor visited.", "29 September 2022", "date.en.dmy", "event", "2022-09-29", "09-29"),
    ("10日上午,省长到市里调研。", "10日", "date.zh.day", "day", None, None),
    ("全市2022年11月出口增长。", "2022年11月", "date.zh.ym", "month", None, None),
    ("公司成立于2010年,主营面料。", "2010年", "date.zh.y", "year", None, None),
    ("Output rose in September 2022 across the city.", "September 2022", "date.en.my", "month", None, None),
    # a mirror that lower-cased the page: a month name right after 'on' is still a date
    ("on march 7, the governor toured a wharf.", "march 7", "date.en.mdy", "event", None, "03-07"),
    ("更新 2023 07/14 09:10:05", "2023 07/14", "date.num.y_md", "event", "2023-07-14", "07-14"),
    ("2022全国丝绸博览会在湖州开幕。", "2022", "date.zh.year_prefix", "year", None, None),
    ("The county signed 9 projects in the second half of 2020.", "of 2020", "date.en.y", "year", None, None),
]


@pytest.mark.parametrize("text,expected,rule,kind,iso,md", FIRES)
def test_rule_fires(text, expected, rule, kind, iso, md):
    m = one(text)
    assert (m.text, m.rule, m.kind, m.iso, m.month_day) == (expected, rule, kind, iso, md)


NEAR_MISSES = [
    "2022年13月10日,全市统计。",        # no 13th month: no year-month-day
    "全年8月份出口增长。",                # a month with no day
    "电话:0574-89183514",               # digits and dashes, not a date
    "the september 29 figures",          # a lowercase month name is not a date heading
    "29 companies spoke at the meeting.",
    "30日内完成整改。",                   # a duration, not a day
    "每月15日前报送。",                   # 日前 glued to a number is not relative
    "日内瓦会议",
    "1-10月全市产值增长。",
    "the march 7 figures",               # lower case without 'on': not a date
    "2021家企业参加招聘会。",             # a count glued to its unit, not a year
    "2019万元投资已到位。",
]


@pytest.mark.parametrize("text", NEAR_MISSES)
def test_near_miss(text):
    assert dates_of(text).dates == []


RELATIVE = [
    ("近日,市委书记到企业调研。", "近日", "date.zh.relative"),
    ("日前,縣長走訪農戶。", "日前", "date.zh.relative"),
    ("昨天,座谈会召开。", "昨天", "date.zh.relative"),
    ("今天上午,推进会召开。", "今天", "date.zh.relative"),
    ("本月,全市开展检查。", "本月", "date.zh.relative"),
    ("上周三,县长走访企业。", "上周三", "date.zh.relative_weekday"),
    ("上周,县长走访企业。", "上周", "date.zh.relative"),
    ("Recently, the mayor inspected a factory.", "Recently", "date.en.relative"),
    ("The mayor said yesterday that output rose.", "yesterday", "date.en.relative"),
    ("Earlier this week, the county held a meeting.", "Earlier this week", "date.en.relative"),
    ("The governor spoke on Monday at the forum.", "on Monday", "date.en.relative_weekday"),
    ("下月3號,縣裡舉行簽約儀式。", "下月3號", "date.zh.relative_month_day"),
]


@pytest.mark.parametrize("text,expected,rule", RELATIVE)
def test_relative(text, expected, rule):
    m = one(text)
    assert (m.text, m.rule, m.kind, m.relative, m.iso, m.month_day) == (expected, rule, "relative", True, None, None)


def test_relative_near_miss():
    assert dates_of("目前,全市产业平稳。 recent figures").dates == []


CONTEXT = [
    ("截至11月10日,全市累计出口。", "11月10日", "statistic", "ctx.statistic.before"),
    ("1月1日以来,全市新增企业。", "1月1日", "statistic", "ctx.statistic.after"),
    ("会议听取了2021年工作思路。", "2021年", "plan", "ctx.plan.after"),
    ("力争到2025年产值过千亿。", "2025年", "plan", "ctx.plan.before"),
    ("去年8月9日,他曾到访。", "8月9日", "past", "ctx.past.before"),
    ("As of September 30, exports rose.", "September 30", "statistic", "ctx.statistic.before"),
    ("茶文化节将于本月18日开幕。", "本月18日", "plan", "ctx.plan.before"),
    ("公司发布2022年半年度报告。", "2022年", "statistic", "ctx.statistic.after"),
    ("博览会定于10月9日举行。", "10月9日", "plan", "ctx.plan.before"),
    ("江城在线3月8日南湖讯 副县长到园区察看。", "3月8日", "dateline", "ctx.dateline.after"),
    ("海峡网6月2日福州消息 省长会见客人。", "6月2日", "dateline", "ctx.dateline.after"),
]


@pytest.mark.parametrize("text,expected,kind,ctx", CONTEXT)
def test_context(text, expected, kind, ctx):
    m = one(text)
    assert (m.text, m.kind) == (expected, kind)
    assert m.rule.endswith("+" + ctx)


def test_context_near_miss():
    # A comma ends the clause: 截至 in the previous clause does not make this date a statistic.
    m = [d for d in dates_of("截至目前,全市共有企业;11月10日,市长到企业调研。").dates if d.month_day][0]
    assert (m.kind, m.rule) == ("event", "date.zh.md")


def test_publication_source_line_and_label():
    text = "首页 > 新闻\n中国宁波网  22年11月10日\n记者提问:如何发展?\n屠炯答:加快发展。\n稿源: 2022-11-10 18:11:29"
    doc = dates_of(text, roles={0: "boilerplate", 1: "boilerplate", 4: "boilerplate"})
    pubs = [m for m in doc.dates if m.kind == "publication"]
    assert [(m.text, m.rule) for m in pubs] == [
        ("22年11月10日", "date.zh.ymd+pub.source_line"),
        ("2022-11-10", "date.num.ymd+pub.labeled"),
    ]
    assert doc.published == "2022-11-10"


def test_publication_labeled_after_body():
    text = "市长到企业调研。\n发布时间：2023-03-05"
    doc = dates_of(text, roles={1: "boilerplate"})
    assert doc.published == "2023-03-05"


def test_publication_near_misses():
    # A body line is never a publication line; a footer line with a sentence is not a source line;
    # navigation lines name other articles' dates.
    text = ("市长到企业调研。\n时间:2022-11-10\n本站2021-01-01上线,如有侵权,请联系。\n"
            "上一篇: 2021-05-06 2021年工作思路")
    doc = dates_of(text, roles={2: "boilerplate", 3: "boilerplate"})
    assert doc.published is None
    assert [m.kind for m in doc.dates] == ["event"]


def test_publication_labeled_wins_when_dates_disagree():
    text = "网站 2022-01-02\n发布时间: 2022-11-10\n市长调研。"
    doc = dates_of(text, roles={0: "boilerplate", 1: "boilerplate"})
    assert doc.published == "2022-11-10"


def test_dateline_from_removed_span():
    text = "株洲日报2022年12月2日讯 12月1日,市长到企业调研。"
    doc = dates_of(text, removed=["株洲日报2022年12月2日讯"])
    kinds = [(m.text, m.kind, m.rule) for m in doc.dates]
    assert ("2022年12月2日", "dateline", "date.zh.ymd+pub.dateline") in kinds
    assert ("12月1日", "event", "date.zh.md") in kinds
    assert doc.published == "2022-12-02"


def test_dateline_near_miss():
    doc = dates_of("来源:于都县委办 市长到企业调研。", removed=["来源:于都县委办"])
    assert doc.dates == [] and doc.published is None


def test_title_lines_are_read_boilerplate_only_for_publication():
    doc = dates_of("8月9日 市委书记调研\n正文。", roles={0: "title"})
    assert [(m.text, m.kind) for m in doc.dates] == [("8月9日", "event")]
    assert doc.published is None


@pytest.mark.parametrize("s,n", [("12", 12), ("十", 10), ("十二", 12), ("二十二", 22), ("廿二", 22), ("三十一", 31),
                                 ("二〇二二", 2022), ("五", 5)])
def test_cn_number(s, n):
    assert cn_number(s) == n


def test_period_year_is_not_a_year():
    # 2023/2024年 names a season or a fiscal period, not a year the text states for the event
    assert [m.text for m in dates_of("了解2023/2024年榨季生产情况。").dates] == []


def test_dateline_near_miss():
    m = one("6月2日电力供应恢复正常。")
    assert (m.kind, m.rule) == ("event", "date.zh.md")


def test_publication_metadata_line_read_whatever_its_role():
    # strip took the byline + date line for a title; it is still the page's own metadata line
    text = "Port city talks trade\nBy Li Ming Updated: 2019-05-06\nOn May 2, the mayor met exporters."
    doc = dates_of(text, roles={0: "title", 1: "title"})
    pubs = [m for m in doc.dates if m.kind == "publication"]
    assert [(m.text, m.rule) for m in pubs] == [("2019-05-06", "date.num.ymd+pub.labeled")]
    assert doc.published == "2019-05-06"


def test_publication_meta_fields_despite_stray_question_mark():
    # a scraping artifact (?) is not sentence punctuation when the line names its fields (作者, 来源)
    text = "作者:王一 来源:江城日?报 2024-03-02 08:00:01\n3月1日,市长到园区调研。"
    doc = dates_of(text, roles={0: "boilerplate"})
    assert [m.rule for m in doc.dates if m.kind == "publication"] == ["date.num.ymd+pub.meta_fields"]
    assert doc.published == "2024-03-02"


def test_archive_time_is_not_publication():
    text = "归档时间:2019-12-01\n编稿时间: 2017-11-10 09:23\n11月9日,市长主持召开常务会议。"
    doc = dates_of(text, roles={0: "boilerplate", 1: "boilerplate"})
    assert doc.published == "2017-11-10"


def test_page_year_line_before_the_body():
    # a date widget split over lines; a stray widget word kept as body above it does not end the header
    text = "订阅方式:\n2020\n05/14客户端\n5月12日,全市企业家座谈会召开。"
    doc = dates_of(text, roles={1: "boilerplate", 2: "boilerplate"})
    years = [m for m in doc.dates if m.kind == "publication_year"]
    assert [(m.text, m.year, m.rule) for m in years] == [("2020", 2020, "pub.year_line")]


def test_page_year_line_near_miss():
    # a year alone after the body is not the page's date line
    text = "5月12日,全市企业家座谈会召开。会议听取了意见。\n2020"
    doc = dates_of(text, roles={1: "boilerplate"})
    assert [m for m in doc.dates if m.kind == "publication_year"] == []
