"""Reader: find inputs, decode them (encoding detection), and yield one RawDocument per article.

Inputs are files, folders (recursive), glob patterns, or `-` for a list of paths on stdin. `.txt`
files are one article each; `.html`/`.htm` files are parsed with a real HTML parser (block
boundaries kept as line breaks, scripts and styles dropped); `.jsonl` files hold one article per row
and are streamed row by row, whatever their size. What crawls deliver is read too: a document
compressed as `.gz`, `.bz2`, `.xz` or `.zst` (`x.html.gz`, `x.jsonl.gz`), archives (`.zip`, `.tar`,
`.tar.gz`/`.tgz`, `.tar.bz2`, `.tar.xz`, `.tar.zst`) member by member, and WARC files (`.warc`,
`.warc.gz`), one document per HTML response. Anything that cannot be read becomes a `ReadFailure`,
never an exception.

Two steps, so that decoding can run where the work is done:
- `list_inputs(inputs, cfg)` (cheap, in the parent): expands the command line into `InputRef`s, small
  picklable descriptions of one input file (path, doc_id stem, how to open it). Nothing is read.
- `read_ref(ref, cfg, run)` (anywhere, e.g. in a worker): opens one input and yields its RawDocuments
  and ReadFailures, in order, streaming (memory bounded by `run.max_file_bytes` per document).
`read_inputs` chains both and turns a doc_id seen twice into a failure.

Limits: only regular files are opened (a FIFO, socket, device, or a symlink to one, is a failure and is
never read); one document (file, member, row, WARC payload) is read up to `run.max_file_bytes` bytes and
no further; compressed inputs stop with a `DecompressionBomb` failure past `run.max_unpacked_bytes`
unpacked bytes, or when unpacked/packed bytes exceed `run.max_compression_ratio`.
"""

from __future__ import annotations

import bz2
import codecs
import glob
import gzip
import hashlib
import io
import json
import lzma
import os
import re
import stat
import sys
import tarfile
import zipfile
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import BinaryIO, Iterable, Iterator

from pipeline.config import ReaderConfig, RunConfig
from pipeline.html import html_to_text, meta_charset, parse_html  # noqa: F401 (html_to_text: re-exported)
from pipeline.schema import RawDocument


@dataclass(frozen=True)
class ReadFailure:
    """An input that could not be turned into a RawDocument."""

    source_path: str
    error_type: str
    message: str
    doc_id: str | None = None
    row: int | None = None
    sha256: str | None = None


@dataclass(frozen=True)
class InputRef:
    """One input file, listed but not read: where it is, the doc_id (stem) its documents get, and how to
    open it. `container`: "file" (one document, or JSONL rows), "zip", "tar" or "warc"; `compression`:
    None, "gz", "bz2", "xz" or "zst" (a compressed document or tar); `fmt`: "txt", "html" or "jsonl"
    (for "file"). Small and picklable: the parent lists them, `read_ref` decodes one anywhere."""

    path: Path
    doc_id: str
    container: str = "file"
    compression: str | None = None
    fmt: str = "txt"


InputFile = InputRef  # the name earlier code used


# ---------------------------------------------------------------- input discovery

_COMPRESSIONS = {".gz": "gz", ".bz2": "bz2", ".xz": "xz", ".zst": "zst"}
_TAR_SHORT = {".tgz": "gz", ".tbz2": "bz2", ".tbz": "bz2", ".txz": "xz", ".tzst": "zst"}
_FORMATS = {".html": "html", ".htm": "html", ".jsonl": "jsonl", ".txt": "txt"}


def classify(name: str, cfg: ReaderConfig, explicit: bool = False) -> tuple[str, str | None, str, int] | None:
    """How a file name is read: (container, compression, document format, length of the suffix that is
    not part of the doc_id), or None when a folder walk should skip it. A file named on the command line
    (`explicit`) is always read: an unknown extension is read as text, as before."""
    low = name.lower()
    if low.endswith(".warc") or low.endswith(".warc.gz"):
        return "warc", None, "html", 0
    if low.endswith(".zip"):
        return "zip", None, "txt", 0
    for suffix, comp in _TAR_SHORT.items():
        if low.endswith(suffix):
            return "tar", comp, "txt", 0
    compression = None
    inner = low
    for suffix, comp in _COMPRESSIONS.items():
        if low.endswith(suffix):
            compression, inner = comp, low[: -len(suffix)]
            break
    if inner.endswith(".tar"):
        return "tar", compression, "txt", 0
    ext = os.path.splitext(inner)[1]
    cut = len(low) - len(inner) + len(ext)
    if ext in cfg.extensions:
        return "file", compression, _FORMATS.get(ext, "txt"), cut
    if explicit:
        return "file", compression, _FORMATS.get(ext, "txt"), cut
    return None


