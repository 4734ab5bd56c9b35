"""Generalization cases of the normalize stage: hand-written damaged snippets of the kinds mirror and scraper
sites produce (pinyin readings, GBK / UTF-8 mojibake made here from clean sentences, HTML remnants, invisible
characters, width) and language detection on short and mixed texts. Every case asserts the exact repaired
text, that newlines are kept and that every repair's offsets point at its text.

Decision on parenthesized Latin text after Chinese: a group is a pinyin reading only when its syllables are
readings of the characters before it, in order. A toned group (深圳(Shēnzhèn), chan3) goes; an untoned one
goes when written in lower case (省(sheng)委, 深圳(shen zhen)); an untoned capitalized one (深圳(Shenzhen),
李(Li)) is an editor's gloss of a name and stays, unless the document has at least two other readings glued
on (a mirror site capitalizes the reading at a sentence start). English words, brands and numbers never
spell the characters' own syllables (华为(Huawei), 集团(Group), (2021)) and stay.
"""

from __future__ import annotations

import pytest
from normalize_cases import check_repairs as check
from normalize_cases import normalize as norm

from pipeline.registry import get_stage


@pytest.fixture(scope="module")
def run():
    spec = get_stage("normalize")
    return spec.factory(spec.config_cls())


def shift_from(line: str, i: int) -> str:
    """GBK bytes of line[i:] read one byte late: the lost lead byte shows as `?`, pairs the decoder cannot
    map vanish, and the decoder falls back in step by itself where an ASCII byte stands alone."""
    data = line[i:].encode("gb18030")[1:]
    shifted = data.decode("gb18030", errors="ignore")
    return line[:i] + "?" + "".join(c for c in shifted if not 0xE000 <= ord(c) <= 0xF8FF)


def utf8_as_gbk(line: str, i: int, j: int) -> str:
    """line[i:j] written as UTF-8 and read as GBK; bytes GBK cannot read become `?`."""
    return line[:i] + line[i:j].encode("utf-8").decode("gbk", errors="replace").replace("\ufffd", "?") + line[j:]


# ---- (1) pinyin readings ---------------------------------------------------------------------------------

@pytest.mark.parametrize(
    "text, expected",
    [
        # one to four (and more) characters, tone marks, spaces between syllables
        ("产(chǎn)业发展", "产业发展"),
        ("产业(chǎn yè)发展", "产业发展"),
        ("推动高质量发展(gāo zhì liàng fā zhǎn)。", "推动高质量发展。"),
        ("書記(shū jì)、市長(shì zhǎng)出席", "書記、市長出席"),
        ("銀行(yín háng)網點", "銀行網點"),
        # tone digits, neutral tone
        ("产业(chan3 ye4)发展", "产业发展"),
        ("銀行(yin2 hang2)網點", "銀行網點"),
        ("来了(le5)", "来了"),
        ("来了(le)", "来了"),  # untoned lower case: a reading
        # full-width parentheses
        ("加快发展（fā zhǎn）步伐", "加快发展步伐"),
        ("鎮（zhèn）政府", "鎮政府"),
        # ü written ü, v or u:
        ("绿(lǜ)色", "绿色"),
        ("綠(lv4)色發展", "綠色發展"),
        ("綠(lu:4)色", "綠色"),
        ("妇女(fù nǚ)", "妇女"),
        # a capital first letter at a sentence start
        ("調研(Diào yán)。鎮(Zhèn)長表示", "調研。鎮長表示"),
        # a reading next to a group that is real text
        ("產業(yè)發展規劃(2023)", "產業發展規劃(2023)"),
        ("調(diào)研（记者 王雷）", "調研（记者 王雷）"),
        # real parentheses stay
        ("会议于(2023)召开", "会议于(2023)召开"),
        ("市采通(平台)", "市采通(平台)"),
        ("某某集团(Group)", "某某集团(Group)"),
        ("管理办法(试行)", "管理办法(试行)"),
        ("(一)总体要求", "(一)总体要求"),
        ("市政府采购平台(简称“市采通”)", "市政府采购平台(简称“市采通”)"),
        ("服务费(含)", "服务费(含)"),
        # English glosses and untoned romanizations stay; a toned reading goes
        ("深圳(Shenzhen)", "深圳(Shenzhen)"),
        ("华为(Huawei)", "华为(Huawei)"),
        ("深圳(shen zhen)", "深圳"),
        ("中国(China)", "中国(China)"),
        ("深圳(Shēnzhèn)", "深圳"),
        ("重庆(Chóngqìng)", "重庆"),
        ("Li Ming(李明)", "Li Ming(李明)"),
        # a group separated by a space is not glued
        ("调研 (diào yán)", "调研 (diào yán)"),
        # syllables of other characters: not this text's reading
        ("發展（fā）", "發展（fā）"),
        ("安(ān quán)", "安(ān quán)"),
    ],
)
def test_pinyin(run, text, expected):
    doc = norm(run, text)
    check(doc)
    assert doc.text == expected
    assert all(r.rule == "pinyin.reading" for r in doc.repairs)


