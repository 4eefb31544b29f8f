"""`eventwire batch`: every registered stage over archive-size input on Dask (docs/scaling.md)."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from eventwire.cli import render
from eventwire.cli.common import (
    EXIT_USAGE,
    Options,
    PathsArg,
    SourceOpt,
    app,
    err,
    finish,
    load_settings,
    print_json,
)


@app.command()
def batch(
    ctx: typer.Context,
    paths: PathsArg,
    out: Annotated[Path, typer.Option("--out", help="Folder of the Parquet files (replaced).")],
    scheduler: Annotated[
        str | None, typer.Option("--scheduler", help="Dask scheduler, e.g. tcp://HOST:8786.")
    ] = None,
    workers: Annotated[
        int | None, typer.Option("--workers", min=1, help="Local worker processes (default 2).")
    ] = None,
    load: Annotated[
        str | None, typer.Option("--load", help="Also load the result into this empty database.")
    ] = None,
    source: SourceOpt = None,
    as_json: Annotated[bool, typer.Option("--json", help="Print the report as JSON.")] = False,
) -> None:
    """Run every stage over PATHS on Dask and write Parquet tables to --out (eventwire[dask])."""
    from eventwire.distributed.cluster import DaskMissing, dask_client
    from eventwire.distributed.runner import run_batch

    options: Options = ctx.obj
    if scheduler and workers:
        err.print("error: give --scheduler or --workers, not both", markup=False)
        raise typer.Exit(EXIT_USAGE)
    settings = load_settings(options)
    try:
        with (
            dask_client(scheduler, workers) as client,
            render.progress(err, enabled=not options.quiet) as update,
        ):
            if not options.quiet and client.dashboard_link:
                err.print(f"Dask dashboard: {client.dashboard_link}", markup=False)
            report = run_batch(
                client, paths, out, settings, source=source, load_url=load, on_progress=update
            )
    except (DaskMissing, ValueError, OSError) as error:
        err.print(f"error: {error}", markup=False)
        raise typer.Exit(EXIT_USAGE) from None
    if as_json:
        print_json(report.as_dict())
    elif not options.quiet:
        render.print_report(err, report.run)
        err.print(", ".join(f"{t} {n}" for t, n in report.rows.items()) + f" -> {out}")
    finish(report.run)
