"""The entities stage: spaCy named-entity mentions of stored articles (docs/entities.md)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from eventwire.lazy import lazy_exports

if TYPE_CHECKING:
    from eventwire.entities.loader import ModelLoader
    from eventwire.entities.recognizer import EntityRecognizer
    from eventwire.entities.settings import EntitiesSettings

MODULE_OF = {
    "ModelLoader": "eventwire.entities.loader",
    "EntityRecognizer": "eventwire.entities.recognizer",
    "EntitiesSettings": "eventwire.entities.settings",
}
__all__ = [
    "EntitiesSettings",
    "EntityRecognizer",
    "ModelLoader",
]
__getattr__ = lazy_exports(__name__, MODULE_OF)
