"""Throughput and peak memory of ingest + clean + dedup + cluster on >= 10,000 articles.

The entities/actors/time step is switched off here; ``benchmarks.entities`` measures it.

The articles are built from real texts (ECB+, the ScrapingHub gold bodies, NewsWCL50) so
that the text statistics are real; to reach stream size, each text also appears in later
rounds as a syndicated copy (another outlet, a footer) or as a follow-up rewrite (40% of the
sentences, reordered, weeks later), with a fixed random seed. Run:
``python -m benchmarks.throughput [--articles N]``; results go to
``benchmarks/results/throughput.json``.
"""

from __future__ import annotations

import argparse
import dataclasses
import json
import logging
import random
import re
import resource
import tempfile
import time
from datetime import UTC, datetime, timedelta
from pathlib import Path
from urllib.parse import urlparse

from benchmarks.datasets import REPO_ROOT, iter_ecbplus, iter_scrapinghub_bodies, read_jsonl
from benchmarks.machine import describe_machine
from eventwire.config import load_config
from eventwire.pipeline import Pipeline, Settings
from eventwire.store import Repository

RESULTS = REPO_ROOT / "benchmarks" / "results"
ARTICLES_PER_FILE = 100
SEED = 20260208
SENTENCE_END = re.compile(r"(?<=[.!?])\s+(?=[A-Z\"“])")
START = datetime(2025, 1, 1, tzinfo=UTC)


MIN_BASE_WORDS = 60  # shorter texts (ECB+ has one-sentence and empty documents) are skipped


def load_bases() -> list[dict]:
    """Real articles with a real body: title, text, source."""
    bases = [
        {"title": d["title"], "text": d["text"], "source": f"ecb-outlet-{d['topic']}"}
        for d in iter_ecbplus()
    ]
    for url, body in iter_scrapinghub_bodies():
        lines = [line for line in body.splitlines() if line.strip()]
        if len(lines) >= 2:
            domain = urlparse(url).netloc.removeprefix("www.") or "scrapinghub"
            bases.append({"title": lines[0][:200], "text": "\n".join(lines[1:]), "source": domain})
    examples = REPO_ROOT / "examples" / "corpus" / "newswcl50" / "articles.jsonl"
    for record in read_jsonl(examples):
        first, _, rest = record["text"].partition("\n")
        bases.append({"title": first[:200], "text": rest, "source": record["source"]})
    return [base for base in bases if len(base["text"].split()) >= MIN_BASE_WORDS]


def make_article(base: dict, index: int, round_: int, rng: random.Random) -> dict:
    """The ``round_``-th appearance of a base text in the stream."""
    published = START + timedelta(hours=6 * index, days=45 * round_)
    article = {
        "url": f"https://bench.example/{round_}/{index}",
        "source": base["source"],
        "title": base["title"],
        "text": base["text"],
        "published": published.isoformat(),
    }
    if round_ == 0:
        return article
    if rng.random() < 0.25:  # syndicated copy: another outlet, a footer line
        article["source"] = f"syndicator-{rng.randrange(20)}"
        article["text"] = base["text"] + "\n(Reporting by staff; editing by the desk)"
        article["published"] = (published - timedelta(days=45 * round_ - 1)).isoformat()
        return article
    sentences = SENTENCE_END.split(base["text"].replace("\n", " "))
    rng.shuffle(sentences)
    kept = [s for s in sentences if rng.random() < 0.4] or sentences[:1]
    article["text"] = "\n".join(" ".join(kept[i : i + 3]) for i in range(0, len(kept), 3))
    article["title"] = f"{base['title']} (update {round_})"
    return article


def write_stream(folder: Path, count: int) -> int:
    """Write ``count`` articles as JSONL files of ARTICLES_PER_FILE; return the file count."""
    bases, rng = load_bases(), random.Random(SEED)
    articles = [
        make_article(bases[n % len(bases)], n % len(bases), n // len(bases), rng)
        for n in range(count)
    ]
    files = 0
    for start in range(0, count, ARTICLES_PER_FILE):
        chunk = articles[start : start + ARTICLES_PER_FILE]
        path = folder / f"part-{files:05d}.jsonl"
        path.write_text("".join(json.dumps(a) + "\n" for a in chunk), encoding="utf-8")
        files += 1
    return files


def foundation_settings() -> Settings:
    """Default settings without the entities step (measured by benchmarks.entities)."""
    settings = Settings.from_config(load_config())
    entities = dataclasses.replace(settings.entities, enabled=False)
    return settings.replace(entities=entities)


def run(count: int) -> dict:
    """Run the pipeline over a generated stream of ``count`` articles; return the figures."""
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp) / "stream"
        folder.mkdir()
        files = write_stream(folder, count)
        repo = Repository.open(f"sqlite:///{Path(tmp) / 'bench.db'}")
        pipeline = Pipeline(repo, foundation_settings())
        started = time.perf_counter()
        report = pipeline.ingest([folder])
        pipeline.process(report)
        seconds = time.perf_counter() - started
        counts = repo.counts()
        repo.close()
    return {
        "articles": count,
        "files": files,
        "seconds": round(seconds, 2),
        "articles_per_second": round(count / seconds, 1),
        "peak_rss_mb": round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, 1),
        "stages": {
            name: {**stage.as_dict(), "seconds": round(stage.seconds, 2)}
            for name, stage in report.stages.items()
        },
        "store": counts,
        "rejections": len(report.rejections),
    }


def main() -> None:
    """Run the benchmark and write benchmarks/results/throughput.json."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=10_000)
    args = parser.parse_args()
    logging.basicConfig(level=logging.ERROR)  # rejections are counted in the result file
    result = {"benchmark": "throughput", "machine": describe_machine(), **run(args.articles)}
    RESULTS.mkdir(parents=True, exist_ok=True)
    (RESULTS / "throughput.json").write_text(json.dumps(result, indent=2) + "\n")
    print(
        f"{result['articles']} articles in {result['seconds']} s: "
        f"{result['articles_per_second']} articles/s, peak RSS {result['peak_rss_mb']} MB"
    )
    for name, stage in result["stages"].items():
        print(
            f"  {name:>8}: {stage['count_in']} in, {stage['count_out']} out, {stage['seconds']} s"
        )


if __name__ == "__main__":
    main()
