"""Every example in README.md and in `zh-events --help` (and its subcommands' help) is run here, so the
documentation cannot drift from the CLI.

Each example runs in a fresh sandbox folder that holds the inputs the examples name (invented articles:
`scraped/`, `more/`, `batch.jsonl`, a WARC, a zip, a .jsonl.gz; `seeds/`, `benchmarks/` and `tests/` link
to the checkout's; `.venv` links to the running environment). `zh-events run` examples run exactly as
written, followed by `--set run.stages=["normalize"] --workers 0 -q` so that they build in a second
(the full stages run verbatim in the seeds example); the run must exit 0 and write its records.
"""

from __future__ import annotations

import gzip
import io
import json
import os
import re
import shlex
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

from pipeline.cli import build_parser
from pipeline.config import REPO_ROOT

README = REPO_ROOT / "README.md"
VENV = Path(sys.prefix)
FAST = """ --set 'run.stages=["normalize"]' --workers 0 -q"""
FULL = "zh-events run seeds --out outputs/seeds --overwrite"  # the seeds example, run verbatim with every stage
# Examples that are not run here, each with the reason and what covers it instead.
NOT_RUN = {
    "make test": "runs this very suite; .ci/run runs it",
    "pip install .": "installs into the running environment; tests/test_install.py and .ci/run build and install the wheel",
    ".venv/bin/pip install -e '.[export]'": "installs into the running environment; the test extra includes the export extra",
    # how the committed models were made: minutes of training each; tests/test_ner_trained_backends.py trains
    # HanLP and pkuseg on a few sentences and runs the committed models
    "zh-events train-hanlp --max-minutes 13": "trains for 13 minutes",
    "zh-events train-pkuseg": "trains for minutes",
    "zh-events train-ner --config configs/ner/spacy_pkuseg.cfg --output models/spacy-pkuseg-msra --work-dir "
    "build/spacy-pkuseg --max-train-sentences 4000 --dev-sentences 300 --max-minutes 4 --max-steps 100000":
        "trains for 4 minutes and scores 5,000 MSRA test sentences",
}
# Commands that read a finished run folder (outputs/seeds or out/): the seeds are run into both first.
READS_A_RUN = re.compile(r"zh-events (export|review|cache)\b")
ARTICLE = "镇长到农业产业园调研\n6月8日，镇长一行察看大棚蔬菜基地，了解种植和销售情况。\n"


def _joined(lines: list[str]) -> list[str]:
    out, cur = [], ""
    for line in lines:
        cur += line.rstrip("\\").rstrip() + " " if line.rstrip().endswith("\\") else line
        if not line.rstrip().endswith("\\"):
            out.append(" ".join(cur.split()))
            cur = ""
    return [re.sub(r"\s+#\s.*$", "", c) for c in out if c and not c.startswith("#")]


def readme_examples() -> list[str]:
    blocks = re.findall(r"```bash\n(.*?)```", README.read_text(encoding="utf-8"), re.S)
    return [cmd for block in blocks for cmd in _joined(block.splitlines())]


def help_examples() -> list[str]:
    from pipeline.ner.train import _parser as train_parser

    parser = build_parser()
    parsers = [parser, *parser._subparsers._group_actions[0].choices.values(), train_parser()]
    out = []
    for p in parsers:
        in_example = False
        for line in (p.epilog or "").splitlines():
            if line.startswith("example"):
                in_example = True
                continue
            if in_example and line.startswith("  zh-events"):
                out.append(line.strip())
            elif not line.strip():
                in_example = False
    return list(dict.fromkeys(out))


def _warc(path: Path) -> None:
    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    with open(path, "wb") as f:
        w = WARCWriter(f, gzip=True)
        page = f"<html><body><p>{ARTICLE}</p></body></html>".encode("gbk")
        http = StatusAndHeaders("200 OK", [("Content-Type", "text/html; charset=gbk")], protocol="HTTP/1.1")
        w.write_record(w.create_warc_record("http://news.example/zhen", "response", payload=io.BytesIO(page), http_headers=http))


@pytest.fixture
def sandbox(tmp_path: Path) -> Path:
    if not (VENV / "bin" / "zh-events").exists():
        pytest.skip("the zh-events script is not installed in this environment")
    work = tmp_path / "work"
    (work / "scraped" / "sub").mkdir(parents=True)
    (work / "more").mkdir()
    (work / "scraped" / "a.txt").write_text(ARTICLE, encoding="utf-8")
    (work / "scraped" / "sub" / "b.txt").write_text(ARTICLE.replace("镇长", "县长"), encoding="gb18030")
    (work / "scraped" / "c.html").write_text(f"<p>{ARTICLE}</p>", encoding="utf-8")
    (work / "more" / "d.html").write_text(f"<h1>区长调研</h1><p>{ARTICLE}</p>", encoding="utf-8")
    rows = "".join(json.dumps({"id": i, "text": ARTICLE.replace("6月8日", f"6月{i}日")}, ensure_ascii=False) + "\n" for i in range(1, 4))
    (work / "batch.jsonl").write_text(rows, encoding="utf-8")
    (work / "more.jsonl").write_text(rows, encoding="utf-8")
    (work / "dump.jsonl.gz").write_bytes(gzip.compress(rows.encode("utf-8")))
    with zipfile.ZipFile(work / "pages.zip", "w") as zf:
        zf.writestr("p/e.html", f"<p>{ARTICLE}</p>")
    _warc(work / "crawl.warc.gz")
    for name in ("seeds", "benchmarks", "tests"):
        (work / name).symlink_to(REPO_ROOT / name)
    (work / ".venv").symlink_to(VENV)
    if (REPO_ROOT.parent / "shared").exists():
        (tmp_path / "shared").symlink_to(REPO_ROOT.parent / "shared")
    return work


