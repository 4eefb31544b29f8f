"""The runner: drives eventwire's registered stages over inputs and reports what each did.

The data flow is written down step by step in docs/architecture.md. In short:

1. ingest reads each input file into ``RawArticle`` records (or ``Rejection``s);
2. the ingest stages (clean) turn each into a ``CleanArticle`` (or reject it);
3. the repository stores one file's articles in one transaction (already-stored ones are skipped);
4. ``process`` runs every other registered stage (``eventwire.stages``), in registry order, on
   the articles or stories it has yet to run on at its version (the ``stage_runs`` table):
   dedup and stories over the stream in id order, entities over batches of clustered
   originals, actors and time over each story that gained entity-read articles.

The stage contract is ``eventwire.stage``. The runner owns batching, error containment,
timing, bookkeeping and the per-stage reports; stages only compute.
"""

from __future__ import annotations

import gc
import logging
import threading
import time
from collections import deque
from collections.abc import Callable, Collection, Iterable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field
from itertools import islice
from pathlib import Path
from typing import Any

from eventwire.errors import first_line, unexpected
from eventwire.model import (
    CleanArticle,
    InputFile,
    RawArticle,
    Rejection,
    Skipped,
    StageReport,
    StageRun,
)
from eventwire.settings import Settings
from eventwire.stage import ARTICLE, STORY, STREAM, StageEntry, UnknownStageError
from eventwire.store import Repository

log = logging.getLogger(__name__)

ProgressCallback = Callable[[str, int, int | None], None]
"""Called as ``(stage, done, total)``; ``total`` is None when unknown."""

SAVE_BATCH_SIZE = 200
# Python's cyclic collector during a run: a full collection walks every object the process
# holds (spaCy's and the sentence model's tables, the run's records) and ran every ~50,000
# allocations at the defaults, 0.2-0.3 s of a 7 s NewsWCL50 run; these pace it to a collection
# of the youngest objects every 50,000 and a full one every 1,000 of those (restored after).
RUN_GC_THRESHOLDS = (50_000, 20, 50)
_GC_LOCK = threading.Lock()
_GC_RUNS = [0, (0, 0, 0)]  # runs under way in this process, thresholds before the first
__all__ = ["Pipeline", "RunReport", "Settings", "UnknownStageError"]


@dataclass
class RunReport:
    """What a run did: one report per stage, every rejected input and every skipped record."""

    stages: dict[str, StageReport] = field(default_factory=dict)
    rejections: list[Rejection] = field(default_factory=list)
    skipped: list[Skipped] = field(default_factory=list)

    def stage(self, name: str) -> StageReport:
        """The report of stage ``name``, created on first use."""
        return self.stages.setdefault(name, StageReport(stage=name))

    @property
    def ok(self) -> bool:
        """True when every input went in (skipped records are notes, not failures)."""
        return not self.rejections

    def as_dict(self) -> dict:
        """JSON-friendly form."""
        return {
            "ok": self.ok,
            "stages": {name: report.as_dict() for name, report in self.stages.items()},
            "rejections": [r.as_dict() for r in self.rejections],
            "skipped": [s.as_dict() for s in self.skipped],
        }


