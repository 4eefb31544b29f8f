"""Clustering person observations, and matching them with people already known."""

from __future__ import annotations

from eventwire.actors.names import name_key
from eventwire.actors.people import PersonObservation, cluster_people, match_known
from eventwire.model import Actor, AliasCount, Mention

THRESHOLD = 85.0


def observe(
    text: str, order: int, article: int = 1, country: str | None = None
) -> PersonObservation:
    key = name_key(text)
    assert key is not None
    mention = Mention(article, "body", 0, order * 10, order * 10 + len(text), text, "PERSON")
    return PersonObservation(mention, key, None, country, order)


def test_a_family_name_first_mention_joins_its_only_full_name() -> None:
    clusters = cluster_people([observe("Choi Dong Hyun", 0), observe("Choi", 1)], THRESHOLD)
    assert len(clusters) == 1


def test_surname_alone_goes_to_the_person_named_last_before_it() -> None:
    observations = [
        observe("Ana Varela", 0),
        observe("Tomas Varela", 1),
        observe("Varela", 2),
        observe("Ana Varela", 3, article=2),
        observe("Varela", 4, article=2),
    ]
    clusters = cluster_people(observations, THRESHOLD)
    by_name = {c.observations[0].mention.text: c for c in clusters}
    assert len(clusters) == 2
    assert [o.order for o in by_name["Tomas Varela"].observations] == [1, 2]
    assert [o.order for o in by_name["Ana Varela"].observations] == [0, 3, 4]


def test_conflicting_countries_keep_namesakes_apart() -> None:
    observations = [
        observe("Ana Varela", 0, country="CHL"),
        observe("Ana Varela", 1, country="ESP"),
    ]
    assert len(cluster_people(observations, THRESHOLD)) == 2


def test_a_full_name_never_matches_a_known_person_through_a_bare_surname_alias() -> None:
    known = Actor(
        "person:tomas varela", "Tomas Varela", "person", aliases=(AliasCount("Varela", 3),)
    )
    [ana] = cluster_people([observe("Ana Varela", 0)], THRESHOLD)
    [bare] = cluster_people([observe("Varela", 0)], THRESHOLD)
    assert match_known(ana, [known], THRESHOLD) is None
    assert match_known(bare, [known], THRESHOLD) is known