def _ref_for(path: Path, root: Path | None, cfg: ReaderConfig, explicit: bool) -> InputRef | None:
    """The InputRef of a file: doc_id is the path relative to the folder it was found under (bare name
    at top level) without its extension; an archive keeps its full name (its members follow it)."""
    kind = classify(path.name, cfg, explicit)
    if kind is None:
        return None
    container, compression, fmt, cut = kind
    rel = (path.relative_to(root) if root else Path(path.name)).as_posix()
    doc_id = rel[: len(rel) - cut] if cut else rel
    return InputRef(path, doc_id, container, compression, fmt)


def _walk(root: Path, cfg: ReaderConfig) -> Iterator[InputRef | ReadFailure]:
    """Files under `root` in sorted path order, following folder symlinks but never around a loop."""
    seen: set[tuple[int, int]] = set()

    def visit(folder: Path) -> Iterator[InputRef | ReadFailure]:
        try:
            st = folder.stat()
        except OSError as exc:
            yield ReadFailure(str(folder), type(exc).__name__, f"cannot open folder: {exc}")
            return
        key = (st.st_dev, st.st_ino)
        if key in seen:
            yield ReadFailure(str(folder), "SymlinkLoop", "folder already visited through another path (symlink loop); skipped")
            return
        seen.add(key)
        try:
            entries = sorted(os.scandir(folder), key=lambda e: e.name)
        except OSError as exc:
            yield ReadFailure(str(folder), type(exc).__name__, f"cannot list folder: {exc}")
            return
        for entry in entries:
            path = Path(entry.path)
            try:
                is_dir = entry.is_dir(follow_symlinks=True)
            except OSError:
                is_dir = False
            if is_dir:
                yield from visit(path)
                continue
            ref = _ref_for(path, root, cfg, explicit=False)
            if ref is not None:
                yield ref

    yield from visit(root)


def list_inputs(inputs: Iterable[str], cfg: ReaderConfig) -> Iterator[InputRef | ReadFailure]:
    """Expand the command-line inputs into InputRefs, in a stable order. Reads no file (a path listed on
    stdin with `-` is read from stdin, not opened); only `stat`s folders."""
    for spec in inputs:
        if spec == "-":
            listed = [ln.strip() for ln in sys.stdin if ln.strip()]
            yield from list_inputs(listed, cfg)
            continue
        path = Path(spec)
        if path.is_dir():
            yield from _walk(path, cfg)
        elif path.exists() or path.is_symlink():  # a FIFO or device too: read_ref turns it into a failure
            ref = _ref_for(path, None, cfg, explicit=True)
            if ref is not None:
                yield ref
        elif glob.has_magic(spec):
            matches = sorted(glob.glob(spec, recursive=True))
            if not matches:
                yield ReadFailure(spec, "NoMatch", "glob pattern matched no file")
            yield from list_inputs(matches, cfg)
        else:
            yield ReadFailure(spec, "FileNotFoundError", "input path does not exist")


iter_inputs = list_inputs  # the name earlier code used


# ---------------------------------------------------------------- encoding detection

_BOMS = [
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
]
_CJK = re.compile(r"[\u3400-\u9fff]")
_BAD = re.compile(r"[\ufffd\ue000-\uf8ff\x00-\x08\x0e-\x1f]")


@lru_cache(maxsize=65536)
def _is_common_hanzi(ch: str) -> bool:
    """True for characters of GB2312 (common Simplified) or Big5 level 1 (common Traditional)."""
    try:
        ch.encode("gb2312")
        return True
    except UnicodeEncodeError:
        pass
    try:
        b = ch.encode("big5")
    except UnicodeEncodeError:
        return False
    return len(b) == 2 and 0xA440 <= int.from_bytes(b, "big") <= 0xC67E


def chinese_score(text: str) -> float:
    """Plausibility of decoded text: share of CJK characters that are common, minus junk characters."""
    sample = text[:20000]
    if not sample:
        return 0.0
    cjk = _CJK.findall(sample)
    bad = len(_BAD.findall(sample)) / len(sample)
    if not cjk:
        printable = sum(ch.isprintable() or ch in "\r\n\t" for ch in sample) / len(sample)
        return max(0.0, printable - 5 * bad) * 0.9
    common = sum(_is_common_hanzi(c) for c in cjk) / len(cjk)
    return max(0.0, common - 5 * bad)


