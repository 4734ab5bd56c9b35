"""Stage cache: each stage's output per document in an embedded SQLite file (WAL, one transaction per
document), so a re-run after a config or rule change re-runs only the stages that change.

Keys are chained. A document's first key hashes its content (the decoded text and what the reader
found about it, not its path or id, so a moved corpus still hits); stage i's key hashes the key of the
stage before it, the stage name, the hash of the stage's own config section (rule files included,
`pipeline.config.section_hash`), the stage's code fingerprint (the source files of its module, the
shared document model and the package's data and model files) and the cache format. A changed
`events` section therefore changes only the `events` key; a changed `ner` code changes the `ner` key
and, through the chain, every key after it.

What is stored for a stage is the set of `Document` fields the stage changed, as one JSON object (never pickle:
a cache file may come from elsewhere and is data, not code), compressed with zlib; restoring stage i
applies the stored changes of stages 1..i to a fresh `Document.from_raw`. A file that is not a cache
of this format (corrupt, foreign, written by a newer version) is moved aside and rebuilt, never
trusted; an entry that does not decompress or parse is a miss and is deleted.
"""

from __future__ import annotations

import hashlib
import json
import os
import sqlite3
import sys
import time
import zlib
from functools import lru_cache
from pathlib import Path
from typing import Any, Iterable

from pipeline.document import Document
from pipeline.offsets import OffsetMap
from pipeline.schema import RawDocument

MAGIC = "zh-events-stage-cache"
FORMAT = 2  # 2: an entry is one JSON object of field values (1 held each value as a JSON string in it)
DEFAULT_NAME = "cache.sqlite"
PACKAGE_DIR = Path(__file__).resolve().parent
# Files of the package that shape no stage output (driving, writing, the command line).
_NOT_STAGE_CODE = {"runner.py", "writer.py", "cli.py", "cache.py", "record.py", "__main__.py"}


class CacheError(Exception):
    """The cache file cannot be used (and could not be rebuilt)."""


# ---------------------------------------------------------------- fingerprints


def _hash_files(paths: Iterable[Path], root: Path) -> str:
    h = hashlib.sha256()
    for p in sorted(set(paths)):
        try:
            data = p.read_bytes()
        except OSError:
            continue
        try:
            name = p.relative_to(root).as_posix()
        except ValueError:
            name = p.as_posix()
        h.update(name.encode() + b"\0" + hashlib.sha256(data).digest())
    return h.hexdigest()


def _data_files() -> list[Path]:
    """Data and model files inside and beside the package (gazetteer, character model, trained models)."""
    out: list[Path] = []
    for folder in (PACKAGE_DIR / "data", PACKAGE_DIR.parent / "models"):
        if folder.is_dir():
            out.extend(p for p in folder.rglob("*") if p.is_file() and "__pycache__" not in p.parts)
    return out


@lru_cache(maxsize=None)
def shared_fingerprint() -> str:
    """Hash of the code every stage depends on (document model, schema, offsets, config, registry)
    and of the package's data and model files."""
    shared = [p for p in PACKAGE_DIR.glob("*.py") if p.name not in _NOT_STAGE_CODE]
    stage_files = set()
    from pipeline.registry import STAGE_MODULES

    for module in STAGE_MODULES.values():
        stage_files.update(_module_files(module))
    shared = [p for p in shared if p not in stage_files]
    return _hash_files(shared + _data_files(), PACKAGE_DIR.parent)


@lru_cache(maxsize=None)
def _module_files(module: str) -> tuple[Path, ...]:
    """Source files of a module; all .py files of its folder when it is a package."""
    import importlib.util

    try:
        spec = importlib.util.find_spec(module)
    except (ImportError, ValueError):
        spec = None
    if spec is None or not spec.origin or not spec.origin.endswith(".py"):
        return ()
    origin = Path(spec.origin)
    if spec.submodule_search_locations:
        return tuple(p for p in origin.parent.rglob("*.py") if "__pycache__" not in p.parts)
    return (origin,)


@lru_cache(maxsize=None)
def stage_fingerprint(name: str) -> str:
    """Code fingerprint of one stage: its module's files (a plugin's module too) and the shared code."""
    from pipeline.registry import STAGE_MODULES, get_stage

    module = STAGE_MODULES.get(name)
    if module is None:
        module = get_stage(name).factory.__module__
    files = _module_files(module)
    if not files:  # a module without a source file: its name and the package version
        from pipeline import __version__

        return hashlib.sha256(f"{module}|{__version__}|{shared_fingerprint()}".encode()).hexdigest()
    return hashlib.sha256((_hash_files(files, PACKAGE_DIR.parent) + shared_fingerprint()).encode()).hexdigest()


