"""Commands that feed the pipeline: run, ingest, process."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from typing import Annotated

import typer

from eventwire.cli import render
from eventwire.cli.common import (
    EXIT_REJECTED,
    EXIT_USAGE,
    Options,
    PathsArg,
    SourceOpt,
    app,
    err,
    finish,
    open_pipeline,
    out,
)
from eventwire.stage import UnknownStageError
from eventwire.stages import stage_names
from eventwire.store import ProcessingBusy


@contextmanager
def one_processor() -> Iterator[None]:
    """Another process processing the same database: say so in one line, exit 1."""
    try:
        yield
    except ProcessingBusy as error:
        err.print(f"error: {error}", markup=False)
        raise typer.Exit(EXIT_REJECTED) from None


@app.command()
def run(ctx: typer.Context, paths: PathsArg, source: SourceOpt = None) -> None:
    """Ingest PATHS, deduplicate and cluster them, and print the stories."""
    options: Options = ctx.obj
    with open_pipeline(options) as pipeline:
        report = pipeline.ingest(paths, source)
        with one_processor():
            pipeline.process(report)
        if not options.quiet:
            render.print_report(err, report)
        render.print_stories(out, pipeline.repo.list_stories())
    finish(report)


@app.command()
def ingest(ctx: typer.Context, paths: PathsArg, source: SourceOpt = None) -> None:
    """Read, clean and store PATHS without clustering them (see `process`)."""
    options: Options = ctx.obj
    with open_pipeline(options) as pipeline:
        report = pipeline.ingest(paths, source)
        if not options.quiet:
            render.print_report(err, report)
    finish(report)


RedoOpt = Annotated[
    list[str] | None,
    typer.Option(
        "--redo",
        metavar="STAGE",
        help="Run STAGE again on everything (repeatable): dedup, stories, entities, actors, time.",
    ),
]


@app.command()
def process(ctx: typer.Context, redo: RedoOpt = None) -> None:
    """Run every stage on the stored articles and stories it has not run on at its version."""
    options: Options = ctx.obj
    with open_pipeline(options) as pipeline:
        try:
            with one_processor():
                report = pipeline.process(redo=redo or ())
        except UnknownStageError as error:
            known = ", ".join(stage_names(pipeline.registry))
            err.print(f"error: {error} (stages: {known})", markup=False)
            raise typer.Exit(EXIT_USAGE) from None
        if not options.quiet:
            render.print_report(err, report)
    finish(report)
