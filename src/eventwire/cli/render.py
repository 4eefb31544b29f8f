"""Terminal rendering for the CLI (rich tables, progress bar). No logic lives here.

Every string that comes from stored data (titles, bodies, outlets, URLs, reasons) is printed
through ``escape_for_terminal`` (control characters shown as escapes, so a page cannot move the
cursor, recolour or clear the terminal) and as plain text, never as rich markup (``plain``).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from datetime import datetime
from typing import TYPE_CHECKING, Any

from rich import box
from rich.console import Console
from rich.table import Table
from rich.text import Text

from eventwire.model import ArticleView, MentionTime, StoryFacts, StoryView

if TYPE_CHECKING:
    from eventwire.pipeline import RunReport
    from eventwire.service import QueryError

STATUS_STYLES = {"corroborated": "green", "disputed": "red", "commentary": "dim"}
PROGRESS_MIN_ITEMS = 20  # below this, a run is too short for a progress bar to help
# C0 and C1 controls, DEL, and the bidirectional overrides/isolates (they reorder what follows).
TERMINAL_CONTROLS = re.compile(r"[\x00-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")


def escape_for_terminal(text: str | None, newlines: bool = False) -> str:
    """``text`` with control characters shown as ``\\xNN``/``\\uNNNN``; ``newlines`` keeps line
    breaks (for body text)."""

    def escape(match: re.Match[str]) -> str:
        char = match.group(0)
        if newlines and char == "\n":
            return char
        code = ord(char)
        return f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}"

    return TERMINAL_CONTROLS.sub(escape, text or "")


def plain(text: str | None, style: str = "") -> Text:
    """Stored text as a rich ``Text``: escaped, and never read as markup."""
    return Text(escape_for_terminal(text), style=style)


def describe_error(error: QueryError) -> str:
    """A query error as one line; an ambiguous name lists its candidates."""
    candidates = getattr(error, "candidates", ())
    if not candidates:
        return str(error)
    listed = "; ".join(_candidate(actor) for actor in candidates)
    return f"{getattr(error, 'name', '')!r} matches {listed}; give an id"


def _candidate(actor: Any) -> str:
    details = ", ".join(x for x in (actor.country, *actor.roles[:1]) if x) or actor.type
    return f"{actor.id} {actor.name} ({details})"


def format_time(value: datetime | None) -> str:
    """Short time with its offset ('UTC' for +00:00), or '?' when unknown."""
    if value is None:
        return "?"
    zone = "UTC" if not value.utcoffset() else value.isoformat()[-6:]
    return f"{value.strftime('%Y-%m-%d %H:%M')} {zone}"


def format_zoned_time(value: datetime | None, zone_stated: bool | None) -> str:
    """``format_time``, flagging a time whose zone the input did not state."""
    text = format_time(value) if value is not None else ""
    return f"{text} (zone not stated)" if value is not None and zone_stated is False else text


def print_stories(console: Console, stories: list[StoryView]) -> None:
    """A table of stories: id, size, outlets, time span, title."""
    table = Table(title=f"{len(stories)} stories", title_justify="left", box=box.SIMPLE_HEAD)
    for name in ("id", "articles", "outlets", "first seen", "last seen", "title"):
        table.add_column(
            name, no_wrap=True, justify="right" if name in ("id", "articles") else "left"
        )
    title_width = max(20, console.width - 58)  # what the other columns leave on one line
    for story in stories:
        table.add_row(
            str(story.id),
            str(len(story.articles)),
            str(len(story.sources)),
            format_day(story.first_seen),
            format_day(story.last_seen),
            plain(_shorten(escape_for_terminal(story.title), title_width)),
        )
    console.print(table)


def _shorten(text: str, width: int) -> str:
    return text if len(text) <= width else text[: width - 1].rstrip() + "…"


def format_day(value: datetime | None) -> str:
    """The UTC day, or '?' when unknown."""
    return value.strftime("%Y-%m-%d") if value else "?"


def print_story(console: Console, story: StoryView) -> None:
    """One story's articles side by side: outlet, time, title, copy-of links."""
    console.print(Text.assemble(Text(f"Story {story.id}", style="bold"), ": ", plain(story.title)))
    console.print(
        f"{len(story.articles)} articles from {len(story.sources)} outlets, "
        f"{format_time(story.first_seen)} – {format_time(story.last_seen)}",
        highlight=False,
    )
    table = Table()
    for name in ("article", "outlet", "published", "title", "copy of"):
        table.add_column(name, overflow="fold")
    for item in story.articles:
        copy_of = str(item.copy_of) if item.copy_of is not None else ""
        table.add_row(
            str(item.id),
            plain(item.source),
            format_time(item.published_at),
            plain(item.title),
            copy_of,
        )
    console.print(table)


def print_story_facts(console: Console, facts: StoryFacts | None) -> None:
    """A story's summary, facts (status, outlets), disputes, timeline and per-outlet additions."""
    if facts is None:
        console.print("No facts yet (run `eventwire process`).", style="dim")
        return
    ids = {f.seq: f.id if f.id is not None else f.seq for f in facts.facts}
    console.print(Text.assemble(Text("Summary", style="bold"), ": ", plain(facts.title)))
    for line in facts.summary:
        outlets = ", ".join(line.sources)
        console.print(
            Text.assemble(
                f"  • [{ids.get(line.fact)}] ", plain(line.text), " ", plain(f"({outlets})", "dim")
            )
        )
    _print_facts_table(console, facts, ids)
    _print_disputes(console, facts, ids)
    if facts.timeline:
        console.print(Text("Timeline", style="bold"))
        for line in facts.timeline:
            console.print(
                Text.assemble(f"  {line.date}  [{ids.get(line.fact)}] ", plain(line.text))
            )
    for addition in facts.unique_by_source:
        if addition.facts:
            listed = ", ".join(str(ids[n]) for n in addition.facts)
            console.print(
                Text.assemble("Only in ", plain(addition.source, "bold"), f": facts {listed}")
            )


