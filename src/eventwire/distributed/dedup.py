"""Near-duplicates at scale: MinHash per partition, an exact-key shuffle, an LSH band shuffle
and join, then the embedded stage's own decision replayed over the candidate edges.

The dedup stage's own signature code and settings are used (same shingles, seed, threshold
and bands). First the exact keys are shuffled: in a group of articles with one key, every
member after the first is the first's exact copy, or, if the first is itself a copy, a copy
of what the first copies; a member whose signature is also the first's (the usual case: the
same text) stays out of the band join, so that a wire story copied verbatim a thousand times
costs one article there, not a million pairs. Then the LSH bands of the rest are shuffled and
each bucket keeps the pairs sharing a band at or above the threshold (the candidate edges,
as text-dedup finds them on Spark). The embedded stage links each article, in id order, to
the most similar *indexed original* (then the lowest id), and indexes it when it links to
none; ``duplicate_links`` replays exactly that rule, in id order on the driver (a few bytes
per edge), so the links equal the embedded runner's (benchmarks/results/scaling.json). Only
forgetting by storage age is not replayed: a batch is one archive ingested at once, which
forgets nothing embedded either. Near copies that are not verbatim still cost their pairs:
a family of k of them gives up to k²/2 edges.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Sequence
from collections.abc import Set as AbstractSet
from dataclasses import dataclass, field
from typing import NamedTuple

import numpy as np

from eventwire.dedup.index import KIND_EXACT, KIND_NEAR, best_original
from eventwire.dedup.settings import DedupSettings
from eventwire.dedup.signature import (
    estimate_similarity,
    exact_key,
    pack_signature,
    sketch_shingles,
    word_shingles,
)
from eventwire.model import Document, DuplicateLink

Member = tuple[int, bytes | None]  # article id, packed signature


@dataclass(frozen=True)
class Sketch:
    """One article's exact key, LSH band keys and packed MinHash signature."""

    id: int
    exact: bytes | None
    bands: tuple[int, ...]
    signature: bytes | None


class Edges(NamedTuple):
    """Candidate edges as arrays (a few bytes an edge, fast to send): lower ids, higher ids,
    estimated similarities."""

    low: np.ndarray
    high: np.ndarray
    similarity: np.ndarray

    @classmethod
    def empty(cls) -> Edges:
        """No edges."""
        return cls(np.empty(0, np.int64), np.empty(0, np.int64), np.empty(0, np.float64))


class Neighbors:
    """Each article's edges (both directions), as sorted arrays: memory a few bytes an edge."""

    def __init__(self, edges: Edges) -> None:
        nodes = np.concatenate([edges.high, edges.low])
        order = np.argsort(nodes, kind="stable")
        self.sorted_nodes = nodes[order]
        self.others = np.concatenate([edges.low, edges.high])[order]
        self.similarities = np.concatenate([edges.similarity, edges.similarity])[order]

    def nodes(self) -> list[int]:
        """The articles with an edge."""
        return np.unique(self.sorted_nodes).tolist()

    def of(self, article: int) -> list[tuple[float, int]]:
        """(similarity, other article) of each edge of ``article``."""
        start, end = np.searchsorted(self.sorted_nodes, [article, article + 1])
        pairs = zip(
            self.similarities[start:end].tolist(), self.others[start:end].tolist(), strict=True
        )
        return list(pairs)


@dataclass
class ExactGroups:
    """Articles sharing an exact key with an earlier one: the first of their key, and which
    of them share its signature too (those stay out of the band join)."""

    first_of: dict[int, int] = field(default_factory=dict)
    same_sketch: set[int] = field(default_factory=set)

    def update(self, other: ExactGroups) -> None:
        """Add another bucket's groups."""
        self.first_of.update(other.first_of)
        self.same_sketch |= other.same_sketch


def sketch_documents(documents: Sequence[Document], settings: DedupSettings) -> list[Sketch]:
    """The sketches of one partition's documents (an empty body gets none)."""
    rows = settings.num_perm // settings.num_bands
    sketches = []
    for document in documents:
        key = exact_key(document.text)
        if key is None:
            continue
        shingles = word_shingles(document.text, settings.shingle_size)
        if not shingles:
            sketches.append(Sketch(document.id, key, (), None))
            continue
        minhash = sketch_shingles(shingles, settings.num_perm, settings.seed)
        digest = minhash.digest()
        bands = tuple(
            hash((band, *digest[band * rows : (band + 1) * rows]))
            for band in range(settings.num_bands)
        )
        sketches.append(Sketch(document.id, key, bands, pack_signature(minhash)))
    return sketches


