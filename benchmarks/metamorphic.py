"""Metamorphic benchmark: invariance of the entities under script, pinyin, width and HTML renderings.

usage: python benchmarks/metamorphic.py [--cases N] [--seed S] [--examples K] [--json]
Fills the templates of tests/metamorphic/ (N cases), renders each in every variant, runs normalize, strip
and NER (the reader for every file, so .html goes through the HTML reader) and reports:
- invariance: the share of cases whose entity set (type, simplified text) is identical in every variant;
- per variant: the share of cases where that variant agrees with the plain Simplified text;
- known-entity recall: the template's own persons, companies, associations and places found with exact
  boundaries in the plain text, by type and by kind (compound surname, minority name, bracketed locale ...),
  with examples of what was found instead, so that NER gaps can be told from normalize or reader ones.
"""

from __future__ import annotations

import argparse
import json
import sys
import tempfile
import time
from collections import defaultdict
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO / "tests"))
sys.path.insert(0, str(REPO))

import metamorphic as mm  # noqa: E402


def kind_of(case: mm.Case, typ: str, text: str) -> str:
    """What kind of filled entity a known entity is, for the breakdown of misses."""
    field = next((k for k, v in case.fills.items() if v.replace("（", "(").replace("）", ")") == text), "?")
    if typ == "PERSON":
        if "·" in text:
            return "person: minority name with ·"
        return "person: compound surname" if text[:2] in mm.lexicon()["compound_surnames"] else "person: single surname"
    if typ == "ORG":
        if field == "assoc":
            return "org: association / chamber"
        if "(" in text and "(集团)" not in text:
            return "org: company, locale in brackets"
        if "(集团)" in text:
            return "org: company, (集团)"
        places = mm.lexicon()["places"]
        if any(text.startswith(p["province"][:2]) or text.startswith(p["city_short"][:2]) for p in places):
            return "org: company, locale first"
        return "org: company, bare trade name"
    auto = " (autonomous)" if "自治" in text else ""
    return f"place: {field}{auto}"


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--cases", type=int, default=250, help="number of filled cases (default 250)")
    ap.add_argument("--seed", type=int, default=0, help="fill seed (default 0)")
    ap.add_argument("--examples", type=int, default=3, help="examples printed per category (default 3)")
    ap.add_argument("--json", action="store_true", help="print the summary as JSON")
    args = ap.parse_args()

    t0 = time.perf_counter()
    pipe, cfg = mm.make_pipeline()
    cases = mm.make_cases(args.cases, args.seed)
    with tempfile.TemporaryDirectory() as d:
        outcomes = [mm.run_case(pipe, cfg, c, Path(d)) for c in cases]
    summary = mm.summarize(outcomes)
    summary["seconds"] = round(time.perf_counter() - t0, 1)

    diffs: dict[str, list[str]] = defaultdict(list)
    for o in outcomes:
        for v in mm.VARIANTS:
            if o.differs(v):
                got = o.sets[v] or set()
                diffs[v].append(f"{o.case.id} ({o.case.genre}): missing {sorted(o.sets['plain'] - got)}, "
                                f"extra {sorted(got - o.sets['plain'])} {o.errors.get(v, '')}".rstrip())
    misses: dict[str, list[str]] = defaultdict(list)
    totals: dict[str, int] = defaultdict(int)
    for o in outcomes:
        base = o.sets["plain"] or set()
        for typ, text in sorted(o.case.known):
            k = kind_of(o.case, typ, text)
            totals[k] += 1
            if (typ, text) not in base:
                near = sorted(f"{t}:{s}" for t, s in base if s and (s in text or text in s))
                misses[k].append(f"{text} -> {near or 'nothing'}")
    summary["known_by_kind"] = {k: round(1 - len(misses[k]) / n, 4) for k, n in sorted(totals.items())}
    summary["variant_differences"] = {v: len(x) for v, x in diffs.items()}

    if args.json:
        print(json.dumps(summary, ensure_ascii=False, indent=2))
        return 0
    print(f"metamorphic: {summary['cases']} cases x {len(mm.VARIANTS) + 1} renderings, seed {args.seed}, "
          f"{summary['seconds']} s")
    print(f"invariance (every variant = plain)   {summary['invariance']:.3f}")
    for v, rate in summary["per_variant"].items():
        print(f"  {v:<34} {rate:.3f}")
    print(f"known-entity recall (plain)          {summary['known_recall_all']:.3f}  "
          + "  ".join(f"{t} {r:.3f}" for t, r in summary["known_recall"].items()))
    for k, rate in summary["known_by_kind"].items():
        print(f"  {k:<34} {rate:.3f}  ({totals[k]})")
    for v, lines in diffs.items():
        print(f"\n{v}: {len(lines)} case(s) differ")
        for line in lines[: args.examples]:
            print("  " + line)
    for k, lines in sorted(misses.items(), key=lambda kv: -len(kv[1])):
        print(f"\nmissed {k}: {len(lines)} of {totals[k]}")
        for line in lines[: args.examples]:
            print("  " + line)
    return 0


if __name__ == "__main__":
    sys.exit(main())
