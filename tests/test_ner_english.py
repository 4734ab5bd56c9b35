"""The English back-end (pipeline/ner/english.py, configs/ner/english.toml) on sentences written for these tests.

Registered company names with their legal form, bodies named after a locale (before or after it), central media
and ministries, places in their fullest written form with the short form as alias, persons in pinyin (surname in
capitals, given name not capitalized), and lower-cased or all-capitals text read through the cased view. Each
mechanism has a near miss that must not fire.
"""

from __future__ import annotations

import pytest

from pipeline.config import REPO_ROOT
from pipeline.document import Document
from pipeline.ner.english import EnglishRules
from pipeline.ner.gazetteer import Gazetteer
from pipeline.registry import get_stage
from pipeline.schema import RawDocument

CFG = REPO_ROOT / "configs" / "ner"
DATA = REPO_ROOT / "pipeline" / "data"


@pytest.fixture(scope="module")
def en():
    return EnglishRules(CFG / "english.toml", CFG / "surnames.toml", DATA / "pinyin_syllables.txt",
                        Gazetteer.load(DATA / "gazetteer_cn.tsv"))


@pytest.fixture(scope="module")
def stages():
    return [get_stage(n).factory(get_stage(n).config_cls()) for n in ("normalize", "ner")]


def spans(en, text: str, label: str) -> set[str]:
    return {text[e.start:e.end] for e in en.find(text) if e.label == label}


def run(stages, text: str) -> Document:
    doc = Document.from_raw(RawDocument(doc_id="t", source_path="t.txt", source_format="txt", sha256="0",
                                        n_bytes=len(text.encode()), encoding="utf-8", encoding_confidence=1.0,
                                        text=text))
    for stage in stages:
        doc = stage(doc)
    for e in doc.entities:
        assert doc.text[e.start:e.end] == e.text
        for m in e.mentions:
            assert doc.text[m.start:m.end] == m.text
    return doc


def entities(doc: Document, label: str) -> dict[str, object]:
    return {e.text: e for e in doc.entities if e.type == label}


# -- companies: the legal form ends the registered name ------------------------------------------

@pytest.mark.parametrize(("text", "name"), [
    ("The delegation toured Hebei Hengrui Cable Joint-Stock Co., Ltd. on Friday.", "Hebei Hengrui Cable Joint-Stock Co., Ltd."),
    ("Engineers of Yutong Precision (Suzhou) Co., Ltd. showed the line.", "Yutong Precision (Suzhou) Co., Ltd."),
    ("He met managers of Beifang Heavy Machinery Group Co., Ltd. and others.", "Beifang Heavy Machinery Group Co., Ltd."),
    ("A contract with Kelan Sensors Inc. was signed.", "Kelan Sensors Inc."),
    ("Staff from Rheinfeld Antriebe GmbH attended.", "Rheinfeld Antriebe GmbH"),
    ("The plant of JIANGHUAI BEARING CO.,LTD was opened.", "JIANGHUAI BEARING CO.,LTD"),
    ("Guests from Minjiang Textile Holdings Limited came.", "Minjiang Textile Holdings Limited"),
    ("He thanked Longhai Power Development Co., LTD. for its help.", "Longhai Power Development Co., LTD."),
])
def test_company_with_legal_form(en, text, name):
    assert name in spans(en, text, "ORG")


def test_full_stop_after_a_whole_word_form_is_the_sentence_end(en):
    text = "He visited Dongyue Cable Holdings Limited. Then he left."
    assert "Dongyue Cable Holdings Limited" in spans(en, text, "ORG")
    assert "Dongyue Cable Holdings Limited." not in spans(en, text, "ORG")


@pytest.mark.parametrize("text", [
    "The company signed a contract and the Co-operation went on.",
    "They set up a limited company last year.",
    "Inspectors visited the Ltd. office.",
])
def test_no_company_without_a_name(en, text):
    assert not [s for s in spans(en, text, "ORG") if "Co" in s or "Ltd" in s or "limited" in s.lower()]


def test_words_of_a_body_name_are_no_company(en):
    text = "Zhou Ming, director of the Bureau of Industry and Information Technology, spoke."
    assert "Information Technology" not in spans(en, text, "ORG")


def test_list_closed_by_and_other_enterprises(en):
    text = "The team visited Hengtai Cables, Qiaoxin Foods, Ruisheng Optics and other enterprises on Monday."
    assert {"Hengtai Cables", "Qiaoxin Foods", "Ruisheng Optics"} <= spans(en, text, "ORG")
    assert not spans(en, "Li Ming met the workers and other enterprises came later.", "ORG")


