"""pipeline/rulefiles.py: every rule file is validated by its model; a malformed one stops the run (exit 2)
with the file and key named; the validated dict is the file as written; titles come from one file."""

from __future__ import annotations

import os
import subprocess
import sys
import tomllib
from pathlib import Path

import pytest

from pipeline.config import ConfigError, load_config, resource_path
from pipeline.registry import get_stage
from pipeline.rulefiles import (
    DatesRuleFile,
    EnRulesFile,
    Features,
    NormalizeRuleFile,
    RolesFile,
    RuleFileError,
    StripRuleFile,
    SurnamesFile,
    TitlesFile,
    TriggersFile,
    Widgets,
    ZhRulesFile,
    as_dict,
    load_en_rules,
    load_rule_file,
    load_zh_rules,
)

REPO = Path(__file__).resolve().parent.parent
FILES = {
    "configs/normalize/rules.toml": NormalizeRuleFile,
    "configs/strip/lines.toml": StripRuleFile,
    "configs/strip/inline.toml": StripRuleFile,
    "configs/strip/features.toml": Features,
    "configs/strip/widgets.toml": Widgets,
    "configs/ner/zh_rules.toml": ZhRulesFile,
    "configs/ner/english.toml": EnRulesFile,
    "configs/ner/surnames.toml": SurnamesFile,
    "configs/dates/rules.toml": DatesRuleFile,
    "configs/events/triggers.toml": TriggersFile,
    "configs/events/roles.toml": RolesFile,
    "configs/titles.toml": TitlesFile,
}


def test_every_rule_file_has_a_model():
    shipped = {str(p.relative_to(REPO)) for p in (REPO / "configs").rglob("*.toml")} - {"configs/default.toml"}
    assert shipped == set(FILES)


@pytest.mark.parametrize("rel", sorted(FILES))
def test_shipped_file_validates_and_reads_back_as_written(rel):
    """The dict the loaders index is exactly the parsed TOML: validation changes no value and adds no key."""
    path = resource_path(rel)
    model = load_rule_file(path, FILES[rel])
    if rel.startswith("configs/strip/") and FILES[rel] is not Widgets:
        return  # strip reads the models' attributes, with their defaults filled in
    assert as_dict(model) == tomllib.loads(path.read_text(encoding="utf-8"))


def _edited(tmp_path: Path, rel: str, old: str, new: str) -> Path:
    text = resource_path(rel).read_text(encoding="utf-8")
    assert old in text
    out = tmp_path / Path(rel).name
    out.write_text(text.replace(old, new, 1), encoding="utf-8")
    return out


def test_unknown_key_is_named(tmp_path):
    bad = _edited(tmp_path, "configs/events/triggers.toml", "[[trigger]]\n", "[[trigger]]\ncolour = \"red\"\n")
    with pytest.raises(RuleFileError) as err:
        load_rule_file(bad, TriggersFile)
    assert str(bad) in str(err.value) and "trigger.0.colour: unknown key" in str(err.value)


def test_wrong_type_is_named(tmp_path):
    bad = _edited(tmp_path, "configs/dates/rules.toml", "max_source_line_chars = ", "max_source_line_chars = \"many\" #")
    with pytest.raises(RuleFileError, match=r"publication\.max_source_line_chars: Input should be a valid integer"):
        load_rule_file(bad, DatesRuleFile)


def test_missing_key_is_named(tmp_path):
    bad = _edited(tmp_path, "configs/normalize/rules.toml", "min_gain = ", "# min_gain = ")
    with pytest.raises(RuleFileError, match=r"mojibake\.min_gain: required key is missing"):
        load_rule_file(bad, NormalizeRuleFile)


def test_ner_section_key_is_checked_by_rule_id(tmp_path):
    bad = _edited(tmp_path, "configs/ner/zh_rules.toml", "max_brand_chars = ", "max_brand_char = ")
    with pytest.raises(RuleFileError) as err:
        load_rule_file(bad, ZhRulesFile)
    msg = str(err.value)
    assert "rules.zh.org.brand_industry.max_brand_char: unknown key" in msg
    assert "rules.zh.org.brand_industry.max_brand_chars: required key is missing" in msg


def test_broken_toml_and_missing_file(tmp_path):
    bad = tmp_path / "x.toml"
    bad.write_text("[rules\n", encoding="utf-8")
    with pytest.raises(RuleFileError, match="not valid TOML"):
        load_rule_file(bad, SurnamesFile)
    with pytest.raises(RuleFileError, match="cannot read rule file"):
        load_rule_file(tmp_path / "none.toml", SurnamesFile)


def test_strip_rule_with_a_bad_pattern_names_the_rule(tmp_path):
    bad = tmp_path / "lines.toml"
    bad.write_text('[[rule]]\nid = "x.one"\nlanguages = ["zh"]\nkind = "nav"\nreason = "r"\npatterns = ["(unclosed"]\n',
                   encoding="utf-8")
    spec = get_stage("strip")
    with pytest.raises(RuleFileError, match=r"'x\.one'.*invalid pattern"):
        spec.factory(spec.config_cls(line_rules=str(bad)))