def _shell(cmd: str, cwd: Path, timeout: int = 600) -> subprocess.CompletedProcess:
    env = {**os.environ, "PATH": f"{VENV / 'bin'}{os.pathsep}{os.environ.get('PATH', '')}"}
    return subprocess.run(["bash", "-c", f"set -o pipefail; {cmd}"], cwd=cwd, env=env, capture_output=True, text=True,
                          timeout=timeout, stdin=subprocess.DEVNULL)


def _runnable(example: str) -> str:
    """The example as run: comments dropped, FAST appended to a `zh-events run` (not to the seeds example)."""
    cmd = example
    if cmd == "make run":
        cmd = FULL  # the Makefile's recipe (checked in test_make_run_is_the_seeds_example)
    if re.search(r"zh-events run\b", cmd) and cmd.replace(".venv/bin/", "") != FULL:
        cmd += FAST
    if "zh-events train-ner" in cmd:
        cmd += " --max-steps 2 --max-train-sentences 40 --dev-sentences 10 --output trained --work-dir train-work"
    return cmd


def _check(example: str, sandbox: Path) -> None:
    cmd = _runnable(example)
    if "score.py" in cmd or "--pred outputs/seeds" in cmd:
        if not (sandbox.parent / "shared" / "eval" / "score.py").exists():
            pytest.skip("../shared/eval is not beside the checkout")
        assert _shell(FULL, sandbox).returncode == 0
    if READS_A_RUN.search(cmd):
        for folder in ("outputs/seeds", "out"):
            assert _shell(f"zh-events run seeds --out {folder} --overwrite -q", sandbox).returncode == 0
    done = _shell(cmd, sandbox)
    if "train-ner" in cmd and done.returncode == 2 and "no msra_train.txt" in done.stderr:
        return  # the documented options parsed; the MSRA corpus is not on this machine
    assert done.returncode == 0, f"{example}\n-> {cmd}\nexit {done.returncode}\n{done.stderr[-3000:]}"
    out = re.search(r"--out (\S+)", cmd)
    if out and READS_A_RUN.search(cmd):
        assert (sandbox / out.group(1)).exists(), f"{example}: wrote nothing to {out.group(1)}"
    elif out:
        records = sandbox / out.group(1) / "records.jsonl"
        assert records.exists() and records.read_text(encoding="utf-8").strip(), f"{example}: no records"
    if ">" in cmd:
        target = sandbox / cmd.split(">")[-1].split()[0]
        json.loads(target.read_text(encoding="utf-8"))


README_EXAMPLES = readme_examples()
HELP_EXAMPLES = help_examples()


def test_examples_are_found():
    assert len(README_EXAMPLES) >= 10 and len(HELP_EXAMPLES) >= 6
    assert set(NOT_RUN) <= set(README_EXAMPLES) | set(HELP_EXAMPLES), "NOT_RUN names an example that is gone"


def test_make_run_is_the_seeds_example():
    makefile = (REPO_ROOT / "Makefile").read_text(encoding="utf-8")
    assert f"$(BIN)/{FULL}\n" in makefile
    assert FULL in HELP_EXAMPLES


def test_every_documented_command_line_parses():
    """Cheap and complete: every zh-events example's arguments are accepted by the parser as written."""
    parser = build_parser()
    for example in README_EXAMPLES + HELP_EXAMPLES:
        for part in re.sub(r"\s+#\s.*$", "", example).split("|"):
            argv = shlex.split(part.split(">")[0])
            if argv and argv[0].endswith("zh-events") and argv[1:2] not in (["train-ner"], ["train-hanlp"], ["train-pkuseg"]):
                parser.parse_args(argv[1:])


@pytest.mark.slow
@pytest.mark.parametrize("example", [e for e in README_EXAMPLES if e not in NOT_RUN])
def test_readme_example_runs(example, sandbox):
    _check(example, sandbox)


@pytest.mark.slow
@pytest.mark.parametrize("example", [e for e in HELP_EXAMPLES if e not in NOT_RUN])
def test_help_example_runs(example, sandbox):
    _check(example, sandbox)
