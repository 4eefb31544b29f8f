"""Records round-trip through their JSON form."""

from __future__ import annotations

import json
from datetime import UTC, datetime, timedelta, timezone

from eventwire.model import (
    BLOCK_HEADING,
    BLOCK_PARAGRAPH,
    PART_BODY,
    Actor,
    ActorLink,
    AliasCount,
    ArticleSummary,
    Block,
    CleanArticle,
    CleaningNote,
    Mention,
    MentionTime,
    StageReport,
    StoryActors,
    StoryView,
)


def test_clean_article_round_trips_through_json() -> None:
    article = CleanArticle(
        title="A title",
        blocks=(Block(BLOCK_PARAGRAPH, "First."), Block(BLOCK_HEADING, "Section")),
        published=datetime(2026, 2, 8, 16, 46, tzinfo=UTC),
        updated=datetime(2026, 2, 8, 18, 52, tzinfo=timezone(timedelta(hours=2))),
        notes=(CleaningNote("boilerplate", "Advertisement", "ad marker", 12),),
    )
    data = json.loads(json.dumps(article.as_dict()))
    assert data["published"] == "2026-02-08T16:46:00+00:00"
    assert CleanArticle.from_dict(data) == article
    assert article.paragraphs == ("First.",) and article.headings == ("Section",)


def test_story_view_lists_outlets_once_in_order() -> None:
    articles = tuple(
        ArticleSummary(i, source, None, f"t{i}", None, None)
        for i, source in enumerate(["b", "a", "b"], start=1)
    )
    story = StoryView(1, "Story", None, None, articles)
    assert story.sources == ("b", "a")
    assert StoryView.from_dict(json.loads(json.dumps(story.as_dict()))) == story


def test_stage_report_counts_rejections_by_reason() -> None:
    report = StageReport("clean")
    report.reject("empty")
    report.reject("empty")
    report.reject("binary")
    assert report.rejected == {"empty": 2, "binary": 1}


def test_nested_records_round_trip_through_json() -> None:
    mention = Mention(7, PART_BODY, 0, 10, 20, "Maria Okafor", "PERSON")
    actor = Actor(
        key="person:maria okafor",
        name="Maria Okafor",
        type="person",
        country="NGA",
        roles=("Finance Minister",),
        aliases=(AliasCount("Maria Okafor", 3), AliasCount("Okafor", 2)),
        id=4,
    )
    together = StoryActors(1, (actor,), (ActorLink(mention, actor.key),))
    rebuilt = StoryActors.from_dict(json.loads(json.dumps(together.as_dict())))
    assert rebuilt == together
    assert isinstance(rebuilt.actors[0].aliases[0], AliasCount)
    assert isinstance(rebuilt.links[0].mention, Mention)
    timed = MentionTime(mention, "2026-02-08", "2026-02-08", "2026-02-08", anchor_inferred=True)
    assert MentionTime.from_dict(json.loads(json.dumps(timed.as_dict()))) == timed
