"""Drop paragraphs that repeat earlier ones (rule ``repeated-paragraph``).

A block is a repeat when, after Unicode/case normalisation, it equals an earlier block, its
words occur contiguously inside one earlier paragraph (this also catches pull quotes shown
as headings), or each of its sentences occurs inside some earlier paragraph. Containment
needs ``min_contained_words`` words, so short real sentences that happen to recur inside
a longer one are kept. An exact repeat is dropped when it directly follows its copy, quotes
someone (a pull quote), is prose (at least ``min_repeat_words`` words ending like a
sentence), repeats the lead (the first paragraph) and ends like a sentence, or belongs to
a run of sentences repeated in the same order (a quoted post shown again as an embed).
Other lines recur on purpose in lists, tables, menus and interviews ("Meal 2",
"- See it now", "| Pos | Player |", an ingredient list, the same question to each guest).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from eventwire.clean.items import Item
from eventwire.clean.sentences import split_sentences
from eventwire.clean.settings import CleanSettings
from eventwire.model import BLOCK_PARAGRAPH, CleaningNote
from eventwire.textnorm import comparison_words

PREVIEW_CHARS = 60
PROSE_END = re.compile(r"[.!?…]['\"”’»)]*$")
QUOTE_MARKS = ('"', "“", "”", "«", "»", "„")


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
    words = [_joined(item.text) for item in items]
    runs = find_repeated_runs(items, words)
    for index, item in enumerate(items):
        seen = _Seen(item, words[index])
        reason = find_repeat_reason(seen, kept, settings, index in runs)
        if reason:
            notes.append(item.note("repeated-paragraph", reason))
        else:
            kept.append(seen)
    return [seen.item for seen in kept], notes


def find_repeated_runs(items: list[Item], words: list[str] | None = None) -> set[int]:
    """Indexes of sentences that, with a neighbour, repeat two consecutive earlier lines
    (``words``: each item's normalised words, when already known)."""
    words = words if words is not None else [_joined(item.text) for item in items]
    first: dict[str, int] = {}
    for index, value in enumerate(words):
        first.setdefault(value, index)
    runs: set[int] = set()
    for index in range(1, len(items)):
        copy, previous_copy = first[words[index]], first[words[index - 1]]
        repeated = copy < index and previous_copy < index - 1 and copy == previous_copy + 1
        sentences = all(words[i] and PROSE_END.search(items[i].text) for i in (index - 1, index))
        if repeated and sentences:
            runs.update((index - 1, index))
    return runs


def find_repeat_reason(
    block: _Seen, earlier: list[_Seen], settings: CleanSettings, in_run: bool = False
) -> str | None:
    """Why ``block`` repeats one of ``earlier`` blocks, or None (``in_run``: see above)."""
    if not block.words:
        return None
    size = len(block.words.split())
    listed = in_run or is_quote(block.item.text) or is_prose(block, settings)
    lead = next((other for other in earlier if other.item.kind == BLOCK_PARAGRAPH), None)
    sentence = PROSE_END.search(block.item.text) is not None
    for other in earlier:
        again = listed or other is earlier[-1] or (other is lead and sentence)
        if other.words == block.words and again:
            return f"repeats line {other.item.line} ({_preview(other.item.text)})"
    if size < settings.min_contained_words:
        return None
    paragraphs = [other for other in earlier if other.item.kind == BLOCK_PARAGRAPH]
    for other in paragraphs:
        if other.words != block.words and block.padded in other.padded:
            return f"contained in line {other.item.line} ({_preview(other.item.text)})"
    if block.item.kind != BLOCK_PARAGRAPH:
        return None
    return find_sentence_cover(block.item.text, paragraphs)


def is_prose(block: _Seen, settings: CleanSettings) -> bool:
    """Whether the block is a paragraph of prose: long enough and ending like a sentence."""
    long = len(block.words.split()) >= settings.min_repeat_words
    return long and PROSE_END.search(block.item.text) is not None


def is_quote(text: str) -> bool:
    """Whether ``text`` holds a quotation mark (repeated quotes are pull quotes)."""
    return any(mark in text for mark in QUOTE_MARKS)


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
