"""Drop paragraphs that repeat earlier ones (rule ``repeated-paragraph``).

A block is a repeat when, after Unicode/case normalisation, it equals an earlier block, its
words occur contiguously inside one earlier paragraph (this also catches pull quotes shown
as headings), or each of its sentences occurs inside some earlier paragraph. Containment
needs ``min_contained_words`` words, so short real sentences that happen to recur inside
a longer one are kept.
"""

from __future__ import annotations

from dataclasses import dataclass

from eventwire.clean.items import Item
from eventwire.clean.sentences import split_sentences
from eventwire.clean.settings import CleanSettings
from eventwire.model import BLOCK_PARAGRAPH, CleaningNote
from eventwire.textnorm import comparison_words

PREVIEW_CHARS = 60


@dataclass(frozen=True)
class _Seen:
    """A kept block with its normalised words, computed once."""

    item: Item
    words: str

    @property
    def padded(self) -> str:
        return f" {self.words} "


def drop_repeated_blocks(
    items: list[Item], settings: CleanSettings
) -> tuple[list[Item], list[CleaningNote]]:
    """Keep the first occurrence of every block; drop exact and contained repeats."""
    kept: list[_Seen] = []
    notes: list[CleaningNote] = []
    for item in items:
        seen = _Seen(item, _joined(item.text))
        reason = find_repeat_reason(seen, kept, settings)
        if reason:
            notes.append(item.note("repeated-paragraph", reason))
        else:
            kept.append(seen)
    return [seen.item for seen in kept], notes


def find_repeat_reason(block: _Seen, earlier: list[_Seen], settings: CleanSettings) -> str | None:
    """Why ``block`` repeats one of ``earlier`` blocks, or None."""
    if not block.words:
        return None
    for other in earlier:
        if other.words == block.words:
            return f"repeats line {other.item.line} ({_preview(other.item.text)})"
    if len(block.words.split()) < settings.min_contained_words:
        return None
    paragraphs = [other for other in earlier if other.item.kind == BLOCK_PARAGRAPH]
    for other in paragraphs:
        if block.padded in other.padded:
            return f"contained in line {other.item.line} ({_preview(other.item.text)})"
    if block.item.kind != BLOCK_PARAGRAPH:
        return None
    return find_sentence_cover(block.item.text, paragraphs)


def find_sentence_cover(text: str, paragraphs: list[_Seen]) -> str | None:
    """Reason when every sentence of ``text`` occurs in earlier paragraphs, else None."""
    sentences = [_joined(s) for s in split_sentences(text)]
    if len(sentences) < 2:
        return None
    lines = []
    for sentence in sentences:
        found = [other.item.line for other in paragraphs if f" {sentence} " in other.padded]
        if not found:
            return None
        lines.append(found[0])
    listed = ", ".join(str(n) for n in sorted(set(lines)))
    return f"every sentence already occurs in line(s) {listed}"


def _joined(text: str) -> str:
    return " ".join(comparison_words(text))


def _preview(text: str) -> str:
    return text if len(text) <= PREVIEW_CHARS else text[: PREVIEW_CHARS - 1] + "…"