@pytest.mark.parametrize(
    "text, expected",
    [
        # untoned lower-case readings, one or more characters, spaced or joined, ü as v or u
        ("省(sheng)委书记", "省委书记"),
        ("县委书记调(diao)研茶(cha)叶基地", "县委书记调研茶叶基地"),
        ("调研(diao yan)园区", "调研园区"),
        ("调研(diaoyan)园区", "调研园区"),
        ("推动绿(lv)色发展", "推动绿色发展"),
        ("妇女(fu nu)代表", "妇女代表"),
        ("西安(xi'an)市", "西安市"),
        ("鎮(zhen)政府", "鎮政府"),
        ("產業（chan ye）發展", "產業發展"),
        ("调研(diao yan)，(2021)年", "调研，(2021)年"),
        # capitalized untoned: a gloss alone, a reading in a document that has readings glued on
        ("孙(Sun)先生", "孙(Sun)先生"),
        ("落户深圳(Shenzhen)。", "落户深圳(Shenzhen)。"),
        ("调(diao)研。镇(Zhen)长到(dao)场", "调研。镇长到场"),
        ("调(diao)研\n镇(Zhen)长到(dào)场", "调研\n镇长到场"),
        ("深圳(Shenzhen)、广州(Guangzhou)", "深圳(Shenzhen)、广州(Guangzhou)"),
        # not readings: English words, numbers, names, other characters' syllables
        ("集团(Group)公司", "集团(Group)公司"),
        ("某某科技有限公司(Co)", "某某科技有限公司(Co)"),
        ("报道(记者 王雷)", "报道(记者 王雷)"),
        ("年产值(2021)", "年产值(2021)"),
        ("新能源(new energy)项目", "新能源(new energy)项目"),
        ("项目(phase one)开工", "项目(phase one)开工"),
        ("安(an quan)", "安(an quan)"),
        ("发展(fa)", "发展(fa)"),
        ("调研 (diao yan)", "调研 (diao yan)"),
        ("产品(pins)", "产品(pins)"),
    ],
)
def test_pinyin_untoned(run, text, expected):
    doc = norm(run, text)
    check(doc)
    assert doc.text == expected
    assert all(r.rule == "pinyin.reading" for r in doc.repairs)


def test_pinyin_multiline_traditional(run):
    text = "蘇州(sū zhōu)市委書記\n調(diào)研紡(fǎng)織產業\n(記者 王雷)"
    doc = norm(run, text)
    check(doc)
    assert doc.text == "蘇州市委書記\n調研紡織產業\n(記者 王雷)"
    assert doc.norm_text == "苏州市委书记\n调研纺织产业\n(记者 王雷)"


# ---- (2) mojibake made here from clean sentences ------------------------------------------------------------

