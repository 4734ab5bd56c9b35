"""`zh-events export`: Parquet, Hugging Face, CoNLL, spaCy and JSONL exports of a real run (the seeds)."""

from __future__ import annotations

import json
import math
import shutil
from pathlib import Path

import pytest

pytest.importorskip("datasketch", reason="exports need the export extra: pip install -e '.[export]'")
pa = pytest.importorskip("pyarrow", reason="exports need the export extra: pip install -e '.[export]'")

from conftest import SEEDS, run_cli  # noqa: E402
from pipeline.config import load_config  # noqa: E402
from pipeline.dedup import DedupConfig  # noqa: E402
from pipeline.export import (  # noqa: E402
    CleanMap, ExportOptions, bio_sentences, clean_entities, export, row_schema, to_row, tokenize,
)
from pipeline.runner import Runner  # noqa: E402


@pytest.fixture(scope="module")
def seed_run(tmp_path_factory) -> Path:
    """The seeds through the default pipeline, plus a mirror of one seed in the other script, cut short."""
    out = tmp_path_factory.mktemp("seed-run")
    Runner(load_config(), out, workers=0, progress=False).run([str(SEEDS)])
    records = [json.loads(line) for line in (out / "records.jsonl").read_text(encoding="utf-8").splitlines()]
    import opencc

    s2t = opencc.OpenCC("s2t")
    src = next(r for r in records if r["language"] == "zh-Hans")
    mirror = json.loads(json.dumps(src))
    conv = lambda s: "".join(s2t.convert(ch) for ch in s)  # noqa: E731  (per character: offsets stay valid)
    mirror["doc_id"] = "zz-mirror"
    mirror["text"] = conv(src["text"])
    n = len(src["clean_spans"]) * 2 // 3  # the mirror keeps two thirds of the clean pieces
    mirror["clean_spans"] = src["clean_spans"][:n]
    mirror["clean_text"] = conv(src["clean_text"][: len(_clean_prefix(src, n))])
    mirror["entities"] = []
    with open(out / "records.jsonl", "a", encoding="utf-8") as f:
        f.write(json.dumps(mirror, ensure_ascii=False) + "\n")
    (out / "source-id.txt").write_text(src["doc_id"])
    return out


def _clean_prefix(rec: dict, n: int) -> str:
    """clean_text made of the first n clean pieces."""
    cmap = CleanMap(rec["text"], rec["clean_text"], rec["clean_spans"])
    s, e, c = cmap.pieces[n - 1]
    return rec["clean_text"][: c + e - s]


def _records(run: Path) -> list[dict]:
    return [json.loads(x) for x in (run / "records.jsonl").read_text(encoding="utf-8").splitlines()]


def test_clean_map_follows_inline_cuts():
    text = "标题\n本报讯 会议在北京召开。\n责任编辑：某"
    # kept: the title, and the body line without its 4-character inline dateline
    rec = {"text": text, "clean_text": "标题\n会议在北京召开。", "clean_spans": [[0, 2], [7, 14]]}
    cmap = CleanMap(rec["text"], rec["clean_text"], rec["clean_spans"])
    s, e = cmap(text.index("北京"), text.index("北京") + 2)
    assert rec["clean_text"][s:e] == "北京"
    assert cmap(3, 6) is None  # inside the cut dateline
    assert cmap(text.index("责任"), text.index("责任") + 2) is None
    assert CleanMap("abc", "xyz", [[0, 3]]).pieces == []  # inconsistent record: nothing is guessed


def test_tokens_are_han_characters_and_words_cut_at_entity_bounds():
    text = "2024年Eastbay港区 visit."
    toks = [text[s:e] for s, e in tokenize(text)]
    assert toks == ["2024", "年", "Eastbay", "港", "区", "visit", "."]
    toks = [text[s:e] for s, e in tokenize(text, cuts=[9])]
    assert toks[2:4] == ["East", "bay"]


