"""Plain-text articles as scraped: the cleaner derives title and date from the text."""

from __future__ import annotations

from eventwire.ingest.context import ArticleFields, ReadContext, decode_input, make_article
from eventwire.model import InputFile

FORMAT_TEXT = "text"


def read_text(data: bytes, context: ReadContext) -> InputFile:
    """One text article from a file's bytes (raises IngestProblem when there is none)."""
    return read_decoded_text(*decode_input(data, context))


def read_decoded_text(text: str, context: ReadContext) -> InputFile:
    """One text article from already decoded text."""
    fields = ArticleFields(raw=text, text=text, format=FORMAT_TEXT)
    return InputFile(origin=context.origin, articles=(make_article(fields, context),))
