"""Run configuration: one validated section per stage, loaded from TOML with `--set` overrides."""

from __future__ import annotations

import atexit
import contextlib
import hashlib
import json
import os
import tomllib
from importlib import resources
from pathlib import Path
from typing import Any

from pydantic import BaseModel, ConfigDict, Field, ValidationError, create_model

from pipeline.registry import StageError, available_stages, load_plugins
from pipeline.rulefiles import read_toml

PACKAGE_ROOT = Path(__file__).resolve().parent
# The source checkout (scripts, tests and training write here); an installed package does not need it.
REPO_ROOT = PACKAGE_ROOT.parent
_EXTRACTED = contextlib.ExitStack()  # packaged files copied out of a zip import, removed at exit
atexit.register(_EXTRACTED.close)


def resource_path(rel: str | Path) -> Path:
    """The file or folder a config path names: the one resolver for rule files, data and models.

    Absolute paths, `~/...` and paths starting with `./` or `../` are the user's and are taken as given
    (relative to the working directory). Any other relative path names a file shipped with the package:
    `configs/...` and `models/...` (top-level folders of the checkout, mapped into the package as
    `pipeline/configs` and `pipeline/models` by the wheel build) and `pipeline/data/...`, found through
    `importlib.resources`, so a wheel installed anywhere finds them as the checkout does. A relative path
    that is not packaged but exists under the working directory is taken from there. A path found nowhere is
    returned as the packaged location, so the loader's error names where it looked.
    """
    raw = os.fspath(rel)
    path = Path(raw).expanduser()
    if path.is_absolute():
        return path
    if raw.startswith(("./", "../", ".\\", "..\\")) or raw in (".", ".."):
        return Path.cwd() / path
    found = _packaged(path)
    if found is not None:
        return found
    if path.exists():
        return Path.cwd() / path
    parts = path.parts[1:] if path.parts[:1] == ("pipeline",) else path.parts
    return PACKAGE_ROOT.joinpath(*parts)


def _packaged(path: Path) -> Path | None:
    """A packaged resource as a real path, or None: inside the package first, then beside it (checkout)."""
    parts = path.parts[1:] if path.parts[:1] == ("pipeline",) else path.parts
    if not parts:
        return None
    node = resources.files("pipeline").joinpath(*parts)
    if node.is_file() or node.is_dir():
        if isinstance(node, Path):
            return node
        return Path(_EXTRACTED.enter_context(resources.as_file(node)))
    beside = REPO_ROOT / path  # a source checkout keeps configs/ and models/ beside the package
    if path.parts[0] in ("configs", "models") and beside.exists():
        return beside
    return None


DEFAULT_CONFIG = resource_path("configs/default.toml")
# Short names a config or --set may use, and the field each stands for.
KEY_ALIASES = {("ner", "backend"): "backend_zh"}


class ConfigError(Exception):
    """A configuration that cannot be used: the run does not start."""


class StageConfig(BaseModel):
    """Base of every stage's config: unknown keys are an error."""

    model_config = ConfigDict(extra="forbid")

    def data_files(self) -> list[Path]:
        """Rule or data files this stage reads; their content is part of the config hash."""
        return []

    def check_rule_files(self) -> None:
        """Validate this stage's rule files against their models (pipeline/rulefiles.py); raise
        RuleFileError naming the file and key. Called when the config is loaded, so a bad file stops the run."""


class RunConfig(StageConfig):
    """How the runner drives the stages."""

    stages: list[str] = Field(
        default_factory=lambda: ["normalize", "strip", "ner", "dates", "events"],
        description="stage names, in order",
    )
    workers: int | None = Field(None, ge=0, description="worker processes; None = number of cores; 0 = in-process")
    doc_timeout_s: float = Field(60.0, gt=0, description="per-document time limit")
    max_doc_chars: int = Field(2_000_000, gt=0, description="longer decoded documents become error records")
    max_file_bytes: int = Field(
        20_000_000, gt=0,
        description="a larger document (file, archive member, WARC payload, JSONL row) becomes an error record; "
                    "nothing past it is read",
    )
    max_unpacked_bytes: int = Field(
        10_000_000_000, gt=0, description="a compressed input or archive that unpacks to more becomes an error record"
    )
    max_compression_ratio: float = Field(
        200.0, gt=1, description="unpacked / packed bytes above this (past 8 MiB unpacked) is a decompression bomb"
    )
    max_line_chars: int = Field(200_000, gt=0, description="a document with a longer line becomes an error record")
    plugins: list[str] = Field(
        default_factory=list, description="modules or .py files that register extra stages (imported before validation)"
    )


