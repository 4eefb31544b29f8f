"""JSONL: one article per line; a bad line is rejected alone."""

from __future__ import annotations

import hashlib
import json
from datetime import UTC, datetime, timedelta, timezone
from pathlib import Path

from tests.conftest import run_eventwire

PAGE = (
    "<!DOCTYPE html><html><head><title>Bridge reopens</title>"
    "<meta property='article:published_time' content='2023-11-02T08:15:00Z'></head><body>"
    "<article><h1>Bridge reopens</h1>"
    "<p>The old bridge over the river reopened to traffic on Thursday after two years of work.</p>"
    "<p>Officials said the repairs cost less than planned and finished three weeks early.</p>"
    "</article></body></html>"
)


def write_lines(path: Path, lines: list[str]) -> Path:
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def record(**fields: object) -> str:
    return json.dumps(fields, ensure_ascii=False)


def test_each_line_is_an_article(tmp_path: Path, ingest) -> None:
    lines = [
        record(
            url="https://www.news.example/a",
            source="Daily Example",
            title="A title",
            text="First article text.",
            published="2024-02-01T10:00:00+01:00",
            updated="2024-02-01T12:00:00+01:00",
        ),
        record(text="Second article text.", published="2024-02-02"),
        record(text="Third: naive time.", published="2024-02-03T09:30:00"),
    ]
    path = write_lines(tmp_path / "batch.jsonl", lines)
    (read,) = ingest(path, source="cli-outlet")
    assert read.origin == str(path) and read.rejections == ()
    first, second, third = read.articles
    assert [a.origin for a in read.articles] == [f"{path}:1", f"{path}:2", f"{path}:3"]
    assert all(a.format == "jsonl" for a in read.articles)
    assert first.raw == lines[0]
    key = f"Daily Example\0https://www.news.example/a\0{lines[0]}"
    assert first.content_hash == hashlib.sha256(key.encode()).hexdigest()
    assert (first.source, first.url, first.title) == (
        "Daily Example",
        "https://www.news.example/a",
        "A title",
    )
    assert first.published == datetime(2024, 2, 1, 10, tzinfo=timezone(timedelta(hours=1)))
    assert first.updated == datetime(2024, 2, 1, 12, tzinfo=timezone(timedelta(hours=1)))
    assert second.published == datetime(2024, 2, 2, tzinfo=UTC)
    assert third.published == datetime(2024, 2, 3, 9, 30, tzinfo=UTC)
    assert second.source == third.source == "cli-outlet"
    assert first.text == "First article text."


def test_html_line_goes_through_extraction(tmp_path: Path, ingest) -> None:
    path = write_lines(
        tmp_path / "pages.ndjson", [record(url="https://amp.bridges.example/x", html=PAGE)]
    )
    (read,) = ingest(path)
    (article,) = read.articles
    assert article.format == "jsonl"
    assert "The old bridge over the river reopened" in article.text
    assert "<p>" not in article.text
    assert article.title == "Bridge reopens"
    assert article.published == datetime(2023, 11, 2, 8, 15, tzinfo=UTC)
    assert article.url == "https://amp.bridges.example/x"
    assert article.source == "bridges.example"


def test_bad_lines_are_rejected_alone(tmp_path: Path, ingest) -> None:
    lines = [
        record(text="Good one."),
        "{not json",
        "",
        "   ",
        "[1, 2, 3]",
        record(title="No body"),
        record(html="<!DOCTYPE html><html><body></body></html>"),
        record(text="Good two.", published="not a date"),
    ]
    path = write_lines(tmp_path / "mixed.jsonl", lines)
    (read,) = ingest(path)
    assert [a.text for a in read.articles] == ["Good one.", "Good two."]
    assert read.articles[1].published is None
    assert [(r.origin, r.reason) for r in read.rejections] == [
        (f"{path}:2", "malformed-json"),
        (f"{path}:5", "malformed-json"),
        (f"{path}:6", "no-text"),
        (f"{path}:7", "no-text"),
    ]
    assert str(read.rejections[1]) == f"{path}:5: not a JSON object (got list)"
    assert all("\n" not in str(r) for r in read.rejections)


def test_line_separator_inside_a_string_stays_in_its_line(tmp_path: Path, ingest) -> None:
    path = tmp_path / "sep.jsonl"
    path.write_text('{"text": "one\u2028two"}\n{"text": "three"}\n', encoding="utf-8")
    (read,) = ingest(path)
    assert [a.text for a in read.articles] == ["one\u2028two", "three"]