def split_exact(sketches: Sequence[Sketch], buckets: int) -> list[list[tuple[bytes, Member]]]:
    """One partition's (exact key, member), split by the key's bucket (the same in every
    process: ``hash`` of bytes is salted per process)."""
    split: list[list[tuple[bytes, Member]]] = [[] for _ in range(buckets)]
    for sketch in sketches:
        bucket = int.from_bytes(sketch.exact[:8], "little") % buckets
        split[bucket].append((sketch.exact, (sketch.id, sketch.signature)))
    return split


def exact_groups(pieces: Iterable[list[tuple[bytes, Member]]]) -> ExactGroups:
    """The exact groups of one bucket."""
    by_key: dict[bytes, list[Member]] = defaultdict(list)
    for piece in pieces:
        for key, member in piece:
            by_key[key].append(member)
    found = ExactGroups()
    for members in by_key.values():
        if len(members) < 2:
            continue
        members.sort(key=lambda member: member[0])
        first, signature = members[0]
        for article, other in members[1:]:
            found.first_of[article] = first
            if other == signature:
                found.same_sketch.add(article)
    return found


def split_bands(
    sketches: Sequence[Sketch], buckets: int, left_out: AbstractSet[int]
) -> list[list[tuple[tuple[int, int], Member]]]:
    """One partition's ((band, band hash), member) pairs, split by bucket; ``left_out``: the
    articles that share their group's first signature (the first stands for them)."""
    split: list[list[tuple[tuple[int, int], Member]]] = [[] for _ in range(buckets)]
    for sketch in sketches:
        if sketch.signature is None or sketch.id in left_out:
            continue
        for band, value in enumerate(sketch.bands):
            split[value % buckets].append(((band, value), (sketch.id, sketch.signature)))
    return split


def join_bands(pieces: Iterable[list[tuple[tuple[int, int], Member]]], threshold: float) -> Edges:
    """The pairs of articles sharing a band in this bucket at or above ``threshold``, each once."""
    groups: dict[tuple[int, int], dict[int, bytes]] = defaultdict(dict)
    for piece in pieces:
        for key, (article, signature) in piece:
            groups[key][article] = signature
    found = [near_edges(sorted(m.items()), threshold) for m in groups.values() if len(m) > 1]
    return unique_edges(found)


def near_edges(members: list[tuple[int, bytes]], threshold: float) -> Edges:
    """The pairs of members (by id) whose estimated similarity reaches ``threshold``."""
    ids = np.array([article for article, _ in members], dtype=np.int64)
    lows, highs, similarities = [], [], []
    for index, (article, signature) in enumerate(members[:-1]):
        estimated = estimate_similarity(signature, [s for _, s in members[index + 1 :]])
        keep = np.flatnonzero(estimated >= threshold)
        lows.append(np.full(len(keep), article, dtype=np.int64))
        highs.append(ids[index + 1 + keep])
        similarities.append(estimated[keep])
    return Edges(np.concatenate(lows), np.concatenate(highs), np.concatenate(similarities))


def unique_edges(found: Sequence[Edges]) -> Edges:
    """The edges of ``found`` joined, each pair once, ordered by (lower, higher) id."""
    if not found:
        return Edges.empty()
    low, high, similarity = (np.concatenate(column) for column in zip(*found, strict=True))
    _, first = np.unique((low << 32) | high, return_index=True)
    return Edges(low[first], high[first], similarity[first])


def duplicate_links(exact: ExactGroups, edges: Iterable[Edges]) -> dict[int, DuplicateLink]:
    """The embedded stage's links, replayed in id order over the exact groups and edges.

    An article whose exact key an indexed original has is its exact copy; else it is a near
    copy of the most similar earlier indexed original it has an edge to (an article left out
    of the band join has its group's first's edges: the same signature), then the lowest
    id; else it is an original and is indexed. An article in no group and no edge is an
    original that nothing copies.
    """
    neighbors = Neighbors(unique_edges(list(edges)))
    involved = sorted({*exact.first_of, *exact.first_of.values(), *neighbors.nodes()})
    indexed: set[int] = set()
    original_of_key: dict[int, int] = {}  # first article with a key -> the indexed original
    links = {}
    for article in involved:
        first = exact.first_of.get(article, article)  # stands for the article's exact key
        if first in original_of_key:
            links[article] = DuplicateLink(article, original_of_key[first], KIND_EXACT, 1.0)
            continue
        sketch = first if article in exact.same_sketch else article
        scored = [(s, o) for s, o in neighbors.of(sketch) if o < article and o in indexed]
        match = best_original(scored)
        if match is not None:
            original, similarity = match
            links[article] = DuplicateLink(article, original, KIND_NEAR, similarity)
            continue
        indexed.add(article)
        original_of_key[first] = article
    return links
