"""The REST API and the web UI's server (FastAPI): ``eventwire serve`` runs it (docs/api.md).

``create_app(repo, settings, token)`` builds the app; routes only call the query layer
(``eventwire.service``) and the pipeline, and turn their errors into the one JSON error shape.
"""

from __future__ import annotations

from eventwire.api.app import create_app

__all__ = ["create_app"]
