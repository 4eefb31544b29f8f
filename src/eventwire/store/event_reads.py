"""Reads of stored events for browsing (the CLI, the REST API, the web UI).

Events keep their actors as JSON (``events.actors_json``, written by store/events.py with
``json.dumps``'s default separators). The actor and country filters are pushed into SQL as
``LIKE`` patterns over that JSON: an actor id (``"id": 12,``) and a country
(``"country": "RUS"``) match exactly, because JSON escapes every quote inside a name. A
free-text actor (a name, key or code that is no stored actor) is only narrowed by a
case-insensitive ``LIKE`` and confirmed in Python; such a page scans at most SCAN_ROWS rows,
and its cursor then continues after the last row scanned (the page may be short).
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from sqlalchemy import Connection, func, or_, select

from eventwire.model import DayCount, Event, EventActor, EventEvidence, EventFilter, FacetCount
from eventwire.store.schema_events import EventEvidenceRow, EventRow

SCAN_ROWS = 10_000  # rows a page with a free-text actor filter reads at most
FACET_WINDOW = 2000  # facets count over at most this many matching events, the latest


@dataclass(frozen=True)
class EventSlice:
    """A page of events and the id the next page starts after (None: no more)."""

    events: list[Event]
    after: int | None


def event_conditions(where: EventFilter) -> list[Any]:
    """SQL conditions of ``where`` (a free-text actor only narrows: confirm with ``matches``)."""
    found: list[Any] = []
    if where.story_id is not None:
        found.append(EventRow.story_id == where.story_id)
    if where.code:
        code = where.code.strip()
        by_code = EventRow.cameo.startswith(code, autoescape=True)
        found.append(by_code if code.isdigit() else func.upper(EventRow.plover) == code.upper())
    if where.since is not None:
        found.append(EventRow.day >= where.since.isoformat())
    if where.until is not None:
        found.append(EventRow.day <= where.until.isoformat())
    if where.country:
        found.append(
            or_(EventRow.place_country == where.country, *_json_field("country", where.country))
        )
    if where.actor:
        actor = where.actor.strip()
        if actor.isdecimal():
            found.append(or_(*_json_field("id", int(actor))))
        else:
            found.append(func.lower(EventRow.actors_json).contains(actor.lower(), autoescape=True))
    return found


def _json_field(name: str, value: str | int) -> list[Any]:
    """``actors_json`` holds ``"name": value`` (with or without the space json.dumps puts)."""
    text = json.dumps(value)
    end = "," if isinstance(value, int) else ""  # "id": 1 must not match "id": 12
    return [
        EventRow.actors_json.contains(f'"{name}":{space}{text}{end}', autoescape=True)
        for space in ("", " ")
    ]


def matches(actors: dict[str, Any], place_country: str | None, where: EventFilter) -> bool:
    """Whether an event's actors (its ``actors_json``) and place meet the actor and country
    filters exactly (a name, key, code or country equal to a free-text actor)."""
    every = [*actors.get("source", []), *actors.get("target", [])]
    in_country = where.country in (place_country, *(a.get("country") for a in every))
    if where.country and not in_country:
        return False
    if not where.actor:
        return True
    wanted = where.actor.strip().lower()
    if wanted.isdecimal():
        return any(str(a.get("id")) == wanted for a in every)
    fields = ("name", "key", "code", "country")
    return any(wanted == str(a.get(f) or "").lower() for a in every for f in fields)


def _confirmed(rows: Sequence[Any], where: EventFilter) -> list[Any]:
    """The rows that meet the actor and country filters exactly (all when there are none)."""
    if not (where.actor or where.country):
        return list(rows)
    return [r for r in rows if matches(json.loads(r.actors_json), r.place_country, where)]


def list_events(
    conn: Connection, where: EventFilter, limit: int | None, after: int = 0
) -> EventSlice:
    """Up to ``limit`` events matching ``where`` with ids above ``after``, by id."""
    kept: list[Any] = []
    position, scanned = after, 0
    batch = (limit + 1) if limit is not None else 1000
    while limit is None or len(kept) <= limit:
        rows = list(
            conn.execute(
                select(EventRow)
                .where(EventRow.id > position, *event_conditions(where))
                .order_by(EventRow.id)
                .limit(batch)
            )
        )
        scanned += len(rows)
        kept += _confirmed(rows, where)
        if len(rows) < batch:  # the end of the table
            return _slice(conn, kept, limit, None)
        position = rows[-1].id
        if limit is not None and scanned >= SCAN_ROWS and len(kept) <= limit:
            return _slice(conn, kept, limit, position)  # bounded: continue after the scan
    return _slice(conn, kept, limit, None)


def _slice(
    conn: Connection, rows: list[Any], limit: int | None, scanned_to: int | None
) -> EventSlice:
    if limit is not None and len(rows) > limit:
        rows = rows[:limit]
        return EventSlice(load_events(conn, rows), rows[-1].id)
    return EventSlice(load_events(conn, rows), scanned_to)


def load_events(conn: Connection, rows: Sequence[Any]) -> list[Event]:
    """Events of ``events`` rows, with their evidence read in one query."""
    evidence: dict[int, list[EventEvidence]] = {row.id: [] for row in rows}
    if rows:
        query = (
            select(EventEvidenceRow)
            .where(EventEvidenceRow.event_id.in_(list(evidence)))
            .order_by(EventEvidenceRow.id)
        )
        for e in conn.execute(query):
            evidence[e.event_id].append(
                EventEvidence(
                    e.article_id,
                    e.source,
                    e.sentence,
                    (e.span_start, e.span_end),
                    tuple(tuple(s) for s in json.loads(e.actor_spans_json)),
                    e.day,
                )
            )
    return [_event(row, tuple(evidence[row.id])) for row in rows]


def _event(row: Any, evidence: tuple[EventEvidence, ...]) -> Event:
    actors = json.loads(row.actors_json)
    return Event(
        story_id=row.story_id,
        date=row.day,
        source=tuple(EventActor.from_dict(a) for a in actors["source"]),
        target=tuple(EventActor.from_dict(a) for a in actors["target"]),
        cameo=row.cameo,
        plover=row.plover,
        mode=row.mode,
        quad_class=row.quad_class,
        goldstein=row.goldstein,
        place=row.place,
        place_country=row.place_country,
        negated=row.negated,
        hypothetical=row.hypothetical,
        num_mentions=row.num_mentions,
        num_articles=row.num_articles,
        num_sources=row.num_sources,
        evidence=evidence,
        id=row.id,
        added=row.added_at,
        url=row.url,
    )


def event_facets(
    conn: Connection, where: EventFilter, names: Sequence[str], top: int
) -> dict[str, list[FacetCount]]:
    """For each facet in ``names``: its ``top`` values over the matching events, by count.

    Counted over the FACET_WINDOW latest matching events (highest ids), so that a facet costs
    the same on a store of any size. ``country``: the actors' and the place's countries;
    ``root``: the CAMEO root code; ``plover``: the PLOVER type; ``actor``: stored actors.
    """
    query = (
        select(EventRow.cameo, EventRow.plover, EventRow.place_country, EventRow.actors_json)
        .where(*event_conditions(where))
        .order_by(EventRow.id.desc())
        .limit(FACET_WINDOW)
    )
    counts: dict[str, dict[tuple[str, int | None], int]] = {name: {} for name in names}
    for row in conn.execute(query):
        actors = json.loads(row.actors_json)
        if not matches(actors, row.place_country, where):
            continue
        every = [*actors.get("source", []), *actors.get("target", [])]
        values = {
            "country": {
                (c, None) for c in [row.place_country, *(a.get("country") for a in every)] if c
            },
            "root": {(row.cameo[:2], None)},
            "plover": {(row.plover, None)} if row.plover else set(),
            "actor": {(a["name"], a["id"]) for a in every if a.get("id") is not None},
        }
        for name in names:
            for value in values[name]:
                counts[name][value] = counts[name].get(value, 0) + 1
    return {
        name: [
            FacetCount(value, n, ident)
            for (value, ident), n in sorted(found.items(), key=lambda kv: (-kv[1], kv[0][0]))[:top]
        ]
        for name, found in counts.items()
    }


def event_days(conn: Connection, where: EventFilter) -> list[DayCount]:
    """How many matching events fall on each day (events without a day left out), by day."""
    query = select(EventRow.day, EventRow.place_country, EventRow.actors_json).where(
        EventRow.day.is_not(None), *event_conditions(where)
    )
    days: dict[str, int] = {}
    for row in _confirmed(conn.execute(query).all(), where):
        days[row.day] = days.get(row.day, 0) + 1
    return [DayCount(day, n) for day, n in sorted(days.items())]


def latest_events(conn: Connection, where: EventFilter, top: int) -> list[Event]:
    """The ``top`` matching events with the latest days (then the latest found)."""
    query = (
        select(EventRow)
        .where(*event_conditions(where))
        .order_by(EventRow.day.desc().nulls_last(), EventRow.id.desc())
        .limit(top * 4)  # room for rows a free-text actor does not confirm
    )
    return load_events(conn, _confirmed(conn.execute(query).all(), where)[:top])


def event_partners(conn: Connection, actor_id: int, top: int) -> list[FacetCount]:
    """The stored actors on the other side of ``actor_id``'s events, by number of events."""
    where = EventFilter(actor=str(actor_id))
    query = select(EventRow.actors_json).where(*event_conditions(where))
    counts: dict[tuple[str, int], int] = {}
    for (actors_json,) in conn.execute(query):
        actors = json.loads(actors_json)
        for own, other in (("source", "target"), ("target", "source")):
            if any(a.get("id") == actor_id for a in actors.get(own, [])):
                for partner in {(a["name"], a["id"]) for a in actors.get(other, []) if a.get("id")}:
                    if partner[1] != actor_id:
                        counts[partner] = counts.get(partner, 0) + 1
    ordered = sorted(counts.items(), key=lambda kv: (-kv[1], kv[0][0]))[:top]
    return [FacetCount(name, n, ident) for (name, ident), n in ordered]
