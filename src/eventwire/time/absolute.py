"""Rules for expressions that name their calendar unit: dates, months, quarters, years."""

from __future__ import annotations

import calendar
from datetime import date
from typing import TypeVar

from eventwire.model import TimeValue
from eventwire.time import calendar as cal
from eventwire.time import patterns as pat
from eventwire.time import relative
from eventwire.time.relative import quarter_in_context
from eventwire.time.request import FUTURE, PAST, TimeRequest

K = TypeVar("K")  # a candidate: a year, a day, ...
TWO_DIGIT_YEAR_LEAD = 10  # a two-digit year up to this many years after the anchor is ours
LAST_SKIPS_RECENT_MONTHS = 2  # "last <month>" for one this recent means the year before


def rule_numeric_date(req: TimeRequest) -> TimeValue | None:
    """2026-02-08, 08.02.2026 (day first), 02/08/2026 (``slash_date_order``)."""
    match = pat.NUMERIC_DATE.search(req.text)
    if not match:
        return None
    a, b, c = (int(match[k]) for k in ("a", "b", "c"))
    if len(match["a"]) == 4:
        return cal.day_value(date(a, b, c), anchored=False)
    day_first = match["sep"] == "." or req.settings.slash_date_order == "DMY" or a > 12
    day, month = (a, b) if day_first and b <= 12 else (b, a)
    year, anchored = expand_year(c, len(match["c"]), req.anchor)
    return cal.day_value(date(year, month, day), anchored)


def rule_month_day(req: TimeRequest) -> TimeValue | None:
    """Feb. 8, 2026 / 8 February 2026 / Oct. 13 (year from the anchor and the tense)."""
    match = pat.MONTH_DAY.search(req.text) or pat.DAY_MONTH.search(req.text)
    if not match:
        return None
    month, day = pat.MONTHS[match["month"]], int(match["day"])
    if match["year"]:
        return cal.day_value(date(int(match["year"]), month, day), anchored=False)
    if req.anchor is None:
        return None
    year = pick_year(req, month, day, None)
    value = cal.day_value(date(year, month, day), anchored=True)
    part = pat.PART_OF_DAY.search(req.text)
    return cal.day_value(value.start, True, pat.PARTS_OF_DAY[part["part"]]) if part else value


def rule_ordinal_day(req: TimeRequest) -> TimeValue | None:
    """The 8th, on the 3rd, Sunday the 8th, the night of the 7th, the 3rd of last month.

    A day of the month named alone is the nearest such day to the anchor (this month, the
    previous or the next one); a tense cue picks the nearest on its side ("met on the 15th"
    early in February is 15 January); a weekday beside it picks the month where it agrees.
    """
    match = pat.ORDINAL_DAY.match(req.text)
    if not match or req.anchor is None:
        return None
    day = int(match["day"])
    months = (-2, -1, 0, 1, 2)
    if match["rel"]:
        months = (relative.UNIT_SHIFT[match["rel"]],)
    candidates = [_month_day(req.anchor, shift, day) for shift in months]
    candidates = [c for c in candidates if c is not None]
    if match["weekday"]:
        target = pat.WEEKDAYS.index(match["weekday"])
        candidates = [c for c in candidates if c.weekday() == target] or candidates
    if not candidates:
        return None
    chosen = choose_by_tense(req, {c: (c - req.anchor).days for c in candidates})
    part = pat.PARTS_OF_DAY[match["part"]] if match["part"] else None
    return cal.day_value(chosen, anchored=True, part=part)


def rule_month(req: TimeRequest) -> TimeValue | None:
    """February 2026 / last June / September (year from the anchor and the tense)."""
    match = pat.MONTH_YEAR.match(req.text)
    if not match:
        return None
    month = pat.MONTHS[match["month"]]
    if match["year"]:
        return cal.month_value(int(match["year"]), month, anchored=False)
    if req.anchor is None or _is_common_word(match["month"], req):
        return None
    if match["yrel"]:
        year = req.anchor.year + {"last": -1, "this": 0, "next": 1}[match["yrel"]]
        return cal.month_value(year, month, anchored=True)
    return cal.month_value(pick_year(req, month, None, match["rel"]), month, anchored=True)


def rule_quarter(req: TimeRequest) -> TimeValue | None:
    """The third quarter, fourth-quarter, Q3 2025, this year's first quarter, fiscal 1990 Q2."""
    match = pat.QUARTER.search(req.text)
    if not match:
        return None
    quarter = int(match["qnum"] or pat.ORDINALS[match["ord"]])
    explicit = match["yearq"] or match["year"] or match["qyear"]
    if explicit:
        return cal.quarter_value(int(explicit), quarter, anchored=False)
    if req.anchor is None:
        return None
    year = req.anchor.year + {"last": -1, "next": 1, "this": 0, None: 0}[match["relq"]]
    if match["relq"] is None and pat.YEAR_AGO_WORDS.search(req.text):
        year -= 1
    elif match["relq"] is None:
        current = cal.quarter_of(req.anchor)
        if req.cue == PAST and quarter > current:
            year -= 1
        elif req.cue == FUTURE and quarter < current - 1:  # the quarter just ended is reported
            year += 1
    return cal.quarter_value(year, quarter, anchored=True)


def rule_half(req: TimeRequest) -> TimeValue | None:
    """The first half of 1990, the second half, H2 2025."""
    match = pat.HALF.search(req.text)
    if not match:
        return None
    half = int(match["hnum"]) if match["hnum"] else (1 if match["ord"] == "first" else 2)
    explicit = match["year"] or match["yearh"]
    if explicit:
        return cal.half_value(int(explicit), half, anchored=False)
    if req.anchor is None:
        return None
    year = req.anchor.year + _year_shift(req.text)
    return cal.half_value(year, half, anchored=True)


