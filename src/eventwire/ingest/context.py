"""What every reader is given, and how it turns what it read into records."""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from eventwire.ingest.settings import IngestSettings
from eventwire.ingest.sources import infer_source
from eventwire.model import CleaningNote, RawArticle
from eventwire.plausible import keep_plausible

SURROGATE = re.compile("[\ud800-\udfff]")


@dataclass(frozen=True)
class ReadContext:
    """One input file being read."""

    path: Path
    origin: str  # how records name the file (the path as walked)
    source: str | None  # the ``--source`` argument
    settings: IngestSettings


@dataclass(frozen=True)
class ArticleFields:
    """What a reader found in one article; ``make_article`` adds the rest."""

    raw: str
    text: str
    format: str
    url: str | None = None
    title: str | None = None
    published: datetime | None = None
    updated: datetime | None = None
    declared_source: str | None = None  # the input's own ``source`` field
    authors: tuple[str, ...] = ()
    notes: tuple[CleaningNote, ...] = ()  # dates set aside while reading


def content_hash(raw: str, source: str, url: str | None) -> str:
    """The idempotency key: sha256 hex of outlet, URL and raw input.

    Reading the same input again gives the same key (nothing is added twice); the same text
    published by another outlet is a new report, stored and then linked as a copy by dedup.
    """
    key = "\0".join((source, url or "", raw))
    return hashlib.sha256(key.encode("utf-8", "surrogatepass")).hexdigest()


def make_article(
    fields: ArticleFields, context: ReadContext, origin: str | None = None
) -> RawArticle:
    """A RawArticle from ``fields``, with its hash and inferred outlet.

    An implausible publication or update time (eventwire.plausible) is left out, noted.
    """
    source = infer_source(fields.declared_source, fields.url, context.source, context.path)
    dates = context.settings.dates
    published, published_notes = keep_plausible(fields.published, "published time", dates)
    updated, updated_notes = keep_plausible(fields.updated, "updated time", dates)
    return RawArticle(
        origin=origin or context.origin,
        source=source,
        raw=fields.raw,
        text=scrub(fields.text),
        format=fields.format,
        content_hash=content_hash(fields.raw, source, fields.url),
        url=fields.url,
        title=scrub(fields.title) if fields.title is not None else None,
        published=published,
        updated=updated,
        authors=tuple(scrub(name) for name in fields.authors),
        notes=(*fields.notes, *published_notes, *updated_notes),
    )


def scrub(text: str) -> str:
    """``text`` with lone surrogates (a JSON ``"\\ud83d"`` escape) replaced by U+FFFD, so
    every database can store it."""
    if not SURROGATE.search(text):
        return text
    return SURROGATE.sub("\ufffd", text)
