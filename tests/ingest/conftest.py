"""Shared helpers for the ingest tests: real inputs written to tmp_path at test time."""

from __future__ import annotations

import gzip
from pathlib import Path

import pytest

from eventwire.ingest import IngestSettings, iter_inputs
from eventwire.model import InputFile

REPO_ROOT = Path(__file__).resolve().parents[2]
SHARED = REPO_ROOT.parent / "shared"
SEEDS = SHARED / "corpus" / "seeds"
SCRAPINGHUB = SHARED / "data" / "extraction-scrapinghub"


def read_all(*paths: Path, source: str | None = None, **settings: object) -> list[InputFile]:
    """Ingest ``paths`` into a list."""
    return list(iter_inputs(list(paths), source=source, settings=IngestSettings(**settings)))


def only(items: list | tuple):
    """The single element of ``items``."""
    assert len(items) == 1, items
    return items[0]


@pytest.fixture(scope="session")
def scrapinghub_pages() -> list[Path]:
    """Real news pages (.html.gz) of the ScrapingHub extraction benchmark, sorted."""
    folder = SCRAPINGHUB / "html"
    if not folder.is_dir():
        pytest.skip(f"real HTML pages not available: {folder} is absent")
    return sorted(folder.glob("*.html.gz"))


@pytest.fixture(scope="session")
def real_page_html(scrapinghub_pages: list[Path]) -> str:
    """One real page, decoded (the first in sorted order)."""
    return gzip.decompress(scrapinghub_pages[0].read_bytes()).decode("utf-8")


@pytest.fixture(scope="session")
def seeds() -> Path:
    """The two seed articles (test inputs only)."""
    if not SEEDS.is_dir():
        pytest.skip(f"seed articles not available: {SEEDS} is absent")
    return SEEDS
