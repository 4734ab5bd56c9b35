"""Write configs/default.toml from the code defaults (run after changing a stage's config model)."""

from pipeline.config import DEFAULT_CONFIG, default_config_toml

if __name__ == "__main__":
    DEFAULT_CONFIG.parent.mkdir(parents=True, exist_ok=True)
    DEFAULT_CONFIG.write_text(default_config_toml(), encoding="utf-8")
    print(f"wrote {DEFAULT_CONFIG}")
