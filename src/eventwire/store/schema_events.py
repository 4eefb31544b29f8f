"""Tables of the events stage: kept parses, events and their evidence (issue 11)."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import Boolean, Float, ForeignKey, Integer, LargeBinary, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from eventwire.store.schema import Base, UTCDateTime


class ArticleParseRow(Base):
    """An article's sentence parses (zlib-compressed JSON), kept by the entities stage."""

    __tablename__ = "article_parses"

    article_id: Mapped[int] = mapped_column(
        ForeignKey("articles.id", ondelete="CASCADE"), primary_key=True, autoincrement=False
    )
    data: Mapped[bytes] = mapped_column(LargeBinary)


class EventRow(Base):
    """One real event of a story (GDELT's event row, counted across the story)."""

    __tablename__ = "events"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    story_id: Mapped[int] = mapped_column(ForeignKey("stories.id", ondelete="CASCADE"), index=True)
    day: Mapped[str | None] = mapped_column(String(10), index=True)
    cameo: Mapped[str] = mapped_column(String(4), index=True)
    plover: Mapped[str | None] = mapped_column(String(16))
    mode: Mapped[str | None] = mapped_column(String(32))
    quad_class: Mapped[int] = mapped_column(Integer)
    goldstein: Mapped[float] = mapped_column(Float)
    place: Mapped[str | None] = mapped_column(Text)
    place_country: Mapped[str | None] = mapped_column(String(3))
    negated: Mapped[bool] = mapped_column(Boolean)
    hypothetical: Mapped[bool] = mapped_column(Boolean)
    num_mentions: Mapped[int] = mapped_column(Integer)
    num_articles: Mapped[int] = mapped_column(Integer)
    num_sources: Mapped[int] = mapped_column(Integer)
    actors_json: Mapped[str] = mapped_column(Text)  # {"source": [...], "target": [...]}
    url: Mapped[str | None] = mapped_column(Text)
    added_at: Mapped[datetime] = mapped_column(UTCDateTime)


class EventEvidenceRow(Base):
    """A sentence stating an event: its article, the sentence and the trigger's span."""

    __tablename__ = "event_evidence"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    event_id: Mapped[int] = mapped_column(ForeignKey("events.id", ondelete="CASCADE"), index=True)
    article_id: Mapped[int] = mapped_column(ForeignKey("articles.id", ondelete="CASCADE"))
    source: Mapped[str] = mapped_column(Text)
    sentence: Mapped[str] = mapped_column(Text)
    span_start: Mapped[int] = mapped_column(Integer)
    span_end: Mapped[int] = mapped_column(Integer)
    actor_spans_json: Mapped[str] = mapped_column(Text)
    day: Mapped[str | None] = mapped_column(String(10))
