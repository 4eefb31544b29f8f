"""Timestamp and dateline lines become metadata and leave the body."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta, timezone

import pytest

from eventwire.clean import CleanSettings, clean_article
from eventwire.clean.timestamps import parse_timestamp_line
from eventwire.zones import zone_assumed, zone_stated

from .conftest import make_raw

BODY = "The council approved the new budget after a long debate on Tuesday evening."


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ("2031-05-04T09:15+0000", datetime(2031, 5, 4, 9, 15, tzinfo=UTC)),
        ("2031-05-04T09:15:00Z", datetime(2031, 5, 4, 9, 15, tzinfo=UTC)),
        ("09:15 GMT 04.05.2031", datetime(2031, 5, 4, 9, 15, tzinfo=UTC)),
        ("Published 4 May 2031, 09:15 GMT", datetime(2031, 5, 4, 9, 15, tzinfo=UTC)),
        ("Published: 4 May 2031 09:15 UTC", datetime(2031, 5, 4, 9, 15, tzinfo=UTC)),
        ("Sun 4 May 2031 09.15 BST", datetime(2031, 5, 4, 8, 15, tzinfo=UTC)),
        ("Posted on March 3, 2030 at 9:15 am", datetime(2030, 3, 3, 9, 15, tzinfo=UTC)),
        ("2031-05-04 09:15 +03:00", datetime(2031, 5, 4, 6, 15, tzinfo=UTC)),
    ],
)
def test_timestamp_formats_are_read(line, expected):
    stamps = parse_timestamp_line(line, CleanSettings())
    assert stamps is not None
    assert stamps[0].when == expected
    assert stamps[0].when.tzinfo is not None


def test_dotted_dates_are_day_first():
    (stamp,) = parse_timestamp_line("10:00 GMT 03.04.2031", CleanSettings())
    assert (stamp.when.month, stamp.when.day) == (4, 3)


def test_offset_kept_as_tzinfo():
    (stamp,) = parse_timestamp_line("2031-05-04 09:15 +03:00", CleanSettings())
    assert stamp.when.utcoffset() == timedelta(hours=3)


def test_us_eastern_time_follows_daylight_saving():
    (winter,) = parse_timestamp_line("Feb. 8, 2031 4:46 p.m. ET", CleanSettings())
    (summer,) = parse_timestamp_line("Aug. 8, 2031 4:46 p.m. ET", CleanSettings())
    assert winter.when.utcoffset() == timedelta(hours=-5)
    assert summer.when.utcoffset() == timedelta(hours=-4)


@pytest.mark.parametrize(
    "line",
    [
        "The vote is set for May 4, 2031 in the capital.",
        "2031",
        "Friday",
        "Updated by the editors",
    ],
)
def test_sentences_and_partial_dates_are_not_timestamps(line):
    assert parse_timestamp_line(line, CleanSettings()) is None


def test_earliest_is_published_and_labelled_update_is_updated():
    text = "\n".join(
        [
            "Council approves budget",
            "Updated: 5 May 2021, 11:00 GMT",
            "Published: 4 May 2021, 09:15 GMT",
            BODY,
        ]
    )
    article = clean_article(make_raw(text))
    assert article.published == datetime(2021, 5, 4, 9, 15, tzinfo=UTC)
    assert article.updated == datetime(2021, 5, 5, 11, 0, tzinfo=UTC)
    assert article.paragraphs == (BODY,)
    assert [n.rule for n in article.notes].count("timestamp") == 2


def test_relative_time_line_is_dropped_without_metadata():
    article = clean_article(make_raw(f"Council approves budget\nUpdated 2 hours ago\n{BODY}"))
    assert article.paragraphs == (BODY,)
    assert article.published is None


def test_input_metadata_wins_over_text_times():
    given = datetime(2021, 5, 4, 8, 0, tzinfo=timezone(timedelta(hours=2)))
    raw = make_raw(f"Council approves budget\n2021-05-04T09:15+0000\n{BODY}", published=given)
    article = clean_article(raw)
    assert article.published == given
    assert any("input metadata" in n.detail for n in article.notes)


def test_section_dateline_line_is_dropped_and_its_date_used():
    article = clean_article(make_raw(f" date 2021-05-04 World\nCouncil approves budget\n{BODY}"))
    assert article.title == "Council approves budget"
    assert article.published == datetime(2021, 5, 4, tzinfo=UTC)
    assert [n.rule for n in article.notes if n.line == 1] == ["dateline"]


def test_wire_dateline_standing_alone_is_dropped():
    text = f"Council approves budget\nSPRINGFIELD , Ill. —\n{BODY}"
    article = clean_article(make_raw(text))
    assert article.paragraphs == (BODY,)
    assert any(n.rule == "dateline" and n.line == 2 for n in article.notes)


def test_capitalised_line_later_in_body_is_not_a_wire_dateline():
    text = f"Council approves budget\n{BODY}\nNEXT STEPS -\n{BODY} Again."
    article = clean_article(make_raw(text))
    assert "NEXT STEPS -" in [b.text for b in article.blocks]


def test_a_chosen_default_zone_counts_as_stated_but_utc_is_only_assumed() -> None:
    text = "Harbour strike spreads\nFeb 8, 2026 07:00\nDock workers stayed out on Sunday.\n"
    tokyo = clean_article(make_raw(text), CleanSettings(default_timezone="Asia/Tokyo"))
    assert tokyo.published is not None and zone_stated(tokyo.published)
    assert tokyo.published.utcoffset() == timedelta(hours=9)
    default = clean_article(make_raw(text))
    assert default.published is not None and zone_assumed(default.published)
