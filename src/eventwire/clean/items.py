"""The unit the cleaning rules pass along: one line of the input text."""

from __future__ import annotations

from dataclasses import dataclass, replace

from eventwire.model import BLOCK_PARAGRAPH, CleaningNote


@dataclass(frozen=True)
class Item:
    """A non-empty input line: its 1-based line number, display text and block kind."""

    line: int
    text: str
    kind: str = BLOCK_PARAGRAPH

    def with_text(self, text: str) -> Item:
        """Return a copy with new display text."""
        return replace(self, text=text)

    def with_kind(self, kind: str) -> Item:
        """Return a copy with a new block kind."""
        return replace(self, kind=kind)

    def note(self, rule: str, detail: str) -> CleaningNote:
        """A note that this item was removed or changed by ``rule``."""
        return CleaningNote(rule=rule, text=self.text, detail=detail, line=self.line)


def split_items(text: str) -> list[Item]:
    """Non-empty lines of ``text`` (trimmed), numbered from 1."""
    lines = text.replace("\r\n", "\n").replace("\r", "\n").split("\n")
    return [Item(number, line.strip()) for number, line in enumerate(lines, 1) if line.strip()]
