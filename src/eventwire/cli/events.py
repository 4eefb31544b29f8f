"""The events command: who did what to whom, when and where (docs/events.md)."""

from __future__ import annotations

import sys
from typing import Annotated

import typer

from eventwire.cli.common import CursorOpt, JsonOpt, LimitOpt, app, open_queries, out, show_page
from eventwire.cli.render import plain
from eventwire.model import Event, EventActor, Page

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

    def show(page: Page) -> None:
        if as_tsv:
            sys.stdout.writelines(tsv_lines(page.items))
        else:
            print_events(list(page.items))

    show_page(page, as_json and not as_tsv, ctx.obj, show)


def print_events(found: list[Event], title: str | None = None) -> None:
    """Each event in two lines: id, day, who -action-> whom, place; how many reports."""
    from eventwire.events.tables import cameo_name

    out.print(plain(title or f"{len(found)} events", "bold"))
    for event in found:
        action = " ".join(p for p in (event.cameo, cameo_name(event.cameo)) if p)
        if event.plover:
            action += f" ({event.plover}" + (f", {event.mode})" if event.mode else ")")
        flags = " [negated]" if event.negated else " [hypothetical]" if event.hypothetical else ""
        whom = f" -> {_names(event.target)}" if event.target else ""
        where = f" in {event.place}" if event.place else ""
        out.print(
            plain(f"  [{event.id}] {event.date or '?'}  {_names(event.source)}: {action}{flags}")
            + plain(f"{whom}{where}")
        )
        out.print(
            plain(
                f"      {_count(event.num_mentions, 'mention')}, "
                f"{_count(event.num_articles, 'article')}, "
                f"{_count(event.num_sources, 'independent outlet')}",
                "dim",
            )
        )


def _names(actors: tuple[EventActor, ...]) -> str:
    return ", ".join(f"{a.name} ({a.code or a.country or '-'})" for a in actors) or "-"


def _count(number: int, noun: str) -> str:
    return f"{number} {noun}" + ("" if number == 1 else "s")
