"""Metamorphic cases: article templates filled from general lexicons, each rendered in variants that must not
change the entities the pipeline finds (Traditional script, pinyin readings glued on, punctuation width,
an HTML page read through the reader).

`make_cases(n, seed)` gives deterministic filled cases; `render(case, variant)` one variant's text and file
suffix; `entity_set(record)` what is compared: (type, simplified text with width folded) of every entity.
"""

from __future__ import annotations

import html
import json
import random
import re
import tomllib
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

HERE = Path(__file__).resolve().parent
VARIANTS = ["traditional", "pinyin_toned", "pinyin_plain", "halfwidth", "fullwidth", "name_dots", "html", "combined"]
_FIELD = re.compile(r"\{(\w+)\}")
_HAN = re.compile(r"[\u4e00-\u9fff]")
# Full-width Chinese punctuation and the ASCII a scraper or an editor writes instead.
_HALF = str.maketrans({"，": ",", "。": ".", "：": ":", "；": ";", "！": "!", "？": "?", "（": "(", "）": ")",
                       "“": '"', "”": '"', "‘": "'", "’": "'"})
_KNOWN = {"p1": "PERSON", "p2": "PERSON", "p3": "PERSON", "p4": "PERSON", "p5": "PERSON",
          "c1": "ORG", "c2": "ORG", "assoc": "ORG",
          "province": "PLACE", "city": "PLACE", "county": "PLACE", "town": "PLACE"}


@lru_cache(maxsize=1)
def lexicon() -> dict:
    """The fill lexicons (tests/metamorphic/lexicon.toml)."""
    return tomllib.loads((HERE / "lexicon.toml").read_text(encoding="utf-8"))


@lru_cache(maxsize=1)
def templates() -> dict:
    """The article templates (tests/metamorphic/templates.toml)."""
    return tomllib.loads((HERE / "templates.toml").read_text(encoding="utf-8"))


@dataclass
class Case:
    """One filled template: its Simplified text and the entities the template put in it."""

    id: str
    genre: str
    section: str
    text: str
    known: set[tuple[str, str]] = field(default_factory=set)
    fills: dict[str, str] = field(default_factory=dict)


def _person(rng: random.Random, kind: str) -> str:
    lex = lexicon()
    if kind == "minority":
        a, b = rng.sample(lex["minority_given"], 2)
        return f"{a}·{b}"
    surname = rng.choice(lex["compound_surnames"] if kind == "compound" else lex["surnames"])
    n = 1 if kind == "compound" and rng.random() < 0.5 else rng.choice([1, 2, 2])
    return surname + "".join(rng.sample(lex["given_chars"], n))


def _company(rng: random.Random, industry: dict, place: dict) -> str:
    lex = lexicon()
    brand = "".join(rng.sample(lex["trade_chars"], 2))
    form = rng.choice(lex["forms"])
    style = rng.random()
    if style < 0.35:  # locale first: 湖州瑞华茶业有限公司
        locale = place["city_short"].removesuffix("市").removesuffix("州") if place["city_short"].endswith("市") \
            else place["province"][:2]
        return f"{locale}{brand}{industry['word']}{form}"
    if style < 0.5 and "（" not in form:  # locale in brackets after the trade name: 瑞华（浙江）茶业有限公司
        return f"{brand}（{place['province'][:2]}）{industry['word']}{form}"
    return f"{brand}{industry['word']}{form}"


def _fill(case_id: str, rng: random.Random, tpl: dict, industry: dict, place: dict) -> Case:
    t = templates()
    kinds = ["single", "single", "compound", "minority", "single"]
    rng.shuffle(kinds)
    people = []
    while len(people) < 5:
        name = _person(rng, kinds[len(people)])
        if name not in people:
            people.append(name)
    fills = {f"p{i + 1}": name for i, name in enumerate(people)}
    c1 = _company(rng, industry, place)
    other = rng.choice(lexicon()["industries"])
    c2 = _company(rng, other, place)
    while c2 == c1:
        c2 = _company(rng, other, place)
    fills.update(c1=c1, c2=c2, topic=industry["topic"], m=str(rng.randint(1, 12)), d=str(rng.randint(1, 28)))
    fills["assoc"] = rng.choice([f"{place['city']}{industry['topic']}行业协会", f"{place['province']}{industry['topic']}商会"])
    fills.update({k: place[k] for k in ("province", "city", "county", "town")})
    fills["r1"], fills["r2"] = _person(rng, "single"), _person(rng, "single")
    is_province = place["province"].endswith("省")

    def title(pool: list[str]) -> str:
        options = [x for x in pool if is_province or "{province}" not in x]
        return rng.choice(options).format(**place)

    fills["t1"], fills["t2"] = title(t["titles_senior"]), title(t["titles_junior"])
    lines = [_FIELD.sub(lambda m: fills[m.group(1)], line) for line in tpl["lines"]]
    used = {m.group(1) for line in tpl["lines"] for m in _FIELD.finditer(line)}
    known = {(_KNOWN[f], fills[f].replace("（", "(").replace("）", ")")) for f in used if f in _KNOWN}
    return Case(case_id, tpl["genre"], industry["section"], "\n".join(lines) + "\n", known, fills)


