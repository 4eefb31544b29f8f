"""What every reader is given, and how it turns what it read into records."""

from __future__ import annotations

import hashlib
import logging
import re
from dataclasses import dataclass, replace
from datetime import datetime
from pathlib import Path
from urllib.parse import urlsplit

from eventwire.ingest.decode import decode_text
from eventwire.ingest.settings import IngestSettings
from eventwire.ingest.sources import infer_source
from eventwire.model import CleaningNote, RawArticle
from eventwire.plausible import keep_plausible
from eventwire.textnorm import strip_control_characters

SURROGATE = re.compile("[\ud800-\udfff]")
ARTICLE_URL_SCHEMES = frozenset({"http", "https"})
LOGGER = logging.getLogger(__name__)


@dataclass(frozen=True)
class ReadContext:
    """One input file being read."""

    path: Path
    origin: str  # how records name the file (the path as walked)
    source: str | None  # the ``--source`` argument
    settings: IngestSettings
    encoding: str | None = None  # the codec the file's text was decoded with


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


def decode_input(data: bytes, context: ReadContext) -> tuple[str, ReadContext]:
    """``data`` decoded, and ``context`` noting the codec (raises IngestProblem)."""
    decoded = decode_text(data, context.settings.max_control_share)
    return decoded.text, replace(context, encoding=decoded.encoding)


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

    Everything stored as text (body, title, bylines, URL, outlet, origin) loses control
    characters and terminal escape sequences; ``raw`` stays as read, so that
    ``raw.encode(raw_encoding)`` gives the input's bytes back. A URL that is not http(s) is
    dropped with a warning naming the input. An implausible publication or update time
    (eventwire.plausible) is left out, noted.
    """
    origin = scrub_line(origin or context.origin)
    url = article_url(fields.url, origin)
    declared = scrub_line(fields.declared_source) if fields.declared_source else None
    source = scrub_line(infer_source(declared, url, context.source, context.path))
    dates = context.settings.dates
    published, published_notes = keep_plausible(fields.published, "published time", dates)
    updated, updated_notes = keep_plausible(fields.updated, "updated time", dates)
    return RawArticle(
        origin=origin,
        source=source,
        raw=fields.raw,
        text=scrub(fields.text),
        format=fields.format,
        content_hash=content_hash(fields.raw, source, url),
        url=url,
        title=scrub_line(fields.title) if fields.title is not None else None,
        published=published,
        updated=updated,
        authors=tuple(name for name in map(scrub_line, fields.authors) if name.strip()),
        raw_encoding=context.encoding,
        notes=(*fields.notes, *published_notes, *updated_notes),
    )


def article_url(url: str | None, origin: str) -> str | None:
    """``url`` when it is an http(s) URL with a host, else None (logged: javascript:, file:,
    data: and scheme-less values are never stored as an article's URL)."""
    if url is None:
        return None
    cleaned = scrub_line(url).strip()
    try:
        parts = urlsplit(cleaned)
        acceptable = parts.scheme.lower() in ARTICLE_URL_SCHEMES and bool(parts.hostname)
    except ValueError:
        acceptable = False
    if not acceptable:
        LOGGER.warning("%s: ignoring the URL %r: not an http(s) URL", origin, cleaned[:200])
        return None
    return cleaned


def scrub(text: str) -> str:
    """``text`` without control characters, and with lone surrogates (a JSON ``"\\ud83d"``
    escape) replaced by U+FFFD, so every database can store it and every terminal show it."""
    text = strip_control_characters(text)
    if not SURROGATE.search(text):
        return text
    return SURROGATE.sub("\ufffd", text)


def scrub_line(text: str) -> str:
    """``scrub`` for one-line values (titles, names, URLs): tabs and line breaks as spaces."""
    return scrub(strip_control_characters(text, single_line=True))
