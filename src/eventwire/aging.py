"""Forgetting by age: what a long-running stream index keeps is bounded by time, not by volume.

The clock is the latest time the stream has seen, and the stages use the time each article
was stored: a ``watch`` that runs for months forgets what came in weeks ago, while an archive
ingested in one go (whatever its publication dates, in whatever order) forgets nothing. A key
touched without a time is as recent as the next timed one.
"""

from __future__ import annotations

import heapq
from collections.abc import Hashable
from datetime import datetime, timedelta


class AgeWindow:
    """Keys with the time they were last touched; hands back those that fell out of the window."""

    def __init__(self, max_age_days: float) -> None:
        """``max_age_days`` <= 0 keeps everything."""
        self.max_age = timedelta(days=max_age_days) if max_age_days > 0 else None
        self.newest: datetime | None = None
        self._heap: list[tuple[datetime, int, Hashable]] = []
        self._stamp: dict[Hashable, datetime] = {}
        self._waiting: list[Hashable] = []  # touched undated since the clock last moved
        self._pushed = 0  # tie-breaker: keys need not be comparable

    def __len__(self) -> int:
        """Keys tracked."""
        return len(self._stamp) + len(self._waiting)

    def advance(self, when: datetime | None) -> None:
        """Move the clock to ``when`` if it is later (keys touched undated take that time)."""
        if self.max_age is None or when is None or (self.newest and when <= self.newest):
            return
        self.newest = when
        waiting, self._waiting = self._waiting, []
        for key in waiting:
            self._stamp_key(key, when)

    def touch(self, key: Hashable, when: datetime | None) -> None:
        """Record that ``key`` was seen at ``when`` (undated: at the clock's next time)."""
        if self.max_age is None:
            return
        if when is None:
            self._stamp.pop(key, None)  # held until the clock moves on, not by an older time
            self._waiting.append(key)
            return
        self.advance(when)
        self._stamp_key(key, when)

    def _stamp_key(self, key: Hashable, stamp: datetime) -> None:
        current = self._stamp.get(key)
        if current is not None and stamp <= current:
            return
        self._stamp[key] = stamp
        self._pushed += 1
        heapq.heappush(self._heap, (stamp, self._pushed, key))

    def expired(self) -> list[Hashable]:
        """The keys last touched more than ``max_age`` before the clock (forgotten here)."""
        if self.max_age is None or self.newest is None:
            return []
        cutoff, gone = self.newest - self.max_age, []
        while self._heap and self._heap[0][0] < cutoff:
            stamp, _, key = heapq.heappop(self._heap)
            if self._stamp.get(key) == stamp:
                del self._stamp[key]
                gone.append(key)
        return gone

    def cutoff(self) -> datetime | None:
        """The oldest time still kept (None: everything is kept)."""
        return None if self.max_age is None or self.newest is None else self.newest - self.max_age
