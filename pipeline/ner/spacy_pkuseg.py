"""`spacy-pkuseg` NER back-end: a spaCy Chinese pipeline segmented by spacy-pkuseg, with a trained NER.

spaCy's own Chinese pipelines (zh_core_web_*) are this: pkuseg segmentation plus an NER trained on
OntoNotes; they are download-only and never fetched at run time. The default here is this project's
`models/spacy-pkuseg-msra`: words from the committed `pkuseg-msra` segmenter (`zh-events train-pkuseg`, a copy
saved with the pipeline's tokenizer) and an NER trained on MSRA (`zh-events train-ner --config
configs/ner/spacy_pkuseg.cfg`). It is not committed (23 MB): `make models/spacy-pkuseg-msra` builds it. `ner.model` may name another pipeline directory (or an installed package
such as zh_core_web_sm) and, for a blank pipeline, `ner.pkuseg_model` its pkuseg model.
"""

from __future__ import annotations


from pipeline.ner.base import BackendUnavailable, RawEntity, model_source

DEFAULT_MODEL = "models/spacy-pkuseg-msra"

# OntoNotes labels (zh_core_web_*) and MSRA's (PER, LOC, ORG) -> the project's labels; the others
# (NORP, CARDINAL...) are dropped.
ONTONOTES_TO_LABEL = {
    "PERSON": "PERSON", "PER": "PERSON", "GPE": "PLACE", "LOC": "PLACE", "FAC": "PLACE", "ORG": "ORG",
    "DATE": "DATE", "TIME": "DATE",
}

INSTALL = (
    "the spacy-pkuseg back-end needs a spaCy Chinese pipeline with an NER on disk (models/spacy-pkuseg-msra, "
    "built by `make models/spacy-pkuseg-msra`, i.e. `zh-events train-ner --config configs/ner/spacy_pkuseg.cfg "
    "--output models/spacy-pkuseg-msra`, or another directory or installed package named by ner.model), and "
    "spacy-pkuseg: pip install spacy-pkuseg"
)


def convert(ents: list[tuple[int, int, str]]) -> list[RawEntity]:
    """spaCy (start_char, end_char, label_) triples -> entities with the project's labels."""
    return [
        RawEntity(s, e, ONTONOTES_TO_LABEL[label], "spacy-pkuseg")
        for s, e, label in ents
        if label in ONTONOTES_TO_LABEL and e > s
    ]


class SpacyPkusegBackend:
    """A spaCy pipeline loaded once from disk; its tokenizer must be the pkuseg segmenter."""

    name = "spacy-pkuseg"

    def __init__(self, model: str | None = DEFAULT_MODEL, pkuseg_model: str | None = None,
                 batch_size: int = 256) -> None:
        source = model_source(model or DEFAULT_MODEL, INSTALL)
        if source == DEFAULT_MODEL:  # model_source returns a path when the folder exists
            raise BackendUnavailable(f"{INSTALL}; no model at {DEFAULT_MODEL}")
        try:
            import spacy
            import spacy_pkuseg  # noqa: F401  (the segmenter the pipeline's tokenizer calls)
        except ImportError:
            raise BackendUnavailable(INSTALL) from None
        try:
            nlp = spacy.load(source)  # a local path, or an installed package name such as zh_core_web_sm
        except OSError as exc:
            raise BackendUnavailable(f"{INSTALL}; cannot load {model!r}: {exc}") from None
        if "ner" not in nlp.pipe_names:
            raise BackendUnavailable(f"{INSTALL}; the pipeline {model!r} has no 'ner' component")
        if pkuseg_model:
            from pipeline.config import resource_path
            nlp.tokenizer.initialize(pkuseg_model=str(resource_path(pkuseg_model)))
        if getattr(nlp.tokenizer, "segmenter", "pkuseg") != "pkuseg":
            raise BackendUnavailable(f"{INSTALL}; the pipeline {model!r} does not segment with pkuseg")
        self._nlp = nlp
        self._batch_size = batch_size

    def predict(self, texts: list[str]) -> list[list[RawEntity]]:
        """One list of entities per text (half-width, as the MSRA-trained model was; offsets do not move)."""
        from pipeline.text import HALF_WIDTH_ASCII

        docs = self._nlp.pipe([t.translate(HALF_WIDTH_ASCII) for t in texts], batch_size=self._batch_size)
        return [convert([(e.start_char, e.end_char, e.label_) for e in doc.ents]) for doc in docs]
