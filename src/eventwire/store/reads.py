"""Read queries: rows in, eventwire's records (model.py) out.

Datetimes come back UTC, except articles' publication and update times in views, which are
shown in the offset their input stated (eventwire.zones.in_stated_offset).
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from datetime import datetime
from typing import Any

from sqlalchemy import ColumnElement, Connection, Row, Select, exists, func, or_, select

from eventwire.model import (
    ArticleSummary,
    ArticleView,
    Block,
    Document,
    StoryFilter,
)
from eventwire.model import CleaningNote as NoteRecord
from eventwire.store.documents import document_of, select_documents
from eventwire.store.schema import (
    Article,
    CleaningNote,
    DuplicateLink,
    Source,
    Story,
    StoryArticle,
)
from eventwire.store.schema_actors import ActorMention, ActorRow, MentionRow
from eventwire.zones import in_stated_offset

SUMMARY_COLUMNS = (
    StoryArticle.story_id,
    Article.id,
    Source.name,
    Article.url,
    Article.title,
    Article.published_at,
    Article.published_offset_minutes,
    DuplicateLink.copy_of,
)
LIKE_SPECIAL = re.compile(r"[\\%_]")  # characters LIKE reads as wildcards (and its escape)


def pending_documents(conn: Connection) -> list[Document]:
    """Stored articles not yet deduplicated and clustered, by id."""
    query = select_documents().where(Article.processed_at.is_(None)).order_by(Article.id)
    return [document_of(row) for row in conn.execute(query)]


def processed_documents(
    conn: Connection, batch_size: int
) -> Iterator[tuple[Document, int | None, int | None]]:
    """Stream (document, story id, copy_of) for every processed article, by id."""
    query = (
        select_documents(StoryArticle.story_id, DuplicateLink.copy_of)
        .outerjoin(StoryArticle, StoryArticle.article_id == Article.id)
        .outerjoin(DuplicateLink, DuplicateLink.article_id == Article.id)
        .where(Article.processed_at.is_not(None))
        .order_by(Article.id)
    )
    result = conn.execution_options(yield_per=batch_size).execute(query)
    for row in result:
        yield document_of(row), row.story_id, row.copy_of


def list_stories(
    conn: Connection,
    limit: int | None,
    offset: int = 0,
    filters: StoryFilter | None = None,
) -> list[Any]:
    """Story rows matching ``filters``: most articles first, most recently seen, newest id.

    ``offset`` rows of that order are skipped.
    """
    sizes = (
        select(StoryArticle.story_id, func.count().label("size"))
        .group_by(StoryArticle.story_id)
        .subquery()
    )
    filters = filters or StoryFilter()
    if filters.sort == "sources":
        sizes = outlet_counts().subquery()
    latest = (Story.last_seen.desc().nulls_last(), Story.id.desc())
    query = select(Story).order_by(*latest)
    if filters.sort != "latest":  # the size aggregate only when the order needs it
        size = func.coalesce(sizes.c.size, 0).desc()
        query = select(Story).outerjoin(sizes, sizes.c.story_id == Story.id).order_by(size, *latest)
    query = query.where(*story_conditions(filters)).limit(limit).offset(offset or None)
    return list(conn.execute(query))


def outlet_counts() -> Select[Any]:
    """(story_id, size): each story's number of independent outlets (outlets with an original
    article: a copy of another outlet's text does not count)."""
    return (
        select(StoryArticle.story_id, func.count(func.distinct(Article.source_id)).label("size"))
        .join(Article, Article.id == StoryArticle.article_id)
        .outerjoin(DuplicateLink, DuplicateLink.article_id == Article.id)
        .where(DuplicateLink.article_id.is_(None))
        .group_by(StoryArticle.story_id)
    )


def story_conditions(filters: StoryFilter) -> list[ColumnElement[bool]]:
    """SQL conditions on ``Story`` for each filter that is set."""
    conditions: list[ColumnElement[bool]] = []
    if filters.outlet is not None:
        outlet = func.lower(Source.name) == filters.outlet.lower()
        conditions.append(_has_member(outlet, join_source=True))
    if filters.since is not None:
        conditions.append(Story.last_seen >= filters.since)
    if filters.until is not None:
        conditions.append(Story.first_seen <= filters.until)
    if filters.text:
        pattern = "%" + LIKE_SPECIAL.sub(lambda m: "\\" + m.group(0), filters.text.lower()) + "%"
        in_title = func.lower(Story.title).like(pattern, escape="\\")
        in_article = _has_member(func.lower(Article.title).like(pattern, escape="\\"))
        conditions.append(or_(in_title, in_article))
    if filters.actor_id is not None:
        mentioned = (
            select(MentionRow.article_id)
            .join(ActorMention, ActorMention.mention_id == MentionRow.id)
            .where(ActorMention.actor_id == filters.actor_id)
        )
        conditions.append(_has_member(Article.id.in_(mentioned)))
    if filters.country is not None:
        conditions.append(_has_member(Article.id.in_(_mentioning_country(filters.country))))
    if filters.min_sources is not None and filters.min_sources > 1:
        wide = outlet_counts().having(
            func.count(func.distinct(Article.source_id)) >= filters.min_sources
        )
        conditions.append(Story.id.in_(select(wide.subquery().c.story_id)))
    return conditions


