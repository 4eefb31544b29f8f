"""Events as GDELT 2.0 event-table rows (TSV), for tools that read GDELT."""

from __future__ import annotations

from collections.abc import Iterable, Iterator

from eventwire.model import Event, EventActor

# GDELT 2.0 event-table column names for the columns eventwire fills, in GDELT's order.
GDELT_COLUMNS = (
    "GlobalEventID",
    "Day",
    "Actor1Code",
    "Actor1Name",
    "Actor1CountryCode",
    "Actor2Code",
    "Actor2Name",
    "Actor2CountryCode",
    "IsRootEvent",
    "EventCode",
    "EventBaseCode",
    "EventRootCode",
    "QuadClass",
    "GoldsteinScale",
    "NumMentions",
    "NumSources",
    "NumArticles",
    "ActionGeo_FullName",
    "ActionGeo_CountryCode",
    "DATEADDED",
    "SOURCEURL",
)


def gdelt_row(event: Event) -> list[str]:
    """One event's GDELT 2.0 event-table values, in GDELT_COLUMNS order."""
    first, second = _first(event.source), _first(event.target)
    return [
        str(event.id or ""),
        (event.date or "").replace("-", ""),
        *_actor_columns(first),
        *_actor_columns(second),
        "1",
        event.cameo,
        event.cameo[:3],
        event.cameo[:2],
        str(event.quad_class),
        f"{event.goldstein:.1f}",
        str(event.num_mentions),
        str(event.num_sources),
        str(event.num_articles),
        event.place or "",
        event.place_country or "",
        event.added.strftime("%Y%m%d%H%M%S") if event.added else "",
        event.url or "",
    ]


def tsv_lines(events: Iterable[Event]) -> Iterator[str]:
    """The header line then one line per event, as they come (for streaming)."""
    yield _tsv_line(list(GDELT_COLUMNS))
    for event in events:
        yield _tsv_line(gdelt_row(event))


def _tsv_line(values: list[str]) -> str:
    return (
        "\t".join(v.replace("\t", " ").replace("\r", " ").replace("\n", " ") for v in values) + "\n"
    )


def _first(actors: tuple[EventActor, ...]) -> EventActor | None:
    return actors[0] if actors else None


def _actor_columns(actor: EventActor | None) -> list[str]:
    if actor is None:
        return ["", "", ""]
    return [actor.code or actor.country or "", actor.name.upper(), actor.country or ""]
