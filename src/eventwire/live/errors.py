"""Reasons why a URL gives no article, and the exception that carries them."""

from __future__ import annotations

from eventwire.model import Rejection

# Rejection reasons of live fetching.
BAD_URL = "bad-url"
HTTP_ERROR = "http-error"  # a 4xx response
SERVER_ERROR = "server-error"  # 5xx (or 429) after every retry
TIMEOUT = "timeout"
CONNECTION_ERROR = "connection-error"
TOO_MANY_REDIRECTS = "too-many-redirects"
REDIRECT_LOOP = "redirect-loop"
TOO_LARGE = "too-large"
NOT_HTML = "not-html"
ROBOTS_DISALLOWED = "robots-disallowed"
ROBOTS_UNAVAILABLE = "robots-unavailable"
STOPPED = "stopped"
REASONS = (
    BAD_URL, HTTP_ERROR, SERVER_ERROR, TIMEOUT, CONNECTION_ERROR, TOO_MANY_REDIRECTS,
    REDIRECT_LOOP, TOO_LARGE, NOT_HTML, ROBOTS_DISALLOWED, ROBOTS_UNAVAILABLE, STOPPED,
)  # fmt: skip
# Worth another attempt later (another poll), not only another retry now.
TRANSIENT = frozenset({SERVER_ERROR, TIMEOUT, CONNECTION_ERROR, ROBOTS_UNAVAILABLE, STOPPED})


class FetchProblem(Exception):
    """Why a URL gave no usable response."""

    def __init__(
        self,
        reason: str,
        message: str,
        retry_after: float | None = None,
        retry_now: bool = True,
    ) -> None:
        super().__init__(message)
        self.reason = reason
        self.message = " ".join(message.split())
        self.retry_after = retry_after  # seconds the server asked us to wait (Retry-After)
        self.retry_now = retry_now  # a transient problem worth retrying at once (not a poll later)

    @property
    def transient(self) -> bool:
        """Whether a later attempt may succeed."""
        return self.reason in TRANSIENT

    def to_rejection(self, url: str) -> Rejection:
        """The problem as a one-line Rejection naming ``url``."""
        return Rejection(origin=url, reason=self.reason, message=self.message)
