"""Public contracts: the pydantic models users and downstream tools rely on.

`EventRecord` is one line of `records.jsonl`; the fields read by `shared/eval/score.py`
(doc_id, language, lines[n, role], entities[type, text, simplified],
event{type, date{text, iso, month_day}, main_person{name, simplified, titles, org}}) are a fixed
public contract. Every span carries `start`/`end` offsets into the record's `text`.
"""

from __future__ import annotations

from typing import Literal

from pydantic import BaseModel, ConfigDict, Field

LineRole = Literal["title", "body", "boilerplate", "duplicate", "blank"]
EntityType = Literal["PERSON", "ORG", "PLACE", "DATE", "TITLE"]
EventType = Literal["inspection", "symposium", "meeting", "press_conference", "other"]
Language = Literal["zh-Hans", "zh-Hant", "en", "mixed", "unknown"]


class Model(BaseModel):
    """Base for all contract models: unknown fields are an error."""

    model_config = ConfigDict(extra="forbid")


class RawDocument(Model):
    """One article as read from disk, before any processing."""

    doc_id: str
    source_path: str
    source_format: Literal["txt", "html", "jsonl"]
    row: int | None = Field(None, description="1-based row number for JSONL inputs")
    sha256: str = Field(description="sha256 of the raw bytes (of the row, for JSONL)")
    n_bytes: int
    encoding: str
    encoding_confidence: float = Field(ge=0.0, le=1.0)
    text: str = Field(description="decoded source text; CRLF/CR line ends turned into LF")
    meta: dict[str, str] = Field(default_factory=dict, description="extra fields (HTML <title>, JSONL fields)")
    line_features: list[dict] | None = Field(
        None, description="HTML pages: what the DOM says about each line of `text` (pipeline/html.py); None otherwise"
    )


class Span(Model):
    """A piece of `text` cited as evidence."""

    start: int
    end: int
    text: str


class Repair(Model):
    """One change the normalizer made to the source text."""

    kind: Literal["pinyin", "mojibake", "html", "whitespace", "control", "unrecoverable"]
    rule: str
    source_start: int
    source_end: int
    original: str
    replacement: str
    start: int = Field(description="offset of the replacement in `text`")
    end: int


class LineInfo(Model):
    """Role of one source line (0-based `n`), with its offsets in `text`."""

    n: int
    role: LineRole
    start: int
    end: int
    rule: str | None = None
    reason: str | None = None


class RemovedSpan(Model):
    """Inline boilerplate cut out of a kept line (datelines, bylines, source notes)."""

    start: int
    end: int
    text: str
    rule: str
    reason: str


class Byline(Model):
    """A reporter, editor or reviewer named in a byline or editor line: not a person of the article."""

    name: str
    role: str | None = None
    start: int
    end: int


class Mention(Model):
    """One occurrence of an entity in `text`."""

    start: int
    end: int
    text: str


class Entity(Model):
    """A document-level entity: its fullest written form, the simplified form, and every mention."""

    type: EntityType
    text: str
    simplified: str | None = None
    start: int
    end: int
    source: str = Field(description="back-end or rule id that found it")
    aliases: list[str] = Field(default_factory=list)
    mentions: list[Mention] = Field(default_factory=list)


class DateInfo(Model):
    """The event date as written, with its normalized forms."""

    text: str | None = None
    iso: str | None = Field(None, pattern=r"^\d{4}-\d{2}-\d{2}$")
    month_day: str | None = Field(None, pattern=r"^\d{2}-\d{2}$")
    start: int | None = None
    end: int | None = None
    relative: bool = False
    published: str | None = Field(None, description="the article's own publication date (ISO), if stated")
    year_source: str | None = Field(None, description="where the year came from: body, dateline, source_line")
    evidence: list[Span] = Field(default_factory=list)


class Person(Model):
    """A person taking part in the event, with titles as written."""

    name: str
    simplified: str | None = None
    titles: list[str] = Field(default_factory=list)
    titles_simplified: list[str] = Field(default_factory=list)
    org: str | None = None
    org_simplified: str | None = None
    start: int | None = None
    end: int | None = None
    evidence: list[Span] = Field(default_factory=list)


