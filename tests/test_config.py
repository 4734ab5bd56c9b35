"""Config: the default file and the code agree; overrides, typos and hashing."""

from __future__ import annotations

import tomllib

import pytest

from pipeline.config import DEFAULT_CONFIG, REPO_ROOT, ConfigError, config_hash, config_model, default_config_toml, load_config


def test_default_file_equals_code_defaults():
    from_file = load_config(DEFAULT_CONFIG)
    from_code = config_model()()
    assert from_file.model_dump() == from_code.model_dump()
    assert DEFAULT_CONFIG.read_text(encoding="utf-8") == default_config_toml(), (
        "configs/default.toml is stale: run `python scripts/write_default_config.py`"
    )


def test_every_registered_stage_has_a_section_in_the_file():
    data = tomllib.loads(DEFAULT_CONFIG.read_text(encoding="utf-8"))
    assert set(config_model().model_fields) <= set(data)


def test_set_overrides_parse_toml_values():
    cfg = load_config(None, ["run.workers=3", "run.doc_timeout_s=2.5", 'run.stages=["normalize"]'])
    assert (cfg.run.workers, cfg.run.doc_timeout_s, cfg.run.stages) == (3, 2.5, ["normalize"])


@pytest.mark.parametrize("override", ["run.wrokers=2", "run.workers=many", "nosection.key=1", "run.workers"])
def test_typos_and_bad_values_are_errors(override):
    with pytest.raises(ConfigError):
        load_config(None, [override])


def test_hash_changes_with_what_shapes_records_and_only_then():
    a = config_hash(load_config(None))
    assert a == config_hash(load_config(None))
    assert a != config_hash(load_config(None, ["normalize.opencc_profile=tw2s"]))
    assert a != config_hash(load_config(None, ['run.stages=["normalize", "strip"]']))
    assert a == config_hash(load_config(None, ["run.doc_timeout_s=61", "run.workers=1"]))


def test_hash_covers_rule_file_content(tmp_path):
    rules = tmp_path / "rules.toml"
    rules.write_bytes((REPO_ROOT / "configs" / "strip" / "lines.toml").read_bytes())
    a = config_hash(load_config(None, [f'strip.line_rules="{rules}"']))
    rules.write_text(rules.read_text(encoding="utf-8") + "\n# edited\n", encoding="utf-8")
    assert a != config_hash(load_config(None, [f'strip.line_rules="{rules}"']))
