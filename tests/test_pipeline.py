"""Pipeline-level tests: crash safety and the bundled example corpus."""

from __future__ import annotations

import csv
import json
import os
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest

from eventwire.store import Repository
from eventwire.stories.evaluate import bcubed_f1, pairwise_f1
from tests.conftest import DATA, EXAMPLES, REPO_ROOT, run_eventwire


def write_ecb_articles(folder: Path, limit: int = 400) -> int:
    """Write real ECB+ documents as plain-text files, one outlet folder per topic."""
    source = DATA / "ecbplus" / "docs.jsonl"
    if not source.exists():
        pytest.skip(f"ECB+ data not found at {source}")
    count = 0
    with source.open(encoding="utf-8") as lines:
        for line in lines:
            doc = json.loads(line)
            if not doc["text"].strip():
                continue  # a title without a body is rightly rejected as empty
            outlet = folder / f"topic-{doc['topic']}"
            outlet.mkdir(parents=True, exist_ok=True)
            (outlet / f"{doc['doc_id']}.txt").write_text(
                f"{doc['title']}\n\n{doc['text']}\n", encoding="utf-8"
            )
            count += 1
            if count == limit:
                break
    return count


def count_rows(db_file: Path, table: str) -> int:
    try:
        with sqlite3.connect(f"file:{db_file}?mode=ro", uri=True, timeout=5) as connection:
            return connection.execute(f"SELECT count(*) FROM {table}").fetchone()[0]
    except sqlite3.OperationalError:
        return 0


@pytest.mark.slow
def test_kill_mid_batch_loses_nothing(tmp_path: Path) -> None:
    corpus = tmp_path / "corpus"
    total = write_ecb_articles(corpus, limit=200)
    db_file = tmp_path / "kill.db"
    db_url = f"sqlite:///{db_file}"
    command = [sys.executable, "-m", "eventwire.cli", "--db", db_url, "--quiet", "run", str(corpus)]
    process = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    deadline = time.monotonic() + 300
    while count_rows(db_file, "articles") < 40 and process.poll() is None:
        assert time.monotonic() < deadline, "the run never stored 40 articles"
        time.sleep(0.05)
    os.kill(process.pid, signal.SIGKILL)
    process.wait()

    stored_before = count_rows(db_file, "articles")
    assert 40 <= stored_before < total, "kill must land mid-batch for this test to mean anything"
    with sqlite3.connect(db_file) as connection:
        assert connection.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    repo = Repository.open(db_url)
    try:
        for article_id in range(1, stored_before + 1):
            article = repo.get_article(article_id)
            assert article is not None and article.blocks
    finally:
        repo.close()

    resumed = run_eventwire(db_url, "--quiet", "run", str(corpus))
    assert resumed.code == 0, resumed.stderr
    assert count_rows(db_file, "articles") == total
    repo = Repository.open(db_url)
    try:
        counts = repo.counts()
        assert counts["articles"] == total and counts["pending"] == 0
        members = sum(len(s.articles) for s in repo.list_stories())
        assert members == total
    finally:
        repo.close()


def read_gold(path: Path) -> dict[str, str]:
    with path.open(encoding="utf-8") as handle:
        rows = list(csv.reader(handle, delimiter="\t"))
    _header, *body = rows
    return {row[0]: row[1] for row in body}


def gold_key(origin: str, url: str | None) -> str:
    if url:
        return url
    return Path(origin).resolve().relative_to(EXAMPLES.resolve()).as_posix()


@pytest.mark.slow
def test_example_corpus_forms_its_stories(tmp_path: Path) -> None:
    gold = read_gold(EXAMPLES / "gold.tsv")
    db_url = f"sqlite:///{tmp_path / 'examples.db'}"
    result = run_eventwire(db_url, "--quiet", "run", str(EXAMPLES), cwd=REPO_ROOT)
    assert result.code == 0, result.stderr

    repo = Repository.open(db_url)
    try:
        predicted: dict[str, int] = {}
        for story in repo.list_stories():
            for item in story.articles:
                article = repo.get_article(item.id)
                predicted[gold_key(article.origin, article.url)] = story.id
    finally:
        repo.close()
    assert set(predicted) == set(gold)
    assert len(set(predicted.values())) == len(set(gold.values())) == 11
    pairwise = pairwise_f1(predicted, gold)
    assert pairwise.f1 >= 0.9, pairwise
    assert bcubed_f1(predicted, gold).f1 >= 0.9
