"""The events stage: who did what to whom, when and where, in CAMEO and PLOVER (docs/events.md)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from eventwire.lazy import lazy_exports

if TYPE_CHECKING:
    from eventwire.events.settings import EventsSettings

MODULE_OF = {"EventsSettings": "eventwire.events.settings"}
__all__ = ["EventsSettings"]
__getattr__ = lazy_exports(__name__, MODULE_OF)
