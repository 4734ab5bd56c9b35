"""Export and review benchmarks: time and size per format for N records, near-duplicate pair precision and
recall on a corpus with injected mirrors, review report size and load time in headless Chromium.

    python benchmarks/bench_export.py                       # all parts, real pages from ../shared/real-pages
    python benchmarks/bench_export.py --parts dedup --json out.json
    python benchmarks/bench_export.py --parts screenshot --screenshot docs/review.png   # the seeds' report

Records for the size/time parts are the pipeline's records of the real pages, replicated to N records:
replica k gets a new doc_id and every Han character and letter of its text fields shifted by a
k-dependent amount inside its Unicode block (length-preserving, so every offset stays valid), so no two
replicas share shingles and the near-duplicate search works as hard as on N distinct articles.

Mirrors for the near-duplicate part are made from the real pages' source texts, as mirror sites make
them: other header and footer lines, the other script (OpenCC s2t / t2s), the story cut short, and all
three together (cut to a random 25-80 % of the text); every original gets two mirrors of randomly chosen kinds (seeded). All of them go
through the pipeline; a pair is a true duplicate when both come from the same original. Nothing is
written into the repository except the screenshot you ask for.
"""

from __future__ import annotations

import argparse
import json
import random
import shutil
import sys
import tempfile
import time
from collections import Counter
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

from pipeline.config import load_config  # noqa: E402
from pipeline.dedup import cluster, pair_scores  # noqa: E402
from pipeline.export import FORMATS, export  # noqa: E402
from pipeline.review import write_report  # noqa: E402
from pipeline.runner import Runner  # noqa: E402

REAL = REPO.parent / "shared" / "real-pages" / "texts"
HEADERS = {
    "zh": ("网站首页 | 新闻中心 | 政务公开 | 办事服务 | 互动交流\n当前位置：首页 > 新闻中心 > 本地要闻\n",
           "\n【打印本页】【关闭窗口】【返回顶部】\n版权所有：某某市融媒体中心  技术支持：某某网络公司\n备案号：某ICP备00000000号"),
    "en": ("Home | News | Government | Services | Contact\nYou are here: Home > News > Local\n",
           "\nPrint this page | Close window | Back to top\nCopyright (c) City News Network. All rights reserved."),
}
CONTENT_KEYS = {"text", "clean_text", "title", "name", "simplified", "original", "replacement", "aliases",
                "titles", "titles_simplified", "org", "org_simplified"}


def _shift_char(ch: str, k: int) -> str:
    o = ord(ch)
    if 0x4E00 <= o <= 0x9FA5:
        return chr(0x4E00 + (o - 0x4E00 + 7919 * k) % 20902)
    if 0x61 <= o <= 0x7A:
        return chr(0x61 + (o - 0x61 + k) % 26)
    if 0x41 <= o <= 0x5A:
        return chr(0x41 + (o - 0x41 + k) % 26)
    return ch


def perturb(obj, k: int, key: str | None = None):
    """A replica of a record: content strings shifted character by character (same lengths, same offsets)."""
    if isinstance(obj, dict):
        return {kk: perturb(v, k, kk) for kk, v in obj.items()}
    if isinstance(obj, list):
        return [perturb(v, k, key) for v in obj]
    if isinstance(obj, str) and key in CONTENT_KEYS:
        return "".join(_shift_char(ch, k) for ch in obj)
    return obj


def replicate(records: list[dict], n: int, out: Path) -> Path:
    """A run folder with n records made from `records` (see the module docstring)."""
    out.mkdir(parents=True, exist_ok=True)
    with open(out / "records.jsonl", "w", encoding="utf-8") as f:
        for i in range(n):
            src = records[i % len(records)]
            k = i // len(records)
            rec = perturb(src, k) if k else src
            rec = dict(rec, doc_id=f"{src['doc_id']}~{k}")
            f.write(json.dumps(rec, ensure_ascii=False, separators=(",", ":")) + "\n")
    (out / "errors.jsonl").write_text("", encoding="utf-8")
    return out


def run_pipeline(inputs: Path, out: Path) -> list[dict]:
    """Records of the default pipeline on a folder."""
    Runner(load_config(), out, workers=1, progress=False).run([str(inputs)])
    return [json.loads(x) for x in (out / "records.jsonl").read_text(encoding="utf-8").splitlines()]


def size_of(path: Path) -> int:
    """Bytes of a file or of everything under a folder."""
    return path.stat().st_size if path.is_file() else sum(p.stat().st_size for p in path.rglob("*") if p.is_file())


