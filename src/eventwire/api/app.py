"""The one ASGI app: the REST API under /api, the web UI at /, OpenAPI at /openapi.json."""

from __future__ import annotations

import os
from typing import Any

from fastapi import FastAPI

from eventwire.api import ingest, routes
from eventwire.api.errors import ERROR_SCHEMA, install_error_handlers
from eventwire.api.security import SecurityHeaders
from eventwire.service import Queries
from eventwire.settings import Settings
from eventwire.store import Repository

TOKEN_VARIABLE = "EVENTWIRE_TOKEN"
MAX_BODY_BYTES = 5 * 1024 * 1024  # a request body over this is refused (413)
ERROR_STATUSES = (400, 401, 403, 404, 413, 422, 500, 503)


def create_app(
    repo: Repository,
    settings: Settings | None = None,
    token: str | None = None,
    max_body_bytes: int = MAX_BODY_BYTES,
    web: bool = True,
) -> FastAPI:
    """The app over ``repo``; writes need ``token`` (default: the EVENTWIRE_TOKEN variable)."""
    app = FastAPI(
        title="eventwire",
        summary="Deduplicated news stories: REST API (the web UI is served at /).",
        version="1",
        docs_url=None,  # Swagger UI loads from a CDN: our CSP forbids it; /openapi.json stays
        redoc_url=None,
        responses={status: _error_response() for status in ERROR_STATUSES},
    )
    app.state.queries = Queries(repo)
    app.state.settings = settings or Settings()
    app.state.token = token if token is not None else os.environ.get(TOKEN_VARIABLE) or None
    install_error_handlers(app)
    app.include_router(routes.router)
    app.include_router(ingest.router)
    if web:
        from eventwire.web import install_web

        install_web(app)
    app.add_middleware(SecurityHeaders, max_body_bytes=max_body_bytes)
    return app


def _error_response() -> dict[str, Any]:
    return {
        "description": "Error",
        "content": {"application/json": {"schema": ERROR_SCHEMA}},
    }
