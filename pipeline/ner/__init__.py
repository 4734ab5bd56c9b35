"""The `ner` stage: persons, organizations, places, titles and dates of the kept text, as document-level entities.

A back-end chosen by name (`lac` for Chinese by default, `english` for English) finds entities
sentence by sentence on `doc.norm_text`; the pattern layer (configs/ner/*.toml) adds titles,
bodies with a locale, completed organization names, parks and gazetteer places and fixes the
back-end's boundaries; mentions are then resolved and linked into `doc.entities`. Only
`doc.kept_segments()` are read, so boilerplate lines and cut bylines never yield entities.
"""

from __future__ import annotations

import re

from pydantic import Field, field_validator

from pipeline.config import StageConfig, resource_path
from pipeline.document import Document
from pipeline.registry import StageError, register_stage
from pipeline.text import PIECE_END, cut_long, sentence_spans

CJK = re.compile(r"[\u3400-\u9fff]")
LATIN = re.compile(r"[A-Za-z]")
EN_PLACE_SUFFIXES = (" City", " County", " Province", " District", " Town", " Village", " Autonomous Region")
# English rule ids whose organizations are bodies (places inside them stay places) and whose places are parks
# or named features (a place inside them is part of their name)
EN_KINDS = {"en.org.gov_body": "gov", "en.org.national": "gov", "en.place.park": "park", "en.place.feature": "feature"}


class NerConfig(StageConfig):
    """Settings of the `ner` stage."""

    backend_zh: str = Field("lac", description="back-end for Chinese text: lac, spacy-msra, hanlp, spacy-pkuseg")
    backend_en: str = Field("english", description="back-end for English text")
    model: str | None = Field(None, description="model path or identifier for hanlp / spacy-pkuseg / spacy-msra")
    pkuseg_model: str | None = Field(
        None, description="pkuseg model folder for a blank spacy-pkuseg pipeline and for word_boundaries "
                          "(default there: models/pkuseg-msra)")
    rules: str = "configs/ner/zh_rules.toml"
    surnames: str = "configs/ner/surnames.toml"
    english_rules: str = "configs/ner/english.toml"
    titles: str = Field("configs/titles.toml", description="official title words and rank table (shared with events)")
    gazetteer: str = "pipeline/data/gazetteer_cn.tsv"
    industry_words: str = Field("pipeline/data/industry_words.tsv",
                                description="industry words of company short names (GB/T 4754-2017, scripts/build_industry_words.py)")
    syllables: str = "pipeline/data/pinyin_syllables.txt"
    central_soe: str = Field("pipeline/data/central_soe.tsv",
                             description="central state-owned enterprises and their short names (SASAC's list)")
    disabled_proposers: list[str] = Field(
        default_factory=list,
        description="proposers of the Chinese pattern layer switched off by name (pipeline/ner/proposers.py)")
    extra_proposers: list[str] = Field(
        default_factory=list,
        description="more back-ends whose entities join the candidates where the main back-end found none "
                    "(off by default: pipeline/ner/proposers.py EXTRA_PROPOSERS)")
    word_boundaries: bool = Field(
        False, description="drop model entities whose start or end cuts through a pkuseg word (pipeline/ner/word_bounds.py)")
    max_chunk_chars: int = Field(150, ge=20, description="Chinese sentences longer than this are cut at clause breaks")
    max_chunk_chars_en: int = Field(2000, ge=20, description="the same for English sentences (the rules read whole lists)")

    @field_validator("disabled_proposers")
    @classmethod
    def _known_proposers(cls, names: list[str]) -> list[str]:
        from pipeline.ner.proposers import check_names
        return check_names(names)

    @field_validator("extra_proposers")
    @classmethod
    def _known_extra_proposers(cls, names: list[str]) -> list[str]:
        from pipeline.ner.proposers import check_extra_names
        return check_extra_names(names)

    def data_files(self):
        """Rule and gazetteer files (hashed into the config hash)."""
        return [resource_path(p) for p in (self.rules, self.surnames, self.english_rules, self.titles, self.gazetteer,
                                          self.industry_words, self.syllables, self.central_soe)]

    def check_rule_files(self) -> None:
        """Validate the rule files (RuleFileError names the file and key)."""
        from pipeline.rulefiles import load_en_rules, load_surnames, load_zh_rules

        load_zh_rules(resource_path(self.rules), resource_path(self.titles))
        load_en_rules(resource_path(self.english_rules), resource_path(self.titles))
        load_surnames(resource_path(self.surnames))


def chunks(text: str, segments: list[tuple[int, int]], max_chars: int) -> list[tuple[int, int]]:
    """(start, end) of the sentences of the kept segments, long ones cut at clause breaks."""
    return [(s, e) for seg in segments for start, end in sentence_spans(text, *seg, ends=PIECE_END)
            for s, e in cut_long(text, start, end, max_chars) if text[s:e].strip()]


def route(language: str, text: str) -> tuple[bool, bool]:
    """(run the Chinese path, run the English path) for a document's language."""
    if language.startswith("zh"):
        return True, False
    if language == "en":
        return False, True
    if language == "mixed":
        return True, True
    cjk, latin = len(CJK.findall(text)), len(LATIN.findall(text))
    return cjk >= latin, latin > cjk