def bench_formats(run_dir: Path, work: Path) -> list[dict]:
    """Time and size of each export format."""
    rows = []
    for fmt in FORMATS:
        out = work / ({"parquet": "r.parquet", "jsonl": "r.jsonl"}.get(fmt, fmt))
        t = time.perf_counter()
        res = export(run_dir, fmt, out)
        secs = time.perf_counter() - t
        rows.append({"format": fmt, "records": res.exported, "seconds": round(secs, 2),
                     "mb": round(size_of(out) / 1e6, 2), "splits": res.splits})
        print(f"  {fmt:8s} {res.exported} records  {secs:6.1f} s  {size_of(out) / 1e6:7.1f} MB  {res.splits}",
              file=sys.stderr)
    t = time.perf_counter()
    recs = [json.loads(x) for x in (run_dir / "records.jsonl").read_text(encoding="utf-8").splitlines()]
    cluster([r["doc_id"] for r in recs], [r["clean_text"] for r in recs])
    rows.append({"format": "(near-duplicate clustering alone)", "seconds": round(time.perf_counter() - t, 2)})
    print(f"  near-duplicate clustering alone: {rows[-1]['seconds']} s", file=sys.stderr)
    return rows


def _language(text: str) -> str:
    han = sum(1 for ch in text if "\u4e00" <= ch <= "\u9fff")
    return "zh" if han > 0.2 * max(1, sum(1 for ch in text if not ch.isspace())) else "en"


def _cut(text: str, share: float) -> str:
    lines, total, kept, n = text.split("\n"), len(text), [], 0
    for ln in lines:
        if n > share * total and len([x for x in kept if x.strip()]) >= 3:
            break
        kept.append(ln)
        n += len(ln) + 1
    return "\n".join(kept)


def make_mirrors(texts: dict[str, str], folder: Path, seed: int = 13) -> dict[str, tuple[str, str]]:
    """Originals and two mirrors each written to `folder`; doc_id -> (original id, kind)."""
    from pipeline.text import opencc_converter

    s2t, t2s = opencc_converter("s2t"), opencc_converter("t2s")
    rng = random.Random(seed)
    folder.mkdir(parents=True, exist_ok=True)
    gold = {}
    for doc_id, text in sorted(texts.items()):
        lang = _language(text)
        other = (t2s.convert(text) if t2s.convert(text) != text else s2t.convert(text)) if lang == "zh" else None
        head, foot = HEADERS[lang]
        kinds = {
            "headers": head + text + foot,
            "cut": _cut(text, rng.uniform(0.25, 0.7)),
            "script": other,
            "all": head + _cut(other or text, rng.uniform(0.3, 0.8)) + foot,
        }
        choices = [k for k, v in kinds.items() if v is not None]
        (folder / f"{doc_id}.txt").write_text(text, encoding="utf-8")
        gold[doc_id] = (doc_id, "original")
        for kind in rng.sample(choices, 2):
            mid = f"{doc_id}-mirror-{kind}"
            (folder / f"{mid}.txt").write_text(kinds[kind], encoding="utf-8")
            gold[mid] = (doc_id, kind)
    return gold


def bench_dedup(work: Path) -> dict:
    """Pair precision/recall of near-duplicates on the real pages with injected mirrors."""
    texts = {p.stem: p.read_text(encoding="utf-8") for p in sorted(REAL.glob("*.txt"))}
    gold = make_mirrors(texts, work / "mirror-texts")
    t = time.perf_counter()
    recs = run_pipeline(work / "mirror-texts", work / "mirror-run")
    pipe_s = time.perf_counter() - t
    t = time.perf_counter()
    infos = cluster([r["doc_id"] for r in recs], [r["clean_text"] for r in recs])
    dedup_s = time.perf_counter() - t
    pred = [i.cluster_id for i in infos]
    truth = [gold[r["doc_id"]][0] for r in recs]
    scores = pair_scores(pred, truth)
    by_id = {r["doc_id"]: i for r, i in zip(recs, infos)}
    kinds = Counter(k for _, k in gold.values() if k != "original")
    found = Counter(k for d, (o, k) in gold.items() if k != "original" and by_id[d].cluster_id == by_id[o].cluster_id)
    from pipeline.dedup import Canonicalizer, containment, shingle_hashes

    canon = Canonicalizer()
    originals = [shingle_hashes(canon(r["clean_text"]), 5) for r in recs if gold[r["doc_id"]][1] == "original"]
    hs = {r["doc_id"]: shingle_hashes(canon(r["clean_text"]), 5) for r in recs}
    missed = {d: round(containment(hs[d], hs[o]), 3) for d, (o, k) in gold.items()
              if k != "original" and by_id[d].cluster_id != by_id[o].cluster_id}
    closest = max(containment(a, b) for i, a in enumerate(originals) for b in originals[i + 1:])
    leaks = sum(1 for d, (o, k) in gold.items() if by_id[d].split != by_id[o].split)
    out = {"documents": len(recs), "originals": len(texts), "mirrors": sum(kinds.values()),
           **{k: (round(v, 4) if isinstance(v, float) else v) for k, v in scores.items()},
           "mirror_recall_by_kind": {k: f"{found[k]}/{n}" for k, n in sorted(kinds.items())},
           "mirrors_in_another_split_than_their_original": leaks,
           "missed_mirrors_containment": missed,
           "max_containment_between_different_stories": round(closest, 3),
           "pipeline_seconds": round(pipe_s, 1), "clustering_seconds": round(dedup_s, 2)}
    print(f"  near-duplicates: {json.dumps(out, ensure_ascii=False)}", file=sys.stderr)
    return out


