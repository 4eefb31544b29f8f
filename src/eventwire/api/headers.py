"""The headers every response carries, a strict Content-Security-Policy first."""

from __future__ import annotations

from typing import Any

CONTENT_SECURITY_POLICY = "; ".join(
    (
        "default-src 'none'",
        "script-src 'self'",
        "style-src 'self'",
        "img-src 'self' data:",
        "connect-src 'self'",
        "form-action 'self'",
        "frame-ancestors 'none'",
        "base-uri 'none'",
    )
)
SECURITY_HEADERS = (
    (b"content-security-policy", CONTENT_SECURITY_POLICY.encode()),
    (b"x-content-type-options", b"nosniff"),
    (b"referrer-policy", b"no-referrer"),
    (b"x-frame-options", b"DENY"),
    (b"cross-origin-opener-policy", b"same-origin"),
)


def add_security_headers(headers: Any) -> None:
    """Set the security headers on a response's ``headers`` (the 500 handler's answers are
    sent outside the middleware that adds them to every other response)."""
    for name, value in SECURITY_HEADERS:
        headers[name.decode()] = value.decode()
