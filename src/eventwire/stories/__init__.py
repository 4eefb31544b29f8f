"""Story clustering: group articles about the same real-world event, one pass over a stream."""

from __future__ import annotations

from typing import TYPE_CHECKING

from eventwire.lazy import lazy_exports

if TYPE_CHECKING:
    from eventwire.stories.clusterer import StoryClusterer
    from eventwire.stories.settings import StoriesSettings

MODULE_OF = {
    "StoryClusterer": "eventwire.stories.clusterer",
    "StoriesSettings": "eventwire.stories.settings",
}
__all__ = [
    "StoriesSettings",
    "StoryClusterer",
]
__getattr__ = lazy_exports(__name__, MODULE_OF)
