"""An unexpected failure is still the one error shape (JSON under /api, a page elsewhere)."""

from __future__ import annotations

from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from eventwire.api import create_app
from eventwire.store import Repository


def test_an_internal_error_answers_500_in_the_error_shape(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    with Repository.open(f"sqlite:///{tmp_path / 'broken.db'}") as repo:

        def broken(*args: object, **kwargs: object) -> None:
            raise RuntimeError("disk on fire <script>")

        monkeypatch.setattr(repo, "list_events", broken)
        monkeypatch.setattr(repo, "list_stories", broken)
        client = TestClient(create_app(repo, token=""), raise_server_exceptions=False)
        answer = client.get("/api/events")
        page = client.get("/")
    assert answer.status_code == 500
    assert answer.json() == {"ok": False, "error": "internal error: RuntimeError", "status": 500}
    assert "content-security-policy" in answer.headers
    assert page.status_code == 500 and page.headers["content-type"].startswith("text/html")
    assert "disk on fire" not in page.text  # the message stays in the log
