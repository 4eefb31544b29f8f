"""Events as GDELT 2.0 event-table rows (TSV), for tools that read GDELT."""

from __future__ import annotations

from collections.abc import Iterable

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


def gdelt_rows(events: Iterable[Event]) -> list[list[str]]:
    """The header and one row per event (empty where eventwire has no value)."""
    rows = [list(GDELT_COLUMNS)]
    for event in events:
        first, second = _first(event.source), _first(event.target)
        rows.append(
            [
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
        )
    return rows


def to_tsv(events: Iterable[Event]) -> str:
    """The events as TSV text with GDELT's column names (tabs and newlines in values: spaces)."""
    return "".join(
        "\t".join(value.replace("\t", " ").replace("\n", " ") for value in row) + "\n"
        for row in gdelt_rows(events)
    )


def _first(actors: tuple[EventActor, ...]) -> EventActor | None:
    return actors[0] if actors else None


def _actor_columns(actor: EventActor | None) -> list[str]:
    if actor is None:
        return ["", "", ""]
    return [actor.code or actor.country or "", actor.name.upper(), actor.country or ""]
