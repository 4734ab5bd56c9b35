"""Rule files (`configs/**/*.toml`) validated by pydantic models, as the run config is.

Every rule file has a model here (`extra="forbid"`, strict types), and every loader reads its file with
`load_rule_file(path, Model)`: a misspelt key, a value of the wrong type or a missing key fails when the
stage is built, and already when the config is loaded (`StageConfig.check_rule_files`, so `zh-events
run` exits with status 2), with a message naming the file and the key:

    configs/events/triggers.toml: invalid rule file
      trigger.3.weight: Input should be a valid number

Code that indexes the parsed file as a dict (`rules["zh.title"]["bodies"]`) gets the validated data back
with `as_dict(model)`: exactly the keys the file wrote (defaults are not filled in), under their names.

Adding a key: a plain section is a class below; add a typed field (`new_words: list[str]`, or
`= Field(default_factory=list)` when older files may lack it). The `[rules."<id>"]` sections of the NER
rule files are declared compactly in `ZH_RULE_SECTIONS` / `EN_RULE_SECTIONS` (rule id -> {key: type});
add the key to its section's dict there, or a new rule id with its keys. Every section also takes
`languages` and `reason`.

The official title vocabulary (which words are titles, for NER) and the rank table (how high each title
ranks, for events) are one file, `configs/titles.toml` (`TitlesFile`); `load_zh_rules` / `load_en_rules`
fill the NER title sections from it.
"""

from __future__ import annotations

import tomllib
from pathlib import Path
from typing import Any, Literal, TypeVar

from pydantic import BaseModel, ConfigDict, Field, ValidationError, create_model

from pipeline.registry import StageError

TITLES_FILE = "configs/titles.toml"


class RuleFileError(StageError):
    """A rule file that cannot be read or does not match its model."""


class RuleModel(BaseModel):
    """Base of every rule-file model: unknown keys are an error, types are not coerced."""

    model_config = ConfigDict(extra="forbid", strict=True, populate_by_name=True)


M = TypeVar("M", bound=BaseModel)

_MESSAGES = {
    "extra_forbidden": "unknown key (a typo? a new key is declared in pipeline/rulefiles.py)",
    "missing": "required key is missing",
}


def read_toml(path: Path, what: str, error: type[Exception]) -> dict[str, Any]:
    """The parsed TOML file; `error` (naming the file) when it cannot be read or parsed."""
    try:
        return tomllib.loads(path.read_text(encoding="utf-8"))
    except OSError as exc:
        raise error(f"{path}: cannot read {what}: {exc.strerror or exc}") from exc
    except (tomllib.TOMLDecodeError, UnicodeDecodeError) as exc:
        raise error(f"{path}: not valid TOML: {exc}") from exc


def load_rule_file(path: str | Path, model: type[M]) -> M:
    """Parse the TOML file at `path` and validate it with `model`; RuleFileError names the file and key."""
    path = Path(path)
    data = read_toml(path, "rule file", RuleFileError)
    try:
        return model.model_validate(data)
    except ValidationError as exc:
        lines = [f"{path}: invalid rule file ({model.__name__})"]
        for err in exc.errors():
            where = ".".join(str(p) for p in err["loc"]) or "(top level)"
            lines.append(f"  {where}: {_MESSAGES.get(err['type'], err['msg'])}")
        raise RuleFileError("\n".join(lines)) from exc


def as_dict(model: BaseModel) -> dict[str, Any]:
    """The validated data as the file wrote it: rule ids and keys under their names, unset defaults left out."""
    return model.model_dump(by_alias=True, exclude_unset=True)


# ---- shared pieces -------------------------------------------------------------------------------------
class Described(RuleModel):
    """A rule with an id and the reason the output cites."""

    id: str
    reason: str


class LangRule(Described):
    """A rule that applies to some languages."""

    languages: list[str]


class IdPattern(RuleModel):
    """A single pattern with an id."""

    id: str
    pattern: str
    reason: str | None = None


# ---- configs/normalize/rules.toml ----------------------------------------------------------------------
class CleanupRule(LangRule):
    """A clean-up rule ([[rule]]): HTML remnants, entities, control characters."""

    kind: str
    pattern: str
    flags: str = ""
    replace: Literal["empty", "space", "join", "unescape", "unescape_twice"]


class PinyinSettings(Described):
    """[pinyin]: removal of pinyin readings."""

    max_chars: int
    untoned_lower: bool
    capital_min_others: int


