"""Fuzzing (hypothesis): bytes -> file on disk (plain, compressed, archived) -> reader -> normalize, strip,
dates -> record. Never an exception out of the reader, never a stage error, every span exact.

The number of cases per test is `ZH_FUZZ_EXAMPLES` (default 150); run with
`ZH_FUZZ_EXAMPLES=2000 python -m pytest tests/test_fuzz_reader.py --hypothesis-show-statistics` for a long run.
"""

from __future__ import annotations

import gzip
import io
import json
import os
import tarfile
import tempfile
import zipfile
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from pipeline.config import ReaderConfig, RunConfig, load_config
from pipeline.reader import ReadFailure, list_inputs, read_ref
from pipeline.record import check_offsets
from pipeline.runner import Pipeline
from pipeline.schema import EventRecord, RawDocument

N = int(os.environ.get("ZH_FUZZ_EXAMPLES", "150"))
CFG = load_config(None, ['run.stages=["normalize", "strip", "dates"]'])
PIPE = Pipeline(CFG)
RUN = RunConfig(max_file_bytes=200_000)
SETTINGS = settings(max_examples=N, deadline=None, suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])

# Text close to what scrapers produce: Chinese, ASCII, full-width punctuation, digits, markup, line ends.
ALPHABET = st.sampled_from(list("市长区县委书记调研企业园区开发座谈会召开了解情况省人民政府工业")
                           + list("，。：；！？（）《》“”、 \n\r\t<>/=\"'&;#") + list("0123456789年月日")
                           + list("abcXYZ") + ["\u3000", "\ufeff", "\u200b", "\x00", "\ufffd"] + list("縣長視察"))
TEXT = st.text(ALPHABET, max_size=400) | st.text(max_size=200)
ENCODINGS = ["utf-8", "utf-8-sig", "gb18030", "big5", "utf-16", "utf-16-le", "latin-1"]


def _encode(text: str, encoding: str) -> bytes:
    return text.encode(encoding, errors="ignore")


@st.composite
def payloads(draw) -> bytes:
    """Raw bytes: random, or text in an encoding, or text as HTML or JSONL, with random damage."""
    kind = draw(st.sampled_from(["bytes", "text", "html", "jsonl"]))
    if kind == "bytes":
        return draw(st.binary(max_size=600))
    text = draw(TEXT)
    if kind == "html":
        text = f"<html><head><meta charset=\"{draw(st.sampled_from(['gbk', 'utf-8', 'big5', 'bogus']))}\"><title>{text[:20]}</title></head><body><p>{text}</p></body></html>"
    if kind == "jsonl":
        rows = draw(st.lists(st.one_of(TEXT.map(lambda t: json.dumps({"text": t}, ensure_ascii=draw(st.booleans()))), TEXT), max_size=4))
        text = "\n".join(rows)
    data = _encode(text, draw(st.sampled_from(ENCODINGS)))
    if draw(st.booleans()) and data:  # damage: cut or flip a byte
        i = draw(st.integers(0, len(data) - 1))
        data = data[:i] + bytes([draw(st.integers(0, 255))]) + data[i + 1:] if draw(st.booleans()) else data[:i]
    return data


def _check_all(path: Path) -> tuple[int, int]:
    """Read everything under `path` and push every document through the stages; returns (docs, failures)."""
    docs = fails = 0
    for ref in list_inputs([str(path)], ReaderConfig()):
        assert not isinstance(ref, ReadFailure) or ref.error_type != "Exception"
        if isinstance(ref, ReadFailure):
            fails += 1
            continue
        for out in read_ref(ref, ReaderConfig(), RUN):  # must not raise
            if isinstance(out, ReadFailure):
                fails += 1
                assert out.error_type and out.message is not None
                continue
            assert isinstance(out, RawDocument)
            docs += 1
            outcome = PIPE.process(0, out)
            if outcome.record is None:
                assert outcome.error_type == "LimitExceeded", f"{outcome.stage}: {outcome.error_type}: {outcome.message}"
                continue
            record = EventRecord.model_validate_json(outcome.record)
            assert check_offsets(record) == []
    return docs, fails


@SETTINGS
@given(data=payloads(), ext=st.sampled_from([".txt", ".html", ".jsonl", ".txt.gz", ".jsonl.gz", ".html.bz2", ".txt.xz"]))
def test_fuzz_plain_and_compressed_files(data, ext):
    import bz2
    import lzma

    pack = {".gz": gzip.compress, ".bz2": bz2.compress, ".xz": lzma.compress}.get(Path(ext).suffix, lambda b: b)
    with tempfile.TemporaryDirectory() as d:
        (Path(d) / f"doc{ext}").write_bytes(pack(data))
        _check_all(Path(d))


@SETTINGS
@given(members=st.lists(st.tuples(st.sampled_from(["a.txt", "b.html", "c.jsonl", "d/e.txt", "f.bin"]), payloads()), max_size=4, unique_by=lambda m: m[0]),
       kind=st.sampled_from(["zip", "tar.gz"]), damage=st.integers(0, 2000))
def test_fuzz_archives_and_damaged_archives(members, kind, damage):
    buf = io.BytesIO()
    if kind == "zip":
        with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as zf:
            for name, data in members:
                zf.writestr(name, data)
    else:
        with tarfile.open(fileobj=buf, mode="w:gz") as tf:
            for name, data in members:
                info = tarfile.TarInfo(name)
                info.size = len(data)
                tf.addfile(info, io.BytesIO(data))
    blob = buf.getvalue()
    if damage < len(blob) and damage % 3 == 0:
        blob = blob[:damage]
    with tempfile.TemporaryDirectory() as d:
        (Path(d) / f"pack.{kind}").write_bytes(blob)
        _check_all(Path(d))


@SETTINGS
@given(body=payloads(), charset=st.sampled_from(["gbk", "utf-8", "big5", "iso-8859-1", "nonsense", ""]),
       ctype=st.sampled_from(["text/html", "application/xhtml+xml", "text/plain"]))
def test_fuzz_warc_responses(body, charset, ctype):
    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    with tempfile.TemporaryDirectory() as d:
        with open(Path(d) / "c.warc.gz", "wb") as f:
            w = WARCWriter(f, gzip=True)
            header = f"{ctype}; charset={charset}" if charset else ctype
            http = StatusAndHeaders("200 OK", [("Content-Type", header)], protocol="HTTP/1.1")
            w.write_record(w.create_warc_record("http://x.example/p", "response", payload=io.BytesIO(body), http_headers=http))
        _check_all(Path(d))