def make_cases(n: int, seed: int = 0) -> list[Case]:
    """`n` filled cases, cycling through templates, industries and places so that every one appears."""
    rng = random.Random(seed)
    tpls = templates()["template"]
    inds = lexicon()["industries"]
    places = lexicon()["places"]
    out = []
    for i in range(n):
        tpl, ind, place = tpls[i % len(tpls)], inds[(i * 5) % len(inds)], places[(i * 7 + seed) % len(places)]
        out.append(_fill(f"mm{seed}_{i:04d}", random.Random(rng.random()), tpl, ind, place))
    return out


@lru_cache(maxsize=4)
def _s2t(profile: str = "s2t"):
    import opencc

    return opencc.OpenCC(profile)


def _glue_pinyin(text: str, toned: bool, seed: str) -> str:
    """Readings glued after about one Han character in four, or after a two-character word, as mirror sites do:
    產(chǎn)業 / 产业(chan ye); untoned ones capitalized at a sentence start (a mirror site's habit)."""
    from pypinyin import Style, pinyin

    rng = random.Random(seed)
    # toned readings with marks (chǎn) in most documents, tone digits (chan3) in some
    style = (Style.TONE if rng.random() < 0.7 else Style.TONE3) if toned else Style.NORMAL
    out = []
    for line in text.split("\n"):
        reads = [r[0] for r in pinyin(line, style=style, errors=lambda s: [[""] for _ in s])]
        reads = [r.replace("ü", "v") if not toned else r for r in reads]
        buf, i = [], 0
        while i < len(line):
            ch = line[i]
            if not _HAN.match(ch):
                buf.append(ch)
                i += 1
                continue
            r = rng.random()
            if r < 0.08 and i + 1 < len(line) and _HAN.match(line[i + 1]):
                group = f"{reads[i]} {reads[i + 1]}"
                buf.append(line[i : i + 2])
                start = i
                i += 2
            elif r < 0.25:
                group = reads[i]
                buf.append(ch)
                start = i
                i += 1
            else:
                buf.append(ch)
                i += 1
                continue
            if not toned and (start == 0 or line[start - 1] in "。！？"):
                group = group[:1].upper() + group[1:]
            buf.append(f"({group})" if rng.random() < 0.5 else f"（{group}）")
        out.append("".join(buf))
    return "\n".join(out)


def _fullwidth(text: str) -> str:
    return "".join(chr(ord(c) + 0xFEE0) if c.isascii() and c.isalnum() else c for c in text)


_INLINE = ['<strong>{}</strong>', '<a href="/company/1024.html" target="_blank">{}</a>', '<span style="color:#333">{}</span>',
           '<font face="宋体">{}</font>', '<b>{}</b>']
_CHAR_REFS = {"“": "&ldquo;", "”": "&rdquo;", "·": "&middot;", "—": "&mdash;"}


def _html_body_line(line: str, marks: list[tuple[str, str]]) -> str:
    """One paragraph: escaped, some entity names inside inline tags, some punctuation as character references,
    spaces in bylines as &nbsp;."""
    out = html.escape(line, quote=False)
    for value, tag in marks:
        out = out.replace(html.escape(value, quote=False), tag.format(html.escape(value, quote=False)), 1)
    for ch, ref in _CHAR_REFS.items():
        out = out.replace(ch, ref) if ch not in "".join(v for v, _ in marks) else out
    return out.replace(" ", "&nbsp;") if out.startswith("（") else out


def _html_page(text: str, marks: list[tuple[str, str]]) -> str:
    lines = [x for x in text.split("\n") if x.strip()]
    head, body = lines[0], lines[1:]
    paras = "\n".join(f'    <p style="text-indent:2em">{_html_body_line(x, marks)}</p>' for x in body)
    return (
        '<!DOCTYPE html>\n<html lang="zh-CN">\n<head>\n<meta charset="utf-8">\n'
        f"<title>{html.escape(head)}</title>\n</head>\n<body>\n"
        '<div class="nav"><a href="/">首页</a> &gt; <a href="/news/">新闻中心</a></div>\n'
        f'<div class="article">\n  <h1>{html.escape(head)}</h1>\n  <div class="content">\n{paras}\n  </div>\n</div>\n'
        '<div class="footer">版权所有 主办单位：网站管理中心</div>\n</body>\n</html>\n'
    )


