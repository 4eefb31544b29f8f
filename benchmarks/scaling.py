"""Scaling: articles/s and peak memory per stage, embedded runner vs Dask LocalCluster.

The stream is ``benchmarks.throughput``'s (real texts; syndicated copies and follow-ups
with a fixed seed). Both runners run the stages before entities (entities are switched off:
their per-core rate is ``benchmarks.entities``'s and adds linearly per article). For each
size: the embedded ``Pipeline`` (ingest + process on SQLite) and ``run_batch`` on a
LocalCluster of ``--workers`` processes (Parquet out), with the B³ agreement of their
stories. Peak memory: resident memory sampled while each stage or phase runs (the driver's,
and the sum over the Dask workers). The stream's later rounds are dated years ahead (45 days
a round): both runners keep those dates (``[dates] max_future_hours`` raised), else every
article past tomorrow would be undated and clustered without time. Run:
``python -m benchmarks.scaling [--sizes 10000 100000] [--workers 2] [--every-stage 300]``;
results go to ``benchmarks/results/scaling.json``. For a size too long to run the two runners
one after the other, run each in a process of its own on one kept stream:
``--work DIR --runners embedded`` beside ``--work DIR --runners dask --worker-memory 5GB``
(the agreement is computed by whichever finishes last). ``--every-stage N`` runs both runners once
more on N articles with every registered stage (spaCy; facts without sentence embeddings),
for the per-stage cost of the stages after stories.
"""

from __future__ import annotations

import argparse
import dataclasses
import fcntl
import json
import logging
import os
import shutil
import tempfile
import threading
import time
from collections.abc import Callable, Sequence
from pathlib import Path

from benchmarks.machine import describe_machine
from benchmarks.throughput import RESULTS, write_stream
from eventwire.config import load_config
from eventwire.pipeline import Pipeline
from eventwire.settings import Settings
from eventwire.store import Repository

SAMPLE_SECONDS = 0.25
STAGES_RUN = "sizes: ingest, clean, store, dedup, stories (entities and later stages off)"
EVERY_STAGE_RUN = "every stage: entities, actors, time, events, facts (no sentence embeddings)"
EVERY_STAGE_ARTICLES = 300
RUNNERS = ("embedded", "dask")
FUTURE_HOURS = 24 * 366 * 200  # the generated stream is dated up to two centuries ahead


def scaling_settings() -> Settings:
    """The stages before entities, the stream's future dates kept (through the config, so
    that the copies of ``[dates]`` inside the ingest and clean settings follow)."""
    config = load_config(env={"EVENTWIRE_DATES__MAX_FUTURE_HOURS": str(FUTURE_HOURS)})
    settings = Settings.from_config(config)
    return settings.replace(entities=dataclasses.replace(settings.entities, enabled=False))


def rss_mb(pid: int | None = None) -> float:
    """Resident memory of a process now (MB)."""
    status = Path(f"/proc/{pid or 'self'}/status")
    for line in status.read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024
    return 0.0


class PeakSampler:
    """Samples memory in a thread; keeps the peak per current phase."""

    def __init__(self, measure) -> None:
        self.measure, self.phase, self.peaks = measure, "start", {}
        self.started: dict[str, float] = {}
        self.ended: dict[str, float] = {}
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, daemon=True)

    def __enter__(self) -> PeakSampler:
        self._thread.start()
        return self

    def __exit__(self, *_exc: object) -> None:
        self._stop.set()
        self._thread.join()

    def on_progress(self, phase: str, _done: int, _total: int | None) -> None:
        """The runner's progress callback: note the phase running now."""
        now = time.perf_counter()
        self.started.setdefault(phase, now)
        self.ended[phase] = now
        self.phase = phase

    def _run(self) -> None:
        while not self._stop.wait(SAMPLE_SECONDS):
            try:
                value = self.measure()
            except Exception:  # a worker restarting: skip the sample
                continue
            self.peaks[self.phase] = max(self.peaks.get(self.phase, 0.0), value)