def _utf16_without_bom(data: bytes) -> str | None:
    """The UTF-16 variant (LE/BE) whose zero bytes sit where ASCII text puts them, if any."""
    if len(data) < 4 or len(data) % 2:
        return None
    even_zero = data[0::2].count(0) / (len(data) / 2)
    odd_zero = data[1::2].count(0) / (len(data) / 2)
    if odd_zero > 0.2 and even_zero < 0.05:
        return "utf-16-le"
    if even_zero > 0.2 and odd_zero < 0.05:
        return "utf-16-be"
    # Pure CJK UTF-16 has few zero bytes: decide by which decoding reads as Chinese.
    best, best_score = None, 0.6
    for enc in ("utf-16-le", "utf-16-be"):
        try:
            s = chinese_score(data.decode(enc))
        except UnicodeDecodeError:
            continue
        if s > best_score and _CJK.search(data.decode(enc)[:2000]):
            best, best_score = enc, s
    return best


def detect_encoding(data: bytes, hint: str | None = None) -> tuple[str, float, str]:
    """Decode bytes: (text, encoding name, confidence). Raises UnicodeDecodeError if nothing fits."""
    for bom, enc in _BOMS:
        if data.startswith(bom):
            return data.decode(enc, errors="replace"), enc.replace("-sig", "") + "-bom", 1.0
    if b"\x00" not in data:
        try:
            return data.decode("utf-8"), "utf-8", 1.0
        except UnicodeDecodeError:
            pass
    utf16 = _utf16_without_bom(data) if b"\x00" in data else None
    if utf16:
        text = data.decode(utf16, errors="replace")
        return text, utf16, round(min(1.0, chinese_score(text)), 3)
    candidates: dict[str, str] = {}
    order = ([hint] if hint else []) + ["gb18030", "big5"]
    try:
        from charset_normalizer import from_bytes

        best = from_bytes(data[:200000]).best()
        if best is not None:
            order.append(best.encoding)
    except ImportError:
        pass
    for enc in order:
        try:
            candidates.setdefault(codecs.lookup(enc).name, data.decode(enc))
        except (UnicodeDecodeError, LookupError):
            continue
    # Mostly-UTF-8 bytes with a few broken sequences: keep UTF-8 and mark the damage.
    utf8 = data.decode("utf-8", errors="replace")
    bad_share = utf8.count("\ufffd") / max(1, len(utf8))
    if bad_share < 0.01 and b"\x00" not in data:
        candidates.setdefault("utf-8-replace", utf8)
    if not candidates:
        raise UnicodeDecodeError("unknown", data[:1], 0, 1, "no candidate encoding decodes these bytes")
    scored = sorted(candidates.items(), key=lambda kv: (-chinese_score(kv[1]), order_index(kv[0], order)))
    enc, text = scored[0]
    return text, enc, round(min(1.0, chinese_score(text)), 3)


def order_index(enc: str, order: list[str]) -> int:
    """Position of an encoding in the preference order (tie-break)."""
    names = [codecs.lookup(o).name if o else "" for o in order]
    return names.index(enc) if enc in names else len(names)


_NOT_CONTROL = bytes(b for b in range(256) if not (b < 9 or 13 < b < 32))  # control bytes: 0-8 and 14-31


def looks_binary(data: bytes) -> bool:
    """True for bytes that are no text in any supported encoding (NULs outside UTF-16, control bytes)."""
    head = data[:8192]
    if not head:
        return False
    if any(head.startswith(b) for b, _ in _BOMS):
        return False
    if b"\x00" in head:  # zero bytes are text only in UTF-16 (their share is no sign of binary there)
        return _utf16_without_bom(head[: len(head) - len(head) % 2]) is None
    controls = len(head.translate(None, _NOT_CONTROL))  # what is left once every other byte is deleted
    return controls / len(head) > 0.05


# ---------------------------------------------------------------- reading: limits and opening


def _lf(text: str) -> str:
    """CRLF and lone CR line ends as LF (the scorer splits on LF and drops a trailing CR)."""
    return text.replace("\r\n", "\n").replace("\r", "\n")


class InputRejected(Exception):
    """An input refused as a whole (not a regular file, a decompression bomb); `error_type` names why."""

    def __init__(self, error_type: str, message: str) -> None:
        super().__init__(message)
        self.error_type = error_type


_RATIO_FLOOR = 8 << 20  # the ratio is judged once this many bytes are unpacked (small files may compress well)


