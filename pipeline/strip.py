"""Strip stage: give every line a role (title, body, boilerplate, duplicate, blank), cut inline boilerplate.

Evidence, per line (`Stripper._state`):
- line rules (`configs/strip/lines.toml`): disclaimers, navigation, contact footers, credits, metadata, junk;
- inline rules (`configs/strip/inline.toml`): datelines, bracketed bylines, glued source/editor credits;
- the widget vocabulary (`configs/strip/widgets.toml`): lines made only of portal UI words;
- hints (`[[hint]]` in `configs/strip/features.toml`): rules on per-line features an earlier stage attaches
  (an HTML page's DOM: landmark, link density, main-content block), see `line_features`.
Features (small predicates over `LineState`, thresholds in `features.toml`): size, sentence and clause
punctuation, Title Case, prose cut off before its end, symbol share, repetition and echoes, similarity to the
headline, words shared with the body, runs of short lines, lines under a colon line, position relative to
the body. One decision (`Stripper.classify`) combines them; every role is set through `Stripper._set`, which
records the rule or mechanism id and its reason and refuses ids switched off by `strip.disable`.

Line rules marked `zone = "edge"` (app and follow prompts, sponsor lines) are weak evidence: they count only
before the first or after the last body paragraph, so prose that mentions an app in mid-article stays body.

Rules match a canonical view of each line (Simplified script, half-width punctuation, pinyin readings such as
`聲(shēng)` removed) built here, so the stage works whether or not normalize ran; every match is mapped back to
offsets in `doc.text`.
"""

from __future__ import annotations

import difflib
import json
import re
from dataclasses import dataclass, field
from pathlib import Path

from pydantic import Field

from pipeline.config import StageConfig, resource_path
from pipeline.document import Document
from pipeline.registry import StageError, register_stage
from pipeline.schema import Byline, LineInfo, RemovedSpan
from pipeline.rulefiles import Features, RuleFileError, StripRuleFile, Widgets, load_rule_file
from pipeline.strip_dom import dom_roles
from pipeline.text import convert_same_length, nfkc_chars, opencc_converter

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
_CLOSE_QUOTES = "\"”’」』"
_NAME_SPLIT = re.compile(r"[\s、,，;/]+")
_LATIN_NAME_SPLIT = re.compile(r"\s*(?:[,;/]|\band\b)\s*")


class StripConfig(StageConfig):
    """Where the strip rules live."""

    line_rules: str = "configs/strip/lines.toml"
    inline_rules: str = "configs/strip/inline.toml"
    features: str = "configs/strip/features.toml"
    widgets: str = "configs/strip/widgets.toml"
    disable: list[str] = Field(
        default_factory=list,
        description="rule or mechanism ids, or their prefixes (groups such as nav, widget, dup), switched off",
    )

    def data_files(self) -> list[Path]:
        """The rule files, hashed into the config hash."""
        return [resource_path(f) for f in (self.line_rules, self.inline_rules, self.features, self.widgets)]

    def check_rule_files(self) -> None:
        """Validate the rule files (RuleFileError names the file and key)."""
        load_rules(resource_path(self.line_rules))
        load_rules(resource_path(self.inline_rules), need_cut=True)
        load_rule_file(resource_path(self.features), Features)
        load_rule_file(resource_path(self.widgets), Widgets)


# Widget bars separate their items with two spaces, bars, dots, bullets, arrows, colons or brackets.
_TOKEN_SPLIT = re.compile(r"\s{2,}|[\t|/·•■●◆▪►▶>»›:,;、【】\[\]()「」<]+")
_NEUTRAL = re.compile(r"^(\d+|[a-z]|[^\w\u4e00-\u9fff]+)$")