def every_stage_settings() -> Settings:
    """Every registered stage, spaCy in the stage's own process, facts lexical only."""
    settings = scaling_settings()
    return settings.replace(
        entities=dataclasses.replace(settings.entities, enabled=True, n_process=1),
        facts=dataclasses.replace(settings.facts, embeddings=False),
    )


def run_embedded(folder: Path, tmp: Path, count: int, settings: Settings) -> tuple[dict, str]:
    """The embedded runner over the stream; its figures and database URL."""
    (tmp / "embedded.done").unlink(missing_ok=True)
    (tmp / "embedded.db").unlink(missing_ok=True)
    url = f"sqlite:///{tmp / 'embedded.db'}"
    repo = Repository.open(url)
    with PeakSampler(rss_mb) as sampler:
        pipeline = Pipeline(repo, settings, on_progress=sampler.on_progress)
        started = time.perf_counter()
        report = pipeline.ingest([folder])
        pipeline.process(report)
        seconds = time.perf_counter() - started
    repo.close()
    stages = {
        name: {
            "seconds": round(stage.seconds, 2),
            "articles_per_second": round(count / stage.seconds, 1) if stage.seconds else None,
            "peak_rss_mb": round(sampler.peaks.get(name, 0.0), 1) or None,
        }
        for name, stage in report.stages.items()
    }
    total = {"seconds": round(seconds, 2), "articles_per_second": round(count / seconds, 1)}
    return {**total, "peak_rss_mb": round(max(sampler.peaks.values()), 1), "stages": stages}, url


def run_dask(
    folder: Path, tmp: Path, count: int, workers: int, settings: Settings, memory: str = "auto"
) -> tuple[dict, Path]:
    """``run_batch`` on a LocalCluster (``memory``: each worker's limit); its figures and
    output folder."""
    from eventwire.distributed.cluster import dask_client
    from eventwire.distributed.runner import BatchOptions, run_batch

    out = tmp / "batch"
    shutil.rmtree(out, ignore_errors=True)
    options = BatchOptions(files_per_partition=10, buckets=4 * workers)
    with dask_client(workers=workers, memory_limit=memory) as client:

        def cluster_rss() -> float:
            return rss_mb() + sum(client.run(worker_rss).values())

        with PeakSampler(cluster_rss) as sampler:
            started = time.perf_counter()
            report = run_batch(
                client,
                [folder],
                out,
                settings,
                options=options,
                on_progress=sampler.on_progress,
            )
            seconds = time.perf_counter() - started
        worker_peaks = client.run(worker_peak)
    phases = {}
    previous = started
    for phase in ("read", "dedup", "stories", "stages"):
        end = sampler.ended.get(phase, previous)
        phases[phase] = {
            "seconds": round(end - previous, 2),
            "articles_per_second": round(count / (end - previous), 1) if end > previous else None,
            "peak_rss_mb_all_processes": round(sampler.peaks.get(phase, 0.0), 1) or None,
        }
        previous = end
    return {
        "seconds": round(seconds, 2),
        "articles_per_second": round(count / seconds, 1),
        "workers": workers,
        "peak_rss_mb_per_worker": sorted(round(v, 1) for v in worker_peaks.values()),
        "phases": phases,
        "rows": report.rows,
    }, out


def worker_rss() -> float:
    """A worker's resident memory now (MB)."""
    return rss_mb()


def worker_peak() -> float:
    """A worker's peak resident memory (MB)."""
    import resource

    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def run(count: int, workers: int, settings: Settings, work: Path | None = None, **how) -> dict:
    """Both runners (or those in ``how["runners"]``) over one generated stream of ``count``
    articles, in ``work`` (kept, so that each runner may run in a process of its own) or in
    a temporary folder."""
    if work is not None:
        return run_in(work, count, workers, settings, **how)
    with tempfile.TemporaryDirectory() as name:
        return run_in(Path(name), count, workers, settings, **how)


