"""Build ``TimeValue`` records for calendar units: day, week, month, quarter, season, ..."""

from __future__ import annotations

import calendar
from datetime import date, timedelta

from eventwire.model import TimeValue

# Season codes of TIMEX3 and the months they start in (winter runs into the next year).
SEASON_START_MONTH = {"SP": 3, "SU": 6, "FA": 9, "WI": 12}
PART_OF_DAY_CODES = ("MO", "AF", "EV", "NI")
VAGUE_REFS = ("PAST_REF", "PRESENT_REF", "FUTURE_REF")


def shift_months(year: int, month: int, months: int) -> tuple[int, int]:
    """The (year, month) ``months`` months after (or before, when negative) the given one."""
    index = year * 12 + (month - 1) + months
    return index // 12, index % 12 + 1


def quarter_of(day: date) -> int:
    """The calendar quarter (1-4) a day falls in."""
    return (day.month - 1) // 3 + 1


def shift_quarters(year: int, quarter: int, quarters: int) -> tuple[int, int]:
    """The (year, quarter) ``quarters`` quarters away from the given one."""
    index = year * 4 + (quarter - 1) + quarters
    return index // 4, index % 4 + 1


def day_value(day: date, anchored: bool, part: str | None = None) -> TimeValue:
    """One calendar day, optionally with a TIMEX3 part of day (MO, AF, EV, NI)."""
    value = day.isoformat() + (f"T{part}" if part else "")
    return TimeValue(value, day, day, "day", anchored)


def week_value(day: date, anchored: bool, weekend: bool = False) -> TimeValue:
    """The ISO week (Monday to Sunday) holding ``day``, or only its weekend."""
    iso_year, iso_week, _ = day.isocalendar()
    monday = day - timedelta(days=day.weekday())
    start = monday + timedelta(days=5) if weekend else monday
    value = f"{iso_year}-W{iso_week:02d}" + ("-WE" if weekend else "")
    return TimeValue(value, start, monday + timedelta(days=6), "week", anchored)


def month_value(year: int, month: int, anchored: bool) -> TimeValue:
    """One calendar month."""
    last = calendar.monthrange(year, month)[1]
    return TimeValue(
        f"{year:04d}-{month:02d}", date(year, month, 1), date(year, month, last), "month", anchored
    )


def quarter_value(year: int, quarter: int, anchored: bool) -> TimeValue:
    """One calendar quarter (fiscal quarters are written the same way, as TimeBank does)."""
    first = 3 * (quarter - 1) + 1
    end = month_value(year, first + 2, anchored).end
    return TimeValue(f"{year:04d}-Q{quarter}", date(year, first, 1), end, "quarter", anchored)


def half_value(year: int, half: int, anchored: bool) -> TimeValue:
    """One half year (H1: January-June, H2: July-December)."""
    start, end = (date(year, 1, 1), date(year, 6, 30)) if half == 1 else (date(year, 7, 1), None)
    return TimeValue(f"{year:04d}-H{half}", start, end or date(year, 12, 31), "half", anchored)


def season_value(year: int, season: str, anchored: bool) -> TimeValue:
    """A meteorological season of the northern hemisphere (winter: December-February)."""
    first = SEASON_START_MONTH[season]
    end_year, end_month = shift_months(year, first, 2)
    end = month_value(end_year, end_month, anchored).end
    return TimeValue(f"{year:04d}-{season}", date(year, first, 1), end, "season", anchored)


def year_value(year: int, anchored: bool) -> TimeValue:
    """One calendar year."""
    return TimeValue(f"{year:04d}", date(year, 1, 1), date(year, 12, 31), "year", anchored)


def decade_value(decade: int, anchored: bool) -> TimeValue:
    """A decade given as its first three digits (198 = the 1980s)."""
    start = date(decade * 10, 1, 1)
    return TimeValue(f"{decade:03d}", start, date(decade * 10 + 9, 12, 31), "decade", anchored)


def century_value(hundreds: int, anchored: bool) -> TimeValue:
    """A century given TIMEX3-style by its first two digits (19 = the 20th century)."""
    start = date(max(hundreds * 100, 1), 1, 1)
    return TimeValue(
        f"{hundreds:02d}", start, date(hundreds * 100 + 99, 12, 31), "century", anchored
    )


def vague_value(ref: str, anchor: date) -> TimeValue:
    """PAST_REF (ends at the anchor), PRESENT_REF (the anchor day) or FUTURE_REF (from it)."""
    start = None if ref == "PAST_REF" else anchor
    end = None if ref == "FUTURE_REF" else anchor
    return TimeValue(ref, start, end, "vague", True)
