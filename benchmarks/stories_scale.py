"""Story clustering alone as the input grows: seconds per successive slice of the stream.

The stream is ``benchmarks.scaling``'s (real texts in 45-day rounds, copies and follow-ups),
every article stored at the same moment, as when an archive is ingested in one go (so nothing
is forgotten by age and the index holds every story). Near-linear growth shows as flat
seconds per slice. Run: ``python -m benchmarks.stories_scale [--articles 50000]
[--slices 5]``; results go to ``benchmarks/results/stories_scale.json``.
"""

from __future__ import annotations

import argparse
import json
import random
import time
from datetime import UTC, datetime

from benchmarks.machine import describe_machine
from benchmarks.throughput import RESULTS, SEED, load_bases, make_article
from eventwire.model import Document
from eventwire.stories import StoryClusterer


def stream(count: int) -> list[Document]:
    """The first ``count`` articles of the scaling stream as clusterer input."""
    bases, rng = load_bases(), random.Random(SEED)
    stored = datetime.now(UTC)
    docs = []
    for n in range(count):
        article = make_article(bases[n % len(bases)], n % len(bases), n // len(bases), rng)
        published = datetime.fromisoformat(article["published"])
        docs.append(
            Document(n, article["source"], article["title"], article["text"], published, stored)
        )
    return docs


def run(count: int, slices: int) -> dict:
    """Seconds per slice of ``count // slices`` articles, and the stories made."""
    docs, clusterer, per_slice = stream(count), StoryClusterer(), []
    size, stories = count // slices, set()
    for start in range(0, size * slices, size):
        began = time.perf_counter()
        for doc in docs[start : start + size]:
            stories.add(clusterer.assign(doc).story_id)
        per_slice.append(round(time.perf_counter() - began, 2))
        print(f"articles {start + size}: {per_slice[-1]} s for the last {size}", flush=True)
    return {
        "articles": size * slices,
        "slice": size,
        "seconds_per_slice": per_slice,
        "stories": len(stories),
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=50_000)
    parser.add_argument("--slices", type=int, default=5)
    args = parser.parse_args()
    result = {
        "benchmark": "stories_scale",
        "machine": describe_machine(),
        **run(args.articles, args.slices),
    }
    RESULTS.mkdir(parents=True, exist_ok=True)
    (RESULTS / "stories_scale.json").write_text(json.dumps(result, indent=2) + "\n")


if __name__ == "__main__":
    main()
