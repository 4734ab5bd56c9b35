"""The spacy-msra NER back-end: MSRA BMES conversion, scorer, text pieces, the committed model, error paths."""

from __future__ import annotations

from pathlib import Path

import pytest

from pipeline.ner.base import LABELS, BackendUnavailable
from pipeline.ner.spacy_msra import DEFAULT_MODEL, SpacyMsraBackend, pieces
from pipeline.ner.train import MsraFormatError, bmes_to_spans, main, read_msra, score_spans


# --- BMES -> spans -----------------------------------------------------------------------------


def test_bmes_well_formed_multi_and_single_char_entities():
    tags = ["B-PER", "M-PER", "E-PER", "O", "S-LOC", "B-ORG", "E-ORG", "S-PER"]
    assert bmes_to_spans(tags) == [(0, 3, "PER"), (4, 5, "LOC"), (5, 7, "ORG"), (7, 8, "PER")]


def test_bmes_all_outside_and_empty():
    assert bmes_to_spans(["O", "O"]) == []
    assert bmes_to_spans([]) == []


@pytest.mark.parametrize(
    ("tags", "spans"),
    [
        (["B-PER", "O"], [(0, 1, "PER")]),  # never closed: ends at its last tagged character
        (["B-ORG", "M-ORG"], [(0, 2, "ORG")]),  # still open at the end of the sentence
        (["O", "M-LOC", "E-LOC"], [(1, 3, "LOC")]),  # stray M- starts an entity
        (["E-PER", "O"], [(0, 1, "PER")]),  # stray E- is a one-character entity
        (["B-PER", "E-LOC"], [(0, 1, "PER"), (1, 2, "LOC")]),  # label changes mid-entity
        (["B-LOC", "B-LOC", "E-LOC"], [(0, 1, "LOC"), (1, 3, "LOC")]),  # B- inside an entity starts a new one
        (["B-LOC", "S-PER", "E-LOC"], [(0, 1, "LOC"), (1, 2, "PER"), (2, 3, "LOC")]),
    ],
)
def test_bmes_malformed_sequences_keep_every_tagged_character(tags, spans):
    assert bmes_to_spans(tags) == spans


@pytest.mark.parametrize("tag", ["X-PER", "B-", "BPER", "b-PER", ""])
def test_bmes_unknown_tag_is_an_error(tag):
    with pytest.raises(MsraFormatError, match="neither O nor"):
        bmes_to_spans(["O", tag])


# --- MSRA reader -------------------------------------------------------------------------------


def test_read_msra_crlf_blank_lines_and_half_width(tmp_path: Path):
    f = tmp_path / "msra.txt"
    lines = ["李 B-PER", "明 E-PER", "到 O", "Ｂ B-ORG", "Ｂ M-ORG", "Ｃ E-ORG", "", "", "沪 S-LOC", "１ O"]
    f.write_bytes("\r\n".join(lines).encode("utf-8"))
    sents = list(read_msra(f))
    assert [s.text for s in sents] == ["李明到BBC", "沪1"]
    assert sents[0].spans == [(0, 2, "PER"), (3, 6, "ORG")]
    assert sents[1].spans == [(0, 1, "LOC")]
    assert [s.text for s in read_msra(f, limit=1)] == ["李明到BBC"]


def test_read_msra_bad_line_names_file_and_line(tmp_path: Path):
    f = tmp_path / "bad.txt"
    f.write_text("李 B-PER\n明明 E-PER\n", encoding="utf-8")
    with pytest.raises(MsraFormatError, match=r"bad\.txt:2: expected '<one character> <tag>'"):
        list(read_msra(f))


def test_read_msra_bad_tag_names_the_sentence(tmp_path: Path):
    f = tmp_path / "bad.txt"
    f.write_text("李 B-PER\n明 Q-PER\n\n", encoding="utf-8")
    with pytest.raises(MsraFormatError, match=r"bad\.txt: sentence ending before line 3: tag 'Q-PER'"):
        list(read_msra(f))


