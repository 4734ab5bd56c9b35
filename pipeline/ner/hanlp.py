"""`hanlp` NER back-end: a HanLP 2.x NER model on disk, by default the one this project trains.

HanLP is optional (`pip install 'zh-events[hanlp]'`). Its published models are large downloads and this
project never downloads at run time: the default model is `models/hanlp-msra`, HanLP's BiLSTM-CRF
`RNNNamedEntityRecognizer` trained on MSRA by `zh-events train-hanlp` (pipeline/ner/train_hanlp.py).
`ner.model` may name another HanLP model folder on disk; identifiers and URLs are refused (HanLP would download).
"""

from __future__ import annotations

import os

from pipeline.ner.base import BackendUnavailable, RawEntity, model_source

DEFAULT_MODEL = "models/hanlp-msra"

# HanLP tag sets: MSRA (NR/NS/NT), OntoNotes (PERSON/GPE/LOC/ORG/DATE), PKU (nr/ns/nt).
HANLP_TO_LABEL = {
    "NR": "PERSON", "NS": "PLACE", "NT": "ORG", "PER": "PERSON", "PERSON": "PERSON", "LOC": "PLACE",
    "LOCATION": "PLACE", "GPE": "PLACE", "ORG": "ORG", "ORGANIZATION": "ORG", "DATE": "DATE", "TIME": "DATE",
    "nr": "PERSON", "ns": "PLACE", "nt": "ORG",
}

INSTALL = (
    "the hanlp back-end needs HanLP 2.x and torch: pip install 'zh-events[hanlp]', and a local NER model "
    "(models/hanlp-msra, made by `zh-events train-hanlp`, or ner.model naming another model directory)"
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


def tags_to_spans(tags: list[str]) -> list[tuple[str, str, int, int]]:
    """IOBES / BIO / BMES tags -> HanLP span tuples, read leniently as conlleval reads them.

    HanLP's own decoder raises on an ill-formed sequence (an E- with no B-), which a CRF without
    transition constraints can emit; here such a tag opens or closes an entity instead, so no
    tagged token is lost and a batch never fails.
    """
    spans, open_start, open_label = [], None, None

    def close(end: int) -> None:
        nonlocal open_start, open_label
        if open_label is not None:
            spans.append(("", open_label, open_start, end))
        open_start, open_label = None, None

    for i, tag in enumerate(tags):
        prefix, _, label = tag.partition("-")
        if prefix == "O" or not label:
            close(i)
            continue
        if prefix in ("I", "M", "E") and open_label == label:
            if prefix == "E":
                close(i + 1)
            continue
        close(i)
        if prefix in ("S", "U"):
            spans.append(("", label, i, i + 1))
        elif prefix in ("E", "L"):
            spans.append(("", label, i, i + 1))
        else:  # B, or an I/M without an open entity of its label
            open_start, open_label = i, label
    close(len(tags))
    return spans


def fix_crf_layout(model):
    """Make the CRF of HanLP's RNN tagger read (batch, sequence) tensors, as the tagger gives them.

    HanLP 2.1.5's `RNNTaggingModel` passes its `crf_constraints` argument (None) as the CRF's `batch_first`,
    so the CRF reads the batch axis as the sequence axis: trained that way, a model learns positions in the
    batch, not tags. Called on the model when it is built, for training and for loading.
    """
    crf = getattr(model, "crf", None)
    if crf is not None and getattr(crf, "batch_first", True) is None:
        crf.batch_first = True
    return model


class HanlpBackend:
    """HanLP tokenizer + NER, loaded once from the model the config names (default: models/hanlp-msra)."""

    name = "hanlp"

    def __init__(self, model: str | None = DEFAULT_MODEL, tokenizer: str | None = None, threads: int = 1,
                 batch_size: int = 64) -> None:
        source = model_source(model or DEFAULT_MODEL, INSTALL)
        # only a folder on disk: HanLP would download a model named by identifier or URL, and nothing here downloads
        if not os.path.isdir(source):
            raise BackendUnavailable(f"{INSTALL}; no model folder {source!r} (`zh-events train-hanlp --output DIR` "
                                     "makes one)")
        try:
            import hanlp
            import torch
            from hanlp.components.taggers.tagger import Tagger
        except ImportError:
            raise BackendUnavailable(INSTALL) from None
        # one thread per worker, as for the other back-ends: the runner parallelizes over processes
        torch.set_num_threads(threads)
        self._ner = hanlp.load(source, devices=[-1], verbose=False)
        if getattr(self._ner, "model", None) is not None:
            fix_crf_layout(self._ner.model)
        self._tok = hanlp.load(tokenizer, devices=[-1], verbose=False) if tokenizer else None
        # a character tagger (this project's model): read its tags here, leniently, rather than through
        # HanLP's span decoder, which raises on one ill-formed tag sequence
        self._tagger = isinstance(self._ner, Tagger) and self._tok is None
        self._batch_size = batch_size

    def predict(self, texts: list[str]) -> list[list[RawEntity]]:
        """One list of entities per text; char-level models get characters as tokens."""
        tokens = [self._tok(text) if self._tok else [c for c in text if not c.isspace()] for text in texts]
        todo = [i for i, t in enumerate(tokens) if t]
        spans: list[list] = [[] for _ in texts]
        if todo:
            batch = [tokens[i] for i in todo]
            if self._tagger:
                from hanlp.components.taggers.tagger import Tagger
                found = [tags_to_spans(t) for t in Tagger.predict_data(self._ner, batch, self._batch_size)]
            else:
                found = self._ner(batch)
            for i, s in zip(todo, found, strict=True):
                spans[i] = s
        return [convert(text, toks, s) for text, toks, s in zip(texts, tokens, spans, strict=True)]