class ReaderConfig(StageConfig):
    """How inputs are found and decoded."""

    extensions: list[str] = Field(default_factory=lambda: [".txt", ".html", ".htm", ".jsonl"])
    jsonl_text_field: str = "text"
    jsonl_id_field: str | None = "id"
    min_encoding_confidence: float = Field(0.0, ge=0.0, le=1.0, description="below this, the file is an error")


def config_model() -> type[BaseModel]:
    """The top-level config model: `run`, `reader`, then one section per registered stage."""
    fields: dict[str, Any] = {
        "run": (RunConfig, Field(default_factory=RunConfig)),
        "reader": (ReaderConfig, Field(default_factory=ReaderConfig)),
    }
    for name, spec in available_stages().items():
        fields[name] = (spec.config_cls, Field(default_factory=spec.config_cls))
    return create_model("Config", __config__=ConfigDict(extra="forbid"), **fields)


def _parse_value(raw: str) -> Any:
    """A `--set` value: TOML syntax if it parses (numbers, booleans, lists, quoted strings), else a string."""
    try:
        return tomllib.loads(f"v = {raw}")["v"]
    except tomllib.TOMLDecodeError:
        return raw


def apply_override(data: dict, assignment: str) -> None:
    """Apply one `section.key=value` (dots nest) to the raw config dict."""
    if "=" not in assignment:
        raise ConfigError(f"--set {assignment!r}: expected section.key=value, e.g. --set run.workers=2")
    path, raw = assignment.split("=", 1)
    keys = [k.strip() for k in path.split(".") if k.strip()]
    if len(keys) < 2:
        raise ConfigError(f"--set {assignment!r}: name a section and a key, e.g. ner.backend=lac")
    node = data
    for k in keys[:-1]:
        node = node.setdefault(k, {})
        if not isinstance(node, dict):
            raise ConfigError(f"--set {assignment!r}: {k!r} is not a section")
    node[keys[-1]] = _parse_value(raw.strip())
    alias = KEY_ALIASES.get(tuple(keys))
    if alias is not None:  # the alias given on the command line wins over the field in the file
        node[alias] = node.pop(keys[-1])


def _resolve_aliases(data: dict, source: str) -> None:
    """Rename alias keys of a config file to their fields (both at once is ambiguous: an error)."""
    for (section, key), field in KEY_ALIASES.items():
        node = data.get(section)
        if isinstance(node, dict) and key in node:
            if field in node and node[field] != node[key]:
                raise ConfigError(f"{source}: [{section}] sets both {key!r} and {field!r}; {key} is short for {field}")
            node[field] = node.pop(key)


def load_config(path: str | Path | None = None, overrides: list[str] | None = None) -> BaseModel:
    """Read a TOML config (the default one if `path` is None), apply overrides, validate."""
    cfg_path = Path(path).expanduser() if path else DEFAULT_CONFIG
    if not cfg_path.is_file():
        what = "config file" if path else "the packaged default config"
        problem = "is not a regular file" if cfg_path.exists() else "not found"
        raise ConfigError(f"{cfg_path}: {what} {problem}")
    data = read_toml(cfg_path, "config", ConfigError)
    _resolve_aliases(data, str(cfg_path))
    for assignment in overrides or []:
        apply_override(data, assignment)
    plugins = data.get("run", {}).get("plugins", [])
    try:
        load_plugins(plugins if isinstance(plugins, list) else [])
    except ImportError as exc:
        raise ConfigError(f"run.plugins: cannot import {exc.name or exc}: {exc}") from exc
    try:
        cfg = config_model().model_validate(data)
    except ValidationError as exc:
        lines = [f"{cfg_path}: invalid config"]
        for err in exc.errors():
            where = ".".join(str(p) for p in err["loc"])
            lines.append(f"  {where}: {err['msg']}")
        raise ConfigError("\n".join(lines)) from exc
    known = set(available_stages())
    unknown = [s for s in cfg.run.stages if s not in known]
    if unknown:
        raise ConfigError(f"run.stages names unknown stage(s) {unknown}; known: {sorted(known)}")
    for name in cfg.run.stages:
        for f in getattr(cfg, name).data_files():
            if not Path(f).exists():
                raise ConfigError(f"{name}: rule or data file {f} not found (paths: absolute, ./relative, or packaged)")
    for name in cfg.run.stages:
        try:
            getattr(cfg, name).check_rule_files()
        except StageError as exc:  # RuleFileError: a rule file that does not match its model
            raise ConfigError(f"{name}: {exc}") from exc
    return cfg


