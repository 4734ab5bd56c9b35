"""Output that is never lost or mixed: used folders, resume keys, errors and manifest across resumes,
SIGKILL at random points, a full disk, and the progress line."""

from __future__ import annotations

import errno
import json
import os
import random
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from conftest import REPO, SEEDS, run_cli
from pipeline.schema import RunManifest

FAST = ["--set", 'run.stages=["normalize", "strip"]']


def _corpus(root: Path, n: int, bad: bool = True) -> None:
    """n articles made from the seeds (each one different), plus inputs that fail."""
    root.mkdir(parents=True, exist_ok=True)
    seeds = [p.read_text(encoding="utf-8") for p in sorted(SEEDS.glob("*.txt"))]
    for i in range(n):
        (root / f"a{i:04d}.txt").write_text(seeds[i % len(seeds)] + f"\n编号{i}。\n", encoding="utf-8")
    if bad:
        (root / "a0003x.txt").write_bytes(b"")
        (root / "a0007x.txt").write_bytes(bytes(range(256)) * 8)
        (root / "rows.jsonl").write_text('{"text": "区长到企业走访调研。"}\n{"text": \n{"id": 3}\n', encoding="utf-8")


def _popen(*args: str) -> subprocess.Popen:
    env = dict(os.environ, PYTHONPATH=str(REPO))
    return subprocess.Popen([sys.executable, "-m", "pipeline.cli", *args], cwd=REPO, env=env, start_new_session=True,
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)


def _manifest(out: Path) -> dict:
    return json.loads((out / "manifest.json").read_text(encoding="utf-8"))


def test_used_output_folder_is_refused_without_resume_or_overwrite(tmp_path):
    corpus, out = tmp_path / "in", tmp_path / "out"
    _corpus(corpus, 3, bad=False)
    assert run_cli("run", str(corpus), "--out", str(out), "--workers", "0", "-q", *FAST).returncode == 0
    before = (out / "records.jsonl").read_bytes()
    (corpus / "a0001.txt").write_text("县长到园区调研。", encoding="utf-8")
    proc = run_cli("run", str(corpus), "--out", str(out), "--workers", "0", "-q", *FAST)
    assert proc.returncode == 2
    assert "already holds a run" in proc.stderr and "--resume" in proc.stderr and "--overwrite" in proc.stderr
    assert (out / "records.jsonl").read_bytes() == before
    proc = run_cli("run", str(corpus), "--out", str(out), "--workers", "0", "-q", "--overwrite", *FAST)
    assert proc.returncode == 0, proc.stderr
    recs = [json.loads(x) for x in (out / "records.jsonl").read_text(encoding="utf-8").splitlines()]
    assert [r["doc_id"] for r in recs] == ["a0000", "a0001", "a0002"] and recs[1]["text"] == "县长到园区调研。"
    assert run_cli("run", str(corpus), "--out", str(out), "--resume", "--overwrite", *FAST).returncode == 2


def test_errors_and_manifest_survive_a_resume(tmp_path):
    corpus, out = tmp_path / "in", tmp_path / "out"
    _corpus(corpus, 4)
    assert run_cli("run", str(corpus), "--out", str(out), "--workers", "0", "-q", *FAST).returncode == 0
    errors_before = (out / "errors.jsonl").read_bytes()
    assert errors_before.count(b"\n") == 4
    first = _manifest(out)
    assert run_cli("run", str(corpus), "--out", str(out), "--workers", "0", "-q", "--resume", *FAST).returncode == 0
    assert (out / "errors.jsonl").read_bytes() == errors_before
    second = _manifest(out)
    assert second["records_skipped_resume"] == 5 and second["records_written"] == 0
    assert second["errors"] == 4
    [prev] = second["previous_runs"]
    assert prev["started_at"] == first["started_at"] and prev["records_written"] == 5 and prev["status"] == "finished"
    # A failed input that is fixed gets its record, and its error goes.
    (corpus / "a0003x.txt").write_text("市长走访企业。", encoding="utf-8")
    assert run_cli("run", str(corpus), "--out", str(out), "--workers", "0", "-q", "--resume", *FAST).returncode == 0
    errs = [json.loads(x) for x in (out / "errors.jsonl").read_text(encoding="utf-8").splitlines()]
    assert "a0003x" not in {e["doc_id"] for e in errs} and len(errs) == 3
    assert len(_manifest(out)["previous_runs"]) == 2


def test_resume_key_includes_the_code_fingerprint(tmp_path, monkeypatch):
    from pipeline import cache as cache_mod
    from pipeline.config import load_config
    from pipeline.runner import Runner

    corpus, out = tmp_path / "in", tmp_path / "out"
    _corpus(corpus, 3, bad=False)
    cfg = load_config(None, ['run.stages=["normalize", "strip"]'])
    m1 = Runner(cfg, out, workers=0, progress=False).run([str(corpus)])
    assert m1.records_written == 3 and m1.code_fingerprint
    m2 = Runner(cfg, out, workers=0, resume=True, progress=False).run([str(corpus)])
    assert (m2.records_skipped_resume, m2.records_written) == (3, 0)
    monkeypatch.setattr(cache_mod, "code_fingerprint", lambda: "0123456789abcdef")
    m3 = Runner(cfg, out, workers=0, resume=True, progress=False).run([str(corpus)])
    assert (m3.records_skipped_resume, m3.records_written) == (0, 3)
    assert m3.record_key != m2.record_key
    assert len((out / "records.jsonl").read_text(encoding="utf-8").splitlines()) == 3


