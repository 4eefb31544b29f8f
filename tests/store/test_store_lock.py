"""One processor per database: the processing lock, across real processes."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
from pathlib import Path

import pytest

from eventwire.store import ProcessingBusy, Repository
from tests.conftest import DATA, run_eventwire

NEWS = DATA / "newswcl50" / "newswcl50_docs.jsonl"
HOLD_LOCK = """
import sys, time
from eventwire.store import Repository
with Repository.open(sys.argv[1]) as repo, repo.processing_lock(wait=0):
    print("held", flush=True)
    time.sleep(600)
"""
QUICK_CONFIG = "[entities]\nenabled = false\n[store]\nbusy_timeout_seconds = {wait}\n"


def test_a_second_holder_waits_then_gives_up_and_gets_the_lock_once_it_is_free(
    store_url: str,
) -> None:
    with Repository.open(store_url) as first, Repository.open(store_url) as second:
        with first.processing_lock(wait=0), pytest.raises(ProcessingBusy) as busy:  # noqa: SIM117
            with second.processing_lock(wait=0.3):
                pass
        with second.processing_lock(wait=0):
            pass

    assert "another eventwire process is processing this database" in str(busy.value)


def test_a_killed_holder_leaves_no_stale_lock(store_url: str) -> None:
    holder = subprocess.Popen(
        [sys.executable, "-c", HOLD_LOCK, store_url], stdout=subprocess.PIPE, text=True
    )
    try:
        assert holder.stdout is not None and holder.stdout.readline().strip() == "held"
        with Repository.open(store_url) as repo:
            with pytest.raises(ProcessingBusy):  # noqa: SIM117
                with repo.processing_lock(wait=0.2):
                    pass
            os.kill(holder.pid, signal.SIGKILL)
            holder.wait(timeout=30)
            with repo.processing_lock(wait=10):  # taken over: the holder is gone
                pass
    finally:
        holder.kill()
        holder.wait(timeout=30)


@pytest.fixture
def news_jsonl(tmp_path: Path) -> Path:
    """The NewsWCL50 articles as one JSONL input (text and outlet)."""
    if not NEWS.is_file():
        pytest.skip(f"NewsWCL50 not available: {NEWS} is absent")
    lines = []
    for line in NEWS.read_text(encoding="utf-8").splitlines():
        doc = json.loads(line)
        lines.append(json.dumps({"text": doc["text"], "source": f"outlet-{doc['outlet']}"}))
    path = tmp_path / "news.jsonl"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def start_process(db_url: str, config: Path) -> subprocess.Popen:
    """`eventwire process` in the background."""
    command = [sys.executable, "-m", "eventwire.cli", "--db", db_url, "--config", str(config)]
    env = {k: v for k, v in os.environ.items() if not k.startswith("EVENTWIRE_")}
    return subprocess.Popen(
        [*command, "--quiet", "process"], stderr=subprocess.PIPE, text=True, env=env
    )


def test_two_process_commands_at_once_take_turns(
    news_jsonl: Path, tmp_path: Path, db_url: str
) -> None:
    config = tmp_path / "quick.toml"
    config.write_text(QUICK_CONFIG.format(wait=120.0), encoding="utf-8")
    assert run_eventwire(db_url, "--config", str(config), "ingest", str(news_jsonl)).code == 0

    runs = [start_process(db_url, config) for _ in range(2)]
    errors = [run.communicate(timeout=300)[1] for run in runs]

    assert [run.returncode for run in runs] == [0, 0], errors
    assert not any("Traceback" in error for error in errors), errors
    with Repository.open(db_url, create=False) as repo:
        counts = repo.counts()
        stories = repo.list_stories()
    assert counts["pending"] == 0
    in_stories = [article.id for story in stories for article in story.articles]
    assert len(in_stories) == len(set(in_stories)) == counts["articles"]


def test_process_says_in_one_line_that_another_process_is_running(
    news_jsonl: Path, tmp_path: Path, db_url: str
) -> None:
    config = tmp_path / "impatient.toml"
    config.write_text(QUICK_CONFIG.format(wait=0.5), encoding="utf-8")
    options = ("--config", str(config))
    assert run_eventwire(db_url, *options, "ingest", str(news_jsonl)).code == 0

    with Repository.open(db_url) as other:
        with other.processing_lock(wait=0):
            busy = run_eventwire(db_url, *options, "process")
        after = run_eventwire(db_url, *options, "process")

    assert busy.code == 1
    assert busy.stderr.strip().splitlines() == [
        "error: another eventwire process is processing this database (waited 0.5 s); "
        "what is stored is processed by the next `eventwire process`"
    ]
    assert after.code == 0, after.stderr
