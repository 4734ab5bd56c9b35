"""The one small interface every NER back-end implements."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Protocol

LABELS = ("PERSON", "ORG", "PLACE", "DATE")


@dataclass(frozen=True)
class RawEntity:
    """An entity found by a back-end: offsets into the text it was given, one of LABELS."""

    start: int
    end: int
    label: str
    source: str


class BackendUnavailable(RuntimeError):
    """A back-end whose package or model is not installed; the message says what to install."""


def model_source(model: str | None, install: str) -> str:
    """A model the config names: a local path (relative to the repo) if it exists, else an identifier."""
    from pipeline.config import resource_path

    if not model:
        raise BackendUnavailable(f"{install}; ner.model is not set")
    path = resource_path(model)  # absolute, ~ and ./ paths as given, else the packaged file
    return str(path) if path.exists() else model


class NerBackend(Protocol):
    """`predict(texts) -> one list of RawEntity per text`, offsets into that text."""

    name: str

    def predict(self, texts: list[str]) -> list[list[RawEntity]]: ...
