"""How an unexpected error is told in one line: a log line, a rejection's reason."""

from __future__ import annotations

from eventwire.model import Rejection


def first_line(error: BaseException) -> str:
    """``error``'s type and the first line of its message (database errors carry the SQL
    after it)."""
    text = str(error).strip().splitlines()
    return f"{type(error).__name__}: {text[0] if text else ''}"


def unexpected(origin: str, reason: str, error: BaseException) -> Rejection:
    """The rejection of ``origin`` for an error nobody expected (the runner's and a stage's)."""
    return Rejection(origin, reason, f"unexpected error: {first_line(error)}")
