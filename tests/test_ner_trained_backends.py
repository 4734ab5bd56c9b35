"""The trained hanlp and spacy-pkuseg back-ends, the pkuseg segmenter, word boundaries and extra proposers.

The committed models are run for real (models/hanlp-msra, models/pkuseg-msra), both trainers are run on a few
made-up sentences in seconds, and a spacy-pkuseg pipeline is built on the committed segmenter. Tests that need HanLP and torch (the `hanlp`
extra) skip, saying so, where they are not installed.
"""

from __future__ import annotations

import importlib.util
import json

import pytest

from pipeline.config import resource_path
from pipeline.ner import NerConfig, add_unclaimed
from pipeline.ner.backends import load_backend
from pipeline.ner.base import BackendUnavailable, RawEntity
from pipeline.ner.hanlp import tags_to_spans
from pipeline.ner.train import Sentence
from pipeline.ner.train_hanlp import iobes_tags, write_tsv
from pipeline.ner.train_pkuseg import entity_words, train_model, word_f1
from pipeline.ner.word_bounds import WordBoundaries, inner_positions, is_model_source
from pipeline.ner.zh_rules import Cand
from pipeline.registry import get_stage

HAS_HANLP = importlib.util.find_spec("hanlp") is not None and importlib.util.find_spec("torch") is not None
needs_hanlp = pytest.mark.skipif(not HAS_HANLP, reason="needs the hanlp extra: pip install 'zh-events[hanlp]'")

# made-up sentences with their entities (PER, LOC, ORG), for the trainers
SENTS = [
    Sentence("周海明在嘉禾县考察。", [(0, 3, "PER"), (4, 7, "LOC")]),
    Sentence("林秀英来到青川市调研。", [(0, 3, "PER"), (5, 8, "LOC")]),
    Sentence("蓝湾电子公司在石门县投产。", [(0, 6, "ORG"), (7, 10, "LOC")]),
    Sentence("郑立新会见了远山机械公司负责人。", [(0, 3, "PER"), (6, 12, "ORG")]),
    Sentence("何晓东说，白河镇的产业正在发展。", [(0, 3, "PER"), (5, 8, "LOC")]),
    Sentence("今天天气很好。", []),
]


# --- HanLP: training data, tag decoding -------------------------------------------------------------------------

def test_iobes_tags_and_tsv(tmp_path):
    assert iobes_tags(Sentence("周海明在嘉禾县", [(0, 3, "PER"), (4, 7, "LOC")])) == [
        "B-PER", "I-PER", "E-PER", "O", "B-LOC", "I-LOC", "E-LOC"]
    assert iobes_tags(Sentence("在京", [(1, 2, "LOC")])) == ["O", "S-LOC"]
    write_tsv([Sentence("在 京", [(2, 3, "LOC")]), Sentence(" ", [])], tmp_path / "a.tsv")
    assert (tmp_path / "a.tsv").read_text(encoding="utf-8") == "在\tO\n京\tS-LOC\n\n"  # spaces and blank sentences left out


def test_tags_to_spans_is_lenient():
    assert tags_to_spans(["B-PER", "I-PER", "E-PER", "O", "S-LOC"]) == [("", "PER", 0, 3), ("", "LOC", 4, 5)]
    # an E- without B-, an entity cut by another label, a B- never closed: no tag is lost, nothing raises
    assert tags_to_spans(["E-ORG", "B-PER", "B-LOC", "E-LOC", "B-ORG", "I-ORG"]) == [
        ("", "ORG", 0, 1), ("", "PER", 1, 2), ("", "LOC", 2, 4), ("", "ORG", 4, 6)]
    assert tags_to_spans(["B-PER", "E-LOC"]) == [("", "PER", 0, 1), ("", "LOC", 1, 2)]
    assert tags_to_spans(["B-LOC", "I-LOC", "O"]) == [("", "LOC", 0, 2)]  # BIO reads too
    assert tags_to_spans([]) == []


@needs_hanlp
def test_committed_hanlp_model_finds_entities_offline():
    assert (resource_path("models/hanlp-msra") / "model.pt").is_file()
    backend = load_backend("hanlp")
    texts = ["中国人民银行行长在北京会见了美国客人。", "", "  ", "欢迎 来到上海市"]
    out = backend.predict(texts)
    assert len(out) == 4 and out[1] == [] and out[2] == []
    for text, ents in zip(texts, out, strict=True):
        for e in ents:
            assert 0 <= e.start < e.end <= len(text) and e.label in ("PERSON", "PLACE", "ORG")
            assert text[e.start:e.end].strip() == text[e.start:e.end]
    found = {(texts[0][e.start:e.end], e.label) for e in out[0]}
    assert ("北京", "PLACE") in found
    assert any(e.label == "PLACE" and "上海" in texts[3][e.start:e.end] for e in out[3])


