"""CSV cells: nested values as JSON, formulas defused, numbers kept."""

from __future__ import annotations

import pytest

from eventwire.api.exports import csv_cell, csv_lines


@pytest.mark.parametrize(
    ("value", "cell"),
    [
        (None, ""),
        (-5, "-5"),
        (2.5, "2.5"),
        ('=HYPERLINK("http://x")', '\'=HYPERLINK("http://x")'),
        ("+1", "'+1"),
        ("@SUM(A1)", "'@SUM(A1)"),
        ("plain", "plain"),
        (["a", "b"], '["a", "b"]'),
        ({"k": 1}, '{"k": 1}'),
    ],
)
def test_cells(value: object, cell: str) -> None:
    assert csv_cell(value) == cell


def test_rows_stream_one_at_a_time() -> None:
    lines = list(csv_lines(iter([{"id": 1, "name": "a,b"}, {"id": 2, "name": "c"}])))
    assert lines == ['id,name\r\n1,"a,b"\r\n', "2,c\r\n"]


def test_an_export_reads_one_page_at_a_time() -> None:
    """Pages are fetched only as the download is consumed (never the whole result at once)."""
    from eventwire.api.exports import EXPORT_PAGE, iter_items
    from eventwire.model import Page

    fetched: list[str | None] = []

    def fetch(size: int, cursor: str | None) -> Page:
        assert size == EXPORT_PAGE
        fetched.append(cursor)
        start = int(cursor or 0)
        following = str(start + size) if start + size < 3 * size else None
        return Page(items=tuple(range(start, start + size)), next=following)

    items = iter_items(fetch, fetch(EXPORT_PAGE, None))
    first = [next(items) for _ in range(EXPORT_PAGE)]
    assert first == list(range(EXPORT_PAGE)) and len(fetched) == 1
    assert next(items) == EXPORT_PAGE and len(fetched) == 2
    assert len(list(items)) == 2 * EXPORT_PAGE - 1 and len(fetched) == 3
