"""The events command: who did what to whom, when and where (docs/events.md)."""

from __future__ import annotations

import sys
from typing import Annotated

import typer
from rich import box
from rich.table import Table

from eventwire.cli.common import CursorOpt, JsonOpt, LimitOpt, app, open_queries, out, show_page
from eventwire.model import Event, EventActor

TsvOpt = Annotated[bool, typer.Option("--tsv", help="Print GDELT 2.0 event-table TSV.")]


@app.command()
def events(
    ctx: typer.Context,
    story: Annotated[int | None, typer.Option("--story", help="Only this story's events.")] = None,
    actor: Annotated[
        str | None, typer.Option("--actor", help="Only events with this actor (name or id).")
    ] = None,
    code: Annotated[
        str | None, typer.Option("--code", help="CAMEO code prefix (04, 041) or PLOVER type.")
    ] = None,
    since: Annotated[
        str | None, typer.Option("--since", help="Events on or after this day.")
    ] = None,
    until: Annotated[
        str | None, typer.Option("--until", help="Events on or before this day.")
    ] = None,
    country: Annotated[
        str | None,
        typer.Option("--country", help="Only events with an actor or place in this ISO-3 country."),
    ] = None,
    as_json: JsonOpt = False,
    as_tsv: TsvOpt = False,
    limit: LimitOpt = None,
    cursor: CursorOpt = None,
) -> None:
    """List events: source, CAMEO/PLOVER action, target, day, place and how many reports."""
    from eventwire.events.export import tsv_lines
    from eventwire.service import event_filter

    with open_queries(ctx.obj, as_json) as queries:
        filters = event_filter(story, actor, code, since, until, country)
        page = queries.events(filters, limit=limit, cursor=cursor)
    show = lambda p: sys.stdout.writelines(tsv_lines(p.items))  # noqa: E731
    if not as_tsv:
        show = lambda p: print_events(list(p.items))  # noqa: E731
    show_page(page, as_json and not as_tsv, ctx.obj, show)


def print_events(found: list[Event], title: str | None = None) -> None:
    """A table of events: id, day, source, action, target, place, mentions/articles/outlets."""
    table = Table(title=title or f"{len(found)} events", title_justify="left", box=box.SIMPLE_HEAD)
    for name in ("id", "day", "source", "action", "target", "place"):
        table.add_column(name)
    for name in ("mentions", "articles", "outlets"):
        table.add_column(name, justify="right")
    for event in found:
        flags = " (negated)" if event.negated else " (hypothetical)" if event.hypothetical else ""
        plover = (
            f" {event.plover}" + (f"/{event.mode}" if event.mode else "") if event.plover else ""
        )
        table.add_row(
            str(event.id),
            event.date or "",
            _names(event.source),
            f"{event.cameo}{plover}{flags}",
            _names(event.target),
            event.place or "",
            str(event.num_mentions),
            str(event.num_articles),
            str(event.num_sources),
        )
    out.print(table)


def _names(actors: tuple[EventActor, ...]) -> str:
    return ", ".join(f"{a.name} ({a.code or a.country or '-'})" for a in actors)
