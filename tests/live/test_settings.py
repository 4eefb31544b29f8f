"""The [live] section: packaged defaults equal the code's, every key is documented."""

from __future__ import annotations

import dataclasses

from tests.conftest import REPO_ROOT

from eventwire.config import load_config, section
from eventwire.live import LiveSettings

CONFIG_DOC = (REPO_ROOT / "docs" / "configuration.md").read_text(encoding="utf-8")


def test_packaged_live_defaults_equal_the_code_defaults() -> None:
    assert section(load_config(env={}), "live", LiveSettings) == LiveSettings()


def test_every_live_setting_is_documented() -> None:
    for field in dataclasses.fields(LiveSettings):
        assert f"`live.{field.name}`" in CONFIG_DOC


def test_empty_user_agent_names_eventwire_and_its_version() -> None:
    from eventwire import __version__

    assert LiveSettings().agent.startswith(f"eventwire/{__version__} ")
    assert LiveSettings(user_agent="acme-monitor/2 (ops@acme.example)").agent.startswith("acme")
