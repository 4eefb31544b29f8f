"""Write transactions' bodies: each function runs inside the caller's one transaction."""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterable, Iterator, Mapping, Sequence
from datetime import datetime
from functools import lru_cache
from typing import Any

from sqlalchemy import Connection, bindparam, exists, func, insert, select, update

from eventwire.model import CleanArticle, ProcessingResult, RawArticle, StoryAssignment
from eventwire.store.schema import (
    Article,
    CleaningNote,
    DuplicateLink,
    Source,
    Story,
    StoryArticle,
)
from eventwire.textnorm import normalize_for_comparison
from eventwire.zones import stated_offset_minutes


def insert_articles(
    conn: Connection,
    items: Sequence[tuple[RawArticle, CleanArticle]],
    now: datetime,
    chunk_size: int,
) -> list[int | None]:
    """Insert the items not stored yet (by content hash); None for those already there."""
    seen = stored_hashes(conn, [raw.content_hash for raw, _ in items], chunk_size)
    source_ids = ensure_sources(conn, {raw.source for raw, _ in items}, now)
    ids: list[int | None] = []
    for raw, clean in items:
        if raw.content_hash in seen:
            ids.append(None)
            continue
        seen.add(raw.content_hash)
        ids.append(insert_article(conn, raw, clean, source_ids[raw.source], now))
    return ids


def insert_new(conn: Connection, table: Any, values: dict[str, Any]) -> int | None:
    """Insert a row unless a unique key is taken (by another writer meanwhile); its id or None.

    SQLite writers take the write lock up front, so there only PostgreSQL's concurrent
    transactions meet: the later one waits for the earlier and then skips the row.
    """
    statement = _insert_new_statement(conn.dialect.name, table)
    return conn.execute(statement, values).scalar_one_or_none()


@lru_cache(maxsize=64)
def _insert_new_statement(dialect: str, table: Any) -> Any:
    """INSERT ... ON CONFLICT DO NOTHING RETURNING id, built once per table (the values are
    bound at execution, so the statement's compiled form is reused)."""
    statement = _dialect_insert(dialect, table).on_conflict_do_nothing()
    return statement.returning(table.id)


def dialect_insert(conn: Connection, table: Any) -> Any:
    """The dialect's INSERT (it has ON CONFLICT DO NOTHING)."""
    return _dialect_insert(conn.dialect.name, table)


def _dialect_insert(dialect: str, table: Any) -> Any:
    if dialect == "postgresql":
        from sqlalchemy.dialects.postgresql import insert as postgresql_insert

        return postgresql_insert(table)
    from sqlalchemy.dialects.sqlite import insert as sqlite_insert

    return sqlite_insert(table)


def stored_hashes(conn: Connection, hashes: list[str], chunk_size: int) -> set[str]:
    """The content hashes among ``hashes`` that are already stored."""
    found: set[str] = set()
    for chunk in chunked(hashes, chunk_size):
        rows = conn.execute(select(Article.content_hash).where(Article.content_hash.in_(chunk)))
        found.update(rows.scalars())
    return found


def ensure_sources(conn: Connection, names: set[str], now: datetime) -> dict[str, int]:
    """Ids of the named sources, creating the missing ones."""
    rows = conn.execute(select(Source.name, Source.id).where(Source.name.in_(sorted(names))))
    ids: dict[str, int] = {name: source_id for name, source_id in rows}
    for name in sorted(names - ids.keys()):
        new_id = insert_new(conn, Source, {"name": name, "created_at": now})
        ids[name] = new_id if new_id is not None else source_id(conn, name)
    return ids


def source_id(conn: Connection, name: str) -> int:
    """The id of a stored source."""
    return conn.execute(select(Source.id).where(Source.name == name)).scalar_one()


