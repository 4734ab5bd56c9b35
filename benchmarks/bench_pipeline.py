"""Throughput and memory of a whole run: docs/s and chars/s for 1 and 2 workers, peak RSS.

usage: python benchmarks/bench_pipeline.py [--docs 200] [--workers 1 2]
The corpus is the seeds repeated (each copy gets a distinct trailing line, so nothing is cached).
"""

from __future__ import annotations

import argparse
import json
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent


def make_corpus(folder: Path, n: int) -> int:
    seeds = sorted((REPO / "seeds").glob("*.txt"))
    chars = 0
    for i in range(n):
        text = seeds[i % len(seeds)].read_text(encoding="utf-8") + f"\n第{i}号。"
        (folder / f"doc{i:05d}.txt").write_text(text, encoding="utf-8")
        chars += len(text)
    return chars


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--docs", type=int, default=200)
    ap.add_argument("--workers", type=int, nargs="+", default=[1, 2])
    args = ap.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        corpus = Path(tmp) / "in"
        corpus.mkdir()
        chars = make_corpus(corpus, args.docs)
        print(f"corpus: {args.docs} docs, {chars} chars")
        print(f"{'workers':>7} {'wall s':>8} {'docs/s':>8} {'chars/s':>9} {'peak RSS MB':>12}  stage seconds")
        for w in args.workers:
            out = Path(tmp) / f"out{w}"
            t0 = time.perf_counter()
            before = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
            subprocess.run([sys.executable, "-m", "pipeline.cli", "run", str(corpus), "--out", str(out),
                            "--workers", str(w), "--quiet"], check=True, cwd=REPO)
            wall = time.perf_counter() - t0
            peak = max(before, resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss) / 1024
            manifest = json.loads((out / "manifest.json").read_text(encoding="utf-8"))
            stages = ", ".join(f"{k} {v:.1f}" for k, v in manifest["stage_seconds"].items())
            print(f"{w:>7} {wall:>8.1f} {args.docs / wall:>8.2f} {chars / wall:>9.0f} {peak:>12.0f}  {stages}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