@needs_hanlp
def test_train_hanlp_in_seconds_and_load_back(tmp_path):
    from pipeline.ner.hanlp import HanlpBackend
    from pipeline.ner.train_hanlp import train

    out = tmp_path / "model"
    minutes = train(SENTS * 8, SENTS, out, tmp_path / "work", max_minutes=0.5, epochs=2, embed=16, hidden=16,
                    batch_size=8, lr=0.01)
    assert minutes < 1
    config = json.loads((out / "config.json").read_text(encoding="utf-8"))
    assert config["classpath"] == "hanlp.components.ner.rnn_ner.RNNNamedEntityRecognizer"
    assert not (out / "train.log").exists()
    backend = HanlpBackend(str(out))
    [ents, none] = backend.predict(["周海明在嘉禾县考察。", ""])
    assert none == [] and all(0 <= e.start < e.end <= 10 for e in ents)


# --- pkuseg: training data, the segmenter, word boundaries ----------------------------------------------------

def test_entity_words_keep_entities_whole():
    text = "周海明在嘉禾县考察"
    # a segmentation that splits the name and joins the place with the next word
    words = ["周", "海明", "在嘉", "禾县", "考察"]
    assert entity_words(text, words, [(0, 3, "PER"), (4, 7, "LOC")]) == ["周海明", "在", "嘉禾县", "考察"]
    assert entity_words("a b", ["a b"], []) == ["a", "b"]  # whitespace is never part of a word
    with pytest.raises(ValueError):
        entity_words("abc", ["ab"], [])


def test_word_f1():
    assert word_f1(["周海明 在 嘉禾县"], [["周海明", "在", "嘉禾县"]]) == 1.0
    assert word_f1(["周海明 在"], [["周", "海明在"]]) == 0.0


def test_train_pkuseg_in_seconds(tmp_path):
    import spacy_pkuseg

    lines = [" ".join(entity_words(s.text, list(s.text), s.spans)) for s in SENTS] * 5
    train_model(lines, lines[:6], tmp_path / "seg", iterations=2)
    assert {p.name for p in (tmp_path / "seg").iterdir()} == {"features.msgpack", "weights.npz"}
    words = spacy_pkuseg.pkuseg(model_name=str(tmp_path / "seg"), user_dict=None).cut("周海明在嘉禾县考察。")
    assert "".join(words) == "周海明在嘉禾县考察。"


def test_committed_pkuseg_model_keeps_names_whole():
    bounds = WordBoundaries()
    text = "市长张建国在人民政府大楼会见了客人。"
    words = bounds.words(text)
    assert "".join(words) == text
    assert "人民" not in words or "政府" in words  # one way or the other, 民政 is never a word here
    assert "民政" not in words
    # whitespace pkuseg drops is given back, so positions stay true
    assert "".join(bounds.words("张 建国 在\n北京")) == "张 建国 在\n北京"


def test_inner_positions_and_sources():
    assert inner_positions(["周海明", "在", "嘉禾县"]) == {1, 2, 5, 6}
    assert is_model_source("lac") and is_model_source("hanlp") and not is_model_source("zh.org.suffix")


def test_word_boundaries_drop_model_entities_cutting_a_word():
    bounds = WordBoundaries()
    text = "我们在人民政府门口等他。"
    words = bounds.words(text)
    inner = inner_positions(words)
    # 民政 cuts through whatever word holds 人民政府's characters, unless pkuseg made 民 a word edge
    cands = [Cand(4, 6, "ORG", "lac"), Cand(4, 6, "ORG", "zh.org.test"), Cand(3, 7, "ORG", "lac")]
    kept = bounds.filter(cands, text, [(0, len(text))])
    cut = 4 in inner or 6 in inner
    assert (Cand(4, 6, "ORG", "lac") in kept) is not cut
    assert Cand(4, 6, "ORG", "zh.org.test") in kept  # a rule's candidate is kept
    assert (Cand(3, 7, "ORG", "lac") in kept) is not (3 in inner or 7 in inner)
    assert cut, f"pkuseg words {words}: 民政 should cut a word"


def test_word_boundaries_missing_model(tmp_path):
    with pytest.raises(BackendUnavailable, match="train-pkuseg"):
        WordBoundaries(tmp_path)


# --- spacy-pkuseg: a pipeline on the committed segmenter -------------------------------------------------------

