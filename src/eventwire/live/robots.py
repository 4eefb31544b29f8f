"""robots.txt, fetched once per site and reused (urllib.robotparser does the matching).

As RFC 9309 says: a robots.txt that is missing (4xx) allows everything; one that cannot be
read because the server fails (5xx) allows nothing, for a while. A robots.txt ``Crawl-delay``
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
    ROBOTS_DISALLOWED,
    ROBOTS_UNAVAILABLE,
    SERVER_ERROR,
    TOO_LARGE,
    FetchProblem,
)
from eventwire.live.settings import LiveSettings

if TYPE_CHECKING:
    from eventwire.live.fetcher import Fetcher

ROBOTS_PATH = "/robots.txt"
FAILURE_CACHE_SECONDS = 300.0  # a failing robots.txt is asked for again after this long


class RobotsCache:
    """Per-site robots.txt rules for one user agent."""

    def __init__(self, fetcher: Fetcher, settings: LiveSettings) -> None:
        self._fetcher = fetcher
        self._settings = settings
        self._lock = threading.Lock()
        self._site_locks: dict[str, threading.Lock] = {}
        self._rules: dict[str, tuple[float, RobotFileParser | None, str]] = {}

    def check(self, url: str) -> None:
        """Raise ``robots-disallowed`` (or ``robots-unavailable``) unless ``url`` may be fetched."""
        parts = urlsplit(url)
        site = f"{parts.scheme}://{parts.netloc}"
        rules, failure = self._rules_for(site)
        if rules is None:
            raise FetchProblem(ROBOTS_UNAVAILABLE, f"{site}{ROBOTS_PATH} unavailable ({failure})")
        if not rules.can_fetch(self._settings.agent, url):
            raise FetchProblem(ROBOTS_DISALLOWED, f"{site}{ROBOTS_PATH} disallows {url}")

    def _rules_for(self, site: str) -> tuple[RobotFileParser | None, str]:
        with self._lock:
            site_lock = self._site_locks.setdefault(site, threading.Lock())
        with site_lock:  # one fetch of a site's robots.txt at a time
            cached = self._rules.get(site)
            if cached is None or cached[0] < time.monotonic():
                cached = self._load(site)
                self._rules[site] = cached
            return cached[1], cached[2]

    def _load(self, site: str) -> tuple[float, RobotFileParser | None, str]:
        """(expiry, rules or None, failure message) for ``site``."""
        rules = RobotFileParser(site + ROBOTS_PATH)
        try:
            response = self._fetcher.get(site + ROBOTS_PATH, check_robots=False)
        except FetchProblem as problem:
            if problem.reason in (HTTP_ERROR, TOO_LARGE):  # missing: everything allowed
                rules.parse([])
                return self._expiry(), rules, ""
            if problem.reason == SERVER_ERROR:
                return time.monotonic() + FAILURE_CACHE_SECONDS, None, problem.message
            raise  # the site cannot be reached: the page fails the same way
        rules.parse(response.content.decode("utf-8", "replace").splitlines())
        delay = rules.crawl_delay(self._settings.agent)
        if delay:
            self._fetcher.limiter.set_delay(urlsplit(site).netloc, float(delay))
        return self._expiry(), rules, ""

    def _expiry(self) -> float:
        return time.monotonic() + self._settings.robots_cache_seconds
