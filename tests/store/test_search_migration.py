"""Migration 0010 indexes the articles a database already holds."""

from __future__ import annotations

from pathlib import Path

from alembic import command

from eventwire.store import Repository
from eventwire.store.engine import alembic_config, create_store_engine, writer
from eventwire.store.settings import StoreSettings
from tests.store.helpers import make_item


def test_upgrading_indexes_stored_articles(tmp_path: Path) -> None:
    url = f"sqlite:///{tmp_path / 'old.db'}"
    engine = create_store_engine(url, StoreSettings())
    config = alembic_config()
    with writer(engine).begin() as connection:
        config.attributes["connection"] = connection
        command.upgrade(config, "0007")  # a database from before full-text search
    engine.dispose()
    with Repository(create_store_engine(url, StoreSettings()), StoreSettings()) as old:
        [article_id] = old.add_articles([make_item("old", paragraphs=("Glaciers retreat.",))])
    with Repository.open(url) as repo:  # upgrades to the head, 0010
        assert [hit.id for hit in repo.search("glaciers", limit=5)] == [article_id]
