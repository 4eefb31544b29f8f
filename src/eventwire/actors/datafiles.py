"""Packaged data files of the actors stage (YAML next to this module)."""

from __future__ import annotations

from functools import cache
from importlib import resources
from typing import Any

import yaml

DATA_PACKAGE = "eventwire.actors"
DATA_FOLDER = "data"


@cache
def read_data(name: str) -> Any:
    """Parsed contents of ``data/<name>`` (cached: the files never change at run time)."""
    text = (
        resources.files(DATA_PACKAGE)
        .joinpath(DATA_FOLDER)
        .joinpath(name)
        .read_text(encoding="utf-8")
    )
    return yaml.safe_load(text)


def read_sector_lists(name: str) -> dict[str, str]:
    """A ``{sector: [phrase, ...]}`` file as ``{lowercase phrase: sector}``."""
    return {
        phrase.lower(): sector for sector, phrases in read_data(name).items() for phrase in phrases
    }
