"""Fitting the pair model on labelled sentence pairs (MSRP train): cross-validated accuracy
and F1, the cut-off chosen inside the training folds. Used by benchmarks/facts.py only
(scikit-learn is imported here, never by the stage)."""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np

from eventwire.facts.pairmodel import PairModel

CUTOFFS = np.linspace(0.2, 0.8, 61)
FOLDS = 10
SEED = 0


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


def cross_validate(x: np.ndarray, y: np.ndarray, features: Sequence[str]) -> dict[str, float]:
    """Mean accuracy and F1 of the fitted model over stratified folds."""
    from sklearn.model_selection import StratifiedKFold

    folds = StratifiedKFold(FOLDS, shuffle=True, random_state=SEED).split(x, y)
    scores = []
    for train, test in folds:
        model = fit_pair_model(x[train], y[train], features)
        scores.append(_scores(model.probability(x[test]) >= model.threshold, y[test]))
    return _mean(scores)


def cross_validate_cutoff(score: np.ndarray, y: np.ndarray) -> dict[str, float]:
    """Mean accuracy and F1 of one score with its cut-off chosen on the training folds."""
    from sklearn.model_selection import StratifiedKFold

    folds = StratifiedKFold(FOLDS, shuffle=True, random_state=SEED).split(score[:, None], y)
    results = []
    for train, test in folds:
        best = best_cutoff(score[train], y[train])
        results.append(_scores(score[test] >= best, y[test]))
    return _mean(results)


def best_cutoff(score: np.ndarray, y: np.ndarray) -> float:
    """The cut-off on ``score`` with the best accuracy on these pairs."""
    cutoffs = np.quantile(score, np.linspace(0.01, 0.99, 197))
    return float(cutoffs[int(np.argmax([((score >= c) == y).mean() for c in cutoffs]))])


def _scores(predicted: np.ndarray, gold: np.ndarray) -> dict[str, float]:
    true_positive = float((predicted & (gold == 1)).sum())
    f1 = 2 * true_positive / max(1.0, float(predicted.sum() + (gold == 1).sum()))
    return {"accuracy": float((predicted == gold).mean()), "f1": f1}


def _mean(results: list[dict[str, float]]) -> dict[str, float]:
    return {key: round(float(np.mean([r[key] for r in results])), 4) for key in results[0]}
