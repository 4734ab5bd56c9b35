"""Install anywhere: packaged resources, the one path resolver, config errors, the exit status, and a wheel
installed outside the checkout that gives the checkout's records."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import tomllib
import zipfile
from pathlib import Path

import pytest

from pipeline import cli
from pipeline.config import DEFAULT_CONFIG, PACKAGE_ROOT, REPO_ROOT, ConfigError, config_hash, load_config, resource_path

PYPROJECT = tomllib.loads((REPO_ROOT / "pyproject.toml").read_text(encoding="utf-8"))
FAST = ['--set', 'run.stages=["normalize"]', "--workers", "0", "-q"]  # builds in a second; the reader is what is tested
ARTICLE = "区长到高新区调研\n4月2日，区长一行走访园区企业，了解项目建设情况。\n"


# ---------------------------------------------------------------- packaging and the resolver


def test_every_python_package_is_listed_and_resource_folders_are_mapped():
    listed = PYPROJECT["tool"]["setuptools"]["packages"]
    found = sorted(".".join(p.relative_to(REPO_ROOT).parts[:-1]) for p in PACKAGE_ROOT.rglob("__init__.py"))
    assert sorted(p for p in listed if p not in ("pipeline.configs", "pipeline.models")) == found
    assert PYPROJECT["tool"]["setuptools"]["package-dir"] == {"pipeline.configs": "configs", "pipeline.models": "models"}


def test_resolver_user_paths_as_given_packaged_paths_found(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    assert resource_path("/etc/rules.toml") == Path("/etc/rules.toml")
    assert resource_path("./mine/rules.toml") == tmp_path / "mine" / "rules.toml"
    assert resource_path("~/r.toml") == Path.home() / "r.toml"
    for rel in ("configs/strip/lines.toml", "pipeline/data/gazetteer_cn.tsv", "models/spacy-msra"):
        assert resource_path(rel).exists(), rel  # from any working directory
    (tmp_path / "local.toml").write_text("", encoding="utf-8")
    assert resource_path("local.toml") == tmp_path / "local.toml"  # not packaged, present here
    assert not resource_path("configs/nope.toml").exists()


def test_no_stage_reads_files_relative_to_the_checkout():
    offenders = []
    for path in PACKAGE_ROOT.rglob("*.py"):
        if path.name in ("config.py", "train.py"):  # config defines the resolver; train writes models in a checkout
            continue
        if "REPO_ROOT" in path.read_text(encoding="utf-8"):
            offenders.append(str(path.relative_to(REPO_ROOT)))
    assert offenders == []


def test_user_config_points_at_its_own_rule_file(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "rules").mkdir()
    (tmp_path / "rules" / "dates.toml").write_bytes(resource_path("configs/dates/rules.toml").read_bytes() + b"\n# mine\n")
    (tmp_path / "my.toml").write_text('[dates]\nrules = "./rules/dates.toml"\n', encoding="utf-8")
    mine = load_config("my.toml")
    assert mine.dates.data_files() == [tmp_path / "rules" / "dates.toml"]
    assert config_hash(mine) != config_hash(load_config(None))
    (tmp_path / "bad.toml").write_text('[dates]\nrules = "./rules/missing.toml"\n', encoding="utf-8")
    with pytest.raises(ConfigError, match="missing.toml"):
        load_config("bad.toml")


def test_missing_or_unreadable_config_is_an_error_never_an_empty_config(tmp_path, monkeypatch, capsys):
    with pytest.raises(ConfigError, match="not found"):
        load_config(tmp_path / "none.toml")
    with pytest.raises(ConfigError, match="not a regular file"):
        load_config(tmp_path)
    (tmp_path / "bin.toml").write_bytes(b"\xff\xfe[run\x00")
    with pytest.raises(ConfigError, match="not valid TOML"):
        load_config(tmp_path / "bin.toml")
    monkeypatch.setattr("pipeline.config.DEFAULT_CONFIG", tmp_path / "gone" / "default.toml")
    with pytest.raises(ConfigError, match="packaged default config not found"):
        load_config(None)
    assert cli.main(["run", str(tmp_path), "--out", str(tmp_path / "o"), "-q"]) == cli.EXIT_USAGE
    assert "default config not found" in capsys.readouterr().err


def test_ner_backend_short_name_is_accepted_on_the_command_line_and_in_files(tmp_path):
    assert load_config(None, ["ner.backend=spacy-msra"]).ner.backend_zh == "spacy-msra"
    assert load_config(None, ["ner.backend=lac"]).ner.backend_zh == "lac"
    (tmp_path / "c.toml").write_text('[ner]\nbackend = "spacy-msra"\n', encoding="utf-8")
    assert load_config(tmp_path / "c.toml").ner.backend_zh == "spacy-msra"
    (tmp_path / "both.toml").write_text('[ner]\nbackend = "spacy-msra"\nbackend_zh = "lac"\n', encoding="utf-8")
    with pytest.raises(ConfigError, match="both"):
        load_config(tmp_path / "both.toml")


# ---------------------------------------------------------------- exit status


def _run(tmp_path, *args) -> int:
    return cli.main(["run", *map(str, args), "--out", str(tmp_path / "out"), *FAST])


def test_exit_1_when_every_document_failed(tmp_path):
    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "empty.txt").write_bytes(b"")
    (tmp_path / "in" / "binary.txt").write_bytes(bytes(range(256)) * 4)
    assert _run(tmp_path, tmp_path / "in") == cli.EXIT_FAILED
    errors = (tmp_path / "out" / "errors.jsonl").read_text(encoding="utf-8").splitlines()
    assert len(errors) == 2


def test_exit_1_when_no_input_document_is_found(tmp_path):
    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "image.png").write_bytes(b"\x89PNG")
    assert _run(tmp_path, tmp_path / "in") == cli.EXIT_FAILED


def test_max_error_rate(tmp_path):
    (tmp_path / "in").mkdir()
    for i in range(3):
        (tmp_path / "in" / f"ok{i}.txt").write_text(ARTICLE, encoding="utf-8")
    (tmp_path / "in" / "bad.txt").write_bytes(b"")
    assert _run(tmp_path, tmp_path / "in") == cli.EXIT_OK  # some failed, none is asked for
    args = ["run", str(tmp_path / "in"), *FAST]
    assert cli.main([*args, "--out", str(tmp_path / "o2"), "--max-error-rate", "0.3"]) == cli.EXIT_OK  # 25 %
    assert cli.main([*args, "--out", str(tmp_path / "o3"), "--max-error-rate", "0.2"]) == cli.EXIT_FAILED
    with pytest.raises(SystemExit):
        cli.main([*args, "--out", str(tmp_path / "o4"), "--max-error-rate", "1.5"])


def test_exit_1_when_the_stages_cannot_be_built(tmp_path, capsys):
    (tmp_path / "a.txt").write_text(ARTICLE, encoding="utf-8")
    code = cli.main(["run", str(tmp_path / "a.txt"), "--out", str(tmp_path / "out"), "--workers", "0", "-q",
                     "--set", 'run.stages=["normalize", "strip", "ner"]', "--set", "ner.backend=spacy-msra",
                     "--set", f"ner.model={tmp_path / 'no-model'}"])
    assert code == cli.EXIT_FAILED
    assert "no trained spaCy model" in capsys.readouterr().err


# ---------------------------------------------------------------- the wheel, outside the checkout


def _records(path: Path) -> list[dict]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]


@pytest.mark.slow
def test_wheel_installed_elsewhere_gives_the_checkouts_records(tmp_path):
    """Build the wheel, unpack it into a folder of its own (dependencies from this environment), run the
    seeds from another working directory, compare with the checkout's records. No field needs normalizing:
    both runs get the same absolute input path, so `source.path` agrees too."""
    dist = tmp_path / "dist"
    build = subprocess.run([sys.executable, "-m", "pip", "wheel", "--no-deps", "-q", "-w", str(dist), str(REPO_ROOT)],
                           capture_output=True, text=True, timeout=600)
    if build.returncode != 0 and "No matching distribution" in build.stderr:
        pytest.skip("the build backend cannot be fetched here")
    assert build.returncode == 0, build.stderr[-2000:]
    (wheel,) = dist.glob("zh_events-*.whl")
    names = zipfile.ZipFile(wheel).namelist()
    for must in ("pipeline/configs/default.toml", "pipeline/configs/strip/lines.toml", "pipeline/data/gazetteer_cn.tsv",
                 "pipeline/models/spacy-msra/config.cfg"):
        assert must in names
    site = tmp_path / "site"
    zipfile.ZipFile(wheel).extractall(site)
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    seeds = str(REPO_ROOT / "seeds")
    env = {**os.environ, "PYTHONPATH": str(site), "PYTHONSAFEPATH": "1"}
    code = ("import sys, pipeline; assert pipeline.__file__.startswith(sys.argv[1]), pipeline.__file__; "
            "from pipeline.cli import main; sys.exit(main(sys.argv[2:]))")
    installed = subprocess.run([sys.executable, "-c", code, str(site), "run", seeds, "--out", "out", "--workers", "0", "-q"],
                               cwd=elsewhere, env=env, capture_output=True, text=True, timeout=600)
    assert installed.returncode == 0, installed.stderr[-2000:]
    checkout = tmp_path / "checkout"
    assert cli.main(["run", seeds, "--out", str(checkout), "--workers", "0", "-q"]) == cli.EXIT_OK
    assert _records(elsewhere / "out" / "records.jsonl") == _records(checkout / "records.jsonl")
    assert (elsewhere / "out" / "records.jsonl").read_bytes() == (checkout / "records.jsonl").read_bytes()


def test_default_config_is_the_packaged_file():
    assert DEFAULT_CONFIG == resource_path("configs/default.toml") and DEFAULT_CONFIG.is_file()
