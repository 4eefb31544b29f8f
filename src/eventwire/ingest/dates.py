"""Dates from input metadata: ISO 8601 (or RFC 2822) strings to tz-aware datetimes."""

from __future__ import annotations

from datetime import date, datetime
from email.utils import parsedate_to_datetime

from eventwire.zones import assume_zone


def parse_datetime(value: str | None) -> datetime | None:
    """A tz-aware datetime from an ISO 8601 or RFC 2822 string, or None when it is not one.

    A value without a time zone is placed in UTC, marked as assumed (eventwire.zones), so
    the store does not record an offset nobody stated; a date alone is midnight.
    """
    if not isinstance(value, str) or not value.strip():
        return None
    value = value.strip()
    parsed = parse_iso(value) or parse_rfc2822(value)
    if parsed is None:
        return None
    return parsed if parsed.tzinfo is not None else assume_zone(parsed)


def parse_iso(value: str) -> datetime | None:
    """``datetime.fromisoformat``, accepting a bare date too."""
    try:
        return datetime.fromisoformat(value)
    except ValueError:
        pass
    try:
        day = date.fromisoformat(value)
    except ValueError:
        return None
    return datetime(day.year, day.month, day.day)


def parse_rfc2822(value: str) -> datetime | None:
    """The date of an e-mail/RSS style string such as ``Mon, 05 Jan 2024 10:00:00 GMT``."""
    try:
        return parsedate_to_datetime(value)
    except (TypeError, ValueError, IndexError):
        return None