class MojibakeSettings(RuleModel):
    """[mojibake]: repair ids, reasons and thresholds."""

    gbk_shift_id: str
    gbk_shift_reason: str
    utf8_as_gbk_id: str
    utf8_as_gbk_reason: str
    lost_byte_id: str
    lost_byte_reason: str
    unrecoverable_id: str
    unrecoverable_reason: str
    min_gain: float
    min_gain_per_char: float
    min_avg: float
    rarest_margin: float
    rare_below: float
    guess_cost: float
    drop_cost: float
    lone_ascii_cost: float
    lost_byte_margin: float
    lost_byte_min: float
    lost_byte_max_candidates: int


class NormalizeRuleFile(RuleModel):
    """configs/normalize/rules.toml."""

    rule: list[CleanupRule] = Field(default_factory=list)
    pinyin: PinyinSettings
    mojibake: MojibakeSettings


# ---- configs/strip/*.toml ------------------------------------------------------------------------------
class StripRule(RuleModel):
    """One rule as written in configs/strip/lines.toml or inline.toml."""

    model_config = ConfigDict(extra="forbid", strict=False)

    id: str
    languages: list[Literal["zh", "en"]]
    kind: str
    reason: str
    patterns: list[str] = Field(min_length=1)
    max_chars: int | None = None
    zone: Literal["any", "edge"] = "any"


class StripRuleFile(RuleModel):
    """configs/strip/lines.toml, configs/strip/inline.toml: a list of [[rule]] (the strip loader compiles the
    patterns and checks that ids are unique)."""

    rule: list[StripRule] = Field(default_factory=list)


class Thresholds(RuleModel):
    """Numeric line features (see features.toml for their meaning)."""

    model_config = ConfigDict(extra="forbid", strict=False)

    title_max_chars: int
    title_max_words: int
    headline_max_chars: int
    headline_max_words: int
    title_case_ratio: float
    para_min_chars: int
    para_min_words: int
    long_chars: int
    long_words: int
    dup_min_chars: int
    title_repeat_similarity: float
    teaser_min_overlap: int
    symbol_ratio: float
    sentence_final: str
    closing_final: str
    section_number: str
    clause_punct: str
    field_kinds: list[str]
    not_name_suffixes: list[str]
    publisher_suffixes: list[str]
    headline_event_words: list[str]
    widget_max_chars: int
    headline_shared_min: int
    headline_shared_ratio: float
    kicker_min_chars: int
    prose_min_chars: int
    prose_min_words: int
    caption_min_words: int
    colon_intro_min_chars: int
    colon_intro_min_words: int
    short_run_min: int
    kicker_min_words: int


class Hint(RuleModel):
    """A rule on a per-line feature supplied by an earlier stage (e.g. what the DOM says about an HTML line).

    `feature` names a key of the line's feature dict; the hint fires when the value is one of `values`
    (strings, compared case-insensitively; a list value fires when any item is), at least `min` or at most
    `max` (numbers), or true (`values`, `min` and `max` all unset). `role = "boilerplate"` is firm evidence
    like a line rule; `role = "body"` marks a line of the main content, which the structural mechanisms of
    the page's edges (head.no_overlap, tail.after_body) then leave alone."""

    model_config = ConfigDict(extra="forbid", strict=False)

    id: str
    feature: str
    role: Literal["boilerplate", "body"]
    reason: str
    values: list[str] | None = None
    min: float | None = None
    max: float | None = None

    def fires(self, value: object) -> bool:
        """Whether the feature value sets the hint off."""
        if value is None:
            return False
        if self.values is not None:
            items = value if isinstance(value, (list, tuple)) else [value]
            wanted = {v.lower() for v in self.values}
            return any(isinstance(i, str) and i.lower() in wanted for i in items)
        if self.min is not None or self.max is not None:
            if isinstance(value, bool) or not isinstance(value, (int, float)):
                return False
            return (self.min is None or value >= self.min) and (self.max is None or value <= self.max)
        return value is True


class Features(RuleModel):
    """features.toml: thresholds, byline role words, the structural mechanisms' reasons, per-line hints."""

    model_config = ConfigDict(extra="forbid", strict=False)

    thresholds: Thresholds
    hint: list[Hint] = Field(default_factory=list)
    byline_roles: dict[str, str]
    mechanisms: dict[str, dict[str, str]]


class Widgets(RuleModel):
    """widgets.toml: the UI vocabulary of portals (see the file header for its sources)."""

    zh: list[str]
    en: list[str]
    counted: list[str]


