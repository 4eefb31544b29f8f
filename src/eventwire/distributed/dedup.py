"""Near-duplicates at scale: MinHash per partition, LSH band shuffle and join, components.

The dedup stage's own signature code and settings are used (same shingles, seed, threshold
and bands). The embedded stage links each article, in id order, to the most similar indexed
original; here every pair that shares an exact key or an LSH band and reaches the threshold
is an edge, and each connected component is one duplicate group whose lowest id is the
original (as text-dedup does on Spark). The difference: a chain C ~ B ~ A where C is not
close to A is one group here, while embedded C stays an original (B, a copy, is not indexed).
docs/scaling.md gives the measured agreement.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from eventwire.dedup.index import KIND_EXACT, KIND_NEAR
from eventwire.dedup.settings import DedupSettings
from eventwire.dedup.signature import (
    estimate_similarity,
    exact_key,
    pack_signature,
    sketch_shingles,
    word_shingles,
)
from eventwire.model import Document, DuplicateLink

Edge = tuple[int, int, float, str]  # lower id, higher id, similarity, kind


@dataclass(frozen=True)
class Sketch:
    """One article's exact key, LSH band keys and packed MinHash signature."""

    id: int
    exact: bytes | None
    bands: tuple[int, ...]
    signature: bytes | None


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


def bucket_keys(sketch: Sketch) -> list[tuple]:
    """The keys an article is shuffled under: its exact key and each of its bands."""
    return [("exact", sketch.exact), *(("band", band) for band in sketch.bands)]


def split_buckets(sketches: Sequence[Sketch], buckets: int) -> list[list[tuple[tuple, Sketch]]]:
    """One partition's (key, sketch) pairs, split by the hash of the key into ``buckets``."""
    split: list[list[tuple[tuple, Sketch]]] = [[] for _ in range(buckets)]
    for sketch in sketches:
        for key in bucket_keys(sketch):
            split[hash(key) % buckets].append((key, sketch))
    return split


def join_bucket(pieces: Iterable[list[tuple[tuple, Sketch]]], threshold: float) -> set[Edge]:
    """The edges among articles sharing a key in this bucket: exact, or near at the threshold."""
    groups: dict[tuple, list[Sketch]] = defaultdict(list)
    for piece in pieces:
        for key, sketch in piece:
            groups[key].append(sketch)
    edges: set[Edge] = set()
    for key, members in groups.items():
        if len(members) > 1:
            edges |= exact_edges(members) if key[0] == "exact" else near_edges(members, threshold)
    return edges


def exact_edges(members: list[Sketch]) -> set[Edge]:
    """Every member is an exact copy of the lowest id."""
    first = min(s.id for s in members)
    return {(first, s.id, 1.0, KIND_EXACT) for s in members if s.id != first}


def near_edges(members: list[Sketch], threshold: float) -> set[Edge]:
    """The pairs of members whose estimated similarity reaches ``threshold``."""
    members = sorted({s.id: s for s in members if s.signature}.values(), key=lambda s: s.id)
    edges = set()
    for index, sketch in enumerate(members[:-1]):
        later = members[index + 1 :]
        similarities = estimate_similarity(sketch.signature, [s.signature for s in later])
        edges |= {
            (sketch.id, other.id, float(sim), KIND_NEAR)
            for other, sim in zip(later, similarities, strict=True)
            if sim >= threshold
        }
    return edges


def duplicate_links(edges: Iterable[Edge]) -> dict[int, DuplicateLink]:
    """Connected components of the edges: each member's link to the lowest id of its group.

    The link's similarity is that of the direct edge to the original when there is one,
    else that of the strongest edge that brought the member into the group.
    """
    parent: dict[int, int] = {}

    def find(node: int) -> int:
        parent.setdefault(node, node)
        while parent[node] != node:
            parent[node] = parent[parent[node]]
            node = parent[node]
        return node

    direct: dict[tuple[int, int], tuple[float, str]] = {}
    strongest: dict[int, tuple[float, str]] = {}
    for low, high, similarity, kind in edges:
        roots = sorted((find(low), find(high)))
        parent[roots[1]] = roots[0]
        if (low, high) not in direct or kind == KIND_EXACT:
            direct[(low, high)] = (similarity, kind)
        for node in (low, high):
            strongest[node] = max(strongest.get(node, (0.0, KIND_NEAR)), (similarity, kind))
    links = {}
    for node in sorted(parent):
        root = find(node)
        if root != node:
            similarity, kind = direct.get((root, node)) or strongest.get(node, (0.0, KIND_NEAR))
            links[node] = DuplicateLink(node, root, kind, similarity)
    return links
