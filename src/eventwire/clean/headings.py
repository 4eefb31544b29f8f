"""Mark short unpunctuated title- or sentence-cased body lines as headings (rule ``heading``)."""

from __future__ import annotations

from eventwire.clean.items import Item
from eventwire.clean.patterns import HEADING_FINAL_PUNCTUATION, QUOTE_CHARS
from eventwire.clean.settings import CleanSettings
from eventwire.model import BLOCK_HEADING, CleaningNote


def mark_headings(
    items: list[Item], settings: CleanSettings
) -> tuple[list[Item], list[CleaningNote]]:
    """Give heading-shaped lines the block kind ``heading`` (their text is unchanged)."""
    kept, notes = [], []
    for item in items:
        if is_heading(item.text, settings):
            item = item.with_kind(BLOCK_HEADING)
            detail = f"short line (<= {settings.max_heading_words} words) without final punctuation"
            notes.append(item.note("heading", detail))
        kept.append(item)
    return kept, notes


def is_heading(text: str, settings: CleanSettings) -> bool:
    """Short, starts with a capital (title or sentence case), not a quote, no final punctuation."""
    words = text.split()
    if not words or len(words) > settings.max_heading_words:
        return False
    if text[-1] in HEADING_FINAL_PUNCTUATION or text[0] in QUOTE_CHARS:
        return False
    return text[0].isupper() or text[0].isdigit()
