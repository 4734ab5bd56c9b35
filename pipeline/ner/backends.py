"""Registry of NER back-ends: a name in the config -> the class that implements `NerBackend`.

Back-ends are imported only when a run asks for them, so an optional dependency that is not
installed (hanlp, a trained pipeline) costs nothing until it is named.
"""

from __future__ import annotations

import importlib
import sys

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


# Back-ends whose models never run on torch: ONNX (lac), rules (english), and spaCy pipelines of thinc's numpy
# layers (the project's own models/spacy-msra and models/spacy-pkuseg-msra; a user's pipeline named by
# `ner.model` may hold torch layers, so with a model path they count as needing it).
TORCH_FREE = frozenset({"lac", "english"})
TORCH_FREE_WITH_OWN_MODEL = frozenset({"spacy-msra", "spacy-pkuseg"})


def torch_needed(names: list[str], model: str | None) -> bool:
    """Whether any of the back-ends `names` may need torch (hanlp always; a spaCy back-end with a user's model)."""
    return any(n not in TORCH_FREE and not (n in TORCH_FREE_WITH_OWN_MODEL and model is None) for n in names)


def import_spacy_without_torch() -> bool:
    """Import spaCy with thinc's optional torch support left off; whether it did.

    thinc imports torch whenever it is installed (it is, with the `hanlp` extra), which costs a worker
    about 190 MB of memory and 4 s of start-up although no torch layer runs. A `None` in `sys.modules`
    makes `import torch` raise ImportError for the length of spaCy's import only, so thinc records
    `has_torch = False`; a later `import torch` (HanLP in the same process) works as usual. Nothing is
    done when spaCy or torch is already imported.
    """
    if "thinc" in sys.modules or "torch" in sys.modules:
        return False
    sys.modules["torch"] = None  # type: ignore[assignment]
    try:
        import spacy  # noqa: F401
    except ImportError:
        return False
    finally:
        del sys.modules["torch"]
    return True