# ---- configs/dates/rules.toml --------------------------------------------------------------------------
class DateRule(LangRule):
    """[[rule]]: an absolute date form."""

    kind: str
    pattern: str


class DateTerms(LangRule):
    """[[relative]]: relative-date words."""

    terms: list[str]


class DatePattern(LangRule):
    """[[relative_pattern]]: a relative-date expression."""

    pattern: str


class DateContext(Described):
    """[[context]]: words around a date that make it something other than the event's date."""

    kind: str
    where: str
    pattern: str


class PublicationRule(LangRule):
    """[[publication.rule]]."""

    label: str | None = None
    sentence: str | None = None


class PublicationExclude(Described):
    """[[publication.exclude]]."""

    pattern: str


class Publication(RuleModel):
    """[publication]: how a publication date is recognized."""

    max_source_line_chars: int
    rule: list[PublicationRule]
    exclude: list[PublicationExclude] = Field(default_factory=list)
    meta: IdPattern
    year_line: IdPattern


class DatesRuleFile(RuleModel):
    """configs/dates/rules.toml."""

    macros: dict[str, str] = Field(default_factory=dict)
    rule: list[DateRule]
    relative: list[DateTerms] = Field(default_factory=list)
    relative_pattern: list[DatePattern] = Field(default_factory=list)
    context: list[DateContext] = Field(default_factory=list)
    publication: Publication


# ---- configs/events/triggers.toml ----------------------------------------------------------------------
class Decision(RuleModel):
    """[decision]: how the event type is chosen."""

    precedence: list[str]
    keep_ratio: float
    title_weight: float
    confidence: dict[str, float]
    press_main_tier: str
    ambiguity_penalty: float


class TriggerRule(LangRule):
    """[[trigger]]: literal terms and/or a regex that name an event type."""

    type: str
    weight: float
    terms: list[str] = Field(default_factory=list)
    pattern: str | None = None
    ignore_case: bool = False
    not_followed_by: str | None = None


class HeadlineRule(LangRule):
    """[headline]."""

    types: list[str]
    yields: list[str]
    skip_after: str


class ReferenceRule(LangRule):
    """[reference]."""

    after: str


class ModifierRule(LangRule):
    """[modifier]."""

    types: list[str]
    heads: list[str]
    gap: str


class QaSpec(LangRule):
    """[[qa]]: the question-and-answer form of a press conference."""

    weight: float
    question: str
    answer: str
    needs_person: bool = False


class TriggersFile(RuleModel):
    """configs/events/triggers.toml."""

    decision: Decision
    headline: HeadlineRule
    other_main: LangRule
    trigger: list[TriggerRule]
    reference: ReferenceRule
    modifier: ModifierRule
    qa: list[QaSpec] = Field(default_factory=list)


# ---- configs/events/roles.toml -------------------------------------------------------------------------
class CueSpec(LangRule):
    """[[cue]]: a role cue (accompany, guest, reference, visit, attend)."""

    role: str
    pattern: str


class Bilingual(Described):
    """A rule with a Chinese and an English pattern."""

    zh: str
    en: str


class RolesFile(RuleModel):
    """configs/events/roles.toml."""

    cue: list[CueSpec]
    honorific: Bilingual
    destination: IdPattern


# ---- configs/titles.toml: the title vocabulary and the rank table --------------------------------------
class ZhTitleWords(RuleModel):
    """[zh]: Chinese title words: a title is a body + a role, or a standalone title; honorific titles
    follow a bare surname (曹书记)."""

    bodies: list[str]
    roles: list[str]
    standalone: list[str]
    honorific: list[str]


class EnTitleWords(RuleModel):
    """[en]: English title words: a role of/after a body, or a standalone title; the office words (`heads`,
    after `modifiers`) an English title starts with."""

    roles: list[str]
    standalone: list[str]
    modifiers: list[str]
    heads: list[str]


class TierSpec(Described):
    """[[tier]]: an office tier of the rank table."""

    tier: int
    level: int | None = None
    official: bool = True
    zh: str
    en: str


class DefaultLevel(RuleModel):
    """[levels]."""

    default_level: int


class Department(Bilingual):
    """[department]: a department ranks `levels_down` below its locale's leaders."""

    levels_down: int


class LevelMarker(RuleModel):
    """[[level]]: a level marker in a title."""

    id: str
    level: int
    zh: str
    en: str
    reason: str | None = None