@lru_cache(maxsize=None)
def code_fingerprint() -> str:
    """Hash of every source file of the package and its data and models: part of the resume key, so
    records written by other code are processed again."""
    files = [p for p in PACKAGE_DIR.rglob("*.py") if "__pycache__" not in p.parts]
    return _hash_files(files + _data_files(), PACKAGE_DIR.parent)[:16]


def content_key(raw: RawDocument) -> str:
    """Hash of what the stages can see of a raw document: everything but where it was found."""
    data = raw.model_dump(mode="json", exclude={"doc_id", "source_path", "row"})
    return hashlib.sha256(json.dumps(data, sort_keys=True, ensure_ascii=False).encode()).hexdigest()


def stage_keys(raw: RawDocument, stages: list[str], section_hashes: dict[str, str]) -> list[str]:
    """The chained cache key of every stage for this document."""
    keys, prev = [], content_key(raw)
    for name in stages:
        part = f"{FORMAT}|{prev}|{name}|{section_hashes.get(name, '')}|{stage_fingerprint(name)}"
        prev = hashlib.sha256(part.encode()).hexdigest()
        keys.append(prev)
    return keys


# ---------------------------------------------------------------- document fields


def _dumps(value) -> str:
    return json.dumps(value, ensure_ascii=False, separators=(",", ":"))


def doc_values(doc: Document, fields: frozenset[str] | None = None) -> dict[str, Any]:
    """Every field a stage can fill (or those of `fields`), as JSON values (what the cache stores of the ones a
    stage changed)."""
    if fields is None:
        data = doc.model_dump(mode="json", exclude={"raw", "source_map"})
    else:
        data = doc.model_dump(mode="json", include=fields - {"raw", "source_map"})
    if fields is None or "source_map" in fields:
        m = doc.source_map
        data["source_map"] = None if m is None else [[list(a) for a in m.anchors], m.target_len, m.source_len]
    return data


_FIELDS = frozenset(Document.model_fields) - {"raw"}


def changed_fields(before: dict[str, Any], after: dict[str, Any]) -> dict[str, Any]:
    """The fields a stage changed (`doc_values` before and after it), which is what the cache stores for it."""
    return {k: v for k, v in after.items() if k not in before or before[k] != v}


def restore(raw: RawDocument, fields: dict[str, Any]) -> Document:
    """A Document from a raw document and the stored field changes of the stages up to one stage
    (applied over `Document.from_raw`, which is where the first stage starts)."""
    base = Document.from_raw(raw)
    # the base's own values are models already: they pass validation as they are; the stored ones are checked
    data = {k: getattr(base, k) for k in Document.model_fields if k not in fields and k != "source_map"}
    data.update((k, v) for k, v in fields.items() if k != "source_map")
    doc = Document.model_validate(data)
    sm = fields.get("source_map")
    if sm is not None:
        anchors, target_len, source_len = sm
        doc.source_map = OffsetMap(anchors=[tuple(a) for a in anchors], target_len=target_len, source_len=source_len)
    elif "source_map" not in fields:
        doc.source_map = base.source_map
    return doc


# ---------------------------------------------------------------- the file


def resolve_path(path: str | Path) -> Path:
    """A cache path given as a file or as an output folder (which holds `cache.sqlite`)."""
    p = Path(path)
    return p / DEFAULT_NAME if p.is_dir() else p


