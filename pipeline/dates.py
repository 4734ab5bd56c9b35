"""Dates stage: every date expression of the kept text, and the article's own publication date.

Patterns are data (configs/dates/rules.toml) and run on `doc.norm_text` (Simplified, half-width
ASCII), so one rule covers Simplified and Traditional text; offsets are offsets into `doc.text`.
Each `DateMention` says what kind of date it is: a candidate event date (`event`, `range`, `day`,
`relative`), a partial date (`month`, `year`), one that context marks as a `statistic`, `plan` or
`past` date, or one of the article's own date lines (`publication`, `dateline`).
"""

from __future__ import annotations

import datetime as _dt
import re
from dataclasses import dataclass
from pathlib import Path

from pipeline.config import StageConfig, resource_path
from pipeline.document import DateMention, Document
from pipeline.registry import register_stage
from pipeline.rulefiles import DatesRuleFile, as_dict, load_rule_file

_CN_DIGITS = {"〇": 0, "零": 0, "一": 1, "二": 2, "两": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8, "九": 9}
_MONTHS_EN = {
    "jan": 1, "feb": 2, "mar": 3, "apr": 4, "may": 5, "jun": 6,
    "jul": 7, "aug": 8, "sep": 9, "oct": 10, "nov": 11, "dec": 12,
}
# Clause boundaries: context rules never look across them.
_CLAUSE_END = re.compile(r"[。!?！？;；,，\n]")
_SENTENCE_END = re.compile(r"[。!?！？]|[a-z]\.(?:\s|$)")


class DatesConfig(StageConfig):
    """Config of the dates stage."""

    rules: str = "configs/dates/rules.toml"
    context_window: int = 10

    def data_files(self) -> list[Path]:
        """The rule file is part of the config hash."""
        return [resource_path(self.rules)]

    def check_rule_files(self) -> None:
        """Validate the rule file (RuleFileError names the file and key)."""
        load_rules(resource_path(self.rules))


@dataclass(frozen=True)
class _Rule:
    id: str
    kind: str
    regex: re.Pattern


@dataclass(frozen=True)
class _Context:
    id: str
    kind: str
    where: str
    regex: re.Pattern


@dataclass(frozen=True)
class DateRules:
    """The compiled rule file."""

    absolute: tuple[_Rule, ...]
    relative: tuple[_Rule, ...]
    context: tuple[_Context, ...]
    pub_label: _Rule
    pub_sentence: re.Pattern
    pub_source_id: str
    pub_dateline_id: str
    pub_exclude: tuple[tuple[str, re.Pattern], ...]
    pub_meta: _Rule
    pub_year_line: _Rule
    max_source_line_chars: int


def load_rules(path: Path) -> DateRules:
    """Compile the date rule file (macros expanded)."""
    data = as_dict(load_rule_file(path, DatesRuleFile))
    macros = data.get("macros", {})

    def expand(p: str) -> re.Pattern:
        for name, value in macros.items():
            p = p.replace("{" + name + "}", value)
        return re.compile(p)

    absolute = tuple(_Rule(r["id"], r["kind"], expand(r["pattern"])) for r in data["rule"])
    # Patterns first: 上周三 is one expression, not 上周 + 三. A term glued to a number is not
    # relative (15日前 is "before the 15th").
    relative = [_Rule(r["id"], "relative", expand(r["pattern"])) for r in data.get("relative_pattern", [])]
    relative += [
        _Rule(r["id"], "relative", re.compile(
            "(?<![0-9一二三四五六七八九十])(?:" + "|".join(re.escape(t) for t in sorted(r["terms"], key=len, reverse=True)) + ")"
        ))
        for r in data["relative"]
    ]
    context = tuple(_Context(c["id"], c["kind"], c["where"], re.compile(c["pattern"])) for c in data["context"])
    pub = {r["id"]: r for r in data["publication"]["rule"]}
    return DateRules(
        absolute=absolute,
        relative=tuple(relative),
        context=context,
        pub_label=_Rule("pub.labeled", "publication", re.compile(pub["pub.labeled"]["label"])),
        pub_sentence=re.compile(pub["pub.source_line"]["sentence"]),
        pub_source_id="pub.source_line",
        pub_dateline_id="pub.dateline",
        pub_exclude=tuple((r["id"], re.compile(r["pattern"])) for r in data["publication"]["exclude"]),
        pub_meta=_Rule(data["publication"]["meta"]["id"], "publication", re.compile(data["publication"]["meta"]["pattern"])),
        pub_year_line=_Rule(data["publication"]["year_line"]["id"], "publication_year",
                            re.compile(data["publication"]["year_line"]["pattern"])),
        max_source_line_chars=int(data["publication"]["max_source_line_chars"]),
    )


