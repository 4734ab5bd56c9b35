"""Repair UTF-8 text that a scraper decoded as GBK with errors='replace', U+FFFD included.

Such a run is a stream of GBK tokens: a character (its two GBK bytes), or U+FFFD where the decoder met a byte
pair it could not read. A byte-wise decoder (Python's) emits one U+FFFD per unreadable lead byte and reads the
next byte afresh; a pair-wise one (WHATWG) swallows both bytes of the bad pair. So each U+FFFD is one or two
unknown bytes, and those bytes are constrained: with the byte that follows they must form a pair GBK cannot
read. The run's bytes are decoded as UTF-8 by a beam search over those lengths; a character with one unknown
byte gets the candidates the constraint allows, and one is kept only when the character model in context
prefers it clearly; otherwise (or with two unknown bytes) it stays a single U+FFFD, flagged unrecoverable.
"""

from __future__ import annotations

from dataclasses import dataclass

from pipeline.normalize.charmodel import CharModel

_BEAM = 16
_MAX_RUN = 400
_FFFD = "\ufffd"
_LOST = "?\ufffd"


@dataclass
class Piece:
    """Output of a run between two points where a UTF-8 character boundary meets a GBK token boundary."""

    start: int  # token (= character) offsets in the run's line
    end: int
    text: str
    lost: int  # characters kept as U+FFFD
    guessed: int  # characters whose lost byte was guessed


class _Hyp:
    """One reading of the run so far (immutable: each step makes a new one)."""

    __slots__ = ("chars", "first", "need", "partial", "score")

    def __init__(self, score, chars, need, partial, first):
        self.score = score
        self.chars = chars  # (char | candidates | None, first token, ends at a token end, starts at a token start)
        self.need = need  # continuation bytes still expected
        self.partial = partial  # bytes of the open character: int, or a frozenset of allowed values
        self.first = first  # token of the open character's first byte, and whether it is that token's start


def _valid_table() -> list[list[bool]]:
    """valid[a][b]: GBK reads bytes (a, b) as one character."""
    valid = [[False] * 256 for _ in range(256)]
    for a in range(0x81, 0xFF):
        for b in range(0x40, 0xFF):
            try:
                valid[a][b] = len(bytes([a, b]).decode("gbk")) == 1
            except UnicodeDecodeError:
                pass
    return valid


