"""JSON Schemas of the API's answers, derived from the records of ``model.py``.

The OpenAPI document carries them, so it describes what each route returns; the contract test
checks generated requests' answers against them.
"""

from __future__ import annotations

import dataclasses
import types
import typing
from datetime import date, datetime
from typing import Any

from eventwire.model import Actor as ActorRecord
from eventwire.model import (
    ActorPartner,
    ActorStory,
    ArticleView,
    DayCount,
    Event,
    FacetCount,
    FeedState,
    Record,
    SearchHit,
    StoryView,
)

SCALARS: dict[Any, dict[str, Any]] = {
    int: {"type": "integer"},
    float: {"type": "number"},
    str: {"type": "string"},
    bool: {"type": "boolean"},
    datetime: {"type": "string", "format": "date-time"},
    date: {"type": "string", "format": "date"},
}


def type_schema(hint: Any) -> dict[str, Any]:
    """The JSON Schema of one type hint (records nest; Any is anything)."""
    if hint in SCALARS:
        return dict(SCALARS[hint])
    origin = typing.get_origin(hint)
    if origin in (typing.Union, types.UnionType):
        return {"anyOf": [type_schema(arg) for arg in typing.get_args(hint)]}
    if hint is type(None):
        return {"type": "null"}
    if origin in (tuple, list):
        args = [a for a in typing.get_args(hint) if a is not Ellipsis]
        return {"type": "array", "items": type_schema(args[0]) if args else {}}
    if origin is dict or hint is dict:
        return {"type": "object"}
    if isinstance(hint, type) and issubclass(hint, Record):
        return record_schema(hint)
    return {}


def record_schema(cls: type[Record], leave_out: tuple[str, ...] = ()) -> dict[str, Any]:
    """The schema of a record's ``as_dict`` form (every field present)."""
    hints = typing.get_type_hints(cls)
    names = [f.name for f in dataclasses.fields(cls) if f.name not in leave_out]  # type: ignore[arg-type]
    return {
        "type": "object",
        "required": names,
        "properties": {name: type_schema(hints[name]) for name in names},
    }


def with_fields(base: dict[str, Any], **fields: dict[str, Any]) -> dict[str, Any]:
    """``base`` with more required properties."""
    return {
        **base,
        "required": [*base["required"], *fields],
        "properties": {**base["properties"], **fields},
    }


def page_schema(item: dict[str, Any], facets: bool = False) -> dict[str, Any]:
    """A list page: ``items`` and ``next`` (and ``facets`` when asked for)."""
    schema: dict[str, Any] = {
        "type": "object",
        "required": ["items", "next"],
        "properties": {
            "items": {"type": "array", "items": item},
            "next": {"anyOf": [{"type": "string"}, {"type": "null"}]},
        },
    }
    if facets:
        counts = {"type": "array", "items": record_schema(FacetCount)}
        schema["properties"]["facets"] = {"type": "object", "additionalProperties": counts}
    return schema


STRINGS = {"type": "array", "items": {"type": "string"}}
STORY_ITEM = with_fields(
    record_schema(StoryView),
    outlets=STRINGS,
    outlet_count={"type": "integer"},
    independent_outlets={"type": "integer"},
)
STORY = with_fields(
    STORY_ITEM,
    actors={"type": "array", "items": record_schema(ActorRecord)},
    events={"type": "array", "items": {"type": "object"}},
    consolidated_title={"type": "string"},
    summary={"type": "array", "items": {"type": "object"}},
    facts={"type": "array", "items": {"type": "object"}},
    disputes={"type": "array", "items": {"type": "object"}},
    timeline={"type": "array", "items": {"type": "object"}},
    unique_by_source={"type": "array", "items": {"type": "object"}},
    overview={
        "type": "object",
        "required": ["lead", "lead_article_id", "outlets"],
        "properties": {
            "lead": {"type": "string"},
            "lead_article_id": {"anyOf": [{"type": "integer"}, {"type": "null"}]},
            "outlets": {"type": "array", "items": {"type": "object"}},
        },
    },
)
ARTICLE = with_fields(
    record_schema(ArticleView, leave_out=("raw",)),
    text={"type": "string"},
    mentions={"type": "array", "items": {"type": "object"}},
)
ACTOR = with_fields(
    record_schema(ActorRecord),
    stories={"type": "array", "items": record_schema(ActorStory)},
    partners={"type": "array", "items": record_schema(ActorPartner)},
    days={"type": "array", "items": record_schema(DayCount)},
    event_days={"type": "array", "items": record_schema(DayCount)},
)
HEALTH = {
    "type": "object",
    "required": ["ok", "database", "counts"],
    "properties": {
        "ok": {"type": "boolean"},
        "database": {"type": "string"},
        "counts": {"type": "object", "additionalProperties": {"type": "integer"}},
    },
}
STREAMS = {
    "text/csv": {"schema": {"type": "string"}},
    "application/x-ndjson": {"schema": {"type": "string"}},
}
TSV = {"text/tab-separated-values": {"schema": {"type": "string"}}}


def answers(
    schema: dict[str, Any], streams: bool = False, tsv: bool = False
) -> dict[int | str, Any]:
    """The ``responses`` of a route whose 200 answer is ``schema`` (or a streamed export)."""
    content: dict[str, Any] = {"application/json": {"schema": schema}}
    if streams:
        content |= STREAMS
    if tsv:
        content |= TSV
    return {200: {"description": "OK", "content": content}}


EVENT_ITEM = with_fields(
    record_schema(Event, leave_out=("place", "place_country", "added", "url", "evidence")),
    cameo_name={"type": "string"},
    place={
        "anyOf": [
            {
                "type": "object",
                "required": ["name", "country"],
                "properties": {
                    "name": {"type": "string"},
                    "country": {"anyOf": [{"type": "string"}, {"type": "null"}]},
                },
            },
            {"type": "null"},
        ]
    },
    evidence={"type": "array", "items": {"type": "object"}},
)
STORIES_PAGE = page_schema(STORY_ITEM, facets=True)
EVENTS_PAGE = page_schema(EVENT_ITEM, facets=True)
ACTORS_PAGE = page_schema(record_schema(ActorRecord))
SEARCH_PAGE = page_schema(record_schema(SearchHit), facets=True)
FEEDS_PAGE = page_schema(record_schema(FeedState))
