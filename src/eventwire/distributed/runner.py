"""``run_batch``: the registered stages over archive-size input on a Dask cluster.

1. **Read** (``read.py``): the input files, in embedded ingest order, are cut into partitions;
   each is read and cleaned by the embedded runner on a scratch store and saved to disk. The
   driver numbers the articles in input order (a repeated content hash is dropped, as embedded).
2. **Dedup** (``dedup.py``): MinHash per partition, exact-key shuffle, LSH band shuffle and
   join, the embedded decision replayed over the exact groups and candidate edges.
3. **Stories** (``stories.py``): time windows with overlap, the stories stage per window, stitched.
4. **Every other stage** (``groups.py``): on story groups, by ``Pipeline.process``.
5. **Output** (``output.py``): the groups' rows renumbered into one Parquet file per table,
   moved into place only when all are written; optionally loaded into a database.

Articles travel through files (``spill.py``), not task results: the read partitions, the
shuffles of documents into time windows and of rows into story groups, and each group's
finished rows. So the cluster holds the small things (keys, sketches, links, assignments)
and its memory does not grow with the input's text.

Tasks are pure functions of their inputs: a worker that dies mid-run has its tasks run again
elsewhere (Dask keeps the lineage; a task's files are rewritten whole) and nothing is written
twice.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from eventwire.distributed import dedup, groups, read, spill, stories
from eventwire.distributed.output import Merger, ParquetOutput, load_parquet
from eventwire.model import StageReport
from eventwire.pipeline import RunReport
from eventwire.settings import Settings
from eventwire.stage import StageEntry
from eventwire.store.schema import utc_now

# Stream stages with a distributed plan, in the order they must come first in the registry.
DISTRIBUTED_STREAMS = ("dedup", "stories")
Progress = Callable[[str, int, int | None], None]


@dataclass(frozen=True)
class BatchOptions:
    """How a batch is cut up (defaults suit a few workers)."""

    files_per_partition: int = 8
    buckets: int = 8  # LSH shuffle buckets
    window_days: float = 30.0  # stories: span of one time window
    groups: int = 0  # story groups for the other stages (0: two per worker, or more ...)
    group_articles: int = 5000  # ... so that a group holds at most about this many articles


@dataclass
class BatchReport:
    """What a batch did: the stage reports, rows written per table, where they went."""

    run: RunReport = field(default_factory=RunReport)
    rows: dict[str, int] = field(default_factory=dict)
    out: str = ""
    loaded: dict[str, int] = field(default_factory=dict)

    def as_dict(self) -> dict:
        """JSON-friendly form."""
        return {**self.run.as_dict(), "rows": self.rows, "out": self.out, "loaded": self.loaded}


def run_batch(
    client: Any,
    paths: Sequence[Path],
    out: Path,
    settings: Settings,
    *,
    source: str | None = None,
    load_url: str | None = None,
    options: BatchOptions | None = None,
    on_progress: Progress | None = None,
) -> BatchReport:
    """Run every registered stage over ``paths`` on ``client``'s cluster; Parquet in ``out``."""
    options, progress = options or BatchOptions(), on_progress or (lambda *_: None)
    done = distributed_streams(settings.registry)
    report = BatchReport(out=str(out))
    with spill.spill_folder(out) as folder:
        parts, published, sources = read_inputs(
            client, paths, settings, source, options, report, progress, folder
        )
        names = {i: n for n, i in sources.items()}
        links = near_duplicates(client, parts, names, settings, options, report.run, progress)
        assignments = cluster_stories(
            client, parts, names, links, published, settings, options, report.run, progress, folder
        )
        del published
        source_rows = [{"id": i, "name": n, "created_at": utc_now()} for n, i in sources.items()]
        results = process_groups(
            client, parts, source_rows, links, assignments, settings, done, options, folder
        )
        write_output(results, out, report, progress)
    if load_url:
        report.loaded = load_parquet(out, load_url)
    return report