def insert_article(
    conn: Connection, raw: RawArticle, clean: CleanArticle, source_id: int, now: datetime
) -> int | None:
    """Insert one article and its cleaning notes; the new id (None: stored meanwhile)."""
    article_id = insert_new(conn, Article, article_row(raw, clean, source_id, now))
    if article_id is None:
        return None
    notes = [
        {
            "article_id": article_id,
            "seq": seq,
            "rule": note.rule,
            "text": note.text,
            "detail": note.detail,
            "line": note.line,
        }
        for seq, note in enumerate(clean.notes, start=1)
    ]
    if notes:
        conn.execute(insert(CleaningNote), notes)
    return article_id


def article_row(
    raw: RawArticle, clean: CleanArticle, source_id: int, now: datetime
) -> dict[str, Any]:
    """Column values for one article (clean metadata first, the input's as fallback)."""
    published = clean.published or raw.published
    updated = clean.updated or raw.updated
    body = clean.text
    return {
        "source_id": source_id,
        "origin": raw.origin,
        "format": raw.format,
        "url": raw.url,
        "title": clean.title or raw.title or "",
        "raw": raw.raw,
        "raw_encoding": raw.raw_encoding,
        "blocks_json": json.dumps([b.as_dict() for b in clean.blocks], ensure_ascii=False),
        "body": body,
        "published_at": published,
        "published_offset_minutes": stated_offset_minutes(published),
        "updated_at": updated,
        "updated_offset_minutes": stated_offset_minutes(updated),
        "authors_json": json.dumps(list(raw.authors), ensure_ascii=False) if raw.authors else None,
        "ingested_at": now,
        "content_hash": raw.content_hash,
        "text_hash": sha256_hex(normalize_for_comparison(body)),
    }


def sha256_hex(text: str) -> str:
    """Hex sha256 of the UTF-8 text."""
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def write_results(
    conn: Connection, results: Sequence[ProcessingResult], now: datetime, chunk_size: int
) -> None:
    """Store duplicate links, new stories, memberships, story spans and processed_at."""
    links = [r.duplicate.as_dict() for r in results if r.duplicate is not None]
    if links:
        conn.execute(insert(DuplicateLink), links)
    create_stories(conn, [r for r in results if r.assignment.is_new], now)
    members = [
        {
            "article_id": r.assignment.article_id,
            "story_id": r.assignment.story_id,
            "similarity": r.assignment.similarity,
        }
        for r in results
    ]
    if members:
        conn.execute(insert(StoryArticle), members)
    article_ids = [r.article_id for r in results]
    extend_story_spans(conn, members_by_story(r.assignment for r in results), now, chunk_size)
    for chunk in chunked(article_ids, chunk_size):
        conn.execute(update(Article).where(Article.id.in_(chunk)).values(processed_at=now))


def create_stories(conn: Connection, opening: list[ProcessingResult], now: datetime) -> None:
    """Insert one story per opening result, titled after the article that opened it."""
    if not opening:
        return
    article_ids = [r.assignment.article_id for r in opening]
    query = select(Article.id, Article.title).where(Article.id.in_(article_ids))
    titles = {article_id: title for article_id, title in conn.execute(query)}
    rows = [
        {
            "id": r.assignment.story_id,
            "title": titles.get(r.assignment.article_id, ""),
            "created_at": now,
            "updated_at": now,
        }
        for r in opening
    ]
    conn.execute(insert(Story), rows)


def refresh_story_spans(conn: Connection, story_ids: list[int], now: datetime) -> None:
    """Set first/last seen from the members' publication times (ingestion times if none has one)."""
    first = story_member_times(func.min)
    last = story_member_times(func.max)
    conn.execute(
        update(Story)
        .where(Story.id.in_(story_ids))
        .values(first_seen=first, last_seen=last, updated_at=now)
    )


def members_by_story(assignments: Iterable[StoryAssignment]) -> dict[int, list[int]]:
    """Story id -> the ids of the articles assigned to it."""
    members: dict[int, list[int]] = {}
    for assignment in assignments:
        members.setdefault(assignment.story_id, []).append(assignment.article_id)
    return members


