"""Reading: input files, partitioned, go through the ingest stages on partition stores.

Each partition is read by the embedded runner's ``Pipeline.ingest`` into a scratch store (so
the registered ingest stages, clean today, run exactly as they do embedded); its articles,
cleaning notes and sources are saved to disk as rows with the store's local ids, and only
their keys and the partition's report come back. The driver then numbers the articles of all
partitions in input order, as one embedded ingest would; a ``StoredPart`` (the file, the
global ids) is what later tasks read the partition's rows from.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from types import SimpleNamespace
from typing import Any

from eventwire.distributed import spill
from eventwire.distributed.tables import Rows, export_rows, partition_store
from eventwire.model import Document, Rejection
from eventwire.pipeline import Pipeline, RunReport
from eventwire.settings import Settings

READ_TABLES = {"sources", "articles", "cleaning_notes"}
ArticleKey = tuple[str, str, Any]  # content hash, source name, published_at (UTC) or None


@dataclass
class ReadPart:
    """What one partition's files became: rows with local ids, and the partition's report."""

    articles: Rows
    notes: Rows
    sources: dict[int, str]
    report: RunReport = field(default_factory=RunReport)

    def keys(self) -> list[ArticleKey]:
        """(content hash, source, published) of each article, in local id order."""
        return [
            (row["content_hash"], self.sources[row["source_id"]], row["published_at"])
            for row in self.articles
        ]


def plan_files(paths: Sequence[Path], per_partition: int) -> tuple[list[list[Path]], list[Any]]:
    """The input files in embedded ingest order, cut into partitions; and the rejections."""
    from eventwire.ingest.discover import discover_files

    files, rejections = [], []
    for found in discover_files(paths):
        (rejections if isinstance(found, Rejection) else files).append(found)
    return [files[i : i + per_partition] for i in range(0, len(files), per_partition)], rejections


def read_partition(files: Sequence[Path], settings: Settings, source: str | None) -> ReadPart:
    """Read, clean and store ``files`` in a scratch store; its rows and report."""
    with partition_store() as repo:
        report = Pipeline(repo, settings).ingest(list(files), source)
        rows = export_rows(repo.engine, READ_TABLES)
    sources = {row["id"]: row["name"] for row in rows["sources"]}
    return ReadPart(rows["articles"], rows["cleaning_notes"], sources, report)


@dataclass(frozen=True)
class StoredPart:
    """A read partition on disk, with its articles' global ids (None: dropped) and the
    global source ids."""

    path: Path
    ids: tuple[int | None, ...]
    source_ids: dict[str, int]

    def count(self) -> int:
        """How many of its articles are kept."""
        return sum(i is not None for i in self.ids)


def read_to_disk(
    files: Sequence[Path], settings: Settings, source: str | None, path: Path
) -> tuple[list[ArticleKey], RunReport]:
    """Read ``files`` (``read_partition``) and save the part to ``path``; its keys and report."""
    part = read_partition(files, settings, source)
    spill.save(path, part)
    return part.keys(), part.report


def stored_rows(part: StoredPart) -> tuple[Rows, Rows]:
    """A stored partition's kept articles and notes under their global ids."""
    return renumber(spill.load(part.path), part.ids, part.source_ids)


def stored_documents(part: StoredPart, source_names: dict[int, str]) -> list[Document]:
    """The documents of a stored partition's kept articles."""
    return documents(stored_rows(part)[0], source_names)


def renumber(
    part: ReadPart, ids: Sequence[int | None], source_ids: dict[str, int]
) -> tuple[Rows, Rows]:
    """The part's kept articles and notes under their global ids (None in ``ids``: dropped)."""
    local_to_global = {
        row["id"]: new for row, new in zip(part.articles, ids, strict=True) if new is not None
    }
    articles = [
        {
            **row,
            "id": local_to_global[row["id"]],
            "source_id": source_ids[part.sources[row["source_id"]]],
        }
        for row in part.articles
        if row["id"] in local_to_global
    ]
    notes = [
        {
            **{k: v for k, v in row.items() if k != "id"},
            "article_id": local_to_global[row["article_id"]],
        }
        for row in part.notes
        if row["article_id"] in local_to_global
    ]
    return articles, notes


def documents(articles: Rows, source_names: dict[int, str]) -> list[Document]:
    """What dedup and stories see of these article rows (as the store reads them)."""
    from eventwire.store.documents import document_of

    return [
        document_of(SimpleNamespace(**row, name=source_names[row["source_id"]])) for row in articles
    ]


def number_articles(
    keys_by_part: Iterable[list[ArticleKey]],
) -> tuple[list[list[int | None]], dict[str, int], dict[int, Any]]:
    """Global ids in input order (a content hash seen before gets None), source ids, and
    each article's publication time (UTC or None)."""
    seen: set[str] = set()
    sources: dict[str, int] = {}
    published: dict[int, Any] = {}
    numbered, next_id = [], 1
    for keys in keys_by_part:
        ids: list[int | None] = []
        for content_hash, source, when in keys:
            if content_hash in seen:
                ids.append(None)
                continue
            seen.add(content_hash)
            sources.setdefault(source, len(sources) + 1)
            ids.append(next_id)
            published[next_id] = when
            next_id += 1
        numbered.append(ids)
    return numbered, sources, published
