"""Find pinyin readings glued after the characters they read (產業(yè), 省(sheng)委), checked against pypinyin.

A parenthesized Latin group right after Han characters is a reading when its syllables spell, in order, one
reading of each of the characters before it. How sure that is depends on how it is written:
- toned (chǎn, chan3): always a reading;
- untoned and all lower-case (sheng, diao yan): a reading; an English word, a brand or a gloss is written
  capitalized or is not the characters' own syllables (Group, Co, 2021 never match);
- untoned and capitalized (深圳(Shenzhen), 李(Li)): an editor's gloss of a name, unless the same document
  has other readings glued on (a mirror site that glues them on everywhere capitalizes at sentence starts).
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

from pipeline.text import HAN_CHAR

_TONED = "āáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜńňǹḿ"
GROUP = re.compile(r"[(（]\s*([A-Za-z" + _TONED + r"üÜ:'’ \-0-5]{1,60}?)\s*[)）]")
_HAN = HAN_CHAR
_SEP = re.compile(r"[\s'’\-]+")


def _plain(s: str) -> str:
    """Lower-case, ü spelled ü whatever the input used (v, u:)."""
    return s.lower().replace("u:", "ü").replace("v", "ü")


@lru_cache(maxsize=32768)
def readings(ch: str) -> frozenset[str]:
    """Every reading of one character: tone marks (chǎn), tone digits (chan3, neutral de5/de0/de), none (chan)."""
    from pypinyin import Style, pinyin

    out: set[str] = set()
    for r in pinyin(ch, style=Style.TONE, heteronym=True, errors="ignore")[0:1]:
        out.update(_plain(x) for x in r)
    for r in pinyin(ch, style=Style.NORMAL, heteronym=True, errors="ignore")[0:1]:
        # untoned text often drops the umlaut as well (nu for nǚ)
        out.update(y for x in r for y in (_plain(x), _plain(x).replace("ü", "u")))
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


TONED, LOWER, CAPITAL = "toned", "lower", "capital"


def kind(body: str) -> str:
    """How sure a group is a reading, by its spelling: toned, untoned lower-case, untoned capitalized."""
    if _has_tone(body):
        return TONED
    return CAPITAL if any(c.isupper() for c in body) else LOWER


def scan(text: str, max_chars: int) -> list[tuple[int, int, str]]:
    """(start, end, kind) of every parenthesized group that spells a reading of the Han characters right
    before it, whatever its kind; `accept` decides which of them go."""
    out = []
    for m in GROUP.finditer(text):
        body = m.group(1)
        if not any(c.isalpha() for c in body):
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
                out.append((m.start(), m.end(), kind(body)))
                break
    return out


def accept(groups: list[tuple[int, int, str]], untoned_lower: bool, capital_min_others: int) -> list[bool]:
    """Which groups of one document are readings: toned ones always; untoned lower-case ones when
    `untoned_lower`; untoned capitalized ones when the document holds at least `capital_min_others` other
    accepted readings (0: never)."""
    ok = [k == TONED or (untoned_lower and k == LOWER) for _, _, k in groups]
    others = sum(ok)
    if capital_min_others > 0 and others >= capital_min_others:
        ok = [o or k == CAPITAL for o, (_, _, k) in zip(ok, groups)]
    return ok

