"""Writer: records.jsonl, errors.jsonl and manifest.json of one run, never lost or mixed.

- A used output folder (it holds a manifest, records or errors) is refused unless the run resumes it
  (`--resume`) or replaces it (`--overwrite`).
- Each record or error is one `os.write` of a complete line to a file opened for appending; when a
  write fails part way (a full disk), the file is cut back to the end of the last complete line, so
  no torn line is left, and the run ends with one `WriteFailed` message. A line torn by a crash
  (SIGKILL, power loss) is cut when the run is resumed.
- The resume key of each record (content sha256, config hash, pipeline version and the code
  fingerprint) goes to `resume-keys.jsonl` after the record itself; `--resume` keeps a record only
  when its key matches, so a code or config change re-runs it. At the end of a resumed run
  `records.jsonl` is rewritten in input order with one line per document, and `errors.jsonl` keeps
  one line per failed input that has no record: the files equal those of an uninterrupted run.
- A small reserve file is kept while the run is open and deleted when a write fails, so the manifest
  that says why the run stopped can still be written on a full disk.
- Shards (`shards/part-*.jsonl`, the Ray executor's actors write one per batch of inputs): record lines
  whose files, read in name order, are `records.jsonl` byte for byte. At the end of a finished run the
  writer checks that; where they differ (a resumed run, an actor that could not reach the folder, a
  doc_id the parent turned into an error) it writes them again from `records.jsonl`.
"""

from __future__ import annotations

import errno
import hashlib
import json
import os
from pathlib import Path

from pipeline.schema import ErrorRecord, EventRecord, RunManifest

RECORDS = "records.jsonl"
ERRORS = "errors.jsonl"
MANIFEST = "manifest.json"
KEYS = "resume-keys.jsonl"
RESERVE = ".reserve"
RESERVE_BYTES = 1 << 20
SHARDS = "shards"
SHARD_RECORDS = 1000  # records per shard when the writer writes them itself


def shard_name(first: int) -> str:
    """File name of the shard whose first line is input (or record) number `first`: names sort in order."""
    return f"part-{first:09d}.jsonl"


def write_shard(folder: Path, name: str, lines: list[str]) -> bool:
    """Write one shard atomically (a temporary file, then a rename); False when the folder cannot be written."""
    tmp = folder / f".{name}.{os.getpid()}.tmp"
    try:
        folder.mkdir(parents=True, exist_ok=True)
        with open(tmp, "w", encoding="utf-8") as f:
            f.writelines(line + "\n" for line in lines)
        os.replace(tmp, folder / name)
        return True
    except OSError:
        try:
            tmp.unlink(missing_ok=True)
        except OSError:
            pass
        return False


class OutputError(Exception):
    """The output folder cannot be used: the run does not start."""


class WriteFailed(OutputError):
    """A write failed during the run (full disk, unwritable file); the run stops, `--resume` continues."""


def dumps(obj: dict) -> str:
    """One JSON line: UTF-8 characters (no \\u escapes), keys in the model's field order."""
    return json.dumps(obj, ensure_ascii=False, separators=(",", ":"))


def describe_os_error(exc: OSError, path: Path) -> str:
    """One clear sentence for a failed write."""
    if exc.errno in (errno.ENOSPC, errno.EDQUOT):
        return f"no space left on the device writing {path}; free some space and run again with --resume"
    if exc.errno in (errno.EACCES, errno.EPERM, errno.EROFS):
        return f"cannot write {path} ({exc.strerror}); make it writable and run again with --resume"
    return f"writing {path} failed ({exc.strerror or exc}); run again with --resume"


def _truncate_partial_line(path: Path) -> int:
    """Cut a trailing line that has no newline (a write cut short by a crash); returns bytes removed."""
    if not path.exists():
        return 0
    size = path.stat().st_size
    if size == 0:
        return 0
    with open(path, "rb+") as f:
        f.seek(size - 1)
        if f.read(1) == b"\n":
            return 0
        pos, chunk = size, 65536
        while pos > 0:
            start = max(0, pos - chunk)
            f.seek(start)
            block = f.read(pos - start)
            i = block.rfind(b"\n")
            if i >= 0:
                keep = start + i + 1
                f.truncate(keep)
                return size - keep
            pos = start
        f.truncate(0)
        return size


