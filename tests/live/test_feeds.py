"""Feed files and feed parsing: RSS 2.0, Atom, news sitemaps, broken items, non-feeds."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

import pytest
from tests.live.conftest import atom, news_sitemap, rss

from eventwire.live.feeds import FeedConfig, FeedError, load_feeds, parse_feed

BASE = "https://news.example.org"


def test_rss_items_with_links_and_dates() -> None:
    parsed = parse_feed(rss(BASE, [("/a.html", "A"), ("/b.html", "B")]), BASE + "/rss")

    assert [item.url for item in parsed.items] == [BASE + "/a.html", BASE + "/b.html"]
    assert parsed.items[0].title == "A"
    assert parsed.items[0].published == datetime(2024, 3, 5, 10, 0, tzinfo=UTC)
    assert parsed.broken == 0


def test_broken_rss_item_is_counted_and_the_rest_kept() -> None:
    parsed = parse_feed(rss(BASE, [(None, "No link"), ("/ok.html", "Ok")]), BASE + "/rss")

    assert [item.url for item in parsed.items] == [BASE + "/ok.html"]
    assert parsed.broken == 1


def test_atom_entries() -> None:
    parsed = parse_feed(atom(BASE, ["/x.html"]), BASE + "/atom")

    assert [item.url for item in parsed.items] == [BASE + "/x.html"]
    assert parsed.items[0].published == datetime(2024, 3, 5, 11, 0, tzinfo=UTC)


def test_news_sitemap_urls_titles_and_dates() -> None:
    parsed = parse_feed(news_sitemap(BASE, ["/s.html"]), BASE + "/sitemap.xml")

    [item] = parsed.items
    assert item.url == BASE + "/s.html"
    assert item.title == "Sitemap /s.html"
    assert item.published == datetime(2024, 3, 5, 12, 0, tzinfo=UTC)


def test_sitemap_index_lists_its_children_newest_first() -> None:
    index = (
        b'<sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">'
        b"<sitemap><loc>/a.xml</loc><lastmod>2024-03-01</lastmod></sitemap>"
        b"<sitemap><loc>/c.xml</loc><lastmod>2024-03-05T10:00:00+02:00</lastmod></sitemap>"
        b"<sitemap><lastmod>2024-03-06</lastmod></sitemap>"
        b"<sitemap><loc>/b.xml</loc><lastmod>2024-03-03</lastmod></sitemap></sitemapindex>"
    )
    parsed = parse_feed(index, BASE + "/index.xml")
    assert parsed.items == () and parsed.broken == 1
    assert parsed.sitemaps == (BASE + "/c.xml", BASE + "/b.xml", BASE + "/a.xml")


@pytest.mark.parametrize(
    "content",
    [
        b"<html><body><p>a web page</p></body></html>",
        b"\x00\x01\x02 binary",
        b"",
        b'<sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9"></sitemapindex>',
    ],
    ids=["html-page", "binary", "empty", "empty-sitemap-index"],
)
def test_a_non_feed_is_a_feed_error(content: bytes) -> None:
    with pytest.raises(FeedError):
        parse_feed(content, BASE + "/feed")


def test_feeds_file(tmp_path: Path) -> None:
    path = tmp_path / "feeds.toml"
    path.write_text(
        f'[[feeds]]\nurl = "{BASE}/rss"\nname = "Example News"\n\n[[feeds]]\nurl = "{BASE}/atom"\n'
    )

    assert load_feeds(path) == [
        FeedConfig(BASE + "/rss", "Example News"),
        FeedConfig(BASE + "/atom"),
    ]


@pytest.mark.parametrize(
    "text",
    [
        "",
        '[[feeds]]\nurl = "ftp://x.org/feed"\n',
        '[[feeds]]\nurl = "https://x.org"\nzap = 1\n',
        "[",
    ],
    ids=["no-feeds", "not-http", "unknown-key", "bad-toml"],
)
def test_bad_feeds_file_says_why(tmp_path: Path, text: str) -> None:
    path = tmp_path / "feeds.toml"
    path.write_text(text)

    with pytest.raises(ValueError, match="feeds"):
        load_feeds(path)
