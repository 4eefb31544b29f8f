"""A batch of stories' facts shared with helper processes while a core would otherwise idle:
whole stories go to the helpers (claims, candidates, the model, the pair model, consolidation),
not only the model's batches, so the whole stage runs on two cores. Each story is computed
by the same code in one process, so its facts are the same wherever it ran."""

from __future__ import annotations

import functools
import logging
import threading
from collections.abc import Sequence
from concurrent.futures import Future

from threadpoolctl import threadpool_limits

from eventwire.errors import first_line, unexpected
from eventwire.facts import embed
from eventwire.facts.build import Encoder, story_facts, warm
from eventwire.facts.settings import FactsSettings
from eventwire.model import FactsInput, Rejection, StoryFacts

log = logging.getLogger(__name__)
AFFINITY_STORIES = 10_000  # stories whose last process is remembered
IN_HELPER: dict[int, bool] = {}  # story id: computed in a helper process the last time
Outcome = StoryFacts | Rejection  # a story's facts, or its own error


def stories_facts(
    stories: Sequence[FactsInput],
    settings: FactsSettings,
    encoder: Encoder | None,
    spare: int | None = None,
) -> list[Outcome]:
    """``story_facts`` of each story, in order. With ``settings.embedding_processes`` > 1,
    two stories or more to align and a spare core (``spare``: cores taken as spare, else
    ``embed.spare_cores()``), each helper process takes one story at a time from the end
    while this process works from the start: a story is handed over only as a helper is
    free for it, and whoever takes it computes it. A story goes back where it was computed
    last, as far as it can: each process's memo holds its own stories' sentences. A story
    that raises, wherever it ran, is a ``Rejection`` in its place (logged in one line); a
    lost helper's story, or one its helper hangs on past ``settings.helper_timeout_seconds``
    (the helpers are killed), is computed here."""
    if _aligned(stories) and encoder is not None and settings.embedding_processes > 1:
        warm(settings)  # loaded before helpers fork (here or for model batches): shared pages
    workers = _workers(stories, settings, encoder, spare)
    if not workers:
        _remember(stories, set())
        return [_story_facts(story, settings, encoder) for story in stories]
    order = sorted(range(len(stories)), key=lambda n: IN_HELPER.get(stories[n].story_id, False))
    ordered = [stories[n] for n in order]
    results, helped = _shared(ordered, settings, encoder, workers)
    _remember(ordered, helped)
    log.info("facts: %d of %d stories computed in a helper process", len(helped), len(stories))
    found: list[Outcome | None] = [None] * len(stories)
    for position, n in enumerate(order):
        found[n] = results[position]
    return found  # type: ignore[return-value]


def _shared(
    stories: Sequence[FactsInput], settings: FactsSettings, encoder: Encoder | None, workers: int
) -> tuple[list[Outcome], set[int]]:
    """The stories' facts, helpers taking them from the end; and which ones they computed."""
    alone = encoder.alone() if isinstance(encoder, embed.SentenceEncoder) else encoder
    share = _Share(stories, settings, workers)
    found: list[Outcome | None] = [None] * len(stories)
    try:
        while (n := share.take()) is not None:
            found[n] = _story_facts(stories[n], settings, alone)
    finally:
        share.stop()
    helped = set()
    for n, future in share.futures.items():
        found[n], in_helper = _result(future, stories[n], settings, alone)
        if in_helper:
            helped.add(n)
    if share.broken:
        embed.drop_helper_pool()
    return found, helped  # type: ignore[return-value]


def _result(
    future: Future, story: FactsInput, settings: FactsSettings, encoder: Encoder | None
) -> tuple[Outcome, bool]:
    """A helper's facts of ``story`` (and True), or computed here if the helper was lost or
    hung (and False); the story's own error is its ``Rejection``."""
    what = f"story {story.story_id}"
    try:
        found = embed.helper_result(future, settings.helper_timeout_seconds, what)
    except Exception as error:
        return _rejection(story, error, "in a facts helper process"), True
    if found is None:
        return _story_facts(story, settings, encoder), False
    return found, True


