"""Per-host politeness: a minimum delay between requests and a cap on requests in flight."""

from __future__ import annotations

import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager


class HostLimiter:
    """Spaces requests to one host by ``delay`` seconds and allows ``concurrency`` at once.

    Waits end early when ``stop`` is set, so a shutdown is never held up by politeness.
    """

    def __init__(self, delay: float, concurrency: int, stop: threading.Event) -> None:
        self._delay = delay
        self._concurrency = max(1, concurrency)
        self._stop = stop
        self._lock = threading.Lock()
        self._slots: dict[str, threading.Semaphore] = {}
        self._next_start: dict[str, float] = {}
        self._delays: dict[str, float] = {}

    def set_delay(self, host: str, delay: float) -> None:
        """Use a longer delay for ``host`` (a robots.txt Crawl-delay)."""
        with self._lock:
            self._delays[host] = max(self._delay, delay)

    def hold(self, host: str, seconds: float) -> None:
        """Start no request to ``host`` for ``seconds`` (the server asked: Retry-After)."""
        with self._lock:
            until = time.monotonic() + seconds
            self._next_start[host] = max(self._next_start.get(host, 0.0), until)

    def held_for(self, host: str) -> float:
        """Seconds before ``host`` may get its next request (0 when it may now)."""
        with self._lock:
            return max(0.0, self._next_start.get(host, 0.0) - time.monotonic())

    @contextmanager
    def slot(self, host: str) -> Iterator[None]:
        """Hold one of ``host``'s request slots, started no sooner than its delay allows."""
        with self._semaphore(host):
            self._stop.wait(self._reserve_start(host) - time.monotonic())
            yield

    def _semaphore(self, host: str) -> threading.Semaphore:
        with self._lock:
            return self._slots.setdefault(host, threading.Semaphore(self._concurrency))

    def _reserve_start(self, host: str) -> float:
        """The time this request may start; the next one to ``host`` waits a delay longer."""
        with self._lock:
            start = max(time.monotonic(), self._next_start.get(host, 0.0))
            self._next_start[host] = start + self._delays.get(host, self._delay)
            return start
