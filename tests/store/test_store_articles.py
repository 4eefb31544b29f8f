"""Adding articles: one transaction per batch, idempotent by content hash, read back intact."""

from __future__ import annotations

import dataclasses
import hashlib
from datetime import UTC, datetime, timedelta, timezone
from pathlib import Path

import pytest
from sqlalchemy import select
from sqlalchemy.exc import IntegrityError

from eventwire.ingest.dates import parse_datetime
from eventwire.model import BLOCK_PARAGRAPH, Block, CleanArticle, RawArticle
from eventwire.store import Repository
from eventwire.store.schema import Article
from eventwire.textnorm import normalize_for_comparison
from tests.conftest import SEEDS
from tests.store.helpers import make_item

PLUS_TWO = timezone(timedelta(hours=2))


def test_added_article_reads_back_in_full(repo: Repository) -> None:
    published = datetime(2024, 3, 1, 10, 30, tzinfo=PLUS_TWO)
    raw, clean = make_item("full", published=published)
    [article_id] = repo.add_articles([(raw, clean)])
    assert article_id is not None
    view = repo.get_article(article_id)
    assert view is not None
    assert (view.source, view.origin, view.url, view.format) == (
        raw.source,
        raw.origin,
        raw.url,
        raw.format,
    )
    assert view.raw == raw.raw
    assert view.blocks == clean.blocks
    assert view.notes == clean.notes
    assert view.text == clean.text
    assert view.published_at == published
    assert view.published_at.utcoffset() == timedelta(hours=2)  # the offset the input stated
    assert view.published_zone_stated is True and view.updated_zone_stated is None
    assert view.ingested_at.tzinfo is not None
    assert (view.copy_of, view.story_id) == (None, None)


def test_original_offset_and_text_hash_are_stored(repo: Repository) -> None:
    published = datetime(2024, 3, 1, 10, 30, tzinfo=PLUS_TWO)
    raw, clean = make_item("offset", published=published)
    [article_id] = repo.add_articles([(raw, clean)])
    query = select(Article.published_offset_minutes, Article.text_hash, Article.content_hash)
    with repo.engine.connect() as conn:
        row = conn.execute(query.where(Article.id == article_id)).one()
    expected_text_hash = hashlib.sha256(normalize_for_comparison(clean.text).encode()).hexdigest()
    assert row.published_offset_minutes == 120
    assert row.text_hash == expected_text_hash
    assert row.content_hash == raw.content_hash


def test_update_time_keeps_its_own_offset(repo: Repository) -> None:
    raw, clean = make_item("updated", published=datetime(2024, 3, 1, 10, 30, tzinfo=PLUS_TWO))
    updated = datetime(2024, 3, 1, 9, 0, tzinfo=timezone(timedelta(hours=-5)))
    [article_id] = repo.add_articles([(raw, dataclasses.replace(clean, updated=updated))])
    view = repo.get_article(article_id)
    assert view is not None and view.updated_at == updated
    assert view.updated_at.utcoffset() == timedelta(hours=-5)
    assert view.updated_zone_stated is True


def test_authors_are_stored_and_read_back(repo: Repository) -> None:
    raw, clean = make_item("bylines")
    raw = dataclasses.replace(raw, authors=("Ana Ruiz", "Tom Okoro"))
    [with_authors, without] = repo.add_articles([(raw, clean), make_item("no-bylines")])
    assert repo.get_article(with_authors).authors == ("Ana Ruiz", "Tom Okoro")
    assert repo.get_article(without).authors == ()


def test_time_without_a_stated_zone_is_utc_and_says_so(repo: Repository) -> None:
    naive = parse_datetime("2024-03-01T10:30:00")
    assert naive is not None and naive.utcoffset() == timedelta(0)
    raw, clean = make_item("naive", published=naive)
    [article_id] = repo.add_articles([(raw, clean)])
    with repo.engine.connect() as conn:
        query = select(Article.published_offset_minutes).where(Article.id == article_id)
        assert conn.execute(query).scalar_one() is None  # no offset recorded that nobody stated
    view = repo.get_article(article_id)
    assert view is not None and view.published_zone_stated is False
    assert view.published_at == datetime(2024, 3, 1, 10, 30, tzinfo=UTC)


