"""Stored articles read back as the Documents the stages see (one query shape, one builder)."""

from __future__ import annotations

from typing import Any

from sqlalchemy import Select, select

from eventwire.model import Document
from eventwire.store.schema import Article, Source
from eventwire.zones import in_stated_offset

DOCUMENT_COLUMNS = (
    Article.id,
    Source.name,
    Article.title,
    Article.body,
    Article.published_at,
    Article.published_offset_minutes,
    Article.ingested_at,
)


def select_documents(*extra: Any) -> Select[Any]:
    """Articles with their outlet, as ``document_of`` reads them (and ``extra`` columns)."""
    return select(*DOCUMENT_COLUMNS, *extra).join(Source, Source.id == Article.source_id)


def document_of(row: Any) -> Document:
    """A document whose publication time is in the publisher's own offset, when known."""
    published = in_stated_offset(row.published_at, row.published_offset_minutes)
    ingested = getattr(row, "ingested_at", None)  # the clock of forgetting by age
    return Document(row.id, row.name, row.title, row.body, published, ingested)