class StageCache:
    """One connection to a cache file. Open it once per process (workers open their own)."""

    def __init__(self, path: str | Path, check: bool = True) -> None:
        self.path = Path(path)
        self.rebuilt: str | None = None
        self.broken: str | None = None  # set when a write failed (full disk); the cache then only reads
        self.conn = self._open(check)

    def _connect(self) -> sqlite3.Connection:
        conn = sqlite3.connect(self.path, timeout=60.0, isolation_level=None)
        conn.execute("PRAGMA busy_timeout=60000")
        conn.execute("PRAGMA journal_mode=WAL")
        conn.execute("PRAGMA synchronous=NORMAL")
        return conn

    def _validate(self, conn: sqlite3.Connection) -> str | None:
        """None when the file is a cache of this format; else why it is not."""
        tables = {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type='table'")}
        if not tables:
            conn.execute("BEGIN IMMEDIATE")
            try:
                if not {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type='table'")}:
                    conn.execute("CREATE TABLE meta (k TEXT PRIMARY KEY, v TEXT NOT NULL)")
                    conn.execute("CREATE TABLE entries (key TEXT PRIMARY KEY, stage TEXT NOT NULL, "
                                 "created REAL NOT NULL, data BLOB NOT NULL) WITHOUT ROWID")
                    conn.executemany("INSERT INTO meta VALUES (?, ?)", [("magic", MAGIC), ("format", str(FORMAT))])
                conn.execute("COMMIT")
            except BaseException:
                conn.execute("ROLLBACK")
                raise
            return None
        if tables != {"meta", "entries"}:
            return f"not a zh-events stage cache (tables: {', '.join(sorted(tables))})"
        meta = dict(conn.execute("SELECT k, v FROM meta").fetchall())
        if meta.get("magic") != MAGIC:
            return "not a zh-events stage cache (no magic)"
        if meta.get("format") != str(FORMAT):
            return f"cache format {meta.get('format')} is not {FORMAT} (written by another version)"
        return None

    def _open(self, check: bool) -> sqlite3.Connection:
        self.path.parent.mkdir(parents=True, exist_ok=True)
        try:
            conn = self._connect()
            why = self._validate(conn) if check else None
            if check and why is None:
                row = conn.execute("PRAGMA quick_check(1)").fetchone()
                if row and row[0] != "ok":
                    why = f"corrupt ({row[0]})"
        except sqlite3.DatabaseError as exc:
            conn, why = None, f"unreadable ({exc})"
        if why is None:
            return conn
        if conn is not None:
            conn.close()
        aside = self.path.with_name(f"{self.path.name}.bad-{int(time.time())}-{os.getpid()}")
        for suffix in ("", "-wal", "-shm"):
            src = Path(str(self.path) + suffix)
            if src.exists():
                os.replace(src, Path(str(aside) + suffix))
        self.rebuilt = f"{self.path}: {why}; moved to {aside.name} and rebuilt"
        print(f"zh-events: stage cache {self.rebuilt}", file=sys.stderr)
        try:
            conn = self._connect()
            if self._validate(conn) is not None:
                raise CacheError(f"{self.path}: cannot create a stage cache")
        except sqlite3.DatabaseError as exc:
            raise CacheError(f"{self.path}: cannot create a stage cache ({exc})") from exc
        return conn

    # ------------------------------------------------------------ entries

    def get_many(self, keys: list[str]) -> dict[str, dict[str, Any]]:
        """Stored field changes for those of `keys` that are present and intact (an object of `Document`
        fields; their values are checked by the model when the document is restored)."""
        if not keys:
            return {}
        out: dict[str, dict[str, Any]] = {}
        marks = ",".join("?" * len(keys))
        try:
            rows = self.conn.execute(f"SELECT key, data FROM entries WHERE key IN ({marks})", keys).fetchall()
        except sqlite3.DatabaseError:
            return {}
        for key, data in rows:
            try:
                fields = json.loads(zlib.decompress(data).decode("utf-8"))
                if not isinstance(fields, dict) or not fields.keys() <= _FIELDS:
                    raise ValueError("not a field map")
            except (zlib.error, ValueError, UnicodeDecodeError):
                self._delete(key)
                continue
            out[key] = fields
        return out

    def _delete(self, key: str) -> None:
        try:
            self.conn.execute("DELETE FROM entries WHERE key = ?", (key,))
        except sqlite3.DatabaseError:
            pass

    def put_many(self, entries: list[tuple[str, str, dict[str, Any]]]) -> None:
        """Store (key, stage, changed fields) in one transaction; a failed write turns writing off."""
        if not entries or self.broken:
            return
        rows = [(k, stage, time.time(), zlib.compress(_dumps(f).encode("utf-8"), 3))
                for k, stage, f in entries]
        try:
            self.conn.execute("BEGIN IMMEDIATE")
            self.conn.executemany("INSERT OR REPLACE INTO entries VALUES (?, ?, ?, ?)", rows)
            self.conn.execute("COMMIT")
        except sqlite3.DatabaseError as exc:
            self.broken = str(exc)
            try:
                self.conn.execute("ROLLBACK")
            except sqlite3.DatabaseError:
                pass

    def stats(self) -> dict:
        """Entries and stored bytes per stage, and the size of the file."""
        rows = self.conn.execute("SELECT stage, COUNT(*), SUM(LENGTH(data)) FROM entries GROUP BY stage ORDER BY stage").fetchall()
        size = sum(Path(str(self.path) + s).stat().st_size for s in ("", "-wal") if Path(str(self.path) + s).exists())
        return {"path": str(self.path), "format": FORMAT, "file_bytes": size,
                "stages": {s: {"entries": n, "bytes": b or 0} for s, n, b in rows}}

    def clear(self) -> int:
        """Delete every entry; returns how many there were."""
        n = self.conn.execute("SELECT COUNT(*) FROM entries").fetchone()[0]
        self.conn.execute("DELETE FROM entries")
        self.conn.execute("VACUUM")
        return n

    def close(self) -> None:
        try:
            self.conn.close()
        except sqlite3.DatabaseError:
            pass
