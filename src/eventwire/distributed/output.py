"""Output: the groups' rows merged under one numbering, written to Parquet atomically, and
optionally loaded into a database (PostgreSQL).

Articles, sources and stories carry global ids from the start. Every other table with its
own integer id (notes, stage runs, mentions, actors, and those of stages added later) is
numbered per group: its ids are renumbered here, and every foreign key to it follows
(read from the schema). A row whose unique key another group already wrote (an actor seen
in two groups) is the same row: the first group's stays.
"""

from __future__ import annotations

import shutil
import uuid
from pathlib import Path
from typing import Any

from sqlalchemy import Table, UniqueConstraint

from eventwire.distributed.tables import EXPORT_BATCH, TableRows, arrow_schema, import_rows, tables

GLOBAL_IDS = {"articles", "sources", "stories"}


def own_id(table: Table) -> str | None:
    """The name of a table's own integer id numbered per group, else None."""
    columns = list(table.primary_key.columns)
    if table.name in GLOBAL_IDS or len(columns) != 1 or columns[0].foreign_keys:
        return None
    return columns[0].name if columns[0].type.python_type is int else None


class Merger:
    """Renumbers the groups' rows, one group after the other."""

    def __init__(self) -> None:
        self.next_id: dict[str, int] = {}
        self.by_key: dict[tuple[str, tuple], int] = {}
        self.seen: dict[str, set[tuple]] = {}

    def merge(self, rows: TableRows) -> TableRows:
        """One group's rows under the global numbering (rows already written dropped)."""
        renumbered: dict[str, dict[Any, Any]] = {}
        merged: TableRows = {}
        for table in tables():
            merged[table.name] = [
                row
                for row in (self._remap(table, r, renumbered) for r in rows.get(table.name, ()))
                if row is not None
            ]
        return merged

    def _remap(self, table: Table, row: dict, renumbered: dict[str, dict]) -> dict | None:
        row = dict(row)
        for column in table.columns:
            for key in column.foreign_keys:
                target = key.column.table.name
                if target in renumbered and row[column.name] is not None:
                    row[column.name] = renumbered[target][row[column.name]]
        id_column = own_id(table)
        if id_column is not None and not self._renumber(table, row, id_column, renumbered):
            return None
        primary = tuple(row[c.name] for c in table.primary_key.columns)
        seen = self.seen.setdefault(table.name, set())
        if primary in seen:
            return None
        seen.add(primary)
        return row

    def _renumber(self, table: Table, row: dict, id_column: str, renumbered: dict) -> bool:
        """Give the row its global id; False when another group already wrote it."""
        local = row[id_column]
        mapping = renumbered.setdefault(table.name, {})
        keys = unique_keys(table, row)
        for key in keys:
            if key in self.by_key:
                mapping[local] = self.by_key[key]
                return False
        new = self.next_id.get(table.name, 0) + 1
        self.next_id[table.name] = new
        mapping[local] = row[id_column] = new
        self.by_key.update(dict.fromkeys(keys, new))
        return True


def unique_keys(table: Table, row: dict) -> list[tuple[str, tuple]]:
    """The row's values of each unique constraint (one with a NULL in it binds nothing)."""
    keys = []
    for constraint in (c for c in table.constraints if isinstance(c, UniqueConstraint)):
        values = tuple(row[c.name] for c in constraint.columns)
        if None not in values:
            keys.append((table.name, values))
    return keys


class ParquetOutput:
    """One Parquet file per table, written into a hidden folder and moved into place at the end."""

    def __init__(self, out: Path) -> None:
        self.out = out
        self.partial = out.parent / f".{out.name}.partial-{uuid.uuid4().hex[:8]}"
        self.partial.mkdir(parents=True)
        self.writers: dict[str, Any] = {}
        self.counts: dict[str, int] = {}

    def write(self, rows: TableRows) -> None:
        """Append each table's rows."""
        import pyarrow as pa
        import pyarrow.parquet as pq

        for table in tables():
            batch = rows.get(table.name)
            if not batch:
                continue
            schema = arrow_schema(table)
            if table.name not in self.writers:
                path = self.partial / f"{table.name}.parquet"
                self.writers[table.name] = pq.ParquetWriter(path, schema)
            self.writers[table.name].write_table(pa.Table.from_pylist(batch, schema=schema))
            self.counts[table.name] = self.counts.get(table.name, 0) + len(batch)

    def commit(self) -> None:
        """Close the files and put the folder in place of ``out`` (replacing an earlier one)."""
        for writer in self.writers.values():
            writer.close()
        old = self.out.parent / f".{self.out.name}.old-{uuid.uuid4().hex[:8]}"
        if self.out.exists():
            self.out.rename(old)
        self.partial.rename(self.out)
        shutil.rmtree(old, ignore_errors=True)

    def abort(self) -> None:
        """Drop what was written."""
        for writer in self.writers.values():
            writer.close()
        shutil.rmtree(self.partial, ignore_errors=True)


def load_parquet(folder: Path, url: str) -> dict[str, int]:
    """Load a batch's Parquet files into the empty database at ``url``; rows per table."""
    import pyarrow.parquet as pq

    from eventwire.store import Repository

    counts = {}
    with Repository.open(url) as repo:
        if repo.counts()["articles"]:
            raise ValueError(f"{url} already holds articles: load a batch into an empty database")
        rows: TableRows = {}
        for table in tables():
            path = folder / f"{table.name}.parquet"
            if path.exists():
                rows[table.name] = [
                    row
                    for batch in pq.ParquetFile(path).iter_batches(EXPORT_BATCH)
                    for row in batch.to_pylist()
                ]
                counts[table.name] = len(rows[table.name])
        import_rows(repo.engine, rows)
    return counts
