"""MSRA-test benchmark of the spacy-msra NER back-end: entity-level P/R/F1 per label, chars/s with one process, peak RSS.

    .venv/bin/python benchmarks/bench_ner_msra.py [--model models/spacy-msra] [--data-dir ../shared/data/msra] [--json]
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import sys
import time
from pathlib import Path

# One process, one thread: the figure is what one pipeline worker gets.
for var in ("OMP_NUM_THREADS", "MKL_NUM_THREADS", "OPENBLAS_NUM_THREADS"):
    os.environ.setdefault(var, "1")

from pipeline.ner.spacy_msra import DEFAULT_MODEL, SpacyMsraBackend  # noqa: E402
from pipeline.ner.train import default_data_dir, gold_labels, read_msra, score_spans  # noqa: E402


def peak_rss_mib() -> float:
    """Peak resident set size of this process so far, in MiB (ru_maxrss is in KiB on Linux)."""
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def main(argv: list[str] | None = None) -> int:
    """Score spacy-msra on the whole MSRA test set and print speed and memory."""
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--model", type=Path, default=DEFAULT_MODEL, help="trained spacy-msra model folder")
    ap.add_argument("--data-dir", type=Path, default=None, help="folder with msra_test.txt")
    ap.add_argument("--json", action="store_true", help="print one JSON object instead of a table")
    args = ap.parse_args(argv)

    data_dir = args.data_dir or default_data_dir()
    if data_dir is None:
        print("error: MSRA corpus not found: pass --data-dir", file=sys.stderr)
        return 2
    test = list(read_msra(data_dir / "msra_test.txt"))
    texts = [s.text for s in test]
    n_chars = sum(len(t) for t in texts)
    rss_data = peak_rss_mib()

    t0 = time.perf_counter()
    backend = SpacyMsraBackend(args.model)
    load_s = time.perf_counter() - t0
    rss_loaded = peak_rss_mib()

    t0 = time.perf_counter()
    pred = backend.predict(texts)
    predict_s = time.perf_counter() - t0

    scores = score_spans(gold_labels(test), [[(e.start, e.end, e.label) for e in ents] for ents in pred])
    result = {
        "backend": backend.name,
        "model": str(args.model),
        "sentences": len(test),
        "chars": n_chars,
        "load_s": round(load_s, 2),
        "predict_s": round(predict_s, 2),
        "chars_per_s": round(n_chars / predict_s),
        "peak_rss_mib": {"after_reading_data": round(rss_data, 1), "after_loading_model": round(rss_loaded, 1),
                         "after_predict": round(peak_rss_mib(), 1)},
        "scores": {label: {k: round(v, 4) if isinstance(v, float) else v for k, v in s.items()}
                   for label, s in scores.items()},
    }
    if args.json:
        print(json.dumps(result, ensure_ascii=False))
        return 0
    print(f"{backend.name} on MSRA test: {len(test)} sentences, {n_chars} chars")
    print("  label      P      R     F1   gold   pred")
    for label, s in scores.items():
        print(f"  {label:<7} {s['p']:.4f} {s['r']:.4f} {s['f1']:.4f} {s['gold']:6d} {s['pred']:6d}")
    print(f"  load {load_s:.2f} s; predict {predict_s:.2f} s = {result['chars_per_s']} chars/s (1 process, 1 thread)")
    rss = result["peak_rss_mib"]
    print(f"  peak RSS: {rss['after_reading_data']} MiB with the data read, {rss['after_loading_model']} MiB "
          f"with the model loaded, {rss['after_predict']} MiB after predicting")
    return 0


if __name__ == "__main__":
    sys.exit(main())