class WidgetVocabulary:
    """Decides whether a short line is made only of widget words (`widget.vocab`)."""

    def __init__(self, widgets: Widgets) -> None:
        self.words = {w.lower() for w in widgets.zh + widgets.en}
        self.longest = max((len(w.split()) for w in self.words), default=1)
        alts = "|".join(re.escape(w.lower()) for w in sorted(widgets.counted, key=len, reverse=True))
        self.counted = re.compile(rf"^\d+\s*({alts})$")

    def _word(self, tok: str) -> int | None:
        """1 for a widget word, 0 for a neutral token (number, letter, symbol), None for anything else."""
        if tok in self.words or self.counted.match(tok):
            return 1
        if _NEUTRAL.match(tok):
            return 0
        core = re.sub(r"^[a-z]{1,2}(?=[\u4e00-\u9fff])|(?<=[\u4e00-\u9fff])[a-z]{1,2}$", "", tok)  # T小字: a size sample
        return 1 if core != tok and core in self.words else None

    def _chunk(self, chunk: str) -> int | None:
        """Widget words in a chunk (greedy longest phrases), or None when it holds anything else."""
        whole = self._word(chunk)
        if whole is not None:
            return whole
        words, i, hits = chunk.split(), 0, 0
        while i < len(words):
            for k in range(min(self.longest, len(words) - i), 0, -1):
                got = self._word(" ".join(words[i : i + k]))
                if got is not None:
                    hits += got
                    i += k
                    break
            else:
                return None
        return hits

    def __call__(self, line: str, max_chars: int) -> bool:
        """True for a line of at most `max_chars` made only of widget words and neutral tokens."""
        text = line.strip().lower()
        if not text or len(text) > max_chars:
            return False
        hits = 0
        for chunk in filter(None, (c.strip() for c in _TOKEN_SPLIT.split(text))):
            n = self._chunk(chunk)
            if n is None:
                return False
            hits += n
        return hits > 0


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


def load_rules(path: Path, need_cut: bool = False) -> list[Rule]:
    """Read and compile a rule file; inline rules (`need_cut`) must capture a `cut` group."""
    rules, seen = [], set()
    for i, spec in enumerate(load_rule_file(path, StripRuleFile).rule):
        try:
            regexes = tuple(re.compile(p, re.IGNORECASE) for p in spec.patterns)
        except re.error as exc:
            raise RuleFileError(f"{path}: rule #{i + 1} ({spec.id!r}) has an invalid pattern: {exc}") from exc
        if spec.id in seen:
            raise RuleFileError(f"{path}: rule id {spec.id!r} is used twice; ids must be unique")
        seen.add(spec.id)
        if need_cut and any("cut" not in r.groupindex for r in regexes):
            raise RuleFileError(f"{path}: inline rule {spec.id!r}: every pattern needs a (?P<cut>...) group")
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
    simp = convert_same_length(t2s, nfkc_chars(line))
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
    widget: bool = False
    echo: bool = False
    main: bool = False
    cuts: list[Cut] = field(default_factory=list)
    hit: Rule | None = None
    soft: Rule | None = None
    role: str | None = None
    rule: str | None = None
    reason: str | None = None
    dup_of: int | None = None


