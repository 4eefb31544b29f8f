"""Headers every response carries (a strict Content-Security-Policy) and the size limit."""

from __future__ import annotations

import hmac
import json
from typing import Any

from starlette.types import ASGIApp, Message, Receive, Scope, Send

from eventwire.api.errors import ApiError, error_body
from eventwire.api.headers import SECURITY_HEADERS

WRITES_DISABLED = (
    "writes are disabled: start the server with EVENTWIRE_TOKEN set to a secret and send "
    "'Authorization: Bearer <that secret>'"
)


class SecurityHeaders:
    """ASGI middleware: add the security headers; refuse bodies over ``max_body_bytes``."""

    def __init__(self, app: ASGIApp, max_body_bytes: int) -> None:
        self.app = app
        self.max_body_bytes = max_body_bytes

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return

        async def send_with_headers(message: Message) -> None:
            if message["type"] == "http.response.start":
                message["headers"] = [*message.get("headers", []), *SECURITY_HEADERS]
            await send(message)

        declared = _content_length(scope)
        if declared is not None and declared > self.max_body_bytes:
            await _send_error(send_with_headers, 413, self._too_large())
            return
        await self.app(scope, self._counting(receive), send_with_headers)

    def _counting(self, receive: Receive) -> Receive:
        """``receive`` that stops a body (chunked, or longer than declared) past the limit."""
        seen = 0

        async def counted() -> Message:
            nonlocal seen
            message = await receive()
            if message["type"] == "http.request":
                seen += len(message.get("body", b""))
                if seen > self.max_body_bytes:
                    raise ApiError(413, self._too_large())
            return message

        return counted

    def _too_large(self) -> str:
        return f"request body over the limit of {self.max_body_bytes} bytes"


def _content_length(scope: Scope) -> int | None:
    for name, value in scope.get("headers", []):
        if name == b"content-length":
            try:
                return int(value)
            except ValueError:
                return None
    return None


async def _send_error(send: Send, status: int, message: str) -> None:
    body = json.dumps(error_body(status, message)).encode()
    headers = [(b"content-type", b"application/json"), (b"content-length", str(len(body)).encode())]
    await send({"type": "http.response.start", "status": status, "headers": headers})
    await send({"type": "http.response.body", "body": body})


def check_token(expected: str | None, authorization: str | None) -> None:
    """Raise ApiError unless ``authorization`` is ``Bearer <expected>`` (403: writes are off)."""
    if not expected:
        raise ApiError(403, WRITES_DISABLED)
    scheme, _, given = (authorization or "").partition(" ")
    if scheme.lower() != "bearer" or not hmac.compare_digest(given.strip(), expected):
        error = ApiError(401, "a valid 'Authorization: Bearer <token>' header is needed to write")
        error.headers["WWW-Authenticate"] = "Bearer"
        raise error


def as_dict(value: Any) -> Any:
    """A record's JSON form (records have ``as_dict``), other values as they are."""
    return value.as_dict() if hasattr(value, "as_dict") else value
