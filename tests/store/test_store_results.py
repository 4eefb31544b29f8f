"""Saving dedup/clustering results and reading stories back."""

from __future__ import annotations

import random
from datetime import UTC, datetime, timedelta, timezone

import pytest
from sqlalchemy import select
from sqlalchemy.exc import IntegrityError

from eventwire.model import StoryAssignment
from eventwire.store import Repository
from eventwire.store.schema import Story
from eventwire.store.writes import refresh_story_spans
from tests.store.helpers import copied, joined, make_item, opened

MORNING = datetime(2024, 3, 1, 8, 0, tzinfo=timezone(timedelta(hours=-5)))  # 13:00 UTC
NOON = datetime(2024, 3, 1, 12, 0, tzinfo=UTC)
EVENING = datetime(2024, 3, 1, 20, 0, tzinfo=UTC)


def add(repo: Repository, *items: tuple) -> list[int]:
    ids = repo.add_articles(list(items))
    assert all(i is not None for i in ids)
    return [i for i in ids if i is not None]


def test_results_round_trip_through_stories_and_articles(repo: Repository) -> None:
    a, b, c, d = add(
        repo,
        make_item("a", source="one", published=NOON),
        make_item("b", source="two", published=None),
        make_item("c", source="three", published=MORNING),
        make_item("d", source="one", published=EVENING),
    )
    repo.save_results([opened(a, 1), copied(b, a, 1), joined(c, 1, 0.4), opened(d, 2)])
    story = repo.get_story(1)
    assert story is not None
    ingested_b = repo.get_article(b).ingested_at  # type: ignore[union-attr]
    assert story.title == "Title a"
    assert [s.id for s in story.articles] == [a, c, b]  # by published (unknown last), then id
    assert [s.copy_of for s in story.articles] == [None, None, a]
    assert story.sources == ("one", "three", "two")
    assert story.first_seen == NOON
    assert story.last_seen == MORNING  # b has no date: it does not stretch the dated span
    assert ingested_b > MORNING
    assert story.first_seen.tzinfo is not None and story.last_seen.tzinfo is not None
    repo.save_results([opened(e := add(repo, make_item("e", published=None))[0], 3)])
    undated = repo.get_story(3)
    assert undated is not None and undated.first_seen == repo.get_article(e).ingested_at
    assert [s.id for s in repo.list_stories()] == [1, 3, 2]
    assert [s.id for s in repo.list_stories(limit=1)] == [1]
    copy = repo.get_article(b)
    assert copy is not None and (copy.copy_of, copy.story_id) == (a, 1)
    assert repo.counts() == {
        "articles": 5,
        "sources": 4,
        "stories": 3,
        "duplicates": 1,
        "pending": 0,
    }
    assert repo.max_story_id() == 3


def test_story_span_grows_when_later_articles_join(repo: Repository) -> None:
    [a] = add(repo, make_item("a", published=NOON))
    repo.save_results([opened(a, 7)])
    [b, c] = add(repo, make_item("b", published=EVENING), make_item("c", published=MORNING))
    repo.save_results([joined(b, 7), joined(c, 7)])
    story = repo.get_story(7)
    assert story is not None
    assert (story.first_seen, story.last_seen) == (NOON, EVENING)
    assert len(story.articles) == 3


def test_list_stories_orders_by_size_then_newest(repo: Repository) -> None:
    ids = add(
        repo, *(make_item(k, published=NOON + timedelta(hours=n)) for n, k in enumerate("abcd"))
    )
    repo.save_results([opened(ids[0], 1), opened(ids[1], 2), joined(ids[2], 2), opened(ids[3], 3)])
    assert [s.id for s in repo.list_stories()] == [2, 3, 1]


def test_processed_documents_stream_story_and_copy(repo: Repository) -> None:
    a, b, c = add(repo, make_item("a"), make_item("b"), make_item("c"))
    repo.save_results([opened(a, 1), copied(b, a, 1)])
    streamed = [(doc.id, story, copy) for doc, story, copy in repo.processed_documents()]
    assert streamed == [(a, 1, None), (b, 1, a)]
    assert [d.id for d in repo.pending_documents()] == [c]


def test_processed_documents_stream_past_one_fetch_batch(store_url: str) -> None:
    from eventwire.store import StoreSettings

    with Repository.open(store_url, StoreSettings(stream_batch_size=3)) as repo:
        ids = add(repo, *(make_item(str(n)) for n in range(10)))
        repo.save_results([opened(ids[0], 1), *(joined(i, 1) for i in ids[1:])])
        assert [doc.id for doc, _, _ in repo.processed_documents()] == ids


def test_failed_save_leaves_everything_pending(repo: Repository) -> None:
    a, b = add(repo, make_item("a"), make_item("b"))
    with pytest.raises(IntegrityError):
        repo.save_results([opened(a, 1), opened(b, 1)])  # story 1 opened twice
    assert repo.counts()["stories"] == 0
    assert [d.id for d in repo.pending_documents()] == [a, b]
    repo.save_results([opened(a, 1), joined(b, 1)])
    assert repo.counts()["pending"] == 0


def test_an_undated_story_takes_its_first_dated_member_span(repo: Repository) -> None:
    [a] = add(repo, make_item("a", published=None))
    repo.save_results([opened(a, 4)])
    [b] = add(repo, make_item("b", published=EVENING))
    repo.save_results([joined(b, 4)])
    [c] = add(repo, make_item("c", published=None))
    repo.save_results([joined(c, 4)])
    story = repo.get_story(4)
    assert story is not None and (story.first_seen, story.last_seen) == (EVENING, EVENING)


def spans(repo: Repository) -> dict[int, tuple]:
    with repo.engine.connect() as conn:
        rows = conn.execute(select(Story.id, Story.first_seen, Story.last_seen)).all()
    return {row.id: (row.first_seen, row.last_seen) for row in rows}


def test_spans_widened_batch_by_batch_equal_spans_read_from_every_member(
    repo: Repository,
) -> None:
    """Random batches of dated and undated articles opening and joining stories, and earlier
    articles moving between stories: the spans kept batch by batch equal those read again
    from every member."""
    chooser = random.Random(7)
    opened_stories = 0
    stored: list[int] = []
    for batch in range(12):
        items = [make_item(f"{batch}-{n}", published=random_time(chooser)) for n in range(6)]
        ids = add(repo, *items)
        moved = chooser.sample(stored, min(2, len(stored)))
        existing = sorted(spans(repo))
        assignments = []
        for article_id in ids + moved:
            if not existing or chooser.random() < 0.3:
                opened_stories += 1
                assignments.append(StoryAssignment(article_id, opened_stories, 0.0, True))
                existing.append(opened_stories)
            else:
                story = chooser.choice(existing)
                assignments.append(StoryAssignment(article_id, story, 0.5, False))
        repo.save_assignments(ids + moved, assignments, [])
        stored += ids
    kept = spans(repo)
    with repo.engine.begin() as conn:
        refresh_story_spans(conn, sorted(kept), datetime.now(UTC))
    assert spans(repo) == kept
    assert len(kept) > 10 and all(first is not None for first, _ in kept.values())


def random_time(chooser: random.Random) -> datetime | None:
    """No date two times in five, else a time within four days of noon."""
    return None if chooser.random() < 0.4 else NOON + timedelta(hours=chooser.randint(-90, 90))
