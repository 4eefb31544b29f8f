"""A fetched page to an InputFile, through the HTML reader (trafilatura and htmldate)."""

from __future__ import annotations

from pathlib import Path
from urllib.parse import urlsplit

from eventwire.ingest.context import ArticleFields, ReadContext, make_article
from eventwire.ingest.errors import IngestProblem
from eventwire.ingest.html import FORMAT_HTML, extract_page, looks_like_html
from eventwire.ingest.settings import IngestSettings
from eventwire.ingest.warc import NOT_HTML, decode_page
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
    origin = response.url
    context = ReadContext(Path(urlsplit(response.final_url).netloc), origin, None, settings)
    try:
        html = decode_page(response.content, response.charset, settings.max_control_share)
        if not response.content_type and not looks_like_html(html):
            raise IngestProblem(NOT_HTML, "response without a content type that is not HTML")
        page = extract_page(html, settings, url=response.final_url)
    except IngestProblem as problem:
        return InputFile(origin, rejections=(problem.to_rejection(origin),))
    fields = ArticleFields(
        raw=html,
        text=page.text,
        format=FORMAT_HTML,
        url=response.final_url,
        title=page.title or (item.title if item else None),
        published=page.published or (item.published if item else None),
        updated=page.updated,
        declared_source=source,
        authors=page.authors,
        notes=page.notes,
    )
    return InputFile(origin, articles=(make_article(fields, context, origin=origin),))