@pytest.mark.parametrize(
    "line, i",
    [
        ("据悉，县委书记王雷主持召开专题会议,研究部署2024年重点工作。", 0),
        ("据悉，县委书记王雷主持召开专题会议,研究部署2024年重点工作。", 3),  # after punctuation
        ("据悉，县委书记王雷主持召开专题会议,研究部署2024年重点工作。", 9),
        ("市政府召開常務會議,研究部署安全生產工作。", 6),  # Traditional; resyncs on an ASCII trail byte
        ("座談會上,企業代表圍繞科技創新和人才引進等問題發言。", 6),
        ("會議強調,要堅持穩中求進工作總基調,推動經濟持續回升向好。", 12),
        ("會議強調,要堅持穩中求進工作總基調,推動經濟持續回升向好。", 18),
        ("全市規模以上工業增加值同比增長6.5%,高於全省平均水平。", 3),  # next to digits
    ],
)
def test_gbk_shift(run, line, i):
    damaged = shift_from(line, i)
    assert damaged != line
    doc = norm(run, damaged)
    check(doc)
    assert doc.text == line
    # a run the decoder left after one character (`?I` of 業) is the lost-lead-byte repair
    assert {r.rule for r in doc.repairs} <= {"mojibake.gbk_shift", "mojibake.lost_lead_byte"}


def test_gbk_shift_keeps_lines(run):
    first = "市委常委会召开会议"
    damaged = shift_from(first + "\n传达学习全国两会精神", 2)
    assert damaged.count("\n") == 1
    doc = norm(run, "标题\n" + damaged + "\n2024-03-15")
    check(doc)
    assert doc.text == "标题\n市委常委会召开会议\n传达学习全国两会精神\n2024-03-15"


@pytest.mark.parametrize(
    "line, i, j",
    [
        ("据悉，县委书记王雷主持召开专题会议,研究部署2024年重点工作。", 0, 6),  # at line start
        ("据悉，县委书记王雷主持召开专题会议,研究部署2024年重点工作。", 3, 12),
        ("会议强调，要深入贯彻落实省委决策部署,推动各项工作落地见效。", 3, 12),
        ("记者从市统计局获悉,今年前三季度全市地区生产总值同比增长5.8%。", 0, 6),
        ("市政府召開常務會議,研究部署安全生產工作。", 0, 6),  # Traditional
        ("全市規模以上工業增加值同比增長6.5%,高於全省平均水平。", 0, 6),
        ("全市規模以上工業增加值同比增長6.5%,高於全省平均水平。", 3, 12),
        ("2023年着力优化营商环境,会议强调要抓落实", 5, 12),  # after digits, before ASCII punctuation
    ],
)
def test_utf8_as_gbk(run, line, i, j):
    damaged = utf8_as_gbk(line, i, j)
    assert damaged != line
    doc = norm(run, damaged)
    check(doc)
    assert doc.text == line
    assert {r.rule for r in doc.repairs} == {"mojibake.utf8_as_gbk"}


def test_utf8_as_gbk_run_stops_at_clean_text(run):
    # The damaged run ends at a full-width comma that cannot be a UTF-8 byte: the repair must stop there.
    line = "据悉，县委书记王雷主持召开专题会议。"
    doc = norm(run, utf8_as_gbk(line, 3, 17))
    check(doc)
    assert doc.text == line


# ---- (3) HTML remnants --------------------------------------------------------------------------------------

