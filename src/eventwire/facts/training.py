"""Fitting the pair model on labelled sentence pairs (MSRP train): the supervised term and
piece weights, the logistic model, its cross-validated accuracy and F1. Everything learned
from labels is fitted inside the training folds only: the term and piece weights on the
training pairs, and the features the logistic model is fitted on come from weights fitted
without those pairs (inner folds), as the held-out pairs' features do. Used by
benchmarks/facts.py only (scikit-learn is imported here, never by the stage)."""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Callable, Iterable, Sequence

import numpy as np

from eventwire.facts.features import SentenceWords, TermWeights
from eventwire.facts.pairmodel import PairModel
from eventwire.facts.tokenalign import UNMATCHED, PieceWeights

CUTOFFS = np.linspace(0.2, 0.8, 61)
FOLDS = 10
INNER_FOLDS = 5
SEED = 0
SHRINK = 10.0  # pseudo-pairs pulling a term's or piece's rate to the average
MIN_PAIRS = 2  # pairs a term or piece must occur in to get a weight
HELD_OUT = 0.2  # share of the pairs held out by the fixed split

# (pairs the weights are fitted on, pairs to describe) -> those pairs' feature rows
Columns = Callable[[np.ndarray, np.ndarray], np.ndarray]


def fit_term_weights(
    words: Sequence[tuple[SentenceWords, SentenceWords]], y: np.ndarray
) -> TermWeights:
    """Term weights from labelled pairs: per term, shared or on one side only, by class."""
    events = (
        (label, a.terms & b.terms, a.terms ^ b.terms)
        for (a, b), label in zip(words, y, strict=True)
    )
    shared, one_side, kld = _weights(events)
    return TermWeights(shared, one_side, kld)


def fit_piece_weights(
    pieces: Sequence[tuple[Sequence[int], np.ndarray]], y: np.ndarray
) -> PieceWeights:
    """Piece weights from labelled pairs; ``pieces`` holds per pair the word-piece ids of
    both sentences and each piece's best cosine in the other sentence."""
    events = (
        (
            label,
            [i for i, best in zip(ids, bests, strict=True) if best >= UNMATCHED],
            [i for i, best in zip(ids, bests, strict=True) if best < UNMATCHED],
        )
        for (ids, bests), label in zip(pieces, y, strict=True)
    )
    matched, unmatched, _ = _weights(events)
    return PieceWeights(matched, unmatched)


def _weights(
    events: Iterable[tuple[int, Iterable, Iterable]],
) -> tuple[dict, dict, dict]:
    """Per key, from (label, keys in state 1, keys in state 2) of each pair: the shrunk
    log-likelihood ratios of state 1 and of state 2, beyond the average key, and the KL
    divergence of the two classes' share of state 1."""
    counts = {label: (Counter(), Counter()) for label in (0, 1)}
    for label, first, second in events:
        counts[int(label)][0].update(first)
        counts[int(label)][1].update(second)
    (first_pos, second_pos), (first_neg, second_neg) = counts[1], counts[0]
    p0 = _share(sum(first_pos.values()), sum(second_pos.values()), 0.5, 0.0)
    q0 = _share(sum(first_neg.values()), sum(second_neg.values()), 0.5, 0.0)
    keys = [
        k
        for k in first_pos | second_pos | first_neg | second_neg
        if first_pos[k] + second_pos[k] + first_neg[k] + second_neg[k] >= MIN_PAIRS
    ]
    first, second, kld = {}, {}, {}
    for key in keys:
        p = _share(first_pos[key], second_pos[key], p0, SHRINK)
        q = _share(first_neg[key], second_neg[key], q0, SHRINK)
        first[key] = round(math.log(p / q) - math.log(p0 / q0), 4)
        second[key] = round(math.log((1 - p) / (1 - q)) - math.log((1 - p0) / (1 - q0)), 4)
        kld[key] = round(p * math.log(p / q) + (1 - p) * math.log((1 - p) / (1 - q)), 4)
    return first, second, kld


def _share(first: float, second: float, prior: float, shrink: float) -> float:
    return (first + shrink * prior) / (first + second + shrink)


def fit_pair_model(x: np.ndarray, y: np.ndarray, features: Sequence[str]) -> PairModel:
    """A logistic model on standardised ``x``; the cut-off maximises training accuracy."""
    from sklearn.linear_model import LogisticRegression
    from sklearn.preprocessing import StandardScaler

    scaler = StandardScaler().fit(x)
    scale = np.where(scaler.scale_ > 0, scaler.scale_, 1.0)
    model = LogisticRegression(max_iter=2000).fit((x - scaler.mean_) / scale, y)
    fitted = PairModel(
        features=tuple(features),
        mean=tuple(float(v) for v in scaler.mean_),
        scale=tuple(float(v) for v in scale),
        coef=tuple(float(v) for v in model.coef_[0]),
        intercept=float(model.intercept_[0]),
        threshold=0.5,
    )
    probability = fitted.probability(x)
    accuracy = [((probability >= c) == y).mean() for c in CUTOFFS]
    return PairModel(**{**fitted.__dict__, "threshold": float(CUTOFFS[int(np.argmax(accuracy))])})


