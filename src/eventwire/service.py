"""Read queries for every front end: the CLI and the REST API and web UI (eventwire.api).

``Queries`` sits over the ``Repository`` and returns the typed records of ``model.py``
(``Page``, ``StoryDetail``, ``ArticleDetail``, ``ActorDetail``, ...). Front ends only turn
these into output and the errors below into messages: every error carries the HTTP-style
``status`` and the JSON shape ``{"ok": false, "error": "...", "status": N}`` that the CLI's
``--json`` prints and the API will serve.

Listings are paged: ``limit`` items per page (None: all) and an opaque ``next`` cursor to pass
back for the following page. A cursor is bound to its query (a cursor of one filter is
refused by another) and counts positions in the listing's order, so items added between two
pages can shift it by that many.
"""

from __future__ import annotations

import base64
import binascii
import contextlib
import dataclasses
import hashlib
import json
from collections.abc import Sequence
from datetime import UTC, datetime, time
from typing import Any

from eventwire.model import (
    STORY_SORTS,
    Actor,
    ActorDetail,
    ActorPartner,
    ArticleDetail,
    ArticleMention,
    DayCount,
    Event,
    EventFilter,
    FacetCount,
    Page,
    StoryDetail,
    StoryFilter,
)
from eventwire.store import Repository
from eventwire.store.actors import AmbiguousActorError

MAX_LIMIT = 10_000  # items per page a caller may ask for
FACET_NAMES = ("outlet", "country", "actor")
EVENT_FACET_NAMES = ("country", "root", "plover", "actor")
MAX_QUERY_CHARS = 500  # a longer full-text query is refused


class QueryError(Exception):
    """A read query that cannot be answered; ``status`` is its HTTP-style code."""

    status = 400

    def as_dict(self) -> dict[str, Any]:
        """The JSON error shape shared by every front end."""
        return {"ok": False, "error": str(self), "status": self.status}


class NotFound(QueryError):
    """No story, article or actor has that id or name."""

    status = 404


class Ambiguous(QueryError):
    """A name several actors share; ``candidates`` lists them (give an id instead)."""

    status = 300

    def __init__(self, name: str, candidates: Sequence[Actor]) -> None:
        super().__init__(f"{len(candidates)} actors match {name!r}; give an id")
        self.name = name
        self.candidates = tuple(candidates)

    def as_dict(self) -> dict[str, Any]:
        """The error shape plus ``candidates`` (actor objects)."""
        return {**super().as_dict(), "candidates": [a.as_dict() for a in self.candidates]}


class BadCursor(QueryError):
    """A cursor that is not one this query handed out."""


class BadQuery(QueryError):
    """A limit or filter value that cannot be used (the message names it)."""