def test_sigkill_at_random_points_then_resume_is_byte_identical(tmp_path):
    corpus = tmp_path / "in"
    _corpus(corpus, 80)
    ref, out = tmp_path / "ref", tmp_path / "out"
    proc = run_cli("run", str(corpus), "--out", str(ref), "--workers", "2", "-q", *FAST)
    assert proc.returncode == 0, proc.stderr
    seed = int(os.environ.get("ZH_EVENTS_KILL_SEED", random.randrange(1 << 30)))
    rng = random.Random(seed)
    kills = 0
    for attempt in range(4):
        args = ["run", str(corpus), "--out", str(out), "--workers", str(rng.choice([1, 2])), "-q", *FAST]
        if (out / "manifest.json").exists():
            args.append("--resume")
        p = _popen(*args)
        time.sleep(rng.uniform(0.5, 6.0))
        if p.poll() is None:
            os.killpg(p.pid, signal.SIGKILL)
            kills += 1
        p.wait()
        if rng.random() < 0.5 and (out / "records.jsonl").exists():  # a torn line, as a crash mid-write leaves
            with open(out / "records.jsonl", "ab") as f:
                f.write(b'{"doc_id":"a00')
    final = run_cli("run", str(corpus), "--out", str(out), "--workers", "2", "-q", "--resume", *FAST)
    assert final.returncode == 0, final.stderr
    msg = f"kill seed {seed} ({kills} kills)"
    assert (out / "records.jsonl").read_bytes() == (ref / "records.jsonl").read_bytes(), msg
    assert (out / "errors.jsonl").read_bytes() == (ref / "errors.jsonl").read_bytes(), msg
    m = _manifest(out)
    assert m["status"] == "finished" and m["records_written"] + m["records_skipped_resume"] == 81, msg
    from pipeline.cache import StageCache

    c = StageCache(out / "cache.sqlite", check=True)  # the cache survived the kills
    assert c.rebuilt is None
    c.close()


def _mount_tmpfs(path: Path, size: str) -> bool:
    path.mkdir(parents=True, exist_ok=True)
    try:
        r = subprocess.run(["mount", "-t", "tmpfs", "-o", f"size={size}", "tmpfs", str(path)], capture_output=True, timeout=30)
    except (OSError, subprocess.TimeoutExpired):
        return False
    return r.returncode == 0


def test_full_disk_ends_with_one_message_and_resume_continues(tmp_path):
    corpus, ref = tmp_path / "in", tmp_path / "ref"
    _corpus(corpus, 60)
    assert run_cli("run", str(corpus), "--out", str(ref), "--workers", "1", "-q", *FAST).returncode == 0
    total = (ref / "records.jsonl").stat().st_size
    assert total > 600_000
    disk = tmp_path / "disk"
    if not _mount_tmpfs(disk, "1600k"):
        pytest.skip("cannot mount a tmpfs here (needs root and mount permission); full-disk test not run")
    try:
        out = disk / "out"
        proc = run_cli("run", str(corpus), "--out", str(out), "--workers", "1", *FAST)
        assert proc.returncode == 1
        assert "Traceback" not in proc.stderr
        assert "no space left" in proc.stderr and "--resume" in proc.stderr
        m = _manifest(out)
        assert m["status"] == "failed" and "no space left" in m["error"]
        data = (out / "records.jsonl").read_bytes()
        assert data == b"" or data.endswith(b"\n")  # no torn line
        assert data == (ref / "records.jsonl").read_bytes()[: len(data)]
        subprocess.run(["mount", "-o", "remount,size=64m", str(disk)], check=True)
        proc = run_cli("run", str(corpus), "--out", str(out), "--workers", "1", "-q", "--resume", *FAST)
        assert proc.returncode == 0, proc.stderr
        assert (out / "records.jsonl").read_bytes() == (ref / "records.jsonl").read_bytes()
        assert (out / "errors.jsonl").read_bytes() == (ref / "errors.jsonl").read_bytes()
        m = _manifest(out)
        assert m["status"] == "finished" and m["previous_runs"][-1]["status"] == "failed"
    finally:
        subprocess.run(["umount", "-l", str(disk)], capture_output=True)


def test_a_failed_write_leaves_no_torn_line(tmp_path, monkeypatch):
    from pipeline import writer as writer_mod

    w = writer_mod.RunWriter(tmp_path / "out")
    w.write_error({"doc_id": "x", "message": "一"})
    real_write = os.write
    calls = {"n": 0}

    def short_then_full(fd, data):
        calls["n"] += 1
        if calls["n"] == 1:
            return real_write(fd, bytes(data[:5]))
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(writer_mod.os, "write", short_then_full)
    with pytest.raises(writer_mod.WriteFailed, match="no space left"):
        w.write_error({"doc_id": "y", "message": "二" * 100})
    monkeypatch.setattr(writer_mod.os, "write", real_write)
    w.close()
    assert (tmp_path / "out" / "errors.jsonl").read_text(encoding="utf-8") == '{"doc_id":"x","message":"一"}\n'


def test_progress_on_stderr_and_silent_with_quiet(tmp_path):
    corpus = tmp_path / "in"
    _corpus(corpus, 3)
    proc = run_cli("run", str(corpus), "--out", str(tmp_path / "o1"), "--workers", "1", *FAST)
    assert proc.returncode == 0, proc.stderr
    assert "6/6" in proc.stderr  # inputs done of the total: 3 articles, 2 bad files, 1 JSONL file
    assert "docs/s" in proc.stderr and "4 errors" in proc.stderr and "ETA" in proc.stderr
    assert proc.stdout == ""
    quiet = run_cli("run", str(corpus), "--out", str(tmp_path / "o2"), "--workers", "1", "-q", *FAST)
    assert quiet.returncode == 0 and quiet.stderr == "" and quiet.stdout == ""
    RunManifest.model_validate_json((tmp_path / "o2" / "manifest.json").read_text(encoding="utf-8"))