@pytest.mark.parametrize(
    "text, expected, rules",
    [
        ("/font>市委书记王雷表示", "市委书记王雷表示", {"html.tag_fragment"}),
        ("市委书记<br>王雷表示", "市委书记王雷表示", {"html.tag"}),
        ("市委书记<br/>王雷\n表示<BR />同意", "市委书记王雷\n表示同意", {"html.tag"}),
        ("会议召开。</p>", "会议召开。", {"html.tag"}),
        ('<p style="text-indent:2em;">会议召开', "会议召开", {"html.tag"}),
        ('an class="bjh-p">会议召开', "会议召开", {"html.tag_cut_start"}),
        ('style="text-indent: 2em; font-size:16px;">會議召開', "會議召開", {"html.tag_cut_start"}),
        ("span>市委书记", "市委书记", {"html.tag_cut_start"}),
        ('会议召开<p style="text-ind', "会议召开", {"html.tag_cut_end"}),
        ("市委&nbsp;书记", "市委 书记", {"html.entity"}),
        ("市委&amp;nbsp;书记", "市委 书记", {"html.entity_double"}),
        ("&amp;ldquo;十四五&amp;rdquo;", "“十四五”", {"html.entity_double"}),
        ("&ldquo;十四五&rdquo;规划&mdash;&mdash;开局", "“十四五”规划——开局", {"html.entity"}),
        ("省&#12289;市&#x3001;县", "省、市、县", {"html.entity"}),
    ],
)
def test_html(run, text, expected, rules):
    doc = norm(run, text)
    check(doc)
    assert doc.text == expected
    assert {r.rule for r in doc.repairs} == rules


@pytest.mark.parametrize(
    "text",
    [
        "增速 3 > 2 个百分点",
        "数量<100的企业",
        "数量<100个，>50个",
        "a<b 时成立",
        "span 一词",
        "Q&A环节",
        "R&D投入",
        "class=\"x\" 是代码",  # an attribute not closed by '>' is text
    ],
)
def test_html_near_misses_stay(run, text):
    doc = norm(run, text)
    assert doc.text == text and doc.repairs == []


# ---- (4) invisible characters and width -----------------------------------------------------------------

def test_zero_width_and_bom_mid_text(run):
    text = "\ufeff市委\u200b书记\u200c王雷\u2060表示\n第二\ufeff行"
    doc = norm(run, text)
    check(doc)
    assert doc.text == "市委书记王雷表示\n第二行"
    assert {r.rule for r in doc.repairs} == {"control.zero_width"}


@pytest.mark.parametrize(
    "text, norm_text",
    [
        # Hong Kong and Taiwan variant forms read as the Simplified character
        ("副區長黃衞東到場", "副区长黄卫东到场"),
        ("敍利亞", "叙利亚"),
        ("屋簷下", "屋檐下"),
        # characters of GB 2312 are Simplified characters too and stay
        ("著名企業", "著名企业"),
        ("什么", "什么"),
    ],
)
def test_regional_variants(run, text, norm_text):
    doc = norm(run, text)
    check(doc)
    assert doc.norm_text == norm_text


def test_wide_spaces_and_full_width_ascii(run):
    text = "\u3000\u3000市委书记\u00a0\u00a0王雷表示，ＡＢＣ１２３公司"
    doc = norm(run, text)
    check(doc)
    assert doc.text == text and doc.repairs == []
    assert doc.norm_text == "  市委书记  王雷表示,ABC123公司"


@pytest.mark.parametrize(
    "text, norm_text",
    [
        # a Chinese sentence closed by an ASCII full stop reads like one closed by 。
        ("县长出席.当天签约", "县长出席。当天签约"),
        ("县长出席.\n下午签约.", "县长出席。\n下午签约。"),
        ("签约仪式.“我们", "签约仪式。“我们"),
        ("签约仪式. \n", "签约仪式。 \n"),
        ("見證簽約.當天", "见证签约。当天"),
        # not a Chinese sentence end: numbers, English, web addresses, a stop after Latin text
        ("增长3.5个百分点", "增长3.5个百分点"),
        ("Co., Ltd.\n", "Co., Ltd.\n"),
        ("访问中国.com了解", "访问中国.com了解"),
        ("第1.2条", "第1.2条"),
        ("见附件A.下载", "见附件A.下载"),
        # the dots of a transliterated name, whatever the site wrote, read as the middle dot
        ("艾力‧买买提", "艾力·买买提"),
        ("艾力・买买提出席", "艾力·买买提出席"),
        ("艾力•买买提", "艾力·买买提"),
        ("要点：• 第一", "要点:• 第一"),
    ],
)
def test_ascii_full_stop_in_chinese(run, text, norm_text):
    doc = norm(run, text)
    check(doc)
    assert doc.text == text
    assert doc.norm_text == norm_text


