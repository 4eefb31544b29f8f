"""The one Dask LocalCluster of the test session (2 workers), and a small corpus with copies."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path

import pytest

from eventwire.pipeline import Pipeline
from eventwire.settings import Settings
from eventwire.store import Repository
from tests.conftest import EXAMPLES

FILES = 6
COPY_EVERY = 5  # every fifth article is syndicated: an exact copy and a reworded one


@pytest.fixture(scope="session")
def dask_client() -> Iterator[object]:
    """A client of a LocalCluster of two worker processes (skipped without eventwire[dask])."""
    pytest.importorskip("distributed", reason="eventwire[dask] is not installed")
    from eventwire.distributed.cluster import dask_client as open_client

    with open_client(workers=2) as client:
        yield client


def reworded(text: str) -> str:
    """A syndicated copy's body: the same report with its last paragraph cut and a credit."""
    paragraphs = text.split("\n")
    kept = paragraphs[:-1] if len(paragraphs) > 3 else paragraphs
    return "\n".join([*kept, "Additional reporting by the wire desk."])


@pytest.fixture(scope="session")
def copies_corpus(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The example articles over several JSONL files, with exact and near copies from other
    outlets (a copy is ingested after its original, as syndication happens)."""
    lines = (EXAMPLES / "newswcl50" / "articles.jsonl").read_text(encoding="utf-8").splitlines()
    articles = [json.loads(line) for line in lines]
    copies = []
    for index, article in enumerate(articles[::COPY_EVERY]):
        exact = {**article, "source": f"wire-{index}.example", "url": None}
        near = {**exact, "source": f"paper-{index}.example", "text": reworded(article["text"])}
        copies += [exact, near]
    everything = articles + copies
    folder = tmp_path_factory.mktemp("batch") / "corpus"
    folder.mkdir()
    size = -(-len(everything) // FILES)
    for part in range(FILES):
        chunk = everything[part * size : (part + 1) * size]
        text = "".join(json.dumps(a) + "\n" for a in chunk)
        (folder / f"part{part}.jsonl").write_text(text, encoding="utf-8")
    return folder


def embedded_database(settings: Settings, corpus: Path, folder: Path) -> str:
    """The URL of the embedded runner's database of ``corpus``, made in ``folder``."""
    url = f"sqlite:///{folder / 'embedded.db'}"
    with Repository.open(url) as repo:
        assert Pipeline(repo, settings).run([corpus]).ok
    return url


def batch_folder(client: object, settings: Settings, corpus: Path, out: Path, options) -> Path:
    """``out`` after ``eventwire batch`` of ``corpus`` wrote its Parquet tables there."""
    from eventwire.distributed.runner import run_batch

    report = run_batch(client, [corpus], out, settings, options=options)
    assert report.run.ok, report.run.rejections
    return out
