"""Text geometry shared by the events modules: regions of kept text and sentence spans."""

from __future__ import annotations

from bisect import bisect_right

from pipeline.document import Document
from pipeline.text import CLAUSE_END, sentence_spans

_END = float("inf")  # sorts after every end offset: bisect on (offset, _END) finds the last segment starting at or before it


def title_segments(doc: Document) -> list[tuple[int, int]]:
    """Kept pieces of title lines."""
    return doc.kept_segments(("title",))


def sentences(norm: str, segments: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Sentence spans (offsets into the text) of the given segments."""
    return [span for s, e in segments for span in sentence_spans(norm, s, e)]


def clause_around(norm: str, start: int, end: int, seg: tuple[int, int]) -> tuple[int, int]:
    """The clause (between commas/stops) that holds norm[start:end], inside its segment."""
    s, e = seg
    left = s
    for m in CLAUSE_END.finditer(norm, s, start):
        left = m.end()
    m = CLAUSE_END.search(norm, end, e)
    return left, (m.start() if m else e)


def sentence_around(norm: str, start: int, seg: tuple[int, int]) -> tuple[int, int]:
    """The sentence of `seg` that holds offset `start`."""
    for s, e in sentences(norm, [seg]):
        if s <= start < e:
            return s, e
    return seg


def segment_of(segments: list[tuple[int, int]], offset: int) -> tuple[int, int] | None:
    """The segment holding `offset`; `segments` sorted and not overlapping, as `Document.kept_segments` gives
    them (a binary search: the events stage asks this for every mention)."""
    i = bisect_right(segments, (offset, _END)) - 1
    if i >= 0 and segments[i][0] <= offset < segments[i][1]:
        return segments[i]
    return None


def lead_regions(doc: Document) -> dict[str, list[tuple[int, int]]]:
    """The nested regions the event type and date are looked for in: lead sentence, paragraph, body."""
    body = doc.body_segments()
    if not body:
        return {"lead": [], "paragraph": [], "body": []}
    first_line = doc.line_of(body[0][0])
    paragraph = [(s, e) for s, e in body if first_line and first_line.start <= s <= first_line.end]
    first_sentences = sentences(doc.norm_text, paragraph[:1])
    return {"lead": first_sentences[:1], "paragraph": paragraph, "body": body}