class _Meter:
    """Unpacked bytes of one input file against `run.max_unpacked_bytes` and `run.max_compression_ratio`."""

    def __init__(self, packed: BinaryIO | None, packed_size: int, run: RunConfig) -> None:
        self.packed, self.packed_size, self.run, self.total = packed, max(1, packed_size), run, 0

    def add(self, n: int) -> None:
        self.total += n
        if self.total > self.run.max_unpacked_bytes:
            raise InputRejected("DecompressionBomb", f"more than run.max_unpacked_bytes={self.run.max_unpacked_bytes} bytes unpacked")
        if self.total > _RATIO_FLOOR:
            consumed = self.packed_size
            if self.packed is not None:
                try:
                    consumed = max(1, min(self.packed_size, self.packed.tell()))
                except (OSError, ValueError):
                    pass
            if self.total / consumed > self.run.max_compression_ratio:
                raise InputRejected(
                    "DecompressionBomb",
                    f"{self.total} bytes unpacked from {consumed} packed bytes: ratio over run.max_compression_ratio={self.run.max_compression_ratio}",
                )


class _Metered(io.RawIOBase):
    """A decompressing stream whose output is counted by a _Meter."""

    def __init__(self, inner: BinaryIO, meter: _Meter) -> None:
        self.inner, self.meter = inner, meter

    def readable(self) -> bool:
        return True

    def readinto(self, b) -> int:
        data = self.inner.read(len(b))
        self.meter.add(len(data))
        b[: len(data)] = data
        return len(data)


def _open_regular(path: Path) -> tuple[BinaryIO, int]:
    """Open a regular file for reading (following symlinks); anything else is refused before it is read."""
    try:
        st = os.stat(path)
    except OSError as exc:
        raise InputRejected(type(exc).__name__, f"cannot read file: {exc.strerror or exc}") from exc
    if not stat.S_ISREG(st.st_mode):
        raise InputRejected("NotRegularFile", f"not a regular file ({_file_kind(st.st_mode)}); only regular files are read")
    flags = os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_NOCTTY", 0) | getattr(os, "O_BINARY", 0)
    try:
        fd = os.open(path, flags)
    except OSError as exc:
        raise InputRejected(type(exc).__name__, f"cannot read file: {exc.strerror or exc}") from exc
    st = os.fstat(fd)
    if not stat.S_ISREG(st.st_mode):  # replaced between the two looks
        os.close(fd)
        raise InputRejected("NotRegularFile", f"not a regular file ({_file_kind(st.st_mode)}); only regular files are read")
    return os.fdopen(fd, "rb"), st.st_size


def _file_kind(mode: int) -> str:
    for test, name in ((stat.S_ISFIFO, "a FIFO"), (stat.S_ISSOCK, "a socket"), (stat.S_ISCHR, "a character device"),
                       (stat.S_ISBLK, "a block device"), (stat.S_ISDIR, "a folder")):
        if test(mode):
            return name
    return "not a plain file"


def _decompressor(f: BinaryIO, compression: str | None) -> BinaryIO:
    if compression is None:
        return f
    if compression == "gz":
        return gzip.GzipFile(fileobj=f, mode="rb")
    if compression == "bz2":
        return bz2.BZ2File(f, mode="rb")
    if compression == "xz":
        return lzma.LZMAFile(f, mode="rb")
    if compression == "zst":
        import zstandard

        return zstandard.ZstdDecompressor().stream_reader(f, read_across_frames=True)
    raise ValueError(f"unknown compression {compression!r}")


def _read_limited(stream: BinaryIO, limit: int) -> bytes | None:
    """Up to `limit` bytes of `stream`; None when there are more (nothing past limit + 1 is read)."""
    chunks, total = [], 0
    while total <= limit:
        chunk = stream.read(min(1 << 20, limit + 1 - total))
        if not chunk:
            break
        chunks.append(chunk)
        total += len(chunk)
    return None if total > limit else b"".join(chunks)


# ---------------------------------------------------------------- reading: one document from bytes


def _decode(data: bytes, fmt: str, cfg: ReaderConfig, declared: list[str] | None = None) -> tuple[str, str, float]:
    """Decode a document. `declared`: charsets the source names (a WARC record's HTTP header, then the
    page's <meta>); the first that decodes strictly is used, except that bytes which are valid non-ASCII
    UTF-8 stay UTF-8 and a Latin-1/Windows-1252 label (a common server default) is only a hint."""
    hint = None
    if fmt == "html":
        hint = meta_charset(data)
    for label in declared or []:
        text = _declared_decode(data, label)
        if text is not None:
            return text, codecs.lookup(_WIDER.get(label.lower(), label)).name, 1.0
    hint = next((d for d in declared or [] if d), None) or hint
    text, enc, conf = detect_encoding(data, hint)
    if conf < cfg.min_encoding_confidence:
        raise UnicodeDecodeError(enc, data[:1], 0, 1, f"encoding confidence {conf} below {cfg.min_encoding_confidence}")
    return text, enc, conf


