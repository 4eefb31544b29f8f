"""The NewsWCL50 corroboration row, as the benchmark counts it from stored facts."""

from __future__ import annotations

from types import SimpleNamespace

from benchmarks.facts import _event_row

from eventwire.model import Claim, Fact


def _fact(seq: int, status: str, independent: int, articles: tuple[int, ...]) -> Fact:
    claims = tuple(Claim(a, f"outlet{a}", "A sentence.", 0, 11, "fact") for a in articles)
    kind = "commentary" if status == "commentary" else "fact"
    return Fact(seq, "A sentence.", kind, status, independent, claims)


def test_the_row_counts_corroboration_and_both_sides_of_the_spectrum() -> None:
    labels = {1: "LL", 2: "L", 3: "M", 4: "R", 5: "RR"}
    facts = (
        _fact(1, "corroborated", 2, (1, 4)),  # left and right
        _fact(2, "corroborated", 2, (1, 2)),  # left only
        _fact(3, "disputed", 2, (3, 5)),  # corroborated, centre and right
        _fact(4, "single-source", 1, (1, 5)),  # a copy: both sides, one independent outlet
        _fact(5, "commentary", 1, (2,)),
    )
    story = SimpleNamespace(articles=(1, 2, 3, 4, 5))
    row = _event_row(7, [(story, facts)], labels)
    assert row == {
        "event": 7,
        "stories": 1,
        "articles": 5,
        "facts": 4,
        "commentary": 1,
        "corroborated": 3,
        "corroborated_share": 0.75,
        "left_and_right_share": 0.25,
        "disputed": 1,
    }
