"""Several processes opening one new SQLite database at the same moment all succeed.

Switching a new file to WAL takes a lock SQLite's busy handler does not wait for; without a
retry, one of two processes starting at once sometimes failed with "database is locked".
"""

from __future__ import annotations

import multiprocessing
from pathlib import Path

from eventwire.store import Repository

PROCESSES = 4
ROUNDS = 12


def open_once(url: str, start: multiprocessing.synchronize.Event) -> None:
    """Wait for the common start signal, then open (and create) the database."""
    start.wait()
    Repository.open(url).close()


def test_processes_opening_a_new_database_at_once_all_succeed(tmp_path: Path) -> None:
    context = multiprocessing.get_context("fork")
    for round_number in range(ROUNDS):
        url = f"sqlite:///{tmp_path / f'store{round_number}.db'}"
        start = context.Event()
        workers = [context.Process(target=open_once, args=(url, start)) for _ in range(PROCESSES)]
        for worker in workers:
            worker.start()
        start.set()
        for worker in workers:
            worker.join(timeout=120)
        assert [worker.exitcode for worker in workers] == [0] * PROCESSES, f"round {round_number}"
