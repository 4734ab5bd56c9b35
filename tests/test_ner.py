"""The `ner` stage end to end: seeds after normalize and strip, Traditional and English cases, routing, bylines."""

from __future__ import annotations

from pathlib import Path

import pytest

from pipeline.document import Document
from pipeline.ner import NerConfig, chunks, route
from pipeline.registry import get_stage
from pipeline.schema import Byline, RawDocument

SEEDS = Path(__file__).resolve().parent.parent / "seeds"


def raw(text: str, doc_id: str = "t") -> RawDocument:
    return RawDocument(doc_id=doc_id, source_path=f"{doc_id}.txt", source_format="txt", sha256="0",
                       n_bytes=len(text.encode()), encoding="utf-8", encoding_confidence=1.0, text=text)


@pytest.fixture(scope="module")
def stages():
    out = {}
    for name in ("normalize", "strip", "ner"):
        spec = get_stage(name)
        out[name] = spec.factory(spec.config_cls())
    return out


def process(stages, text: str, names=("normalize", "ner"), doc_id: str = "t") -> Document:
    doc = Document.from_raw(raw(text, doc_id))
    for name in names:
        doc = stages[name](doc)
    return doc


def by_type(doc: Document, typ: str) -> dict[str, object]:
    return {e.text: e for e in doc.entities if e.type == typ}


def assert_offsets(doc: Document) -> None:
    for e in doc.entities:
        assert doc.text[e.start:e.end] == e.text
        assert doc.norm_text[e.start:e.end] == e.simplified
        for m in e.mentions:
            assert doc.text[m.start:m.end] == m.text


@pytest.fixture(scope="module")
def seeds(stages):
    return {f.stem[:3]: process(stages, f.read_text(encoding="utf-8"), ("normalize", "strip", "ner"), f.stem)
            for f in sorted(SEEDS.glob("*.txt"))}


def test_seed_offsets_are_exact(seeds):
    for doc in seeds.values():
        assert doc.entities
        assert_offsets(doc)


def test_seed_002_traditional_entities(seeds):
    doc = seeds["002"]
    persons = by_type(doc, "PERSON")
    assert {"何錄春", "黃錦鋒", "潘漢勝", "韋慶強", "陶建全", "習近平", "楊通順", "梁偉德"} <= set(persons)
    # 何書記 is a mention of 何錄春, never a name of its own
    assert "何書記" in [m.text for m in persons["何錄春"].mentions]
    assert not [p for p in persons if p.endswith("書記")]
    places = by_type(doc, "PLACE")
    assert {"貴港市", "桂平市", "木樂鎮", "廣西", "桂平木樂服裝工業園區"} <= set(places)
    assert "貴港" in places["貴港市"].aliases
    assert places["貴港市"].simplified == "贵港市"
    orgs = by_type(doc, "ORG")
    assert {"貴港市委", "桂平市閃鷹體育用品有限公司", "桂平市對克服飾有限公司"} <= set(orgs)
    assert "桂平市委書記" in by_type(doc, "TITLE")
    # LAC reads 桂平市委書記 as one place: the title layer takes it apart
    assert "桂平市委書記" not in places


def test_seed_000_place_is_the_locale_of_city_words(seeds):
    places = by_type(seeds["000"], "PLACE")
    # 蘇州市領導 / 蘇州市委 are 蘇州 + 市領導 / 市委: the place is 蘇州
    assert "蘇州" in places and "蘇州市" not in places
    assert {"常熟市", "張家港市", "江蘇"} <= set(places)
    assert "常熟" in places["常熟市"].aliases
    orgs = by_type(seeds["000"], "ORG")
    assert {"蘇州市委", "常熟依鏈數字展廳", "天虹服裝城", "江蘇夢蘭集團", "詩淇服飾", "桑尚絲綢"} <= set(orgs)


def test_seed_004_boilerplate_gives_no_entity(seeds):
    doc = seeds["004"]
    assert "屠炯" in by_type(doc, "PERSON")
    texts = {e.text for e in doc.entities}
    assert "宁波市人民政府新闻办公室" not in texts and "王静秋" not in texts
    assert {"宁波", "中国"} <= set(by_type(doc, "PLACE"))


