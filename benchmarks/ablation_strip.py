"""Line-role scores of the strip stage, whole and with each rule/feature group switched off (an ablation table).

Runs only normalize and strip (no models), so a corpus of 70 pages takes a few seconds. Lines are scored with
the team scorer (`../shared/eval/score.py`): boilerplate F1 (boilerplate or duplicate lines) and title F1.

    .venv/bin/python benchmarks/ablation_strip.py --corpus ../shared/real-pages            # the table
    .venv/bin/python benchmarks/ablation_strip.py --corpus tests/holdout3 --only            # full stage only
    .venv/bin/python benchmarks/ablation_strip.py --corpus ../shared/real-pages --misses    # wrong lines, with rule ids

A group is a prefix of rule and mechanism ids (`strip.disable` takes the same prefixes); the groups listed are
those of `GROUPS` below. `--markdown` prints the table as Markdown for ARCHITECTURE.md.
"""

from __future__ import annotations

import argparse
import importlib.util
import json
import sys
from pathlib import Path

from pipeline.config import REPO_ROOT
from pipeline.document import Document
from pipeline.registry import get_stage
from pipeline.schema import RawDocument

SHARED = REPO_ROOT.parent / "shared"

# (group prefix, what it is); each row of the table switches one off.
GROUPS = [
    ("widget", "widget vocabulary (widgets.toml): login, share, print, font size, app, subscribe"),
    ("nav", "navigation rules: menus, breadcrumbs, related lists, app prompts, subscription lines, short runs"),
    ("nav.short_run", "a run of 4+ short lines set solid above the article is a link list"),
    ("meta", "metadata rules: date/source/views lines, field tables, bare labels, summary boxes"),
    ("site", "site-name and site-place header rules"),
    ("copyright", "copyright and sponsor lines"),
    ("contact", "contact footers"),
    ("editor", "editor, reporter and photo credit lines"),
    ("source", "source lines"),
    ("disclaimer", "disclaimers and reprint notices"),
    ("notice", "browser notices"),
    ("junk", "junk, image and end-mark lines"),
    ("inline", "inline cuts (datelines, bylines, end marks)"),
    ("head.no_overlap", "a head line must share words with the body to be a headline"),
    ("head", "header zone: no-overlap, publisher, lines above the breadcrumb"),
    ("tail", "footer zone: everything after the last paragraph"),
    ("dup", "repetition: repeated lines, repeated headline"),
    ("teaser", "teasers: truncated repeats of the article, promo lines trailing off in an ellipsis"),
    ("title.caption", "headline repeats and echoes as captions"),
    ("title.kicker", "kicker set against the headline"),
    ("title.fused_subtitle", "subtitle fused with the headline below it"),
    ("body.truncated", "last paragraph cut by a size limit stays body"),
    ("body.prose", "paragraph cut at a page break stays body"),
    ("body.sentence_caption", "English sentence captions are body"),
    ("body.colon_run", "lines under a line ending in a colon (lists, quotations) are body"),
    ("feature.symbols", "lines of digits and punctuation"),
]


def load_scorer(path: Path):
    """Import shared/eval/score.py as a module."""
    spec = importlib.util.spec_from_file_location("score", path)
    mod = importlib.util.module_from_spec(spec)
    sys.modules["score"] = mod
    spec.loader.exec_module(mod)
    return mod


def build(disable: list[str]):
    """The normalize and strip stages, strip with `disable` switched off."""
    norm = get_stage("normalize")
    strip = get_stage("strip")
    cfg = strip.config_cls(disable=disable) if disable else strip.config_cls()
    return norm.factory(norm.config_cls()), strip.factory(cfg)


def run(texts: Path, stages) -> tuple[list[dict], dict[str, Document]]:
    """One scorer record per text (line roles only) and the processed documents."""
    records, docs = [], {}
    for path in sorted(texts.glob("*.txt")):
        text = path.read_text(encoding="utf-8")
        raw = RawDocument(doc_id=path.stem, source_path=str(path), source_format="txt", sha256="0",
                          n_bytes=len(text.encode()), encoding="utf-8", encoding_confidence=1.0, text=text)
        doc = Document.from_raw(raw)
        for stage in stages:
            doc = stage(doc)
        docs[path.stem] = doc
        records.append({"doc_id": path.stem, "lines": [{"n": ln.n, "role": ln.role} for ln in doc.lines]})
    return records, docs


def line_scores(score, gold: Path, texts: Path, records: list[dict]) -> tuple[dict, dict, dict]:
    """(boilerplate, title, misses) from the scorer."""
    out = score.evaluate(gold, records, texts)
    s = out["scores"]
    return s["boilerplate_lines"], s["title_lines"], out.get("misses", {})