def render(case: Case, variant: str) -> tuple[str, str]:
    """(text, file suffix) of one variant of a case; "plain" is the Simplified text itself."""
    text = case.text
    if variant == "plain":
        return text, ".txt"
    if variant == "traditional":  # OpenCC standard, Taiwan or Hong Kong character forms (裡/裏, 台/臺)
        return _s2t(random.Random(case.id).choice(["s2t", "s2tw", "s2hk"])).convert(text), ".txt"
    if variant in ("pinyin_toned", "pinyin_plain"):
        return _glue_pinyin(text, variant == "pinyin_toned", case.id + variant), ".txt"
    if variant == "halfwidth":
        return text.translate(_HALF), ".txt"
    if variant == "fullwidth":
        return _fullwidth(text), ".txt"
    if variant == "name_dots":  # the dot of a transliterated name as Taiwan, Japanese-style or bullet dot
        return text.replace("·", random.Random(case.id).choice(["‧", "・", "•"])), ".txt"
    if variant in ("html", "combined"):
        rng = random.Random(case.id + variant)
        names = [case.fills[k] for k in ("p1", "p2", "c1", "c2") if k in case.fills and case.fills[k] in text]
        picked = rng.sample(names, min(2, len(names)))
        if variant == "combined":  # Traditional, half-width, untoned readings, in an HTML page
            conv = _s2t().convert
            text = _glue_pinyin(conv(text).translate(_HALF), False, case.id + variant)
            picked = [conv(p).translate(_HALF) for p in picked]
            picked = [p for p in picked if p in text]
        return _html_page(text, [(p, rng.choice(_INLINE)) for p in picked]), ".html"
    raise ValueError(f"unknown variant {variant!r}")


def _fold(s: str) -> str:
    return "".join(chr(ord(c) - 0xFEE0) if 0xFF01 <= ord(c) <= 0xFF5E else c for c in s)


def entity_set(record: dict) -> set[tuple[str, str]]:
    """(type, simplified text, width folded) of every entity of a record."""
    return {(e["type"], _fold(e.get("simplified") or e["text"])) for e in record.get("entities", [])}


@dataclass
class Outcome:
    """Entity sets of one case in every variant (None where the document failed) and its error messages."""

    case: Case
    sets: dict[str, set[tuple[str, str]] | None]
    errors: dict[str, str] = field(default_factory=dict)

    @property
    def invariant(self) -> bool:
        """Every variant found exactly the entities of the plain Simplified text."""
        base = self.sets["plain"]
        return base is not None and all(v == base for v in self.sets.values())

    def differs(self, variant: str) -> bool:
        """Whether one variant found other entities than the plain text."""
        return self.sets[variant] is None or self.sets[variant] != self.sets["plain"]


def make_pipeline():
    """The configured pipeline up to NER (dates and events do not change entities), and its config."""
    from pipeline.config import load_config
    from pipeline.runner import Pipeline

    cfg = load_config(overrides=['run.stages=["normalize","strip","ner"]'])
    return Pipeline(cfg), cfg


def run_case(pipe, cfg, case: Case, folder: Path, variants: list[str] = VARIANTS) -> Outcome:
    """Write each variant of `case` into `folder`, read it through the reader and run the pipeline on it."""
    from pipeline.reader import ReadFailure, read_inputs

    sets: dict[str, set[tuple[str, str]] | None] = {}
    errors: dict[str, str] = {}
    for variant in ["plain", *variants]:
        text, suffix = render(case, variant)
        path = folder / f"{case.id}_{variant}{suffix}"
        path.write_text(text, encoding="utf-8")
        sets[variant] = None
        for raw in read_inputs([str(path)], cfg.reader, cfg.run):
            if isinstance(raw, ReadFailure):
                errors[variant] = f"{raw.error_type}: {raw.message}"
                continue
            out = pipe.process(0, raw)
            if out.record is None:
                errors[variant] = f"{out.stage}: {out.error_type}: {out.message}"
            else:
                sets[variant] = entity_set(json.loads(out.record))
    return Outcome(case, sets, errors)


def summarize(outcomes: list[Outcome], variants: list[str] = VARIANTS) -> dict:
    """Invariance rate, per-variant agreement with the plain text, and recall of the template's entities."""
    n = len(outcomes)
    found = {t: [0, 0] for t in ("PERSON", "ORG", "PLACE")}
    for o in outcomes:
        base = o.sets["plain"] or set()
        for typ, text in o.case.known:
            found[typ][1] += 1
            found[typ][0] += (typ, text) in base
    known_total = sum(v[1] for v in found.values())
    return {
        "cases": n,
        "invariance": round(sum(o.invariant for o in outcomes) / n, 4) if n else 0.0,
        "per_variant": {v: round(sum(not o.differs(v) for o in outcomes) / n, 4) if n else 0.0 for v in variants},
        "known_recall": {t: round(a / b, 4) if b else 0.0 for t, (a, b) in found.items()},
        "known_recall_all": round(sum(v[0] for v in found.values()) / known_total, 4) if known_total else 0.0,
    }
