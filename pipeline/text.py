"""Text utilities shared by the stages: character classes, width folding, OpenCC, sentence spans.

One place for each helper, so that the stages agree on what a Han character, a half-width text or a
sentence is:

- **Character classes**: `HAN` (CJK Unified Ideographs, Extension A and the compatibility block, as a
  regex class body), `HAN_CHAR`, `LATIN_CHAR`.
- **Width folding**, always one character for one so that offsets never move: `fold_width` (full-width
  ASCII U+FF01..U+FF5E and wide spaces to ASCII), `half_width` (the same over a text, one `str.translate`),
  `nfkc_chars` (NFKC per character where the result is one character: also circled digits, compatibility
  ideographs, full-width symbols). `nfkc_chars(..., keep_length=False)` is plain NFKC for canonical forms
  that need no offsets (dedup shingles).
- **OpenCC**: `opencc_converter(profile)` builds each profile once per process (cached);
  `convert_same_length` converts phrase by phrase and splits a phrase whose length would change, down to
  single characters, so the output is exactly as long as the input.
- **Sentences**: `sentence_spans(text, start, end, ends)` cuts a region after each match of an end
  pattern and returns the non-blank spans (offsets into `text`); `cut_long` cuts a span longer than a
  limit at its last clause break. The end patterns are named here, one per purpose:
  `SENTENCE_END` (a sentence as a reader sees it, closing quotes included: events), `PIECE_END` (pieces a
  model reads: sentence ends, semicolons, line breaks, an English full stop before a space: NER back-ends)
  and `CLAUSE_END` (clause boundaries inside a sentence: events).
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

# ---- character classes ------------------------------------------------------------------------------
HAN = "\u3400-\u9fff\uf900-\ufaff"  # Extension A, Unified Ideographs, Compatibility Ideographs (a class body)
HAN_CHAR = re.compile(f"[{HAN}]")
HAN_RUN = re.compile(f"[{HAN}]+")
LATIN_CHAR = re.compile(r"[A-Za-z]")

# ---- width ---------------------------------------------------------------------------------------------
# Spaces that are wider than or not the ASCII space: NBSP, the ideographic space U+3000, the en/em/thin
# spaces of U+2002..U+200A, the narrow no-break space and the medium mathematical space.
WIDE_SPACES = frozenset({0x00A0, 0x3000, 0x2002, 0x2003, 0x2004, 0x2005, 0x2006, 0x2007, 0x2008, 0x2009, 0x200A,
                         0x202F, 0x205F})
# Full-width ASCII (U+FF01..U+FF5E) -> ASCII, one character for one.
HALF_WIDTH_ASCII = str.maketrans({chr(c): chr(c - 0xFEE0) for c in range(0xFF01, 0xFF5F)})
# The same and every wide space -> " ".
HALF_WIDTH = str.maketrans({**{chr(c): chr(c - 0xFEE0) for c in range(0xFF01, 0xFF5F)},
                            **{chr(c): " " for c in WIDE_SPACES}})


def fold_width(ch: str, spaces: frozenset[int] = WIDE_SPACES) -> str:
    """One character: full-width ASCII to half-width, a space in `spaces` to an ASCII space."""
    o = ord(ch)
    if 0xFF01 <= o <= 0xFF5E:
        return chr(o - 0xFEE0)
    if o in spaces:
        return " "
    return ch


def half_width(text: str) -> str:
    """`text` with full-width ASCII and wide spaces folded (exactly as long as `text`)."""
    return text.translate(HALF_WIDTH)


def nfkc_chars(text: str, keep_length: bool = True) -> str:
    """NFKC compatibility folding. With `keep_length` (the default) character by character, a character
    whose NFKC form is longer (…, ½, ㈠) left as it is, so the result is exactly as long as `text`."""
    if not keep_length:
        return unicodedata.normalize("NFKC", text)
    if text.isascii():
        return text
    out = []
    for ch in text:
        n = unicodedata.normalize("NFKC", ch)
        out.append(n if len(n) == 1 else ch)
    return "".join(out)


# ---- OpenCC --------------------------------------------------------------------------------------------
@lru_cache(maxsize=None)
def opencc_converter(profile: str):
    """The OpenCC converter of a profile (t2s, s2t, hk2s, tw2s, ...), built once per process."""
    try:
        import opencc
    except ImportError as exc:  # a core dependency; say how to get it back
        raise ImportError("the `opencc` package is missing: pip install opencc (OpenCC 1.1, pure wheels)") from exc
    return opencc.OpenCC(profile)


def convert_same_length(converter, text: str) -> str:
    """`converter.convert(text)` where that keeps the length; otherwise each half converted the same way,
    down to single characters, and a single character whose conversion changes length left as it is."""
    out = converter.convert(text)
    if len(out) == len(text):
        return out
    if len(text) == 1:
        return text
    mid = len(text) // 2
    return convert_same_length(converter, text[:mid]) + convert_same_length(converter, text[mid:])


# ---- sentences -----------------------------------------------------------------------------------------
# A sentence ends after 。!?！？ (and a closing quote that follows), after an English full stop that is
# followed by a capital or an opening quote, or with a full stop at the end of the region.
SENTENCE_END = re.compile(r"[。!?！？]+[”\"’」』]?|(?<=[a-z0-9”\"’)])\.(?=\s+[A-Z“\"‘(])|\.\s*$")
# What a model reads as one piece: up to a sentence end, a semicolon, a line break or an English full stop
# followed by white space.
PIECE_END = re.compile(r"[。！？!?；;\n]+|\.\s+")
# Clause boundaries inside a sentence (commas, colons, semicolons) and sentence ends.
CLAUSE_END = re.compile(r"[。!?！？;；,，:：\n]|(?<=[a-z0-9])\.(?=\s)")
# Where a piece longer than a model's limit is cut: after its last clause break.
CLAUSE_BREAKS = "，,、：:"


def sentence_spans(text: str, start: int = 0, end: int | None = None,
                   ends: re.Pattern = SENTENCE_END) -> list[tuple[int, int]]:
    """(start, end) of the non-blank sentences of `text[start:end]`: each runs up to and including a
    match of `ends`, the last one to `end`. Offsets are into `text`; the spans cover the region in order."""
    end = len(text) if end is None else end
    out, pos = [], start
    for m in ends.finditer(text, start, end):
        if text[pos : m.end()].strip():
            out.append((pos, m.end()))
        pos = m.end()
    if text[pos:end].strip():
        out.append((pos, end))
    return out


def cut_long(text: str, start: int, end: int, max_chars: int, breaks: str = CLAUSE_BREAKS) -> list[tuple[int, int]]:
    """`text[start:end]` as pieces of at most `max_chars`: a longer span is cut after the last clause break
    of its first `max_chars` characters, else hard at `max_chars`. The pieces cover the span in order."""
    out = []
    while end - start > max_chars:
        window = text[start : start + max_chars]
        cut = max(window.rfind(c) for c in breaks) + 1
        cut = start + (cut if cut > 0 else max_chars)
        out.append((start, cut))
        start = cut
    if end > start:
        out.append((start, end))
    return out


def strip_span(text: str, start: int, end: int) -> tuple[int, int] | None:
    """The span without its leading and trailing white space; None when nothing else is in it."""
    piece = text[start:end]
    lead = len(piece) - len(piece.lstrip())
    if lead == len(piece):
        return None
    return start + lead, end - (len(piece) - len(piece.rstrip()))
