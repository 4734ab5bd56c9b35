"""NER benchmark: MSRA-test entity-level P/R/F1 of the Chinese back-ends, speed and peak memory.

    .venv/bin/python benchmarks/bench_ner.py                 # all: MSRA scores + speed/memory table
    .venv/bin/python benchmarks/bench_ner.py --limit 500     # first 500 MSRA test sentences only
    .venv/bin/python benchmarks/bench_ner.py --one lac       # one measurement (run in its own process)

Back-ends: lac, spacy-msra, spacy-pkuseg (models/spacy-pkuseg-msra) and hanlp (models/hanlp-msra, with the
hanlp extra installed), each with its default model.

Speed is characters per second with one worker (one process, one thread for ONNX); peak memory
is the process's maximum resident set size, each measurement in a fresh process so the numbers
do not include another back-end's model. `stage` is the whole `ner` stage (back-end + pattern
layer + linking) on the seed articles after normalize and strip.
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import subprocess
import sys
import time
from pathlib import Path

os.environ.setdefault("OMP_NUM_THREADS", "1")

REPO = Path(__file__).resolve().parent.parent
MSRA_TEST = REPO.parent / "shared" / "data" / "msra" / "msra_test.txt"
SEEDS = REPO / "seeds"


def msra_scores(backend_name: str, limit: int | None) -> dict:
    """Entity-level exact-match scores of a back-end on MSRA test (DATE predictions ignored)."""
    from pipeline.ner.backends import load_backend
    from pipeline.ner.train import gold_labels, read_msra, score_spans

    sents = list(read_msra(MSRA_TEST, limit))
    t0 = time.perf_counter()
    backend = load_backend(backend_name)
    load_s = time.perf_counter() - t0
    t0 = time.perf_counter()
    preds = backend.predict([s.text for s in sents])
    secs = time.perf_counter() - t0
    labels = {"PERSON", "PLACE", "ORG"}
    pred_spans = [[(e.start, e.end, e.label) for e in p if e.label in labels] for p in preds]
    scores = score_spans(gold_labels(sents), pred_spans)
    n_chars = sum(len(s.text) for s in sents)
    return {
        "backend": backend_name, "sentences": len(sents), "overall": scores["ALL"],
        **{lab: scores.get(lab, {"p": 0.0, "r": 0.0, "f1": 0.0}) for lab in labels},
        "load_s": round(load_s, 2), "chars_per_s": round(n_chars / secs), "peak_rss_mb": peak_mb(),
    }


def seed_docs(language: str | None = None):
    """The seed articles after normalize and strip."""
    from pipeline.document import Document
    from pipeline.registry import get_stage
    from pipeline.schema import RawDocument

    stages = [get_stage(n) for n in ("normalize", "strip")]
    stages = [s.factory(s.config_cls()) for s in stages]
    docs = []
    for f in sorted(SEEDS.glob("*.txt")):
        text = f.read_text(encoding="utf-8")
        doc = Document.from_raw(RawDocument(doc_id=f.stem, source_path=str(f), source_format="txt", sha256="0",
                                            n_bytes=len(text.encode()), encoding="utf-8", encoding_confidence=1.0,
                                            text=text))
        for st in stages:
            doc = st(doc)
        if language is None or doc.language.startswith(language):
            docs.append(doc)
    return docs


def stage_speed(repeat: int) -> dict:
    """The whole `ner` stage on the seeds (after normalize and strip), chars of kept text per second."""
    from pipeline.registry import get_stage

    docs = seed_docs()
    spec = get_stage("ner")
    t0 = time.perf_counter()
    run = spec.factory(spec.config_cls())
    load_s = time.perf_counter() - t0
    n_chars = sum(e - s for d in docs for s, e in d.kept_segments()) * repeat
    t0 = time.perf_counter()
    for _ in range(repeat):
        for d in docs:
            run(d.model_copy(deep=True))
    secs = time.perf_counter() - t0
    return {"backend": "stage", "docs": len(docs) * repeat, "load_s": round(load_s, 2),
            "chars_per_s": round(n_chars / secs), "peak_rss_mb": peak_mb()}


def english_speed(repeat: int) -> dict:
    """The english back-end alone on the English seeds' kept text."""
    from pipeline.ner.backends import load_backend

    texts = [d.norm_text[s:e] for d in seed_docs("en") for s, e in d.kept_segments()]
    t0 = time.perf_counter()
    backend = load_backend("english")
    load_s = time.perf_counter() - t0
    t0 = time.perf_counter()
    for _ in range(repeat):
        backend.predict(texts)
    secs = time.perf_counter() - t0
    return {"backend": "english", "load_s": round(load_s, 2),
            "chars_per_s": round(sum(map(len, texts)) * repeat / secs), "peak_rss_mb": peak_mb()}


def peak_mb() -> float:
    """Maximum resident set size of this process, MB."""
    return round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, 1)


def main() -> int:
    """Run every measurement in its own process and print a table (or one measurement as JSON)."""
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--one", help="lac | spacy-msra | spacy-pkuseg | hanlp | english | stage: one measurement, JSON on stdout")
    ap.add_argument("--limit", type=int, help="MSRA test sentences to read (default: all 5,000)")
    ap.add_argument("--repeat", type=int, default=20, help="passes over the seeds for english/stage speed")
    args = ap.parse_args()
    if args.one:
        if args.one == "stage":
            res = stage_speed(args.repeat)
        elif args.one == "english":
            res = english_speed(args.repeat)
        else:
            res = msra_scores(args.one, args.limit)
        print(json.dumps(res, ensure_ascii=False))
        return 0
    names = ["lac"]
    if (REPO / "pipeline" / "ner" / "spacy_msra.py").exists():
        names.append("spacy-msra")
    if (REPO / "models" / "spacy-pkuseg-msra" / "config.cfg").exists():
        names.append("spacy-pkuseg")
    if (REPO / "models" / "hanlp-msra" / "model.pt").exists():
        names.append("hanlp")  # fails (and is reported) where the hanlp extra is not installed
    rows = []
    for name in names + ["english", "stage"]:
        cmd = [sys.executable, __file__, "--one", name, "--repeat", str(args.repeat)]
        if args.limit:
            cmd += ["--limit", str(args.limit)]
        proc = subprocess.run(cmd, capture_output=True, text=True)
        if proc.returncode:
            print(f"{name}: failed: {proc.stderr.strip().splitlines()[-1:]}", file=sys.stderr)
            continue
        rows.append(json.loads(proc.stdout.strip().splitlines()[-1]))
    print(f"{'back-end':12} {'MSRA P':>7} {'R':>6} {'F1':>6} {'PER F1':>7} {'LOC F1':>7} {'ORG F1':>7} "
          f"{'chars/s':>9} {'load s':>7} {'peak MB':>8}")
    for r in rows:
        o = r.get("overall")
        scores = (f"{o['p']:7.3f} {o['r']:6.3f} {o['f1']:6.3f} {r['PERSON']['f1']:7.3f} {r['PLACE']['f1']:7.3f} "
                  f"{r['ORG']['f1']:7.3f}") if o else f"{'':7} {'':6} {'':6} {'':7} {'':7} {'':7}"
        print(f"{r['backend']:12} {scores} {r['chars_per_s']:9} {r['load_s']:7} {r['peak_rss_mb']:8}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
