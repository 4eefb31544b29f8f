"""The streaming deduplicator: exact and near-duplicate (syndicated copy) detection.

Only originals are indexed. A copy is linked to the indexed original it matches, which is
therefore always the root of its chain (C copying B copying A links to A, since B was never
indexed). Per original the index keeps a 16-byte exact key and a packed MinHash signature
(``num_perm`` * 4 bytes), plus its entry in rensa's LSH bands; no text is kept. Originals
stored more than ``max_age_days`` before the latest article seen are forgotten
(``eventwire.aging``), so the index of a long ``watch`` stays bounded; an archive ingested
in one go forgets nothing, whatever its publication dates.
"""

from __future__ import annotations

from collections.abc import Sequence

from rensa import RMinHash, RMinHashLSH

from eventwire.aging import AgeWindow
from eventwire.dedup.settings import DedupSettings
from eventwire.dedup.signature import (
    estimate_similarity,
    exact_key,
    pack_signature,
    sketch_shingles,
    word_shingles,
)
from eventwire.model import Document, DuplicateLink

KIND_EXACT = "exact"
KIND_NEAR = "near"
NO_SIGNATURE = b""  # indexed body too short to shingle: exact matching only


class Deduplicator:
    """Links each new article to the first-seen original it copies, or indexes it."""

    def __init__(self, settings: DedupSettings | None = None) -> None:
        """Start an empty index with ``settings`` (defaults when None)."""
        self.settings = settings or DedupSettings()
        self._exact: dict[bytes, int] = {}
        self._keys: dict[int, bytes] = {}  # id -> exact key (to forget it)
        self._signatures: dict[int, bytes] = {}
        self._age = AgeWindow(self.settings.max_age_days)
        self._lsh = RMinHashLSH(
            threshold=self.settings.threshold,
            num_perm=self.settings.num_perm,
            num_bands=self.settings.num_bands,
        )

    def __len__(self) -> int:
        """Number of indexed originals."""
        return len(self._signatures)

    def check_and_add(self, doc: Document) -> DuplicateLink | None:
        """Link ``doc`` to the original it copies (not indexing it), else index it.

        Returns None for originals, for an empty body (nothing to compare) and for an id
        that is already indexed (re-processing an original is not a copy of itself).
        """
        self._age.advance(doc.ingested)
        self._forget_expired()
        key = exact_key(doc.text)
        if key is None or doc.id in self._signatures:
            return None
        original = self._exact.get(key)
        if original is not None:
            return DuplicateLink(doc.id, original, KIND_EXACT, 1.0)
        minhash = self._sketch(doc.text)
        match = self._find_near(minhash) if minhash is not None else None
        if match is not None:
            original, similarity = match
            return DuplicateLink(doc.id, original, KIND_NEAR, similarity)
        self._index(doc.id, key, minhash, doc)
        return None

    def restore(self, doc: Document) -> None:
        """Index an already-processed original (at start-up), without checking it."""
        key = exact_key(doc.text)
        if key is None or doc.id in self._signatures:
            return
        self._index(doc.id, key, self._sketch(doc.text), doc)
        self._forget_expired()

    def _sketch(self, text: str) -> RMinHash | None:
        shingles = word_shingles(text, self.settings.shingle_size)
        if not shingles:
            return None
        return sketch_shingles(shingles, self.settings.num_perm, self.settings.seed)

    def _find_near(self, minhash: RMinHash) -> tuple[int, float] | None:
        """The best original at or above the threshold: most similar, then lowest id."""
        candidates = [c for c in self._lsh.query(minhash) if self._signatures.get(c)]
        if not candidates:
            return None
        signature = pack_signature(minhash)
        similarities = estimate_similarity(signature, [self._signatures[c] for c in candidates])
        scored = [
            (float(s), c)
            for s, c in zip(similarities, candidates, strict=True)
            if s >= self.settings.threshold
        ]
        return best_original(scored)

    def _index(self, doc_id: int, key: bytes, minhash: RMinHash | None, doc: Document) -> None:
        current = self._exact.get(key)
        self._exact[key] = doc_id if current is None else min(current, doc_id)
        self._keys[doc_id] = key
        self._age.touch(doc_id, doc.ingested)
        if minhash is None:
            self._signatures[doc_id] = NO_SIGNATURE
            return
        self._signatures[doc_id] = pack_signature(minhash)
        self._lsh.insert(doc_id, minhash)

    def _forget_expired(self) -> None:
        """Drop the originals that fell out of the age window."""
        for doc_id in self._age.expired():
            if self._signatures.pop(doc_id, NO_SIGNATURE):
                self._lsh.remove(doc_id)
            key = self._keys.pop(doc_id, None)
            if key is not None and self._exact.get(key) == doc_id:
                del self._exact[key]


def best_original(scored: Sequence[tuple[float, int]]) -> tuple[int, float] | None:
    """Of (similarity, original id) pairs, the most similar original, then the lowest id."""
    if not scored:
        return None
    similarity, original = min(scored, key=lambda pair: (-pair[0], pair[1]))
    return original, similarity
