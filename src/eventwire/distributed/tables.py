"""Rows of the store's tables, moved between partition stores, Parquet files and a database.

A partition store is a scratch SQLite database on a worker, opened through ``Repository``
(so its schema is the migrations' one). Rows travel as plain dicts, table by table, in the
order of the foreign keys (``metadata.sorted_tables``).
"""

from __future__ import annotations

import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import datetime
from pathlib import Path
from typing import Any

from sqlalchemy import Engine, Table, insert, select, text

from eventwire.store import Repository
from eventwire.store.schema import metadata

Rows = list[dict[str, Any]]
TableRows = dict[str, Rows]
NOT_EXPORTED = {"alembic_version", "feeds", "fetched_urls"}  # live fetching state, not results
EXPORT_BATCH = 5000


def tables() -> list[Table]:
    """The result tables, parents before children."""
    return [t for t in metadata.sorted_tables if t.name not in NOT_EXPORTED]


@contextmanager
def partition_store() -> Iterator[Repository]:
    """A scratch SQLite repository, deleted after the block."""
    with tempfile.TemporaryDirectory(prefix="eventwire-part-") as folder:
        repo = Repository.open(f"sqlite:///{Path(folder) / 'part.db'}")
        try:
            yield repo
        finally:
            repo.close()


def export_rows(engine: Engine, names: set[str] | None = None) -> TableRows:
    """Every row of the result tables (or of ``names``), by table, in primary-key order."""
    found: TableRows = {}
    with engine.connect() as conn:
        for table in tables():
            if names is None or table.name in names:
                query = select(table).order_by(*table.primary_key.columns)
                found[table.name] = [dict(row._mapping) for row in conn.execute(query)]
    return found


def import_rows(engine: Engine, rows: TableRows) -> None:
    """Insert ``rows`` as they are (ids included), parents first, in one transaction."""
    with engine.begin() as conn:
        for table in tables():
            insert_rows(conn, table, rows.get(table.name) or [])
        if engine.dialect.name == "postgresql":
            advance_sequences(conn)


def insert_rows(conn: Any, table: Table, rows: Rows) -> None:
    """Insert ``rows`` into ``table`` as they are, in batches."""
    for start in range(0, len(rows), EXPORT_BATCH):
        conn.execute(insert(table), rows[start : start + EXPORT_BATCH])


def advance_sequences(conn: Any) -> None:
    """PostgreSQL: move each serial id's sequence past the ids inserted explicitly."""
    for table in tables():
        for column in table.primary_key.columns:
            if column.autoincrement is True or (
                column.autoincrement == "auto" and len(table.primary_key.columns) == 1
            ):
                name = table.name
                sequence = conn.execute(
                    text("SELECT pg_get_serial_sequence(:t, :c)"), {"t": name, "c": column.name}
                ).scalar()
                if sequence:
                    conn.execute(
                        text(
                            f"SELECT setval('{sequence}', (SELECT max({column.name}) FROM {name}))"
                        )
                    )


def arrow_schema(table: Table) -> Any:
    """The Arrow schema of a table, from its column types."""
    import pyarrow as pa

    def arrow_type(column: Any) -> Any:
        column_type = getattr(column.type, "impl", column.type)  # a TypeDecorator's own type
        try:
            python = column_type.python_type
        except NotImplementedError:
            return pa.string()
        return {
            bool: pa.bool_(),
            int: pa.int64(),
            float: pa.float64(),
            bytes: pa.binary(),
            datetime: pa.timestamp("us", tz="UTC"),
        }.get(python, pa.string())

    return pa.schema([(c.name, arrow_type(c)) for c in table.columns])
