"""How a batch's output agrees with the embedded runner's database on the same input.

Articles are matched by content hash (both number them in input order, but the match does
not rely on it). Stories are compared by B³ (``stories.evaluate``), copy links exactly.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from sqlalchemy import create_engine, text

from eventwire.stories.evaluate import bcubed_f1

STORIES = (
    "SELECT a.content_hash, sa.story_id FROM story_articles sa"
    " JOIN articles a ON a.id = sa.article_id"
)
LINKS = (
    "SELECT a.content_hash, o.content_hash, d.kind FROM duplicate_links d"
    " JOIN articles a ON a.id = d.article_id JOIN articles o ON o.id = d.copy_of"
)


def read_table(folder: Path, name: str) -> list[dict[str, Any]]:
    """The rows of one Parquet table of a batch (none when the table is empty)."""
    import pyarrow.parquet as pq

    path = folder / f"{name}.parquet"
    return pq.read_table(path).to_pylist() if path.exists() else []


def batch_labels(folder: Path) -> tuple[dict[str, int], set[tuple[str, str, str]]]:
    """Story of each article and copy links, by content hash, from a batch's Parquet files."""
    hashes = {row["id"]: row["content_hash"] for row in read_table(folder, "articles")}
    stories = {hashes[r["article_id"]]: r["story_id"] for r in read_table(folder, "story_articles")}
    links = {
        (hashes[r["article_id"]], hashes[r["copy_of"]], r["kind"])
        for r in read_table(folder, "duplicate_links")
    }
    return stories, links


def database_labels(url: str) -> tuple[dict[str, int], set[tuple[str, str, str]]]:
    """Story of each article and copy links, by content hash, from a database."""
    engine = create_engine(url)
    with engine.connect() as conn:
        stories = {h: s for h, s in conn.execute(text(STORIES))}
        links = {tuple(row) for row in conn.execute(text(LINKS))}
    engine.dispose()
    return stories, links


def agreement(folder: Path, url: str) -> dict[str, Any]:
    """B³ of the batch's stories against the database's, and how many copy links agree."""
    batch_stories, batch_links = batch_labels(folder)
    embedded_stories, embedded_links = database_labels(url)
    return {
        "articles": len(batch_stories),
        "stories_b3": bcubed_f1(batch_stories, embedded_stories).as_dict(),
        "stories": {
            "batch": len(set(batch_stories.values())),
            "embedded": len(set(embedded_stories.values())),
        },
        "links": {
            "both": len(batch_links & embedded_links),
            "batch_only": len(batch_links - embedded_links),
            "embedded_only": len(embedded_links - batch_links),
        },
    }
