"""Acceptance on the two seed articles (two outlet folders, one story), through the CLI."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from tests.conftest import SEEDS, copy_seeds, run_eventwire


def story_json(url: str, story_id: int = 1) -> dict:
    result = run_eventwire(url, "story", str(story_id), "--json")
    assert result.code == 0, result.stderr
    return result.json()  # type: ignore[return-value]


def facts_about(story: dict, *words: str) -> list[dict]:
    """Facts one of whose claims has all of ``words``."""
    return [
        f
        for f in story["facts"]
        if any(all(w in c["sentence"] for w in words) for c in f["claims"])
    ]


def one_fact(story: dict, *words: str) -> dict:
    found = facts_about(story, *words)
    assert len(found) == 1, (words, [f["text"] for f in found])
    return found[0]


@pytest.fixture
def seeded(seeded_db: str) -> dict:
    return story_json(seeded_db)


@pytest.mark.parametrize(
    "words",
    [
        ("phone",),  # the call between the two ministers
        ("Muscat", "indirect talks", "Oman"),  # the indirect US-Iran talks mediated by Oman
        ("mutually acceptable agreements",),  # the ministry's statement
        ("highly praised",),  # the minister's praise of Oman's efforts
    ],
)
def test_corroborated_by_both_outlets(seeded: dict, words: tuple[str, ...]) -> None:
    found = facts_about(seeded, *words)
    assert found, words
    for fact in found:
        assert fact["status"] == "corroborated", fact["text"]
        assert fact["independent_sources"] == 2
        assert {c["source"] for c in fact["claims"]} == {"outlet-a", "outlet-b"}


@pytest.mark.parametrize(
    "words",
    [("military activity",), ("nuclear program", "concluded"), ("neutral intermediary",)],
)
def test_single_source_first_seed_only(seeded: dict, words: tuple[str, ...]) -> None:
    fact = one_fact(seeded, *words)
    assert (fact["status"], fact["independent_sources"], fact["sources"]) == (
        "single-source",
        1,
        ["outlet-a"],
    )
    additions = {u["source"]: u["facts"] for u in seeded["unique_by_source"]}
    assert fact["id"] in additions["outlet-a"]


def test_closing_analysis_is_commentary_never_a_fact(seeded: dict) -> None:
    fact = one_fact(seeded, "underscores")
    assert (fact["kind"], fact["status"]) == ("commentary", "commentary")
    assert fact["id"] not in {line["fact"] for line in seeded["summary"]}


def test_leftovers_are_never_facts_and_the_repeated_lead_counts_once(seeded: dict) -> None:
    texts = " ".join(c["sentence"] for f in seeded["facts"] for c in f["claims"])
    assert "Advertisement" not in texts and "Comments you share" not in texts
    call = one_fact(seeded, "phone")
    assert call["articles"] == 2
    assert len(facts_about(seeded, "held a phone conversation")) == 1


def test_quotes_are_verbatim_with_their_speaker_resolved(seeded: dict) -> None:
    quotes = [c for f in seeded["facts"] for c in f["claims"] if c["kind"] == "quote"]
    assert quotes
    for claim in quotes:
        assert claim["quote"] in claim["sentence"]
        assert claim["speaker_actor"], claim["sentence"]


def test_claim_spans_point_into_the_article_text(seeded_db: str, seeded: dict) -> None:
    texts = {}
    for article in seeded["articles"]:
        result = run_eventwire(seeded_db, "article", str(article["id"]), "--json")
        texts[article["id"]] = result.json()["text"]  # type: ignore[index]
    for fact in seeded["facts"]:
        for claim in fact["claims"]:
            start, end = claim["span"]
            assert texts[claim["article_id"]][start:end] == claim["sentence"]


def test_summary_title_and_output(seeded_db: str, seeded: dict) -> None:
    assert 1 <= len(seeded["summary"]) <= 5
    assert all(line["fact"] in {f["id"] for f in seeded["facts"]} for line in seeded["summary"])
    assert seeded["consolidated_title"] in {a["title"] for a in seeded["articles"]}
    shown = run_eventwire(seeded_db, "story", "1")
    assert shown.code == 0
    assert "Summary" in shown.stdout and "corroborated" in shown.stdout
    assert "Only in outlet-a" in shown.stdout


def test_a_third_copy_under_another_outlet_is_not_a_third_source(tmp_path: Path) -> None:
    corpus = copy_seeds(tmp_path / "seeds")
    second = sorted(SEEDS.glob("*.txt"))[1]
    (corpus / "outlet-c").mkdir()
    shutil.copy(second, corpus / "outlet-c" / second.name)
    url = f"sqlite:///{tmp_path / 'copies.db'}"
    assert run_eventwire(url, "--quiet", "run", str(corpus)).code == 0
    call = one_fact(story_json(url), "phone")
    assert call["independent_sources"] == 2
    assert set(call["sources"]) == {"outlet-a", "outlet-b", "outlet-c"}
