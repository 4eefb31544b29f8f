"""Forgetting by age: the dedup index and the story clusterer of a long `watch` stay bounded."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from eventwire.aging import AgeWindow
from eventwire.dedup import Deduplicator, DedupSettings
from eventwire.model import ClusterCandidate, Document
from eventwire.stories.clusterer import StoryClusterer
from eventwire.stories.settings import StoriesSettings
from eventwire.stories.stage import StoriesStage

START = datetime(2025, 1, 1, 8, tzinfo=UTC)
BODY = (
    "The {topic} council of {town} voted on {day} to approve the new budget for roads, schools "
    "and the harbour, after a debate that lasted late into the evening and drew a large crowd."
)


def report(doc_id: int, day: int, topic: str = "city") -> Document:
    """A dated report about ``topic`` in a town of its own, published on ``day``."""
    town = f"Town{doc_id}x"
    text = BODY.format(topic=topic, town=town, day=f"day {day}")
    stored = START + timedelta(days=day)  # a watch stores what it fetches as it is published
    return Document(doc_id, "outlet", f"{town} {topic} council budget", text, stored, stored)


def test_age_window_hands_back_keys_older_than_the_window() -> None:
    window = AgeWindow(max_age_days=10)
    window.touch("old", START)
    window.touch("undated", None)  # as recent as the next dated key
    window.touch("recent", START + timedelta(days=15))
    assert window.expired() == ["old"]
    window.advance(START + timedelta(days=40))
    assert sorted(window.expired()) == ["recent", "undated"]
    assert len(window) == 0


def test_age_window_of_zero_days_keeps_everything() -> None:
    window = AgeWindow(max_age_days=0)
    window.touch("old", START)
    window.advance(START + timedelta(days=1000))
    assert window.expired() == [] and window.cutoff() is None


def test_dedup_forgets_originals_older_than_max_age() -> None:
    index = Deduplicator(DedupSettings(max_age_days=28))
    original = report(1, 0)
    assert index.check_and_add(original) is None
    soon = Document(2, "wire", "x", original.text, None, START + timedelta(days=20))
    assert index.check_and_add(soon) is not None  # within the window: a copy
    for day in range(1, 60):
        index.check_and_add(report(100 + day, day))
    late = Document(3, "wire", "x", original.text, None, START + timedelta(days=60))
    assert index.check_and_add(late) is None  # the original was forgotten
    assert len(index) <= 30  # originals of the last 28 days (and the late one)


def test_story_clusterer_holds_only_recent_stories() -> None:
    clusterer = StoryClusterer(StoriesSettings(max_age_days=14))
    first = clusterer.assign(report(1, 0))
    for day in range(1, 100):
        clusterer.assign(report(1 + day, day, topic=f"topic{day}"))
    assert not clusterer.is_live(first.story_id)
    assert sum(clusterer.is_live(i) for i in range(1, 101)) <= 16


def test_stories_stage_forgets_articles_of_forgotten_stories() -> None:
    stage = StoriesStage(StoriesSettings(max_age_days=14))
    for day in range(100):
        stage.run([ClusterCandidate(report(1 + day, day, topic=f"topic{day}"))])
    assert len(stage.story_of) <= 16


def test_an_archive_stored_at_once_forgets_nothing_whatever_its_dates() -> None:
    index = Deduplicator(DedupSettings(max_age_days=28))
    original = report(1, 0)
    stored = START + timedelta(days=400)
    index.check_and_add(Document(1, "outlet", "t", original.text, START, stored))
    for day in range(1, 300, 7):  # published over most of a year, all stored the same day
        index.check_and_add(Document(1 + day, "o", "t", report(1 + day, day).text, None, stored))
    copy = Document(999, "wire", "t", original.text, START + timedelta(days=300), stored)
    assert index.check_and_add(copy) is not None
