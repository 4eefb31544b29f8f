"""Rejection reasons of the ingest stage and the exception readers use to report them."""

from __future__ import annotations

from eventwire.model import Rejection

BINARY = "binary"
EMPTY = "empty"
ENCODING = "encoding"
MALFORMED_JSON = "malformed-json"
MALFORMED_HTML = "malformed-html"
NO_TEXT = "no-text"
UNREADABLE = "unreadable"
NOT_FOUND = "not-found"
TOO_LARGE = "too-large"
ERROR = "error"  # an unexpected failure (a bug): logged with its traceback

REASONS = (
    BINARY,
    EMPTY,
    ENCODING,
    MALFORMED_JSON,
    MALFORMED_HTML,
    NO_TEXT,
    UNREADABLE,
    NOT_FOUND,
    TOO_LARGE,
    ERROR,
)


class IngestProblem(Exception):
    """An expected reason why an input cannot become an article."""

    def __init__(self, reason: str, message: str) -> None:
        super().__init__(message)
        self.reason = reason
        self.message = " ".join(message.split())  # always one line

    def to_rejection(self, origin: str) -> Rejection:
        """The problem as a Rejection of ``origin``."""
        return Rejection(origin=origin, reason=self.reason, message=self.message)


def reject_unexpected(origin: str, error: Exception) -> Rejection:
    """The ``error`` Rejection for an unexpected exception (log it before calling)."""
    message = f"unexpected error: {type(error).__name__}: {error}"
    return IngestProblem(ERROR, message).to_rejection(origin)
