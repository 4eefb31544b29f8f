"""Engine creation and schema upgrades: the only place that knows about dialect quirks.

SQLite gets WAL mode, enforced foreign keys and a busy timeout on every connection, and
real ``BEGIN`` statements (``BEGIN IMMEDIATE`` for writers) instead of the sqlite3
module's implicit transactions, so that a whole batch commits or rolls back as one.
"""

from __future__ import annotations

import re
import sqlite3
import time
from importlib import resources
from pathlib import Path
from typing import TYPE_CHECKING, Any

from sqlalchemy import Connection, Engine, create_engine, event, inspect, make_url, text

from eventwire.store.settings import StoreSettings

if TYPE_CHECKING:
    from alembic.config import Config

WRITE_OPTION = "eventwire_write"  # execution option: this transaction will write
ALEMBIC_INI = "alembic.ini"
MIGRATIONS_DIR = "migrations"
VERSIONS_DIR = "versions"
VERSION_TABLE = "alembic_version"
MIGRATE_LOCK_KEY = 0x65766E746D696772  # "evntmigr": PostgreSQL advisory lock of schema upgrades
WAL_RETRY_SECONDS = 0.05
# How a migration file names itself and its parent (Alembic's generated header).
REVISION_LINE = re.compile(r"^(down_revision|revision)(?:\s*:[^=]+)?\s*=\s*(.+?)\s*$", re.MULTILINE)


def create_store_engine(url: str, settings: StoreSettings) -> Engine:
    """An engine for ``url``, with the SQLite connection setup when it is SQLite."""
    engine = create_engine(url)
    if engine.dialect.name == "sqlite":
        _create_sqlite_folder(engine.url.database)
        _configure_sqlite(engine, settings)
    return engine


def missing_database(url: str) -> str | None:
    """The path of a SQLite database file that does not exist yet, else None."""
    parsed = make_url(url)
    if parsed.get_backend_name() != "sqlite" or parsed.database in (None, "", ":memory:"):
        return None
    return None if Path(parsed.database).exists() else parsed.database


def writer(engine: Engine) -> Engine:
    """The same engine, marked so that its transactions take the write lock up front."""
    return engine.execution_options(**{WRITE_OPTION: True})


def upgrade_schema(engine: Engine) -> None:
    """Run the packaged Alembic migrations up to head, in one write transaction.

    On PostgreSQL the transaction holds an advisory lock, so a second process upgrading at
    the same time waits and then finds the database at head (SQLite's write lock does that).

    A database already at the packaged head is left alone without loading Alembic, which
    would cost read-only commands a good part of their start-up time.
    """
    if stored_revision(engine) == packaged_head():
        return
    from alembic import command

    config = alembic_config()
    with writer(engine).begin() as connection:
        if engine.dialect.name == "postgresql":  # two processes opening a new database at once
            lock = text("SELECT pg_advisory_xact_lock(:key)")
            connection.execute(lock, {"key": MIGRATE_LOCK_KEY})
        config.attributes["connection"] = connection
        command.upgrade(config, "head")


def stored_revision(engine: Engine) -> str | None:
    """The database's one Alembic revision; None when it has none (or several)."""
    with engine.connect() as connection:
        if not inspect(connection).has_table(VERSION_TABLE):
            return None
        rows = connection.execute(text(f"SELECT version_num FROM {VERSION_TABLE}")).all()
    return rows[0][0] if len(rows) == 1 else None


def packaged_head() -> str | None:
    """The head revision of the packaged migrations, read from their headers; None if unclear.

    Only a fast path: when this cannot tell (several heads, an unusual header), Alembic decides.
    """
    folder = resources.files("eventwire.store").joinpath(MIGRATIONS_DIR, VERSIONS_DIR)
    revisions, parents = set(), set()
    for entry in folder.iterdir():
        if not entry.name.endswith(".py"):
            continue
        header = dict(REVISION_LINE.findall(entry.read_text(encoding="utf-8")))
        if "revision" not in header:
            return None
        revisions.add(header["revision"].strip("\"'"))
        parents.add(header.get("down_revision", "").strip("\"'"))
    heads = revisions - parents
    return heads.pop() if len(heads) == 1 else None


def alembic_config() -> Config:
    """Alembic configuration pointing at the migrations shipped inside the package."""
    from alembic.config import Config

    package = resources.files("eventwire.store")
    config = Config(str(Path(str(package / ALEMBIC_INI))))
    config.set_main_option("script_location", str(package / MIGRATIONS_DIR))
    return config


def _create_sqlite_folder(database: str | None) -> None:
    """Create the folder of a SQLite file (not for in-memory or file: URI databases)."""
    if database and database != ":memory:" and not database.startswith("file:"):
        Path(database).expanduser().parent.mkdir(parents=True, exist_ok=True)


def _enter_wal_mode(dbapi_connection: Any, wait: float) -> None:
    """Switch the database to WAL, retrying while another process holds it.

    Switching a new database to WAL needs an exclusive lock that SQLite does not wait for
    through its busy handler: two processes opening one new file at once would otherwise see
    "database is locked" at once. The mode is stored in the file, so the second switch is a no-op.
    """
    deadline = time.monotonic() + wait
    while True:
        try:
            dbapi_connection.execute("PRAGMA journal_mode = WAL")
            return
        except sqlite3.OperationalError as error:
            if "locked" not in str(error) or time.monotonic() >= deadline:
                raise
            time.sleep(WAL_RETRY_SECONDS)


def _configure_sqlite(engine: Engine, settings: StoreSettings) -> None:
    timeout_ms = int(settings.busy_timeout_seconds * 1000)

    @event.listens_for(engine, "connect")
    def _on_connect(dbapi_connection: Any, _record: Any) -> None:
        dbapi_connection.isolation_level = None  # we emit BEGIN ourselves (see "begin")
        cursor = dbapi_connection.cursor()
        cursor.execute(f"PRAGMA busy_timeout = {timeout_ms}")
        cursor.execute("PRAGMA foreign_keys = ON")
        cursor.close()
        _enter_wal_mode(dbapi_connection, settings.busy_timeout_seconds)

    @event.listens_for(engine, "begin")
    def _on_begin(connection: Connection) -> None:
        write = connection.get_execution_options().get(WRITE_OPTION, False)
        connection.exec_driver_sql("BEGIN IMMEDIATE" if write else "BEGIN")