# ---- (5) language ---------------------------------------------------------------------------------------

@pytest.mark.parametrize(
    "text, language",
    [
        ("会议", "zh-Hans"),
        ("會議", "zh-Hant"),
        ("2023年10月", "zh-Hans"),
        (
            "苏州市委书记曹路宝调研纺织服装产业发展情况，强调要加快推动产业高质量发展。\n"
            "Source: Suzhou Daily. All rights reserved. Copyright 2023 Suzhou Media Group.",
            "zh-Hans",
        ),
        (
            "Mayor Li Ming (李明) said the plan for Shenzhen (深圳) would help the Greater Bay Area "
            "grow over the next five years.",
            "en",
        ),
        ("香港特區政府今日公布施政報告，提出多項措施推動經濟发展和改善民生。", "zh-Hant"),
        ("蘇州市委書記曹路寶調研紡織服裝產業發展情況，强调要加快推動产業高質量發展。", "zh-Hant"),
        ("苏州市委书记曹路宝 visited textile firms", "mixed"),
    ],
)
def test_language_short_and_mixed(run, text, language):
    assert norm(run, text).language == language


# ---- (6) UTF-8 read as GBK with errors='replace': U+FFFD inside the run -----------------------------------

def utf8_as_gbk_fffd(line: str, i: int, j: int) -> tuple[str, set[int]]:
    """line[i:j] written as UTF-8 and read as GBK with U+FFFD kept, and the offsets (in line) of the characters
    that lost a byte to a U+FFFD."""
    data = line[i:j].encode("utf-8")
    owner = [k for k, c in enumerate(line[i:j], start=i) for _ in c.encode("utf-8")]
    lost_bytes: list[int] = []
    out, pos = [], 0
    while pos < len(data):
        # Byte-wise as Python's decoder does it: one U+FFFD per byte that cannot start a readable pair.
        for width in (1, 2):
            try:
                out.append(data[pos : pos + width].decode("gbk"))
                pos += width
                break
            except UnicodeDecodeError:
                continue
        else:
            out.append("\ufffd")
            lost_bytes.append(pos)
            pos += 1
    damaged = "".join(out)
    assert damaged == data.decode("gbk", errors="replace")
    return line[:i] + damaged + line[j:], {owner[b] for b in lost_bytes}


FFFD_CASES = [
    # (line, damaged from, to): Simplified and Traditional, short and long runs, at line start, inside, at end
    ("企业负责人表示，今年一季度订单同比增长", 0, 19),
    ("企业负责人表示，今年一季度订单同比增长", 8, 15),
    ("會議指出，要堅持穩中求進工作總基調，推動經濟持續回升向好。", 0, 12),
    ("會議指出，要堅持穩中求進工作總基調，推動經濟持續回升向好。", 18, 29),
    ("区委书记一行先后来到产业园区和重点项目建设工地，实地察看工程进展情况。", 5, 23),
    ("區委書記一行先後來到產業園區和重點項目建設工地，實地察看工程進展情況。", 0, 35),
    ("他指出，各级各部门要压实责任，确保防汛安全万无一失。", 4, 26),
    ("副市長主持召開座談會，聽取企業家對優化營商環境的意見建議", 11, 28),
    ("市场监管局局长表示，下一步将继续加强食品安全监管", 0, 24),
    ("本報訊 近日，縣政府舉行新聞發布會，介紹今年以來經濟運行情況。", 4, 31),
    ("省农业农村厅组织专家对全省春播备耕情况开展调研，", 0, 25),
    ("據了解，該項目總投資約十二億元，預計明年年底建成投產。", 5, 27),
]