def section_hash(section: StageConfig) -> str:
    """Short sha256 of one section and the content of the rule/data files it points to."""
    h = hashlib.sha256(json.dumps(section.model_dump(mode="json"), sort_keys=True, ensure_ascii=False).encode())
    for f in sorted(set(section.data_files())):
        h.update(str(Path(f).name).encode())
        h.update(Path(f).read_bytes() if Path(f).exists() else b"<missing>")
    return h.hexdigest()[:16]


def stage_hashes(cfg: BaseModel) -> dict[str, str]:
    """The hash of every section: what a per-stage cache keys on (a changed section re-runs its stage)."""
    return {name: section_hash(getattr(cfg, name)) for name in type(cfg).model_fields}


def config_hash(cfg: BaseModel) -> str:
    """Short sha256 of everything that shapes a record: the stage list, the reader and every stage section
    with its rule/data files. Worker count and limits are left out: they change how a run goes, not what a
    record holds, so changing them does not make `--resume` redo finished documents."""
    parts = {k: v for k, v in stage_hashes(cfg).items() if k != "run"}
    parts["run.stages"] = json.dumps(cfg.run.stages)
    parts["run.plugins"] = json.dumps(cfg.run.plugins)
    return hashlib.sha256(json.dumps(parts, sort_keys=True).encode()).hexdigest()[:16]


def _toml_value(v: Any) -> str:
    if isinstance(v, bool):
        return "true" if v else "false"
    if isinstance(v, (int, float)):
        return repr(v)
    if isinstance(v, str):
        return json.dumps(v, ensure_ascii=False)
    if isinstance(v, list):
        return "[" + ", ".join(_toml_value(x) for x in v if x is not None) + "]"
    if isinstance(v, dict):
        return "{ " + ", ".join(f"{json.dumps(k, ensure_ascii=False)} = {_toml_value(x)}" for k, x in v.items() if x is not None) + " }"
    raise TypeError(f"cannot write {type(v).__name__} as TOML")


def dump_toml(data: dict, descriptions: dict[str, dict[str, str]] | None = None) -> str:
    """A config dict as TOML: one [section] per top-level key; None values left out (they mean 'default')."""
    out: list[str] = []
    for section, values in data.items():
        out.append(f"[{section}]")
        for key, value in values.items():
            if value is None:
                continue
            note = (descriptions or {}).get(section, {}).get(key)
            if note:
                out.append(f"# {note}")
            out.append(f"{key} = {_toml_value(value)}")
        out.append("")
    return "\n".join(out)


def default_config_toml() -> str:
    """configs/default.toml as the code defaults make it, with each field's description as a comment."""
    model = config_model()
    cfg = model()
    descriptions = {
        name: {k: f.description for k, f in type(getattr(cfg, name)).model_fields.items() if f.description}
        for name in model.model_fields
    }
    header = (
        "# zh-events default config. Generated from the code defaults by `python scripts/write_default_config.py`;\n"
        "# a test checks that this file and the code agree. One section per stage; override with --set SECTION.KEY=VALUE.\n\n"
    )
    return header + dump_toml(cfg.model_dump(mode="json"), descriptions)
