"""Reads and writes of the dedup stage (called through ``Repository``)."""

from __future__ import annotations

from collections.abc import Iterator, Sequence

from sqlalchemy import Connection, delete, insert

from eventwire.model import Document, DuplicateLink
from eventwire.store import stage_runs
from eventwire.store.documents import document_of, select_documents
from eventwire.store.schema import Article, StageRunRow
from eventwire.store.schema import DuplicateLink as DuplicateLinkRow


def dedup_state(conn: Connection, version: int, batch_size: int) -> Iterator[Document]:
    """Originals the dedup stage indexed at ``version``, by id (to rebuild its index)."""
    query = (
        select_documents()
        .join(StageRunRow, StageRunRow.article_id == Article.id)
        .outerjoin(DuplicateLinkRow, DuplicateLinkRow.article_id == Article.id)
        .where(StageRunRow.stage == "dedup", StageRunRow.version == version)
        .where(StageRunRow.status == stage_runs.OK, DuplicateLinkRow.article_id.is_(None))
        .order_by(Article.id)
    )
    for row in conn.execution_options(yield_per=batch_size).execute(query):
        yield document_of(row)


def write_duplicates(
    conn: Connection, article_ids: Sequence[int], links: Sequence[DuplicateLink]
) -> None:
    """Replace the duplicate links of ``article_ids`` with ``links``."""
    ids = list(article_ids)
    if ids:
        conn.execute(delete(DuplicateLinkRow).where(DuplicateLinkRow.article_id.in_(ids)))
    if links:
        conn.execute(insert(DuplicateLinkRow), [link.as_dict() for link in links])
