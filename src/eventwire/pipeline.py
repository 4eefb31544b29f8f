"""The runner: drives eventwire's stages over inputs and reports what each did.

The data flow is written down step by step in docs/architecture.md. In short:

1. ingest reads each input file into ``RawArticle`` records (or ``Rejection``s);
2. clean turns each into a ``CleanArticle`` (or rejects it as empty);
3. the repository stores one file's articles in one transaction (already-stored ones are skipped);
4. ``process`` rebuilds the dedup and story indexes from what is stored, then takes every
   pending article in id order: dedup links copies to their first copy, story clustering
   places originals, copies join their original's story; results are saved in batches;
5. then entities are recognised in every clustered original not yet read (in batches), and
   each story that gained articles has its actors resolved again over all its articles, with
   its DATE/TIME mentions normalised against each article's (or its story's) publication time.

Stages never call each other; the runner hands records between them and owns batching,
error containment and timing.
"""

from __future__ import annotations

import logging
import time
from collections.abc import Callable, Iterable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path

from eventwire.actors import ActorResolver, ActorsSettings
from eventwire.clean import CleanSettings, clean_article
from eventwire.config import section
from eventwire.dedup import Deduplicator, DedupSettings
from eventwire.entities import EntitiesSettings, EntityRecognizer
from eventwire.ingest import IngestSettings, iter_inputs
from eventwire.live.settings import LiveSettings
from eventwire.model import (
    ArticleEntities,
    CleanArticle,
    Document,
    InputFile,
    ProcessingResult,
    RawArticle,
    Rejection,
    StageReport,
    StoryAssignment,
)
from eventwire.plausible import DatesSettings
from eventwire.store import Repository, StoreSettings
from eventwire.stories import StoriesSettings, StoryClusterer
from eventwire.time import TIME_LABELS, TimeSettings, story_times

log = logging.getLogger(__name__)

ProgressCallback = Callable[[str, int, int | None], None]
"""Called as ``(stage, done, total)``; ``total`` is None when unknown."""

SAVE_BATCH_SIZE = 200


@dataclass
class RunReport:
    """What a run did: one report per stage, plus every rejected input."""

    stages: dict[str, StageReport] = field(default_factory=dict)
    rejections: list[Rejection] = field(default_factory=list)

    def stage(self, name: str) -> StageReport:
        """The report of stage ``name``, created on first use."""
        return self.stages.setdefault(name, StageReport(stage=name))

    @property
    def ok(self) -> bool:
        """True when every input went in."""
        return not self.rejections

    def as_dict(self) -> dict:
        """JSON-friendly form."""
        return {
            "ok": self.ok,
            "stages": {name: report.as_dict() for name, report in self.stages.items()},
            "rejections": [r.as_dict() for r in self.rejections],
        }


@dataclass(frozen=True)
class Settings:
    """Typed settings of every stage, from one merged configuration."""

    ingest: IngestSettings
    clean: CleanSettings
    dedup: DedupSettings
    stories: StoriesSettings
    store: StoreSettings
    entities: EntitiesSettings = field(default_factory=EntitiesSettings)
    actors: ActorsSettings = field(default_factory=ActorsSettings)
    time: TimeSettings = field(default_factory=TimeSettings)
    live: LiveSettings = field(default_factory=LiveSettings)
    dates: DatesSettings = field(default_factory=DatesSettings)

    @classmethod
    def from_config(cls, config: dict[str, dict]) -> Settings:
        """Build every stage's settings from a merged configuration."""
        return cls(
            ingest=section(config, "ingest", IngestSettings),
            clean=section(config, "clean", CleanSettings),
            dedup=section(config, "dedup", DedupSettings),
            stories=section(config, "stories", StoriesSettings),
            store=section(config, "store", StoreSettings),
            entities=section(config, "entities", EntitiesSettings),
            actors=section(config, "actors", ActorsSettings),
            time=section(config, "time", TimeSettings),
            live=section(config, "live", LiveSettings),
            dates=section(config, "dates", DatesSettings),
        )


