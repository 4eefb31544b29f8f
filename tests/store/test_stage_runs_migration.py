"""Migration 0006: a database of 0005 keeps what was done, and nothing is processed again."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest
from alembic import command

from eventwire.config import load_config
from eventwire.entities.stage import EntitiesStage
from eventwire.events.stage import EventsStage
from eventwire.facts.stage import FactsStage
from eventwire.pipeline import Pipeline
from eventwire.settings import Settings
from eventwire.store import Repository, StoreSettings
from eventwire.store.engine import alembic_config, create_store_engine, writer
from tests.stage.test_contract import NO_ENTITIES, write_articles

TITLES = ["Harbour board votes", "Rail strike ends after pay deal", "Quay vote at the harbour"]


def step_back_to(url: str, revision: str) -> None:
    engine = create_store_engine(url, StoreSettings())
    config = alembic_config()
    with writer(engine).begin() as connection:
        config.attributes["connection"] = connection
        command.downgrade(config, revision)
    engine.dispose()


def sql(url: str, query: str) -> list[tuple]:
    with sqlite3.connect(url.removeprefix("sqlite:///")) as conn:
        return conn.execute(query).fetchall()


def test_an_0005_database_is_carried_over_and_not_processed_again(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # The stages as they were when 0005 was the head (a later version bump, e.g. entities 2,
    # rightly redoes their work: that is the version mechanism, not the migration).
    for stage in (EntitiesStage, EventsStage, FactsStage):
        monkeypatch.setattr(stage, "version", 1)
    url = f"sqlite:///{tmp_path / 'old.db'}"
    without_entities = Settings.from_config(load_config(env=NO_ENTITIES))
    with Repository.open(url) as repo:  # processed articles ...
        Pipeline(repo, without_entities).run([write_articles(tmp_path / "in", TITLES)])
    step_back_to(url, "0005")  # ... in a database of revision 0005, ...
    originals = "SELECT id FROM articles WHERE id NOT IN (SELECT article_id FROM duplicate_links)"
    sql(url, f"INSERT INTO entity_runs SELECT id, '2026-01-02 03:04:05' FROM ({originals})")
    read = [row[0] for row in sql(url, originals)]  # ... whose originals were entity-read
    stories = sorted({row[0] for row in sql(url, "SELECT story_id FROM story_articles")})

    with Repository.open(url) as repo:  # upgrades to head
        done = sql(url, "SELECT stage, article_id, story_id, version, status FROM stage_runs")
        assert sorted((s, a) for s, a, _, _, _ in done if s == "dedup") == [
            ("dedup", i) for i in (1, 2, 3)
        ]
        assert sorted(a for s, a, _, _, _ in done if s == "stories") == [1, 2, 3]
        assert sorted(a for s, a, _, _, _ in done if s == "entities") == read
        for stage in ("actors", "time"):
            assert sorted(story for s, _, story, _, _ in done if s == stage) == stories
        assert {(version, status) for *_, version, status in done} == {(1, "ok")}
        assert "entity_runs" not in {row[0] for row in sql(url, "SELECT name FROM sqlite_master")}

        report = Pipeline(repo, Settings.from_config(load_config(env={}))).process()
        assert report.stages == {}  # nothing pending: no stage ran (spaCy not even loaded)