def distributed_streams(registry: Sequence[StageEntry]) -> list[StageEntry]:
    """The stream stages run by a distributed plan (they must run first; every stage after
    them runs on story groups, a stream stage there with its state local to its group)."""
    entries = [e for e in registry if e.stage is not None and not e.ingest]
    names = tuple(e.name for e in entries[: len(DISTRIBUTED_STREAMS)])
    if names != DISTRIBUTED_STREAMS:
        raise ValueError(f"batch needs the stages {', '.join(DISTRIBUTED_STREAMS)} first")
    return entries[: len(DISTRIBUTED_STREAMS)]


def read_inputs(
    client: Any,
    paths: Sequence[Path],
    settings: Settings,
    source: str | None,
    options: BatchOptions,
    report: BatchReport,
    progress: Progress,
    folder: Path,
) -> tuple[list[read.StoredPart], dict[int, Any], dict[str, int]]:
    """Read and clean every input to disk; the stored partitions, publication times, source ids."""
    files, rejected = read.plan_files(paths, options.files_per_partition)
    report.run.rejections.extend(rejected)
    where = [folder / "read" / f"{index}.pickle" for index in range(len(files))]
    read_parts = [
        client.submit(read.read_to_disk, chunk, settings, source, path)
        for chunk, path in zip(files, where, strict=True)
    ]
    summaries = gather_with_progress(client, read_parts, "read", progress)
    del read_parts
    for _, summary in summaries:
        merge_reports(report.run, summary)
    numbered, sources, published = read.number_articles(keys for keys, _ in summaries)
    repeated = sum(ids.count(None) for ids in numbered)
    if repeated:
        store = report.run.stage("store")
        store.count_out -= repeated
        store.rejected["already-stored"] = store.rejected.get("already-stored", 0) + repeated
    parts = [
        read.StoredPart(path, tuple(ids), sources)
        for path, ids in zip(where, numbered, strict=True)
    ]
    return parts, published, sources


def near_duplicates(
    client: Any,
    parts: list[read.StoredPart],
    names: dict[int, str],
    settings: Settings,
    options: BatchOptions,
    run: RunReport,
    progress: Progress,
) -> dict[int, Any]:
    """Copy links by exact keys and MinHash/LSH over all partitions (dedup's settings)."""
    config, buckets = settings.sections()["dedup"], options.buckets
    sketches = [client.submit(sketch_part, p, names, config) for p in parts]
    by_key = [client.submit(dedup.split_exact, s, buckets) for s in sketches]
    groups = [
        client.submit(dedup.exact_groups, [client.submit(pick, s, b) for s in by_key])
        for b in range(buckets)
    ]
    exact = dedup.ExactGroups()
    for found in client.gather(groups):
        exact.update(found)
    del by_key, groups
    left_out = share(client, frozenset(exact.same_sketch))  # all the band split reads
    by_band = [client.submit(dedup.split_bands, s, buckets, left_out) for s in sketches]
    del sketches  # held by the band splits until they run
    edges = [
        client.submit(
            dedup.join_bands, [client.submit(pick, s, b) for s in by_band], config.threshold
        )
        for b in range(buckets)
    ]
    del by_band
    found = gather_with_progress(client, edges, "dedup", progress)
    links = dedup.duplicate_links(exact, found)
    total = sum(part.count() for part in parts)
    stage = run.stage("dedup")
    stage.count_in, stage.count_out = total, total - len(links)
    for link in links.values():
        stage.reject(f"{link.kind}-copy")
    return links


