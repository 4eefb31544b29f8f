"""Cut requests in flight short: at their download deadline, or a grace period after a stop.

A server may trickle a byte a second (no read timeout ever trips) or send nothing while the
user asks eventwire to stop. A read blocked in another thread cannot be interrupted from
Python, but shutting its socket down ends it at once; the watchdog thread does that, and
the reading thread then raises the reason (``timeout`` or ``stopped``) instead of whatever
the cut connection looked like.
"""

from __future__ import annotations

import contextlib
import socket
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

from eventwire.live.errors import STOPPED, TIMEOUT, FetchProblem

TICK_SECONDS = 0.1  # how often deadlines and the stop are checked
STOP_GRACE_SECONDS = 5.0  # after a stop, requests in flight get this long to finish
CONNECTED_EVENTS = ("connection.connect_tcp.complete", "connection.start_tls.complete")


class Request:
    """One request in flight: its connection's socket, its deadline, and why it was cut."""

    def __init__(self) -> None:
        self.sockets: list[socket.socket] = []
        self.deadline: float | None = None  # monotonic time the body must be read by
        self.limit: float | None = None  # seconds the body may take (for the message)
        self.cut_reason: str | None = None
        self._lock = threading.Lock()

    def trace(self, event: str, info: dict[str, Any]) -> None:
        """httpx's ``trace`` extension: keep the socket of a connection as it opens."""
        if event in CONNECTED_EVENTS:
            self.attach(info.get("return_value"))

    def attach(self, stream: Any) -> None:
        """Watch the socket of an httpcore network stream (a reused connection's too)."""
        sock = stream.get_extra_info("socket") if stream is not None else None
        if isinstance(sock, socket.socket):
            with self._lock:
                self.sockets.append(sock)
                if self.cut_reason is not None:
                    shut(sock)

    def start_body(self, seconds: float) -> None:
        """The body may take ``seconds`` from now."""
        self.limit = seconds
        self.deadline = time.monotonic() + seconds

    def cut(self, reason: str) -> None:
        """End the request: its socket is shut down, its reader raises ``reason``."""
        with self._lock:
            if self.cut_reason is None:
                self.cut_reason = reason
                for sock in self.sockets:
                    shut(sock)

    def check(self) -> None:
        """Raise the FetchProblem of a cut (or overdue) request; nothing otherwise."""
        if self.cut_reason is None and self.deadline and time.monotonic() > self.deadline:
            self.cut(TIMEOUT)
        if self.cut_reason == TIMEOUT:
            message = f"download took too long: over {self.limit:g} s (stopped)"
            raise FetchProblem(TIMEOUT, message, retry_now=False)  # as slow again: a later poll
        if self.cut_reason == STOPPED:
            raise FetchProblem(STOPPED, "stopped while the page was being fetched")


def shut(sock: socket.socket) -> None:
    """Shut a socket down both ways (a read blocked on it returns at once)."""
    with contextlib.suppress(OSError):  # already closed
        sock.shutdown(socket.SHUT_RDWR)


class Watchdog:
    """Cuts requests whose body deadline passed, and every request ``grace`` s after a stop."""

    def __init__(self, stop: threading.Event, grace: float = STOP_GRACE_SECONDS) -> None:
        self._stop = stop
        self._grace = grace
        self._stopped_at: float | None = None
        self._lock = threading.Lock()
        self._requests: set[Request] = set()
        self._thread: threading.Thread | None = None

    @contextmanager
    def watching(self) -> Iterator[Request]:
        """A Request watched until the block ends."""
        request = Request()
        with self._lock:
            self._requests.add(request)
            if self._thread is None:
                self._thread = threading.Thread(target=self._run, name="eventwire-watchdog")
                self._thread.daemon = True
                self._thread.start()
        try:
            yield request
        finally:
            with self._lock:
                self._requests.discard(request)

    def _run(self) -> None:
        """Check the requests in flight every tick; end when there are none."""
        while True:
            with self._lock:
                if not self._requests:
                    self._thread = None
                    return
                requests = list(self._requests)
            self._check(requests, time.monotonic())
            time.sleep(TICK_SECONDS)

    def _check(self, requests: list[Request], now: float) -> None:
        """Cut the overdue requests, and all of them once a stop's grace period is over."""
        if self._stopped_at is None and self._stop.is_set():
            self._stopped_at = now
        for request in requests:
            if request.deadline is not None and now > request.deadline:
                request.cut(TIMEOUT)
            elif self._stopped_at is not None and now >= self._stopped_at + self._grace:
                request.cut(STOPPED)
