"""A batch of records shared with one forked helper process while a core would otherwise idle.

After spaCy's parse, the story stages run in this one process while the machine's other core
waits. A stage that keeps no state between records (``shared = True``, the stage contract)
gets its batch shared: a helper process forked with everything loaded (the stage, its data,
the batch) takes records from the end while this process takes them from the start, one at
a time, until they meet. Each record is computed by the same code wherever it runs, so the
outcomes are the same; a record the helper took but did not send back (the helper lost) is
computed here.

The machine-load helpers (``spare_cores``, ``running_others``, ``other_threads``) are also
the facts stage's, which shares whole stories with its own pool of helpers.
"""

from __future__ import annotations

import logging
import multiprocessing
import os
import signal
import threading
import time
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

from eventwire.errors import first_line

log = logging.getLogger(__name__)
LOAD_SAMPLES = 4  # reads of the running processes, LOAD_SAMPLE_SECONDS apart
LOAD_SAMPLE_SECONDS = 0.001
LOADAVG = Path("/proc/loadavg")
MIN_SHARED = 4  # fewer records are not worth a fork


def shared_outcomes(
    records: Sequence[Any], compute: Callable[[Any], Any], spare: int | None = None
) -> list[Any]:
    """``compute(record)`` of each record, in order. With ``MIN_SHARED`` records or more, a
    spare core (``spare``: cores taken as spare, else ``spare_cores()``) and a process that
    may fork (``may_fork``), a forked helper shares them (module docstring). ``compute`` must
    contain its records' errors (an exception in the helper loses the helper, not the batch)."""
    if len(records) < MIN_SHARED or not may_fork():
        return [compute(record) for record in records]
    if not (spare_cores() if spare is None else spare):
        return [compute(record) for record in records]
    return _Shared(records, compute).run()


class _Shared:
    """This process takes records from the start, the helper from the end (shared counters
    under one lock); the helper sends each outcome as it has it."""

    def __init__(self, records: Sequence[Any], compute: Callable[[Any], Any]) -> None:
        self.records, self.compute = records, compute
        context = multiprocessing.get_context("fork")
        self.lock = context.Lock()
        self.front = context.RawValue("l", 0)  # records[front:back] are nobody's yet
        self.back = context.RawValue("l", len(records))
        self.reader, self.writer = context.Pipe(duplex=False)
        self.helper = context.Process(target=self._help, daemon=True)

    def run(self) -> list[Any]:
        """Every record's outcome, in order."""
        found: list[Any] = [_MISSING] * len(self.records)
        try:
            self.helper.start()
        except OSError as error:  # no process left: all of them here
            log.warning("no helper process: %s", first_line(error))
            return [self.compute(record) for record in self.records]
        finally:
            self.writer.close()
        while (n := self._take(from_start=True)) is not None:
            found[n] = self.compute(self.records[n])
        self._receive(found)
        return [
            self.compute(record) if outcome is _MISSING else outcome
            for record, outcome in zip(self.records, found, strict=True)
        ]

    def _take(self, from_start: bool) -> int | None:
        """The next record of this side (None: none left)."""
        with self.lock:
            if self.front.value >= self.back.value:
                return None
            if from_start:
                self.front.value += 1
                return self.front.value - 1
            self.back.value -= 1
            return self.back.value

    def _receive(self, found: list[Any]) -> None:
        """The helper's outcomes, until it has sent its last (or is gone)."""
        try:
            while True:
                n, outcome = self.reader.recv()
                found[n] = outcome
        except (EOFError, OSError):
            pass
        finally:
            self.reader.close()
            self.helper.join()
        if self.helper.exitcode:
            log.warning("a helper process ended with status %s", self.helper.exitcode)

    def _help(self) -> None:
        """The helper: records from the end, each outcome sent as it is computed."""
        signal.signal(signal.SIGINT, signal.SIG_IGN)  # its parent stops it
        signal.signal(signal.SIGTERM, signal.SIG_DFL)
        self.reader.close()
        while (n := self._take(from_start=False)) is not None:
            self.writer.send((n, self.compute(self.records[n])))
        self.writer.close()


_MISSING = object()  # no outcome yet


def may_fork() -> bool:
    """Whether this process may fork a helper: a daemon process may not (a Dask worker, a
    multiprocessing pool's worker), nor one where other threads run (the API's thread pool,
    the live watchdog): a child forked then may inherit a lock another thread held."""
    return not multiprocessing.current_process().daemon and not other_threads()


def other_threads() -> int:
    """How many threads run in this process beside the calling one."""
    return threading.active_count() - 1


def spare_cores(loadavg: Path = LOADAVG, cores: int | None = None) -> int:
    """Cores the machine has (``cores``, else all) beyond this process's own and the other
    running processes': helper processes run only while a core would otherwise idle (on a
    loaded machine they take turns with this one and add their overhead)."""
    return max(0, (cores or os.cpu_count() or 1) - 1 - round(running_others(loadavg)))


def running_others(loadavg: Path = LOADAVG) -> float:
    """Processes running beside this one now: the runnable tasks of ``loadavg`` (this one
    included) averaged over a few milliseconds; without it, the last minute's load average
    (which lags: a stage that used both cores a few seconds ago still counts)."""
    samples = []
    for n in range(LOAD_SAMPLES):
        try:
            fields = loadavg.read_text(encoding="ascii").split()
        except OSError:
            return max(0.0, os.getloadavg()[0] - 1.0)
        samples.append(int(fields[3].partition("/")[0]) - 1)
        if n + 1 < LOAD_SAMPLES:
            time.sleep(LOAD_SAMPLE_SECONDS)
    return max(0.0, sum(samples) / len(samples))
