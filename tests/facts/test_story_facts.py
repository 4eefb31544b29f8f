"""Facts of hand-made stories: alignment, independent outlets, disputes, the consolidated story.

These run on lexical features alone (``encoder=None``), so they test the rules, not the model.
"""

from __future__ import annotations

import os
import subprocess
import sys

import pytest

from eventwire.facts.build import story_facts
from eventwire.facts.settings import FactsSettings
from eventwire.facts.sources import shared_runs, shingles
from eventwire.model import CopyNote
from tests.facts.conftest import day_mention, document, story

SETTINGS = FactsSettings(embeddings=False)
WIRE = (
    "The regional grid operator said the outage began at 4 a.m. when a transformer at the"
    " Kettering substation caught fire and cut power to about 48,000 homes across three counties"
    " before crews restored most lines by the afternoon."
)


def fact_with(result, words: str):
    [found] = [
        f for f in result.facts if words in f.text or any(words in c.sentence for c in f.claims)
    ]
    return found


def never_called(texts):
    raise AssertionError("a story with one outlet needs no embeddings")


def test_one_outlet_is_not_aligned_or_embedded() -> None:
    doc = document(1, "north-post", "The harbour reopened on Friday after three days of repairs.")
    result = story_facts(story(doc), SETTINGS, encoder=never_called)
    assert not result.aligned
    assert [f.status for f in result.facts] == ["single-source"]


def test_the_same_statement_from_two_outlets_is_corroborated() -> None:
    a = document(
        1, "north-post", "The city council approved the new harbour budget on Monday evening."
    )
    b = document(
        2, "south-daily", "On Monday evening the city council approved the new harbour budget."
    )
    result = story_facts(story(a, b), SETTINGS)
    [fact] = result.facts
    assert (fact.status, fact.independent_sources, fact.articles) == ("corroborated", 2, 2)
    assert {c.source for c in fact.claims} == {"north-post", "south-daily"}


def test_differing_figures_make_a_dispute_with_each_value_and_its_outlets() -> None:
    a = document(
        1, "north-post", "The investors paid $160 million for the stake in the port operator."
    )
    b = document(
        2, "south-daily", "The investors paid $140 million for the stake in the port operator."
    )
    [fact] = story_facts(story(a, b), SETTINGS).facts
    assert fact.status == "disputed"
    [dispute] = fact.disputes
    assert dispute.kind == "number"
    assert {(v.value, v.sources) for v in dispute.values} == {
        ("140", ("south-daily",)),
        ("160", ("north-post",)),
    }


def test_differing_days_make_a_dispute() -> None:
    a = document(
        1, "north-post", "The two leaders met in the capital on Sunday to sign the accord."
    )
    b = document(
        2, "south-daily", "The two leaders met in the capital on Saturday to sign the accord."
    )
    mentions = (day_mention(a, "Sunday", "2026-03-01"), day_mention(b, "Saturday", "2026-02-28"))
    [fact] = story_facts(story(a, b, mentions=mentions), SETTINGS).facts
    assert fact.status == "disputed"
    assert [d.kind for d in fact.disputes] == ["date"]


def test_a_figure_the_other_outlet_gives_elsewhere_is_no_dispute() -> None:
    a = document(
        1,
        "north-post",
        "The investors paid $160 million for the stake in the port operator.",
        "An earlier bid of $140 million had been turned down in May.",
    )
    b = document(
        2, "south-daily", "The investors paid $140 million for the stake in the port operator."
    )
    fact = fact_with(story_facts(story(a, b), SETTINGS), "paid")
    assert fact.status != "disputed"


def test_a_dedup_copy_under_another_outlet_counts_once() -> None:
    a = document(
        1, "north-post", "The city council approved the new harbour budget on Monday evening."
    )
    b = document(
        2, "south-daily", "On Monday evening the city council approved the new harbour budget."
    )
    copy = CopyNote(3, "east-wire", copy_of=2)
    [fact] = story_facts(story(a, b, copies=[copy]), SETTINGS).facts
    assert fact.independent_sources == 2
    assert fact.articles == 3
    assert "east-wire" in fact.sources


