"""Tables of live fetching: watched feeds and every URL fetched (so none is fetched twice)."""

from __future__ import annotations

from sqlalchemy import Boolean, Column, ForeignKey, Integer, String, Text

from eventwire.store.schema import UTCDateTime, table

OUTCOME_LENGTH = 32


# A watched RSS/Atom feed or news sitemap, with its conditional-GET validators.
Feed = table(
    "feeds",
    Column("id", Integer, primary_key=True),
    Column("url", Text, unique=True, nullable=False),
    Column("name", Text),
    Column("etag", Text),
    Column("last_modified", Text),
    Column("last_polled_at", UTCDateTime),
    Column("last_success_at", UTCDateTime),
    Column("last_error", Text),
    Column("last_error_at", UTCDateTime),
    Column("polls", Integer, default=0, nullable=False),
)


# One URL eventwire fetched, and what became of it.
FetchedUrl = table(
    "fetched_urls",
    Column("id", Integer, primary_key=True),
    Column("url", Text, unique=True, nullable=False),
    Column("feed_id", ForeignKey("feeds.id", ondelete="SET NULL"), index=True),
    Column("outcome", String(OUTCOME_LENGTH), nullable=False),
    Column("message", Text, nullable=False),
    Column("transient", Boolean, nullable=False),
    Column("attempts", Integer, nullable=False),
    Column("first_seen_at", UTCDateTime, nullable=False),
    Column("last_attempt_at", UTCDateTime, nullable=False),
)