# A declared charset read as the superset browsers use for it (WHATWG Encoding Standard labels).
_WIDER = {"gb2312": "gb18030", "gbk": "gb18030", "x-gbk": "gb18030", "big5": "big5hkscs"}
_LATIN = {"latin_1", "iso8859-1", "cp1252", "ascii", "iso8859-15"}


def _declared_decode(data: bytes, label: str) -> str | None:
    try:
        codec = codecs.lookup(_WIDER.get(label.lower(), label))
    except LookupError:
        return None
    if codec.name in _LATIN or any(data.startswith(b) for b, _ in _BOMS):
        return None
    if codec.name != "utf-8" and not data.isascii():
        try:
            data.decode("utf-8")
            return None  # valid non-ASCII UTF-8 is UTF-8, whatever the label says
        except UnicodeDecodeError:
            pass
    try:
        return data.decode(codec.name)
    except UnicodeDecodeError:
        return None


def _document(data: bytes, fmt: str, src: str, doc_id: str, cfg: ReaderConfig, declared: list[str] | None = None,
              extra: dict[str, str] | None = None) -> RawDocument | ReadFailure:
    """One txt or html document from its bytes."""
    sha = hashlib.sha256(data).hexdigest()
    if not data.strip():
        return ReadFailure(src, "EmptyDocument", "file is empty or whitespace only", doc_id, sha256=sha)
    if looks_binary(data):
        return ReadFailure(src, "BinaryInput", "file is binary, not text in a supported encoding", doc_id, sha256=sha)
    try:
        text, enc, conf = _decode(data, fmt, cfg, declared)
    except UnicodeDecodeError as exc:
        return ReadFailure(src, "UnicodeDecodeError", f"no supported encoding fits: {exc.reason}", doc_id, sha256=sha)
    meta: dict[str, str] = dict(extra or {})
    features = None
    if fmt == "html":
        try:
            page = parse_html(text)
            text, html_meta, features = page.text, page.meta, page.line_features
        except Exception as exc:  # selectolax raises plain errors on pathological markup
            return ReadFailure(src, "HTMLParseError", str(exc), doc_id, sha256=sha)
        meta.update(html_meta)
    text = _lf(text)
    if not text.strip():
        return ReadFailure(src, "EmptyDocument", "no text after decoding", doc_id, sha256=sha)
    if "\ufffd" in text:
        meta["decode_warning"] = f"{text.count(chr(0xFFFD))} undecodable byte sequence(s) replaced by U+FFFD"
    return RawDocument(
        doc_id=doc_id, source_path=src, source_format="html" if fmt == "html" else "txt", sha256=sha, n_bytes=len(data),
        encoding=enc, encoding_confidence=conf, text=text, meta=meta, line_features=features,
    )


# ---------------------------------------------------------------- reading: JSONL, streamed


class _Prepend(io.RawIOBase):
    """`head` followed by the rest of `stream`."""

    def __init__(self, head: bytes, stream: BinaryIO) -> None:
        self.head, self.stream = head, stream

    def readable(self) -> bool:
        return True

    def readinto(self, b) -> int:
        if self.head:
            n = min(len(b), len(self.head))
            b[:n] = self.head[:n]
            self.head = self.head[n:]
            return n
        data = self.stream.read(len(b))
        b[: len(data)] = data
        return len(data)


_JSONL_HEAD = 1 << 16


