"""API latency (p50/p95) of the story list, a story, search and events, at 10k and 100k articles.

The database is SQLite, filled directly through SQL with articles whose sentences come from
the NewsWCL50 example articles (real text statistics; ~5 articles from ~5 outlets a story),
so the full-text index holds realistic words, and EVENTS_PER_STORY synthetic events a story
(actors drawn from a pool of ACTORS across COUNTRIES, codes from CAMEO). The real server
(`eventwire serve`, uvicorn) runs in its own process; a load client on localhost sends a
bounded number of requests, one at a time, to each endpoint. Also the web UI's story list and
story page latency, and the story page's weight (HTML plus the CSS and scripts it loads).
Run: ``python -m benchmarks.api [--sizes 10000 100000] [--requests 200]``; results go to
``benchmarks/results/api.json``.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import re
import statistics
import subprocess
import sys
import tempfile
import time
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import httpx

from benchmarks.datasets import REPO_ROOT, read_jsonl
from benchmarks.machine import describe_machine
from eventwire.store import Repository

RESULTS = REPO_ROOT / "benchmarks" / "results"
SEED = 20261205
OUTLETS = 40
PER_STORY = 5
SENTENCES = (3, 12)  # sentences per synthetic article body
START = datetime(2025, 1, 1, tzinfo=UTC)
WORD = re.compile(r"[A-Za-z]{5,}")
SENTENCE_END = re.compile(r"(?<=[.!?])\s+")
INSERT_CHUNK = 2000
UI_REQUESTS = 30  # the web pages are measured with fewer requests
EVENTS_PER_STORY = 2
ACTORS = 300
COUNTRIES = ("USA", "RUS", "CHN", "FRA", "GBR", "DEU", "IRN", "ISR", "UKR", "IND", "BRA", "JPN")
CAMEO = ("010", "020", "036", "040", "041", "042", "051", "061", "112", "130", "173", "190")


def corpus_sentences() -> list[str]:
    """Every sentence of the NewsWCL50 example articles."""
    path = REPO_ROOT / "examples" / "corpus" / "newswcl50" / "articles.jsonl"
    sentences = []
    for record in read_jsonl(path):
        sentences += [s.strip() for s in SENTENCE_END.split(record["text"]) if len(s) > 30]
    return sentences


def fill(db_url: str, articles: int, rng: random.Random) -> list[str]:
    """Write ``articles`` articles in stories of PER_STORY; return words to search for."""
    sentences = corpus_sentences()
    with Repository.open(db_url) as repo, repo.engine.begin() as conn:
        now = datetime.now(UTC).replace(tzinfo=None)
        conn.exec_driver_sql(
            "INSERT INTO sources (id, name, created_at) VALUES (?, ?, ?)",
            [(i + 1, f"outlet-{i + 1}.example", now) for i in range(OUTLETS)],
        )
        stories = articles // PER_STORY
        conn.exec_driver_sql(
            "INSERT INTO stories (id, title, first_seen, last_seen, created_at, updated_at) "
            "VALUES (?, ?, ?, ?, ?, ?)",
            [_story_row(i, rng, sentences, now) for i in range(1, stories + 1)],
        )
        rows = (_article_row(i, rng, sentences, now) for i in range(1, articles + 1))
        _insert_chunks(conn, rows)
        conn.exec_driver_sql(
            "INSERT INTO story_articles (article_id, story_id, similarity) "
            f"SELECT id, (id - 1) / {PER_STORY} + 1, 0.5 FROM articles"
        )
        fill_events(conn, stories, rng, now)
    words = sorted({w.lower() for s in sentences for w in WORD.findall(s)})
    return rng.sample(words, 50)


def fill_events(conn: Any, stories: int, rng: random.Random, now: datetime) -> None:
    """EVENTS_PER_STORY events a story, each with one evidence sentence."""
    rows, evidence = [], []
    for event_id in range(1, stories * EVENTS_PER_STORY + 1):
        story = (event_id - 1) // EVENTS_PER_STORY + 1
        day = (START + timedelta(hours=3 * story)).date().isoformat()
        source, target = rng.sample(range(1, ACTORS + 1), 2)
        actors = {"source": [_event_actor(source)], "target": [_event_actor(target)]}
        cameo = rng.choice(CAMEO)
        rows.append(
            (event_id, story, day, cameo, "CONSULT", None, 1, 1.0, None, None, False, False,
             2, 2, 2, json.dumps(actors), None, now)
        )  # fmt: skip
        article = (story - 1) * PER_STORY + 1
        evidence.append((event_id, article, "outlet", "A sentence.", 2, 6, "[]", day))
    conn.exec_driver_sql(
        "INSERT INTO events (id, story_id, day, cameo, plover, mode, quad_class, goldstein, "
        "place, place_country, negated, hypothetical, num_mentions, num_articles, num_sources, "
        "actors_json, url, added_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        rows,
    )
    conn.exec_driver_sql(
        "INSERT INTO event_evidence (event_id, article_id, source, sentence, span_start, "
        "span_end, actor_spans_json, day) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
        evidence,
    )


def _event_actor(actor_id: int) -> dict[str, Any]:
    country = COUNTRIES[actor_id % len(COUNTRIES)]
    return {"id": actor_id, "name": f"Actor {actor_id}", "country": country,
            "code": f"{country}GOV", "key": f"actor:{actor_id}"}  # fmt: skip


def event_paths(rng: random.Random, requests: int) -> dict[str, list[str]]:
    """Paths of the events list: unfiltered, filtered (actor, country, code and days), facets."""
    filters = [
        lambda: f"actor={rng.randint(1, ACTORS)}",
        lambda: f"country={rng.choice(COUNTRIES)}",
        lambda: f"code={rng.choice(CAMEO)[:2]}&since=2025-03-01&until=2025-12-31",
    ]
    facets = "facet=country&facet=root&facet=plover&facet=actor"
    return {
        "events": ["/api/events?limit=50"] * requests,
        "events_filtered": [f"/api/events?limit=50&{filters[n % 3]()}" for n in range(requests)],
        "events_facets": [f"/api/events?limit=50&{facets}"] * requests,
    }


def _story_row(story_id: int, rng: random.Random, sentences: list[str], now: datetime) -> tuple:
    day = (START + timedelta(hours=3 * story_id)).replace(tzinfo=None)
    return (story_id, rng.choice(sentences)[:120], day, day + timedelta(hours=6), now, now)


def _article_row(article_id: int, rng: random.Random, sentences: list[str], now: datetime) -> tuple:
    body = "\n\n".join(rng.sample(sentences, rng.randint(*SENTENCES)))
    story = (article_id - 1) // PER_STORY + 1
    published = (START + timedelta(hours=3 * story, minutes=article_id % 360)).replace(tzinfo=None)
    blocks = json.dumps([{"kind": "paragraph", "text": p} for p in body.split("\n\n")])
    title = rng.choice(sentences)[:120]
    return (
        article_id, rng.randrange(OUTLETS) + 1, f"bench:{article_id}", "text", None, title,
        body, blocks, body, published, 0, now, f"{article_id:064x}", f"{article_id:064x}", now,
    )  # fmt: skip


def _insert_chunks(conn: object, rows: object) -> None:
    sql = (
        "INSERT INTO articles (id, source_id, origin, format, url, title, raw, blocks_json, "
        "body, published_at, published_offset_minutes, ingested_at, content_hash, text_hash, "
        "processed_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"
    )
    chunk: list[tuple] = []
    for row in rows:  # type: ignore[attr-defined]
        chunk.append(row)
        if len(chunk) == INSERT_CHUNK:
            conn.exec_driver_sql(sql, chunk)  # type: ignore[attr-defined]
            chunk = []
    if chunk:
        conn.exec_driver_sql(sql, chunk)  # type: ignore[attr-defined]


def start_server(db_url: str, port: int) -> subprocess.Popen[bytes]:
    """``eventwire serve`` on ``port``, once it answers."""
    env = {k: v for k, v in os.environ.items() if not k.startswith("EVENTWIRE_")}
    env["PYTHONPATH"] = os.pathsep.join(p for p in sys.path if p)
    command = [sys.executable, "-m", "eventwire.cli", "--db", db_url, "--quiet", "serve"]
    process = subprocess.Popen([*command, "--port", str(port)], env=env)
    for _ in range(300):
        try:
            httpx.get(f"http://127.0.0.1:{port}/api/health", timeout=1.0)
            return process
        except httpx.TransportError:
            time.sleep(0.1)
    process.kill()
    raise RuntimeError("server did not start")


def measure(client: httpx.Client, paths: list[str]) -> dict:
    """Latency percentiles (ms) of GETting each path once, in order."""
    times = []
    for path in paths:
        started = time.perf_counter()
        response = client.get(path)
        times.append((time.perf_counter() - started) * 1000)
        response.raise_for_status()
    ordered = sorted(times)
    return {
        "requests": len(times),
        "p50_ms": round(statistics.median(ordered), 2),
        "p95_ms": round(ordered[int(0.95 * (len(ordered) - 1))], 2),
        "max_ms": round(ordered[-1], 2),
    }


def page_weight(client: httpx.Client, story_id: int) -> dict:
    """Bytes of the story page's HTML and of the CSS and scripts it loads."""
    html = client.get(f"/stories/{story_id}").text
    assets = re.findall(r'(?:href|src)="(/static/[^"]+)"', html)
    sizes = {asset: len(client.get(asset).content) for asset in assets}
    html_bytes = len(html.encode())
    return {
        "html_bytes": html_bytes,
        "assets": sizes,
        "total_bytes": html_bytes + sum(sizes.values()),
    }


