"""Every rule kind of the time stage on invented sentences, anchored on a Sunday."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta, timezone

import pytest

from eventwire.time import TimeSettings, TimeValue, normalize_time
from tests.time.helpers import SUNDAY, value_of


@pytest.mark.parametrize(
    ("text", "context", "expected"),
    [
        ("Sunday", "The two ministers held a phone call Sunday.", "2026-02-08"),
        ("on Friday", "Negotiators met in the capital on Friday.", "2026-02-06"),
        ("the Friday discussions", "They reviewed the Friday discussions.", "2026-02-06"),
        ("last week", "", "2026-W05"),
        ("in recent weeks", "Tensions have grown in recent weeks.", "PAST_REF"),
        ("Tuesday afternoon", "A second meeting took place Tuesday afternoon.", "2026-02-03TAF"),
        ("next month", "", "2026-03"),
        ("Feb. 8, 2026", "", "2026-02-08"),
        ("8 February 2026", "", "2026-02-08"),
        ("February 8th, 2026", "", "2026-02-08"),
        ("February 8th", "The agreement was reached on February 8th.", "2026-02-08"),
        ("the 8th of February", "", "2026-02-08"),
        ("Friday", "The ministers will meet on Friday.", "2026-02-13"),
        ("on Friday", "Both delegations are expected to return on Friday.", "2026-02-13"),
        ("2026-02-08", "", "2026-02-08"),
        ("08.02.2026", "", "2026-02-08"),
        ("02/08/2026", "", "2026-02-08"),
        ("13/02/2026", "", "2026-02-13"),
    ],
)
def test_issue_examples(text: str, context: str, expected: str) -> None:
    assert value_of(text, context) == expected


def test_slashed_dates_follow_the_configured_order() -> None:
    assert value_of("08/02/2026") == "2026-08-02"  # default slash_date_order: MDY
    day_first = TimeSettings(slash_date_order="DMY")
    assert normalize_time("08/02/2026", SUNDAY, settings=day_first).value == "2026-02-08"
    assert normalize_time("8/2/26", SUNDAY, settings=day_first).value == "2026-02-08"


def test_recent_weeks_is_an_open_past_interval() -> None:
    found = normalize_time("in recent weeks", SUNDAY, "Tensions have grown in recent weeks.")
    assert found == TimeValue("PAST_REF", None, date(2026, 2, 8), "vague", True)


def test_intervals_and_granularity() -> None:
    week = normalize_time("last week", SUNDAY)
    assert week == TimeValue("2026-W05", date(2026, 1, 26), date(2026, 2, 1), "week", True)
    month = normalize_time("next month", SUNDAY)
    assert (month.start, month.end, month.granularity) == (
        date(2026, 3, 1),
        date(2026, 3, 31),
        "month",
    )
    explicit = normalize_time("Feb. 8, 2026", SUNDAY)
    assert explicit.anchored is False and explicit.granularity == "day"
    vague = normalize_time("recently", SUNDAY)
    assert (vague.start, vague.end, vague.granularity) == (None, date(2026, 2, 8), "vague")


@pytest.mark.parametrize(
    ("text", "context", "expected"),
    [
        ("Friday", "The envoys will meet again on Friday in Geneva.", "2026-02-13"),
        ("Friday", "The envoys met on Friday in Geneva.", "2026-02-06"),
        ("Friday", "The agency said on Friday that inspections will resume.", "2026-02-06"),
        ("Wednesday", "Parliament is scheduled to vote Wednesday.", "2026-02-11"),
        ("Wednesday", "Parliament voted Wednesday.", "2026-02-04"),
        ("Wednesday", "", "2026-02-04"),  # no cue: news reports the past
        ("Sunday", "The summit will open on Sunday.", "2026-02-08"),  # the anchor's weekday
        ("last Sunday", "", "2026-02-01"),
        ("next Sunday", "", "2026-02-15"),
        ("next Tuesday", "", "2026-02-10"),
        ("this Thursday", "", "2026-02-12"),
        ("Monday night", "Rockets were fired Monday night.", "2026-02-02TNI"),
    ],
)
def test_weekdays_follow_the_tense(text: str, context: str, expected: str) -> None:
    assert value_of(text, context) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("yesterday", "2026-02-07"),
        ("today", "2026-02-08"),
        ("tomorrow", "2026-02-09"),
        ("the day before yesterday", "2026-02-06"),
        ("yesterday morning", "2026-02-07TMO"),
        ("tonight", "2026-02-08TNI"),
        ("this week", "2026-W06"),
        ("next week", "2026-W07"),
        ("this month", "2026-02"),
        ("earlier this month", "2026-02"),
        ("last month", "2026-01"),
        ("this year", "2026"),
        ("the full year", "2026"),
        ("last year", "2025"),
        ("early next year", "2027"),
        ("the end of the year", "2026"),
        ("the weekend", "2026-W06-WE"),
        ("next weekend", "2026-W07-WE"),
        ("three days ago", "2026-02-05"),
        ("two weeks ago", "2026-W04"),
        ("six months ago", "2025-08"),
        ("nearly four years ago", "2022"),
        ("a decade ago", "201"),
        ("two weeks from now", "2026-W08"),
        ("several years ago", "PAST_REF"),
    ],
)
def test_relative_expressions(text: str, expected: str) -> None:
    assert value_of(text) == expected


@pytest.mark.parametrize(
    ("text", "context", "expected"),
    [
        ("the third quarter", "Profits fell sharply in the third quarter.", "2025-Q3"),
        ("the third quarter", "The firm expects a rebound in the third quarter.", "2026-Q3"),
        ("fourth-quarter", "Fourth-quarter sales rose 4%.", "2025-Q4"),
        ("the fourth quarter of 2024", "", "2024-Q4"),
        ("Q2 2025", "", "2025-Q2"),
        ("last year's second quarter", "", "2025-Q2"),
        ("the year-ago third quarter", "", "2025-Q3"),
        ("this quarter", "", "2026-Q1"),
        ("last quarter", "", "2025-Q4"),
        ("the latest quarter", "Revenue grew in the latest quarter.", "2025-Q4"),
        ("a year earlier", "Net income rose in the fourth quarter from a year earlier.", "2024-Q4"),
        ("the year-ago period", "Quarter sales beat the year-ago period.", "2024-Q4"),
        ("a year earlier", "Unemployment is lower than a year earlier.", "2025"),
        ("the 2024 quarter", "", "2024-Q4"),
        ("the second half of 2025", "", "2025-H2"),
        ("the first half", "", "2026-H1"),
    ],
)
def test_quarters_halves_and_comparisons(text: str, context: str, expected: str) -> None:
    assert value_of(text, context) == expected


@pytest.mark.parametrize(
    ("text", "context", "expected"),
    [
        ("last June", "", "2025-06"),
        ("March", "", "2026-03"),  # the nearest March
        ("September", "Prices rose in September.", "2025-09"),
        ("September", "Voters will go to the polls in September.", "2026-09"),
        ("November", "", "2025-11"),
        ("November", "The vote will take place in November.", "2026-11"),
        ("June 2024", "", "2024-06"),
        ("January this year", "", "2026-01"),
        ("mid-January", "", "2026-01"),
        ("Aug. 20", "The sale is expected to close Aug. 20.", "2026-08-20"),
        ("Aug. 20", "The treaty was signed on Aug. 20.", "2025-08-20"),
        ("Dec. 15", "The sale is expected to close Dec. 15.", "2025-12-15"),  # too far ahead
        ("March 3", "", "2026-03-03"),
        ("Friday, Feb. 6", "", "2026-02-06"),  # the explicit date beats the weekday
        ("this summer", "", "2026-SU"),
        ("last fall", "", "2025-FA"),
        ("this winter", "", "2025-WI"),  # December 2025 to February 2026 holds the anchor
        ("the winter of 1994", "", "1994-WI"),
        ("the 1990s", "", "199"),
        ("the '80s", "", "198"),
        ("the nineties", "", "199"),
        ("the last decade", "", "201"),
        ("the 20th century", "", "19"),
        ("2025", "", "2025"),
        ("fiscal 2027", "", "2027"),
        ("nineteen ninety-seven", "", "1997"),
        ("the year two thousand", "", "2000"),
    ],
)
def test_months_seasons_years(text: str, context: str, expected: str) -> None:
    assert value_of(text, context) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("now", "PRESENT_REF"),
        ("currently", "PRESENT_REF"),
        ("at this critical moment", "PRESENT_REF"),
        ("recently", "PAST_REF"),
        ("in the past", "PAST_REF"),
        ("recent years", "PAST_REF"),
        ("soon", "FUTURE_REF"),
        ("the near future", "FUTURE_REF"),
        ("in coming weeks", "FUTURE_REF"),
    ],
)
def test_vague_references(text: str, expected: str) -> None:
    assert value_of(text) == expected


@pytest.mark.parametrize(
    "text", ["Friday", "last week", "now", "yesterday", "next month", "the third quarter", "March"]
)
def test_without_anchor_relative_expressions_stay_unresolved(text: str) -> None:
    assert normalize_time(text, None) is None


@pytest.mark.parametrize(
    ("text", "expected"),
    [("Feb. 8, 2026", "2026-02-08"), ("08.02.2026", "2026-02-08"), ("Q3 2025", "2025-Q3"),
     ("1998", "1998"), ("June 2024", "2024-06")],
)  # fmt: skip
def test_without_anchor_absolute_expressions_resolve(text: str, expected: str) -> None:
    found = normalize_time(text, None)
    assert found is not None and found.value == expected and found.anchored is False


@pytest.mark.parametrize(
    "text",
    ["", "   ", "xyzzy", "the minister", "banana 42", "Feb. 30, 2026", "99.99.2026", "x" * 500,
     "!!!", "the May Day parade organisers", "at 10", "2", "may", "march", "four months",
     "time"],
)  # fmt: skip
def test_garbage_gives_none(text: str) -> None:
    assert normalize_time(text, SUNDAY) is None


def test_the_publishers_local_day_counts() -> None:
    late_evening = datetime(2026, 2, 7, 23, 30, tzinfo=timezone(timedelta(hours=-5)))
    assert late_evening.astimezone(UTC).date() == date(2026, 2, 8)  # already Sunday in UTC
    assert value_of("today", anchor=late_evening) == "2026-02-07"  # but Saturday where published
    assert value_of("Saturday", anchor=late_evening) == "2026-02-07"
    assert value_of("yesterday", anchor=late_evening) == "2026-02-06"
    early_morning = datetime(2026, 2, 8, 7, 0, tzinfo=timezone(timedelta(hours=9)))
    assert early_morning.astimezone(UTC).date() == date(2026, 2, 7)
    assert value_of("Sunday", anchor=early_morning) == "2026-02-08"
    assert value_of("on Friday", "They met on Friday.", anchor=early_morning) == "2026-02-06"


def test_settings_change_readings() -> None:
    day_first = TimeSettings(slash_date_order="DMY")
    assert normalize_time("02/08/2026", SUNDAY, settings=day_first).value == "2026-08-02"
    forward = TimeSettings(default_direction="future")
    assert normalize_time("Wednesday", SUNDAY, settings=forward).value == "2026-02-11"
    assert normalize_time("x" * 20, SUNDAY, settings=TimeSettings(max_expression_chars=10)) is None


def test_dateparser_covers_phrasings_the_rules_do_not() -> None:
    assert value_of("in two weeks") == "2026-W08"
    assert (
        normalize_time("in two weeks", SUNDAY, settings=TimeSettings(use_dateparser=False)) is None
    )


def test_value_round_trips_through_json() -> None:
    found = normalize_time("last week", SUNDAY)
    data = found.as_dict()
    assert data["start"] == "2026-01-26" and data["end"] == "2026-02-01"
    assert TimeValue.from_dict(data) == found


def test_tense_cues_do_not_cross_a_sentence_end() -> None:
    anchor = datetime(2026, 2, 8, 1, 30, tzinfo=timezone(timedelta(hours=3)))
    context = "Talks resumed in Geneva on Friday. The next round is expected next month."
    value = normalize_time("Friday", anchor, context)
    assert value is not None and value.value == "2026-02-06"
