"""Helpers for the facts tests: stories built by hand (made-up text, not the seeds)."""

from __future__ import annotations

from datetime import UTC, datetime

from eventwire.model import Document, FactsInput, LinkedMention, Mention

PUBLISHED = datetime(2026, 3, 2, 9, 0, tzinfo=UTC)


def document(article_id: int, source: str, *paragraphs: str, title: str = "") -> Document:
    """A stored original with these paragraphs."""
    text = "\n\n".join(paragraphs)
    return Document(article_id, source, title or f"Report {article_id}", text, PUBLISHED)


def day_mention(doc: Document, words: str, value: str) -> LinkedMention:
    """A DATE mention of ``words`` in ``doc`` normalised to ``value``."""
    start = doc.text.index(words)
    mention = Mention(doc.id, "body", 0, start, start + len(words), words, "DATE")
    return LinkedMention(mention, time_value=value, time_start=value, time_end=value)


def actor_mention(doc: Document, words: str, key: str, kind: str) -> LinkedMention:
    """A mention of ``words`` in ``doc`` resolved to the actor ``key``."""
    start = doc.text.index(words)
    label = "PERSON" if kind == "person" else "GPE"
    mention = Mention(doc.id, "body", 0, start, start + len(words), words, label)
    return LinkedMention(mention, actor_key=key, actor_type=kind)


def story(*documents: Document, mentions: tuple[LinkedMention, ...] = (), copies=()) -> FactsInput:
    """A story of these documents."""
    return FactsInput(7, tuple(documents), mentions, tuple(copies))