class Queries:
    """The typed read queries over one repository."""

    def __init__(self, repo: Repository) -> None:
        self.repo = repo

    def stories(
        self,
        filters: StoryFilter | None = None,
        limit: int | None = None,
        cursor: str | None = None,
    ) -> Page:
        """Stories matching ``filters``, largest first (then most recently seen, newest)."""
        filters = filters or StoryFilter()
        check_limit(limit)
        key = query_key("stories", filters.as_dict())
        offset = read_cursor(cursor, key)
        found = self.repo.list_stories(_one_more(limit), offset, filters)
        return _page(found, limit, offset, key)

    def story(self, story_id: int) -> StoryDetail:
        """One story with its articles, actors and (once computed) its facts and summary."""
        found = self.repo.get_story(story_id)
        if found is None:
            raise NotFound(f"story {story_id} not found")
        return StoryDetail(
            story=found,
            actors=tuple(self.repo.list_actors(story_id=story_id)),
            facts=self.repo.story_facts(story_id),
            events=tuple(self.repo.story_events(story_id)),
        )

    def article(self, article_id: int, explain: bool = False) -> ArticleDetail:
        """One article with its mentions (and, with ``explain``, its cleaning notes)."""
        found = self.repo.get_article(article_id)
        if found is None:
            raise NotFound(f"article {article_id} not found")
        mentions = tuple(
            ArticleMention(mention=mention, time=moment, actor_id=actor_id)
            for mention, moment, actor_id in self.repo.article_mentions(article_id)
        )
        return ArticleDetail(article=found, mentions=mentions, explained=explain)

    def actors(
        self, story_id: int | None = None, limit: int | None = None, cursor: str | None = None
    ) -> Page:
        """Actors (of one story, when given), most mentioned first."""
        check_limit(limit)
        key = query_key("actors", {"story": story_id})
        offset = read_cursor(cursor, key)
        if story_id is not None and self.repo.get_story(story_id) is None:
            raise NotFound(f"story {story_id} not found")
        found = self.repo.list_actors(story_id, _one_more(limit), offset)
        return _page(found, limit, offset, key)

    def actor(self, name_or_id: str) -> ActorDetail:
        """One actor by id, key, name, alias or a person's surname, with its stories."""
        try:
            found = self.repo.find_actor(name_or_id)
        except AmbiguousActorError as error:
            raise Ambiguous(error.name, error.candidates) from None
        if found is None:
            raise NotFound(f"actor {name_or_id!r} not found")
        record, stories = found
        return ActorDetail(actor=record, stories=tuple(stories))

    def actor_id(self, name_or_id: str) -> int:
        """The id of the one actor ``name_or_id`` names (NotFound, Ambiguous otherwise)."""
        found = self.actor(name_or_id).actor.id
        assert found is not None  # stored actors have ids
        return found

    def facets(
        self, filters: StoryFilter, names: Sequence[str] = FACET_NAMES, top: int = 10
    ) -> dict[str, tuple[FacetCount, ...]]:
        """Counts of stories by outlet, country and actor (``names``) among those matching."""
        found = self.repo.story_facets(filters, known_facets(names, FACET_NAMES), top)
        return {name: tuple(values) for name, values in found.items()}

    def search(self, query: str, limit: int | None = None, cursor: str | None = None) -> Page:
        """Articles whose title or text match ``query`` (words, "phrases", OR, -word)."""
        query = check_search(query)
        check_limit(limit)
        key = query_key("search", {"q": query})
        offset = read_cursor(cursor, key)
        return _page(self.repo.search(query, _one_more(limit), offset), limit, offset, key)

    def search_facets(self, query: str, top: int = 10) -> dict[str, tuple[FacetCount, ...]]:
        """Article counts by outlet among those matching ``query`` (the ``outlet`` facet)."""
        return {"outlet": tuple(self.repo.search_outlets(check_search(query), top))}

    def actor_partners(self, actor_id: int) -> tuple[ActorPartner, ...]:
        """The actors seen in the most stories with this one."""
        return tuple(self.repo.actor_partners(actor_id))

    def actor_days(self, actor_id: int) -> tuple[DayCount, ...]:
        """The actor's mentions per day (for a chart over time)."""
        return tuple(self.repo.actor_days(actor_id))

    def feeds(self, limit: int | None = None, cursor: str | None = None) -> Page:
        """Every watched feed with its state and URL counts."""
        check_limit(limit)
        key = query_key("feeds", {})
        offset = read_cursor(cursor, key)
        found = self.repo.feed_states()
        return _page(found[offset : _end(offset, limit)], limit, offset, key)

    def failed_runs(self, limit: int | None = None, cursor: str | None = None) -> Page:
        """Every article or story a stage failed on, newest first, with the reason."""
        check_limit(limit)
        key = query_key("failed", {})
        offset = read_cursor(cursor, key)
        found = self.repo.failed_runs()
        return _page(found[offset : _end(offset, limit)], limit, offset, key)

    def events(
        self,
        filters: EventFilter | None = None,
        limit: int | None = None,
        cursor: str | None = None,
    ) -> Page:
        """Events matching ``filters``, in the order they were found (keyset-paged by id)."""
        filters = filters or EventFilter()
        check_limit(limit)
        key = query_key("events", filters.as_dict())
        after = read_after_cursor(cursor, key)
        found = self.repo.list_events(self._resolved(filters), limit, after)
        following = None if found.after is None else make_after_cursor(found.after, key)
        return Page(items=tuple(found.events), next=following)

    def event_facets(
        self, filters: EventFilter, names: Sequence[str] = EVENT_FACET_NAMES, top: int = 10
    ) -> dict[str, tuple[FacetCount, ...]]:
        """Counts of events by country, CAMEO root, PLOVER type and actor (``names``)."""
        wanted = known_facets(names, EVENT_FACET_NAMES)
        found = self.repo.event_facets(self._resolved(filters), wanted, top)
        return {name: tuple(values) for name, values in found.items()}

    def actor_event_days(self, actor_id: int) -> tuple[DayCount, ...]:
        """How many of the actor's events fall on each day (for a chart over time)."""
        return tuple(self.repo.event_days(EventFilter(actor=str(actor_id))))

    def actor_event_partners(self, actor_id: int) -> tuple[FacetCount, ...]:
        """The actors the actor acts on or is acted on by in events, most events first."""
        return tuple(self.repo.event_partners(actor_id))

    def actor_latest_events(self, actor_id: int, top: int = 10) -> tuple[Event, ...]:
        """The actor's events with the latest days."""
        return tuple(self.repo.latest_events(EventFilter(actor=str(actor_id)), top))

    def _resolved(self, filters: EventFilter) -> EventFilter:
        """``filters`` with a stored story checked and a stored actor's name as its id (a
        name no stored actor has stays text: it matches actor names, keys, codes, countries)."""
        if filters.story_id is not None and self.repo.get_story(filters.story_id) is None:
            raise NotFound(f"story {filters.story_id} not found")
        if filters.actor and not filters.actor.strip().isdecimal():
            with contextlib.suppress(NotFound, Ambiguous):
                filters = dataclasses.replace(filters, actor=str(self.actor_id(filters.actor)))
        return filters

    def story_events(self, story_id: int) -> list[Event]:
        """Every event of one story."""
        return self.repo.story_events(story_id)


