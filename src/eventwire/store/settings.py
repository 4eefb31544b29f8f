"""Settings of the store stage (section ``[store]`` of the configuration)."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class StoreSettings:
    """How the repository talks to its database."""

    # SQLite only: seconds a writer waits for another process's lock before failing.
    busy_timeout_seconds: float = 30.0
    # Rows fetched per round trip when streaming processed articles at start-up.
    stream_batch_size: int = 1000
    # Ids per IN (...) list when updating many articles at once (SQLite caps bound values).
    id_chunk_size: int = 500
