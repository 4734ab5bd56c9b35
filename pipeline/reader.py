"""Reader: find input files, decode them (encoding detection), and yield one RawDocument per article.

Inputs are files, folders (recursive), glob patterns, or `-` for a list of paths on stdin. `.txt`
files are one article each; `.html`/`.htm` files are parsed with a real HTML parser (block
boundaries kept as line breaks, scripts and styles dropped); `.jsonl` files hold one article per row.
Anything that cannot be read becomes a `ReadFailure`, never an exception.
"""

from __future__ import annotations

import codecs
import glob
import hashlib
import json
import os
import re
import sys
from dataclasses import dataclass
from pathlib import Path
from typing import Iterable, Iterator

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
class InputFile:
    """A file to read and the doc_id stem it gets."""

    path: Path
    doc_id: str


# ---------------------------------------------------------------- input discovery


def _doc_id_for(path: Path, root: Path | None) -> str:
    """Path relative to the folder it was found under, without extension (bare stem at top level)."""
    rel = path.relative_to(root) if root else Path(path.name)
    return rel.with_suffix("").as_posix()


def _walk(root: Path, cfg: ReaderConfig) -> Iterator[InputFile | ReadFailure]:
    """Files under `root` in sorted path order, following folder symlinks but never around a loop."""
    seen: set[tuple[int, int]] = set()

    def visit(folder: Path) -> Iterator[InputFile | ReadFailure]:
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
            elif path.suffix.lower() in cfg.extensions:
                yield InputFile(path, _doc_id_for(path, root))

    yield from visit(root)


def iter_inputs(inputs: Iterable[str], cfg: ReaderConfig) -> Iterator[InputFile | ReadFailure]:
    """Expand the command-line inputs into files, in a stable order."""
    for spec in inputs:
        if spec == "-":
            listed = [ln.strip() for ln in sys.stdin if ln.strip()]
            yield from iter_inputs(listed, cfg)
            continue
        path = Path(spec)
        if path.is_dir():
            yield from _walk(path, cfg)
        elif path.is_file() or path.is_symlink():
            yield InputFile(path, _doc_id_for(path, None))
        elif glob.has_magic(spec):
            matches = sorted(glob.glob(spec, recursive=True))
            if not matches:
                yield ReadFailure(spec, "NoMatch", "glob pattern matched no file")
            yield from iter_inputs(matches, cfg)
        else:
            yield ReadFailure(spec, "FileNotFoundError", "input path does not exist")


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


def looks_binary(data: bytes) -> bool:
    """True for bytes that are no text in any supported encoding (NULs outside UTF-16, control bytes)."""
    head = data[:8192]
    if not head:
        return False
    if any(head.startswith(b) for b, _ in _BOMS):
        return False
    if b"\x00" in head and _utf16_without_bom(head[: len(head) - len(head) % 2]) is None:
        return True
    controls = sum(1 for b in head if b < 9 or 13 < b < 32)
    return controls / len(head) > 0.05


# ---------------------------------------------------------------- reading


def _lf(text: str) -> str:
    """CRLF and lone CR line ends as LF (the scorer splits on LF and drops a trailing CR)."""
    return text.replace("\r\n", "\n").replace("\r", "\n")


def _decode(data: bytes, path: Path, cfg: ReaderConfig) -> tuple[str, str, float]:
    hint = None
    if path.suffix.lower() in (".html", ".htm"):
        hint = meta_charset(data)
    text, enc, conf = detect_encoding(data, hint)
    if conf < cfg.min_encoding_confidence:
        raise UnicodeDecodeError(enc, data[:1], 0, 1, f"encoding confidence {conf} below {cfg.min_encoding_confidence}")
    return text, enc, conf


