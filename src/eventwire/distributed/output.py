"""Output: the groups' rows merged under one numbering, written to Parquet atomically, and
optionally loaded into a database (PostgreSQL).

Articles, sources and stories carry global ids from the start. Every other table with its
own integer id (notes, stage runs, mentions, actors, events, and those of stages added
later) is numbered per group: its ids are renumbered here, and every foreign key to it
follows (read from the schema), as do the ids held inside JSON columns
(``JSON_REFERENCES``: an event's actors).

A table under an article or a story (its rows belong to one group) is written group by
group. The other tables (sources, actors, their aliases) are shared: a row another group
already wrote (the same unique key, an actor seen in two groups) is the same row, merged
as the embedded store merges it (empty columns filled in, JSON lists joined), and written
once at the end.
"""

from __future__ import annotations

import json
import shutil
import uuid
from functools import cache
from pathlib import Path
from typing import Any

from sqlalchemy import Table, UniqueConstraint
from sqlalchemy.schema import sort_tables

from eventwire.distributed.tables import (
    EXPORT_BATCH,
    TableRows,
    advance_sequences,
    arrow_schema,
    insert_rows,
    tables,
)
from eventwire.store.actors import merge_rows

GLOBAL_IDS = {"articles", "sources", "stories"}
GROUP_ROOTS = {"articles", "stories"}  # a table under one of these belongs to one group
# JSON columns holding ids of a renumbered table: every "id" inside them is remapped.
JSON_REFERENCES = {("events", "actors_json"): "actors"}


def own_id(table: Table) -> str | None:
    """The name of a table's own integer id numbered per group, else None."""
    columns = list(table.primary_key.columns)
    if table.name in GLOBAL_IDS or len(columns) != 1 or columns[0].foreign_keys:
        return None
    return columns[0].name if columns[0].type.python_type is int else None


@cache
def merge_order() -> tuple[Table, ...]:
    """The result tables, parents first and the tables a JSON column refers to before it."""
    by_name = {t.name: t for t in tables()}
    extra = [
        (by_name[target], by_name[table])
        for (table, _), target in JSON_REFERENCES.items()
        if table in by_name and target in by_name
    ]
    return tuple(sort_tables(by_name.values(), extra_dependencies=extra))


@cache
def shared_tables() -> frozenset[str]:
    """The tables not under an article or a story (their rows may come from several groups)."""
    owned: set[str] = set(GROUP_ROOTS)
    for table in merge_order():
        if any(key.column.table.name in owned for key in table.foreign_keys):
            owned.add(table.name)
    return frozenset(t.name for t in merge_order() if t.name not in owned)


class Merger:
    """Renumbers the groups' rows, one group after the other."""

    def __init__(self) -> None:
        self.next_id: dict[str, int] = {}
        self.by_key: dict[tuple[str, tuple], int] = {}  # shared rows' unique keys -> global id
        self.shared: dict[str, dict[tuple, dict]] = {}  # shared rows by primary key

    def merge(self, rows: TableRows) -> TableRows:
        """One group's own rows under the global numbering (shared rows are kept for
        ``shared_rows``)."""
        renumbered: dict[str, dict[Any, Any]] = {}
        merged: TableRows = {}
        for table in merge_order():
            remapped = (self._remap(table, r, renumbered) for r in rows.get(table.name, ()))
            if table.name in shared_tables():
                for row in remapped:
                    self._share(table, row, renumbered)
            else:
                merged[table.name] = list(remapped)
        return merged

    def shared_rows(self) -> TableRows:
        """The shared tables' rows, each once, by primary key."""
        return {name: [rows[k] for k in sorted(rows)] for name, rows in self.shared.items()}

    def _remap(self, table: Table, row: dict, renumbered: dict[str, dict]) -> dict:
        row = dict(row)
        for column in table.columns:
            for key in column.foreign_keys:
                target = key.column.table.name
                if target in renumbered and row[column.name] is not None:
                    row[column.name] = renumbered[target][row[column.name]]
            target = JSON_REFERENCES.get((table.name, column.name))
            if target is not None and row[column.name] is not None:
                mapping = renumbered.get(target, {})
                row[column.name] = json.dumps(remap_json_ids(json.loads(row[column.name]), mapping))
        id_column = own_id(table)
        if id_column is not None and table.name not in shared_tables():
            new = self.next_id.get(table.name, 0) + 1
            self.next_id[table.name] = new
            renumbered.setdefault(table.name, {})[row[id_column]] = new
            row[id_column] = new
        return row

    def _share(self, table: Table, row: dict, renumbered: dict[str, dict]) -> None:
        """Keep a shared row: give it its global id, or merge it into the one written."""
        id_column = own_id(table)
        if id_column is not None:
            keys = unique_keys(table, row)
            known = next((self.by_key[k] for k in keys if k in self.by_key), None)
            if known is None:
                known = self.next_id.get(table.name, 0) + 1
                self.next_id[table.name] = known
            renumbered.setdefault(table.name, {})[row[id_column]] = known
            row[id_column] = known
            self.by_key.update(dict.fromkeys(keys, known))
        primary = tuple(row[c.name] for c in table.primary_key.columns)
        held = self.shared.setdefault(table.name, {})
        held[primary] = merge_rows(held[primary], row) if primary in held else row


def remap_json_ids(value: Any, mapping: dict[Any, Any]) -> Any:
    """``value`` with every ``"id"`` of its objects replaced through ``mapping``."""
    if isinstance(value, dict):
        return {
            k: (mapping.get(v, v) if k == "id" else remap_json_ids(v, mapping))
            for k, v in value.items()
        }
    if isinstance(value, list):
        return [remap_json_ids(v, mapping) for v in value]
    return value


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
    """Load a batch's Parquet files into the empty database at ``url``, in one transaction,
    table by table in batches (memory stays that of one batch); rows per table."""
    import pyarrow.parquet as pq

    from eventwire.store import Repository

    counts = {}
    with Repository.open(url) as repo:
        if repo.counts()["articles"]:
            raise ValueError(f"{url} already holds articles: load a batch into an empty database")
        with repo.engine.begin() as conn:
            for table in tables():
                path = folder / f"{table.name}.parquet"
                if not path.exists():
                    continue
                counts[table.name] = 0
                for batch in pq.ParquetFile(path).iter_batches(EXPORT_BATCH):
                    insert_rows(conn, table, batch.to_pylist())
                    counts[table.name] += batch.num_rows
            if conn.dialect.name == "postgresql":
                advance_sequences(conn)
    return counts
