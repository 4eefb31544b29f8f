"""Read routes: thin calls into the query layer (``eventwire.service``)."""

from __future__ import annotations

from typing import Annotated, Any, Literal

from fastapi import APIRouter, Depends, Path, Query, Request
from fastapi.responses import Response

from eventwire.api import schemas
from eventwire.api.documents import event_item, story_document, story_item
from eventwire.api.exports import stream_export, stream_rows
from eventwire.events.export import tsv_lines
from eventwire.service import MAX_LIMIT, MAX_QUERY_CHARS, Queries, event_filter, story_filter

router = APIRouter(prefix="/api")
DEFAULT_LIMIT = 50

Limit = Annotated[int, Query(ge=1, le=MAX_LIMIT, description="Items per page.")]
Cursor = Annotated[
    str | None, Query(max_length=400, description="The `next` cursor of the previous page.")
]
Format = Annotated[
    Literal["json", "csv", "ndjson"],
    Query(description="json: one page; csv or ndjson: every item from the cursor on, streamed."),
]
Text = Annotated[str | None, Query(max_length=MAX_QUERY_CHARS)]
Facet = Literal["outlet", "country", "actor"]
EventFacet = Literal["country", "root", "plover", "actor"]
Country = Annotated[str | None, Query(max_length=3, description="ISO 3166-1 alpha-3")]
Moment = Annotated[str | None, Query(max_length=40, description="ISO 8601 date or time")]


def queries(request: Request) -> Queries:
    """The app's query layer."""
    return request.app.state.queries


Q = Annotated[Queries, Depends(queries)]


def facets_json(found: dict[str, Any]) -> dict[str, list[dict[str, Any]]]:
    """Facet counts as JSON: per facet, its values with their counts."""
    return {name: [value.as_dict() for value in values] for name, values in found.items()}


def page_json(page: Any, form: Any = None, **extra: Any) -> dict[str, Any]:
    """The list shape ``{"items": [...], "next": cursor-or-null}`` (plus ``extra`` keys)."""
    form = form or (lambda item: item.as_dict())
    return {"items": [form(item) for item in page.items], "next": page.next, **extra}


@router.get("/health", summary="Liveness and row counts", responses=schemas.answers(schemas.HEALTH))
def health(request: Request) -> dict[str, Any]:
    """The database's dialect and its numbers of articles, stories, ... ."""
    repo = request.app.state.queries.repo
    return {"ok": True, "database": repo.ping(), "counts": repo.counts()}


@router.get(
    "/stories",
    summary="Stories, filtered and paged",
    response_model=None,
    responses=schemas.answers(schemas.STORIES_PAGE, streams=True),
)
def list_stories(
    queries: Q,
    q: Text = None,
    actor: Text = None,
    country: Country = None,
    source: Text = None,
    since: Moment = None,
    until: Moment = None,
    min_sources: Annotated[int | None, Query(ge=1, le=10_000)] = None,
    sort: Literal["latest", "sources", "size"] = "latest",
    facet: Annotated[list[Facet] | None, Query(description="Facet counts to add.")] = None,
    limit: Limit = DEFAULT_LIMIT,
    cursor: Cursor = None,
    format: Format = "json",
) -> dict[str, Any] | Response:
    """Stories matching every filter given: newest first, or with the most outlets first."""
    actor_id = queries.actor_id(actor) if actor else None
    filters = story_filter(source, since, until, q, actor_id, country, min_sources, sort)
    fetch = lambda size, at: queries.stories(filters, size, at)  # noqa: E731
    if format != "json":
        return stream_export(format, fetch, cursor, story_item, "stories")
    extra = {}
    if facet:
        found = queries.facets(filters, facet)
        extra["facets"] = facets_json(found)
    return page_json(fetch(limit, cursor), story_item, **extra)


@router.get(
    "/stories/{story_id}", summary="One story in full", responses=schemas.answers(schemas.STORY)
)
def get_story(queries: Q, story_id: Annotated[int, Path(ge=0, le=2**62)]) -> dict[str, Any]:
    """The story with its articles, actors and summary (events and facts when stored)."""
    return story_document(queries, queries.story(story_id))


@router.get(
    "/articles/{article_id}",
    summary="One article: clean text, metadata, notes",
    responses=schemas.answers(schemas.ARTICLE),
)
def get_article(queries: Q, article_id: Annotated[int, Path(ge=0, le=2**62)]) -> dict[str, Any]:
    """The article's clean text, metadata, mentions and cleaning notes."""
    return queries.article(article_id, explain=True).as_dict()


