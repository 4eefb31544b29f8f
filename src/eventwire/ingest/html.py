"""Main text and metadata of an HTML page: trafilatura for the text, the page's own metadata.

The page is parsed once; its stated title, dates, authors and URL are read by
``eventwire.ingest.extract_meta``, its main text by trafilatura (see docs/extraction.md).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import datetime

from trafilatura.utils import load_html

from eventwire.ingest.context import ArticleFields, ReadContext, decode_input, make_article
from eventwire.ingest.errors import MALFORMED_HTML, NO_TEXT, IngestProblem
from eventwire.ingest.extract_meta import PageMetadata, read_page_metadata
from eventwire.ingest.extract_text import extract_main_text
from eventwire.ingest.settings import IngestSettings
from eventwire.model import CleaningNote, InputFile, RawArticle

# What a page looks like at its start: optional comments, then a doctype or <html>.
HTML_START = re.compile(
    r"\A\s*(?:<\?xml[^>]*>\s*)?(?:<!--.*?-->\s*)*<(?:!doctype\s+html|html[\s>])", re.I | re.S
)
HTML_SNIFF_CHARS = 4096
FORMAT_HTML = "html"


@dataclass(frozen=True)
class ExtractedPage:
    """What an HTML page holds for eventwire."""

    text: str  # main text, one paragraph per line
    title: str | None
    url: str | None
    published: datetime | None
    updated: datetime | None = None
    authors: tuple[str, ...] = ()
    notes: tuple[CleaningNote, ...] = ()  # stated dates set aside as implausible


def looks_like_html(text: str) -> bool:
    """Whether ``text`` starts like an HTML document (doctype or ``<html>``)."""
    return HTML_START.match(text[:HTML_SNIFF_CHARS]) is not None


def extract_page(html: str, settings: IngestSettings, url: str | None = None) -> ExtractedPage:
    """Extract main text, title, URL and publication date, or raise an IngestProblem.

    Raises ``malformed-html`` when the page does not parse as HTML and ``no-text`` when it
    has no main text.
    """
    tree = load_html(html)
    if tree is None:
        raise IngestProblem(MALFORMED_HTML, "malformed HTML: the page does not parse as HTML")
    meta = read_page_metadata(tree, settings.dates)
    text = extract_main_text(tree, settings, url)
    if not text:
        raise IngestProblem(NO_TEXT, "no main text found in the HTML page")
    return page_from(text, meta, url)


def page_from(text: str, meta: PageMetadata, url: str | None) -> ExtractedPage:
    """An ExtractedPage from the main text and the stated metadata."""
    return ExtractedPage(
        text=text,
        title=meta.title,
        url=meta.url or url,
        published=meta.published,
        updated=meta.updated,
        authors=meta.authors,
        notes=meta.notes,
    )


def clean_text(value: str | None) -> str:
    """``value`` with blank lines and surrounding white space dropped."""
    if not value:
        return ""
    return "\n".join(line.strip() for line in value.splitlines() if line.strip())


def read_html(data: bytes, context: ReadContext) -> InputFile:
    """One article from an HTML page's bytes (raises IngestProblem when there is none)."""
    return read_decoded_html(*decode_input(data, context))


def read_decoded_html(html: str, context: ReadContext) -> InputFile:
    """One article from an already decoded HTML page."""
    return InputFile(origin=context.origin, articles=(page_article(html, context),))


@dataclass(frozen=True)
class PageHints:
    """What is known of a page besides its HTML (from where it was found)."""

    url: str | None = None  # where the page was found: wins over the URL the page states
    title: str | None = None  # a listing's title: used when the page states none
    published: datetime | None = None  # a listing's or crawl's date: used when the page has none
    source: str | None = None  # the outlet the page was found for


def page_article(
    html: str,
    context: ReadContext,
    hints: PageHints = PageHints(),
    origin: str | None = None,
) -> RawArticle:
    """The article of a decoded HTML page: the page's own metadata first, ``hints`` filling
    in what it lacks. The one page -> article builder of files, web archives and fetched
    pages. Raises IngestProblem when the page has no article."""
    page = extract_page(html, context.settings, url=hints.url)
    fields = ArticleFields(
        raw=html,
        text=page.text,
        format=FORMAT_HTML,
        url=hints.url or page.url,
        title=page.title or hints.title,
        published=page.published or hints.published,
        updated=page.updated,
        declared_source=hints.source,
        authors=page.authors,
        notes=page.notes,
    )
    return make_article(fields, context, origin=origin)
