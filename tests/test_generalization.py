"""Generalization: hand-written articles of other provinces, levels, scripts and English through all stages.

The cases (tests/generalization_cases.py) cover official titles at every level, titles after names and
in comma chains, several officials in one sentence, honorific references, minority and compound-surname
names, companies with and without suffixes, bodies with and without a locale, national bodies, venues,
towns and villages, Traditional script and English, every event type and the date forms of ANNOTATION.md.
"""

from __future__ import annotations

import opencc
import pytest

from pipeline.config import load_config
from pipeline.document import Document
from pipeline.registry import get_stage
from pipeline.schema import RawDocument

from generalization_cases import CASES

STAGES = ["normalize", "strip", "ner", "dates", "events"]
_T2S = opencc.OpenCC("t2s")


def simp(s: str | None) -> str | None:
    """Simplified, whitespace-free form used to compare a prediction with the expected value."""
    return None if s is None else _T2S.convert("".join(s.split())).lower()


@pytest.fixture(scope="module")
def stages():
    """The five stages built from the default config."""
    cfg = load_config()
    return [get_stage(n).factory(getattr(cfg, n)) for n in STAGES]


def run_case(stages, case: dict) -> Document:
    """One case through every stage."""
    doc = Document.from_raw(RawDocument(
        doc_id=case["id"], source_path=case["id"] + ".txt", source_format="txt", sha256="0", n_bytes=0,
        encoding="utf-8", encoding_confidence=1.0, text=case["text"],
    ))
    for stage in stages:
        doc = stage(doc)
    return doc


def _forms(item) -> set[str]:
    return {simp(x) for x in (item if isinstance(item, tuple) else (item,))}


def _set_matches(pred: list[str], expected: set) -> tuple[list, list]:
    """(missed expected items, unexpected predictions) between predicted strings and expected items."""
    pred_s = {simp(p) for p in pred}
    missed = [e for e in expected if not _forms(e) & pred_s]
    allowed = set().union(*(_forms(e) for e in expected)) if expected else set()
    extra = sorted(p for p in pred_s if p not in allowed)
    return missed, extra


def _entity_forms(doc: Document, label: str) -> list[str]:
    return [e.text for e in doc.entities if e.type == label]


def check(doc: Document, case: dict) -> dict[str, str]:
    """Field -> description of the mismatch, for every checked field that differs from the case."""
    ev = doc.event
    bad: dict[str, str] = {}
    if ev.type != case["type"]:
        bad["type"] = f"{ev.type} != {case['type']}"
    if (ev.date.month_day, ev.date.iso) != (case["md"], case["iso"]):
        bad["date"] = f"{(ev.date.text, ev.date.month_day, ev.date.iso)} != {(case['md'], case['iso'])}"
    mp = ev.main_person
    if case["main"] is None:
        if mp is not None:
            bad["main"] = f"{mp.name} != None"
    else:
        name, titles, org = case["main"]
        if mp is None or simp(name) not in {simp(mp.name), simp(mp.simplified)}:
            bad["main"] = f"{mp.name if mp else None} != {name}"
        else:
            if titles is not None and [simp(t) for t in mp.titles] != [simp(t) for t in titles]:
                bad["titles"] = f"{mp.titles} != {titles}"
            if org is not None and simp(mp.org) not in _forms(org):
                bad["org"] = f"{mp.org} != {org}"
    for field, label in (("persons", "PERSON"), ("orgs", "ORG"), ("places", "PLACE")):
        pred = _entity_forms(doc, label)
        if case.get(field) is not None:
            missed, extra = _set_matches(pred, case[field])
            if missed or extra:
                bad[field] = f"missed {missed} extra {extra}"
        include = case.get(field + "_include")
        if include:
            missed, _ = _set_matches(pred, include)
            if missed:
                bad[field + "_include"] = f"missed {missed}"
    for field, items in (("participants", ev.participants), ("visited", ev.visited_organizations)):
        if case.get(field) is not None:
            missed, extra = _set_matches([i.name if hasattr(i, "name") else i.text for i in items], case[field])
            if missed or extra:
                bad[field] = f"missed {missed} extra {extra}"
    return bad


