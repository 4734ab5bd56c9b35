"""Reader at crawl scale: compressed files, archives, WARC, streamed JSONL, bombs and non-regular files.

Every input is made here from invented sentences; nothing is read from a real page.
"""

from __future__ import annotations

import bz2
import gzip
import io
import json
import lzma
import os
import pickle
import signal
import socket
import tarfile
import zipfile
from contextlib import contextmanager
from pathlib import Path

import pytest
import zstandard

from pipeline.config import ReaderConfig, RunConfig
from pipeline.reader import InputRef, ReadFailure, list_inputs, read_inputs, read_ref
from pipeline.schema import RawDocument

ARTICLE = "市委书记到新材料产业园调研\n3月5日，市委书记一行走访园区企业，听取项目进展汇报。"
HTML = f"<html><head><title>调研</title></head><body><h1>市委书记到新材料产业园调研</h1><p>{ARTICLE.split(chr(10))[1]}</p></body></html>"
ROWS = [{"id": f"r{i}", "text": f"第{i}条：区长在开发区召开座谈会。"} for i in range(1, 4)]
JSONL = "".join(json.dumps(r, ensure_ascii=False) + "\n" for r in ROWS)


@contextmanager
def deadline(seconds: int):
    """Fail instead of hanging (a FIFO read blocks forever)."""

    def boom(*_):
        raise TimeoutError(f"read took longer than {seconds} s")

    old = signal.signal(signal.SIGALRM, boom)
    signal.alarm(seconds)
    try:
        yield
    finally:
        signal.alarm(0)
        signal.signal(signal.SIGALRM, old)


def _read(paths, run: RunConfig | None = None, **cfg):
    with deadline(60):
        return list(read_inputs([str(p) for p in paths], ReaderConfig(**cfg), run or RunConfig()))


def _docs(out):
    return [o for o in out if isinstance(o, RawDocument)]


def _fails(out):
    return [o for o in out if isinstance(o, ReadFailure)]


COMPRESS = {
    "gz": gzip.compress,
    "bz2": bz2.compress,
    "xz": lzma.compress,
    "zst": lambda b: zstandard.ZstdCompressor().compress(b),
}


@pytest.mark.parametrize("ext", sorted(COMPRESS))
def test_compressed_documents_read_like_plain_ones(tmp_path, ext):
    plain = tmp_path / "plain"
    packed = tmp_path / "packed"
    plain.mkdir()
    packed.mkdir()
    for name, body in (("page.html", HTML), ("note.txt", ARTICLE), ("dump.jsonl", JSONL)):
        (plain / name).write_text(body, encoding="utf-8")
        (packed / f"{name}.{ext}").write_bytes(COMPRESS[ext](body.encode("utf-8")))
    a, b = _read([plain]), _read([packed])
    assert [d.doc_id for d in a] == [d.doc_id for d in b] == ["dump:1", "dump:2", "dump:3", "note", "page"]
    assert [(d.text, d.sha256, d.source_format) for d in a] == [(d.text, d.sha256, d.source_format) for d in b]


def _zip(path: Path, members: dict[str, bytes]) -> None:
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as zf:
        for name, data in members.items():
            zf.writestr(name, data)


def _tar(path: Path, members: dict[str, bytes], mode: str = "w:gz", links: dict[str, str] | None = None) -> None:
    with tarfile.open(path, mode) as tf:
        for name, data in members.items():
            info = tarfile.TarInfo(name)
            info.size = len(data)
            tf.addfile(info, io.BytesIO(data))
        for name, target in (links or {}).items():
            info = tarfile.TarInfo(name)
            info.type = tarfile.SYMTYPE
            info.linkname = target
            tf.addfile(info)


MEMBERS = {
    "site/a.html": HTML.encode("utf-8"),
    "site/b.txt": ARTICLE.encode("gb18030"),
    "site/rows.jsonl": JSONL.encode("utf-8"),
    "site/c.html.gz": gzip.compress(HTML.replace("调研", "考察").encode("utf-8")),
    "site/logo.png": b"\x89PNG\r\n\x1a\n" + bytes(range(256)),
}
EXPECTED = ["site/a", "site/b", "site/c", "site/rows:1", "site/rows:2", "site/rows:3"]


