"""One real eventwire server per test session: seeds + NewsWCL50 in a temporary database.

``served`` runs ``eventwire run`` on the two seed articles (each in an outlet folder) and the
NewsWCL50 articles (examples/corpus/newswcl50, built from ../shared/data/newswcl50), then
starts ``eventwire serve`` (uvicorn) on a free localhost port with a write token set.
"""

from __future__ import annotations

import os
import shutil
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import httpx
import pytest

from tests.conftest import EXAMPLES, copy_seeds, run_eventwire

TOKEN = "test-token-not-secret"
START_SECONDS = 30.0


@dataclass(frozen=True)
class Served:
    """A running server: its base URL, write token and database URL."""

    url: str
    token: str
    db_url: str

    def client(self) -> httpx.Client:
        """An HTTP client for this server."""
        return httpx.Client(base_url=self.url, timeout=60.0)


def free_port() -> int:
    """A TCP port nobody listens on right now."""
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def build_database(root: Path) -> str:
    """A database holding the seeds and NewsWCL50 after ``eventwire run``."""
    corpus = copy_seeds(root / "corpus")
    news = EXAMPLES / "newswcl50" / "articles.jsonl"
    if not news.exists():
        pytest.skip(f"NewsWCL50 articles not found at {news}")
    shutil.copy(news, corpus / "newswcl50.jsonl")
    db_url = f"sqlite:///{root / 'served.db'}"
    result = run_eventwire(db_url, "--quiet", "run", str(corpus))
    assert result.code == 0, result.stderr
    return db_url


def wait_until_up(url: str, process: subprocess.Popen[bytes]) -> None:
    """Poll /api/health until it answers (fail when the server exits or is too slow)."""
    deadline = time.monotonic() + START_SECONDS
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise RuntimeError(f"eventwire serve exited with code {process.returncode}")
        try:
            if httpx.get(f"{url}/api/health", timeout=2.0).status_code == 200:
                return
        except httpx.TransportError:
            time.sleep(0.2)
    raise RuntimeError(f"eventwire serve did not answer within {START_SECONDS} s")


@pytest.fixture(scope="session")
def served(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Served]:
    """The real server over a database of the seeds and NewsWCL50 (one per session)."""
    root = tmp_path_factory.mktemp("served")
    db_url = build_database(root)
    port = free_port()
    env = {k: v for k, v in os.environ.items() if not k.startswith("EVENTWIRE_")}
    env["EVENTWIRE_TOKEN"] = TOKEN
    env["PYTHONPATH"] = os.pathsep.join(p for p in sys.path if p)
    command = [sys.executable, "-m", "eventwire.cli", "--db", db_url, "--quiet", "serve"]
    log = (root / "server.log").open("wb")
    process = subprocess.Popen(
        [*command, "--port", str(port)], env=env, stdout=log, stderr=subprocess.STDOUT
    )
    url = f"http://127.0.0.1:{port}"
    try:
        wait_until_up(url, process)
        yield Served(url, TOKEN, db_url)
    finally:
        process.terminate()
        process.wait(timeout=10)
        log.close()
