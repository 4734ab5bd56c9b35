"""Stage cache: an events-only change re-runs only events (the other stages are not even built) and
gives the records of a cache-free run; a corrupt, foreign or newer cache is rebuilt, never trusted."""

from __future__ import annotations

import json
import sqlite3
import zlib

import pytest

from conftest import REPO, SEEDS, run_cli
from pipeline.cache import FORMAT, StageCache, changed_fields, doc_values, restore, stage_keys
from pipeline.config import load_config, stage_hashes
from pipeline.reader import InputFile, read_file
from pipeline.runner import Pipeline


def _raws():
    cfg = load_config()
    return [next(read_file(InputFile(p, p.stem), cfg.reader, cfg.run)) for p in sorted(SEEDS.glob("*.txt"))]


def test_events_only_change_runs_only_events_and_matches_a_cache_free_run(tmp_path):
    raws = _raws()
    path = tmp_path / "c.sqlite"
    StageCache(path).close()
    cold = Pipeline(load_config(), path)
    for i, raw in enumerate(raws):
        out = cold.process(i, raw)
        assert out.kind == "record" and set(out.cache.values()) == {"miss"}
    changed = load_config(None, ["events.date_lead_paragraphs=1"])
    warm = Pipeline(changed, path)
    plain = Pipeline(changed)  # no cache
    for i, raw in enumerate(raws):
        got, want = warm.process(i, raw), plain.process(i, raw)
        assert got.record == want.record
        assert got.cache == {"normalize": "hit", "strip": "hit", "ner": "hit", "dates": "hit", "events": "miss"}
    assert warm.built == ["events"]  # normalize, strip, ner, dates never built: no model loaded
    again = Pipeline(changed, path)
    assert again.process(0, raws[0]).record == plain.process(0, raws[0]).record
    assert again.built == []


def test_keys_chain_through_the_stages():
    raw = _raws()[0]
    names = ["normalize", "strip", "ner", "dates", "events"]
    base = stage_hashes(load_config())
    k1 = stage_keys(raw, names, base)
    ner_changed = dict(base, ner="x")
    k2 = stage_keys(raw, names, ner_changed)
    assert k1[:2] == k2[:2] and all(a != b for a, b in zip(k1[2:], k2[2:]))
    moved = raw.model_copy(update={"doc_id": "elsewhere", "source_path": "/other/place.txt"})
    assert stage_keys(moved, names, base) == k1  # content, not location
    edited = raw.model_copy(update={"text": raw.text + "。"})
    assert stage_keys(edited, names, base)[0] != k1[0]


def test_restore_round_trips_a_processed_document():
    raw = _raws()[2]
    cfg = load_config(None, ['run.stages=["normalize", "strip"]'])
    pipe = Pipeline(cfg)
    from pipeline.document import Document

    doc = Document.from_raw(raw)
    for i in range(2):
        doc = pipe._stage(i)(doc)
    fields = doc_values(doc)
    back = restore(raw, fields)
    assert doc_values(back) == fields
    # restored from the fields the stages changed only (as the cache stores them), with their values
    base = doc_values(Document.from_raw(raw))
    changed = changed_fields(base, doc_values(doc))
    assert set(changed) < set(fields) and all(fields[k] == v for k, v in changed.items())
    again = restore(raw, changed)
    assert doc_values(again) == fields
    assert back.source_map.to_source(len(back.text)) == doc.source_map.to_source(len(doc.text))


@pytest.mark.parametrize("kind", ["garbage", "foreign", "newer"])
def test_corrupt_foreign_or_newer_cache_is_rebuilt(tmp_path, kind):
    path = tmp_path / "c.sqlite"
    if kind == "garbage":
        path.write_bytes(b"SQLite format 3\0" + b"\x13" * 5000)
    elif kind == "foreign":
        con = sqlite3.connect(path)
        con.execute("CREATE TABLE entries (key TEXT, stage TEXT, created REAL, data BLOB)")
        con.execute("CREATE TABLE users (name TEXT)")
        con.commit()
        con.close()
    else:
        StageCache(path).close()
        con = sqlite3.connect(path)
        con.execute("UPDATE meta SET v = ? WHERE k = 'format'", (str(FORMAT + 1),))
        con.commit()
        con.close()
    cache = StageCache(path)
    assert cache.rebuilt and "rebuilt" in cache.rebuilt
    assert list(tmp_path.glob("c.sqlite.bad-*"))
    cache.put_many([("k", "strip", {"title": "x"})])
    assert cache.get_many(["k"]) == {"k": {"title": "x"}}
    cache.close()
    assert StageCache(path).rebuilt is None