def test_zip_members_are_documents_named_after_archive_and_member(tmp_path):
    _zip(tmp_path / "pages.zip", MEMBERS)
    out = _read([tmp_path])
    assert sorted(d.doc_id for d in _docs(out)) == [f"pages.zip/{e}" for e in EXPECTED]
    assert not _fails(out)
    b = next(d for d in _docs(out) if d.doc_id.endswith("site/b"))
    assert b.encoding == "gb18030" and b.text == ARTICLE and b.meta["member"] == "site/b.txt"
    assert all(d.source_path == str(tmp_path / "pages.zip") for d in _docs(out))


@pytest.mark.parametrize("mode,name", [("w", "crawl.tar"), ("w:gz", "crawl.tar.gz"), ("w:gz", "crawl.tgz"),
                                       ("w:bz2", "crawl.tar.bz2"), ("w:xz", "crawl.tar.xz")])
def test_tar_members_streamed_in_order(tmp_path, mode, name):
    _tar(tmp_path / name, MEMBERS, mode, links={"site/evil.txt": "/dev/zero"})
    out = _read([tmp_path / name])
    assert [d.doc_id for d in _docs(out)] == [f"{name}/{e}" for e in ["site/a", "site/b", "site/rows:1", "site/rows:2", "site/rows:3", "site/c"]]
    (fail,) = _fails(out)
    assert fail.error_type == "NotRegularFile" and fail.doc_id == f"{name}/site/evil"


def test_tar_zst_through_zstandard(tmp_path):
    raw = io.BytesIO()
    _tar_buf = tarfile.open(fileobj=raw, mode="w")
    info = tarfile.TarInfo("x.txt")
    info.size = len(ARTICLE.encode())
    _tar_buf.addfile(info, io.BytesIO(ARTICLE.encode()))
    _tar_buf.close()
    (tmp_path / "c.tar.zst").write_bytes(zstandard.ZstdCompressor().compress(raw.getvalue()))
    (doc,) = _read([tmp_path / "c.tar.zst"])
    assert doc.doc_id == "c.tar.zst/x" and doc.text == ARTICLE


def _warc(path: Path, records: list[tuple[str, str, bytes, list[tuple[str, str]], str]]) -> None:
    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    with open(path, "wb") as f:
        writer = WARCWriter(f, gzip=path.name.endswith(".gz"))
        for uri, rec_type, body, headers, status in records:
            http = StatusAndHeaders(status, headers, protocol="HTTP/1.1") if rec_type in ("response", "request") else None
            if rec_type == "request":
                http = StatusAndHeaders("GET / HTTP/1.1", headers, is_http_request=True)
            writer.write_record(writer.create_warc_record(uri, rec_type, payload=io.BytesIO(body), http_headers=http))


@pytest.mark.parametrize("name", ["crawl.warc.gz", "crawl.warc"])
def test_warc_one_document_per_html_response_charset_from_header_then_page(tmp_path, name):
    gbk_page = f"<html><body><p>{ARTICLE}</p></body></html>".encode("gbk")  # no <meta>: only the header knows
    big5_page = ('<html><head><meta charset="big5"></head><body><p>縣長視察農業園區。</p></body></html>').encode("big5")
    _warc(tmp_path / name, [
        ("http://news.example/req", "request", b"", [("Host", "news.example")], ""),
        ("http://news.example/a.html", "response", gbk_page, [("Content-Type", "text/html; charset=gbk")], "200 OK"),
        ("http://news.example/logo.png", "response", b"\x89PNG....", [("Content-Type", "image/png")], "200 OK"),
        ("http://news.example/missing", "response", b"<p>not found</p>", [("Content-Type", "text/html")], "404 Not Found"),
        ("http://news.example/b.html", "response", big5_page, [("Content-Type", "text/html")], "200 OK"),
        ("http://news.example/c.html", "response", HTML.encode("utf-8"), [("Content-Type", "text/html; charset=ISO-8859-1")], "200 OK"),
    ])
    out = _read([tmp_path / name])
    assert not _fails(out)
    a, b, c = _docs(out)
    assert [a.doc_id, b.doc_id, c.doc_id] == ["http://news.example/a.html", "http://news.example/b.html", "http://news.example/c.html"]
    assert a.encoding == "gb18030" and "新材料产业园" in a.text
    assert b.encoding == "big5hkscs" and b.text == "縣長視察農業園區。"
    assert c.encoding == "utf-8" and "市委书记" in c.text  # a Latin-1 label on UTF-8 bytes is not believed
    assert a.meta["warc_target_uri"] == a.doc_id and a.source_format == "html"