@pytest.mark.parametrize("section, rel, old, new", [
    ("events", "configs/events/roles.toml", "[[cue]]\n", "[[cue]]\nweight = 2\n"),
    ("ner", "configs/ner/english.toml", "max_words = ", "max_words = \"seven\" #"),
    ("dates", "configs/dates/rules.toml", "[[context]]\n", "[[context]]\nwhen = \"x\"\n"),
    ("strip", "configs/strip/widgets.toml", "counted = ", "counting = "),
])
def test_load_config_refuses_a_malformed_rule_file(tmp_path, section, rel, old, new):
    bad = _edited(tmp_path, rel, old, new)
    key = {"events": "roles", "ner": "english_rules", "dates": "rules", "strip": "widgets"}[section]
    with pytest.raises(ConfigError, match=f"{section}: {bad}"):
        load_config(None, [f"{section}.{key}={bad}"])


def test_run_exits_2_with_the_file_and_key(tmp_path):
    bad = _edited(tmp_path, "configs/events/triggers.toml", "keep_ratio = ", "keep_ratios = ")
    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "a.txt").write_text("市长到企业调研。\n", encoding="utf-8")
    env = dict(os.environ, PYTHONPATH=str(REPO))
    done = subprocess.run([sys.executable, "-m", "pipeline.cli", "run", str(tmp_path / "in"), "--out",
                           str(tmp_path / "out"), "--quiet", "--set", f"events.triggers={bad}"],
                          cwd=REPO, env=env, capture_output=True, text=True)
    assert done.returncode == 2
    assert str(bad) in done.stderr and "decision.keep_ratios: unknown key" in done.stderr
    assert "decision.keep_ratio: required key is missing" in done.stderr


# ---- titles, defined once ------------------------------------------------------------------------------
def test_ner_titles_come_from_the_titles_file(tmp_path):
    titles = _edited(tmp_path, "configs/titles.toml", 'standalone = [\n  "省长",', 'standalone = [\n  "署长助理", "省长",')
    zh = load_zh_rules(resource_path("configs/ner/zh_rules.toml"), titles)
    assert "署长助理" in zh["zh.title"]["standalone"] and "市委" in zh["zh.title"]["bodies"]
    assert "书记" in zh["zh.person.honorific"]["titles"]
    en = load_en_rules(resource_path("configs/ner/english.toml"), titles)
    assert "Vice Mayor" in en["en.title"]["standalone"] and "Secretary" in en["en.title"]["roles"]
    for rel in ("configs/ner/zh_rules.toml", "configs/ner/english.toml"):
        sections = tomllib.loads(resource_path(rel).read_text(encoding="utf-8"))["rules"]
        assert not {"bodies", "roles", "standalone", "titles"} & set(sections.get("zh.title", {}) | sections.get(
            "en.title", {}) | sections.get("zh.person.honorific", {})), "title words belong in configs/titles.toml"


def test_ner_and_events_read_the_same_titles_file():
    cfg = load_config()
    assert resource_path(cfg.ner.titles) == resource_path(cfg.events.titles) == resource_path("configs/titles.toml")


@pytest.fixture(scope="module")
def event_rules():
    from pipeline.events.rules import load_rules

    return load_rules(resource_path("configs/events/triggers.toml"), resource_path("configs/titles.toml"),
                      resource_path("configs/events/roles.toml"))


# Vocabulary words that are not offices on their own, and why.
UNRANKED = {
    "专员": "also a staff job (招商专员); the office is ranked with its body (行署专员)",
    "副专员": "likewise (行署副专员)",
    "总": "王总: a form of address for a manager, no office",
    "老师": "a form of address for a teacher, no office",
}


def test_every_title_word_has_a_rank(event_rules):
    """The two halves of configs/titles.toml agree: each word NER calls a title gets a rank from the table."""
    from pipeline.events.people import rank_of

    words = load_rule_file(resource_path("configs/titles.toml"), TitlesFile)
    titles = [*words.zh.standalone, *words.zh.roles, *words.zh.honorific, *words.en.standalone, *words.en.roles]
    unranked = {t for t in titles if rank_of(event_rules, t)[1] is None}
    assert unranked == set(UNRANKED)
    for title in ("行署专员", "地区行政公署副专员"):
        assert rank_of(event_rules, title)[1] is not None


@pytest.mark.parametrize("higher, lower", [
    ("地区行署专员", "行署副专员"),        # a prefecture's commissioner ranks as its mayor, the deputy below
    ("副市长", "市长助理"),               # an assistant to the mayor is below the deputies ...
    ("市长助理", "市财政局局长"),          # ... and above the city's department heads
    ("Vice Mayor", "Assistant to the Mayor"),
    ("District Chief", "District Deputy Director"),
    ("县财政局科长", "县财政局副科长"),       # a section head, like a division head (处长), above the deputies
])
def test_rank_order_of_added_offices(event_rules, higher, lower):
    from pipeline.events.people import rank_of

    assert rank_of(event_rules, higher)[0] > rank_of(event_rules, lower)[0] > 0
