"""robots.txt, fetched once per site and reused (urllib.robotparser does the matching).

As RFC 9309 says: a robots.txt that is missing (4xx) allows everything; one that cannot be
read because the server fails (5xx) allows nothing, for a while. A site that cannot be
reached at all (connection error, timeout) is not asked again for that while either: its
pages fail at once with the same reason. A robots.txt ``Crawl-delay``
longer than ``live.host_delay_seconds`` is obeyed.
"""

from __future__ import annotations

import threading
import time
from typing import TYPE_CHECKING
from urllib.parse import urlsplit
from urllib.robotparser import RobotFileParser

from eventwire.live.errors import (
    HTTP_ERROR,
    REDIRECT_LOOP,
    ROBOTS_DISALLOWED,
    ROBOTS_UNAVAILABLE,
    SERVER_ERROR,
    STOPPED,
    TOO_LARGE,
    TOO_MANY_REDIRECTS,
    FetchProblem,
)
from eventwire.live.settings import LiveSettings

if TYPE_CHECKING:
    from eventwire.live.fetcher import Fetcher

ROBOTS_PATH = "/robots.txt"
FAILURE_CACHE_SECONDS = 300.0  # a failing robots.txt is asked for again after this long
# robots.txt answers that RFC 9309 reads as "no robots.txt" (4xx, too many redirects).
ALLOW_ALL_FAILURES = frozenset({HTTP_ERROR, TOO_LARGE, TOO_MANY_REDIRECTS, REDIRECT_LOOP})


class RobotsCache:
    """Per-site robots.txt rules for one user agent."""

    def __init__(self, fetcher: Fetcher, settings: LiveSettings) -> None:
        self._fetcher = fetcher
        self._settings = settings
        self._lock = threading.Lock()
        self._site_locks: dict[str, threading.Lock] = {}
        self._rules: dict[str, tuple[float, RobotFileParser | None, FetchProblem | None]] = {}

    def check(self, url: str) -> None:
        """Raise ``robots-disallowed`` (or why robots.txt is unknown) unless ``url`` may be
        fetched."""
        parts = urlsplit(url)
        site = f"{parts.scheme}://{parts.netloc}"
        rules, failure = self._rules_for(site)
        if rules is None:
            raise (
                FetchProblem(failure.reason, failure.message)
                if failure
                else FetchProblem(ROBOTS_UNAVAILABLE, f"{site}{ROBOTS_PATH} unavailable")
            )
        if not rules.can_fetch(self._settings.agent, url):
            raise FetchProblem(ROBOTS_DISALLOWED, f"{site}{ROBOTS_PATH} disallows {url}")

    def _rules_for(self, site: str) -> tuple[RobotFileParser | None, FetchProblem | None]:
        with self._lock:
            site_lock = self._site_locks.setdefault(site, threading.Lock())
        with site_lock:  # one fetch of a site's robots.txt at a time
            cached = self._rules.get(site)
            if cached is None or cached[0] < time.monotonic():
                cached = self._load(site)
                self._rules[site] = cached
            return cached[1], cached[2]

    def _load(self, site: str) -> tuple[float, RobotFileParser | None, FetchProblem | None]:
        """(expiry, rules or None, why there are none) for ``site``."""
        rules = RobotFileParser(site + ROBOTS_PATH)
        try:
            response = self._fetcher.get(site + ROBOTS_PATH, check_robots=False)
        except FetchProblem as problem:
            if problem.reason in ALLOW_ALL_FAILURES:  # as if missing: everything allowed
                rules.parse([])
                return self._expiry(), rules, None
            if problem.reason == STOPPED:
                raise  # not a fact about the site: nothing to remember
            if problem.reason == SERVER_ERROR:
                message = f"{site}{ROBOTS_PATH} unavailable ({problem.message})"
                problem = FetchProblem(ROBOTS_UNAVAILABLE, message)
            # unreachable (connection, timeout): its pages fail the same way, without retrying
            return time.monotonic() + FAILURE_CACHE_SECONDS, None, problem
        rules.parse(response.content.decode("utf-8", "replace").splitlines())
        delay = rules.crawl_delay(self._settings.agent)
        if delay:
            self._fetcher.limiter.set_delay(urlsplit(site).netloc, float(delay))
        return self._expiry(), rules, None

    def _expiry(self) -> float:
        return time.monotonic() + self._settings.robots_cache_seconds