def _read_jsonl(stream: BinaryIO, src: str, stem: str, cfg: ReaderConfig, run: RunConfig,
                extra: dict[str, str] | None = None) -> Iterator[RawDocument | ReadFailure]:
    """One document per row of a JSONL stream, read row by row (a row is at most run.max_file_bytes).
    The encoding is detected on the first 64 KiB; a row that does not decode in it is detected alone."""
    head = stream.read(_JSONL_HEAD)
    if not head.strip() and len(head) < _JSONL_HEAD:
        yield ReadFailure(src, "EmptyDocument", "file is empty or whitespace only", stem,
                          sha256=hashlib.sha256(head).hexdigest())
        return
    if looks_binary(head):
        yield ReadFailure(src, "BinaryInput", "file is binary, not text in a supported encoding", stem)
        return
    cut = head.rfind(b"\n") + 1 if len(head) == _JSONL_HEAD else len(head)  # whole rows only
    if cut % 2 and b"\x00" in head:  # UTF-16: the newline's second byte
        cut += 1
    sample = head[:cut] or head
    try:
        _, enc, conf = detect_encoding(sample)
    except UnicodeDecodeError:
        enc, conf = None, 0.0  # no encoding fits the rows together: each row is detected alone
    buffered = io.BufferedReader(_Prepend(head, stream), buffer_size=1 << 16)
    limit = run.max_file_bytes
    if enc is not None and enc.startswith(("utf-16", "utf-32")):
        codec = {"utf-16-bom": "utf-16", "utf-32-bom": "utf-32"}.get(enc, enc)
        lines = io.TextIOWrapper(buffered, encoding=codec, errors="replace", newline="\n")
        rows = ((line, None) for line in iter(lambda: lines.readline(limit + 1), ""))
    else:
        if enc == "utf-8-bom":
            buffered.read(len(codecs.BOM_UTF8))
        codec = "utf-8" if enc in ("utf-8-bom", "utf-8-replace") else enc
        rows = ((None, line) for line in iter(lambda: buffered.readline(limit + 1), b""))
    for n, (text_line, byte_line) in enumerate(rows, start=1):
        whole = (text_line if text_line is not None else byte_line)
        if len(whole) > limit and not whole.endswith("\n" if text_line is not None else b"\n"):
            # skip the rest of an over-long row without holding it
            more = lines.readline if text_line is not None else buffered.readline
            while True:
                chunk = more(1 << 20)
                if not chunk or chunk.endswith("\n" if text_line is not None else b"\n"):
                    break
            yield ReadFailure(src, "RowTooLarge", f"row {n}: longer than run.max_file_bytes={limit}", f"{stem}:{n}", n)
            continue
        if not whole.strip():  # blank rows are skipped (and cheap: a file of newlines must not crawl)
            continue
        if text_line is not None:
            line, row_enc, row_conf = text_line, enc, conf
        else:
            try:
                line, row_enc, row_conf = _decode_row(byte_line, codec, enc, conf)
            except UnicodeDecodeError as exc:
                yield ReadFailure(src, "UnicodeDecodeError", f"row {n}: no supported encoding fits: {exc.reason}",
                                  f"{stem}:{n}", n, hashlib.sha256(byte_line).hexdigest())
                continue
        if line.endswith("\n"):
            line = line[:-1]
        out = _jsonl_row(line, n, src, stem, row_enc, row_conf, cfg, extra)
        if out is not None:
            yield out


def _decode_row(data: bytes, codec: str | None, enc: str | None, conf: float) -> tuple[str, str, float]:
    """A JSONL row in the file's encoding; valid non-ASCII UTF-8 stays UTF-8 (JSON Lines are UTF-8 by
    definition); a row neither fits is detected alone. Raises UnicodeDecodeError when nothing fits."""
    if codec is not None:
        if codec != "utf-8" and not data.isascii():
            try:
                return data.decode("utf-8"), "utf-8", 1.0
            except UnicodeDecodeError:
                pass
        try:
            return data.decode(codec), enc, conf
        except (UnicodeDecodeError, LookupError):
            pass
    return detect_encoding(data)


_SURROGATE = re.compile(r"[\ud800-\udfff]")


def _no_surrogates(text: str) -> str:
    return _SURROGATE.sub("\ufffd", text)


def _jsonl_row(line: str, n: int, src: str, stem: str, enc: str, conf: float, cfg: ReaderConfig,
               extra: dict[str, str] | None) -> RawDocument | ReadFailure | None:
    doc_id = f"{stem}:{n}"
    row_bytes = line.encode("utf-8", errors="surrogatepass")
    sha = hashlib.sha256(row_bytes).hexdigest()
    if not line.strip():
        return None
    try:
        row = json.loads(line)
    except json.JSONDecodeError as exc:
        return ReadFailure(src, "JSONDecodeError", f"row {n}: {exc.msg} at column {exc.colno}", doc_id, n, sha)
    except RecursionError:
        return ReadFailure(src, "JSONDecodeError", f"row {n}: nested too deeply", doc_id, n, sha)
    if not isinstance(row, dict):
        return ReadFailure(src, "InvalidRow", f"row {n}: expected a JSON object, got {type(row).__name__}", doc_id, n, sha)
    body = row.get(cfg.jsonl_text_field)
    if not isinstance(body, str) or not body.strip():
        return ReadFailure(
            src, "MissingTextField",
            f"row {n}: no non-empty string field {cfg.jsonl_text_field!r} (set reader.jsonl_text_field)", doc_id, n, sha,
        )
    meta = dict(extra or {})
    meta.update({k: _no_surrogates(str(v)) for k, v in row.items() if k != cfg.jsonl_text_field and isinstance(v, (str, int, float))})
    if cfg.jsonl_id_field and row.get(cfg.jsonl_id_field) not in (None, ""):
        meta["external_id"] = _no_surrogates(str(row[cfg.jsonl_id_field]))
    lone = len(_SURROGATE.findall(body))
    if lone:  # JSON escapes (\ud800) can name half a character: no UTF-8 output could hold it
        body = _no_surrogates(body)
        meta["decode_warning"] = f"{lone} lone surrogate escape(s) replaced by U+FFFD"
    return RawDocument(
        doc_id=doc_id, source_path=src, source_format="jsonl", row=n, sha256=sha, n_bytes=len(row_bytes),
        encoding=enc, encoding_confidence=conf, text=_lf(body), meta=meta,
    )


