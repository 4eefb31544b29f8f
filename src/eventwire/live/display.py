"""What ``watch`` and ``fetch`` show: a live rich table on a terminal, plain log lines otherwise."""

from __future__ import annotations

from collections import deque
from datetime import UTC, datetime

from rich.console import Console, Group
from rich.live import Live
from rich.table import Table
from rich.text import Text

from eventwire.live.watcher import STORED, CycleStats, Monitor, PollResult
from eventwire.model import FetchOutcome

RECENT_EVENTS = 8  # lines of recent pages under the live table


def now_text() -> str:
    """The current UTC time as HH:MM:SS."""
    return datetime.now(UTC).strftime("%H:%M:%S")


def outcome_line(outcome: FetchOutcome) -> str:
    """One line for a fetched URL."""
    if outcome.outcome == STORED:
        return f"{outcome.url}: stored"
    return f"{outcome.url}: {outcome.outcome}: {outcome.message}".rstrip(": ")


def poll_line(result: PollResult, new_urls: int) -> str:
    """One line for a polled feed."""
    if result.error is not None:
        return f"feed {result.feed.url}: failed: {result.error}"
    if result.stopped:
        return f"feed {result.feed.url}: poll stopped (polled again next run)"
    if result.unchanged:
        return f"feed {result.feed.url}: not modified"
    parsed = result.parsed
    broken = f", {parsed.broken} broken item(s) skipped" if parsed and parsed.broken else ""
    count = len(parsed.items) if parsed else 0
    return f"feed {result.feed.url}: {count} item(s), {new_urls} new{broken}"


def cycle_line(cycle: int, stats: CycleStats) -> str:
    """One line summing up a cycle."""
    return (
        f"cycle {cycle}: {stats.new_urls} new URL(s), {stats.stored} stored, "
        f"{stats.rejected} rejected, {stats.failed_feeds} feed(s) failed"
    )


def failed_cycle_line(cycle: int, message: str) -> str:
    """One line for a poll cycle that failed as a whole."""
    return f"cycle {cycle} failed ({message}); the next cycle retries"


class LogMonitor(Monitor):
    """Plain timestamped lines (for logs, pipes and services)."""

    def __init__(self, console: Console) -> None:
        self.console = console

    def say(self, line: str) -> None:
        self.console.print(f"{now_text()} {line}", markup=False, highlight=False)

    def feed_polled(self, result: PollResult, new_urls: int) -> None:
        self.say(poll_line(result, new_urls))

    def page_done(self, outcome: FetchOutcome) -> None:
        self.say(outcome_line(outcome))

    def cycle_done(self, cycle: int, stats: CycleStats) -> None:
        self.say(cycle_line(cycle, stats))

    def cycle_failed(self, cycle: int, message: str) -> None:
        self.say(failed_cycle_line(cycle, message))


class LiveMonitor(Monitor):
    """A table of feeds and the latest pages, redrawn in place (use as a context manager)."""

    def __init__(self, console: Console) -> None:
        self.feeds: dict[str, list[str]] = {}
        self.names: dict[str, str | None] = {}
        self.recent: deque[str] = deque(maxlen=RECENT_EVENTS)
        self.summary = "starting"
        self.live = Live(self.render(), console=console, auto_refresh=False, transient=False)

    def __enter__(self) -> LiveMonitor:
        self.live.start()
        return self

    def __exit__(self, *_exc: object) -> None:
        self.live.stop()

    def render(self) -> Group:
        table = Table(title="eventwire watch", title_justify="left")
        for name in ("feed", "last poll", "status", "new", "stored", "errors"):
            table.add_column(name, overflow="fold")
        for url, row in self.feeds.items():
            table.add_row(self.names.get(url) or url, *row)
        events = Text("\n".join(self.recent), no_wrap=True, overflow="ellipsis")
        return Group(table, Text(self.summary), events)

    def update(self) -> None:
        self.live.update(self.render(), refresh=True)

    def feed_polled(self, result: PollResult, new_urls: int) -> None:
        row = self.feeds.get(result.feed.url, ["", "", "0", "0", "0"])
        self.names[result.feed.url] = result.feed.name
        status = (
            "failed"
            if result.error
            else "stopped"
            if result.stopped
            else "unchanged"
            if result.unchanged
            else "ok"
        )
        errors = str(int(row[4]) + (result.error is not None))
        self.feeds[result.feed.url] = [now_text(), status, str(new_urls), row[3], errors]
        if result.error:
            self.recent.append(f"{now_text()} {poll_line(result, new_urls)}")
        self.update()

    def page_done(self, outcome: FetchOutcome) -> None:
        row = self.feeds.get(outcome.feed_url or "")
        if row is not None and outcome.outcome == STORED:
            row[3] = str(int(row[3]) + 1)
        self.recent.append(f"{now_text()} {outcome_line(outcome)}")
        self.update()

    def cycle_done(self, cycle: int, stats: CycleStats) -> None:
        self.summary = f"{now_text()} {cycle_line(cycle, stats)}"
        self.update()

    def cycle_failed(self, cycle: int, message: str) -> None:
        self.summary = f"{now_text()} {failed_cycle_line(cycle, message)}"
        self.recent.append(self.summary)
        self.update()
