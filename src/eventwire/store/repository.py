"""The repository: the one object through which eventwire reads and writes its database."""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from contextlib import AbstractContextManager
from typing import Any

from sqlalchemy import Engine, Row

from eventwire.model import (
    Actor,
    ActorStory,
    ArticleEntities,
    ArticleSummary,
    ArticleView,
    CleanArticle,
    Document,
    FeedState,
    FetchOutcome,
    Mention,
    MentionTime,
    ProcessingResult,
    RawArticle,
    StoryActors,
    StoryView,
)
from eventwire.store import actors, feeds, lock, reads, writes
from eventwire.store.engine import (
    create_store_engine,
    missing_database,
    upgrade_schema,
    writer,
)
from eventwire.store.schema import utc_now
from eventwire.store.settings import StoreSettings


class Repository:
    """Articles, cleaning notes, duplicate links and stories behind one small API.

    Every write method is one transaction: it commits entirely or not at all.
    """

    def __init__(self, engine: Engine, settings: StoreSettings) -> None:
        self._engine = engine
        self._writer = writer(engine)
        self._settings = settings

    @classmethod
    def open(
        cls, url: str, settings: StoreSettings | None = None, create: bool = True
    ) -> Repository:
        """Connect to ``url`` (e.g. ``sqlite:///eventwire.db``) and upgrade its schema.

        Raises:
            FileNotFoundError: ``create`` is False and the SQLite file does not exist.
        """
        missing = None if create else missing_database(url)
        if missing:
            raise FileNotFoundError(f"no database at {missing}")
        settings = settings or StoreSettings()
        engine = create_store_engine(url, settings)
        try:
            upgrade_schema(engine)
        except Exception:
            engine.dispose()
            raise
        return cls(engine, settings)

    @property
    def engine(self) -> Engine:
        """The underlying SQLAlchemy engine (for diagnostics and tests)."""
        return self._engine

    def add_articles(self, items: Sequence[tuple[RawArticle, CleanArticle]]) -> list[int | None]:
        """Store one input's articles in one transaction.

        Returns each item's new id, or None when its content hash was already stored.
        """
        if not items:
            return []
        with self._writer.begin() as conn:
            return writes.insert_articles(conn, items, utc_now(), self._settings.id_chunk_size)

    def stored_hashes(self, hashes: Sequence[str]) -> set[str]:
        """Which of ``hashes`` (content hashes) are already stored."""
        if not hashes:
            return set()
        with self._engine.connect() as conn:
            return writes.stored_hashes(conn, list(hashes), self._settings.id_chunk_size)

    def pending_documents(self) -> list[Document]:
        """Stored articles awaiting deduplication and clustering, by id."""
        with self._engine.connect() as conn:
            return reads.pending_documents(conn)

    def processed_documents(self) -> Iterator[tuple[Document, int | None, int | None]]:
        """Stream (document, story_id, copy_of) for every processed article, by id."""
        with self._engine.connect() as conn:
            yield from reads.processed_documents(conn, self._settings.stream_batch_size)

    def save_results(self, results: Sequence[ProcessingResult]) -> None:
        """Store dedup and clustering outcomes and mark the articles processed, atomically."""
        if not results:
            return
        with self._writer.begin() as conn:
            writes.write_results(conn, results, utc_now(), self._settings.id_chunk_size)

    def list_stories(self, limit: int | None = None) -> list[StoryView]:
        """Stories with their articles: most articles first, then most recently seen."""
        with self._engine.connect() as conn:
            rows = reads.list_stories(conn, limit)
            members = reads.story_members(conn, [row.id for row in rows])
        return [_story_view(row, members[row.id]) for row in rows]

    def get_story(self, story_id: int) -> StoryView | None:
        """One story with its articles (by publication time, then id), or None."""
        with self._engine.connect() as conn:
            row = reads.story_row(conn, story_id)
            if row is None:
                return None
            return _story_view(row, reads.story_members(conn, [story_id])[story_id])

    def get_article(self, article_id: int) -> ArticleView | None:
        """One article with its blocks, notes, raw input, copy_of and story, or None."""
        with self._engine.connect() as conn:
            return reads.get_article(conn, article_id)

    def counts(self) -> dict[str, int]:
        """Numbers of articles, sources, stories, duplicates and pending articles."""
        with self._engine.connect() as conn:
            return reads.counts(conn)

    def processing_lock(self, wait: float | None = None) -> AbstractContextManager[None]:
        """Be the one process processing this database while the block runs (store/lock.py).

        Waits up to ``wait`` seconds (default: ``store.busy_timeout_seconds``) for another
        process to finish, then raises ``ProcessingBusy``.
        """
        seconds = self._settings.busy_timeout_seconds if wait is None else wait
        return lock.processing_lock(self._engine, seconds)

    def max_story_id(self) -> int:
        """The highest story id in use, 0 when there are none."""
        with self._engine.connect() as conn:
            return reads.max_story_id(conn)

    # --- live fetching (store/feeds.py) ---------------------------------------------

    def ensure_feed(self, url: str, name: str | None = None) -> None:
        """Register feed ``url`` (or update its name)."""
        with self._writer.begin() as conn:
            feeds.ensure_feed(conn, url, name)

    def record_poll(
        self,
        url: str,
        validators: tuple[str | None, str | None] | None = None,
        error: str | None = None,
    ) -> None:
        """One poll of a feed: its new (ETag, Last-Modified) on success, else the error."""
        with self._writer.begin() as conn:
            feeds.record_poll(conn, url, utc_now(), validators, error)

    def feed_states(self) -> list[FeedState]:
        """Every watched feed with its state and URL counts."""
        with self._engine.connect() as conn:
            return feeds.feed_states(conn)

    def done_urls(self, urls: Sequence[str], max_attempts: int) -> set[str]:
        """Those of ``urls`` already fetched for good (stored, rejected, out of attempts)."""
        with self._engine.connect() as conn:
            return feeds.done_urls(conn, urls, max_attempts)

    def record_outcome(self, outcome: FetchOutcome) -> None:
        """What became of one fetched URL."""
        with self._writer.begin() as conn:
            feeds.record_outcome(conn, outcome, utc_now())

    # --- entities and actors (store/actors.py) ----------------------------------------

    def entity_pending_documents(self) -> list[tuple[Document, int]]:
        """(document, story id) of processed originals whose entities are not recognised yet."""
        with self._engine.connect() as conn:
            return actors.entity_pending_documents(conn)

    def save_entities(self, found: Sequence[ArticleEntities]) -> None:
        """Store articles' mentions (replacing earlier ones) in one transaction."""
        with self._writer.begin() as conn:
            actors.insert_entities(conn, found, utc_now())

    def story_entities(self, story_id: int) -> tuple[list[Document], list[ArticleEntities]]:
        """A story's recognised originals and their mentions."""
        with self._engine.connect() as conn:
            return actors.story_inputs(conn, story_id)

    def save_story_actors(
        self, result: StoryActors, times: Sequence[MentionTime], article_ids: Sequence[int]
    ) -> None:
        """Store a story's actors, actor links and time values in one transaction."""
        with self._writer.begin() as conn:
            actors.write_story_actors(conn, result, times, article_ids)

    def people(self) -> list[Actor]:
        """Every stored person with aliases."""
        with self._engine.connect() as conn:
            return actors.people(conn)

    def list_actors(self, story_id: int | None = None) -> list[Actor]:
        """Actors with mentions (in one story, when given), most mentioned first."""
        with self._engine.connect() as conn:
            return actors.list_actors(conn, story_id)

    def find_actor(self, name_or_id: str) -> tuple[Actor, list[ActorStory]] | None:
        """An actor by id, name or alias, with the stories it appears in; or None.

        Raises ``store.actors.AmbiguousActorError`` when several actors share the name.
        """
        with self._engine.connect() as conn:
            found = actors.find_actor(conn, name_or_id)
            return None if found is None else (found, actors.actor_stories(conn, found.id))

    def article_mentions(
        self, article_id: int
    ) -> list[tuple[Mention, MentionTime | None, int | None]]:
        """An article's mentions with their normalised time and actor id, in text order."""
        with self._engine.connect() as conn:
            return actors.article_mentions(conn, article_id)

    def close(self) -> None:
        """Release every pooled connection."""
        self._engine.dispose()

    def __enter__(self) -> Repository:
        return self

    def __exit__(self, *_exc: object) -> None:
        self.close()


def _story_view(row: Row[Any], articles: list[ArticleSummary]) -> StoryView:
    return StoryView(
        id=row.id,
        title=row.title,
        first_seen=row.first_seen,
        last_seen=row.last_seen,
        articles=tuple(articles),
    )
