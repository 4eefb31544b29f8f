"""The stage contract: a stage added to a registry runs, is recorded, skipped, and re-run."""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from pathlib import Path

import pytest

from eventwire import pipeline
from eventwire.config import load_config
from eventwire.pipeline import Pipeline, RunReport, UnknownStageError
from eventwire.settings import Settings
from eventwire.stage import StageEntry
from eventwire.stages import REGISTRY
from eventwire.store import Repository
from tests.conftest import run_eventwire
from tests.stage.words import FAILING_WORD, StoryWordsStage, StreamedWordsStage, WordsStage

WORDS = StageEntry("words", "tests.stage.words:WordsSettings", "tests.stage.words:WordsStage")
TEMPORARY_REGISTRY = (*REGISTRY, WORDS)  # the one registration line
NO_ENTITIES = {"EVENTWIRE_ENTITIES__ENABLED": "false"}  # no spaCy: these tests are about runs
BODY = "The harbour board met on {day} to vote on the new quay and the dredging budget.\n"


def write_articles(folder: Path, titles: list[str]) -> Path:
    for index, title in enumerate(titles):
        outlet = folder / f"outlet-{index}"
        outlet.mkdir(parents=True, exist_ok=True)
        body = BODY.format(day=["Monday", "Tuesday", "Friday"][index % 3])
        (outlet / f"{index}.txt").write_text(f"{title}\n\n{body}", encoding="utf-8")
    return folder


@pytest.fixture
def settings() -> Settings:
    return Settings.from_config(
        load_config(env=NO_ENTITIES, registry=TEMPORARY_REGISTRY), TEMPORARY_REGISTRY
    )


@pytest.fixture
def repo(db_url: str) -> Iterator[Repository]:
    WordsStage.seen.clear()
    with Repository.open(db_url) as repository:
        yield repository


def runs(db_url: str, stage: str) -> list[tuple]:
    query = "SELECT article_id, version, status, reason FROM stage_runs WHERE stage = ? ORDER BY 1"
    with sqlite3.connect(db_url.removeprefix("sqlite:///")) as conn:
        return conn.execute(query, (stage,)).fetchall()


def test_a_registered_stage_runs_is_recorded_skipped_and_run_again(
    repo: Repository, settings: Settings, db_url: str, tmp_path: Path, monkeypatch
) -> None:
    inputs = write_articles(tmp_path / "in", ["Harbour board votes", "Quay vote at the harbour"])
    report = Pipeline(repo, settings).run([inputs])
    assert report.ok and report.stages["words"].count_out == 2
    assert WordsStage.seen == [1, 2]
    assert runs(db_url, "words") == [(1, 1, "ok", None), (2, 1, "ok", None)]

    Pipeline(repo, settings).process()  # done at this version: skipped
    assert WordsStage.seen == [1, 2]

    monkeypatch.setattr(WordsStage, "version", 2)  # its output changed: computed again
    Pipeline(repo, settings).process()
    assert WordsStage.seen == [1, 2, 1, 2]
    assert [row[1] for row in runs(db_url, "words")] == [2, 2]

    Pipeline(repo, settings).process(redo=["words"])  # forced
    assert WordsStage.seen == [1, 2, 1, 2, 1, 2]
    Pipeline(repo, settings).process()
    assert WordsStage.seen == [1, 2, 1, 2, 1, 2]


def test_the_registry_builds_the_settings_and_known_sections(tmp_path: Path) -> None:
    user_file = tmp_path / "settings.toml"
    user_file.write_text("[words]\nmin_length = 4\n", encoding="utf-8")
    config = load_config(user_file, env={}, registry=TEMPORARY_REGISTRY)
    assert Settings.from_config(config, TEMPORARY_REGISTRY).words.min_length == 4
    with pytest.raises(ValueError, match=r"\[words\]"):
        load_config(user_file, env={})  # not registered: an unknown section


def test_settings_replace_swaps_one_section_and_keeps_the_rest(settings: Settings) -> None:
    stricter = settings.replace(words=type(settings.words)(min_length=9))
    assert stricter.words.min_length == 9 and settings.words.min_length != 9
    assert stricter.clean == settings.clean and stricter.registry == settings.registry
    with pytest.raises(ValueError, match="nosuchsection"):
        settings.replace(nosuchsection=object())


