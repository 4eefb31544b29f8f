"""Every YAML data file of the events and actors stages reads as text.

YAML 1.1 reads an unquoted ``on``, ``off``, ``yes``, ``no``, ``y`` or ``n`` as a boolean:
``target_preps: [to, on]`` would hold ``True``, not the preposition. Every key and every
list item must come back as a string (or a nested mapping or list).
"""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

import eventwire.actors
import eventwire.events

DATA_DIRS = [Path(m.__file__).parent / "data" for m in (eventwire.events, eventwire.actors)]
FILES = sorted(p for d in DATA_DIRS for p in d.glob("*.yaml"))


def _not_text(value: object, where: str) -> list[str]:
    """Keys and list items that did not load as strings (with where they are)."""
    found = []
    if isinstance(value, dict):
        for key, item in value.items():
            if not isinstance(key, str):
                found.append(f"{where}: key {key!r}")
            found += _not_text(item, f"{where}/{key}")
    elif isinstance(value, list):
        for item in value:
            if not isinstance(item, str | dict | list):
                found.append(f"{where}: item {item!r}")
            found += _not_text(item, where)
    return found


def test_there_are_data_files() -> None:
    assert len(FILES) > 20


@pytest.mark.parametrize("path", FILES, ids=lambda p: f"{p.parent.parent.name}/{p.name}")
def test_keys_and_items_load_as_strings(path: Path) -> None:
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    assert _not_text(data, path.name) == []
