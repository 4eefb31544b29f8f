"""Token-level features of a sentence pair from the sentence model's own token states: how
well each word piece of one sentence is matched by some word piece of the other (max cosine,
BERTScore-like, plain and weighted by word-piece IDF), what stays unmatched, and a negation
on one side only. They narrow the gap between a frozen sentence embedding and a fine-tuned
pair model (docs/facts.md has the numbers)."""

from __future__ import annotations

import math
import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np

UNMATCHED = 0.6  # a word piece whose best match in the other sentence is below this
NEGATION = re.compile(r"\b(?:not|no|never|none|nor|without|cannot)\b|n't", re.IGNORECASE)
TOKEN_FEATURES = (
    "token_precision",
    "token_recall",
    "token_f1",
    "token_f1_idf",
    "token_worse_idf",
    "token_worst_match",
    "token_unmatched_sum",
    "token_unmatched_max",
    "token_length_difference",
    "token_three_worst",
    "negation_differs",
)


@dataclass(frozen=True)
class SentenceTokens:
    """A sentence's last-layer token states ([CLS]/[SEP] left out), unit length, and ids."""

    text: str
    states: np.ndarray  # (pieces, 384), float32 or float16
    ids: tuple[int, ...]


def piece_idf(sentences: Sequence[SentenceTokens]) -> dict[int, float]:
    """Smoothed inverse document frequency of each word piece over ``sentences``."""
    counts = Counter(i for s in sentences for i in set(s.ids))
    total = len(sentences)
    return {i: math.log((1 + total) / (1 + n)) + 1 for i, n in counts.items()}


@dataclass(frozen=True)
class PreparedTokens:
    """A sentence's token states in single precision with their IDF weights (made once per
    sentence, then read by every pair it is in)."""

    tokens: SentenceTokens
    states: np.ndarray
    weights: np.ndarray
    negated: bool


def prepare(tokens: SentenceTokens, idf: dict[int, float]) -> PreparedTokens:
    """``tokens`` ready for token_features."""
    weights = np.asarray([idf.get(i, 1.0) for i in tokens.ids], dtype=np.float32)
    negated = bool(NEGATION.search(tokens.text))
    return PreparedTokens(tokens, tokens.states.astype(np.float32), weights, negated)


def token_features(a: PreparedTokens, b: PreparedTokens) -> list[float]:
    """The TOKEN_FEATURES of a pair, in that order."""
    negation = float(a.negated != b.negated)
    if not a.tokens.ids or not b.tokens.ids:
        return [0.0] * (len(TOKEN_FEATURES) - 1) + [negation]
    similarity = a.states @ b.states.T
    best_a, best_b = similarity.max(axis=1), similarity.max(axis=0)
    weight_a, weight_b = a.weights, b.weights
    precision, recall = float(best_a.mean()), float(best_b.mean())
    precision_idf = float((best_a * weight_a).sum() / weight_a.sum())
    recall_idf = float((best_b * weight_b).sum() / weight_b.sum())
    unmatched_a, unmatched_b = (
        float((best_a < UNMATCHED).mean()),
        float((best_b < UNMATCHED).mean()),
    )
    size_a, size_b = len(a.tokens.ids), len(b.tokens.ids)
    longer = max(size_a, size_b) + 2  # as counted with [CLS] and [SEP]
    return [
        precision,
        recall,
        _harmonic(precision, recall),
        _harmonic(precision_idf, recall_idf),
        min(precision_idf, recall_idf),
        float(min(best_a.min(), best_b.min())),
        unmatched_a + unmatched_b,
        max(unmatched_a, unmatched_b),
        abs(size_a - size_b) / longer,
        float(np.sort(np.r_[best_a, best_b])[:3].mean()),
        negation,
    ]


def _harmonic(x: float, y: float) -> float:
    return 2 * x * y / (x + y) if x + y > 0 else 0.0
