"""Every 4xx/5xx the server sends is ``{"ok": false, "error": "...", "status": N}``."""

from __future__ import annotations

import logging
from typing import Any

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse, Response
from starlette.exceptions import HTTPException

from eventwire.api.headers import add_security_headers
from eventwire.service import QueryError
from eventwire.store.lock import ProcessingBusy

LOGGER = logging.getLogger(__name__)
API_PREFIXES = ("/api", "/openapi.json")
ERROR_SCHEMA = {
    "type": "object",
    "required": ["ok", "error", "status"],
    "properties": {
        "ok": {"type": "boolean", "const": False},
        "error": {"type": "string"},
        "status": {"type": "integer"},
    },
}


class ApiError(Exception):
    """An error a route raises on purpose, with its HTTP status and extra fields."""

    def __init__(self, status: int, message: str, **extra: Any) -> None:
        super().__init__(message)
        self.status = status
        self.extra = extra
        self.headers: dict[str, str] = {}


def error_body(status: int, message: str, **extra: Any) -> dict[str, Any]:
    """The one error shape."""
    return {"ok": False, "error": message, "status": status, **extra}


def error_response(status: int, message: str, **extra: Any) -> JSONResponse:
    """The error shape as a JSON response with that status."""
    return JSONResponse(error_body(status, message, **extra), status_code=status)


def describe_validation(error: RequestValidationError) -> str:
    """One line naming each bad parameter and what is wrong with it."""
    parts = []
    for problem in error.errors():
        where = ".".join(str(p) for p in problem.get("loc", ()) if p not in ("query", "path"))
        parts.append(f"{where or 'request'}: {problem.get('msg', 'invalid')}")
    return "; ".join(parts) or "invalid request"


def respond(request: Request, status: int, message: str, **extra: Any) -> Response:
    """The error as JSON under /api, else as the web UI's error page (``state.error_page``)."""
    page = getattr(request.app.state, "error_page", None)
    if page is not None and not request.url.path.startswith(API_PREFIXES):
        return page(request, status, message)
    return error_response(status, message, **extra)


def install_error_handlers(app: FastAPI) -> None:
    """Turn every error into the one shape (HTML pages get an error page instead)."""

    @app.exception_handler(QueryError)
    async def query_error(request: Request, error: QueryError) -> Response:
        extra = {k: v for k, v in error.as_dict().items() if k not in ("ok", "error", "status")}
        return respond(request, error.status, str(error), **extra)

    @app.exception_handler(ApiError)
    async def api_error(request: Request, error: ApiError) -> Response:
        response = respond(request, error.status, str(error), **error.extra)
        response.headers.update(error.headers)
        return response

    @app.exception_handler(RequestValidationError)
    async def validation_error(request: Request, error: RequestValidationError) -> Response:
        return respond(request, 422, describe_validation(error))

    @app.exception_handler(HTTPException)
    async def http_error(request: Request, error: HTTPException) -> Response:
        response = respond(request, error.status_code, str(error.detail))
        response.headers.update(error.headers or {})
        return response

    @app.exception_handler(ProcessingBusy)
    async def busy(request: Request, error: ProcessingBusy) -> Response:
        return respond(request, 503, f"busy: {error}")

    @app.exception_handler(Exception)
    async def unexpected(request: Request, error: Exception) -> Response:
        LOGGER.exception("unexpected error serving %s", request.url.path)
        response = respond(request, 500, f"internal error: {type(error).__name__}")
        add_security_headers(response.headers)
        return response