def _mentioning_country(country: str) -> Select[Any]:
    """Ids of the articles mentioning an actor of ``country`` (ISO-3, any case)."""
    return (
        select(MentionRow.article_id)
        .join(ActorMention, ActorMention.mention_id == MentionRow.id)
        .join(ActorRow, ActorRow.id == ActorMention.actor_id)
        .where(ActorRow.country == country.upper())
    )


def _has_member(condition: ColumnElement[bool], join_source: bool = False) -> Any:
    """EXISTS an article of the story meeting ``condition``."""
    query = (
        select(StoryArticle.article_id)
        .join(Article, Article.id == StoryArticle.article_id)
        .where(StoryArticle.story_id == Story.id, condition)
    )
    if join_source:
        query = query.join(Source, Source.id == Article.source_id)
    return exists(query)


def story_row(conn: Connection, story_id: int) -> Row[Any] | None:
    """The story's own row, or None."""
    return conn.execute(select(Story).where(Story.id == story_id)).first()


def story_members(conn: Connection, story_ids: list[int]) -> dict[int, list[ArticleSummary]]:
    """Each story's articles, ordered by publication time (unknown last), then id."""
    query = (
        select(*SUMMARY_COLUMNS)
        .join(Article, Article.id == StoryArticle.article_id)
        .join(Source, Source.id == Article.source_id)
        .outerjoin(DuplicateLink, DuplicateLink.article_id == Article.id)
        .where(StoryArticle.story_id.in_(story_ids))
        .order_by(Article.published_at.asc().nulls_last(), Article.id)
    )
    members: dict[int, list[ArticleSummary]] = {story_id: [] for story_id in story_ids}
    for row in conn.execute(query):
        members[row.story_id].append(
            ArticleSummary(
                id=row.id,
                source=row.name,
                url=row.url,
                title=row.title,
                published_at=in_stated_offset(row.published_at, row.published_offset_minutes),
                copy_of=row.copy_of,
            )
        )
    return members


def get_article(conn: Connection, article_id: int) -> ArticleView | None:
    """One article in full, or None when there is no such id."""
    query = (
        select(Article, Source.name.label("source"), DuplicateLink.copy_of, StoryArticle.story_id)
        .join(Source, Source.id == Article.source_id)
        .outerjoin(DuplicateLink, DuplicateLink.article_id == Article.id)
        .outerjoin(StoryArticle, StoryArticle.article_id == Article.id)
        .where(Article.id == article_id)
    )
    row = conn.execute(query).first()
    if row is None:
        return None
    return ArticleView(
        id=row.id,
        source=row.source,
        url=row.url,
        origin=row.origin,
        format=row.format,
        title=row.title,
        published_at=in_stated_offset(row.published_at, row.published_offset_minutes),
        updated_at=in_stated_offset(row.updated_at, row.updated_offset_minutes),
        ingested_at=row.ingested_at,
        blocks=tuple(Block.from_dict(b) for b in json.loads(row.blocks_json)),
        notes=_notes(conn, article_id),
        copy_of=row.copy_of,
        story_id=row.story_id,
        raw=row.raw,
        published_zone_stated=_zone_stated(row.published_at, row.published_offset_minutes),
        updated_zone_stated=_zone_stated(row.updated_at, row.updated_offset_minutes),
        authors=tuple(json.loads(row.authors_json)) if row.authors_json else (),
        raw_encoding=row.raw_encoding,
    )


def _zone_stated(moment: datetime | None, offset_minutes: int | None) -> bool | None:
    """Whether the input stated the time's zone (None when there is no time)."""
    return None if moment is None else offset_minutes is not None


def counts(conn: Connection) -> dict[str, int]:
    """Row counts: articles, sources, stories, duplicates, pending."""
    pending = select(func.count()).select_from(Article).where(Article.processed_at.is_(None))
    queries = {
        "articles": select(func.count()).select_from(Article),
        "sources": select(func.count()).select_from(Source),
        "stories": select(func.count()).select_from(Story),
        "duplicates": select(func.count()).select_from(DuplicateLink),
        "pending": pending,
    }
    return {name: int(conn.execute(query).scalar_one()) for name, query in queries.items()}


def max_story_id(conn: Connection) -> int:
    """The highest story id, 0 when there are no stories."""
    return int(conn.execute(select(func.coalesce(func.max(Story.id), 0))).scalar_one())


def _notes(conn: Connection, article_id: int) -> tuple[NoteRecord, ...]:
    query = (
        select(CleaningNote.rule, CleaningNote.text, CleaningNote.detail, CleaningNote.line)
        .where(CleaningNote.article_id == article_id)
        .order_by(CleaningNote.seq)
    )
    return tuple(
        NoteRecord(rule=r.rule, text=r.text, detail=r.detail, line=r.line)
        for r in conn.execute(query)
    )
