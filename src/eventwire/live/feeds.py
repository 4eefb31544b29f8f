"""The feeds file, and the items of RSS/Atom feeds (feedparser) and news sitemaps (lxml)."""

from __future__ import annotations

import calendar
import tomllib
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any
from urllib.parse import urljoin, urlsplit

import feedparser
from lxml import etree

from eventwire.ingest import parse_datetime

SITEMAP_SNIFF_BYTES = 4096
URLSET, SITEMAP_INDEX = b"<urlset", b"<sitemapindex"
NEWS_NS = "http://www.google.com/schemas/sitemap-news/0.9"
SCHEMES = frozenset({"http", "https"})


class FeedError(Exception):
    """A feed that cannot be read at all (its items are not known)."""


@dataclass(frozen=True)
class FeedConfig:
    """One feed to watch, from the feeds file."""

    url: str
    name: str | None = None  # the outlet's name for its articles (default: the page's domain)


@dataclass(frozen=True)
class FeedItem:
    """One article a feed lists."""

    url: str
    title: str | None = None
    published: datetime | None = None  # the feed's date: the fallback publication date


@dataclass(frozen=True)
class ParsedFeed:
    """A feed's usable items, and how many items were unusable (no link, a bad link)."""

    items: tuple[FeedItem, ...]
    broken: int = 0
    sitemaps: tuple[str, ...] = ()  # a sitemap index's child sitemaps, newest first


def load_feeds(path: Path) -> list[FeedConfig]:
    """The feeds of a TOML file: ``[[feeds]]`` tables with ``url`` (and optional ``name``).

    Raises ValueError with a readable message when the file is not usable.
    """
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except (OSError, tomllib.TOMLDecodeError) as error:
        raise ValueError(f"cannot read feeds file {path}: {error}") from None
    entries = data.get("feeds")
    if not isinstance(entries, list) or not entries:
        raise ValueError(f"{path}: no [[feeds]] entries (each needs a url)")
    return [feed_config(entry, path) for entry in entries]


def feed_config(entry: Any, path: Path) -> FeedConfig:
    """One ``[[feeds]]`` entry (a table with ``url``, or just a URL string)."""
    if isinstance(entry, str):
        entry = {"url": entry}
    url = entry.get("url") if isinstance(entry, dict) else None
    if not isinstance(url, str) or not is_web_url(url.strip()):
        raise ValueError(f"{path}: feed entry without an http(s) url: {entry!r}")
    unknown = set(entry) - {"url", "name"}
    if unknown:
        raise ValueError(f"{path}: unknown key(s) in a feed entry: {', '.join(sorted(unknown))}")
    name = entry.get("name")
    return FeedConfig(url=url.strip(), name=name.strip() if isinstance(name, str) else None)


def is_web_url(url: str) -> bool:
    """Whether ``url`` is an absolute http(s) URL."""
    try:
        parts = urlsplit(url)
    except ValueError:
        return False
    return parts.scheme.lower() in SCHEMES and bool(parts.netloc)


def parse_feed(content: bytes, feed_url: str) -> ParsedFeed:
    """Items of an RSS/Atom feed or a news sitemap; raises FeedError when it is neither."""
    head = content[:SITEMAP_SNIFF_BYTES]
    if SITEMAP_INDEX in head:
        return parse_sitemap_index(content, feed_url)
    if URLSET in head:
        return parse_sitemap(content, feed_url)
    return parse_syndication(content, feed_url)


def parse_syndication(content: bytes, feed_url: str) -> ParsedFeed:
    """Items of an RSS or Atom feed (feedparser is lenient: a broken item spoils only itself)."""
    parsed = feedparser.parse(content)
    if not parsed.get("version") and not parsed.entries:
        problem = parsed.get("bozo_exception") or "no RSS or Atom content"
        raise FeedError(f"not a feed: {problem}")
    items, broken = [], 0
    for entry in parsed.entries:
        url = absolute_url(entry.get("link"), feed_url)
        if url is None:
            broken += 1
            continue
        title = " ".join((entry.get("title") or "").split()) or None
        published = struct_to_datetime(entry.get("published_parsed") or entry.get("updated_parsed"))
        items.append(FeedItem(url=url, title=title, published=published))
    return ParsedFeed(items=tuple(items), broken=broken)


def parse_sitemap_index(content: bytes, feed_url: str) -> ParsedFeed:
    """A sitemap index: no items, its child sitemaps newest first (by ``lastmod``; when
    undated, the last listed first, as indexes usually append new sitemaps)."""
    root = parse_xml(content)
    children, broken = [], 0
    for position, node in enumerate(root.iter("{*}sitemap")):
        url = absolute_url(child_text(node, "{*}loc"), feed_url)
        if url is None:
            broken += 1
            continue
        modified = parse_datetime(child_text(node, "{*}lastmod") or "")
        children.append((modified or datetime.min.replace(tzinfo=UTC), position, url))
    if not children and not broken:
        raise FeedError("empty sitemap index: no <sitemap><loc> entries")
    newest_first = sorted(children, key=lambda child: (child[0], child[1]), reverse=True)
    return ParsedFeed(items=(), broken=broken, sitemaps=tuple(url for *_, url in newest_first))


def parse_xml(content: bytes) -> etree._Element:
    """The root of an XML document read safely (no entities, no network); FeedError if none."""
    parser = etree.XMLParser(resolve_entities=False, no_network=True, recover=True)
    try:
        root = etree.fromstring(content, parser=parser)
    except etree.XMLSyntaxError as error:
        raise FeedError(f"malformed sitemap: {error}") from None
    if root is None:
        raise FeedError("malformed sitemap: no XML content")
    return root


def parse_sitemap(content: bytes, feed_url: str) -> ParsedFeed:
    """Items of a (news) sitemap: ``<url><loc>`` with ``news:publication_date`` or lastmod."""
    root = parse_xml(content)
    items, broken = [], 0
    for node in root.iter("{*}url"):
        url = absolute_url(child_text(node, "{*}loc"), feed_url)
        if url is None:
            broken += 1
            continue
        date = child_text(node, f"{{{NEWS_NS}}}news/{{*}}publication_date")
        title = child_text(node, f"{{{NEWS_NS}}}news/{{*}}title")
        published = parse_datetime(date or child_text(node, "{*}lastmod") or "")
        items.append(FeedItem(url=url, title=title, published=published))
    return ParsedFeed(items=tuple(items), broken=broken)


def child_text(node: etree._Element, path: str) -> str | None:
    """The stripped text at ``path`` under ``node``, or None."""
    found = node.find(path)
    text = found.text.strip() if found is not None and found.text else ""
    return text or None


def absolute_url(link: str | None, base: str) -> str | None:
    """``link`` made absolute against ``base``; None unless it is an http(s) URL."""
    if not link or not link.strip():
        return None
    url = urljoin(base, link.strip()).split("#")[0]
    return url if is_web_url(url) else None


def struct_to_datetime(value: Any) -> datetime | None:
    """feedparser's UTC ``time.struct_time`` as a tz-aware datetime."""
    if value is None:
        return None
    try:
        return datetime.fromtimestamp(calendar.timegm(value), tz=UTC)
    except (TypeError, ValueError, OverflowError):
        return None
