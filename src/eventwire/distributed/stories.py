"""Stories at scale: articles partitioned by time window with overlap, clustered per window by
the stories stage itself, and stitched across window boundaries.

A window holds the articles published in its span plus those of the next ``overlap`` days
(a copy goes where its original goes). Each window runs the stories stage over its articles
in id order, as the embedded runner does. Across each boundary, the two windows' stories
are matched one to one by the overlap articles they share (most shared first) and each
matched pair is one story; an article's story is the one of its home window. Undated articles
come last: one stage is restored (its own ``restore``) with every dated article in its
stitched story and runs on them in id order. Stories are numbered by their first article.

Measured differences from the embedded runner (docs/scaling.md): each window's term weights
are its own; an undated article cannot open a story that later dated articles join.
"""

from __future__ import annotations

from collections import Counter
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
            home[article], windows[article] = UNDATED, []
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


def stitch(placed: dict[int, list[Placed]], home: dict[int, int]) -> dict[int, tuple[Any, float]]:
    """Each dated article's story and similarity (an article's story is its home window's).

    Across each window boundary, the stories of the two windows are matched one to one by
    the overlap articles they share, most shared first: a story of one window continues at
    most one story of the window before (a chain of small overlaps merges nothing).
    """
    parent: dict[tuple[int, int], tuple[int, int]] = {}

    def find(node: tuple[int, int]) -> tuple[int, int]:
        parent.setdefault(node, node)
        while parent[node] != node:
            parent[node] = parent[parent[node]]
            node = parent[node]
        return node

    at_home: dict[int, tuple[tuple[int, int], float]] = {}
    in_windows: dict[int, list[tuple[int, int]]] = {}
    for window, rows in sorted(placed.items()):
        for article, story, similarity in rows:
            in_windows.setdefault(article, []).append((window, story))
            if home[article] == window:
                at_home[article] = ((window, story), similarity)
    for earlier, later in match_across_boundaries(in_windows):
        first, second = find(earlier), find(later)
        parent[max(first, second)] = min(first, second)
    return {article: (find(node), similarity) for article, (node, similarity) in at_home.items()}


def match_across_boundaries(
    in_windows: dict[int, list[tuple[int, int]]],
) -> list[tuple[tuple[int, int], tuple[int, int]]]:
    """Pairs (story of a window, story of the next) matched one to one, most shared first."""
    shared: Counter[tuple[tuple[int, int], tuple[int, int]]] = Counter()
    for nodes in in_windows.values():
        if len(nodes) == 2:
            earlier, later = sorted(nodes)
            shared[(earlier, later)] += 1
    continued: set[tuple[int, int]] = set()
    continuing: set[tuple[int, int]] = set()
    pairs = []
    for (earlier, later), _ in sorted(shared.items(), key=lambda item: (-item[1], item[0])):
        if earlier not in continued and later not in continuing:
            continued.add(earlier)
            continuing.add(later)
            pairs.append((earlier, later))
    return pairs


def place_undated(
    pieces: Iterable[list[Document]],
    placed: dict[int, tuple[int, float]],
    links: dict[int, DuplicateLink],
    stage: Any,
) -> list[Placed]:
    """The undated articles, in id order, by a stage restored with every placed article."""
    documents = sorted((d for piece in pieces for d in piece), key=lambda d: d.id)
    if all(d.id in placed for d in documents):
        return []
    state = [
        (d, placed[d.id][0], links[d.id].copy_of if d.id in links else None)
        for d in documents
        if d.id in placed
    ]
    stage.restore(state)
    undated = [ClusterCandidate(d, links.get(d.id)) for d in documents if d.id not in placed]
    return [(a.article_id, a.story_id, a.similarity) for a in stage.run(undated)]


def number_stories(placed: dict[int, tuple[Any, float]]) -> dict[int, StoryAssignment]:
    """Stories numbered 1, 2, ... by their first article; that article opens it."""
    story_ids: dict[Any, int] = {}
    assignments = {}
    for article in sorted(placed):
        label, similarity = placed[article]
        is_new = label not in story_ids
        story_ids.setdefault(label, len(story_ids) + 1)
        similarity = 0.0 if is_new else similarity
        assignments[article] = StoryAssignment(article, story_ids[label], similarity, is_new)
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
