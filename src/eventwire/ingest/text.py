"""Plain-text articles as scraped: the cleaner derives title and date from the text."""

from __future__ import annotations

from eventwire.ingest.context import ArticleFields, ReadContext, make_article
from eventwire.ingest.decode import decode_bytes
from eventwire.model import InputFile

FORMAT_TEXT = "text"


def read_text(data: bytes, context: ReadContext) -> InputFile:
    """One text article from a file's bytes (raises IngestProblem when there is none)."""
    text = decode_bytes(data, context.settings.max_control_share)
    return read_decoded_text(text, context)


def read_decoded_text(text: str, context: ReadContext) -> InputFile:
    """One text article from already decoded text."""
    fields = ArticleFields(raw=text, text=text, format=FORMAT_TEXT)
    return InputFile(origin=context.origin, articles=(make_article(fields, context),))
