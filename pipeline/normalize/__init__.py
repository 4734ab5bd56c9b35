"""The `normalize` stage: repair scraped text (pinyin readings, mojibake, HTML remnants, invisible and
control characters) with an exact offset map back to the source, then derive the Simplified, half-width
`norm_text` the models read (same length as `text`) and the document's script and language.

Repairs run in passes over the source, each on the text the previous passes produced: clean-up rules,
then mojibake (a damaged run can swallow a pinyin group's character: `a(chǎn)` -> `產(chǎn)`), then pinyin.
Every change is one `Repair` citing its rule id; no pass adds or removes a newline.
"""

from __future__ import annotations

from pydantic import Field

from pipeline.config import StageConfig, resource_path
from pipeline.document import Document
from pipeline.offsets import OffsetMap, TextBuilder
from pipeline.registry import StageError, register_stage
from pipeline.rulefiles import NormalizeRuleFile, as_dict, load_rule_file
from pipeline.schema import Repair


class NormalizeConfig(StageConfig):
    """Settings of the normalize stage."""

    rules: str = Field("configs/normalize/rules.toml", description="clean-up rules and repair thresholds")
    char_freq: str = Field("pipeline/data/char_freq.tsv", description="MSRA character/bigram counts")
    opencc_profile: str = Field("t2s", description="OpenCC profile for norm_text (t2s, tw2s, hk2s, ...)")
    repair_html: bool = True
    repair_mojibake: bool = True
    repair_pinyin: bool = True
    zh_min: float = Field(0.6, ge=0, le=1, description="Han weight from which a text is Chinese")
    en_max: float = Field(0.4, ge=0, le=1, description="Han weight below which a text is English")
    hant_min: float = Field(0.03, ge=0, le=1, description="share of Traditional-only Han characters for zh-Hant")

    def data_files(self):
        """Rules and character counts: both change what the stage does."""
        return [resource_path(self.rules), resource_path(self.char_freq)]

    def check_rule_files(self) -> None:
        """Validate the rule file (RuleFileError names the file and key)."""
        load_rule_file(resource_path(self.rules), NormalizeRuleFile)


class Edits:
    """Non-overlapping replacements of source spans, applied together with an exact offset map."""

    def __init__(self, source: str) -> None:
        self.source = source
        self.items: list[tuple[int, int, str, str, str]] = []  # (start, end, replacement, kind, rule)

    def view(self) -> tuple[str, OffsetMap]:
        """The text with every edit so far applied, and its map back to the source."""
        b = TextBuilder(self.source)
        pos = 0
        for s, e, rep, _, _ in self.items:
            b.keep(pos, s)
            b.replace(s, e, rep)
            pos = e
        b.keep(pos, len(self.source))
        return b.build()

    def add(self, vmap: OffsetMap, vs: int, ve: int, rep: str, kind: str, rule: str) -> bool:
        """Add a replacement of view span [vs, ve); it may swallow earlier edits but not cut one."""
        s, e = vmap.to_source_span(vs, ve)
        if "\n" in self.source[s:e] or "\n" in rep:
            return False
        for a in vmap.anchors:
            t0, tl, kept = a[0], a[2], a[4]
            if not kept and (t0 < vs < t0 + tl or t0 < ve < t0 + tl):
                return False
        self.items = [it for it in self.items if it[1] <= s or it[0] >= e]
        self.items.append((s, e, rep, kind, rule))
        self.items.sort(key=lambda it: (it[0], it[1]))
        return True

    def build(self) -> tuple[str, OffsetMap, list[Repair]]:
        """Final text, map and one Repair per edit."""
        b = TextBuilder(self.source)
        pos = 0
        repairs = []
        for s, e, rep, kind, rule in self.items:
            b.keep(pos, s)
            ts, te = b.replace(s, e, rep)
            repairs.append(
                Repair(
                    kind=kind, rule=rule, source_start=s, source_end=e,
                    original=self.source[s:e], replacement=rep, start=ts, end=te,
                )
            )
            pos = e
        b.keep(pos, len(self.source))
        text, omap = b.build()
        return text, omap, repairs


def _lines(text: str):
    pos = 0
    for line in text.split("\n"):
        yield pos, line
        pos += len(line) + 1


@register_stage("normalize", NormalizeConfig, writes=("text", "norm_text", "source_map", "language", "script", "repairs", "lines"))
def make_normalize(cfg: NormalizeConfig):
    """Load rules, the character model and OpenCC once; return the stage."""
    from pipeline.normalize import cleanup, mojibake, pinyin
    from pipeline.normalize.charmodel import CharModel
    from pipeline.normalize.script import Converter, language

    rules = as_dict(load_rule_file(resource_path(cfg.rules), NormalizeRuleFile))
    try:
        conv = Converter(cfg.opencc_profile)
    except (OSError, ValueError) as exc:
        raise StageError(f"normalize: cannot load OpenCC profile {cfg.opencc_profile!r}: {exc}") from exc
    clean_rules = cleanup.load_rules(rules.get("rule", []))
    mj = rules["mojibake"]
    py = rules["pinyin"]
    model = CharModel(resource_path(cfg.char_freq), conv.char)
    repairer = mojibake.Repairer(model, mj)

    def run(doc: Document) -> Document:
        edits = Edits(doc.raw.text)
        if cfg.repair_html:
            view, vmap = edits.view()
            for base, line in _lines(view):
                for s, e, rep, rule in cleanup.find(clean_rules, line):
                    edits.add(vmap, base + s, base + e, rep, rule.kind, rule.id)
        guessed = 0
        if cfg.repair_mojibake:
            view, vmap = edits.view()
            for base, line in _lines(view):
                for fix in repairer.find(line):
                    if edits.add(vmap, base + fix.start, base + fix.end, fix.replacement, fix.kind, fix.rule):
                        guessed += fix.guessed
        if cfg.repair_pinyin:
            view, vmap = edits.view()
            groups = [
                (base + s, base + e, k) for base, line in _lines(view) for s, e, k in pinyin.scan(line, py["max_chars"])
            ]
            keep = pinyin.accept(groups, py.get("untoned_lower", True), py.get("capital_min_others", 2))
            for (s, e, _), ok in zip(groups, keep):
                if ok:
                    edits.add(vmap, s, e, "", "pinyin", py["id"])
        view, vmap = edits.view()
        damaged = [
            (base + i, ch) for base, line in _lines(view) for i, ch in mojibake.unrecoverable(line)
        ]
        for pos, ch in damaged:
            edits.add(vmap, pos, pos + 1, ch, "unrecoverable", mj["unrecoverable_id"])
        doc.text, doc.source_map, doc.repairs = edits.build()
        if damaged:
            doc.warnings.append(
                f"normalize: {len(damaged)} character(s) lost their bytes ('?'/U+FFFD) and could not be "
                f"recovered ({mj['unrecoverable_id']})"
            )
        if guessed:
            doc.warnings.append(
                f"normalize: {guessed} character(s) that lost a byte (U+FFFD) were guessed from context "
                f"({mj['utf8_as_gbk_id']})"
            )
        doc.norm_text = conv.convert(doc.text)
        if len(doc.norm_text) != len(doc.text):
            raise StageError("normalize: norm_text length differs from text")
        doc.script = conv.script(doc.text)
        doc.language = language(doc.text, doc.script, cfg.zh_min, cfg.en_max, cfg.hant_min)
        doc.lines = doc.default_lines()
        return doc

    return run