def out_of_fold(columns: Columns, y: np.ndarray, pairs: np.ndarray) -> np.ndarray:
    """Feature rows of ``pairs``, each from weights fitted on the other ``pairs`` (inner
    folds): the rows the logistic model is fitted on."""
    from sklearn.model_selection import StratifiedKFold

    rows = None
    inner = StratifiedKFold(INNER_FOLDS, shuffle=True, random_state=SEED + 1)
    for fit_on, held in inner.split(pairs, y[pairs]):
        found = columns(pairs[fit_on], pairs[held])
        if rows is None:
            rows = np.zeros((len(pairs), found.shape[1]))
        rows[held] = found
    return rows


def cross_validate(columns: Columns, y: np.ndarray, features: Sequence[str]) -> dict[str, float]:
    """Mean accuracy and F1 of the fitted model over stratified folds."""
    from sklearn.model_selection import StratifiedKFold

    folds = StratifiedKFold(FOLDS, shuffle=True, random_state=SEED).split(y, y)
    return _mean([_held_out_scores(columns, y, features, train, test) for train, test in folds])


def fixed_split(y: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """The fixed split of MSRP train: the tuning part (80%) and the held-out part (HELD_OUT,
    stratified by label, seed SEED). The sentence model is fine-tuned and everything else
    fitted on the first; the second is only scored."""
    from sklearn.model_selection import train_test_split

    tune, held = train_test_split(
        np.arange(len(y)), test_size=HELD_OUT, stratify=y, random_state=SEED
    )
    return np.sort(tune), np.sort(held)


def split_validate(columns: Columns, y: np.ndarray, features: Sequence[str]) -> dict[str, float]:
    """Accuracy and F1 on the held-out part of ``fixed_split``, fitted on the tuning part."""
    train, test = fixed_split(y)
    return _mean([_held_out_scores(columns, y, features, train, test)])


def _held_out_scores(
    columns: Columns, y: np.ndarray, features: Sequence[str], train: np.ndarray, test: np.ndarray
) -> dict[str, float]:
    model = fit_on_part(columns, y, features, train)
    probability = model.probability(columns(train, test))
    return scores(probability >= model.threshold, y[test])


def fit_on_part(
    columns: Columns, y: np.ndarray, features: Sequence[str], train: np.ndarray
) -> PairModel:
    """The pair model fitted on the pairs ``train`` only (their out-of-fold feature rows);
    the pairs it then reads are described by weights fitted on all of ``train``."""
    return fit_pair_model(out_of_fold(columns, y, train), y[train], features)


def fixed_columns(x: np.ndarray) -> Columns:
    """Columns of feature rows that learn nothing from labels."""
    return lambda _fit_on, rows: x[rows]


def cross_validate_cutoff(score: np.ndarray, y: np.ndarray) -> dict[str, float]:
    """Mean accuracy and F1 of one score with its cut-off chosen on the training folds."""
    from sklearn.model_selection import StratifiedKFold

    folds = StratifiedKFold(FOLDS, shuffle=True, random_state=SEED).split(score[:, None], y)
    results = []
    for train, test in folds:
        best = best_cutoff(score[train], y[train])
        results.append(scores(score[test] >= best, y[test]))
    return _mean(results)


def best_cutoff(score: np.ndarray, y: np.ndarray) -> float:
    """The cut-off on ``score`` with the best accuracy on these pairs."""
    cutoffs = np.quantile(score, np.linspace(0.01, 0.99, 197))
    return float(cutoffs[int(np.argmax([((score >= c) == y).mean() for c in cutoffs]))])


def scores(predicted: np.ndarray, gold: np.ndarray) -> dict[str, float]:
    """Accuracy and F1 of ``predicted`` (booleans) against ``gold`` labels."""
    true_positive = float((predicted & (gold == 1)).sum())
    f1 = 2 * true_positive / max(1.0, float(predicted.sum() + (gold == 1).sum()))
    return {"accuracy": float((predicted == gold).mean()), "f1": f1}


def _mean(results: list[dict[str, float]]) -> dict[str, float]:
    return {key: round(float(np.mean([r[key] for r in results])), 4) for key in results[0]}
