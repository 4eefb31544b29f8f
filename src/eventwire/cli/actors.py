"""Commands that read resolved actors: actors, actor."""

from __future__ import annotations

from typing import Annotated

import typer
from rich import box
from rich.table import Table

from eventwire.cli import render
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
from eventwire.model import Actor, ActorStory

SHOWN_ALIASES = 4  # aliases listed per actor in the table


@app.command()
def actors(
    ctx: typer.Context,
    story: Annotated[int | None, typer.Option("--story", help="Only this story's actors.")] = None,
    as_json: JsonOpt = False,
    limit: LimitOpt = None,
    cursor: CursorOpt = None,
) -> None:
    """List actors (people, countries, institutions, ...), most mentioned first."""
    with open_queries(ctx.obj, as_json) as queries:
        page = queries.actors(story_id=story, limit=limit, cursor=cursor)
    show_page(page, as_json, ctx.obj, lambda p: print_actors(list(p.items), story))


@app.command()
def actor(ctx: typer.Context, name_or_id: str, as_json: JsonOpt = False) -> None:
    """Show one actor (by id, name or alias): aliases, roles and the stories it appears in."""
    with open_queries(ctx.obj, as_json) as queries:
        found = queries.actor(name_or_id)
    if as_json:
        print_json(found.as_dict())
    else:
        print_actor(found.actor, list(found.stories))


def print_actors(found: list[Actor], story: int | None) -> None:
    """A table of actors: id, name, type, CAMEO-style code, mentions, aliases."""
    where = f" in story {story}" if story is not None else ""
    table = Table(title=f"{len(found)} actors{where}", title_justify="left", box=box.SIMPLE_HEAD)
    for name in ("id", "name", "type", "code", "mentions", "aliases"):
        table.add_column(name, justify="right" if name in ("id", "mentions") else "left")
    for item in found:
        aliases = ", ".join(a.alias for a in item.aliases[:SHOWN_ALIASES])
        mentions = sum(a.count for a in item.aliases)
        table.add_row(
            str(item.id),
            render.plain(item.name),
            item.type,
            item.code or "",
            str(mentions),
            render.plain(aliases),
        )
    out.print(table)


def print_story_actors(cast: list[Actor]) -> None:
    """One line per actor type under a story: "person: A (3), B (1)"."""
    if not cast:
        return
    out.print("[bold]Actors[/bold]", highlight=False)
    by_type: dict[str, list[str]] = {}
    for item in cast:
        mentions = sum(a.count for a in item.aliases)
        by_type.setdefault(item.type, []).append(f"{item.name} ({mentions})")
    for kind, names in by_type.items():
        out.print(render.plain(f"  {kind}: {', '.join(names)}"), highlight=False)


def print_actor(record: Actor, stories: list[ActorStory]) -> None:
    """One actor in full."""
    heading = render.plain(record.name, style="bold")
    out.print(heading + f" (actor {record.id}, {record.type})", highlight=False)
    for label, value in (
        ("country", record.country),
        ("sector", record.sector),
        ("code", record.code),
        ("roles", ", ".join(record.roles)),
    ):
        if value:
            out.print(render.plain(f"  {label}: {value}"), highlight=False)
    out.print("  aliases:", highlight=False)
    for alias in record.aliases:
        out.print(render.plain(f"    {alias.alias} ({alias.count})"), highlight=False)
    out.print("  stories:", highlight=False)
    for story in stories:
        out.print(render.plain(f"    {story.story_id}: {story.title} ({story.mentions})"))
