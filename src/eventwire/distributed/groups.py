"""Every other registered stage, on story groups: the embedded runner on a partition store.

Stories are dealt into groups of about equal article counts. A group's articles, with the
dedup and stories results, are written to a scratch store through those stages' own
``save``; then ``Pipeline.process`` runs whatever stages are still pending there (entities,
actors, time, and any stage registered later: no code here names them). A story stage with
state across stories (actors' people) sees the stories of its group only.
"""

from __future__ import annotations

import heapq
from collections import Counter
from collections.abc import Iterable, Sequence
from typing import Any

from eventwire.distributed.tables import Rows, TableRows, export_rows, import_rows, partition_store
from eventwire.model import ClusterCandidate, DuplicateLink, StageRun, StoryAssignment
from eventwire.pipeline import Pipeline, RunReport
from eventwire.settings import Settings
from eventwire.stage import StageEntry


def plan_groups(
    assignments: dict[int, StoryAssignment], links: dict[int, DuplicateLink], groups: int
) -> dict[int, int]:
    """Each article's group: whole stories, largest first, to the emptiest group. A copy's
    story goes with its original's (a copy may sit in another story when the original's
    was forgotten by age), so every copy link stays inside one group."""
    unit = story_units(assignments, links)
    sizes = Counter(unit[a.story_id] for a in assignments.values())
    heap = [(0, group) for group in range(groups)]
    group_of_unit = {}
    for root, size in sorted(sizes.items(), key=lambda item: (-item[1], item[0])):
        load, group = heapq.heappop(heap)
        group_of_unit[root] = group
        heapq.heappush(heap, (load + size, group))
    return {article: group_of_unit[unit[a.story_id]] for article, a in assignments.items()}


def story_units(
    assignments: dict[int, StoryAssignment], links: dict[int, DuplicateLink]
) -> dict[int, int]:
    """Each story's unit (lowest story id of the stories its copy links join)."""
    parent = {a.story_id: a.story_id for a in assignments.values()}

    def find(story: int) -> int:
        while parent[story] != story:
            parent[story] = parent[parent[story]]
            story = parent[story]
        return story

    for link in links.values():
        first = find(assignments[link.article_id].story_id)
        second = find(assignments[link.copy_of].story_id)
        parent[max(first, second)] = min(first, second)
    return {story: find(story) for story in parent}


def split_by_group(
    articles: Rows, notes: Rows, group_of: dict[int, int]
) -> dict[int, tuple[Rows, Rows]]:
    """One partition's article and note rows, by group."""
    split: dict[int, tuple[Rows, Rows]] = {}
    for row in articles:
        split.setdefault(group_of[row["id"]], ([], []))[0].append(row)
    for row in notes:
        split.setdefault(group_of[row["article_id"]], ([], []))[1].append(row)
    return split


def process_group(
    pieces: Iterable[tuple[Rows, Rows]],
    sources: Rows,
    links: dict[int, DuplicateLink],
    assignments: dict[int, StoryAssignment],
    settings: Settings,
    done: Sequence[StageEntry],
) -> tuple[TableRows, RunReport]:
    """Store one group with the results of the stages ``done``, run the rest; every row."""
    articles = sorted((r for piece in pieces for r in piece[0]), key=lambda r: r["id"])
    notes = [r for piece in pieces for r in piece[1]]
    with partition_store() as repo:
        import_rows(
            repo.engine, {"sources": sources, "articles": articles, "cleaning_notes": notes}
        )
        ids = [row["id"] for row in articles]
        for entry in done:
            save_results(repo, entry, settings, ids, links, assignments)
        report = Pipeline(repo, settings).process()
        return export_rows(repo.engine), report


def save_results(
    repo: Any,
    entry: StageEntry,
    settings: Settings,
    ids: list[int],
    links: dict[int, DuplicateLink],
    assignments: dict[int, StoryAssignment],
) -> None:
    """Write a distributed stream stage's results through the stage's own ``save``."""
    stage = entry.stage_type()(settings.sections()[entry.name])
    documents = repo.documents(ids)
    runs = [StageRun(stage.name, stage.version, "ok", article_id=i) for i in ids]
    if entry.name == "dedup":
        stage.save(repo, [(d, links.get(d.id)) for d in documents], runs)
    else:
        candidates = [ClusterCandidate(d, links.get(d.id)) for d in documents]
        stage.save(repo, [(c, assignments[c.id]) for c in candidates], runs)
