"""The model's label slips, corrected before resolution (spans as the model gives them)."""

from __future__ import annotations

import pytest

from eventwire.actors import ActorResolver
from eventwire.model import ArticleEntities, Document, Mention, StoryActors


@pytest.fixture(scope="module")
def resolver() -> ActorResolver:
    return ActorResolver()


def resolve(resolver: ActorResolver, text: str, *spans: tuple[str, str, int]) -> StoryActors:
    """Resolve ``text`` with the spans (surface, label, occurrence) a model could have given."""
    mentions = []
    for surface, label, occurrence in spans:
        start = -1
        for _ in range(occurrence + 1):
            start = text.index(surface, start + 1)
        mentions.append(Mention(1, "body", 0, start, start + len(surface), surface, label))
    document = Document(1, "outlet", "", text)
    return resolver.resolve_story(1, [document], [ArticleEntities(1, tuple(mentions))])


def actor_of(result: StoryActors, surface: str, occurrence: int = 0) -> str | None:
    found = [link for link in result.links if link.mention.text == surface]
    found.sort(key=lambda link: link.mention.start)
    return found[occurrence].actor_key if occurrence < len(found) else None


def test_demonyms_tagged_as_people_are_countries(resolver: ActorResolver) -> None:
    text = "The Ugandan delegation met an Iranian envoy in Kampala."
    result = resolve(resolver, text, ("Ugandan", "PERSON", 0), ("Iranian", "PERSON", 0))
    assert actor_of(result, "Ugandan") == "government:UGA"  # "The Ugandan delegation"
    assert actor_of(result, "Iranian") == "government:IRN"  # "an Iranian envoy"
    assert not [a for a in result.actors if a.type == "person"]


def test_a_place_or_organisation_that_is_a_named_persons_surname_is_that_person(
    resolver: ActorResolver,
) -> None:
    text = (
        "Senator Ana Jordan met officials in Jordan on Monday. Jordan said the visit was "
        "useful, and Roe, a local council, agreed."
    )
    result = resolve(
        resolver,
        text,
        ("Ana Jordan", "PERSON", 0),
        ("Jordan", "GPE", 1),
        ("Jordan", "GPE", 2),
        ("Roe", "ORG", 0),
    )
    person = actor_of(result, "Ana Jordan")
    assert actor_of(result, "Jordan", 0) == "country:JOR"  # "in Jordan": the country
    assert actor_of(result, "Jordan", 1) == person  # "Jordan said": the senator
    assert actor_of(result, "Roe") == "org:roe"  # no one of that name: still an organisation


def test_a_title_inside_a_person_span_is_a_role(resolver: ActorResolver) -> None:
    text = "Minister Ana Roe arrived in Lima. Energy Secretary Tom Lee joined her."
    result = resolve(
        resolver,
        text,
        ("Minister Ana Roe", "PERSON", 0),
        ("Energy", "ORG", 0),
        ("Tom Lee", "PERSON", 0),
    )
    roe = next(a for a in result.actors if a.key == actor_of(result, "Minister Ana Roe"))
    lee = next(a for a in result.actors if a.key == actor_of(result, "Tom Lee"))
    assert (roe.name, roe.roles) == ("Ana Roe", ("Minister",))
    assert lee.roles == ("Energy Secretary",)
    assert actor_of(result, "Energy") is None  # part of the title, not an organisation


def test_an_organisation_after_a_title_is_a_person(resolver: ActorResolver) -> None:
    text = "Slovak judge Helena Varga was appointed on Sunday. Varga said the court would sit."
    result = resolve(resolver, text, ("Helena Varga", "ORG", 0), ("Varga", "ORG", 0))
    [person] = [a for a in result.actors if a.type == "person"]
    assert (person.name, person.roles) == ("Helena Varga", ("Judge",))
    assert actor_of(result, "Varga") == person.key


def test_hyphenated_pairs_and_lowercase_words_are_no_people(resolver: ActorResolver) -> None:
    text = (
        "Ana Roe met Tom Lee before the Lima-Quito talks. The Roe-Lee meeting was short, "
        "officials briefed reporters. Aides said the aides had left."
    )
    result = resolve(
        resolver,
        text,
        ("Ana Roe", "PERSON", 0),
        ("Tom Lee", "PERSON", 0),
        ("Lima-Quito", "PERSON", 0),
        ("Roe-Lee", "PERSON", 0),
        ("briefed", "PERSON", 0),
        ("Aides", "PERSON", 0),
    )
    people = {a.name for a in result.actors if a.type == "person"}
    assert people == {"Ana Roe", "Tom Lee"}


def test_an_acronym_tagged_as_a_place_is_the_organisation(resolver: ActorResolver) -> None:
    text = "The F.B.I. opened an inquiry, and the FBI said it would report."
    result = resolve(resolver, text, ("F.B.I.", "GPE", 0), ("FBI", "ORG", 0))
    assert actor_of(result, "F.B.I.") == actor_of(result, "FBI") == "org:fbi"


def test_a_listed_agency_or_platform_tagged_as_a_person_is_the_organisation(
    resolver: ActorResolver,
) -> None:
    text = "Yonhap reported the talks, and the minister wrote on Twitter that they went well."
    result = resolve(resolver, text, ("Yonhap", "PERSON", 0), ("Twitter", "PERSON", 0))
    sectors = {a.key: a.sector for a in result.actors}
    assert actor_of(result, "Twitter") == "org:twitter"
    assert sectors[actor_of(result, "Yonhap")] == "MED"
    assert not [a for a in result.actors if a.type == "person"]


def test_a_nationality_tagged_apart_from_its_people_is_their_group(
    resolver: ActorResolver,
) -> None:
    text = "Some 800,000 Iraqi Kurds sought refuge in Germany last month."
    result = resolve(resolver, text, ("Iraqi", "NORP", 0), ("Kurds", "NORP", 0))
    assert actor_of(result, "Iraqi") == "group:IRQ:CVL"
    assert actor_of(result, "Kurds") == "group:IRQ:CVL"  # one group, not two sides
    # not a place, a party or a body after the nationality
    text = "Avalanche kills skiers in the French Alps."
    assert actor_of(resolve(resolver, text, ("French", "NORP", 0)), "French") == "country:FRA"
    text = "French Socialists rejected the budget."
    assert actor_of(resolve(resolver, text, ("French", "NORP", 0)), "French") == "country:FRA"
    text = "Russian Railways raised fares."
    assert actor_of(resolve(resolver, text, ("Russian", "NORP", 0)), "Russian") == "country:RUS"