def test_gzip_bomb_is_an_error_record_not_an_exhausted_machine(tmp_path):
    (tmp_path / "bomb.txt.gz").write_bytes(gzip.compress(b"a" * (60 << 20), 9))  # 60 MiB -> ~60 KB
    (tmp_path / "rows.jsonl.gz").write_bytes(gzip.compress(b'{"text": "' + b"a" * (60 << 20), 9))
    out = _read([tmp_path])
    assert [(f.doc_id, f.error_type) for f in _fails(out)] == [("bomb", "DecompressionBomb"), ("rows", "DecompressionBomb")]


def test_zip_bomb_ratio_over_the_whole_archive(tmp_path):
    _zip(tmp_path / "b.zip", {f"m{i}.txt": b" " * (4 << 20) for i in range(8)})  # 32 MiB of spaces
    out = _read([tmp_path / "b.zip"])
    assert out and out[-1].error_type == "DecompressionBomb"


def test_total_unpacked_limit(tmp_path):
    _tar(tmp_path / "t.tar.gz", {f"d{i}.txt": f"{ARTICLE * 40}{i}".encode() for i in range(50)})  # ~8 KB each
    out = _read([tmp_path / "t.tar.gz"], RunConfig(max_unpacked_bytes=200_000))  # counted as unpacked (read-ahead too)
    assert 0 < len(_docs(out)) < 50
    assert out[-1].error_type == "DecompressionBomb" and "max_unpacked_bytes" in out[-1].message


def test_member_over_file_limit_is_refused_without_reading_on(tmp_path):
    _zip(tmp_path / "z.zip", {"big.txt": ("长" * 3000).encode(), "small.txt": ARTICLE.encode()})
    out = _read([tmp_path / "z.zip"], RunConfig(max_file_bytes=2000))
    assert [(type(o).__name__, o.doc_id) for o in out] == [("ReadFailure", "z.zip/big"), ("RawDocument", "z.zip/small")]
    assert out[0].error_type == "FileTooLarge"


def test_truncated_archive_keeps_what_was_read(tmp_path):
    rows = "".join(json.dumps({"text": f"第{i}条：乡长检查防汛工作，编号{i * 7919 % 10007}。"}, ensure_ascii=False) + "\n" for i in range(20000))
    data = gzip.compress(rows.encode())
    (tmp_path / "cut.jsonl.gz").write_bytes(data[: len(data) // 2])
    out = _read([tmp_path / "cut.jsonl.gz"])
    assert len(_docs(out)) > 0 and out[-1].error_type == "CorruptInput"


def test_not_a_zip_at_all(tmp_path):
    (tmp_path / "fake.zip").write_bytes(b"this is not an archive")
    (tmp_path / "fake.warc.gz").write_bytes(b"\x1f\x8b garbage")
    out = _read([tmp_path])
    assert [type(o).__name__ for o in out] == ["ReadFailure", "ReadFailure"]


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="no FIFOs on this platform")
def test_fifo_socket_and_device_links_are_refused_never_read(tmp_path):
    os.mkfifo(tmp_path / "pipe.txt")  # opening it for reading would block forever
    (tmp_path / "zero.txt").symlink_to("/dev/zero")  # reading it would never end
    (tmp_path / "random.jsonl").symlink_to("/dev/urandom")
    sock = socket.socket(socket.AF_UNIX)
    try:
        sock.bind(str(tmp_path / "sock.html"))
        (tmp_path / "ok.txt").write_text(ARTICLE, encoding="utf-8")
        out = _read([tmp_path])
    finally:
        sock.close()
    kinds = {o.doc_id: (o.error_type if isinstance(o, ReadFailure) else "ok") for o in out}
    assert kinds == {"ok": "ok", "pipe": "NotRegularFile", "random": "NotRegularFile", "sock": "NotRegularFile",
                     "zero": "NotRegularFile"}
    explicit = _read([tmp_path / "pipe.txt", tmp_path / "zero.txt"])
    assert [o.error_type for o in explicit] == ["NotRegularFile", "NotRegularFile"]


def test_jsonl_larger_than_the_file_limit_is_streamed_row_by_row(tmp_path):
    rows = [{"text": f"第{i}条：县长调研乡村振兴项目。"} for i in range(2000)]
    path = tmp_path / "big.jsonl"
    path.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in rows), encoding="utf-8")
    assert path.stat().st_size > 100_000
    out = _read([path], RunConfig(max_file_bytes=1000))
    assert len(_docs(out)) == 2000 and not _fails(out)
    assert out[1999].doc_id == "big:2000" and out[1999].text == rows[1999]["text"]