def test_damaged_entry_is_a_miss_and_is_deleted(tmp_path):
    cache = StageCache(tmp_path / "c.sqlite")
    cache.put_many([("good", "strip", {"title": "t"})])
    cache.conn.execute("INSERT INTO entries VALUES ('bad', 'strip', 0, ?)", (b"not zlib",))
    cache.conn.execute("INSERT INTO entries VALUES ('list', 'strip', 0, ?)", (zlib.compress(b"[1, 2]"),))
    cache.conn.execute("INSERT INTO entries VALUES ('alien', 'strip', 0, ?)", (zlib.compress(b'{"nope": 1}'),))
    assert set(cache.get_many(["good", "bad", "list", "alien"])) == {"good"}
    assert cache.conn.execute("SELECT COUNT(*) FROM entries").fetchone()[0] == 1


def test_cli_cache_hits_in_manifest_and_cache_commands(tmp_path):
    out = tmp_path / "out"
    fast = ["--set", 'run.stages=["normalize", "strip"]', "--workers", "1", "-q"]
    assert run_cli("run", str(SEEDS), "--out", str(out), *fast).returncode == 0
    rules = tmp_path / "features.toml"  # the same strip rules with one comment more: a changed rule file
    rules.write_text((REPO / "configs" / "strip" / "features.toml").read_text(encoding="utf-8") + "\n# edited\n", encoding="utf-8")
    proc = run_cli("run", str(SEEDS), "--out", str(out), "--resume", "--set", f"strip.features={rules}", *fast)
    assert proc.returncode == 0, proc.stderr
    m = json.loads((out / "manifest.json").read_text(encoding="utf-8"))
    assert m["cache"]["stages"] == {"normalize": {"hit": 5, "miss": 0}, "strip": {"hit": 0, "miss": 5}}
    stats = run_cli("cache", "stats", str(out))
    assert stats.returncode == 0, stats.stderr
    data = json.loads(stats.stdout)
    assert data["stages"]["normalize"]["entries"] == 5 and data["stages"]["strip"]["entries"] >= 5
    shared = tmp_path / "shared.sqlite"
    assert run_cli("run", str(SEEDS), "--out", str(tmp_path / "o2"), "--cache", str(shared), *fast).returncode == 0
    assert shared.exists() and not (tmp_path / "o2" / "cache.sqlite").exists()
    assert run_cli("run", str(SEEDS), "--out", str(tmp_path / "o3"), "--no-cache", *fast).returncode == 0
    assert not (tmp_path / "o3" / "cache.sqlite").exists()
    m3 = json.loads((tmp_path / "o3" / "manifest.json").read_text(encoding="utf-8"))
    assert m3["cache"] == {"enabled": False}
    cleared = run_cli("cache", "clear", str(shared))
    assert cleared.returncode == 0 and "10 entries deleted" in cleared.stdout
    assert run_cli("cache", "stats", str(tmp_path / "nothing")).returncode == 2


def test_every_stage_writes_only_the_fields_it_declares():
    """The cache stores only the declared fields of a stage: one that wrote another field would lose it on a
    re-run from the cache. Checked on varied inputs (seeds, team sets in Traditional script and English, whole
    HTML pages)."""
    from pipeline.document import Document
    from pipeline.registry import get_stage

    cfg = load_config()
    pipe = Pipeline(cfg)
    paths = sorted(SEEDS.glob("*.txt")) + sorted((REPO / "tests" / "holdout3" / "texts").glob("*"))[:12] \
        + sorted((REPO / "tests" / "html_pages").glob("*.html"))[:4]
    checked = 0
    for p in paths:
        for raw in read_file(InputFile(p, p.stem), cfg.reader, cfg.run):
            doc = Document.from_raw(raw)
            for i, name in enumerate(pipe.names):
                writes = get_stage(name).writes
                assert writes is not None, name
                before = doc_values(doc)
                doc = pipe._stage(i)(doc)
                doc.stages.append(name)
                changed = set(changed_fields(before, doc_values(doc)))
                assert changed <= writes, (p.name, name, changed - writes)
            checked += 1
    assert checked >= 15
