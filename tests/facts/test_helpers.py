"""Stories shared with a helper process give the facts computed one by one here."""

from __future__ import annotations

import logging
import multiprocessing
import os
import signal
import threading
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import insert

from eventwire.facts import embed, helpers
from eventwire.facts.build import story_facts
from eventwire.facts.helpers import stories_facts
from eventwire.facts.settings import FactsSettings
from eventwire.facts.stage import FactsStage
from eventwire.model import Document, FactsInput, Rejection, StoryFacts
from eventwire.pipeline import Pipeline, RunReport, Settings
from eventwire.store import Repository
from eventwire.store.schema import Story
from tests.facts.conftest import PUBLISHED, document

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


SETTINGS = FactsSettings(embedding_processes=2)


@pytest.fixture(autouse=True)
def fresh_helpers(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    """No story remembered in a helper, no helper pool, before and after each test; and
    this process taken as running no other thread, as ``eventwire run`` does (in the whole
    suite, other test modules leave threads behind: a served API, a Dask client)."""
    monkeypatch.setattr(embed, "other_threads", lambda: 0)
    embed._NOTED.discard("threads")
    helpers.IN_HELPER.clear()
    embed.drop_helper_pool()
    yield
    helpers.IN_HELPER.clear()
    embed.drop_helper_pool()


def one_by_one(found: list[FactsInput]) -> list[StoryFacts]:
    encoder = embed.SentenceEncoder(processes=1)
    return [story_facts(s, SETTINGS, encoder) for s in found]


def test_stories_shared_with_a_helper_equal_those_computed_one_by_one() -> None:
    alone_encoder = embed.SentenceEncoder(processes=1)
    alone = [story_facts(s, SETTINGS, alone_encoder) for s in stories()]
    encoder = embed.SentenceEncoder()
    shared = stories_facts(stories(), SETTINGS, encoder, spare=1)
    assert shared == alone
    assert [max(f.independent_sources for f in r.facts) for r in shared] == [2, 2, 2]
    assert helpers.IN_HELPER[3]  # the last story goes to the helper first
    assert len(encoder.memo) < len(alone_encoder.memo)  # its sentences were embedded there


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


def test_the_running_processes_are_read_from_loadavg(tmp_path: Path) -> None:
    loadavg = tmp_path / "loadavg"
    loadavg.write_text("0.40 0.30 0.20 3/211 4242\n", encoding="ascii")  # this one and 2 others
    assert embed.running_others(loadavg) == 2.0
    assert embed.spare_cores(loadavg, cores=4) == 1
    assert embed.spare_cores(loadavg, cores=2) == 0
    loadavg.write_text("1.90 1.30 1.20 1/211 4242\n", encoding="ascii")  # this one alone
    assert embed.running_others(loadavg) == 0.0
    assert embed.spare_cores(loadavg, cores=2) == 1


def test_a_story_recomputed_goes_back_to_the_process_that_computed_it() -> None:
    """Each process's memo holds the sentences of the stories it computed: a story computed
    again (an article joined) is handed to the same process, as far as the sharing allows
    (the helper's first story is one it computed last time)."""
    first = stories()
    stories_facts(first, SETTINGS, embed.SentenceEncoder(), spare=1)
    in_helper = {s.story_id for s in first if helpers.IN_HELPER[s.story_id]}
    assert in_helper and len(in_helper) < len(first)
    again = list(reversed(first))  # another order: where each went last decides, not the order
    results = stories_facts(again, SETTINGS, embed.SentenceEncoder(), spare=1)
    assert in_helper & {s.story_id for s in again if helpers.IN_HELPER[s.story_id]}
    assert [r.story_id for r in results] == [s.story_id for s in again]


def _killed_on_story_3(story: FactsInput, settings: FactsSettings) -> StoryFacts:
    """The helper's work, but the helper process is killed (SIGKILL) on story 3."""
    if story.story_id == 3:
        os.kill(os.getpid(), signal.SIGKILL)
    return story_facts(story, settings, embed.SentenceEncoder(processes=1))


def test_a_killed_helper_loses_no_story_and_is_replaced(
    monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture
) -> None:
    computing = helpers._facts_in_helper
    monkeypatch.setattr(helpers, "_facts_in_helper", _killed_on_story_3)
    killed = embed.helper_pool(1)
    with caplog.at_level(logging.WARNING, logger=helpers.__name__):
        shared = stories_facts(stories(), SETTINGS, embed.SentenceEncoder(), spare=1)
    assert shared == one_by_one(stories())
    assert not helpers.IN_HELPER[3]  # computed here after all
    [lost] = [r for r in caplog.records if "story 3" in r.getMessage()]
    assert "helper process was lost" in lost.getMessage() and lost.exc_info is None
    monkeypatch.setattr(helpers, "_facts_in_helper", computing)  # helpers work again
    assert stories_facts(stories(), SETTINGS, embed.SentenceEncoder(), spare=1) == shared
    assert embed.helper_pool(1) is not killed and helpers.IN_HELPER[3]  # a new helper did it


def unreadable_story() -> FactsInput:
    """A story whose second document has no text: computing its facts raises."""
    good = stories()[0]
    return FactsInput(4, (good.documents[0], Document(99, "south-daily", "Report", None)), ())


def counting(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> Path:
    """``story_facts`` in ``helpers`` (here and in helpers forked next) writes each story's
    id to a file as it starts: the file has a line per computation, wherever it ran."""
    calls = tmp_path / "calls"
    calls.touch()

    def story_facts_counted(story: FactsInput, *args: object) -> StoryFacts:
        with calls.open("a", encoding="ascii") as out:
            out.write(f"{story.story_id}\n")
        return story_facts(story, *args)

    monkeypatch.setattr(helpers, "story_facts", story_facts_counted)
    return calls


def computed(calls: Path) -> list[int]:
    return sorted(int(line) for line in calls.read_text(encoding="ascii").split())


@pytest.mark.parametrize("first", [True, False], ids=["here", "in-a-helper"])
def test_a_story_that_raises_is_rejected_alone_and_the_others_are_computed_once(
    first: bool,
    monkeypatch: pytest.MonkeyPatch,
    tmp_path: Path,
    caplog: pytest.LogCaptureFixture,
) -> None:
    """The unreadable story first is computed here; last, a helper takes it first."""
    calls = counting(monkeypatch, tmp_path)
    batch = [unreadable_story(), *stories()] if first else [*stories(), unreadable_story()]
    with caplog.at_level(logging.INFO):
        found = stories_facts(batch, SETTINGS, embed.SentenceEncoder(), spare=1)
    failed = found[0] if first else found[-1]
    assert isinstance(failed, Rejection) and failed.origin == "story 4"
    assert failed.reason == "facts-error" and "AttributeError" in failed.message
    assert [r for r in found if r is not failed] == one_by_one(stories())
    assert computed(calls) == [1, 2, 3, 4]
    assert any(helpers.IN_HELPER.values())  # the helper took part
    [error] = [r for r in caplog.records if r.levelno >= logging.ERROR]
    assert "story 4" in error.getMessage() and "AttributeError" in error.getMessage()
    assert not any(r.exc_info for r in caplog.records)


def test_in_a_run_a_story_that_raises_fails_alone(
    db_url: str, monkeypatch: pytest.MonkeyPatch, tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    """The runner gives the stage the batch: the unreadable story is the only one failed,
    named in one line, and the others have their facts, computed once (no batch run again)."""
    calls = counting(monkeypatch, tmp_path)
    monkeypatch.setattr(embed, "spare_cores", lambda: 1)  # a helper even on a busy machine
    stage = FactsStage(SETTINGS)
    records = [*stories(), unreadable_story()]
    report = RunReport()
    with Repository.open(db_url) as repo, caplog.at_level(logging.INFO):
        with repo._writer.begin() as conn:  # the stories' rows (no articles: facts keep ids)
            conn.execute(insert(Story), [story_row(s.story_id) for s in records])
        pipeline = Pipeline(repo, Settings())
        outcomes = pipeline._run_records(stage, records)
        pipeline._save(stage, records, outcomes, report.stage("facts"), report)
        stored = [repo.story_facts(s.story_id) for s in records]
    assert stored[3] is None  # story 4 has none
    assert [statuses(r) for r in stored[:3]] == [statuses(r) for r in one_by_one(stories())]
    assert [r.origin for r in report.rejections] == ["story 4"]
    assert outcomes[:3] == one_by_one(stories())
    assert isinstance(outcomes[3], Rejection) and outcomes[3].origin == "story 4"
    assert "AttributeError" in outcomes[3].message
    assert computed(calls) == [1, 2, 3, 4]
    [error] = [r for r in caplog.records if r.levelno >= logging.ERROR]
    assert "story 4" in error.getMessage()  # and the rejection's own line, a warning
    assert not any(r.exc_info for r in caplog.records)


def statuses(found: StoryFacts | None) -> list[tuple[str, str, int]]:
    """Each fact's text, status and outlets (as stored and read back)."""
    assert found is not None
    return [(f.text, f.status, f.independent_sources) for f in found.facts]


def story_row(story_id: int) -> dict:
    return {
        "id": story_id,
        "title": f"Story {story_id}",
        "created_at": PUBLISHED,
        "updated_at": PUBLISHED,
    }


def _sleeps_on_story_3(story: FactsInput, settings: FactsSettings) -> StoryFacts:
    """The helper's work, but it hangs (for a minute) on story 3."""
    if story.story_id == 3:
        time.sleep(60)
    return story_facts(story, settings, embed.SentenceEncoder(processes=1))


def test_a_hung_helper_is_killed_after_the_timeout_and_its_story_computed_here(
    monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture
) -> None:
    monkeypatch.setattr(helpers, "_facts_in_helper", _sleeps_on_story_3)
    settings = FactsSettings(embedding_processes=2, helper_timeout_seconds=1.0)
    started = time.monotonic()
    with caplog.at_level(logging.WARNING):
        found = stories_facts(stories(), settings, embed.SentenceEncoder(), spare=1)
    assert time.monotonic() - started < 30
    assert found == one_by_one(stories())
    assert not helpers.IN_HELPER[3] and not embed._POOL  # computed here; the pool is gone
    assert any("story 3" in r.getMessage() and "1 s" in r.getMessage() for r in caplog.records)


def test_no_helper_is_forked_while_other_threads_run(
    caplog: pytest.LogCaptureFixture, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A run in a thread (the API's thread pool) computes every story here, as well."""
    monkeypatch.setattr(embed, "other_threads", lambda: threading.active_count() - 1)
    found: list = []
    with caplog.at_level(logging.INFO, logger=embed.__name__):
        thread = threading.Thread(
            target=lambda: found.extend(
                stories_facts(stories(), SETTINGS, embed.SentenceEncoder(), spare=1)
            )
        )
        thread.start()
        thread.join()
    assert found == one_by_one(stories())
    assert not embed._POOL and not any(helpers.IN_HELPER.values())
    assert any("other threads" in r.getMessage() for r in caplog.records)


def _signal_handlers() -> tuple[bool, bool]:
    """Whether SIGINT is ignored, and SIGTERM has its default action (ends the process)."""
    return (
        signal.getsignal(signal.SIGINT) is signal.SIG_IGN,
        signal.getsignal(signal.SIGTERM) is signal.SIG_DFL,
    )


def test_helpers_ignore_ctrl_c_and_end_on_sigterm() -> None:
    """Whatever handlers this process has, a helper ignores SIGINT and ends on SIGTERM."""
    previous = signal.signal(signal.SIGTERM, lambda *_: None)
    try:
        handlers = embed.helper_pool(1).submit(_signal_handlers).result(timeout=60)
    finally:
        signal.signal(signal.SIGTERM, previous)
    assert handlers == (True, True)
