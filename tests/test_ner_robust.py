"""Inputs that once crashed the Chinese pattern layer: a lexicon phrase matched across whitespace."""

from __future__ import annotations

import pytest

from pipeline.config import REPO_ROOT
from pipeline.document import Document
from pipeline.ner.gazetteer import Gazetteer
from pipeline.ner.zh_rules import ChineseRules
from pipeline.registry import get_stage
from pipeline.schema import RawDocument

CFG = REPO_ROOT / "configs" / "ner"


@pytest.fixture(scope="module")
def zh():
    gaz = Gazetteer.load(REPO_ROOT / "pipeline" / "data" / "gazetteer_cn.tsv")
    return ChineseRules(CFG / "zh_rules.toml", CFG / "surnames.toml", gaz)


@pytest.mark.parametrize("text", [
    "副县长在宁 波市调研",          # a division name broken by a space
    "来自广 东省的客商",
    "代表团抵达昆\u3000明市",         # an ideographic space
    "考察组前往\t贵阳市和遵 义",
])
def test_place_split_by_whitespace_is_no_place_and_no_crash(zh, text):
    cands = zh.find(text, [])
    for c in cands:
        assert not any(ch.isspace() for ch in text[c.start:c.end]) or c.label not in ("PLACE",)


def test_whitespace_outside_a_name_still_finds_it(zh):
    text = "在 杭州市 召开"
    assert ("杭州市", "PLACE") in {(text[c.start:c.end], c.label) for c in zh.find(text, [])}


def test_ner_stage_survives_spaced_names():
    spec = get_stage("ner")
    ner = spec.factory(spec.config_cls())
    norm = get_stage("normalize")
    normalize = norm.factory(norm.config_cls())
    text = "市委书记在湖 南省长 沙市考察。\n来自台 湾地区的企业家参加了座谈会。\n"
    raw = RawDocument(doc_id="s", source_path="s.txt", source_format="txt", sha256="0",
                      n_bytes=len(text.encode()), encoding="utf-8", encoding_confidence=1.0, text=text)
    doc = ner(normalize(Document.from_raw(raw)))
    for e in doc.entities:
        assert doc.text[e.start:e.end] == e.text
