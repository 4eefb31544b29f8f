"""The actors stage: canonical actors resolved from entity mentions (docs/actors.md)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from eventwire.lazy import lazy_exports

if TYPE_CHECKING:
    from eventwire.actors.resolver import ActorResolver
    from eventwire.actors.settings import ActorsSettings

MODULE_OF = {
    "ActorResolver": "eventwire.actors.resolver",
    "ActorsSettings": "eventwire.actors.settings",
}
__all__ = [
    "ActorResolver",
    "ActorsSettings",
]
__getattr__ = lazy_exports(__name__, MODULE_OF)
