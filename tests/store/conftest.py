"""Fixtures for the store tests: a repository on a fresh SQLite file (PostgreSQL when present)."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from eventwire.store import Repository
from tests.store.postgres import postgres_url


@pytest.fixture(params=["sqlite", "postgresql"])
def store_url(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[str]:
    """A fresh, empty database URL: a SQLite file, or a throwaway PostgreSQL cluster."""
    if request.param == "sqlite":
        yield f"sqlite:///{tmp_path / 'store.db'}"
    else:
        with postgres_url(tmp_path / "pg") as url:
            yield url


@pytest.fixture
def sqlite_url(tmp_path: Path) -> str:
    """A fresh SQLite database file (for SQLite-specific checks)."""
    return f"sqlite:///{tmp_path / 'store.db'}"


@pytest.fixture
def repo(store_url: str) -> Iterator[Repository]:
    """An open repository on a fresh database."""
    repository = Repository.open(store_url)
    yield repository
    repository.close()
