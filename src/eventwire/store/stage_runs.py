"""The bookkeeping table: which stage ran on which article or story, at which version.

A record is *pending* for a stage when the stage has not run on it at its current version,
or when the stage it follows (``after``) ran on it again since (a re-clustered article is
read again; a story that gained entity-read articles is resolved again). A failed run at
the current version is not pending: it stays failed, and listed, until the stage's version
changes or ``eventwire process --redo STAGE`` forgets it.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime
from typing import Any

from sqlalchemy import Connection, and_, delete, exists, func, insert, or_, select

from eventwire.model import Document, FailedRun, StageRun
from eventwire.store.documents import document_of, select_documents
from eventwire.store.schema import Article, DuplicateLink, StageRunRow, Story, StoryArticle

FAILED = "failed"
OK = "ok"


def record_runs(conn: Connection, runs: Sequence[StageRun], now: datetime) -> None:
    """Replace the rows of these (stage, article) and (stage, story) pairs with ``runs``."""
    for run in runs:
        subject = (
            StageRunRow.article_id == run.article_id
            if run.article_id is not None
            else StageRunRow.story_id == run.story_id
        )
        conn.execute(delete(StageRunRow).where(StageRunRow.stage == run.stage, subject))
    if runs:
        conn.execute(insert(StageRunRow), [_run_row(run, now) for run in runs])


def forget_runs(
    conn: Connection, stage: str, article_ids: Sequence[int] | None = None, chunk_size: int = 500
) -> None:
    """Delete the runs of ``stage`` (on these articles only, when given)."""
    if article_ids is None:
        conn.execute(delete(StageRunRow).where(StageRunRow.stage == stage))
        return
    for start in range(0, len(article_ids), chunk_size):
        chunk = list(article_ids[start : start + chunk_size])
        conn.execute(
            delete(StageRunRow).where(StageRunRow.stage == stage, StageRunRow.article_id.in_(chunk))
        )


def pending_articles(
    conn: Connection, stage: str, version: int, after: str | None, originals_only: bool
) -> list[int]:
    """Ids of articles ``stage`` has to run on, by id (see the module docstring)."""
    mine = StageRunRow.aliased()
    query = select(Article.id).outerjoin(
        mine, and_(mine.article_id == Article.id, mine.stage == stage)
    )
    done = and_(mine.id.is_not(None), mine.version == version)
    if after is not None:
        before = StageRunRow.aliased()
        query = query.join(
            before,
            and_(before.article_id == Article.id, before.stage == after, before.status == OK),
        )
        done = and_(done, mine.id > before.id)
    if originals_only:
        copies = select(DuplicateLink.article_id).where(DuplicateLink.article_id == Article.id)
        query = query.where(~exists(copies))
    return list(conn.execute(query.where(~done).order_by(Article.id)).scalars())


def pending_stories(conn: Connection, stage: str, version: int, after: str) -> list[int]:
    """Ids of stories with an article ``after`` ran on since ``stage`` last ran on the story."""
    mine = StageRunRow.aliased()
    member = StageRunRow.aliased()
    newer = (
        select(StoryArticle.story_id)
        .join(member, and_(member.article_id == StoryArticle.article_id, member.stage == after))
        .outerjoin(mine, and_(mine.story_id == StoryArticle.story_id, mine.stage == stage))
        .where(or_(mine.id.is_(None), mine.version != version, member.id > mine.id))
        .distinct()
    )
    return sorted(conn.execute(newer).scalars())


def failed_runs(conn: Connection) -> list[FailedRun]:
    """Every failed run, newest first, with the title of its article or story."""
    query = (
        select(
            StageRunRow.stage,
            StageRunRow.article_id,
            StageRunRow.story_id,
            StageRunRow.reason,
            StageRunRow.ran_at,
            Article.title.label("article_title"),
            Story.title.label("story_title"),
        )
        .outerjoin(Article, Article.id == StageRunRow.article_id)
        .outerjoin(Story, Story.id == StageRunRow.story_id)
        .where(StageRunRow.status == FAILED)
        .order_by(StageRunRow.id.desc())
    )
    return [_failed(row) for row in conn.execute(query)]


def count_failed(conn: Connection) -> int:
    """Number of failed runs."""
    query = select(func.count()).select_from(StageRunRow).where(StageRunRow.status == FAILED)
    return int(conn.execute(query).scalar_one())


def load_documents(conn: Connection, article_ids: Sequence[int]) -> list[Document]:
    """The documents of ``article_ids``, in that order (ids not stored are left out)."""
    query = select_documents().where(Article.id.in_(list(article_ids)))
    found = {row.id: document_of(row) for row in conn.execute(query)}
    return [found[i] for i in article_ids if i in found]


def _run_row(run: StageRun, now: datetime) -> dict[str, Any]:
    return {
        "stage": run.stage,
        "article_id": run.article_id,
        "story_id": run.story_id,
        "version": run.version,
        "status": run.status,
        "reason": run.reason,
        "ran_at": run.ran_at or now,
    }


def _failed(row: Any) -> FailedRun:
    if row.article_id is not None:
        subject, title = f"article {row.article_id}", row.article_title
    else:
        subject, title = f"story {row.story_id}", row.story_title
    return FailedRun(row.stage, subject, title or "", row.reason or "", row.ran_at)
