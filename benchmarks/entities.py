"""Entities + actors + time benchmark: throughput (articles/s) and peak memory.

Run ``python -m benchmarks.entities`` from the repository root. The example corpus
(NewsWCL50, 50 real articles) is repeated to ``--articles`` articles; entities are recognised
in batches with one process and with two (``nlp.pipe(n_process=2)``, both cores of a small
machine), and with a large batch, each configuration in a fresh process so that its peak
memory is its own; actors are then resolved per story (the corpus's gold events, so one story holds
every copy of an event's articles) and DATE/TIME mentions normalised. The accuracy of actor
resolution is measured on ``benchmarks/actor_sample.tsv``: hand-checked surname-only mentions
of NewsWCL50 whose story names several people with that surname. Results go to
``benchmarks/results/entities.json`` with the machine's description.
"""

from __future__ import annotations

import argparse
import dataclasses
import json
import os
import resource
import subprocess
import sys
import time
from collections import defaultdict
from pathlib import Path

from benchmarks.clustering import load_newswcl50
from benchmarks.machine import describe_machine
from eventwire.actors import ActorResolver
from eventwire.entities import EntitiesSettings, EntityRecognizer
from eventwire.model import ArticleEntities, Document
from eventwire.time import TimeSettings, story_times

REPO_ROOT = Path(__file__).resolve().parents[1]
RESULTS = REPO_ROOT / "benchmarks" / "results" / "entities.json"
ACTOR_SAMPLE = REPO_ROOT / "benchmarks" / "actor_sample.tsv"  # hand-checked surname mentions
DEFAULT_ARTICLES = 300
LARGE_BATCH = 64


def load_corpus(size: int) -> list[tuple[Document, str]]:
    """The example corpus repeated to ``size`` articles, each with a fresh id."""
    base = load_newswcl50()
    corpus = []
    for index in range(size):
        document, event = base[index % len(base)]
        corpus.append((dataclasses.replace(document, id=index + 1), event))
    return corpus


def peak_memory_mb(who: int = resource.RUSAGE_SELF) -> float:
    """Peak resident memory of this process (or its children) in MB."""
    scale = 1024 * 1024 if sys.platform == "darwin" else 1024
    return round(resource.getrusage(who).ru_maxrss / scale, 1)


def time_recognition(documents: list[Document], workers: int, batch: int) -> dict:
    """Load the model, then recognise every document; articles/s excludes loading."""
    recognizer = EntityRecognizer(EntitiesSettings(n_process=workers, batch_size=batch))
    started = time.perf_counter()
    recognizer.loader.get()
    loaded = time.perf_counter()
    results = recognizer.recognize(documents)
    done = time.perf_counter()
    mentions = sum(len(r.mentions) for r in results if isinstance(r, ArticleEntities))
    return {
        "workers": workers,
        "batch_size": batch,
        "load_seconds": round(loaded - started, 2),
        "seconds": round(done - loaded, 2),
        "articles_per_second": round(len(documents) / (done - loaded), 1),
        "mentions": mentions,
        "results": results,
    }


def time_resolution(corpus: list[tuple[Document, str]], found: list[ArticleEntities]) -> dict:
    """Resolve actors and normalise times story by story (stories = gold events)."""
    started = time.perf_counter()
    resolver = ActorResolver()
    built = time.perf_counter()
    stories: dict[str, list[int]] = defaultdict(list)
    for index, (_, event) in enumerate(corpus):
        stories[event].append(index)
    actors = links = times = 0
    for story_id, members in enumerate(stories.values(), start=1):
        documents = [corpus[i][0] for i in members]
        entities = [found[i] for i in members]
        result = resolver.resolve_story(story_id, documents, entities)
        actors, links = actors + len(result.actors), links + len(result.links)
        times += len(story_times(documents, entities, TimeSettings()))
    done = time.perf_counter()
    return {
        "setup_seconds": round(built - started, 2),
        "seconds": round(done - built, 2),
        "articles_per_second": round(len(corpus) / (done - built), 1),
        "stories": len(stories),
        "actors": actors,
        "links": links,
        "times": times,
    }


def read_actor_sample(path: Path = ACTOR_SAMPLE) -> dict[tuple[int, int], tuple[str, set[str]]]:
    """(article line, body offset) -> (surface, names the person may be listed under)."""
    sample = {}
    for line in path.read_text(encoding="utf-8").splitlines():
        if line.startswith("#") or line.startswith("article\t"):
            continue
        article, start, surface, expected = line.split("\t")
        sample[(int(article), int(start))] = (surface, set(expected.split("|")))
    return sample


