"""A fetched page to an InputFile, through ingest's one reader of web pages."""

from __future__ import annotations

from eventwire.ingest import IngestSettings, PageHints, read_web_page
from eventwire.live.feeds import FeedItem
from eventwire.live.fetcher import Response
from eventwire.model import InputFile


def page_input(
    response: Response,
    settings: IngestSettings,
    item: FeedItem | None = None,
    source: str | None = None,
) -> InputFile:
    """One article from a fetched page (the feed item's title and date fill in what it lacks).

    The InputFile is named by the URL asked for; the article's URL is the final one.
    """
    hints = PageHints(
        url=response.final_url,
        title=item.title if item else None,
        published=item.published if item else None,
        source=source,
    )
    return read_web_page(
        response.content,
        settings,
        origin=response.url,
        hints=hints,
        charset=response.charset,
        typed=bool(response.content_type),
    )
