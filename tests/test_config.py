"""Settings precedence: packaged defaults < user file < environment; typos are refused."""

from __future__ import annotations

import dataclasses
from pathlib import Path

import pytest

from eventwire.config import database_url, load_config, section
from eventwire.stories import StoriesSettings


@dataclasses.dataclass(frozen=True)
class ExampleSettings:
    threshold: float = 0.5
    window_days: int = 3
    enabled: bool = True
    name: str = "x"


def test_user_file_overrides_defaults_and_environment_overrides_file(tmp_path: Path) -> None:
    user = tmp_path / "settings.toml"
    user.write_text("[stories]\nthreshold = 0.7\nwindow_days = 5.0\n", encoding="utf-8")
    env = {"EVENTWIRE_STORIES__WINDOW_DAYS": "9"}
    settings = section(load_config(user, env=env), "stories", StoriesSettings)
    expected = dataclasses.replace(StoriesSettings(), threshold=0.7, window_days=9.0)
    assert settings == expected


def test_environment_strings_are_coerced_to_field_types() -> None:
    raw = {"example": {"threshold": "0.25", "window_days": "4", "enabled": "no", "name": "y"}}
    settings = section(raw, "example", ExampleSettings)
    assert settings == ExampleSettings(threshold=0.25, window_days=4, enabled=False, name="y")


def test_unknown_setting_is_refused(tmp_path: Path) -> None:
    user = tmp_path / "settings.toml"
    user.write_text("[stories]\nthreshhold = 0.7\n", encoding="utf-8")
    with pytest.raises(ValueError, match="threshhold"):
        section(load_config(user, env={}), "stories", StoriesSettings)


def test_unknown_section_is_refused(tmp_path: Path) -> None:
    user = tmp_path / "settings.toml"
    user.write_text("[storys]\nthreshold = 0.7\n", encoding="utf-8")
    with pytest.raises(ValueError, match=r"\[storys\]"):
        load_config(user, env={})
    with pytest.raises(ValueError, match=r"\[story\]"):
        load_config(env={"EVENTWIRE_STORY__THRESHOLD": "0.9"})


def test_database_url_precedence() -> None:
    assert database_url(None, env={}) == "sqlite:///eventwire.db"
    assert database_url(None, env={"EVENTWIRE_DB": "sqlite:///a.db"}) == "sqlite:///a.db"
    url = database_url("sqlite:///b.db", env={"EVENTWIRE_DB": "sqlite:///a.db"})
    assert url == "sqlite:///b.db"
