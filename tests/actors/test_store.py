"""Mentions and actors in the store through the pipeline: idempotent, incremental, per story."""

from __future__ import annotations

import sqlite3
from pathlib import Path

from eventwire.actors.stage import ActorsStage
from eventwire.config import load_config
from eventwire.pipeline import Pipeline, Settings
from eventwire.store import Repository

FIRST = (
    "Chilean Foreign Minister Lucia Moretti met Peruvian Defence Minister Daniel Moretti in Lima "
    "on Monday to discuss the border water treaty. Lucia Moretti said the water talks went well.\n"
)
SECOND = (
    "Foreign Minister Lucia Moretti of Chile and Defence Minister Daniel Moretti of Peru agreed on "
    "Monday in Lima to continue the border water treaty talks. Moretti thanked the Peruvian side.\n"
)


def write_article(folder: Path, name: str, title: str, body: str) -> None:
    folder.mkdir(parents=True, exist_ok=True)
    (folder / name).write_text(f"{title}\n\n{body}", encoding="utf-8")


def run(url: str, *paths: Path) -> None:
    settings = Settings.from_config(load_config(env={}))
    with Repository.open(url, settings.store) as repo:
        report = Pipeline(repo, settings).run(list(paths))
        assert report.ok, report.rejections


def table(url: str, query: str) -> list[tuple]:
    with sqlite3.connect(url.removeprefix("sqlite:///")) as conn:
        return conn.execute(query).fetchall()


def test_mentions_are_stored_once_with_offsets(db_url: str, tmp_path: Path) -> None:
    write_article(
        tmp_path / "in" / "outlet-a", "one.txt", "Border water treaty talks in Lima", FIRST
    )
    run(db_url, tmp_path / "in")
    run(db_url, tmp_path / "in")  # nothing new: nothing recognised twice
    rows = table(db_url, "SELECT part, sentence, start_char, end_char, text, label FROM mentions")
    assert ("body", 0, FIRST.index("Lucia"), FIRST.index(" met"), "Lucia Moretti", "PERSON") in rows
    assert len(rows) == len(set(rows))
    assert table(db_url, "SELECT COUNT(*) FROM stage_runs WHERE stage = 'entities'") == [(1,)]


def test_a_story_is_resolved_again_when_it_grows(db_url: str, tmp_path: Path) -> None:
    write_article(
        tmp_path / "a" / "outlet-a", "one.txt", "Border water treaty talks in Lima", FIRST
    )
    write_article(
        tmp_path / "b" / "outlet-b", "two.txt", "Water treaty talks go on in Lima", SECOND
    )
    run(db_url, tmp_path / "a")
    run(db_url, tmp_path / "b")
    with Repository.open(db_url) as repo:
        [story] = repo.list_stories()
        assert len(story.articles) == 2
        people = [a for a in repo.list_actors(story.id) if a.type == "person"]
        lucia = next(a for a in people if a.name == "Lucia Moretti")
        daniel = next(a for a in people if a.name == "Daniel Moretti")
        found = repo.find_actor("Lucia Moretti")
    assert len(people) == 2
    assert (lucia.country, daniel.country) == ("CHL", "PER")
    assert found is not None and found[1][0].story_id == story.id
    linked = table(
        db_url,
        "SELECT DISTINCT m.article_id FROM actor_mentions am"
        " JOIN mentions m ON m.id = am.mention_id"
        f" WHERE am.actor_id = {lucia.id}",
    )
    assert {row[0] for row in linked} == {1, 2}
    # every mention of the first article still has at most one actor after the re-resolution
    assert table(db_url, "SELECT COUNT(*) FROM actor_mentions") == table(
        db_url, "SELECT COUNT(DISTINCT mention_id) FROM actor_mentions"
    )


def test_entities_can_be_switched_off(db_url: str, tmp_path: Path) -> None:
    write_article(
        tmp_path / "in" / "outlet-a", "one.txt", "Border water treaty talks in Lima", FIRST
    )
    config = load_config(env={"EVENTWIRE_ENTITIES__ENABLED": "false"})
    settings = Settings.from_config(config)
    with Repository.open(db_url, settings.store) as repo:
        Pipeline(repo, settings).run([tmp_path / "in"])
        assert repo.list_actors() == []
        assert repo.pending_articles("entities", 1, "stories", True) == [1]  # read when back on


def test_a_broken_actor_file_is_reported_and_nothing_is_lost(db_url: str, tmp_path: Path) -> None:
    dated = FIRST + "The next round of talks opens on 12 March 2025.\n"
    write_article(
        tmp_path / "in" / "outlet-a", "one.txt", "Border water treaty talks in Lima", dated
    )
    broken = tmp_path / "actors.yaml"
    broken.write_text("name: not a list\n", encoding="utf-8")
    config = load_config(env={"EVENTWIRE_ACTORS__USER_FILE": str(broken)})
    settings = Settings.from_config(config)
    with Repository.open(db_url, settings.store) as repo:
        report = Pipeline(repo, settings).run([tmp_path / "in"])
        assert [r.reason for r in report.rejections] == ["actors-setup-error"]
        pending = repo.pending_stories("actors", ActorsStage.version, "entities")
        assert pending == [1]  # resolved once fixed
        assert repo.pending_stories("time", 1, "entities") == []  # time ran without actors
        times = [time.value for _, time, _ in repo.article_mentions(1) if time is not None]
        assert "2025-03-12" in times  # time is its own stage: it runs when actors cannot
    run(db_url)
    with Repository.open(db_url) as repo:
        assert repo.pending_stories("actors", ActorsStage.version, "entities") == []
        assert repo.find_actor("Lucia Moretti") is not None
