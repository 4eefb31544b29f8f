"""The anchor: the article's own publication time, else its story's earliest one."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta, timezone

from eventwire.time import normalize_time, resolve_anchor

PLUS_TWO = timezone(timedelta(hours=2))


def test_own_publication_time_wins() -> None:
    own = datetime(2026, 2, 9, 8, 0, tzinfo=UTC)
    story = [datetime(2026, 2, 8, 16, 46, tzinfo=UTC)]
    assert resolve_anchor(own, story) == (own, False)


def test_missing_time_is_inferred_from_the_earliest_story_article() -> None:
    later = datetime(2026, 2, 9, 9, 0, tzinfo=UTC)
    earliest = datetime(2026, 2, 8, 17, 30, tzinfo=PLUS_TWO)  # 15:30 UTC: before 16:46 UTC
    anchor, inferred = resolve_anchor(
        None, [later, None, datetime(2026, 2, 8, 16, 46, tzinfo=UTC), earliest]
    )
    assert (anchor, inferred) == (earliest, True)
    assert anchor.utcoffset() == timedelta(hours=2)  # the original offset is kept


def test_no_dated_article_gives_no_anchor() -> None:
    assert resolve_anchor(None, []) == (None, False)
    assert resolve_anchor(None, [None, None]) == (None, False)


def test_inferred_anchor_resolves_relative_expressions() -> None:
    anchor, inferred = resolve_anchor(None, [datetime(2026, 2, 8, 16, 46, tzinfo=UTC)])
    assert inferred
    assert normalize_time("Sunday", anchor).value == "2026-02-08"
    assert normalize_time("Friday", anchor, "Talks ended on Friday.").value == "2026-02-06"