def test_overlapping_mentions_longest_wins():
    row = {"clean_text": "临江市人民政府召开会议", "entities": [
        {"type": "PLACE", "mentions": [{"clean_start": 0, "clean_end": 3}]},
        {"type": "ORG", "mentions": [{"clean_start": 0, "clean_end": 7}, {"clean_start": None, "clean_end": None}]},
    ]}
    ents, dropped = clean_entities(row, ["PLACE", "ORG"])
    assert ents == [(0, 7, "ORG")]
    assert dropped == 2
    sents = bio_sentences(row["clean_text"], ents)
    assert [t for _, t in sents[0]] == ["B-ORG"] + ["I-ORG"] * 6 + ["O"] * 4


def test_parquet_schema_rows_and_offsets(seed_run, tmp_path):
    pq = pytest.importorskip("pyarrow.parquet")
    res = export(seed_run, "parquet", tmp_path / "r.parquet")
    table = pq.read_table(tmp_path / "r.parquet")
    assert table.schema.equals(row_schema(), check_metadata=False)
    assert table.num_rows == res.exported == len(_records(seed_run))
    rows = table.to_pylist()
    mentions = 0
    for row in rows:
        for ent in row["entities"]:
            assert row["text"][ent["start"]:ent["end"]] == ent["text"]
            for m in ent["mentions"]:
                assert row["text"][m["start"]:m["end"]] == m["text"]
                if m["clean_start"] is not None:
                    assert row["clean_text"][m["clean_start"]:m["clean_end"]] == m["text"]
                    mentions += 1
    assert mentions > 50
    by_id = {r["doc_id"]: r for r in rows}
    src = (seed_run / "source-id.txt").read_text()
    assert by_id["zz-mirror"]["duplicate_of"] == src
    assert by_id["zz-mirror"]["cluster_id"] == by_id[src]["cluster_id"]
    assert by_id["zz-mirror"]["split"] == by_id[src]["split"]
    assert sum(1 for r in rows if r["duplicate_of"]) == 1
    assert all(r["event_type"] for r in rows if r["doc_id"] != "zz-mirror")


def test_hf_folder_loads_with_three_splits(seed_run, tmp_path):
    datasets = pytest.importorskip("datasets")
    res = export(seed_run, "hf", tmp_path / "hf", ExportOptions(dedup=DedupConfig(ratios=(1, 1, 1))))
    dd = datasets.load_from_disk(str(tmp_path / "hf"))
    # a split that got no rows is left out (datasets cannot load it back)
    assert {name: len(d) for name, d in dd.items()} == {k: v for k, v in res.splits.items() if v}
    assert len(dd) >= 2
    assert sum(len(d) for d in dd.values()) == len(_records(seed_run))
    for name, d in dd.items():
        assert all(s == name for s in d["split"])
    assert "mentions" in str(dd["train"].features["entities"])


def test_conll_bio_matches_the_clean_text(seed_run, tmp_path):
    export(seed_run, "conll", tmp_path / "conll")
    rows = {r["doc_id"]: r for r in (to_row(x) for x in _records(seed_run))}
    docs: dict[str, list[tuple[str, str]]] = {}
    current = None
    for name in ("train", "dev", "test"):
        for line in (tmp_path / "conll" / f"{name}.conll").read_text(encoding="utf-8").splitlines():
            if line.startswith("-DOCSTART-"):
                current = line.split("\t")[2]
                docs[current] = []
            elif line:
                tok, tag = line.split("\t")
                docs[current].append((tok, tag))
    assert set(docs) == set(rows)
    n_ents = 0
    for doc_id, toks in docs.items():
        clean = rows[doc_id]["clean_text"]
        assert "".join(t for t, _ in toks) == "".join(clean.split())
        # rebuild the entities from BIO and find them at their clean offsets
        want, _ = clean_entities(rows[doc_id], ("PERSON", "ORG", "PLACE"))
        got, pos, cur = [], 0, None
        for tok, tag in toks:
            start = clean.index(tok, pos)
            pos = start + len(tok)
            if tag.startswith("B-"):
                cur = [start, pos, tag[2:]]
                got.append(cur)
            elif tag.startswith("I-"):
                assert cur is not None and cur[2] == tag[2:]
                cur[1] = pos
            else:
                cur = None
        assert [tuple(g) for g in got] == want
        n_ents += len(got)
    assert n_ents > 50


