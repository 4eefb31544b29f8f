"""Story listings filtered and paged in SQL, on SQLite and PostgreSQL alike."""

from __future__ import annotations

from datetime import UTC, datetime

from eventwire.model import StoryFilter
from eventwire.store import Repository
from tests.store.helpers import joined, make_item, opened

MONDAY = datetime(2026, 2, 9, 9, tzinfo=UTC)
FRIDAY = datetime(2026, 2, 13, 9, tzinfo=UTC)


def fill(repo: Repository) -> None:
    """Story 1: two outlets on Monday; story 2: one outlet on Friday, '50%_off' in its title."""
    ids = repo.add_articles(
        [
            make_item("harbour strike", source="Port-News", published=MONDAY),
            make_item("dockers out", source="wire", published=MONDAY),
            make_item("sale 50%_off", source="wire", published=FRIDAY),
        ]
    )
    repo.save_results([opened(ids[0], 1), joined(ids[1], 1), opened(ids[2], 2)])


def listed(repo: Repository, **filters: object) -> list[int]:
    return [story.id for story in repo.list_stories(filters=StoryFilter(**filters))]


def test_filters_by_outlet_time_and_title_text(repo: Repository) -> None:
    fill(repo)
    assert listed(repo) == [1, 2]
    assert listed(repo, outlet="port-news") == [1]
    assert listed(repo, outlet="WIRE") == [1, 2]
    assert listed(repo, since=FRIDAY) == [2]
    assert listed(repo, until=MONDAY) == [1]
    assert listed(repo, text="DOCKERS") == [1]
    assert listed(repo, text="50%_off") == [2]
    assert listed(repo, text="5_%") == []  # LIKE wildcards in the text are literal
    assert listed(repo, actor_id=1) == []


def test_offset_skips_the_first_stories_of_the_order(repo: Repository) -> None:
    fill(repo)
    assert [s.id for s in repo.list_stories(limit=1, offset=1)] == [2]
    assert repo.list_stories(limit=5, offset=2) == []
