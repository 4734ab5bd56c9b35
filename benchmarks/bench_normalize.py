"""Benchmark the normalize stage: repairs on the damaged seeds, false repairs on clean MSRA sentences,
synthetic damage recovered, throughput in characters per second, and every mojibake repair over the article
corpora (only the deliberately damaged articles, named in each corpus README, may have one).

Usage: .venv/bin/python benchmarks/bench_normalize.py [--msra PATH] [--n 2000]
"""

from __future__ import annotations

import argparse
import random
import sys
import time
from collections import Counter
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))
sys.path.insert(0, str(REPO / "tests"))

from pipeline.document import Document  # noqa: E402
from pipeline.registry import get_stage  # noqa: E402
from pipeline.schema import RawDocument  # noqa: E402
from normalize_cases import damage_gbk_shift, damage_utf8_as_gbk, msra_sentences  # noqa: E402


def make_doc(text: str, doc_id: str = "bench") -> Document:
    """A Document over `text`, as the reader would make it."""
    raw = RawDocument(
        doc_id=doc_id, source_path=doc_id, source_format="txt", sha256="0", n_bytes=len(text.encode()),
        encoding="utf-8", encoding_confidence=1.0, text=text,
    )
    return Document.from_raw(raw)


def main() -> None:
    """Run and print the numbers."""
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--msra", type=Path, default=Path(__file__).resolve().parent.parent.parent / "shared" / "data" / "msra" / "msra_test.txt")
    ap.add_argument("--n", type=int, default=2000)
    args = ap.parse_args()
    spec = get_stage("normalize")
    t0 = time.perf_counter()
    run = spec.factory(spec.config_cls())
    print(f"factory: {time.perf_counter() - t0:.2f} s")

    for path in sorted((REPO / "seeds").glob("*.txt")):
        doc = run(make_doc(path.read_text(encoding="utf-8"), path.stem))
        counts = Counter(r.rule for r in doc.repairs)
        print(f"{path.name}: language={doc.language} repairs={dict(counts)}")

    n_moji = 0
    for d in ("tests/corpus/texts", "tests/holdout/texts", "tests/holdout2/texts", "seeds"):
        for path in sorted((REPO / d).glob("*.txt")):
            doc = run(make_doc(path.read_text(encoding="utf-8"), path.stem))
            for r in doc.repairs:
                if r.rule.startswith("mojibake."):
                    n_moji += 1
                    print(f"  corpus mojibake: {d}/{path.name} {r.rule} {r.original!r} -> {r.replacement!r}")
    print(f"corpora: {n_moji} mojibake repairs")

    sents = msra_sentences(args.msra, args.n)
    n_chars = sum(len(s) for s in sents)
    t0 = time.perf_counter()
    false = [(s, r) for s in sents for r in run(make_doc(s)).repairs]
    dt = time.perf_counter() - t0
    n_bad = len({s for s, _ in false})
    print(f"MSRA clean: {len(sents)} sentences, {n_chars} chars, false repairs {len(false)} "
          f"in {n_bad} sentences (rate {n_bad / len(sents):.4f}), {n_chars / dt:,.0f} chars/s")
    for s, r in false[:10]:
        print(f"  false: {r.rule} {r.original!r} -> {r.replacement!r} in {s[:40]}")

    rng = random.Random(7)
    def damage_fffd(line, rng):
        return damage_utf8_as_gbk(line, rng, "\ufffd")

    for name, damage in [
        ("gbk_shift", damage_gbk_shift), ("utf8_as_gbk", damage_utf8_as_gbk), ("utf8_as_gbk_fffd", damage_fffd),
    ]:
        exact = kept = repaired = total = 0
        for s in rng.sample(sents, min(300, len(sents))):
            case = damage(s, rng)
            if case is None:
                continue
            damaged, truth_line = case
            total += 1
            doc = run(make_doc(damaged))
            if any(r.kind == "mojibake" for r in doc.repairs):
                repaired += 1
            exact += doc.text == truth_line
            # Restored except for characters that lost their bytes and were kept as U+FFFD.
            kept += len(doc.text) == len(truth_line) and all(
                a == b or a == "\ufffd" for a, b in zip(doc.text, truth_line)
            )
        print(f"synthetic {name}: {total} damaged sentences, repaired {repaired} ({repaired / max(total, 1):.2%}), "
              f"exactly restored {exact} ({exact / max(total, 1):.2%}), "
              f"restored but for kept U+FFFD {kept} ({kept / max(total, 1):.2%})")


if __name__ == "__main__":
    main()
