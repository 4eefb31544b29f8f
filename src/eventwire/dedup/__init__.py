"""Deduplication: link exact and syndicated (near-duplicate) copies to their first original."""

from __future__ import annotations

from typing import TYPE_CHECKING

from eventwire.lazy import lazy_exports

if TYPE_CHECKING:
    from eventwire.dedup.index import Deduplicator
    from eventwire.dedup.settings import DedupSettings

MODULE_OF = {
    "Deduplicator": "eventwire.dedup.index",
    "DedupSettings": "eventwire.dedup.settings",
}
__all__ = [
    "DedupSettings",
    "Deduplicator",
]
__getattr__ = lazy_exports(__name__, MODULE_OF)
