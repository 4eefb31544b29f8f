"""Stories at scale: articles partitioned by time window with overlap, clustered per window by
the stories stage itself, and stitched across window boundaries.

A window holds the articles published in its span plus those of the next ``overlap`` days
(a copy goes where its original goes; undated articles form one window of their own). Each
window runs ``StoriesStage`` over its articles in id order, as the embedded runner does.
Two window stories that share an article of the overlap are one story; an article's story is
the one of its home window. Stories are numbered by their first article, as embedded.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from datetime import datetime, timedelta
from typing import Any

from eventwire.model import ClusterCandidate, Document, DuplicateLink, StoryAssignment

UNDATED = -1
Placed = tuple[int, int, float]  # article id, story id within its window, similarity


def plan_windows(
    published: dict[int, datetime | None],
    links: dict[int, DuplicateLink],
    window_days: float,
    overlap_days: float,
) -> tuple[dict[int, int], dict[int, list[int]]]:
    """Each article's home window, and the windows each article is clustered in."""
    times = {
        i: published.get(links[i].copy_of) if i in links else when for i, when in published.items()
    }
    dated = [t for t in times.values() if t is not None]
    start = min(dated) if dated else None
    span, overlap = timedelta(days=window_days), timedelta(days=overlap_days)
    home, windows = {}, {}
    for article, when in times.items():
        if when is None or start is None:
            home[article], windows[article] = UNDATED, [UNDATED]
            continue
        index = int((when - start) / span)
        home[article] = index
        in_previous = index > 0 and when - (start + index * span) < overlap
        windows[article] = [index - 1, index] if in_previous else [index]
    return home, windows


def cluster_window(
    pieces: Iterable[list[Document]], links: dict[int, DuplicateLink], stage: Any
) -> list[Placed]:
    """Run the stories stage over one window's documents, in id order."""
    documents = sorted((d for piece in pieces for d in piece), key=lambda d: d.id)
    candidates = [ClusterCandidate(d, links.get(d.id)) for d in documents]
    return [(a.article_id, a.story_id, a.similarity) for a in stage.run(candidates)]


def stitch(placed: dict[int, list[Placed]], home: dict[int, int]) -> dict[int, StoryAssignment]:
    """One assignment per article: window stories sharing an article are one story."""
    parent: dict[tuple[int, int], tuple[int, int]] = {}

    def find(node: tuple[int, int]) -> tuple[int, int]:
        parent.setdefault(node, node)
        while parent[node] != node:
            parent[node] = parent[parent[node]]
            node = parent[node]
        return node

    seen_in: dict[int, tuple[int, int]] = {}
    at_home: dict[int, tuple[tuple[int, int], float]] = {}
    for window, rows in sorted(placed.items()):
        for article, story, similarity in rows:
            node = (window, story)
            find(node)
            if article in seen_in:
                first, second = find(seen_in[article]), find(node)
                parent[max(first, second)] = min(first, second)
            seen_in[article] = node
            if home[article] == window:
                at_home[article] = (node, similarity)
    return number_stories(at_home, find)


def number_stories(
    at_home: dict[int, tuple[tuple[int, int], float]], find: Any
) -> dict[int, StoryAssignment]:
    """Stories numbered 1, 2, ... by their first article; that article opens it."""
    story_ids: dict[tuple[int, int], int] = {}
    assignments = {}
    for article in sorted(at_home):
        node, similarity = at_home[article]
        root = find(node)
        is_new = root not in story_ids
        story_ids.setdefault(root, len(story_ids) + 1)
        assignments[article] = StoryAssignment(
            article, story_ids[root], 0.0 if is_new else similarity, is_new
        )
    return assignments


def split_by_window(
    documents: Sequence[Document], windows: dict[int, list[int]]
) -> dict[int, list[Document]]:
    """One partition's documents, by the windows they are clustered in."""
    split: dict[int, list[Document]] = {}
    for document in documents:
        for window in windows.get(document.id, ()):
            split.setdefault(window, []).append(document)
    return split
