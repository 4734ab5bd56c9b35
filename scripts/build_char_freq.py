"""Build pipeline/data/char_freq.tsv: character and character-bigram counts of the MSRA training corpus.

The normalizer scores candidate mojibake repairs with these counts (how plausible a run of characters is
as Chinese). Keys are folded like the normalizer folds text before scoring: full-width ASCII to half-width.
Only the training file is read, so the MSRA test sentences stay a fair check for false repairs.

Usage: .venv/bin/python scripts/build_char_freq.py [--corpus PATH] [--out PATH] [--min-bigram N]
"""

from __future__ import annotations

import argparse
from collections import Counter
from pathlib import Path

from pipeline.normalize.charmodel import fold_char  # the model's keys are folded the same way

REPO = Path(__file__).resolve().parent.parent


def sentences(path: Path):
    """Sentences of a character-per-line corpus (blank line between sentences)."""
    cur: list[str] = []
    for line in path.read_text(encoding="utf-8").split("\n"):
        parts = line.split()
        if not parts:
            if cur:
                yield "".join(cur)
            cur = []
            continue
        cur.append(fold_char(parts[0]))
    if cur:
        yield "".join(cur)


def main() -> None:
    """Count and write the table."""
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--corpus", type=Path, default=Path(__file__).resolve().parent.parent.parent / "shared" / "data" / "msra" / "msra_train.txt")
    ap.add_argument("--out", type=Path, default=REPO / "pipeline" / "data" / "char_freq.tsv")
    ap.add_argument("--min-bigram", type=int, default=3, help="drop rarer bigrams to keep the file small")
    args = ap.parse_args()
    uni: Counter[str] = Counter()
    bi: Counter[str] = Counter()
    n_sent = 0
    for s in sentences(args.corpus):
        n_sent += 1
        uni.update(s)
        bi.update(s[i : i + 2] for i in range(len(s) - 1))
    with args.out.open("w", encoding="utf-8") as f:
        f.write(f"#\tMSRA train: {n_sent} sentences, {sum(uni.values())} characters\n")
        f.write(f"#total\t{sum(uni.values())}\t{sum(bi.values())}\n")
        for k, v in sorted(uni.items(), key=lambda kv: (-kv[1], kv[0])):
            if k.strip() and k not in "\t#":
                f.write(f"{k}\t{v}\n")
        for k, v in sorted(bi.items(), key=lambda kv: (-kv[1], kv[0])):
            if v >= args.min_bigram and k.strip() == k and "\t" not in k and not k.startswith("#"):
                f.write(f"{k}\t{v}\n")
    print(f"wrote {args.out} ({args.out.stat().st_size} bytes): {len(uni)} characters", flush=True)


if __name__ == "__main__":
    main()
