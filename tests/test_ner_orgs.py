"""Organization mechanisms on sentences written for these tests (many industries, places and surnames):
company short names 字号 + 行业 (GB/T 4754 industry words), a town or park before a company, a person and a
verb before a company, and the industry lexicon's build script."""

from __future__ import annotations

import subprocess
import sys

import pytest

from pipeline.config import REPO_ROOT
from pipeline.document import Document
from pipeline.registry import get_stage
from pipeline.schema import RawDocument


@pytest.fixture(scope="module")
def run():
    stages = [get_stage(n).factory(get_stage(n).config_cls()) for n in ("normalize", "ner")]

    def go(text: str) -> dict[str, set[str]]:
        doc = Document.from_raw(RawDocument(doc_id="t", source_path="t.txt", source_format="txt", sha256="0",
                                            n_bytes=len(text.encode()), encoding="utf-8", encoding_confidence=1.0,
                                            text=text))
        for st in stages:
            doc = st(doc)
        out: dict[str, set[str]] = {"PERSON": set(), "ORG": set(), "PLACE": set()}
        for e in doc.entities:
            if e.type in out:
                out[e.type].add(e.text)
        return out

    return go


# (brand, industry word) pairs across GB/T 4754 divisions: tea, shipbuilding, food, chemicals, pharma, steel,
# electrical machinery, electronics, logistics, building materials, paper, furniture, dairy, mining, textiles
LISTS = [
    ("副县长一行先后来到白沙镇青禾峰茶业、云岭茶业和福源船舶，了解企业生产情况。", ["青禾峰茶业", "云岭茶业", "福源船舶"]),
    ("调研组走访了金川食品、宏达化工，看望一线职工。", ["金川食品", "宏达化工"]),
    ("座谈会上，瑞康药业、德邦物流、华菱钢铁负责人先后发言。", ["瑞康药业", "德邦物流", "华菱钢铁"]),
    ("他先后考察了鑫源建材、晨光纸业、美克家具。", ["鑫源建材", "晨光纸业", "美克家具"]),
    ("检查组深入恒顺乳业、紫金矿业和锦江纺织的生产车间。", ["恒顺乳业", "紫金矿业", "锦江纺织"]),
]


@pytest.mark.parametrize("text,orgs", LISTS)
def test_brand_industry_lists(run, text, orgs):
    got = run(text)
    assert set(orgs) <= got["ORG"], got
    assert not set(orgs) & got["PERSON"]


@pytest.mark.parametrize("text", [
    "近年来，湖南茶业、江西食品产业发展迅速。",       # a province and an industry: an industry
    "会议强调，要大力发展新能源汽车、集成电路。",     # industry words only
    "他们察看了产业园，了解项目投资情况。",          # words of prose before an industry word
])
def test_industries_are_not_companies(run, text):
    assert not run(text)["ORG"]


@pytest.mark.parametrize("text,org,place", [
    ("在青山镇华泰食品有限公司，县长察看了生产线。", "华泰食品有限公司", "青山镇"),
    ("代表团参观了白石乡永兴机械有限公司。", "永兴机械有限公司", "白石乡"),
])
def test_town_before_company_is_no_part_of_its_name(run, text, org, place):
    got = run(text)
    assert org in got["ORG"] and place in got["PLACE"], got


def test_town_before_association_or_cooperative_stays(run):
    got = run("会议由青山镇家具行业协会承办，东湖村绿源果蔬专业合作社参加。")
    assert not any(o.startswith(("家具", "绿源")) for o in got["ORG"]), got


@pytest.mark.parametrize("text,person,org", [
    ("市长刘晓明莅临恒远机械集团调研。", "刘晓明", "恒远机械集团"),
    ("区委书记陈国平会见华通电气集团董事长一行。", "陈国平", "华通电气集团"),
    ("副市长欧阳明拜访汇川技术股份有限公司。", "欧阳明", "汇川技术股份有限公司"),
])
def test_person_and_verb_before_a_company(run, text, person, org):
    got = run(text)
    assert person in got["PERSON"] and org in got["ORG"], got
    assert not any(o.startswith(person) for o in got["ORG"])


def test_title_then_speech_verb_is_no_person(run):
    got = run("中共宁波市委宣传部部长发言。")
    assert "发言" not in got["PERSON"]


def test_industry_lexicon_is_up_to_date():
    r = subprocess.run([sys.executable, str(REPO_ROOT / "scripts" / "build_industry_words.py"), "--check"],
                       capture_output=True, text=True)
    assert r.returncode == 0, r.stdout


def test_industry_lexicon_names_its_source():
    head = (REPO_ROOT / "pipeline" / "data" / "industry_words.tsv").read_text(encoding="utf-8").splitlines()[0]
    assert "GB/T 4754-2017" in head


def test_party_group_with_a_role_is_part_of_the_title(run):
    got = run("许昌市人大常委会党组副书记、副主任赵立群出席会议。")
    assert "许昌市人大常委会" in got["ORG"] and "许昌市人大常委会党组" not in got["ORG"], got


def test_party_group_without_a_role_is_a_body(run):
    got = run("会上，丽水市人大常委会党组传达了文件精神。")
    assert "丽水市人大常委会党组" in got["ORG"], got


@pytest.mark.parametrize("text,org", [
    ("中共宁波市委宣传部部长李华发言。", "中共宁波市委宣传部"),
    ("中国共产党曲靖市委员会召开全会。", "中国共产党曲靖市委员会"),
])
def test_party_name_before_a_committee(run, text, org):
    assert org in run(text)["ORG"]


def test_media_outlets(run):
    got = run("发布会上，《江城晚报》总编辑、新华社、中新社、《苍山》杂志、《贵州日报》、甘肃日报等媒体参加。")
    assert {"江城晚报", "新华社", "中新社", "苍山", "贵州日报", "甘肃日报"} <= got["ORG"], got
    assert not {"贵州", "甘肃"} & got["PLACE"]  # a place inside a medium's name is no place of the article


def test_book_titles_are_not_media(run):
    assert not run("他读了《关于加快发展的意见》和《山河故人》。")["ORG"]


def test_person_verb_and_industry_word_is_no_company(run):
    got = run("发言人、运行局局长蒋志刚介绍一季度工业和信息化发展情况。")
    assert "蒋志刚" in got["PERSON"] and not got["ORG"], got
