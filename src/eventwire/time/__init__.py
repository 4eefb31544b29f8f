"""The ``time`` stage: normalise temporal expressions against the publication time."""

from __future__ import annotations

from typing import TYPE_CHECKING

from eventwire.lazy import lazy_exports

if TYPE_CHECKING:
    from eventwire.model import TimeValue
    from eventwire.time.mentions import TIME_LABELS, story_times
    from eventwire.time.normalize import normalize_time, publication_day, resolve_anchor
    from eventwire.time.request import TimeSettings

MODULE_OF = {
    "TimeValue": "eventwire.model",
    "TIME_LABELS": "eventwire.time.mentions",
    "story_times": "eventwire.time.mentions",
    "normalize_time": "eventwire.time.normalize",
    "publication_day": "eventwire.time.normalize",
    "resolve_anchor": "eventwire.time.normalize",
    "TimeSettings": "eventwire.time.request",
}
__all__ = [
    "TIME_LABELS",
    "TimeSettings",
    "TimeValue",
    "normalize_time",
    "publication_day",
    "resolve_anchor",
    "story_times",
]
__getattr__ = lazy_exports(__name__, MODULE_OF)