def extend_story_spans(
    conn: Connection, added: Mapping[int, Sequence[int]], now: datetime, chunk_size: int
) -> None:
    """Widen the spans of stories that only gained members (``added``: story -> new articles).

    The same rule as ``refresh_story_spans`` without reading each story's other members (a
    story of hundreds of articles joined by one more would be read whole at every batch):
    the new members' times widen the stored span; a story's first dated member replaces a
    span read from ingestion times. Only "had the story a dated member?" is asked of the
    store, and it stops at the first one.
    """
    for chunk in chunked(sorted(added), chunk_size):
        new_ids = [article_id for story_id in chunk for article_id in added[story_id]]
        times = _article_times(conn, new_ids, chunk_size)
        stored = conn.execute(
            select(Story.id, Story.first_seen, Story.last_seen).where(Story.id.in_(chunk))
        )
        spans = {row.id: (row.first_seen, row.last_seen) for row in stored}
        dated = _stories_with_dated_members(conn, chunk, new_ids)
        rows = []
        for story_id in chunk:
            joined = [times[article_id] for article_id in added[story_id]]
            first, last = _widened(spans[story_id], joined, story_id in dated)
            rows.append({"b_id": story_id, "b_first": first, "b_last": last})
        statement = (
            update(Story)
            .where(Story.id == bindparam("b_id"))
            .values(first_seen=bindparam("b_first"), last_seen=bindparam("b_last"), updated_at=now)
        )
        conn.execute(statement, rows)


Span = tuple[datetime | None, datetime | None]


def _widened(span: Span, times: list[tuple[datetime | None, datetime]], dated: bool) -> Span:
    """A story's span after members with these (published, ingested) times join it.

    ``dated``: one of its other members has a publication time (so ``span`` is read from
    publication times; else from ingestion times, or empty for a new story).
    """
    published = [when for when, _ in times if when is not None]
    if published:
        return _bounds(published, span if dated else (None, None))
    if dated:
        return span
    return _bounds([ingested for _, ingested in times], span)


def _bounds(values: list[datetime], span: Span) -> Span:
    """Earliest and latest of ``values`` and the span's ends (when set)."""
    ends = [end for end in span if end is not None]
    return min([*values, *ends]), max([*values, *ends])


def _article_times(
    conn: Connection, article_ids: list[int], chunk_size: int
) -> dict[int, tuple[datetime | None, datetime]]:
    """Article id -> (published_at, ingested_at)."""
    times = {}
    for chunk in chunked(article_ids, chunk_size):
        query = select(Article.id, Article.published_at, Article.ingested_at)
        for row in conn.execute(query.where(Article.id.in_(chunk))):
            times[row.id] = (row.published_at, row.ingested_at)
    return times


def _stories_with_dated_members(
    conn: Connection, story_ids: list[int], excluded: list[int]
) -> set[int]:
    """Those of ``story_ids`` with a dated member other than the ``excluded`` articles."""
    dated_member = (
        select(StoryArticle.article_id)
        .join(Article, StoryArticle.article_id == Article.id)
        .where(StoryArticle.story_id == Story.id, Article.published_at.is_not(None))
        .where(StoryArticle.article_id.not_in(excluded))
    )
    query = select(Story.id).where(Story.id.in_(story_ids), exists(dated_member))
    return set(conn.execute(query).scalars())


def story_member_times(aggregate: Any) -> Any:
    """``aggregate`` of the story's members' publication times, else of their ingestion times.

    Undated members do not stretch a dated story's span to the day it was ingested.
    """
    return func.coalesce(
        _member_aggregate(aggregate(Article.published_at)),
        _member_aggregate(aggregate(Article.ingested_at)),
    )


def _member_aggregate(expression: Any) -> Any:
    """Correlated subquery over the members of the story being updated."""
    return (
        select(expression)
        .select_from(StoryArticle)
        .join(Article, StoryArticle.article_id == Article.id)
        .where(StoryArticle.story_id == Story.id)
        .scalar_subquery()
    )


def chunked(values: Iterable[Any], size: int) -> Iterator[list[Any]]:
    """Consecutive lists of at most ``size`` values."""
    chunk: list[Any] = []
    for value in values:
        chunk.append(value)
        if len(chunk) == size:
            yield chunk
            chunk = []
    if chunk:
        yield chunk