def test_a_failing_article_is_recorded_reported_and_not_retried(
    repo: Repository, settings: Settings, db_url: str, tmp_path: Path
) -> None:
    titles = ["Harbour board votes", f"An {FAILING_WORD} quay report", "Quay vote at the harbour"]
    report = Pipeline(repo, settings).run([write_articles(tmp_path / "in", titles)])
    assert [r.origin for r in report.rejections] == ["article 2"]
    assert "cannot count the words" in report.rejections[0].message
    assert report.stages["words"].count_out == 2  # the others went on
    [failed] = [row for row in runs(db_url, "words") if row[2] == "failed"]
    assert failed[0] == 2 and "cannot count the words" in failed[3]
    assert [(f.stage, f.subject) for f in repo.failed_runs()] == [("words", "article 2")]

    again = Pipeline(repo, settings).process(RunReport())  # not retried on every run
    assert again.ok and again.stages == {} and WordsStage.seen == [1, 3]
    retried = Pipeline(repo, settings).process(redo=["words"])  # retried when asked
    assert [r.origin for r in retried.rejections] == ["article 2"]
    assert WordsStage.seen == [1, 3, 1, 3]

    status = run_eventwire(db_url, "status")
    assert status.code == 0
    assert "1 failed stage runs" in status.stdout
    assert "words" in status.stdout and "article 2" in status.stdout
    assert "cannotcountthewords" in "".join(c for c in status.stdout if c.isalnum())
    failed_page = run_eventwire(db_url, "status", "--failed", "--json").json()
    assert failed_page["next"] is None
    assert [(f["stage"], f["subject"]) for f in failed_page["items"]] == [("words", "article 2")]
    assert "cannot count the words" in failed_page["items"][0]["reason"]
    assert run_eventwire(db_url, "status", "--json").json() == {"items": [], "next": None}


def test_redo_of_an_unknown_stage_is_an_error(repo: Repository, settings: Settings) -> None:
    with pytest.raises(UnknownStageError, match="nosuchstage"):
        Pipeline(repo, settings).process(redo=["nosuchstage"])


def test_redoing_dedup_gives_the_same_copies_and_stories(
    repo: Repository, settings: Settings, db_url: str, tmp_path: Path
) -> None:
    titles = ["Harbour board votes", "Rail strike ends after pay deal", "Quay vote at the harbour"]
    inputs = write_articles(tmp_path / "in", titles)
    (inputs / "mirror").mkdir()
    copy = (inputs / "outlet-0" / "0.txt").read_text(encoding="utf-8")
    (inputs / "mirror" / "copy.txt").write_text(copy, encoding="utf-8")
    Pipeline(repo, settings).run([inputs])
    members = "SELECT article_id, story_id, similarity FROM story_articles ORDER BY 1"
    links = "SELECT * FROM duplicate_links ORDER BY 1"
    before = (sql(db_url, members), sql(db_url, links), sql(db_url, "SELECT id FROM stories"))
    assert before[1], "the mirror is a copy"

    report = Pipeline(repo, settings).process(redo=["dedup"])  # stories follow: pending again
    assert report.stages["dedup"].count_in == report.stages["stories"].count_in + 1 == 4
    after = (sql(db_url, members), sql(db_url, links), sql(db_url, "SELECT id FROM stories"))
    assert after == before
    assert WordsStage.seen == [1, 2, 3, 4, 1, 2, 3, 4]  # the stages after them ran again


def sql(db_url: str, query: str) -> list[tuple]:
    with sqlite3.connect(db_url.removeprefix("sqlite:///")) as conn:
        return conn.execute(query).fetchall()


def test_process_redo_names_the_known_stages_when_given_another(db_url: str) -> None:
    result = run_eventwire(db_url, "process", "--redo", "nosuchstage")
    assert result.code == 2
    assert "no stage named nosuchstage" in result.stderr
    assert "dedup, stories, entities, actors, time" in result.stderr


STREAMED = StageEntry(
    "words", "tests.stage.words:WordsSettings", "tests.stage.words:StreamedWordsStage"
)


def streamed_settings(monkeypatch: pytest.MonkeyPatch) -> Settings:
    """Settings with the streamed words stage registered, saving every 2 outcomes."""
    registry = (*REGISTRY, STREAMED)
    monkeypatch.setattr(pipeline, "SAVE_BATCH_SIZE", 2)
    return Settings.from_config(load_config(env=NO_ENTITIES, registry=registry), registry)


