"""The working document that flows through the stages (like spaCy's Doc).

Each stage receives a `Document`, fills in its own fields and returns it; stages never reach
into each other's internals. Three texts are involved:

- `raw.text`: the decoded source, exactly as read (line n of it is line n for the scorer);
- `text`: the repaired text (normalize); it has the same lines as the source, and every offset
  in the output record points into it; `source_map` maps its offsets back to `raw.text`;
- `norm_text`: what the models see: Simplified script, half-width ASCII. It has exactly the
  same length as `text`, so an offset found in `norm_text` is an offset into `text`.
"""

from __future__ import annotations

from pydantic import BaseModel, ConfigDict, Field

from pipeline.offsets import OffsetMap
from pipeline.schema import (
    Byline,
    Entity,
    Event,
    LineInfo,
    RawDocument,
    RemovedSpan,
    Repair,
)


class DateMention(BaseModel):
    """A date expression found in kept text (dates stage)."""

    model_config = ConfigDict(extra="forbid")

    start: int
    end: int
    text: str
    iso: str | None = None
    month_day: str | None = None
    year: int | None = None
    relative: bool = False
    kind: str = Field("event", description="event, publication, range, statistic, plan, ...")
    line: int | None = None
    rule: str | None = None


class Document(BaseModel):
    """All that is known about one article at some point of the pipeline."""

    model_config = ConfigDict(extra="forbid", arbitrary_types_allowed=True)

    raw: RawDocument
    text: str = ""
    norm_text: str = ""
    source_map: OffsetMap | None = None
    language: str = "unknown"
    script: dict[str, float] = Field(default_factory=dict)
    repairs: list[Repair] = Field(default_factory=list)
    lines: list[LineInfo] = Field(default_factory=list)
    removed: list[RemovedSpan] = Field(default_factory=list)
    bylines: list[Byline] = Field(default_factory=list)
    title: str | None = None
    entities: list[Entity] = Field(default_factory=list)
    dates: list[DateMention] = Field(default_factory=list)
    published: str | None = None
    event: Event | None = None
    warnings: list[str] = Field(default_factory=list)
    stages: list[str] = Field(default_factory=list)

    @classmethod
    def from_raw(cls, raw: RawDocument) -> "Document":
        """A document whose repaired and normalized texts are still the source text."""
        doc = cls(raw=raw, text=raw.text, norm_text=raw.text)
        doc.lines = doc.default_lines()
        return doc

    def default_lines(self) -> list[LineInfo]:
        """One `body` (or `blank`) line per line of `text`, before strip assigns roles."""
        out, pos = [], 0
        for n, line in enumerate(self.text.split("\n")):
            role = "blank" if not line.strip() else "body"
            out.append(LineInfo(n=n, role=role, start=pos, end=pos + len(line)))
            pos += len(line) + 1
        return out

    def kept_segments(self, roles: tuple[str, ...] = ("title", "body")) -> list[tuple[int, int]]:
        """(start, end) pieces of `text` the models see: title and body lines minus removed spans (pieces of the
        lines of `roles` only, when given; a piece never crosses a line)."""
        cuts = sorted((r.start, r.end) for r in self.removed)
        out: list[tuple[int, int]] = []
        for line in self.lines:
            if line.role not in roles:
                continue
            pos = line.start
            for cs, ce in cuts:
                if ce <= pos or cs >= line.end:
                    continue
                if cs > pos:
                    out.append((pos, cs))
                pos = max(pos, ce)
            if pos < line.end:
                out.append((pos, line.end))
        return [(s, e) for s, e in out if self.text[s:e].strip()]

    def body_segments(self) -> list[tuple[int, int]]:
        """Kept pieces of body lines only (no titles)."""
        return self.kept_segments(("body",))

    def line_of(self, offset: int) -> LineInfo | None:
        """The line that contains `offset` of `text`."""
        for line in self.lines:
            if line.start <= offset <= line.end:
                return line
        return None

    def clean_text(self) -> tuple[str, list[tuple[int, int]]]:
        """Kept text joined line by line, and the `text` spans it is made of."""
        segs = self.kept_segments()
        parts, prev_line = [], None
        for s, e in segs:
            line = self.line_of(s)
            n = line.n if line else None
            if parts and n != prev_line:
                parts.append("\n")
            parts.append(self.text[s:e])
            prev_line = n
        return "".join(parts), segs
