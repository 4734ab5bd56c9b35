"""Lexicon lookup for the Chinese pattern layer (`pipeline.ner.zh_rules`): every occurrence of every
word of several named word lists in a text, with exact character offsets.

It gives what spaCy's PhraseMatcher gave over a character-segmented Doc (one token per character,
`spacy.blank("zh")`), after the layer dropped matches that contained whitespace: for each lexicon, the
(start, end) spans of the text where one of its words occurs, sorted by (start, end), one span per
lexicon however many of its words are written alike. A word with whitespace in it never matches, nor
does an occurrence across whitespace (`苏 州` is not 苏州). `tests/test_lexicon_matcher.py` checks the
two against each other.

The PhraseMatcher cost a Doc per chunk (tens of thousands per batch) and about 3 s per worker to build
over the gazetteer; this is one dict from every word and every proper prefix of a word to the lexicons
the word belongs to and whether longer words go on from it. Scanning tries each start position and
stops at the first substring that is neither, so a position costs a dict lookup or two.
"""

from __future__ import annotations

from typing import Iterable, Mapping

Span = tuple[int, int]


class LexiconMatcher:
    """Built once from {lexicon name: words}; `find(text)` gives {lexicon name: sorted spans}."""

    def __init__(self, lexicons: Mapping[str, Iterable[str]]) -> None:
        self.keys: tuple[str, ...] = tuple(lexicons)
        self.source = lexicons  # the word lists as given (tests compare with spaCy's PhraseMatcher on them)
        members: dict[str, list[int]] = {}
        for k, key in enumerate(self.keys):
            for word in lexicons[key]:
                if word and not any(c.isspace() for c in word):
                    ks = members.setdefault(word, [])
                    if not ks or ks[-1] != k:
                        ks.append(k)
        prefixes = {w[:i] for w in members for i in range(1, len(w))}
        empty: tuple[int, ...] = ()
        # substring -> (lexicons it is a word of, whether a longer word starts with it)
        self.table: dict[str, tuple[tuple[int, ...], bool]] = {
            s: (tuple(members.get(s, empty)), s in prefixes) for s in prefixes | members.keys()
        }
        self.max_len = max((len(w) for w in members), default=0)

    def __len__(self) -> int:
        return len(self.table)

    def find(self, text: str) -> dict[str, list[Span]]:
        """The spans of each lexicon's words in `text`."""
        lists: list[list[Span]] = [[] for _ in self.keys]
        table = self.table
        n = len(text)
        for i in range(n):
            j = i + 1
            entry = table.get(text[i])
            while entry is not None:
                ks, more = entry
                for k in ks:
                    lists[k].append((i, j))
                if not more or j >= n:
                    break
                j += 1
                entry = table.get(text[i:j])
        return dict(zip(self.keys, lists))
