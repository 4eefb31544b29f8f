"""Commands for live news: fetch, watch, status (docs/live.md)."""

from __future__ import annotations

import logging
import os
import signal
import sys
import threading
from collections.abc import Iterator
from contextlib import ExitStack, contextmanager
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer
from rich.table import Table

from eventwire.cli import render
from eventwire.cli.common import (
    EXIT_REJECTED,
    EXIT_USAGE,
    CursorOpt,
    JsonOpt,
    LimitOpt,
    Options,
    app,
    err,
    finish,
    load_settings,
    open_queries,
    open_repository,
    out,
    show_page,
)
from eventwire.config import load_config, section
from eventwire.model import FailedRun, FeedState

if TYPE_CHECKING:  # imported by the commands that use them: they load every stage
    from eventwire.live import LiveSettings
    from eventwire.live.watcher import LiveRunner, Monitor

STOP_SIGNALS = (signal.SIGTERM, signal.SIGINT)
FORCED_EXIT_CODE = 130
STOPPED_MESSAGE = "stopped: finished pages were stored; unfinished ones are fetched next run"
STOPPING_MESSAGE = (
    "stopping: pages in flight get a few seconds to finish; the rest are fetched next run"
    " (signal again to force)"
)
FORCED_STOP_MESSAGE = "forced stop: pages in flight dropped (what was stored is kept)"
# The live display reports every rejection itself; the pipeline's own warnings would repeat it.
QUIETED_LOGGERS = ("eventwire.pipeline",)


def load_live_settings(options: Options) -> LiveSettings:
    """The ``[live]`` settings (exit 2 when they are bad)."""
    from eventwire.live import LiveSettings

    try:
        return section(load_config(options.config), "live", LiveSettings)
    except (ValueError, OSError) as error:
        err.print(f"error: bad settings: {error}", markup=False)
        raise typer.Exit(EXIT_USAGE) from None


@contextmanager
def open_runner(options: Options, monitor: Monitor) -> Iterator[LiveRunner]:
    """A LiveRunner over the database; stopped cleanly by SIGTERM or Ctrl-C."""
    from eventwire.live.watcher import LiveRunner
    from eventwire.pipeline import Pipeline

    live_settings = load_live_settings(options)
    settings = load_settings(options)
    for name in QUIETED_LOGGERS:
        logging.getLogger(name).setLevel(logging.ERROR)
    with open_repository(options, settings) as repo:
        runner = LiveRunner(Pipeline(repo, settings), live_settings, monitor)
        try:
            with stop_on_signals(runner.stop):
                yield runner
        finally:
            runner.close()


@contextmanager
def stop_on_signals(stop: threading.Event) -> Iterator[None]:
    """Set ``stop`` on SIGTERM/SIGINT (the work in flight finishes); restore handlers after.

    A second signal forces the exit at once: downloads in flight are dropped, and a page
    being stored is rolled back by the database, so nothing stored before is lost.
    """

    def handle(signum: int, _frame: object) -> None:
        if stop.is_set():
            sys.stderr.write(FORCED_STOP_MESSAGE + "\n")
            sys.stderr.flush()
            os._exit(FORCED_EXIT_CODE)
        stop.set()
        sys.stderr.write(STOPPING_MESSAGE + "\n")

    previous = {sig: signal.signal(sig, handle) for sig in STOP_SIGNALS}
    try:
        yield
    finally:
        for sig, handler in previous.items():
            signal.signal(sig, handler)


def make_monitor(options: Options, stack: ExitStack) -> Monitor:
    """A live table on a terminal, plain lines otherwise, nothing with --quiet."""
    from eventwire.live.display import LiveMonitor, LogMonitor
    from eventwire.live.watcher import Monitor

    if options.quiet:
        return Monitor()
    if err.is_terminal:
        return stack.enter_context(LiveMonitor(err))
    return LogMonitor(err)


