"""Rules for expressions that only mean something against the publication day."""

from __future__ import annotations

import re
from datetime import date, timedelta

from eventwire.model import TimeValue
from eventwire.time import calendar as cal
from eventwire.time import patterns as pat
from eventwire.time.request import FUTURE, PAST, TimeRequest

DAY_OFFSETS = {
    "the day before yesterday": -2, "yesterday": -1, "today": 0, "tonight": 0, "tomorrow": 1,
    "the day after tomorrow": 2,
}  # fmt: skip
UNIT_SHIFT = {
    None: 0, "this": 0, "current": 0, "present": 0, "same": 0, "last": -1, "previous": -1,
    "past": -1, "next": 1, "coming": 1, "following": 1, "full": 0, "whole": 0, "entire": 0,
}  # fmt: skip
QUARTER_WORD = re.compile(r"\bquarter")
COMPARISON_START = re.compile(r"^(?:corresponding|comparable|same|similar)\b")


def rule_vague(req: TimeRequest) -> TimeValue | None:
    """now/currently -> PRESENT_REF, recently/in recent weeks -> PAST_REF, soon -> FUTURE_REF."""
    if req.anchor is None:
        return None
    if pat.THE_TIME.match(req.original.lower()):
        return cal.vague_value("PAST_REF", req.anchor)
    for ref, pattern in (
        ("PRESENT_REF", pat.PRESENT_REF),
        ("PAST_REF", pat.PAST_REF),
        ("FUTURE_REF", pat.FUTURE_REF),
    ):
        if pattern.match(req.text):
            return cal.vague_value(ref, req.anchor)
    return None


def rule_day_word(req: TimeRequest) -> TimeValue | None:
    """Yesterday, today, tomorrow (afternoon), tonight."""
    match = pat.DAY_WORD.match(req.text)
    if not match or req.anchor is None:
        return None
    day = req.anchor + timedelta(days=DAY_OFFSETS[match["word"]])
    return cal.day_value(day, anchored=True, part=_part_of_day(req.text))


def rule_part_of_day(req: TimeRequest) -> TimeValue | None:
    """This morning/afternoon/evening, last night, overnight (TIMEX3 ``...TMO``, ``...TNI``).

    "Overnight" is the night before the anchor day in a past-tense sentence (or without a
    cue, as news reports what happened), the anchor's own night in a future one.
    """
    match = pat.DAY_PART.match(req.text)
    if not match or req.anchor is None:
        return None
    if match["overnight"]:
        offset = 0 if req.direction == FUTURE else -1
        return cal.day_value(req.anchor + timedelta(days=offset), True, "NI")
    day = req.anchor + timedelta(days=pat.DAY_PART_OFFSETS[match["rel"]])
    return cal.day_value(day, anchored=True, part=pat.PARTS_OF_DAY[match["part"]])


def rule_weekday(req: TimeRequest) -> TimeValue | None:
    """Sunday, on Friday, the Friday talks, last Tuesday, Tuesday afternoon, next Monday.

    The anchor's own weekday is the anchor day; otherwise the tense (or the default
    direction) picks the previous or the next one; "last"/"next" exclude the anchor day.
    """
    match = pat.WEEKDAY.search(req.text)
    if not match or req.anchor is None:
        return None
    target = pat.WEEKDAYS.index(match["weekday"])
    back = (req.anchor.weekday() - target) % 7
    rel = match["rel"]
    if rel in ("last", "past"):
        offset = -(back or 7)
    elif rel in ("next", "coming"):
        offset = (-back) % 7 or 7
    elif back == 0:
        offset = 0
    elif req.direction == FUTURE or (rel == "this" and req.cue != PAST):
        offset = 7 - back
    else:
        offset = -back
    return cal.day_value(req.anchor + timedelta(days=offset), True, _part_of_day(req.text))


def rule_relative_unit(req: TimeRequest) -> TimeValue | None:
    """This/last/next week, month, year; the weekend; the year."""
    match = pat.RELATIVE_UNIT.match(req.text)
    if not match or req.anchor is None:
        return None
    shift, unit = UNIT_SHIFT[match["rel"]], match["unit"]
    if unit == "week":
        return cal.week_value(req.anchor + timedelta(weeks=shift), anchored=True)
    if unit == "weekend":
        return _weekend(req.anchor, match["rel"], req.direction)
    if unit == "month":
        return cal.month_value(*cal.shift_months(req.anchor.year, req.anchor.month, shift), True)
    return cal.year_value(req.anchor.year + shift, anchored=True)


