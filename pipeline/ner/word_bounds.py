"""Word boundaries as evidence for the resolver: a model's entity that starts or ends inside a word is distrusted.

The words come from the `pkuseg-msra` segmentation model (spacy-pkuseg, trained by `zh-events train-pkuseg`
on LAC's segmentation of MSRA with the MSRA entities kept whole, so a name is one word). A candidate
proposed by a statistical model (a source without a dotted rule id: `lac`, `hanlp`, `spacy-msra` ...)
whose start or end falls strictly inside a word (人民 | 政府 cut as 民政) is dropped before resolving;
candidates of the pattern rules are kept (they carry their own evidence). Switched on by
`ner.word_boundaries`; `benchmarks/score_corpus.py --set ner.word_boundaries=true` measures it.
"""

from __future__ import annotations

from pathlib import Path

from pipeline.config import resource_path
from pipeline.ner.base import BackendUnavailable

DEFAULT_MODEL = "models/pkuseg-msra"


def load_segmenter(model: str | Path = DEFAULT_MODEL):
    """The spacy-pkuseg segmenter of `model` (a folder with features.msgpack and weights.npz), no user dictionary."""
    path = resource_path(model)
    if not (path / "features.msgpack").is_file():
        raise BackendUnavailable(f"no pkuseg model at {path}: run `zh-events train-pkuseg --output {path}`")
    try:
        import spacy_pkuseg
    except ImportError:
        raise BackendUnavailable("word boundaries need spacy-pkuseg: pip install spacy-pkuseg") from None
    return spacy_pkuseg.pkuseg(model_name=str(path), user_dict=None)


def inner_positions(words: list[str]) -> set[int]:
    """Offsets strictly inside a word (not at its edges) of a segmentation that concatenates to the text."""
    inner, pos = set(), 0
    for w in words:
        inner.update(range(pos + 1, pos + len(w)))
        pos += len(w)
    return inner


def is_model_source(source: str) -> bool:
    """A candidate of a statistical model (its back-end's name), not of a pattern rule (a dotted rule id)."""
    return "." not in source


class WordBoundaries:
    """Drops model candidates whose boundaries cut through a pkuseg word."""

    def __init__(self, model: str | Path = DEFAULT_MODEL) -> None:
        self._seg = load_segmenter(model)

    def words(self, text: str) -> list[str]:
        """pkuseg's words of `text`, with the whitespace pkuseg drops given back as words of their own."""
        out, pos = [], 0
        for w in self._seg.cut(text):
            found = text.find(w, pos)
            if found < 0:  # never expected: pkuseg returns pieces of its input
                return [text]
            if found > pos:
                out.append(text[pos:found])
            out.append(w)
            pos = found + len(w)
        if pos < len(text):
            out.append(text[pos:])
        return out

    def filter(self, cands: list, text: str, pieces: list[tuple[int, int]]) -> list:
        """`cands` (offsets into `text`) without the model candidates that start or end inside a word.

        `pieces` are the (start, end) chunks the candidates were found in; each is segmented once,
        and only when a model candidate lies in it.
        """
        inner: set[int] = set()
        for start, end in pieces:
            if any(is_model_source(c.source) and start <= c.start < end for c in cands):
                inner.update(start + i for i in inner_positions(self.words(text[start:end])))
        return [c for c in cands if not (is_model_source(c.source) and (c.start in inner or c.end in inner))]