# --- scorer ------------------------------------------------------------------------------------


def test_score_spans_exact_match_per_label_and_overall():
    gold = [[(0, 2, "PERSON"), (3, 5, "PLACE")], [(0, 4, "ORG")]]
    pred = [[(0, 2, "PERSON"), (3, 6, "PLACE")], [(0, 4, "ORG"), (5, 6, "PLACE")]]
    s = score_spans(gold, pred)
    assert s["PERSON"] == {"p": 1.0, "r": 1.0, "f1": 1.0, "tp": 1, "gold": 1, "pred": 1}
    assert (s["PLACE"]["tp"], s["PLACE"]["gold"], s["PLACE"]["pred"], s["PLACE"]["f1"]) == (0, 1, 2, 0.0)
    assert (s["ALL"]["tp"], s["ALL"]["gold"], s["ALL"]["pred"]) == (2, 3, 4)
    assert s["ALL"]["p"] == pytest.approx(0.5)
    assert s["ALL"]["r"] == pytest.approx(2 / 3)
    assert s["ALL"]["f1"] == pytest.approx(4 / 7)


# --- text pieces -------------------------------------------------------------------------------


def test_pieces_cut_after_sentence_ends_and_lines_and_skip_blanks():
    text = "第一句。第二句！\n\n  第三行\n"
    assert [text[s:e] for s, e in pieces(text)] == ["第一句。", "第二句！", "第三行"]


def test_pieces_long_sentence_cut_at_last_clause_break_else_hard():
    text = "甲" * 6 + "，" + "乙" * 6 + "。"
    assert [text[s:e] for s, e in pieces(text, max_chars=10)] == ["甲" * 6 + "，", "乙" * 6 + "。"]
    run_on = "丙" * 25
    assert [run_on[s:e] for s, e in pieces(run_on, max_chars=10)] == ["丙" * 10, "丙" * 10, "丙" * 5]


# --- the back-end ------------------------------------------------------------------------------


def test_missing_model_says_how_to_train(tmp_path: Path):
    with pytest.raises(BackendUnavailable, match="zh-events train-ner --output"):
        SpacyMsraBackend(tmp_path / "no-model")


def test_train_ner_without_corpus_is_an_error(tmp_path: Path, capsys):
    assert main(["--data-dir", str(tmp_path)]) == 2
    assert "msra_train.txt" in capsys.readouterr().err


@pytest.fixture(scope="module")
def backend() -> SpacyMsraBackend:
    return SpacyMsraBackend(DEFAULT_MODEL)


def _found(text: str, ents) -> set[tuple[str, str]]:
    for e in ents:
        assert text[e.start : e.end], e  # offsets land inside the text they came from
        assert e.source == "spacy-msra" and e.label in LABELS and e.label != "DATE"
    return {(text[e.start : e.end], e.label) for e in ents}


def test_backend_maps_labels_with_offsets_into_each_text(backend):
    texts = [
        "王建国昨天在杭州市会见了浙江大学的代表。",
        "",
        "会上，李红梅介绍了广东省的情况。\n随后，北京大学代表发言。",
    ]
    out = backend.predict(texts)
    assert len(out) == 3 and out[1] == []
    assert {("王建国", "PERSON"), ("杭州市", "PLACE"), ("浙江大学", "ORG")} <= _found(texts[0], out[0])
    found = _found(texts[2], out[2])
    assert {("李红梅", "PERSON"), ("广东省", "PLACE"), ("北京大学", "ORG")} <= found
    # the entity after the line break carries an offset into the whole text, not into its line
    assert texts[2].index("北京大学") in {e.start for e in out[2]}


def test_backend_full_width_input_keeps_offsets(backend):
    text = "（记者）王建国在杭州市说，２０２４年要办好。"
    ents = backend.predict([text])[0]
    assert ("杭州市", "PLACE") in _found(text, ents)
