"""Which stated dates can be an article's publication or update time (section ``[dates]``).

Pages and feeds state placeholder dates (0001-01-01, 1970-01-01) and typos (2091 for 2019).
Taken as an article's time they misplace it and break date arithmetic downstream, so every
entry point (HTML metadata and htmldate, JSONL fields, WARC and feed dates, datelines and
timestamp lines in the text) asks :func:`implausibility` before taking a date, and notes what
it set aside with :func:`ignored_note`.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime, timedelta

from eventwire.model import CleaningNote

IMPLAUSIBLE_RULE = "implausible-date"


@dataclass(frozen=True)
class DatesSettings:
    """Limits of a plausible publication or update time (section ``[dates]``)."""

    earliest_year: int = 1990  # dates in earlier years are placeholders or typos
    max_future_hours: float = 24.0  # dates this far after the time of reading are not yet


def implausibility(
    when: datetime, settings: DatesSettings, now: datetime | None = None
) -> str | None:
    """Why ``when`` cannot be a publication or update time, or None when it can.

    ``now`` is the time of reading (the current time when not given). Differences are
    compared, never shifted dates, so that datetime.min and datetime.max are safe.
    """
    if when.year < settings.earliest_year:
        return f"before {settings.earliest_year}"
    now = now or datetime.now(UTC)
    ahead = _aware(when) - _aware(now)
    if ahead > timedelta(hours=settings.max_future_hours):
        return f"more than {settings.max_future_hours:g} hours after the time of reading"
    return None


def ignored_note(when: datetime, what: str, reason: str) -> CleaningNote:
    """The note saying that ``what`` (e.g. 'published time from JSON-LD') was set aside."""
    return CleaningNote(
        rule=IMPLAUSIBLE_RULE, text=when.isoformat(), detail=f"{what} ignored: {reason}"
    )


def keep_plausible(
    when: datetime | None, what: str, settings: DatesSettings, now: datetime | None = None
) -> tuple[datetime | None, list[CleaningNote]]:
    """``when`` when it is plausible, else None and the note saying why it was ignored."""
    if when is None:
        return None, []
    reason = implausibility(when, settings, now)
    if reason is None:
        return when, []
    return None, [ignored_note(when, what, reason)]


def _aware(moment: datetime) -> datetime:
    """A naive moment read as UTC (inputs are tz-aware; this keeps the check total)."""
    return moment if moment.tzinfo is not None else moment.replace(tzinfo=UTC)
