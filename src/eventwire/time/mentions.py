"""DATE/TIME mentions of a story's articles, normalised against publication times."""

from __future__ import annotations

from collections.abc import Iterator, Sequence

from eventwire.model import PART_TITLE, ArticleEntities, Document, Mention, MentionTime
from eventwire.time.normalize import normalize_time, resolve_anchor
from eventwire.time.request import TimeSettings

TIME_LABELS = frozenset({"DATE", "TIME"})
MAX_SPAN_GAP = 2  # characters of white space between a DATE and a TIME span read as one
TIME_CONTEXT_CHARS = 150  # characters either side of a DATE/TIME mention read for its tense


def story_times(
    documents: Sequence[Document], entities: Sequence[ArticleEntities], settings: TimeSettings
) -> list[MentionTime]:
    """DATE/TIME mentions normalised against their article's (or story's) publication time."""
    dates = [d.published for d in documents]
    texts = {d.id: d for d in documents}
    times = []
    for article in entities:
        document = texts[article.article_id]
        anchor, inferred = resolve_anchor(document.published, dates)
        for mention, expression, text in _time_expressions(article.mentions, document):
            context = text[
                max(0, mention.start - TIME_CONTEXT_CHARS) : mention.end + TIME_CONTEXT_CHARS
            ]
            value = normalize_time(expression, anchor, context, settings)
            if value is not None:
                start, end = (d.isoformat() if d else None for d in (value.start, value.end))
                times.append(
                    MentionTime(mention, value.value, start, end, inferred and value.anchored)
                )
    return times


def _time_expressions(
    mentions: Sequence[Mention], document: Document
) -> Iterator[tuple[Mention, str, str]]:
    """(mention, expression, part text) of each DATE/TIME mention.

    The model splits "Tuesday afternoon" into a DATE and a TIME span; adjacent spans are read
    as one expression, and both mentions get its value.
    """
    spans = sorted((m for m in mentions if m.label in TIME_LABELS), key=lambda m: (m.part, m.start))
    for index, mention in enumerate(spans):
        text = document.title if mention.part == PART_TITLE else document.text
        first, last = mention, mention
        if index > 0 and _adjacent(spans[index - 1], mention, text):
            first = spans[index - 1]
        if index + 1 < len(spans) and _adjacent(mention, spans[index + 1], text):
            last = spans[index + 1]
        yield mention, text[first.start : last.end], text


def _adjacent(left: Mention, right: Mention, text: str) -> bool:
    """Whether two spans of one part are separated by white space only."""
    if left.part != right.part or left.end > right.start:
        return False
    gap = text[left.end : right.start]
    return gap.strip() == "" and len(gap) <= MAX_SPAN_GAP
