"""Clustering metrics: pairwise and B-cubed precision / recall / F1.

Both take two mappings item -> cluster label (predicted, gold) over the same items. Pairwise
scores count item pairs put together; B-cubed averages per-item precision and recall of the
item's cluster (Bagga & Baldwin 1998), so big clusters do not dominate as they do pairwise.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Hashable, Mapping
from dataclasses import dataclass

Labels = Mapping[Hashable, Hashable]  # item -> cluster label


@dataclass(frozen=True)
class Scores:
    """Precision, recall and their harmonic mean."""

    precision: float
    recall: float
    f1: float

    def as_dict(self) -> dict[str, float]:
        """The scores rounded for reports."""
        return {k: round(v, 4) for k, v in vars(self).items()}


def pairwise_f1(predicted: Labels, gold: Labels) -> Scores:
    """Pairwise P/R/F1: over pairs of items, same predicted cluster vs same gold cluster."""
    items = _common_items(predicted, gold)
    both = Counter((predicted[i], gold[i]) for i in items)
    same_both = sum(_pairs(n) for n in both.values())
    same_predicted = sum(_pairs(n) for n in Counter(predicted[i] for i in items).values())
    same_gold = sum(_pairs(n) for n in Counter(gold[i] for i in items).values())
    precision = same_both / same_predicted if same_predicted else 1.0
    recall = same_both / same_gold if same_gold else 1.0
    return Scores(precision, recall, _harmonic_mean(precision, recall))


def bcubed_f1(predicted: Labels, gold: Labels) -> Scores:
    """B-cubed P/R/F1: per-item overlap of its predicted and gold clusters, averaged."""
    items = _common_items(predicted, gold)
    both = Counter((predicted[i], gold[i]) for i in items)
    predicted_sizes = Counter(predicted[i] for i in items)
    gold_sizes = Counter(gold[i] for i in items)
    precision = sum(both[predicted[i], gold[i]] / predicted_sizes[predicted[i]] for i in items)
    recall = sum(both[predicted[i], gold[i]] / gold_sizes[gold[i]] for i in items)
    precision, recall = precision / len(items), recall / len(items)
    return Scores(precision, recall, _harmonic_mean(precision, recall))


def _common_items(predicted: Mapping, gold: Mapping) -> list:
    if set(predicted) != set(gold):
        missing = len(set(gold) ^ set(predicted))
        raise ValueError(f"predicted and gold label different items ({missing} differ)")
    if not gold:
        raise ValueError("no items to score")
    return list(gold)


def _pairs(n: int) -> int:
    return n * (n - 1) // 2


def _harmonic_mean(precision: float, recall: float) -> float:
    total = precision + recall
    return 2 * precision * recall / total if total else 0.0
