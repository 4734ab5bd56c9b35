"""The Ray Data executor gives the same records and errors as the local executor (a local Ray)."""

from __future__ import annotations

import json
import shutil

import pytest

from conftest import SEEDS, run_cli

pytest.importorskip("ray.data", reason="Ray Data is not installed (pip install 'zh-events[ray]'); Ray executor not tested")


def _by_id(path):
    return {json.loads(x)["doc_id"]: x for x in path.read_text(encoding="utf-8").splitlines()}


def test_ray_executor_gives_the_local_records(tmp_path):
    corpus = tmp_path / "in"
    shutil.copytree(SEEDS, corpus)
    (corpus / "rows.jsonl").write_text('{"id": 1, "text": "4月2日，县长到园区走访企业。"}\n{"text": ""}\n', encoding="utf-8")
    (corpus / "empty.txt").write_bytes(b"")
    local, ray_out = tmp_path / "local", tmp_path / "ray"
    proc = run_cli("run", str(corpus), "--out", str(local), "--workers", "2", "-q")
    assert proc.returncode == 0, proc.stderr
    proc = run_cli("run", str(corpus), "--out", str(ray_out), "--workers", "2", "-q", "--executor", "ray", timeout=600)
    assert proc.returncode == 0, proc.stderr
    got, want = _by_id(ray_out / "records.jsonl"), _by_id(local / "records.jsonl")
    assert len(want) == 6 and got == want
    assert (ray_out / "records.jsonl").read_bytes() == (local / "records.jsonl").read_bytes()  # input order too
    assert (ray_out / "errors.jsonl").read_bytes() == (local / "errors.jsonl").read_bytes()
    m = json.loads((ray_out / "manifest.json").read_text(encoding="utf-8"))
    assert m["executor"] == "ray" and m["status"] == "finished" and m["errors"] == 2
    # the actors wrote the records as shards: read in name order, they are records.jsonl
    shards = sorted((ray_out / "shards").glob("part-*.jsonl"))
    assert len(shards) >= 2 and b"".join(p.read_bytes() for p in shards) == (ray_out / "records.jsonl").read_bytes()
    assert m["shards"] == {"folder": "shards", "files": len(shards), "records": 6, "written_by": "actors"}
    assert not (local / "shards").exists() and json.loads((local / "manifest.json").read_text())["shards"] == {}
