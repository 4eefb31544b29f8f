"""End to end on SQLite and PostgreSQL: ingest -> process -> every read command (stories,
their events and facts, actors, events) and full-text search give the same."""

from __future__ import annotations

from pathlib import Path

import pytest

from eventwire.store import Repository
from tests.conftest import EXAMPLES, copy_seeds, run_eventwire
from tests.store.postgres import create_database

ARTICLES = 12  # example articles besides the seeds (enough for several stories and actors)
# Times of this run, not of the data: they differ between any two runs.
RUN_TIMES = {"ingested_at", "processed_at", "created_at", "updated_at", "fetched_at"}
READS = (
    ("stories", "--json"),
    ("stories", "--json", "--outlet", "seed-outlet-a"),
    ("stories", "--json", "--since", "2018-01-01", "--limit", "2"),
    ("story", "1", "--json"),
    ("article", "1", "--json", "--explain"),
    ("article", "3", "--json"),
    ("actors", "--json"),
    ("actor", "1", "--json"),
    ("status", "--json"),
    ("events", "--json"),
    ("events", "--json", "--code", "01"),
)
SEARCHES = ("Comey", "Trump Comey", "Putin")  # names: PostgreSQL stems words, FTS5 does not


@pytest.fixture
def corpus(tmp_path: Path) -> Path:
    """The seeds and a few example JSONL articles."""
    root = copy_seeds(tmp_path / "corpus")
    lines = (EXAMPLES / "newswcl50" / "articles.jsonl").read_text(encoding="utf-8").splitlines()
    (root / "examples.jsonl").write_text("\n".join(lines[:ARTICLES]) + "\n", encoding="utf-8")
    return root


def without_run_times(value: object) -> object:
    """``value`` with the keys that hold this run's clock times (and input paths) removed."""
    if isinstance(value, dict):
        kept = {k: v for k, v in value.items() if k not in RUN_TIMES and k != "origin"}
        return {k: without_run_times(v) for k, v in kept.items()}
    if isinstance(value, list):
        return [without_run_times(v) for v in value]
    return value


def pipeline_reads(db_url: str, corpus: Path) -> dict[tuple[str, ...], object]:
    """Ingest and process ``corpus`` into ``db_url``; the JSON of every read command."""
    assert run_eventwire(db_url, "--quiet", "ingest", str(corpus)).code == 0
    assert run_eventwire(db_url, "--quiet", "process").code == 0
    outputs = {}
    for args in READS:
        result = run_eventwire(db_url, *args)
        assert result.code == 0, (args, result.stderr)
        outputs[args] = without_run_times(result.json())
    with Repository.open(db_url) as repo:
        for query in SEARCHES:
            outputs[("search", query)] = sorted(hit.id for hit in repo.search(query, limit=None))
    return outputs


def test_postgresql_stores_and_reads_what_sqlite_does(
    postgres_server: str, corpus: Path, tmp_path: Path
) -> None:
    on_sqlite = pipeline_reads(f"sqlite:///{tmp_path / 'e2e.db'}", corpus)
    on_postgresql = pipeline_reads(create_database(postgres_server), corpus)
    assert on_sqlite[("stories", "--json")]["items"]  # something to compare
    assert on_sqlite[("actors", "--json")]["items"]
    assert on_sqlite[("events", "--json")]["items"]
    assert on_sqlite[("story", "1", "--json")]["facts"]
    assert all(on_sqlite[("search", query)] for query in SEARCHES)
    for args in on_sqlite:
        assert on_postgresql[args] == on_sqlite[args], args
