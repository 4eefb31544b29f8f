"""Sentence-level helpers: split glued sentences (rule ``glued-sentence``) and sentences."""

from __future__ import annotations

from eventwire.clean.items import Item
from eventwire.clean.patterns import GLUED_SENTENCE, SENTENCE_END, URL_LIKE
from eventwire.model import BLOCK_PARAGRAPH, CleaningNote


def split_glued_sentences(items: list[Item]) -> tuple[list[Item], list[CleaningNote]]:
    """Insert the missing space in 'said.The' (not in U.S., e.g., Node.js, 3.5, web addresses)."""
    kept, notes = [], []
    for item in items:
        fixed, places = unglue(item.text)
        if places and item.kind == BLOCK_PARAGRAPH:
            detail = "space inserted after sentence end: " + ", ".join(places)
            notes.append(item.note("glued-sentence", detail))
            item = item.with_text(fixed)
        kept.append(item)
    return kept, notes


def unglue(text: str) -> tuple[str, list[str]]:
    """Text with glued sentence ends spaced, and the glued spots found ('said.The')."""
    protected = [m.span() for m in URL_LIKE.finditer(text)]
    pieces, places, start = [], [], 0
    for match in GLUED_SENTENCE.finditer(text):
        if any(a <= match.start() < b for a, b in protected):
            continue
        pieces.append(text[start : match.end()])
        places.append(_context(text, match.start(), match.end()))
        start = match.end()
    pieces.append(text[start:])
    return " ".join(pieces), places


def _context(text: str, start: int, end: int) -> str:
    """The glued word pair around a split point, e.g. 'said.The'."""
    left = text.rfind(" ", 0, start) + 1
    right = text.find(" ", end)
    return text[left : right if right >= 0 else len(text)]


def split_sentences(text: str) -> list[str]:
    """Sentences of a paragraph (end punctuation followed by space and a capital/digit)."""
    return [s for s in SENTENCE_END.split(text) if s.strip()]
