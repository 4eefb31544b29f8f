"""What every CLI command shares: the Typer app, global options, opening the database.

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
NOISY_LIBRARY_LOGGERS = ("trafilatura", "htmldate", "courlan", "charset_normalizer")

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
    for noisy in NOISY_LIBRARY_LOGGERS:  # their per-page warnings repeat our rejections
        logging.getLogger(noisy).setLevel(logging.ERROR)
    ctx.obj = Options(db=database_url(db), config=config, quiet=quiet)


def load_settings(options: Options) -> Settings:
    try:
        return Settings.from_config(load_config(options.config))
    except (ValueError, OSError) as error:
        err.print(f"error: bad settings: {error}", markup=False)
        raise typer.Exit(EXIT_USAGE) from None


@contextmanager
def open_repository(
    options: Options, settings: Settings | None = None, create: bool = True
) -> Iterator[Repository]:
    """The repository at ``--db``; read-only commands pass ``create=False``."""
    settings = settings or load_settings(options)
    try:
        repo = Repository.open(options.db, settings.store, create=create)
    except Exception as error:
        err.print(f"error: cannot open database {options.db}: {error}", markup=False)
        raise typer.Exit(EXIT_USAGE) from None
    try:
        yield repo
    finally:
        repo.close()


@contextmanager
def open_pipeline(options: Options) -> Iterator[Pipeline]:
    settings = load_settings(options)
    with (
        open_repository(options, settings) as repo,
        render.progress(err, enabled=not options.quiet) as update,
    ):
        yield Pipeline(repo, settings, on_progress=update)


def check_paths(paths: list[Path]) -> None:
    missing = [str(p) for p in paths if not p.exists()]
    if missing:
        err.print(f"error: no such file or folder: {', '.join(missing)}", markup=False)
        raise typer.Exit(EXIT_USAGE)


def finish(report: RunReport) -> None:
    if report.skipped:
        err.print(f"{len(report.skipped)} article(s) skipped by a stage:", markup=False)
        for skipped in report.skipped:
            err.print(f"  {skipped}", markup=False)
    if report.rejections:
        err.print(f"{len(report.rejections)} input(s) rejected:", markup=False)
        for rejection in report.rejections:
            err.print(f"  {rejection}", markup=False)
        raise typer.Exit(EXIT_REJECTED)


def fail(message: str, as_json: bool) -> None:
    if as_json:
        print_json({"ok": False, "error": message, "status": 404})
    else:
        err.print(f"error: {message}", markup=False)
    raise typer.Exit(EXIT_REJECTED)


def print_json(data: Any) -> None:
    sys.stdout.write(json.dumps(data, ensure_ascii=False, indent=2) + "\n")
