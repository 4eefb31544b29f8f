"""One processor per database: the lock ``Pipeline.process`` holds while it runs.

Processing reads every pending article and numbers new stories from what is stored, so two
processes at once would number the same stories twice. The lock is one that the operating
system or the server releases when its holder dies, so a killed process never leaves a
stale lock behind:

- SQLite: an exclusive transaction held open on a small lock file next to the database
  (``<database>.process-lock``, with an empty ``-journal`` while it is held), by SQLite's
  own file locking: released when the connection closes or the process ends;
- PostgreSQL: a session advisory lock (``pg_advisory_lock``), released when the session ends.

Other databases (and in-memory SQLite, which one process alone can see) are not locked.
"""

from __future__ import annotations

import sqlite3
import time
from collections.abc import Iterator
from contextlib import AbstractContextManager, closing, contextmanager, nullcontext
from pathlib import Path

from sqlalchemy import Engine, text

LOCK_SUFFIX = ".process-lock"
PG_LOCK_KEY = 0x65766E7477697265  # "evntwire": the advisory lock key of processing
PG_POLL_SECONDS = 0.1


class ProcessingBusy(RuntimeError):
    """Another process is processing the same database."""

    def __init__(self, waited: float) -> None:
        super().__init__(
            f"another eventwire process is processing this database (waited {waited:g} s); "
            "what is stored is processed by the next `eventwire process`"
        )


def processing_lock(engine: Engine, wait: float) -> AbstractContextManager[None]:
    """Hold the processing lock of ``engine``'s database, waiting up to ``wait`` seconds.

    Raises ProcessingBusy when another process still holds it after ``wait`` seconds.
    """
    if engine.dialect.name == "postgresql":
        return advisory_lock(engine, wait)
    path = sqlite_lock_path(engine) if engine.dialect.name == "sqlite" else None
    return file_lock(path, wait) if path is not None else nullcontext()


def sqlite_lock_path(engine: Engine) -> Path | None:
    """The lock file of a SQLite database file; None for an in-memory database."""
    database = engine.url.database or ""
    if database.startswith("file:"):  # a URI filename
        database, _, query = database.removeprefix("file:").partition("?")
        if "mode=memory" in query:
            return None
    if database in ("", ":memory:"):
        return None
    path = Path(database).expanduser()
    return path.with_name(path.name + LOCK_SUFFIX)


@contextmanager
def file_lock(path: Path, wait: float) -> Iterator[None]:
    """An exclusive SQLite transaction on ``path``, held while the block runs."""
    connection = sqlite3.connect(path, timeout=wait, isolation_level=None)
    with closing(connection):
        try:
            connection.execute("BEGIN EXCLUSIVE")  # SQLite's busy handler waits up to ``wait``
        except sqlite3.OperationalError as error:
            if "locked" not in str(error):
                raise
            raise ProcessingBusy(wait) from None
        try:
            yield
        finally:
            connection.execute("ROLLBACK")


@contextmanager
def advisory_lock(engine: Engine, wait: float) -> Iterator[None]:
    """A PostgreSQL session advisory lock, held on its own connection while the block runs."""
    with engine.connect() as connection:
        deadline = time.monotonic() + wait
        query = text("SELECT pg_try_advisory_lock(:key)")
        while not connection.execute(query, {"key": PG_LOCK_KEY}).scalar():
            if time.monotonic() >= deadline:
                raise ProcessingBusy(wait)
            time.sleep(PG_POLL_SECONDS)
        connection.commit()  # the session holds the lock; no transaction stays open
        try:
            yield
        finally:
            connection.execute(text("SELECT pg_advisory_unlock(:key)"), {"key": PG_LOCK_KEY})
            connection.commit()
