"""Recognise lines that print nothing but a publication or update time, and read the time.

A line qualifies only when every token is part of a date/time expression or a time label
("Published", "Updated:", "Last modified on"), so sentences that merely mention a date are
never taken. Times are parsed with dateparser (English, day-first for dotted dates);
US regional zones (ET, PT, ...) are resolved with zoneinfo so that daylight saving time is
right.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import UTC, datetime, timezone
from functools import lru_cache
from zoneinfo import ZoneInfo

from dateparser.date import DateDataParser

from eventwire.clean.patterns import (
    DATE_SEPARATORS,
    DATE_TOKEN,
    DOTTED_DATE,
    HAS_CLOCK,
    HAS_MONTH_NAME,
    HAS_YEAR,
    MAX_TIMESTAMP_LINE_CHARS,
    REGIONAL_ZONE,
    REGIONAL_ZONES,
    TIMESTAMP_LABEL,
    TIMESTAMP_LABELS,
)
from eventwire.clean.settings import CleanSettings
from eventwire.zones import assume_zone

ASSUMED_ZONE_NAMES = frozenset({"UTC", "ETC/UTC", "GMT", "ETC/GMT"})  # no choice was made
NUMERIC_DATE = re.compile(r"\d{1,4}[-./]\d{1,2}[-./]\d{1,4}")
SEGMENT_TRIM = " ,|•·()[]-—–:;"


@dataclass(frozen=True)
class Stamp:
    """One time printed in the text."""

    when: datetime  # tz-aware
    role: str | None  # "published", "updated", or None when unlabelled
    has_time: bool  # False for a bare date (midnight in the assumed zone)
    assumed_zone: bool  # True when the text gave no zone and the default was used


def parse_timestamp_line(text: str, settings: CleanSettings) -> list[Stamp] | None:
    """The times of a line made only of times and time labels, else None."""
    if len(text) > MAX_TIMESTAMP_LINE_CHARS:
        return None
    stamps = []
    for role, segment in split_labelled_segments(text):
        if not segment.strip(SEGMENT_TRIM):
            continue
        stamp = parse_time_expression(segment, role, settings)
        if stamp is None:
            return None
        stamps.append(stamp)
    return stamps or None


def split_labelled_segments(text: str) -> list[tuple[str | None, str]]:
    """Split at time labels: [(role of the label before the segment, segment text)]."""
    segments: list[tuple[str | None, str]] = []
    role: str | None = None
    start = 0
    for match in TIMESTAMP_LABEL.finditer(text):
        segments.append((role, text[start : match.start()]))
        role = TIMESTAMP_LABELS[match.group("label").lower()]
        start = match.end()
    segments.append((role, text[start:]))
    return segments


def parse_time_expression(segment: str, role: str | None, settings: CleanSettings) -> Stamp | None:
    """Parse a segment that consists only of date/time tokens."""
    tokens = [t for t in DATE_SEPARATORS.split(segment) if t]
    if not tokens or not all(DATE_TOKEN.match(t) for t in tokens):
        return None
    joined = " ".join(tokens)
    has_date = NUMERIC_DATE.search(joined) or (
        HAS_MONTH_NAME.search(joined) and HAS_YEAR.search(joined)
    )
    if not has_date:
        return None
    when, assumed = _parse_with_zone(joined, settings)
    if when is None:
        return None
    return Stamp(when, role, bool(HAS_CLOCK.search(joined)), assumed)


def _parse_with_zone(text: str, settings: CleanSettings) -> tuple[datetime | None, bool]:
    regional = REGIONAL_ZONE.search(text)
    if regional:
        text = text[: regional.start()].strip()
    order = "DMY" if DOTTED_DATE.search(text) else settings.slash_date_order
    parsed = date_parser(order).get_date_data(text).date_obj
    if parsed is None:
        return None, False
    if regional:
        zone = ZoneInfo(REGIONAL_ZONES[regional.group(1).lower()])
        return _fixed_offset(parsed.replace(tzinfo=zone)), False
    if parsed.tzinfo is None:
        return _default_zone(parsed, settings.default_timezone), True
    return _fixed_offset(parsed), False


@lru_cache(maxsize=4)
def date_parser(order: str) -> DateDataParser:
    """One English dateparser per date order, built once (building one is slow)."""
    return DateDataParser(
        languages=["en"], settings={"DATE_ORDER": order, "PREFER_DAY_OF_MONTH": "first"}
    )


def _default_zone(when: datetime, zone_name: str) -> datetime:
    """A printed time without a zone in ``clean.default_timezone``: a zone the user chose for
    their sources counts as stated; the default, UTC, is only assumed (eventwire.zones)."""
    zone = ZoneInfo(zone_name)
    if zone_name.upper() in ASSUMED_ZONE_NAMES:
        return assume_zone(when, zone)
    return _fixed_offset(when.replace(tzinfo=zone))


def _fixed_offset(when: datetime) -> datetime:
    """Replace a named/pytz zone with a plain fixed offset (UTC for +00:00)."""
    offset = when.utcoffset()
    zone = UTC if not offset else timezone(offset)
    return when.replace(tzinfo=zone)


def choose_times(stamps: list[Stamp]) -> tuple[datetime | None, datetime | None]:
    """Published = earliest (non-update) time; updated = a later or update-labelled time.

    Times with a clock are preferred over bare dates, which are used only when nothing
    more precise was printed.
    """
    if not stamps:
        return None, None
    precise = [s for s in stamps if s.has_time] or stamps
    candidates = [s for s in precise if s.role != "updated"] or precise
    published = min(s.when for s in candidates)
    later = [s.when for s in precise if s.when > published]
    return published, (max(later) if later else None)
