"""Parts of the day ("this morning", "last night") and days of the month named alone ("the 8th")."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta, timezone

import pytest

from eventwire.time import normalize_time
from tests.time.helpers import SUNDAY, value_of


@pytest.mark.parametrize(
    ("text", "context", "expected"),
    [
        ("this morning", "The minister arrived this morning.", "2026-02-08TMO"),
        ("early this morning", "", "2026-02-08TMO"),
        ("this afternoon", "The talks resume this afternoon.", "2026-02-08TAF"),
        ("this evening", "", "2026-02-08TEV"),
        ("tonight", "", "2026-02-08TNI"),
        ("last night", "Sirens sounded last night.", "2026-02-07TNI"),
        ("late last night", "", "2026-02-07TNI"),
        ("last evening", "", "2026-02-07TEV"),
        ("yesterday morning", "", "2026-02-07TMO"),
        ("yesterday evening", "", "2026-02-07TEV"),
        ("tomorrow afternoon", "", "2026-02-09TAF"),
        ("earlier today", "The ministry said earlier today that talks continue.", "2026-02-08"),
        ("later today", "", "2026-02-08"),
        ("Tuesday night", "Shelling resumed Tuesday night.", "2026-02-03TNI"),
        ("Saturday at dawn", "Troops crossed the border Saturday at dawn.", "2026-02-07TMO"),
        ("overnight", "Shelling continued overnight.", "2026-02-07TNI"),
        ("overnight", "Temperatures will drop sharply overnight.", "2026-02-08TNI"),
    ],
)
def test_parts_of_the_day(text: str, context: str, expected: str) -> None:
    assert value_of(text, context) == expected


def test_parts_of_the_day_are_one_calendar_day() -> None:
    found = normalize_time("last night", SUNDAY)
    assert (found.start, found.end, found.granularity) == (
        date(2026, 2, 7),
        date(2026, 2, 7),
        "day",
    )
    assert found.anchored
    assert normalize_time("this morning", None) is None


def test_parts_of_the_day_count_on_the_publishers_own_day() -> None:
    tokyo_morning = datetime(2026, 2, 8, 7, 0, tzinfo=timezone(timedelta(hours=9)))
    assert tokyo_morning.astimezone(UTC).date() == date(2026, 2, 7)  # still Saturday in UTC
    assert value_of("this morning", anchor=tokyo_morning) == "2026-02-08TMO"
    assert (
        value_of("last night", "Rockets were fired last night.", tokyo_morning) == "2026-02-07TNI"
    )
    new_york_late = datetime(2026, 2, 7, 23, 30, tzinfo=timezone(timedelta(hours=-5)))
    assert value_of("tonight", anchor=new_york_late) == "2026-02-07TNI"
    assert value_of("this evening", anchor=new_york_late) == "2026-02-07TEV"


@pytest.mark.parametrize(
    ("text", "context", "expected"),
    [
        ("the 8th", "The talks ended on the 8th.", "2026-02-08"),  # the anchor day itself
        ("on the 3rd", "The envoys met on the 3rd.", "2026-02-03"),
        ("the 15th", "The envoys met on the 15th.", "2026-01-15"),  # past: not yet this month
        ("the 15th", "The envoys will meet on the 15th.", "2026-02-15"),
        ("the 5th", "The deal will be signed on the 5th.", "2026-03-05"),  # future: next month
        ("the 21st", "", "2026-02-21"),  # no cue: the nearest 21st
        ("the 31st", "The ceasefire began on the 31st.", "2026-01-31"),
        ("the 30th", "The mission will end on the 30th.", "2026-03-30"),  # February has none
        ("8th", "", "2026-02-08"),
        ("Sunday the 8th", "", "2026-02-08"),
        ("Tuesday the 27th", "", "2026-01-27"),  # the weekday picks the month
        ("the night of the 7th", "Rockets were fired on the night of the 7th.", "2026-02-07TNI"),
        ("the 3rd of last month", "", "2026-01-03"),
        ("the 21st of March", "", "2026-03-21"),
        ("March 3rd", "", "2026-03-03"),
        ("3rd March", "", "2026-03-03"),
        ("the 2nd of March 2025", "", "2025-03-02"),
        ("the eighth of February", "", "2026-02-08"),
        ("February eighth", "", "2026-02-08"),
        ("March the third, 2025", "", "2025-03-03"),
        ("the twenty-first of March", "", "2026-03-21"),
        ("the thirty-first of January", "", "2026-01-31"),
    ],
)
def test_ordinal_days(text: str, context: str, expected: str) -> None:
    assert value_of(text, context) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [("the 8th century", "07"), ("the 21st century", "20"), ("50th anniversary", None),
     ("the 32nd", None), ("the 0th", None), ("the eighth day", None), ("the first of many", None),
     ("the first quarter of 2025", "2025-Q1"), ("the second half of 2025", "2025-H2")],
)  # fmt: skip
def test_other_ordinals_are_not_days_of_the_month(text: str, expected: str | None) -> None:
    assert value_of(text) == expected


def test_ordinal_days_need_an_anchor() -> None:
    assert normalize_time("the 8th", None) is None
