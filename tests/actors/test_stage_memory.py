"""The actors stage's memory of people across stories (matched against every later story)."""

from __future__ import annotations

from eventwire.actors.settings import ActorsSettings
from eventwire.actors.stage import ActorsStage
from eventwire.model import Actor, AliasCount


def person(country: str | None, *aliases: str, count: int = 1) -> Actor:
    return Actor(
        "person:ana roe",
        "Ana Roe",
        "person",
        country=country,
        aliases=tuple(AliasCount(a, count) for a in aliases),
    )


def test_a_person_seen_again_with_nothing_new_is_remembered_once() -> None:
    stage = ActorsStage(ActorsSettings())
    first = person(None, "Ana Roe", "Roe")
    stage.restore([first, person(None, "Ana Roe", "Roe", count=4)])  # counts are not matched
    stage._remember([person(None, "Roe", "Ana Roe"), person("PER", "Ana Roe")])
    assert stage.snapshot() == [first, person("PER", "Ana Roe")]  # the first stays first
