"""Writer: records.jsonl and errors.jsonl through `jsonlines`, and manifest.json.

Crash safety: each record is one `write` of a complete line, flushed at once; a line cut short by a
crash (SIGKILL, power loss) is removed when the run is resumed, so no half-written line survives and
a resumed run ends with exactly one record per input.
"""

from __future__ import annotations

import json
import os
from pathlib import Path

import jsonlines

from pipeline.schema import ErrorRecord, EventRecord, RunManifest

RECORDS = "records.jsonl"
ERRORS = "errors.jsonl"
MANIFEST = "manifest.json"


class OutputError(Exception):
    """The output folder cannot be written: the run does not start."""


def dumps(obj: dict) -> str:
    """One JSON line: UTF-8 characters (no \\u escapes), keys in the model's field order."""
    return json.dumps(obj, ensure_ascii=False, separators=(",", ":"))


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


def read_done(path: Path) -> dict[str, tuple[str, str, str]]:
    """doc_id -> (sha256, config_hash, pipeline_version) of every valid record already in `path`."""
    done: dict[str, tuple[str, str, str]] = {}
    if not path.exists():
        return done
    with open(path, encoding="utf-8") as f:
        for line in f:
            try:
                rec = json.loads(line)
                done[rec["doc_id"]] = (rec["source"]["sha256"], rec["config_hash"], rec["pipeline_version"])
            except (json.JSONDecodeError, KeyError, TypeError):
                continue
    return done


class RunWriter:
    """Owns the output folder of one run."""

    def __init__(self, out_dir: str | Path, resume: bool = False) -> None:
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
        self.resume = resume
        self.done: dict[str, tuple[str, str, str]] = {}
        if resume:
            _truncate_partial_line(self.records_path)
            self.done = read_done(self.records_path)
        mode = "a" if resume else "w"
        self._rec_fp = open(self.records_path, mode, encoding="utf-8")
        self._err_fp = open(self.errors_path, "w", encoding="utf-8")
        self._records = jsonlines.Writer(self._rec_fp, dumps=dumps, flush=True)
        self._errors = jsonlines.Writer(self._err_fp, dumps=dumps, flush=True)

    def is_done(self, doc_id: str, sha256: str, config_hash: str, version: str) -> bool:
        """True when `records.jsonl` already holds this document for the same content, config and version."""
        return self.done.get(doc_id) == (sha256, config_hash, version)

    def write_record(self, record: EventRecord | dict) -> None:
        """Append one record line (a dict comes from `EventRecord.model_dump`, already validated)."""
        self._records.write(record if isinstance(record, dict) else record.model_dump(mode="json"))

    def write_error(self, error: ErrorRecord) -> None:
        """Append one error line."""
        self._errors.write(error.model_dump(mode="json"))

    def write_manifest(self, manifest: RunManifest) -> None:
        """Write manifest.json atomically."""
        tmp = self.manifest_path.with_suffix(".json.tmp")
        tmp.write_text(json.dumps(manifest.model_dump(mode="json"), ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
        os.replace(tmp, self.manifest_path)

    def close(self, order: list[str] | None = None) -> None:
        """Close the files; after a resume, rewrite records in input `order`, one line per doc_id."""
        self._records.close()
        self._errors.close()
        self._rec_fp.close()
        self._err_fp.close()
        if self.resume and order is not None:
            self._compact(order)

    def _compact(self, order: list[str]) -> None:
        latest: dict[str, str] = {}
        with open(self.records_path, encoding="utf-8") as f:
            for line in f:
                try:
                    latest[json.loads(line)["doc_id"]] = line if line.endswith("\n") else line + "\n"
                except (json.JSONDecodeError, KeyError, TypeError):
                    continue
        rank = {d: i for i, d in enumerate(order)}
        ids = sorted(latest, key=lambda d: (rank.get(d, len(rank)), d))
        tmp = self.records_path.with_suffix(".jsonl.tmp")
        with open(tmp, "w", encoding="utf-8") as f:
            f.writelines(latest[d] for d in ids)
            f.flush()
            os.fsync(f.fileno())
        os.replace(tmp, self.records_path)
