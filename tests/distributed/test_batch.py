"""`eventwire batch` on a 2-worker LocalCluster against the embedded runner on the same input."""

from __future__ import annotations

import os
import signal
from pathlib import Path
from typing import Any

import pytest

from eventwire.config import load_config
from eventwire.settings import Settings
from eventwire.store import Repository
from tests.conftest import EXAMPLES, run_eventwire
from tests.distributed.conftest import batch_folder, embedded_database
from tests.stage.test_contract import TEMPORARY_REGISTRY
from tests.store.postgres import create_database

pytest.importorskip("distributed", reason="eventwire[dask] is not installed")

from eventwire.distributed.compare import agreement, read_table
from eventwire.distributed.runner import BatchOptions, run_batch

# Entities need spaCy on every worker: these tests are about the plan, not the model.
ENV = {"EVENTWIRE_ENTITIES__ENABLED": "false"}
# Small windows and partitions, so that stories cross window boundaries and rows cross workers.
OPTIONS = BatchOptions(files_per_partition=2, buckets=4, window_days=30.0, groups=3)
RUN_TIMES = {"created_at", "updated_at", "ingested_at", "processed_at", "ran_at"}


@pytest.fixture(scope="module")
def settings() -> Settings:
    """Settings of the registry with the test's extra ``words`` stage (runs after stories)."""
    return Settings.from_config(
        load_config(env=ENV, registry=TEMPORARY_REGISTRY), TEMPORARY_REGISTRY
    )


@pytest.fixture(scope="module")
def embedded(settings: Settings, copies_corpus: Path, tmp_path_factory) -> str:
    """The embedded runner's database on the corpus."""
    return embedded_database(settings, copies_corpus, tmp_path_factory.mktemp("embedded"))


@pytest.fixture(scope="module")
def batch_out(dask_client, settings: Settings, copies_corpus: Path, tmp_path_factory) -> Path:
    """The batch's Parquet folder on the corpus."""
    out = tmp_path_factory.mktemp("batch") / "out"
    return batch_folder(dask_client, settings, copies_corpus, out, OPTIONS)


def tables_of(folder: Path) -> dict[str, list[dict]]:
    """Every table of a batch, without the clock times of the run."""
    names = sorted(path.stem for path in folder.glob("*.parquet"))
    return {
        name: [
            {k: v for k, v in row.items() if k not in RUN_TIMES} for row in read_table(folder, name)
        ]
        for name in names
    }


def test_batch_agrees_with_the_embedded_runner(batch_out: Path, embedded: str) -> None:
    measured = agreement(batch_out, embedded)
    print("batch vs embedded:", measured)  # the agreement, reported (pytest -s)
    assert measured["articles"] == 70
    assert measured["links"] == {"both": 20, "batch_only": 0, "embedded_only": 0}
    assert measured["stories_b3"]["f1"] >= 0.95
    assert measured["stories"]["batch"] == measured["stories"]["embedded"]


def test_a_stage_added_to_the_registry_runs_under_dask(batch_out: Path) -> None:
    articles = {row["id"] for row in read_table(batch_out, "articles")}
    words = [row for row in read_table(batch_out, "stage_runs") if row["stage"] == "words"]
    assert sorted(row["article_id"] for row in words) == sorted(articles)
    assert {row["status"] for row in words} == {"ok"}


def test_the_output_folder_holds_only_finished_tables(batch_out: Path) -> None:
    assert not [p for p in batch_out.parent.iterdir() if p.name.startswith(".")]
    assert {"articles", "duplicate_links", "stories", "story_articles", "stage_runs"} <= {
        p.stem for p in batch_out.glob("*.parquet")
    }


