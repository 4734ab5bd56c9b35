"""Stage registry: stages are factories registered by name with their config model (like spaCy's)."""

from __future__ import annotations

import importlib
from dataclasses import dataclass
from typing import Callable

from pydantic import BaseModel

from pipeline.document import Document

Stage = Callable[[Document], Document]

# Every known stage and the module that registers it. Modules must import cheaply: heavy
# libraries (models) are imported inside the factory, so building the config stays fast.
STAGE_MODULES: dict[str, str] = {
    "normalize": "pipeline.normalize",
    "strip": "pipeline.strip",
    "ner": "pipeline.ner",
    "dates": "pipeline.dates",
    "events": "pipeline.events",
}


@dataclass(frozen=True)
class StageSpec:
    """A registered stage: its name, config model and factory, and the `Document` fields it writes (None: not
    declared, any field; the runner adds `stages` and `warnings`, which every stage may touch)."""

    name: str
    config_cls: type[BaseModel]
    factory: Callable[[BaseModel], Stage]
    writes: frozenset[str] | None = None


_REGISTRY: dict[str, StageSpec] = {}


class StageError(Exception):
    """An error raised by a stage; the runner turns it into an error record naming the stage."""


def register_stage(name: str, config_cls: type[BaseModel], writes: tuple[str, ...] | None = None):
    """Decorator: register `factory(config) -> stage callable` under `name`. `writes` names the `Document` fields
    the stage may change; the stage cache then compares and stores only those (tests/test_cache.py checks the
    built-in stages' declarations). A plugin that leaves it out has every field compared."""
    if writes is not None:
        unknown = set(writes) - set(Document.model_fields)
        if unknown:
            raise ValueError(f"stage {name!r} declares unknown Document fields {sorted(unknown)}")

    def deco(factory: Callable[[BaseModel], Stage]):
        _REGISTRY[name] = StageSpec(name, config_cls, factory,
                                    None if writes is None else frozenset(writes) | {"stages", "warnings"})
        return factory

    return deco


def load_plugins(plugins: list[str]) -> None:
    """Import user modules (dotted names or .py paths) that register extra stages, like spaCy's --code."""
    import importlib.util
    from pathlib import Path

    for plugin in plugins:
        if plugin.endswith(".py"):
            path = Path(plugin)
            if not path.exists():
                raise ModuleNotFoundError(f"plugin file {plugin!r} not found", name=plugin)
            spec = importlib.util.spec_from_file_location(f"zh_events_plugin_{path.stem}", path)
            module = importlib.util.module_from_spec(spec)
            spec.loader.exec_module(module)
        else:
            importlib.import_module(plugin)


def available_stages() -> dict[str, StageSpec]:
    """Import every stage module that exists and return the registry."""
    for name, module in STAGE_MODULES.items():
        if name not in _REGISTRY:
            try:
                importlib.import_module(module)
            except ModuleNotFoundError as exc:
                if exc.name != module:
                    raise
    # Built-in stages in pipeline order, then plugin stages by name: independent of import order.
    order = list(STAGE_MODULES)
    names = sorted(_REGISTRY, key=lambda n: (order.index(n) if n in order else len(order), n))
    return {n: _REGISTRY[n] for n in names}


def get_stage(name: str) -> StageSpec:
    """The registered stage called `name`."""
    stages = available_stages()
    if name not in stages:
        raise KeyError(f"unknown stage {name!r}; known stages: {', '.join(sorted(stages))}")
    return stages[name]
