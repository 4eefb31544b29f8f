"""The ``time`` stage: normalise temporal expressions against the publication time."""

from eventwire.model import TimeValue
from eventwire.time.normalize import normalize_time, publication_day, resolve_anchor
from eventwire.time.request import TimeSettings

__all__ = ["TimeSettings", "TimeValue", "normalize_time", "publication_day", "resolve_anchor"]
