"""`hanlp` NER back-end: a HanLP 2.x NER model (multi-task or single-task) the user has installed.

HanLP is optional (`pip install 'zh-events[hanlp]'`) and its models are large downloads; this
project never downloads at run time, so the config must name a model directory on disk (or an
identifier HanLP already has in its local cache).
"""

from __future__ import annotations


from pipeline.ner.base import BackendUnavailable, RawEntity, model_source

# HanLP tag sets: MSRA (NR/NS/NT), OntoNotes (PERSON/GPE/LOC/ORG/DATE), PKU (nr/ns/nt).
HANLP_TO_LABEL = {
    "NR": "PERSON", "NS": "PLACE", "NT": "ORG", "PER": "PERSON", "PERSON": "PERSON", "LOC": "PLACE",
    "LOCATION": "PLACE", "GPE": "PLACE", "ORG": "ORG", "ORGANIZATION": "ORG", "DATE": "DATE", "TIME": "DATE",
    "nr": "PERSON", "ns": "PLACE", "nt": "ORG",
}

INSTALL = (
    "the hanlp back-end needs HanLP 2.x: pip install 'zh-events[hanlp]', and a local NER model "
    "(set ner.model to its directory, e.g. --set ner.model=/models/hanlp/msra_ner_electra_small)"
)


def convert(text: str, tokens: list[str], spans: list) -> list[RawEntity]:
    """HanLP output -> entities with character offsets into `text`.

    `tokens` are HanLP's tokens for `text` (whitespace may be dropped between them); `spans` are its
    NER tuples `(entity_text, label, token_begin, token_end)`, token_end exclusive, as both the
    multi-task (`doc['ner/msra']`) and the single-task NER models return them.
    """
    starts, pos = [], 0
    for tok in tokens:
        found = text.find(tok, pos)
        if found < 0:
            raise ValueError(f"HanLP token {tok!r} not found in the text after offset {pos}")
        starts.append(found)
        pos = found + len(tok)
    out = []
    for span in spans:
        _, tag, begin, end = span[:4]
        label = HANLP_TO_LABEL.get(tag)
        if label is None or not 0 <= begin < end <= len(tokens):
            continue
        s, e = starts[begin], starts[end - 1] + len(tokens[end - 1])
        out.append(RawEntity(s, e, label, "hanlp"))
    return out


class HanlpBackend:
    """HanLP tokenizer + NER, loaded once from the model the config names."""

    name = "hanlp"

    def __init__(self, model: str | None = None, tokenizer: str | None = None) -> None:
        source = model_source(model, INSTALL)
        try:
            import hanlp
        except ImportError:
            raise BackendUnavailable(INSTALL) from None
        self._ner = hanlp.load(source)
        self._tok = hanlp.load(tokenizer) if tokenizer else None

    def predict(self, texts: list[str]) -> list[list[RawEntity]]:
        """One list of entities per text; char-level models get characters as tokens."""
        out = []
        for text in texts:
            tokens = self._tok(text) if self._tok else [c for c in text if not c.isspace()]
            spans = self._ner(tokens) if tokens else []
            out.append(convert(text, tokens, spans))
        return out
