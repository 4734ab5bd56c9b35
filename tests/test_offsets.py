"""OffsetMap/TextBuilder: exact, monotonic maps from a rebuilt text back to its source."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from pipeline.offsets import TextBuilder

# A source text as pieces; each piece is kept or replaced by another string (possibly empty).
pieces = st.lists(st.tuples(st.text(min_size=0, max_size=6), st.booleans(), st.text(max_size=3)), max_size=12)


def _build(parts):
    source = "".join(p for p, _, _ in parts)
    tb, pos = TextBuilder(source), 0
    for piece, keep, repl in parts:
        if keep:
            tb.keep(pos, pos + len(piece))
        else:
            tb.replace(pos, pos + len(piece), repl)
        pos += len(piece)
    return source, tb.build()


@given(pieces)
def test_map_is_monotonic_and_in_range(parts):
    source, (target, omap) = _build(parts)
    mapped = [omap.to_source(i) for i in range(len(target) + 1)]
    assert mapped == sorted(mapped)
    assert all(0 <= m <= len(source) for m in mapped)
    assert omap.to_source(len(target)) == len(source)


@given(pieces)
def test_kept_characters_map_exactly(parts):
    source, (target, omap) = _build(parts)
    tpos = 0
    spos = 0
    for piece, keep, repl in parts:
        if keep:
            for k in range(len(piece)):
                assert source[omap.to_source(tpos + k)] == target[tpos + k]
            tpos += len(piece)
        else:
            s, e = omap.to_source_span(tpos, tpos + len(repl)) if repl else (None, None)
            if repl:
                assert (s, e) == (spos, spos + len(piece))
            tpos += len(repl)
        spos += len(piece)


@given(st.text(max_size=50))
def test_all_kept_is_identity(text):
    tb = TextBuilder(text)
    tb.keep(0, len(text))
    target, omap = tb.build()
    assert target == text
    assert all(omap.to_source(i) == i for i in range(len(text) + 1))


def test_replacement_span_maps_to_whole_source_span():
    tb = TextBuilder("產業(yè)發展")
    tb.keep(0, 2)
    tb.replace(2, 6, "")
    tb.keep(6, 8)
    target, omap = tb.build()
    assert target == "產業發展"
    assert omap.to_source_span(0, 2) == (0, 2)
    assert omap.to_source_span(2, 4) == (6, 8)
    assert omap.to_source_span(1, 3) == (1, 7)
