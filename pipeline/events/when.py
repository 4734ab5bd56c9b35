"""The event date: the first candidate date of the lead; its year from the text, never invented.

A month-day without a year takes its year, in this order, from: the article's own publication date (the
year that puts the event nearest before it), a year alone on the page's date widget, a year written in
the headline or lead (2024年第二次…仪式, the first quarter of 2022), a full date stated near it in the body.
Each choice keeps its evidence span and names its source in `year_source`. A relative date (近日, today)
gives no date, and the page's own date line never becomes the event date: only what the body states does.
"""

from __future__ import annotations

import datetime as _dt
import re

from pipeline.document import DateMention, Document
from pipeline.events.text import segment_of, sentence_around, title_segments
from pipeline.schema import DateInfo, Span

CANDIDATE_KINDS = ("event", "range", "day", "relative")
# News reports events after they happen: a month-day later than the publication date costs this many times
# more than one before it (an event on 02-11 in an article of 2022-08-19 is 2022-02-11, not 2023).
FUTURE_COST = 6
# A full date in the body lends its year to the event's month-day when they are at most this many days apart.
NEAR_BODY_DAYS = 62


def _span(m: DateMention) -> Span:
    return Span(start=m.start, end=m.end, text=m.text)


def _year_source(m: DateMention) -> str:
    return "dateline" if m.kind == "dateline" else "source_line"


def closest_year(month: int, day: int, ref: _dt.date) -> int | None:
    """The year that puts month-day nearest to the reference date, an event before it preferred."""
    best, best_cost = None, None
    for y in (ref.year - 1, ref.year, ref.year + 1):
        try:
            d = _dt.date(y, month, day)
        except ValueError:
            continue
        cost = (ref - d).days if d <= ref else (d - ref).days * FUTURE_COST
        if best_cost is None or cost < best_cost:
            best, best_cost = d, cost
    return best.year if best else None


def _publication(doc: Document) -> DateMention | None:
    pubs = [m for m in doc.dates if m.kind in ("publication", "dateline") and m.iso == doc.published]
    return pubs[0] if pubs else None


def _lead_year(doc: Document, line: int | None) -> DateMention | None:
    """The one year written alone in the headline or the event date's own paragraph (not a statistic's or plan's)."""
    titles = title_segments(doc)
    years = [m for m in doc.dates if m.kind == "year" and m.year
             and ((line is not None and m.line == line) or segment_of(titles, m.start))]
    return years[0] if years and len({m.year for m in years}) == 1 else None


def _near_body_date(doc: Document, month_day: str, body: list[tuple[int, int]]) -> DateMention | None:
    """A full date stated in the body within NEAR_BODY_DAYS of the month-day (a meeting announcing an expo)."""
    month, day = int(month_day[:2]), int(month_day[3:])
    for m in doc.dates:
        if not (m.iso and m.kind in ("event", "range", "plan") and segment_of(body, m.start)):
            continue
        ref = _dt.date.fromisoformat(m.iso)
        year = closest_year(month, day, ref)
        if year and abs((_dt.date(year, month, day) - ref).days) <= NEAR_BODY_DAYS:
            return m
    return None


def resolve_year(doc: Document, month_day: str, line: int | None,
                 body: list[tuple[int, int]]) -> tuple[str | None, str | None, Span | None]:
    """(iso, year_source, evidence) for a month-day without a year; (None, None, None) when the text gives none."""
    month, day = int(month_day[:2]), int(month_day[3:])
    pub = _publication(doc)
    if doc.published:
        year = closest_year(month, day, _dt.date.fromisoformat(doc.published))
        if year:
            return f"{year:04d}-{month_day}", _year_source(pub) if pub else "source_line", _span(pub) if pub else None
    candidates = [
        ("page_year", next((m for m in doc.dates if m.kind == "publication_year"), None)),
        ("lead_year", _lead_year(doc, line)),
    ]
    for source, m in candidates:
        if m is not None:
            try:
                _dt.date(m.year, month, day)
            except ValueError:
                continue
            return f"{m.year:04d}-{month_day}", source, _span(m)
    near = _near_body_date(doc, month_day, body)
    if near is not None:
        year = closest_year(month, day, _dt.date.fromisoformat(near.iso))
        return f"{year:04d}-{month_day}", "body", _span(near)
    return None, None, None


def _names_source(doc: Document, m: DateMention) -> bool:
    """Whether the date's line names a source beside the date (a site or paper), not a bare date and time."""
    line = doc.line_of(m.start)
    if line is None:
        return False
    rest = doc.norm_text[line.start:m.start] + doc.norm_text[m.end:line.end]
    return "pub.source_line" in (m.rule or "") and re.search(r"[\u4e00-\u9fffA-Za-z]{2,}", rest) is not None


def _first_candidate(cands: list[DateMention], doc: Document, body: list[tuple[int, int]]) -> DateMention:
    """The first candidate; a relative one gives way to an absolute date in its own sentence (今天(8月9日))."""
    first = cands[0]
    if not first.relative:
        return first
    seg = segment_of(body, first.start)
    sent = sentence_around(doc.norm_text, first.start, seg) if seg else (first.start, first.end)
    same = [m for m in cands[1:] if not m.relative and m.kind != "day" and sent[0] <= m.start < sent[1]]
    return same[0] if same else first


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
    datelines = [m for m in doc.dates if m.kind == "dateline"]
    if cands:
        m = _first_candidate(cands, doc, body)
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
        elif month_day:
            iso, year_source, year_span = resolve_year(doc, month_day, m.line, body)
            if year_span and year_span not in evidence:
                evidence.append(year_span)
        return DateInfo(text=m.text, iso=iso, month_day=month_day, start=m.start, end=m.end,
                        published=doc.published, year_source=year_source, evidence=evidence), f"event.date.lead:{m.rule}"
    # No date in the lead: a dateline the body states (株洲日报12月2日讯) or the source line that opens the
    # article (中国宁波网  22年11月10日) dates the report; a bare date line (2020-10-26) is page metadata and
    # never becomes the event date.
    source_lines = [m for m in doc.dates if m.kind == "publication" and _names_source(doc, m)]
    fallback = (datelines[:1] or source_lines[:1])
    if fallback and fallback[0].month_day:
        m = fallback[0]
        iso, year_source, evidence = m.iso, _year_source(m) if m.iso else None, [_span(m)]
        if iso is None:
            iso, year_source, year_span = resolve_year(doc, m.month_day, m.line, body)
            if year_span and year_span not in evidence:
                evidence.append(year_span)
        return DateInfo(text=m.text, iso=iso, month_day=m.month_day, start=m.start, end=m.end,
                        published=doc.published, year_source=year_source,
                        evidence=evidence), f"event.date.own_date_line:{m.rule}"
    return DateInfo(published=doc.published), None
