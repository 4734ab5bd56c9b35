"""Strip stage: give every line a role (title, body, boilerplate, duplicate, blank), cut inline boilerplate.

Evidence comes from three places, combined per line:
- line rules (`configs/strip/lines.toml`): disclaimers, navigation, contact footers, credits, metadata, junk;
- inline rules (`configs/strip/inline.toml`): datelines, bracketed bylines, glued source/editor credits;
- structure (`configs/strip/features.toml`): where the body paragraphs start and end, line length and
  punctuation, repetition of other lines (repeated body, repeated headline, truncated teasers), a headline
  fused with site navigation, the site header above a breadcrumb, footer lines after the last paragraph,
  values under bare table labels, items under a related-articles heading, short closing sentences.

Line rules marked `zone = "edge"` (app and follow prompts, sponsor lines) are weak evidence: they count only
before the first or after the last body paragraph, so prose that mentions an app in mid-article stays body.

Rules match a canonical view of each line (Simplified script, half-width punctuation, pinyin readings such as
`聲(shēng)` removed) built here, so the stage works whether or not normalize ran; every match is mapped back to
offsets in `doc.text`.
"""

from __future__ import annotations

import difflib
import re
import tomllib
import unicodedata
from dataclasses import dataclass, field
from pathlib import Path
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field

from pipeline.config import REPO_ROOT, StageConfig
from pipeline.document import Document
from pipeline.registry import StageError, register_stage
from pipeline.schema import Byline, LineInfo, RemovedSpan
from pipeline.strip_dom import dom_roles

_CJK = re.compile(r"[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]")
_LATIN = re.compile(r"[A-Za-z\u00c0-\u024f]")
_WORD = re.compile(r"[A-Za-z\u00c0-\u024f]+(?:['’-][A-Za-z]+)*")
_TONES = "āáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜńňǹḿ"
# A pinyin reading left by a scraper after a character: `(fā)`, `(shēng)`; lowercase Latin with a tone mark.
_PINYIN = re.compile(rf"\((?=[a-zü{_TONES}]*[{_TONES}])[a-zü{_TONES}]{{1,7}}\)")
_ELLIPSIS = re.compile(r"(…+|\.{3,}|。{3,})\s*$")
_CJK_NAME = re.compile(r"^[\u4e00-\u9fff·]{2,4}$")
_LATIN_NAME = re.compile(r"^[A-Z][a-z]+(?:[ -][A-Z][a-z]+){0,3}$")
# A table label scraped onto its own line, its value on the next (索引号: / 发文机关 :).
_BARE_LABEL = re.compile(r"^\s*[^:]{1,12}:\s*$")
_NAME_SPLIT = re.compile(r"[\s、,，;/]+")
_LATIN_NAME_SPLIT = re.compile(r"\s*(?:[,;/]|\band\b)\s*")


class StripConfig(StageConfig):
    """Where the strip rules live."""

    line_rules: str = "configs/strip/lines.toml"
    inline_rules: str = "configs/strip/inline.toml"
    features: str = "configs/strip/features.toml"

    def data_files(self) -> list[Path]:
        """The three rule files, hashed into the config hash."""
        return [REPO_ROOT / self.line_rules, REPO_ROOT / self.inline_rules, REPO_ROOT / self.features]


class RuleSpec(BaseModel):
    """One rule as written in a rule file."""

    model_config = ConfigDict(extra="forbid")

    id: str
    languages: list[Literal["zh", "en"]]
    kind: str
    reason: str
    patterns: list[str] = Field(min_length=1)
    max_chars: int | None = None
    zone: Literal["any", "edge"] = "any"


class Thresholds(BaseModel):
    """Numeric line features (see features.toml for their meaning)."""

    model_config = ConfigDict(extra="forbid")

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


class Features(BaseModel):
    """features.toml: thresholds, byline role words and the structural mechanisms' reasons."""

    model_config = ConfigDict(extra="forbid")

    thresholds: Thresholds
    byline_roles: dict[str, str]
    mechanisms: dict[str, dict[str, str]]


@dataclass(frozen=True)
class Rule:
    """A compiled rule."""

    id: str
    languages: frozenset[str]
    kind: str
    reason: str
    regexes: tuple[re.Pattern, ...]
    max_chars: int | None
    zone: str = "any"


def _load_toml(path: Path) -> dict:
    try:
        return tomllib.loads(path.read_text(encoding="utf-8"))
    except (OSError, tomllib.TOMLDecodeError) as exc:
        raise StageError(f"{path}: cannot read strip rules: {exc}") from exc


