"""Polite HTTP fetching with httpx: retries, redirect limit, size limit, robots.txt.

Every failure is a :class:`FetchProblem` with a short reason (``live/errors.py``); transient
ones (5xx, 429, timeouts, connection errors) are retried with exponential backoff first,
waiting at least as long as the server's Retry-After asks.
"""

from __future__ import annotations

import threading
from dataclasses import dataclass
from datetime import UTC, datetime
from urllib.parse import urljoin, urlsplit

import httpx

from eventwire.ingest import parse_datetime
from eventwire.live.errors import (
    BAD_URL,
    CONNECTION_ERROR,
    HTTP_ERROR,
    NOT_HTML,
    REDIRECT_LOOP,
    SERVER_ERROR,
    STOPPED,
    TIMEOUT,
    TOO_LARGE,
    TOO_MANY_REDIRECTS,
    FetchProblem,
)
from eventwire.live.politeness import HostLimiter
from eventwire.live.robots import RobotsCache
from eventwire.live.settings import LiveSettings
from eventwire.live.watchdog import Request, Watchdog

RETRY_STATUSES = frozenset({429, 500, 502, 503, 504})
HTML_TYPES = frozenset({"text/html", "application/xhtml+xml"})
SCHEMES = frozenset({"http", "https"})
MAX_RETRY_AFTER_SECONDS = 3600.0  # the longest Retry-After a host is held for


@dataclass(frozen=True)
class Response:
    """A complete response body with what eventwire needs of its headers."""

    url: str  # as asked for
    final_url: str  # after redirects
    status: int
    content: bytes
    content_type: str  # media type, lowercase, without parameters ("" when absent)
    charset: str | None
    etag: str | None = None
    last_modified: str | None = None