class Pipeline:
    """Runs the stages against one repository."""

    def __init__(
        self,
        repo: Repository,
        settings: Settings,
        on_progress: ProgressCallback | None = None,
    ) -> None:
        self.repo = repo
        self.settings = settings
        self.on_progress = on_progress or (lambda stage, done, total: None)
        self._recognizer: EntityRecognizer | None = None  # loaded on first use
        self._resolver: ActorResolver | None = None

    def run(self, paths: Sequence[Path], source: str | None = None) -> RunReport:
        """Ingest ``paths`` then process everything pending."""
        report = self.ingest(paths, source)
        self.process(report)
        return report

    def ingest(
        self, paths: Sequence[Path], source: str | None = None, report: RunReport | None = None
    ) -> RunReport:
        """Read, clean and store ``paths``: one transaction per input file."""
        inputs = iter_inputs(paths, source=source, settings=self.settings.ingest)
        return self.ingest_inputs(inputs, report)

    def ingest_inputs(
        self, inputs: Iterable[InputFile], report: RunReport | None = None
    ) -> RunReport:
        """Clean and store already-read inputs (files, fetched pages, archive records)."""
        report = report or RunReport()
        for done, input_file in enumerate(self._count_read(inputs, report), start=1):
            articles = self._skip_stored(input_file.articles, report)
            cleaned = self._clean(articles, report)
            self._store(input_file.origin, cleaned, report)
            self.on_progress("ingest", done, None)
        return report

    def process(self, report: RunReport | None = None) -> RunReport:
        """Deduplicate and cluster every stored article not yet processed, then read entities."""
        report = report or RunReport()
        pending = self.repo.pending_documents()
        if pending:
            self._dedup_and_cluster(pending, report)
        if self.settings.entities.enabled:
            self.resolve_entities(report)
        return report

    def _dedup_and_cluster(self, pending: list[Document], report: RunReport) -> None:
        with _timed(report.stage("restore")) as restore_report:
            dedup, clusterer, story_of = self._restore_indexes(restore_report)
        results: list[ProcessingResult] = []
        for done, document in enumerate(pending, start=1):
            result = _contain(
                f"article {document.id}",
                "process-error",
                self._process_one,
                document,
                dedup,
                clusterer,
                story_of,
                report,
            )
            if isinstance(result, Rejection):  # left pending: retried (and reported) next run
                self._reject(result, report.stage("process"), report)
            else:
                results.append(result)
            if len(results) >= SAVE_BATCH_SIZE:
                self._save(results, report)
            self.on_progress("process", done, len(pending))
        self._save(results, report)

    def resolve_entities(self, report: RunReport | None = None) -> RunReport:
        """Recognise entities of clustered originals not yet read; re-resolve their stories."""
        report = report or RunReport()
        pending = self.repo.entity_pending_documents()
        if not pending:
            return report
        resolver = self._prepare_resolver(report)
        if resolver is None:  # a broken actor file: nothing is read until it is fixed
            return report
        stories: dict[int, None] = {}
        for start in range(0, len(pending), SAVE_BATCH_SIZE):
            batch = pending[start : start + SAVE_BATCH_SIZE]
            self._recognize([document for document, _ in batch], report)
            stories.update((story_id, None) for _, story_id in batch)
            self.on_progress("entities", start + len(batch), len(pending))
        self._resolve_actors(resolver, list(stories), report)
        return report

    # --- ingest steps ---------------------------------------------------------------

    def _count_read(self, inputs: Iterable[InputFile], report: RunReport) -> Iterator[InputFile]:
        stage = report.stage("ingest")
        started = time.perf_counter()
        for input_file in inputs:
            stage.count_in += 1
            stage.count_out += len(input_file.articles)
            for rejection in input_file.rejections:
                self._reject(rejection, stage, report)
            stage.seconds += time.perf_counter() - started
            yield input_file
            started = time.perf_counter()

    def _skip_stored(self, articles: Sequence[RawArticle], report: RunReport) -> list[RawArticle]:
        """Articles not stored yet (re-reading the same input cleans nothing twice)."""
        stored = self.repo.stored_hashes([article.content_hash for article in articles])
        if stored:
            stage = report.stage("store")
            stage.count_in += len(stored)
            stage.rejected["already-stored"] = stage.rejected.get("already-stored", 0) + len(stored)
        return [article for article in articles if article.content_hash not in stored]

    def _clean(
        self, articles: Iterable[RawArticle], report: RunReport
    ) -> list[tuple[RawArticle, CleanArticle]]:
        cleaned = []
        with _timed(report.stage("clean")) as stage:
            for raw in articles:
                stage.count_in += 1
                result = _contain(
                    raw.origin, "clean-error", clean_article, raw, self.settings.clean
                )
                if isinstance(result, Rejection):
                    self._reject(result, stage, report)
                else:
                    cleaned.append((raw, result))
                    stage.count_out += 1
        return cleaned

    def _store(
        self, origin: str, cleaned: list[tuple[RawArticle, CleanArticle]], report: RunReport
    ) -> None:
        if not cleaned:
            return
        with _timed(report.stage("store")) as stage:
            stage.count_in += len(cleaned)
            try:
                ids = self.repo.add_articles(cleaned)
            except Exception as error:
                log.exception("could not store %s", origin)
                message = f"could not be stored: {_first_line(error)}"
                self._reject(Rejection(origin, "store-error", message), stage, report)
                return
            stage.count_out += sum(1 for i in ids if i is not None)
            already = sum(1 for i in ids if i is None)
            if already:
                stage.rejected["already-stored"] = stage.rejected.get("already-stored", 0) + already

    @staticmethod
    def _reject(rejection: Rejection, stage: StageReport, report: RunReport) -> None:
        stage.reject(rejection.reason)
        report.rejections.append(rejection)
        log.warning("%s", rejection)

    # --- process steps --------------------------------------------------------------

    def _restore_indexes(
        self, stage: StageReport
    ) -> tuple[Deduplicator, StoryClusterer, dict[int, int]]:
        dedup = Deduplicator(self.settings.dedup)
        clusterer = StoryClusterer(self.settings.stories)
        story_of: dict[int, int] = {}
        for document, story_id, copy_of in self.repo.processed_documents():
            stage.count_in += 1
            if story_id is not None:
                story_of[document.id] = story_id
            if copy_of is None:
                dedup.restore(document)
                if story_id is not None:
                    clusterer.restore(document, story_id)
        stage.count_out = stage.count_in
        return dedup, clusterer, story_of

    def _process_one(
        self,
        document: Document,
        dedup: Deduplicator,
        clusterer: StoryClusterer,
        story_of: dict[int, int],
        report: RunReport,
    ) -> ProcessingResult:
        with _timed(report.stage("dedup")) as stage:
            stage.count_in += 1
            link = dedup.check_and_add(document)
            if link is None:
                stage.count_out += 1
            else:
                stage.reject(f"{link.kind}-copy")
        with _timed(report.stage("stories")) as stage:
            if link is not None and link.copy_of in story_of:
                assignment = StoryAssignment(
                    document.id, story_of[link.copy_of], link.similarity, is_new=False
                )
            else:
                stage.count_in += 1
                assignment = clusterer.assign(document)
                stage.count_out += int(assignment.is_new)
        story_of[document.id] = assignment.story_id
        return ProcessingResult(document.id, link, assignment)

    # --- entities, actors and time ---------------------------------------------------

    def _recognize(self, documents: list[Document], report: RunReport) -> None:
        if self._recognizer is None:
            self._recognizer = EntityRecognizer(self.settings.entities)
        with _timed(report.stage("entities")) as stage:
            stage.count_in += len(documents)
            found = []
            for document, result in zip(
                documents, self._recognizer.recognize(documents), strict=True
            ):
                if isinstance(result, Rejection):
                    self._reject(result, stage, report)
                    result = ArticleEntities(document.id)  # read: not retried on every run
                else:
                    stage.count_out += 1
                found.append(result)
        with _timed(report.stage("store")):
            self.repo.save_entities(found)

    def _prepare_resolver(self, report: RunReport) -> ActorResolver | None:
        """The resolver (country data, organisations, the user's actor file), built once."""
        if self._resolver is None:
            resolver = _contain(
                self.settings.actors.user_file or "actors",
                "actors-setup-error",
                ActorResolver,
                self.settings.actors,
            )
            if isinstance(resolver, Rejection):
                self._reject(resolver, report.stage("actors"), report)
                return None
            self._resolver = resolver
        return self._resolver

    def _resolve_actors(
        self, resolver: ActorResolver, story_ids: list[int], report: RunReport
    ) -> None:
        people = self.repo.people()
        for done, story_id in enumerate(story_ids, start=1):
            with _timed(report.stage("actors")) as stage:
                stage.count_in += 1
                documents, entities = self.repo.story_entities(story_id)
                result = _contain(
                    f"story {story_id}",
                    "actors-error",
                    resolver.resolve_story,
                    story_id,
                    documents,
                    entities,
                    people,
                )
                if isinstance(result, Rejection):
                    self._reject(result, stage, report)
                    continue
                stage.count_out += 1
                people += [a for a in result.actors if a.type == "person"]
            with _timed(report.stage("time")) as time_stage:
                times = story_times(documents, entities, self.settings.time)
                time_stage.count_in += sum(
                    m.label in TIME_LABELS for e in entities for m in e.mentions
                )
                time_stage.count_out += len(times)
            with _timed(report.stage("store")):
                self.repo.save_story_actors(result, times, [d.id for d in documents])
            self.on_progress("actors", done, len(story_ids))

    def _save(self, results: list[ProcessingResult], report: RunReport) -> None:
        if not results:
            return
        with _timed(report.stage("store")):
            self.repo.save_results(results)
        results.clear()


@contextmanager
def _timed(stage: StageReport) -> Iterator[StageReport]:
    started = time.perf_counter()
    try:
        yield stage
    finally:
        stage.seconds += time.perf_counter() - started


def _contain(origin: str, reason: str, function: Callable, *args: object) -> object:
    """Call ``function``; an unexpected exception becomes a Rejection naming ``origin``."""
    try:
        return function(*args)
    except Exception as error:
        log.exception("unexpected error on %s", origin)
        return Rejection(origin, reason, f"unexpected error: {_first_line(error)}")


def _first_line(error: BaseException) -> str:
    text = str(error).strip().splitlines()
    return f"{type(error).__name__}: {text[0] if text else ''}"