@router.get(
    "/events",
    summary="Events (who did what to whom), filtered and paged",
    response_model=None,
    responses=schemas.answers(schemas.EVENTS_PAGE, streams=True, tsv=True),
)
def list_events(
    queries: Q,
    actor: Text = None,
    code: Annotated[
        str | None, Query(max_length=16, description="CAMEO code prefix (04, 041) or PLOVER type")
    ] = None,
    country: Country = None,
    since: Annotated[str | None, Query(max_length=40, description="ISO 8601 date")] = None,
    until: Annotated[str | None, Query(max_length=40, description="ISO 8601 date")] = None,
    story: Annotated[int | None, Query(ge=0, le=2**62)] = None,
    facet: Annotated[list[EventFacet] | None, Query(description="Facet counts to add.")] = None,
    limit: Limit = DEFAULT_LIMIT,
    cursor: Cursor = None,
    format: Annotated[
        Literal["json", "csv", "ndjson", "tsv"],
        Query(description="json: one page; csv, ndjson or tsv (GDELT 2.0 columns): streamed."),
    ] = "json",
) -> dict[str, Any] | Response:
    """Events matching every filter given, in the order they were found.

    ``actor``: a stored actor's id or name (else a name, key, CAMEO actor code or country
    as the events carry it); ``country``: an actor's country or the event's place.
    """
    filters = event_filter(story, actor, code, since, until, country)
    fetch = lambda size, at: queries.events(filters, size, at)  # noqa: E731
    if format == "tsv":
        return stream_rows(format, fetch, cursor, tsv_lines, "events")
    if format != "json":
        return stream_export(format, fetch, cursor, event_item, "events")
    extra = {}
    if facet:
        found = queries.event_facets(filters, facet)
        extra["facets"] = facets_json(found)
    return page_json(fetch(limit, cursor), event_item, **extra)


@router.get(
    "/actors",
    summary="Actors, most mentioned first",
    response_model=None,
    responses=schemas.answers(schemas.ACTORS_PAGE, streams=True),
)
def list_actors(
    queries: Q,
    story: Annotated[int | None, Query(ge=0, le=2**62)] = None,
    limit: Limit = DEFAULT_LIMIT,
    cursor: Cursor = None,
    format: Format = "json",
) -> dict[str, Any] | Response:
    """Every actor (of one story, with ``story``)."""
    fetch = lambda size, at: queries.actors(story, size, at)  # noqa: E731
    if format != "json":
        return stream_export(format, fetch, cursor, lambda a: a.as_dict(), "actors")
    return page_json(fetch(limit, cursor))


@router.get(
    "/actors/{actor}", summary="One actor by id or name", responses=schemas.answers(schemas.ACTOR)
)
def get_actor(queries: Q, actor: Annotated[str, Path(max_length=200)]) -> dict[str, Any]:
    """The actor with its stories, the actors it appears with, its mentions and events per day."""
    detail = queries.actor(actor)
    actor_id = detail.actor.id or 0
    return {
        **detail.as_dict(),
        "partners": [p.as_dict() for p in queries.actor_partners(actor_id)],
        "days": [d.as_dict() for d in queries.actor_days(actor_id)],
        "event_days": [d.as_dict() for d in queries.actor_event_days(actor_id)],
    }


@router.get(
    "/search",
    summary="Full-text search over articles",
    response_model=None,
    responses=schemas.answers(schemas.SEARCH_PAGE, streams=True),
)
def search(
    queries: Q,
    q: Annotated[str, Query(min_length=1, max_length=MAX_QUERY_CHARS)],
    facet: Annotated[list[Literal["outlet"]] | None, Query(description="Counts to add.")] = None,
    limit: Limit = DEFAULT_LIMIT,
    cursor: Cursor = None,
    format: Format = "json",
) -> dict[str, Any] | Response:
    """Articles matching ``q``: words (all), "phrases", ``OR``, ``-word``; best first.

    ``facet=outlet`` adds the number of matching articles per outlet (top 10).
    """
    fetch = lambda size, at: queries.search(q, size, at)  # noqa: E731
    if format != "json":
        return stream_export(format, fetch, cursor, lambda h: h.as_dict(), "search")
    extra = {}
    if facet:
        found = queries.search_facets(q)
        extra["facets"] = facets_json(found)
    return page_json(fetch(limit, cursor), **extra)


@router.get(
    "/feeds",
    summary="Watched feeds and their state",
    response_model=None,
    responses=schemas.answers(schemas.FEEDS_PAGE, streams=True),
)
def list_feeds(
    queries: Q, limit: Limit = DEFAULT_LIMIT, cursor: Cursor = None, format: Format = "json"
) -> dict[str, Any] | Response:
    """Every watched feed: last poll, last error, URLs and articles fetched."""
    fetch = lambda size, at: queries.feeds(size, at)  # noqa: E731
    if format != "json":
        return stream_export(format, fetch, cursor, lambda f: f.as_dict(), "feeds")
    return page_json(fetch(limit, cursor))
