"""End-to-end runs through the CLI: bad inputs, crash and resume, determinism, exit codes."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from conftest import REPO, SEEDS, run_cli
from pipeline.record import check_offsets
from pipeline.schema import ErrorRecord, EventRecord, RunManifest


def _lines(path: Path) -> list[dict]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]


@pytest.fixture(scope="module")
def seeds_run(tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("seeds_run")
    proc = run_cli("run", str(SEEDS), "--out", str(out), "--workers", "2", "--quiet")
    assert proc.returncode == 0, proc.stderr
    return out


def test_seed_records_validate_and_offsets_hold(seeds_run):
    records = _lines(seeds_run / "records.jsonl")
    assert [r["doc_id"] for r in records] == sorted(p.stem for p in SEEDS.glob("*.txt"))
    for raw in records:
        rec = EventRecord.model_validate(raw)
        assert check_offsets(rec) == []
        assert rec.stages == ["normalize", "strip", "ner", "dates", "events"]
        assert len(rec.lines) == len((SEEDS / f"{rec.doc_id}.txt").read_text(encoding="utf-8").split("\n"))
    assert (seeds_run / "errors.jsonl").read_text() == ""
    manifest = RunManifest.model_validate_json((seeds_run / "manifest.json").read_text(encoding="utf-8"))
    assert manifest.status == "finished"
    assert (manifest.documents_seen, manifest.records_written, manifest.errors) == (5, 5, 0)
    assert set(manifest.stage_seconds) == {"normalize", "strip", "ner", "dates", "events"}


def test_records_are_readable_utf8_json(seeds_run):
    first = (seeds_run / "records.jsonl").read_text(encoding="utf-8").splitlines()[0]
    assert "\\u" not in first and "曹路" in first


def test_two_runs_are_byte_identical(seeds_run, tmp_path):
    proc = run_cli("run", str(SEEDS), "--out", str(tmp_path), "--workers", "1", "--quiet")
    assert proc.returncode == 0, proc.stderr
    assert (tmp_path / "records.jsonl").read_bytes() == (seeds_run / "records.jsonl").read_bytes()


def _bad_corpus(root: Path) -> None:
    seed = (SEEDS / "004_b2aa8bcd635f08d0.txt").read_text(encoding="utf-8")
    (root / "binary.txt").write_bytes(bytes(range(256)) * 40)
    (root / "empty.txt").write_bytes(b"")
    (root / "blank.txt").write_text("  \n\t\u3000\n  ", encoding="utf-8")
    data = seed.encode("utf-8")
    (root / "broken_utf8.txt").write_bytes(data[:400] + b"\xff\xfe\x80" + data[400:])
    (root / "rows.jsonl").write_text(
        json.dumps({"id": 1, "text": seed}, ensure_ascii=False) + "\n"
        + '{"id": 2, "text": "截断\n'
        + json.dumps({"id": 3, "content": "没有 text 字段"}, ensure_ascii=False) + "\n",
        encoding="utf-8",
    )
    with open(root / "huge.txt", "wb") as f:
        f.truncate(50 * 1024 * 1024)
        f.seek(0)
        f.write("市长调研。".encode("utf-8"))
    (root / "one_long_line.txt").write_text("市长调研纺织企业" * 500_000, encoding="utf-8")
    spaced = root / "空格 目录"
    spaced.mkdir()
    (spaced / "市长 调研.txt").write_text(seed, encoding="utf-8")
    (spaced / "loop").symlink_to(root, target_is_directory=True)
    locked = root / "unreadable.txt"
    if os.geteuid() == 0:
        # root reads mode-000 files; process memory at offset 0 is unreadable for everyone (EIO)
        locked.symlink_to("/proc/self/mem")
    else:
        locked.write_text(seed, encoding="utf-8")
        locked.chmod(0)


def test_bad_input_corpus(tmp_path):
    corpus, out = tmp_path / "corpus", tmp_path / "out"
    corpus.mkdir()
    _bad_corpus(corpus)
    proc = run_cli("run", str(corpus), "--out", str(out), "--workers", "1", "--quiet")
    assert proc.returncode == 0, proc.stderr
    records = {r["doc_id"]: r for r in _lines(out / "records.jsonl")}
    errors = [ErrorRecord.model_validate(e) for e in _lines(out / "errors.jsonl")]
    by_type = {(e.doc_id, e.stage, e.error_type) for e in errors}
    assert set(records) == {"broken_utf8", "rows:1", "空格 目录/市长 调研"}
    assert records["broken_utf8"]["source"]["encoding"] == "utf-8-replace"
    assert any("undecodable" in w for w in records["broken_utf8"]["warnings"])
    assert ("binary", "read", "BinaryInput") in by_type
    assert ("empty", "read", "EmptyDocument") in by_type
    assert ("blank", "read", "EmptyDocument") in by_type
    assert ("rows:2", "read", "JSONDecodeError") in by_type
    assert ("rows:3", "read", "MissingTextField") in by_type
    assert ("huge", "read", "FileTooLarge") in by_type
    assert ("one_long_line", "limits", "LimitExceeded") in by_type
    assert ("unreadable", "read", "OSError" if os.geteuid() == 0 else "PermissionError") in by_type
    assert any(e.error_type == "SymlinkLoop" and e.stage == "read" for e in errors)
    manifest = json.loads((out / "manifest.json").read_text(encoding="utf-8"))
    assert manifest["records_written"] == 3
    assert manifest["errors"] == len(errors) == 9
    assert manifest["errors_by_stage"] == {"limits": 1, "read": 8}


def test_per_document_time_limit_makes_error_records(tmp_path):
    proc = run_cli("run", str(SEEDS / "000_c8702dae49ef8be3.txt"), "--out", str(tmp_path), "--workers", "1",
                   "--quiet", "--set", "run.doc_timeout_s=0.001")
    assert proc.returncode == 1, proc.stderr  # the only document failed: the exit status says so (issue 12)
    [err] = _lines(tmp_path / "errors.jsonl")
    assert err["error_type"] == "Timeout" and err["stage"] in ("limits", "normalize", "strip", "ner", "dates", "events")
    assert (tmp_path / "records.jsonl").read_text() == ""


def _corpus_of_copies(root: Path, n: int) -> list[str]:
    ids = []
    seeds = sorted(SEEDS.glob("*.txt"))
    for i in range(n):
        src = seeds[i % len(seeds)]
        name = f"doc{i:03d}"
        text = src.read_text(encoding="utf-8") + f"\n第{i}号。"
        (root / f"{name}.txt").write_text(text, encoding="utf-8")
        ids.append(name)
    return ids


def test_sigkill_then_resume_gives_exactly_one_record_per_input(tmp_path):
    corpus, out = tmp_path / "in", tmp_path / "out"
    corpus.mkdir()
    ids = _corpus_of_copies(corpus, 30)
    env = dict(os.environ, PYTHONPATH=str(REPO))
    proc = subprocess.Popen([sys.executable, "-m", "pipeline.cli", "run", str(corpus), "--out", str(out),
                             "--workers", "1", "--quiet"], cwd=REPO, env=env, start_new_session=True,
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    records = out / "records.jsonl"
    deadline = time.time() + 120
    while time.time() < deadline:
        if records.exists() and records.read_bytes().count(b"\n") >= 5:
            break
        time.sleep(0.05)
    os.killpg(proc.pid, signal.SIGKILL)
    proc.wait()
    done_before = records.read_bytes().count(b"\n")
    assert 5 <= done_before < 30
    with open(records, "ab") as f:  # a line cut short by the crash
        f.write(b'{"doc_id":"doc0')
    resumed = run_cli("run", str(corpus), "--out", str(out), "--workers", "2", "--resume", "--quiet")
    assert resumed.returncode == 0, resumed.stderr
    lines = records.read_text(encoding="utf-8").splitlines()
    parsed = [json.loads(line) for line in lines]
    assert [r["doc_id"] for r in parsed] == ids
    manifest = json.loads((out / "manifest.json").read_text(encoding="utf-8"))
    assert manifest["records_skipped_resume"] >= done_before - 1
    assert manifest["records_skipped_resume"] + manifest["records_written"] == 30


def test_resume_reprocesses_changed_documents_only(tmp_path):
    corpus, out = tmp_path / "in", tmp_path / "out"
    corpus.mkdir()
    _corpus_of_copies(corpus, 4)
    assert run_cli("run", str(corpus), "--out", str(out), "--workers", "0", "--quiet").returncode == 0
    (corpus / "doc002.txt").write_text("县委书记走访企业，了解生产经营情况。", encoding="utf-8")
    assert run_cli("run", str(corpus), "--out", str(out), "--workers", "0", "--quiet", "--resume").returncode == 0
    manifest = json.loads((out / "manifest.json").read_text(encoding="utf-8"))
    assert (manifest["records_skipped_resume"], manifest["records_written"]) == (3, 1)
    recs = _lines(out / "records.jsonl")
    assert [r["doc_id"] for r in recs] == ["doc000", "doc001", "doc002", "doc003"]
    assert recs[2]["text"].startswith("县委书记")


@pytest.mark.parametrize(
    "args,message",
    [
        (["--set", "run.workers=-1"], "run.workers"),
        (["--set", "normalise.profile=t2s"], "normalise"),
        (["--set", "run.stages=[\"normalize\", \"nosuchstage\"]"], "nosuchstage"),
        (["--config", "/nonexistent/config.toml"], "not found"),
    ],
)
def test_bad_config_exits_2_with_a_clear_message(tmp_path, args, message):
    proc = run_cli("run", str(SEEDS), "--out", str(tmp_path / "o"), *args)
    assert proc.returncode == 2
    assert message in proc.stderr


def test_unwritable_output_folder_exits_2(tmp_path):
    blocker = tmp_path / "file"
    blocker.write_text("x")
    proc = run_cli("run", str(SEEDS), "--out", str(blocker / "out"))
    assert proc.returncode == 2
    assert "not writable" in proc.stderr


def test_help_texts_end_with_examples():
    for args in (["--help"], ["run", "--help"], ["schema", "--help"], ["config", "--help"], ["train-ner", "--help"]):
        proc = run_cli(*args)
        assert proc.returncode == 0
        assert "example" in proc.stdout and "zh-events " in proc.stdout.split("example")[-1]


def test_schema_command_prints_event_record_schema():
    proc = run_cli("schema")
    schema = json.loads(proc.stdout)
    assert schema["title"] == "EventRecord"
    for field in ("doc_id", "language", "lines", "entities", "event", "text", "config_hash"):
        assert field in schema["properties"]


def test_hung_worker_is_killed_and_replaced_and_crashes_become_errors(tmp_path):
    corpus, out = tmp_path / "in", tmp_path / "out"
    corpus.mkdir()
    for i in range(7):
        (corpus / f"n{i}.txt").write_text(f"县长走访企业{i}。", encoding="utf-8")
    (corpus / "n1.txt").write_text("这篇会卡死。", encoding="utf-8")
    (corpus / "n2.txt").write_text("这篇会回溯。", encoding="utf-8")
    (corpus / "n4.txt").write_text("这篇会崩溃。", encoding="utf-8")
    plugin = REPO / "tests" / "plugins" / "pathological.py"
    proc = run_cli("run", str(corpus), "--out", str(out), "--workers", "2", "--quiet",
                   "--set", f'run.plugins=["{plugin}"]', "--set", 'run.stages=["backtrack", "hang", "crash"]',
                   "--set", "run.doc_timeout_s=1")
    assert proc.returncode == 0, proc.stderr
    assert [r["doc_id"] for r in _lines(out / "records.jsonl")] == ["n0", "n3", "n5", "n6"]
    errors = {e["doc_id"]: e for e in _lines(out / "errors.jsonl")}
    assert errors["n1"]["stage"] == "hang" and errors["n1"]["error_type"] == "Timeout"
    assert "killed and replaced" in errors["n1"]["message"]
    assert errors["n2"]["stage"] == "backtrack" and errors["n2"]["error_type"] == "Timeout"
    assert errors["n4"]["stage"] == "crash" and errors["n4"]["error_type"] == "ValueError"
