"""Property tests (hypothesis) and the clean-corpus check of the normalize stage."""

from __future__ import annotations

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from normalize_cases import msra_sentences
from pipeline.config import REPO_ROOT
from pipeline.document import Document
from pipeline.registry import get_stage
from pipeline.schema import RawDocument

_spec = get_stage("normalize")
RUN = _spec.factory(_spec.config_cls())


def norm(text: str) -> Document:
    raw = RawDocument(
        doc_id="p", source_path="p", source_format="txt", sha256="0", n_bytes=0,
        encoding="utf-8", encoding_confidence=1.0, text=text,
    )
    return RUN(Document.from_raw(raw))


def _common_chars(n: int) -> str:
    out = []
    for line in (REPO_ROOT / "pipeline/data/char_freq.tsv").read_text(encoding="utf-8").split("\n"):
        k = line.split("\t")[0]
        if len(k) == 1 and "\u4e00" <= k <= "\u9fff":
            out.append(k)
        if len(out) >= n:
            break
    return "".join(out)


COMMON = _common_chars(600)
TRAD = "產業發展調研鎮蘋關報強堅轉務質區會議書記國際經濟"
clean_piece = st.one_of(
    st.text(alphabet=COMMON + TRAD, min_size=1, max_size=12),
    st.text(alphabet="abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789 ,.;:-", min_size=1, max_size=12),
    st.sampled_from(["\n", "(2021)", "(記者 王雷)", "(平臺)", "(Group)", "，", "。", "“", "”", "\u3000", "ＡＢ"]),
)


def _reading(ch: str, toned: bool = True) -> str:
    from pypinyin import Style, pinyin

    return pinyin(ch, style=Style.TONE if toned else Style.NORMAL)[0][0]


@st.composite
def with_pinyin(draw):
    """(damaged, clean): clean text with some Traditional characters followed by their reading, toned or
    untoned lower case (both are removed)."""
    parts, clean = [], []
    toned = draw(st.booleans())
    for _ in range(draw(st.integers(1, 8))):
        if draw(st.booleans()):
            ch = draw(st.sampled_from(TRAD))
            parts.append(ch + "(" + _reading(ch, toned) + ")")
            clean.append(ch)
        else:
            piece = draw(clean_piece)
            parts.append(piece)
            clean.append(piece)
    return "".join(parts), "".join(clean)


def check_map(doc: Document) -> None:
    raw, text, m = doc.raw.text, doc.text, doc.source_map
    assert len(doc.norm_text) == len(text)
    assert text.count("\n") == raw.count("\n")
    prev = 0
    for i in range(len(text) + 1):
        j = m.to_source(i)
        assert j >= prev
        prev = j
    assert m.to_source(len(text)) == len(raw)
    for t0, s0, tl, sl, kept in m.anchors:
        if kept:
            assert text[t0 : t0 + tl] == raw[s0 : s0 + sl]
    for r in doc.repairs:
        assert text[r.start : r.end] == r.replacement and raw[r.source_start : r.source_end] == r.original


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(clean_piece, min_size=1, max_size=10).map("".join))
def test_clean_text_unchanged(text):
    doc = norm(text)
    check_map(doc)
    assert doc.text == text
    assert doc.repairs == []


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(with_pinyin())
def test_pinyin_removed_offsets_exact(case):
    damaged, clean = case
    doc = norm(damaged)
    check_map(doc)
    assert doc.text == clean
    assert all(r.kind == "pinyin" for r in doc.repairs)


@settings(max_examples=100, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.text(alphabet=COMMON + "?<>&;#/()（）\u200b\x07\u00a0\u3000abcxyzāǎè123\n", max_size=40))
def test_any_text_offsets_exact(text):
    check_map(norm(text))


@pytest.mark.parametrize("n", [2000])
def test_msra_clean_sentences_no_false_repairs(n):
    sents = msra_sentences(n=n)
    assert len(sents) == n
    false = [(s, r.original, r.replacement) for s in sents for r in norm(s).repairs]
    assert false == []
