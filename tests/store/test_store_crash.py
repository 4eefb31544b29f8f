"""A writer killed with SIGKILL mid-run loses at most its batch in flight, never committed data."""

from __future__ import annotations

import signal
import subprocess
import sys
from pathlib import Path

from sqlalchemy import create_engine

from eventwire.store import Repository
from tests.conftest import REPO_ROOT

BATCH = 25
BATCHES_BEFORE_KILL = 8
WRITER = f"""
import sys
from tests.store.helpers import make_item
from eventwire.store import Repository

repo = Repository.open(sys.argv[1])
for batch in range(100000):
    items = [make_item(f"{{batch}}-{{n}}", source=f"outlet-{{n % 5}}") for n in range({BATCH})]
    ids = repo.add_articles(items)
    print(batch, min(ids), max(ids), flush=True)
"""


def run_writer_until_killed(url: str) -> list[tuple[int, int]]:
    """Start a real writer process, SIGKILL it mid-stream; return the id ranges it committed."""
    process = subprocess.Popen(
        [sys.executable, "-c", WRITER, url],
        cwd=REPO_ROOT,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    committed: list[tuple[int, int]] = []
    assert process.stdout is not None
    for line in process.stdout:
        _, first, last = (int(v) for v in line.split())
        committed.append((first, last))
        if len(committed) == BATCHES_BEFORE_KILL:
            process.send_signal(signal.SIGKILL)
            break
    process.wait(timeout=60)
    assert process.returncode == -signal.SIGKILL, process.stderr.read() if process.stderr else ""
    return committed


def test_killed_writer_leaves_committed_articles_intact(tmp_path: Path) -> None:
    path = tmp_path / "crash.db"
    url = f"sqlite:///{path}"
    committed = run_writer_until_killed(url)
    with Repository.open(url) as repo:
        count = repo.counts()["articles"]
        assert count >= BATCHES_BEFORE_KILL * BATCH
        assert count % BATCH == 0  # the batch in flight is all there or not at all
        for first, last in committed:
            for article_id in range(first, last + 1):
                view = repo.get_article(article_id)
                assert view is not None
                assert len(view.notes) == 2 and view.text
        assert len(repo.pending_documents()) == count
    engine = create_engine(url)
    with engine.connect() as conn:
        assert conn.exec_driver_sql("PRAGMA integrity_check").scalar_one() == "ok"
        assert conn.exec_driver_sql("PRAGMA foreign_key_check").all() == []
    engine.dispose()
