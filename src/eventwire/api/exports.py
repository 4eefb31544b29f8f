"""Lists as JSON pages, or streamed whole as CSV or newline-delimited JSON (``?format=``)."""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Callable, Iterator
from typing import Any

from fastapi.responses import StreamingResponse

from eventwire.model import Page

EXPORT_PAGE = 500  # items fetched per query while streaming an export
FORMATS = ("json", "csv", "ndjson", "tsv")
MEDIA_TYPES = {
    "csv": "text/csv; charset=utf-8",
    "ndjson": "application/x-ndjson",
    "tsv": "text/tab-separated-values; charset=utf-8",
}
FORMULA_START = ("=", "+", "-", "@", "\t", "\r")  # what spreadsheets run as a formula

PageFetcher = Callable[[int, str | None], Page]  # (limit, cursor) -> page
ItemForm = Callable[[Any], dict[str, Any]]
LineWriter = Callable[[Iterator[Any]], Iterator[str]]


def iter_items(fetch: PageFetcher, first: Page) -> Iterator[Any]:
    """The items of ``first`` and of every page after it, EXPORT_PAGE items per query."""
    page = first
    while True:
        yield from page.items
        if page.next is None:
            return
        page = fetch(EXPORT_PAGE, page.next)


def stream_export(
    fmt: str, fetch: PageFetcher, cursor: str | None, form: ItemForm, name: str
) -> StreamingResponse:
    """The whole listing as a streamed CSV or NDJSON download named ``name``.

    The first page is read before the response starts, so that a bad filter or cursor is
    still answered with an error status rather than a cut-off download.
    """
    first = fetch(EXPORT_PAGE, cursor)
    items = (form(item) for item in iter_items(fetch, first))
    body = ndjson_lines(items) if fmt == "ndjson" else csv_lines(items)
    return streamed(body, fmt, name)


def stream_rows(
    fmt: str, fetch: PageFetcher, cursor: str | None, lines: LineWriter, name: str
) -> StreamingResponse:
    """The whole listing streamed as the lines ``lines`` writes of its records (GDELT TSV)."""
    first = fetch(EXPORT_PAGE, cursor)
    return streamed(lines(iter_items(fetch, first)), fmt, name)


def streamed(body: Iterator[str], fmt: str, name: str) -> StreamingResponse:
    """``body`` as a download named ``name``.``fmt``."""
    headers = {"Content-Disposition": f'attachment; filename="{name}.{fmt}"'}
    return StreamingResponse(body, media_type=MEDIA_TYPES[fmt], headers=headers)


def ndjson_lines(items: Iterator[dict[str, Any]]) -> Iterator[str]:
    """One JSON object per line."""
    for item in items:
        yield json.dumps(item, ensure_ascii=False) + "\n"


def csv_lines(items: Iterator[dict[str, Any]]) -> Iterator[str]:
    """A header row (the first item's keys) then one row per item; nested values as JSON."""
    buffer = io.StringIO()
    writer: csv.DictWriter[str] | None = None
    for item in items:
        row = {key: csv_cell(value) for key, value in item.items()}
        if writer is None:
            writer = csv.DictWriter(buffer, fieldnames=list(row), extrasaction="ignore")
            writer.writeheader()
        writer.writerow(row)
        yield buffer.getvalue()
        buffer.seek(0)
        buffer.truncate()


def csv_cell(value: Any) -> str:
    """A cell: scalars as text, lists and objects as JSON; text a spreadsheet would run as a
    formula gets a leading ``'`` (numbers stay numbers)."""
    if value is None:
        return ""
    if isinstance(value, bool | int | float):
        return str(value)
    text = json.dumps(value, ensure_ascii=False) if isinstance(value, list | dict) else str(value)
    return "'" + text if text.startswith(FORMULA_START) else text