class NamedItem(Model):
    """An organization or place tied to the event."""

    text: str
    simplified: str | None = None
    start: int
    end: int


class Event(Model):
    """The event an article reports."""

    type: EventType
    confidence: float = Field(ge=0.0, le=1.0)
    secondary_types: list[EventType] = Field(default_factory=list)
    evidence: list[Span] = Field(default_factory=list)
    date: DateInfo = Field(default_factory=DateInfo)
    main_person: Person | None = None
    participants: list[Person] = Field(default_factory=list)
    visited_organizations: list[NamedItem] = Field(default_factory=list)
    places: list[NamedItem] = Field(default_factory=list)
    rules: list[str] = Field(
        default_factory=list, description="field:rule-id of every rule that decided a field (type, date, main_person, visited)"
    )


class SourceInfo(Model):
    """Where a record came from."""

    path: str
    format: Literal["txt", "html", "jsonl"]
    row: int | None = None
    sha256: str
    n_bytes: int
    encoding: str
    encoding_confidence: float
    external_id: str | None = Field(None, description="the row's own id (reader.jsonl_id_field), for JSONL inputs")
    html_title: str | None = None


class EventRecord(Model):
    """One line of records.jsonl: the structured event of one article."""

    doc_id: str
    language: Language
    script: dict[str, float] = Field(default_factory=dict, description="share of Hans/Hant/Latin characters")
    source: SourceInfo
    title: str | None = None
    text: str = Field(description="the repaired article text; every offset in the record points into it")
    clean_text: str = Field(description="title and body lines without inline boilerplate, joined by newlines")
    clean_spans: list[tuple[int, int]] = Field(
        default_factory=list, description="(start, end) pieces of `text` that make up clean_text, in order"
    )
    lines: list[LineInfo] = Field(default_factory=list)
    repairs: list[Repair] = Field(default_factory=list)
    removed: list[RemovedSpan] = Field(default_factory=list)
    bylines: list[Byline] = Field(default_factory=list)
    entities: list[Entity] = Field(default_factory=list)
    event: Event | None = None
    warnings: list[str] = Field(default_factory=list)
    stages: list[str] = Field(default_factory=list, description="stages that ran, in order")
    pipeline_version: str
    config_hash: str


class ErrorRecord(Model):
    """One line of errors.jsonl: a document (or input) that could not be processed."""

    doc_id: str | None = None
    source_path: str
    row: int | None = None
    sha256: str | None = None
    stage: str = Field(description="read, a stage name, timeout, or worker")
    error_type: str
    message: str
    config_hash: str
    error: bool = True


class RunManifest(Model):
    """manifest.json: what a run saw, did and took."""

    pipeline_version: str
    status: Literal["running", "finished", "interrupted", "failed"]
    started_at: str
    finished_at: str | None = None
    inputs: list[str]
    out_dir: str
    config: dict
    config_hash: str
    section_hashes: dict[str, str] = Field(default_factory=dict, description="hash of each config section")
    stages: list[str]
    workers: int
    resumed: bool
    documents_seen: int
    records_written: int
    records_skipped_resume: int
    errors: int
    errors_by_stage: dict[str, int]
    stage_seconds: dict[str, float]
    wall_seconds: float
    docs_per_second: float
    packages: dict[str, str]
    python: str
    platform: str
    error: str | None = Field(None, description="why the run stopped (status failed): a full disk, an unwritable file")
    executor: str = "local"
    inputs_total: int | None = Field(None, description="inputs listed (files; a JSONL file counts once)")
    code_fingerprint: str = Field("", description="hash of the package's code, data and models")
    record_key: str = Field("", description="resume key: config hash, pipeline version and code fingerprint")
    cache: dict = Field(default_factory=dict, description="stage cache: path, hits and misses per stage")
    previous_runs: list[dict] = Field(default_factory=list, description="earlier runs into this folder (resumed)")
    shards: dict = Field(default_factory=dict, description="record shards (shards/part-*.jsonl, Ray executor): "
                         "folder, files, records, written_by (actors, or writer when rebuilt from records.jsonl)")
