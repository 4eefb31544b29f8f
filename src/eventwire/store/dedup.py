"""Reads and writes of the dedup stage (called through ``Repository``)."""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from datetime import timedelta
from typing import Any

from sqlalchemy import Connection, delete, func, insert, select, true

from eventwire.model import Document, DuplicateLink
from eventwire.store import stage_runs
from eventwire.store.documents import document_of, select_documents
from eventwire.store.schema import Article, StageRunRow
from eventwire.store.schema import DuplicateLink as DuplicateLinkRow


def dedup_state(
    conn: Connection, version: int, batch_size: int, max_age_days: float = 0.0
) -> Iterator[Document]:
    """Originals the dedup stage indexed at ``version``, by id (to rebuild its index); with
    ``max_age_days``, only those the index still holds (stored within that many days of the
    latest article stored)."""
    query = (
        select_documents()
        .join(StageRunRow, StageRunRow.article_id == Article.id)
        .outerjoin(DuplicateLinkRow, DuplicateLinkRow.article_id == Article.id)
        .where(StageRunRow.stage == "dedup", StageRunRow.version == version)
        .where(StageRunRow.status == stage_runs.OK, DuplicateLinkRow.article_id.is_(None))
        .order_by(Article.id)
    )
    if max_age_days > 0:
        query = query.where(recent_articles(conn, max_age_days))
    for row in conn.execution_options(yield_per=batch_size).execute(query):
        yield document_of(row)


def recent_articles(conn: Connection, max_age_days: float) -> Any:
    """Condition: stored within ``max_age_days`` of the latest article stored."""
    newest = conn.execute(select(func.max(Article.ingested_at))).scalar()
    if newest is None:
        return true()
    return Article.ingested_at >= newest - timedelta(days=max_age_days)


def write_duplicates(
    conn: Connection, article_ids: Sequence[int], links: Sequence[DuplicateLink]
) -> None:
    """Replace the duplicate links of ``article_ids`` with ``links``."""
    ids = list(article_ids)
    if ids:
        conn.execute(delete(DuplicateLinkRow).where(DuplicateLinkRow.article_id.in_(ids)))
    if links:
        conn.execute(insert(DuplicateLinkRow), [link.as_dict() for link in links])