def _story_facts(story: FactsInput, settings: FactsSettings, encoder: Encoder | None) -> Outcome:
    """``story_facts`` of ``story``, or the ``Rejection`` of its own error."""
    try:
        return story_facts(story, settings, encoder)
    except Exception as error:
        return _rejection(story, error, "")


def _rejection(story: FactsInput, error: Exception, where: str) -> Rejection:
    """The story's error as the runner reports one (``pipeline._contain``), logged in a line."""
    origin = f"story {story.story_id}"
    log.error("%s failed%s: %s", origin, f" {where}" if where else "", first_line(error))
    return unexpected(origin, "facts-error", error)


def _remember(stories: Sequence[FactsInput], helped: set[int]) -> None:
    """Note where each story was computed (the most recent AFFINITY_STORIES stories)."""
    for n, story in enumerate(stories):
        IN_HELPER.pop(story.story_id, None)
        IN_HELPER[story.story_id] = n in helped
    while len(IN_HELPER) > AFFINITY_STORIES:
        del IN_HELPER[next(iter(IN_HELPER))]


def _workers(
    stories: Sequence[FactsInput],
    settings: FactsSettings,
    encoder: Encoder | None,
    spare: int | None,
) -> int:
    """How many helper processes to share ``stories`` with (0: none)."""
    if encoder is None or settings.embedding_processes < 2 or _aligned(stories) < 2:
        return 0
    if not embed.may_fork(settings.embedding_processes - 1):
        return 0
    cores = embed.spare_cores() if spare is None else spare
    if not cores:
        log.info("facts: no helper process for %d stories: no spare core", len(stories))
    return min(settings.embedding_processes - 1, cores)


def _aligned(stories: Sequence[FactsInput]) -> int:
    """How many of ``stories`` have two outlets or more (their claims to align)."""
    return sum(len({d.source for d in story.documents}) >= 2 for story in stories)


class _Share:
    """Stories this process takes from the start while the helpers take them from the end,
    one each at a time: the next one is handed over as a helper finishes its last."""

    def __init__(self, stories: Sequence[FactsInput], settings: FactsSettings, workers: int):
        self.stories, self.settings = stories, settings
        self.lock = threading.Lock()  # callbacks run outside it (``add_done_callback`` last)
        self.front, self.back = 0, len(stories)  # stories[front:back] are nobody's yet
        self.futures: dict[int, Future] = {}
        self.stopped = self.broken = False
        try:  # the sentence model's pool (one size): forked on first submit, the stage warm
            self.pool = embed.helper_pool(settings.embedding_processes - 1)
        except Exception as error:  # no processes left, no fork here
            log.warning("no facts helper process: %s", first_line(error))
            self.stopped = self.broken = True
        for _ in range(workers):
            self._hand_over()

    def take(self) -> int | None:
        """The next story of this process (None: none left)."""
        with self.lock:
            if self.front >= self.back:
                return None
            self.front += 1
            return self.front - 1

    def stop(self) -> None:
        """Hand no more stories over."""
        with self.lock:
            self.stopped = True

    def _hand_over(self, done: Future | None = None) -> None:
        """The last story nobody has to a free helper (``done``: the helper's last one; after
        a lost helper no more: a story's own error is the story's)."""
        with self.lock:
            if done is not None and (done.cancelled() or isinstance(done.exception(), embed.LOST)):
                self.stopped = True
            if self.stopped or self.back - 1 < self.front:
                return
            story = self.stories[self.back - 1]
            try:
                future = self.pool.submit(_facts_in_helper, story, self.settings)
            except Exception as error:  # a broken pool
                log.warning("no facts helper process: %s", first_line(error))
                self.stopped = self.broken = True
                return
            self.back -= 1
            self.futures[self.back] = future
        future.add_done_callback(self._hand_over)


def _facts_in_helper(story: FactsInput, settings: FactsSettings) -> StoryFacts:
    with threadpool_limits(settings.embedding_threads):
        return story_facts(story, settings, _helper_encoder(settings.embedding_threads))


@functools.cache
def _helper_encoder(threads: int) -> embed.SentenceEncoder:
    """The helper process's own encoder (its memo kept between stories), without helpers."""
    return embed.SentenceEncoder(threads=threads, processes=1)
