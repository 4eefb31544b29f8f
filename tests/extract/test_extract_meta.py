"""What a page states about itself: title, dates with their offset, authors, URL."""

from __future__ import annotations

import json
from datetime import UTC, datetime, timedelta, timezone

from trafilatura.utils import load_html

from eventwire.ingest.extract_meta import read_page_metadata
from eventwire.ingest.html import extract_page
from eventwire.ingest.settings import IngestSettings

BODY = "".join(
    f"<p>{s}</p>"
    for s in (
        "The regional council approved the new tram line after a long debate on Monday.",
        "Work on the first section is planned to begin in the spring of next year.",
        "Opponents said the cost estimate was too optimistic and asked for a review.",
    )
)


def page(head: str, body: str = BODY) -> str:
    return f"<!DOCTYPE html><html><head>{head}</head><body><article>{body}</article></body></html>"


def json_ld(data: object) -> str:
    return f"<script type='application/ld+json'>{json.dumps(data)}</script>"


def test_json_ld_gives_headline_dates_with_offset_and_all_authors() -> None:
    data = {
        "@context": "https://schema.org",
        "@graph": [
            {"@type": "WebSite", "name": "Example"},
            {
                "@type": "NewsArticle",
                "headline": "Tram line approved",
                "datePublished": "2024-03-05T14:30:00-05:00",
                "dateModified": "2024-03-06T09:00:00Z",
                "author": [{"@type": "Person", "name": "Ana Ruiz"}, {"name": "Li  Wei"}],
            },
        ],
    }
    meta = read_page_metadata(load_html(page("<title>x | Example</title>" + json_ld(data))))
    assert meta.title == "Tram line approved"
    assert meta.published == datetime(2024, 3, 5, 14, 30, tzinfo=timezone(timedelta(hours=-5)))
    assert meta.published.utcoffset() == timedelta(hours=-5)
    assert meta.updated == datetime(2024, 3, 6, 9, 0, tzinfo=UTC)
    assert meta.authors == ("Ana Ruiz", "Li Wei")


def test_meta_tags_when_there_is_no_json_ld() -> None:
    head = (
        "<meta property='og:title' content='Tram line approved'>"
        "<meta property='article:published_time' content='2024-03-05T14:30:00+01:00'>"
        "<meta property='article:author' content='https://example.com/staff/ana'>"
        "<meta name='author' content='Ana Ruiz'>"
        "<meta property='og:url' content='https://News.Example.com/tram'>"
    )
    meta = read_page_metadata(load_html(page(head)))
    assert meta.title == "Tram line approved"
    assert meta.published.utcoffset() == timedelta(hours=1)
    assert meta.authors == ("Ana Ruiz",)  # the profile URL is not a name
    assert meta.url == "https://news.example.com/tram"


def test_title_falls_back_to_h1_then_page_title_without_site() -> None:
    with_h1 = read_page_metadata(load_html(page("<title>T | Site</title>", "<h1>Big news</h1>")))
    assert with_h1.title == "Big news"
    bare = read_page_metadata(load_html(page("<title>Tram line approved | Example</title>")))
    assert bare.title == "Tram line approved"


def test_page_without_metadata_states_nothing() -> None:
    meta = read_page_metadata(load_html(page("")))
    assert (meta.title, meta.published, meta.authors, meta.url) == (None, None, (), None)


def test_extract_page_carries_authors_and_updated() -> None:
    data = {
        "@type": "NewsArticle",
        "headline": "Tram line approved",
        "datePublished": "2024-03-05",
        "dateModified": "2024-03-07T10:00:00+00:00",
        "author": {"@type": "Person", "name": "Ana Ruiz"},
    }
    extracted = extract_page(page(json_ld(data)), IngestSettings())
    assert extracted.authors == ("Ana Ruiz",)
    assert extracted.published == datetime(2024, 3, 5, tzinfo=UTC)
    assert extracted.updated == datetime(2024, 3, 7, 10, tzinfo=UTC)
    assert "tram line after a long debate" in extracted.text