def cn_number(s: str) -> int | None:
    """An Arabic or Chinese numeral (12, 十二, 廿二, 二〇二二) as an int."""
    if s.isdigit():
        return int(s)
    if all(c in _CN_DIGITS for c in s):
        return int("".join(str(_CN_DIGITS[c]) for c in s))
    s = s.replace("廿", "二十")
    if "十" in s:
        tens, _, ones = s.partition("十")
        t = _CN_DIGITS.get(tens, None) if tens else 1
        o = _CN_DIGITS.get(ones, None) if ones else 0
        if t is None or o is None:
            return None
        return t * 10 + o
    return _CN_DIGITS.get(s)


def _year(s: str | None) -> int | None:
    if not s:
        return None
    y = cn_number(s)
    if y is None:
        return None
    if y < 100:  # two-digit years (22年) are this century
        y += 2000
    return y if 1900 <= y <= 2099 else None


def _valid(y: int | None, m: int | None, d: int | None) -> bool:
    if m is None or not 1 <= m <= 12:
        return False
    if d is None:
        return True
    try:
        _dt.date(y or 2000, m, d)  # 2000 is a leap year: 02-29 stays valid without a year
    except ValueError:
        return False
    return True


def parse_match(m: re.Match, kind: str) -> dict | None:
    """Year/month/day of one rule match, or None when the numbers are not a calendar date."""
    g = m.groupdict()
    year = _year(g.get("y"))
    if g.get("mon"):
        month = _MONTHS_EN.get(g["mon"][:3].lower())
    else:
        month = cn_number(g["m"]) if g.get("m") else None
    day = cn_number(g["d"]) if g.get("d") else None
    if kind == "day":
        if day is None or not 1 <= day <= 31:
            return None
        return {"year": None, "month": None, "day": day, "range": False}
    if kind == "year":
        return {"year": year, "month": None, "day": None, "range": False} if year else None
    if not _valid(year, month, day):
        return None
    return {"year": year, "month": month, "day": day, "range": bool(g.get("d2"))}


def _mention(text: str, start: int, end: int, parsed: dict, kind: str, rule: str, line: int | None) -> DateMention:
    y, m, d = parsed["year"], parsed["month"], parsed["day"]
    month_day = f"{m:02d}-{d:02d}" if m and d else None
    iso = f"{y:04d}-{month_day}" if y and month_day else None
    return DateMention(
        start=start, end=end, text=text[start:end], iso=iso, month_day=month_day, year=y,
        relative=False, kind=kind, line=line, rule=rule,
    )


def find_absolute(rules: DateRules, norm: str, text: str, start: int, end: int, line: int | None) -> list[DateMention]:
    """Absolute and partial dates in norm[start:end]; earlier rules win on overlaps."""
    taken: list[tuple[int, int]] = []
    out: list[DateMention] = []
    piece = norm[start:end]
    for rule in rules.absolute:
        for m in rule.regex.finditer(piece):
            s, e = start + m.start(), start + m.end()
            if any(s < te and ts < e for ts, te in taken):
                continue
            parsed = parse_match(m, rule.kind)
            if parsed is None:
                continue
            kind = "range" if parsed["range"] and rule.kind == "absolute" else rule.kind
            if kind == "absolute":
                kind = "event"
            taken.append((s, e))
            out.append(_mention(text, s, e, parsed, kind, rule.id, line))
    return out


def find_relative(rules: DateRules, norm: str, text: str, start: int, end: int, line: int | None,
                  taken: list[tuple[int, int]]) -> list[DateMention]:
    """Relative expressions (近日, Recently) in norm[start:end] not inside an absolute date."""
    out = []
    piece = norm[start:end]
    for rule in rules.relative:
        for m in rule.regex.finditer(piece):
            s, e = start + m.start(), start + m.end()
            if any(s < te and ts < e for ts, te in taken):
                continue
            taken.append((s, e))
            out.append(DateMention(start=s, end=e, text=text[s:e], relative=True, kind="relative", line=line, rule=rule.id))
    return out


def classify(rules: DateRules, norm: str, mention: DateMention, window: int) -> DateMention:
    """Re-kind a candidate date that its clause marks as a statistic, plan, past date or dateline."""
    if mention.kind not in ("event", "range", "day", "year", "month", "relative"):
        return mention
    before = norm[max(0, mention.start - window):mention.start]
    cut = [m.end() for m in _CLAUSE_END.finditer(before)]
    if cut:
        before = before[cut[-1]:]
    after = norm[mention.end:mention.end + window]
    stop = _CLAUSE_END.search(after)
    if stop:
        after = after[:stop.start()]
    for ctx in rules.context:
        if ctx.regex.search(before if ctx.where == "before" else after):
            return mention.model_copy(update={"kind": ctx.kind, "rule": f"{mention.rule}+{ctx.id}"})
    return mention