class Fetcher:
    """GETs URLs politely through one shared httpx client (thread-safe)."""

    def __init__(self, settings: LiveSettings, stop: threading.Event | None = None) -> None:
        self.settings = settings
        self.stop = stop or threading.Event()
        timeout = httpx.Timeout(
            settings.read_timeout_seconds, connect=settings.connect_timeout_seconds
        )
        self.client = httpx.Client(
            headers={"User-Agent": settings.agent}, timeout=timeout, follow_redirects=False
        )
        self.limiter = HostLimiter(
            settings.host_delay_seconds, settings.host_concurrency, self.stop
        )
        self.robots = RobotsCache(self, settings)
        self.watchdog = Watchdog(self.stop)

    def fetch_page(self, url: str) -> Response:
        """An HTML page: robots.txt checked, non-HTML responses rejected before their body."""
        return self.get(url, html_only=True)

    def fetch_feed(self, url: str, etag: str | None, last_modified: str | None) -> Response | None:
        """A feed or sitemap with a conditional GET; None when it is unchanged (304)."""
        headers = {"If-None-Match": etag} if etag else {}
        if last_modified:
            headers["If-Modified-Since"] = last_modified
        response = self.get(url, headers=headers)
        return None if response.status == httpx.codes.NOT_MODIFIED else response

    def get(
        self,
        url: str,
        headers: dict[str, str] | None = None,
        html_only: bool = False,
        check_robots: bool = True,
    ) -> Response:
        """GET ``url`` following redirects one hop at a time (each hop checked and spaced)."""
        visited: list[str] = []
        current = url
        while True:
            check_url(current)
            if check_robots and self.settings.respect_robots:
                self.robots.check(current)
            response = self.get_with_retries(url, current, headers or {}, html_only)
            if not isinstance(response, str):
                return response
            visited.append(current)
            current = response
            if current in visited:
                raise FetchProblem(REDIRECT_LOOP, f"redirect loop back to {current}")
            if len(visited) > self.settings.max_redirects:
                limit = self.settings.max_redirects
                raise FetchProblem(TOO_MANY_REDIRECTS, f"more than {limit} redirects")

    def get_with_retries(
        self, url: str, current: str, headers: dict[str, str], html_only: bool
    ) -> Response | str:
        """One hop, retried with exponential backoff on 5xx, timeouts and connection errors.

        A server's Retry-After (429/503) is obeyed: the host gets no request before it ends;
        one longer than ``max_backoff_seconds`` is not waited for now (a later poll retries).
        """
        attempt = 0
        while True:
            try:
                return self.get_once(url, current, headers, html_only)
            except FetchProblem as problem:
                if problem.retry_after is not None:
                    hold = min(problem.retry_after, MAX_RETRY_AFTER_SECONDS)
                    self.limiter.hold(urlsplit(current).netloc, hold)
                if (
                    not (problem.transient and problem.retry_now)
                    or problem.reason == STOPPED
                    or attempt >= self.settings.retries
                    or (problem.retry_after or 0.0) > self.settings.max_backoff_seconds
                ):
                    raise
            delay = min(
                self.settings.backoff_seconds * 2**attempt, self.settings.max_backoff_seconds
            )
            if self.stop.wait(delay):
                raise FetchProblem(STOPPED, "stopped before the page was fetched")
            attempt += 1

    def get_once(
        self, url: str, current: str, headers: dict[str, str], html_only: bool
    ) -> Response | str:
        """One request: the Response, or the next URL when it redirects."""
        host = urlsplit(current).netloc
        held = self.limiter.held_for(host)
        if held > self.settings.max_backoff_seconds:  # Retry-After: not now, a later poll
            message = f"{host} asked to wait {held:.0f} s more (Retry-After); left for later"
            raise FetchProblem(SERVER_ERROR, message, retry_after=held)
        with self.limiter.slot(host):
            if self.stop.is_set():
                raise FetchProblem(STOPPED, "stopped before the page was fetched")
            with self.watchdog.watching() as request:
                return self.request(url, current, headers, html_only, request)

    def request(
        self, url: str, current: str, headers: dict[str, str], html_only: bool, request: Request
    ) -> Response | str:
        """Send one GET (watched: cut at its deadline or after a stop) and read the answer."""
        host = urlsplit(current).netloc
        try:
            with self.client.stream(
                "GET", current, headers=headers, extensions={"trace": request.trace}
            ) as response:
                request.attach(response.extensions.get("network_stream"))
                return self.read_response(url, response, html_only, request)
        except httpx.HTTPError as error:
            request.check()  # a cut connection fails like any other: say why it was cut
            raise transport_problem(error, host) from None

    def read_response(
        self, url: str, response: httpx.Response, html_only: bool, request: Request
    ) -> Response | str:
        """Check the status, type and size of a streamed response, then read its body."""
        status = response.status_code
        if response.is_redirect and "location" in response.headers:
            return urljoin(str(response.url), response.headers["location"])
        if status in RETRY_STATUSES or status >= 500:
            wait = retry_after_seconds(response.headers.get("retry-after"))
            later = f" (retry after {wait:g} s)" if wait is not None else ""
            message = f"HTTP {status} {response.reason_phrase}{later}"
            raise FetchProblem(SERVER_ERROR, message, retry_after=wait)
        if status >= 400 or (status >= 300 and status != httpx.codes.NOT_MODIFIED):
            raise FetchProblem(HTTP_ERROR, f"HTTP {status} {response.reason_phrase}")
        media_type = response.headers.get("content-type", "").split(";")[0].strip().lower()
        if html_only and media_type and media_type not in HTML_TYPES:
            raise FetchProblem(NOT_HTML, f"{media_type} response, not an HTML page")
        return Response(
            url=url,
            final_url=str(response.url),
            status=status,
            content=self.read_body(response, request),
            content_type=media_type,
            charset=response.charset_encoding,
            etag=response.headers.get("etag"),
            last_modified=response.headers.get("last-modified"),
        )

    def read_body(self, response: httpx.Response, request: Request) -> bytes:
        """The (decompressed) body, aborted as soon as it passes ``max_page_bytes`` or takes
        over ``max_download_seconds`` (checked on every network read, and by the watchdog
        while a read waits)."""
        limit = self.settings.max_page_bytes
        declared = response.headers.get("content-length", "")
        if declared.isdigit() and int(declared) > limit:
            raise FetchProblem(TOO_LARGE, f"page of {declared} bytes, over the {limit} byte limit")
        body = bytearray()
        request.start_body(self.settings.max_download_seconds)
        for chunk in response.iter_bytes():  # one chunk per network read
            request.check()
            body.extend(chunk)
            if len(body) > limit:
                raise FetchProblem(
                    TOO_LARGE, f"page over the {limit} byte limit (download stopped)"
                )
        request.check()  # a cut body may end like a complete one
        return bytes(body)

    def close(self) -> None:
        """Close the connection pool."""
        self.client.close()


def transport_problem(error: httpx.HTTPError, host: str) -> FetchProblem:
    """The FetchProblem of an httpx error talking to ``host``."""
    if isinstance(error, httpx.TimeoutException):
        return FetchProblem(TIMEOUT, f"no answer within the timeout from {host}")
    if isinstance(error, httpx.TransportError):
        message = f"connection to {host} failed: {type(error).__name__} {error}"
        return FetchProblem(CONNECTION_ERROR, message)
    # e.g. a body that does not decompress
    message = f"unusable response from {host}: {type(error).__name__} {error}"
    return FetchProblem(HTTP_ERROR, message)


def retry_after_seconds(value: str | None) -> float | None:
    """A Retry-After header (delay seconds or an HTTP date) as seconds from now; None if absent."""
    if not value or not value.strip():
        return None
    value = value.strip()
    if value.isascii() and value.isdecimal():
        return float(value)
    when = parse_datetime(value)  # an HTTP date: RFC 2822 with GMT
    return None if when is None else max(0.0, (when - datetime.now(UTC)).total_seconds())


def check_url(url: str) -> None:
    """Raise ``bad-url`` unless ``url`` is an absolute http(s) URL."""
    try:
        parts = urlsplit(url)
    except ValueError:
        raise FetchProblem(BAD_URL, f"not a valid URL: {url!r}") from None
    if parts.scheme.lower() not in SCHEMES or not parts.netloc:
        raise FetchProblem(BAD_URL, f"not an http(s) URL: {url!r}")
