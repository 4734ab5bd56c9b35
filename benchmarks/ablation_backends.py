"""NER back-ends, extra proposers and word boundaries on a corpus: entity F1 of each setting against the default.

usage: python benchmarks/ablation_backends.py [--corpus ../shared/real-pages] [--only NAME ...]
Runs benchmarks/score_corpus.py once per setting (config overrides below) and prints a Markdown table of
persons / organizations / places strict F1 and the overall score, with the change against the default
config (lac, no extra proposer, word boundaries off). Settings whose back-end is not installed (hanlp
without the hanlp extra) are reported as skipped.
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
FIELDS = ("persons_strict", "organizations_strict", "places_strict")

SETTINGS: dict[str, list[str]] = {
    "default (lac)": [],
    "backend spacy-msra": ["ner.backend_zh=spacy-msra"],
    "backend spacy-pkuseg": ["ner.backend_zh=spacy-pkuseg"],
    "backend hanlp": ["ner.backend_zh=hanlp"],
    "lac + extra hanlp": ['ner.extra_proposers=["hanlp"]'],
    "lac + extra spacy-msra": ['ner.extra_proposers=["spacy-msra"]'],
    "lac + extra spacy-pkuseg": ['ner.extra_proposers=["spacy-pkuseg"]'],
    "lac + word boundaries": ["ner.word_boundaries=true"],
    "lac + extra hanlp + word boundaries": ['ner.extra_proposers=["hanlp"]', "ner.word_boundaries=true"],
}


def score(corpus: str, overrides: list[str]) -> dict[str, float] | str:
    """The scores of one setting, or the pipeline's error message."""
    cmd = [sys.executable, str(REPO / "benchmarks" / "score_corpus.py"), "--corpus", corpus, "--json"]
    for item in overrides:
        cmd += ["--set", item]
    done = subprocess.run(cmd, cwd=REPO, capture_output=True, text=True)
    if done.returncode != 0:
        return (done.stderr.strip().splitlines() or ["failed"])[-1][:160]
    d = json.loads(done.stdout)
    out = {f: d["scores"][f]["f1"] for f in FIELDS}
    out["overall"] = d["overall"]
    return out


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--corpus", default="../shared/real-pages")
    ap.add_argument("--only", nargs="*", help="only these settings (names as in the table)")
    args = ap.parse_args()
    base = score(args.corpus, [])
    if isinstance(base, str):
        sys.exit(f"ablation_backends: the default config failed: {base}")
    print(f"corpus {args.corpus}; strict F1 (change against the default)\n")
    print("| setting | persons | organizations | places | overall |")
    print("|---|---|---|---|---|")
    for name, overrides in SETTINGS.items():
        if args.only and name not in args.only:
            continue
        s = base if not overrides else score(args.corpus, overrides)
        if isinstance(s, str):
            print(f"| {name} | skipped: {s} | | | |", flush=True)
            continue
        cells = [f"{s[k]:.3f} ({s[k] - base[k]:+.3f})" for k in (*FIELDS, "overall")]
        print(f"| {name} | " + " | ".join(cells) + " |", flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
