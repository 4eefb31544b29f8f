"""Tables of the facts stage: each story's consolidated form and its facts (issue 12)."""

from __future__ import annotations

from sqlalchemy import (
    Boolean,
    Column,
    ForeignKey,
    Index,
    Integer,
    String,
    Text,
    UniqueConstraint,
)

from eventwire.store.schema import UTCDateTime, table

# A story's consolidated form: title, summary, timeline, per-outlet additions (JSON).
StoryFactsRow = table(
    "story_facts",
    Column(
        "story_id",
        ForeignKey("stories.id", ondelete="CASCADE"),
        primary_key=True,
        autoincrement=False,
    ),
    Column("title", Text, nullable=False),
    Column("summary_json", Text, nullable=False),
    Column("timeline_json", Text, nullable=False),
    Column("unique_json", Text, nullable=False),
    Column("aligned", Boolean, nullable=False),
    Column("computed_at", UTCDateTime, nullable=False),
)


# One fact of a story, with its claims and disputes (JSON).
FactRow = table(
    "facts",
    Column("id", Integer, primary_key=True),
    Column("story_id", ForeignKey("stories.id", ondelete="CASCADE"), nullable=False),
    Column("seq", Integer, nullable=False),
    Column("text", Text, nullable=False),
    Column("kind", String(16), nullable=False),
    Column("status", String(16), nullable=False),
    Column("independent_sources", Integer, nullable=False),
    Column("articles", Integer, nullable=False),
    Column("sources_json", Text, nullable=False),
    Column("date", String(10)),
    Column("speaker", Text),
    Column("claims_json", Text, nullable=False),
    Column("disputes_json", Text, nullable=False),
    UniqueConstraint("story_id", "seq"),
    Index("ix_facts_status", "status"),
)