# -- government and party bodies ------------------------------------------------------------------

@pytest.mark.parametrize(("text", "body"), [
    ("Leaders of the Anxi County Committee attended.", "Anxi County Committee"),
    ("The Lishui County Government held a meeting.", "Lishui County Government"),
    ("Officials of the Xining Municipal Financial Office joined.", "Xining Municipal Financial Office"),
    ("He is a member of the Party Committee of Yunnan and spoke.", "Party Committee of Yunnan"),
    ("The People’s Government of Yantai City issued a plan.", "People’s Government of Yantai City"),
    ("The Standing Committee of the Wenzhou People's Congress met.", "Standing Committee of the Wenzhou People's Congress"),
    ("Nie Fang, head of the Jiangsu Provincial Department of Commerce, spoke.", "Jiangsu Provincial Department of Commerce"),
])
def test_body_with_a_locale(en, text, body):
    assert body in spans(en, text, "ORG")


def test_body_without_locale_and_standing_committee_membership(en):
    assert not spans(en, "The County Government and the Municipal Financial Office met.", "ORG")
    text = "Gao Ping, member of the Standing Committee of the CPC Anqing Municipal Committee, spoke."
    found = spans(en, text, "ORG")
    assert "CPC Anqing Municipal Committee" in found
    assert not [s for s in found if s.startswith("Standing Committee")]


@pytest.mark.parametrize("name", ["Xinhua", "China Daily", "People's Daily", "People’s Daily", "CGTN",
                                  "Ministry of Ecology and Environment"])
def test_central_media_and_ministries(en, name):
    assert name in spans(en, f"A reporter from {name} asked a question.", "ORG")


def test_media_words_alone_are_not_media(en):
    assert not spans(en, "The daily report of the people was read.", "ORG")


# -- persons and places ---------------------------------------------------------------------------

def test_surname_in_capitals_and_lower_case_given_name(en):
    found = spans(en, "General Secretary WANG Jianguo met Zhou huaming, deputy mayor of the city.", "PERSON")
    assert {"WANG Jianguo", "Zhou huaming"} <= found
    assert not spans(en, "Ma said the plan and Li went home.", "PERSON")


def test_exonyms_are_places(en):
    assert {"Harbin", "Urumqi", "Inner Mongolia"} <= spans(en, "Flights link Harbin, Urumqi and Inner Mongolia.", "PLACE")


def test_place_named_in_its_fullest_written_form(stages):
    doc = run(stages, "Xu Ping, governor of Anhui Province, visited Bengbu City. Anhui is growing, and Bengbu too.")
    places = entities(doc, "PLACE")
    assert "Anhui" in places["Anhui Province"].aliases and "Bengbu" in places["Bengbu City"].aliases
    assert "Anhui" not in places and "Bengbu" not in places


def test_municipality_level_word(stages):
    doc = run(stages, "Gu Lin, mayor of Tianjin Municipality, said Tianjin will open two new lines.")
    assert "Tianjin" in entities(doc, "PLACE")["Tianjin Municipality"].aliases


def test_zone_after_a_locale_with_its_level_word(en):
    text = "He inspected the Feixian County Economic Development Zone on Monday."
    assert "Feixian County Economic Development Zone" in spans(en, text, "PLACE")


# -- lower-cased and all-capitals text -----------------------------------------------------------

LOWER = ("on may 5, tan hongwei, party secretary of the cpc jiaxing municipal committee, inspected jiaxing "
         "wanfeng cable joint-stock co., ltd. with shen yu, mayor of jiaxing city.")


def test_lower_cased_text(en):
    assert {"tan hongwei", "shen yu"} <= spans(en, LOWER, "PERSON")
    assert "jiaxing wanfeng cable joint-stock co., ltd." in spans(en, LOWER, "ORG")
    assert "cpc jiaxing municipal committee" in spans(en, LOWER, "ORG")
    assert "jiaxing city" in spans(en, LOWER, "PLACE")


def test_all_capitals_text_reads_as_the_lower_cased_one(en):
    upper = LOWER.upper()
    for label in ("PERSON", "ORG", "PLACE"):
        assert {s.lower() for s in spans(en, upper, label)} == spans(en, LOWER, label)


