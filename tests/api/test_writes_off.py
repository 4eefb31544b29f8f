"""Without EVENTWIRE_TOKEN the server refuses every write and says how to enable writes."""

from __future__ import annotations

import threading
import time
from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest
import uvicorn

from eventwire.api import create_app
from eventwire.store import Repository
from tests.served import free_port


@pytest.fixture
def tokenless_url(tmp_path: Path) -> Iterator[str]:
    """A real uvicorn server (in a thread) over an empty database, with no token."""
    repo = Repository.open(f"sqlite:///{tmp_path / 'empty.db'}")
    port = free_port()
    config = uvicorn.Config(create_app(repo, token=""), port=port, log_level="warning")
    server = uvicorn.Server(config)
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    while not server.started:
        time.sleep(0.05)
    yield f"http://127.0.0.1:{port}"
    server.should_exit = True
    thread.join(timeout=10)
    repo.close()


def test_writes_are_refused_with_how_to_enable_them(tokenless_url: str) -> None:
    headers = {"Authorization": "Bearer anything"}
    article = {"source": "outlet", "text": "A paragraph."}
    response = httpx.post(f"{tokenless_url}/api/articles", json=article, headers=headers)
    assert response.status_code == 403
    body = response.json()
    assert body == {"ok": False, "error": body["error"], "status": 403}
    assert "EVENTWIRE_TOKEN" in body["error"]


def test_an_empty_database_serves_empty_pages(tokenless_url: str) -> None:
    assert httpx.get(f"{tokenless_url}/api/stories").json() == {"items": [], "next": None}
    assert httpx.get(f"{tokenless_url}/").status_code == 200
