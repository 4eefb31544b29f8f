"""The ``time`` stage: normalise temporal expressions against the publication time."""

from eventwire.model import TimeValue
from eventwire.time.mentions import TIME_LABELS, story_times
from eventwire.time.normalize import normalize_time, publication_day, resolve_anchor
from eventwire.time.request import TimeSettings

__all__ = [
    "TIME_LABELS",
    "TimeSettings",
    "TimeValue",
    "normalize_time",
    "publication_day",
    "resolve_anchor",
    "story_times",
]
