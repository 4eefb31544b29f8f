"""Implausible dates (placeholders, far futures) never become an article's time, wherever
they enter; each one set aside is named in an ``implausible-date`` cleaning note."""

from __future__ import annotations

import json
from datetime import UTC, datetime, timedelta, timezone
from pathlib import Path

import pytest

from eventwire.clean import clean_article
from eventwire.config import load_config
from eventwire.ingest import IngestSettings, iter_inputs
from eventwire.model import CleanArticle, RawArticle
from eventwire.pipeline import Settings
from eventwire.plausible import IMPLAUSIBLE_RULE, DatesSettings, implausibility
from tests.clean.conftest import make_raw

NOW = datetime(2026, 2, 8, 12, 0, tzinfo=UTC)
BODY = (
    "The council approved the new budget on Tuesday after a long debate about road repairs "
    "and the cost of the new tram line."
)
PLACEHOLDER = "0001-01-01T00:00:00Z"


def page(head: str) -> str:
    """A small news page with ``head`` in its <head>."""
    return (
        f"<!DOCTYPE html><html><head><title>Council approves budget</title>{head}</head><body>"
        f"<article><h1>Council approves budget</h1><p>{BODY}</p>"
        "<p>Officials said the repairs would start in spring and finish within two years.</p>"
        "</article></body></html>"
    )


def json_ld(**fields: str) -> str:
    data = {"@context": "http://schema.org", "@type": "NewsArticle", **fields}
    return f"<script type='application/ld+json'>{json.dumps(data)}</script>"


def read_one(path: Path) -> RawArticle:
    (input_file,) = iter_inputs([path], settings=IngestSettings())
    (article,) = input_file.articles
    return article


def cleaned(raw: RawArticle) -> CleanArticle:
    article = clean_article(raw)
    assert isinstance(article, CleanArticle), article
    return article


def implausible_notes(article: CleanArticle) -> list[str]:
    return [f"{n.text} {n.detail}" for n in article.notes if n.rule == IMPLAUSIBLE_RULE]


@pytest.mark.parametrize(
    ("when", "reason"),
    [
        (datetime(1, 1, 1, tzinfo=UTC), "before 1990"),
        (datetime(1970, 1, 1, tzinfo=UTC), "before 1990"),
        (datetime(1989, 12, 31, 23, 59, tzinfo=timezone(timedelta(hours=-5))), "before 1990"),
        (NOW + timedelta(hours=25), "after the time of reading"),
        (datetime.max.replace(tzinfo=timezone(timedelta(hours=-14))), "after the time"),
        (datetime(9999, 12, 31), "after the time of reading"),  # naive: read as UTC
    ],
)
def test_placeholders_and_far_futures_are_implausible(when: datetime, reason: str) -> None:
    assert reason in implausibility(when, DatesSettings(), NOW)


@pytest.mark.parametrize(
    "when",
    [
        datetime(1990, 1, 1, tzinfo=UTC),
        NOW - timedelta(days=3000),
        NOW + timedelta(hours=23),  # a zone ahead of the reader's, a scheduled post
    ],
)
def test_real_publication_times_are_plausible(when: datetime) -> None:
    assert implausibility(when, DatesSettings(), NOW) is None


def test_limits_come_from_the_dates_section() -> None:
    env = {"EVENTWIRE_DATES__EARLIEST_YEAR": "2000", "EVENTWIRE_DATES__MAX_FUTURE_HOURS": "1"}
    settings = Settings.from_config(load_config(env=env))
    expected = DatesSettings(earliest_year=2000, max_future_hours=1.0)
    assert settings.dates == settings.ingest.dates == settings.clean.dates == expected
    assert Settings.from_config(load_config(env={})).ingest.dates == DatesSettings()


def test_html_placeholder_date_gives_way_to_the_next_source(tmp_path: Path) -> None:
    head = json_ld(datePublished=PLACEHOLDER, dateModified=PLACEHOLDER)
    head += "<meta property='article:published_time' content='2019-11-19T10:00:00Z'>"
    path = tmp_path / "page.html"
    path.write_text(page(head), encoding="utf-8")
    article = cleaned(read_one(path))
    assert article.published == datetime(2019, 11, 19, 10, tzinfo=UTC)
    assert article.updated is None
    notes = implausible_notes(article)
    assert any(
        n.startswith("0001-01-01") and "published" in n and "before 1990" in n for n in notes
    )
    assert any("updated" in n for n in notes)


def test_html_with_only_a_placeholder_date_has_no_such_time(tmp_path: Path) -> None:
    path = tmp_path / "page.html"
    path.write_text(page(json_ld(datePublished=PLACEHOLDER)), encoding="utf-8")
    article = cleaned(read_one(path))
    assert article.published is None or article.published.year >= 1990
    assert implausible_notes(article)


def test_jsonl_fields_are_checked_and_the_page_date_is_used(tmp_path: Path) -> None:
    head = "<meta property='article:published_time' content='2019-11-19T10:00:00Z'>"
    line = {"url": "https://example.com/a", "html": page(head), "published": PLACEHOLDER}
    line["updated"] = "2999-01-01T00:00:00Z"
    path = tmp_path / "feed.jsonl"
    path.write_text(json.dumps(line) + "\n", encoding="utf-8")
    article = cleaned(read_one(path))
    assert article.published == datetime(2019, 11, 19, 10, tzinfo=UTC)
    assert article.updated is None
    notes = implausible_notes(article)
    assert any("published time of the JSONL line" in n and "before 1990" in n for n in notes)
    assert any(n.startswith("2999") and "after the time of reading" in n for n in notes)


@pytest.mark.parametrize(
    ("line", "why"),
    [
        ("Published: 4 May 1985, 09:15 GMT", "before 1990"),
        ("Published: 4 May 2090, 09:15 GMT", "after the time of reading"),
        (" date 1985-05-04 World", "before 1990"),
    ],
)
def test_printed_times_in_the_text_are_checked(line: str, why: str) -> None:
    article = cleaned(make_raw(f"Council approves budget\n{line}\n{BODY}"))
    assert article.published is None
    assert article.paragraphs == (BODY,)  # the line is still metadata, not body
    assert any(why in n for n in implausible_notes(article))


def test_an_implausible_printed_time_does_not_hide_a_real_one() -> None:
    text = f"Council approves budget\nPublished: 4 May 2090, 09:15 GMT\nUpdated: 5 May 2021\n{BODY}"
    article = cleaned(make_raw(text))
    assert article.published == datetime(2021, 5, 5, tzinfo=UTC)


def test_input_metadata_is_checked_again_by_the_cleaner() -> None:
    raw = make_raw(f"Council approves budget\n{BODY}", published=datetime(1, 1, 1, tzinfo=UTC))
    article = cleaned(raw)
    assert article.published is None
    assert any("published time of the input" in n for n in implausible_notes(article))
