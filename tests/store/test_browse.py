"""Story listing orders, filters and facets for the API, on SQLite and PostgreSQL."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from eventwire.model import StoryFilter
from eventwire.store import Repository
from tests.store.helpers import copied, joined, make_item, opened

DAY = datetime(2026, 3, 1, tzinfo=UTC)


@pytest.fixture
def stories(repo: Repository) -> Repository:
    """Story 1: three outlets, oldest; story 2: one outlet, four articles; story 3: newest."""
    items = [
        make_item("1a", source="outlet-a", published=DAY.replace(day=1)),
        make_item("1b", source="outlet-b", published=DAY.replace(day=1)),
        make_item("1c", source="outlet-c", published=DAY.replace(day=1)),
        *(make_item(f"2{n}", source="outlet-a", published=DAY.replace(day=2)) for n in "abcd"),
        make_item("3a", source="outlet-b", published=DAY.replace(day=3)),
    ]
    ids = repo.add_articles(items)
    results = [opened(ids[0], 1), joined(ids[1], 1), joined(ids[2], 1), opened(ids[3], 2)]
    results += [joined(i, 2) for i in ids[4:7]] + [opened(ids[7], 3)]
    repo.save_results(results)
    return repo


def listed(repo: Repository, **filters: object) -> list[int]:
    return [story.id for story in repo.list_stories(filters=StoryFilter(**filters))]


def test_orders_latest_most_outlets_and_largest(stories: Repository) -> None:
    assert listed(stories, sort="latest") == [3, 2, 1]
    assert listed(stories, sort="sources") == [1, 3, 2]
    assert listed(stories, sort="size") == [2, 1, 3]


def test_minimum_outlets(stories: Repository) -> None:
    assert listed(stories, min_sources=2) == [1]
    assert listed(stories, min_sources=4) == []


def test_copies_from_other_outlets_are_not_independent(stories: Repository) -> None:
    """Story 4: one original and its copies in three other outlets: one independent outlet."""
    items = [make_item("4a", source="outlet-a", published=DAY.replace(day=4))]
    items += [make_item(f"4{o}", source=f"outlet-{o}", published=DAY.replace(day=4)) for o in "bcd"]
    ids = stories.add_articles(items)
    stories.save_results([opened(ids[0], 4), *(copied(i, ids[0], 4) for i in ids[1:])])
    assert listed(stories, sort="sources") == [1, 4, 3, 2]  # 3 outlets, then 1 each, latest
    assert listed(stories, min_sources=2) == [1]


def test_outlet_facet_counts_stories(stories: Repository) -> None:
    facets = stories.story_facets(StoryFilter(), ["outlet"], top=10)
    assert [(f.value, f.count) for f in facets["outlet"]] == [
        ("outlet-a", 2),
        ("outlet-b", 2),
        ("outlet-c", 1),
    ]
    narrowed = stories.story_facets(StoryFilter(outlet="outlet-c"), ["outlet", "actor"], 10)
    assert {f.value for f in narrowed["outlet"]} == {"outlet-a", "outlet-b", "outlet-c"}
    assert narrowed["actor"] == []
