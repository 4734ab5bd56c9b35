"""Ablation of the Chinese NER proposers: entity F1 with each proposer switched off in turn.

usage: python benchmarks/ablation_ner.py [--corpus ../shared/real-pages] [--only name ...]
Runs benchmarks/score_corpus.py once with everything on and once per proposer with
`--set ner.disabled_proposers=["name"]`, and prints a Markdown table of persons / organizations /
places strict F1 (and the overall score) with the change against everything on. A proposer whose
removal costs nothing on every set is a candidate for removal.
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

from pipeline.ner.proposers import PROPOSERS  # noqa: E402

FIELDS = ("persons_strict", "organizations_strict", "places_strict")


def score(corpus: str, disabled: list[str]) -> dict[str, float]:
    cmd = [sys.executable, str(REPO / "benchmarks" / "score_corpus.py"), "--corpus", corpus, "--json",
           "--set", "ner.disabled_proposers=" + json.dumps(disabled)]
    done = subprocess.run(cmd, cwd=REPO, capture_output=True, text=True, check=True)
    d = json.loads(done.stdout)
    out = {f: d["scores"][f]["f1"] for f in FIELDS}
    out["overall"] = d["overall"]
    return out


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--corpus", default="../shared/real-pages")
    ap.add_argument("--only", nargs="*", help="ablate only these proposers")
    args = ap.parse_args()
    names = args.only or list(PROPOSERS)
    base = score(args.corpus, [])
    print(f"corpus {args.corpus}; strict F1 with one proposer off (change against all on)\n")
    print("| proposer off | persons | organizations | places | overall |")
    print("|---|---|---|---|---|")
    print(f"| (none) | {base['persons_strict']:.3f} | {base['organizations_strict']:.3f} | "
          f"{base['places_strict']:.3f} | {base['overall']:.3f} |")
    for name in names:
        s = score(args.corpus, [name])
        cells = [f"{s[k]:.3f} ({s[k] - base[k]:+.3f})" for k in (*FIELDS, "overall")]
        print(f"| {name} | " + " | ".join(cells) + " |", flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
