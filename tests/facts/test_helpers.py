"""Stories shared with a helper process give the facts computed one by one here."""

from __future__ import annotations

import multiprocessing
import time

import pytest

from eventwire.facts import embed
from eventwire.facts.build import story_facts
from eventwire.facts.helpers import stories_facts
from eventwire.facts.settings import FactsSettings
from eventwire.model import FactsInput
from tests.facts.conftest import document

pytestmark = pytest.mark.skipif(not embed.available(), reason="the sentence model is missing")

REPORTS = (
    (
        "The harbour council approved the new budget on Monday after a long debate.",
        "After a lengthy debate on Monday, councillors backed the harbour budget.",
        "Ferries to the island will run every hour from the first of May, the operator said.",
    ),
    (
        "Heavy snow closed the mountain pass for three days and 1,200 drivers were stranded.",
        "About 1,200 drivers were stranded when snow shut the mountain pass for three days.",
        "Rescue teams reached the last stranded lorry on Sunday night, police said.",
    ),
    (
        "The union rejected the pay offer of $95 million and called a strike for June.",
        "A strike in June was called after the union turned down a $95 million pay offer.",
        "Talks between the union and the rail company ended without an agreement.",
    ),
)


def stories() -> list[FactsInput]:
    """Three stories of two outlets each (two aligned claims, one for one outlet only)."""
    found = []
    for n, (first, second, alone) in enumerate(REPORTS):
        a = document(10 * n + 1, "north-post", first, alone)
        b = document(10 * n + 2, "south-daily", second)
        found.append(FactsInput(n + 1, (a, b), ()))
    return found


def test_stories_shared_with_a_helper_equal_those_computed_one_by_one() -> None:
    settings = FactsSettings(embedding_processes=2)
    alone = [story_facts(s, settings, embed.SentenceEncoder(processes=1)) for s in stories()]
    shared = stories_facts(stories(), settings, embed.SentenceEncoder(), spare=1)
    assert shared == alone
    assert [max(f.independent_sources for f in r.facts) for r in shared] == [2, 2, 2]


def test_without_a_spare_core_or_a_second_process_no_helper_is_asked() -> None:
    from eventwire.facts.helpers import _workers

    encoder = embed.SentenceEncoder()
    assert _workers(stories(), FactsSettings(embedding_processes=2), encoder, spare=1) == 1
    assert _workers(stories(), FactsSettings(embedding_processes=2), encoder, spare=0) == 0
    assert _workers(stories(), FactsSettings(embedding_processes=1), encoder, spare=1) == 0
    assert _workers(stories()[:1], FactsSettings(embedding_processes=2), encoder, spare=1) == 0
    assert _workers(stories(), FactsSettings(embedding_processes=2), None, spare=1) == 0


def _busy(seconds: float) -> None:
    end = time.monotonic() + seconds
    while time.monotonic() < end:
        pass


def test_a_busy_process_beside_this_one_counts_as_running() -> None:
    context = multiprocessing.get_context("fork")
    busy = context.Process(target=_busy, args=(3.0,))
    busy.start()
    try:
        time.sleep(0.2)
        assert embed.running_others() >= 1
    finally:
        busy.join()


def test_a_story_recomputed_goes_back_to_the_process_that_computed_it() -> None:
    """Each process's memo holds the sentences of the stories it computed: a story computed
    again (an article joined) is handed to the same process, as far as the sharing allows."""
    from eventwire.facts import helpers

    settings = FactsSettings(embedding_processes=2)
    first = stories()
    stories_facts(first, settings, embed.SentenceEncoder(), spare=1)
    in_helper = {s.story_id for s in first if helpers.IN_HELPER[s.story_id]}
    assert in_helper and len(in_helper) < len(first)
    again = list(reversed(first))  # another order: where each went last decides, not the order
    results = stories_facts(again, settings, embed.SentenceEncoder(), spare=1)
    assert {s.story_id for s in again if helpers.IN_HELPER[s.story_id]} == in_helper
    assert [r.story_id for r in results] == [s.story_id for s in again]