def story_filter(
    outlet: str | None = None,
    since: str | None = None,
    until: str | None = None,
    text: str | None = None,
    actor_id: int | None = None,
    country: str | None = None,
    min_sources: int | None = None,
    sort: str = "size",
) -> StoryFilter:
    """A StoryFilter from user text: ISO dates or times (a bare ``until`` day is inclusive)."""
    if sort not in STORY_SORTS:
        raise BadQuery(f"sort must be one of {', '.join(STORY_SORTS)}, not {sort!r}")
    if min_sources is not None and min_sources < 1:
        raise BadQuery(f"min_sources must be at least 1, not {min_sources}")
    return StoryFilter(
        outlet=outlet or None,
        since=parse_moment(since, "since") if since else None,
        until=parse_moment(until, "until", end_of_day=True) if until else None,
        text=text or None,
        actor_id=actor_id,
        country=check_country(country),
        min_sources=min_sources,
        sort=sort,
    )


def parse_moment(value: str, name: str, end_of_day: bool = False) -> datetime:
    """An ISO 8601 date or date-time as a tz-aware datetime (UTC when no offset is given)."""
    try:
        moment = datetime.fromisoformat(value.strip())
    except ValueError:
        raise BadQuery(f"{name}: not an ISO 8601 date or time: {value!r}") from None
    if end_of_day and len(value.strip()) == len("2026-01-31"):
        moment = datetime.combine(moment.date(), time.max)
    return moment if moment.tzinfo else moment.replace(tzinfo=UTC)


def check_search(query: str) -> str:
    """The full-text query stripped (BadQuery when empty or too long)."""
    query = query.strip()
    if not query:
        raise BadQuery("q: give some words to search for")
    if len(query) > MAX_QUERY_CHARS:
        raise BadQuery(f"q: at most {MAX_QUERY_CHARS} characters")
    return query


def check_limit(limit: int | None) -> None:
    """Refuse a limit below 1 or above MAX_LIMIT."""
    if limit is not None and not 1 <= limit <= MAX_LIMIT:
        raise BadQuery(f"limit must be between 1 and {MAX_LIMIT}, not {limit}")


def query_key(kind: str, params: dict[str, Any]) -> str:
    """A short fingerprint of a listing and its filters, which its cursors carry."""
    text = json.dumps([kind, params], sort_keys=True, default=str)
    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:12]