def _chromium():
    exe = shutil.which("chromium") or shutil.which("chromium-browser")
    try:
        from playwright.sync_api import sync_playwright
    except ImportError:
        return None, None
    return (sync_playwright, exe) if exe else (None, None)


def load_seconds(page: Path) -> dict | None:
    """Wall time until the load event in headless Chromium, and the browser's own navigation timing."""
    sync_playwright, exe = _chromium()
    if sync_playwright is None:
        print("  (no playwright or chromium: load time not measured)", file=sys.stderr)
        return None
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=exe, args=["--no-sandbox"])
        tab = browser.new_page()
        t = time.perf_counter()
        tab.goto(page.as_uri(), wait_until="load", timeout=300_000)
        wall = time.perf_counter() - t
        nav = tab.evaluate("performance.getEntriesByType('navigation')[0].loadEventEnd")
        t = time.perf_counter()
        tab.select_option("#f-type", "inspection")
        filt = time.perf_counter() - t
        browser.close()
    return {"load_wall_s": round(wall, 2), "load_event_end_s": round(nav / 1000, 2), "filter_s": round(filt, 2)}


def bench_review(records: list[dict], n: int, work: Path) -> dict:
    """Size and load time of the report of n articles."""
    run = replicate(records, n, work / "review-run")
    page = work / "review.html"
    t = time.perf_counter()
    write_report(run, page)
    out = {"articles": n, "write_s": round(time.perf_counter() - t, 2), "mb": round(page.stat().st_size / 1e6, 2)}
    out.update(load_seconds(page) or {})
    print(f"  review: {json.dumps(out)}", file=sys.stderr)
    return out


def screenshot(path: Path, work: Path) -> None:
    """A screenshot of the review page of the seeds (in this repository), first article in view."""
    sync_playwright, exe = _chromium()
    if sync_playwright is None:
        sys.exit("the screenshot needs playwright and a system chromium")
    run_pipeline(REPO / "seeds", work / "seeds-run")
    page = work / "seeds.html"
    write_report(work / "seeds-run", page)
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=exe, args=["--no-sandbox"])
        tab = browser.new_page(viewport={"width": 1400, "height": 1100})
        tab.goto(page.as_uri())
        tab.locator("a.ev").first.click()
        tab.evaluate("window.scrollTo(0, 0)")
        tab.screenshot(path=str(path), full_page=False, clip={"x": 0, "y": 0, "width": 1400, "height": 1700})
        browser.close()
    print(f"  screenshot -> {path}", file=sys.stderr)


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--parts", default="formats,dedup,review", help="comma list of formats, dedup, review, screenshot")
    ap.add_argument("--records", type=Path, help="a run folder to take records from (default: run the real pages)")
    ap.add_argument("--n", type=int, default=10_000, help="records for the format benchmark")
    ap.add_argument("--review-n", type=int, default=1_000, help="articles in the review benchmark")
    ap.add_argument("--screenshot", type=Path, default=REPO / "docs" / "review.png")
    ap.add_argument("--json", type=Path, help="also write the results here")
    args = ap.parse_args()
    parts = set(args.parts.split(","))
    results: dict = {}
    with tempfile.TemporaryDirectory(prefix="bench-export-") as tmp:
        work = Path(tmp)
        records = []
        if parts & {"formats", "review"}:
            src = args.records or work / "real-run"
            if args.records is None:
                run_pipeline(REAL, src)
            records = [json.loads(x) for x in (src / "records.jsonl").read_text(encoding="utf-8").splitlines()]
        if "formats" in parts:
            print(f"export of {args.n} records:", file=sys.stderr)
            results["formats"] = bench_formats(replicate(records, args.n, work / "big-run"), work / "exports")
        if "dedup" in parts:
            results["dedup"] = bench_dedup(work)
        if "review" in parts:
            results["review"] = bench_review(records, args.review_n, work)
        if "screenshot" in parts:
            args.screenshot.parent.mkdir(parents=True, exist_ok=True)
            screenshot(args.screenshot, work)
    if args.json:
        args.json.write_text(json.dumps(results, ensure_ascii=False, indent=2), encoding="utf-8")
    print(json.dumps(results, ensure_ascii=False, indent=2))
    return 0


if __name__ == "__main__":
    sys.exit(main())
