"""Score the pipeline on a hand-annotated corpus (default tests/corpus), not on the seeds.

usage: python benchmarks/score_corpus.py [--corpus DIR] [--verbose] [--json] [--keep DIR] [--set section.key=value ...]
Runs `python -m pipeline.cli run DIR/texts --out <tmp> --quiet`, then the team scorer
(../shared/eval/score.py) against DIR/gold, and prints the scorer's table (and misses with --verbose).
DIR is tests/corpus (development set) or tests/holdout (held-out set, written blind to the rules).
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
CORPUS = REPO / "tests" / "corpus"
SCORER = REPO.parent / "shared" / "eval" / "score.py"


def run_pipeline(corpus: Path, out: Path, overrides: list[str]) -> None:
    """Run the CLI over the corpus texts into `out`; exit with its message when it fails."""
    cmd = [sys.executable, "-m", "pipeline.cli", "run", str(corpus / "texts"), "--out", str(out), "--quiet"]
    for item in overrides:
        cmd += ["--set", item]
    env = dict(os.environ, PYTHONPATH=str(REPO))
    done = subprocess.run(cmd, cwd=REPO, env=env, capture_output=True, text=True)
    if done.returncode != 0:
        sys.exit(f"score_corpus: the pipeline failed (exit {done.returncode}):\n{done.stderr.strip()}")


def report_errors(path: Path) -> None:
    """Print the documents the pipeline failed on (the scorer counts them as missing) to stderr."""
    lines = path.read_text(encoding="utf-8").splitlines() if path.is_file() else []
    for line in filter(None, lines):
        err = json.loads(line)
        print(f"score_corpus: {err.get('doc_id')}: failed in stage {err.get('stage')}: "
              f"{err.get('error_type')}: {err.get('message')}", file=sys.stderr)


def resolve_corpus(arg: Path) -> Path:
    """The corpus folder: as given, or relative to the repository root; exit when it lacks texts/ and gold/."""
    corpus = arg if arg.is_absolute() or arg.exists() else REPO / arg
    if not (corpus / "texts").is_dir() or not (corpus / "gold").is_dir():
        sys.exit(f"score_corpus: {arg} is not a corpus folder (it needs texts/ and gold/ inside)")
    return corpus


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--corpus", type=Path, default=CORPUS,
                    help="corpus folder holding texts/ and gold/ (default tests/corpus; e.g. tests/holdout)")
    ap.add_argument("--verbose", action="store_true", help="also print each document's misses")
    ap.add_argument("--json", action="store_true", help="print the scorer's JSON instead of the tables")
    ap.add_argument("--keep", type=Path, help="write the run into this folder instead of a temporary one")
    ap.add_argument("--set", dest="overrides", action="append", default=[], metavar="section.key=value",
                    help="config override passed to the pipeline (repeatable)")
    args = ap.parse_args()
    if not SCORER.is_file():
        sys.exit(f"score_corpus: the scorer {SCORER} is missing; this script needs the team's shared/ folder "
                 "checked out beside the repository (../shared/eval/score.py).")
    corpus = resolve_corpus(args.corpus)
    with tempfile.TemporaryDirectory() as tmp:
        out = args.keep or Path(tmp) / "run"
        run_pipeline(corpus, out, args.overrides)
        report_errors(out / "errors.jsonl")
        cmd = [sys.executable, str(SCORER), "--gold", str(corpus / "gold"), "--texts", str(corpus / "texts"),
               "--pred", str(out / "records.jsonl")]
        cmd += ["--verbose"] * args.verbose + ["--json"] * args.json
        return subprocess.run(cmd, cwd=REPO).returncode


if __name__ == "__main__":
    sys.exit(main())
