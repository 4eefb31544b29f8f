"""Commands that read resolved actors: actors, actor."""

from __future__ import annotations

from typing import Annotated

import typer
from rich import box
from rich.table import Table

from eventwire.cli.common import (
    EXIT_USAGE,
    JsonOpt,
    app,
    err,
    fail,
    open_repository,
    out,
    print_json,
)
from eventwire.model import Actor, ActorStory
from eventwire.store.actors import AmbiguousActorError

SHOWN_ALIASES = 4  # aliases listed per actor in the table


@app.command()
def actors(
    ctx: typer.Context,
    story: Annotated[int | None, typer.Option("--story", help="Only this story's actors.")] = None,
    as_json: JsonOpt = False,
) -> None:
    """List actors (people, countries, institutions, ...), most mentioned first."""
    with open_repository(ctx.obj, create=False) as repo:
        if story is not None and repo.get_story(story) is None:
            fail(f"story {story} not found", as_json)
        found = repo.list_actors(story_id=story)
    if as_json:
        print_json([actor.as_dict() for actor in found])
    else:
        print_actors(found, story)


@app.command()
def actor(ctx: typer.Context, name_or_id: str, as_json: JsonOpt = False) -> None:
    """Show one actor (by id, name or alias): aliases, roles and the stories it appears in."""
    with open_repository(ctx.obj, create=False) as repo:
        try:
            found = repo.find_actor(name_or_id)
        except AmbiguousActorError as error:
            fail_ambiguous(error, as_json)
            return
    if found is None:
        fail(f"actor {name_or_id!r} not found", as_json)
        return
    record, stories = found
    if as_json:
        print_json({**record.as_dict(), "stories": [s.as_dict() for s in stories]})
    else:
        print_actor(record, stories)


def fail_ambiguous(error: AmbiguousActorError, as_json: bool) -> None:
    """Several actors share the name: list them (id, name, country, roles) and exit 2."""
    if as_json:
        candidates = [actor.as_dict() for actor in error.candidates]
        message = f"{len(candidates)} actors match {error.name!r}; give an id"
        print_json({"ok": False, "error": message, "status": 300, "candidates": candidates})
    else:
        listed = "; ".join(_candidate(actor) for actor in error.candidates)
        err.print(f"error: {error.name!r} matches {listed}; give an id", markup=False)
    raise typer.Exit(EXIT_USAGE)


def _candidate(actor: Actor) -> str:
    details = ", ".join(x for x in (actor.country, *actor.roles[:1]) if x) or actor.type
    return f"{actor.id} {actor.name} ({details})"


def print_actors(found: list[Actor], story: int | None) -> None:
    """A table of actors: id, name, type, CAMEO-style code, mentions, aliases."""
    where = f" in story {story}" if story is not None else ""
    table = Table(title=f"{len(found)} actors{where}", title_justify="left", box=box.SIMPLE_HEAD)
    for name in ("id", "name", "type", "code", "mentions", "aliases"):
        table.add_column(name, justify="right" if name in ("id", "mentions") else "left")
    for item in found:
        aliases = ", ".join(a.alias for a in item.aliases[:SHOWN_ALIASES])
        mentions = sum(a.count for a in item.aliases)
        table.add_row(str(item.id), item.name, item.type, item.code or "", str(mentions), aliases)
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
        out.print(f"  {kind}: {', '.join(names)}", highlight=False)


def print_actor(record: Actor, stories: list[ActorStory]) -> None:
    """One actor in full."""
    out.print(f"[bold]{record.name}[/bold] (actor {record.id}, {record.type})", highlight=False)
    for label, value in (
        ("country", record.country),
        ("sector", record.sector),
        ("code", record.code),
        ("roles", ", ".join(record.roles)),
    ):
        if value:
            out.print(f"  {label}: {value}", highlight=False)
    out.print("  aliases:", highlight=False)
    for alias in record.aliases:
        out.print(f"    {alias.alias} ({alias.count})", highlight=False)
    out.print("  stories:", highlight=False)
    for story in stories:
        out.print(f"    {story.story_id}: {story.title} ({story.mentions})", highlight=False)
