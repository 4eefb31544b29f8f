"""Deduplication: link exact and syndicated (near-duplicate) copies to their first original."""

from eventwire.dedup.index import Deduplicator
from eventwire.dedup.settings import DedupSettings

__all__ = ["DedupSettings", "Deduplicator"]