@pytest.mark.parametrize("case", CASES, ids=[c["id"] for c in CASES])
def test_case(stages, case):
    """Every checked field of the record equals what ANNOTATION.md asks for."""
    doc = run_case(stages, case)
    for e in doc.entities:
        assert doc.text[e.start:e.end] == e.text
    assert check(doc, case) == {}


# --- the events rules these cases needed: a line that fires and a near miss each -----------------

def _event(stages, text: str):
    return run_case(stages, {"id": "t", "text": text}).event


def test_title_prefix_joins_body_before_ner_title(stages):
    ev = _event(stages, "标题\n5月1日,工业和信息化部新闻发言人、运行监测协调局局长罗俊杰介绍情况。\n")
    assert ev.main_person.titles == ["工业和信息化部新闻发言人", "运行监测协调局局长"]
    # a verb before the title is not its body
    ev = _event(stages, "标题\n5月1日,会议邀请局长罗俊杰介绍情况。\n")
    assert ev.main_person.titles == ["局长"]


def test_leading_title_gives_the_org(stages):
    ev = _event(stages, "标题\n3月2日,省委常委、宁波市委书记方世杰到企业调研。\n")
    assert ev.main_person.org == "宁波市委" and "main_person:org.party_committee" in ev.rules
    ev = _event(stages, "标题\n3月2日,宁波市委常委方世杰到企业调研。\n")
    assert ev.main_person.org == "宁波市委"   # a member only: the body of the membership title


def test_destination_is_not_the_locale(stages):
    ev = _event(stages, "标题\n4月2日,市委书记沈明赴深圳市、东莞市考察学习。\n")
    assert ev.main_person.org == "市委"
    ev = _event(stages, "标题\n4月2日,市委书记沈明在深圳市调研企业。\n")
    assert ev.main_person.org == "深圳市委"


def test_visit_cue_reaches_later_list_items(stages):
    ev = _event(stages, "标题\n5月2日,县长马志远先后来到王家村种植基地、鑫源种植农民专业合作社,了解情况。\n")
    assert [o.text for o in ev.visited_organizations] == ["鑫源种植农民专业合作社"]


def test_host_of_a_report_meeting_does_not_attend(stages):
    ev = _event(stages, "标题\n12月8日,德清县政府召开规划汇报会,县长汪建平出席。\n")
    assert ev.visited_organizations == []
    ev = _event(stages, "标题\n12月8日,县长汪建平主持会议,浙江新光饰品股份有限公司负责人汇报了情况。\n")
    assert [o.text for o in ev.visited_organizations] == ["浙江新光饰品股份有限公司"]


def test_headline_only_names_are_not_listed(stages):
    doc = run_case(stages, {"id": "t", "text": "林志强到镇海炼化调研\n12月6日,董事长林志强到企业调研。\n"})
    assert [e.text for e in doc.entities if e.type == "PLACE"] == []
    assert [e.text for e in doc.entities if e.type == "PERSON"] == ["林志强"]


def test_spokesperson_is_main_at_press_conference(stages):
    ev = _event(stages, "标题\n11月28日,市政府新闻办举行新闻发布会,市发展改革委党组成员、新闻发言人徐晓峰介绍情况,"
                        "市投资促进局副局长胡楠回答记者提问。\n")
    assert ev.main_person.name == "徐晓峰" and "main_person:rank.spokesperson" in ev.rules
    assert ev.main_person.titles == ["市发展改革委党组成员", "新闻发言人"]
    ev = _event(stages, "标题\n11月28日,市投资促进局副局长胡楠到企业调研。\n")
    assert "main_person:rank.spokesperson" not in ev.rules


def test_cooperative_head_ranks_below_town_secretary(stages):
    ev = _event(stages, "标题\n日前,石桥镇党委书记陈立新走访合作社,与合作社负责人王德胜交流。\n")
    assert ev.main_person.name == "陈立新"


def test_unit_named_after_bare_level_word_is_not_listed(stages):
    doc = run_case(stages, {"id": "t", "text": "标题\n3月1日,镇长陈立新带领镇农业服务中心工作人员走访农户。\n"})
    assert [e.text for e in doc.entities if e.type == "ORG"] == []
    assert "陈立新" in [e.text for e in doc.entities if e.type == "PERSON"]
