"""The database schema as SQLAlchemy Core tables (the Alembic migrations create it).

Portable by design: only generic types, ``Text`` for long text, and :class:`UTCDateTime`
for every timestamp, so the same schema runs on SQLite and PostgreSQL.
"""

from __future__ import annotations

from datetime import UTC, datetime

from sqlalchemy import (
    Column,
    Constraint,
    DateTime,
    Dialect,
    Float,
    ForeignKey,
    Index,
    Integer,
    MetaData,
    String,
    Table,
    Text,
    TypeDecorator,
    UniqueConstraint,
)
from sqlalchemy.sql.elements import ColumnElement
from sqlalchemy.sql.selectable import FromClause

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


# Every table, with a naming convention so migrations name constraints stably.
metadata = MetaData(naming_convention=NAMING_CONVENTION)


class TableColumns:
    """A table (or an alias of one) whose columns read as attributes: ``Article.title``.

    Core tables rather than ORM classes: nothing here needs the ORM's identity map, and
    importing it costs read commands a tenth of a second. ``select(Article)``,
    ``insert(Article)`` and joins take the object itself (``__clause_element__``).
    """

    def __init__(self, table: FromClause) -> None:
        self.__table__ = table

    def __getattr__(self, name: str) -> ColumnElement:
        table = self.__dict__.get("__table__")
        if table is None or name.startswith("__") or name not in table.c:
            raise AttributeError(name)
        return table.c[name]

    def __clause_element__(self) -> FromClause:
        return self.__table__

    def aliased(self) -> TableColumns:
        """The same columns over an alias of the table (to join it with itself)."""
        return TableColumns(self.__table__.alias())


def table(name: str, *columns: Column | Constraint | Index) -> TableColumns:
    """A table of the schema (``metadata``), its columns readable as attributes."""
    return TableColumns(Table(name, metadata, *columns))


def owned_by(parent: str) -> Column:
    """The key of a row that belongs to one ``parent`` row (``parent`` is a table named in the
    plural, "articles" -> ``article_id``) and goes with it: primary key, deleted in cascade."""
    return Column(
        f"{parent.removesuffix('s')}_id",
        ForeignKey(f"{parent}.id", ondelete="CASCADE"),
        primary_key=True,
        autoincrement=False,
    )


# An outlet articles come from.
Source = table(
    "sources",
    Column("id", Integer, primary_key=True),
    Column("name", Text, unique=True, nullable=False),
    Column("created_at", UTCDateTime, nullable=False),
)


# One ingested article: the raw input verbatim plus its clean content.
Article = table(
    "articles",
    Column("id", Integer, primary_key=True),
    Column("source_id", ForeignKey("sources.id"), index=True, nullable=False),
    Column("origin", Text, nullable=False),
    Column("format", String(16), nullable=False),
    Column("url", Text),
    Column("title", Text, nullable=False),
    Column("raw", Text, nullable=False),
    # The codec raw was decoded with (ingest.decode.encode_raw gives the bytes back); NULL for
    # articles stored before it was recorded.
    Column("raw_encoding", String(32)),
    Column("blocks_json", Text, nullable=False),
    Column("body", Text, nullable=False),
    Column("published_at", UTCDateTime),
    Column("published_offset_minutes", Integer),
    Column("updated_at", UTCDateTime),
    Column("updated_offset_minutes", Integer),
    Column("authors_json", Text),  # JSON list of stated bylines
    Column("ingested_at", UTCDateTime, nullable=False),
    Column("content_hash", String(HASH_LENGTH), unique=True, nullable=False),
    Column("text_hash", String(HASH_LENGTH), index=True, nullable=False),
    Column("processed_at", UTCDateTime, index=True),
)


# One change the cleaner made to an article, in the cleaner's order.
CleaningNote = table(
    "cleaning_notes",
    Column("id", Integer, primary_key=True),
    Column("article_id", ForeignKey("articles.id", ondelete="CASCADE"), nullable=False),
    Column("seq", Integer, nullable=False),
    Column("rule", String(64), nullable=False),
    Column("text", Text, nullable=False),
    Column("detail", Text, nullable=False),
    Column("line", Integer),
    UniqueConstraint("article_id", "seq"),
)


# ``article_id`` is a copy of the earlier article ``copy_of``.
DuplicateLink = table(
    "duplicate_links",
    owned_by("articles"),
    Column("copy_of", ForeignKey("articles.id"), index=True, nullable=False),
    Column("kind", String(16), nullable=False),
    Column("similarity", Float, nullable=False),
)


# A real-world event; its id is assigned by the clustering stage.
Story = table(
    "stories",
    Column("id", Integer, primary_key=True, autoincrement=False),
    Column("title", Text, nullable=False),
    Column("first_seen", UTCDateTime),
    Column("last_seen", UTCDateTime, index=True),
    Column("created_at", UTCDateTime, nullable=False),
    Column("updated_at", UTCDateTime, nullable=False),
)


# Membership: each article belongs to at most one story.
StoryArticle = table(
    "story_articles",
    owned_by("articles"),
    Column("story_id", ForeignKey("stories.id", ondelete="CASCADE"), nullable=False),
    Column("similarity", Float, nullable=False),
    Index("ix_story_articles_story_id", "story_id"),
)


# Bookkeeping: which stage ran on which article or story, at which version, and how.
StageRunRow = table(
    "stage_runs",
    Column("id", Integer, primary_key=True),  # grows with every (re)run
    Column("stage", String(32), nullable=False),
    Column("article_id", ForeignKey("articles.id", ondelete="CASCADE")),
    Column("story_id", ForeignKey("stories.id", ondelete="CASCADE")),
    Column("version", Integer, nullable=False),
    Column("status", String(8), nullable=False),
    Column("reason", Text),
    Column("ran_at", UTCDateTime, nullable=False),
    UniqueConstraint("stage", "article_id"),
    UniqueConstraint("stage", "story_id"),
    Index("ix_stage_runs_status", "status"),
)


# Tables of later features, imported so that Alembic's metadata sees them (issues 3, 5, 11, 12).
from eventwire.store import (  # noqa: E402, F401
    schema_actors,
    schema_events,
    schema_facts,
    schema_feeds,
)