def test_seed_english(seeds):
    doc = seeds["001"]
    assert {"Cao Lubao", "Xi Jinping", "Pan Guoqiang", "Zhang Qiao"} <= set(by_type(doc, "PERSON"))
    orgs = by_type(doc, "ORG")
    assert {"Suzhou Municipal Party Committee", "Tianhong Garment City", "Cathay Group", "SangshangSilk",
            "Shicaitong"} <= set(orgs)
    assert "Secretary of the Suzhou Municipal Party Committee" in by_type(doc, "TITLE")
    places = by_type(doc, "PLACE")
    assert "Changshu" in places["Changshu City"].aliases  # the fullest written form, as ANNOTATION.md asks
    assert "Municipal Party Committee Secretary" in by_type(seeds["003"], "TITLE")
    assert not by_type(seeds["003"], "ORG")  # a body without its locale is not listed


def test_traditional_sentence_of_my_own(stages):
    doc = process(stages, "昨日，無錫市委書記趙建軍到江陰市調研，並走訪了江蘇陽光集團有限公司。趙書記強調，要做強紡織產業。")
    assert doc.language == "zh-Hant"
    assert_offsets(doc)
    persons = by_type(doc, "PERSON")
    assert persons["趙建軍"].simplified == "赵建军"
    assert "趙書記" in [m.text for m in persons["趙建軍"].mentions]
    assert by_type(doc, "ORG")["無錫市委"].simplified == "无锡市委"
    assert "江蘇陽光集團有限公司" in by_type(doc, "ORG")
    places = by_type(doc, "PLACE")
    # 無錫 is written only before 市委書記: the place is named in its fullest written form
    assert {"無錫市", "江陰市"} <= set(places) and "無錫" not in places
    assert "江蘇" not in places  # only inside a company name
    assert "無錫市委書記" in by_type(doc, "TITLE")


def test_english_text_of_my_own(stages):
    doc = process(stages, "Mayor Li Jianguo of Wuxi City visited Hongdou Garment Group and the Jiaxing Honghe "
                          "Sweater Industrial Park. Li Jianguo said the Wuxi Municipal People's Government will help.")
    assert doc.language == "en"
    assert_offsets(doc)
    person = by_type(doc, "PERSON")["Li Jianguo"]
    assert len(person.mentions) == 2
    assert "Hongdou Garment Group" in by_type(doc, "ORG")
    assert "Wuxi Municipal People's Government" in by_type(doc, "ORG")
    assert "Jiaxing Honghe Sweater Industrial Park" in by_type(doc, "PLACE")


def test_bylines_are_not_persons(stages):
    doc = process(stages, "记者王小明报道，市长李建国到宁波市调研。")
    doc.bylines = [Byline(name="王小明", role="记者", start=2, end=5)]
    doc = stages["ner"](doc)
    assert "王小明" not in by_type(doc, "PERSON")
    assert "李建国" in by_type(doc, "PERSON")


def test_only_kept_segments_are_read(stages):
    doc = process(stages, "宁波市商务局召开会议。\n编辑：张海涛\n", names=("normalize",))
    doc.lines[1] = doc.lines[1].model_copy(update={"role": "boilerplate"})
    doc = stages["ner"](doc)
    assert "张海涛" not in {e.text for e in doc.entities}
    assert "宁波市商务局" in by_type(doc, "ORG")


def test_routing_and_chunks():
    assert route("zh-Hans", "") == (True, False)
    assert route("en", "") == (False, True)
    assert route("mixed", "") == (True, True)
    assert route("unknown", "Suzhou 苏州") == (False, True)
    text = "甲" * 30 + "，" + "乙" * 30 + "。丙。"
    pieces = chunks(text, [(0, len(text))], 40)
    assert "".join(text[s:e] for s, e in pieces) == text
    assert all(e - s <= 40 for s, e in pieces)


def test_config_points_to_existing_data():
    cfg = NerConfig()
    assert cfg.backend_zh == "lac" and cfg.backend_en == "english"
    assert all(p.exists() for p in cfg.data_files())
