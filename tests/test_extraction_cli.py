"""The ScrapingHub pages through the CLI, as a user runs them: every article reaches a story,
and the bodies the CLI gives back score what ``benchmarks.extraction`` reports."""

from __future__ import annotations

import gzip
import json
from pathlib import Path
from urllib.parse import urlsplit

import pytest
from benchmarks.extraction import (
    BENCH,
    body_of,
    load_evaluate,
    load_evaluate_truth,
    load_pages,
    paragraphs_of,
    score,
    stored_run,
)

from eventwire.ingest.settings import IngestSettings
from eventwire.store import Repository
from tests.conftest import run_eventwire

EVERY = 3  # every third page, a third of the time: the pages are alike in kind


def write_jsonl(path: Path, truth: dict) -> list[str]:
    """Every page as a JSONL line {url, html, source}; the page ids in line order."""
    ids = sorted(truth)
    with path.open("w", encoding="utf-8") as out:
        for page_id in ids:
            html = gzip.decompress((BENCH / "html" / f"{page_id}.html.gz").read_bytes())
            url = truth[page_id]["url"]
            line = {"url": url, "html": html.decode("utf-8"), "source": urlsplit(url).hostname}
            out.write(json.dumps(line) + "\n")
    return ids


@pytest.mark.slow
def test_scrapinghub_pages_reach_stories_and_score_as_the_benchmark(
    tmp_path: Path, db_url: str
) -> None:
    if not (BENCH / "ground-truth.json").is_file():
        pytest.skip(f"the ScrapingHub pages are not available: {BENCH}")
    evaluate, truth = load_evaluate(), load_evaluate_truth()
    truth = {i: truth[i] for i in sorted(truth)[::EVERY]}  # the benchmark runs them all
    ids = write_jsonl(tmp_path / "pages.jsonl", truth)
    config = tmp_path / "settings.toml"
    config.write_text("[entities]\nenabled = false\n", encoding="utf-8")  # bodies only
    done = run_eventwire(db_url, "--config", str(config), "run", str(tmp_path / "pages.jsonl"))
    assert done.code == 0, done.stderr

    with Repository.open(db_url, create=False) as repo:  # the query behind `article ID`
        views = [repo.get_article(i) for i in range(1, repo.counts()["articles"] + 1)]
    assert len(views) == len(ids)
    assert [v.id for v in views if v.story_id is None] == []
    shown = run_eventwire(db_url, "article", "1", "--json").json()
    assert shown["blocks"] == [b.as_dict() for b in views[0].blocks]
    assert shown["text"] == views[0].text

    by_page = {ids[int(v.origin.rsplit(":", 1)[1]) - 1]: v for v in views}
    benchmark = stored_run({i: p for i, p in load_pages().items() if i in truth}, IngestSettings())
    assert benchmark.not_in_story == 0
    for read in (body_of, paragraphs_of):
        cli = {i: read(v) for i, v in by_page.items()}
        bench = {i: read(v) for i, v in benchmark.views.items()}
        assert cli == bench, read.__name__
        assert score(evaluate, truth, cli, ids)["f1"] == score(evaluate, truth, bench, ids)["f1"]
