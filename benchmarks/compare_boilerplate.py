"""Compare the strip stage with trafilatura and jusText on line-level boilerplate detection.

Each article's lines are wrapped as HTML <p> paragraphs (blank lines dropped) and given to trafilatura and
jusText; a line they do not keep counts as boilerplate. The strip stage runs on the same text. All three are
scored with the project's scorer (`shared/eval/score.py`), so the line-role logic is the scorer's own: gold
positive = boilerplate or duplicate lines, blank lines neutral, a line gold marks both title and boilerplate
counts for whichever role is predicted.

    .venv/bin/python benchmarks/compare_boilerplate.py [--gold ../shared/seeds-gold] [--texts ../shared/seeds]
"""

from __future__ import annotations

import argparse
import html
import importlib.util
import re
import sys
from pathlib import Path

from pipeline.config import REPO_ROOT
from pipeline.document import Document
from pipeline.registry import get_stage
from pipeline.schema import RawDocument

SHARED = REPO_ROOT.parent / "shared"


def load_scorer(path: Path):
    """Import shared/eval/score.py as a module."""
    spec = importlib.util.spec_from_file_location("score", path)
    mod = importlib.util.module_from_spec(spec)
    sys.modules["score"] = mod
    spec.loader.exec_module(mod)
    return mod


def squash(text: str) -> str:
    """Whitespace-free text, for matching a line against an extractor's output."""
    return re.sub(r"\s+", "", html.unescape(text))


def as_html(lines: list[str], title: str | None = None) -> str:
    """The article's lines as an HTML page of <p> paragraphs."""
    body = "\n".join(f"<p>{html.escape(ln.strip())}</p>" for ln in lines if ln.strip())
    return f"<html><head><meta charset='utf-8'></head><body><article>{body}</article></body></html>"


def record(doc_id: str, lines: list[str], kept: list[bool]) -> dict:
    """A scorer record: kept lines are body, the others boilerplate."""
    roles = [
        {"n": n, "role": "blank" if not ln.strip() else ("body" if k else "boilerplate")}
        for n, (ln, k) in enumerate(zip(lines, kept))
    ]
    return {"doc_id": doc_id, "lines": roles}


def run_trafilatura(doc_id: str, lines: list[str], language: str, **opts) -> dict:
    """Lines whose text appears in trafilatura's extracted text are kept."""
    import trafilatura

    out = trafilatura.extract(as_html(lines), output_format="txt", include_comments=False, **opts) or ""
    return record(doc_id, lines, in_order(lines, squash(out)))


def in_order(lines: list[str], flat: str) -> list[bool]:
    """Which lines occur in `flat`, matched left to right so a repeated line needs a second copy."""
    kept, pos = [], 0
    for ln in lines:
        at = flat.find(squash(ln), pos) if squash(ln) else -1
        kept.append(at >= 0)
        pos = at + len(squash(ln)) if at >= 0 else pos
    return kept


def run_justext(doc_id: str, lines: list[str], language: str) -> dict:
    """Lines jusText classifies as good paragraphs are kept (English stoplist; none exists for Chinese)."""
    import justext

    stoplist = justext.get_stoplist("English") if language == "en" else frozenset()
    paras = justext.justext(as_html(lines).encode("utf-8"), stoplist, encoding="utf-8")
    good = "".join(squash(p.text) for p in paras if not p.is_boilerplate)
    return record(doc_id, lines, in_order(lines, good))


def run_strip(doc_id: str, text: str, stage) -> dict:
    """The strip stage's own roles."""
    raw = RawDocument(doc_id=doc_id, source_path=doc_id, source_format="txt", sha256="0", n_bytes=0,
                      encoding="utf-8", encoding_confidence=1.0, text=text)
    doc = stage(Document.from_raw(raw))
    return {"doc_id": doc_id, "lines": [{"n": ln.n, "role": ln.role} for ln in doc.lines]}


def main() -> None:
    """Score the three systems and print the table."""
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--gold", type=Path, default=SHARED / "seeds-gold")
    ap.add_argument("--texts", type=Path, default=SHARED / "seeds")
    ap.add_argument("--scorer", type=Path, default=SHARED / "eval" / "score.py")
    args = ap.parse_args()
    score = load_scorer(args.scorer)
    import json

    spec = get_stage("strip")
    stage = spec.factory(spec.config_cls())
    systems: dict[str, list[dict]] = {k: [] for k in ("strip", "trafilatura", "trafilatura_precision", "justext")}
    for gold_file in sorted(args.gold.glob("*.json")):
        doc_id = gold_file.stem
        language = json.loads(gold_file.read_text(encoding="utf-8")).get("language", "zh-Hans")
        text = (args.texts / f"{doc_id}.txt").read_text(encoding="utf-8")
        lines = [ln.removesuffix("\r") for ln in text.split("\n")]
        systems["strip"].append(run_strip(doc_id, text, stage))
        systems["trafilatura"].append(run_trafilatura(doc_id, lines, language))
        systems["trafilatura_precision"].append(
            run_trafilatura(doc_id, lines, language, favor_precision=True, deduplicate=True)
        )
        systems["justext"].append(run_justext(doc_id, lines, language))
    print(f"{'system':20s} {'P':>6s} {'R':>6s} {'F1':>6s} {'tp':>4s} {'fp':>4s} {'fn':>4s}   title F1")
    for name, records in systems.items():
        s = score.evaluate(args.gold, records, args.texts)["scores"]
        b, t = s["boilerplate_lines"], s["title_lines"]
        fmt = lambda v: "   n/a" if v is None else f"{v:6.3f}"  # noqa: E731
        print(f"{name:20s} {fmt(b['p'])} {fmt(b['r'])} {fmt(b['f1'])} {b['tp']:4d} {b['fp']:4d} {b['fn']:4d}   {fmt(t['f1'])}")


if __name__ == "__main__":
    main()