def clear_seen() -> None:
    StreamedWordsStage.streamed.clear()
    WordsStage.seen.clear()


def test_a_streamed_stage_saves_as_it_goes_and_a_broken_stream_goes_on_batch_by_batch(
    db_url: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    settings = streamed_settings(monkeypatch)
    titles = ["Harbour board votes", "Quay vote", "Dredging budget", f"An {FAILING_WORD} report"]
    titles.append("Harbour budget passed")
    clear_seen()
    with Repository.open(db_url) as repo:
        report = Pipeline(repo, settings).run([write_articles(tmp_path / "in", titles)])
    assert StreamedWordsStage.streamed == [1, 2, 3]  # 1 and 2 saved, 3 lost with the stream
    assert WordsStage.seen == [3, 5]  # 3 and 4 failed as a batch, then ran one by one
    assert [r.origin for r in report.rejections] == ["article 4"]
    statuses = [(row[0], row[2]) for row in runs(db_url, "words")]
    assert statuses == [(1, "ok"), (2, "ok"), (3, "ok"), (4, "failed"), (5, "ok")]


def test_an_article_gone_before_its_stream_loads_it_runs_nothing_twice(
    db_url: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    settings = streamed_settings(monkeypatch)
    load = StreamedWordsStage.load

    def load_without_article_2(self, repo, ids):  # article 2 deleted after it was pending
        return load(self, repo, [i for i in ids if i != 2])

    monkeypatch.setattr(StreamedWordsStage, "load", load_without_article_2)
    titles = ["Harbour board votes", "Quay vote", "Dredging budget", "Ferry fares", "Pier"]
    clear_seen()
    with Repository.open(db_url) as repo:
        Pipeline(repo, settings).run([write_articles(tmp_path / "in", titles)])
    assert StreamedWordsStage.streamed == [1, 3, 4, 5]
    assert WordsStage.seen == []  # nothing left over for the batch-by-batch path
    assert [row[0] for row in runs(db_url, "words")] == [1, 3, 4, 5]


STORY_WORDS = StageEntry(
    "storywords", "tests.stage.words:WordsSettings", "tests.stage.words:StoryWordsStage"
)
TOPICS = (
    ("Harbour board votes", "The harbour board met on Monday to vote on the new quay."),
    ("Rail strike ends", "Train drivers ended their strike after a pay deal with the operator."),
    ("Snow shuts the pass", "Heavy snow closed the mountain pass and stranded 1,200 drivers."),
)


def story_words_run(db_url: str, tmp_path: Path, failing: set[int]) -> RunReport:
    """A run of three stories with the batched story stage registered."""
    registry = (*REGISTRY, STORY_WORDS)
    settings = Settings.from_config(load_config(env=NO_ENTITIES, registry=registry), registry)
    for index, (title, body) in enumerate(TOPICS):
        outlet = tmp_path / "in" / f"outlet-{index}"
        outlet.mkdir(parents=True)
        (outlet / f"{index}.txt").write_text(f"{title}\n\n{body}\n", encoding="utf-8")
    StoryWordsStage.batches.clear()
    StoryWordsStage.failing = failing
    with Repository.open(db_url) as repo:
        return Pipeline(repo, settings).run([tmp_path / "in"])


def test_a_batched_story_stage_gets_the_batch(db_url: str, tmp_path: Path) -> None:
    report = story_words_run(db_url, tmp_path, failing=set())
    assert report.ok and StoryWordsStage.batches == [[1, 2, 3]]
    assert sql(
        db_url, "SELECT story_id, status FROM stage_runs WHERE stage = 'storywords' ORDER BY 1"
    ) == [
        (1, "ok"),
        (2, "ok"),
        (3, "ok"),
    ]


def test_a_failing_story_in_a_batch_fails_alone_and_is_named(db_url: str, tmp_path: Path) -> None:
    report = story_words_run(db_url, tmp_path, failing={2})
    assert StoryWordsStage.batches == [[1, 2, 3], [1], [2], [3]]  # the batch, then one by one
    assert [(r.origin, r.reason) for r in report.rejections] == [("story 2", "storywords-error")]
    assert "cannot read story 2" in report.rejections[0].message
    assert sql(
        db_url, "SELECT story_id, status FROM stage_runs WHERE stage = 'storywords' ORDER BY 1"
    ) == [
        (1, "ok"),
        (2, "failed"),
        (3, "ok"),
    ]