@pytest.mark.parametrize("line, i, j", FFFD_CASES)
def test_utf8_as_gbk_with_fffd(run, line, i, j):
    damaged, lost = utf8_as_gbk_fffd(line, i, j)
    assert "\ufffd" in damaged
    doc = norm(run, "第一行标题\n" + damaged + "\n（记者 王雷）")
    check(doc)
    first, got, last = doc.text.split("\n")
    assert (first, last) == ("第一行标题", "（记者 王雷）")
    assert len(got) == len(line)
    for k, (g, want) in enumerate(zip(got, line)):
        if k in lost:
            assert g in (want, "\ufffd"), (k, g, want)
        else:
            assert g == want, (k, g, want)
    kept = got.count("\ufffd")
    flagged = [r for r in doc.repairs if r.kind == "unrecoverable"]
    assert sum(r.replacement.count("\ufffd") for r in flagged) == kept
    assert all(r.rule == "damage.unrecoverable" for r in flagged)
    assert {r.rule for r in doc.repairs} <= {"mojibake.utf8_as_gbk", "damage.unrecoverable"}
    assert bool(kept) == any("lost their bytes" in w for w in doc.warnings)


def test_utf8_as_gbk_with_fffd_restores_most_characters(run):
    # Guards against a repair that keeps everything as U+FFFD: over all cases most lost characters come back
    # only where the model is sure, but every character that kept its bytes does.
    total = restored = 0
    for line, i, j in FFFD_CASES:
        damaged, _ = utf8_as_gbk_fffd(line, i, j)
        got = norm(run, damaged).text
        total += j - i
        restored += sum(g == w for g, w in zip(got[i:j], line[i:j]))
    assert restored >= 0.9 * total


def test_utf8_as_gbk_with_fffd_whole_lines(run):
    # A whole article read as GBK: every line damaged, ASCII (digits, newline) passed through unchanged.
    lines = ["市政府召开2024年第3次常务会议", "会议研究部署安全生产工作。", "市長主持會議並講話"]
    cases = [utf8_as_gbk_fffd(ln, 0, len(ln)) for ln in lines]
    doc = norm(run, "\n".join(d for d, _ in cases))
    check(doc)
    for got, want, (_, lost) in zip(doc.text.split("\n"), lines, cases):
        assert len(got) == len(want)
        assert all(g == w or (k in lost and g == "\ufffd") for k, (g, w) in enumerate(zip(got, want)))


@pytest.mark.parametrize(
    "text",
    [
        "会议\ufffd召开",  # a lone U+FFFD between clean words: flagged, nothing else changes
        "\ufffd\ufffd市委书记王雷表示",
        "市委書記王雷表示\ufffd",
        "记者从市统计局获悉\ufffd今年经济运行平稳",
    ],
)
def test_fffd_in_clean_text_changes_nothing_else(run, text):
    doc = norm(run, text)
    check(doc)
    assert doc.text == text
    assert {r.rule for r in doc.repairs} == {"damage.unrecoverable"}
    assert all(r.original == r.replacement == "\ufffd" for r in doc.repairs)


# ---- (7) clean text full of CJK punctuation and short tokens: never "repaired" ----------------------------
# Widgets, list markers, quotes, bylines, dates, units and mixed Latin are on most news pages. They are made of
# common characters and punctuation the MSRA counts may lack (【】「」〖〗￥), so a repair there would destroy
# a clean line (issue 4: never change text that is not damaged).

