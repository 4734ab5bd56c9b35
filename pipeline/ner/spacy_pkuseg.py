"""`spacy-pkuseg` NER back-end: a spaCy Chinese pipeline segmented by spacy-pkuseg, with a trained NER.

spaCy's own Chinese pipelines (zh_core_web_*) are this: pkuseg segmentation plus an NER trained
on OntoNotes. They are not installed here and are never downloaded at run time; the config names
the pipeline directory (`ner.model`) and, for a blank pipeline, the pkuseg model (`ner.pkuseg_model`).
"""

from __future__ import annotations


from pipeline.ner.base import BackendUnavailable, RawEntity, model_source

# OntoNotes labels (zh_core_web_*) -> the project's labels; the others (NORP, CARDINAL...) are dropped.
ONTONOTES_TO_LABEL = {
    "PERSON": "PERSON", "PER": "PERSON", "GPE": "PLACE", "LOC": "PLACE", "FAC": "PLACE", "ORG": "ORG",
    "DATE": "DATE", "TIME": "DATE",
}

INSTALL = (
    "the spacy-pkuseg back-end needs a spaCy Chinese pipeline with an NER on disk (e.g. zh_core_web_sm "
    "installed from a wheel, or a directory) named by ner.model, and spacy-pkuseg: pip install spacy-pkuseg"
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

    def __init__(self, model: str | None = None, pkuseg_model: str | None = None) -> None:
        source = model_source(model, INSTALL)
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
            nlp.tokenizer.initialize(pkuseg_model=pkuseg_model)
        if getattr(nlp.tokenizer, "segmenter", "pkuseg") != "pkuseg":
            raise BackendUnavailable(f"{INSTALL}; the pipeline {model!r} does not segment with pkuseg")
        self._nlp = nlp

    def predict(self, texts: list[str]) -> list[list[RawEntity]]:
        """One list of entities per text."""
        return [
            convert([(e.start_char, e.end_char, e.label_) for e in doc.ents]) for doc in self._nlp.pipe(texts)
        ]
