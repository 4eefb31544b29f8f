"""Rejection reasons of the ingest stage and the exception readers use to report them."""

from __future__ import annotations

from eventwire.model import Rejection
from eventwire.textnorm import strip_control_characters

BINARY = "binary"
EMPTY = "empty"
ENCODING = "encoding"
MALFORMED_JSON = "malformed-json"
MALFORMED_HTML = "malformed-html"
NO_TEXT = "no-text"
UNREADABLE = "unreadable"
NOT_FOUND = "not-found"
TOO_LARGE = "too-large"
OUTSIDE_INPUT = "outside-input"  # a symbolic link leaving the paths given
SYMLINK_LOOP = "symlink-loop"
WRONG_TYPE = "wrong-type"  # a JSONL field of the wrong JSON type
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
    OUTSIDE_INPUT,
    SYMLINK_LOOP,
    WRONG_TYPE,
    ERROR,
)


class IngestProblem(Exception):
    """An expected reason why an input cannot become an article."""

    def __init__(self, reason: str, message: str) -> None:
        super().__init__(message)
        self.reason = reason
        # always one line, and nothing a terminal would act on
        self.message = " ".join(strip_control_characters(message, single_line=True).split())

    def to_rejection(self, origin: str) -> Rejection:
        """The problem as a Rejection of ``origin``."""
        origin = strip_control_characters(origin, single_line=True)
        return Rejection(origin=origin, reason=self.reason, message=self.message)


def reject_unexpected(origin: str, error: Exception) -> Rejection:
    """The ``error`` Rejection for an unexpected exception (log it before calling)."""
    message = f"unexpected error: {type(error).__name__}: {error}"
    return IngestProblem(ERROR, message).to_rejection(origin)
