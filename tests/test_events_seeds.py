"""The dates and events stages on the seed articles, through the real normalize/strip/ner stages."""

from __future__ import annotations

import json

import pytest

from pipeline.config import load_config
from pipeline.document import Document
from pipeline.registry import get_stage
from pipeline.schema import RawDocument

from conftest import SEEDS, SHARED

STAGES = ["normalize", "strip", "ner", "dates", "events"]


@pytest.fixture(scope="module")
def pipeline():
    """The five stages built from the default config."""
    cfg = load_config()
    return [get_stage(n).factory(getattr(cfg, n)) for n in STAGES]


@pytest.fixture(scope="module")
def docs(pipeline) -> dict[str, Document]:
    """Every seed run through the stages."""
    out = {}
    for path in sorted(SEEDS.glob("*.txt")):
        text = path.read_text(encoding="utf-8")
        doc = Document.from_raw(RawDocument(
            doc_id=path.stem, source_path=str(path), source_format="txt", sha256="0", n_bytes=len(text.encode()),
            encoding="utf-8", encoding_confidence=1.0, text=text,
        ))
        for stage in pipeline:
            doc = stage(doc)
        out[path.stem] = doc
    return out


def _gold(stem: str) -> dict:
    return json.loads((SHARED / "seeds-gold" / f"{stem}.json").read_text(encoding="utf-8"))


@pytest.mark.parametrize("stem", [p.stem for p in sorted(SEEDS.glob("*.txt"))])
def test_seed_event_matches_gold(docs, stem):
    doc, gold = docs[stem], _gold(stem)
    ev = doc.event
    assert ev.type == gold["event_type"]
    assert ev.date.month_day == gold["date_month_day"]
    assert ev.date.iso == gold["date"]
    gm = gold["main_person"]
    assert ev.main_person.name in {gm["name"], gm.get("simplified")}
    assert ev.main_person.org == gm["org"]
    if gm["titles"]:
        assert ev.main_person.titles == gm["titles"]
    assert set(ev.secondary_types) == set(gold["secondary_event_types"])


@pytest.mark.parametrize("stem", [p.stem for p in sorted(SEEDS.glob("*.txt"))])
def test_seed_spans_point_into_text(docs, stem):
    doc = docs[stem]
    ev = doc.event
    spans = list(ev.evidence) + list(ev.date.evidence)
    for p in [ev.main_person, *ev.participants]:
        spans += p.evidence
    spans += ev.visited_organizations + ev.places + doc.dates
    for sp in spans:
        assert doc.text[sp.start:sp.end] == sp.text