def test_jsonl_overlong_row_is_skipped_and_row_numbers_stay_right(tmp_path):
    long_row = json.dumps({"text": "长" * 5000}, ensure_ascii=False)
    path = tmp_path / "r.jsonl"
    path.write_text(f'{json.dumps(ROWS[0], ensure_ascii=False)}\n{long_row}\n\n{json.dumps(ROWS[1], ensure_ascii=False)}\n', encoding="utf-8")
    out = _read([path], RunConfig(max_file_bytes=1000))
    assert [(type(o).__name__, o.doc_id) for o in out] == [("RawDocument", "r:1"), ("ReadFailure", "r:2"), ("RawDocument", "r:4")]
    assert out[1].error_type == "RowTooLarge"


def test_jsonl_row_in_another_encoding_is_detected_alone(tmp_path):
    good = json.dumps(ROWS[0], ensure_ascii=False).encode("utf-8")
    gbk = json.dumps({"text": "镇党委书记走访企业，了解生产经营情况。"}, ensure_ascii=False).encode("gb18030")
    (tmp_path / "m.jsonl").write_bytes(good + b"\n" + gbk + b"\n" + good + b"\n")
    out = _read([tmp_path / "m.jsonl"], jsonl_id_field=None)
    assert [d.encoding for d in out] == ["utf-8", "gb18030", "utf-8"]
    assert out[1].text == "镇党委书记走访企业，了解生产经营情况。"


@pytest.mark.parametrize("encoding,expected", [("utf-16", "utf-16-bom"), ("utf-8-sig", "utf-8-bom"), ("utf-16-le", "utf-16-le")])
def test_jsonl_streamed_in_unicode_encodings(tmp_path, encoding, expected):
    (tmp_path / "u.jsonl").write_bytes(JSONL.encode(encoding))
    out = _read([tmp_path / "u.jsonl"])
    assert [d.text for d in out] == [r["text"] for r in ROWS]
    assert {d.encoding for d in out} == {expected}


def test_input_refs_are_listed_without_reading_and_decoded_anywhere(tmp_path):
    (tmp_path / "a.txt").write_text(ARTICLE, encoding="utf-8")
    _zip(tmp_path / "p.zip", {"x.html": HTML.encode()})
    os.mkfifo(tmp_path / "f.txt")
    refs = list(list_inputs([str(tmp_path)], ReaderConfig()))  # would block on the FIFO if it opened files
    assert [(r.doc_id, r.container) for r in refs] == [("a", "file"), ("f", "file"), ("p.zip", "zip")]
    copies = pickle.loads(pickle.dumps(refs))  # what a worker receives
    assert copies == refs and all(isinstance(r, InputRef) for r in copies)
    with deadline(30):
        docs = [o for r in copies for o in read_ref(r, ReaderConfig(), RunConfig())]
    assert [type(o).__name__ for o in docs] == ["RawDocument", "ReadFailure", "RawDocument"]


def test_jsonl_lone_surrogate_escape_becomes_replacement_character(tmp_path):
    (tmp_path / "s.jsonl").write_text('{"text": "县长\\ud800调研", "id": "\\udfff"}\n', encoding="utf-8")
    (doc,) = _read([tmp_path / "s.jsonl"])
    assert doc.text == "县长\ufffd调研" and doc.meta["external_id"] == "\ufffd"
    assert "surrogate" in doc.meta["decode_warning"]
    doc.text.encode("utf-8")  # writable
