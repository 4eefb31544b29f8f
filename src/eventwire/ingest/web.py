"""A page fetched from the web, read like any other HTML input (live fetching's way in)."""

from __future__ import annotations

from pathlib import Path
from urllib.parse import urlsplit

from eventwire.ingest.context import ReadContext
from eventwire.ingest.errors import IngestProblem
from eventwire.ingest.html import PageHints, looks_like_html, page_article
from eventwire.ingest.settings import IngestSettings
from eventwire.ingest.warc import NOT_HTML, decode_page_text
from eventwire.model import InputFile


def read_web_page(
    content: bytes,
    settings: IngestSettings,
    origin: str,
    hints: PageHints,
    charset: str | None = None,
    typed: bool = True,
) -> InputFile:
    """One article (or the rejection saying why there is none) from a fetched page's body.

    Args:
        content: The response body.
        settings: Ingest settings.
        origin: The URL asked for: it names the InputFile and its records.
        hints: ``url`` is the page's final URL (after redirects); a feed item's title and date
            fill in what the page lacks; ``source`` names the outlet.
        charset: The charset the response declared, tried first.
        typed: Whether the response declared a content type (an untyped body must look like
            HTML).
    """
    site = Path(urlsplit(hints.url or origin).netloc)
    try:
        html, encoding = decode_page_text(content, charset, settings.max_control_share)
        context = ReadContext(site, origin, None, settings, encoding=encoding)
        if not typed and not looks_like_html(html):
            raise IngestProblem(NOT_HTML, "response without a content type that is not HTML")
        article = page_article(html, context, hints, origin=origin)
    except IngestProblem as problem:
        return InputFile(origin, rejections=(problem.to_rejection(origin),))
    return InputFile(origin, articles=(article,))
