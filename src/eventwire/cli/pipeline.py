"""Commands that feed the pipeline: run, ingest, process."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager

import typer

from eventwire import render
from eventwire.cli.common import (
    EXIT_REJECTED,
    Options,
    PathsArg,
    SourceOpt,
    app,
    check_paths,
    err,
    finish,
    open_pipeline,
    out,
)
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
    check_paths(paths)
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
    check_paths(paths)
    with open_pipeline(options) as pipeline:
        report = pipeline.ingest(paths, source)
        if not options.quiet:
            render.print_report(err, report)
    finish(report)


@app.command()
def process(ctx: typer.Context) -> None:
    """Deduplicate and cluster every stored article not yet processed."""
    options: Options = ctx.obj
    with open_pipeline(options) as pipeline:
        with one_processor():
            report = pipeline.process()
        if not options.quiet:
            render.print_report(err, report)
