"""Registry of NER back-ends: a name in the config -> the class that implements `NerBackend`.

Back-ends are imported only when a run asks for them, so an optional dependency that is not
installed (hanlp, a trained pipeline) costs nothing until it is named.
"""

from __future__ import annotations

import importlib

from pipeline.ner.base import BackendUnavailable, NerBackend

# name -> "module:Class"; adding a back-end is adding one module and one line here.
BACKENDS: dict[str, str] = {
    "lac": "pipeline.ner.lac:LacBackend",
    "spacy-msra": "pipeline.ner.spacy_msra:SpacyMsraBackend",
    "hanlp": "pipeline.ner.hanlp:HanlpBackend",
    "spacy-pkuseg": "pipeline.ner.spacy_pkuseg:SpacyPkusegBackend",
    "english": "pipeline.ner.english:EnglishBackend",
}


def load_backend(name: str, **options) -> NerBackend:
    """An instance of the back-end registered as `name`; `options` go to its constructor (None ones left out)."""
    if name not in BACKENDS:
        raise BackendUnavailable(f"unknown NER back-end {name!r}; known: {', '.join(sorted(BACKENDS))}")
    module, cls = BACKENDS[name].split(":")
    kwargs = {k: v for k, v in options.items() if v is not None}
    return getattr(importlib.import_module(module), cls)(**kwargs)
