"""Body fingerprints: an exact-text key and a MinHash signature of word shingles."""

from __future__ import annotations

import hashlib

import numpy as np
from rensa import RMinHash

from eventwire.textnorm import comparison_words, normalize_for_comparison

EXACT_KEY_BYTES = 16  # blake2b digest size for the normalised-body key
SIGNATURE_DTYPE = np.uint32  # rensa R-MinHash slots are 32-bit


def exact_key(text: str) -> bytes | None:
    """Hash of the normalised body (case, quotes, dashes, whitespace folded); None if empty."""
    normalized = normalize_for_comparison(text)
    if not normalized:
        return None
    return hashlib.blake2b(normalized.encode("utf-8"), digest_size=EXACT_KEY_BYTES).digest()


def word_shingles(text: str, size: int) -> set[str]:
    """Distinct runs of ``size`` consecutive comparison words (empty if the body is shorter)."""
    words = comparison_words(text)
    return {" ".join(words[i : i + size]) for i in range(len(words) - size + 1)}


def sketch_shingles(shingles: set[str], num_perm: int, seed: int) -> RMinHash:
    """MinHash sketch of a shingle set (order-independent, deterministic for a seed)."""
    minhash = RMinHash(num_perm=num_perm, seed=seed)
    minhash.update(sorted(shingles))
    return minhash


def pack_signature(minhash: RMinHash) -> bytes:
    """The sketch's digest as compact bytes (4 bytes per slot)."""
    return np.asarray(minhash.digest(), dtype=SIGNATURE_DTYPE).tobytes()


def estimate_similarity(signature: bytes, others: list[bytes]) -> np.ndarray:
    """Estimated Jaccard similarity of one packed signature to each of ``others``."""
    query = np.frombuffer(signature, dtype=SIGNATURE_DTYPE)
    rows = np.frombuffer(b"".join(others), dtype=SIGNATURE_DTYPE).reshape(len(others), -1)
    return (rows == query).mean(axis=1)


def exact_jaccard(first: set[str], second: set[str]) -> float:
    """Exact Jaccard similarity of two shingle sets (0.0 when both are empty)."""
    union = len(first | second)
    return len(first & second) / union if union else 0.0
