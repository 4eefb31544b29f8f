"""JSON Lines: one article per line (url, source, title, text or html, published, updated,
authors)."""

from __future__ import annotations

import json
import logging
from datetime import datetime
from typing import Any

from eventwire.ingest.context import ArticleFields, ReadContext, make_article
from eventwire.ingest.dates import parse_datetime
from eventwire.ingest.decode import decode_bytes
from eventwire.ingest.errors import (
    MALFORMED_JSON,
    NO_TEXT,
    IngestProblem,
    reject_unexpected,
)
from eventwire.ingest.html import extract_page
from eventwire.model import CleaningNote, InputFile, RawArticle, Rejection
from eventwire.plausible import keep_plausible

FORMAT_JSONL = "jsonl"
LOGGER = logging.getLogger(__name__)


def read_jsonl(data: bytes, context: ReadContext) -> InputFile:
    """Articles from a JSONL file's bytes; a bad line is rejected alone."""
    return read_decoded_jsonl(decode_bytes(data, context.settings.max_control_share), context)


def read_decoded_jsonl(text: str, context: ReadContext) -> InputFile:
    """Articles from already decoded JSONL text."""
    articles: list[RawArticle] = []
    rejections: list[Rejection] = []
    # split on "\n" only: JSON strings may hold U+2028 and other characters splitlines() splits on
    for number, line in enumerate(text.split("\n"), start=1):
        line = line.removesuffix("\r")
        if not line.strip():
            continue
        origin = f"{context.origin}:{number}"
        try:
            articles.append(read_line(line, origin, context))
        except IngestProblem as problem:
            rejections.append(problem.to_rejection(origin))
        except Exception as error:  # a bug: reject this line only, say which
            LOGGER.exception("unexpected error reading %s", origin)
            rejections.append(reject_unexpected(origin, error))
    return InputFile(origin=context.origin, articles=tuple(articles), rejections=tuple(rejections))


def read_line(line: str, origin: str, context: ReadContext) -> RawArticle:
    """One article from one JSONL line (raises IngestProblem when there is none)."""
    record = parse_object(line)
    url = string_field(record, "url")
    text, html = string_field(record, "text"), string_field(record, "html")
    title = string_field(record, "title")
    published, notes = stated_date(record, "published", origin, context)
    updated, updated_notes = stated_date(record, "updated", origin, context)
    notes += updated_notes
    authors = authors_field(record)
    if text is None and html is None:
        raise IngestProblem(NO_TEXT, "line has neither a non-empty 'text' nor 'html' field")
    if text is None:
        page = extract_page(html or "", context.settings, url=url)
        text, url = page.text, url or page.url
        title, published = title or page.title, published or page.published
        updated, authors = updated or page.updated, authors or page.authors
        notes += page.notes
    fields = ArticleFields(
        raw=line,
        text=text,
        format=FORMAT_JSONL,
        url=url,
        title=title,
        published=published,
        updated=updated,
        declared_source=string_field(record, "source"),
        authors=authors,
        notes=tuple(notes),
    )
    return make_article(fields, context, origin=origin)


def stated_date(
    record: dict[str, Any], name: str, origin: str, context: ReadContext
) -> tuple[datetime | None, list[CleaningNote]]:
    """A date field when it is a plausible time (eventwire.plausible), else None and a note."""
    value = date_field(record, name, origin)
    return keep_plausible(value, f"{name} time of the JSONL line", context.settings.dates)


def authors_field(record: dict[str, Any]) -> tuple[str, ...]:
    """The ``authors`` list (or an ``author``/``authors`` string) of a record, names stripped."""
    value = record.get("authors", record.get("author"))
    values = [value] if isinstance(value, str) else value if isinstance(value, list) else []
    names = (" ".join(v.split()) for v in values if isinstance(v, str))
    return tuple(dict.fromkeys(name for name in names if name))


def parse_object(line: str) -> dict[str, Any]:
    """The JSON object on ``line``, or a ``malformed-json`` IngestProblem."""
    try:
        record = json.loads(line)
    except json.JSONDecodeError as error:
        raise IngestProblem(MALFORMED_JSON, f"malformed JSON: {error}") from None
    if not isinstance(record, dict):
        kind = type(record).__name__
        raise IngestProblem(MALFORMED_JSON, f"not a JSON object (got {kind})")
    return record


def string_field(record: dict[str, Any], name: str) -> str | None:
    """A non-blank string field, stripped; None when absent, blank or not a string."""
    value = record.get(name)
    if isinstance(value, str) and value.strip():
        return value.strip()
    return None


def date_field(record: dict[str, Any], name: str, origin: str) -> datetime | None:
    """A date field as a tz-aware datetime; an unparsable value is logged and left out."""
    value = record.get(name)
    parsed = parse_datetime(value) if isinstance(value, str) else None
    if value not in (None, "") and parsed is None:
        LOGGER.warning("%s: ignoring %r: not an ISO 8601 date: %r", origin, name, value)
    return parsed


def looks_like_jsonl(text: str) -> bool:
    """Whether ``text``'s first non-blank line is a JSON object."""
    for line in text.split("\n", 50)[:50]:
        if line.strip():
            try:
                return isinstance(json.loads(line), dict)
            except json.JSONDecodeError:
                return False
    return False
