"""Shared inputs for the normalize tests and benchmark: clean MSRA sentences and synthetic damage."""

from __future__ import annotations

import random
from pathlib import Path

from pipeline.document import Document
from pipeline.schema import RawDocument
from pipeline.text import half_width

MSRA_TEST = Path(__file__).resolve().parent.parent.parent / "shared" / "data" / "msra" / "msra_test.txt"


def msra_sentences(path: Path = MSRA_TEST, n: int = 2000) -> list[str]:
    """The first `n` sentences (5+ characters) of a character-per-line corpus, full-width folded like scraped text."""
    out, cur = [], []
    for line in path.read_text(encoding="utf-8").split("\n"):
        parts = line.split()
        if parts:
            cur.append(parts[0])
            continue
        if len(cur) >= 5:
            out.append(half_width("".join(cur)))
        cur = []
        if len(out) >= n:
            break
    return out


def _cjk_region(line: str, rng: random.Random, lo: int, hi: int) -> tuple[int, int] | None:
    """A random run of lo..hi CJK characters inside `line`."""
    starts = [i for i in range(1, len(line) - lo) if all("\u4e00" <= c <= "\u9fff" for c in line[i : i + lo])]
    if not starts:
        return None
    i = rng.choice(starts)
    j = i
    while j < len(line) and j - i < hi and "\u4e00" <= line[j] <= "\u9fff":
        j += 1
    return i, j


def damage_gbk_shift(line: str, rng: random.Random) -> tuple[str, str] | None:
    """(damaged, original): a run of GBK bytes read one byte late, its lost lead byte shown as `?`;
    unmapped pairs and a lone last byte vanish, as in the seeds."""
    reg = _cjk_region(line, rng, 5, 12)
    if reg is None:
        return None
    i, j = reg
    data = line[i:j].encode("gb18030")[1:]
    shifted = data.decode("gb18030", errors="ignore")
    shifted = half_width("".join(c for c in shifted if not 0xE000 <= ord(c) <= 0xF8FF))
    return line[:i] + "?" + shifted + line[j:], line


def damage_utf8_as_gbk(line: str, rng: random.Random, mark: str = "?") -> tuple[str, str] | None:
    """(damaged, original): a run of UTF-8 bytes decoded as GBK; bytes GBK cannot read become `mark`."""
    reg = _cjk_region(line, rng, 4, 10)
    if reg is None:
        return None
    i, j = reg
    shifted = line[i:j].encode("utf-8").decode("gbk", errors="replace").replace("\ufffd", mark)
    shifted = half_width(shifted)
    return line[:i] + shifted + line[j:], line


def normalize(run, text: str) -> Document:
    """`text` as a document through the normalize stage `run`."""
    raw = RawDocument(
        doc_id="t", source_path="t.txt", source_format="txt", sha256="0", n_bytes=0,
        encoding="utf-8", encoding_confidence=1.0, text=text,
    )
    return run(Document.from_raw(raw))


def check_repairs(doc: Document) -> None:
    """Newlines kept, norm_text as long as text, lines renumbered, every repair exact, source map monotonic."""
    raw = doc.raw.text
    assert doc.text.count("\n") == raw.count("\n")
    assert len(doc.norm_text) == len(doc.text)
    for r in doc.repairs:
        assert doc.text[r.start : r.end] == r.replacement
        assert raw[r.source_start : r.source_end] == r.original
        if r.replacement:
            assert doc.source_map.to_source_span(r.start, r.end) == (r.source_start, r.source_end)
        else:  # a deletion has an empty span in text, at the source position where it ends
            assert doc.source_map.to_source(r.start) == r.source_end
    assert [ln.n for ln in doc.lines] == list(range(raw.count("\n") + 1))
    mapped = [doc.source_map.to_source(i) for i in range(len(doc.text) + 1)]
    assert mapped == sorted(mapped)