def load_rules(path: Path, need_cut: bool = False) -> list[Rule]:
    """Read and compile a rule file; inline rules (`need_cut`) must capture a `cut` group."""
    rules, seen = [], set()
    for i, raw in enumerate(_load_toml(path).get("rule", [])):
        try:
            spec = RuleSpec.model_validate(raw)
            regexes = tuple(re.compile(p, re.IGNORECASE) for p in spec.patterns)
        except (ValueError, re.error) as exc:
            raise StageError(f"{path}: rule #{i + 1} ({raw.get('id')!r}) is invalid: {exc}") from exc
        if spec.id in seen:
            raise StageError(f"{path}: rule id {spec.id!r} is used twice; ids must be unique")
        seen.add(spec.id)
        if need_cut and any("cut" not in r.groupindex for r in regexes):
            raise StageError(f"{path}: inline rule {spec.id!r}: every pattern needs a (?P<cut>...) group")
        rules.append(
            Rule(spec.id, frozenset(spec.languages), spec.kind, spec.reason, regexes, spec.max_chars, spec.zone)
        )
    return rules


@dataclass
class CanonLine:
    """Canonical view of one line and, for each of its characters, the offset it came from in the line."""

    text: str
    origin: list[int]
    length: int

    def to_line(self, start: int, end: int) -> tuple[int, int]:
        """Line-relative offsets of the canonical span [start, end)."""
        if start >= end:
            pos = self.origin[start] if start < len(self.origin) else self.length
            return pos, pos
        return self.origin[start], self.origin[end - 1] + 1


def canonicalize(line: str, t2s) -> CanonLine:
    """Half-width, Simplified text of `line` with pinyin readings removed, and the offset map back."""
    half = []
    for ch in line:
        n = unicodedata.normalize("NFKC", ch)
        half.append(n if len(n) == 1 else ch)
    s = "".join(half)
    simp = t2s.convert(s)
    if len(simp) != len(s):
        simp = "".join(c2 if len(c2 := t2s.convert(c)) == 1 else c for c in s)
    text, origin, pos = [], [], 0
    for m in _PINYIN.finditer(simp):
        if m.start() > 0 and _CJK.match(simp[m.start() - 1]):
            text.append(simp[pos : m.start()])
            origin.extend(range(pos, m.start()))
            pos = m.end()
    text.append(simp[pos:])
    origin.extend(range(pos, len(simp)))
    return CanonLine("".join(text), origin, len(line))


@dataclass
class Cut:
    """An inline span found on a line, in canonical offsets."""

    rule: Rule
    start: int
    end: int
    names: tuple[int, int] | None


@dataclass
class LineState:
    """Everything the classifier knows about one line."""

    n: int
    start: int
    end: int
    canon: CanonLine
    blank: bool
    residual: str = ""
    key: str = ""
    size: int = 0
    latin: bool = False
    cuts: list[Cut] = field(default_factory=list)
    hit: Rule | None = None
    soft: Rule | None = None
    role: str | None = None
    rule: str | None = None
    reason: str | None = None
    dup_of: int | None = None


