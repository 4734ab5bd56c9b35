"""`zh-events export`: records of a run as ML datasets (Parquet, Hugging Face, CoNLL BIO, spaCy DocBin, JSONL).

One row per record (schema: `ROW_SCHEMA`, documented in README), with the event flattened and the
entities as a list of structs whose mentions carry offsets into both `text` and `clean_text`. Rows are
filtered (event type, language, event confidence), clustered into near-duplicates and given a split by
`pipeline.dedup`, so mirrors of one story never straddle train/dev/test.

CoNLL and spaCy exports hold the entities on the *clean* text: a mention is exported when it lies
inside one piece of `clean_spans`, at the clean-text offset of that piece; overlapping mentions are
resolved longest first (BIO and `Doc.ents` cannot overlap). Tokens are single Han characters and runs
of letters or digits, also cut at every entity boundary, so every entity is a whole number of tokens.

pyarrow, datasets and datasketch come with the `export` extra; spaCy is a core dependency.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

from pipeline.dedup import SPLITS, DedupConfig, cluster

FORMATS = ("parquet", "hf", "conll", "spacy", "jsonl")
DEFAULT_ENTITY_TYPES = ("PERSON", "ORG", "PLACE")
INSTALL_HINT = "install the export extra: pip install -e '.[export]'"


class ExportError(Exception):
    """The export cannot be made (missing input, missing optional package, bad option)."""


@dataclass
class ExportOptions:
    """What to export and how."""

    event_types: list[str] = field(default_factory=list)  # empty: all
    languages: list[str] = field(default_factory=list)  # empty: all
    min_confidence: float = 0.0
    entity_types: tuple[str, ...] = DEFAULT_ENTITY_TYPES  # CoNLL/spaCy labels
    drop_duplicates: bool = False  # keep only each cluster's representative
    dedup: DedupConfig = field(default_factory=DedupConfig)


@dataclass
class ExportResult:
    """Counts of one export."""

    read: int = 0
    bad_lines: int = 0
    filtered_out: int = 0
    exported: int = 0
    duplicates: int = 0
    splits: dict[str, int] = field(default_factory=dict)
    entities: int = 0
    entities_skipped: int = 0  # mentions outside the clean text or overlapping a longer one
    paths: list[str] = field(default_factory=list)


def _require(module: str):
    import importlib

    try:
        return importlib.import_module(module)
    except ImportError as exc:
        raise ExportError(f"the export needs the '{module}' package: {INSTALL_HINT}") from exc


def records_path(run_dir: str | Path) -> Path:
    """records.jsonl of a run folder (or the file itself)."""
    p = Path(run_dir)
    path = p / "records.jsonl" if p.is_dir() else p
    if not path.is_file():
        raise ExportError(f"{path}: no records.jsonl here; pass the --out folder of a `zh-events run`")
    return path


def read_records(path: Path, result: ExportResult) -> Iterator[dict]:
    """Valid JSON records of a records.jsonl; a broken line is counted and skipped, never fatal."""
    with open(path, encoding="utf-8", errors="replace") as f:
        for line in f:
            if not line.strip():
                continue
            try:
                rec = json.loads(line)
            except json.JSONDecodeError:
                result.bad_lines += 1
                continue
            if not isinstance(rec, dict) or not isinstance(rec.get("text"), str) or "doc_id" not in rec:
                result.bad_lines += 1
                continue
            result.read += 1
            yield rec


def keep(rec: dict, opts: ExportOptions) -> bool:
    """Whether a record passes the event type, language and confidence filters."""
    ev = rec.get("event") or {}
    if opts.event_types and ev.get("type") not in opts.event_types:
        return False
    if opts.languages and rec.get("language") not in opts.languages:
        return False
    return not (opts.min_confidence > 0 and float(ev.get("confidence") or 0.0) < opts.min_confidence)


class CleanMap:
    """Maps `text` offsets to `clean_text` offsets through the record's `clean_spans`."""

    def __init__(self, text: str, clean: str, spans: Iterable) -> None:
        self.pieces: list[tuple[int, int, int]] = []  # (text start, text end, clean start)
        pos = 0
        for s, e in spans:
            piece = text[s:e]
            if clean.startswith(piece, pos):
                self.pieces.append((s, e, pos))
                pos += len(piece)
            elif clean.startswith("\n" + piece, pos):
                self.pieces.append((s, e, pos + 1))
                pos += 1 + len(piece)
            else:  # clean_text not made of these spans: map nothing rather than guess
                self.pieces = []
                return

    def __call__(self, start: int, end: int) -> tuple[int, int] | None:
        """Clean offsets of text[start:end], or None when it is not inside one kept piece."""
        for s, e, c in self.pieces:
            if s <= start and end <= e:
                return c + start - s, c + end - s
        return None


