"""pipeline/text.py: sentence spans with offsets, width folds that keep length, the OpenCC factory, and
that the stages use these helpers instead of their own copies."""

from __future__ import annotations

import re
import unicodedata
from pathlib import Path

from hypothesis import given
from hypothesis import strategies as st

from pipeline.events.text import sentences
from pipeline.ner import chunks
from pipeline.ner.spacy_msra import pieces
from pipeline.text import (
    CLAUSE_END,
    HAN_CHAR,
    PIECE_END,
    WIDE_SPACES,
    convert_same_length,
    cut_long,
    fold_width,
    half_width,
    nfkc_chars,
    opencc_converter,
    sentence_spans,
    strip_span,
)

PIPELINE = Path(__file__).resolve().parent.parent / "pipeline"


def texts(spans, text):
    return [text[s:e] for s, e in spans]


# ---- sentences -----------------------------------------------------------------------------------------
def test_sentence_spans_keep_closing_quotes_and_offsets():
    text = "前言\n县长说：“要抓紧。”随后察看了车间！最后一句"
    start = text.index("县")
    spans = sentence_spans(text, start)
    assert texts(spans, text) == ["县长说：“要抓紧。”", "随后察看了车间！", "最后一句"]
    assert spans[0][0] == start and spans[-1][1] == len(text)


def test_sentence_spans_english_full_stop_needs_a_capital_after_it():
    text = "The mayor visited No. 3 plant on Jan. 5. He then met staff. Done."
    assert texts(sentence_spans(text), text) == ["The mayor visited No. 3 plant on Jan. 5.", " He then met staff.", " Done."]


def test_sentence_spans_drop_blank_pieces_and_stay_inside_the_region():
    text = "甲。  乙。"
    assert texts(sentence_spans(text, 0, 4), text) == ["甲。"]
    assert texts(sentence_spans(text, 1), text) == ["。", "  乙。"]
    assert sentence_spans("   ") == []


def test_piece_end_cuts_at_semicolons_and_line_breaks():
    text = "一是抓项目；二是抓招商\n三是抓服务. Next"
    assert texts(sentence_spans(text, ends=PIECE_END), text) == ["一是抓项目；", "二是抓招商\n", "三是抓服务. ", "Next"]


def test_cut_long_cuts_after_the_last_clause_break():
    text = "甲" * 6 + "，" + "乙" * 10
    parts = cut_long(text, 0, len(text), 10)
    assert texts(parts, text) == ["甲" * 6 + "，", "乙" * 10]
    hard = "丙" * 25
    assert [e - s for s, e in cut_long(hard, 0, 25, 10)] == [10, 10, 5]


def test_strip_span():
    assert strip_span("  ab  ", 0, 6) == (2, 4)
    assert strip_span("a   b", 1, 4) is None


@given(st.text(alphabet="甲乙，。！？；;\n .ABab", max_size=80), st.integers(min_value=3, max_value=20))
def test_callers_cover_their_text_in_order(text, limit):
    """NER chunks, model pieces and event sentences are in order, inside the text, non-blank and short enough."""
    for spans, bound in ((chunks(text, [(0, len(text))], limit), limit), (list(pieces(text, limit)), limit),
                         (sentences(text, [(0, len(text))]), len(text))):
        ends = [0]
        for s, e in spans:
            assert ends[-1] <= s < e <= len(text) and e - s <= bound and text[s:e].strip()
            ends.append(e)


def test_clause_end():
    assert [m.group() for m in CLAUSE_END.finditer("甲，乙：丙。d. E")] == ["，", "：", "。", "."]


# ---- width ---------------------------------------------------------------------------------------------
def test_fold_width():
    assert "".join(map(fold_width, "ＡＢＣ１２３（）\u3000\u00a0")) == "ABC123()  "
    assert fold_width("\u00a0", spaces=frozenset({0x3000})) == "\u00a0"
    assert half_width("Ｒ＆Ｄ中心\u2003１号") == "R&D中心 1号"


def test_nfkc_chars_keeps_length_where_nfkc_would_not():
    assert nfkc_chars("①号…㈠ＡＢ") == "1号…㈠AB"
    assert nfkc_chars("…", keep_length=False) == "..."


@given(st.text(max_size=60))
def test_folds_keep_every_offset(text):
    for folded in (half_width(text), nfkc_chars(text), "".join(map(fold_width, text))):
        assert len(folded) == len(text)
    for a, b in zip(half_width(text), text):
        assert a == b or ord(b) in WIDE_SPACES or 0xFF01 <= ord(b) <= 0xFF5E
    assert nfkc_chars(text, keep_length=False) == unicodedata.normalize("NFKC", text)


# ---- OpenCC --------------------------------------------------------------------------------------------
def test_opencc_converter_is_built_once_per_profile():
    assert opencc_converter("t2s") is opencc_converter("t2s")
    assert opencc_converter("t2s") is not opencc_converter("s2t")
    assert opencc_converter("t2s").convert("縣長調研") == "县长调研"


class _Widening:
    """A converter that writes one character as two (as some OpenCC phrase tables do)."""

    def convert(self, text: str) -> str:
        return text.replace("乾", "干干").replace("後", "后")


def test_convert_same_length_splits_only_what_changes_length():
    out = convert_same_length(_Widening(), "之後乾杯後")
    assert out == "之后乾杯后"


@given(st.text(alphabet="臺灣發展後乾隆著名嶽陽樓記錄", max_size=30))
def test_convert_same_length_keeps_length(text):
    assert len(convert_same_length(opencc_converter("t2s"), text)) == len(text)


# ---- one of each ---------------------------------------------------------------------------------------
def test_no_stage_builds_its_own_fold_or_converter():
    """Full-width folds, OpenCC converters and NFKC calls live in pipeline/text.py only."""
    own = re.compile(r"0xFEE0|opencc\.OpenCC\(|unicodedata\.normalize\(\"NFKC\"")
    offenders = [str(p.relative_to(PIPELINE)) for p in PIPELINE.rglob("*.py")
                 if p.name != "text.py" and own.search(p.read_text(encoding="utf-8"))]
    assert offenders == []


def test_han_class():
    assert HAN_CHAR.match("中") and HAN_CHAR.match("\u3400") and HAN_CHAR.match("\uf900")
    assert not HAN_CHAR.match("a") and not HAN_CHAR.match("。")
