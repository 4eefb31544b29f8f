"""Rules that move metadata lines out of the body: timestamps and datelines."""

from __future__ import annotations

from datetime import datetime

from eventwire.clean.items import Item
from eventwire.clean.patterns import RELATIVE_TIME_LINE, SECTION_AFFIX, WIRE_DATELINE
from eventwire.clean.settings import CleanSettings
from eventwire.clean.timestamps import Stamp, choose_times, parse_timestamp_line
from eventwire.model import CleaningNote, RawArticle
from eventwire.plausible import ignored_note, implausibility, keep_plausible

MIN_PROSE_WORDS = 3
PROSE_ENDS = (".", "!", "?", '"', "”", "’")


def extract_time_lines(
    items: list[Item], settings: CleanSettings
) -> tuple[list[Item], list[CleaningNote], list[Stamp]]:
    """Drop lines that print only times (rule ``timestamp``) and collect their times.

    A bare date ("March 3, 2020": no clock, no label) is a dateline only in the head or foot
    of the text (before the first or after the last prose line); between prose lines it is a
    subheading of the article (a timeline) and stays in the body.
    """
    kept, notes, stamps = [], [], []
    prose = [n for n, item in enumerate(items) if is_prose(item.text)]
    first, last = (prose[0], prose[-1]) if prose else (len(items), -1)
    for index, item in enumerate(items):
        found = parse_timestamp_line(item.text, settings)
        if found and first < index < last and all(is_bare_date(s) for s in found):
            found = None
        if found:
            stamps.extend(found)
            notes.append(item.note("timestamp", describe_stamps(found)))
        elif RELATIVE_TIME_LINE.match(item.text):
            notes.append(item.note("timestamp", "relative time line, no absolute time to keep"))
        else:
            kept.append(item)
    return kept, notes, stamps


def is_prose(text: str) -> bool:
    """A line of running text: it ends like a sentence (headlines, however long, do not)."""
    return len(text.split()) > MIN_PROSE_WORDS and text.rstrip().endswith(PROSE_ENDS)


def is_bare_date(stamp: Stamp) -> bool:
    """A date printed without a clock time or a Published/Updated label."""
    return not stamp.has_time and stamp.role is None


def extract_datelines(
    items: list[Item], settings: CleanSettings
) -> tuple[list[Item], list[CleaningNote], list[Stamp]]:
    """Drop dateline/prefix lines (rule ``dateline``), keeping any date they print.

    A section name next to a date ("date 2026-02-08 World") is taken anywhere; a wire
    dateline standing alone ("CITY, State. —") only before the first real paragraph.
    """
    kept, notes, stamps = [], [], []
    in_head = True
    for item in items:
        found = match_section_date(item.text, settings)
        if found:
            stamps.extend(found)
            notes.append(item.note("dateline", "section name and date: " + describe_stamps(found)))
        elif in_head and WIRE_DATELINE.match(item.text):
            notes.append(item.note("dateline", "wire dateline standing alone before the body"))
        else:
            kept.append(item)
            in_head = in_head and len(item.text.split()) <= settings.max_heading_words
    return kept, notes, stamps


def match_section_date(text: str, settings: CleanSettings) -> list[Stamp] | None:
    """Times of a line made of a section name (1-3 capitalised words) and a time line."""
    match = SECTION_AFFIX.match(text)
    if not match:
        return None
    rest = match.group("rest") or match.group("head")
    return parse_timestamp_line(rest, settings)


def describe_stamps(stamps: list[Stamp]) -> str:
    """One readable line listing the times found, e.g. 'published 2026-02-08T16:46+00:00'."""
    parts = []
    for stamp in stamps:
        label = stamp.role or "time"
        when = stamp.when.isoformat() if stamp.has_time else stamp.when.date().isoformat()
        assumed = (
            " (no zone printed, assumed default)" if stamp.assumed_zone and stamp.has_time else ""
        )
        parts.append(f"{label} {when}{assumed}")
    return "moved to metadata: " + "; ".join(parts)


def choose_article_times(
    raw: RawArticle, stamps: list[Stamp], settings: CleanSettings
) -> tuple[datetime | None, datetime | None, list[CleaningNote]]:
    """Published and updated time from the input and the text; implausible ones left out."""
    kept, notes = [], []
    for stamp in stamps:
        reason = implausibility(stamp.when, settings.dates)
        if reason is None:
            kept.append(stamp)
        else:
            notes.append(
                ignored_note(stamp.when, f"{stamp.role or 'time'} printed in the text", reason)
            )
    printed_published, printed_updated = choose_times(kept)
    times = []
    for name, given, printed in (
        ("published", raw.published, printed_published),
        ("updated", raw.updated, printed_updated),
    ):
        given, ignored = keep_plausible(given, f"{name} time of the input", settings.dates)
        chosen, found = merge_times(given, printed, name)
        times.append(chosen)
        notes += ignored + found
    return times[0], times[1], notes


def merge_times(
    given: datetime | None, found: datetime | None, name: str
) -> tuple[datetime | None, list[CleaningNote]]:
    """Input metadata wins; a differing time from the text is noted, not used."""
    if given is None or found is None or given == found:
        return given or found, []
    note = CleaningNote(
        rule="timestamp",
        text=found.isoformat(),
        detail=f"{name} time printed in the text ignored: input metadata gives {given.isoformat()}",
    )
    return given, [note]
