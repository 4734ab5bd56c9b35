"""Each proposer of the Chinese pattern layer: it proposes on a sentence written for it, and switched off
(`ner.disabled_proposers`) it proposes nothing there while the others still run."""

from __future__ import annotations

import pytest
from pydantic import ValidationError

from pipeline.config import REPO_ROOT
from pipeline.ner import NerConfig
from pipeline.ner.base import RawEntity
from pipeline.ner.gazetteer import Gazetteer
from pipeline.ner.proposers import PROPOSERS
from pipeline.ner.zh_rules import ChineseRules

CFG = REPO_ROOT / "configs" / "ner"

# proposer -> (sentence, back-end entities, the rule id it proposes under)
CASES = {
    "backend": ("记者王海峰报道。", [RawEntity(2, 5, "PERSON", "lac")], "lac"),
    "gazetteer": ("他在衡阳市调研。", [], "zh.place.gazetteer"),
    "titles": ("副市长讲话。", [], "zh.title"),
    "gov_bodies": ("衡阳市委召开会议。", [], "zh.org.gov_body"),
    "org_suffix": ("他走访了衡阳宏达机械有限公司。", [], "zh.org.suffix"),
    "brand_industry": ("他们走访了华锐船舶、嘉禾茶业。", [], "zh.org.brand_industry"),
    "parks": ("他来到衡阳高新技术产业开发区。", [], "zh.place.park"),
    "enumerations": ("宏达、利群、安泰等5家企业参加。", [], "zh.org.enumeration"),
    "platforms": ("上线“衡易办”平台。", [], "zh.org.quoted_platform"),
    "after_title": ("副市长赵国强出席。", [], "zh.person.after_title"),
    "after_title_bounded": ("副厅长次仁卓玛强调。", [], "zh.person.after_title_bounded"),
    "honorifics": ("赵书记指出。", [], "zh.person.honorific"),
    "dotted_names": ("副主席阿布都拉·艾买提出席。", [], "zh.person.dotted_name"),
    "media": ("新华社记者报道。", [], "zh.org.media"),
    "central_soe": ("双方与中国电建签约。", [], "zh.org.central_soe"),
    "brands": ("他参观了比亚迪。", [], "zh.org.brand"),
    "clause_sites": ("在星河超级品牌中心，县长察看了商品。", [], "zh.org.clause_site"),
    "school_units": ("他来到湘南大学经济与管理学院。", [RawEntity(4, 8, "ORG", "lac")], "zh.org.school_conjunction"),
    "features": ("游客来到洱源茈碧湖。", [RawEntity(4, 6, "PLACE", "lac")], "zh.place.natural_feature"),
}


@pytest.fixture(scope="module")
def gaz():
    return Gazetteer.load(REPO_ROOT / "pipeline" / "data" / "gazetteer_cn.tsv")


def rules(gaz, disabled=()):
    return ChineseRules(CFG / "zh_rules.toml", CFG / "surnames.toml", gaz, disabled=set(disabled))


@pytest.fixture(scope="module")
def all_on(gaz):
    return rules(gaz)


def test_every_proposer_has_a_case():
    assert set(CASES) | {"speaker_labels"} == set(PROPOSERS)


@pytest.mark.parametrize("name", sorted(CASES))
def test_proposer_fires_and_switches_off(gaz, all_on, name):
    text, backend, source = CASES[name]
    assert source in {c.source for c in all_on.find(text, backend)}, name
    off = rules(gaz, [name])
    assert source not in {c.source for c in off.find(text, backend)}


def test_speaker_labels_switch_off(gaz, all_on):
    text = "记者：今年有何打算？\n周凯：我们将扩大生产。"
    lines = [(0, 10), (11, len(text))]
    assert all_on.speaker_labels(text, lines)
    assert not rules(gaz, ["speaker_labels"]).speaker_labels(text, lines)


def test_switching_one_off_leaves_the_others(gaz):
    text = "衡阳市委书记赵国强走访了华锐船舶、嘉禾茶业。"
    got = {c.source for c in rules(gaz, ["brand_industry"]).find(text, [])}
    assert "zh.org.brand_industry" not in got and {"zh.title", "zh.org.gov_body", "zh.person.after_title"} <= got


def test_unknown_proposer_is_a_config_error():
    with pytest.raises(ValidationError, match="unknown NER proposer"):
        NerConfig(disabled_proposers=["no-such-proposer"])
    assert NerConfig(disabled_proposers=["media"]).disabled_proposers == ["media"]


def test_the_registry_runs_every_named_proposer_once_in_order():
    from pipeline.ner.proposers import REGISTRY, Proposer, register

    names = [p.name for p in REGISTRY]
    assert names == list(PROPOSERS) and len(set(names)) == len(names)
    assert all(issubclass(p, Proposer) and p.describes for p in REGISTRY)
    # the gazetteer prepares the places the titles, parks and bodies read, so it comes before them
    assert names.index("gazetteer") < names.index("titles") < names.index("gov_bodies") < names.index("parks")
    with pytest.raises(ValueError):
        register(type("Again", (Proposer,), {"name": "gazetteer"}))


def test_a_disabled_proposer_is_not_instantiated(gaz):
    layer = rules(gaz, disabled=["parks", "media"])
    assert {"parks", "media"}.isdisjoint(p.name for p in layer.proposers)
    assert "gazetteer" in [p.name for p in layer.proposers]
