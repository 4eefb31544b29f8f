"""Acceptance on the seeds: one story from two outlets, each real event once (issue 11)."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.conftest import copy_seeds, run_eventwire


@pytest.fixture(scope="module")
def seeded_events(tmp_path_factory: pytest.TempPathFactory) -> list[dict]:
    """The events of the seeds after ``eventwire run`` (two outlet folders)."""
    root = tmp_path_factory.mktemp("events")
    corpus = copy_seeds(root / "seeds")
    db_url = f"sqlite:///{root / 'events.db'}"
    assert run_eventwire(db_url, "run", str(corpus)).code == 0
    result = run_eventwire(db_url, "events", "--json")
    assert result.code == 0
    page = result.json()
    assert set(page) == {"items", "next"}
    return page["items"]


def countries(actors: list[dict]) -> set[str]:
    return {a["country"] for a in actors}


def find(events: list[dict], prefix: str) -> list[dict]:
    return [e for e in events if e["cameo"].startswith(prefix)]


def test_phone_call_is_one_event_from_both_outlets(seeded_events: list[dict]) -> None:
    calls = find(seeded_events, "041")
    assert len(calls) == 1
    call = calls[0]
    assert (countries(call["source"]), countries(call["target"])) == ({"RUS"}, {"OMN"})
    assert call["plover"] == "CONSULT" and call["mode"] == "phone"
    assert call["date"] == "2026-02-08"
    assert call["num_sources"] == 2 and call["num_articles"] == 2
    assert not call["negated"] and not call["hypothetical"]


def test_praise_from_both_outlets(seeded_events: list[dict]) -> None:
    praise = [e for e in find(seeded_events, "051") if countries(e["target"]) == {"OMN"}]
    assert len(praise) == 1
    assert countries(praise[0]["source"]) == {"RUS"}
    assert praise[0]["plover"] == "SUPPORT" and praise[0]["num_sources"] == 2


def test_talks_in_muscat_mediated_by_oman(seeded_events: list[dict]) -> None:
    talks = [
        e
        for e in find(seeded_events, "046")
        if countries(e["source"]) | countries(e["target"]) == {"USA", "IRN"}
    ]
    assert len(talks) == 1
    assert talks[0]["date"] == "2026-02-06"
    assert talks[0]["place"]["name"] == "Muscat"
    mediation = find(seeded_events, "045")
    assert any(
        countries(e["source"]) == {"OMN"} and countries(e["target"]) == {"USA", "IRN"}
        for e in mediation
    )


def test_appeal_for_negotiations_by_both_with_the_statement(seeded_events: list[dict]) -> None:
    appeals = [e for e in find(seeded_events, "02") if countries(e["source"]) == {"RUS", "OMN"}]
    assert len(appeals) == 1
    assert appeals[0]["plover"] == "REQUEST"
    sentences = [item["sentence"] for item in appeals[0]["evidence"]]
    assert any("need" in sentence for sentence in sentences)
    # the sentence quoting the statement, whose subject ("both ministers") names no one
    assert any('"' in sentence and "both" in sentence for sentence in sentences)
    assert appeals[0]["num_sources"] == 2


def test_evidence_is_the_stored_text_and_never_boilerplate(
    seeded_events: list[dict], tmp_path: Path
) -> None:
    for event in seeded_events:
        for item in event["evidence"]:
            start, end = item["span"]
            assert 0 <= start < end <= len(item["sentence"])
            assert "Comments you share" not in item["sentence"]
            assert "Advertisement" not in item["sentence"]


def test_tsv_has_gdelt_columns(seeded_events: list[dict], tmp_path: Path) -> None:
    corpus = copy_seeds(tmp_path / "seeds")
    db_url = f"sqlite:///{tmp_path / 'tsv.db'}"
    run_eventwire(db_url, "run", str(corpus))
    lines = run_eventwire(db_url, "events", "--tsv", "--code", "041").stdout.splitlines()
    header = lines[0].split("\t")
    assert header[:4] == ["GlobalEventID", "Day", "Actor1Code", "Actor1Name"]
    row = dict(zip(header, lines[1].split("\t"), strict=True))
    assert row["EventCode"] == "041" and row["EventRootCode"] == "04"
    assert row["Day"] == "20260208" and row["NumSources"] == "2"
    assert row["Actor1CountryCode"] == "RUS" and row["Actor2CountryCode"] == "OMN"


def test_story_shows_its_events(tmp_path: Path) -> None:
    corpus = copy_seeds(tmp_path / "seeds")
    db_url = f"sqlite:///{tmp_path / 'story.db'}"
    run_eventwire(db_url, "run", str(corpus))
    story = run_eventwire(db_url, "story", "1", "--json").json()
    assert any(e["cameo"] == "041" for e in story["events"])
    assert "041" in run_eventwire(db_url, "story", "1").stdout


def test_a_bad_patterns_file_is_one_clear_error(tmp_path: Path) -> None:
    corpus = copy_seeds(tmp_path / "seeds")
    patterns = tmp_path / "mine.yaml"
    patterns.write_text('- code: "999"\n  verbs: [frobnicate]\n', encoding="utf-8")
    config = tmp_path / "eventwire.toml"
    config.write_text(f'[events]\npatterns_file = "{patterns}"\n', encoding="utf-8")
    db_url = f"sqlite:///{tmp_path / 'bad.db'}"
    result = run_eventwire(db_url, "--config", str(config), "run", str(corpus))
    assert result.code == 1
    assert "mine.yaml pattern 1: '999' is not a CAMEO event code" in result.stdout + result.stderr


def test_events_filter_by_actor_code_and_day(tmp_path: Path) -> None:
    corpus = copy_seeds(tmp_path / "seeds")
    db_url = f"sqlite:///{tmp_path / 'filter.db'}"
    run_eventwire(db_url, "run", str(corpus))

    def cameo(*args: str) -> list[str]:
        return [
            e["cameo"] for e in run_eventwire(db_url, "events", "--json", *args).json()["items"]
        ]

    assert "041" in cameo("--actor", "Lavrov")  # a person by surname, as `actor` finds them
    assert "046" not in cameo("--actor", "Lavrov")
    assert cameo("--code", "CONSULT") == [c for c in cameo() if c.startswith("04")]
    assert cameo("--since", "2026-02-07") == [e for e in cameo() if e not in ("045", "046")]
    assert run_eventwire(db_url, "events", "--since", "nope").code == 2
