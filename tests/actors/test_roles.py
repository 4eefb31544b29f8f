"""Titles before names and in appositions; capitals as places or governments."""

from __future__ import annotations

import pytest

from eventwire.actors.classify import Classifier
from eventwire.actors.countries import country_index
from eventwire.actors.roles import role_after, role_before
from eventwire.model import Mention


@pytest.mark.parametrize(
    ("text", "role"),
    [
        ("Ana Roe, Chile's foreign minister, said", "Foreign Minister"),
        ("Ana Roe, the country's secretary of state, said", "Secretary of State"),
        ("Ana Roe, who met Prime Minister Tom Lee, said", None),
        ("Ana Roe, President Lee's adviser, said", "Adviser"),
        ("Ana Roe, the president's aide, said", None),
    ],
)
def test_appositions(text: str, role: str | None) -> None:
    found = role_after(text, text.index(","))
    assert (found.role if found else None) == role


def test_title_right_before_a_name() -> None:
    text = "Peruvian Defence Minister Tom Lee and others met Lee."
    found = role_before(text, text.index("Tom"))
    assert found is not None and (found.role, found.sector) == ("Defence Minister", "GOV")
    assert role_before(text, text.rindex("Lee")) is None


@pytest.mark.parametrize(
    ("text", "surface", "key"),
    [
        ("A row between Lima and Santiago grew.", "Lima", "government:PER"),
        ("Talks in Lima ended.", "Lima", "place:PER:lima"),
        ("The Lima talks ended.", "Lima", "place:PER:lima"),
        ("LIMA — Talks ended.", "LIMA", "place:PER:lima"),
    ],
)
def test_capitals(text: str, surface: str, key: str) -> None:
    classifier = Classifier(country_index(), {})
    start = text.index(surface)
    mention = Mention(1, "body", 0, start, start + len(surface), surface, "GPE")
    actor = classifier.classify(mention, text)
    assert actor is not None and actor.key == key


def test_role_fit_compares_offices_not_strings() -> None:
    from eventwire.actors.roles import FIT_CONFLICT, FIT_EXACT, FIT_NONE, FIT_RELATED, role_fit

    assert role_fit("Foreign Minister", ["Foreign Minister"]) == FIT_EXACT
    assert role_fit("Foreign Secretary", ["Foreign Minister"]) == FIT_RELATED
    assert role_fit("Minister", ["Foreign Minister"]) == FIT_RELATED
    assert role_fit("Defense Minister", ["Defence Minister"]) == FIT_RELATED
    assert role_fit("President", ["Vice President"]) == FIT_CONFLICT
    assert role_fit("Foreign Secretary", ["Energy Secretary"]) == FIT_CONFLICT
    assert role_fit("President", []) == FIT_NONE
