"""The mojibake search's shortcuts (beam steps scored once per piece, beams shared between the ends
of one run) give exactly the repairs of the search written out directly, on clean and damaged text."""

from __future__ import annotations

import random
import tomllib

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from normalize_cases import damage_gbk_shift, damage_utf8_as_gbk
from pipeline.config import resource_path

# Our own sentences: plain Simplified, Traditional, rare but correct characters (枸杞, 犇, 淼), names, digits,
# half-width punctuation, a question mark that is a question, English.
CLEAN = [
    "县长带队走访枸杞种植合作社，察看烘干车间和冷链仓储建设情况。",
    "市委書記來到產業園區，詳細了解企業研發投入與市場拓展情況。",
    "犇牛牧业和淼鑫水产的负责人汇报了今年一季度的生产经营数据。",
    "会议强调,要抓好秋冬季安全生产,确保2024年目标任务圆满完成.",
    "你们的订单为什么比去年少了?记者问道。",
    "The delegation visited a battery plant in the high-tech zone on May 3.",
    "镇党委副书记、镇长欧阳晓峰主持召开乡村振兴工作推进会，部署下一阶段重点任务。",
    "【大】【中】【小】 打印本页 关闭窗口",
]


@pytest.fixture(scope="module")
def repairers():
    from pipeline.normalize.charmodel import CharModel
    from pipeline.normalize.mojibake import Repairer
    from pipeline.normalize.script import Converter

    model = CharModel(resource_path("pipeline/data/char_freq.tsv"), Converter("t2s").char)
    params = tomllib.loads(resource_path("configs/normalize/rules.toml").read_text(encoding="utf-8"))["mojibake"]
    fast = Repairer(model, params)
    plain = Repairer(model, params)
    plain.share_beams = False
    plain._extend = plain._extend_plain
    return fast, plain


def _damaged(line: str, seed: int, kind: int) -> str:
    rng = random.Random(seed)
    hit = (damage_gbk_shift, damage_utf8_as_gbk, lambda x, r: damage_utf8_as_gbk(x, r, "\ufffd"))[kind](line, rng)
    return hit[0] if hit else line


def test_clean_and_damaged_lines_repair_identically(repairers):
    fast, plain = repairers
    lines = list(CLEAN)
    for i, line in enumerate(CLEAN):
        for kind in range(3):
            lines.append(_damaged(line, i, kind))
    repaired = 0
    for line in lines:
        got, want = fast.find(line), plain.find(line)
        assert got == want, line
        repaired += bool(got)
    assert repaired >= 6  # the damaged lines are really repaired, so the comparison covers the search


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.integers(0, len(CLEAN) - 1), st.integers(0, 10_000), st.integers(0, 3),
       st.text(alphabet="枸杞犇淼鑫產業園區?、，。ab1", max_size=6))
def test_random_damage_repairs_identically(repairers, i, seed, kind, noise):
    fast, plain = repairers
    line = CLEAN[i]
    if kind < 3:
        line = _damaged(line, seed, kind)
    cut = seed % (len(line) + 1)
    line = line[:cut] + noise + line[cut:]
    assert fast.find(line) == plain.find(line)


def test_beam_step_scores_are_identical(repairers):
    fast, plain = repairers
    hyps = [(0.0, "", 0), (1.5, "市", 1), (-2.0, "园区", 0)]
    pieces = [("长", 0), ("縣委", 2), ("產業園", 3), ("?", 0), ("a", 1)]
    assert fast._extend(hyps, pieces) == plain._extend_plain(hyps, pieces)
