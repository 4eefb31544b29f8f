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
