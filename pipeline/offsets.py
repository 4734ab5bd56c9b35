"""Exact, monotonic offset maps between a repaired text and the source text it came from."""

from __future__ import annotations

import bisect
from dataclasses import dataclass, field


@dataclass
class OffsetMap:
    """Maps offsets in a target text (built by `TextBuilder`) back to offsets in its source.

    The target is a sequence of pieces: kept runs copy source characters one to one, replacements
    stand for a whole source span. `anchors` holds, for each piece, (target_start, source_start,
    target_len, source_len, kept).
    """

    anchors: list[tuple[int, int, int, int, bool]] = field(default_factory=list)
    target_len: int = 0
    source_len: int = 0

    def _piece(self, i: int) -> tuple[int, int, int, int, bool]:
        k = bisect.bisect_right(self.anchors, i, key=lambda a: a[0]) - 1
        return self.anchors[max(k, 0)]

    def to_source(self, i: int) -> int:
        """Source offset of target offset `i` (0 <= i <= target_len); monotonic non-decreasing."""
        if not self.anchors or i >= self.target_len:
            return self.source_len if i >= self.target_len else i
        t0, s0, tl, sl, kept = self._piece(i)
        if kept:
            return s0 + (i - t0)
        return s0 if i == t0 else s0 + sl

    def to_source_span(self, start: int, end: int) -> tuple[int, int]:
        """Source span covering target span [start, end)."""
        if start == end:
            p = self.to_source(start)
            return p, p
        s = self.to_source(start)
        t0, s0, tl, sl, kept = self._piece(end - 1)
        return s, (s0 + (end - t0) if kept else s0 + sl)


class TextBuilder:
    """Builds a target text from a source text by copying runs and replacing spans, with its OffsetMap."""

    def __init__(self, source: str) -> None:
        self.source = source
        self.parts: list[str] = []
        self.map = OffsetMap(source_len=len(source))
        self._t = 0

    def keep(self, s_start: int, s_end: int) -> None:
        """Copy source[s_start:s_end] unchanged."""
        if s_end <= s_start:
            return
        self._add(self.source[s_start:s_end], s_start, s_end, kept=True)

    def replace(self, s_start: int, s_end: int, replacement: str) -> tuple[int, int]:
        """Put `replacement` in place of source[s_start:s_end]; returns its target span."""
        t = self._t
        self._add(replacement, s_start, s_end, kept=False)
        return t, self._t

    def _add(self, piece: str, s_start: int, s_end: int, kept: bool) -> None:
        a = self.map.anchors
        if kept and a and a[-1][4] and a[-1][1] + a[-1][3] == s_start:
            t0, s0, tl, sl, _ = a[-1]
            a[-1] = (t0, s0, tl + len(piece), sl + (s_end - s_start), True)
        else:
            a.append((self._t, s_start, len(piece), s_end - s_start, kept))
        self.parts.append(piece)
        self._t += len(piece)

    @property
    def position(self) -> int:
        """Current length of the target text."""
        return self._t

    def build(self) -> tuple[str, OffsetMap]:
        """The target text and its map back to the source."""
        self.map.target_len = self._t
        return "".join(self.parts), self.map