class Utf8AsGbk:
    """Finds and repairs UTF-8-read-as-GBK runs in a line."""

    def __init__(self, model: CharModel, params: dict) -> None:
        self.m = model
        self.p = params
        v = _valid_table()
        self.valid = v
        high = range(0x80, 0x100)
        # One lost byte x before byte y: x was unreadable as a lead with y.
        self.lost1 = [frozenset(x for x in high if not v[x][y]) for y in range(256)]
        self.lost1_any = frozenset().union(*(self.lost1[y] for y in high))
        self.lost1_end = frozenset(high)
        # Two lost bytes: a bad pair whose second byte is not ASCII (else the decoder keeps that byte).
        self.lost2_a = frozenset(x for x in range(0x81, 0xFF) if any(not v[x][y] for y in high))
        self.lost2_b = frozenset(y for y in high if any(not v[x][y] for x in range(0x81, 0xFF)))

    def _pmi(self, a: str, b: str) -> float:
        return self.m.pmi(a, b) if a and b else 0.0

    # ---- tokens ------------------------------------------------------------------------------------
    @staticmethod
    def _token(ch: str) -> bytes | None:
        """GBK bytes of a character inside a run (None: cannot be inside one)."""
        if ch in _LOST:
            return b""
        if ord(ch) < 0x80:
            return None
        try:
            b = ch.encode("gb18030")
        except UnicodeEncodeError:
            return None
        return b if len(b) == 2 else None

    def find(self, line: str) -> list[Piece]:
        """Repaired pieces of every accepted run in the line, left to right."""
        out: list[Piece] = []
        toks = [self._token(c) for c in line]
        i = 0
        while i < len(line):
            t = toks[i]
            if not t or not (0xC2 <= t[0] <= 0xF4):
                i += 1
                continue
            run = self._run(line, toks, i)
            if run is None:
                i += 1
                continue
            out.extend(run)
            i = run[-1].end
        return out

    # ---- the beam ----------------------------------------------------------------------------------
    def _bytes_of(self, line: str, toks, k: int) -> list[list[tuple]]:
        """Byte readings of token k: [(byte or allowed set, ...)] (a U+FFFD has one or two bytes)."""
        t = toks[k]
        if t:
            return [tuple(t)]
        nxt = line[k + 1] if k + 1 < len(line) else ""
        if not nxt:
            one = self.lost1_end
        elif toks[k + 1]:
            one = self.lost1[toks[k + 1][0]]
        elif ord(nxt) < 0x80 and nxt not in _LOST:
            one = self.lost1[ord(nxt)]
        else:
            one = self.lost1_any
        out = [(one,)]
        if line[k] == _FFFD:
            out.append((self.lost2_a, self.lost2_b))
        return out

    def _feed(self, h: _Hyp, b, k: int, at_start: bool, at_end: bool, prev: str) -> _Hyp | None:
        """Hypothesis h after one more byte (int, or a set of allowed values) of token k."""
        if h.need == 0:
            if isinstance(b, int):
                if b < 0x80:
                    c = chr(b)
                    return self._emit(h, (c, k, at_end, at_start), self.m.lo(c) + self._pmi(prev, c))
                need = 1 if 0xC2 <= b <= 0xDF else 2 if 0xE0 <= b <= 0xEF else 3 if 0xF0 <= b <= 0xF4 else -1
                if need < 0:
                    return None
            else:
                need = 2  # a lost lead byte: assume a three-byte (CJK) character
            return _Hyp(h.score, h.chars, need, (b,), (k, at_start))
        if isinstance(b, int) and not 0x80 <= b <= 0xBF:
            return None
        partial = h.partial + (b,)
        if h.need > 1:
            return _Hyp(h.score, h.chars, h.need - 1, partial, h.first)
        cands = self._complete(partial)
        if cands is None:
            return None
        if isinstance(cands, str):
            s = self.m.lo(cands) + self._pmi(prev, cands)
        elif cands:
            s = max(self.m.lo(c) + self._pmi(prev, c) for c in cands) - self.p["guess_cost"]
        else:
            s = self.m.lo(_FFFD)
        k0, starts = h.first
        entry = (cands if cands else None, k0, at_end, starts)
        return self._emit(_Hyp(h.score, h.chars, 0, (), None), entry, s)

    @staticmethod
    def _emit(h: _Hyp, entry: tuple, s: float) -> _Hyp:
        return _Hyp(h.score + s, h.chars + (entry,), 0, (), None)

    def _complete(self, partial: tuple):
        """A finished character: its text, a tuple of candidates (one unknown byte), () for more unknown
        bytes, None when no value of the unknown bytes makes valid UTF-8."""
        unknown = [i for i, b in enumerate(partial) if not isinstance(b, int)]
        if not unknown:
            try:
                return bytes(partial).decode("utf-8")
            except UnicodeDecodeError:
                return None
        if len(unknown) > 1:
            return ()
        i = unknown[0]
        cands = []
        for x in partial[i]:
            bs = bytes(partial[:i] + (x,) + partial[i + 1 :])
            try:
                c = bs.decode("utf-8")
            except UnicodeDecodeError:
                continue
            if len(c) == 1 and c.isprintable():
                cands.append(c)
        return tuple(cands) if cands else None

    def _prev(self, h: _Hyp, left: str) -> str:
        if not h.chars:
            return left
        c = h.chars[-1][0]
        return c if isinstance(c, str) else ""

    def _run(self, line: str, toks, s: int) -> list[Piece] | None:
        """The accepted repair of the run starting at token s, as pieces; None when there is none."""
        left = line[s - 1] if s else ""
        hyps = [_Hyp(0.0, (), 0, (), None)]
        best = None  # (gain, end, hyp)
        k = s
        while k < len(line) and k - s < _MAX_RUN and toks[k] is not None:
            nxt: list[_Hyp] = []
            for h in hyps:
                for reading in self._bytes_of(line, toks, k):
                    cur: _Hyp | None = h
                    for j, b in enumerate(reading):
                        cur = self._feed(cur, b, k, j == 0, j == len(reading) - 1, self._prev(cur, left))
                        if cur is None:
                            break
                    if cur is not None:
                        nxt.append(cur)
            if not nxt:
                break
            nxt.sort(key=lambda h: h.score, reverse=True)
            # Readings at the same point of a character are alike from here on: keep the best of each.
            seen, hyps = set(), []
            for h in nxt:
                key = (h.need, len(h.partial))
                if key in seen:
                    continue
                seen.add(key)
                hyps.append(h)
                if len(hyps) >= _BEAM:
                    break
            k += 1
            done = [h for h in hyps if h.need == 0]
            if done:
                h = done[0]
                right = line[k] if k < len(line) else ""
                gain = h.score + (self._pmi(self._prev(h, ""), right) if right else 0.0)
                gain -= self.m.score(line[s:k], left, right)
                if best is None or gain > best[0]:
                    best = (gain, k, h)
        if best is None:
            return None
        gain, end, h = best
        pieces = self._pieces(line, s, end, h)
        if not pieces:
            return None
        text = "".join(p.text for p in pieces)
        n = pieces[-1].end - pieces[0].start
        gain = self.m.score(text, line[: pieces[0].start], line[pieces[-1].end :]) - self.m.score(
            line[pieces[0].start : pieces[-1].end], line[: pieces[0].start], line[pieces[-1].end :]
        )
        chars = [c for c in text if not c.isascii() and c != _FFFD]
        if not chars or any(ord(c) < 0x20 for c in text):
            return None
        avg = sum(self.m.lo(c) for c in chars) / len(chars)
        if gain < self.p["min_gain"] or gain < self.p["min_gain_per_char"] * n or avg < self.p["min_avg"]:
            return None
        # A repair must not bring in a character rarer than the rarest one it removes.
        damaged = line[pieces[0].start : pieces[-1].end]
        if self.m.rarest(text) < self.m.rarest(damaged) + self.p["rarest_margin"]:
            return None
        return pieces

    # ---- output ------------------------------------------------------------------------------------
    def _resolve(self, cands, left: str, right: str) -> tuple[str, int]:
        """A character with a lost byte: the candidate the model prefers clearly in context, else U+FFFD."""
        if not cands:
            return _FFFD, 0
        scored = sorted((self.m.score(c, left, right), c) for c in cands)
        top, c = scored[-1]
        second = scored[-2][0] if len(scored) > 1 else -99.0
        if (
            len(cands) <= self.p["lost_byte_max_candidates"]
            and top >= self.p["lost_byte_min"]
            and top - second >= self.p["lost_byte_margin"]
        ):
            return c, 1
        return _FFFD, 0

    def _pieces(self, line: str, s: int, end: int, h: _Hyp) -> list[Piece]:
        """Split the run's output where character and token boundaries meet; resolve lost bytes."""
        texts: list[str] = []
        flags: list[int] = []  # 0 clean, 1 guessed, 2 lost
        for i, (c, _, _, _) in enumerate(h.chars):
            if isinstance(c, str):
                texts.append(c)
                flags.append(0)
                continue
            left = texts[-1] if texts else (line[s - 1] if s else "")
            nxt = h.chars[i + 1][0] if i + 1 < len(h.chars) else (line[end] if end < len(line) else "")
            right = nxt if isinstance(nxt, str) else ""
            r, g = self._resolve(c, left, right)
            texts.append(r)
            flags.append(1 if g else 2 if r == _FFFD else 0)
        groups: list[Piece] = []
        cur_start, buf, lost, guessed = s, [], 0, 0
        for i, (_, _, ends_token, _) in enumerate(h.chars):
            buf.append(texts[i])
            lost += flags[i] == 2
            guessed += flags[i] == 1
            last = i + 1 == len(h.chars)
            if ends_token and (last or h.chars[i + 1][3]):
                k_end = end if last else h.chars[i + 1][1]
                groups.append(Piece(cur_start, k_end, "".join(buf), lost, guessed))
                cur_start, buf, lost, guessed = k_end, [], 0, 0
        # A run may have begun on clean text that happens to read as UTF-8 (一 = D2 BB = һ): such a piece
        # loses score by the reading, so it is left out at either end.
        def worse(g: Piece) -> bool:
            return self.m.score(g.text) <= self.m.score(line[g.start : g.end])

        while groups and worse(groups[0]):
            groups.pop(0)
        while groups and worse(groups[-1]):
            groups.pop()
        pieces: list[Piece] = []
        for g in groups:
            # A piece holding a kept U+FFFD stays on its own, so that the flag covers just it.
            if pieces and not g.lost and not pieces[-1].lost:
                p = pieces[-1]
                pieces[-1] = Piece(p.start, g.end, p.text + g.text, 0, p.guessed + g.guessed)
            else:
                pieces.append(g)
        return pieces
