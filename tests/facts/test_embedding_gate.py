"""The lexical gate in front of the sentence model: which candidate pairs get embedded."""

from __future__ import annotations

from dataclasses import replace

import pytest

from eventwire.facts import embed
from eventwire.facts.align import lexical_rows, score_rows
from eventwire.facts.build import _claim_infos, story_candidates, story_facts
from eventwire.facts.pairmodel import load_pair_model
from eventwire.facts.settings import FactsSettings
from tests.facts.conftest import document, story

pytestmark = pytest.mark.skipif(not embed.available(), reason="the sentence model is missing")

NAMED = "The museum director was named interim head of the arts council."
APPOINTED = "The head of the museum is to run the arts council on an interim basis."


def two_outlets():
    a = document(
        1,
        "north-post",
        NAMED,
        "Shops along the river front stayed closed for most of the week.",
        "A spokesman for the ferry company declined to comment on the schedule.",
    )
    b = document(
        2,
        "south-daily",
        "Local schools are expected to reopen on Thursday morning as planned.",
        "Volunteers handed out water and blankets at the community centre.",
        APPOINTED,
    )
    return story(a, b)


def lexical_probability(settings: FactsSettings) -> float:
    infos = _claim_infos(two_outlets(), settings)
    first, second = (
        next(n for n, i in enumerate(infos) if i.claim.sentence == s) for s in (NAMED, APPOINTED)
    )
    candidates, idf = story_candidates(infos, settings)
    assert (first, second) in candidates
    [row] = lexical_rows(infos, [(first, second)], idf)
    return score_rows(load_pair_model(False), [row])[0]


def test_a_paraphrase_the_lexical_model_doubts_is_still_embedded_and_aligned() -> None:
    settings = FactsSettings()
    assert lexical_probability(settings) < 0.4  # the floor before: never embedded
    result = story_facts(two_outlets(), settings, embed.SentenceEncoder(processes=1))
    [fact] = [f for f in result.facts if NAMED in {c.sentence for c in f.claims}]
    assert {c.sentence for c in fact.claims} == {NAMED, APPOINTED}
    assert fact.status == "corroborated"


MEETING = (
    "Maria Lopez met Daniel Brandt and Sofia Keller in Geneva on Tuesday to discuss harbour"
    " tariffs, fishing quotas and a new customs agreement for the northern ports."
)
CONCERT = (
    "Maria Lopez, Daniel Brandt and Sofia Keller were seen laughing at a crowded jazz concert on"
    " the river bank, where the city orchestra and two visiting choirs played old folk songs"
    " late into the warm summer night."
)


def test_a_pair_naming_the_same_people_but_lexically_hopeless_is_not_embedded() -> None:
    """Names in common get a pair below the floor embedded only from the names floor on."""
    names_only = story(document(1, "north-post", MEETING), document(2, "south-daily", CONCERT))
    settings = FactsSettings()
    infos = _claim_infos(names_only, settings)
    assert len(infos[0].words.names & infos[1].words.names) >= settings.embedding_names
    candidates, idf = story_candidates(infos, settings)
    [row] = lexical_rows(infos, list(candidates), idf)
    assert score_rows(load_pair_model(False), [row])[0] < settings.embedding_names_floor
    embedded = []
    for floor in (0.0, settings.embedding_names_floor):
        encoder = embed.SentenceEncoder(processes=1)
        story_facts(names_only, replace(settings, embedding_names_floor=floor), encoder)
        embedded.append(encoder.embedded)
    assert embedded == [2, 0]
