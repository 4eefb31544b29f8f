"""A throwaway PostgreSQL cluster for the store tests, or a skip saying why there is none."""

from __future__ import annotations

import glob
import importlib.util
import os
import shutil
import socket
import subprocess
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest

PG_BIN_GLOB = "/usr/lib/postgresql/*/bin"


def find_pg_bin() -> Path | None:
    """The folder holding initdb and pg_ctl, or None."""
    on_path = shutil.which("pg_ctl")
    if on_path:
        return Path(on_path).resolve().parent
    found = sorted(glob.glob(f"{PG_BIN_GLOB}/pg_ctl"))
    return Path(found[-1]).parent if found else None


def free_port() -> int:
    """A TCP port nobody listens on right now."""
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


@contextmanager
def postgres_url(folder: Path) -> Iterator[str]:
    """Start a cluster in ``folder``, yield its URL, stop it (skip when impossible)."""
    pg_bin = find_pg_bin()
    if pg_bin is None:
        pytest.skip("no PostgreSQL server binaries (pg_ctl) on PATH or in /usr/lib/postgresql")
    if importlib.util.find_spec("psycopg") is None:
        pytest.skip("psycopg is not installed (pip install 'psycopg[binary]')")
    if os.geteuid() == 0:
        pytest.skip("PostgreSQL refuses to run as root")
    data, port = folder / "data", free_port()
    run = {"check": True, "capture_output": True}
    subprocess.run([pg_bin / "initdb", "-D", data, "-U", "eventwire", "-A", "trust"], **run)
    options = f"-p {port} -k {folder} -c listen_addresses=127.0.0.1"
    subprocess.run([pg_bin / "pg_ctl", "-D", data, "-o", options, "-w", "start"], **run)
    try:
        yield f"postgresql+psycopg://eventwire@127.0.0.1:{port}/postgres"
    finally:
        subprocess.run([pg_bin / "pg_ctl", "-D", data, "-m", "immediate", "-w", "stop"], **run)