def _is_paragraph(line: str) -> bool:
    """A body line that reads as a paragraph (a sentence end or length), not a stray widget kept as body."""
    return bool(_SENTENCE_END.search(line)) or len(line.strip()) >= 40


def _page_line(ln, first_body: int | None) -> bool:
    """A line that may hold the page's own date: boilerplate, or any non-body line above the body."""
    if ln.role == "boilerplate":
        return True
    return ln.role in ("title", "duplicate") and (first_body is None or ln.n < first_body)


def publication_dates(rules: DateRules, doc: Document) -> list[DateMention]:
    """Full dates stated on the article's own date or source lines, page years, and dates in cut datelines.

    Strip may call the date line boilerplate or take it for a title; either way it is read here as evidence.
    """
    out: list[DateMention] = []
    first_body = next((ln.n for ln in doc.lines if ln.role == "body" and _is_paragraph(doc.norm_text[ln.start:ln.end])), None)
    for ln in doc.lines:
        if not _page_line(ln, first_body):
            continue
        line_norm = doc.norm_text[ln.start:ln.end]
        if any(p.search(line_norm) for _, p in rules.pub_exclude):
            continue
        before_body = first_body is None or ln.n < first_body
        year_only = rules.pub_year_line.regex.match(line_norm)
        if year_only and before_body:
            s, e = ln.start + year_only.start("y"), ln.start + year_only.end("y")
            out.append(DateMention(start=s, end=e, text=doc.text[s:e], year=int(year_only.group("y")),
                                   kind="publication_year", line=ln.n, rule=rules.pub_year_line.id))
            continue
        meta = rules.pub_meta.regex.search(line_norm)
        for dm in find_absolute(rules, doc.norm_text, doc.text, ln.start, ln.end, ln.n):
            if dm.iso is None:
                continue
            label_text = doc.norm_text[max(ln.start, dm.start - 12):dm.start]
            if rules.pub_label.regex.search(label_text):
                out.append(dm.model_copy(update={"kind": "publication", "rule": f"{dm.rule}+{rules.pub_label.id}"}))
                continue
            rest = line_norm[:dm.start - ln.start] + line_norm[dm.end - ln.start:]
            if not before_body or len(line_norm.strip()) > rules.max_source_line_chars:
                continue
            if meta:
                out.append(dm.model_copy(update={"kind": "publication", "rule": f"{dm.rule}+{rules.pub_meta.id}"}))
            elif ln.role == "boilerplate" and not rules.pub_sentence.search(rest):
                out.append(dm.model_copy(update={"kind": "publication", "rule": f"{dm.rule}+{rules.pub_source_id}"}))
    for cut in doc.removed:
        for dm in find_absolute(rules, doc.norm_text, doc.text, cut.start, cut.end, None):
            if dm.month_day:
                line = doc.line_of(dm.start)
                out.append(dm.model_copy(update={
                    "kind": "dateline", "rule": f"{dm.rule}+{rules.pub_dateline_id}", "line": line.n if line else None,
                }))
    return out


def choose_published(pubs: list[DateMention]) -> DateMention | None:
    """The article's publication date: the first full one; a labelled one wins when they disagree."""
    full = sorted((p for p in pubs if p.iso), key=lambda p: p.start)
    if not full:
        return None
    if len({p.iso for p in full}) == 1:
        return full[0]
    labeled = [p for p in full if "pub.labeled" in (p.rule or "")]
    return labeled[0] if labeled else full[0]


@register_stage("dates", DatesConfig, writes=("dates", "published"))
def make_dates(cfg: DatesConfig):
    """Build the dates stage: load the rule file once."""
    rules = load_rules(resource_path(cfg.rules))

    def run(doc: Document) -> Document:
        mentions: list[DateMention] = []
        for s, e in doc.kept_segments():
            line = doc.line_of(s)
            n = line.n if line else None
            found = find_absolute(rules, doc.norm_text, doc.text, s, e, n)
            taken = [(m.start, m.end) for m in found]
            found += find_relative(rules, doc.norm_text, doc.text, s, e, n, taken)
            mentions += [classify(rules, doc.norm_text, m, cfg.context_window) for m in found]
        pubs = publication_dates(rules, doc)
        published = choose_published(pubs)
        doc.dates = sorted(mentions + pubs, key=lambda m: m.start)
        doc.published = published.iso if published else None
        return doc

    return run
