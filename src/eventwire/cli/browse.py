"""Commands that read the store: stories, story, article (over eventwire.service)."""

from __future__ import annotations

from typing import Annotated

import typer

from eventwire.cli import render
from eventwire.cli.actors import print_story_actors
from eventwire.cli.common import (
    CursorOpt,
    JsonOpt,
    LimitOpt,
    app,
    open_queries,
    out,
    print_json,
    show_page,
)


@app.command()
def stories(
    ctx: typer.Context,
    as_json: JsonOpt = False,
    limit: LimitOpt = None,
    cursor: CursorOpt = None,
    outlet: Annotated[
        str | None, typer.Option("--outlet", help="Only stories with an article from it.")
    ] = None,
    since: Annotated[
        str | None, typer.Option("--since", help="Only stories seen on or after (ISO date/time).")
    ] = None,
    until: Annotated[
        str | None, typer.Option("--until", help="Only stories seen on or before (ISO date/time).")
    ] = None,
    text: Annotated[
        str | None, typer.Option("--text", help="Only stories with this in a title.")
    ] = None,
    actor: Annotated[
        str | None, typer.Option("--actor", help="Only stories mentioning this actor (id or name).")
    ] = None,
) -> None:
    """List stories, largest first."""
    from eventwire.service import story_filter

    with open_queries(ctx.obj, as_json) as queries:
        actor_id = queries.actor_id(actor) if actor else None
        filters = story_filter(outlet, since, until, text, actor_id)
        page = queries.stories(filters, limit=limit, cursor=cursor)
    show_page(page, as_json, ctx.obj, lambda p: render.print_stories(out, list(p.items)))


@app.command()
def story(ctx: typer.Context, story_id: int, as_json: JsonOpt = False) -> None:
    """Show one story: its articles side by side, actors, summary, facts and disputes."""
    with open_queries(ctx.obj, as_json) as queries:
        found = queries.story(story_id)
    if as_json:
        print_json(found.as_dict())
    else:
        render.print_story(out, found.story)
        print_story_actors(list(found.actors))
        if found.events:
            from eventwire.cli.events import print_events

            print_events(list(found.events), title=f"{len(found.events)} events")
        render.print_story_facts(out, found.facts)


@app.command()
def article(
    ctx: typer.Context,
    article_id: int,
    explain: Annotated[bool, typer.Option(help="Show what cleaning removed, and why.")] = False,
    as_json: JsonOpt = False,
) -> None:
    """Show one article's clean text, its dates resolved (and, with --explain, cleaning notes)."""
    with open_queries(ctx.obj, as_json) as queries:
        found = queries.article(article_id, explain=explain)
    if as_json:
        print_json(found.as_dict())
    else:
        render.print_article(out, found.article, explain=explain)
        times = [m.time for m in found.mentions if m.time is not None]
        render.print_times(out, times)
