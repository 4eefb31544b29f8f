"""Title, publication/update dates, authors and URL as an HTML page states them.

Read from the page's own metadata, in this order (first found wins):

* title: ``og:title``, JSON-LD ``headline``, ``twitter:title``, the first ``<h1>``, then
  ``<title>`` with a trailing `` | Site`` cut;
* published: JSON-LD ``datePublished``, the date metas in ``PUBLISHED_METAS``, a
  ``<time itemprop=datePublished|pubdate>``, then htmldate's quick search;
* updated: JSON-LD ``dateModified``, then ``UPDATED_METAS``;
* authors: JSON-LD ``author`` names, then ``AUTHOR_METAS`` (web addresses skipped);
* url: ``<link rel=canonical>``, then ``og:url`` (host lower-cased).

Dates keep the page's UTC offset when it states one (see ``eventwire.ingest.dates``).
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from datetime import datetime
from urllib.parse import urlsplit, urlunsplit

from htmldate import find_date
from lxml.html import HtmlElement

from eventwire.ingest.dates import parse_datetime

PUBLISHED_METAS = (
    "article:published_time",
    "og:article:published_time",
    "datepublished",
    "publishdate",
    "publish-date",
    "pubdate",
    "sailthru.date",
    "parsely-pub-date",
    "dc.date.issued",
    "dc.date",
    "date",
)
UPDATED_METAS = ("article:modified_time", "og:updated_time", "datemodified", "dc.date.modified")
AUTHOR_METAS = ("author", "article:author", "sailthru.author", "parsely-author", "dc.creator")
TITLE_METAS = ("og:title", "twitter:title")
# A page <title>'s trailing site name: "Headline | Site", "Headline - Site".
TITLE_SITE_SUFFIX = re.compile(r"\s+[|\u2013\u2014-]\s+[^|\u2013\u2014-]{1,60}$")
SPACES = re.compile(r"\s+")
HTMLDATE_FORMAT = "%Y-%m-%dT%H:%M:%S%z"
LD_XPATH = "//script[@type='application/ld+json']"
TIME_XPATH = "//time[@datetime][@itemprop='datePublished' or @pubdate]/@datetime"


@dataclass(frozen=True)
class PageMetadata:
    """What the page states about itself."""

    title: str | None = None
    published: datetime | None = None
    updated: datetime | None = None
    authors: tuple[str, ...] = ()
    url: str | None = None


def read_page_metadata(tree: HtmlElement) -> PageMetadata:
    """The page's stated title, dates, authors and URL (None/() when it states none)."""
    metas = read_metas(tree)
    ld = read_json_ld(tree)
    return PageMetadata(
        title=choose_title(tree, metas, ld),
        published=choose_published(tree, metas, ld),
        updated=first_date([ld.get("dateModified"), *map(metas.get, UPDATED_METAS)]),
        authors=choose_authors(metas, ld),
        url=choose_url(tree, metas),
    )


def read_metas(tree: HtmlElement) -> dict[str, list[str]]:
    """Lower-cased ``<meta>`` name/property/itemprop -> every non-empty content, in order."""
    metas: dict[str, list[str]] = {}
    for meta in tree.iterfind(".//meta[@content]"):
        key = (meta.get("property") or meta.get("name") or meta.get("itemprop") or "").lower()
        value = collapse(meta.get("content"))
        if key and value:
            metas.setdefault(key.strip(), []).append(value)
    return metas


def read_json_ld(tree: HtmlElement) -> dict:
    """The first JSON-LD object that carries a headline or a publication date."""
    for script in tree.xpath(LD_XPATH):
        try:
            data = json.loads(script.text_content())
        except (json.JSONDecodeError, TypeError, ValueError):
            continue
        for item in flatten_ld(data):
            if item.get("datePublished") or item.get("headline"):
                return item
    return {}


def flatten_ld(data: object) -> list[dict]:
    """Every object in a JSON-LD value, lists and ``@graph`` flattened."""
    if isinstance(data, list):
        return [obj for item in data for obj in flatten_ld(item)]
    if isinstance(data, dict):
        return [data, *flatten_ld(data.get("@graph", []))]
    return []


def choose_title(tree: HtmlElement, metas: dict[str, list[str]], ld: dict) -> str | None:
    """og:title, JSON-LD headline, twitter:title, first <h1>, then <title> minus the site."""
    h1 = tree.find(".//h1")
    candidates = [
        first(metas.get("og:title")),
        ld.get("headline"),
        first(metas.get("twitter:title")),
        h1.text_content() if h1 is not None else None,
    ]
    for candidate in candidates:
        if collapse(candidate):
            return collapse(candidate)
    page_title = tree.findtext(".//title")
    return TITLE_SITE_SUFFIX.sub("", collapse(page_title)) or None


def choose_published(tree: HtmlElement, metas: dict[str, list[str]], ld: dict) -> datetime | None:
    """JSON-LD datePublished, date metas, <time> markup, then htmldate's quick search."""
    stated = [ld.get("datePublished"), *(first(metas.get(m)) for m in PUBLISHED_METAS)]
    found = first_date(stated + tree.xpath(TIME_XPATH))
    if found is not None:
        return found
    guessed = find_date(
        tree, extensive_search=False, original_date=True, outputformat=HTMLDATE_FORMAT
    )
    return parse_datetime(guessed)


def choose_authors(metas: dict[str, list[str]], ld: dict) -> tuple[str, ...]:
    """JSON-LD author names, else author metas; web addresses and repeats dropped."""
    names = ld_names(ld.get("author"))
    if not names:
        names = [v for m in AUTHOR_METAS for v in metas.get(m, [])]
    kept: list[str] = []
    for name in names:
        if "://" not in name and not name.startswith("@") and name not in kept:
            kept.append(name)
    return tuple(kept)


def choose_url(tree: HtmlElement, metas: dict[str, list[str]]) -> str | None:
    """The canonical link, else og:url (absolute web addresses only)."""
    for href in [*tree.xpath("//link[@rel='canonical']/@href"), first(metas.get("og:url"))]:
        if href and href.strip().startswith(("http://", "https://")):
            parts = urlsplit(href.strip())
            return urlunsplit(parts._replace(netloc=parts.netloc.lower()))
    return None


def ld_names(value: object) -> list[str]:
    """Names in a JSON-LD author value (a string, an object or a list of them)."""
    if isinstance(value, list):
        return [name for item in value for name in ld_names(item)]
    if isinstance(value, dict):
        value = value.get("name")
    name = collapse(value)
    return [name] if name else []


def first_date(values: list[object]) -> datetime | None:
    """The first value that parses as a date."""
    for value in values:
        parsed = parse_datetime(value) if isinstance(value, str) else None
        if parsed is not None:
            return parsed
    return None


def first(values: list[str] | None) -> str | None:
    """The first of ``values``, or None."""
    return values[0] if values else None


def collapse(value: object) -> str:
    """White space collapsed; '' for anything but a string."""
    return SPACES.sub(" ", value).strip() if isinstance(value, str) else ""
