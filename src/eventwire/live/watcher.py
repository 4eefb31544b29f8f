"""Fetch pages and poll feeds into the pipeline: concurrent downloads, one writer, resumable.

Downloads run in a thread pool (politeness per host is the fetcher's); every page is parsed,
cleaned and stored in the calling thread as soon as it arrives (lxml parsers are not
thread-safe), one transaction per page, and its
outcome is recorded, so a restart fetches nothing twice. Setting ``stop`` (SIGTERM) gives the
pages in flight a grace period to finish and be stored (the fetcher's watchdog cuts those still
running then); pages not yet started, or cut, are left for the next run.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Iterable, Sequence
from concurrent.futures import ThreadPoolExecutor, as_completed
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from eventwire.errors import first_line
from eventwire.live.errors import STOPPED, FetchProblem
from eventwire.live.feeds import FeedConfig, FeedError, FeedItem, ParsedFeed, parse_feed
from eventwire.live.fetcher import Fetcher
from eventwire.live.pages import page_input
from eventwire.live.settings import LiveSettings
from eventwire.model import FeedState, FetchOutcome, InputFile, Rejection
from eventwire.store import ProcessingBusy

if TYPE_CHECKING:  # live is handed a pipeline; it never imports the pipeline's module
    from eventwire.pipeline import Pipeline

LOGGER = logging.getLogger(__name__)
MAX_FAILED_CYCLES = 5  # consecutive failed poll cycles after which watch gives up


class WatchFailed(RuntimeError):
    """Poll cycles kept failing as a whole; watching is pointless until that is fixed."""


STORED, ALREADY_STORED, FETCH_ERROR = "stored", "already-stored", "fetch-error"
BUSY, PROCESS_ORIGIN = "processing-busy", "process"


@dataclass(frozen=True)
class Target:
    """A URL to fetch, with the feed (and feed item) that listed it."""

    url: str
    item: FeedItem | None = None
    feed: FeedConfig | None = None


@dataclass(frozen=True)
class PollResult:
    """One poll of one feed: its items, or unchanged (304), or the error."""

    feed: FeedConfig
    parsed: ParsedFeed | None = None
    validators: tuple[str | None, str | None] | None = None
    error: str | None = None
    stopped: bool = False  # the poll was cut short by a stop: nothing to record

    @property
    def unchanged(self) -> bool:
        """The server answered 304 Not Modified."""
        return self.parsed is None and self.error is None and not self.stopped


@dataclass
class CycleStats:
    """Counts of one poll cycle (or one ``fetch``)."""

    feeds: int = 0
    failed_feeds: int = 0
    new_urls: int = 0
    stored: int = 0
    rejected: int = 0
    outcomes: list[FetchOutcome] = field(default_factory=list)


class Monitor:
    """What the runner reports while it works (the CLI shows it); the base class is silent."""

    def feed_polled(self, result: PollResult, new_urls: int) -> None:
        """A feed was polled; ``new_urls`` of its items are to be fetched."""

    def page_done(self, outcome: FetchOutcome) -> None:
        """A URL was fetched (or given up on)."""

    def cycle_done(self, cycle: int, stats: CycleStats) -> None:
        """A poll cycle (or a ``fetch``) ended."""

    def cycle_failed(self, cycle: int, message: str) -> None:
        """A poll cycle failed as a whole (e.g. the database was locked); the next one retries."""


class LiveRunner:
    """Fetches URLs and polls feeds into one pipeline."""

    def __init__(
        self,
        pipeline: Pipeline,
        settings: LiveSettings,
        monitor: Monitor | None = None,
        stop: threading.Event | None = None,
    ) -> None:
        self.pipeline = pipeline
        self.settings = settings
        self.monitor = monitor or Monitor()
        self.stop = stop or threading.Event()
        self.fetcher = Fetcher(settings, self.stop)
        self.report = pipeline.ingest_inputs(())  # an empty report of the pipeline's kind

    # --- fetch --------------------------------------------------------------------

    def fetch(self, urls: Sequence[str]) -> CycleStats:
        """Fetch ``urls`` not fetched before, store their articles, then process them."""
        stats = CycleStats()
        self.fetch_targets([Target(url) for url in self.new_urls(urls)], stats)
        self.process(stats)
        self.monitor.cycle_done(1, stats)
        return stats

    def new_urls(self, urls: Iterable[str]) -> list[str]:
        """``urls`` without repeats and without those already fetched for good."""
        unique = list(dict.fromkeys(urls))
        done = self.pipeline.repo.done_urls(unique, self.settings.max_url_attempts)
        return [url for url in unique if url not in done]

    def fetch_targets(self, targets: list[Target], stats: CycleStats) -> None:
        """Download concurrently; parse and ingest each page here as it arrives.

        Only the network I/O runs in the pool: HTML parsing (lxml, trafilatura) shares
        parser objects that are not thread-safe, so it stays in this thread.
        """
        if not targets:
            return
        stats.new_urls += len(targets)
        with ThreadPoolExecutor(max(1, self.settings.concurrency)) as pool:
            futures = {pool.submit(self.download, target): target for target in targets}
            for future in as_completed(futures):
                target = futures[future]
                input_file, transient = self.read_page(target, future.result())
                self.ingest_page(target, input_file, transient, stats)

    def download(self, target: Target) -> object:
        """The response for one URL, or the ``FetchProblem``/error it raised (never raises)."""
        try:
            return self.fetcher.fetch_page(target.url)
        except Exception as error:  # handed to read_page, in the calling thread
            return error

    def read_page(self, target: Target, downloaded: object) -> tuple[InputFile, bool]:
        """(InputFile, transient failure?) of one downloaded URL; never raises."""
        try:
            if isinstance(downloaded, Exception):
                raise downloaded
            source = target.feed.name if target.feed else None
            input_file = page_input(downloaded, self.pipeline.settings.ingest, target.item, source)
            return input_file, False
        except FetchProblem as problem:
            return InputFile(target.url, rejections=(problem.to_rejection(target.url),)), (
                problem.transient
            )
        except Exception as error:  # a bug: reject this URL only, say which
            LOGGER.exception("unexpected error fetching %s", target.url)
            message = f"unexpected error: {type(error).__name__}: {error}"
            return InputFile(
                target.url, rejections=(Rejection(target.url, FETCH_ERROR, message),)
            ), True

    def ingest_page(
        self, target: Target, input_file: InputFile, transient: bool, stats: CycleStats
    ) -> None:
        """Clean and store one page (one transaction) and record what became of its URL."""
        if any(r.reason == STOPPED for r in input_file.rejections):
            return  # not fetched: left for the next run
        store = self.report.stage("store")
        stored_before, rejected_before = store.count_out, len(self.report.rejections)
        self.pipeline.ingest_inputs([input_file], self.report)
        rejections = self.report.rejections[rejected_before:]
        if store.count_out > stored_before:
            outcome, message = STORED, ""
        elif rejections:
            outcome, message = rejections[0].reason, rejections[0].message
        else:
            outcome, message = ALREADY_STORED, "the same page is already stored"
        feed_url = target.feed.url if target.feed else None
        result = FetchOutcome(target.url, outcome, message, feed_url, transient)
        self.pipeline.repo.record_outcome(result)
        stats.stored += outcome == STORED
        stats.rejected += bool(rejections)
        stats.outcomes.append(result)
        self.monitor.page_done(result)

    def process(self, stats: CycleStats) -> None:
        """Deduplicate and cluster what was stored (stories update); when another process is
        processing the database, what was stored is left for the next run (a rejection)."""
        if stats.stored or self.pipeline.repo.counts().get("pending"):
            try:
                self.pipeline.process(self.report)
            except ProcessingBusy as busy:
                self.report.rejections.append(Rejection(PROCESS_ORIGIN, BUSY, str(busy)))
                LOGGER.warning("%s", busy)

    # --- watch --------------------------------------------------------------------

    def watch(self, feeds: Sequence[FeedConfig], interval: float, once: bool = False) -> int:
        """Poll ``feeds`` every ``interval`` seconds until stopped (or once); cycles run.

        Raises WatchFailed after ``MAX_FAILED_CYCLES`` failed cycles in a row (or a failed
        ``once``).
        """
        for feed in feeds:
            self.pipeline.repo.ensure_feed(feed.url, feed.name)
        cycle = failures = 0
        while not self.stop.is_set():
            cycle += 1
            failures = 0 if self.contained_cycle(cycle, feeds) else failures + 1
            if failures >= MAX_FAILED_CYCLES or (once and failures):
                raise WatchFailed(f"{failures} poll cycle(s) in a row failed; giving up")
            if once or self.stop.wait(interval):
                break
        return cycle

    def contained_cycle(self, cycle: int, feeds: Sequence[FeedConfig]) -> bool:
        """One poll cycle; a failure of the whole cycle (database down or locked, a bug) is
        reported and left to the next cycle instead of ending the watch. True on success."""
        try:
            stats = self.poll_cycle(feeds)
        except Exception as error:
            LOGGER.debug("poll cycle %d failed", cycle, exc_info=True)
            self.monitor.cycle_failed(cycle, first_line(error))
            return False
        self.monitor.cycle_done(cycle, stats)
        return True

    def poll_cycle(self, feeds: Sequence[FeedConfig]) -> CycleStats:
        """Poll every feed, fetch the new items, store and process them."""
        stats = CycleStats(feeds=len(feeds))
        states = {state.url: state for state in self.pipeline.repo.feed_states()}
        targets: dict[str, Target] = {}
        polled: list[tuple[PollResult, list[Target]]] = []
        for result in self.poll_feeds(feeds, states):
            stats.failed_feeds += result.error is not None
            new = self.new_targets(result, targets)
            self.monitor.feed_polled(result, len(new))
            targets.update((target.url, target) for target in new)
            polled.append((result, new))
        self.fetch_targets(list(targets.values()), stats)
        for result, new in polled:
            if result.stopped:
                continue  # not polled to the end: neither a success nor the feed's error
            validators = self.settled_validators(result, new)
            self.pipeline.repo.record_poll(result.feed.url, validators, result.error)
        self.process(stats)
        return stats

    def settled_validators(
        self, result: PollResult, new: list[Target]
    ) -> tuple[str | None, str | None] | None:
        """The feed's ETag/Last-Modified once every new item is settled, else (None, None).

        Kept validators would let the next poll answer 304 and hide items that a stop or a
        transient failure left unfetched; cleared ones make it read the feed in full again.
        """
        if result.validators is None or not new:
            return result.validators
        urls = [target.url for target in new]
        done = self.pipeline.repo.done_urls(urls, self.settings.max_url_attempts)
        return result.validators if len(done) == len(set(urls)) else (None, None)

    def poll_feeds(
        self, feeds: Sequence[FeedConfig], states: dict[str, FeedState]
    ) -> Iterable[PollResult]:
        """Poll the feeds concurrently (network only); parse each here, as it comes."""
        with ThreadPoolExecutor(max(1, self.settings.concurrency)) as pool:
            futures = {
                pool.submit(self.download_feed, feed, states.get(feed.url)): feed for feed in feeds
            }
            for future in as_completed(futures):
                yield self.read_feed(futures[future], future.result())

    def download_feed(self, feed: FeedConfig, state: FeedState | None) -> object:
        """One conditional GET of a feed: the response, None (304), or the error raised."""
        etag, modified = (state.etag, state.last_modified) if state else (None, None)
        try:
            return self.fetcher.fetch_feed(feed.url, etag, modified)
        except Exception as error:  # handed to read_feed, in the calling thread
            return error

    def read_feed(self, feed: FeedConfig, downloaded: object) -> PollResult:
        """The parsed poll of one feed; never raises."""
        try:
            if isinstance(downloaded, Exception):
                raise downloaded
            if downloaded is None:
                return PollResult(feed)
            parsed = parse_feed(downloaded.content, downloaded.final_url)
            if parsed.sitemaps:
                parsed = self.read_child_sitemaps(parsed)
            return PollResult(feed, parsed, (downloaded.etag, downloaded.last_modified))
        except FetchProblem as problem:
            if problem.reason == STOPPED:
                return PollResult(feed, stopped=True)
            return PollResult(feed, error=f"{problem.reason}: {problem.message}")
        except FeedError as error:
            return PollResult(feed, error=f"not-a-feed: {error}")
        except Exception as error:  # a bug: this feed fails, the others go on
            LOGGER.exception("unexpected error polling %s", feed.url)
            return PollResult(feed, error=f"{FETCH_ERROR}: {type(error).__name__}: {error}")

    def read_child_sitemaps(self, index: ParsedFeed) -> ParsedFeed:
        """The items of a sitemap index's newest child sitemaps (``sitemap_index_children``).

        Children are fetched here, one after the other (politeness applies); one that fails
        counts as broken, and FetchProblem/FeedError is raised only when every one fails.
        """
        items: list[FeedItem] = []
        broken, failed, problem = index.broken, 0, None
        children = index.sitemaps[: max(1, self.settings.sitemap_index_children)]
        for url in children:
            try:
                response = self.fetcher.fetch_feed(url, None, None)
                child = parse_feed(response.content, response.final_url) if response else None
            except (FetchProblem, FeedError) as error:
                broken, failed, problem = broken + 1, failed + 1, error
                continue
            if child is not None:
                items.extend(child.items)
                broken += child.broken
        if problem is not None and failed == len(children):
            raise problem
        return ParsedFeed(items=tuple(items), broken=broken)

    def new_targets(self, result: PollResult, taken: dict[str, Target]) -> list[Target]:
        """The feed's items not fetched before (nor taken from another feed this cycle)."""
        if result.parsed is None:
            return []
        items = [item for item in result.parsed.items if item.url not in taken]
        fresh = set(self.new_urls(item.url for item in items))
        unique = {item.url: item for item in items if item.url in fresh}
        return [Target(url, item, result.feed) for url, item in unique.items()]

    def close(self) -> None:
        """Release the HTTP connections."""
        self.fetcher.close()
