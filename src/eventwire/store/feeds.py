"""Reads and writes of live fetching: feed state and fetched URLs (one transaction each)."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime

from sqlalchemy import Connection, case, func, insert, or_, select, update

from eventwire.model import FeedState, FetchOutcome
from eventwire.store.schema_feeds import Feed, FetchedUrl

STORED = "stored"
# FeedState fields read straight from the feeds table.
FEED_COLUMNS = (
    "url", "name", "etag", "last_modified", "last_polled_at", "last_success_at", "last_error",
    "last_error_at", "polls",
)  # fmt: skip


def ensure_feed(conn: Connection, url: str, name: str | None) -> int:
    """The id of feed ``url``, adding it (or updating its name) as needed."""
    feed_id = conn.execute(select(Feed.id).where(Feed.url == url)).scalar_one_or_none()
    if feed_id is None:
        row = {"url": url, "name": name, "polls": 0}
        return conn.execute(insert(Feed).values(**row).returning(Feed.id)).scalar_one()
    conn.execute(update(Feed).where(Feed.id == feed_id).values(name=name))
    return feed_id


def record_poll(
    conn: Connection,
    url: str,
    now: datetime,
    validators: tuple[str | None, str | None] | None,
    error: str | None,
) -> None:
    """One poll of feed ``url``: new validators (ETag, Last-Modified) on success, else the error."""
    values: dict = {"last_polled_at": now, "polls": Feed.polls + 1}
    if error is None:
        values.update(last_success_at=now, last_error=None)
        if validators is not None:
            values.update(etag=validators[0], last_modified=validators[1])
    else:
        values.update(last_error=error, last_error_at=now)
    conn.execute(update(Feed).where(Feed.url == url).values(**values))


def done_urls(conn: Connection, urls: Sequence[str], max_attempts: int) -> set[str]:
    """Those of ``urls`` not to fetch again: stored, rejected for good, or out of attempts."""
    finished = or_(FetchedUrl.transient.is_(False), FetchedUrl.attempts >= max_attempts)
    found: set[str] = set()
    for start in range(0, len(urls), 500):
        chunk = list(urls[start : start + 500])
        query = select(FetchedUrl.url).where(FetchedUrl.url.in_(chunk), finished)
        found.update(conn.execute(query).scalars())
    return found


def record_outcome(conn: Connection, outcome: FetchOutcome, now: datetime) -> None:
    """What became of one URL: a new row, or one more attempt on a known URL."""
    feed_id = None
    if outcome.feed_url is not None:
        query = select(Feed.id).where(Feed.url == outcome.feed_url)
        feed_id = conn.execute(query).scalar_one_or_none()
    values = {
        "outcome": outcome.outcome,
        "message": outcome.message,
        "transient": outcome.transient,
        "last_attempt_at": now,
    }
    existing = select(FetchedUrl.id).where(FetchedUrl.url == outcome.url)
    row_id = conn.execute(existing).scalar_one_or_none()
    if row_id is None:
        row = {"url": outcome.url, "feed_id": feed_id, "attempts": 1, "first_seen_at": now}
        conn.execute(insert(FetchedUrl).values(**row, **values))
    else:
        attempts = FetchedUrl.attempts + 1
        conn.execute(
            update(FetchedUrl).where(FetchedUrl.id == row_id).values(attempts=attempts, **values)
        )


def feed_states(conn: Connection) -> list[FeedState]:
    """Every feed with its validators, last success and error, and URL counts."""
    stored = func.sum(case((FetchedUrl.outcome == STORED, 1), else_=0))
    gave_nothing = func.sum(case((FetchedUrl.outcome.in_((STORED, "already-stored")), 0), else_=1))
    counts = (
        select(FetchedUrl.feed_id, func.count().label("urls"), stored.label("articles"),
               gave_nothing.label("rejected"))
        .group_by(FetchedUrl.feed_id)
        .subquery()
    )  # fmt: skip
    columns = [getattr(Feed, name) for name in FEED_COLUMNS]
    query = (
        select(*columns, counts.c.urls, counts.c.articles, counts.c.rejected)
        .outerjoin(counts, counts.c.feed_id == Feed.id)
        .order_by(Feed.id)
    )
    return [_feed_state(row) for row in conn.execute(query)]


def _feed_state(row: object) -> FeedState:
    values = {name: getattr(row, name) for name in FEED_COLUMNS}
    counts = {name: int(getattr(row, name) or 0) for name in ("urls", "articles", "rejected")}
    return FeedState(**values, **counts)
