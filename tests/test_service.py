"""The read queries every front end uses: filters, pages with cursors, typed errors."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path

import pytest

from eventwire.model import Page, StoryFilter
from eventwire.service import (
    BadCursor,
    BadQuery,
    NotFound,
    Queries,
    make_cursor,
    story_filter,
)
from eventwire.store import Repository
from tests.store.helpers import joined, make_item, opened

DAY = datetime(2026, 2, 8, 12, tzinfo=UTC)


@pytest.fixture
def queries(tmp_path: Path) -> Iterator[Queries]:
    """Three stories: 1 (3 articles, two outlets), 2 (2 articles), 3 (1 article, a week later)."""
    repo = Repository.open(f"sqlite:///{tmp_path / 'q.db'}")
    items = [
        make_item("port strike", source="harbour-news", published=DAY),
        make_item("strike goes on", source="Wire", published=DAY),
        make_item("dockers", source="harbour-news", published=DAY),
        make_item("budget vote", source="Wire", published=DAY),
        make_item("budget passes", source="Wire", published=DAY),
        make_item("storm", source="weather", published=datetime(2026, 2, 15, tzinfo=UTC)),
    ]
    ids = repo.add_articles(items)
    repo.save_results(
        [
            opened(ids[0], 1),
            joined(ids[1], 1),
            joined(ids[2], 1),
            opened(ids[3], 2),
            joined(ids[4], 2),
            opened(ids[5], 3),
        ]
    )
    yield Queries(repo)
    repo.close()


def story_ids(page: Page) -> list[int]:
    return [story.id for story in page.items]


def test_stories_are_paged_with_a_cursor_until_the_last_page(queries: Queries) -> None:
    first = queries.stories(limit=2)
    assert story_ids(first) == [1, 2] and first.next is not None
    last = queries.stories(limit=2, cursor=first.next)
    assert story_ids(last) == [3] and last.next is None
    assert story_ids(queries.stories()) == [1, 2, 3]
    assert queries.stories().as_dict()["next"] is None


def test_stories_filter_by_outlet_time_and_text(queries: Queries) -> None:
    assert story_ids(queries.stories(story_filter(outlet="HARBOUR-news"))) == [1]
    assert story_ids(queries.stories(story_filter(since="2026-02-10"))) == [3]
    assert story_ids(queries.stories(story_filter(until="2026-02-08"))) == [1, 2]
    assert story_ids(queries.stories(story_filter(text="BUDGET"))) == [2]
    assert story_ids(queries.stories(story_filter(text="goes on"))) == [1]  # an article's title
    assert story_ids(queries.stories(story_filter(text="100%"))) == []  # % is not a wildcard


def test_a_cursor_works_only_for_its_own_query(queries: Queries) -> None:
    cursor = queries.stories(limit=1).next
    assert cursor is not None
    with pytest.raises(BadCursor, match="another query"):
        queries.stories(StoryFilter(outlet="Wire"), limit=1, cursor=cursor)
    with pytest.raises(BadCursor):
        queries.actors(limit=1, cursor=cursor)
    for junk in ("abc", "!!!", make_cursor(-1, "x")):
        with pytest.raises(BadCursor) as caught:
            queries.stories(limit=1, cursor=junk)
        assert caught.value.as_dict() == {"ok": False, "error": str(caught.value), "status": 400}


def test_missing_items_raise_not_found_with_status_404(queries: Queries) -> None:
    for ask in (
        lambda: queries.story(99),
        lambda: queries.article(99),
        lambda: queries.actor("Nobody"),
        lambda: queries.actors(story_id=99),
    ):
        with pytest.raises(NotFound) as caught:
            ask()
        assert caught.value.as_dict()["status"] == 404


def test_bad_limits_and_dates_are_refused(queries: Queries) -> None:
    with pytest.raises(BadQuery, match="limit"):
        queries.stories(limit=0)
    with pytest.raises(BadQuery, match="since"):
        story_filter(since="last week")


def test_story_and_article_details_keep_their_json_shapes(queries: Queries) -> None:
    story = queries.story(1).as_dict()
    assert set(story) == {
        "id",
        "title",
        "first_seen",
        "last_seen",
        "articles",
        "actors",
        "events",
    } | {
        "consolidated_title",
        "summary",
        "facts",
        "disputes",
        "timeline",
        "unique_by_source",
    }
    article_id = story["articles"][0]["id"]
    plain = queries.article(article_id).as_dict()
    assert "raw" not in plain and "notes" not in plain and plain["mentions"] == []
    assert plain["text"] == "First paragraph.\n\nSecond paragraph."
    assert len(queries.article(article_id, explain=True).as_dict()["notes"]) == 2


def test_until_a_day_includes_that_whole_day() -> None:
    until = story_filter(until="2026-02-08").until
    assert until is not None and until.date().isoformat() == "2026-02-08" and until.hour == 23
    assert story_filter(since="2026-02-08T10:00:00+03:00").since == datetime(
        2026, 2, 8, 7, tzinfo=UTC
    )