def test_spacy_docbin_is_exact_and_trainable(seed_run, tmp_path):
    import spacy
    from spacy.tokens import DocBin
    from spacy.training import Example

    res = export(seed_run, "spacy", tmp_path / "sp")
    nlp = spacy.blank("zh")
    docs = []
    for name in ("train", "dev", "test"):
        docs += list(DocBin().from_disk(tmp_path / "sp" / f"{name}.spacy").get_docs(nlp.vocab))
    rows = {r["doc_id"]: r for r in (to_row(x) for x in _records(seed_run))}
    assert len(docs) == len(rows)
    for doc in docs:
        row = rows[doc.user_data["doc_id"]]
        assert doc.text == row["clean_text"]
        want, _ = clean_entities(row, ("PERSON", "ORG", "PLACE"))
        assert [(e.start_char, e.end_char, e.label_) for e in doc.ents] == want
    assert res.entities == sum(len(d.ents) for d in docs) > 50
    # what `spacy train` does with a corpus: align to the pipeline's own tokens, initialize, update
    examples = [Example(nlp.make_doc(d.text), d) for d in docs]
    ner = nlp.add_pipe("ner")
    nlp.initialize(lambda: examples)
    assert set(ner.labels) == {"PERSON", "ORG", "PLACE"}
    losses: dict = {}
    for _ in range(2):
        nlp.update(examples, losses=losses)
    assert math.isfinite(losses["ner"]) and losses["ner"] > 0


def test_filters(seed_run, tmp_path):
    recs = _records(seed_run)
    res = export(seed_run, "jsonl", tmp_path / "a.jsonl", ExportOptions(event_types=["inspection"]))
    rows = [json.loads(x) for x in (tmp_path / "a.jsonl").read_text(encoding="utf-8").splitlines()]
    n_insp = sum(1 for r in recs if (r.get("event") or {}).get("type") == "inspection")
    assert len(rows) == res.exported == n_insp > 0
    assert {r["event_type"] for r in rows} == {"inspection"}
    res = export(seed_run, "jsonl", tmp_path / "b.jsonl", ExportOptions(languages=["en"]))
    assert res.exported == sum(1 for r in recs if r["language"] == "en") > 0
    conf = sorted((r.get("event") or {}).get("confidence") or 0 for r in recs)
    res = export(seed_run, "jsonl", tmp_path / "c.jsonl", ExportOptions(min_confidence=conf[-1]))
    assert res.exported == sum(1 for c in conf if c >= conf[-1])
    assert res.filtered_out == len(recs) - res.exported
    res = export(seed_run, "jsonl", tmp_path / "d.jsonl", ExportOptions(drop_duplicates=True))
    assert res.exported == len(recs) - 1


def test_broken_lines_are_skipped_not_fatal(seed_run, tmp_path):
    run = tmp_path / "run"
    shutil.copytree(seed_run, run)
    with open(run / "records.jsonl", "a", encoding="utf-8") as f:
        f.write('{"doc_id": "torn", "text": "abc\n[1, 2]\n{"doc_id": "no-text"}\n')
    res = export(run, "jsonl", tmp_path / "x.jsonl")
    assert res.bad_lines == 3
    assert res.exported == len(_records(seed_run))


def test_cli_export_and_its_errors(seed_run, tmp_path):
    out = tmp_path / "cli.parquet"
    proc = run_cli("export", str(seed_run), "--format", "parquet", "--out", str(out), "--language", "en")
    assert proc.returncode == 0, proc.stderr
    assert out.is_file() and "exported" in proc.stderr
    proc = run_cli("export", str(tmp_path / "missing"), "--format", "jsonl", "--out", str(tmp_path / "m.jsonl"))
    assert proc.returncode == 2 and "no records.jsonl" in proc.stderr
    proc = run_cli("export", str(seed_run), "--format", "jsonl", "--out", str(out), "--split-ratios", "1,2")
    assert proc.returncode == 2 and "--split-ratios" in proc.stderr
