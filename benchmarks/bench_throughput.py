"""Throughput benchmark: docs/s, chars/s, ratio to the NER back-end alone, peak RSS, time per stage,
and the speed-up of an events-only re-run through the stage cache.

usage: nice python benchmarks/bench_throughput.py --docs 1000 [--docs 10000] [--workers 1 2] [--json FILE]

For each N: a corpus from `benchmarks/make_corpus.py` (realistic sizes, mixed encodings, damage,
Simplified/Traditional/English); the NER back-end (`ner.backend_zh`, LAC by default) alone on the
same decoded texts, line by line, in this process; then for each worker count a cold run (fresh output
folder, stage cache on); then, on the 1-worker output, `--resume --set events.date_lead_paragraphs=1`
(an events-only change) and a cache-free run with the same change, whose records must be identical.
The ratio to the NER back-end is documents per second of the whole run (start-up included) over
documents per second of the back-end alone on the same documents, i.e. back-end seconds / run seconds;
on a shared machine the two are measured under different loads, so the CPU-time ratio (back-end CPU
seconds / CPU seconds of every process of the run) is given too: it does not depend on the load.
Peak RSS is that of the largest process of a run (a worker, on these runs), read from
`RUSAGE_CHILDREN` in a wrapper process per run. The numbers depend on the machine and its load:
say which machine and how busy it was when you quote them.
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))
sys.path.insert(0, str(REPO / "benchmarks"))

WRAP = ("import resource, subprocess, sys, time; t = time.perf_counter(); "
        "rc = subprocess.run(sys.argv[1:]).returncode; w = time.perf_counter() - t; "
        "u = resource.getrusage(resource.RUSAGE_CHILDREN); print(rc, w, u.ru_maxrss, u.ru_utime + u.ru_stime)")


def run_cli(args: list[str]) -> tuple[float, float, float]:
    """Run `zh-events` in a wrapper; returns (wall seconds, peak RSS MB of its largest process, CPU seconds of
    all its processes)."""
    env = dict(os.environ, PYTHONPATH=str(REPO))
    out = subprocess.run([sys.executable, "-c", WRAP, sys.executable, "-m", "pipeline.cli", *args, "--quiet"],
                         cwd=REPO, env=env, capture_output=True, text=True, check=True)
    rc, wall, rss, cpu = out.stdout.split()
    if rc != "0":
        raise SystemExit(f"zh-events {' '.join(args)} failed ({rc})")
    return float(wall), int(rss) / 1024, float(cpu)


def ner_alone(corpus: Path) -> tuple[float, int, float]:
    """Seconds, characters and CPU seconds for the NER back-end alone on the decoded texts of `corpus`."""
    from pipeline.config import load_config
    from pipeline.ner.backends import load_backend
    from pipeline.reader import iter_inputs, read_file

    cfg = load_config()
    texts = []
    for ref in iter_inputs([str(corpus)], cfg.reader):
        for raw in read_file(ref, cfg.reader, cfg.run):
            if hasattr(raw, "text"):
                texts.append([ln for ln in raw.text.split("\n") if ln.strip()])
    backend = load_backend(cfg.ner.backend_zh)
    backend.predict(["预热一下模型。"])
    t0, c0 = time.perf_counter(), time.process_time()
    chars = 0
    for lines in texts:
        backend.predict(lines)
        chars += sum(len(ln) for ln in lines)
    return time.perf_counter() - t0, chars, time.process_time() - c0


def records(path: Path) -> bytes:
    return (path / "records.jsonl").read_bytes()


def bench(n: int, workers: list[int], tmp: Path, ner: bool = True, verify: bool = True) -> dict:
    from make_corpus import write_corpus

    corpus = tmp / f"corpus{n}"
    stats = write_corpus(corpus, n)
    chars = stats["chars"]
    ner_s, ner_chars, ner_cpu = ner_alone(corpus) if ner else (float("nan"), 0, float("nan"))
    res = {"docs": n, "chars": chars, "corpus": stats, "runs": {}, "ner_alone_s": round(ner_s, 1) if ner else None,
           "ner_alone_cpu_s": round(ner_cpu, 1) if ner else None,
           "ner_alone_chars_per_s": round(ner_chars / ner_s) if ner else None}
    for w in workers:
        out = tmp / f"out{n}_{w}"
        wall, rss, cpu = run_cli(["run", str(corpus), "--out", str(out), "--workers", str(w)])
        m = json.loads((out / "manifest.json").read_text(encoding="utf-8"))
        res["runs"][w] = {"wall_s": round(wall, 1), "docs_per_s": round(n / wall, 2), "chars_per_s": round(chars / wall),
                          "ratio_to_ner": round(ner_s / wall, 3) if ner else None, "cpu_s": round(cpu, 1),
                          "cpu_ratio_to_ner": round(ner_cpu / cpu, 3) if ner else None, "peak_rss_mb": round(rss),
                          "stage_s": m["stage_seconds"], "errors": m["errors"]}
    if 1 in res["runs"] and len(res["runs"]) > 1:
        res["speedup_2_over_1"] = round(res["runs"][1]["wall_s"] / res["runs"][max(workers)]["wall_s"], 2)
    w0 = workers[0]
    out = tmp / f"out{n}_{w0}"
    change = ["--set", "events.date_lead_paragraphs=1"]
    warm, _, _ = run_cli(["run", str(corpus), "--out", str(out), "--workers", str(w0), "--resume", *change])
    m = json.loads((out / "manifest.json").read_text(encoding="utf-8"))
    same = None
    if verify:
        plain = tmp / f"plain{n}"
        run_cli(["run", str(corpus), "--out", str(plain), "--workers", str(max(workers)), "--no-cache", *change])
        same = records(out) == records(plain)
    res["events_only_rerun"] = {"wall_s": round(warm, 1), "speedup": round(res["runs"][w0]["wall_s"] / warm, 1),
                                "cache": m["cache"].get("stages"), "identical_to_cache_free": same}
    return res


def table(results: list[dict]) -> str:
    rows = ["| N | workers | wall s | docs/s | chars/s | ÷ NER alone (wall) | ÷ NER alone (CPU) | peak RSS MB | normalize | strip "
            "| ner | dates | events |",
            "|---|---|---|---|---|---|---|---|---|---|---|---|---|"]
    for r in results:
        for w, x in r["runs"].items():
            st = x["stage_s"]
            rows.append(f"| {r['docs']} | {w} | {x['wall_s']} | {x['docs_per_s']} | {x['chars_per_s']} | {x['ratio_to_ner']} | "
                        f"{x.get('cpu_ratio_to_ner')} | {x['peak_rss_mb']} | " + " | ".join(f"{st.get(s, 0):.1f}" for s in ("normalize", "strip", "ner", "dates", "events")) + " |")
    lines = ["\n".join(rows), ""]
    for r in results:
        e = r["events_only_rerun"]
        lines.append(f"N={r['docs']}: {r['chars']} chars; NER back-end alone {r['ner_alone_s']} s, {r['ner_alone_chars_per_s']} chars/s; "
                     f"2 workers / 1 = {r.get('speedup_2_over_1')}; events-only re-run {e['wall_s']} s, "
                     f"{e['speedup']}x faster than the cold run, identical to a cache-free run: {e['identical_to_cache_free']}")
    return "\n".join(lines)


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--docs", type=int, action="append", help="corpus sizes (repeatable; default 1000)")
    ap.add_argument("--workers", type=int, nargs="+", default=[1, 2])
    ap.add_argument("--json", type=Path)
    ap.add_argument("--no-ner-alone", action="store_true", help="skip timing the NER back-end alone")
    ap.add_argument("--no-verify", action="store_true", help="skip the cache-free run that checks the re-run's records")
    args = ap.parse_args()
    results = []
    with tempfile.TemporaryDirectory() as tmp:
        for n in args.docs or [1000]:
            results.append(bench(n, args.workers, Path(tmp), not args.no_ner_alone, not args.no_verify))
            print(json.dumps(results[-1], ensure_ascii=False), file=sys.stderr)
    if args.json:
        args.json.write_text(json.dumps(results, ensure_ascii=False, indent=2), encoding="utf-8")
    print(table(results))
    return 0


if __name__ == "__main__":
    sys.exit(main())
