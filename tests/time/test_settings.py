"""The [time] section: packaged defaults equal the code's, and overrides take effect."""

from __future__ import annotations

from datetime import UTC, datetime

from eventwire.config import load_config, section
from eventwire.time import TimeSettings, normalize_time


def test_packaged_section_equals_code_defaults() -> None:
    assert section(load_config(env={}), "time", TimeSettings) == TimeSettings()


def test_environment_override_changes_the_reading() -> None:
    env = {"EVENTWIRE_TIME__DEFAULT_DIRECTION": "future", "EVENTWIRE_TIME__TENSE_WINDOW": "3"}
    settings = section(load_config(env=env), "time", TimeSettings)
    assert settings.default_direction == "future" and settings.tense_window == 3
    sunday = datetime(2026, 2, 8, 9, 0, tzinfo=UTC)
    assert normalize_time("Wednesday", sunday, settings=settings).value == "2026-02-11"
    assert normalize_time("Wednesday", sunday).value == "2026-02-04"