class Pipeline:
    """Runs the registered stages against one repository."""

    def __init__(
        self,
        repo: Repository,
        settings: Settings,
        on_progress: ProgressCallback | None = None,
    ) -> None:
        self.repo = repo
        self.settings = settings
        self.on_progress = on_progress or (lambda stage, done, total: None)
        self._stages: dict[str, Any] = {}  # built on first use (loads the stage's libraries)

    @property
    def registry(self) -> tuple[StageEntry, ...]:
        """The stages this pipeline runs, in order."""
        return self.settings.registry

    def run(self, paths: Sequence[Path], source: str | None = None) -> RunReport:
        """Ingest ``paths`` then process everything pending."""
        with paced_collection():
            report = self.ingest(paths, source)
            self.process(report)
        return report

    def ingest(
        self, paths: Sequence[Path], source: str | None = None, report: RunReport | None = None
    ) -> RunReport:
        """Read, clean and store ``paths``: one transaction per input file."""
        from eventwire.ingest import iter_inputs  # trafilatura & co: only when ingesting

        inputs = iter_inputs(paths, source=source, settings=self.settings.ingest)
        return self.ingest_inputs(inputs, report)

    def ingest_inputs(
        self, inputs: Iterable[InputFile], report: RunReport | None = None
    ) -> RunReport:
        """Clean and store already-read inputs (files, fetched pages, archive records)."""
        report = report or RunReport()
        for done, input_file in enumerate(self._count_read(inputs, report), start=1):
            articles = self._skip_stored(input_file.articles, report)
            cleaned = self._run_ingest_stages(articles, report)
            self._store(input_file.origin, cleaned, report)
            self.on_progress("ingest", done, None)
        return report

    def process(self, report: RunReport | None = None, redo: Collection[str] = ()) -> RunReport:
        """Run every stage on what it has not run on at its version (``redo``: on everything)."""
        with paced_collection():
            return self._process(report, redo)

    def _process(self, report: RunReport | None, redo: Collection[str]) -> RunReport:
        report = report or RunReport()
        entries = [e for e in self.registry if e.stage is not None and not e.ingest]
        unknown = set(redo) - {e.name for e in entries}
        if unknown:
            raise UnknownStageError(f"no stage named {', '.join(sorted(unknown))}")
        with self.repo.processing_lock():  # one process at a time (raises ProcessingBusy)
            for entry in entries:
                if getattr(self.settings.sections()[entry.name], "enabled", True):
                    self._run_stage(entry, report, redo=entry.name in redo)
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

    def _run_ingest_stages(
        self, articles: list[RawArticle], report: RunReport
    ) -> list[tuple[RawArticle, CleanArticle]]:
        """Raw articles through the ingest stages (clean): (raw, clean article) pairs."""
        pairs: list[tuple[RawArticle, Any]] = [(raw, raw) for raw in articles]
        for entry in (e for e in self.registry if e.ingest and e.stage is not None):
            stage = self._stage(entry, report)
            if stage is None:
                return []
            stage_report = report.stage(entry.name)
            with _timed(stage_report):
                outcomes = self._run_records(stage, [record for _, record in pairs])
                kept = []
                for (raw, _), outcome in zip(pairs, outcomes, strict=True):
                    stage_report.count_in += 1
                    if isinstance(outcome, Rejection | Skipped):
                        self._reject(_as_rejection(outcome), stage_report, report)
                    else:
                        stage_report.count_out += 1
                        kept.append((raw, outcome))
            pairs = kept
        return pairs

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
                message = f"could not be stored: {first_line(error)}"
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

    # --- stored stages --------------------------------------------------------------

    def _stage(self, entry: StageEntry, report: RunReport) -> Any | None:
        """The stage object of ``entry``, built once; None (reported) when it cannot be built."""
        if entry.name not in self._stages:
            settings = self.settings.sections()[entry.name]
            built = _contain(entry.name, f"{entry.name}-setup-error", _build, entry, settings)
            if isinstance(built, Rejection):
                self._reject(built, report.stage(entry.name), report)
                return None  # nothing recorded: it runs once its setup is fixed
            self._stages[entry.name] = built
        return self._stages[entry.name]

    def _run_stage(self, entry: StageEntry, report: RunReport, redo: bool) -> None:
        """Run one stored stage on everything it has yet to run on, in batches."""
        if redo:
            self.repo.forget_runs(entry.name)
        pending = self._pending(entry.stage_type())
        if not pending:
            return  # the stage is not even built (its libraries stay unloaded)
        if entry.stage_type().scope == STREAM:
            # Its state is rebuilt from the store each time, from the records it is not about
            # to run on again (a record run again must not be in the state twice).
            self._stages.pop(entry.name, None)
            self.repo.forget_runs(entry.name, pending)
        stage = self._stage(entry, report)
        if stage is None:
            return
        stage_report = report.stage(entry.name)
        if hasattr(stage, "restore"):
            with _timed(report.stage("restore")) as restore_report:
                self._restore(stage, restore_report)
        from threadpoolctl import threadpool_limits  # numpy's BLAS is loaded by now

        with threadpool_limits(1):  # small matrix products: more BLAS threads only contend
            done = 0
            if stage.scope == ARTICLE and hasattr(stage, "run_stream"):
                done = self._run_streamed(stage, pending, stage_report, report)
            self._run_batches(stage, pending, done, stage_report, report)

    def _run_batches(
        self,
        stage: Any,
        pending: Sequence[int],
        done: int,
        stage_report: StageReport,
        report: RunReport,
    ) -> None:
        """Load, run and save ``pending[done:]`` one batch at a time."""
        for start in range(done, len(pending), SAVE_BATCH_SIZE):
            batch = pending[start : start + SAVE_BATCH_SIZE]
            with _timed(stage_report):
                records = stage.load(self.repo, batch)
                outcomes = self._run_records(stage, records)
            self._save(stage, records, outcomes, stage_report, report)
            self.on_progress(stage.name, start + len(batch), len(pending))

    def _run_streamed(
        self, stage: Any, pending: Sequence[int], stage_report: StageReport, report: RunReport
    ) -> int:
        """Run ``pending`` as one stream (``stage.run_stream``: a stage whose start-up is paid
        per call, as spaCy's worker processes), saving every SAVE_BATCH_SIZE outcomes; how
        many of ``pending`` are settled (the rest run batch by batch if the stream fails).

        Ids settle a loaded batch at a time, once all its records are saved: an id that loads
        no record (its article deleted meanwhile) is neither counted as a record nor run twice.
        """
        loaded: deque[Any] = deque()
        unsaved: deque[list[int]] = deque()  # per loaded batch: [ids, records not yet saved]

        def records() -> Iterator[Any]:
            for start in range(0, len(pending), SAVE_BATCH_SIZE):
                ids = pending[start : start + SAVE_BATCH_SIZE]
                batch = stage.load(self.repo, ids)
                unsaved.append([len(ids), len(batch)])
                loaded.extend(batch)
                yield from batch

        settled = 0
        try:
            outcomes = _stream_outcomes(stage, records(), len(pending))
            while chunk := self._next_chunk(outcomes, stage_report):
                batch = [loaded.popleft() for _ in chunk]
                # outside _next_chunk: an error in saving is not the stream's
                self._save(stage, batch, chunk, stage_report, report)
                settled += _settle(unsaved, len(chunk))
                self.on_progress(stage.name, settled, len(pending))
        except _StreamFailed:
            log.exception("stage %s failed on its stream; going on batch by batch", stage.name)
        return settled + _settle(unsaved, 0)  # trailing batches that loaded no record

    @staticmethod
    def _next_chunk(outcomes: Iterator[Any], stage_report: StageReport) -> list[Any]:
        """The stream's next SAVE_BATCH_SIZE outcomes (an error in it is the stream's)."""
        try:
            with _timed(stage_report):
                return list(islice(outcomes, SAVE_BATCH_SIZE))
        except Exception as error:
            raise _StreamFailed from error

    def _pending(self, stage_type: Any) -> list[int]:
        """Ids of the articles (or stories) the stage has yet to run on at its version."""
        name, version, after = stage_type.name, stage_type.version, stage_type.after
        if stage_type.scope == STORY:
            return self.repo.pending_stories(name, version, after)
        originals_only = getattr(stage_type, "originals_only", False)
        return self.repo.pending_articles(name, version, after, originals_only)

    def _restore(self, stage: Any, restore_report: StageReport) -> None:
        """Rebuild a stateful stage's state from the store."""
        replayed = StageReport(stage="restore")
        stage.restore(_counted(stage.load_state(self.repo), replayed))
        if stage.scope == STREAM:  # each stream replays the same stored articles: count once
            restore_report.count_in = max(restore_report.count_in, replayed.count_in)
            restore_report.count_out = restore_report.count_in

    def _run_records(self, stage: Any, records: Sequence[Any]) -> list[Any]:
        """One outcome per record; an unexpected error fails that record only.

        Article stages, and story stages that keep no state between stories (``batched``),
        get the whole batch (one record at a time only if the batch fails); stream and other
        story stages get one record at a time, since their state moves on.
        """
        if _takes_batches(stage):
            try:
                outcomes = stage.run(records)
                if len(outcomes) == len(records):
                    return outcomes
            except Exception as error:  # one line: each record's own error is logged next
                log.warning(
                    "stage %s failed on a batch (%s); retrying one by one",
                    stage.name,
                    first_line(error),
                )
        return [self._run_one(stage, record) for record in records]

    def _run_one(self, stage: Any, record: Any) -> Any:
        origin = _origin(record)
        outcome = _contain(origin, f"{stage.name}-error", stage.run, [record])
        return outcome if isinstance(outcome, Rejection) else outcome[0]

    def _save(
        self,
        stage: Any,
        records: Sequence[Any],
        outcomes: Sequence[Any],
        stage_report: StageReport,
        report: RunReport,
    ) -> None:
        """Count the outcomes, then write the results and their bookkeeping together."""
        done, runs = [], []
        for record, outcome in zip(records, outcomes, strict=True):
            run = _stage_run(stage, record, outcome)
            runs.append(run)
            if isinstance(outcome, Skipped):
                stage_report.count_in += 1
                stage_report.reject(outcome.reason)
                report.skipped.append(outcome)
                log.info("%s", outcome)
            elif isinstance(outcome, Rejection):
                stage_report.count_in += 1
                self._reject(outcome, stage_report, report)
            else:
                _count(stage, stage_report, record, outcome)
                done.append((record, outcome))
        with _timed(report.stage("store")):
            if done:
                stage.save(self.repo, done, runs)
            else:
                self.repo.record_runs(runs)


