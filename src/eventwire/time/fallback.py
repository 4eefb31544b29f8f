"""dateparser for what our rules do not recognise (it knows many more phrasings)."""

from __future__ import annotations

import re
from datetime import date, datetime, time
from functools import lru_cache

from dateparser.date import DateDataParser

from eventwire.model import TimeValue
from eventwire.time import calendar as cal
from eventwire.time import patterns as pat
from eventwire.time.request import TimeSettings

FULL_YEAR = re.compile(r"\b\d{4}\b")
TEMPORAL_HINT = re.compile(
    r"\d|\b(?:"
    + "|".join([*pat.MONTHS, *pat.WEEKDAYS])
    + r"|days?|weeks?|months?|years?|ago|hence)\b"
)


def parse_with_dateparser(
    text: str, anchor: date | None, settings: TimeSettings, screen: bool = True
) -> TimeValue | None:
    """dateparser's reading of ``text`` at the granularity it reports, or None.

    Without an anchor only expressions holding a full year are trusted (dateparser would
    otherwise resolve against today). ``screen`` first rejects what dateparser reads too
    eagerly: bare numbers ("at 10"), durations ("four months"), the verb "may".
    """
    lowered = " ".join(text.lower().strip(" .,;:").split())
    if anchor is None and not FULL_YEAR.search(lowered):
        return None
    if screen and not _looks_temporal(text, lowered):
        return None
    base = datetime.combine(anchor or date(2000, 1, 1), time(12))
    order = "DMY" if settings.slash_date_order == "DMY" or "." in text else "MDY"
    try:
        data = _parser(base, order).get_date_data(text)
    except (ValueError, OverflowError, TypeError):
        return None
    if data is None or data.date_obj is None:
        return None
    anchored = anchor is not None and not FULL_YEAR.search(lowered)
    try:
        return _value_for(data.date_obj.date(), data.period or "day", anchored)
    except (ValueError, OverflowError):  # a week or month past the last representable day
        return None


def _looks_temporal(text: str, lowered: str) -> bool:
    screened_out = pat.DURATION.match(lowered) or pat.BARE_ORDINAL.match(lowered)
    if not TEMPORAL_HINT.search(lowered) or screened_out:
        return False
    words = text.strip(" .,;:").split()
    last = words[-1] if words else ""
    return bool(last) and not pat.BARE_NUMBER.match(last) and last not in pat.WORDLIKE_MONTHS


@lru_cache(maxsize=64)
def _parser(base: datetime, order: str) -> DateDataParser:
    settings = {"RELATIVE_BASE": base, "DATE_ORDER": order, "RETURN_TIME_AS_PERIOD": True}
    return DateDataParser(languages=["en"], settings=settings)


def _value_for(day: date, period: str, anchored: bool) -> TimeValue:
    if period == "week":
        return cal.week_value(day, anchored)
    if period == "month":
        return cal.month_value(day.year, day.month, anchored)
    if period == "year":
        return cal.year_value(day.year, anchored)
    return cal.day_value(day, anchored)
