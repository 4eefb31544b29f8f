"""What the time tests share: a publication time and a one-call normaliser."""

from __future__ import annotations

from datetime import UTC, datetime

from eventwire.time import normalize_time

SUNDAY = datetime(2026, 2, 8, 10, 0, tzinfo=UTC)  # publication: Sunday 8 February 2026


def value_of(text: str, context: str = "", anchor: datetime | None = SUNDAY) -> str | None:
    """The TIMEX3 value of ``text`` read against ``anchor`` (None when unresolved)."""
    found = normalize_time(text, anchor, context)
    return found.value if found else None
