"""Corpus generator for throughput benchmarks: N articles with realistic sizes, mixed encodings,
damage, Simplified / Traditional / English text.

usage: python benchmarks/make_corpus.py OUT_DIR --docs 1000 [--seed 0]

Articles are cut and recombined from the project's own texts (`seeds/`, `tests/*/texts/`): a title
line and a run of paragraphs whose length follows a log-normal distribution (median about 1,800
characters, 300 to 15,000), like news pages. Each article ends with a distinct line, so no two share
content (nothing is accidentally cached). Mix: about 20 % of the Chinese articles converted to
Traditional script (OpenCC s2t), encodings UTF-8 (most), GB18030, Big5 (Traditional), UTF-16 with
BOM; 5 % as HTML pages; 5 % with a paragraph of mojibake (UTF-8 bytes read as GBK), 3 % with HTML
entities left in the text.
"""

from __future__ import annotations

import argparse
import html
import math
import random
import re
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
SOURCES = [REPO / "seeds", *sorted((REPO / "tests").glob("*/texts"))]
_HAN = re.compile(r"[\u4e00-\u9fff]")


def _articles() -> tuple[list[list[str]], list[list[str]]]:
    """Paragraph lists of the Chinese and of the English source texts."""
    zh, en = [], []
    for folder in SOURCES:
        for p in sorted(folder.glob("*.txt")):
            lines = [ln.strip() for ln in p.read_text(encoding="utf-8", errors="replace").split("\n") if ln.strip()]
            if len(lines) < 3:
                continue
            text = "".join(lines)
            (zh if len(_HAN.findall(text)) > 0.3 * len(text) else en).append(lines)
    return zh, en


def make_article(rng: random.Random, zh: list[list[str]], en: list[list[str]], i: int) -> tuple[str, str]:
    """(text, language) of one article."""
    english = rng.random() < 0.15 and bool(en)
    pool = en if english else zh
    target = int(min(15000, max(300, math.exp(rng.gauss(math.log(1800), 0.7)))))
    src = rng.choice(pool)
    lines = [src[0]]
    size = len(src[0])
    while size < target:
        body = src[1:]
        start = rng.randrange(len(body))
        for ln in body[start:]:
            lines.append(ln)
            size += len(ln) + 1
            if size >= target:
                break
        src = rng.choice(pool)
    tail = f"(No. {i})" if english else f"（第{i}号）"
    lines.append(tail)
    return "\n".join(lines) + "\n", "en" if english else "zh"


def _mojibake(rng: random.Random, text: str) -> str:
    lines = text.split("\n")
    k = rng.randrange(1, max(2, len(lines) - 1))
    lines[k] = lines[k][:60].encode("utf-8").decode("gbk", errors="replace") + lines[k][60:]
    return "\n".join(lines)


def write_corpus(out: Path, n: int, seed: int = 0) -> dict:
    """Write n articles under `out`; returns counts by kind and the total characters."""
    from pipeline.text import opencc_converter

    s2t = opencc_converter("s2t")
    rng = random.Random(seed)
    zh, en = _articles()
    out.mkdir(parents=True, exist_ok=True)
    stats = {"docs": n, "chars": 0, "traditional": 0, "english": 0, "gb18030": 0, "big5": 0, "utf-16": 0,
             "html": 0, "mojibake": 0, "entities": 0}
    for i in range(n):
        text, lang = make_article(rng, zh, en, i)
        stats["english"] += lang == "en"
        trad = lang == "zh" and rng.random() < 0.2
        if trad:
            text = s2t.convert(text)
            stats["traditional"] += 1
        r = rng.random()
        if lang == "zh" and r < 0.05:
            text = _mojibake(rng, text)
            stats["mojibake"] += 1
        elif r < 0.08:
            text = text.replace("，", "&nbsp;，", 2)
            stats["entities"] += 1
        stats["chars"] += len(text)
        suffix = ".txt"
        if rng.random() < 0.05:
            title, _, body = text.partition("\n")
            paras = "".join(f"<p>{html.escape(p)}</p>\n" for p in body.split("\n") if p)
            text = f"<html><head><meta charset=\"utf-8\"><title>{html.escape(title)}</title></head><body><h1>{html.escape(title)}</h1>\n{paras}</body></html>"
            suffix = ".html"
            stats["html"] += 1
        data = None
        r = rng.random()
        if suffix == ".txt" and lang == "zh":
            if trad and r < 0.3:
                for enc in ("big5", "big5hkscs"):
                    try:
                        data = text.encode(enc)
                        stats["big5"] += 1
                        break
                    except UnicodeEncodeError:
                        data = None
            elif not trad and r < 0.15:
                data = text.encode("gb18030")
                stats["gb18030"] += 1
            elif r > 0.96:
                data = text.encode("utf-16")
                stats["utf-16"] += 1
        if data is None:
            data = text.encode("utf-8")
        (out / f"d{i:06d}{suffix}").write_bytes(data)
    return stats


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("out", type=Path)
    ap.add_argument("--docs", type=int, default=1000)
    ap.add_argument("--seed", type=int, default=0)
    args = ap.parse_args()
    print(write_corpus(args.out, args.docs, args.seed))
    return 0


if __name__ == "__main__":
    sys.exit(main())
