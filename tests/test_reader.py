"""Reader: encoding detection from bytes the tests make themselves, HTML, JSONL, doc ids."""

from __future__ import annotations

import re

import pytest

from pipeline.config import ReaderConfig, RunConfig
from pipeline.reader import ReadFailure, detect_encoding, html_to_text, read_inputs
from pipeline.schema import RawDocument

PINYIN = re.compile(r"\([a-zāáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜü]+\)")


def _read(paths, **cfg):
    return list(read_inputs([str(p) for p in paths], ReaderConfig(**cfg), RunConfig()))


def _encodable_lines(text: str, encoding: str) -> str:
    """The lines of `text` that `encoding` can represent exactly (so a round trip is lossless)."""
    keep = []
    for line in text.split("\n"):
        try:
            line.encode(encoding)
            keep.append(line)
        except UnicodeEncodeError:
            continue
    return "\n".join(keep)


@pytest.mark.parametrize("seed", ["000_c8702dae49ef8be3", "004_b2aa8bcd635f08d0", "001_2fdb4e153027f57d"])
@pytest.mark.parametrize(
    "encoding,expected",
    [
        ("utf-8", "utf-8"),
        ("utf-8-sig", "utf-8-bom"),
        ("utf-16", "utf-16-bom"),
        ("utf-16-le", "utf-16-le"),
        ("utf-16-be", "utf-16-be"),
        ("gb18030", "gb18030"),
    ],
)
def test_seed_round_trips_through_encoding(seed_texts, seed, encoding, expected):
    text = seed_texts[seed]
    data = text.encode(encoding)
    decoded, enc, conf = detect_encoding(data)
    assert decoded == text
    assert enc == expected
    assert 0.0 <= conf <= 1.0


def test_gbk_simplified_is_read_as_gb18030(seed_texts):
    text = seed_texts["004_b2aa8bcd635f08d0"].replace("\xa0", " ")  # GBK has no NBSP
    decoded, enc, conf = detect_encoding(text.encode("gbk"))
    assert decoded == text
    assert enc == "gb18030"
    assert conf > 0.9


def test_big5_traditional_beats_gbk_reading(seed_texts):
    text = _encodable_lines(PINYIN.sub("", seed_texts["002_b1874fdb4da17194"]), "big5")
    assert len(text) > 1000
    decoded, enc, conf = detect_encoding(text.encode("big5"))
    assert enc == "big5"
    assert decoded == text
    assert conf > 0.9


def test_short_big5_and_gbk_phrases():
    trad = "貴港市委書記到桂平市調研紡織服裝產業發展情況，並主持召開座談會。"
    simp = "宁波市人民政府新闻办公室召开新闻发布会，介绍纺织服装产业发展情况。"
    assert detect_encoding(trad.encode("big5"))[:2] == (trad, "big5")
    assert detect_encoding(simp.encode("gbk"))[:2] == (simp, "gb18030")


def test_utf16_without_bom_pure_chinese():
    text = "苏州市委书记调研纺织服装产业发展情况"
    for enc in ("utf-16-le", "utf-16-be"):
        decoded, name, _ = detect_encoding(text.encode(enc))
        assert (decoded, name) == (text, enc)


def test_invalid_bytes_inside_utf8_are_replaced_and_flagged(tmp_path, seed_texts):
    data = bytearray(seed_texts["004_b2aa8bcd635f08d0"].encode("utf-8"))
    data[300:300] = b"\xff\xfe\xff"
    p = tmp_path / "broken.txt"
    p.write_bytes(bytes(data))
    [doc] = _read([p])
    assert isinstance(doc, RawDocument)
    assert doc.encoding == "utf-8-replace"
    assert "\ufffd" in doc.text
    assert "undecodable" in doc.meta["decode_warning"]


def test_crlf_becomes_lf(tmp_path):
    p = tmp_path / "a.txt"
    p.write_bytes("标题\r\n正文第一段。\r\n".encode("utf-8"))
    [doc] = _read([p])
    assert doc.text == "标题\n正文第一段。\n"


