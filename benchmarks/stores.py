"""A fresh store for a benchmark run: the runner `eventwire run` uses, over a throwaway
SQLite database."""

from __future__ import annotations

import tempfile
from collections.abc import Iterator
from contextlib import contextmanager

from eventwire.config import load_config
from eventwire.pipeline import Pipeline, Settings
from eventwire.store import Repository


@contextmanager
def temporary_pipeline(settings: Settings | None = None) -> Iterator[Pipeline]:
    """A Pipeline (the packaged defaults unless ``settings``) over a fresh SQLite store in a
    temporary folder; the store is closed and removed after."""
    settings = settings or Settings.from_config(load_config())
    with tempfile.TemporaryDirectory(prefix="eventwire-bench-") as folder:
        repo = Repository.open(f"sqlite:///{folder}/bench.db", settings.store)
        try:
            yield Pipeline(repo, settings)
        finally:
            repo.close()
