"""Story clustering benchmark: pairwise and B-cubed P/R/F1 on ECB+ and NewsWCL50.

Run ``python -m benchmarks.clustering`` from the repository root. ECB+ (462 documents, 40
events, no dates) is streamed in several fixed shuffled orders and averaged; NewsWCL50 (50
articles, 10 events) is read from ``examples/corpus`` with its URL dates, in several shuffled
orders, with and without dates. ``--tune`` sweeps thresholds and weights (see docs/stories.md).
Results go to ``benchmarks/results/clustering.json``.
"""

from __future__ import annotations

import argparse
import dataclasses
import itertools
import json
import random
import statistics
import time
from datetime import UTC, datetime
from pathlib import Path

from benchmarks.machine import describe_machine
from eventwire.model import Document
from eventwire.stories import StoriesSettings, StoryClusterer
from eventwire.stories.evaluate import bcubed_f1, pairwise_f1

REPO_ROOT = Path(__file__).resolve().parents[1]
ECBPLUS = REPO_ROOT.parent / "shared" / "data" / "ecbplus" / "docs.jsonl"
NEWSWCL50 = REPO_ROOT / "examples" / "corpus" / "newswcl50" / "articles.jsonl"
GOLD = REPO_ROOT / "examples" / "corpus" / "gold.tsv"
RESULTS = REPO_ROOT / "benchmarks" / "results" / "clustering.json"
TUNE_RESULTS = RESULTS.with_name("clustering_tune.json")
ORDER_SEEDS = (1, 2, 3, 4, 5)
TUNE_GRID = {
    "threshold": (0.18, 0.20, 0.21, 0.22, 0.24, 0.26, 0.30),
    "undated_threshold": (0.21, 0.26),
    "decay_days": (0.0, 3.0),
}

Labelled = list[tuple[Document, str]]


def load_ecbplus(path: Path = ECBPLUS) -> Labelled:
    """ECB+ documents (title = first sentence) with their gold ``subtopic``."""
    docs = []
    for index, line in enumerate(path.read_text(encoding="utf-8").splitlines()):
        row = json.loads(line)
        doc = Document(id=index, source=row["doc_id"], title=row["title"], text=row["text"])
        docs.append((doc, row["subtopic"]))
    return docs


def load_newswcl50(path: Path = NEWSWCL50, gold_path: Path = GOLD) -> Labelled:
    """NewsWCL50 from the example corpus: title = first line, dates from the URL."""
    gold = dict(line.split("\t") for line in gold_path.read_text().splitlines()[1:])
    docs = []
    for index, line in enumerate(path.read_text(encoding="utf-8").splitlines()):
        row = json.loads(line)
        title, _, text = row["text"].partition("\n")
        published = row.get("published")
        when = datetime.fromisoformat(published).replace(tzinfo=UTC) if published else None
        docs.append((Document(index, row["source"], title, text, when), gold[row["url"]]))
    return docs


def cluster(docs: Labelled, settings: StoriesSettings) -> dict[int, int]:
    """Stream ``docs`` through a fresh clusterer; document id -> story id."""
    clusterer = StoryClusterer(settings)
    return {doc.id: clusterer.assign(doc).story_id for doc, _ in docs}


def score(docs: Labelled, settings: StoriesSettings, seeds=ORDER_SEEDS) -> dict[str, float]:
    """Mean pairwise and B-cubed scores over shuffled orders (``seeds``)."""
    gold = {doc.id: label for doc, label in docs}
    runs = []
    for seed in seeds:
        ordered = list(docs)
        random.Random(seed).shuffle(ordered)
        predicted = cluster(ordered, settings)
        pair, b3 = pairwise_f1(predicted, gold), bcubed_f1(predicted, gold)
        stories = len(set(predicted.values()))
        runs.append({**_prefixed("pair", pair.as_dict()), **_prefixed("b3", b3.as_dict())})
        runs[-1]["stories"] = stories
    return {key: round(statistics.mean(r[key] for r in runs), 4) for key in runs[0]}


def _prefixed(prefix: str, values: dict[str, float]) -> dict[str, float]:
    return {f"{prefix}_{key}": value for key, value in values.items()}


def undated(docs: Labelled) -> Labelled:
    """The same documents without their dates (no time window applies)."""
    return [(dataclasses.replace(doc, published=None), label) for doc, label in docs]


def run_benchmark(settings: StoriesSettings) -> dict:
    """Scores on both sets plus throughput on a synthetic 10k stream of ECB+ copies."""
    ecb, wcl = load_ecbplus(), load_newswcl50()
    return {
        "settings": dataclasses.asdict(settings),
        "order_seeds": list(ORDER_SEEDS),
        "ecbplus": score(ecb, settings),
        "newswcl50_dated": score(wcl, settings),
        "newswcl50_undated": score(undated(wcl), settings),
        "throughput": measure_throughput(ecb, settings),
    }


def measure_throughput(docs: Labelled, settings: StoriesSettings, total: int = 10_000) -> dict:
    """Articles per second streaming ``total`` articles (ECB+ repeated, ids distinct)."""
    stream = []
    for i in range(total):
        doc = docs[i % len(docs)][0]
        stream.append(dataclasses.replace(doc, id=i, title=f"{doc.title} {i}"))
    clusterer = StoryClusterer(settings)
    start = time.perf_counter()
    for doc in stream:
        clusterer.assign(doc)
    seconds = time.perf_counter() - start
    return {"articles": total, "seconds": round(seconds, 2), "per_second": round(total / seconds)}


def tune() -> list[dict]:
    """Grid over TUNE_GRID: B-cubed F1 on ECB+, NewsWCL50 dated and undated (3 orders)."""
    ecb, wcl = load_ecbplus(), load_newswcl50()
    rows = []
    for values in itertools.product(*TUNE_GRID.values()):
        row = dict(zip(TUNE_GRID, values, strict=True))
        settings = dataclasses.replace(StoriesSettings(), **row)
        row["ecb_b3"] = score(ecb, settings, seeds=(1, 2, 3))["b3_f1"]
        row["wcl_dated_b3"] = score(wcl, settings, seeds=(1, 2, 3))["b3_f1"]
        row["wcl_undated_b3"] = score(undated(wcl), settings, seeds=(1, 2, 3))["b3_f1"]
        print(json.dumps(row), flush=True)
        rows.append(row)
    return rows


def main() -> None:
    """Print and save the benchmark (or the tuning grid with ``--tune``)."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--tune", action="store_true", help="sweep TUNE_GRID instead")
    if parser.parse_args().tune:
        rows = tune()
        TUNE_RESULTS.write_text(json.dumps(rows, indent=2) + "\n", encoding="utf-8")
        return
    results = {"machine": describe_machine(), **run_benchmark(StoriesSettings())}
    RESULTS.parent.mkdir(parents=True, exist_ok=True)
    RESULTS.write_text(json.dumps(results, indent=2) + "\n", encoding="utf-8")
    print(json.dumps(results, indent=2))


if __name__ == "__main__":
    main()