def test_sniffed_jsonl_without_suffix(tmp_path: Path, ingest) -> None:
    path = write_lines(tmp_path / "export", [record(text="Sniffed."), record(text="Again.")])
    (read,) = ingest(path)
    assert [a.format for a in read.articles] == ["jsonl", "jsonl"]


def test_authors_from_a_list_a_string_or_the_page(tmp_path: Path, ingest) -> None:
    path = write_lines(
        tmp_path / "by.jsonl",
        [
            record(text="Listed.", authors=["Ana  Ruiz", "Tom Okoro", "Ana Ruiz", 7]),
            record(text="One author.", author="Lee Park"),
            record(text="Nobody."),
            record(html=PAGE.replace("</head>", "<meta name='author' content='Mia Holt'></head>")),
        ],
    )
    (read,) = ingest(path)
    assert [a.authors for a in read.articles] == [
        ("Ana Ruiz", "Tom Okoro"),
        ("Lee Park",),
        (),
        ("Mia Holt",),
    ]


def test_a_lone_surrogate_escape_is_replaced_so_the_article_can_be_stored(
    tmp_path: Path, db_url: str
) -> None:
    line = '{"title": "Storm \\ud83d hits coast", "text": "Winds \\udca5 reached 150 km/h."}'
    path = write_lines(tmp_path / "odd.jsonl", [line])
    result = run_eventwire(db_url, "--quiet", "ingest", str(path))
    assert result.code == 0, result.stderr
    article = run_eventwire(db_url, "article", "1", "--json").json()
    assert article["title"] == "Storm \ufffd hits coast"
    assert article["text"] == "Winds \ufffd reached 150 km/h."


def test_a_wrong_typed_field_is_reported_as_wrong_type(tmp_path: Path, ingest) -> None:
    path = write_lines(
        tmp_path / "typed.jsonl",
        [
            '{"text": 5}',
            '{"text": "Fine text.", "title": ["a", "list"]}',
            '{"html": {"p": 1}}',
            '{"text": null, "html": null}',
            record(text="Kept text."),
        ],
    )
    (read,) = ingest(path)
    assert [(r.origin, r.reason, r.message) for r in read.rejections] == [
        (f"{path}:1", "wrong-type", "field 'text' is a number, not a string"),
        (f"{path}:2", "wrong-type", "field 'title' is an array, not a string"),
        (f"{path}:3", "wrong-type", "field 'html' is an object, not a string"),
        (f"{path}:4", "no-text", "line has neither a non-empty 'text' nor 'html' field"),
    ]
    assert [a.text for a in read.articles] == ["Kept text."]


def test_a_wrong_typed_date_is_left_out_and_the_article_kept(tmp_path: Path, ingest) -> None:
    path = write_lines(tmp_path / "d.jsonl", ['{"text": "Body.", "published": 20240201}'])
    (read,) = ingest(path)
    assert [(a.text, a.published) for a in read.articles] == [("Body.", None)]


def test_escape_sequences_are_stripped_from_stored_text(tmp_path: Path, ingest) -> None:
    path = write_lines(
        tmp_path / "esc.jsonl",
        [
            record(
                url="https://news.example/\x1b[2Ja",
                source="Evil\x1b]0;pwned\x07 Outlet\x9b31m",
                title="Bridge\x1b[2J\x1b[H reopens\r\nnow",
                text="First\x1b]2;window title\x1b\\ line\x07.\r\nSecond\x00 line\x85end.",
                authors=["Jane\x1b[5m Doe"],
            )
        ],
    )
    (read,) = ingest(path)
    (article,) = read.articles
    assert article.title == "Bridge reopens now"
    assert article.text == "First line.\nSecond line\nend."
    assert article.source == "Evil Outlet"
    assert article.url == "https://news.example/a"
    assert article.authors == ("Jane Doe",)


def test_only_http_urls_are_article_urls(tmp_path: Path, ingest) -> None:
    urls = [
        "javascript:alert(1)",
        "file:///etc/passwd",
        "data:text/html,hi",
        "JavaScript://news.example/%0aalert(1)",
        "HTTPS://news.example/ok",
    ]
    path = write_lines(tmp_path / "u.jsonl", [record(url=u, text="Body.") for u in urls])
    (read,) = ingest(path, source="fallback")
    assert [(a.url, a.source) for a in read.articles] == [
        (None, "fallback"),
        (None, "fallback"),
        (None, "fallback"),
        (None, "fallback"),
        ("HTTPS://news.example/ok", "news.example"),
    ]
