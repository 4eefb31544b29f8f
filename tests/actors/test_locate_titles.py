"""Bare state titles take their sentence's one country, but not two holders of one title."""

from __future__ import annotations

import pytest

from eventwire.actors import ActorResolver
from eventwire.entities import EntitiesSettings, EntityRecognizer
from eventwire.model import Document


@pytest.fixture(scope="module")
def people():
    recognizer, resolver = EntityRecognizer(EntitiesSettings(n_process=1)), ActorResolver()

    def countries(text: str) -> dict[str, str | None]:
        documents = [Document(1, "s", "", text)]
        result = resolver.resolve_story(1, documents, recognizer.recognize(documents))
        return {a.name: a.country for a in result.actors if a.type == "person"}

    return countries


def test_a_bare_title_takes_the_one_country_of_its_sentence(people) -> None:
    assert people("President Ortuno said in Lima that the talks would resume.") == {"Ortuno": "PER"}


def test_two_holders_of_one_title_are_not_both_of_the_sentences_country(people) -> None:
    found = people(
        "The meeting between President Clinton and President Yeltsin took place in Helsinki."
    )
    assert len(found) == 2 and "FIN" not in found.values()
