"""Fixtures for the store tests: a repository on a fresh SQLite file and on PostgreSQL."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from eventwire.store import Repository


@pytest.fixture
def store_url(any_db_url: str) -> str:
    """A fresh, empty database URL: a SQLite file, or a new database on the PostgreSQL cluster."""
    return any_db_url


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
