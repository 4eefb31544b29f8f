"""Commands that read the store: stories, story, article."""

from __future__ import annotations

from typing import Annotated

import typer

from eventwire import render
from eventwire.cli.actors import print_story_actors
from eventwire.cli.common import JsonOpt, app, fail, open_repository, out, print_json
from eventwire.model import Mention, MentionTime


@app.command()
def stories(
    ctx: typer.Context,
    as_json: JsonOpt = False,
    limit: Annotated[int | None, typer.Option(help="Show at most this many.")] = None,
) -> None:
    """List stories, largest first."""
    with open_repository(ctx.obj, create=False) as repo:
        found = repo.list_stories(limit=limit)
    if as_json:
        print_json([story.as_dict() for story in found])
    else:
        render.print_stories(out, found)


@app.command()
def story(ctx: typer.Context, story_id: int, as_json: JsonOpt = False) -> None:
    """Show one story's articles side by side."""
    with open_repository(ctx.obj, create=False) as repo:
        found = repo.get_story(story_id)
        cast = repo.list_actors(story_id=story_id) if found is not None else []
    if found is None:
        fail(f"story {story_id} not found", as_json)
    if as_json:
        print_json({**found.as_dict(), "actors": [a.as_dict() for a in cast]})
    else:
        render.print_story(out, found)
        print_story_actors(cast)


@app.command()
def article(
    ctx: typer.Context,
    article_id: int,
    explain: Annotated[bool, typer.Option(help="Show what cleaning removed, and why.")] = False,
    as_json: JsonOpt = False,
) -> None:
    """Show one article's clean text, its dates resolved (and, with --explain, cleaning notes)."""
    with open_repository(ctx.obj, create=False) as repo:
        found = repo.get_article(article_id)
        mentions = repo.article_mentions(article_id) if found else []
    if found is None:
        fail(f"article {article_id} not found", as_json)
    if as_json:
        data = found.as_dict()
        data.pop("raw")
        data["text"] = found.text
        if not explain:
            data.pop("notes")
        data["mentions"] = [mention_json(*row) for row in mentions]
        print_json(data)
    else:
        render.print_article(out, found, explain=explain)
        render.print_times(out, [time for _, time, _ in mentions if time is not None])


def mention_json(mention: Mention, time: MentionTime | None, actor_id: int | None) -> dict:
    """One mention as JSON: span, label, actor, and the normalised date for DATE/TIME."""
    data = mention.as_dict()
    data.pop("article_id")
    data["actor_id"] = actor_id
    if time is not None:
        data["time"] = {
            "value": time.value,
            "start": time.start,
            "end": time.end,
            "anchor_inferred": time.anchor_inferred,
        }
    return data