def run_size(articles: int, requests: int, port: int) -> dict:
    """Fill a database of ``articles`` and measure the three endpoints on it."""
    rng = random.Random(SEED)
    with tempfile.TemporaryDirectory() as folder:
        db_url = f"sqlite:///{Path(folder) / 'bench.db'}"
        started = time.perf_counter()
        words = fill(db_url, articles, rng)
        fill_seconds = time.perf_counter() - started
        stories = articles // PER_STORY
        process = start_server(db_url, port)
        try:
            with httpx.Client(base_url=f"http://127.0.0.1:{port}", timeout=60) as client:
                client.get("/api/stories")  # warm up: first connection, caches
                story_paths = [f"/api/stories/{rng.randint(1, stories)}" for _ in range(requests)]
                search_paths = [
                    f"/api/search?q={w}&limit=20" for w in rng.choices(words, k=requests)
                ]
                result = {
                    "articles": articles,
                    "stories": stories,
                    "event_rows": stories * EVENTS_PER_STORY,
                    "fill_seconds": round(fill_seconds, 1),
                    "story_list": measure(client, ["/api/stories?limit=50"] * requests),
                    "story": measure(client, story_paths),
                    "search": measure(client, search_paths),
                    **{
                        name: measure(client, paths)
                        for name, paths in event_paths(rng, requests).items()
                    },
                    "ui_story_list": measure(client, ["/"] * UI_REQUESTS),  # with its facets
                    "ui_story_page": measure(
                        client, [f"/stories/{rng.randint(1, stories)}" for _ in range(UI_REQUESTS)]
                    ),
                    "story_page_weight": page_weight(client, rng.randint(1, stories)),
                }
        finally:
            process.terminate()
            process.wait(timeout=10)
    return result


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[10_000, 100_000])
    parser.add_argument("--requests", type=int, default=200)
    parser.add_argument("--port", type=int, default=8765)
    args = parser.parse_args()
    runs = [run_size(size, args.requests, args.port) for size in args.sizes]
    report = {
        "machine": describe_machine(),
        "load_average_1min": round(os.getloadavg()[0], 2),  # other work on the shared cores
        "client": "sequential, one connection",
        "runs": runs,
    }
    RESULTS.mkdir(parents=True, exist_ok=True)
    (RESULTS / "api.json").write_text(json.dumps(report, indent=2) + "\n", encoding="utf-8")
    print(json.dumps(runs, indent=2))


if __name__ == "__main__":
    main()
