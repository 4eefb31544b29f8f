"""Settings precedence: packaged defaults < user file < environment."""

from __future__ import annotations

import dataclasses
from pathlib import Path

import pytest

from eventwire.config import database_url, load_config, section


@dataclasses.dataclass(frozen=True)
class ExampleSettings:
    threshold: float = 0.5
    window_days: int = 3
    enabled: bool = True
    name: str = "x"


def test_user_file_overrides_defaults_and_environment_overrides_file(tmp_path: Path) -> None:
    user = tmp_path / "settings.toml"
    user.write_text("[example]\nthreshold = 0.7\nwindow_days = 5\n", encoding="utf-8")
    env = {"EVENTWIRE_EXAMPLE__WINDOW_DAYS": "9", "EVENTWIRE_EXAMPLE__ENABLED": "no"}
    settings = section(load_config(user, env=env), "example", ExampleSettings)
    assert settings == ExampleSettings(threshold=0.7, window_days=9, enabled=False, name="x")


def test_unknown_setting_is_refused(tmp_path: Path) -> None:
    user = tmp_path / "settings.toml"
    user.write_text("[example]\nthreshhold = 0.7\n", encoding="utf-8")
    with pytest.raises(ValueError, match="threshhold"):
        section(load_config(user, env={}), "example", ExampleSettings)


def test_database_url_precedence() -> None:
    assert database_url(None, env={}) == "sqlite:///eventwire.db"
    assert database_url(None, env={"EVENTWIRE_DB": "sqlite:///a.db"}) == "sqlite:///a.db"
    assert (
        database_url("sqlite:///b.db", env={"EVENTWIRE_DB": "sqlite:///a.db"}) == "sqlite:///b.db"
    )
