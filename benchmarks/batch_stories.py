"""Why the batch's stories differ from the embedded runner's: the windowed plan against one
stream, with the knobs that move the difference.

On ``benchmarks.throughput``'s stream (without dedup links: stories only), the stories stage
runs once over every article in id order (the embedded runner) and per time window with
stitching (``eventwire.distributed.stories``, as ``eventwire batch`` runs it, without Dask);
B³ of each against the embedded stories, for: the default plan, no stitching, other window
spans, and both runners comparing 500 candidate stories per article instead of
``stories.candidates``. Run: ``python -m benchmarks.batch_stories [--articles N]``; results
go to ``benchmarks/results/batch_stories.json``.
"""

from __future__ import annotations

import argparse
import dataclasses
import json
import tempfile
from datetime import datetime
from pathlib import Path

from benchmarks.machine import describe_machine
from benchmarks.throughput import RESULTS, write_stream
from eventwire.distributed import stories as plan
from eventwire.model import ClusterCandidate, Document
from eventwire.stories.evaluate import bcubed_f1
from eventwire.stories.settings import StoriesSettings
from eventwire.stories.stage import StoriesStage

WINDOW_DAYS = 30.0  # BatchOptions' default
OTHER_WINDOWS = (15.0, 90.0, 180.0)
WIDE_CANDIDATES = 500


def read_stream(count: int) -> list[Document]:
    """The stream's articles as documents, numbered in input order."""
    documents = []
    with tempfile.TemporaryDirectory() as name:
        folder = Path(name)
        write_stream(folder, count)
        for path in sorted(folder.glob("*.jsonl")):
            for line in path.read_text(encoding="utf-8").splitlines():
                article = json.loads(line)
                documents.append(
                    Document(
                        id=len(documents) + 1,
                        title=article["title"],
                        text=article["text"],
                        source=article["source"],
                        published=datetime.fromisoformat(article["published"]),
                    )
                )
    return documents


def embedded(documents: list[Document], settings: StoriesSettings) -> dict[int, int]:
    """One stories stage over every document in id order."""
    stage = StoriesStage(settings)
    return {
        a.article_id: a.story_id for a in stage.run([ClusterCandidate(d, None) for d in documents])
    }


def windowed(
    documents: list[Document], settings: StoriesSettings, window_days: float, stitch: bool = True
) -> dict[int, object]:
    """The batch plan: a stage per window (with overlap), stitched (or each article's home
    window story when ``stitch`` is False)."""
    published = {d.id: d.published for d in documents}
    home, windows = plan.plan_windows(published, {}, window_days, settings.window_days)
    members: dict[int, list[Document]] = {}
    for document in documents:
        for window in windows[document.id]:
            members.setdefault(window, []).append(document)
    placed = {w: plan.cluster_window([d], {}, StoriesStage(settings)) for w, d in members.items()}
    if not stitch:
        return {a: (w, s) for w, rows in placed.items() for a, s, _ in rows if home[a] == w}
    numbered = plan.number_stories(plan.stitch(placed, home))
    return {article: a.story_id for article, a in numbered.items()}


def compare(found: dict, truth: dict) -> dict:
    """B³ against ``truth`` and both story counts."""
    return {
        "b3": bcubed_f1(found, truth).as_dict(),
        "stories": len(set(found.values())),
        "reference_stories": len(set(truth.values())),
    }


def run(count: int) -> dict:
    """Every variant on a stream of ``count`` articles."""
    documents = read_stream(count)
    settings = StoriesSettings()
    reference = embedded(documents, settings)
    variants = {
        f"window {WINDOW_DAYS:g} days, stitched (the batch)": windowed(
            documents, settings, WINDOW_DAYS
        ),
        f"window {WINDOW_DAYS:g} days, not stitched": windowed(
            documents, settings, WINDOW_DAYS, stitch=False
        ),
        **{
            f"window {days:g} days, stitched": windowed(documents, settings, days)
            for days in OTHER_WINDOWS
        },
    }
    results = {name: compare(found, reference) for name, found in variants.items()}
    wide = dataclasses.replace(settings, candidates=WIDE_CANDIDATES)
    wide_reference = embedded(documents, wide)
    results[f"embedded with {WIDE_CANDIDATES} candidates, vs embedded"] = compare(
        wide_reference, reference
    )
    results[f"window {WINDOW_DAYS:g} days, stitched, both with {WIDE_CANDIDATES} candidates"] = (
        compare(windowed(documents, wide, WINDOW_DAYS), wide_reference)
    )
    return {"articles": count, "against_embedded": results}


def main() -> None:
    """Run and write benchmarks/results/batch_stories.json."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=10_000)
    args = parser.parse_args()
    result = {"benchmark": "batch_stories", "machine": describe_machine(), **run(args.articles)}
    RESULTS.mkdir(parents=True, exist_ok=True)
    (RESULTS / "batch_stories.json").write_text(json.dumps(result, indent=2) + "\n")


if __name__ == "__main__":
    main()
