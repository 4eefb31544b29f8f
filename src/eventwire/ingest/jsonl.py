"""JSON Lines: one article per line (url, source, title, text or html, published, updated,
authors)."""

from __future__ import annotations

import json
import logging
from dataclasses import replace
from datetime import datetime
from typing import Any

from eventwire.ingest.context import ArticleFields, ReadContext, decode_input, make_article
from eventwire.ingest.dates import parse_datetime
from eventwire.ingest.decode import without_bom
from eventwire.ingest.errors import (
    MALFORMED_JSON,
    NO_TEXT,
    WRONG_TYPE,
    IngestProblem,
    reject_unexpected,
)
from eventwire.ingest.html import extract_page
from eventwire.model import CleaningNote, InputFile, RawArticle, Rejection
from eventwire.plausible import keep_plausible

FORMAT_JSONL = "jsonl"
# How a wrong-typed field is named in a rejection: JSON's names for Python's types.
JSON_TYPE_NAMES = {
    bool: "a boolean",
    int: "a number",
    float: "a number",
    list: "an array",
    dict: "an object",
}
LOGGER = logging.getLogger(__name__)


def read_jsonl(data: bytes, context: ReadContext) -> InputFile:
    """Articles from a JSONL file's bytes; a bad line is rejected alone."""
    return read_decoded_jsonl(*decode_input(data, context))


def read_decoded_jsonl(text: str, context: ReadContext) -> InputFile:
    """Articles from already decoded JSONL text."""
    if context.encoding:  # each article's raw is one line: the file's BOM is not in it
        context = replace(context, encoding=without_bom(context.encoding))
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
    """A non-blank string field, stripped; None when absent, null or blank.

    Raises a ``wrong-type`` IngestProblem when the field holds another JSON type
    (``"text": 5``): the line is not what its writer meant, and saying "missing" would hide it.
    """
    value = record.get(name)
    if value is not None and not isinstance(value, str):
        raise IngestProblem(WRONG_TYPE, f"field {name!r} is {json_type(value)}, not a string")
    if value is not None and value.strip():
        return value.strip()
    return None


def json_type(value: Any) -> str:
    """How JSON names ``value``'s type ("a number", "an array", ...)."""
    return JSON_TYPE_NAMES.get(type(value), type(value).__name__)


def date_field(record: dict[str, Any], name: str, origin: str) -> datetime | None:
    """A date field as a tz-aware datetime; an unparsable or wrong-typed value is logged and
    left out (the article is kept without that date)."""
    value = record.get(name)
    if value is not None and not isinstance(value, str):
        kind = json_type(value)
        LOGGER.warning("%s: ignoring %r: %s, not a date string", origin, name, kind)
        return None
    parsed = parse_datetime(value) if value is not None else None
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
