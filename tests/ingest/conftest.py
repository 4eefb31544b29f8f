"""Shared helpers for the ingest tests: real inputs written to tmp_path at test time."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from eventwire.ingest import IngestSettings, iter_inputs
from eventwire.model import InputFile

REPO_ROOT = Path(__file__).resolve().parents[2]
SHARED = REPO_ROOT.parent / "shared"
SEEDS = SHARED / "corpus" / "seeds"
SCRAPINGHUB = SHARED / "data" / "extraction-scrapinghub"


Ingest = Callable[..., list[InputFile]]


def read_all(*paths: Path, source: str | None = None, **settings: Any) -> list[InputFile]:
    """Ingest ``paths`` into a list (settings as keyword arguments)."""
    return list(iter_inputs(list(paths), source=source, settings=IngestSettings(**settings)))


@pytest.fixture(scope="session")
def ingest() -> Ingest:
    """``read_all``: ingest paths into a list of InputFiles."""
    return read_all


@pytest.fixture(scope="session")
def scrapinghub_pages() -> list[Path]:
    """Real news pages (.html.gz) of the ScrapingHub extraction benchmark, sorted."""
    folder = SCRAPINGHUB / "html"
    if not folder.is_dir():
        pytest.skip(f"real HTML pages not available: {folder} is absent")
    return sorted(folder.glob("*.html.gz"))


@pytest.fixture(scope="session")
def ground_truth(scrapinghub_pages: list[Path]) -> dict[str, dict]:
    """The benchmark's gold article body and URL per page id."""
    return json.loads((SCRAPINGHUB / "ground-truth.json").read_text(encoding="utf-8"))


@pytest.fixture(scope="session")
def seeds() -> Path:
    """The two seed articles (test inputs only)."""
    if not SEEDS.is_dir():
        pytest.skip(f"seed articles not available: {SEEDS} is absent")
    return SEEDS
