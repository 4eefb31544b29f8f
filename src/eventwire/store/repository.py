"""The repository: the one object through which eventwire reads and writes its database."""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from contextlib import AbstractContextManager
from typing import Any

from sqlalchemy import Engine, Row

from eventwire.model import (
    Actor,
    ActorPartner,
    ActorStory,
    ArticleEntities,
    ArticleSummary,
    ArticleView,
    CleanArticle,
    DayCount,
    Document,
    DuplicateLink,
    Event,
    EventFilter,
    EventsInput,
    FacetCount,
    FactsInput,
    FailedRun,
    FeedState,
    FetchOutcome,
    Mention,
    MentionTime,
    ProcessingResult,
    RawArticle,
    SearchHit,
    StageRun,
    StoryActors,
    StoryAssignment,
    StoryEvents,
    StoryFacts,
    StoryFilter,
    StoryInput,
    StoryView,
)
from eventwire.store import (
    actors,
    browse,
    dedup,
    event_reads,
    facts,
    feeds,
    lock,
    reads,
    stage_runs,
    stories,
    writes,
)
from eventwire.store import events as event_store
from eventwire.store.engine import (
    create_store_engine,
    missing_database,
    upgrade_schema,
    writer,
)
from eventwire.store.event_reads import EventSlice
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

    def list_stories(
        self, limit: int | None = None, offset: int = 0, filters: StoryFilter | None = None
    ) -> list[StoryView]:
        """Stories matching ``filters``, largest first, then most recently seen.

        ``offset`` stories of that order are skipped (a page of a listing).
        """
        with self._engine.connect() as conn:
            rows = reads.list_stories(conn, limit, offset, filters)
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

    # --- stages and their bookkeeping (store/stage_runs.py, dedup.py, stories.py) ------

    def documents(self, article_ids: Sequence[int]) -> list[Document]:
        """The documents of ``article_ids``, in that order."""
        with self._engine.connect() as conn:
            return stage_runs.load_documents(conn, article_ids)

    def pending_articles(
        self, stage: str, version: int, after: str | None, originals_only: bool = False
    ) -> list[int]:
        """Ids of the articles ``stage`` (at ``version``) has yet to run on, by id."""
        with self._engine.connect() as conn:
            return stage_runs.pending_articles(conn, stage, version, after, originals_only)

    def pending_stories(self, stage: str, version: int, after: str) -> list[int]:
        """Ids of the stories ``stage`` (at ``version``) has to run on again."""
        with self._engine.connect() as conn:
            return stage_runs.pending_stories(conn, stage, version, after)

    def record_runs(self, runs: Sequence[StageRun]) -> None:
        """Record stage runs (failures and skips: nothing else to write)."""
        if runs:
            with self._writer.begin() as conn:
                stage_runs.record_runs(conn, runs, utc_now())

    def forget_runs(self, stage: str, article_ids: Sequence[int] | None = None) -> None:
        """Forget the runs of ``stage`` (on these articles only, when given): they are pending."""
        with self._writer.begin() as conn:
            stage_runs.forget_runs(conn, stage, article_ids, self._settings.id_chunk_size)

    def failed_runs(self) -> list[FailedRun]:
        """Every failed stage run (newest first), for ``eventwire status``."""
        with self._engine.connect() as conn:
            return stage_runs.failed_runs(conn)

    def dedup_state(self, version: int, max_age_days: float = 0.0) -> Iterator[Document]:
        """The originals dedup indexed at ``version`` (and still held, by age), by id."""
        with self._engine.connect() as conn:
            batch = self._settings.stream_batch_size
            yield from dedup.dedup_state(conn, version, batch, max_age_days)

    def save_duplicates(
        self, article_ids: Sequence[int], links: Sequence[DuplicateLink], runs: Sequence[StageRun]
    ) -> None:
        """Replace the copy links of ``article_ids`` and record the runs, atomically."""
        with self._writer.begin() as conn:
            dedup.write_duplicates(conn, article_ids, links)
            stage_runs.record_runs(conn, runs, utc_now())

    def duplicate_links(self, article_ids: Sequence[int]) -> dict[int, DuplicateLink]:
        """The copy link of each of ``article_ids`` that is a copy."""
        with self._engine.connect() as conn:
            return stories.duplicate_links(conn, article_ids)

    def stories_state(
        self, version: int, max_age_days: float = 0.0
    ) -> Iterator[tuple[Document, int, int | None]]:
        """(document, story id, copy_of) of the articles clustered at ``version``, by id (of
        the stories seen within ``max_age_days`` of the latest, when given)."""
        with self._engine.connect() as conn:
            batch = self._settings.stream_batch_size
            yield from stories.stories_state(conn, version, batch, max_age_days)

    def save_assignments(
        self,
        article_ids: Sequence[int],
        assignments: Sequence[StoryAssignment],
        runs: Sequence[StageRun],
    ) -> None:
        """Store memberships, new stories, spans, processed_at and the runs, atomically."""
        with self._writer.begin() as conn:
            now = utc_now()
            stories.write_assignments(
                conn, article_ids, assignments, now, self._settings.id_chunk_size
            )
            stage_runs.record_runs(conn, runs, now)

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

    def save_entities(
        self, found: Sequence[ArticleEntities], runs: Sequence[StageRun] = ()
    ) -> None:
        """Store articles' mentions (replacing earlier ones) and their runs in one transaction."""
        with self._writer.begin() as conn:
            actors.insert_entities(conn, found, utc_now())
            event_store.write_parses(conn, found)
            stage_runs.record_runs(conn, runs, utc_now())

    def story_input(self, story_id: int) -> StoryInput:
        """A story's entity-read originals and their mentions."""
        documents, entities = self.story_entities(story_id)
        return StoryInput(story_id, tuple(documents), tuple(entities))

    def story_entities(self, story_id: int) -> tuple[list[Document], list[ArticleEntities]]:
        """A story's entity-read originals and their mentions."""
        with self._engine.connect() as conn:
            return actors.story_inputs(conn, story_id)

    def save_story_actors(
        self, items: Sequence[tuple[StoryActors, Sequence[int]]], runs: Sequence[StageRun] = ()
    ) -> None:
        """Store stories' actors and actor links (per story: its article ids) and the runs."""
        with self._writer.begin() as conn:
            for result, article_ids in items:
                actors.write_story_actors(conn, result, article_ids)
            stage_runs.record_runs(conn, runs, utc_now())

    def save_story_times(
        self,
        items: Sequence[tuple[Sequence[MentionTime], Sequence[int]]],
        runs: Sequence[StageRun] = (),
    ) -> None:
        """Store stories' mention time values (per story: its article ids) and the runs."""
        with self._writer.begin() as conn:
            for times, article_ids in items:
                actors.write_story_times(conn, times, article_ids)
            stage_runs.record_runs(conn, runs, utc_now())

    def people(self) -> list[Actor]:
        """Every stored person with aliases."""
        with self._engine.connect() as conn:
            return actors.people(conn)

    def list_actors(
        self, story_id: int | None = None, limit: int | None = None, offset: int = 0
    ) -> list[Actor]:
        """Actors with mentions (in one story, when given), most mentioned first.

        ``offset`` actors of that order are skipped, at most ``limit`` returned (a page).
        """
        with self._engine.connect() as conn:
            return actors.list_actors(conn, story_id, limit, offset)

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

    # --- events (store/events.py) ---------------------------------------------------------

    def events_input(self, story_id: int) -> EventsInput:
        """A story's parsed originals with their actors, mention days and outlets."""
        with self._engine.connect() as conn:
            return event_store.events_input(conn, story_id)

    def save_story_events(
        self, results: Sequence[StoryEvents], runs: Sequence[StageRun] = ()
    ) -> None:
        """Replace stories' events (and their evidence) and record the runs, in one go."""
        with self._writer.begin() as conn:
            for result in results:
                event_store.write_story_events(conn, result, utc_now())
            stage_runs.record_runs(conn, runs, utc_now())

    def story_events(self, story_id: int) -> list[Event]:
        """Every event of one story."""
        with self._engine.connect() as conn:
            return event_store.story_events(conn, story_id)

    def list_events(self, where: EventFilter, limit: int | None, after: int = 0) -> EventSlice:
        """A page of events matching ``where`` with ids above ``after`` (store/event_reads.py)."""
        with self._engine.connect() as conn:
            return event_reads.list_events(conn, where, limit, after)

    def event_facets(
        self, where: EventFilter, names: Sequence[str], top: int = 10
    ) -> dict[str, list[FacetCount]]:
        """The ``top`` countries, root codes, PLOVER types and actors of the matching events."""
        with self._engine.connect() as conn:
            return event_reads.event_facets(conn, where, names, top)

    def event_days(self, where: EventFilter) -> list[DayCount]:
        """Matching events per day."""
        with self._engine.connect() as conn:
            return event_reads.event_days(conn, where)

    def event_partners(self, actor_id: int, top: int = 20) -> list[FacetCount]:
        """The actors on the other side of an actor's events, by number of events."""
        with self._engine.connect() as conn:
            return event_reads.event_partners(conn, actor_id, top)

    def latest_events(self, where: EventFilter, top: int) -> list[Event]:
        """The matching events with the latest days."""
        with self._engine.connect() as conn:
            return event_reads.latest_events(conn, where, top)

    # --- facts (store/facts.py) --------------------------------------------------------

    def facts_input(self, story_id: int) -> FactsInput:
        """A story's entity-read originals, their resolved mentions, and its copies."""
        with self._engine.connect() as conn:
            return facts.facts_input(conn, story_id)

    def save_story_facts(self, items: Sequence[StoryFacts], runs: Sequence[StageRun] = ()) -> None:
        """Replace stories' facts and consolidated forms, and record the runs, atomically."""
        with self._writer.begin() as conn:
            now = utc_now()
            for result in items:
                facts.write_story_facts(conn, result, now)
            stage_runs.record_runs(conn, runs, now)

    def story_facts(self, story_id: int) -> StoryFacts | None:
        """A story's consolidated form and facts, or None when the facts stage has not run."""
        with self._engine.connect() as conn:
            return facts.read_story_facts(conn, story_id)

    # --- browsing: the REST API and the web UI (store/browse.py) -----------------------

    def story_facets(
        self, filters: StoryFilter, names: Sequence[str], top: int = 10
    ) -> dict[str, list[FacetCount]]:
        """The ``top`` outlets, countries and actors (``names``) of the matching stories."""
        with self._engine.connect() as conn:
            return browse.story_facets(conn, filters, names, top)

    def search(self, query: str, limit: int | None, offset: int = 0) -> list[SearchHit]:
        """Articles matching a full-text ``query``, best first (store/search.py)."""
        with self._engine.connect() as conn:
            return browse.search_hits(conn, query, limit, offset)

    def search_outlets(self, query: str, top: int = 10) -> list[FacetCount]:
        """The outlets with the most articles matching a full-text ``query``."""
        with self._engine.connect() as conn:
            return browse.search_outlets(conn, query, top)

    def actor_partners(self, actor_id: int, top: int = 20) -> list[ActorPartner]:
        """The actors seen in the most stories together with ``actor_id``."""
        with self._engine.connect() as conn:
            return browse.actor_partners(conn, actor_id, top)

    def actor_days(self, actor_id: int) -> list[DayCount]:
        """The actor's mentions per publication day."""
        with self._engine.connect() as conn:
            return browse.actor_days(conn, actor_id)

    def stories_of_hashes(self, hashes: Sequence[str]) -> dict[str, tuple[int, int | None]]:
        """For each stored content hash: (article id, story id or None)."""
        with self._engine.connect() as conn:
            return browse.stories_of_hashes(conn, hashes)

    def ping(self) -> str:
        """The database dialect's name, after a round trip (raises when it is unreachable)."""
        with self._engine.connect() as conn:
            conn.exec_driver_sql("SELECT 1")
        return self._engine.dialect.name

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
