"""The JSON objects the API serves, built from the query layer's records."""

from __future__ import annotations

from typing import Any

from eventwire.events.tables import cameo_name
from eventwire.model import Event, StoryDetail, StoryView
from eventwire.service import Queries

LEAD_CHARS = 600  # the summary's lead passage is cut near this length


def story_item(story: StoryView) -> dict[str, Any]:
    """A story in a list: its fields, articles, distinct ``outlets`` and their count."""
    outlets = list(story.sources)
    originals = {a.source for a in story.articles if a.copy_of is None}
    return {
        **story.as_dict(),
        "outlets": outlets,
        "outlet_count": len(outlets),
        "independent_outlets": len(originals),
    }


def event_item(event: Event) -> dict[str, Any]:
    """An event in a list: its JSON shape plus ``cameo_name`` (CAMEO's name of its code)."""
    return {**event.as_dict(), "cameo_name": cameo_name(event.cameo)}


def story_document(queries: Queries, detail: StoryDetail) -> dict[str, Any]:
    """A story in full: articles, actors, events, facts, summary and overview (lead, outlets)."""
    document = {**detail.as_dict(), **story_item(detail.story)}
    document["overview"] = story_overview(queries, detail.story)
    return document


def story_overview(queries: Queries, story: StoryView) -> dict[str, Any]:
    """The lead of the earliest original article, and outlets with their article counts."""
    counts: dict[str, int] = {}
    for article in story.articles:
        counts[article.source] = counts.get(article.source, 0) + 1
    first = next((a for a in story.articles if a.copy_of is None), None)
    lead = ""
    if first is not None:
        text = queries.article(first.id).article.text
        lead = _cut(text.split("\n\n", 1)[0], LEAD_CHARS)
    return {
        "lead": lead,
        "lead_article_id": first.id if first else None,
        "outlets": [{"name": name, "articles": n} for name, n in counts.items()],
    }


def _cut(text: str, limit: int) -> str:
    if len(text) <= limit:
        return text
    return text[:limit].rsplit(" ", 1)[0] + " …"