@app.command()
def fetch(
    ctx: typer.Context,
    urls: Annotated[list[str], typer.Argument(help="Page URLs.", show_default=False)],
) -> None:
    """Fetch article pages by URL, store and cluster them (a URL is fetched only once)."""
    options: Options = ctx.obj
    with ExitStack() as stack:
        runner = stack.enter_context(open_runner(options, make_monitor(options, stack)))
        stats = runner.fetch(urls)
    skipped = len(dict.fromkeys(urls)) - stats.new_urls
    if skipped and not options.quiet:
        err.print(f"{skipped} URL(s) already fetched before: skipped", markup=False)
    if not options.quiet:
        render.print_report(err, runner.report)
    finish(runner.report)


@app.command()
def watch(
    ctx: typer.Context,
    feeds: Annotated[
        Path,
        typer.Option("--feeds", help="TOML file of [[feeds]] (url, name).", dir_okay=False),
    ],
    interval: Annotated[
        float | None,
        typer.Option(
            "--interval", help="Seconds between polls (default: live.poll_interval_seconds)."
        ),
    ] = None,
    once: Annotated[bool, typer.Option("--once", help="Poll once, then exit.")] = False,
) -> None:
    """Poll RSS/Atom feeds and news sitemaps; fetch, store and cluster new articles."""
    from eventwire.live import load_feeds
    from eventwire.live.watcher import WatchFailed

    options: Options = ctx.obj
    try:
        feed_list = load_feeds(feeds)
    except ValueError as error:
        err.print(f"error: {error}", markup=False)
        raise typer.Exit(EXIT_USAGE) from None
    with ExitStack() as stack:
        runner = stack.enter_context(open_runner(options, make_monitor(options, stack)))
        seconds = interval if interval is not None else runner.settings.poll_interval_seconds
        try:
            runner.watch(feed_list, seconds, once=once)
        except WatchFailed as error:
            err.print(f"error: {error}", markup=False)
            raise typer.Exit(EXIT_REJECTED) from None
    if runner.stop.is_set() and not options.quiet:
        err.print(
            "stopped: finished pages were stored; unfinished ones are fetched next run",
            markup=False,
        )


@app.command()
def status(
    ctx: typer.Context,
    as_json: JsonOpt = False,
    limit: LimitOpt = None,
    cursor: CursorOpt = None,
    failed: Annotated[
        bool, typer.Option("--failed", help="List the failed stage runs instead of the feeds.")
    ] = False,
) -> None:
    """Per feed: last success, last error, URLs fetched, articles stored, rejected; then every
    article or story a stage failed on, with the stage and the reason (--failed: only those)."""
    with open_queries(ctx.obj, as_json) as queries:
        page = (queries.failed_runs if failed else queries.feeds)(limit=limit, cursor=cursor)
        failures = [] if failed or as_json else queries.failed_runs().items
    if failed:
        show_page(page, as_json, ctx.obj, lambda p: out.print(failures_table(list(p.items))))
        return
    show_page(page, as_json, ctx.obj, lambda p: out.print(status_table(list(p.items))))
    if failures:
        out.print(failures_table(list(failures)))


def failures_table(failures: list[FailedRun]) -> Table:
    """Failed stage runs as a table (newest first)."""
    table = Table(title=f"{len(failures)} failed stage runs", title_justify="left")
    for name in ("stage", "article or story", "title", "reason", "when"):
        table.add_column(name, overflow="fold")
    for failure in failures:
        table.add_row(
            failure.stage,
            render.plain(failure.subject),
            render.plain(failure.title),
            render.plain(failure.reason),
            render.format_time(failure.ran_at),
        )
    return table


def status_table(states: list[FeedState]) -> Table:
    """The feeds as a table."""
    table = Table(title=f"{len(states)} feeds", title_justify="left")
    for name in ("feed", "polls", "last success", "last error", "URLs", "articles", "rejected"):
        table.add_column(name, overflow="fold")
    for state in states:
        error = ""
        if state.last_error:
            error = f"{render.format_time(state.last_error_at)} {state.last_error}"
        table.add_row(
            render.plain(f"{state.name} ({state.url})" if state.name else state.url),
            str(state.polls),
            render.format_time(state.last_success_at) if state.last_success_at else "never",
            render.plain(error),
            str(state.urls),
            str(state.articles),
            str(state.rejected),
        )
    return table
