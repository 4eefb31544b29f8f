"""A batch shared with a forked helper process gives every outcome, in order, once."""

from __future__ import annotations

import os
import threading
from collections.abc import Callable

import pytest

from eventwire import sharing

PARENT = os.getpid()


@pytest.fixture(autouse=True)
def no_other_threads(monkeypatch: pytest.MonkeyPatch) -> None:
    """As in ``eventwire run``: no other thread (earlier tests may leave idle pool threads)."""
    monkeypatch.setattr(sharing, "other_threads", lambda: 0)


def where(record: int) -> tuple[int, int]:
    """The record and the process that computed it."""
    return record * record, os.getpid()


def test_a_helper_takes_records_from_the_end_and_every_outcome_comes_back_in_order() -> None:
    records = list(range(40))
    found = sharing.shared_outcomes(records, slow(where), spare=1)
    assert [value for value, _ in found] == [n * n for n in records]
    helped = [n for n, (_, pid) in enumerate(found) if pid != PARENT]
    assert helped, "the helper computed none"
    assert helped == list(range(helped[0], len(records)))  # one run at the end
    assert found[0][1] == PARENT


def test_records_a_lost_helper_took_are_computed_here() -> None:
    def dies_in_helper(record: int) -> tuple[int, int]:
        if os.getpid() != PARENT and record == 35:
            os._exit(3)  # the helper is lost while it computes record 35
        return slow(where)(record)

    found = sharing.shared_outcomes(list(range(40)), dies_in_helper, spare=1)
    assert [value for value, _ in found] == [n * n for n in range(40)]
    assert found[35][1] == PARENT
    assert found[39][1] != PARENT  # the helper's outcomes before it was lost are kept


@pytest.mark.parametrize("records", [3, 40])
def test_no_helper_without_a_spare_core_or_for_a_few_records(records: int) -> None:
    spare = 1 if records < sharing.MIN_SHARED else 0
    found = sharing.shared_outcomes(list(range(records)), where, spare=spare)
    assert {pid for _, pid in found} == {PARENT}


def test_no_helper_is_forked_while_another_thread_runs(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(sharing, "other_threads", lambda: threading.active_count() - 1)
    stop = threading.Event()
    other = threading.Thread(target=stop.wait)
    other.start()
    try:
        found = sharing.shared_outcomes(list(range(40)), where, spare=1)
    finally:
        stop.set()
        other.join()
    assert {pid for _, pid in found} == {PARENT}


def slow(compute: Callable[[int], tuple[int, int]]) -> Callable[[int], tuple[int, int]]:
    """``compute`` taking a few milliseconds a record, so both processes get some."""

    def slowly(record: int) -> tuple[int, int]:
        threading.Event().wait(0.005)
        return compute(record)

    return slowly
