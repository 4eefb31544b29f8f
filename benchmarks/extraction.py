"""Article-body extraction benchmark: what ``eventwire run`` stores, beside trafilatura, same run.

Data: ``../shared/data/extraction-scrapinghub/`` (181 real pages with gold bodies, MIT,
ScrapingHub article-extraction-benchmark). Scoring is the benchmark's own ``evaluate.py``
(word 4-gram shingles, per-page normalised, macro averages), imported from the data folder.

* eventwire: the pages go through the runner a user gets (``Pipeline`` over a temporary
  SQLite store, as ``eventwire run``): each ``.html.gz`` file is ingested (read, clean, store:
  one transaction per page, timed), then processed (dedup and stories; entities off: they do
  not change bodies). The bodies are read back from the store with the query behind
  ``eventwire article ID``: the body scored is the stored blocks (headings and paragraphs) in
  order, as ``eventwire article`` prints them and ``--json`` gives them in ``blocks``;
  ``paragraphs_only`` scores the ``text`` field of ``article --json`` (the store's ``body``
  column, which dedup, stories and entities read: paragraphs, no headings). Every stored
  article must be in a story (``not_in_story`` counts those that are not). Three runs: the
  current defaults; trafilatura's text alone (its repairs off: navigation kept, stopped early,
  link lists); and the defaults plus the readability vote. Each repair is also switched off
  alone (``ablations``, scored but not timed).
* trafilatura (the pinned version) with default settings: ``trafilatura.extract(html)``.

Both are timed over the same pages in the same process (eventwire's time includes storing).
The pages are also split by the parity of their id (even/odd) so that rules chosen on one half
can be checked on the other.
Titles, publication dates and authors are scored by ``benchmarks.metadata``. Run
``python -m benchmarks.extraction``; results go to ``benchmarks/results/extraction.json``.
"""

from __future__ import annotations

import argparse
import dataclasses
import gzip
import importlib.util
import json
import re
import time
from collections.abc import Iterator
from contextlib import ExitStack, contextmanager
from pathlib import Path
from types import ModuleType

import trafilatura

from benchmarks.datasets import DATA, REPO_ROOT
from benchmarks.machine import describe_machine
from benchmarks.stores import temporary_pipeline
from eventwire.config import load_config
from eventwire.ingest.settings import IngestSettings
from eventwire.model import ArticleView
from eventwire.pipeline import Pipeline, Settings

BENCH = DATA / "extraction-scrapinghub"
RESULTS = REPO_ROOT / "benchmarks" / "results" / "extraction.json"
WORST_PAGES = 10
N_BOOTSTRAP = 200
WARM_UP_PAGES = 10
TIMING_ROUNDS = 2
WORDS = re.compile(r"\w+")


