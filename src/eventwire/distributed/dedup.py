"""Near-duplicates at scale: MinHash per partition, LSH band shuffle and join, then the
embedded stage's own decision replayed over the candidate edges.

The dedup stage's own signature code and settings are used (same shingles, seed, threshold
and bands). The shuffle and join find every pair that shares an exact key or an LSH band and
reaches the threshold (as text-dedup does on Spark). The embedded stage links each article,
in id order, to the most similar *indexed original* (then the lowest id), and indexes it
when it links to none; ``duplicate_links`` replays exactly that rule over the edges, in id
order on the driver (a few bytes per edge), so the links equal the embedded runner's
(measured in benchmarks/results/scaling.json). Only forgetting by storage age is not
replayed: a batch is one archive ingested at once, which forgets nothing embedded either.
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


def bucket_of(key: tuple, buckets: int) -> int:
    """The bucket of a shuffle key, the same in every process (``hash`` of bytes is salted
    per process; a band key is a tuple of ints, whose hash is not)."""
    kind, value = key
    number = int.from_bytes(value[:8], "little") if kind == "exact" else value
    return number % buckets


def split_buckets(sketches: Sequence[Sketch], buckets: int) -> list[list[tuple[tuple, Sketch]]]:
    """One partition's (key, sketch) pairs, split by their key's bucket."""
    split: list[list[tuple[tuple, Sketch]]] = [[] for _ in range(buckets)]
    for sketch in sketches:
        for key in bucket_keys(sketch):
            split[bucket_of(key, buckets)].append((key, sketch))
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
    """The embedded stage's links, replayed over the edges in id order.

    An article whose exact key an indexed original has is its exact copy; else it is a near
    copy of the most similar indexed original it has an edge to (then the lowest id); else it
    is an original and is indexed. An article in no edge is an original that nothing copies.
    """
    first_with_key: dict[int, int] = {}  # article -> lowest id with the same exact key
    near: dict[int, list[tuple[float, int]]] = defaultdict(list)  # article -> (sim, lower id)
    involved: set[int] = set()
    for low, high, similarity, kind in edges:
        involved.update((low, high))
        if kind == KIND_EXACT:
            first_with_key[high] = min(first_with_key.get(high, low), low)
        else:
            near[high].append((similarity, low))
    indexed: set[int] = set()
    original_of_key: dict[int, int] = {}  # first article with a key -> the indexed original
    links = {}
    for article in sorted(involved):
        key = first_with_key.get(article, article)
        if key in original_of_key:
            links[article] = DuplicateLink(article, original_of_key[key], KIND_EXACT, 1.0)
            continue
        scored = [(s, low) for s, low in near.get(article, ()) if low in indexed]
        if scored:
            similarity, original = min(scored, key=lambda pair: (-pair[0], pair[1]))
            links[article] = DuplicateLink(article, original, KIND_NEAR, similarity)
            continue
        indexed.add(article)
        original_of_key[key] = article
    return links
