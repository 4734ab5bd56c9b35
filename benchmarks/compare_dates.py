"""Compare event-date extraction: our `dates` rules against jionlp's time parser and dateparser.

Each case is a lead sentence (the seeds' date lines, and sentences written for this benchmark) with the
expected event month-day and ISO date (ISO only when the text states the year; relative expressions and
statistics give none). Prints month-day and ISO accuracy and the time per case of each system.

    .venv/bin/python benchmarks/compare_dates.py            # needs the bench extra: jionlp, dateparser
"""

from __future__ import annotations

import datetime as dt
import re
import sys
import time
import warnings
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

from pipeline.dates import DatesConfig, make_dates  # noqa: E402
from pipeline.document import Document  # noqa: E402
from pipeline.schema import RawDocument  # noqa: E402

# (lead text, expected month_day, expected iso). Seeds first (their lines as in seeds/), then our own.
SEEDS = [
    ("seeds/000_c8702dae49ef8be3.txt", [2], None, None),
    ("seeds/001_2fdb4e153027f57d.txt", [3], None, None),
    ("seeds/002_b1874fdb4da17194.txt", [0], "08-09", None),
    ("seeds/003_ce8d02f4c592dc9f.txt", [10], "09-29", None),
    ("seeds/004_b2aa8bcd635f08d0.txt", [3], "11-10", "2022-11-10"),
]
OWN = [
    ("8月9日,市委书记到园区调研。", "08-09", None),
    ("2022年11月10日上午,县长走访农户。", "11-10", "2022-11-10"),
    ("22年11月10日,座谈会召开。", "11-10", "2022-11-10"),
    ("4月21日至22日,推进会在市里召开。", "04-21", None),
    ("11月10日上午,省长考察港口。", "11-10", None),
    ("十月十二日,副市长视察工地。", "10-12", None),
    ("近日,縣委書記赴鄉村考察產業發展。", None, None),
    ("日前,市长走访企业。", None, None),
    ("昨天,县里召开汇报会。", None, None),
    ("上周三,区长实地察看项目。", None, None),
    ("截至11月10日,全市累计出口增长。", None, None),
    ("会议听取了2021年工作思路。", None, None),
    ("On September 29, Qianjiang City held a meeting.", "09-29", None),
    ("On Sept. 29, the mayor inspected a plant.", "09-29", None),
    ("On 29 September 2022 the governor visited the port.", "09-29", "2022-09-29"),
    ("The forum opened on 2023-03-05 in the city.", "03-05", "2023-03-05"),
    ("Recently, the mayor inspected three factories.", None, None),
    ("Earlier this week, the county held a meeting.", None, None),
    ("As of September 30, exports rose.", None, None),
]
BASE = dt.datetime(2023, 6, 1)


def cases() -> list[tuple[str, str | None, str | None]]:
    """Seed leads and our own sentences."""
    out = []
    for path, lines, md, iso in SEEDS:
        text = (REPO / path).read_text(encoding="utf-8").split("\n")
        out.append(("\n".join(text[n] for n in lines), md, iso))
    return out + OWN


def ours():
    """Our rules: the first candidate event date (no year unless the text states it)."""
    run = make_dates(DatesConfig())
    from pipeline.text import opencc_converter
    t2s = opencc_converter("t2s")

    def parse(text: str):
        doc = Document.from_raw(RawDocument(doc_id="b", source_path="b", source_format="txt", sha256="0", n_bytes=0,
                                            encoding="utf-8", encoding_confidence=1.0, text=text))
        doc.norm_text = "".join(c2 if len(c2 := t2s.convert(c)) == 1 else c for c in text)
        doc = run(doc)
        for m in doc.dates:
            if m.kind in ("event", "range", "day", "relative"):
                return (None, None) if m.relative else (m.month_day, m.iso)
        return None, None
    return parse


def jionlp_parser():
    """jionlp's time extractor (first time_point/time_span); its year is always filled from the base."""
    import jionlp as jio

    def parse(text: str):
        try:
            found = jio.ner.extract_time(text, time_base=time.mktime(BASE.timetuple()), with_parsing=True)
        except Exception:  # jionlp raises on expressions it cannot parse
            return None, None
        for f in found:
            detail = f.get("detail", {})
            if detail.get("type") in ("time_point", "time_span") and detail.get("definition") == "accurate":
                start = detail["time"][0] if isinstance(detail["time"], list) else None
                if start and re.match(r"\d{4}-\d{2}-\d{2}", start):
                    return start[5:10], start[:10]
        return None, None
    return parse


def dateparser_parser():
    """dateparser's search_dates (first hit); the year is filled from the base when absent."""
    from dateparser.search import search_dates

    def parse(text: str):
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            found = search_dates(text, languages=["zh", "en"], settings={"RELATIVE_BASE": BASE})
        if not found:
            return None, None
        d = found[0][1]
        return d.strftime("%m-%d"), d.strftime("%Y-%m-%d")
    return parse


def main() -> None:
    """Score every system on every case and print a table."""
    data = cases()
    systems = {"ours (rules)": ours, "jionlp.extract_time": jionlp_parser, "dateparser.search_dates": dateparser_parser}
    print(f"{len(data)} cases ({len(SEEDS)} seed leads, {len(OWN)} own); base date for relative parsing {BASE:%Y-%m-%d}")
    print(f"{'system':26} {'month_day':>10} {'iso':>6} {'ms/case':>8}")
    for name, factory in systems.items():
        try:
            parse = factory()
        except ImportError as exc:
            print(f"{name:26} not installed ({exc.name}); pip install -e '.[bench]'")
            continue
        md_ok = iso_ok = 0
        t0 = time.perf_counter()
        misses = []
        for text, md, iso in data:
            got_md, got_iso = parse(text)
            md_ok += got_md == md
            iso_ok += got_iso == iso
            if (got_md, got_iso) != (md, iso):
                misses.append(f"    {text[:40]!r}: got {got_md} {got_iso}, want {md} {iso}")
        ms = (time.perf_counter() - t0) * 1000 / len(data)
        print(f"{name:26} {md_ok / len(data):10.3f} {iso_ok / len(data):6.3f} {ms:8.1f}")
        if "-v" in sys.argv:
            print("\n".join(misses))


if __name__ == "__main__":
    main()