@register_stage("ner", NerConfig, writes=("entities",))
def make_ner(cfg: NerConfig):
    """Load the back-ends, rules and gazetteer once; return the stage function."""
    from pipeline.ner.backends import import_spacy_without_torch, load_backend, torch_needed

    torch_free = not torch_needed([cfg.backend_zh, cfg.backend_en, *cfg.extra_proposers], cfg.model)

    def spacy_first() -> None:
        """Before anything that may import spaCy: import it without torch when nothing configured needs torch."""
        if torch_free:
            import_spacy_without_torch()

    from pipeline.ner.english import EnglishRules
    from pipeline.ner.gazetteer import Gazetteer
    from pipeline.ner.link import complete_persons, link, resolve
    from pipeline.ner.zh_rules import Cand, ChineseRules

    gaz = Gazetteer.load(resource_path(cfg.gazetteer))
    zh_rules = ChineseRules(resource_path(cfg.rules), resource_path(cfg.surnames), gaz, resource_path(cfg.industry_words),
                            disabled=set(cfg.disabled_proposers), soe_path=resource_path(cfg.central_soe),
                            titles_path=resource_path(cfg.titles))
    english: list[EnglishRules] = []

    def en_rules() -> EnglishRules:
        # Built on the first document with English text: a Chinese-only batch never pays for the span_ruler
        # (about 50 MB and a few seconds per worker). Its rule files were validated with the config.
        if not english:
            spacy_first()
            english.append(EnglishRules(resource_path(cfg.english_rules), resource_path(cfg.surnames),
                                        resource_path(cfg.syllables), gaz, titles_path=resource_path(cfg.titles)))
        return english[0]

    backends: dict[str, object] = {}

    def backend(name: str):
        if name not in backends:
            if name != "lac":  # LAC is ONNX; the others load spaCy (or torch, for which nothing is blocked)
                spacy_first()
            if name == "english":
                backends[name] = load_backend(name, rules=en_rules())
            else:
                backends[name] = load_backend(name, model=cfg.model, pkuseg_model=cfg.pkuseg_model) \
                    if name in ("hanlp", "spacy-pkuseg") else load_backend(name, **_msra_options(name, cfg))
        return backends[name]

    backend(cfg.backend_zh)  # fail at start-up, not on the first document, when a back-end is missing
    if cfg.extra_proposers:
        spacy_first()
    extra = {name: load_backend(name) for name in cfg.extra_proposers if name != cfg.backend_zh}
    bounds = None
    if cfg.word_boundaries:
        from pipeline.ner.word_bounds import DEFAULT_MODEL, WordBoundaries
        bounds = WordBoundaries(cfg.pkuseg_model or DEFAULT_MODEL)
    place_suffixes = zh_rules.place_suffixes + EN_PLACE_SUFFIXES

    def run(doc: Document) -> Document:
        if len(doc.norm_text) != len(doc.text):
            raise StageError("norm_text and text differ in length: offsets would not match")
        segments = doc.kept_segments()
        pieces = chunks(doc.norm_text, segments, cfg.max_chunk_chars)
        texts = [doc.norm_text[s:e] for s, e in pieces]
        use_zh, use_en = route(doc.language, "".join(texts))
        cands: list[Cand] = []
        if use_zh and texts:
            found = backend(cfg.backend_zh).predict(texts)
            for other in extra.values():
                found = [add_unclaimed(ents, more) for ents, more in zip(found, other.predict(texts), strict=True)]
            for (s, _), text, ents in zip(pieces, texts, found, strict=True):
                for c in zh_rules.find(text, ents):
                    c.start += s
                    c.end += s
                    cands.append(c)
            if bounds is not None:
                cands = bounds.filter(cands, doc.norm_text, pieces)
            cands += zh_rules.speaker_labels(doc.norm_text, segments)
        if use_en and texts:
            pieces = chunks(doc.norm_text, segments, cfg.max_chunk_chars_en)
            texts = [doc.norm_text[s:e] for s, e in pieces]
            for (s, _), ents in zip(pieces, backend(cfg.backend_en).predict(texts), strict=True):
                for e in ents:
                    key = en_rules().place_key(doc.norm_text[s + e.start:s + e.end]) if e.label == "PLACE" else ""
                    cands.append(Cand(s + e.start, s + e.end, e.label, e.source, kind=EN_KINDS.get(e.source, ""),
                                      key=key))
        complete_persons(cands, doc.norm_text)
        mentions = resolve(cands)
        entities = link(mentions, doc.text, doc.norm_text, doc.bylines, place_suffixes, zh_rules.surname_len)
        # the document-level lists hold what the body names: a name only in a headline is not listed
        body = doc.body_segments()
        doc.entities = [e for e in entities if e.type not in ("PERSON", "ORG", "PLACE")
                        or any(s <= m.start < t for m in e.mentions for s, t in body)]
        return doc

    return run


def add_unclaimed(ents: list, more: list) -> list:
    """The main back-end's entities plus those of another that overlap none of them (an extra proposer fills gaps)."""
    return ents + [m for m in more if not any(m.start < e.end and e.start < m.end for e in ents)]


def _msra_options(name: str, cfg: NerConfig) -> dict:
    """spacy-msra takes `model_path`; lac takes nothing from the config."""
    return {"model_path": cfg.model} if name == "spacy-msra" else {}