class OrgFromTitle(LangRule):
    """[[org]]: the body a title-holder leads, derived from the title."""

    pattern: str
    body: str


class LocaleUnits(LangRule):
    """[[locale]]: the unit word of a body without a locale -> the place's level word."""

    units: dict[str, str]


class TitlePrefix(Described):
    """[prefix]: a body written before a title."""

    chars: str
    body_end: str
    level_chars: str
    unit_chars: str


class TitlesFile(RuleModel):
    """configs/titles.toml: the official title vocabulary (NER) and the rank table (events)."""

    zh: ZhTitleWords
    en: EnTitleWords
    tier: list[TierSpec]
    levels: DefaultLevel
    department: Department
    level: list[LevelMarker]
    org: list[OrgFromTitle]
    locale: list[LocaleUnits]
    prefix: TitlePrefix
    leading: IdPattern


# ---- configs/ner/*.toml: [rules."<id>"] sections --------------------------------------------------------
_L = list[str]
# rule id -> its keys besides `languages` and `reason`. The title sections hold no words of their own:
# `load_zh_rules` / `load_en_rules` fill them from configs/titles.toml.
ZH_RULE_SECTIONS: dict[str, dict[str, Any]] = {
    "zh.title": {},
    "zh.org.gov_body": {"bodies": _L, "town_levels": _L, "role_subs": _L, "party_prefixes": _L, "town_body": str,
                        "sub_units": _L},
    "zh.org.national": {"bodies": _L, "democratic_parties": _L, "party_locale_bodies": _L},
    "zh.org.suffix": {"strong": _L, "not_suffix_words": _L, "weak": _L, "max_name_chars": int},
    "zh.org.brand_industry": {"min_brand_chars": int, "max_brand_chars": int, "closers": _L, "cues": _L},
    "zh.org.media": {"bracket_suffixes": _L, "bracket_followers": _L, "max_name_chars": int, "outlets": _L},
    "zh.org.venue": {"suffixes": _L, "max_name_chars": int},
    "zh.org.rural": {"suffixes": _L, "max_name_chars": int},
    "zh.org.clause_site": {"org_heads": _L, "local_heads": _L, "max_name_chars": int, "max_local_name_chars": int,
                           "clause_marks": str, "generic_prefixes": _L, "locale_pronouns": _L, "generic_words": _L,
                           "place_generic_heads": _L, "not_name_chars": str},
    "zh.org.enumeration": {"cue": str, "place_cue": str, "place_cue_confirmed": str, "max_item_chars": int},
    "zh.org.quoted_platform": {"cue": str, "max_name_chars": int},
    "zh.place.gazetteer": {"ambiguous_short": _L, "level_words": _L, "confirming_level_words": _L,
                           "country_prefix": _L, "extra_countries": _L, "regions": _L},
    "zh.place.park": {"suffixes": _L, "place_suffixes": _L, "max_name_chars": int},
    "zh.person.after_title": {"followers": _L},
    "zh.person.trim_verb": {"verbs": _L},
    "zh.person.extend_name": {"not_name_chars": str},
    "zh.person.dotted_name": {"pattern": str, "max_part_chars": int, "max_last_part_chars": int,
                              "not_transliteration_chars": str},
    "zh.org.brand": {"names": _L},
    "zh.person.honorific": {},
    "zh.filter.org": {"quantifier_before": _L, "meeting_before": _L, "unit_suffixes": _L, "locale_prefixes": _L,
                      "non_org_suffixes": _L, "abstract_suffixes": _L, "generic": _L},
    "zh.filter.place": {"collocations": _L, "unnamed": _L},
    "zh.filter.name_start": {"words": _L},
    "zh.person.before_home": {"home_words": _L},
    "zh.place.lead_char": {"chars": _L, "level_ends": _L},
    "zh.filter.quantifier_tail": {"words": _L},
    "zh.filter.autonomous_part": {"heads": _L, "ethnic": _L},
    "zh.filter.verb_before_head": {"verbs": _L},
    "zh.filter.metaphor": {"heads": _L, "modifiers": _L},
    "zh.filter.occupation": {"words": _L, "suffix_chars": str},
    "zh.filter.place_in_title": {},
    "zh.person.after_title_bounded": {"closers": _L, "min_chars": int, "max_chars": int, "not_names": _L},
    "zh.person.speaker_label": {"question_labels": _L, "not_names": _L, "max_chars": int},
    "zh.filter.place_continued": {"continuations": _L},
    "zh.org.locale_before_company": {"ranks": dict[str, int]},
    "zh.org.school_conjunction": {"heads": _L, "parents": _L, "conjunctions": str, "max_subject_chars": int},
    "zh.place.natural_feature": {"heads": _L, "max_middle_chars": int, "head_words": _L, "not_middle_first": str,
                                 "generic_tails": _L},
    "zh.place.port_facility": {"port_heads": _L, "facility_heads": _L},
}