def _json_lines(path: Path):
    if not path.exists():
        return
    with open(path, encoding="utf-8") as f:
        for line in f:
            try:
                yield json.loads(line), line if line.endswith("\n") else line + "\n"
            except json.JSONDecodeError:
                continue


_ID_PREFIX = '{"doc_id":"'
_DECODER = json.JSONDecoder()


def _record_ids(path: Path):
    """(doc_id, line) of every valid record line of `path`. A record this writer wrote starts with its doc_id
    (`dumps` keeps the model's field order) and is one whole line (a partial last line is cut at open), so
    only the id is decoded; any other line is parsed whole, as before."""
    if not path.exists():
        return
    with open(path, encoding="utf-8") as f:
        for line in f:
            body = line.rstrip("\n")
            if body.startswith(_ID_PREFIX) and body.endswith("}"):
                try:
                    doc_id, _ = _DECODER.raw_decode(body, len(_ID_PREFIX) - 1)
                except json.JSONDecodeError:
                    continue
                yield doc_id, body + "\n"
                continue
            try:
                rec = json.loads(body)
            except json.JSONDecodeError:
                continue
            if isinstance(rec, dict) and isinstance(rec.get("doc_id"), str):
                yield rec["doc_id"], body + "\n"


def read_done(path: Path) -> set[str]:
    """doc_id of every valid record already in `path`."""
    return {doc_id for doc_id, _ in _record_ids(path)}


def error_key(err: dict) -> str:
    """What identifies a failed input across runs: its doc_id, else its path and error."""
    if err.get("doc_id") and err.get("error_type") != "DuplicateDocId":
        return "doc:" + str(err["doc_id"])
    return f"path:{err.get('source_path')}|{err.get('error_type')}|{err.get('message')}"


class _AppendFile:
    """A file written by whole lines with `os.write`; a failed write leaves no partial line."""

    def __init__(self, path: Path, truncate: bool) -> None:
        self.path = path
        flags = os.O_WRONLY | os.O_CREAT | os.O_APPEND | (os.O_TRUNC if truncate else 0)
        try:
            self.fd = os.open(path, flags, 0o644)
        except OSError as exc:
            raise WriteFailed(describe_os_error(exc, path)) from exc

    def write_line(self, line: str) -> None:
        data = line.encode("utf-8") + b"\n"
        start = os.lseek(self.fd, 0, os.SEEK_END)
        view = memoryview(data)
        try:
            while view:
                n = os.write(self.fd, view)
                view = view[n:]
        except OSError as exc:
            try:
                os.ftruncate(self.fd, start)
            except OSError:
                pass
            raise WriteFailed(describe_os_error(exc, self.path)) from exc

    def close(self) -> None:
        if self.fd >= 0:
            os.close(self.fd)
            self.fd = -1


