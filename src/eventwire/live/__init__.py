"""Live news: poll feeds and sitemaps, fetch pages politely, feed them to the pipeline.

See docs/live.md. ``eventwire.live.watcher.LiveRunner`` drives fetching and the pipeline (it
is not imported here, so that the pipeline can read ``LiveSettings`` without a cycle);
``Fetcher`` is the polite HTTP client.
"""

from eventwire.live.feeds import FeedConfig, FeedItem, load_feeds, parse_feed
from eventwire.live.fetcher import Fetcher
from eventwire.live.settings import LiveSettings

__all__ = [
    "FeedConfig",
    "FeedItem",
    "Fetcher",
    "LiveSettings",
    "load_feeds",
    "parse_feed",
]
