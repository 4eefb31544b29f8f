"""Fixtures for the store tests: a repository on a fresh SQLite file (PostgreSQL when present)."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from eventwire.store import Repository
from tests.store.postgres import create_database, postgres_cluster


@pytest.fixture(scope="session")
def postgres_server() -> Iterator[str]:
    """URL (without database) of a throwaway PostgreSQL cluster shared by the session."""
    with postgres_cluster() as url:
        yield url


@pytest.fixture(params=["sqlite", "postgresql"])
def store_url(request: pytest.FixtureRequest, tmp_path: Path) -> str:
    """A fresh, empty database URL: a SQLite file, or a new database on the PostgreSQL cluster."""
    if request.param == "sqlite":
        return f"sqlite:///{tmp_path / 'store.db'}"
    return create_database(request.getfixturevalue("postgres_server"))


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
