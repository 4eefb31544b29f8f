"""Tables of the entities and actors stages: mentions, actors, aliases and links (issue 3)."""

from __future__ import annotations

from sqlalchemy import Boolean, ForeignKey, Integer, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from eventwire.store.schema import Base

ISO3_LENGTH = 3


class MentionRow(Base):
    """A named-entity span of an article's title or body, with its normalised time if any."""

    __tablename__ = "mentions"
    __table_args__ = (UniqueConstraint("article_id", "part", "start_char", "end_char"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    article_id: Mapped[int] = mapped_column(ForeignKey("articles.id", ondelete="CASCADE"))
    part: Mapped[str] = mapped_column(String(8))
    sentence: Mapped[int] = mapped_column(Integer)
    start_char: Mapped[int] = mapped_column(Integer)
    end_char: Mapped[int] = mapped_column(Integer)
    text: Mapped[str] = mapped_column(Text)
    label: Mapped[str] = mapped_column(String(16))
    time_value: Mapped[str | None] = mapped_column(Text)
    time_start: Mapped[str | None] = mapped_column(String(10))
    time_end: Mapped[str | None] = mapped_column(String(10))
    time_anchor_inferred: Mapped[bool | None] = mapped_column(Boolean)


class ActorRow(Base):
    """A canonical actor; ``key`` is the resolver's stable identity."""

    __tablename__ = "actors"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    key: Mapped[str] = mapped_column(Text, unique=True)
    name: Mapped[str] = mapped_column(Text, index=True)
    type: Mapped[str] = mapped_column(String(16))
    country: Mapped[str | None] = mapped_column(String(ISO3_LENGTH))
    sector: Mapped[str | None] = mapped_column(String(8))
    code: Mapped[str | None] = mapped_column(String(16))
    roles_json: Mapped[str] = mapped_column(Text)


class ActorAlias(Base):
    """A surface form an actor was seen under (or given in the user's actor file)."""

    __tablename__ = "actor_aliases"

    actor_id: Mapped[int] = mapped_column(
        ForeignKey("actors.id", ondelete="CASCADE"), primary_key=True, autoincrement=False
    )
    alias: Mapped[str] = mapped_column(Text, primary_key=True)


class ActorMention(Base):
    """Which actor a mention refers to (at most one)."""

    __tablename__ = "actor_mentions"

    mention_id: Mapped[int] = mapped_column(
        ForeignKey("mentions.id", ondelete="CASCADE"), primary_key=True, autoincrement=False
    )
    actor_id: Mapped[int] = mapped_column(ForeignKey("actors.id", ondelete="CASCADE"), index=True)
