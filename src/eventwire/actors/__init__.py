"""The actors stage: canonical actors resolved from entity mentions (docs/actors.md)."""

from eventwire.actors.resolver import ActorResolver
from eventwire.actors.settings import ActorsSettings

__all__ = ["ActorResolver", "ActorsSettings"]