class Stripper:
    """The loaded rules and features; `__call__` processes one document."""

    def __init__(self, line_rules: list[Rule], inline_rules: list[Rule], features: Features) -> None:
        import opencc

        self.line_rules = line_rules
        self.inline_rules = inline_rules
        self.th = features.thresholds
        self.mech = {k: v.get("reason", "") for k, v in features.mechanisms.items()}
        self.roles = {k.lower(): v for k, v in features.byline_roles.items()}
        alts = "|".join(re.escape(r) for r in sorted(self.roles, key=len, reverse=True))
        # A role word that starts a credit (not a character inside a name such as 王文明). Inside a byline
        # span the names may follow directly (记者王芳); on a footer line a separator is required, so that
        # 作者观点 in a disclaimer names nobody.
        self.role_span_re = re.compile(rf"(?<![\u4e00-\u9fffA-Za-z])(?P<role>{alts})\s*[:|/]?\s*", re.I)
        self.role_line_re = re.compile(rf"(?<![\u4e00-\u9fffA-Za-z])(?P<role>{alts})(\s*[:|/]\s*|\s+)", re.I)
        self.publishers = tuple(sorted(features.thresholds.publisher_suffixes, key=len, reverse=True))
        self.event_words = tuple(features.thresholds.headline_event_words)
        self.section_number = re.compile(features.thresholds.section_number, re.I)
        self.t2s = opencc.OpenCC("t2s")

    # ---- per-line features --------------------------------------------------------------------------
    def _state(self, n: int, start: int, end: int, norm: str) -> LineState:
        canon = canonicalize(norm, self.t2s)
        st = LineState(n, start, end, canon, blank=not norm.strip())
        if st.blank:
            return st
        langs = self._langs(canon.text)
        for rule in self.inline_rules:
            if not rule.languages & langs:
                continue
            for rx in rule.regexes:
                m = rx.search(canon.text)
                if not m or m.end("cut") <= m.start("cut"):
                    continue
                names = (m.start("names"), m.end("names")) if "names" in rx.groupindex and m.group("names") else None
                if any(c.start < m.end("cut") and m.start("cut") < c.end for c in st.cuts):
                    continue
                if names and rule.kind == "byline" and not self._names_ok(canon.text[names[0] : names[1]]):
                    continue
                st.cuts.append(Cut(rule, m.start("cut"), m.end("cut"), names))
                break
        st.cuts.sort(key=lambda c: c.start)
        res, pos = [], 0
        for c in st.cuts:
            res.append(canon.text[pos : c.start])
            pos = c.end
        res.append(canon.text[pos:])
        st.residual = "".join(res).strip()
        st.key = re.sub(r"\s+", "", canon.text).lower()
        n_cjk = len(_CJK.findall(st.residual))
        n_latin = len(_LATIN.findall(st.residual))
        st.latin = n_latin > n_cjk
        st.size = len(_WORD.findall(st.residual)) if st.latin else len(re.sub(r"\s+", "", st.residual))
        stripped = canon.text.strip()
        for rule in self.line_rules:
            if not rule.languages & langs or (rule.max_chars and len(stripped) > rule.max_chars):
                continue
            if any(rx.search(stripped) for rx in rule.regexes):
                # An edge rule only counts outside the body (decided in classify); a later line rule may
                # still give firm evidence.
                if rule.zone == "edge":
                    st.soft = st.soft or rule
                    continue
                st.hit = rule
                break
        return st

    @staticmethod
    def _langs(text: str) -> frozenset[str]:
        """Rule languages for a line: by its letters; a line of digits and symbols gets every rule."""
        out = set()
        if _CJK.search(text):
            out.add("zh")
        if _LATIN.search(text):
            out.add("en")
        return frozenset(out or ("zh", "en"))

    def _names_ok(self, names: str) -> bool:
        """A bracketed byline names people, not an organization or a plain word."""
        split = _NAME_SPLIT if _CJK.search(names) else _LATIN_NAME_SPLIT
        toks = [t for t in split.split(names) if t and t.lower() not in self.roles and t not in ("摄", "报道")]
        if not toks:
            return False
        return all(not any(t.endswith(s) for s in self.th.not_name_suffixes) for t in toks)

    def _ends_final(self, st: LineState) -> bool:
        return bool(st.residual) and st.residual[-1] in self.th.sentence_final

    def _title_like(self, st: LineState) -> bool:
        """Short, and not closed like a sentence (a standalone question or exclamation may be a headline)."""
        limit = self.th.title_max_words if st.latin else self.th.title_max_chars
        # A line ending in a colon introduces what follows (各位嘉宾: / 全文如下:); it is no heading.
        if st.size == 0 or st.size > limit or st.residual.endswith(":"):
            return False
        if not self._ends_final(st):
            return True
        inner = st.residual[:-1]
        return st.residual[-1] in "?!" and not any(p in inner for p in self.th.clause_punct)

    def _long_headline(self, st: LineState) -> bool:
        """Too long for `_title_like` but shaped like a headline: no sentence end, Title Case words (a
        translated headline names every office of its official) or, in CJK, no clause punctuation at all."""
        limit = self.th.headline_max_words if st.latin else self.th.headline_max_chars
        if st.size == 0 or st.size > limit or self._ends_final(st) or st.residual.endswith(":"):
            return False
        if st.latin:
            words = [w for w in _WORD.findall(st.residual) if len(w) >= 4]
            return bool(words) and sum(w[0].isupper() for w in words) >= self.th.title_case_ratio * len(words)
        return not any(p in st.residual for p in self.th.clause_punct + "。")

    def _is_para(self, st: LineState) -> bool:
        """A body paragraph: a closed sentence of some length, or a long line."""
        if st.blank or st.role is not None or st.dup_of is not None or st.soft is not None:
            return False
        long_ = self.th.long_words if st.latin else self.th.long_chars
        if st.size >= long_:
            return True
        short = self.th.para_min_words if st.latin else self.th.para_min_chars
        return self._ends_final(st) and st.size >= short and not self._title_like(st)

    def _symbols(self, st: LineState) -> bool:
        text = re.sub(r"\s+", "", st.residual)
        if len(text) < 2:
            return bool(text) and not _CJK.match(text) and not text.isalpha()
        sym = sum(1 for c in text if not (c.isalpha() or _CJK.match(c)))
        return sym / len(text) >= self.th.symbol_ratio

    def _is_teaser(self, i: int, states: list[LineState]) -> bool:
        st = states[i]
        m = _ELLIPSIS.search(st.residual)
        if not m:
            return False
        head = st.residual[: m.start()].rstrip()
        if st.latin:
            head = re.sub(r"\s*\S+$", "", head)
        chunk = re.sub(r"\s+", "", head).lower()[-30:]
        if len(chunk) < self.th.teaser_min_overlap:
            return False
        return any(o.key and chunk in o.key for j, o in enumerate(states) if j != i and not o.blank)

    def _similar(self, a: LineState, b: LineState) -> bool:
        if min(len(a.key), len(b.key)) < self.th.dup_min_chars:
            return False
        return difflib.SequenceMatcher(None, a.key, b.key).ratio() >= self.th.title_repeat_similarity

    def _set(self, st: LineState, role: str, rule_id: str, reason: str | None = None) -> None:
        st.role, st.rule = role, rule_id
        st.reason = reason if reason is not None else self.mech.get(rule_id, "")

    # ---- the classifier -----------------------------------------------------------------------------
    def classify(self, states: list[LineState]) -> None:
        """Assign role, rule and reason to every line state."""
        th = self.th
        seen: dict[str, int] = {}
        for st in states:
            if st.blank:
                self._set(st, "blank", "blank.empty", "empty or whitespace-only line")
                continue
            if st.hit:
                self._set(st, "boilerplate", st.hit.id, st.hit.reason)
            if len(st.key) >= th.dup_min_chars and st.key in seen and st.hit is None:
                st.dup_of = seen[st.key]
            seen.setdefault(st.key, st.n)
        self._field_values(states)
        for i, st in enumerate(states):
            if st.role is None and st.dup_of is None and self._is_teaser(i, states):
                self._set(st, "boilerplate", "teaser.ellipsis")
        paras = [i for i, st in enumerate(states) if self._is_para(st)]
        if paras and self._lists(states, paras[0]):
            paras = [i for i, st in enumerate(states) if self._is_para(st)]
        # A long headline counts as a paragraph by its length alone; a closed paragraph after it is the lead.
        while len(paras) > 1 and self._long_headline(states[paras[0]]):
            paras.pop(0)
        first = paras[0] if paras else len(states)
        last = paras[-1] if paras else len(states)
        for k, st in enumerate(states):
            if st.soft is not None and st.role is None and not first <= k <= last:
                st.hit = st.soft
                self._set(st, "boilerplate", st.soft.id, st.soft.reason)
        self._head(states[:first])
        titles = [st for st in states if st.role == "title"]
        for st in states[first : last + 1]:
            if st.role is not None:
                continue
            if st.dup_of is not None:
                if states[st.dup_of].role == "title":
                    self._set(st, "title", "title.caption")
                else:
                    self._set(st, "duplicate", "dup.repeat")
            elif st.n in paras:
                st.role = "body"
            elif self._title_like(st) and any(self._similar(st, t) for t in titles):
                self._set(st, "title", "title.caption")
            elif self.section_number.match(st.residual):
                self._set(st, "title", "title.subhead")
            elif self._symbols(st):
                self._set(st, "boilerplate", "feature.symbols")
            elif self._title_like(st):
                self._set(st, "title", "title.subhead")
            else:
                st.role = "body"
        closing = True
        for st in states[last + 1 :]:
            if st.role == "blank":
                continue
            # A short closing sentence right after the last paragraph (会议还通报了有关情况。) is body.
            closing = closing and st.role is None and st.dup_of is None and self._closing(st)
            if closing:
                st.role = "body"
            elif st.role is not None:
                continue
            elif st.dup_of is not None:
                self._set(st, "duplicate", "dup.repeat")
            elif self._title_like(st) and any(self._similar(st, t) for t in titles):
                self._set(st, "duplicate", "dup.headline")
            else:
                self._set(st, "boilerplate", "tail.after_body")

    def _closing(self, st: LineState) -> bool:
        """A short closed sentence without rule evidence (多谢各位。 Thank you.)."""
        return (
            st.soft is None and self._ends_final(st) and st.residual[-1] in self.th.closing_final
            and not self._symbols(st) and not _ELLIPSIS.search(st.residual)
        )

    def _field_values(self, states: list[LineState]) -> None:
        """The value under a metadata label that stands alone on its line (索引号: / 发文机关:)."""
        prev: LineState | None = None
        for st in states:
            if st.blank:
                continue
            if (
                prev is not None and prev.hit is not None and prev.hit.kind in self.th.field_kinds
                and _BARE_LABEL.match(prev.canon.text) and st.role is None and not self._ends_final(st)
                and 0 < st.size <= (self.th.title_max_words if st.latin else self.th.title_max_chars)
            ):
                self._set(st, "boilerplate", "meta.field_value")
            prev = st

    def _lists(self, states: list[LineState], first: int) -> bool:
        """Items under a related-articles heading after the body starts; True when any were found."""
        found, in_list = False, False
        for st in states[first + 1 :]:
            if st.blank:
                continue
            if st.hit is not None:
                in_list = st.hit.kind == "list_heading" or (in_list and st.hit.kind == "list_item")
                continue
            limit = self.th.title_max_words if st.latin else self.th.title_max_chars
            # A line closed by a full stop is prose, not a link title: it ends the list.
            prose = self._ends_final(st) and st.residual[-1] in "。."
            if in_list and st.role is None and st.dup_of is None and st.size <= limit and not prose:
                self._set(st, "boilerplate", "nav.list_item")
                found = True
            else:
                in_list = False
        return found

    def _head(self, head: list[LineState]) -> None:
        """Lines before the first paragraph: site header, metadata, teasers, headlines."""
        navs = [k for k, st in enumerate(head) if st.hit is not None and st.hit.kind == "breadcrumb"]
        for st in head[: navs[-1]] if navs else []:
            if st.role is None:
                self._set(st, "boilerplate", "head.before_nav")
        open_ = [st for st in head if st.role is None]
        for st in open_:
            inner = [o for o in open_ if o is not st and len(o.key) >= self.th.dup_min_chars]
            if any(o.key in st.key and len(st.key) - len(o.key) >= 4 for o in inner):
                self._set(st, "boilerplate", "title.fused_nav")
        titles: list[LineState] = []
        for k, st in enumerate(head):
            if st.role is not None:
                continue
            # Lines of one headline block may paraphrase each other (kicker, headline, subtitle); a
            # look-alike after other material (a teaser, metadata) repeats the headline.
            earlier = [t for t in titles if any(o.role not in ("title", "blank") for o in head[t.n : k])]
            if st.dup_of is not None or any(self._similar(st, t) for t in earlier):
                self._set(st, "duplicate", "dup.headline" if st.dup_of is None else "dup.repeat")
            elif titles and self.section_number.match(st.residual):
                self._set(st, "title", "title.subhead")
            elif self._symbols(st):
                self._set(st, "boilerplate", "feature.symbols")
            elif self._title_like(st) and st.size <= 20 and self._publisher(st):
                self._set(st, "boilerplate", "head.publisher")
            elif self._title_like(st):
                self._set(st, "title", "title.headline")
                titles.append(st)
            elif self._long_headline(st):
                self._set(st, "title", "title.long_headline")
                titles.append(st)
            else:
                st.role = "body"

    def _publisher(self, st: LineState) -> bool:
        """A publisher name: ends with a site or office suffix, and no event word or action verb precedes it
        (a headline naming a press conference also ends with 新闻发布会)."""
        suffix = next((p for p in self.publishers if st.residual.endswith(p)), None)
        if suffix is None:
            return False
        name = st.residual[: len(st.residual) - len(suffix)]
        return not any(w in name for w in self.event_words)

    # ---- the document -------------------------------------------------------------------------------
    def __call__(self, doc: Document) -> Document:
        """Set doc.lines, doc.removed, doc.bylines and doc.title."""
        if len(doc.norm_text) != len(doc.text):
            raise StageError("norm_text and text differ in length; normalize broke its contract")
        lines = doc.default_lines()
        states = [self._state(ln.n, ln.start, ln.end, doc.norm_text[ln.start : ln.end]) for ln in lines]
        # --- DOM evidence of HTML pages (pipeline/strip_dom.py); plain text has none. Line rules still win.
        for st, verdict in zip(states, dom_roles(doc.raw.line_features, [st.key for st in states])):
            if verdict is not None:
                self._set(st, *verdict)
        # --- end DOM evidence
        self.classify(states)
        doc.lines = [
            LineInfo(
                n=st.n,
                role=st.role or "body",
                start=st.start,
                end=st.end,
                rule=st.rule if st.role not in (None, "body") else None,
                reason=st.reason if st.role not in (None, "body") else None,
            )
            for st in states
        ]
        removed, bylines = [], []
        for st in states:
            if st.role in ("title", "body"):
                for c in st.cuts:
                    s, e = self._abs(st, c.start, c.end)
                    removed.append(RemovedSpan(start=s, end=e, text=doc.text[s:e], rule=c.rule.id, reason=c.rule.reason))
                    if c.names and c.rule.kind in ("byline", "dateline", "source"):
                        bylines += self._bylines(doc, st, c.names[0], c.names[1], c.rule.kind)
            elif st.hit is not None:
                bylines += self._bylines(doc, st, 0, len(st.canon.text), None)
        doc.removed = removed
        doc.bylines = bylines
        title = next((st for st in states if st.role == "title"), None)
        if title is not None:
            doc.title = self._kept_text(doc, title)
        elif doc.raw.meta.get("title"):
            doc.title = doc.raw.meta["title"].strip()
        return doc

    @staticmethod
    def _abs(st: LineState, cs: int, ce: int) -> tuple[int, int]:
        s, e = st.canon.to_line(cs, ce)
        return st.start + s, st.start + e

    def _kept_text(self, doc: Document, st: LineState) -> str:
        pos, parts = st.start, []
        for c in st.cuts:
            s, e = self._abs(st, c.start, c.end)
            parts.append(doc.text[pos:s])
            pos = e
        parts.append(doc.text[pos : st.end])
        return "".join(parts).strip()

    def _bylines(self, doc: Document, st: LineState, cs: int, ce: int, kind: str | None) -> list[Byline]:
        """People named in canon[cs:ce] of a credit line or byline span, with their roles."""
        text = st.canon.text
        found: list[tuple[int, int, str | None]] = []
        role_re = self.role_line_re if kind is None else self.role_span_re
        matches = list(role_re.finditer(text, cs, ce))
        if matches:
            for k, m in enumerate(matches):
                stop = matches[k + 1].start() if k + 1 < len(matches) else ce
                end = re.search(r"[:|()\[\]【】。!?]|$", text[m.end() : stop]).start() + m.end()
                found += self._name_tokens(text, m.end(), end, self.roles[m.group("role").lower()])
        elif kind == "byline":
            found = self._name_tokens(text, cs, ce, "reporter")
        out = []
        for s, e, role in found:
            a, b = self._abs(st, s, e)
            out.append(Byline(name=doc.text[a:b], role=role, start=a, end=b))
        return out

    def _name_tokens(self, text: str, cs: int, ce: int, role: str | None) -> list[tuple[int, int, str | None]]:
        """Name-shaped tokens of text[cs:ce], up to the first token that is a role word."""
        out, pos = [], cs
        split = _NAME_SPLIT if _CJK.search(text, cs, ce) else _LATIN_NAME_SPLIT
        for m in list(split.finditer(text, cs, ce)) + [None]:
            tok_end = m.start() if m else ce
            tok = text[pos:tok_end]
            if tok:
                if tok.lower() in self.roles:
                    break
                tok = re.sub(r"(摄|报道)$", "", tok)
                if (_CJK_NAME.match(tok) or _LATIN_NAME.match(tok)) and not any(
                    tok.endswith(s) for s in self.th.not_name_suffixes
                ):
                    out.append((pos, pos + len(tok), role))
            if m is None:
                break
            pos = m.end()
        return out


@register_stage("strip", StripConfig)
def make_strip(cfg: StripConfig):
    """Build the strip stage from its rule files."""
    line_rules = load_rules(REPO_ROOT / cfg.line_rules)
    inline_rules = load_rules(REPO_ROOT / cfg.inline_rules, need_cut=True)
    try:
        features = Features.model_validate(_load_toml(REPO_ROOT / cfg.features))
    except ValueError as exc:
        raise StageError(f"{cfg.features}: invalid strip features: {exc}") from exc
    return Stripper(line_rules, inline_rules, features)