class RunWriter:
    """Owns the output folder of one run."""

    def __init__(self, out_dir: str | Path, resume: bool = False, overwrite: bool = False, record_key: str = "") -> None:
        self.out_dir = Path(out_dir)
        try:
            self.out_dir.mkdir(parents=True, exist_ok=True)
            probe = self.out_dir / ".write-test"
            probe.write_bytes(b"")
            probe.unlink()
        except OSError as exc:
            raise OutputError(f"{self.out_dir}: output folder is not writable ({exc.strerror or exc})") from exc
        self.records_path = self.out_dir / RECORDS
        self.errors_path = self.out_dir / ERRORS
        self.manifest_path = self.out_dir / MANIFEST
        self.keys_path = self.out_dir / KEYS
        self.reserve_path = self.out_dir / RESERVE
        used = [p.name for p in (self.manifest_path, self.records_path, self.errors_path) if p.exists()]
        if used and not resume and not overwrite:
            raise OutputError(f"{self.out_dir} already holds a run ({', '.join(used)}); use --resume to continue it "
                              f"or --overwrite to replace it")
        self.resume = resume and bool(used)
        self.record_key = record_key
        self.previous: dict | None = None
        self.done: dict[str, tuple[str, str]] = {}
        self.done_by_path: dict[str, dict[str, tuple[str, str]]] = {}
        self._prev_errors: list[tuple[str, str]] = []
        self._failed = False
        self._reserve()
        if self.resume:
            self._load_previous()
        else:
            for p in (self.records_path, self.errors_path, self.keys_path):
                if p.exists():
                    p.unlink()
            self.clear_shards()
        self._records = _AppendFile(self.records_path, truncate=False)
        self._errors = _AppendFile(self.errors_path, truncate=False)
        self._keys = _AppendFile(self.keys_path, truncate=False)

    def _reserve(self) -> None:
        try:
            with open(self.reserve_path, "wb") as f:
                f.write(b"\0" * RESERVE_BYTES)
                f.flush()
                os.fsync(f.fileno())
        except OSError as exc:
            self.reserve_path.unlink(missing_ok=True)
            raise WriteFailed(describe_os_error(exc, self.reserve_path)) from exc

    def release_reserve(self) -> None:
        """Free the reserve so the final manifest can be written on a full disk."""
        self.reserve_path.unlink(missing_ok=True)

    def _load_previous(self) -> None:
        try:
            self.previous = json.loads(self.manifest_path.read_text(encoding="utf-8"))
        except (OSError, ValueError):
            self.previous = None
        for p in (self.records_path, self.errors_path, self.keys_path):
            _truncate_partial_line(p)
        have = read_done(self.records_path)
        for row, _ in _json_lines(self.keys_path):
            if isinstance(row, list) and len(row) == 4 and row[0] in have and row[3] == self.record_key:
                doc_id, path, sha, key = row
                self.done[doc_id] = (sha, key)
                self.done_by_path.setdefault(path, {})[doc_id] = (sha, key)
        self._prev_errors = [(error_key(e), line) for e, line in _json_lines(self.errors_path) if isinstance(e, dict)]

    def done_for(self, source_path: str) -> dict[str, tuple[str, str]]:
        """doc_id -> (sha256, key) of the records kept from a previous run for one input file."""
        return self.done_by_path.get(source_path, {})

    def is_done(self, doc_id: str, sha256: str) -> bool:
        """True when `records.jsonl` already holds this document for the same content, config and code."""
        return self.done.get(doc_id) == (sha256, self.record_key)

    def write_record(self, record: EventRecord | dict | str, ids: tuple[str, str, str] | None = None) -> None:
        """Append one record line, then its key. A dict comes from `EventRecord.model_dump`, a str from
        `EventRecord.model_dump_json` (already validated, the same bytes as `dumps` of the dict); with a str,
        `ids` gives its (doc_id, source path, sha256)."""
        if isinstance(record, str):
            if ids is None:
                raise ValueError("a record given as JSON needs its ids")
            line, (doc_id, path, sha) = record, ids
        else:
            rec = record if isinstance(record, dict) else record.model_dump(mode="json")
            line, doc_id, path, sha = dumps(rec), rec["doc_id"], rec["source"]["path"], rec["source"]["sha256"]
        self._records.write_line(line)
        self._keys.write_line(dumps([doc_id, path, sha, self.record_key]))

    def write_error(self, error: ErrorRecord | dict) -> None:
        """Append one error line."""
        self._errors.write_line(dumps(error if isinstance(error, dict) else error.model_dump(mode="json")))

    def write_manifest(self, manifest: RunManifest) -> None:
        """Write manifest.json atomically."""
        tmp = self.manifest_path.with_suffix(".json.tmp")
        try:
            tmp.write_text(json.dumps(manifest.model_dump(mode="json"), ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
            os.replace(tmp, self.manifest_path)
        except OSError as exc:
            tmp.unlink(missing_ok=True)
            raise WriteFailed(describe_os_error(exc, self.manifest_path)) from exc

    def close(self, order: list[str] | None = None, error_order: list[str] | None = None, compact: bool = True) -> None:
        """Close the files; after a resume, rewrite records and errors in input order (one line per input)."""
        for f in (self._records, self._errors, self._keys):
            f.close()
        if self.resume and compact and order is not None:
            self._compact(order, error_order or [])
        self.release_reserve()

    @property
    def shards_dir(self) -> Path:
        return self.out_dir / SHARDS

    def shard_files(self) -> list[Path]:
        return sorted(self.shards_dir.glob("part-*.jsonl")) if self.shards_dir.is_dir() else []

    def clear_shards(self) -> None:
        for p in self.shard_files():
            p.unlink(missing_ok=True)

    def finish_shards(self, size: int = SHARD_RECORDS) -> dict:
        """Make the shards, read in name order, equal `records.jsonl` (checked by content hash); rewrite them
        from it, `size` records a file, where they do not. Returns what the manifest says about them."""
        def digest(paths: list[Path]) -> str:
            h = hashlib.sha256()
            for p in paths:
                with open(p, "rb") as f:
                    for block in iter(lambda: f.read(1 << 20), b""):
                        h.update(block)
            return h.hexdigest()

        records = [self.records_path] if self.records_path.exists() else []
        shards = self.shard_files()
        written_by = "actors"
        if digest(shards) != digest(records):
            written_by = "writer"
            self.clear_shards()
            lines: list[str] = []
            first = 0

            def flush() -> None:
                if not write_shard(self.shards_dir, shard_name(first), lines):
                    raise WriteFailed(f"cannot write the shards in {self.shards_dir}; run again with --resume")

            if records:
                with open(self.records_path, encoding="utf-8") as f:
                    for line in f:  # records.jsonl holds complete lines only (see _AppendFile)
                        lines.append(line.rstrip("\n"))
                        if len(lines) == size:
                            flush()
                            first, lines = first + len(lines), []
            if lines:
                flush()
            shards = self.shard_files()
        n = 0
        for p in shards:
            with open(p, "rb") as f:
                n += sum(1 for _ in f)
        return {"folder": SHARDS, "files": len(shards), "records": n, "written_by": written_by}

    def _rewrite(self, path: Path, lines: list[str]) -> None:
        tmp = path.with_suffix(path.suffix + ".tmp")
        try:
            with open(tmp, "w", encoding="utf-8") as f:
                f.writelines(lines)
                f.flush()
                os.fsync(f.fileno())
            os.replace(tmp, path)
        except OSError as exc:
            tmp.unlink(missing_ok=True)
            raise WriteFailed(describe_os_error(exc, path)) from exc

    def _compact(self, order: list[str], error_order: list[str]) -> None:
        self.release_reserve()  # the rewrite needs the space more than the reserve does
        latest: dict[str, str] = {}
        for doc_id, line in _record_ids(self.records_path):
            latest[doc_id] = line
        for k in error_order:  # processed again in this run and failed: an older record is stale
            if k.startswith("doc:"):
                latest.pop(k[4:], None)
        rank = {d: i for i, d in enumerate(order)}
        ids = sorted(latest, key=lambda d: (rank.get(d, len(rank)), d))
        self._rewrite(self.records_path, [latest[d] for d in ids])
        keys: dict[str, str] = {}
        for row, line in _json_lines(self.keys_path):
            if isinstance(row, list) and row and row[0] in latest:
                keys[row[0]] = line
        self._rewrite(self.keys_path, [keys[d] for d in ids if d in keys])
        # Errors: this run's, in input order; then earlier ones of inputs not seen again that have no record.
        errs: dict[str, str] = {}
        for err, line in _json_lines(self.errors_path):
            if isinstance(err, dict):
                errs[error_key(err)] = line
        this_run = set(error_order)
        out = [errs[k] for k in error_order if k in errs]
        seen = set(this_run)
        for k, line in self._prev_errors:
            if k in seen or (k.startswith("doc:") and k[4:] in latest):
                continue
            seen.add(k)
            out.append(errs.get(k, line))
        self._rewrite(self.errors_path, out)
