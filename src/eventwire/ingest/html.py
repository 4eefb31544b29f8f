"""Main text and metadata of an HTML page, with trafilatura and htmldate."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import datetime

from trafilatura import bare_extraction
from trafilatura.utils import load_html

from eventwire.ingest.context import ArticleFields, ReadContext, make_article
from eventwire.ingest.dates import parse_datetime
from eventwire.ingest.decode import decode_bytes
from eventwire.ingest.errors import MALFORMED_HTML, NO_TEXT, IngestProblem
from eventwire.ingest.settings import IngestSettings
from eventwire.model import InputFile

# What a page looks like at its start: optional comments, then a doctype or <html>.
HTML_START = re.compile(
    r"\A\s*(?:<\?xml[^>]*>\s*)?(?:<!--.*?-->\s*)*<(?:!doctype\s+html|html[\s>])", re.I | re.S
)
HTML_SNIFF_CHARS = 4096
# htmldate output: the time and UTC offset when the page gives them (else 00:00:00, no offset).
HTMLDATE_FORMAT = "%Y-%m-%dT%H:%M:%S%z"
FORMAT_HTML = "html"


@dataclass(frozen=True)
class ExtractedPage:
    """What an HTML page holds for eventwire."""

    text: str  # main text, one paragraph per line
    title: str | None
    url: str | None
    published: datetime | None


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
    document = bare_extraction(
        tree,
        url=url,
        with_metadata=True,
        include_comments=False,
        include_tables=settings.include_tables,
        favor_precision=settings.favor_precision,
        favor_recall=settings.favor_recall,
        date_extraction_params={
            "original_date": True,
            "extensive_search": True,
            "outputformat": HTMLDATE_FORMAT,
        },
    )
    text = clean_text(document.text if document is not None else None)
    if not text:
        raise IngestProblem(NO_TEXT, "no main text found in the HTML page")
    return ExtractedPage(
        text=text,
        title=" ".join((document.title or "").split()) or None,
        url=clean_text(document.url) or url,
        published=parse_datetime(document.date),
    )


def clean_text(value: str | None) -> str:
    """``value`` with blank lines and surrounding white space dropped."""
    if not value:
        return ""
    return "\n".join(line.strip() for line in value.splitlines() if line.strip())


def read_html(data: bytes, context: ReadContext) -> InputFile:
    """One article from an HTML page's bytes (raises IngestProblem when there is none)."""
    return read_decoded_html(decode_bytes(data, context.settings.max_control_share), context)


def read_decoded_html(html: str, context: ReadContext) -> InputFile:
    """One article from an already decoded HTML page."""
    page = extract_page(html, context.settings)
    fields = ArticleFields(
        raw=html,
        text=page.text,
        format=FORMAT_HTML,
        url=page.url,
        title=page.title,
        published=page.published,
    )
    return InputFile(origin=context.origin, articles=(make_article(fields, context),))