CLEAN_SNIPPETS = [
    # font-size and print widgets
    "2024-07-03 18:20　来源：青川日报　【大】【中】【小】　【打印】",
    "字号：【大】【中】【小】",
    "正文【大】【中】【小】内容。",
    "【打印】【关闭】【收藏】【返回顶部】",
    "[大][中][小] [打印本页] [关闭窗口]",
    "【字体：大 中 小】【打印】【关闭】",
    "【字號：大 中 小】【列印】【關閉】",
    "字體：【大】【中】【小】　分享到：",
    "〖大〗〖中〗〖小〗〖打印〗〖关闭〗",
    "「大」「中」「小」「打印」",
    # list markers
    "一、二、三、（一）（二）（三）1.2.3.",
    "（一）加强组织领导。（二）压实工作责任。（三）强化督查考核。",
    "一是抓项目；二是抓招商；三是抓服务。",
    "（壹）強化組織領導；（貳）壓實工作責任。",
    "◆重点项目◆ ★要闻★ ●图片新闻● ■专题■ ▲返回顶部▲",
    # quotes and titles
    "“十四五”《纲要》《关于加快发展的意见》",
    "「十四五」《綱要》〈實施細則〉『一帶一路』",
    "《人民日报》《经济日报》“三农”“双碳”“放管服”",
    # bylines
    "（记者 王雷 通讯员 李华）",
    "本报讯（记者 王雷　通讯员 李华　实习生 张晓）",
    "（記者 王雷 通訊員 李華）本報訊",
    "责任编辑：刘洋　校对：陈晨　审核：周敏",
    "責任編輯：劉洋　校對：陳晨　審核：周敏",
    # dates and times
    "2024年7月3日 18:20",
    "2024-07-03 18:20:05　发布时间：2024年07月03日",
    "發佈時間：2024年7月3日　來源：本網",
    "7月3日上午，7月2日至5日，2023—2025年",
    # numbers with units
    "1.2万吨、35%、￥100、3.5亿元、28℃、5‰、100㎡",
    "同比增长12.5%，环比下降0.8个百分点，总额￥3,200万元。",
    "產值1.2萬噸、35%、NT$100、3.5億元",
    "面积约120平方公里，±0.5毫米，≥95%，≤3天",
    # mixed Chinese and Latin
    "5G+工业互联网，AI芯片，GDP增长5.2%，CEO张伟",
    "5G+工業互聯網、AI晶片、APP下載、ICP備案",
    "京ICP备12345678号-1　京公网安备11010502000001号",
    "首页 > 新闻中心 > 本地要闻 >> 正文",
    "首頁 | 新聞中心 | 本地要聞 | 圖片新聞",
    "分享到：微信　微博　QQ空间　|　【纠错】　【责任编辑：王芳】",
    "上一篇：……　下一篇：……",
    "相关新闻：·市长调研重点项目（07-03）·全市召开座谈会（07-02）",
]


@pytest.mark.parametrize("text", CLEAN_SNIPPETS)
def test_clean_snippets_unchanged(run, text):
    doc = norm(run, text)
    check(doc)
    assert doc.repairs == []
    assert doc.text == text


def test_clean_snippets_as_one_document_unchanged(run):
    text = "\n".join(CLEAN_SNIPPETS)
    doc = norm(run, text)
    assert [r.original for r in doc.repairs] == []
    assert doc.text == text


def test_damage_next_to_a_widget_is_repaired_and_the_widget_kept(run):
    widget = "字号：【大】【中】【小】　"
    line = "市长主持召开企业家座谈会并讲话"
    damaged = shift_from(line, 2)
    doc = norm(run, widget + damaged)
    check(doc)
    assert doc.text == widget + line
    assert all(r.rule == "mojibake.gbk_shift" and "【" not in r.original for r in doc.repairs)


def test_repair_gates(run):
    """Punctuation is common in the model; a run of it is no evidence; a rarer character is never brought in."""
    import tomllib

    from pipeline.config import REPO_ROOT
    from pipeline.normalize.charmodel import PUNCT_LO, CharModel
    from pipeline.normalize.mojibake import Repairer
    from pipeline.normalize.script import Converter

    model = CharModel(REPO_ROOT / "pipeline/data/char_freq.tsv", Converter("t2s").char)
    params = tomllib.loads((REPO_ROOT / "configs/normalize/rules.toml").read_text(encoding="utf-8"))["mojibake"]
    rep = Repairer(model, params)
    assert all(model.lo(c) >= PUNCT_LO for c in "【】「」〖〗￥★")
    assert model.lo("篪") < 0 < model.lo("大")
    assert not rep.evidence("【大】【中】【")
    assert not rep.evidence("“十四五”《纲要》、（一）")
    damaged = shift_from("市长主持召开座谈会", 0)
    assert rep.evidence(damaged)
    assert not rep.plausible("【大】【中】【", "。敬篪小俊局小俊京")
    assert rep.plausible(damaged, "市长主持召开座谈会")
