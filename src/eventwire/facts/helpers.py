"""A batch of stories' facts shared with helper processes while a core would otherwise idle:
whole stories go to the helpers (claims, candidates, the model, the pair model, consolidation),
not only the model's batches, so the whole stage runs on two cores. Each story is computed
by the same code in one process, so its facts are the same wherever it ran."""

from __future__ import annotations

import functools
import logging
from collections.abc import Sequence
from concurrent.futures import Future

from threadpoolctl import threadpool_limits

from eventwire.facts import embed
from eventwire.facts.build import Encoder, story_facts
from eventwire.facts.settings import FactsSettings
from eventwire.model import FactsInput, StoryFacts

log = logging.getLogger(__name__)
AFFINITY_STORIES = 10_000  # stories whose last process is remembered
IN_HELPER: dict[int, bool] = {}  # story id: computed in a helper process the last time


def stories_facts(
    stories: Sequence[FactsInput],
    settings: FactsSettings,
    encoder: Encoder | None,
    spare: int | None = None,
) -> list[StoryFacts]:
    """``story_facts`` of each story, in order. With ``settings.embedding_processes`` > 1,
    two stories or more to align and a spare core (``spare``: cores taken as spare, else
    ``embed.spare_cores()``), helpers take stories from the end while this process works
    from the start (a story no helper has started is taken back). A story goes back where it
    was computed last, as far as it can: each process's memo holds its own stories' sentences."""
    workers = _workers(stories, settings, encoder, spare)
    if not workers:
        _remember(stories, set())
        return [story_facts(story, settings, encoder) for story in stories]
    embed.shared_model()  # loaded before the helpers fork: they share its pages
    order = sorted(range(len(stories)), key=lambda n: IN_HELPER.get(stories[n].story_id, False))
    ordered = [stories[n] for n in order]
    results, helped = _shared(ordered, settings, encoder, workers)
    _remember(ordered, helped)
    found: list[StoryFacts | None] = [None] * len(stories)
    for position, n in enumerate(order):
        found[n] = results[position]
    return found  # type: ignore[return-value]


def _shared(
    stories: Sequence[FactsInput], settings: FactsSettings, encoder: Encoder | None, workers: int
) -> tuple[list[StoryFacts], set[int]]:
    """The stories' facts, helpers taking them from the end; and which ones they computed."""
    futures = _submit(stories, settings, workers)
    alone = encoder.alone() if isinstance(encoder, embed.SentenceEncoder) else encoder
    found: list[StoryFacts | None] = [None] * len(stories)
    for n, story in enumerate(stories):
        future = futures.get(n)
        if future is None or future.cancel():
            futures.pop(n, None)
            found[n] = story_facts(story, settings, alone)
    for n, future in futures.items():
        found[n] = _result(future, stories[n], settings, alone, workers)
    return found, set(futures)  # type: ignore[return-value]


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
    aligned = sum(len({d.source for d in story.documents}) >= 2 for story in stories)
    if encoder is None or settings.embedding_processes < 2 or aligned < 2:
        return 0
    if not embed.may_fork():
        return 0
    cores = embed.spare_cores() if spare is None else spare
    return min(settings.embedding_processes - 1, cores)


def _submit(
    stories: Sequence[FactsInput], settings: FactsSettings, workers: int
) -> dict[int, Future]:
    """Every story but the first handed to the helpers, the last first (none when the pool
    cannot take them: this process does them all)."""
    futures: dict[int, Future] = {}
    try:
        pool = embed.helper_pool(workers)
        for n in reversed(range(1, len(stories))):
            futures[n] = pool.submit(_facts_in_helper, stories[n], settings)
    except Exception:  # a broken pool, no processes left, no fork here
        log.warning("no facts helper process", exc_info=True)
        embed.drop_helper_pool(workers)
    return futures


def _result(
    future: Future,
    story: FactsInput,
    settings: FactsSettings,
    encoder: Encoder | None,
    workers: int,
) -> StoryFacts:
    """A helper's facts of ``story``, or computed here when the helper failed."""
    try:
        return future.result()
    except Exception:  # a helper that failed or was killed: done here instead
        log.warning("a facts helper process failed", exc_info=True)
        embed.drop_helper_pool(workers)  # a new one next time
        return story_facts(story, settings, encoder)


def _facts_in_helper(story: FactsInput, settings: FactsSettings) -> StoryFacts:
    with threadpool_limits(settings.embedding_threads):
        return story_facts(story, settings, _helper_encoder(settings.embedding_threads))


@functools.cache
def _helper_encoder(threads: int) -> embed.SentenceEncoder:
    """The helper process's own encoder (its memo kept between stories), without helpers."""
    return embed.SentenceEncoder(threads=threads, processes=1)
