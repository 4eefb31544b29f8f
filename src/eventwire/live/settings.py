"""Settings of live fetching (the ``[live]`` section of the configuration)."""

from __future__ import annotations

from dataclasses import dataclass

from eventwire import __version__

DEFAULT_USER_AGENT = (
    f"eventwire/{__version__} (news monitoring; +https://pypi.org/project/eventwire/)"
)


@dataclass(frozen=True)
class LiveSettings:
    """How feeds and pages are fetched, politely.

    Attributes:
        user_agent: The User-Agent header sent with every request (and matched in robots.txt);
            empty means ``eventwire/VERSION (news monitoring bot)``. Add your contact.
        connect_timeout_seconds: Seconds to wait for a connection.
        read_timeout_seconds: Seconds to wait for the next bytes of a response.
        max_download_seconds: Seconds one response body may take in all (a server that
            trickles bytes never trips the read timeout).
        retries: Extra attempts after a 5xx response, a timeout or a connection error.
        backoff_seconds: First retry delay; it doubles with each retry.
        max_backoff_seconds: Longest retry delay.
        max_redirects: Redirects followed before a URL is rejected (a loop ends here).
        max_page_bytes: Pages (and feeds) larger than this are aborted while streaming.
        host_delay_seconds: Minimum seconds between two requests to one host.
        host_concurrency: Requests in flight to one host at a time.
        concurrency: Requests in flight in total.
        respect_robots: Obey robots.txt (a missing robots.txt allows everything).
        robots_cache_seconds: How long a host's robots.txt is reused.
        poll_interval_seconds: Seconds between two polls of the feeds (``watch --interval``).
        max_url_attempts: A URL failing with a transient error (5xx, timeout) is retried on
            later polls until it has failed this many times.
        sitemap_index_children: For a sitemap index, how many child sitemaps (newest first)
            each poll reads.
    """

    user_agent: str = ""
    connect_timeout_seconds: float = 10.0
    read_timeout_seconds: float = 20.0
    max_download_seconds: float = 60.0
    retries: int = 3
    backoff_seconds: float = 1.0
    max_backoff_seconds: float = 30.0
    max_redirects: int = 5
    max_page_bytes: int = 5_000_000
    host_delay_seconds: float = 1.0
    host_concurrency: int = 2
    concurrency: int = 8
    respect_robots: bool = True
    robots_cache_seconds: float = 3600.0
    poll_interval_seconds: float = 300.0
    max_url_attempts: int = 3
    sitemap_index_children: int = 2

    @property
    def agent(self) -> str:
        """The User-Agent actually sent."""
        return self.user_agent.strip() or DEFAULT_USER_AGENT
