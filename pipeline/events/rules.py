"""The events stage's data files (configs/events/*.toml and the rank table of configs/titles.toml), compiled once
by the factory."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

from pipeline.rulefiles import RolesFile, TitlesFile, TriggersFile, as_dict, load_rule_file


@dataclass(frozen=True)
class Trigger:
    """One event-type trigger: literal terms and/or a regex."""

    id: str
    type: str
    weight: float
    regex: re.Pattern


@dataclass(frozen=True)
class QaRule:
    """The question-and-answer form of a press conference."""

    id: str
    weight: float
    question: re.Pattern
    answer: re.Pattern
    needs_person: bool


@dataclass(frozen=True)
class Tier:
    """An office tier of the rank table (zh and en patterns)."""

    id: str
    tier: int
    level: int | None
    patterns: tuple[re.Pattern, ...]
    official: bool


@dataclass(frozen=True)
class Headline:
    """A headline naming one of `types` makes that type the subject over the `yields` types of the body."""

    id: str
    types: tuple[str, ...]
    yields: tuple[str, ...]
    skip_after: re.Pattern


@dataclass(frozen=True)
class Modifier:
    """A trigger of `types` right before a trigger of `heads` (across `gap`) only qualifies it."""

    id: str
    types: tuple[str, ...]
    heads: tuple[str, ...]
    gap: re.Pattern


@dataclass(frozen=True)
class Level:
    """A level marker (province, city, county ...)."""

    id: str
    level: int
    patterns: tuple[re.Pattern, ...]


@dataclass(frozen=True)
class OrgRule:
    """Derives the body a title-holder leads from the title."""

    id: str
    regex: re.Pattern
    body: str


@dataclass(frozen=True)
class Cue:
    """A role cue (accompany, guest, reference, visit, attend)."""

    id: str
    role: str
    regex: re.Pattern


@dataclass(frozen=True)
class EventRules:
    """Everything the events stage loads from configs/events/."""

    triggers: tuple[Trigger, ...]
    qa: tuple[QaRule, ...]
    precedence: tuple[str, ...]
    keep_ratio: float
    title_weight: float
    confidence: dict[str, float]
    ambiguity_penalty: float
    press_main_tier: str
    headline: Headline
    reference_id: str
    reference_after: re.Pattern
    modifier: Modifier
    other_main_id: str
    tiers: tuple[Tier, ...]
    levels: tuple[Level, ...]
    default_level: int
    department_id: str
    department_down: int
    department_zh: re.Pattern
    department_en: re.Pattern
    orgs: tuple[OrgRule, ...]
    locale_units: dict[str, str]
    cues: tuple[Cue, ...]
    honorific_id: str
    honorifics: tuple[re.Pattern, ...]
    title_prefix: re.Pattern
    body_prefix: re.Pattern
    level_chars: str
    unit_chars: str
    leading_titles: re.Pattern
    destination: re.Pattern
    place_levels: dict[str, int]
    en_title_head: re.Pattern
    # answers derived from the rules (cues per role, rank_of per title): not settings, never compared
    memo: dict = field(default_factory=dict, compare=False, hash=False, repr=False)

    def cues_for(self, role: str) -> tuple[Cue, ...]:
        """The cues of one role."""
        key = ("cues", role)
        if key not in self.memo:
            self.memo[key] = tuple(c for c in self.cues if c.role == role)
        return self.memo[key]


def _terms_regex(terms: list[str], pattern: str | None, ignore_case: bool, not_followed_by: str | None = None) -> re.Pattern:
    parts = [re.escape(t) for t in sorted(terms, key=len, reverse=True)]
    if pattern:
        parts.append(f"(?:{pattern})")
    body = "(?:" + "|".join(parts) + ")" + (f"(?!{not_followed_by})" if not_followed_by else "")
    return re.compile(body, re.IGNORECASE if ignore_case else 0)


# Administrative levels of the gazetteer's kinds, on the scale of the rank table's [[level]] markers.
_GAZETTEER_LEVELS = {"province": 4, "city": 3, "county": 2, "district": 2}


def load_place_levels(path: Path | None) -> dict[str, int]:
    """Level of each province, prefecture-level city, county and district of the gazetteer, by full and short
    Chinese name and by English name (武夷山市 and Wuyishan are a county-level city, 南平市 a prefecture-level one)."""
    if path is None or not path.is_file():
        return {}
    out: dict[str, int] = {}
    for line in path.read_text(encoding="utf-8").splitlines():
        if line.startswith("#"):
            continue
        cols = line.split("\t")
        if len(cols) < 3 or cols[2] not in _GAZETTEER_LEVELS:
            continue
        for name in (cols[0], cols[1] if len(cols) > 1 else "", cols[3] if len(cols) > 3 else ""):
            # a name shared by places of different levels (a county and a city both called X) decides nothing
            if name and out.get(name, _GAZETTEER_LEVELS[cols[2]]) != _GAZETTEER_LEVELS[cols[2]]:
                out[name] = -1
            elif name:
                out[name] = _GAZETTEER_LEVELS[cols[2]]
    return {k: v for k, v in out.items() if v >= 0}


def load_rules(triggers: Path, titles: Path, roles: Path, gazetteer: Path | None = None) -> EventRules:
    """Compile the three rule files (and the place levels of the gazetteer, when given)."""
    t = as_dict(load_rule_file(triggers, TriggersFile))
    ti = as_dict(load_rule_file(titles, TitlesFile))
    ro = as_dict(load_rule_file(roles, RolesFile))
    dec = t["decision"]
    units: dict[str, str] = {}
    for loc in ti["locale"]:
        units.update(loc["units"])
    return EventRules(
        triggers=tuple(
            Trigger(r["id"], r["type"], float(r["weight"]),
                    _terms_regex(r.get("terms", []), r.get("pattern"), r.get("ignore_case", False),
                                 r.get("not_followed_by")))
            for r in t["trigger"]
        ),
        qa=tuple(
            QaRule(r["id"], float(r["weight"]), re.compile(r["question"]), re.compile(r["answer"]),
                   bool(r.get("needs_person", False)))
            for r in t["qa"]
        ),
        precedence=tuple(dec["precedence"]),
        keep_ratio=float(dec["keep_ratio"]),
        title_weight=float(dec["title_weight"]),
        confidence={k: float(v) for k, v in dec["confidence"].items()},
        ambiguity_penalty=float(dec["ambiguity_penalty"]),
        press_main_tier=dec["press_main_tier"],
        headline=Headline(t["headline"]["id"], tuple(t["headline"]["types"]), tuple(t["headline"]["yields"]),
                          re.compile(t["headline"]["skip_after"])),
        reference_id=t["reference"]["id"],
        reference_after=re.compile(t["reference"]["after"]),
        modifier=Modifier(t["modifier"]["id"], tuple(t["modifier"]["types"]), tuple(t["modifier"]["heads"]),
                          re.compile(t["modifier"]["gap"])),
        other_main_id=t["other_main"]["id"],
        tiers=tuple(
            Tier(r["id"], int(r["tier"]), r.get("level"),
                 tuple(re.compile(r[k]) for k in ("zh", "en") if r.get(k)), bool(r.get("official", True)))
            for r in ti["tier"]
        ),
        levels=tuple(
            Level(r["id"], int(r["level"]), tuple(re.compile(r[k]) for k in ("zh", "en") if r.get(k)))
            for r in ti["level"]
        ),
        default_level=int(ti["levels"]["default_level"]),
        department_id=ti["department"]["id"],
        department_down=int(ti["department"]["levels_down"]),
        department_zh=re.compile(ti["department"]["zh"]),
        department_en=re.compile(ti["department"]["en"]),
        orgs=tuple(OrgRule(r["id"], re.compile(r["pattern"]), r["body"]) for r in ti["org"]),
        locale_units=units,
        cues=tuple(Cue(r["id"], r["role"], re.compile(r["pattern"])) for r in ro["cue"]),
        honorific_id=ro["honorific"]["id"],
        honorifics=tuple(re.compile(ro["honorific"][k]) for k in ("zh", "en")),
        title_prefix=re.compile(ti["prefix"]["chars"]),
        body_prefix=re.compile(ti["prefix"]["body_end"]),
        level_chars=ti["prefix"]["level_chars"],
        unit_chars=ti["prefix"]["unit_chars"],
        leading_titles=re.compile(ti["leading"]["pattern"]),
        destination=re.compile(ro["destination"]["pattern"]),
        place_levels=load_place_levels(gazetteer),
        en_title_head=_en_title_head(ti["en"]["modifiers"], ti["en"]["heads"]),
    )


def _en_title_head(modifiers: list[str], heads: list[str]) -> re.Pattern:
    """An English title's start: an optional article, modifiers (vice, deputy ...), then an office word."""
    mods = "|".join(re.escape(m) for m in modifiers)
    words = "|".join(re.escape(h) for h in sorted(heads, key=len, reverse=True))
    return re.compile(rf"(?i)(?:(?:a|an|the)\s+)?(?:(?:{mods})[ -])*(?:{words})\b")
