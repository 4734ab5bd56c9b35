"""Find and repair mojibake runs: GBK text decoded one byte out of step, and UTF-8 bytes decoded as GBK.

A damaged run is re-encoded to the GB18030 bytes it was decoded from. For GBK text read one byte out of
step, the true characters are the byte pairs shifted by one: (second byte of damaged char i, first byte of
damaged char i+1). Bytes the damage lost are guessed: the lead byte lost before the run (shown as `?`), a
pair the misaligned decoder could not map and dropped (user-defined area), the last trail byte. The run
ends where an ASCII byte, read alone, brought the decoder back in step (臺 = C5 5F: `脚_`). For UTF-8
read as GBK, the bytes are decoded as UTF-8, each `?` standing for one lost byte. A candidate is accepted
only when its character-frequency score beats the damaged run's clearly (see configs/normalize/rules.toml).
"""

from __future__ import annotations

import re
from collections import defaultdict
from dataclasses import dataclass
from functools import lru_cache

from pipeline.normalize.charmodel import LOG_RANDOM, CharModel, is_punct
from pipeline.normalize.utf8gbk import Utf8AsGbk
from pipeline.text import HAN_CHAR, half_width

_K = 10  # candidates kept per guessed character
_BEAM = 24
_MAX_RUN = 40
_EXTRA_CHAR = -LOG_RANDOM
_MARKER_AT = re.compile(r"[?\ufffd](?:[a-zü\u00e0-\u01dc]{1,6}[0-5]?\))?")
# Inside a run decoded one byte out of step: a `?` marks lost bytes and an ASCII byte 0x40-0x7E read alone
# would have put the decoder back in step, so neither can be inside.
_NOT_IN_GBK_RUN = re.compile(r"[?\ufffd\x40-\x7e]")
_LOST_LEAD = re.compile(r"[?\ufffd]([\x40-\x7e])(?=[\u4e00-\u9fff])")
_PINYIN_AFTER = re.compile(r"^[(（][a-zü\u00e0-\u01dc0-5 ]{1,30}[)）]")
_PINYIN_BEFORE = re.compile(r"[(（][a-zü\u00e0-\u01dc0-5 ]{1,30}[)）]$")
_CJK = HAN_CHAR


@dataclass
class Fix:
    """One repair the mojibake repairer proposes, in offsets of the text it was given."""

    start: int
    end: int
    replacement: str
    rule: str
    kind: str = "mojibake"
    guessed: int = 0  # characters whose lost bytes were guessed


def _pairable(ch: str) -> tuple[int, int] | None:
    """The two GB18030 bytes a damaged character was decoded from (folded ASCII counts as full-width)."""
    o = ord(ch)
    if 0x21 <= o <= 0x7E:
        return (0xA3, o + 0x80)
    try:
        b = ch.encode("gb18030")
    except UnicodeEncodeError:
        return None
    return (b[0], b[1]) if len(b) == 2 else None


class GBTable:
    """Every GBK two-byte character with its score, indexed by lead and by trail byte."""

    def __init__(self, model: CharModel) -> None:
        self.char: dict[tuple[int, int], str] = {}
        by_lead, by_trail = defaultdict(list), defaultdict(list)
        top = []
        for a in range(0x81, 0xFF):
            for b in range(0x40, 0xFF):
                if b == 0x7F:
                    continue
                try:
                    ch = bytes([a, b]).decode("gb18030")
                except UnicodeDecodeError:
                    continue
                if len(ch) != 1 or 0xE000 <= ord(ch) <= 0xF8FF:
                    continue
                self.char[(a, b)] = ch
                s = model.lo(ch)
                by_lead[a].append((s, b, ch))
                by_trail[b].append((s, a, ch))
                top.append((s, a, b, ch))
        self.by_lead = {k: sorted(v, reverse=True)[: 4 * _K] for k, v in by_lead.items()}
        # A trail byte that starts an unmapped pair with some lead byte: only a character ending in one
        # can stand before a pair the misaligned decoder dropped.
        drops = {a for a in range(0x81, 0xFF) for b in range(0x81, 0xFF) if (a, b) not in self.char}
        self.by_lead_drop = {
            k: [x for x in sorted(v, reverse=True) if x[1] in drops][:_K] for k, v in by_lead.items()
        }
        self.by_trail = {k: sorted(v, reverse=True)[: 4 * _K] for k, v in by_trail.items()}
        self.top = sorted(top, reverse=True)[:200]

    def dropped(self, a: int, b: int) -> bool:
        """Whether a misaligned decoder read bytes (a, b) as nothing (unmapped or user-defined)."""
        return a >= 0x81 and b >= 0x81 and (a, b) not in self.char