def cluster_stories(
    client: Any,
    parts: list[read.StoredPart],
    names: dict[int, str],
    links: dict[int, Any],
    published: dict[int, Any],
    settings: Settings,
    options: BatchOptions,
    run: RunReport,
    progress: Progress,
    folder: Path,
) -> dict[int, Any]:
    """Story assignments: the stories stage per time window, stitched."""
    config = settings.sections()["stories"]
    home, windows = stories.plan_windows(published, links, options.window_days, config.window_days)
    windows_on_cluster, links_on_cluster = share(client, windows), share(client, links)
    del windows
    shuffle = folder / "windows"
    parts_of = write_shuffle(client, split_windows, parts, shuffle, names, windows_on_cluster)
    del windows_on_cluster
    placed = [
        client.submit(window_task, shuffle, w, parts_of[w], links_on_cluster, settings)
        for w in sorted(parts_of)
    ]
    windowed = gather_with_progress(client, placed, "stories", progress)
    dated = stories.number_stories(
        stories.stitch(dict(zip(sorted(parts_of), windowed, strict=True)), home)
    )
    dated_ids = {a: (x.story_id, x.similarity) for a, x in dated.items()}
    undated = []
    if len(dated_ids) < len(published):  # only then: the task reads every document
        undated = client.submit(
            undated_task, parts, names, share(client, dated_ids), links_on_cluster, settings
        ).result()
    assignments = stories.number_stories({**dated_ids, **{a: (s, x) for a, s, x in undated}})
    stage = run.stage("stories")
    stage.count_in = len(assignments) - len(links)
    stage.count_out = sum(a.is_new for a in assignments.values())
    return assignments


def write_shuffle(
    client: Any, split: Callable[..., list[int]], parts: list[read.StoredPart], shuffle: Path, *args
) -> dict[int, list[int]]:
    """Run ``split(part, *args, shuffle, index)`` on every stored partition (each writes its
    share of each key under ``shuffle`` and returns the keys); which partitions wrote each key."""
    written = client.gather(
        [client.submit(split, p, *args, shuffle, index) for index, p in enumerate(parts)]
    )
    parts_of: dict[int, list[int]] = {}
    for index, keys in enumerate(written):
        for key in keys:
            parts_of.setdefault(key, []).append(index)
    return parts_of


def sketch_part(part: read.StoredPart, names: dict[int, str], config: Any) -> list[Any]:
    """The dedup sketches of a stored partition's documents."""
    return dedup.sketch_documents(read.stored_documents(part, names), config)


def split_windows(
    part: read.StoredPart,
    names: dict[int, str],
    windows: dict[int, list[int]],
    shuffle: Path,
    index: int,
) -> list[int]:
    """Write a stored partition's documents by time window; the windows written."""
    documents = read.stored_documents(part, names)
    return spill.save_split(shuffle, index, stories.split_by_window(documents, windows))


def window_task(
    shuffle: Path, window: int, parts: list[int], links: dict[int, Any], settings: Settings
) -> list[Any]:
    """The registered stories stage, fresh, over one window's documents."""
    pieces = spill.load_shares(shuffle, window, parts)
    return stories.cluster_window(pieces, links, new_stage("stories", settings))


def undated_task(
    parts: list[read.StoredPart],
    names: dict[int, str],
    placed: dict[int, Any],
    links: dict[int, Any],
    settings: Settings,
) -> list[Any]:
    """The registered stories stage, restored with the dated articles, over the undated."""
    pieces = (read.stored_documents(p, names) for p in parts)
    return stories.place_undated(pieces, placed, links, new_stage("stories", settings))


def new_stage(name: str, settings: Settings) -> Any:
    """A fresh stage object of the registered stage ``name``."""
    entry = next(e for e in settings.registry if e.name == name)
    return entry.stage_type()(settings.sections()[name])


