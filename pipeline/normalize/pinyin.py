"""Find pinyin readings glued after the characters they read (產業(yè)), checked against pypinyin."""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

_TONED = "āáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜńňǹḿ"
GROUP = re.compile(r"[(（]\s*([A-Za-z" + _TONED + r"üÜ:'’ \-0-5]{1,60}?)\s*[)）]")
_HAN = re.compile(r"[\u3400-\u9fff\uf900-\ufaff]")
_SEP = re.compile(r"[\s'’\-]+")


def _plain(s: str) -> str:
    """Lower-case, ü spelled ü whatever the input used (v, u:)."""
    return s.lower().replace("u:", "ü").replace("v", "ü")


@lru_cache(maxsize=32768)
def readings(ch: str) -> frozenset[str]:
    """Every reading of one character: tone marks (chǎn) and tone digits (chan3, neutral de5/de0/de)."""
    from pypinyin import Style, pinyin

    out: set[str] = set()
    for r in pinyin(ch, style=Style.TONE, heteronym=True, errors="ignore")[0:1]:
        out.update(_plain(x) for x in r)
    for r in pinyin(ch, style=Style.TONE3, heteronym=True, errors="ignore", neutral_tone_with_five=True)[0:1]:
        for x in r:
            x = _plain(x)
            out.add(x)
            if x.endswith("5"):
                out.update({x[:-1] + "0", x[:-1]})
    return frozenset(out)


def _has_tone(s: str) -> bool:
    return any(c in _TONED for c in s.lower()) or any(c.isdigit() for c in s)


def _matches(group: str, chars: str) -> bool:
    """Whether `group` spells one reading of each character of `chars`, in order."""
    tokens = [t for t in _SEP.split(_plain(group)) if t]
    if len(tokens) == len(chars):
        return all(t in readings(c) for t, c in zip(tokens, chars))
    joined = "".join(tokens)

    @lru_cache(maxsize=None)
    def fit(pos: int, k: int) -> bool:
        if k == len(chars):
            return pos == len(joined)
        return any(joined.startswith(r, pos) and fit(pos + len(r), k + 1) for r in readings(chars[k]))

    return fit(0, 0)


def find_groups(text: str, max_chars: int) -> list[tuple[int, int]]:
    """(start, end) of every parenthesized group that is a reading of the Han characters right before it."""
    out = []
    for m in GROUP.finditer(text):
        body = m.group(1)
        if not _has_tone(body) or not any(c.isalpha() for c in body):
            continue
        body = unicodedata.normalize("NFC", body)
        i = m.start()
        n = 0
        while n < max_chars and i - n - 1 >= 0 and _HAN.match(text[i - n - 1]):
            n += 1
        n_syll = len([t for t in _SEP.split(body) if t])
        for k in range(1, n + 1):
            if n_syll > 1 and k < n_syll:
                continue
            if _matches(body, text[i - k : i]):
                out.append((m.start(), m.end()))
                break
    return out
