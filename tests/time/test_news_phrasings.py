"""Phrasings found among TimeBank's misses, on invented sentences (general rules, not cases)."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from eventwire.time import normalize_time
from tests.time.helpers import SUNDAY, value_of


@pytest.mark.parametrize(
    ("text", "context", "expected"),
    [
        ("Tuesday", "Trading is to resume in the capital Tuesday.", "2026-02-10"),
        ("Monday", "The talks, set to resume Monday in Vienna, were delayed.", "2026-02-09"),
        ("Thursday", "Both teams are poised to sign the deal Thursday.", "2026-02-12"),
        ("Thursday", "The deal was signed Thursday.", "2026-02-05"),
        # a noun such as "deadline" is no tense: the past verb decides
        ("Tuesday", "Holders tendered 90% of the shares by the Tuesday deadline.", "2026-02-03"),
    ],
)
def test_future_constructions_and_nouns(text: str, context: str, expected: str) -> None:
    assert value_of(text, context) == expected


@pytest.mark.parametrize(
    ("text", "anchor", "expected"),
    [
        ("last February", datetime(2026, 3, 1, tzinfo=UTC), "2025-02"),  # not "last month"
        ("last February", datetime(2026, 4, 20, tzinfo=UTC), "2025-02"),
        ("last February", datetime(2026, 6, 20, tzinfo=UTC), "2026-02"),
        ("last December", datetime(2026, 1, 20, tzinfo=UTC), "2025-12"),
        ("last June", datetime(2026, 10, 27, tzinfo=UTC), "2026-06"),
    ],
)
def test_last_month_name(text: str, anchor: datetime, expected: str) -> None:
    assert value_of(text, anchor=anchor) == expected


@pytest.mark.parametrize(
    ("text", "context", "expected"),
    [
        ("a week or so ago", "", "2026-W05"),
        ("the first two quarters of 2027", "", "2027-H1"),
        ("three weeks from today", "", "2026-W09"),
        ("the 6th and 7th", "The envoys met on the 6th and 7th.", "2026-02-06"),
    ],
)
def test_more_counted_and_calendar_phrasings(text: str, context: str, expected: str) -> None:
    assert value_of(text, context) == expected


@pytest.mark.parametrize(
    ("text", "context"),
    [
        ("one day", "The test came one day after the hotline was installed."),
        ("just one week", "The suit comes just one week after the ruling."),
        ("two weeks", "The vote comes two weeks before the summit."),
        ("one-year", "A one-year statute of limitations applies."),
        ("24-hour", "Inspectors want 24-hour access."),
        ("nine-month-old", "The nine-month-old lawsuit was dropped."),
        ("the 32nd", ""),
    ],
)
def test_durations_and_offsets_from_other_events_are_not_dates(text: str, context: str) -> None:
    assert normalize_time(text, SUNDAY, context) is None


def test_one_day_alone_is_still_the_future() -> None:
    assert value_of("one day", "One day the border will reopen.") == "FUTURE_REF"
