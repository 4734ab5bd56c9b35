"""Reading and decoding speed per input form, and memory while streaming a large JSONL.

usage: python benchmarks/bench_read.py [--n 10000] [--jsonl-gb 1.0] [--skip-rss]

1. The same N invented articles (a GB18030 half and a UTF-8 half, so detection has work to do) as N plain
   .txt files, N .txt.gz files, one .zip with N members, one .warc.gz with N HTML responses (charset in the
   HTTP header). Times list_inputs + read_ref (decode, HTML parse for WARC) over each, against plain files.
2. Peak RSS of a child process that streams a generated JSONL of --jsonl-gb GB (in a temporary folder,
   deleted afterwards) through the reader; the reader must hold one row at a time.
"""

from __future__ import annotations

import argparse
import gzip
import io
import json
import os
import resource
import shutil
import subprocess
import sys
import tempfile
import time
import zipfile
from pathlib import Path

from pipeline.config import ReaderConfig, RunConfig
from pipeline.reader import RawDocument, list_inputs, read_ref

SENTENCES = ["市政府召开常务会议，研究部署当前经济工作。", "区长到开发区走访企业，了解项目建设进度。",
             "县委书记主持召开座谈会，听取意见建议。", "镇党委书记调研乡村振兴示范点建设情况。"]


def article(i: int) -> str:
    body = "".join(SENTENCES[(i + k) % 4] for k in range(8))
    return f"第{i}号通报\n{i % 12 + 1}月{i % 28 + 1}日，{body}\n"


def encoded(i: int) -> bytes:
    return article(i).encode("gb18030" if i % 2 else "utf-8")


def make_inputs(root: Path, n: int) -> dict[str, Path]:
    forms = {name: root / name for name in ("plain", "gz", "zip", "warc")}
    for p in forms.values():
        p.mkdir()
    for i in range(n):
        (forms["plain"] / f"{i:06d}.txt").write_bytes(encoded(i))
        (forms["gz"] / f"{i:06d}.txt.gz").write_bytes(gzip.compress(encoded(i)))
    with zipfile.ZipFile(forms["zip"] / "all.zip", "w", zipfile.ZIP_DEFLATED) as zf:
        for i in range(n):
            zf.writestr(f"a/{i:06d}.txt", encoded(i))
    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    with open(forms["warc"] / "crawl.warc.gz", "wb") as f:
        w = WARCWriter(f, gzip=True)
        for i in range(n):
            enc = "gbk" if i % 2 else "utf-8"
            page = f"<html><body><h1>第{i}号通报</h1><p>{article(i)}</p></body></html>".encode(enc)
            http = StatusAndHeaders("200 OK", [("Content-Type", f"text/html; charset={enc}")], protocol="HTTP/1.1")
            w.write_record(w.create_warc_record(f"http://news.example/{i}", "response", payload=io.BytesIO(page), http_headers=http))
    return forms


def time_form(path: Path) -> tuple[float, int, int]:
    cfg, run = ReaderConfig(), RunConfig()
    t0 = time.perf_counter()
    docs = fails = 0
    for ref in list_inputs([str(path)], cfg):
        for out in read_ref(ref, cfg, run):
            if isinstance(out, RawDocument):
                docs += 1
            else:
                fails += 1
    return time.perf_counter() - t0, docs, fails


def stream_child(path: str) -> None:
    """Child process: stream the JSONL, print rows read and peak RSS (MiB)."""
    cfg, run = ReaderConfig(), RunConfig()
    rows = 0
    t0 = time.perf_counter()
    for ref in list_inputs([path], cfg):
        for out in read_ref(ref, cfg, run):
            rows += isinstance(out, RawDocument)
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(json.dumps({"rows": rows, "seconds": round(time.perf_counter() - t0, 1), "peak_rss_mib": round(peak, 1)}))


def bench_rss(gb: float) -> dict:
    tmp = Path(tempfile.mkdtemp(prefix="zh-bench-jsonl-"))
    try:
        path = tmp / "big.jsonl"
        target = int(gb * (1 << 30))
        row = lambda i: json.dumps({"id": i, "text": article(i) * 4}, ensure_ascii=False) + "\n"  # noqa: E731
        written, i = 0, 0
        with open(path, "w", encoding="utf-8") as f:
            while written < target:
                chunk = "".join(row(i + k) for k in range(1000))
                f.write(chunk)
                written += len(chunk.encode("utf-8"))
                i += 1000
        size = path.stat().st_size
        base = subprocess.run([sys.executable, "-c", "import resource, pipeline.reader; "
                               "print(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024)"],
                              capture_output=True, text=True, check=True)
        done = subprocess.run([sys.executable, __file__, "--child", str(path)], capture_output=True, text=True, check=True)
        result = json.loads(done.stdout)
        result.update({"file_bytes": size, "baseline_rss_mib": round(float(base.stdout), 1)})
        return result
    finally:
        shutil.rmtree(tmp, ignore_errors=True)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--n", type=int, default=10000)
    ap.add_argument("--jsonl-gb", type=float, default=1.0)
    ap.add_argument("--skip-rss", action="store_true")
    ap.add_argument("--child", help=argparse.SUPPRESS)
    args = ap.parse_args()
    if args.child:
        stream_child(args.child)
        return
    with tempfile.TemporaryDirectory(prefix="zh-bench-read-") as d:
        forms = make_inputs(Path(d), args.n)
        results = {name: time_form(path) for name, path in forms.items()}
    plain = results["plain"][0]
    print(f"read + decode {args.n} inputs per form (list_inputs + read_ref, one process)")
    print(f"{'form':<8}{'seconds':>9}{'docs/s':>10}{'vs plain':>10}{'docs':>8}{'failures':>10}")
    for name, (secs, docs, fails) in results.items():
        print(f"{name:<8}{secs:>9.2f}{docs / secs:>10.0f}{secs / plain:>9.2f}x{docs:>8}{fails:>10}")
    if not args.skip_rss:
        r = bench_rss(args.jsonl_gb)
        print(f"streaming a {r['file_bytes'] / (1 << 30):.2f} GiB JSONL: {r['rows']} rows in {r['seconds']} s, "
              f"peak RSS {r['peak_rss_mib']} MiB (interpreter + reader import alone: {r['baseline_rss_mib']} MiB)")


if __name__ == "__main__":
    main()
