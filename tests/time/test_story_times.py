"""DATE/TIME mentions are normalised against their article's (or story's) publication time."""

from __future__ import annotations

from datetime import UTC, datetime

from eventwire.model import ArticleEntities, Document, Mention
from eventwire.time import TimeSettings, story_times

TEXT = "The envoys met on Tuesday afternoon and will meet again next month."


def mention(text: str, label: str) -> Mention:
    start = TEXT.index(text)
    return Mention(1, "body", 0, start, start + len(text), text, label)


def test_adjacent_date_and_time_spans_are_read_as_one_expression() -> None:
    published = datetime(2026, 2, 8, 12, tzinfo=UTC)  # a Sunday
    document = Document(1, "outlet", "Title", TEXT, published)
    spans = (
        mention("Tuesday", "DATE"),
        mention("afternoon", "TIME"),
        mention("next month", "DATE"),
    )
    times = story_times([document], [ArticleEntities(1, spans)], TimeSettings())
    values = {time.mention.text: time.value for time in times}
    assert values == {
        "Tuesday": "2026-02-03TAF",
        "afternoon": "2026-02-03TAF",
        "next month": "2026-03",
    }


def test_undated_article_takes_its_story_anchor() -> None:
    dated = Document(1, "a", "T", "Nothing dated here.", datetime(2026, 2, 8, 16, 46, tzinfo=UTC))
    undated = Document(2, "b", "T", TEXT, None)
    tuesday = Mention(
        2, "body", 0, TEXT.index("Tuesday"), TEXT.index("Tuesday") + 7, "Tuesday", "DATE"
    )
    [time] = story_times([dated, undated], [ArticleEntities(2, (tuesday,))], TimeSettings())
    assert time.value == "2026-02-03" and time.anchor_inferred


def test_parts_of_the_day_and_ordinal_days_in_an_article() -> None:
    text = "Shelling resumed last night, a week after the truce signed on the 31st."
    published = datetime(2026, 2, 8, 7, tzinfo=UTC)
    document = Document(1, "outlet", "Title", text, published)
    spans = []
    for phrase, label in (("last night", "TIME"), ("the 31st", "DATE")):
        start = text.index(phrase)
        spans.append(Mention(1, "body", 0, start, start + len(phrase), phrase, label))
    times = story_times([document], [ArticleEntities(1, tuple(spans))], TimeSettings())
    assert {t.mention.text: (t.value, t.start) for t in times} == {
        "last night": ("2026-02-07TNI", "2026-02-07"),
        "the 31st": ("2026-01-31", "2026-01-31"),
    }