class _StreamFailed(Exception):
    """A streamed stage raised while producing outcomes (its cause is chained)."""


def _stream_outcomes(stage: Any, records: Iterator[Any], count: int) -> Iterator[Any]:
    """``stage.run_stream`` over ``records`` (an error in starting it is the stream's)."""
    try:
        return iter(stage.run_stream(records, count))
    except Exception as error:
        raise _StreamFailed from error


def _settle(unsaved: deque[list[int]], saved: int) -> int:
    """Take ``saved`` records off the oldest loaded batches; the ids of the batches now fully
    saved (or that loaded no record at all)."""
    settled = 0
    while unsaved and (saved or not unsaved[0][1]):
        taken = min(saved, unsaved[0][1])
        unsaved[0][1] -= taken
        saved -= taken
        if unsaved[0][1]:
            break
        settled += unsaved.popleft()[0]
    return settled


def _build(entry: StageEntry, settings: Any) -> Any:
    return entry.stage_type()(settings)


def _count(stage: Any, stage_report: StageReport, record: Any, outcome: Any) -> None:
    if hasattr(stage, "count"):
        stage.count(stage_report, record, outcome)
    else:
        stage_report.count_in += 1
        stage_report.count_out += 1


def _counted(records: Iterable[Any], report: StageReport) -> Iterator[Any]:
    for record in records:
        report.count_in += 1
        report.count_out += 1
        yield record


