"""Builders of stored-article inputs for the store tests."""

from __future__ import annotations

import hashlib
from datetime import datetime

from eventwire.model import (
    BLOCK_HEADING,
    BLOCK_PARAGRAPH,
    Block,
    CleanArticle,
    CleaningNote,
    DuplicateLink,
    ProcessingResult,
    RawArticle,
    StoryAssignment,
)


def make_item(
    key: str,
    *,
    source: str = "outlet-a",
    published: datetime | None = None,
    paragraphs: tuple[str, ...] = ("First paragraph.", "Second paragraph."),
) -> tuple[RawArticle, CleanArticle]:
    """A raw/clean pair whose raw text (and so content hash) is unique to ``key``."""
    title = f"Title {key}"
    raw = f"{title}\n\nBy staff, 10:00\n\n" + "\n".join(paragraphs) + f"\n<!-- {key} -->"
    blocks = (Block(BLOCK_HEADING, "Background"), *(Block(BLOCK_PARAGRAPH, p) for p in paragraphs))
    notes = (
        CleaningNote("timestamp", "By staff, 10:00", "byline with time", 3),
        CleaningNote("repeated-title", title, "same as the title", None),
    )
    raw_article = RawArticle(
        origin=f"/in/{key}.txt",
        source=source,
        raw=raw,
        text=raw,
        format="text",
        content_hash=hashlib.sha256(raw.encode()).hexdigest(),
        url=f"https://example.org/{key}",
        title=title,
        published=published,
    )
    return raw_article, CleanArticle(title, blocks, published=published, notes=notes)


def opened(article_id: int, story_id: int) -> ProcessingResult:
    """The result for an article that opened story ``story_id``."""
    return ProcessingResult(article_id, None, StoryAssignment(article_id, story_id, 0.0, True))


def joined(article_id: int, story_id: int, similarity: float = 0.5) -> ProcessingResult:
    """The result for an original that joined an existing story."""
    assignment = StoryAssignment(article_id, story_id, similarity, False)
    return ProcessingResult(article_id, None, assignment)


def copied(article_id: int, original: int, story_id: int) -> ProcessingResult:
    """The result for an exact copy of ``original`` (a member of the original's story)."""
    link = DuplicateLink(article_id, original, "exact", 1.0)
    return ProcessingResult(article_id, link, StoryAssignment(article_id, story_id, 1.0, False))
