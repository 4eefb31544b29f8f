"""Connecting to a Dask cluster: a scheduler's address, or a LocalCluster on this machine."""

from __future__ import annotations

import logging
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

EXTRA_HINT = "eventwire batch needs Dask: pip install 'eventwire[dask]'"


class DaskMissing(RuntimeError):
    """The optional ``dask`` extra is not installed."""


@contextmanager
def dask_client(
    scheduler: str | None = None, workers: int | None = None, memory_limit: str = "auto"
) -> Iterator[Any]:
    """A client of the scheduler at ``scheduler``, else of a LocalCluster of ``workers`` processes
    (each with ``memory_limit``: past it Dask spills held results to disk).

    Local workers are not daemons, so that a stage may start processes of its own (spaCy's
    ``n_process``); each runs one task at a time (stages are CPU-bound Python).
    """
    try:
        import dask

        from distributed import Client, LocalCluster
    except ImportError as error:
        raise DaskMissing(f"{EXTRA_HINT} ({error})") from None
    logging.getLogger("distributed").setLevel(logging.WARNING)  # not every worker's start/stop
    if scheduler:
        with Client(scheduler) as client:
            yield client
        return
    with (
        dask.config.set({"distributed.worker.daemon": False}),
        LocalCluster(
            n_workers=workers or 2,
            threads_per_worker=1,
            processes=True,
            dashboard_address=":0",
            memory_limit=memory_limit,
        ) as cluster,
        Client(cluster) as client,
    ):
        yield client