def _takes_batches(stage: Any) -> bool:
    """Whether ``stage.run`` gets a whole batch: article stages, and batched story stages."""
    if stage.scope == STORY:
        return getattr(stage, "batched", False)
    return stage.scope != STREAM


def _origin(record: Any) -> str:
    """How a record is named in messages: its input, ``article ID`` or ``story ID``."""
    if isinstance(getattr(record, "origin", None), str):
        return record.origin
    if hasattr(record, "story_id"):
        return f"story {record.story_id}"
    return f"article {record.id}"


def _stage_run(stage: Any, record: Any, outcome: Any) -> StageRun:
    """The bookkeeping row of one record's outcome."""
    status, reason = "ok", None
    if isinstance(outcome, Skipped):
        status, reason = "skipped", outcome.message
    elif isinstance(outcome, Rejection):
        status, reason = "failed", outcome.message
    if stage.scope == STORY:
        return StageRun(stage.name, stage.version, status, story_id=record.story_id, reason=reason)
    return StageRun(stage.name, stage.version, status, article_id=record.id, reason=reason)


def _as_rejection(outcome: Rejection | Skipped) -> Rejection:
    if isinstance(outcome, Rejection):
        return outcome
    return Rejection(outcome.origin, outcome.reason, outcome.message)


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
        return unexpected(origin, reason, error)


@contextmanager
def paced_collection() -> Iterator[None]:
    """Python's cyclic collector paced by RUN_GC_THRESHOLDS while a run is under way in this
    process (runs in several threads share it); the thresholds before are restored when the
    last one ends."""
    with _GC_LOCK:
        if _GC_RUNS[0] == 0:
            _GC_RUNS[1] = gc.get_threshold()
            gc.set_threshold(*RUN_GC_THRESHOLDS)
        _GC_RUNS[0] += 1
    try:
        yield
    finally:
        with _GC_LOCK:
            _GC_RUNS[0] -= 1
            if _GC_RUNS[0] == 0:
                gc.set_threshold(*_GC_RUNS[1])
