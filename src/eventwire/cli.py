"""eventwire's command line: thin commands over the library (docs/cli.md).

Exit codes: 0 when every input went in, 1 when some inputs were rejected or an item was not
found, 2 for usage errors.
"""

from __future__ import annotations

import json
import logging
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Annotated, Any

import typer
from rich.console import Console

from eventwire import render
from eventwire.config import database_url, load_config
from eventwire.pipeline import Pipeline, RunReport, Settings
from eventwire.store import Repository

EXIT_OK, EXIT_REJECTED, EXIT_USAGE = 0, 1, 2

app = typer.Typer(
    help="Turn raw news articles into deduplicated stories.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
)
out = Console(soft_wrap=True)
err = Console(stderr=True, soft_wrap=True)

PathsArg = Annotated[
    list[Path], typer.Argument(help="Files or folders (read recursively).", show_default=False)
]
SourceOpt = Annotated[
    str | None,
    typer.Option("--source", help="Outlet name for inputs that carry neither a source nor a URL."),
]
JsonOpt = Annotated[bool, typer.Option("--json", help="Print JSON instead of tables.")]


@dataclass
class Options:
    """Options shared by every command."""

    db: str
    config: Path | None
    quiet: bool


@app.callback()
def main(
    ctx: typer.Context,
    db: Annotated[
        str | None,
        typer.Option(
            "--db", help="Database URL (default: EVENTWIRE_DB or sqlite:///eventwire.db)."
        ),
    ] = None,
    config: Annotated[
        Path | None,
        typer.Option("--config", help="TOML settings file.", exists=True, dir_okay=False),
    ] = None,
    quiet: Annotated[bool, typer.Option("--quiet", "-q", help="No progress or summaries.")] = False,
) -> None:
    """eventwire: one clean, deduplicated story per real-world event."""
    logging.basicConfig(level=logging.ERROR if quiet else logging.WARNING, format="%(message)s")
    ctx.obj = Options(db=database_url(db), config=config, quiet=quiet)


@app.command()
def run(ctx: typer.Context, paths: PathsArg, source: SourceOpt = None) -> None:
    """Ingest PATHS, deduplicate and cluster them, and print the stories."""
    options: Options = ctx.obj
    _check_paths(paths)
    with _pipeline(options) as pipeline:
        report = pipeline.ingest(paths, source)
        pipeline.process(report)
        if not options.quiet:
            render.print_report(err, report)
        render.print_stories(out, pipeline.repo.list_stories())
    _finish(report)


@app.command()
def ingest(ctx: typer.Context, paths: PathsArg, source: SourceOpt = None) -> None:
    """Read, clean and store PATHS without clustering them (see `process`)."""
    options: Options = ctx.obj
    _check_paths(paths)
    with _pipeline(options) as pipeline:
        report = pipeline.ingest(paths, source)
        if not options.quiet:
            render.print_report(err, report)
    _finish(report)


@app.command()
def process(ctx: typer.Context) -> None:
    """Deduplicate and cluster every stored article not yet processed."""
    options: Options = ctx.obj
    with _pipeline(options) as pipeline:
        report = pipeline.process()
        if not options.quiet:
            render.print_report(err, report)


@app.command()
def stories(
    ctx: typer.Context,
    as_json: JsonOpt = False,
    limit: Annotated[int | None, typer.Option(help="Show at most this many.")] = None,
) -> None:
    """List stories, largest first."""
    with _repository(ctx.obj) as repo:
        found = repo.list_stories(limit=limit)
    if as_json:
        _print_json([story.as_dict() for story in found])
    else:
        render.print_stories(out, found)


@app.command()
def story(ctx: typer.Context, story_id: int, as_json: JsonOpt = False) -> None:
    """Show one story's articles side by side."""
    with _repository(ctx.obj) as repo:
        found = repo.get_story(story_id)
    if found is None:
        _fail(f"story {story_id} not found", as_json)
    if as_json:
        _print_json(found.as_dict())
    else:
        render.print_story(out, found)


@app.command()
def article(
    ctx: typer.Context,
    article_id: int,
    explain: Annotated[bool, typer.Option(help="Show what cleaning removed, and why.")] = False,
    as_json: JsonOpt = False,
) -> None:
    """Show one article's clean text (and, with --explain, the cleaning notes)."""
    with _repository(ctx.obj) as repo:
        found = repo.get_article(article_id)
    if found is None:
        _fail(f"article {article_id} not found", as_json)
    if as_json:
        data = found.as_dict()
        data.pop("raw")
        data["text"] = found.text
        if not explain:
            data.pop("notes")
        _print_json(data)
    else:
        render.print_article(out, found, explain=explain)


# --- helpers --------------------------------------------------------------------------


def _settings(options: Options) -> Settings:
    try:
        return Settings.from_config(load_config(options.config))
    except (ValueError, OSError) as error:
        err.print(f"error: bad settings: {error}", markup=False)
        raise typer.Exit(EXIT_USAGE) from None


@contextmanager
def _repository(options: Options, settings: Settings | None = None) -> Iterator[Repository]:
    settings = settings or _settings(options)
    try:
        repo = Repository.open(options.db, settings.store)
    except Exception as error:
        err.print(f"error: cannot open database {options.db}: {error}", markup=False)
        raise typer.Exit(EXIT_USAGE) from None
    try:
        yield repo
    finally:
        repo.close()


@contextmanager
def _pipeline(options: Options) -> Iterator[Pipeline]:
    settings = _settings(options)
    with (
        _repository(options, settings) as repo,
        render.progress(err, enabled=not options.quiet) as update,
    ):
        yield Pipeline(repo, settings, on_progress=update)


def _check_paths(paths: list[Path]) -> None:
    missing = [str(p) for p in paths if not p.exists()]
    if missing:
        err.print(f"error: no such file or folder: {', '.join(missing)}", markup=False)
        raise typer.Exit(EXIT_USAGE)


def _finish(report: RunReport) -> None:
    if report.rejections:
        err.print(f"{len(report.rejections)} input(s) rejected:", markup=False)
        for rejection in report.rejections:
            err.print(f"  {rejection}", markup=False)
        raise typer.Exit(EXIT_REJECTED)


def _fail(message: str, as_json: bool) -> None:
    if as_json:
        _print_json({"ok": False, "error": message, "status": 404})
    else:
        err.print(f"error: {message}", markup=False)
    raise typer.Exit(EXIT_REJECTED)


def _print_json(data: Any) -> None:
    sys.stdout.write(json.dumps(data, ensure_ascii=False, indent=2) + "\n")


if __name__ == "__main__":
    app()
