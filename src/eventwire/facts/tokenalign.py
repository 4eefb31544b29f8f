"""Token-level features of a sentence pair from the sentence model's own token states: how
well each word piece of one sentence is matched by some word piece of the other (max cosine,
BERTScore-like, plain and weighted by word-piece IDF), what stays unmatched, and a negation
on one side only; and, per word piece, what its being matched or left unmatched tells of a
paraphrase on MSRP train (supervised piece weights). They narrow the gap between a frozen
sentence embedding and a fine-tuned pair model (docs/facts.md has the numbers)."""

from __future__ import annotations

import functools
import json
import math
import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

import numpy as np

PIECE_WEIGHTS_FILE = Path(__file__).parent / "data" / "piece_weights.json"
UNMATCHED = 0.6  # a word piece whose best match in the other sentence is below this
PIECE_FEATURES = ("piece_matched_evidence", "piece_unmatched_evidence", "piece_evidence")
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
    *PIECE_FEATURES,
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
class PieceWeights:
    """Per word-piece id, fitted on labelled pairs: the log-likelihood ratio (paraphrase
    against not, beyond the average piece) of the piece being matched in the other sentence
    (best cosine UNMATCHED or more) and of its being left unmatched."""

    matched: dict[int, float]
    unmatched: dict[int, float]

    def of(self, ids: Sequence[int]) -> tuple[np.ndarray, np.ndarray]:
        """The matched and the unmatched weight of each piece of ``ids`` (0 when unknown)."""
        matched = np.asarray([self.matched.get(i, 0.0) for i in ids], dtype=np.float32)
        unmatched = np.asarray([self.unmatched.get(i, 0.0) for i in ids], dtype=np.float32)
        return matched, unmatched

    def as_dict(self) -> dict:
        """JSON form: piece id -> [matched, unmatched] (data/piece_weights.json)."""
        return {str(i): [self.matched[i], self.unmatched[i]] for i in sorted(self.matched)}


@functools.cache
def piece_weights() -> PieceWeights:
    """The piece weights fitted on MSRP train (benchmarks/facts.py --fit writes them)."""
    stored = json.loads(PIECE_WEIGHTS_FILE.read_text(encoding="utf-8"))
    return PieceWeights(
        {int(i): v[0] for i, v in stored.items()}, {int(i): v[1] for i, v in stored.items()}
    )


@dataclass(frozen=True)
class PreparedTokens:
    """A sentence's token states in single precision with their IDF and piece weights (made
    once per sentence, then read by every pair it is in)."""

    tokens: SentenceTokens
    states: np.ndarray
    weights: np.ndarray
    negated: bool
    matched: np.ndarray  # each piece's weight when matched in the other sentence
    unmatched: np.ndarray  # ... and when left unmatched


def prepare(
    tokens: SentenceTokens, idf: dict[int, float], pieces: PieceWeights | None = None
) -> PreparedTokens:
    """``tokens`` ready for token_features (``pieces``: the shipped piece weights unless given)."""
    weights = np.asarray([idf.get(i, 1.0) for i in tokens.ids], dtype=np.float32)
    negated = bool(NEGATION.search(tokens.text))
    matched, unmatched = (pieces or piece_weights()).of(tokens.ids)
    states = tokens.states.astype(np.float32)
    return PreparedTokens(tokens, states, weights, negated, matched, unmatched)


def best_matches(a: PreparedTokens, b: PreparedTokens) -> tuple[np.ndarray, np.ndarray]:
    """Each piece's best cosine in the other sentence: of ``a``'s pieces, of ``b``'s."""
    similarity = a.states @ b.states.T
    return similarity.max(axis=1), similarity.max(axis=0)


def token_features(a: PreparedTokens, b: PreparedTokens) -> list[float]:
    """The TOKEN_FEATURES of a pair, in that order."""
    negation = float(a.negated != b.negated)
    if not a.tokens.ids or not b.tokens.ids:
        return [0.0] * (len(TOKEN_FEATURES) - len(PIECE_FEATURES) - 1) + [negation, 0, 0, 0]
    best_a, best_b = best_matches(a, b)
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
        *piece_features(a, best_a, b, best_b),
    ]


def piece_features(
    a: PreparedTokens, best_a: np.ndarray, b: PreparedTokens, best_b: np.ndarray
) -> list[float]:
    """The PIECE_FEATURES of a pair whose pieces' best matches are ``best_a``, ``best_b``."""
    matched = sum(
        float(p.matched[best >= UNMATCHED].sum()) for p, best in ((a, best_a), (b, best_b))
    )
    unmatched = sum(
        float(p.unmatched[best < UNMATCHED].sum()) for p, best in ((a, best_a), (b, best_b))
    )
    return [matched, unmatched, matched + unmatched]


def _harmonic(x: float, y: float) -> float:
    return 2 * x * y / (x + y) if x + y > 0 else 0.0