def _entities(rec: dict, cmap: CleanMap) -> list[dict]:
    out = []
    for ent in rec.get("entities") or []:
        mentions = []
        for m in ent.get("mentions") or [{"start": ent["start"], "end": ent["end"], "text": ent["text"]}]:
            c = cmap(m["start"], m["end"])
            mentions.append({"text": m["text"], "start": m["start"], "end": m["end"],
                             "clean_start": c[0] if c else None, "clean_end": c[1] if c else None})
        out.append({"type": ent["type"], "text": ent["text"], "simplified": ent.get("simplified"),
                    "start": ent["start"], "end": ent["end"], "source": ent.get("source"), "mentions": mentions})
    return out


def to_row(rec: dict) -> dict:
    """One flat export row of a record (without the dedup columns)."""
    ev = rec.get("event") or {}
    date = ev.get("date") or {}
    mp = ev.get("main_person") or {}
    src = rec.get("source") or {}
    cmap = CleanMap(rec["text"], rec.get("clean_text") or "", rec.get("clean_spans") or [])
    return {
        "doc_id": str(rec["doc_id"]),
        "language": rec.get("language"),
        "title": rec.get("title"),
        "text": rec["text"],
        "clean_text": rec.get("clean_text") or "",
        "source_path": src.get("path"),
        "sha256": src.get("sha256"),
        "event_type": ev.get("type"),
        "event_confidence": ev.get("confidence"),
        "event_secondary_types": list(ev.get("secondary_types") or []),
        "date_text": date.get("text"),
        "date_iso": date.get("iso"),
        "date_month_day": date.get("month_day"),
        "date_published": date.get("published"),
        "main_person": mp.get("name"),
        "main_person_titles": list(mp.get("titles") or []),
        "main_person_org": mp.get("org"),
        "participants": [p["name"] for p in ev.get("participants") or []],
        "visited_organizations": [o["text"] for o in ev.get("visited_organizations") or []],
        "places": [p["text"] for p in ev.get("places") or []],
        "event_rules": list(ev.get("rules") or []),
        "entities": _entities(rec, cmap),
        "warnings": list(rec.get("warnings") or []),
        "config_hash": rec.get("config_hash"),
        "pipeline_version": rec.get("pipeline_version"),
    }


def _arrow_schema():
    pa = _require("pyarrow")
    mention = pa.struct([("text", pa.string()), ("start", pa.int32()), ("end", pa.int32()),
                         ("clean_start", pa.int32()), ("clean_end", pa.int32())])
    entity = pa.struct([("type", pa.string()), ("text", pa.string()), ("simplified", pa.string()),
                        ("start", pa.int32()), ("end", pa.int32()), ("source", pa.string()),
                        ("mentions", pa.list_(mention))])
    s, strings = pa.string(), pa.list_(pa.string())
    return pa.schema([
        ("doc_id", s), ("language", s), ("title", s), ("text", s), ("clean_text", s),
        ("source_path", s), ("sha256", s),
        ("event_type", s), ("event_confidence", pa.float64()), ("event_secondary_types", strings),
        ("date_text", s), ("date_iso", s), ("date_month_day", s), ("date_published", s),
        ("main_person", s), ("main_person_titles", strings), ("main_person_org", s),
        ("participants", strings), ("visited_organizations", strings), ("places", strings),
        ("event_rules", strings), ("entities", pa.list_(entity)), ("warnings", strings),
        ("config_hash", s), ("pipeline_version", s),
        ("cluster_id", s), ("duplicate_of", s), ("split", s),
    ], metadata={b"zh_events_export_schema": b"1"})


def row_schema():
    """The pyarrow schema of an export row (Parquet and Hugging Face); version in the metadata."""
    return _arrow_schema()


TOKEN_RE = re.compile(r"[A-Za-z\u00c0-\u024f]+|[0-9]+|\S", re.UNICODE)


def tokenize(text: str, cuts: Iterable[int] = ()) -> list[tuple[int, int]]:
    """Non-space tokens (start, end): each Han character or symbol alone, letter and digit runs whole,
    also cut at every offset in `cuts` (entity boundaries)."""
    cutset = set(cuts)
    out = []
    for m in TOKEN_RE.finditer(text):
        s = m.start()
        for i in range(m.start() + 1, m.end()):
            if i in cutset:
                out.append((s, i))
                s = i
        out.append((s, m.end()))
    return out