EN_RULE_SECTIONS: dict[str, dict[str, Any]] = {
    "en.place.gazetteer": {"levels": _L, "exonyms": list[list[str]], "ambiguous": _L, "countries": _L, "regions": _L,
                           "lower_ambiguous": _L, "level_words_after": _L},
    "en.org.gov_body": {"bodies": _L, "party_prefixes": _L, "adjectives": _L, "sub_units": _L, "heads": _L,
                        "max_words": int, "park_bodies": _L},
    "en.org.national": {"bodies": _L},
    "en.title": {},
    "en.org.named": {"heads": _L, "and_phrases": _L, "of_heads": _L, "sector_words": _L, "legal_forms": _L,
                     "company_forms": _L, "company_forms_cased": _L, "lower_name_words": _L,
                     "company_qualifiers": _L, "stop": _L, "max_words": int},
    "en.org.enumeration": {"cue": str, "max_item_words": int, "other_cue": str},
    "en.org.quoted_platform": {"cue": str},
    "en.place.park": {"heads": _L, "named_heads": _L},
    "en.person.pinyin": {},
    "en.place.feature": {"heads": _L, "max_name_words": int},
}

SURNAME_SECTIONS: dict[str, dict[str, Any]] = {
    "zh.person.surname": {"single": str, "compound": _L},
}


class RuleSection(RuleModel):
    """A [rules."<id>"] section: its languages, the reason the output cites, and its own keys."""

    languages: list[str]
    reason: str


def _section_name(rule_id: str) -> str:
    return "".join(part.capitalize() for part in rule_id.replace(".", "_").split("_"))


def sections_model(name: str, sections: dict[str, dict[str, Any]]) -> type[RuleModel]:
    """A model of a file made of [rules."<id>"] sections, each with the keys `sections` gives it."""
    fields: dict[str, Any] = {}
    for rule_id, keys in sections.items():
        section = create_model(_section_name(rule_id), __base__=RuleSection, **{k: (t, ...) for k, t in keys.items()})
        fields[rule_id.replace(".", "_")] = (section, Field(alias=rule_id))
    rules = create_model(f"{name}Sections", __base__=RuleModel, **fields)
    return create_model(name, __base__=RuleModel, rules=(rules, ...))


ZhRulesFile = sections_model("ZhRulesFile", ZH_RULE_SECTIONS)
EnRulesFile = sections_model("EnRulesFile", EN_RULE_SECTIONS)
SurnamesFile = sections_model("SurnamesFile", SURNAME_SECTIONS)


def load_titles(path: str | Path | None = None) -> TitlesFile:
    """The title vocabulary and rank table (configs/titles.toml unless another file is named)."""
    from pipeline.config import resource_path

    return load_rule_file(resource_path(path or TITLES_FILE), TitlesFile)


def load_zh_rules(path: str | Path, titles: str | Path | None = None) -> dict[str, dict[str, Any]]:
    """The [rules] table of the Chinese NER rule file as a dict, its title sections filled from the titles file."""
    rules = as_dict(load_rule_file(path, ZhRulesFile))["rules"]
    words = load_titles(titles).zh
    rules["zh.title"].update(bodies=list(words.bodies), roles=list(words.roles), standalone=list(words.standalone))
    rules["zh.person.honorific"]["titles"] = list(words.honorific)
    return rules


def load_en_rules(path: str | Path, titles: str | Path | None = None) -> dict[str, dict[str, Any]]:
    """The [rules] table of the English NER rule file as a dict, its title section filled from the titles file."""
    rules = as_dict(load_rule_file(path, EnRulesFile))["rules"]
    words = load_titles(titles).en
    rules["en.title"].update(roles=list(words.roles), standalone=list(words.standalone))
    return rules


def load_surnames(path: str | Path) -> dict[str, Any]:
    """The `zh.person.surname` section of the surname file as a dict."""
    return as_dict(load_rule_file(path, SurnamesFile))["rules"]["zh.person.surname"]
