"""Live news: poll feeds and sitemaps, fetch pages politely, feed them to the pipeline.

See docs/live.md. ``eventwire.live.watcher.LiveRunner`` drives fetching and is handed the
pipeline (live never imports the pipeline's module); ``Fetcher`` is the polite HTTP client.
The names below load on first use, so that reading ``LiveSettings`` (the configuration does)
imports neither httpx nor the page readers.
"""

from __future__ import annotations

from importlib import import_module
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from eventwire.live.feeds import FeedConfig, FeedItem, load_feeds, parse_feed
    from eventwire.live.fetcher import Fetcher
    from eventwire.live.settings import LiveSettings

MODULE_OF = {
    "FeedConfig": "eventwire.live.feeds",
    "FeedItem": "eventwire.live.feeds",
    "load_feeds": "eventwire.live.feeds",
    "parse_feed": "eventwire.live.feeds",
    "Fetcher": "eventwire.live.fetcher",
    "LiveSettings": "eventwire.live.settings",
}

__all__ = [
    "FeedConfig",
    "FeedItem",
    "Fetcher",
    "LiveSettings",
    "load_feeds",
    "parse_feed",
]


def __getattr__(name: str) -> Any:
    """The public names, imported when first asked for."""
    if name not in MODULE_OF:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    return getattr(import_module(MODULE_OF[name]), name)
