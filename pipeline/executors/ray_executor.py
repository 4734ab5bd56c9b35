"""Ray Data executor (`zh-events run ... --executor ray [--ray-address ADDR]`, extra `zh-events[ray]`).

The parent lists the inputs as it does for the local pool; Ray Data maps the listed input references
through an actor pool (`map_batches` with a callable class, `concurrency` = `--workers`), each actor
building the stages once, reading and decoding its inputs (`pipeline.runner.decode_input`) and
processing them with the same `Pipeline` and `iter_input` as a local worker, so records are identical.

Outputs: each actor writes the records of each batch as one shard, `OUT/shards/part-<first input>.jsonl`
(atomically; shards read in name order are the records in input order), and hands the outcomes back;
the parent writes `records.jsonl` in input order, `errors.jsonl` and one manifest, and at the end
checks that the shards equal `records.jsonl` byte for byte, writing them again from it where they do
not (an actor that could not reach the folder, a resumed run). The stage cache is used when the
actors can reach its file (a path on a shared file system, or a local run); an actor that cannot open
it runs without. Order is kept with Ray Data's `preserve_order`.

Limits: the per-document alarm needs the actor's main thread (Ray runs actor methods there for
synchronous actors; where it does not, there is no per-document time limit); a hung document is
not killed by the parent as in the local pool.
"""

from __future__ import annotations

import dataclasses
import json
from pathlib import Path

from pipeline.reader import InputFile, ReadFailure

MAX_BATCH = 64  # inputs per batch (and so per shard) at most


class _StageActor:
    """Builds the stages once; maps a batch of input references to outcome rows."""

    def __init__(self, cfg_json: dict, cache_path: str | None, record_key: str, shards_dir: str | None = None) -> None:
        from pipeline.config import config_model
        from pipeline.registry import load_plugins
        from pipeline.runner import Pipeline

        load_plugins(cfg_json.get("run", {}).get("plugins", []))
        self.cfg = config_model().model_validate(cfg_json)
        self.record_key = record_key
        # shards only where the output folder itself is reachable (a shared file system, or a local run):
        # never a stray folder on a node's own disk
        self.shards_dir = Path(shards_dir) if shards_dir and Path(shards_dir).parent.is_dir() else None
        try:
            self.pipe = Pipeline(self.cfg, cache_path if cache_path and Path(cache_path).parent.is_dir() else None,
                                 freeze=True)
        except Exception:  # the cache is not reachable from this node: run without it
            self.pipe = Pipeline(self.cfg, None, freeze=True)

    def __call__(self, batch: dict) -> dict:
        from pipeline.runner import Job, iter_input
        from pipeline.writer import shard_name, write_shard

        out: dict[str, list] = {"seq": [], "outcome": []}
        lines: list[str] = []
        for seq, path, doc_id, kind, done in zip(batch["seq"], batch["path"], batch["doc_id"], batch["kind"],
                                                 batch["done"]):
            container, compression, fmt = json.loads(str(kind))
            job = Job(int(seq), InputFile(Path(str(path)), str(doc_id), container, compression, fmt),
                      done={k: tuple(v) for k, v in json.loads(str(done)).items()}, record_key=self.record_key)
            for outcome in iter_input(job, self.pipe, self.cfg):
                out["seq"].append(int(seq))
                out["outcome"].append(json.dumps(dataclasses.asdict(outcome), ensure_ascii=False))
                if outcome.kind == "record":
                    lines.append(outcome.record)
        if lines and self.shards_dir is not None and len(batch["seq"]):
            # the parent checks the shards at the end and writes them itself where this fails
            write_shard(self.shards_dir, shard_name(int(min(batch["seq"]))), lines)
        return out


def run_ray(runner, refs: list, bar) -> None:
    """Process `refs` (listed inputs) on Ray Data and hand outcomes to `runner` in input order."""
    try:
        import ray
        import ray.data
    except ImportError as exc:
        raise RuntimeError("the Ray executor needs Ray Data: pip install 'zh-events[ray]'") from exc

    n_actors = max(1, runner.n_workers)
    started = not ray.is_initialized()
    if started:
        if runner.ray_address:
            ray.init(address=runner.ray_address, log_to_driver=False)
        else:
            ray.init(num_cpus=n_actors + 1, include_dashboard=False, log_to_driver=False)
    ctx = ray.data.DataContext.get_current()
    ctx.execution_options.preserve_order = True
    ctx.enable_progress_bars = False
    rows = [{"seq": i, "path": str(r.path), "doc_id": r.doc_id,
             "kind": json.dumps([r.container, r.compression, r.fmt]), "done": json.dumps(runner.writer.done_for(str(r.path)))}
            for i, r in enumerate(refs) if isinstance(r, InputFile)]
    cfg_json = runner.cfg.model_dump(mode="json")
    cache = str(runner.cache_path) if runner.cache_path else None
    pending_failures = [(i, r) for i, r in enumerate(refs) if isinstance(r, ReadFailure)]
    next_seq = 0

    def advance_to(seq: int) -> None:
        nonlocal next_seq
        while next_seq < seq:
            while pending_failures and pending_failures[0][0] == next_seq:
                runner._emit(runner._listing_failure(pending_failures.pop(0)[1]), bar)
            bar.file_done()
            next_seq += 1

    try:
        _map(ray, runner, rows, cfg_json, cache, n_actors, advance_to, bar)
    finally:
        if started:
            ray.shutdown()
    advance_to(len(refs))


def _map(ray, runner, rows, cfg_json, cache, n_actors, advance_to, bar) -> None:
    from pipeline.runner import Outcome

    if rows:
        # Batches small enough to keep every actor busy to the end, large enough for few shards.
        batch = max(1, min(MAX_BATCH, len(rows) // (4 * n_actors)))
        shards = str(runner.writer.shards_dir)
        ds = ray.data.from_items(rows).map_batches(
            _StageActor, fn_constructor_args=(cfg_json, cache, runner.record_key, shards), batch_size=batch,
            concurrency=n_actors, num_cpus=1, batch_format="numpy")
        for row in ds.iter_rows():
            seq = int(row["seq"])
            advance_to(seq)
            runner._emit(Outcome(**json.loads(row["outcome"])), bar)
