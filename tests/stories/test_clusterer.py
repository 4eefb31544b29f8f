"""Story clustering on the example corpus and on small constructed cases."""

from __future__ import annotations

import dataclasses
import json
import os
import subprocess
import sys
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from eventwire.model import Document
from eventwire.stories import StoriesSettings, StoryClusterer
from eventwire.stories.evaluate import bcubed_f1, pairwise_f1

REPO_ROOT = Path(__file__).resolve().parents[2]
CORPUS = REPO_ROOT / "examples" / "corpus"

QUAKE = Document(
    id=1,
    source="outlet-a",
    title="Magnitude 6.1 earthquake strikes Northern Ridge province",
    text=(
        "A magnitude 6.1 earthquake struck Northern Ridge province early on Monday, "
        "collapsing buildings in the town of Valmora and killing at least 12 people.\n\n"
        "Rescue teams from the Ridge Civil Protection Agency searched the rubble."
    ),
)
QUAKE_FOLLOW_UP = Document(
    id=2,
    source="outlet-b",
    title="Valmora earthquake: death toll rises as rescuers search rubble",
    text=(
        "Rescuers in Valmora searched collapsed buildings after the magnitude 6.1 earthquake "
        "in Northern Ridge province, the Ridge Civil Protection Agency said. At least 12 "
        "people were killed."
    ),
)
ELECTION = Document(
    id=3,
    source="outlet-c",
    title="Coastal League wins parliamentary vote in Esterhal",
    text=(
        "The Coastal League won a majority in Esterhal's parliamentary election on Sunday, "
        "official results showed, and its leader Marta Quendel is set to form a government."
    ),
)


def load_corpus() -> tuple[list[Document], dict[int, str], dict[int, str]]:
    """Documents of examples/corpus, their gold events and their keys (path or url)."""
    gold = dict(line.split("\t") for line in (CORPUS / "gold.tsv").read_text().splitlines()[1:])
    docs, keys = [], {}
    for path in sorted(CORPUS.glob("seed-outlet-*/*.txt")):
        title, _, text = path.read_text(encoding="utf-8").strip().partition("\n")
        docs.append(Document(len(docs) + 1, path.parent.name, title.strip(), text.strip()))
        keys[docs[-1].id] = path.relative_to(CORPUS).as_posix()
    for line in (CORPUS / "newswcl50" / "articles.jsonl").read_text().splitlines():
        row = json.loads(line)
        title, _, text = row["text"].partition("\n")
        when = row.get("published")
        published = datetime.fromisoformat(when).replace(tzinfo=UTC) if when else None
        docs.append(Document(len(docs) + 1, row["source"], title, text, published))
        keys[docs[-1].id] = row["url"]
    return docs, {i: gold[key] for i, key in keys.items()}, keys


def cluster_corpus() -> tuple[dict[int, int], dict[int, str]]:
    """Stream examples/corpus in file order through a default clusterer."""
    docs, gold, _ = load_corpus()
    clusterer = StoryClusterer()
    return {doc.id: clusterer.assign(doc).story_id for doc in docs}, gold


def test_example_corpus_clusters_into_its_events() -> None:
    predicted, gold = cluster_corpus()
    assert pairwise_f1(predicted, gold).f1 >= 0.9
    assert bcubed_f1(predicted, gold).f1 >= 0.9
    assert len(set(predicted.values())) == 11


def test_seeds_form_one_story_of_two_articles() -> None:
    docs, _, keys = load_corpus()
    clusterer = StoryClusterer()
    predicted = {doc.id: clusterer.assign(doc).story_id for doc in docs}
    seed_ids = [i for i, key in keys.items() if key.startswith("seed-outlet-")]
    assert len(seed_ids) == 2
    seed_story = predicted[seed_ids[0]]
    assert predicted[seed_ids[1]] == seed_story
    assert sum(story == seed_story for story in predicted.values()) == 2


def test_follow_up_joins_and_different_event_opens_new_story() -> None:
    clusterer = StoryClusterer()
    first = clusterer.assign(QUAKE)
    follow_up = clusterer.assign(QUAKE_FOLLOW_UP)
    other = clusterer.assign(ELECTION)
    assert (first.story_id, first.is_new, first.similarity) == (1, True, 0.0)
    assert follow_up.story_id == 1 and not follow_up.is_new
    assert follow_up.similarity >= StoriesSettings().threshold
    assert other.is_new and other.story_id == 2


def test_time_window_separates_same_text_far_apart() -> None:
    start = datetime(2024, 3, 1, 8, tzinfo=UTC)
    clusterer = StoryClusterer(StoriesSettings(window_days=7))
    early = clusterer.assign(dataclasses.replace(QUAKE, published=start))
    near = clusterer.assign(dataclasses.replace(QUAKE, id=2, published=start + timedelta(days=3)))
    late = clusterer.assign(dataclasses.replace(QUAKE, id=3, published=start + timedelta(days=40)))
    undated = clusterer.assign(dataclasses.replace(QUAKE, id=4, published=None))
    assert near.story_id == early.story_id
    assert late.is_new and late.story_id != early.story_id
    assert not undated.is_new


