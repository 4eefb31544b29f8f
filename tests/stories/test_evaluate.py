"""Clustering metrics against hand-computed values."""

from __future__ import annotations

import pytest

from eventwire.stories.evaluate import bcubed_f1, pairwise_f1

GOLD = {1: "a", 2: "a", 3: "a", 4: "b", 5: "b"}


def test_perfect_clustering_scores_one() -> None:
    predicted = {1: 10, 2: 10, 3: 10, 4: 20, 5: 20}
    assert pairwise_f1(predicted, GOLD).f1 == 1.0
    assert bcubed_f1(predicted, GOLD).f1 == 1.0


def test_merged_clusters_lose_precision_only() -> None:
    predicted = dict.fromkeys(GOLD, 1)
    pair = pairwise_f1(predicted, GOLD)
    assert pair.recall == 1.0
    assert pair.precision == pytest.approx(4 / 10)  # 3 + 1 gold pairs of 10 predicted
    b3 = bcubed_f1(predicted, GOLD)
    assert b3.recall == 1.0
    assert b3.precision == pytest.approx((3 * 3 / 5 + 2 * 2 / 5) / 5)


def test_singletons_lose_recall_only() -> None:
    predicted = {i: i for i in GOLD}
    pair = pairwise_f1(predicted, GOLD)
    assert (pair.precision, pair.recall, pair.f1) == (1.0, 0.0, 0.0)
    b3 = bcubed_f1(predicted, GOLD)
    assert b3.precision == 1.0
    assert b3.recall == pytest.approx((3 * 1 / 3 + 2 * 1 / 2) / 5)


def test_different_items_are_refused() -> None:
    with pytest.raises(ValueError):
        pairwise_f1({1: 1}, {2: 1})
