"""Drop paragraphs that repeat earlier ones (rule ``repeated-paragraph``).

A block is a repeat when, after Unicode/case normalisation, it equals an earlier block, its
words occur contiguously inside one earlier paragraph (this also catches pull quotes shown
as headings), or each of its sentences occurs inside some earlier paragraph. Containment
needs ``min_contained_words`` words, so short real sentences that happen to recur inside
a longer one are kept.
"""

from __future__ import annotations

from eventwire.clean.items import Item
from eventwire.clean.sentences import split_sentences
from eventwire.clean.settings import CleanSettings
from eventwire.model import BLOCK_PARAGRAPH, CleaningNote
from eventwire.textnorm import comparison_words

PREVIEW_CHARS = 60


def drop_repeated_blocks(
    items: list[Item], settings: CleanSettings
) -> tuple[list[Item], list[CleaningNote]]:
    """Keep the first occurrence of every block; drop exact and contained repeats."""
    kept: list[Item] = []
    notes: list[CleaningNote] = []
    for item in items:
        reason = find_repeat_reason(item, kept, settings)
        if reason:
            notes.append(item.note("repeated-paragraph", reason))
        else:
            kept.append(item)
    return kept, notes


def find_repeat_reason(item: Item, earlier: list[Item], settings: CleanSettings) -> str | None:
    """Why ``item`` repeats one of ``earlier`` blocks, or None."""
    words = _joined(item.text)
    if not words:
        return None
    for other in earlier:
        if _joined(other.text) == words:
            return f"repeats line {other.line} ({_preview(other.text)})"
    if len(words.split()) < settings.min_contained_words:
        return None
    paragraphs = [other for other in earlier if other.kind == BLOCK_PARAGRAPH]
    for other in paragraphs:
        if f" {words} " in f" {_joined(other.text)} ":
            return f"contained in line {other.line} ({_preview(other.text)})"
    return find_sentence_cover(item.text, paragraphs) if item.kind == BLOCK_PARAGRAPH else None


def find_sentence_cover(text: str, paragraphs: list[Item]) -> str | None:
    """Reason when every sentence of ``text`` occurs in earlier paragraphs, else None."""
    sentences = [_joined(s) for s in split_sentences(text)]
    if len(sentences) < 2:
        return None
    bodies = [(other.line, f" {_joined(other.text)} ") for other in paragraphs]
    lines = []
    for sentence in sentences:
        found = [line for line, body in bodies if f" {sentence} " in body]
        if not found:
            return None
        lines.append(found[0])
    listed = ", ".join(str(n) for n in sorted(set(lines)))
    return f"every sentence already occurs in line(s) {listed}"


def _joined(text: str) -> str:
    return " ".join(comparison_words(text))


def _preview(text: str) -> str:
    return text if len(text) <= PREVIEW_CHARS else text[: PREVIEW_CHARS - 1] + "…"