class Repairer:
    """Finds damaged runs in a line and proposes scored repairs."""

    def __init__(self, model: CharModel, params: dict) -> None:
        self.m = model
        self.gb = GBTable(model)
        self.p = params
        self._boundary = lru_cache(maxsize=16384)(self._boundary_pieces)
        self.utf8 = Utf8AsGbk(model, params)
        # One run's candidate ends share their beam prefixes (`gbk_shift`'s memo); tests switch this off
        # and use `_extend_plain` to compare with the search written out directly.
        self.share_beams = True
        self._rare_seen: dict[str, bool] = {}

    # ---- scoring helpers -------------------------------------------------------------------------
    def _extend(self, hyps, pieces):
        """Beam step: append each candidate piece (text, n_guessed) to each (score, text, n_guessed).

        What a piece adds apart from its bigram with the hypothesis' last character (its characters'
        scores, its inner bigrams, its price) is worked out once per piece, not once per hypothesis;
        the sums are the same ones in the same order as `_extend_plain`, so the scores are identical."""
        cost, drop = self.p["guess_cost"], self.p["drop_cost"]
        lo, pmi = self.m.lo, self.m.pmi
        prepared = []
        for piece, g in pieces:
            # Scores are log-odds against a random character: a piece that puts k characters where the
            # damaged text shows one pays for the k - 1 extra ones at the random rate (or guessing
            # dropped pairs would always pay), plus the price of each dropped pair.
            extra = len(piece) - 1
            pay = (_EXTRA_CHAR + drop) * extra if extra else cost * g
            inner = [pmi(piece[i], piece[i + 1]) for i in range(len(piece) - 1)]
            prepared.append((piece, g, sum(lo(c) for c in piece), pay, inner))
        out = []
        for score, text, guessed in hyps:
            last = text[-1:]
            for piece, g, piece_lo, pay, inner in prepared:
                s = score + piece_lo - pay
                if inner:
                    s += sum([pmi(last, piece[0]), *inner] if last else inner)
                elif last and piece:
                    s += pmi(last, piece[0])
                else:
                    s += 0
                out.append((s, text + piece, guessed + g))
        out.sort(reverse=True)
        return out[:_BEAM]

    def _extend_plain(self, hyps, pieces):
        """The beam step written out directly (the reference `_extend` is checked against in tests)."""
        out = []
        cost, drop = self.p["guess_cost"], self.p["drop_cost"]
        for score, text, guessed in hyps:
            for piece, g in pieces:
                extra = len(piece) - 1
                pay = (_EXTRA_CHAR + drop) * extra if extra else cost * g
                s = score + sum(self.m.lo(c) for c in piece) - pay
                seq = text[-1:] + piece
                s += sum(self.m.pmi(seq[i], seq[i + 1]) for i in range(len(seq) - 1))
                out.append((s, text + piece, guessed + g))
        out.sort(reverse=True)
        return out[:_BEAM]

    def _finish(self, hyps, left: str, right: str, check=None):
        """Best hypothesis with the bigram into the right context: (score, text, n_guessed); with `check`,
        the best one that `check` accepts."""
        if not hyps:
            return None
        if right:
            hyps = [(s + self.m.pmi(t[-1], right[0]), t, g) for s, t, g in hyps]
        cut = len(left[-1:])
        for score, text, guessed in sorted(hyps, reverse=True):
            if check is None or check(text[cut:]):
                return score, text[cut:], guessed
        return None

    def _boundary_pieces(self, a: int, b: int) -> list[tuple[str, int]]:
        """True characters between misaligned bytes a (trail side) and b (lead side), with dropped pairs."""
        gb = self.gb
        pieces: list[tuple[str, int]] = []
        ch = gb.char.get((a, b))
        if ch:
            pieces.append((ch, 0))
        lefts = gb.by_lead_drop.get(a, [])
        rights = gb.by_trail.get(b, [])[:_K]
        singles, doubles = [], []
        for _, g0, c1 in lefts:
            for _, g1, c2 in rights:
                if gb.dropped(g0, g1):
                    singles.append((c1 + c2, 2))
            for _, x, y, cm in gb.top:
                if not gb.dropped(g0, x):
                    continue
                for _, h1, c3 in rights:
                    if gb.dropped(y, h1):
                        doubles.append((c1 + cm + c3, 3))
                        break
        # Only the likeliest pieces of each kind go into the beam: the search cost grows with their number.
        for group in (singles, doubles):
            group.sort(key=lambda p: self.m.score(p[0]), reverse=True)
            pieces.extend(group[:_K])
        return pieces

    # ---- GBK one byte out of step -----------------------------------------------------------------
    def gbk_shift(self, run: str, marker: bool, term: str, left: str, right: str, memo: dict | None = None):
        """Best true text for a run decoded one byte out of step; None when impossible.

        The beam after the first k characters depends only on them, the marker and the character before
        the run, so `_best`, which tries several ends of one run, passes a `memo` of those beams and each
        end continues the search where a shorter one stopped instead of starting over (same result)."""
        units = [_pairable(c) for c in run]
        if not units or any(u is None for u in units):
            return None
        gb = self.gb
        memo = {} if memo is None else memo
        tail = left[-1:]
        hyps = memo.get((tail, marker, run[:1]))
        if hyps is None:
            first = units[0][0]
            starts: list[tuple[str, int]] = [(c, 1) for _, _, c in gb.by_trail.get(first, [])[:_K]]
            if not marker:
                starts += [(c, 1) for _, _, c in gb.by_lead.get(first, [])[:_K]]
            hyps = memo[(tail, marker, run[:1])] = self._extend([(0.0, tail, 0)], starts)
        for i in range(len(units) - 1):
            key = (tail, marker, run[: i + 2])
            nxt = memo.get(key)
            if nxt is None:
                nxt = memo[key] = self._extend(hyps, self._boundary(units[i][1], units[i + 1][0]))
            hyps = nxt
            if not hyps:
                return None
        last = units[-1][1]
        if term:
            ends = self._boundary(last, ord(term))
        else:
            ends = [(c, 1) for _, _, c in gb.by_lead.get(last, [])[:_K]]
        return self._finish(self._extend(hyps, ends), left, right)

    # ---- UTF-8 read as GBK ------------------------------------------------------------------------
    def utf8_as_gbk(self, run: str, left: str, right: str):
        """Best UTF-8 reading of a run's GBK bytes (`?` = one lost byte); None when not UTF-8."""
        data: list[int | None] = []
        for ch in run:
            if ch in "?\ufffd":
                data.append(None)
                continue
            try:
                data.extend(ch.encode("gb18030"))
            except UnicodeEncodeError:
                return None
        if sum(1 for b in data if b is not None and b >= 0xE0) < 2:
            return None
        hyps = [(0.0, left[-1:], 0)]
        i = 0
        while i < len(data) and data[i] is not None and 0x80 <= data[i] <= 0xBF:
            i += 1
        lost_prefix = i > 0
        if lost_prefix:
            hyps = self._extend(hyps, [("?", 0)])
        while i < len(data):
            b = data[i]
            if b is not None and b < 0x80:
                hyps = self._extend(hyps, [(chr(b), 0)])
                i += 1
                continue
            seq = data[i : i + 3]
            if len(seq) < 3 or (b is not None and not 0xE0 <= b <= 0xEF):
                return None
            pieces = self._utf8_char(seq)
            if not pieces:
                return None
            hyps = self._extend(hyps, pieces)
            i += 3
        if lost_prefix:
            return self._finish(hyps, left, right)
        observed = half_width(run)

        def decodes_back(text: str) -> bool:
            # A lost byte shows as `?` only where GBK could not read it: the guess must damage the same way.
            back = text.encode("utf-8").decode("gbk", errors="replace").replace("\ufffd", "?")
            return half_width(back) == observed

        return self._finish(hyps, left, right, decodes_back)

    def _utf8_char(self, seq: list[int | None]) -> list[tuple[str, int]]:
        """Candidate characters for a three-byte UTF-8 sequence whose unknown bytes are None."""
        options = [
            [b] if b is not None else (list(range(0xE2, 0xEA)) if k == 0 else list(range(0x80, 0xC0)))
            for k, b in enumerate(seq)
        ]
        if sum(1 for b in seq if b is None) > 1:
            return []
        out = []
        for x in options[0]:
            for y in options[1]:
                for z in options[2]:
                    try:
                        ch = bytes([x, y, z]).decode("utf-8")
                    except UnicodeDecodeError:
                        continue
                    out.append((self.m.lo(ch), ch))
        out.sort(reverse=True)
        guessed = 1 if None in seq else 0
        return [(c, guessed) for _, c in out[:_K]]

    # ---- finding runs -----------------------------------------------------------------------------
    def _rare(self, ch: str) -> bool:
        """Whether `ch` counts as rare (evidence of damage); a fixed property of the character, kept per character."""
        hit = self._rare_seen.get(ch)
        if hit is None:
            hit = self._rare_seen[ch] = self._rare_char(ch)
        return hit

    def _rare_char(self, ch: str) -> bool:
        return ord(ch) > 0x7F and not ch.isspace() and not is_punct(ch) and self.m.lo(ch) < self.p["rare_below"]

    def evidence(self, span: str) -> bool:
        """Whether a span shows damage: a `?`/U+FFFD marker or a character rare in the model (punctuation never
        counts: a run of common characters and punctuation is not a candidate, whatever shifting it gives)."""
        return any(c in "?\ufffd" or self._rare(c) for c in span)

    def plausible(self, damaged: str, repaired: str) -> bool:
        """Whether a repair brings in no character rarer than the rarest one it removes (篪 for 【大】 is not)."""
        return self.m.rarest(repaired) >= self.m.rarest(damaged) + self.p["rarest_margin"]

    def find(self, line: str) -> list[Fix]:
        """Repairs for one line of text, left to right, never overlapping."""
        fixes: list[Fix] = []
        if "\ufffd" in line:
            # A U+FFFD marks a run GBK could not read: the UTF-8 repairer reads across it (the search
            # below would stop at it).
            for pc in self.utf8.find(line):
                lost = pc.lost > 0
                fixes.append(Fix(
                    pc.start, pc.end, pc.text, self.p["unrecoverable_id" if lost else "utf8_as_gbk_id"],
                    "unrecoverable" if lost else "mojibake", pc.guessed,
                ))
        taken = [(f.start, f.end) for f in fixes]
        rare = [i for i, c in enumerate(line) if self._rare(c)]
        clusters: list[list[int]] = []
        for i in rare:
            if clusters and i - clusters[-1][-1] <= 3:
                clusters[-1].append(i)
            else:
                clusters.append([i])
        for m in _MARKER_AT.finditer(line):
            if m.end() < len(line) and not line[m.end()].isascii() and not line[m.end()].isspace():
                clusters.append([m.end()])
        clusters.sort()
        done = 0
        for cl in clusters:
            if cl[0] < done or any(a <= cl[0] < b for a, b in taken):
                continue
            near_q = any(c in "?\ufffd" for c in line[max(0, cl[0] - 8) : cl[-1] + 3])
            if len(cl) < 2 and not near_q:
                continue
            fix = self._best(line, cl[0], cl[-1] + 1, done)
            if fix and all(fix.end <= a or fix.start >= b for a, b in taken):
                fixes.append(fix)
                done = fix.end
        fixes.extend(f for f in self._lost_leads(line) if all(f.end <= g.start or f.start >= g.end for g in fixes))
        return sorted(fixes, key=lambda f: f.start)

    def _starts(self, line: str, cs: int, ce: int, floor: int):
        """Candidate (marker start, run start): right after a `?` marker near the cluster, else near it."""
        out = []
        for m in _MARKER_AT.finditer(line, max(floor, cs - 8), ce):
            if m.end() <= ce:
                out.append((m.start(), m.end()))
        out += [(s, s) for s in range(max(floor, cs - 3), cs + 1) if (s, s) not in out]
        return out

    def _ends(self, line: str, s: int, ce: int) -> tuple[list[int], float]:
        """Candidate run ends (the end of what could be one misaligned run, and where shifting pays most),
        and the best gain of the plain shift without guesses (a cheap test before the beam search)."""
        stop = s
        while stop < len(line) and stop - s < _MAX_RUN and not _NOT_IN_GBK_RUN.match(line[stop]):
            if line[stop].isspace() or _pairable(line[stop]) is None:
                break
            stop += 1
        units = [_pairable(c) for c in line[s:stop]]
        gain, best = 0.0, []
        for i in range(len(units) - 1):
            ch = self.gb.char.get((units[i][1], units[i + 1][0]))
            gain += (self.m.lo(ch) if ch else 0.0) - self.m.lo(line[s + i])
            best.append((gain, s + i + 2))
        ends = {stop} | {e for _, e in sorted(best, reverse=True)[:3]} | set(range(ce, min(stop, ce + 2) + 1))
        return sorted(e for e in ends if s < e <= stop), max((g for g, _ in best), default=0.0)

    def _best(self, line: str, cs: int, ce: int, floor: int) -> Fix | None:
        """The best accepted repair of a span around rare characters or a `?` marker [cs, ce)."""
        best = None
        p = self.p
        memo: dict | None = {} if self.share_beams else None
        for mstart, s in self._starts(line, cs, ce, floor):
            end_list, quick = self._ends(line, s, ce)
            ends = set(end_list)
            if mstart == s and quick < p["min_gain"] / 2:
                # Without a `?` marker, a run is only worth searching if shifting it already reads better.
                ends = set()
            # UTF-8 runs may hold `?` (bytes GBK could not read): extend over them too.
            u_end = _utf8_extent(line, s)
            for e in sorted(ends | {u_end} | set(range(ce, min(u_end, ce + 2) + 1))):
                if e <= s:
                    continue
                run = line[s:e]
                if not self.evidence(line[mstart:e]):
                    continue
                term = line[e] if e < len(line) and 0x40 <= ord(line[e]) <= 0x7E else ""
                for t in ([term, ""] if term else [""]):
                    end = e + len(t)
                    # A pinyin group next to the run is removed later: the context is what lies past it.
                    left = _PINYIN_BEFORE.sub("", line[:mstart])
                    right = _PINYIN_AFTER.sub("", line[end:])
                    damaged = self.m.score(line[mstart:end], left, right)
                    cands = []
                    if e in ends and not _NOT_IN_GBK_RUN.search(run):
                        cands.append(("gbk", self.gbk_shift(run, mstart < s, t, left, right, memo)))
                    if not t and not any(c.isascii() and c != "?" for c in line[mstart:end]):
                        cands.append(("utf8", self.utf8_as_gbk(line[mstart:end], left, right)))
                    for kind, res in cands:
                        if not res:
                            continue
                        score, text, guessed = res
                        gain = score - damaged
                        # Readings are ranked over the same span: one that stops before the ASCII byte that
                        # brought the decoder back in step leaves that byte as a lone character, which
                        # between Han characters is itself a sign of damage.
                        rank = gain
                        if term and not t:
                            nxt = line[e + 1 : e + 2]
                            lone = not nxt or not nxt.isascii() or nxt == "("
                            rank += self.m.lo(term) - (p["lone_ascii_cost"] if lone else 0.0)
                        chars = [c for c in text if not c.isascii()] or list(text)
                        avg = sum(self.m.lo(c) for c in chars) / len(chars)
                        n = end - mstart
                        need = p["min_gain"] * (1 if mstart < s else 2)
                        if gain < need or gain < p["min_gain_per_char"] * n or avg < p["min_avg"]:
                            continue
                        if guessed > 2 + (e - s) or not self.plausible(line[mstart:end], text):
                            continue
                        if best is None or rank > best[0]:
                            rule = p["gbk_shift_id"] if kind == "gbk" else p["utf8_as_gbk_id"]
                            best = (rank, Fix(mstart, end, text, rule))
        return best[1] if best else None

    def _lost_leads(self, line: str) -> list[Fix]:
        """`?h委` -> 縣委: a lost lead byte before a surviving ASCII trail byte, guessed in context."""
        out = []
        p = self.p
        for m in _LOST_LEAD.finditer(line):
            trail = ord(m.group(1))
            left, right = line[: m.start()], line[m.end() :]
            cands = []
            for _, _, ch in self.gb.by_trail.get(trail, []):
                if not _CJK.match(ch):
                    continue
                cands.append((self.m.score(ch, left, right), ch))
            cands.sort(reverse=True)
            if not cands:
                continue
            top = cands[0][0]
            second = cands[1][0] if len(cands) > 1 else -99.0
            if top >= p["lost_byte_min"] and top - second >= p["lost_byte_margin"]:
                out.append(Fix(m.start(), m.end(), cands[0][1], p["lost_byte_id"]))
        return out