class Stripper:
    """The loaded rules and features; `__call__` processes one document."""

    def __init__(
        self,
        line_rules: list[Rule],
        inline_rules: list[Rule],
        features: Features,
        widgets: Widgets,
        disable: tuple[str, ...] = (),
    ) -> None:
        self.disable = tuple(disable)
        self.line_rules = [r for r in line_rules if self.on(r.id)]
        self.inline_rules = [r for r in inline_rules if self.on(r.id)]
        self.th = features.thresholds
        self.hints = [h for h in features.hint if self.on(h.id)]
        self.widgets = WidgetVocabulary(widgets)
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
        self.t2s = opencc_converter("t2s")

    def on(self, rule_id: str) -> bool:
        """Whether a rule or mechanism is switched on (`strip.disable` names ids or dotted prefixes)."""
        return not any(rule_id == d or rule_id.startswith(d + ".") for d in self.disable)

    # ---- per-line features --------------------------------------------------------------------------
    def _state(self, n: int, start: int, end: int, norm: str, extra: dict | None = None) -> LineState:
        canon = canonicalize(norm, self.t2s)
        st = LineState(n, start, end, canon, blank=not norm.strip())
        if st.blank:
            return st
        for hint in self.hints if extra else ():
            if hint.fires(extra.get(hint.feature)):
                if hint.role == "body":
                    st.main = True
                elif st.hit is None:
                    st.hit = Rule(hint.id, frozenset({"zh", "en"}), "html", hint.reason, (), None)
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
        st.widget = self.on("widget.vocab") and self.widgets(stripped, self.th.widget_max_chars)
        for rule in self.line_rules if st.hit is None else ():
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
        """Closed like a sentence; a closing quote counts only after a sentence end (他说:“好。” but not 擦亮“名片”)."""
        text = st.residual.rstrip(_CLOSE_QUOTES)
        if not text:
            return False
        if len(text) < len(st.residual) and text[-1] not in self.th.sentence_final:
            return False
        return text[-1] in self.th.sentence_final

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
        if st.blank or st.role is not None or st.dup_of is not None or st.soft is not None or st.echo:
            return False
        long_ = self.th.long_words if st.latin else self.th.long_chars
        if st.size >= long_:
            return True
        short = self.th.para_min_words if st.latin else self.th.para_min_chars
        # A short line trailing off in an ellipsis is a teaser of another page (a promo block), not a paragraph.
        trails = self.on("teaser.trailing") and _ELLIPSIS.search(st.residual) is not None
        closed = self._ends_final(st) and st.size >= short and not self._title_like(st) and not trails
        return closed or self._prose(st)

    def _prose(self, st: LineState) -> bool:
        """A paragraph cut off before its end (a page break, a credit glued on): long enough, and a sentence
        ends inside it."""
        if not self.on("body.prose"):
            return False
        if st.latin:
            return st.size >= self.th.prose_min_words and re.search(r"[a-z]{2}[.!?]\s+[A-Z]", st.residual) is not None
        return st.size >= self.th.prose_min_chars and re.search(r"[。!?][^)）\]】]", st.residual) is not None

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
        """The one place a line gets its role, rule id and reason; a switched-off mechanism decides nothing."""
        if not self.on(rule_id) and role != "blank":
            return
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
            elif st.widget:
                self._set(st, "boilerplate", "widget.vocab")
            if len(st.key) >= th.dup_min_chars and st.key in seen and st.hit is None:
                st.dup_of = seen[st.key]
            seen.setdefault(st.key, st.n)
        self._field_values(states)
        self._echoes(states)
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
        body = [states[i] for i in paras]
        self._head(states[:first], self._vocabulary(body) if body else None)
        titles = [st for st in states if st.role == "title"]
        introduced = False  # the line before ends with a colon (名单如下: / Attending were:), or is an item under one
        for st in states[first : last + 1]:
            if st.blank:
                continue
            if st.role is not None:
                introduced = False
                continue
            if st.echo and titles:
                self._set(st, "title", "title.caption")
            elif st.dup_of is not None:
                if states[st.dup_of].role == "title":
                    self._set(st, "title", "title.caption")
                else:
                    self._set(st, "duplicate", "dup.repeat")
            elif st.n in paras:
                st.role = "body"
            elif introduced and self.on("body.colon_run") and not self.section_number.match(st.residual):
                # Items or a quotation introduced by a colon line: a list of participants, a quoted slogan.
                self._set(st, "body", "body.colon_run")
            elif self._title_like(st) and any(self._similar(st, t) for t in titles):
                self._set(st, "title", "title.caption")
            elif self.section_number.match(st.residual):
                self._set(st, "title", "title.subhead")
            elif self._symbols(st):
                self._set(st, "boilerplate", "feature.symbols")
            elif st.latin and self._sentence_caption(st):
                self._set(st, "body", "body.sentence_caption")
            elif self._title_like(st):
                self._set(st, "title", "title.subhead")
            else:
                st.role = "body"
            introduced = st.role == "body" and (st.residual.endswith(":") or st.rule == "body.colon_run")
        closing = closing_run = True
        tail = [st for st in states[last + 1 :] if not st.blank]
        for st in states[last + 1 :]:
            if st.role == "blank":
                continue
            # The text ends inside a paragraph (a page cut at a size limit): its last line is body.
            if closing and st is tail[-1] and self._truncated(st, titles):
                self._set(st, "body", "body.truncated")
                continue
            # A headline repeated right after the paragraphs (nothing but body and captions between) is a caption.
            closing_run = closing_run and st.role in (None, "body", "title")
            # A short closing sentence right after the last paragraph (会议还通报了有关情况。) is body, and so are a
            # line introducing a list (出席仪式的有:) and the list's items after it.
            free = st.role is None and st.dup_of is None and st.soft is None
            intro = free and self._introduces(st)
            item = free and introduced and self._title_like(st) and not self._publisher(st)
            closing = closing and st.role is None and st.dup_of is None and (self._closing(st) or intro or item)
            introduced = closing and (intro or item)
            if closing and (intro or item):
                self._set(st, "body", "body.colon_run")
                st.role = "body"
            elif closing:
                st.role = "body"
            elif st.role is not None:
                continue
            elif st.main and st.dup_of is None:
                st.role = "body"
            elif st.dup_of is not None and self._caption(states, st.n) and closing_run:
                self._set(st, "title", "title.caption")
            elif st.dup_of is not None:
                self._set(st, "duplicate", "dup.repeat")
            elif self._title_like(st) and any(self._similar(st, t) for t in titles):
                self._set(st, "duplicate", "dup.headline")
            else:
                self._set(st, "boilerplate", "tail.after_body")

    def _sentence_caption(self, st: LineState) -> bool:
        """An English line between paragraphs written as a sentence (sentence case, or clauses split by commas):
        a photo caption that tells what happens, body; subheads are short or in Title Case."""
        if not self.on("body.sentence_caption") or st.size < self.th.caption_min_words:
            return False
        words = [w for w in _WORD.findall(st.residual) if len(w) >= 4]
        title_case = bool(words) and sum(w[0].isupper() for w in words) >= self.th.title_case_ratio * len(words)
        return not title_case or "," in st.residual

    def _introduces(self, st: LineState) -> bool:
        """A line of some length ending in a colon: it introduces a list or a quotation."""
        least = self.th.colon_intro_min_words if st.latin else self.th.colon_intro_min_chars
        return self.on("body.colon_run") and st.residual.endswith(":") and st.size >= least

    def _truncated(self, st: LineState, titles: list[LineState]) -> bool:
        """The document's last line, right after the body, cut before its sentence ends."""
        return (
            self.on("body.truncated") and st.role is None and st.dup_of is None and st.soft is None
            and not self._ends_final(st) and not self._symbols(st) and not self._publisher(st)
            and not st.residual.startswith(("(", "[", "【", "〔"))  # a bracketed credit: (供稿 / (记者
            and not any(self._similar(st, t) for t in titles)
        )

    def _closing(self, st: LineState) -> bool:
        """A short closed sentence without rule evidence (多谢各位。 Thank you.)."""
        return (
            st.soft is None and self._ends_final(st) and st.residual[-1] in self.th.closing_final
            and not self._symbols(st) and not _ELLIPSIS.search(st.residual)
        )

    def _echoes(self, states: list[LineState]) -> None:
        """A line that repeats an earlier short headline-like line and only adds punctuation or a bracketed
        credit (headline。(图片来源:…)): an image caption, never the lead paragraph."""
        if not self.on("title.caption"):
            return
        shorts: list[LineState] = []
        for st in states:
            if st.blank or st.role is not None:
                continue
            for o in shorts:
                rest = st.key[len(o.key) :]
                if st.key.startswith(o.key) and rest and not re.match(r"[\w\u4e00-\u9fff]", rest):
                    st.echo = True
                    break
            if self._title_like(st) and len(st.key) >= self.th.dup_min_chars:
                shorts.append(st)

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

    def _caption(self, states: list[LineState], k: int) -> bool:
        """An exact repeat of a headline line standing alone (an image caption), not the first line of a
        reprinted block (the next line is no repeat)."""
        st = states[k]
        if not self.on("title.caption") or st.dup_of is None or states[st.dup_of].role != "title":
            return False
        nxt = next((o for o in states[k + 1 :] if not o.blank), None)
        return nxt is None or nxt.dup_of is None

    @staticmethod
    def _units(st: LineState) -> set[str]:
        """What a line says, for comparing it with the body: CJK bigrams, or Latin content words (5-letter stems)."""
        if st.latin:
            return {w.lower()[:5] for w in _WORD.findall(st.residual) if len(w) >= 4}
        runs = re.findall(r"[\u4e00-\u9fff]+|[A-Za-z]{3,}|\d{2,}", st.residual)
        out = set()
        for r in runs:
            if _CJK.match(r):
                out |= {r[k : k + 2] for k in range(len(r) - 1)}
            else:
                out.add(r.lower()[:5])
        return out

    def _vocabulary(self, body: list[LineState]) -> set[str]:
        out: set[str] = set()
        for st in body:
            out |= self._units(st)
        return out

    def _related(self, st: LineState, body: set[str] | None) -> bool:
        """A headline speaks of what the body says: it shares some bigrams or content words with it."""
        if body is None or not self.on("head.no_overlap"):
            return True
        units = self._units(st)
        if not units:
            return False
        shared = len(units & body)
        least = min(self.th.headline_shared_min, len(units))
        return shared >= least and shared >= self.th.headline_shared_ratio * len(units)

    def _short_runs(self, head: list[LineState]) -> None:
        """A run of short headline-like lines set solid above the article is a list of links (related or hot
        news, a channel menu), not a headline block; its last line stays open when only metadata follows it
        before the body (the headline under a list)."""
        if not self.on("nav.short_run"):
            return
        runs: list[list[LineState]] = [[]]
        for st in head:
            open_line = st.role is None and not st.blank and st.dup_of is None
            if open_line and self._title_like(st) and not self._symbols(st):
                runs[-1].append(st)
            elif runs[-1]:
                runs.append([])
        for run in runs:
            if len(run) < self.th.short_run_min:
                continue
            after = head[run[-1].n + 1 :]
            items = run[:-1] if all(o.blank or o.role is not None for o in after) else run
            for st in items:
                self._set(st, "boilerplate", "nav.short_run")

    def _head(self, head: list[LineState], body: set[str] | None = None) -> None:
        """Lines before the first paragraph: site header, metadata, teasers, headlines."""
        navs = [k for k, st in enumerate(head) if st.hit is not None and st.hit.kind == "breadcrumb"]
        for st in head[: navs[-1]] if navs else []:
            if st.role is None:
                self._set(st, "boilerplate", "head.before_nav")
        open_ = [st for st in head if st.role is None]
        for st in open_:
            inner = [o for o in open_ if o is not st and len(o.key) >= self.th.dup_min_chars]
            fused = next((o for o in inner if o.key in st.key and len(st.key) - len(o.key) >= 4), None)
            if fused is None or st.echo:
                continue
            # What the line adds to the headline: site navigation or a title bar (above the headline), or a
            # subtitle that speaks of the body (below it).
            extra = self._units(st) - self._units(fused)
            teaser = "…" in st.residual or "..." in st.residual or self._ends_final(st)
            if (
                body is not None and not teaser and fused.n < st.n and len(extra & body) >= self.th.headline_shared_min
                and self.on("title.fused_subtitle")
            ):
                self._set(st, "title", "title.fused_subtitle")
            else:
                self._set(st, "boilerplate", "title.fused_nav")
        self._short_runs(head)
        titles: list[LineState] = []
        unrelated: list[LineState] = []
        for k, st in enumerate(head):
            if st.role is not None:
                continue
            # Lines of one headline block may paraphrase each other (kicker, headline, subtitle); a
            # look-alike after other material (a teaser, metadata) repeats the headline.
            earlier = [t for t in titles if any(o.role not in ("title", "blank") for o in head[t.n : k])]
            if (st.dup_of is not None and self._caption(head, k)) or (st.echo and titles):
                self._set(st, "title", "title.caption")
            elif st.dup_of is not None or any(self._similar(st, t) for t in earlier):
                self._set(st, "duplicate", "dup.headline" if st.dup_of is None else "dup.repeat")
            elif titles and self.section_number.match(st.residual):
                self._set(st, "title", "title.subhead")
            elif self._symbols(st):
                self._set(st, "boilerplate", "feature.symbols")
            elif self._title_like(st) and st.size <= 20 and self._publisher(st):
                self._set(st, "boilerplate", "head.publisher")
            elif not titles and _ELLIPSIS.search(st.residual) and self.on("teaser.trailing"):
                self._set(st, "boilerplate", "teaser.trailing")
            elif (self._title_like(st) or self._long_headline(st)) and not st.main and not self._related(st, body):
                self._set(st, "boilerplate", "head.no_overlap")
                unrelated.append(st)
            elif self._title_like(st):
                self._set(st, "title", "title.headline")
                titles.append(st)
            elif self._long_headline(st):
                self._set(st, "title", "title.long_headline")
                titles.append(st)
            else:
                st.role = "body"
        # A kicker or subtitle in other words, set solid against a headline (no blank line between), is part of
        # the headline block.
        by_n = {st.n: st for st in head}
        for st in unrelated:
            near = [by_n.get(st.n - 1), by_n.get(st.n + 1)]
            min_size = self.th.kicker_min_words if st.latin else self.th.kicker_min_chars
            if st.size >= min_size and any(o is not None and o.role == "title" and o in titles for o in near):
                self._set(st, "title", "title.kicker")
                titles.append(st)
        # No line above the body speaks of it: a headline in other words (a slogan) may still open the page.
        lead = next((st for st in head if not st.blank), None)
        if not titles and unrelated and unrelated[0] is lead:
            self._set(lead, "title", "title.headline" if self._title_like(lead) else "title.long_headline")

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
        extras = line_features(doc)
        states = [
            self._state(ln.n, ln.start, ln.end, doc.norm_text[ln.start : ln.end], extras.get(ln.n)) for ln in lines
        ]
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


