"""The database schema as typed SQLAlchemy models (the Alembic migrations create it).

Portable by design: only generic types, ``Text`` for long text, and :class:`UTCDateTime`
for every timestamp, so the same schema runs on SQLite and PostgreSQL.
"""

from __future__ import annotations

from datetime import UTC, datetime

from sqlalchemy import (
    DateTime,
    Dialect,
    Float,
    ForeignKey,
    Index,
    Integer,
    MetaData,
    String,
    Text,
    TypeDecorator,
    UniqueConstraint,
)
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column

# Dialects whose timestamp-with-time-zone type keeps the instant; others store naive UTC.
TZ_AWARE_DIALECTS = frozenset({"postgresql", "oracle", "mssql"})
HASH_LENGTH = 64  # sha256 hex digest
NAMING_CONVENTION = {
    "ix": "ix_%(table_name)s_%(column_0_N_name)s",
    "uq": "uq_%(table_name)s_%(column_0_N_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}


def to_utc(value: datetime) -> datetime:
    """The same instant as a tz-aware UTC datetime (naive values are taken as UTC)."""
    if value.tzinfo is None:
        return value.replace(tzinfo=UTC)
    return value.astimezone(UTC)


def utc_now() -> datetime:
    """The current time, tz-aware UTC."""
    return datetime.now(UTC)


class UTCDateTime(TypeDecorator[datetime]):
    """A timestamp written as UTC and always read back tz-aware UTC, on every dialect."""

    impl = DateTime(timezone=True)
    cache_ok = True

    def process_bind_param(self, value: datetime | None, dialect: Dialect) -> datetime | None:
        if value is None:
            return None
        value = to_utc(value)
        return value if dialect.name in TZ_AWARE_DIALECTS else value.replace(tzinfo=None)

    def process_result_value(self, value: datetime | None, dialect: Dialect) -> datetime | None:
        return None if value is None else to_utc(value)


class Base(DeclarativeBase):
    """Declarative base with a naming convention so migrations name constraints stably."""

    metadata = MetaData(naming_convention=NAMING_CONVENTION)


class Source(Base):
    """An outlet articles come from."""

    __tablename__ = "sources"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    name: Mapped[str] = mapped_column(Text, unique=True)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime)


class Article(Base):
    """One ingested article: the raw input verbatim plus its clean content."""

    __tablename__ = "articles"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    source_id: Mapped[int] = mapped_column(ForeignKey("sources.id"), index=True)
    origin: Mapped[str] = mapped_column(Text)
    format: Mapped[str] = mapped_column(String(16))
    url: Mapped[str | None] = mapped_column(Text)
    title: Mapped[str] = mapped_column(Text)
    raw: Mapped[str] = mapped_column(Text)
    # The codec raw was decoded with (ingest.decode.encode_raw gives the bytes back); NULL for
    # articles stored before it was recorded.
    raw_encoding: Mapped[str | None] = mapped_column(String(32))
    blocks_json: Mapped[str] = mapped_column(Text)
    body: Mapped[str] = mapped_column(Text)
    published_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    published_offset_minutes: Mapped[int | None] = mapped_column(Integer)
    updated_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    updated_offset_minutes: Mapped[int | None] = mapped_column(Integer)
    authors_json: Mapped[str | None] = mapped_column(Text)  # JSON list of stated bylines
    ingested_at: Mapped[datetime] = mapped_column(UTCDateTime)
    content_hash: Mapped[str] = mapped_column(String(HASH_LENGTH), unique=True)
    text_hash: Mapped[str] = mapped_column(String(HASH_LENGTH), index=True)
    processed_at: Mapped[datetime | None] = mapped_column(UTCDateTime, index=True)


class CleaningNote(Base):
    """One change the cleaner made to an article, in the cleaner's order."""

    __tablename__ = "cleaning_notes"
    __table_args__ = (UniqueConstraint("article_id", "seq"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    article_id: Mapped[int] = mapped_column(ForeignKey("articles.id", ondelete="CASCADE"))
    seq: Mapped[int] = mapped_column(Integer)
    rule: Mapped[str] = mapped_column(String(64))
    text: Mapped[str] = mapped_column(Text)
    detail: Mapped[str] = mapped_column(Text)
    line: Mapped[int | None] = mapped_column(Integer)


class DuplicateLink(Base):
    """``article_id`` is a copy of the earlier article ``copy_of``."""

    __tablename__ = "duplicate_links"

    article_id: Mapped[int] = mapped_column(
        ForeignKey("articles.id", ondelete="CASCADE"), primary_key=True, autoincrement=False
    )
    copy_of: Mapped[int] = mapped_column(ForeignKey("articles.id"), index=True)
    kind: Mapped[str] = mapped_column(String(16))
    similarity: Mapped[float] = mapped_column(Float)


class Story(Base):
    """A real-world event; its id is assigned by the clustering stage."""

    __tablename__ = "stories"

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=False)
    title: Mapped[str] = mapped_column(Text)
    first_seen: Mapped[datetime | None] = mapped_column(UTCDateTime)
    last_seen: Mapped[datetime | None] = mapped_column(UTCDateTime, index=True)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime)
    updated_at: Mapped[datetime] = mapped_column(UTCDateTime)


class StoryArticle(Base):
    """Membership: each article belongs to at most one story."""

    __tablename__ = "story_articles"

    article_id: Mapped[int] = mapped_column(
        ForeignKey("articles.id", ondelete="CASCADE"), primary_key=True, autoincrement=False
    )
    story_id: Mapped[int] = mapped_column(ForeignKey("stories.id", ondelete="CASCADE"))
    similarity: Mapped[float] = mapped_column(Float)

    __table_args__ = (Index("ix_story_articles_story_id", "story_id"),)


class StageRunRow(Base):
    """Bookkeeping: which stage ran on which article or story, at which version, and how."""

    __tablename__ = "stage_runs"
    __table_args__ = (
        UniqueConstraint("stage", "article_id"),
        UniqueConstraint("stage", "story_id"),
        Index("ix_stage_runs_status", "status"),
    )

    id: Mapped[int] = mapped_column(Integer, primary_key=True)  # grows with every (re)run
    stage: Mapped[str] = mapped_column(String(32))
    article_id: Mapped[int | None] = mapped_column(ForeignKey("articles.id", ondelete="CASCADE"))
    story_id: Mapped[int | None] = mapped_column(ForeignKey("stories.id", ondelete="CASCADE"))
    version: Mapped[int] = mapped_column(Integer)
    status: Mapped[str] = mapped_column(String(8))
    reason: Mapped[str | None] = mapped_column(Text)
    ran_at: Mapped[datetime] = mapped_column(UTCDateTime)


# Tables of later features, imported so that Alembic's metadata sees them (issues 3, 5, 11, 12).
from eventwire.store import (  # noqa: E402, F401
    schema_actors,
    schema_events,
    schema_facts,
    schema_feeds,
)
