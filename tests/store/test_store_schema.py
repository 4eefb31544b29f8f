"""The schema comes from the Alembic migrations; SQLite runs with WAL and foreign keys."""

from __future__ import annotations

import pytest
from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy import create_engine, inspect, text
from sqlalchemy.exc import IntegrityError

from eventwire.store import Repository
from eventwire.store.engine import alembic_config
from eventwire.store.schema import metadata
from eventwire.store.search import is_search_index
from tests.store.helpers import joined, make_item

TABLES = {"sources", "articles", "cleaning_notes", "duplicate_links", "stories", "story_articles"}


def test_fresh_database_is_at_migration_head(store_url: str) -> None:
    Repository.open(store_url).close()
    heads = set(ScriptDirectory.from_config(alembic_config()).get_heads())
    assert len(heads) == 1, f"migrations must form one line, found heads {heads}"
    engine = create_engine(store_url)
    with engine.connect() as conn:
        versions = set(conn.execute(text("SELECT version_num FROM alembic_version")).scalars())
        assert set(inspect(conn).get_table_names()) >= TABLES
    engine.dispose()
    assert heads
    assert versions == heads


def test_opening_twice_keeps_data_and_version(store_url: str) -> None:
    with Repository.open(store_url) as repo:
        [article_id] = repo.add_articles([make_item("kept")])
    with Repository.open(store_url) as repo:
        assert repo.get_article(article_id) is not None
        assert repo.counts()["articles"] == 1


def test_migration_matches_the_models(store_url: str) -> None:
    with Repository.open(store_url) as repo, repo.engine.connect() as conn:
        context = MigrationContext.configure(conn, opts={"include_name": _not_search_index})
        differences = compare_metadata(context, metadata)
    assert differences == []


def _not_search_index(name: str | None, kind: str, _parents: object) -> bool:
    """Leave out the full-text index (migration 0010), which no model declares."""
    return not is_search_index(name, kind)


def test_sqlite_runs_in_wal_mode_with_foreign_keys(sqlite_url: str) -> None:
    with Repository.open(sqlite_url) as repo, repo.engine.connect() as conn:
        assert conn.exec_driver_sql("PRAGMA journal_mode").scalar_one() == "wal"
        assert conn.exec_driver_sql("PRAGMA foreign_keys").scalar_one() == 1
        assert conn.exec_driver_sql("PRAGMA busy_timeout").scalar_one() > 0


def test_foreign_keys_are_enforced(repo: Repository) -> None:
    [article_id] = repo.add_articles([make_item("orphan")])
    with pytest.raises(IntegrityError):
        repo.save_results([joined(article_id, story_id=99)])  # story 99 does not exist
    assert repo.counts()["pending"] == 1
    assert repo.max_story_id() == 0
