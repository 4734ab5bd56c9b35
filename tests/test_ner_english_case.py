"""Metamorphic family for English: the same article lower-cased or in capitals gives the same entities.

Templates of the genre (an inspection, a visit, a symposium, a meeting; written for this test) are filled with
pinyin names (common surnames, given names of two syllables drawn from the syllable list), gazetteer cities and
provinces, and registered companies (a brand of two pinyin syllables, an industry word, a legal form of the
registry conventions in configs/ner/english.toml). Each case runs through normalize and ner three ways: as
written, lower-cased and in capitals. Where the back-end defines case-free reading (names after a title or
before a comma, gazetteer places and level words, bodies after a locale, names before a legal form), the entity
set (type, lower-cased text) must be the same in all three; the written rendering must also find what the
template put in.

Measured on this sample (seed 0, 30 cases): invariance 1.000 and known-entity recall 1.000 for each rendering.
The floors allow one case in 30 to differ.
"""

from __future__ import annotations

import random

import pytest

from pipeline.config import REPO_ROOT
from pipeline.document import Document
from pipeline.ner.gazetteer import Gazetteer
from pipeline.registry import get_stage
from pipeline.schema import RawDocument

N_CASES = 30
INVARIANCE_FLOOR = 0.96
KNOWN_RECALL_FLOOR = 0.96

SURNAMES = ["Wang", "Li", "Zhang", "Liu", "Chen", "Yang", "Zhao", "Huang", "Zhou", "Wu", "Xu", "Sun", "Zhu", "Hu",
            "Guo", "Luo", "Liang", "Song", "Zheng", "Xie", "Han", "Tang", "Feng", "Deng", "Cao", "Peng", "Ouyang"]
SYLLABLES = ["jian", "guo", "hong", "wei", "ming", "hua", "xiao", "zhi", "qiang", "yong", "jun", "ping", "lin", "feng",
             "hai", "tao", "xin", "yu", "bin", "chun", "dong", "kai", "rui", "song", "wen", "xue", "yan", "zhen"]
INDUSTRIES = ["Textile", "Machinery", "Electronics", "New Energy", "Chemical", "Mining", "Food", "Pharmaceutical",
              "Auto Parts", "Cable", "Paper", "Glass", "Battery", "Steel Structure", "Printing"]
FORMS = ["Co., Ltd.", "Joint-Stock Co., Ltd.", "Group Co., Ltd.", "Technology Co., Ltd.", "Inc.", "Holdings Limited"]
MONTHS = ["March", "April", "June", "September", "October", "November"]
TEMPLATES = [
    ("On {m} {d}, {p1}, secretary of the CPC {c} Municipal Committee, inspected {co1}. {p2}, mayor of {c} City, "
     "accompanied the inspection.",
     {("PERSON", "{p1}"), ("PERSON", "{p2}"), ("ORG", "CPC {c} Municipal Committee"), ("ORG", "{co1}"),
      ("PLACE", "{c} City")}),
    ("{p1}, vice governor of {v} Province, visited {co1} in {c} City on {m} {d}. Vice Mayor {p2} attended.",
     {("PERSON", "{p1}"), ("PERSON", "{p2}"), ("ORG", "{co1}"), ("PLACE", "{v} Province"), ("PLACE", "{c} City")}),
    ("On {m} {d}, the {c} Municipal People's Government held a symposium with representatives of {co1} and "
     "{co2}. Mayor {p2} presided over the meeting.",
     {("PERSON", "{p2}"), ("ORG", "{c} Municipal People's Government"), ("ORG", "{co1}"), ("ORG", "{co2}")}),
    ("{p1}, chairman of {co1}, met {p2}, deputy secretary of the CPC {v} Provincial Committee, in {c} City on "
     "{m} {d}.",
     {("PERSON", "{p1}"), ("PERSON", "{p2}"), ("ORG", "{co1}"), ("ORG", "CPC {v} Provincial Committee"),
      ("PLACE", "{c} City")}),
]


def _gazetteer_names(level: str) -> list[str]:
    gaz = Gazetteer.load(REPO_ROOT / "pipeline" / "data" / "gazetteer_cn.tsv")
    names = sorted({p.english for p in gaz.by_english.values() if p.level == level})
    return [n for n in names if n.isalpha() and len(n) >= 5]


def make_cases(n: int, seed: int) -> list[tuple[str, set[tuple[str, str]]]]:
    rng = random.Random(seed)
    cities, provinces = _gazetteer_names("city"), _gazetteer_names("province")

    def person() -> str:
        return f"{rng.choice(SURNAMES)} {''.join(rng.sample(SYLLABLES, 2)).capitalize()}"

    def company() -> str:
        brand = "".join(rng.sample(SYLLABLES, 2)).capitalize()
        return f"{rng.choice(cities)} {brand} {rng.choice(INDUSTRIES)} {rng.choice(FORMS)}"

    cases = []
    for i in range(n):
        template, known = TEMPLATES[i % len(TEMPLATES)]
        slots = dict(m=rng.choice(MONTHS), d=rng.randint(1, 28), p1=person(), p2=person(), c=rng.choice(cities),
                     v=rng.choice(provinces), co1=company(), co2=company())
        # a name ending in its abbreviation's dot ends the sentence with that dot (... Co., Ltd. Mayor ...)
        cases.append((template.format(**slots).replace("..", "."), {(t, x.format(**slots)) for t, x in known}))
    return cases


@pytest.fixture(scope="module")
def stages():
    return [get_stage(n).factory(get_stage(n).config_cls()) for n in ("normalize", "ner")]


def entity_set(stages, text: str) -> set[tuple[str, str]]:
    doc = Document.from_raw(RawDocument(doc_id="m", source_path="m.txt", source_format="txt", sha256="0",
                                        n_bytes=len(text.encode()), encoding="utf-8", encoding_confidence=1.0,
                                        text=text))
    for stage in stages:
        doc = stage(doc)
    for e in doc.entities:
        assert doc.text[e.start:e.end] == e.text
    return {(e.type, e.text.lower()) for e in doc.entities if e.type in ("PERSON", "ORG", "PLACE")}


@pytest.fixture(scope="module")
def outcomes(stages):
    out = []
    for text, known in make_cases(N_CASES, seed=0):
        sets = {name: entity_set(stages, render(text)) for name, render in
                (("plain", str), ("lower", str.lower), ("upper", str.upper))}
        out.append((text, {(t, x.lower()) for t, x in known}, sets))
    return out


def test_cases_are_varied():
    texts = [t for t, _ in make_cases(N_CASES, seed=0)]
    assert len(set(texts)) == N_CASES
    assert make_cases(5, seed=1) != make_cases(5, seed=0)


@pytest.mark.parametrize("variant", ["lower", "upper"])
def test_case_variants_give_the_same_entities(outcomes, variant):
    differ = [f"{text!r}: missing {sorted(s['plain'] - s[variant])}, extra {sorted(s[variant] - s['plain'])}"
              for text, _, s in outcomes if s[variant] != s["plain"]]
    assert 1 - len(differ) / len(outcomes) >= INVARIANCE_FLOOR, "\n".join(differ)


@pytest.mark.parametrize("variant", ["plain", "lower", "upper"])
def test_known_entities_are_found(outcomes, variant):
    found = sum(len(known & s[variant]) for _, known, s in outcomes)
    total = sum(len(known) for _, known, _ in outcomes)
    missed = [sorted(known - s[variant]) for _, known, s in outcomes if known - s[variant]]
    assert found / total >= KNOWN_RECALL_FLOOR, missed
