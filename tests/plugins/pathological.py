"""Test plugin: stages that misbehave the way real documents can make stages misbehave."""

import re
import signal
import time

from pipeline.config import StageConfig
from pipeline.registry import register_stage


class BacktrackConfig(StageConfig):
    """Only documents containing `trigger` reach the catastrophic pattern."""

    trigger: str = "回溯"


@register_stage("backtrack", BacktrackConfig)
def make_backtrack(cfg: BacktrackConfig):
    """A stage whose regex backtracks exponentially inside C code, where no signal can stop it."""
    pattern = re.compile(r"^(a+)+$")

    def run(doc):
        if cfg.trigger in doc.text:
            pattern.match("a" * 64 + "!")
        return doc

    return run


class HangConfig(StageConfig):
    trigger: str = "卡死"


@register_stage("hang", HangConfig)
def make_hang(cfg: HangConfig):
    """A stage stuck the way native code gets stuck: signals blocked, so only killing the worker helps."""

    def run(doc):
        if cfg.trigger in doc.text:
            signal.pthread_sigmask(signal.SIG_BLOCK, {signal.SIGALRM})
            time.sleep(60)
        return doc

    return run


class CrashConfig(StageConfig):
    trigger: str = "崩溃"


@register_stage("crash", CrashConfig)
def make_crash(cfg: CrashConfig):
    """A stage that raises on some documents."""

    def run(doc):
        if cfg.trigger in doc.text:
            raise ValueError("stage failed on purpose")
        return doc

    return run
