"""Turn a processed Document into the public EventRecord (validated by pydantic)."""

from __future__ import annotations

from pipeline import __version__
from pipeline.document import Document
from pipeline.schema import EventRecord, SourceInfo


def to_record(doc: Document, config_hash: str) -> EventRecord:
    """The output record of a document that went through the configured stages."""
    raw = doc.raw
    clean, spans = doc.clean_text()
    language = doc.language if doc.language in ("zh-Hans", "zh-Hant", "en", "mixed") else "unknown"
    warnings = list(doc.warnings)
    if "decode_warning" in raw.meta:
        warnings.insert(0, raw.meta["decode_warning"])
    return EventRecord(
        doc_id=raw.doc_id,
        language=language,
        script=doc.script,
        source=SourceInfo(
            path=raw.source_path, format=raw.source_format, row=raw.row, sha256=raw.sha256, n_bytes=raw.n_bytes,
            encoding=raw.encoding, encoding_confidence=raw.encoding_confidence,
            external_id=raw.meta.get("external_id"), html_title=raw.meta.get("html_title"),
        ),
        title=doc.title,
        text=doc.text,
        clean_text=clean,
        clean_spans=spans,
        lines=doc.lines,
        repairs=doc.repairs,
        removed=doc.removed,
        bylines=doc.bylines,
        entities=doc.entities,
        event=doc.event,
        warnings=warnings,
        stages=doc.stages,
        pipeline_version=__version__,
        config_hash=config_hash,
    )


def check_offsets(record: EventRecord) -> list[str]:
    """Every span whose offsets do not cut its own text out of `record.text` (should be none)."""
    text, bad = record.text, []

    def check(kind: str, start: int | None, end: int | None, s: str | None) -> None:
        if start is None or end is None or s is None:
            return
        if text[start:end] != s:
            bad.append(f"{kind} [{start}:{end}] {s!r} != {text[start:end]!r}")

    for r in record.repairs:
        check("repair", r.start, r.end, r.replacement)
    for r in record.removed:
        check("removed", r.start, r.end, r.text)
    for e in record.entities:
        check(f"entity {e.type}", e.start, e.end, e.text)
        for m in e.mentions:
            check(f"mention {e.type}", m.start, m.end, m.text)
    ev = record.event
    if ev is not None:
        for sp in ev.evidence + ev.date.evidence:
            check("evidence", sp.start, sp.end, sp.text)
        check("date", ev.date.start, ev.date.end, ev.date.text)
        people = ([ev.main_person] if ev.main_person else []) + ev.participants
        for p in people:
            check("person", p.start, p.end, p.name)
            for sp in p.evidence:
                check("person evidence", sp.start, sp.end, sp.text)
        for item in ev.visited_organizations + ev.places:
            check("event item", item.start, item.end, item.text)
    return bad
