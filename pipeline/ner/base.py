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


class NerBackend(Protocol):
    """`predict(texts) -> one list of RawEntity per text`, offsets into that text."""

    name: str

    def predict(self, texts: list[str]) -> list[list[RawEntity]]: ...