def test_html_blocks_become_lines_and_scripts_are_dropped():
    html = (
        "<html><head><title>页面标题</title><style>p{color:red}</style></head><body>"
        "<div class='nav'>首页 &gt; 新闻</div><h1>市长调研<b>纺织</b>企业</h1>"
        "<script>var x = '不要';</script><p>3月5日，市长到企业调研。<br>他强调要发展。</p>"
        "<!-- 注释 --><ul><li>上一篇</li><li>下一篇</li></ul></body></html>"
    )
    text, meta = html_to_text(html)
    assert text.split("\n") == ["首页 > 新闻", "市长调研纺织企业", "3月5日，市长到企业调研。", "他强调要发展。", "上一篇", "下一篇"]
    assert meta["html_title"] == "页面标题"


def test_html_file_with_meta_charset_gbk(tmp_path):
    html = '<html><head><meta charset="gbk"></head><body><p>县委书记走访企业。</p></body></html>'
    p = tmp_path / "page.html"
    p.write_bytes(html.encode("gbk"))
    [doc] = _read([p])
    assert doc.source_format == "html"
    assert doc.text == "县委书记走访企业。"
    assert doc.encoding == "gbk"  # the page's own declaration, confirmed by a strict decode


def test_jsonl_rows_ids_and_bad_rows(tmp_path):
    p = tmp_path / "batch.jsonl"
    p.write_text(
        '{"id": "a1", "text": "第一篇文章。"}\n'
        '{"id": "a2", "body": "没有正文字段"}\n'
        '{"id": "a3", "text": "截断的\n'
        '\n'
        '{"id": "a5", "text": "第五行文章。"}\n',
        encoding="utf-8",
    )
    out = _read([p])
    assert [type(o).__name__ for o in out] == ["RawDocument", "ReadFailure", "ReadFailure", "RawDocument"]
    assert out[0].doc_id == "batch:1" and out[0].meta["external_id"] == "a1"
    assert out[1].error_type == "MissingTextField" and out[1].row == 2
    assert out[2].error_type == "JSONDecodeError" and out[2].row == 3
    assert out[3].doc_id == "batch:5" and out[3].text == "第五行文章。"


def test_jsonl_text_field_is_configurable(tmp_path):
    p = tmp_path / "b.jsonl"
    p.write_text('{"body": "正文"}\n', encoding="utf-8")
    [doc] = _read([p], jsonl_text_field="body")
    assert doc.text == "正文"


def test_doc_ids_relative_to_input_folder(tmp_path):
    (tmp_path / "sub dir" / "新闻").mkdir(parents=True)
    (tmp_path / "top.txt").write_text("顶层文章。", encoding="utf-8")
    (tmp_path / "sub dir" / "新闻" / "市长 调研.txt").write_text("市长调研。", encoding="utf-8")
    ids = [d.doc_id for d in _read([tmp_path])]
    assert ids == ["sub dir/新闻/市长 调研", "top"]


def test_duplicate_doc_id_is_a_failure_not_an_overwrite(tmp_path):
    (tmp_path / "a.txt").write_text("文本一。", encoding="utf-8")
    (tmp_path / "a.html").write_text("<p>文本二。</p>", encoding="utf-8")
    out = _read([tmp_path])
    assert isinstance(out[0], RawDocument)
    assert isinstance(out[1], ReadFailure) and out[1].error_type == "DuplicateDocId"


def test_glob_and_missing_path(tmp_path):
    (tmp_path / "x1.txt").write_text("一。", encoding="utf-8")
    (tmp_path / "x2.txt").write_text("二。", encoding="utf-8")
    out = _read([tmp_path / "x*.txt", tmp_path / "nope.txt"])
    assert [getattr(o, "doc_id", None) for o in out[:2]] == ["x1", "x2"]
    assert out[2].error_type == "FileNotFoundError"


def test_file_that_disappears_before_it_is_read(tmp_path):
    for name in ("a.txt", "b.txt"):
        (tmp_path / name).write_text("市长调研。", encoding="utf-8")
    items = read_inputs([str(tmp_path)], ReaderConfig(), RunConfig())
    first = next(items)
    (tmp_path / "b.txt").unlink()
    second = next(items)
    assert first.doc_id == "a"
    assert isinstance(second, ReadFailure) and second.error_type == "FileNotFoundError"
