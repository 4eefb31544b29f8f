"""A throwaway PostgreSQL cluster for the store tests, or a skip saying why there is none.

As root (PostgreSQL refuses to run as root) the cluster runs as the ``postgres`` user in a
temporary folder it owns.
"""

from __future__ import annotations

import glob
import importlib.util
import os
import pwd
import shutil
import socket
import subprocess
import tempfile
import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest
from sqlalchemy import create_engine

PG_BIN_GLOB = "/usr/lib/postgresql/*/bin"
SERVICE_USER = "postgres"


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


def run_as_prefix(folder: Path) -> list[str]:
    """Command prefix that drops root to the service user (owning ``folder``); [] otherwise."""
    if os.geteuid() != 0:
        return []
    try:
        user = pwd.getpwnam(SERVICE_USER)
    except KeyError:
        pytest.skip(f"running as root and there is no '{SERVICE_USER}' user to run PostgreSQL")
    runuser = shutil.which("runuser")
    if runuser is None:
        pytest.skip("running as root and runuser is not available to run PostgreSQL")
    os.chown(folder, user.pw_uid, user.pw_gid)
    return [runuser, "-u", SERVICE_USER, "--"]


@contextmanager
def postgres_cluster() -> Iterator[str]:
    """Start a throwaway cluster, yield its URL, then stop and delete it (skip if impossible)."""
    pg_bin = find_pg_bin()
    if pg_bin is None:
        pytest.skip("no PostgreSQL server binaries (pg_ctl) on PATH or in /usr/lib/postgresql")
    if importlib.util.find_spec("psycopg") is None:
        pytest.skip("psycopg is not installed (pip install 'psycopg[binary]')")
    folder = Path(tempfile.mkdtemp(prefix="eventwire-pg-"))
    try:
        prefix, data, port = run_as_prefix(folder), folder / "data", free_port()
        initdb = [*prefix, pg_bin / "initdb", "-D", data, "-U", "eventwire", "-A", "trust"]
        subprocess.run(initdb, check=True, capture_output=True)
        options = f"-p {port} -k {folder} -c listen_addresses=127.0.0.1 -c fsync=off"
        pg_ctl = [*prefix, pg_bin / "pg_ctl", "-D", data]
        start = [*pg_ctl, "-o", options, "-l", folder / "server.log", "-w", "start"]
        subprocess.run(start, check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        try:
            yield f"postgresql+psycopg://eventwire@127.0.0.1:{port}"
        finally:
            stop = [*pg_ctl, "-m", "immediate", "-w", "stop"]
            subprocess.run(stop, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    finally:
        shutil.rmtree(folder, ignore_errors=True)


def create_database(server_url: str) -> str:
    """Create a new empty database on the cluster; return its URL."""
    name = f"store_{uuid.uuid4().hex}"
    engine = create_engine(f"{server_url}/postgres", isolation_level="AUTOCOMMIT")
    with engine.connect() as conn:
        conn.exec_driver_sql(f"CREATE DATABASE {name}")
    engine.dispose()
    return f"{server_url}/{name}"