def make_cursor(offset: int, key: str) -> str:
    """The opaque cursor of the page starting at ``offset`` of query ``key``."""
    return _encode_cursor({"offset": offset, "query": key})


def read_cursor(cursor: str | None, key: str) -> int:
    """The offset a cursor of query ``key`` points at (0 without a cursor)."""
    if not cursor:
        return 0
    data = _decode_cursor(cursor)
    if "offset" not in data or "query" not in data:
        raise BadCursor(f"bad cursor: {cursor!r}")
    if data["query"] != key:
        raise BadCursor(f"cursor {cursor!r} belongs to another query")
    offset = data["offset"]
    if not isinstance(offset, int) or offset < 0:
        raise BadCursor(f"bad cursor: {cursor!r}")
    return offset


def _one_more(limit: int | None) -> int | None:
    """Fetch one item past the page, to know whether another page follows."""
    return None if limit is None else limit + 1


def _end(offset: int, limit: int | None) -> int | None:
    return None if limit is None else offset + limit + 1


def _page(found: Sequence[Any], limit: int | None, offset: int, key: str) -> Page:
    """A page of at most ``limit`` of ``found`` (fetched with one extra item)."""
    if limit is None or len(found) <= limit:
        return Page(items=tuple(found), next=None)
    return Page(items=tuple(found[:limit]), next=make_cursor(offset + limit, key))


def event_filter(
    story_id: int | None = None,
    actor: str | None = None,
    code: str | None = None,
    since: str | None = None,
    until: str | None = None,
    country: str | None = None,
) -> EventFilter:
    """An EventFilter from user text (``since`` and ``until`` ISO dates, both inclusive)."""
    if code and not code.strip().isalnum():
        raise BadQuery(f"code: a CAMEO code prefix (04, 041) or a PLOVER type, not {code!r}")
    return EventFilter(
        story_id=story_id,
        actor=actor.strip() or None if actor else None,
        code=code.strip() if code else None,
        since=parse_moment(since, "since").date() if since else None,
        until=parse_moment(until, "until").date() if until else None,
        country=check_country(country),
    )


def known_facets(names: Sequence[str], allowed: Sequence[str]) -> list[str]:
    """``names`` without repeats, each one of ``allowed`` (BadQuery names the first that is not)."""
    unknown = [name for name in names if name not in allowed]
    if unknown:
        raise BadQuery(f"unknown facet {unknown[0]!r}; facets: {', '.join(allowed)}")
    return list(dict.fromkeys(names))


def check_country(country: str | None) -> str | None:
    """An ISO 3166-1 alpha-3 code in capitals (BadQuery otherwise); None when not given."""
    if not country:
        return None
    if not (len(country) == 3 and country.isascii() and country.isalpha()):
        raise BadQuery(f"country: an ISO 3166-1 alpha-3 code (e.g. FRA), not {country!r}")
    return country.upper()


def make_after_cursor(after: int, key: str) -> str:
    """The opaque keyset cursor of the page after id ``after`` of query ``key``."""
    return _encode_cursor({"after": after, "query": key})


def read_after_cursor(cursor: str | None, key: str) -> int:
    """The id a keyset cursor of query ``key`` continues after (0 without a cursor)."""
    if not cursor:
        return 0
    data = _decode_cursor(cursor)
    if data.get("query") != key:
        raise BadCursor(f"cursor {cursor!r} belongs to another query")
    after = data.get("after")
    if not isinstance(after, int) or isinstance(after, bool) or after < 0:
        raise BadCursor(f"bad cursor: {cursor!r}")
    return after


def _encode_cursor(data: dict[str, Any]) -> str:
    text = json.dumps(data, separators=(",", ":"))
    return base64.urlsafe_b64encode(text.encode("utf-8")).decode("ascii").rstrip("=")


def _decode_cursor(cursor: str) -> dict[str, Any]:
    try:
        padded = cursor + "=" * (-len(cursor) % 4)
        data = json.loads(base64.urlsafe_b64decode(padded.encode("ascii")))
    except (ValueError, TypeError, UnicodeError, binascii.Error):
        raise BadCursor(f"bad cursor: {cursor!r}") from None
    if not isinstance(data, dict):
        raise BadCursor(f"bad cursor: {cursor!r}")
    return data
