"""Candidate edges as arrays: each pair once, and each article's edges found again."""

from __future__ import annotations

import numpy as np

from eventwire.distributed.dedup import Edges, ExactGroups, Neighbors, duplicate_links, unique_edges


def edges(*rows: tuple[int, int, float]) -> Edges:
    low, high, similarity = zip(*rows, strict=True)
    return Edges(np.array(low), np.array(high), np.array(similarity))


def test_a_pair_found_in_two_buckets_is_one_edge() -> None:
    joined = unique_edges([edges((1, 5, 0.9), (2, 3, 0.8)), edges((1, 5, 0.9), (1, 2, 0.7))])
    assert list(zip(joined.low.tolist(), joined.high.tolist(), strict=True)) == [
        (1, 2), (1, 5), (2, 3),
    ]  # fmt: skip


def test_an_articles_edges_are_found_in_both_directions() -> None:
    neighbors = Neighbors(edges((1, 5, 0.9), (2, 5, 0.95), (5, 7, 0.8)))
    assert sorted(neighbors.of(5)) == [(0.8, 7), (0.9, 1), (0.95, 2)]
    assert neighbors.of(4) == []
    assert neighbors.nodes() == [1, 2, 5, 7]


def test_a_copy_links_to_its_most_similar_indexed_original() -> None:
    # 3 is a near copy of 1 and of 2; 2 is itself a copy of 1, so only 1 is indexed.
    found = duplicate_links(ExactGroups(), [edges((1, 2, 0.9), (1, 3, 0.85), (2, 3, 0.95))])
    assert {a: (link.copy_of, link.similarity) for a, link in found.items()} == {
        2: (1, 0.9), 3: (1, 0.85),
    }  # fmt: skip