def test_cased_view_keeps_the_length_and_leaves_cased_text_alone(en):
    assert len(en.case_view(LOWER)) == len(LOWER)
    assert en.case_view("Tan Hongwei inspected Jiaxing City on May 5.") is None
    assert en.case_view("he said so.") is None  # too short to judge


def test_lower_cased_near_misses(en):
    text = "he ran to the market, and the company said the city government will help the yuan."
    assert not spans(en, text, "PERSON") and not spans(en, text, "ORG") and not spans(en, text, "PLACE")
    # a verb before the name is not part of it
    assert "visited hengan paper co., ltd." not in spans(en, "the mayor visited hengan paper co., ltd. today.", "ORG")
    assert "hengan paper co., ltd." in spans(en, "the mayor visited hengan paper co., ltd. today.", "ORG")
    assert "zijin mining co., ltd." in spans(en, "the team visited zijin mining co., ltd. today.", "ORG")


def test_lower_cased_page_through_the_stage(stages):
    doc = run(stages, LOWER + "\n" + "tan hongwei said jiaxing city will support the company.\n")
    assert doc.language == "en"
    assert "tan hongwei" in entities(doc, "PERSON")
    assert len(entities(doc, "PERSON")["tan hongwei"].mentions) == 2
    assert "jiaxing" in entities(doc, "PLACE")["jiaxing city"].aliases


# -- institutions and bodies written with 'of'; level words as news agencies write them -----------

def test_institution_continued_with_of(en):
    found = spans(en, "Teams from the Bank of Nanjing and the Chinese Academy of Agricultural Sciences met.", "ORG")
    assert {"Bank of Nanjing", "Chinese Academy of Agricultural Sciences"} <= found
    assert not spans(en, "The bank of the river was repaired.", "ORG")


def test_body_before_of_and_a_locale(en):
    text = "The Bureau of Natural Resources of Huaihua City issued a notice."
    assert "Bureau of Natural Resources of Huaihua City" in spans(en, text, "ORG")
    # a title before 'of' + a place is no body
    assert not spans(en, "Deng Lin, Vice Governor of Gansu Province, spoke.", "ORG")


def test_level_words_in_lower_case_and_of_several_words(en):
    text = "Su Ming, Party chief of Qinghai province, visited Nanshan district and the Guangxi Zhuang Autonomous Region."
    assert {"Qinghai province", "Nanshan district", "Guangxi Zhuang Autonomous Region"} <= spans(en, text, "PLACE")
    # a place then its leaders: the level word goes with the leaders
    assert "Wuhu city" not in spans(en, "Wuhu city leaders attended.", "PLACE")
    found = spans(en, "Ningxia Hui Autonomous Region Party Secretary Lu Hong spoke.", "PLACE")
    assert "Ningxia Hui Autonomous Region" in found


def test_development_area(en):
    text = "He toured the Tianjin Economic-Technological Development Area on Monday."
    assert "Tianjin Economic-Technological Development Area" in spans(en, text, "PLACE")


def test_and_inside_an_industry_phrase_of_a_company(en):
    found = spans(en, "Workers of Hunan Lianzhong Science and Technology Co., Ltd. and Kaiyuan Group came.", "ORG")
    assert "Hunan Lianzhong Science and Technology Co., Ltd." in found
    # two companies joined by 'and' stay two
    found = spans(en, "Managers of Hengtai Cables and Qiaoxin Foods Co., Ltd. signed.", "ORG")
    assert "Hengtai Cables and Qiaoxin Foods Co., Ltd." not in found and "Qiaoxin Foods Co., Ltd." in found


def test_sub_unit_of_a_national_body_and_two_institutions(en):
    assert "General Office of the State Council" in spans(en, "The General Office of the State Council issued it.", "ORG")
    found = spans(en, "Xiamen University and Fuzhou University signed.", "ORG")
    assert {"Xiamen University", "Fuzhou University"} <= found
    found = spans(en, "The Institute of Physics and Nankai University signed.", "ORG")
    assert "Institute of Physics and Nankai University" not in found


def test_headline_in_capitals_does_not_name_the_entity(stages):
    doc = run(stages, "MAYOR VISITS LUOYANG CITY FIRMS\nOn May 3, the mayor visited Luoyang City and met workers.\n")
    places = entities(doc, "PLACE")
    assert "Luoyang City" in places and "LUOYANG CITY" in [m.text for m in places["Luoyang City"].mentions]