def test_a_long_passage_republished_verbatim_counts_once() -> None:
    a = document(1, "north-post", WIRE, "Local shops stayed closed for most of the day.")
    b = document(2, "south-daily", "Residents queued for generators on Tuesday.", WIRE)
    fact = fact_with(story_facts(story(a, b), SETTINGS), "transformer")
    assert {c.source for c in fact.claims} == {"north-post", "south-daily"}
    assert (fact.independent_sources, fact.status) == (1, "single-source")


def test_a_shared_quotation_is_no_copy() -> None:
    quote = (
        '"We will keep every line running through the winter and we will not raise prices for'
        ' households this year or next year whatever the market does," the minister said.'
    )
    a = document(1, "north-post", quote)
    b = document(2, "south-daily", quote)
    [fact] = story_facts(story(a, b), SETTINGS).facts
    assert (fact.kind, fact.independent_sources, fact.status) == ("quote", 2, "corroborated")


def test_commentary_is_shown_but_never_counted() -> None:
    a = document(
        1,
        "north-post",
        "The city council approved the new harbour budget on Monday evening.",
        "The vote underscores a growing appetite for public investment in the region.",
    )
    b = document(
        2, "south-daily", "On Monday evening the city council approved the new harbour budget."
    )
    result = story_facts(story(a, b), SETTINGS)
    commentary = fact_with(result, "underscores")
    assert (commentary.kind, commentary.status) == ("commentary", "commentary")
    assert commentary.seq not in {line.fact for line in result.summary}
    assert all(commentary.seq not in u.facts for u in result.unique_by_source)


def test_summary_is_capped_and_in_time_order() -> None:
    paragraphs = [
        f"The museum opened gallery number {n} of its new wing to visitors on day {n} of the"
        " festival."
        for n in range(1, 9)
    ]
    a = document(1, "north-post", *paragraphs)
    result = story_facts(story(a), FactsSettings(embeddings=False, summary_sentences=3))
    assert len(result.summary) == 3
    assert [line.fact for line in result.summary] == sorted(line.fact for line in result.summary)


@pytest.mark.parametrize("embeddings", [False])
def test_per_outlet_additions_list_what_only_that_outlet_reports(embeddings: bool) -> None:
    a = document(
        1,
        "north-post",
        "The city council approved the new harbour budget on Monday evening.",
        "Protesters gathered outside the town hall before the vote with banners.",
    )
    b = document(
        2, "south-daily", "On Monday evening the city council approved the new harbour budget."
    )
    result = story_facts(story(a, b), FactsSettings(embeddings=embeddings))
    additions = {u.source: u.facts for u in result.unique_by_source}
    protest = fact_with(result, "Protesters")
    assert additions == {"north-post": (protest.seq,), "south-daily": ()}


def test_shared_passages_are_found_by_shingles_in_any_order() -> None:
    lead = " ".join(f"w{n}" for n in range(40))
    other = " ".join(f"x{n}" for n in range(20))
    a = shingles(f"{other} {lead} end.", 8)
    b = shingles(f"Intro words here. {lead}. {other}", 8)
    text = f"{other} {lead} end."
    assert [text[s:e] for s, e in shared_runs(a, b, 30)] == [lead]  # the 20 words are too few
    assert shared_runs(a, shingles("nothing in common at all", 8), 30) == []


def test_a_claim_naming_two_days_is_dated_the_same_whatever_the_hash_seed() -> None:
    """A tie between days is broken by order (a claim's days in calendar order), not by the
    order of a set, which changes with PYTHONHASHSEED from one process to the next."""
    code = (
        "from eventwire.facts.build import story_facts; "
        "from eventwire.facts.settings import FactsSettings; "
        "from tests.facts.conftest import day_mention, document, story; "
        "a = document(1, 'north-post', 'Talks began on Saturday and ended on Sunday at noon.'); "
        "days = (day_mention(a, 'Saturday', '2026-02-28'), "
        "day_mention(a, 'Sunday', '2026-03-01')); "
        "[fact] = story_facts(story(a, mentions=days), FactsSettings(embeddings=False)).facts; "
        "print(fact.date)"
    )
    found = set()
    for seed in range(6):
        environment = {**os.environ, "PYTHONHASHSEED": str(seed)}
        result = subprocess.run(
            [sys.executable, "-c", code], capture_output=True, text=True, env=environment
        )
        assert result.returncode == 0, result.stderr
        found.add(result.stdout.strip())
    assert found == {"2026-02-28"}