def load_evaluate() -> ModuleType:
    """The benchmark's own ``evaluate.py``, imported from the data folder."""
    spec = importlib.util.spec_from_file_location("scrapinghub_evaluate", BENCH / "evaluate.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def load_pages() -> dict[str, Path]:
    """Page id -> its ``.html.gz`` file, in id order."""
    return {p.name.split(".")[0]: p for p in sorted((BENCH / "html").glob("*.gz"))}


def pipeline_settings(ingest: IngestSettings) -> Settings:
    """The packaged defaults with ``ingest`` (and its [dates] limits); entities off."""
    settings = Settings.from_config(load_config(env={}))
    ingest = dataclasses.replace(ingest, dates=settings.ingest.dates)
    entities = dataclasses.replace(settings.entities, enabled=False)
    return settings.replace(ingest=ingest, entities=entities)


@contextmanager
def ingest_pipeline(ingest: IngestSettings) -> Iterator[Pipeline]:
    """A Pipeline with ``ingest`` (``pipeline_settings``) over a fresh SQLite store."""
    with temporary_pipeline(pipeline_settings(ingest)) as pipeline:
        yield pipeline


def run_eventwire(page_id: str, path: Path, pipeline: Pipeline) -> None:
    """One page ingested as ``eventwire run`` does: read, clean, store (one transaction)."""
    pipeline.ingest([path])


def run_trafilatura(page_id: str, path: Path, settings: None = None) -> str:
    """trafilatura.extract with its default settings on one page."""
    return trafilatura.extract(gzip.decompress(path.read_bytes())) or ""


@dataclasses.dataclass
class StoredRun:
    """What one eventwire run left in its store, read back as a user reads it."""

    views: dict[str, ArticleView | None]  # page id -> stored article (None: rejected)
    not_in_story: int  # stored articles that are in no story after processing


def read_back(pipeline: Pipeline, page_ids: list[str]) -> StoredRun:
    """Process what was ingested, then every stored article by id (``eventwire article``)."""
    pipeline.process()
    views: dict[str, ArticleView | None] = dict.fromkeys(page_ids)
    not_in_story = 0
    for article_id in range(1, pipeline.repo.counts()["articles"] + 1):
        view = pipeline.repo.get_article(article_id)
        views[Path(view.origin).name.split(".")[0]] = view
        not_in_story += view.story_id is None
    return StoredRun(views, not_in_story)


def stored_run(pages: dict[str, Path], ingest: IngestSettings) -> StoredRun:
    """All pages through a fresh Pipeline and store, read back (not timed)."""
    with ingest_pipeline(ingest) as pipeline:
        pipeline.ingest(list(pages.values()))
        return read_back(pipeline, list(pages))


# eventwire as configured by default; with trafilatura's text taken as it is (no repair of
# kept navigation or of an early stop); and with the readability vote on as well (see
# eventwire.ingest.extract_text).
EVENTWIRE_RUNS = {
    "eventwire": IngestSettings(),
    "eventwire_no_repairs": IngestSettings(
        retry_menu_text=False, extend_split_body=False, drop_link_lists=False
    ),
    "eventwire_vote": IngestSettings(vote_on_disagreement=True),
}
# Each repair of trafilatura's text switched off alone (scored, not timed).
ABLATIONS = {
    "no_menu_retry": IngestSettings(retry_menu_text=False),
    "no_split_body": IngestSettings(extend_split_body=False),
    "no_link_lists": IngestSettings(drop_link_lists=False),
}
RUNNERS = [*EVENTWIRE_RUNS, "trafilatura"]


def time_all(pages: dict[str, Path]) -> dict[str, tuple[dict, float]]:
    """Each runner's outputs and seconds, best of TIMING_ROUNDS.

    The runners take turns page by page, so that load from other processes on the machine
    falls on all of them alike. Each round gives every eventwire run a fresh store (a page
    already stored would be skipped); its outputs are the StoredRun of the last round.
    """
    warm_up = dict(list(pages.items())[:WARM_UP_PAGES])  # imports, lazy tables
    time_round(warm_up)
    best = dict.fromkeys(RUNNERS, float("inf"))
    outputs: dict[str, object] = {}
    for _ in range(TIMING_ROUNDS):
        outputs, taken = time_round(pages)
        best = {name: min(best[name], taken[name]) for name in RUNNERS}
    return {name: (outputs[name], best[name]) for name in RUNNERS}


def time_round(pages: dict[str, Path]) -> tuple[dict[str, object], dict[str, float]]:
    """One timed pass over the pages: eventwire runs' StoredRuns and trafilatura's texts."""
    taken = dict.fromkeys(RUNNERS, 0.0)
    texts: dict[str, str] = {}
    with ExitStack() as stack:
        pipelines = {
            name: stack.enter_context(ingest_pipeline(settings))
            for name, settings in EVENTWIRE_RUNS.items()
        }
        for page_id, path in pages.items():
            for name in RUNNERS:
                start = time.perf_counter()
                if name in pipelines:
                    run_eventwire(page_id, path, pipelines[name])
                else:
                    texts[page_id] = run_trafilatura(page_id, path)
                taken[name] += time.perf_counter() - start
        outputs: dict[str, object] = {
            name: read_back(pipeline, list(pages)) for name, pipeline in pipelines.items()
        }
    outputs["trafilatura"] = texts
    return outputs, taken


def score(evaluate: ModuleType, truth: dict, bodies: dict[str, str], ids: list[str]) -> dict:
    """F1/P/R/accuracy (the benchmark's ``evaluate``) over the pages ``ids``."""
    gold = {i: truth[i] for i in ids}
    pred = {i: {"articleBody": bodies[i]} for i in ids}
    metrics = evaluate.evaluate(gold, pred, N_BOOTSTRAP)
    metrics.pop("tp_fp_fns")
    return {k: round(v, 4) for k, v in metrics.items()}


def score_halves(evaluate: ModuleType, truth: dict, bodies: dict[str, str]) -> dict:
    """Scores on all pages and on the even/odd id halves."""
    ids = sorted(truth)
    return {
        "all": score(evaluate, truth, bodies, ids),
        "even": score(evaluate, truth, bodies, [i for i in ids if int(i, 16) % 2 == 0]),
        "odd": score(evaluate, truth, bodies, [i for i in ids if int(i, 16) % 2 == 1]),
    }


def worst_pages(evaluate: ModuleType, truth: dict, bodies: dict[str, str]) -> list[dict]:
    """The pages with the lowest F1, each with a one-line reason."""
    rows = []
    for page_id, gold in truth.items():
        tp, fp, fn = evaluate.string_shingle_matching(gold["articleBody"], bodies[page_id])
        p = tp / (tp + fp) if tp + fp else 0.0
        r = tp / (tp + fn) if tp + fn else 0.0
        f1 = 2 * p * r / (p + r) if p + r else 0.0
        reason = explain(gold["articleBody"], bodies[page_id], p, r)
        row = {"id": page_id, "url": gold["url"], "f1": round(f1, 3), "precision": round(p, 3)}
        rows.append({**row, "recall": round(r, 3), "reason": reason})
    rows.sort(key=lambda row: row["f1"])
    return rows[:WORST_PAGES]


def explain(gold: str, predicted: str, precision: float, recall: float) -> str:
    """One line: which kind of error dominates, with the first words of the largest one."""
    if not predicted.strip():
        return "nothing extracted"
    if precision < recall:
        chunk = largest_unmatched(predicted, gold)
        return f"extra text kept ({len(chunk)} words): {' '.join(chunk[:12])!r}"
    chunk = largest_unmatched(gold, predicted)
    return f"body text missing ({len(chunk)} words): {' '.join(chunk[:12])!r}"


def largest_unmatched(text: str, other: str) -> list[str]:
    """The longest run of ``text``'s words whose 4-grams do not occur in ``other``."""
    words, known = WORDS.findall(text), set()
    other_words = WORDS.findall(other)
    for i in range(len(other_words) - 3):
        known.add(tuple(other_words[i : i + 4]))
    best: list[str] = []
    run: list[str] = []
    for i in range(len(words) - 3):
        if tuple(words[i : i + 4]) in known:
            best, run = max(best, run, key=len), []
        else:
            run.append(words[i])
    return max(best, run, key=len)


def body_of(view: ArticleView | None) -> str:
    """The stored blocks (headings and paragraphs) in order, as ``eventwire article`` prints
    them; '' when the page was rejected."""
    return "\n\n".join(b.text for b in view.blocks) if view is not None else ""


def paragraphs_of(view: ArticleView | None) -> str:
    """The ``text`` of ``eventwire article --json`` (the store's ``body``: no headings)."""
    return view.text if view is not None else ""


def describe_run(evaluate, truth, bodies, seconds: float, traf_seconds: float) -> dict:
    """Scores on all pages and both halves, speed, and the time ratio to trafilatura."""
    return {
        **score_halves(evaluate, truth, bodies),
        "seconds": round(seconds, 2),
        "pages_per_second": round(len(bodies) / seconds, 1),
        "time_ratio_to_trafilatura": round(seconds / traf_seconds, 2),
    }


def run() -> dict:
    """Score and time eventwire (default, and with the vote) and trafilatura."""
    evaluate, truth, pages = load_evaluate(), load_evaluate_truth(), load_pages()
    timed = time_all(pages)
    traf, traf_seconds = timed["trafilatura"]
    result = {"benchmark": "extraction", "pages": len(pages)}
    for name in EVENTWIRE_RUNS:
        stored, seconds = timed[name]
        bodies = {i: body_of(v) for i, v in stored.views.items()}
        paragraphs = {i: paragraphs_of(v) for i, v in stored.views.items()}
        result[name] = {
            **describe_run(evaluate, truth, bodies, seconds, traf_seconds),
            "paragraphs_only": score(evaluate, truth, paragraphs, sorted(truth)),
            "stored": sum(v is not None for v in stored.views.values()),
            "not_in_story": stored.not_in_story,
            "worst_pages": worst_pages(evaluate, truth, bodies),
        }
    result["ablations"] = score_ablations(evaluate, truth, pages)
    result["trafilatura"] = {
        "version": trafilatura.__version__,
        "settings": "trafilatura.extract(html), defaults",
        **describe_run(evaluate, truth, traf, traf_seconds, traf_seconds),
    }
    return result


def score_ablations(evaluate: ModuleType, truth: dict, pages: dict[str, Path]) -> dict:
    """Scores (all pages and halves) with each repair in ABLATIONS switched off."""
    result = {}
    for name, settings in ABLATIONS.items():
        stored = stored_run(pages, settings)
        bodies = {i: body_of(v) for i, v in stored.views.items()}
        result[name] = score_halves(evaluate, truth, bodies)
    return result


def load_evaluate_truth() -> dict:
    """The gold bodies: id -> {articleBody, url}."""
    return json.loads((BENCH / "ground-truth.json").read_text(encoding="utf-8"))


def main() -> None:
    """Run the benchmark and write benchmarks/results/extraction.json."""
    argparse.ArgumentParser(description=__doc__.splitlines()[0]).parse_args()
    result = {"machine": describe_machine(), **run()}
    RESULTS.parent.mkdir(parents=True, exist_ok=True)
    RESULTS.write_text(json.dumps(result, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
    print(json.dumps(result, indent=2, ensure_ascii=False))


if __name__ == "__main__":
    main()
