"""Time zones of publication times: stated offsets, and offsets eventwire had to assume.

Every publication time eventwire handles is time-zone aware. When the input states no zone
(a naive ISO string, a printed time without one), the reader still has to pick an offset to
place the moment on the time line; it uses :class:`AssumedOffset`, which behaves exactly like
a fixed offset but remembers that nobody stated it. The store keeps the original offset only
when it was stated (``None`` otherwise), so views can say "zone not stated".
"""

from __future__ import annotations

from datetime import UTC, datetime, timedelta, timezone, tzinfo


class AssumedOffset(tzinfo):
    """A fixed UTC offset that eventwire assumed because the input stated no zone."""

    def __init__(self, offset: timedelta = timedelta(0)) -> None:
        self._offset = offset

    def utcoffset(self, moment: datetime | None) -> timedelta:
        """The assumed offset."""
        return self._offset

    def dst(self, moment: datetime | None) -> timedelta:
        """No daylight saving: the offset is fixed."""
        return timedelta(0)

    def tzname(self, moment: datetime | None) -> str:
        """E.g. ``UTC+00:00 (assumed)``."""
        return f"{timezone(self._offset).tzname(None)} (assumed)"

    def __eq__(self, other: object) -> bool:
        return isinstance(other, AssumedOffset) and other._offset == self._offset

    def __hash__(self) -> int:
        return hash(("assumed", self._offset))

    def __reduce__(self) -> tuple:
        return (AssumedOffset, (self._offset,))

    def __repr__(self) -> str:
        return f"AssumedOffset({self._offset!r})"


ASSUMED_UTC = AssumedOffset()


def assume_zone(moment: datetime, zone: tzinfo | None = None) -> datetime:
    """``moment`` (naive) placed in ``zone`` (UTC by default), marked as assumed."""
    if zone is None:
        return moment.replace(tzinfo=ASSUMED_UTC)
    offset = moment.replace(tzinfo=zone).utcoffset() or timedelta(0)
    return moment.replace(tzinfo=AssumedOffset(offset))


def zone_stated(moment: datetime | None) -> bool:
    """True when ``moment`` carries an offset its input stated (not naive, not assumed)."""
    return moment is not None and moment.utcoffset() is not None and not zone_assumed(moment)


def zone_assumed(moment: datetime | None) -> bool:
    """True when ``moment``'s offset was assumed by eventwire."""
    return moment is not None and isinstance(moment.tzinfo, AssumedOffset)


def stated_offset_minutes(moment: datetime | None) -> int | None:
    """The stated UTC offset of ``moment`` in minutes; None when missing, naive or assumed."""
    if not zone_stated(moment):
        return None
    return int(moment.utcoffset().total_seconds() // 60)  # type: ignore[union-attr]


def in_stated_offset(moment: datetime | None, offset_minutes: int | None) -> datetime | None:
    """A stored UTC ``moment`` shown in its original offset (UTC when none was stated)."""
    if moment is None:
        return None
    moment = moment if moment.tzinfo is not None else moment.replace(tzinfo=UTC)
    if offset_minutes is None:
        return moment.astimezone(UTC)
    return moment.astimezone(timezone(timedelta(minutes=offset_minutes)))