def rule_year_ago_period(req: TimeRequest) -> TimeValue | None:
    """The year-ago quarter, a year earlier, the same period last year.

    A comparison takes the unit of what it is compared with: a quarter when the expression
    or its sentence speaks of one (the quarter it names, else the latest completed one),
    else the year before the anchor's.
    """
    if req.anchor is None or not pat.YEAR_AGO_PERIOD.match(req.text):
        return None
    comparison = pat.YEAR_AGO_WORDS.search(req.text) or COMPARISON_START.match(req.text)
    if not comparison:
        return None
    if "quarter" in req.text or QUARTER_WORD.search(req.context.lower()):
        year, quarter = quarter_in_context(req)
        return cal.quarter_value(year - 1, quarter, anchored=True)
    return cal.year_value(req.anchor.year - 1, anchored=True)


def rule_relative_quarter(req: TimeRequest) -> TimeValue | None:
    """The quarter, this quarter, last quarter, the latest quarter, the latest period."""
    match = pat.RELATIVE_QUARTER.match(req.text)
    latest = pat.LATEST_PERIOD.match(req.text)
    if not (match or latest) or req.anchor is None:
        return None
    current = (req.anchor.year, cal.quarter_of(req.anchor))
    rel = match["rel"] if match else "latest"
    shift = {"this": 0, "current": 0, "next": 1, "last": -1, "previous": -1, "prior": -1}
    if rel in shift:
        year, quarter = cal.shift_quarters(*current, shift[rel])
    elif req.cue == FUTURE:
        year, quarter = current
    else:
        year, quarter = cal.shift_quarters(*current, -1)
    return cal.quarter_value(year, quarter, anchored=True)


def rule_ago(req: TimeRequest) -> TimeValue | None:
    """Two weeks ago, a year ago, three days earlier, in two months' time."""
    match = pat.AGO.match(req.text) or pat.AHEAD.match(req.text)
    if not match or req.anchor is None:
        return None
    count = pat.NUMBER_WORDS.get(match["count"]) or (
        int(match["count"]) if match["count"].isdigit() else None
    )
    if count is None:
        return cal.vague_value("PAST_REF" if "ago" in req.text else "FUTURE_REF", req.anchor)
    sign = 1 if pat.AHEAD.match(req.text) else -1
    return _shifted(req.anchor, match["unit"], sign * count)


def rule_season(req: TimeRequest) -> TimeValue | None:
    """This summer, last fall, the winter of 1994, spring 2026."""
    match = pat.SEASON.match(req.text)
    if not match:
        return None
    season = pat.SEASONS[match["season"]]
    if match["year"]:
        return cal.season_value(int(match["year"]), season, anchored=False)
    if req.anchor is None:
        return None
    candidates = [cal.season_value(req.anchor.year + d, season, True) for d in (-1, 0, 1)]
    rel = match["rel"]
    if rel in ("last", "past") or (rel is None and req.cue == PAST):
        before = [c for c in candidates if c.end < req.anchor or rel is None]
        return max((c for c in before if c.start <= req.anchor), key=lambda c: c.start)
    if rel in ("next", "coming") or (rel is None and req.cue == FUTURE):
        return min((c for c in candidates if c.end >= req.anchor), key=lambda c: c.start)
    holding = [c for c in candidates if c.start <= req.anchor <= c.end]
    return holding[0] if holding else candidates[1]


def _shifted(anchor: date, unit: str, count: int) -> TimeValue:
    if unit == "day":
        return cal.day_value(anchor + timedelta(days=count), anchored=True)
    if unit == "week":
        return cal.week_value(anchor + timedelta(weeks=count), anchored=True)
    if unit == "month":
        return cal.month_value(*cal.shift_months(anchor.year, anchor.month, count), True)
    if unit == "quarter":
        return cal.quarter_value(
            *cal.shift_quarters(anchor.year, cal.quarter_of(anchor), count), True
        )
    if unit == "decade":
        return cal.decade_value(anchor.year // 10 + count, anchored=True)
    return cal.year_value(anchor.year + count, anchored=True)


def _weekend(anchor: date, rel: str | None, direction: str) -> TimeValue:
    saturday = anchor + timedelta(days=5 - anchor.weekday())  # this ISO week's Saturday
    if rel in ("last", "past", "previous") or (rel is None and direction == PAST):
        if anchor < saturday:
            saturday -= timedelta(weeks=1)
    elif rel in ("next", "coming", "following"):
        saturday += timedelta(weeks=1)
    return cal.week_value(saturday, anchored=True, weekend=True)


def quarter_in_context(req: TimeRequest) -> tuple[int, int]:
    """The quarter a sentence names ("third quarter" -> anchor year Q3), else the latest one."""
    assert req.anchor is not None
    found = pat.QUARTER.search(req.context.lower())
    if found and found["ord"]:
        quarter = pat.ORDINALS[found["ord"]]
        year = req.anchor.year - (quarter > cal.quarter_of(req.anchor))
        return year, quarter
    return cal.shift_quarters(req.anchor.year, cal.quarter_of(req.anchor), -1)


def _part_of_day(text: str) -> str | None:
    match = pat.PART_OF_DAY.search(text)
    return pat.PARTS_OF_DAY[match["part"]] if match else None
