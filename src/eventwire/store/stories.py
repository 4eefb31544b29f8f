"""Reads and writes of the stories stage (called through ``Repository``)."""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from datetime import datetime, timedelta

from sqlalchemy import Connection, delete, func, select, update

from eventwire.model import Document, ProcessingResult, StoryAssignment
from eventwire.model import DuplicateLink as Link
from eventwire.store import stage_runs, writes
from eventwire.store.documents import document_of, select_documents
from eventwire.store.schema import (
    Article,
    DuplicateLink,
    StageRunRow,
    Story,
    StoryArticle,
)


def stories_state(
    conn: Connection, version: int, batch_size: int, max_age_days: float = 0.0
) -> Iterator[tuple[Document, int, int | None]]:
    """(document, story id, copy_of) of every article clustered at ``version``, by id; with
    ``max_age_days``, only those of stories an article joined within that many days of the
    latest write."""
    query = (
        select_documents(StoryArticle.story_id, DuplicateLink.copy_of)
        .join(StageRunRow, StageRunRow.article_id == Article.id)
        .join(StoryArticle, StoryArticle.article_id == Article.id)
        .outerjoin(DuplicateLink, DuplicateLink.article_id == Article.id)
        .where(StageRunRow.stage == "stories", StageRunRow.version == version)
        .where(StageRunRow.status == stage_runs.OK)
        .order_by(Article.id)
    )
    if max_age_days > 0:
        latest = conn.execute(select(func.max(Story.updated_at))).scalar()
        if latest is not None:
            cutoff = latest - timedelta(days=max_age_days)
            recent = select(Story.id).where(Story.updated_at >= cutoff)
            query = query.where(StoryArticle.story_id.in_(recent))
    for row in conn.execution_options(yield_per=batch_size).execute(query):
        yield document_of(row), row.story_id, row.copy_of


def duplicate_links(conn: Connection, article_ids: Sequence[int]) -> dict[int, Link]:
    """The copy link of each of ``article_ids`` that is a copy."""
    query = select(
        DuplicateLink.article_id,
        DuplicateLink.copy_of,
        DuplicateLink.kind,
        DuplicateLink.similarity,
    ).where(DuplicateLink.article_id.in_(list(article_ids)))
    return {row.article_id: Link(*row) for row in conn.execute(query)}


def write_assignments(
    conn: Connection,
    article_ids: Sequence[int],
    assignments: Sequence[StoryAssignment],
    now: datetime,
    chunk_size: int,
) -> None:
    """Replace the memberships of ``article_ids``; new stories, spans and processed_at."""
    ids = list(article_ids)
    old = set(
        conn.execute(
            select(StoryArticle.story_id).where(StoryArticle.article_id.in_(ids))
        ).scalars()
    )
    conn.execute(delete(StoryArticle).where(StoryArticle.article_id.in_(ids)))
    opening = [ProcessingResult(a.article_id, None, a) for a in assignments if a.is_new]
    conn.execute(delete(Story).where(Story.id.in_([r.assignment.story_id for r in opening])))
    writes.create_stories(conn, opening, now)
    members = [
        {"article_id": a.article_id, "story_id": a.story_id, "similarity": a.similarity}
        for a in assignments
    ]
    if members:
        conn.execute(StoryArticle.__table__.insert(), members)
    joined = writes.members_by_story(a for a in assignments if a.story_id not in old)
    writes.extend_story_spans(conn, joined, now, chunk_size)
    for chunk in writes.chunked(sorted(old), chunk_size):  # they lost members: read them again
        writes.refresh_story_spans(conn, chunk, now)
    _drop_empty_stories(conn, old)
    done = [a.article_id for a in assignments]
    for chunk in writes.chunked(done, chunk_size):
        conn.execute(update(Article).where(Article.id.in_(chunk)).values(processed_at=now))


def _drop_empty_stories(conn: Connection, story_ids: set[int]) -> None:
    """Stories left with no article (their articles were clustered again) are removed."""
    if not story_ids:
        return
    members = select(StoryArticle.story_id).where(StoryArticle.story_id.in_(list(story_ids)))
    kept = set(conn.execute(members).scalars())
    empty = sorted(story_ids - kept)
    if empty:
        conn.execute(delete(Story).where(Story.id.in_(empty)))
