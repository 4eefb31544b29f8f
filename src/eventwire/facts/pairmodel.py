"""The pair decision: are two sentences the same statement? A logistic model over the pair's
features, with the cut-off chosen on MSRP train (benchmarks/facts.py fits it: docs/facts.md)."""

from __future__ import annotations

import functools
import json
from collections.abc import Sequence
from dataclasses import asdict, dataclass
from pathlib import Path

import numpy as np

from eventwire.facts.features import LEXICAL_FEATURES
from eventwire.facts.tokenalign import TOKEN_FEATURES

MODEL_FILE = Path(__file__).parent / "data" / "pair_model.json"
EMBEDDING_FEATURES = (*LEXICAL_FEATURES, "embedding_cosine", *TOKEN_FEATURES)


@dataclass(frozen=True)
class PairModel:
    """Standardised features, logistic weights and the cut-off on the probability."""

    features: tuple[str, ...]
    mean: tuple[float, ...]
    scale: tuple[float, ...]
    coef: tuple[float, ...]
    intercept: float
    threshold: float

    def probability(self, rows: Sequence[Sequence[float]]) -> np.ndarray:
        """The probability that each row's pair states the same thing."""
        if len(rows) == 0:
            return np.zeros(0)
        x = (np.asarray(rows, dtype=float) - np.asarray(self.mean)) / np.asarray(self.scale)
        return 1.0 / (1.0 + np.exp(-(x @ np.asarray(self.coef) + self.intercept)))

    def as_dict(self) -> dict:
        """JSON form (data/pair_model.json holds one per feature set)."""
        return asdict(self)


@functools.cache
def load_pair_model(with_embeddings: bool) -> PairModel:
    """The fitted model over lexical features, with the embedding cosine when asked."""
    stored = json.loads(MODEL_FILE.read_text(encoding="utf-8"))
    data = stored["embedding" if with_embeddings else "lexical"]
    return PairModel(**{k: tuple(v) if isinstance(v, list) else v for k, v in data.items()})


@functools.cache
def embedding_precision() -> str:
    """The precision the sentence model ran in (CTranslate2's compute type) when the pair
    model was fitted on its features: the stage runs it in the same."""
    stored = json.loads(MODEL_FILE.read_text(encoding="utf-8"))
    return str(stored.get("embedding_precision", "float32"))


@functools.cache
def cosine_cutoff() -> float:
    """The embedding cosine above which an MSRP pair is most often the same statement."""
    stored = json.loads(MODEL_FILE.read_text(encoding="utf-8"))
    return float(stored["embedding_cosine_cutoff"])
