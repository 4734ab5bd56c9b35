"""Tests of the normalize stage on the seeds and hand-written cases (one firing line and one near miss per rule)."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from normalize_cases import check_repairs as check_offsets
from normalize_cases import normalize as norm

from pipeline.registry import get_stage

SEEDS = Path(__file__).resolve().parent.parent / "seeds"
PINYIN = re.compile(r"[(（][a-zāáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜü ]+[)）]")


@pytest.fixture(scope="module")
def run():
    spec = get_stage("normalize")
    return spec.factory(spec.config_cls())


def seed(name: str) -> str:
    return next(SEEDS.glob(name + "_*.txt")).read_text(encoding="utf-8")


def test_seed_000_pinyin_and_mojibake(run):
    doc = norm(run, seed("000"))
    check_offsets(doc)
    assert not PINYIN.search(doc.text)
    assert sum(r.rule == "pinyin.reading" for r in doc.repairs) == 109
    moj = [r for r in doc.repairs if r.kind == "mojibake"]
    assert [(m.original, m.replacement) for m in moj] == [("?!笆胁赏ā逼脚_", "。“市采通”平臺")]
    assert "價值。“市采通”平臺是" in doc.text
    assert doc.language == "zh-Hant"
    assert "加快推动纺织服装产业高质量发展" == doc.norm_text.split("\n")[1]


def test_seed_002_pinyin_and_mojibake(run):
    doc = norm(run, seed("002"))
    check_offsets(doc)
    assert not PINYIN.search(doc.text)
    moj = [r for r in doc.repairs if r.kind == "mojibake"]
    assert len(moj) == 1 and moj[0].original == "?jié)摿Γ苿右欢a"
    # 三 of 一二三 sits in two dropped byte pairs: only its neighbours are certain.
    assert moj[0].replacement.startswith("潛力，推動一二") and moj[0].replacement.endswith("產")
    assert "發展潛力，推動一二" in doc.text and "產業融合發展" in doc.text
    assert doc.language == "zh-Hant"


def test_english_and_simplified_seeds(run):
    assert norm(run, seed("001")).language == "en"
    doc = norm(run, seed("004"))
    assert doc.language == "zh-Hans" and doc.text == doc.raw.text and doc.repairs == []
    doc3 = norm(run, seed("003"))
    assert [(r.rule, r.original) for r in doc3.repairs] == [("html.tag_fragment", "/font>")]


@pytest.mark.parametrize(
    "text, expected",
    [
        ("產業(yè)調(diào)研", "產業調研"),
        ("發展（fā）", "發展（fā）"),  # near miss: fā is not a reading of 展
        ("產業(ye4)發(fa1)展", "產業發展"),
        ("發展(fā zhǎn)規劃", "發展規劃"),
        ("發展(fāzhǎn)規劃", "發展規劃"),
        ("蘋(píng)果", "蘋果"),
        ("鎮（zhèn）長", "鎮長"),
        ("會議(2021)召開", "會議(2021)召開"),
        ("報道(記者 王雷)", "報道(記者 王雷)"),
        ("市采通(平臺)", "市采通(平臺)"),
        ("集團(Group)", "集團(Group)"),
        ("產(ye)", "產(ye)"),
    ],
)
def test_pinyin_reading(run, text, expected):
    doc = norm(run, text)
    check_offsets(doc)
    assert doc.text == expected
    assert all(r.rule == "pinyin.reading" for r in doc.repairs)


@pytest.mark.parametrize(
    "text, expected, rule",
    [
        ("市委<br>書記", "市委書記", "html.tag"),
        ("Party<br/>Secretary", "Party Secretary", "html.tag"),
        ("價格<5元或>3元", "價格<5元或>3元", None),
        ("調研/font>工作", "調研工作", "html.tag_fragment"),
        ("and/or>", "and/or>", None),
        ("A&amp;B 與&nbsp;C", "A&B 與 C", "html.entity"),
        ("AT&T", "AT&T", None),
        ("&#8220;引號&#x201D;", "“引號”", "html.entity"),
        ("市委\u200b書記\ufeff", "市委書記", "control.zero_width"),
        ("市委 書記", "市委 書記", None),
        ("市委\x07書記", "市委書記", "control.c0_c1"),
        ("市委\t書記", "市委\t書記", None),
    ],
)
def test_cleanup_rules(run, text, expected, rule):
    doc = norm(run, text)
    check_offsets(doc)
    assert doc.text == expected
    assert {r.rule for r in doc.repairs} == ({rule} if rule else set())


def shift_gbk(truth: str) -> str:
    """What the seeds show: GBK bytes read one byte late, lost lead byte as `?`, unmapped pairs dropped."""
    data = truth.encode("gb18030")[1:]
    return "?" + "".join(c for c in data.decode("gb18030", errors="ignore") if not 0xE000 <= ord(c) <= 0xF8FF)


def test_mojibake_gbk_shift_made_here(run):
    doc = norm(run, "今天," + shift_gbk("推動製造業高質量發展") + "。")
    check_offsets(doc)
    assert doc.text == "今天,推動製造業高質量發展。"
    assert [r.rule for r in doc.repairs] == ["mojibake.gbk_shift"]


def test_mojibake_utf8_as_gbk_made_here(run):
    damaged = "推动产业发展".encode("utf-8").decode("gbk", errors="replace")
    doc = norm(run, "今天," + damaged + "。")
    check_offsets(doc)
    assert doc.text == "今天,推动产业发展。"
    assert [r.rule for r in doc.repairs] == ["mojibake.utf8_as_gbk"]


def test_lost_lead_byte(run):
    doc = norm(run, "全?h經濟穩步增長")
    check_offsets(doc)
    assert doc.text == "全縣經濟穩步增長"
    assert [r.rule for r in doc.repairs] == ["mojibake.lost_lead_byte"]


def test_unrecoverable_flagged_not_changed(run):
    # 縣委 and 黨委 are both likely here: the lost byte is not guessed, the damage is flagged.
    doc = norm(run, "全市??h委書記參加")
    check_offsets(doc)
    assert doc.text == "全市??h委書記參加"
    assert {r.kind for r in doc.repairs} == {"unrecoverable"} and doc.warnings
    near = norm(run, "你好嗎?我很好")
    assert near.repairs == [] and near.warnings == []


def test_norm_text_same_length_simplified_half_width(run):
    text = "臺灣乾燥著作後來\u3000ＡＢＣ１２\u00a0發展\nEnglish line"
    doc = norm(run, text)
    assert len(doc.norm_text) == len(doc.text)
    assert doc.norm_text == "台湾干燥著作后来 ABC12 发展\nEnglish line"
    assert doc.text == text


def test_config_profile_and_switches():
    spec = get_stage("normalize")
    run = spec.factory(spec.config_cls(opencc_profile="tw2s", repair_pinyin=False))
    doc = norm(run, "產業(yè)")
    assert doc.text == "產業(yè)" and doc.norm_text.startswith("产业")


@pytest.mark.parametrize(
    "text, language",
    [
        ("蘇州市委書記曹路寶調研紡織服裝產業發展情況", "zh-Hant"),
        ("苏州市委书记曹路宝调研纺织服装产业发展情况", "zh-Hans"),
        ("Suzhou party chief Cao Lubao visited textile firms in Changshu.", "en"),
        ("苏州市委书记曹路宝 visited textile firms", "mixed"),
    ],
)
def test_language(run, text, language):
    doc = norm(run, text)
    assert doc.language == language
    assert set(doc.script) == {"han", "hant", "hans", "latin"}
