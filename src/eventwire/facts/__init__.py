"""The ``facts`` stage: a story's claims aligned across outlets into corroborated,
single-source and disputed facts, and the consolidated story (docs/facts.md)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from eventwire.lazy import lazy_exports

if TYPE_CHECKING:
    from eventwire.facts.build import story_facts
    from eventwire.facts.settings import FactsSettings

MODULE_OF = {
    "story_facts": "eventwire.facts.build",
    "FactsSettings": "eventwire.facts.settings",
}
__all__ = ["FactsSettings", "story_facts"]
__getattr__ = lazy_exports(__name__, MODULE_OF)