def test_a_worker_killed_mid_run_loses_and_duplicates_nothing(
    dask_client, settings: Settings, copies_corpus: Path, batch_out: Path, tmp_path: Path
) -> None:
    killed = []

    def kill_a_worker(phase: str, done: int, total: int | None) -> None:
        if phase == "stories" and done == total and not killed:  # the groups are starting
            pids = dask_client.run(os.getpid)
            worker = sorted(pids)[0]
            os.kill(pids[worker], signal.SIGKILL)
            killed.append(worker)

    out = tmp_path / "out"
    run_batch(
        dask_client, [copies_corpus], out, settings, options=OPTIONS, on_progress=kill_a_worker
    )
    assert killed
    assert tables_of(out) == tables_of(batch_out)


def holds_text(value: Any, depth: int = 0) -> bool:
    """Whether a task result carries article text: a document, a read partition, an article
    row (looked for inside lists, tuples and dicts)."""
    if type(value).__name__ in {"Document", "ReadPart"}:
        return True
    if isinstance(value, dict):
        if "body" in value or "text" in value:
            return True
        value = list(value.values())
    if isinstance(value, list | tuple) and depth < 4:
        return any(holds_text(item, depth + 1) for item in value[:50])
    return False


def results_with_text(dask_worker: Any) -> int:
    """How many results a worker holds that carry article text."""
    return sum(holds_text(value) for value in list(dask_worker.data.values()))


def test_the_cluster_holds_no_article_text_between_phases(
    dask_client,
    settings,
    copies_corpus: Path,
    tmp_path: Path,
) -> None:
    held: dict[str, int] = {}

    def look(phase: str, done: int, total: int | None) -> None:
        if done == total:
            held[phase] = sum(dask_client.run(results_with_text).values())

    run_batch(dask_client, [copies_corpus], tmp_path / "out", settings, options=OPTIONS,
              on_progress=look)  # fmt: skip
    assert set(held) >= {"read", "dedup", "stories"}
    assert held == dict.fromkeys(held, 0)


def test_a_failed_batch_leaves_no_files_behind(
    dask_client,
    settings,
    copies_corpus: Path,
    tmp_path: Path,
) -> None:
    def fail_in_stories(phase: str, done: int, total: int | None) -> None:
        if phase == "stories":
            raise KeyboardInterrupt

    with pytest.raises(KeyboardInterrupt):
        run_batch(dask_client, [copies_corpus], tmp_path / "out", settings, options=OPTIONS,
                  on_progress=fail_in_stories)  # fmt: skip
    assert list(tmp_path.iterdir()) == []


def test_batch_loads_into_postgresql(
    dask_client, batch_out: Path, embedded: str, postgres_server: str
) -> None:
    from eventwire.distributed.output import load_parquet

    url = create_database(postgres_server)
    loaded = load_parquet(batch_out, url)
    assert loaded["articles"] == len(read_table(batch_out, "articles"))
    on_postgresql = run_eventwire(url, "stories", "--json", "--limit", "100")
    assert on_postgresql.code == 0
    assert len(on_postgresql.json()["items"]) == len(read_table(batch_out, "stories"))
    new_article = run_eventwire(url, "--quiet", "ingest", str(EXAMPLES / "seed-outlet-a"))
    assert new_article.code == 0  # ids go on after the loaded ones (sequences advanced)


def test_the_batch_command_writes_and_loads_into_sqlite(
    dask_client, copies_corpus: Path, batch_out: Path, tmp_path: Path
) -> None:
    config = tmp_path / "settings.toml"
    config.write_text("[entities]\nenabled = false\n", encoding="utf-8")
    loaded = f"sqlite:///{tmp_path / 'loaded.db'}"
    address = dask_client.scheduler.address
    out = tmp_path / "out"
    result = run_eventwire(
        loaded, "--config", str(config), "batch", str(copies_corpus), "--out", str(out),
        "--scheduler", address, "--load", loaded, "--json", "--quiet",
    )  # fmt: skip
    assert result.code == 0, result.stderr
    report = result.json()
    assert report["loaded"]["articles"] == report["rows"]["articles"] == 70
    stories = run_eventwire(loaded, "stories", "--json", "--limit", "100")
    assert len(stories.json()["items"]) == len(read_table(out, "stories"))
    with Repository.open(loaded) as repo:
        assert repo.search("Trump", limit=5)  # the search index follows a load
