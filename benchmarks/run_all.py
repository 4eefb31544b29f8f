"""`make bench`: run every benchmark in turn; each writes its own file to benchmarks/results/."""

from __future__ import annotations

import importlib
import sys

BENCHMARKS = (
    "benchmarks.startup",
    "benchmarks.throughput",
    "benchmarks.clustering",
    "benchmarks.stories_scale",
    "benchmarks.dedup_threshold",
    "benchmarks.warc",
    "benchmarks.timex",
    "benchmarks.extraction",
    "benchmarks.cleaning",
    "benchmarks.metadata",
    "benchmarks.entities",
    "benchmarks.actor_codes",
    "benchmarks.watch_memory",
    "benchmarks.scaling",
    "benchmarks.batch_stories",
    "benchmarks.events",
    "benchmarks.facts",
    "benchmarks.api",
)


def main() -> None:
    """Run each benchmark module's ``main`` with its default arguments."""
    for name in BENCHMARKS:
        print(f"== {name}", flush=True)
        sys.argv = [name]
        importlib.import_module(name).main()


if __name__ == "__main__":
    main()