def run_in(
    work: Path,
    count: int,
    workers: int,
    settings: Settings,
    runners: Sequence[str] = RUNNERS,
    worker_memory: str = "auto",
) -> dict:
    """The runners over the stream in ``work``; the figures of those that ran, with the
    agreement of their stories once both outputs are there."""
    from eventwire.distributed.compare import agreement

    folder = stream_folder(work, count)
    figures: dict = {"articles": count}
    if "embedded" in runners:
        figures["embedded"] = conditions(run_embedded(folder, work, count, settings)[0])
        (work / "embedded.done").touch()
        print(f"{count}: embedded {figures['embedded']['articles_per_second']} articles/s")
    if "dask" in runners:
        ran = run_dask(folder, work, count, workers, settings, worker_memory)[0]
        figures["dask"] = conditions(ran)
        print(f"{count}: dask {figures['dask']['articles_per_second']} articles/s", flush=True)
    if (work / "embedded.done").exists() and (work / "batch").exists():
        figures["agreement"] = agreement(work / "batch", f"sqlite:///{work / 'embedded.db'}")
    return figures


def conditions(figures: dict) -> dict:
    """A runner's figures with the load average and the processor they were measured under
    (the runners of one size may run in separate processes, at different times)."""
    machine = describe_machine()
    return figures | {
        "load_average_1min": round(os.getloadavg()[0], 2),
        "cpu": machine["cpu"],
        "when": machine["when"],
    }


def stream_folder(work: Path, count: int) -> Path:
    """The stream of ``count`` articles in ``work``, written once (its ``.done`` mark last)."""
    folder, done = work / f"stream-{count}", work / f"stream-{count}.done"
    with open(work / "stream.lock", "w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)  # a second runner process waits for the first's stream
        if not done.exists():
            shutil.rmtree(folder, ignore_errors=True)
            folder.mkdir(parents=True)
            write_stream(folder, count)
            done.touch()
    return folder


def main() -> None:
    """Run the sizes and write benchmarks/results/scaling.json (other sizes are kept)."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="*", default=[10_000, 100_000])
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--worker-memory", default="auto", help="each Dask worker's memory limit")
    parser.add_argument("--runners", nargs="+", choices=RUNNERS, default=list(RUNNERS))
    parser.add_argument(
        "--work",
        type=Path,
        help="keep the stream and both outputs here (run each runner in its own process)",
    )
    parser.add_argument(
        "--every-stage",
        type=int,
        default=EVERY_STAGE_ARTICLES,
        metavar="N",
        help="also run every stage (entities to facts, facts lexical only) on N articles (0: no)",
    )
    args = parser.parse_args()
    logging.basicConfig(level=logging.ERROR)
    how = {"runners": args.runners, "worker_memory": args.worker_memory}
    for size in args.sizes:
        work = args.work / str(size) if args.work else None
        if work:
            work.mkdir(parents=True, exist_ok=True)
        figures = run(size, args.workers, scaling_settings(), work, **how)
        update_result(lambda result, f=figures: put_size(result, f))
    if args.every_stage:
        figures = run(args.every_stage, args.workers, every_stage_settings(), **how)
        update_result(lambda result: result.update(every_stage={**figures, **EVERY_STAGE}))


EVERY_STAGE = {"stages_run": EVERY_STAGE_RUN}


def put_size(result: dict, figures: dict) -> None:
    """Put one size's figures in the result, over those of the runners that ran again."""
    sizes = result.setdefault("sizes", [])
    kept = next((r for r in sizes if r["articles"] == figures["articles"]), {})
    if not ("embedded" in figures and "dask" in figures):
        figures = {**kept, **figures}  # one runner ran: the other's figures stay
    result["sizes"] = sorted(
        [r for r in sizes if r["articles"] != figures["articles"]] + [figures],
        key=lambda r: r["articles"],
    )


def update_result(change: Callable[[dict], None]) -> None:
    """Read, change and write benchmarks/results/scaling.json under a lock (two runner
    processes may finish at once)."""
    RESULTS.mkdir(parents=True, exist_ok=True)
    path = RESULTS / "scaling.json"
    with open(RESULTS / ".scaling.lock", "w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        result = json.loads(path.read_text()) if path.exists() else {}
        result |= {"benchmark": "scaling", "machine": describe_machine(), "stages_run": STAGES_RUN}
        change(result)
        path.write_text(json.dumps(result, indent=2) + "\n")


if __name__ == "__main__":
    main()
