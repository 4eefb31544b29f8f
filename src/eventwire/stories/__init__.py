"""Story clustering: group articles about the same real-world event, one pass over a stream."""

from eventwire.stories.clusterer import StoriesSettings, StoryClusterer

__all__ = ["StoriesSettings", "StoryClusterer"]
