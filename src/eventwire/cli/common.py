"""What every CLI command shares: the Typer app, global options, opening the database.

Exit codes: 0 when every input went in, 1 when some inputs were rejected or an item was not
found, 2 for usage errors.

Start-up speed: this module and the read commands import no stage. The pipeline (and with it
spaCy, trafilatura, dateparser) is imported only inside the commands that run it, so that
``eventwire --help`` or ``eventwire article ID`` start in a fraction of a second
(``benchmarks/startup.py`` measures it).
"""

from __future__ import annotations

import json
import logging
import sys
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any, NoReturn

import typer
from rich.console import Console
from typer.core import TyperGroup

from eventwire.cli import render
from eventwire.config import database_url, load_config, section

if TYPE_CHECKING:
    from eventwire.model import Page
    from eventwire.pipeline import Pipeline, RunReport, Settings
    from eventwire.service import Queries, QueryError
    from eventwire.store import Repository, StoreSettings

EXIT_OK, EXIT_REJECTED, EXIT_USAGE = 0, 1, 2
NOISY_LIBRARY_LOGGERS = ("trafilatura", "htmldate", "courlan", "charset_normalizer")

GLOBAL_FLAGS = ("--quiet", "-q")
GLOBAL_OPTIONS_WITH_VALUE = ("--db", "--config")


def hoist_global_options(args: list[str], commands: set[str]) -> list[str]:
    """``args`` with the global options written after the command moved before it.

    ``run PATH --db URL`` becomes ``--db URL run PATH``; nothing after ``--`` is moved.

    Raises:
        ValueError: a global option that takes a value ends the line.
    """
    index = 0
    while index < len(args) and args[index] not in commands:
        index += 2 if args[index] in GLOBAL_OPTIONS_WITH_VALUE else 1
    if index >= len(args):
        return args
    hoisted: list[str] = []
    rest: list[str] = []
    tail = iter(args[index + 1 :])
    for arg in tail:
        if arg == "--":
            rest += [arg, *tail]
        elif arg in GLOBAL_FLAGS or _is_joined_global_option(arg):
            hoisted.append(arg)
        elif arg in GLOBAL_OPTIONS_WITH_VALUE:
            value = next(tail, None)
            if value is None:
                raise ValueError(f"Option '{arg}' requires an argument.")
            hoisted += [arg, value]
        else:
            rest.append(arg)
    return [*args[:index], *hoisted, args[index], *rest]


def _is_joined_global_option(arg: str) -> bool:
    """``--db=URL`` or ``--config=FILE``."""
    name, equals, _ = arg.partition("=")
    return bool(equals) and name in GLOBAL_OPTIONS_WITH_VALUE


class GlobalOptionsGroup(TyperGroup):
    """The command group; it accepts the global options after the command too."""

    def parse_args(self, ctx: typer.Context, args: list[str]) -> list[str]:
        """Move trailing global options before the command, then parse as usual."""
        try:
            args = hoist_global_options(args, set(self.commands))
        except ValueError as error:
            raise typer.BadParameter(str(error), ctx=ctx) from None
        return super().parse_args(ctx, args)


app = typer.Typer(
    cls=GlobalOptionsGroup,
    help="Turn raw news articles into deduplicated stories. "
    "The global options may also follow the command: eventwire run PATH --db URL.",
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
LimitOpt = Annotated[
    int | None, typer.Option("--limit", help="Show at most this many (one page).", min=1)
]
CursorOpt = Annotated[
    str | None, typer.Option("--cursor", help="The page after this one: a `next` cursor.")
]


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
    """Every stage's settings (imports the pipeline: only for commands that run it)."""
    from eventwire.pipeline import Settings

    try:
        return Settings.from_config(load_config(options.config))
    except (ValueError, OSError) as error:
        err.print(f"error: bad settings: {error}", markup=False)
        raise typer.Exit(EXIT_USAGE) from None


def load_store_settings(options: Options) -> StoreSettings:
    """The ``[store]`` settings alone, for commands that only read."""
    from eventwire.store import StoreSettings

    try:
        return section(load_config(options.config), "store", StoreSettings)
    except (ValueError, OSError) as error:
        err.print(f"error: bad settings: {error}", markup=False)
        raise typer.Exit(EXIT_USAGE) from None


@contextmanager
def open_repository(
    options: Options, settings: Settings | None = None, create: bool = True
) -> Iterator[Repository]:
    """The repository at ``--db``; read-only commands pass ``create=False``."""
    from eventwire.store import Repository

    store_settings = settings.store if settings is not None else load_store_settings(options)
    try:
        repo = Repository.open(options.db, store_settings, create=create)
    except Exception as error:
        err.print(f"error: cannot open database {options.db}: {error}", markup=False)
        raise typer.Exit(EXIT_USAGE) from None
    try:
        yield repo
    finally:
        repo.close()


@contextmanager
def open_pipeline(options: Options) -> Iterator[Pipeline]:
    """The pipeline over the repository at ``--db``, with a progress bar on a terminal."""
    from eventwire.pipeline import Pipeline

    settings = load_settings(options)
    with (
        open_repository(options, settings) as repo,
        render.progress(err, enabled=not options.quiet) as update,
    ):
        yield Pipeline(repo, settings, on_progress=update)


def finish(report: RunReport) -> None:
    if report.skipped:
        err.print(f"{len(report.skipped)} article(s) skipped by a stage:", markup=False)
        for skipped in report.skipped:
            err.print(f"  {skipped}", markup=False)
    if report.rejections:
        err.print(f"{len(report.rejections)} input(s) rejected:", markup=False)
        for rejection in report.rejections:
            err.print(f"  {render.escape_for_terminal(str(rejection))}", markup=False)
        raise typer.Exit(EXIT_REJECTED)


@contextmanager
def open_queries(options: Options, as_json: bool) -> Iterator[Queries]:
    """The read queries over ``--db`` (never created); a query's error ends the command."""
    from eventwire.service import Queries, QueryError

    with open_repository(options, create=False) as repo:
        try:
            yield Queries(repo)
        except QueryError as error:
            fail(error, as_json)


def fail(error: QueryError, as_json: bool) -> NoReturn:
    """Print the error (JSON on stdout, else one line on stderr); exit 1 if not found, else 2."""
    if as_json:
        print_json(error.as_dict())
    else:
        line = render.escape_for_terminal(render.describe_error(error))
        err.print(f"error: {line}", markup=False)
    raise typer.Exit(EXIT_REJECTED if error.status == 404 else EXIT_USAGE)


def show_page(page: Page, as_json: bool, options: Options, show: Callable[[Page], None]) -> None:
    """Print a page as JSON, or ``show`` it and say how to get the next page."""
    if as_json:
        print_json(page.as_dict())
        return
    show(page)
    if page.next is not None and not options.quiet:
        err.print(f"more: add --cursor {page.next}", markup=False)


def print_json(data: Any) -> None:
    sys.stdout.write(json.dumps(data, ensure_ascii=False, indent=2) + "\n")
