"""The event date: the first candidate date of the lead, resolved with the article's own date."""

from __future__ import annotations

import datetime as _dt
import re

from pipeline.document import DateMention, Document
from pipeline.events.text import segment_of
from pipeline.schema import DateInfo, Span

CANDIDATE_KINDS = ("event", "range", "day", "relative")


def _span(m: DateMention) -> Span:
    return Span(start=m.start, end=m.end, text=m.text)


def _year_source(m: DateMention) -> str:
    return "dateline" if m.kind == "dateline" else "source_line"


def closest_year(month: int, day: int, ref: _dt.date) -> int | None:
    """The year that puts month-day nearest to the reference date (an event days before a January article)."""
    best = None
    for y in (ref.year - 1, ref.year, ref.year + 1):
        try:
            d = _dt.date(y, month, day)
        except ValueError:
            continue
        if best is None or abs((d - ref).days) < abs((best - ref).days):
            best = d
    return best.year if best else None


def _publication(doc: Document) -> DateMention | None:
    pubs = [m for m in doc.dates if m.kind == "publication" and m.iso == doc.published]
    return pubs[0] if pubs else None


def event_date(doc: Document, lead_paragraphs: int) -> tuple[DateInfo, str | None]:
    """DateInfo of the event and the rule id that chose it."""
    body = doc.body_segments()
    lines = []
    for s, _ in body:
        ln = doc.line_of(s)
        if ln and ln.n not in lines:
            lines.append(ln.n)
    window = set(lines[:lead_paragraphs])
    cands = [m for m in doc.dates if m.kind in CANDIDATE_KINDS and segment_of(body, m.start) and m.line in window]
    pub = _publication(doc)
    ref = _dt.date.fromisoformat(doc.published) if doc.published else None
    datelines = [m for m in doc.dates if m.kind == "dateline"]
    if cands:
        m = cands[0]
        evidence = [_span(m)]
        if m.relative:
            return DateInfo(text=m.text, start=m.start, end=m.end, relative=True, published=doc.published,
                            evidence=evidence + ([_span(pub)] if pub else [])), "event.date.relative"
        month_day, year_source, iso = m.month_day, None, m.iso
        if m.kind == "day":
            month_src = datelines[0] if datelines and datelines[0].month_day else pub
            if month_src:
                month_day = f"{month_src.month_day[:2]}-{int(re.match(r'[0-9]+', m.text).group()):02d}"
                evidence.append(_span(month_src))
        if iso:
            year_source = "body"
        elif month_day and ref:
            year = closest_year(int(month_day[:2]), int(month_day[3:]), ref)
            if year:
                iso, year_source = f"{year:04d}-{month_day}", _year_source(pub) if pub else "source_line"
                if pub and _span(pub) not in evidence:
                    evidence.append(_span(pub))
        return DateInfo(text=m.text, iso=iso, month_day=month_day, start=m.start, end=m.end,
                        published=doc.published, year_source=year_source, evidence=evidence), f"event.date.lead:{m.rule}"
    fallback = (datelines[:1] or ([pub] if pub else []))
    if fallback:
        m = fallback[0]
        iso = m.iso
        if iso is None and m.month_day and ref:
            year = closest_year(int(m.month_day[:2]), int(m.month_day[3:]), ref)
            iso = f"{year:04d}-{m.month_day}" if year else None
        return DateInfo(text=m.text, iso=iso, month_day=m.month_day, start=m.start, end=m.end,
                        published=doc.published, year_source=_year_source(m) if iso else None,
                        evidence=[_span(m)]), f"event.date.own_date_line:{m.rule}"
    return DateInfo(published=doc.published), None
