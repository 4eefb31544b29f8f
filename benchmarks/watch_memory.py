"""Memory of a long `watch`: a year of synthetic news days through one pipeline, RSS per month.

A `watch` ingests what each poll brings and processes it, in one process, for months. This
feeds a year of days (``--per-day`` articles each, built from real texts as
``benchmarks.throughput`` does: originals, syndicated copies the same day, follow-ups a few
days later) through ``Pipeline.ingest`` + ``process`` once a day, and records per
simulated month the resident memory and how many articles the stream stages held (restored
from the store plus added). With ``dedup.max_age_days`` / ``stories.max_age_days`` (default 28)
both stay flat; ``--keep-all`` sets them to 0 (the behaviour before) for comparison. Age is
counted in storage time, so the store's clock is simulated: each day's articles are stored at
that day's time.
Entities are off (their memory is the spaCy model's, constant). Run:
``python -m benchmarks.watch_memory [--days 365] [--per-day 40] [--keep-all]``; results go to
``benchmarks/results/watch_memory[_keep_all].json``.
"""

from __future__ import annotations

import argparse
import dataclasses
import json
import logging
import random
import tempfile
import time
from datetime import UTC, datetime, timedelta
from pathlib import Path

from benchmarks.machine import describe_machine
from benchmarks.throughput import RESULTS, foundation_settings, load_bases
from eventwire.pipeline import Pipeline
from eventwire.settings import Settings
from eventwire.store import Repository, repository

START = datetime(2025, 1, 1, 6, tzinfo=UTC)
SEED = 20261205
COPY_SHARE = 0.2  # of a day's articles: a syndicated copy of one published that day
FOLLOW_UP_SHARE = 0.2  # a rewrite of an article of the last few days


def rss_mb() -> float:
    """Resident memory of this process now (MB)."""
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return round(int(line.split()[1]) / 1024, 1)
    return 0.0


def day_articles(
    day: int, per_day: int, bases: list[dict], recent: list[dict], rng: random.Random
) -> list[dict]:
    """One day's articles (``recent`` holds the originals of the last days, updated)."""
    articles: list[dict] = []
    for k in range(per_day):
        published = START + timedelta(days=day, minutes=20 * k)
        roll = rng.random()
        if roll < COPY_SHARE and articles:
            source = rng.choice(articles)
            article = {
                **source,
                "source": f"syndicator-{rng.randrange(20)}",
                "text": source["text"] + "\n(Wire copy)",
            }
        elif roll < COPY_SHARE + FOLLOW_UP_SHARE and recent:
            source = rng.choice(recent)
            sentences = source["text"].split(". ")
            rng.shuffle(sentences)
            article = {
                **source,
                "title": source["title"] + " (update)",
                "text": ". ".join(sentences[: max(2, len(sentences) // 2)]),
            }
        else:
            article = fresh_original(day * per_day + k, bases)
            recent.append(article)
        articles.append(
            {
                **article,
                "url": f"https://watch.example/{day}/{k}",
                "published": published.isoformat(),
            }
        )
    del recent[: max(0, len(recent) - 3 * per_day)]
    return articles


def fresh_original(number: int, bases: list[dict]) -> dict:
    """A report no earlier one copies: the lead of one real text and the rest of another
    (the pair differs for every number, so a year holds no accidental copy)."""
    first = bases[number % len(bases)]
    second = bases[(number // len(bases) * 7 + number * 3 + 1) % len(bases)]
    lead, rest = first["text"].split(". "), second["text"].split(". ")
    text = ". ".join(lead[: max(2, len(lead) // 2)] + rest[len(rest) // 2 :])
    return {"title": first["title"], "text": text, "source": first["source"]}


def simulate_clock(day: datetime) -> None:
    """Make the store write ``day`` (plus the real seconds since) as the time of what it stores."""
    started = time.perf_counter()
    repository.utc_now = lambda: day + timedelta(seconds=time.perf_counter() - started)


def watch_settings(keep_all: bool) -> Settings:
    """Foundation settings; ``keep_all`` turns forgetting by age off."""
    settings = foundation_settings()
    if not keep_all:
        return settings
    return settings.replace(
        dedup=dataclasses.replace(settings.dedup, max_age_days=0.0),
        stories=dataclasses.replace(settings.stories, max_age_days=0.0),
    )


def run(days: int, per_day: int, keep_all: bool) -> list[dict]:
    """Feed ``days`` days; one row per simulated month (30 days)."""
    bases, rng, recent = load_bases(), random.Random(SEED), []
    months, month = [], {"rss_mb": [], "restored": [], "seconds": 0.0}
    with tempfile.TemporaryDirectory() as tmp:
        repo = Repository.open(f"sqlite:///{Path(tmp) / 'watch.db'}")
        pipeline = Pipeline(repo, watch_settings(keep_all))
        for day in range(days):
            simulate_clock(START + timedelta(days=day))
            path = Path(tmp) / f"day-{day:03d}.jsonl"
            articles = day_articles(day, per_day, bases, recent, rng)
            path.write_text("".join(json.dumps(a) + "\n" for a in articles), encoding="utf-8")
            started = time.perf_counter()
            report = pipeline.ingest([path])
            pipeline.process(report)
            month["seconds"] += time.perf_counter() - started
            month["rss_mb"].append(rss_mb())
            month["restored"].append(
                report.stages["restore"].count_in if "restore" in report.stages else 0
            )
            if (day + 1) % 30 == 0 or day + 1 == days:
                months.append(summarise(len(months) + 1, day + 1, per_day, month, repo))
                print(json.dumps(months[-1]), flush=True)
                month = {"rss_mb": [], "restored": [], "seconds": 0.0}
        repo.close()
    return months


def summarise(index: int, days: int, per_day: int, month: dict, repo: Repository) -> dict:
    """One month's row."""
    return {
        "month": index,
        "days": days,
        "articles_stored": repo.counts()["articles"],
        "rss_mb_end": month["rss_mb"][-1],
        "rss_mb_max": max(month["rss_mb"]),
        "restored_per_process_max": max(month["restored"]),
        "seconds_per_day": round(month["seconds"] / len(month["rss_mb"]), 3),
    }


def main() -> None:
    """Run the benchmark and write its results file."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--days", type=int, default=365)
    parser.add_argument("--per-day", type=int, default=40)
    parser.add_argument("--keep-all", action="store_true", help="forget nothing (max_age_days 0)")
    args = parser.parse_args()
    logging.basicConfig(level=logging.ERROR)
    months = run(args.days, args.per_day, args.keep_all)
    name = "watch_memory_keep_all" if args.keep_all else "watch_memory"
    result = {
        "benchmark": name,
        "machine": describe_machine(),
        "days": args.days,
        "per_day": args.per_day,
        "max_age_days": 0.0 if args.keep_all else watch_settings(False).dedup.max_age_days,
        "months": months,
    }
    RESULTS.mkdir(parents=True, exist_ok=True)
    (RESULTS / f"{name}.json").write_text(json.dumps(result, indent=2) + "\n")


if __name__ == "__main__":
    main()