def rule_year(req: TimeRequest) -> TimeValue | None:
    """1998, fiscal 1990, the 1988 period, '98."""
    match = pat.YEAR.match(req.text)
    if not match:
        return None
    digits = match["year"].lstrip("'")
    year, anchored = expand_year(int(digits), len(digits), req.anchor)
    quarterly = match["unit"] == "quarter" or (
        match["unit"] == "period" and "quarter" in req.context.lower()
    )
    if quarterly and req.anchor is not None:
        return cal.quarter_value(year, quarter_in_context(req)[1], anchored=True)
    return cal.year_value(year, anchored) if year > 0 else None


def rule_decade(req: TimeRequest) -> TimeValue | None:
    """The 1980s, the '90s, the nineties, the last decade."""
    match = pat.DECADE.match(req.text)
    relative = pat.RELATIVE_DECADE.match(req.text)
    if relative and req.anchor is not None:
        shift = {"this": 0, "next": 1, "coming": 1}.get(relative["rel"], -1)
        return cal.decade_value(req.anchor.year // 10 + shift, anchored=True)
    if not match:
        return None
    if match["century"]:
        return cal.decade_value(int(match["century"]) * 10 + int(match["decade"]), False)
    if req.anchor is None:
        return None
    digit = int(match["decade"]) if match["decade"] else pat.DECADE_WORDS[match["word"]]
    decade = req.anchor.year // 100 * 10 + digit
    if decade * 10 > req.anchor.year:
        decade -= 10
    return cal.decade_value(decade, anchored=True)


def rule_century(req: TimeRequest) -> TimeValue | None:
    """The 20th century (TIMEX3 "19"), the twentieth century, this century."""
    match = pat.CENTURY.match(req.text)
    if not match:
        return None
    if match["ord"]:
        return cal.century_value(int(match["ord"]) - 1, anchored=False)
    if match["word"] in pat.ORDINALS:
        return cal.century_value(pat.ORDINALS[match["word"]] - 1, anchored=False)
    if req.anchor is None or match["word"] not in ("this", "last", "next"):
        return None
    shift = {"this": 0, "last": -1, "next": 1}[match["word"]]
    return cal.century_value(req.anchor.year // 100 + shift, anchored=True)


def expand_year(year: int, digits: int, anchor: date | None) -> tuple[int, bool]:
    """A four-digit year as is; a two-digit one in the century that puts it near the anchor."""
    if digits != 2:
        return year, False
    base = (anchor or date.today()).year
    full = base // 100 * 100 + year
    if full > base + TWO_DIGIT_YEAR_LEAD:
        full -= 100
    return full, anchor is not None


def pick_year(req: TimeRequest, month: int, day: int | None, rel: str | None) -> int:
    """The year of a month (or month and day) named without one.

    "last"/"next" take the nearest occurrence strictly before/after the anchor's month (or
    day); "last" skips a month of the anchor's own year that ended at most
    ``LAST_SKIPS_RECENT_MONTHS`` months ago ("last February" in March or April is a year
    earlier: the month just past would be "in February" or "last month"). Otherwise the
    nearest occurrence wins, unless the sentence's tense points to the other side and that
    occurrence is at most ``tense_margin_days`` farther away.
    """
    anchor = req.anchor
    assert anchor is not None
    distances = {
        y: _days_between(anchor, y, month, day)
        for y in (anchor.year - 1, anchor.year, anchor.year + 1)
    }
    if rel in ("last", "next"):
        side = [y for y, d in distances.items() if (d < 0 if rel == "last" else d > 0)]
        if rel == "last" and 0 < anchor.month - month <= LAST_SKIPS_RECENT_MONTHS:
            side = [y for y in side if y < anchor.year]
        return max(side) if rel == "last" else min(side)
    return choose_by_tense(req, distances)


def choose_by_tense(req: TimeRequest, distances: dict[K, int]) -> K:
    """The candidate nearest the anchor (``distances`` in days, negative before it).

    A tense cue picks the nearest candidate on its side instead, when that one is at most
    ``tense_margin_days`` farther away than the nearest.
    """
    nearest = min(distances, key=lambda k: abs(distances[k]))
    if req.cue in (PAST, FUTURE):
        wanted = [k for k, d in distances.items() if (d <= 0 if req.cue == PAST else d >= 0)]
        if wanted:
            best = min(wanted, key=lambda k: abs(distances[k]))
            if abs(distances[best]) <= abs(distances[nearest]) + req.settings.tense_margin_days:
                return best
    return nearest


def _days_between(anchor: date, year: int, month: int, day: int | None) -> int:
    """Days from the anchor to the day (or, for a month, 0 inside it, else its nearest edge)."""
    if day is not None:
        return (date(year, month, min(day, 28) if month == 2 and day > 28 else day) - anchor).days
    first = date(year, month, 1)
    last = cal.month_value(year, month, True).end
    if first <= anchor <= last:
        return 0
    return (first - anchor).days if first > anchor else (last - anchor).days


def _month_day(anchor: date, shift: int, day: int) -> date | None:
    """Day ``day`` of the month ``shift`` months from the anchor's, None if it has none."""
    year, month = cal.shift_months(anchor.year, anchor.month, shift)
    if not 1 <= year <= 9999 or day > calendar.monthrange(year, month)[1] or day < 1:
        return None
    return date(year, month, day)


def _is_common_word(month: str, req: TimeRequest) -> bool:
    """ "may" and "march" written in lower case alone are a verb, not a month."""
    bare = not req.text.startswith(("last", "this", "next"))
    return bare and month in pat.WORDLIKE_MONTHS and month in req.original


def _year_shift(text: str) -> int:
    if "last year" in text or "previous year" in text:
        return -1
    return 1 if "next year" in text else 0
