"""The runner: drives eventwire's stages over inputs and reports what each did.

The data flow is written down step by step in docs/architecture.md. In short:

1. ingest reads each input file into ``RawArticle`` records (or ``Rejection``s);
2. clean turns each into a ``CleanArticle`` (or rejects it as empty);
3. the repository stores one file's articles in one transaction (already-stored ones are skipped);
4. ``process`` rebuilds the dedup and story indexes from what is stored, then takes every
   pending article in id order: dedup links copies to their first copy, story clustering
   places originals, copies join their original's story; results are saved in batches.

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

from eventwire.clean import CleanSettings, clean_article
from eventwire.config import section
from eventwire.dedup import Deduplicator, DedupSettings
from eventwire.ingest import IngestSettings, iter_inputs
from eventwire.model import (
    CleanArticle,
    Document,
    InputFile,
    ProcessingResult,
    RawArticle,
    Rejection,
    StageReport,
    StoryAssignment,
)
from eventwire.store import Repository, StoreSettings
from eventwire.stories import StoriesSettings, StoryClusterer

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

    @classmethod
    def from_config(cls, config: dict[str, dict]) -> Settings:
        """Build every stage's settings from a merged configuration."""
        return cls(
            ingest=section(config, "ingest", IngestSettings),
            clean=section(config, "clean", CleanSettings),
            dedup=section(config, "dedup", DedupSettings),
            stories=section(config, "stories", StoriesSettings),
            store=section(config, "store", StoreSettings),
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
            cleaned = self._clean(input_file.articles, report)
            self._store(input_file.origin, cleaned, report)
            self.on_progress("ingest", done, None)
        return report

    def process(self, report: RunReport | None = None) -> RunReport:
        """Deduplicate and cluster every stored article not yet processed."""
        report = report or RunReport()
        with _timed(report.stage("restore")) as restore_report:
            dedup, clusterer, story_of = self._restore_indexes(restore_report)
        pending = self.repo.pending_documents()
        results: list[ProcessingResult] = []
        for done, document in enumerate(pending, start=1):
            results.append(self._process_one(document, dedup, clusterer, story_of, report))
            if len(results) >= SAVE_BATCH_SIZE:
                self._save(results, report)
            self.on_progress("process", done, len(pending))
        self._save(results, report)
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
