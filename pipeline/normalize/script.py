"""Traditional -> Simplified conversion that keeps every offset, script and language."""

from __future__ import annotations

import re
from functools import lru_cache

from pipeline.text import HAN, HAN_CHAR, HAN_RUN, convert_same_length, half_width, opencc_converter


# A half-width full stop closes a Chinese sentence when a Han character is before it and a Han character, an
# opening quote or bracket, or the line end after it (签约.当天 / 签约.\n); never inside numbers or English.
_STOP = re.compile(rf"(?<=[{HAN}])\.(?=[{HAN}“‘(（《]|[ \t]*(?:\n|$))")


# The dots that join the parts of a transliterated name (艾力·买买提): Taiwan (‧ U+2027), Japanese-style
# (・ U+30FB, ･ U+FF65), bullet and operator dots, all read as the middle dot U+00B7 between Han characters.
_NAME_DOT = re.compile(rf"(?<=[{HAN}])[\u2027\u30fb\uff65\u2022\u2219\u22c5](?=[{HAN}])")


def fold_stops(text: str) -> str:
    """The ASCII full stop that ends a Chinese sentence as the ideographic one (。), and every name dot as
    the middle dot (·), as models read them."""
    return _NAME_DOT.sub("·", _STOP.sub("。", text))


class Converter:
    """OpenCC conversion (profile e.g. "t2s") that never changes the length of the text."""

    def __init__(self, profile: str) -> None:
        self._cc = opencc_converter(profile)
        self._back = opencc_converter("s2t") if profile.startswith("t") else None
        # Hong Kong and Taiwan variant forms (衞, 敍, 簷) that the standard profile leaves alone
        self._regional = [opencc_converter(p) for p in ("hk2s", "tw2s")] if profile.endswith("2s") else []
        self._variant = lru_cache(maxsize=65536)(self._variant_one)
        self.char = lru_cache(maxsize=65536)(self._char)
        self._back_char = lru_cache(maxsize=65536)(self._back_one)

    def _variant_one(self, ch: str) -> str:
        """A regional variant character outside GB 2312 (never written in Simplified text) as its Simplified
        form; a character of GB 2312 stays (著, 么 are Simplified characters too)."""
        try:
            ch.encode("gb2312")
            return ch
        except UnicodeEncodeError:
            pass
        for cc in self._regional:
            out = cc.convert(ch)
            if len(out) == 1 and out != ch:
                return out
        return ch

    def _char(self, ch: str) -> str:
        out = self._cc.convert(ch)
        return self._variant(out if len(out) == 1 else ch)

    def convert(self, text: str) -> str:
        """The converted text, exactly as long as `text`, with full-width ASCII and wide spaces folded and a
        Chinese sentence's ASCII full stop made ideographic."""
        parts, pos = [], 0
        for m in HAN_RUN.finditer(text):
            parts.append(text[pos : m.start()])
            parts.append("".join(map(self._variant, convert_same_length(self._cc, m.group()))))
            pos = m.end()
        parts.append(text[pos:])
        return fold_stops(half_width("".join(parts)))

    def script(self, text: str) -> dict[str, float]:
        """Shares: han (of letters), hant and hans (of Han characters: changed by t2s / by s2t), latin (of letters)."""
        han = hant = hans = latin = 0
        for ch in text:
            if HAN_CHAR.match(ch):
                han += 1
                if self.char(ch) != ch:
                    hant += 1
                elif self._back is not None and self._back_char(ch) != ch:
                    hans += 1
            elif ch.isascii() and ch.isalpha():
                latin += 1
        letters = han + latin
        return {
            "han": round(han / letters, 4) if letters else 0.0,
            "hant": round(hant / han, 4) if han else 0.0,
            "hans": round(hans / han, 4) if han else 0.0,
            "latin": round(latin / letters, 4) if letters else 0.0,
        }

    def _back_one(self, ch: str) -> str:
        out = self._back.convert(ch)
        return out if len(out) == 1 else ch


def language(text: str, script: dict[str, float], zh_min: float, en_max: float, hant_min: float) -> str:
    """zh-Hans, zh-Hant, en, or mixed when neither Han nor Latin script dominates."""
    han, latin = script.get("han", 0.0), script.get("latin", 0.0)
    if han + latin == 0:
        return "unknown"
    # A Han character carries about as much text as three Latin letters.
    weight = han * 3 / (han * 3 + latin)
    if weight < en_max:
        return "en"
    if weight < zh_min:
        return "mixed"
    hant, hans = script.get("hant", 0.0), script.get("hans", 0.0)
    return "zh-Hant" if hant >= hant_min and hant > hans else "zh-Hans"
