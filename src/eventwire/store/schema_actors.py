"""Tables of the entities and actors stages: mentions, actors, aliases and links (issue 3)."""

from __future__ import annotations

from sqlalchemy import Boolean, Column, ForeignKey, Integer, String, Text, UniqueConstraint

from eventwire.store.schema import owned_by, table

ISO3_LENGTH = 3


# A named-entity span of an article's title or body, with its normalised time if any.
MentionRow = table(
    "mentions",
    Column("id", Integer, primary_key=True),
    Column("article_id", ForeignKey("articles.id", ondelete="CASCADE"), nullable=False),
    Column("part", String(8), nullable=False),
    Column("sentence", Integer, nullable=False),
    Column("start_char", Integer, nullable=False),
    Column("end_char", Integer, nullable=False),
    Column("text", Text, nullable=False),
    Column("label", String(16), nullable=False),
    Column("time_value", Text),
    Column("time_start", String(10)),
    Column("time_end", String(10)),
    Column("time_anchor_inferred", Boolean),
    UniqueConstraint("article_id", "part", "start_char", "end_char"),
)


# A canonical actor; ``key`` is the resolver's stable identity.
ActorRow = table(
    "actors",
    Column("id", Integer, primary_key=True),
    Column("key", Text, unique=True, nullable=False),
    Column("name", Text, index=True, nullable=False),
    Column("type", String(16), nullable=False),
    Column("country", String(ISO3_LENGTH)),
    Column("sector", String(8)),
    Column("code", String(16)),
    Column("roles_json", Text, nullable=False),
)


# A surface form an actor was seen under (or given in the user's actor file).
ActorAlias = table(
    "actor_aliases",
    owned_by("actors"),
    Column("alias", Text, primary_key=True),
)


# Which actor a mention refers to (at most one).
ActorMention = table(
    "actor_mentions",
    owned_by("mentions"),
    Column("actor_id", ForeignKey("actors.id", ondelete="CASCADE"), index=True, nullable=False),
)