def test_seed_article_raw_text_is_kept_verbatim(repo: Repository) -> None:
    seeds = sorted(SEEDS.glob("*.txt"))
    if not seeds:
        pytest.skip(f"seed articles not found at {SEEDS}")
    raw_text = seeds[0].read_text(encoding="utf-8")
    title, *paragraphs = [line for line in raw_text.splitlines() if line.strip()]
    raw = RawArticle(
        origin=str(seeds[0]),
        source="outlet-a",
        raw=raw_text,
        text=raw_text,
        format="text",
        content_hash=hashlib.sha256(raw_text.encode()).hexdigest(),
    )
    clean = CleanArticle(title, tuple(Block(BLOCK_PARAGRAPH, p) for p in paragraphs))
    [article_id] = repo.add_articles([(raw, clean)])
    view = repo.get_article(article_id)
    assert view is not None
    assert view.raw == raw_text
    assert view.text == "\n\n".join(paragraphs)


def test_readding_the_same_items_adds_nothing(repo: Repository) -> None:
    items = [make_item(str(n)) for n in range(3)]
    first = repo.add_articles(items)
    before = repo.counts()
    again = repo.add_articles(items)
    assert all(isinstance(i, int) for i in first)
    assert again == [None, None, None]
    assert repo.counts() == before


def test_same_item_twice_in_one_batch_is_stored_once(repo: Repository) -> None:
    item = make_item("twice")
    ids = repo.add_articles([item, item])
    assert ids[0] is not None
    assert ids[1] is None
    assert repo.counts()["articles"] == 1


def test_batch_failing_on_a_constraint_leaves_no_partial_rows(repo: Repository) -> None:
    committed = repo.add_articles([make_item("earlier")])
    before = repo.counts()
    good = make_item("good", source="new-outlet")
    raw, clean = make_item("bad")
    bad = (dataclasses.replace(raw, origin=None), clean)  # origin is NOT NULL
    with pytest.raises(IntegrityError):
        repo.add_articles([good, bad])
    assert repo.counts() == before  # no article, note or new source from the failed batch
    assert repo.get_article(committed[0]) is not None
    assert repo.add_articles([good]) != [None]  # the good item was never stored


def test_batch_failing_in_python_leaves_no_partial_rows(repo: Repository) -> None:
    repo.add_articles([make_item("earlier")])
    before = repo.counts()
    raw, _ = make_item("broken")
    broken = CleanArticle("Broken", (Block(BLOCK_PARAGRAPH, object()),))  # type: ignore[arg-type]
    with pytest.raises(TypeError):
        repo.add_articles([make_item("good"), (raw, broken)])
    assert repo.counts() == before


def test_pending_documents_are_the_unprocessed_articles_by_id(repo: Repository) -> None:
    published = datetime(2024, 5, 6, 7, 8, tzinfo=UTC)
    ids = repo.add_articles([make_item("a", published=published), make_item("b", source="x")])
    docs = repo.pending_documents()
    assert [d.id for d in docs] == ids
    assert docs[0].text == "First paragraph.\n\nSecond paragraph."
    assert (docs[0].title, docs[0].source, docs[0].published) == ("Title a", "outlet-a", published)
    assert (docs[1].source, docs[1].published) == ("x", None)
    assert repo.counts() == {
        "articles": 2,
        "sources": 2,
        "stories": 0,
        "duplicates": 0,
        "pending": 2,
    }


def test_missing_ids_read_as_none(repo: Repository) -> None:
    assert repo.get_article(12345) is None
    assert repo.get_story(12345) is None
    assert repo.list_stories() == []
    assert repo.max_story_id() == 0
    assert repo.add_articles([]) == []


def test_sqlite_file_is_created_with_missing_folders(tmp_path: Path) -> None:
    path = tmp_path / "new" / "folder" / "fresh.db"
    with Repository.open(f"sqlite:///{path}") as repo:
        repo.add_articles([make_item("one")])
    assert path.stat().st_size > 0