def clean_entities(row: dict, types: Iterable[str]) -> tuple[list[tuple[int, int, str]], int]:
    """Non-overlapping (clean start, clean end, label) mentions, longest first; and how many were dropped."""
    wanted = set(types)
    cands, dropped = [], 0
    for ent in row["entities"]:
        if ent["type"] not in wanted:
            continue
        for m in ent["mentions"]:
            if m["clean_start"] is None or m["clean_end"] <= m["clean_start"]:
                dropped += 1
                continue
            cands.append((m["clean_start"], m["clean_end"], ent["type"]))
    chosen: list[tuple[int, int, str]] = []
    taken = bytearray(len(row["clean_text"]) + 1)
    for s, e, label in sorted(set(cands), key=lambda c: (c[0] - c[1], c[0], c[2])):
        if any(taken[s:e]):
            dropped += 1
            continue
        taken[s:e] = b"\x01" * (e - s)
        chosen.append((s, e, label))
    dropped += len(cands) - len(set(cands))
    return sorted(chosen), dropped


SENT_END = set("。！？；!?")


def bio_sentences(clean: str, ents: list[tuple[int, int, str]]) -> list[list[tuple[str, str]]]:
    """Sentences of (token, BIO tag): lines, cut after sentence-final punctuation outside entities."""
    cuts = [b for s, e, _ in ents for b in (s, e)]
    tokens = tokenize(clean, cuts)
    inside = bytearray(len(clean) + 1)
    label_at: dict[int, tuple[int, str]] = {}
    for s, e, label in ents:
        inside[s:e] = b"\x01" * (e - s)
        label_at[s] = (e, label)
    sents: list[list[tuple[str, str]]] = []
    cur: list[tuple[str, str]] = []
    open_end, open_label = -1, ""
    prev_end = 0
    for s, e in tokens:
        if cur and "\n" in clean[prev_end:s] and not inside[s]:
            sents.append(cur)
            cur = []
        if s in label_at:
            open_end, open_label = label_at[s]
            tag = f"B-{open_label}"
        elif s < open_end:
            tag = f"I-{open_label}"
        else:
            tag = "O"
        cur.append((clean[s:e], tag))
        prev_end = e
        if clean[s:e] in SENT_END and not inside[s]:
            sents.append(cur)
            cur = []
    if cur:
        sents.append(cur)
    return sents


def spacy_doc(vocab, row: dict, ents: list[tuple[int, int, str]]):
    """A spaCy Doc whose text is exactly the clean text, with the entities as `doc.ents`."""
    from spacy.tokens import Doc

    clean = row["clean_text"]
    cuts = [b for s, e, _ in ents for b in (s, e)]
    words, spaces = [], []
    pos = 0
    for s, e in tokenize(clean, cuts) + [(len(clean), len(clean))]:
        gap = clean[pos:s]
        if gap:
            if words and gap[0] == " ":
                spaces[-1] = True
                gap = gap[1:]
            if gap:  # other whitespace is a token of its own, as spaCy's tokenizer makes it
                words.append(gap)
                spaces.append(False)
        if e > s:
            words.append(clean[s:e])
            spaces.append(False)
        pos = e
    doc = Doc(vocab, words=words, spaces=spaces)
    spans = []
    for s, e, label in ents:
        span = doc.char_span(s, e, label=label)
        if span is not None:
            spans.append(span)
    doc.ents = spans
    doc.user_data["doc_id"] = row["doc_id"]
    return doc


def _progress(quiet: bool):
    from rich.console import Console
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

    return Progress(TextColumn("{task.description}"), BarColumn(), MofNCompleteColumn(), TimeElapsedColumn(),
                    console=Console(stderr=True), disable=quiet, transient=False)


def build_rows(run_dir: str | Path, opts: ExportOptions, result: ExportResult, quiet: bool = True) -> list[dict]:
    """Filtered export rows of a run, with cluster_id, duplicate_of and split."""
    path = records_path(run_dir)
    total = sum(1 for _ in open(path, "rb"))
    rows = []
    with _progress(quiet) as bar:
        task = bar.add_task("reading records", total=total)
        for rec in read_records(path, result):
            bar.advance(task)
            if not keep(rec, opts):
                result.filtered_out += 1
                continue
            rows.append(to_row(rec))
        bar.update(task, completed=total)
        task = bar.add_task("near-duplicates", total=1)
        infos = cluster([r["doc_id"] for r in rows], [r["clean_text"] for r in rows], opts.dedup)
        bar.advance(task)
    for row, info in zip(rows, infos):
        row["cluster_id"], row["duplicate_of"], row["split"] = info.cluster_id, info.duplicate_of, info.split
    result.duplicates = sum(1 for r in rows if r["duplicate_of"])
    if opts.drop_duplicates:
        rows = [r for r in rows if not r["duplicate_of"]]
    result.exported = len(rows)
    result.splits = {s: sum(1 for r in rows if r["split"] == s) for s in SPLITS}
    return rows


def _table(rows: list[dict]):
    pa = _require("pyarrow")
    return pa.Table.from_pylist(rows, schema=_arrow_schema())


