"""Character-frequency model: how plausible a run of characters is as Chinese text (MSRA counts)."""

from __future__ import annotations

import math
import unicodedata
from functools import lru_cache
from pathlib import Path
from typing import Callable

from pipeline.text import fold_width

# Log-probability of one random GBK two-byte character (about 21,000 of them): a misaligned decoding
# produces characters about this likely, so scores are log-odds against it.
LOG_RANDOM = -math.log(21000)
_CAP = 6.0
_QMARK = -3.0
# Punctuation and the symbols news pages use as bullets and units are common in real text even when the
# MSRA counts lack them (【】「」〖〗￥★ never occur there): they score at least as much as a character seen
# about 500 times, like ！ or …, so that a widget such as 【大】【中】【小】 never looks like damage. ASCII keeps its
# counted score: a lone ASCII byte between Han characters is how misaligned GBK falls back in step.
PUNCT_LO = 2.0
_KEY_SPACES = frozenset({0x3000})
_COMMON_SYMBOLS = set("℃℉‰°′″§№★☆●○◎◇◆□■△▲▼▽→←↑↓※～＋－＝×÷±≤≥〇")


def fold_char(ch: str) -> str:
    """Full-width ASCII and U+3000 to half-width (how the model's keys are stored): the ideographic space
    only, as the counts were built, so NBSP and thin spaces keep their own (punctuation) score."""
    return fold_width(ch, _KEY_SPACES)


def is_punct(ch: str) -> bool:
    """Whether a non-ASCII character is punctuation, a space, a currency sign or a common bullet/unit symbol."""
    if ch.isascii():
        return False
    if ch in _COMMON_SYMBOLS:
        return True
    return unicodedata.category(ch)[0] in "PZ" or unicodedata.category(ch) == "Sc"


class CharModel:
    """Unigram and bigram counts with log-odds scores; Traditional characters are looked up as Simplified."""

    def __init__(self, path: Path, to_simplified: Callable[[str], str]) -> None:
        self.uni: dict[str, int] = {}
        self.bi: dict[str, int] = {}
        self.total_uni = self.total_bi = 1
        for line in path.read_text(encoding="utf-8").split("\n"):
            parts = line.split("\t")
            if len(parts) == 3 and parts[0] == "#total":
                self.total_uni, self.total_bi = int(parts[1]), int(parts[2])
            elif len(parts) == 2 and parts[0] and not parts[0].startswith("#"):
                (self.uni if len(parts[0]) == 1 else self.bi)[parts[0]] = int(parts[1])
        self._simp = to_simplified
        self.lo = lru_cache(maxsize=65536)(self._lo)
        self.pmi = lru_cache(maxsize=262144)(self._pmi)

    def key(self, ch: str) -> str:
        """The model's key for one character."""
        k = fold_char(ch)
        if ord(k) > 0x2000:
            s = self._simp(k)
            if len(s) == 1:
                k = s
        return k

    def count(self, ch: str) -> int:
        """Corpus count of a character."""
        return self.uni.get(self.key(ch), 0)

    def _lo(self, ch: str) -> float:
        if ch in "?\ufffd":
            return _QMARK
        if 0xE000 <= ord(ch) <= 0xF8FF:
            return -8.0
        c = self.uni.get(self.key(ch), 0)
        lo = min(_CAP, math.log((c + 0.1) / self.total_uni) - LOG_RANDOM)
        return max(lo, PUNCT_LO) if is_punct(ch) else lo

    def _pmi(self, a: str, b: str) -> float:
        """Pointwise mutual information of a bigram, capped; an unseen pair of frequent characters is negative."""
        ka, kb = self.key(a), self.key(b)
        ca, cb = self.uni.get(ka, 0), self.uni.get(kb, 0)
        if not ca or not cb:
            return 0.0
        expected = ca * cb * self.total_bi / (self.total_uni * self.total_uni)
        n = self.bi.get(ka + kb)
        if n:
            return max(-6.0, min(math.log(n / expected), 6.0))
        # Bigrams seen fewer than 3 times are not stored: assume 2.5 at most.
        return max(-6.0, min(0.0, math.log(2.5 / expected)))

    def rarest(self, s: str) -> float:
        """Score of the rarest non-space character of `s` (the cap for an empty or all-space string)."""
        return min((self.lo(c) for c in s if not c.isspace()), default=_CAP)

    def score(self, s: str, left: str = "", right: str = "") -> float:
        """Sum of unigram log-odds of `s` plus bigram PMI inside it and with its neighbours."""
        total = sum(self.lo(c) for c in s)
        seq = (left[-1:] if left else "") + s + (right[:1] if right else "")
        total += sum(self.pmi(seq[i], seq[i + 1]) for i in range(len(seq) - 1))
        return total
