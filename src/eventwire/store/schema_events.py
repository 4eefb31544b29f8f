"""Tables of the events stage: kept parses, events and their evidence (issue 11)."""

from __future__ import annotations

from sqlalchemy import Boolean, Column, Float, ForeignKey, Integer, LargeBinary, String, Text

from eventwire.store.schema import UTCDateTime, owned_by, table

# An article's sentence parses (zlib-compressed JSON), kept by the entities stage.
ArticleParseRow = table(
    "article_parses",
    owned_by("articles"),
    Column("data", LargeBinary, nullable=False),
)


# One real event of a story (GDELT's event row, counted across the story).
EventRow = table(
    "events",
    Column("id", Integer, primary_key=True),
    Column("story_id", ForeignKey("stories.id", ondelete="CASCADE"), index=True, nullable=False),
    Column("day", String(10), index=True),
    Column("cameo", String(4), index=True, nullable=False),
    Column("plover", String(16)),
    Column("mode", String(32)),
    Column("quad_class", Integer, nullable=False),
    Column("goldstein", Float, nullable=False),
    Column("place", Text),
    Column("place_country", String(3)),
    Column("negated", Boolean, nullable=False),
    Column("hypothetical", Boolean, nullable=False),
    Column("num_mentions", Integer, nullable=False),
    Column("num_articles", Integer, nullable=False),
    Column("num_sources", Integer, nullable=False),
    Column("actors_json", Text, nullable=False),  # {"source": [...], "target": [...]}
    Column("url", Text),
    Column("added_at", UTCDateTime, nullable=False),
)


# A sentence stating an event: its article, the sentence and the trigger's span.
EventEvidenceRow = table(
    "event_evidence",
    Column("id", Integer, primary_key=True),
    Column("event_id", ForeignKey("events.id", ondelete="CASCADE"), index=True, nullable=False),
    Column("article_id", ForeignKey("articles.id", ondelete="CASCADE"), nullable=False),
    Column("source", Text, nullable=False),
    Column("sentence", Text, nullable=False),
    Column("span_start", Integer, nullable=False),
    Column("span_end", Integer, nullable=False),
    Column("actor_spans_json", Text, nullable=False),
    Column("day", String(10)),
)