def write_jsonl(rows: list[dict], out: Path) -> list[Path]:
    """One flat row per line, UTF-8 characters, keys in schema order."""
    out.parent.mkdir(parents=True, exist_ok=True)
    with open(out, "w", encoding="utf-8") as f:
        for r in rows:
            f.write(json.dumps(r, ensure_ascii=False, separators=(",", ":")) + "\n")
    return [out]


def write_parquet(rows: list[dict], out: Path) -> list[Path]:
    """One Parquet file (zstd) with `row_schema()`."""
    pq = _require("pyarrow.parquet")
    out.parent.mkdir(parents=True, exist_ok=True)
    pq.write_table(_table(rows), out, compression="zstd")
    return [out]


def write_hf(rows: list[dict], out: Path) -> list[Path]:
    """A `datasets.DatasetDict` folder (train/dev/test; a split without rows is left out) for `load_from_disk`."""
    datasets = _require("datasets")
    pc = _require("pyarrow.compute")
    table = _table(rows)
    features = datasets.Features.from_arrow_schema(table.schema)
    datasets.disable_progress_bars()  # our own bar covers the export
    split_col = table.column("split")
    parts = {}
    for name in SPLITS:
        part = table.filter(pc.equal(split_col, name))
        if part.num_rows == 0:  # an empty split saves, but load_from_disk cannot read it back: left out
            continue
        parts[name] = datasets.Dataset(datasets.table.InMemoryTable(part), info=datasets.DatasetInfo(
            description="zh-events records: one row per article, near-duplicates kept in one split",
            features=features), split=datasets.NamedSplit(name))
    datasets.DatasetDict(parts).save_to_disk(str(out))
    return [out]


def write_conll(rows: list[dict], out: Path, opts: ExportOptions, result: ExportResult) -> list[Path]:
    """`{split}.conll`: `token<TAB>tag` lines, a blank line after each sentence, `-DOCSTART-` per record."""
    out.mkdir(parents=True, exist_ok=True)
    paths = [out / f"{name}.conll" for name in SPLITS]
    files = {name: open(p, "w", encoding="utf-8") for name, p in zip(SPLITS, paths)}
    try:
        for row in rows:
            ents, dropped = clean_entities(row, opts.entity_types)
            result.entities += len(ents)
            result.entities_skipped += dropped
            f = files[row["split"]]
            f.write(f"-DOCSTART-\tO\t{row['doc_id']}\n\n")
            for sent in bio_sentences(row["clean_text"], ents):
                f.write("".join(f"{tok}\t{tag}\n" for tok, tag in sent) + "\n")
    finally:
        for f in files.values():
            f.close()
    return paths


def write_spacy(rows: list[dict], out: Path, opts: ExportOptions, result: ExportResult) -> list[Path]:
    """`{split}.spacy`: one `DocBin` per split, one Doc per record (doc_id in `user_data`)."""
    from spacy.tokens import DocBin
    from spacy.vocab import Vocab

    out.mkdir(parents=True, exist_ok=True)
    vocab = Vocab()
    # only what NER training reads: fewer attributes make the bins smaller and faster to write
    bins = {name: DocBin(attrs=["ORTH", "ENT_IOB", "ENT_TYPE"], store_user_data=True) for name in SPLITS}
    for row in rows:
        ents, dropped = clean_entities(row, opts.entity_types)
        doc = spacy_doc(vocab, row, ents)
        result.entities += len(doc.ents)
        result.entities_skipped += dropped + len(ents) - len(doc.ents)
        bins[row["split"]].add(doc)
    paths = []
    for name, db in bins.items():
        p = out / f"{name}.spacy"
        db.to_disk(p)
        paths.append(p)
    return paths


def export(run_dir: str | Path, fmt: str, out: str | Path, opts: ExportOptions | None = None,
           quiet: bool = True) -> ExportResult:
    """Export the records of a run in one format; returns the counts."""
    if fmt not in FORMATS:
        raise ExportError(f"unknown format {fmt!r}: choose one of {', '.join(FORMATS)}")
    opts = opts or ExportOptions()
    if fmt in ("parquet", "hf"):
        _require("pyarrow")
    if fmt == "hf":
        _require("datasets")
    _require("datasketch")
    result = ExportResult()
    rows = build_rows(run_dir, opts, result, quiet=quiet)
    out = Path(out)
    if fmt == "jsonl":
        paths = write_jsonl(rows, out)
    elif fmt == "parquet":
        paths = write_parquet(rows, out)
    elif fmt == "hf":
        paths = write_hf(rows, out)
    elif fmt == "conll":
        paths = write_conll(rows, out, opts, result)
    else:
        paths = write_spacy(rows, out, opts, result)
    result.paths = [str(p) for p in paths]
    return result