# ---------------------------------------------------------------- reading: one input


def read_ref(ref: InputRef, cfg: ReaderConfig, run: RunConfig) -> Iterator[RawDocument | ReadFailure]:
    """Every document of one input, in order; never raises for a bad input (it becomes a ReadFailure).
    Safe to call in a worker process: it needs only the InputRef and the two config sections."""
    src = str(ref.path)
    try:
        f, size = _open_regular(ref.path)
    except InputRejected as exc:
        yield ReadFailure(src, exc.error_type, str(exc), ref.doc_id)
        return
    try:
        with f:
            if ref.container == "file":
                yield from _read_single(f, size, ref, cfg, run)
            elif ref.container == "zip":
                yield from _read_zip(f, size, ref, cfg, run)
            elif ref.container == "tar":
                yield from _read_tar(f, size, ref, cfg, run)
            elif ref.container == "warc":
                yield from _read_warc(f, size, ref, cfg, run)
            else:
                yield ReadFailure(src, "UnsupportedInput", f"unknown container {ref.container!r}", ref.doc_id)
    except InputRejected as exc:
        yield ReadFailure(src, exc.error_type, str(exc), ref.doc_id)
    except (OSError, EOFError, ValueError, zipfile.BadZipFile, tarfile.TarError, lzma.LZMAError) as exc:
        yield ReadFailure(src, _error_name(exc), f"cannot read {ref.container}{' (' + ref.compression + ')' if ref.compression else ''}: {exc}", ref.doc_id)
    except Exception as exc:  # a reader library's own error on a damaged input: never a crash
        yield ReadFailure(src, _error_name(exc), f"cannot read: {exc}", ref.doc_id)


def _error_name(exc: BaseException) -> str:
    name = type(exc).__name__
    return "CorruptInput" if name in ("BadGzipFile", "BadZipFile", "ZstdError", "LZMAError", "ReadError", "EOFError") else name


read_file = read_ref  # the name earlier code used


def _read_single(f: BinaryIO, size: int, ref: InputRef, cfg: ReaderConfig, run: RunConfig) -> Iterator[RawDocument | ReadFailure]:
    """A plain or compressed file: one document, or JSONL rows."""
    src = str(ref.path)
    stream: BinaryIO = f
    if ref.compression:
        stream = io.BufferedReader(_Metered(_decompressor(f, ref.compression), _Meter(f, size, run)), 1 << 16)
    if ref.fmt == "jsonl":
        yield from _read_jsonl(stream, src, ref.doc_id, cfg, run)
        return
    if not ref.compression and size > run.max_file_bytes:
        yield ReadFailure(src, "FileTooLarge", f"{size} bytes > run.max_file_bytes={run.max_file_bytes}", ref.doc_id)
        return
    data = _read_limited(stream, run.max_file_bytes)
    if data is None:
        what = "unpacked bytes" if ref.compression else "bytes"
        yield ReadFailure(src, "FileTooLarge", f"more than run.max_file_bytes={run.max_file_bytes} {what}", ref.doc_id)
        return
    yield _document(data, ref.fmt, src, ref.doc_id, cfg)


def _member(name: str, ref: InputRef, cfg: ReaderConfig) -> tuple[str, str | None, str, str] | None:
    """(doc_id, compression, fmt, container) of an archive member, or None to skip it (not a document)."""
    kind = classify(Path(name).name, cfg)
    if kind is None or kind[0] not in ("file",):
        return None
    container, compression, fmt, cut = kind
    stem = name[: len(name) - cut] if cut else name
    return f"{ref.doc_id}/{stem.lstrip('/')}", compression, fmt, container


def _read_member(stream: BinaryIO, name: str, doc_id: str, compression: str | None, fmt: str, meter: _Meter,
                 ref: InputRef, cfg: ReaderConfig, run: RunConfig) -> Iterator[RawDocument | ReadFailure]:
    src = str(ref.path)
    extra = {"member": name}
    if compression:
        stream = io.BufferedReader(_Metered(_decompressor(stream, compression), meter), 1 << 16)
    if fmt == "jsonl":
        for out in _read_jsonl(stream, src, doc_id, cfg, run, extra):
            yield out
        return
    data = _read_limited(stream, run.max_file_bytes)
    if data is None:
        yield ReadFailure(src, "FileTooLarge", f"member {name!r}: more than run.max_file_bytes={run.max_file_bytes} bytes", doc_id)
        return
    yield _document(data, fmt, src, doc_id, cfg, extra=extra)


