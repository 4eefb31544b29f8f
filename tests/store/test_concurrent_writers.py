"""Two `eventwire ingest` and two `eventwire process` at once, as real processes, on SQLite
and PostgreSQL: nothing is lost, no article or story is stored twice, no story's events or
facts twice, neither crashes. Every stage runs (spaCy in the process itself, facts with the
lexical model only: no sentence embeddings, to stay fast)."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
from sqlalchemy import create_engine, text

from eventwire.config import load_config
from eventwire.pipeline import Pipeline
from eventwire.settings import Settings
from eventwire.store import Repository
from tests.conftest import EXAMPLES

FILES = 5
ARTICLES = 20  # the first four NewsWCL50 events, five outlets each: four stories
ENV = {
    "EVENTWIRE_ENTITIES__N_PROCESS": "1",
    "EVENTWIRE_FACTS__EMBEDDINGS": "false",
    # The second `process` waits for the first (one processor at a time), however slow the
    # machine: it must not give up (exit 1) while the first runs spaCy.
    "EVENTWIRE_STORE__BUSY_TIMEOUT_SECONDS": "600",
}
EVENTS = (
    "SELECT e.cameo, e.day, e.num_mentions, min(a.content_hash) FROM events e"
    " JOIN story_articles sa ON sa.story_id = e.story_id JOIN articles a ON a.id = sa.article_id"
    " GROUP BY e.id, e.cameo, e.day, e.num_mentions"
)
FACTS = (
    "SELECT f.text, f.status, min(a.content_hash) FROM facts f"
    " JOIN story_articles sa ON sa.story_id = f.story_id JOIN articles a ON a.id = sa.article_id"
    " GROUP BY f.id, f.text, f.status"
)


@pytest.fixture(scope="module")
def split_corpus(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Example JSONL articles split over several files (several transactions each run)."""
    lines = (EXAMPLES / "newswcl50" / "articles.jsonl").read_text(encoding="utf-8").splitlines()
    lines = lines[:ARTICLES]
    folder = tmp_path_factory.mktemp("concurrent") / "corpus"
    folder.mkdir()
    for index in range(FILES):
        part = lines[index::FILES]
        (folder / f"part{index}.jsonl").write_text("\n".join(part) + "\n", encoding="utf-8")
    return folder


def start(db_url: str, *args: str) -> subprocess.Popen[str]:
    """Start `eventwire --db URL --quiet ARGS` as its own process."""
    command = [sys.executable, "-m", "eventwire.cli", "--db", db_url, "--quiet", *args]
    env = {k: v for k, v in os.environ.items() if not k.startswith("EVENTWIRE_")} | ENV
    return subprocess.Popen(
        command, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True
    )


def run_twice_at_once(db_url: str, *args: str) -> None:
    """Run the same command in two processes at once; both must succeed."""
    first, second = start(db_url, *args), start(db_url, *args)
    for process in (first, second):
        _, stderr = process.communicate(timeout=900)
        assert process.returncode == 0, stderr


def rows(db_url: str, query: str) -> list[tuple]:
    engine = create_engine(db_url)
    with engine.connect() as conn:
        found = [tuple(row) for row in conn.execute(text(query))]
    engine.dispose()
    return found


def story_partition(db_url: str) -> set[frozenset[str]]:
    """The stories as sets of article content hashes (ids may differ between runs)."""
    members: dict[int, set[str]] = {}
    query = (
        "SELECT sa.story_id, a.content_hash FROM story_articles sa"
        " JOIN articles a ON a.id = sa.article_id"
    )
    for story_id, content_hash in rows(db_url, query):
        members.setdefault(story_id, set()).add(content_hash)
    return {frozenset(hashes) for hashes in members.values()}


@pytest.fixture(scope="module")
def reference(split_corpus: Path) -> str:
    """The corpus ingested and processed by one process (in this one)."""
    url = f"sqlite:///{split_corpus.parent / 'reference.db'}"
    settings = Settings.from_config(load_config(env=ENV))
    with Repository.open(url) as repo:
        assert Pipeline(repo, settings).run([split_corpus]).ok
    return url


def test_two_ingests_and_two_processes_at_once(
    any_db_url: str, split_corpus: Path, reference: str
) -> None:
    [(expected_articles,)] = rows(reference, "SELECT count(*) FROM articles")

    run_twice_at_once(any_db_url, "ingest", str(split_corpus))
    run_twice_at_once(any_db_url, "process")

    [(articles, hashes)] = rows(
        any_db_url, "SELECT count(*), count(DISTINCT content_hash) FROM articles"
    )
    assert articles == hashes == expected_articles
    [(sources, names)] = rows(any_db_url, "SELECT count(*), count(DISTINCT name) FROM sources")
    assert sources == names
    unclustered = (
        "SELECT count(*) FROM articles WHERE id NOT IN (SELECT article_id FROM story_articles)"
    )
    assert rows(any_db_url, unclustered) == [(0,)]
    [(memberships, members)] = rows(
        any_db_url, "SELECT count(*), count(DISTINCT article_id) FROM story_articles"
    )
    assert memberships == members == expected_articles
    empty = "SELECT count(*) FROM stories WHERE id NOT IN (SELECT story_id FROM story_articles)"
    assert rows(any_db_url, empty) == [(0,)]
    runs = (
        "SELECT stage, article_id, story_id, count(*) FROM stage_runs"
        " GROUP BY stage, article_id, story_id HAVING count(*) > 1"
    )
    assert rows(any_db_url, runs) == []
    assert story_partition(any_db_url) == story_partition(reference)
    # Each story's events and facts once (a story is known by its first article's hash).
    assert sorted(rows(any_db_url, EVENTS)) == sorted(rows(reference, EVENTS))
    assert sorted(rows(any_db_url, FACTS)) == sorted(rows(reference, FACTS))
    assert rows(reference, "SELECT count(*) FROM events")[0][0] > 0