@pytest.fixture(scope="module")
def pkuseg_pipeline(tmp_path_factory):
    """A spaCy pipeline with the pkuseg tokenizer (models/pkuseg-msra) and an NER trained here in seconds."""
    import random

    import spacy
    from spacy.training import Example
    from spacy.util import filter_spans

    segmenter = str(resource_path("models/pkuseg-msra"))
    nlp = spacy.blank("zh", config={"nlp": {"tokenizer": {"segmenter": "pkuseg"}},
                                    "initialize": {"tokenizer": {"pkuseg_model": segmenter}}})
    nlp.tokenizer.initialize(pkuseg_model=segmenter)
    nlp.add_pipe("ner")
    examples = []
    for sent in SENTS:
        doc = nlp.make_doc(sent.text)
        spans = [doc.char_span(s, e, label=lab, alignment_mode="expand") for s, e, lab in sent.spans]
        ref = nlp.make_doc(sent.text)
        ref.ents = filter_spans([sp for sp in spans if sp is not None])
        examples.append(Example(doc, ref))
    optimizer = nlp.initialize(lambda: examples)
    rng = random.Random(0)
    for _ in range(30):
        rng.shuffle(examples)
        nlp.update(examples, sgd=optimizer, drop=0.0)
    path = tmp_path_factory.mktemp("spacy-pkuseg") / "model"
    nlp.to_disk(path)
    return path


def test_spacy_pkuseg_backend_on_pkuseg_words(pkuseg_pipeline):
    backend = load_backend("spacy-pkuseg", model=str(pkuseg_pipeline))
    assert backend._nlp.tokenizer.segmenter == "pkuseg"
    text = "周海明在嘉禾县考察。"
    assert len(backend._nlp.make_doc(text)) < len(text)  # words, not characters
    texts = [text, "", "ＡＢＣ公司在上海"]
    out = backend.predict(texts)
    assert len(out) == 3 and out[1] == []
    for t, ents in zip(texts, out, strict=True):
        assert all(0 <= e.start < e.end <= len(t) and e.source == "spacy-pkuseg" for e in ents)
    # the training sentence comes back with its entities, under the project's labels
    assert {(text[e.start:e.end], e.label) for e in out[0]} == {("周海明", "PERSON"), ("嘉禾县", "PLACE")}


def test_spacy_pkuseg_default_model_missing_says_how_to_build(monkeypatch):
    import pipeline.ner.spacy_pkuseg as sp

    monkeypatch.setattr(sp, "DEFAULT_MODEL", "models/no-such-pipeline")  # as in a checkout that has not built it
    with pytest.raises(BackendUnavailable, match="make models/spacy-pkuseg-msra"):
        sp.SpacyPkusegBackend(model=None)


# --- the stage: switches ---------------------------------------------------------------------------------------

def test_add_unclaimed():
    main = [RawEntity(0, 3, "PERSON", "lac")]
    more = [RawEntity(1, 2, "PLACE", "hanlp"), RawEntity(4, 7, "PLACE", "hanlp")]
    assert add_unclaimed(main, more) == [main[0], more[1]]


def test_extra_proposer_names_are_checked():
    with pytest.raises(ValueError, match="unknown extra NER proposer"):
        NerConfig(extra_proposers=["nope"])
    assert NerConfig(extra_proposers=["hanlp"]).extra_proposers == ["hanlp"]
    assert NerConfig().extra_proposers == [] and NerConfig().word_boundaries is False


def _run_stage(cfg: NerConfig, text: str):
    from pipeline.document import Document
    from pipeline.schema import RawDocument

    raw = RawDocument(doc_id="t", source_path="t.txt", source_format="txt", sha256="0", n_bytes=len(text.encode()),
                      encoding="utf-8", encoding_confidence=1.0, text=text)
    doc = Document.from_raw(raw)
    for name in ("normalize", "strip"):
        spec = get_stage(name)
        doc = spec.factory(spec.config_cls())(doc)
    spec = get_stage("ner")
    return spec.factory(cfg)(doc)


ARTICLE = ("青川市召开产业发展大会\n\n"
           "5月8日，青川市委书记周海明在石门县调研蓝湾电子有限公司，了解企业生产情况。\n"
           "周海明强调，要做好服务保障工作，推动产业高质量发展。\n")


def test_stage_with_word_boundaries_and_an_extra_proposer():
    base = _run_stage(NerConfig(), ARTICLE)
    for cfg in (NerConfig(word_boundaries=True), NerConfig(extra_proposers=["spacy-msra"])):
        doc = _run_stage(cfg, ARTICLE)
        names = {(e.type, e.text) for e in doc.entities}
        assert ("PERSON", "周海明") in names
        for e in doc.entities:
            for m in e.mentions:
                assert doc.text[m.start:m.end] == m.text
        assert len(doc.entities) >= len(base.entities) - 2


@needs_hanlp
def test_stage_with_the_hanlp_backend():
    doc = _run_stage(NerConfig(backend_zh="hanlp"), ARTICLE)
    assert ("PERSON", "周海明") in {(e.type, e.text) for e in doc.entities}
    for e in doc.entities:
        for m in e.mentions:
            assert doc.text[m.start:m.end] == m.text