def _utf8_extent(line: str, s: int) -> int:
    """End of the longest run from `s` whose GBK bytes (`?` = one lost byte) read as whole UTF-8 characters."""
    need, end, i = 0, s, s
    while i < len(line) and i - s < _MAX_RUN:
        ch = line[i]
        if ch in "?\ufffd":
            need = need - 1 if need else 2
        elif ch.isascii():
            break
        else:
            try:
                data = ch.encode("gb18030")
            except UnicodeEncodeError:
                break
            ok = True
            for b in data:
                if need and 0x80 <= b <= 0xBF:
                    need -= 1
                elif not need and 0xE0 <= b <= 0xEF:
                    need = 2
                else:
                    ok = False
                    break
            if not ok:
                break
        i += 1
        if not need:
            end = i
    return end


_QUESTION_WORDS = set("吗嗎呢么麼麽谁誰哪几幾何怎什否难難道吧嘛啊")


def unrecoverable(line: str) -> list[tuple[int, str]]:
    """(offset, char) of `?` / U+FFFD in a line that stand for lost bytes rather than a question mark."""
    out = []
    for i, ch in enumerate(line):
        if ch == "\ufffd":
            out.append((i, ch))
            continue
        if ch != "?":
            continue
        before, after = line[i - 1 : i], line[i + 1 : i + 2]
        cjk_before, cjk_after = bool(_CJK.match(before)), bool(_CJK.match(after))
        if after == "?" or before == "?":
            if cjk_before or cjk_after or before == "?" and _CJK.match(line[i - 2 : i - 1] or " "):
                out.append((i, ch))
        elif cjk_before and after.isascii() and after.isalpha():
            out.append((i, ch))
        elif cjk_before and cjk_after and not _QUESTION_WORDS & set(line[max(0, i - 8) : i]):
            out.append((i, ch))
    return out