def process_groups(
    client: Any,
    parts: list[read.StoredPart],
    sources: list[dict],
    links: dict[int, Any],
    assignments: dict[int, Any],
    settings: Settings,
    done: list[StageEntry],
    options: BatchOptions,
    folder: Path,
) -> list[Any]:
    """Futures of every group's (file of rows, report), in group order."""
    workers = len(client.scheduler_info().get("workers", {}) or [1])
    count = options.groups or max(2 * workers, -(-len(assignments) // options.group_articles))
    group_of = groups.plan_groups(assignments, links, count)
    members_of: dict[int, list[int]] = {}
    for article, group in group_of.items():
        members_of.setdefault(group, []).append(article)
    group_of_on_cluster, shuffle = share(client, group_of), folder / "groups"
    del group_of
    parts_of = write_shuffle(client, split_groups, parts, shuffle, group_of_on_cluster)
    del group_of_on_cluster
    results = []
    for group in range(count):
        members = members_of.get(group)
        if not members:
            continue
        results.append(
            client.submit(
                group_task,
                shuffle,
                group,
                parts_of[group],
                sources,
                {a: links[a] for a in members if a in links},
                {a: assignments[a] for a in members},
                settings,
                done,
                folder / "results" / f"{group}.pickle",
            )
        )
    return results


def split_groups(
    part: read.StoredPart, group_of: dict[int, int], shuffle: Path, index: int
) -> list[int]:
    """Write a stored partition's rows by story group; the groups written."""
    articles, notes = read.stored_rows(part)
    return spill.save_split(shuffle, index, groups.split_by_group(articles, notes, group_of))


def group_task(
    shuffle: Path,
    group: int,
    parts: list[int],
    sources: list[dict],
    links: dict[int, Any],
    assignments: dict[int, Any],
    settings: Settings,
    done: list[StageEntry],
    path: Path,
) -> tuple[Path, RunReport]:
    """One group's stages (``groups.process_group``); its rows saved to ``path``, and its report."""
    pieces = spill.load_shares(shuffle, group, parts)
    rows, report = groups.process_group(pieces, sources, links, assignments, settings, done)
    return spill.save(path, rows), report


def write_output(results: list[Any], out: Path, report: BatchReport, progress: Progress) -> None:
    """Merge the groups' rows in group order into Parquet (the shared rows last); the folder
    appears only when complete."""
    output, merger = ParquetOutput(out), Merger()
    try:
        for index, future in enumerate(results, start=1):
            path, group_report = future.result()
            merge_reports(report.run, group_report, skip={"dedup", "stories", "restore"})
            output.write(merger.merge(spill.load(path)))
            future.release()
            progress("stages", index, len(results))
        output.write(merger.shared_rows())
        output.commit()
    except BaseException:
        output.abort()
        raise
    report.rows = dict(output.counts)


def gather_with_progress(
    client: Any, futures: list[Any], phase: str, progress: Progress
) -> list[Any]:
    """The futures' results in order, reporting each one done."""
    from distributed import as_completed

    for done, _ in enumerate(as_completed(futures), start=1):
        progress(phase, done, len(futures))
    return client.gather(futures)


def merge_reports(total: RunReport, part: RunReport, skip: set[str] | None = None) -> None:
    """Add one partition's stage counts, rejections and skipped records to ``total``."""
    for name, stage in part.stages.items():
        if skip and name in skip:
            continue
        into: StageReport = total.stage(name)
        into.count_in += stage.count_in
        into.count_out += stage.count_out
        into.seconds += stage.seconds
        for reason, count in stage.rejected.items():
            into.rejected[reason] = into.rejected.get(reason, 0) + count
    total.rejections.extend(part.rejections)
    total.skipped.extend(part.skipped)


def share(client: Any, value: Any) -> Any:
    """A future of ``value`` held on the cluster: the tasks that take it do not each carry a
    copy in the task graph (sent once, fetched once per worker). A task, not a scatter, so
    that a worker lost with it has it computed again."""
    return client.submit(same, value, pure=False)


def same(value: Any) -> Any:
    """``value`` itself (the task that holds a shared value)."""
    return value


def pick(split: dict, key: Any, default: Any = ()) -> Any:
    """One key's share of a split (the task that moves only that share)."""
    return split.get(key, default) if isinstance(split, dict) else split[key]