def _print_facts_table(console: Console, facts: StoryFacts, ids: dict[int, int]) -> None:
    """One line per fact: id, status, independent outlets of all, kind (speaker), text."""
    console.print(Text(f"{len(facts.facts)} facts", style="bold"))
    for fact in facts.facts:
        kind = f"quote, {fact.speaker}" if fact.kind == "quote" and fact.speaker else fact.kind
        outlets = f"{fact.independent_sources} of {', '.join(fact.sources)}"
        console.print(
            Text.assemble(
                f"  [{ids[fact.seq]}] ",
                Text(fact.status, style=STATUS_STYLES.get(fact.status, "")),
                " (",
                plain(outlets),
                "; ",
                plain(kind),
                ") ",
                plain(fact.text),
            )
        )


def _print_disputes(console: Console, facts: StoryFacts, ids: dict[int, int]) -> None:
    disputed = [(f, d) for f in facts.facts for d in f.disputes]
    if not disputed:
        return
    console.print(Text("Disputes", style="bold"))
    for fact, dispute in disputed:
        values = "; ".join(f"{v.value} ({', '.join(v.sources)})" for v in dispute.values)
        console.print(Text.assemble(f"  [{ids[fact.seq]}] {dispute.kind}: ", plain(values)))


def print_article(console: Console, article: ArticleView, explain: bool = False) -> None:
    """An article's metadata and clean text; with ``explain``, the cleaning notes."""
    console.print(plain(article.title, style="bold"))
    facts = [
        ("article", str(article.id)),
        ("outlet", article.source),
        ("url", article.url or ""),
        ("origin", article.origin),
        ("by", ", ".join(article.authors)),
        ("published", format_zoned_time(article.published_at, article.published_zone_stated)),
        ("updated", format_zoned_time(article.updated_at, article.updated_zone_stated)),
        ("story", str(article.story_id) if article.story_id is not None else "not processed"),
        ("copy of", str(article.copy_of) if article.copy_of is not None else ""),
    ]
    for label, value in facts:
        if value:
            console.print(Text.assemble(Text(f"{label:>9}", style="dim"), " ", plain(value)))
    console.print()
    for block in article.blocks:
        style = "bold underline" if block.kind == "heading" else ""
        console.print(Text(escape_for_terminal(block.text, newlines=True), style=style))
        console.print()
    if explain:
        print_notes(console, article)


def print_times(console: Console, times: list[MentionTime]) -> None:
    """Dates and times the article mentions, normalised (inferred anchors marked)."""
    if not times:
        return
    table = Table(title=f"{len(times)} dates and times", title_justify="left")
    for name in ("text", "value", "from", "to", "anchor"):
        table.add_column(name, overflow="fold")
    for time in times:
        anchor = "inferred from story" if time.anchor_inferred else "published"
        table.add_row(
            plain(time.mention.text), time.value, time.start or "", time.end or "", anchor
        )
    console.print(table)


def print_notes(console: Console, article: ArticleView) -> None:
    """The cleaner's notes: rule, line, text removed or changed, and why."""
    table = Table(title=f"{len(article.notes)} cleaning notes", title_justify="left")
    for name in ("rule", "line", "text", "why"):
        table.add_column(name, overflow="fold")
    for note in article.notes:
        line = str(note.line) if note.line is not None else ""
        table.add_row(note.rule, line, plain(note.text), plain(note.detail))
    console.print(table)


def print_report(console: Console, report: RunReport) -> None:
    """One line per stage: in, out, rejected by reason, seconds."""
    for stage in report.stages.values():
        rejected = ", ".join(f"{k} {v}" for k, v in sorted(stage.rejected.items()))
        console.print(
            f"{stage.stage:>8}: {stage.count_in} in, {stage.count_out} out"
            + (f", {rejected}" if rejected else "")
            + f" ({stage.seconds:.2f}s)",
            highlight=False,
        )


@contextmanager
def progress(console: Console, enabled: bool = True) -> Iterator[Callable]:
    """A progress callback ``(stage, done, total)`` drawing a rich bar on a terminal."""
    if not enabled or not console.is_terminal:
        yield lambda stage, done, total: None
        return
    from rich.progress import (
        BarColumn,
        MofNCompleteColumn,
        Progress,
        TextColumn,
        TimeElapsedColumn,
    )

    bar = Progress(
        TextColumn("{task.description}"),
        BarColumn(),
        MofNCompleteColumn(),
        TimeElapsedColumn(),
        console=console,
        transient=True,
        auto_refresh=False,  # no refresh thread: a process with other threads may not fork
    )  # (the facts stage's helper processes and spaCy's workers fork while it is drawn)
    tasks: dict[str, int] = {}

    def update(stage: str, done: int, total: int | None) -> None:
        if total is not None and total < PROGRESS_MIN_ITEMS:
            return
        if stage not in tasks:
            tasks[stage] = bar.add_task(stage, total=total)
        bar.update(tasks[stage], completed=done, total=total, refresh=True)

    with bar:
        yield update