def test_window_is_measured_from_story_span() -> None:
    start = datetime(2024, 3, 1, tzinfo=UTC)
    clusterer = StoryClusterer(StoriesSettings(window_days=5))
    ids = [
        clusterer.assign(dataclasses.replace(QUAKE, id=i, published=start + timedelta(days=4 * i)))
        for i in range(4)
    ]
    assert len({a.story_id for a in ids}) == 1


def test_old_stories_sharing_the_terms_do_not_crowd_out_the_current_one() -> None:
    """Candidates are drawn from stories within reach of the article's date: years of earlier
    stories sharing its terms do not fill the candidate list and hide today's story."""
    settings = StoriesSettings(window_days=7, candidates=5)
    clusterer = StoryClusterer(settings)
    years_ago = datetime(2020, 1, 6, tzinfo=UTC)
    for i in range(3 * settings.candidates):  # one story a month, each outside the window
        when = years_ago + timedelta(days=30 * i)
        assert clusterer.assign(dataclasses.replace(QUAKE, id=i, published=when)).is_new
    today = datetime(2026, 2, 2, tzinfo=UTC)
    current = clusterer.assign(dataclasses.replace(QUAKE, id=100, published=today))
    follow_up = dataclasses.replace(QUAKE, id=101, published=today + timedelta(days=1))
    joined = clusterer.assign(follow_up)
    assert current.is_new
    assert not joined.is_new and joined.story_id == current.story_id


def test_a_story_dated_after_it_opened_undated_is_forgotten_whole() -> None:
    """An undated story that a dated article joins leaves the undated part of the index: once
    forgotten by age it is no candidate for anyone (it was, and its lookup failed)."""
    clusterer = StoryClusterer(StoriesSettings(max_age_days=28))
    stored = datetime(2026, 1, 5, tzinfo=UTC)
    opened = clusterer.assign(dataclasses.replace(QUAKE, published=None, ingested=stored))
    dated = dataclasses.replace(QUAKE_FOLLOW_UP, published=stored, ingested=stored)
    assert clusterer.assign(dated).story_id == opened.story_id
    months_later = stored + timedelta(days=90)
    again = dataclasses.replace(QUAKE, id=5, published=None, ingested=months_later)
    assert clusterer.assign(again).is_new
    assert not clusterer.is_live(opened.story_id)


def test_same_order_gives_same_assignments_across_processes() -> None:
    """Same input order -> same stories, also with another string-hash seed."""
    script = (
        "import sys; sys.path.insert(0, sys.argv[1]); "
        "from test_clusterer import load_corpus; from eventwire.stories import StoryClusterer; "
        "c = StoryClusterer(); print([c.assign(d).as_dict() for d in load_corpus()[0]])"
    )
    outputs = set()
    for hash_seed in ("1", "2"):
        env = {**os.environ, "PYTHONHASHSEED": hash_seed}
        command = [sys.executable, "-c", script, str(Path(__file__).parent)]
        outputs.add(subprocess.run(command, env=env, capture_output=True, check=True).stdout)
    docs, _, _ = load_corpus()
    in_process = StoryClusterer()
    expected = str([in_process.assign(d).as_dict() for d in docs]) + "\n"
    assert outputs == {expected.encode()}


def test_restore_then_assign_joins_restored_story() -> None:
    clusterer = StoryClusterer()
    clusterer.restore(QUAKE, story_id=41)
    clusterer.restore(ELECTION, story_id=7)
    joined = clusterer.assign(QUAKE_FOLLOW_UP)
    assert (joined.story_id, joined.is_new) == (41, False)
    opened = clusterer.assign(dataclasses.replace(ELECTION, id=9, title="x", text="Nothing alike."))
    assert opened.is_new and opened.story_id == 42


@pytest.mark.parametrize("title,text", [("", ""), ("   ", "\n\n"), ("123", "!!!")])
def test_empty_or_odd_documents_open_stories_without_error(title: str, text: str) -> None:
    clusterer = StoryClusterer()
    clusterer.assign(QUAKE)
    result = clusterer.assign(Document(5, "outlet-x", title, text))
    assert result.is_new and result.similarity == 0.0


def test_similarity_decays_after_the_grace_period() -> None:
    """The same follow-up joins a day later but not four days later (decay halves it)."""
    start = datetime(2024, 3, 1, 8, tzinfo=UTC)
    settings = StoriesSettings(decay_grace_days=1.0, decay_days=1.0)
    outcomes = {}
    for gap_days in (1, 4):
        clusterer = StoryClusterer(settings)
        clusterer.assign(dataclasses.replace(QUAKE, published=start))
        later = start + timedelta(days=gap_days)
        outcomes[gap_days] = clusterer.assign(dataclasses.replace(QUAKE_FOLLOW_UP, published=later))
    assert not outcomes[1].is_new
    assert outcomes[4].is_new


def test_undated_articles_use_their_own_threshold() -> None:
    start = datetime(2024, 3, 1, 8, tzinfo=UTC)
    strict_undated = StoriesSettings(threshold=0.2, undated_threshold=0.99)
    clusterer = StoryClusterer(strict_undated)
    clusterer.assign(dataclasses.replace(QUAKE, published=start))
    dated = clusterer.assign(dataclasses.replace(QUAKE_FOLLOW_UP, published=start))
    undated = clusterer.assign(dataclasses.replace(QUAKE_FOLLOW_UP, id=3, published=None))
    assert not dated.is_new
    assert undated.is_new
