"""Venues, ports, zones, labs, markets and farms through the whole `ner` stage: sentences written for these tests.

Each case names the places and organizations the annotation rules list for it (parks, ports and
districts are places; labs, markets, farms and cooperatives are organizations) and the ones they
do not (a place inside a zone's or market's name is not listed on its own).
"""

from __future__ import annotations

import pytest

from pipeline.document import Document
from pipeline.registry import get_stage
from pipeline.schema import RawDocument

CASES = [
    ("5月6日，宁波市委书记王建华来到梅山港区和穿山港区，察看集装箱码头作业情况。",
     {"王建华"}, {"宁波市委"}, {"宁波市", "梅山港区", "穿山港区"}),
    ("副省长刘海涛在杭州调研时，走进杭州未来科技实验室和西湖大学，了解科研进展。",
     {"刘海涛"}, {"杭州未来科技实验室", "西湖大学"}, {"杭州"}),
    ("义乌市市长陈国强到义乌国际商贸城调研，与经营户交流市场行情。",
     {"陈国强"}, {"义乌国际商贸城"}, {"义乌市"}),
    ("在临沂市兰山区的沂河家庭农场，区委书记赵文斌察看了大棚蔬菜长势，随后来到兰山区绿丰果蔬专业合作社。",
     {"赵文斌"}, {"沂河家庭农场", "兰山区绿丰果蔬专业合作社"}, {"临沂市", "兰山区"}),
    ("郑州市副市长孙立明考察华南城电商产业园，要求依托中原数字经济合作区加快发展。",
     {"孙立明"}, set(), {"郑州市", "华南城电商产业园", "中原数字经济合作区"}),
    ("成都市委常委李晓东深入宽窄巷子文化街区和东郊记忆文创产业园调研文旅融合。",
     {"李晓东"}, {"成都市委"}, {"成都市", "宽窄巷子文化街区", "东郊记忆文创产业园"}),
    ("廣州市副市長黃志強到南沙港區調研，並參觀了廣州國際輕紡城。",
     {"黃志強"}, {"廣州國際輕紡城"}, {"廣州市", "南沙港區"}),
    ("佛山市順德區區委書記鄭偉在北滘鎮調研時強調，要加快創新步伐。",
     {"鄭偉"}, {"佛山市順德區區委"}, {"佛山市", "順德區", "北滘鎮"}),
    ("Mayor Zhou Ming of Qingdao visited the Qianwan Port Area and the Qingdao Marine Science Laboratory on Tuesday.",
     {"Zhou Ming"}, {"Qingdao Marine Science Laboratory"}, {"Qingdao", "Qianwan Port Area"}),
    ("Party Secretary Li Hua toured the Suzhou Industrial Park, the Yangshan Port Area and the Yiwu International "
     "Trade City.", {"Li Hua"}, {"Yiwu International Trade City"}, {"Suzhou Industrial Park", "Yangshan Port Area"}),
]


@pytest.fixture(scope="module")
def stages():
    return [get_stage(n).factory(get_stage(n).config_cls()) for n in ("normalize", "ner")]


def run(stages, text: str) -> Document:
    doc = Document.from_raw(RawDocument(doc_id="v", source_path="v.txt", source_format="txt", sha256="0",
                                        n_bytes=len(text.encode()), encoding="utf-8", encoding_confidence=1.0,
                                        text=text))
    for stage in stages:
        doc = stage(doc)
    return doc


@pytest.mark.parametrize(("text", "persons", "orgs", "places"), CASES)
def test_venue_sentence(stages, text, persons, orgs, places):
    doc = run(stages, text)
    got = {t: {e.text for e in doc.entities if e.type == t} for t in ("PERSON", "ORG", "PLACE")}
    assert (got["PERSON"], got["ORG"], got["PLACE"]) == (persons, orgs, places)
    assert all(doc.text[e.start:e.end] == e.text for e in doc.entities)


def test_place_inside_a_zone_is_listed_only_when_mentioned_alone(stages):
    doc = run(stages, "他到岚山港区调研。随后在岚山召开座谈会。")
    places = {e.text: e for e in doc.entities if e.type == "PLACE"}
    assert set(places) == {"岚山港区", "岚山"}
    assert len(places["岚山"].mentions) == 1
    assert {e.text for e in run(stages, "他到岚山港区调研。").entities if e.type == "PLACE"} == {"岚山港区"}


def test_a_name_cut_short_takes_the_documents_longer_name(stages):
    doc = run(stages, "市委书记张明远出席会议。张明远强调，要抓好落实。")
    assert {e.text for e in doc.entities if e.type == "PERSON"} == {"张明远"}
    doc = run(stages, "张明出席会议。张明远强调，要抓好落实。")
    assert {e.text for e in doc.entities if e.type == "PERSON"} >= {"张明", "张明远"}
