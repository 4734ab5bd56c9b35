"""Body recall and precision on whole HTML pages: flattened text vs DOM features vs trafilatura alone.

Pages: `tests/html_pages/NN_name.html` with their true article text `NN_name.gold.txt` (headline, subheads,
captions, paragraphs), or any folder of the same shape (`--pages DIR`). Per page, characters are compared
without whitespace (difflib matching blocks):
recall = article characters kept / article characters; precision = kept characters that are article / kept.

Systems:
- `flat`: the reader's text with no DOM features (the pipeline before DOM features), then normalize + strip;
- `dom`: the reader's text and DOM features without the extractor, then normalize + strip;
- `dom+traf`: the same with trafilatura's choice as one feature (needs the `html` extra);
- `trafilatura`: trafilatura alone (its title and main text).

`--ablation` instead runs `dom` with one feature blanked at a time (what each feature earns).

    .venv/bin/python benchmarks/bench_html.py [--pages tests/html_pages] [--verbose] [--ablation]
"""

from __future__ import annotations

import argparse
import difflib
import re
import statistics
from pathlib import Path

from pipeline.config import REPO_ROOT, ReaderConfig, RunConfig
from pipeline.document import Document
from pipeline.html import parse_html
from pipeline.reader import InputFile, read_file
from pipeline.registry import get_stage


def squash(text: str) -> str:
    """Whitespace-free text."""
    return re.sub(r"\s+", "", text)


def overlap(kept: str, gold: str) -> tuple[float, float]:
    """(recall, precision) of kept characters against the gold article."""
    k, g = squash(kept), squash(gold)
    sm = difflib.SequenceMatcher(None, k, g, autojunk=False)
    hit = sum(b.size for b in sm.get_matching_blocks())
    return hit / max(1, len(g)), (hit / len(k) if k else 0.0)


def run_stages(raw, stages) -> str:
    """Kept text (title and body lines) after normalize and strip."""
    doc = Document.from_raw(raw)
    for stage in stages:
        doc = stage(doc)
    return doc.clean_text()[0]


def trafilatura_text(html: str) -> str | None:
    """Title and main text as trafilatura extracts them, or None when it is not installed."""
    try:
        import trafilatura
    except ImportError:
        return None
    doc = trafilatura.bare_extraction(html, include_comments=False, include_tables=True, with_metadata=True)
    if doc is None:
        return ""
    title = getattr(doc, "title", None) or ""
    return f"{title}\n{getattr(doc, 'text', '') or ''}"


def main() -> None:
    """Print per-page and summary recall / precision for each system."""
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--pages", type=Path, default=REPO_ROOT / "tests" / "html_pages")
    ap.add_argument("--verbose", action="store_true")
    ap.add_argument("--ablation", action="store_true", help="blank one DOM feature at a time")
    args = ap.parse_args()
    if args.ablation:
        ablation(args.pages)
        return
    stages = []
    for name in ("normalize", "strip"):
        spec = get_stage(name)
        stages.append(spec.factory(spec.config_cls()))
    results: dict[str, list[tuple[float, float]]] = {"flat": [], "dom": [], "dom+traf": [], "trafilatura": []}
    rows = []
    for page in sorted(args.pages.glob("*.html")):
        gold = page.with_suffix(".gold.txt").read_text(encoding="utf-8")
        raw = next(iter(read_file(InputFile(page, page.stem, fmt="html"), ReaderConfig(), RunConfig())))
        html = page.read_bytes().decode(raw.encoding if raw.encoding != "utf-8-replace" else "utf-8", errors="replace")
        own = parse_html(html, use_extractor=False)
        with_traf = parse_html(html, use_extractor=True)
        texts = {
            "flat": run_stages(raw.model_copy(update={"line_features": None}), stages),
            "dom": run_stages(raw.model_copy(update={"line_features": own.line_features}), stages),
            "dom+traf": run_stages(raw.model_copy(update={"line_features": with_traf.line_features}), stages),
            "trafilatura": trafilatura_text(html),
        }
        row = [page.stem]
        for name, text in texts.items():
            if text is None:
                row.append("   n/a     n/a")
                continue
            r, p = overlap(text, gold)
            results[name].append((r, p))
            row.append(f"{r:6.3f}  {p:6.3f}")
        rows.append(row)
    names = [n for n in results if results[n]]
    if args.verbose:
        print(f"{'page':24s} " + " ".join(f"{n + ' R / P':>15s}" for n in names))
        for row in rows:
            print(f"{row[0]:24s} " + " ".join(f"{c:>15s}" for c in row[1 : len(names) + 1]))
        print()
    print(f"{'system':12s} {'recall':>7s} {'min R':>7s} {'median P':>9s} {'mean P':>7s} {'min P':>7s} {'P<0.8':>6s}  ({len(rows)} pages)")
    for name in names:
        rs = [r for r, _ in results[name]]
        ps = [p for _, p in results[name]]
        print(
            f"{name:12s} {statistics.mean(rs):7.3f} {min(rs):7.3f} {statistics.median(ps):9.3f} "
            f"{statistics.mean(ps):7.3f} {min(ps):7.3f} {sum(p < 0.8 for p in ps):6d}"
        )


# Each DOM feature and the neutral value that switches off the rules reading it.
ABLATE = {
    "none": {}, "landmark": {"landmark": None}, "words": {"words": None}, "link": {"link": 0.0},
    "main": {"main": False}, "in_title": {"in_title": False},
    # Without the main block, what the local features catch on their own.
    "main+landmark": {"main": False, "landmark": None}, "main+words": {"main": False, "words": None},
    "main+link": {"main": False, "link": 0.0}, "all": {"main": False, "landmark": None, "words": None, "link": 0.0},
}


def ablation(pages_dir: Path) -> None:
    """Recall and median precision of `dom` with each feature blanked."""
    stages = [get_stage(n).factory(get_stage(n).config_cls()) for n in ("normalize", "strip")]
    pages = []
    for page in sorted(pages_dir.glob("*.html")):
        raw = next(iter(read_file(InputFile(page, page.stem, fmt="html"), ReaderConfig(), RunConfig())))
        pages.append((raw, page.with_suffix(".gold.txt").read_text(encoding="utf-8")))
    print(f"{'blanked':14s} {'recall':>7s} {'min R':>7s} {'median P':>9s} {'mean P':>7s} {'min P':>7s}")
    for name, blank in ABLATE.items():
        rs, ps = [], []
        for raw, gold in pages:
            feats = [dict(f, **blank) for f in raw.line_features]
            r, p = overlap(run_stages(raw.model_copy(update={"line_features": feats}), stages), gold)
            rs.append(r)
            ps.append(p)
        print(f"{name:14s} {statistics.mean(rs):7.3f} {min(rs):7.3f} {statistics.median(ps):9.3f} "
              f"{statistics.mean(ps):7.3f} {min(ps):7.3f}")


if __name__ == "__main__":
    main()