def _read_zip(f: BinaryIO, size: int, ref: InputRef, cfg: ReaderConfig, run: RunConfig) -> Iterator[RawDocument | ReadFailure]:
    meter = _Meter(None, size, run)  # members are read at random offsets: the ratio is over the whole archive
    with zipfile.ZipFile(f) as zf:
        for info in zf.infolist():
            if info.is_dir():
                continue
            kind = _member(info.filename, ref, cfg)
            if kind is None:
                continue
            doc_id, compression, fmt, _ = kind
            try:
                with zf.open(info) as raw:
                    yield from _read_member(_Metered(raw, meter), info.filename, doc_id, compression, fmt, meter, ref, cfg, run)
            except InputRejected:
                raise
            except (OSError, EOFError, ValueError, zipfile.BadZipFile, NotImplementedError, RuntimeError, lzma.LZMAError) as exc:
                yield ReadFailure(str(ref.path), "CorruptInput", f"member {info.filename!r}: {exc}", doc_id)


def _read_tar(f: BinaryIO, size: int, ref: InputRef, cfg: ReaderConfig, run: RunConfig) -> Iterator[RawDocument | ReadFailure]:
    meter = _Meter(f, size, run)
    stream = _Metered(_decompressor(f, ref.compression), meter) if ref.compression else _Metered(f, meter)
    with tarfile.open(fileobj=io.BufferedReader(stream, 1 << 16), mode="r|") as tf:
        for info in tf:
            if info.isdir():
                continue
            kind = _member(info.name, ref, cfg)
            if kind is None:
                continue
            doc_id, compression, fmt, _ = kind
            if not info.isfile():
                yield ReadFailure(str(ref.path), "NotRegularFile", f"member {info.name!r} is a link or device, not a file", doc_id)
                continue
            member = tf.extractfile(info)
            if member is None:
                continue
            yield from _read_member(member, info.name, doc_id, compression, fmt, meter, ref, cfg, run)


_HTML_TYPES = ("text/html", "application/xhtml+xml")
_CHARSET = re.compile(r"charset\s*=\s*[\"']?([A-Za-z0-9_.:\-]+)", re.I)


def _read_warc(f: BinaryIO, size: int, ref: InputRef, cfg: ReaderConfig, run: RunConfig) -> Iterator[RawDocument | ReadFailure]:
    """One document per HTML response (2xx) of a WARC file; doc_id is the record's target URI."""
    from warcio.archiveiterator import ArchiveIterator

    src = str(ref.path)
    meter = _Meter(f, size, run)
    for record in ArchiveIterator(f):
        if record.rec_type != "response" or record.http_headers is None:
            continue
        ctype = record.http_headers.get_header("Content-Type") or ""
        status = record.http_headers.get_statuscode() or ""
        if not ctype.split(";")[0].strip().lower() in _HTML_TYPES or not status.startswith("2"):
            continue
        uri = record.rec_headers.get_header("WARC-Target-URI") or f"{ref.doc_id}#{record.rec_headers.get_header('WARC-Record-ID')}"
        data = _read_limited(record.content_stream(), run.max_file_bytes)
        if data is None:
            yield ReadFailure(src, "FileTooLarge", f"response {uri}: more than run.max_file_bytes={run.max_file_bytes} bytes", uri)
            continue
        meter.add(len(data))
        declared = []
        m = _CHARSET.search(ctype)
        if m:
            declared.append(m.group(1))
        page = meta_charset(data)
        if page:
            declared.append(page)
        extra = {"warc_target_uri": uri, "http_content_type": ctype}
        for key, name in (("WARC-Date", "warc_date"), ("WARC-Record-ID", "warc_record_id")):
            value = record.rec_headers.get_header(key)
            if value:
                extra[name] = value
        yield _document(data, "html", src, uri, cfg, declared=declared, extra=extra)


def read_inputs(inputs: Iterable[str], cfg: ReaderConfig, run: RunConfig) -> Iterator[RawDocument | ReadFailure]:
    """Every article of every input, in a stable order; duplicate doc_ids become failures."""
    seen: set[str] = set()
    for item in list_inputs(inputs, cfg):
        if isinstance(item, ReadFailure):
            yield item
            continue
        for out in read_ref(item, cfg, run):
            doc_id = out.doc_id
            if doc_id is not None and doc_id in seen:
                yield ReadFailure(out.source_path, "DuplicateDocId", f"doc_id {doc_id!r} already produced by another input", doc_id, out.row, out.sha256)
                continue
            if doc_id is not None:
                seen.add(doc_id)
            yield out