def print_misses(score, gold_dir: Path, texts: Path, records: list[dict], docs: dict[str, Document]) -> None:
    """Every wrongly labelled line with the role and rule strip gave it."""
    for rec in records:
        doc_id = rec["doc_id"]
        gold_file = gold_dir / f"{doc_id}.json"
        if not gold_file.is_file():
            continue
        gold = json.loads(gold_file.read_text(encoding="utf-8"))
        lines = score.read_lines(texts, doc_id)
        blank = {n for n, ln in enumerate(lines) if not ln.strip()}
        g_title = score.resolve_lines(gold.get("title_lines") or [], lines, doc_id) - blank
        g_bp = score.resolve_lines((gold.get("boilerplate_lines") or []) + (gold.get("duplicate_lines") or []),
                                   lines, doc_id) - blank
        out = []
        for ln in docs[doc_id].lines:
            if ln.n in blank:
                continue
            pred_bp, pred_t = ln.role in ("boilerplate", "duplicate"), ln.role == "title"
            ok_bp = pred_bp == (ln.n in g_bp) or (ln.n in g_bp and ln.n in g_title and pred_t)
            ok_t = pred_t == (ln.n in g_title) or (ln.n in g_bp and ln.n in g_title and pred_bp)
            if not (ok_bp and ok_t):
                want = "+".join(r for r, s in (("title", g_title), ("boilerplate", g_bp)) if ln.n in s) or "body"
                out.append(f"  {ln.n:3d} want {want:17s} got {ln.role:11s} {ln.rule or '':22s} {lines[ln.n].strip()[:60]}")
        if out:
            print(doc_id)
            print("\n".join(out))


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--corpus", type=Path, default=SHARED / "real-pages", help="folder with texts/ and gold/")
    ap.add_argument("--texts", type=Path, help="texts folder (default CORPUS/texts; e.g. ../shared/seeds)")
    ap.add_argument("--gold", type=Path, help="gold folder (default CORPUS/gold; e.g. ../shared/seeds-gold)")
    ap.add_argument("--scorer", type=Path, default=SHARED / "eval" / "score.py")
    ap.add_argument("--only", action="store_true", help="score the full stage only")
    ap.add_argument("--misses", action="store_true", help="print the wrong lines of the full stage")
    ap.add_argument("--markdown", action="store_true", help="print the table as Markdown")
    args = ap.parse_args()
    corpus = args.corpus if args.corpus.is_absolute() or args.corpus.exists() else REPO_ROOT / args.corpus
    texts, gold = args.texts or corpus / "texts", args.gold or corpus / "gold"
    score = load_scorer(args.scorer)
    rows = [("all rules and features", "", [])]
    if not args.only and not args.misses:
        rows += [(f"without {g}", what, [g]) for g, what in GROUPS]
    base = None
    if args.markdown:
        print("| strip | boilerplate P | R | F1 | title P | R | F1 | Δ boilerplate F1 | Δ title F1 |")
        print("|---|---|---|---|---|---|---|---|---|")
    else:
        print(f"{'configuration':28s} {'bp P':>6s} {'R':>6s} {'F1':>6s}   {'title P':>7s} {'R':>6s} {'F1':>6s}   "
              f"{'ΔbpF1':>6s} {'ΔtF1':>6s}")
    for name, _what, disable in rows:
        records, docs = run(texts, build(disable))
        b, t, _ = line_scores(score, gold, texts, records)
        f = lambda v: "n/a" if v is None else f"{v:.3f}"  # noqa: E731
        if base is None:
            base = (b["f1"] or 0.0, t["f1"] or 0.0)
        db, dt = (b["f1"] or 0.0) - base[0], (t["f1"] or 0.0) - base[1]
        if args.markdown:
            label = f"without `{disable[0]}`" if disable else name
            print(f"| {label} | {f(b['p'])} | {f(b['r'])} | {f(b['f1'])} | {f(t['p'])} | {f(t['r'])} | {f(t['f1'])} "
                  f"| {db:+.3f} | {dt:+.3f} |")
        else:
            print(f"{name:28s} {f(b['p']):>6s} {f(b['r']):>6s} {f(b['f1']):>6s}   {f(t['p']):>7s} {f(t['r']):>6s} "
                  f"{f(t['f1']):>6s}   {db:+.3f} {dt:+.3f}")
        if args.misses:
            print_misses(score, gold, texts, records, docs)
    return 0


if __name__ == "__main__":
    sys.exit(main())