def line_features(doc: Document) -> dict[int, dict]:
    """Per-line features from an earlier stage, by line number: `doc.line_features` when the Document has
    it, else `doc.raw.meta["line_features"]` (a JSON string); a list (one dict or None per line) or a dict
    keyed by line number. Malformed input gives no features, never an error."""
    src = getattr(doc, "line_features", None) or doc.raw.meta.get("line_features")
    try:
        if isinstance(src, (str, bytes)):
            src = json.loads(src)
        if isinstance(src, list):
            items = enumerate(src)
        elif isinstance(src, dict):
            items = ((int(k), v) for k, v in src.items())
        else:
            return {}
        return {n: v for n, v in items if isinstance(v, dict)}
    except (ValueError, TypeError):
        return {}


@register_stage("strip", StripConfig, writes=("lines", "removed", "bylines", "title"))
def make_strip(cfg: StripConfig):
    """Build the strip stage from its rule files."""
    line_rules = load_rules(resource_path(cfg.line_rules))
    inline_rules = load_rules(resource_path(cfg.inline_rules), need_cut=True)
    features = load_rule_file(resource_path(cfg.features), Features)
    widgets = load_rule_file(resource_path(cfg.widgets), Widgets)
    return Stripper(line_rules, inline_rules, features, widgets, tuple(cfg.disable))
