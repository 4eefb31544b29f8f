"""Commands that feed the pipeline: run, ingest, process."""

from __future__ import annotations

import typer

from eventwire.cli import render
from eventwire.cli.common import (
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


@app.command()
def run(ctx: typer.Context, paths: PathsArg, source: SourceOpt = None) -> None:
    """Ingest PATHS, deduplicate and cluster them, and print the stories."""
    options: Options = ctx.obj
    check_paths(paths)
    with open_pipeline(options) as pipeline:
        report = pipeline.ingest(paths, source)
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
        report = pipeline.process()
        if not options.quiet:
            render.print_report(err, report)