def actor_accuracy(corpus: list[tuple[Document, str]], found: list[ArticleEntities]) -> dict:
    """Share of the hand-checked sample's surname mentions resolved to the right person.

    The corpus's first articles are NewsWCL50 in file order (article line = id - 1); each
    event is resolved as one story, as in the pipeline. A mention left unresolved counts as
    wrong.
    """
    sample = read_actor_sample()
    base = len(load_newswcl50())
    stories: dict[str, list[int]] = defaultdict(list)
    for index, (_, event) in enumerate(corpus[:base]):
        stories[event].append(index)
    resolver = ActorResolver()
    resolved: dict[tuple[int, int], str] = {}
    for story_id, members in enumerate(stories.values(), start=1):
        documents = [corpus[i][0] for i in members]
        result = resolver.resolve_story(story_id, documents, [found[i] for i in members])
        names = {actor.key: actor.name for actor in result.actors}
        for link in result.links:
            if link.mention.part == "body":
                resolved[(link.mention.article_id - 1, link.mention.start)] = names[link.actor_key]
    wrong = [
        f"{article}:{start} {surface} -> {resolved.get((article, start), '-')}"
        for (article, start), (surface, expected) in sorted(sample.items())
        if resolved.get((article, start)) not in expected
    ]
    right = len(sample) - len(wrong)
    return {
        "mentions": len(sample),
        "correct": right,
        "accuracy": round(right / len(sample), 3),
        "wrong": wrong,
    }


def recognition_in_fresh_process(articles: int, workers: int, batch: int) -> dict:
    """Run one recognition configuration in its own Python process; its numbers."""
    command = [sys.executable, "-m", "benchmarks.entities", "--articles", str(articles)]
    command += ["--only-recognition", "--workers", str(workers), "--batch-size", str(batch)]
    done = subprocess.run(command, capture_output=True, text=True, check=True, cwd=REPO_ROOT)
    return json.loads(done.stdout)


def measure_recognition(articles: int, workers: int, batch: int) -> None:
    """Print one configuration's numbers (with its process's peak memory) as JSON."""
    documents = [document for document, _ in load_corpus(articles)]
    run = time_recognition(documents, workers, batch)
    run.pop("results")
    run["peak_memory_mb"] = peak_memory_mb()
    run["peak_memory_workers_mb"] = peak_memory_mb(resource.RUSAGE_CHILDREN)
    print(json.dumps(run))


def main() -> None:
    """Measure and write benchmarks/results/entities.json."""
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--articles", type=int, default=DEFAULT_ARTICLES)
    parser.add_argument("--batch-size", type=int, default=EntitiesSettings().batch_size)
    parser.add_argument("--workers", type=int, default=1)
    parser.add_argument("--only-recognition", action="store_true", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.only_recognition:
        measure_recognition(args.articles, args.workers, args.batch_size)
        return
    configurations = ((2, args.batch_size), (1, LARGE_BATCH))
    runs = [recognition_in_fresh_process(args.articles, w, b) for w, b in configurations]
    corpus = load_corpus(args.articles)
    documents = [document for document, _ in corpus]
    first = time_recognition(documents, 1, args.batch_size)  # in this process: its mentions
    found = [r for r in first.pop("results") if isinstance(r, ArticleEntities)]
    runs.insert(0, first)
    resolution = time_resolution(corpus, found)
    accuracy = actor_accuracy(corpus, found)
    best = max(run["articles_per_second"] for run in runs)
    per_article = 1 / best + 1 / resolution["articles_per_second"]
    output = {
        "machine": describe_machine(),
        "load_average_1min_at_end": round(os.getloadavg()[0], 2),  # other jobs on the machine
        "articles": len(documents),
        "recognition": runs,
        "resolution_and_time": resolution,
        "end_to_end_articles_per_second": round(1 / per_article, 1),
        "peak_memory_mb": peak_memory_mb(),  # 1 worker, default batch, plus resolution
        "actor_accuracy_sample": accuracy,  # benchmarks/actor_sample.tsv
    }
    RESULTS.parent.mkdir(parents=True, exist_ok=True)
    RESULTS.write_text(json.dumps(output, indent=2) + "\n", encoding="utf-8")
    print(json.dumps({k: v for k, v in output.items() if k != "machine"}, indent=2))


if __name__ == "__main__":
    main()
