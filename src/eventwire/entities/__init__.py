"""The entities stage: spaCy named-entity mentions of stored articles (docs/entities.md)."""

from eventwire.entities.loader import ModelLoader
from eventwire.entities.recognizer import EntityRecognizer
from eventwire.entities.settings import EntitiesSettings

__all__ = ["EntitiesSettings", "EntityRecognizer", "ModelLoader"]
