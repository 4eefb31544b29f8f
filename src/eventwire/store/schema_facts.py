"""Tables of the facts stage: each story's consolidated form and its facts (issue 12)."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import Boolean, ForeignKey, Index, Integer, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from eventwire.store.schema import Base, UTCDateTime


class StoryFactsRow(Base):
    """A story's consolidated form: title, summary, timeline, per-outlet additions (JSON)."""

    __tablename__ = "story_facts"

    story_id: Mapped[int] = mapped_column(
        ForeignKey("stories.id", ondelete="CASCADE"), primary_key=True, autoincrement=False
    )
    title: Mapped[str] = mapped_column(Text)
    summary_json: Mapped[str] = mapped_column(Text)
    timeline_json: Mapped[str] = mapped_column(Text)
    unique_json: Mapped[str] = mapped_column(Text)
    aligned: Mapped[bool] = mapped_column(Boolean)
    computed_at: Mapped[datetime] = mapped_column(UTCDateTime)


class FactRow(Base):
    """One fact of a story, with its claims and disputes (JSON)."""

    __tablename__ = "facts"
    __table_args__ = (
        UniqueConstraint("story_id", "seq"),
        Index("ix_facts_status", "status"),
    )

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    story_id: Mapped[int] = mapped_column(ForeignKey("stories.id", ondelete="CASCADE"))
    seq: Mapped[int] = mapped_column(Integer)
    text: Mapped[str] = mapped_column(Text)
    kind: Mapped[str] = mapped_column(String(16))
    status: Mapped[str] = mapped_column(String(16))
    independent_sources: Mapped[int] = mapped_column(Integer)
    articles: Mapped[int] = mapped_column(Integer)
    sources_json: Mapped[str] = mapped_column(Text)
    date: Mapped[str | None] = mapped_column(String(10))
    speaker: Mapped[str | None] = mapped_column(Text)
    claims_json: Mapped[str] = mapped_column(Text)
    disputes_json: Mapped[str] = mapped_column(Text)
