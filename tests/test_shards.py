"""Record shards (`shards/part-*.jsonl`): read in name order they are `records.jsonl`; where they are not
(stale, missing, an extra record), the writer writes them again from it."""

from __future__ import annotations

import json

from pipeline.writer import RunWriter, shard_name, write_shard


def _records(n: int) -> list[dict]:
    return [{"doc_id": f"d{i}", "source": {"path": f"d{i}.txt", "sha256": str(i)}, "text": f"县长到第{i}家企业走访。"}
            for i in range(n)]


def _shard_bytes(out) -> bytes:
    return b"".join(p.read_bytes() for p in sorted((out / "shards").glob("part-*.jsonl")))


def test_matching_shards_are_kept_as_written(tmp_path):
    w = RunWriter(tmp_path / "out")
    recs = _records(5)
    for r in recs:
        w.write_record(r)
    w.close()
    lines = [json.dumps(r, ensure_ascii=False, separators=(",", ":")) for r in recs]
    assert write_shard(w.shards_dir, shard_name(3), lines[3:]) and write_shard(w.shards_dir, shard_name(0), lines[:3])
    info = w.finish_shards()
    assert info == {"folder": "shards", "files": 2, "records": 5, "written_by": "actors"}
    assert _shard_bytes(tmp_path / "out") == (tmp_path / "out" / "records.jsonl").read_bytes()


def test_stale_or_missing_shards_are_rebuilt_from_records(tmp_path):
    w = RunWriter(tmp_path / "out")
    for r in _records(7):
        w.write_record(r)
    w.close()
    write_shard(w.shards_dir, shard_name(0), ['{"doc_id":"old"}'])  # a shard of some earlier run
    info = w.finish_shards(size=3)
    assert info == {"folder": "shards", "files": 3, "records": 7, "written_by": "writer"}
    assert _shard_bytes(tmp_path / "out") == (tmp_path / "out" / "records.jsonl").read_bytes()
    assert [p.name for p in sorted(w.shards_dir.iterdir())] == [shard_name(0), shard_name(3), shard_name(6)]


def test_overwrite_removes_old_shards_and_an_unwritable_folder_is_reported(tmp_path):
    w = RunWriter(tmp_path / "out")
    w.write_record(_records(1)[0])
    w.close()
    w.finish_shards()
    assert w.shard_files()
    w2 = RunWriter(tmp_path / "out", overwrite=True)
    assert w2.shard_files() == []
    (tmp_path / "file").write_text("x")
    assert not write_shard(tmp_path / "file" / "shards", shard_name(0), ["{}"])  # a file where the folder should be