def read_file(item: InputFile, cfg: ReaderConfig, run: RunConfig) -> Iterator[RawDocument | ReadFailure]:
    """Read one input file into RawDocuments (several for JSONL), or ReadFailures."""
    path, src = item.path, str(item.path)
    try:
        size = path.stat().st_size
        if size > run.max_file_bytes:
            yield ReadFailure(src, "FileTooLarge", f"{size} bytes > run.max_file_bytes={run.max_file_bytes}", item.doc_id)
            return
        data = path.read_bytes()
    except OSError as exc:
        yield ReadFailure(src, type(exc).__name__, f"cannot read file: {exc.strerror or exc}", item.doc_id)
        return
    sha = hashlib.sha256(data).hexdigest()
    if not data.strip():
        yield ReadFailure(src, "EmptyDocument", "file is empty or whitespace only", item.doc_id, sha256=sha)
        return
    if looks_binary(data):
        yield ReadFailure(src, "BinaryInput", "file is binary, not text in a supported encoding", item.doc_id, sha256=sha)
        return
    suffix = path.suffix.lower()
    try:
        text, enc, conf = _decode(data, path, cfg)
    except UnicodeDecodeError as exc:
        yield ReadFailure(src, "UnicodeDecodeError", f"no supported encoding fits: {exc.reason}", item.doc_id, sha256=sha)
        return
    if suffix == ".jsonl":
        yield from _read_jsonl(item, text, enc, conf, cfg)
        return
    meta: dict[str, str] = {}
    fmt, features = "txt", None
    if suffix in (".html", ".htm"):
        fmt = "html"
        try:
            page = parse_html(text)
            text, meta, features = page.text, page.meta, page.line_features
        except Exception as exc:  # selectolax raises plain errors on pathological markup
            yield ReadFailure(src, "HTMLParseError", str(exc), item.doc_id, sha256=sha)
            return
    text = _lf(text)
    if not text.strip():
        yield ReadFailure(src, "EmptyDocument", "no text after decoding", item.doc_id, sha256=sha)
        return
    if "\ufffd" in text:
        meta["decode_warning"] = f"{text.count(chr(0xFFFD))} undecodable byte sequence(s) replaced by U+FFFD"
    yield RawDocument(
        doc_id=item.doc_id, source_path=src, source_format=fmt, sha256=sha, n_bytes=len(data),
        encoding=enc, encoding_confidence=conf, text=text, meta=meta, line_features=features,
    )


def _read_jsonl(item: InputFile, text: str, enc: str, conf: float, cfg: ReaderConfig) -> Iterator[RawDocument | ReadFailure]:
    src = str(item.path)
    for n, line in enumerate(text.split("\n"), start=1):
        if not line.strip():
            continue
        doc_id = f"{item.doc_id}:{n}"
        row_bytes = line.encode("utf-8")
        sha = hashlib.sha256(row_bytes).hexdigest()
        try:
            row = json.loads(line)
        except json.JSONDecodeError as exc:
            yield ReadFailure(src, "JSONDecodeError", f"row {n}: {exc.msg} at column {exc.colno}", doc_id, n, sha)
            continue
        if not isinstance(row, dict):
            yield ReadFailure(src, "InvalidRow", f"row {n}: expected a JSON object, got {type(row).__name__}", doc_id, n, sha)
            continue
        body = row.get(cfg.jsonl_text_field)
        if not isinstance(body, str) or not body.strip():
            yield ReadFailure(
                src, "MissingTextField",
                f"row {n}: no non-empty string field {cfg.jsonl_text_field!r} (set reader.jsonl_text_field)", doc_id, n, sha,
            )
            continue
        meta = {k: str(v) for k, v in row.items() if k != cfg.jsonl_text_field and isinstance(v, (str, int, float))}
        if cfg.jsonl_id_field and row.get(cfg.jsonl_id_field) not in (None, ""):
            meta["external_id"] = str(row[cfg.jsonl_id_field])
        yield RawDocument(
            doc_id=doc_id, source_path=src, source_format="jsonl", row=n, sha256=sha, n_bytes=len(row_bytes),
            encoding=enc, encoding_confidence=conf, text=_lf(body), meta=meta,
        )


def read_inputs(inputs: Iterable[str], cfg: ReaderConfig, run: RunConfig) -> Iterator[RawDocument | ReadFailure]:
    """Every article of every input, in a stable order; duplicate doc_ids become failures."""
    seen: set[str] = set()
    for item in iter_inputs(inputs, cfg):
        if isinstance(item, ReadFailure):
            yield item
            continue
        for out in read_file(item, cfg, run):
            doc_id = out.doc_id
            if doc_id is not None and doc_id in seen:
                yield ReadFailure(out.source_path, "DuplicateDocId", f"doc_id {doc_id!r} already produced by another input", doc_id, out.row, out.sha256)
                continue
            if doc_id is not None:
                seen.add(doc_id)
            yield out
