"""Settings in one place: packaged defaults < user TOML file < EVENTWIRE_* environment < CLI.

Each stage owns a typed settings dataclass; ``load_settings`` fills it from the merged
sources. Environment variables use ``EVENTWIRE_<SECTION>__<KEY>`` (for example
``EVENTWIRE_STORIES__THRESHOLD=0.3``); ``EVENTWIRE_DB`` sets the database URL.
"""

from __future__ import annotations

import dataclasses
import os
import tomllib
from importlib import resources
from pathlib import Path
from typing import Any, TypeVar

from eventwire.stage import StageEntry
from eventwire.stages import REGISTRY, section_names

S = TypeVar("S")

DEFAULT_DB_URL = "sqlite:///eventwire.db"
ENV_PREFIX = "EVENTWIRE_"


def load_config(
    user_file: Path | None = None,
    env: dict[str, str] | None = None,
    registry: tuple[StageEntry, ...] = REGISTRY,
) -> dict[str, dict]:
    """Merge packaged defaults, an optional user TOML file and the environment.

    The known sections are the registry's (``eventwire.stages``).

    Raises:
        ValueError: a section that no stage has (a typo must not pass silently).
    """
    env = os.environ if env is None else env
    merged = _read_packaged_defaults()
    known = set(section_names(registry))
    overrides = []
    if user_file is not None:
        overrides.append((str(user_file), tomllib.loads(Path(user_file).read_text("utf-8"))))
    overrides.append(("the environment", _from_environment(env)))
    for where, values in overrides:
        unknown = set(values) - known
        if unknown:
            names = ", ".join(f"[{name}]" for name in sorted(unknown))
            raise ValueError(f"unknown section(s) in {where}: {names}")
        _merge(merged, values)
    return merged


def section(config: dict[str, dict], name: str, settings_type: type[S]) -> S:
    """Build a stage's settings dataclass from its section, coercing values to field types."""
    values = config.get(name, {})
    known = {f.name: f for f in dataclasses.fields(settings_type)}
    unknown = set(values) - set(known)
    if unknown:
        raise ValueError(f"unknown setting(s) in [{name}]: {', '.join(sorted(unknown))}")
    defaults = settings_type()
    kwargs = {key: _coerce(getattr(defaults, key), value) for key, value in values.items()}
    kwargs.update(_shared_sections(config, defaults))
    return dataclasses.replace(defaults, **kwargs)


def _shared_sections(config: dict[str, dict], defaults: object) -> dict[str, Any]:
    """Settings fields that are another section's settings (``dates``), built from it."""
    return {
        f.name: section(config, f.name, type(getattr(defaults, f.name)))
        for f in dataclasses.fields(defaults)
        if dataclasses.is_dataclass(getattr(defaults, f.name)) and f.name in config
    }


def database_url(cli_value: str | None = None, env: dict[str, str] | None = None) -> str:
    """The database URL: ``--db`` flag, else ``EVENTWIRE_DB``, else ./eventwire.db."""
    env = os.environ if env is None else env
    return cli_value or env.get("EVENTWIRE_DB") or DEFAULT_DB_URL


def _read_packaged_defaults() -> dict[str, dict]:
    text = resources.files("eventwire").joinpath("defaults.toml").read_text(encoding="utf-8")
    return tomllib.loads(text)


def _from_environment(env: dict[str, str]) -> dict[str, dict]:
    found: dict[str, dict] = {}
    for key, value in env.items():
        if not key.startswith(ENV_PREFIX) or "__" not in key:
            continue
        section_name, _, field_name = key[len(ENV_PREFIX) :].lower().partition("__")
        found.setdefault(section_name, {})[field_name] = value
    return found


def _merge(base: dict[str, Any], extra: dict[str, Any]) -> None:
    for key, value in extra.items():
        if isinstance(value, dict) and isinstance(base.get(key), dict):
            _merge(base[key], value)
        else:
            base[key] = value


def _coerce(default: Any, value: Any) -> Any:
    if not isinstance(value, str) or isinstance(default, str):
        return value
    if isinstance(default, bool):
        return value.strip().lower() in {"1", "true", "yes", "on"}
    if isinstance(default, int):
        return int(value)
    if isinstance(default, float):
        return float(value)
    return value
