"""No date arithmetic overflows, whatever dates the store already holds (datetime.min/max)."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta, timezone

import pytest

from eventwire.model import Document
from eventwire.stories import StoriesSettings, StoryClusterer
from eventwire.time.normalize import normalize_time

TITLE = "Council approves budget for the new tram line"
TEXT = "The council approved the budget for the new tram line on Tuesday after a long debate."
EXTREMES = [
    datetime.min.replace(tzinfo=UTC),
    datetime.min.replace(tzinfo=timezone(timedelta(hours=14))),
    datetime.max.replace(tzinfo=UTC),
    datetime.max.replace(tzinfo=timezone(timedelta(hours=-14))),
]


def document(doc_id: int, published: datetime | None) -> Document:
    return Document(
        id=doc_id, source=f"outlet-{doc_id}", title=TITLE, text=TEXT, published=published
    )


@pytest.mark.parametrize("story_date", EXTREMES)
def test_articles_next_to_an_extreme_story_are_clustered(story_date: datetime) -> None:
    clusterer = StoryClusterer(StoriesSettings())
    first = clusterer.assign(document(1, story_date))
    for doc_id, when in enumerate([*EXTREMES, None], start=2):
        clusterer.assign(document(doc_id, when))  # raised OverflowError before
    today = clusterer.assign(document(99, datetime(2026, 2, 8, tzinfo=UTC)))
    assert today.story_id != first.story_id


def test_extreme_dates_keep_the_window() -> None:
    clusterer = StoryClusterer(StoriesSettings())
    first = clusterer.assign(document(1, datetime.min.replace(tzinfo=UTC)))
    far = clusterer.assign(document(2, datetime(2026, 2, 8, tzinfo=UTC)))
    near = clusterer.assign(document(3, datetime.min.replace(tzinfo=UTC) + timedelta(days=2)))
    assert far.is_new and far.story_id != first.story_id
    assert near.story_id == first.story_id


@pytest.mark.parametrize(
    "anchor", [datetime.min.replace(tzinfo=UTC), datetime.max.replace(tzinfo=UTC)]
)
@pytest.mark.parametrize(
    "expression",
    [
        "yesterday", "tomorrow", "last week", "next week", "the weekend", "next month",
        "last year", "next year", "two days ago", "in three weeks", "next Monday", "Friday",
        "last quarter", "next decade", "this summer", "the 3rd", "March 5", "overnight",
        "a year earlier", "this century", "the '90s", "in five years", "recently",
    ],
)  # fmt: skip
def test_time_expressions_against_extreme_anchors_never_raise(
    anchor: datetime, expression: str
) -> None:
    value = normalize_time(expression, anchor, f"They met {expression}.")
    assert value is None or value.value
