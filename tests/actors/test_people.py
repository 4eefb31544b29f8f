"""Clustering person observations, and matching them with people already known."""

from __future__ import annotations

from eventwire.actors.names import name_key
from eventwire.actors.people import PeopleIndex, PersonObservation, cluster_people, match_known
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


def test_two_namesakes_none_named_in_the_article_leave_the_surname_unresolved() -> None:
    observations = [
        observe("Ana Varela", 0),
        observe("Tomas Varela", 1),
        observe("Varela", 2, article=2),
    ]
    clusters = cluster_people(observations, THRESHOLD)
    assert len(clusters) == 2
    assert observations[2].ambiguous
    assert all(o.mention.article_id == 1 for c in clusters for o in c.observations)


def test_one_namesake_named_later_in_the_article_takes_the_surname() -> None:
    observations = [
        observe("Ana Varela", 0),
        observe("Varela", 1, article=2),
        observe("Tomas Varela", 2, article=2),
    ]
    clusters = cluster_people(observations, THRESHOLD)
    tomas = next(c for c in clusters if c.key.given == ("tomas",))
    assert [o.order for o in tomas.observations] == [2, 1]


def test_a_tentative_surname_opens_no_person() -> None:
    lone = observe("Lindqvist", 0)
    lone.tentative = True
    assert cluster_people([lone], THRESHOLD) == []


def test_far_back_the_article_s_main_namesake_takes_the_surname() -> None:
    def at(text: str, order: int, sentence: int) -> PersonObservation:
        observation = observe(text, order)
        observation.mention = Mention(1, "body", sentence, order * 10, order * 10 + 1, text, "P")
        return observation

    observations = [
        at("Ana Varela", 0, 0),
        at("Varela", 1, 1),
        at("Varela", 2, 2),
        at("Tomas Varela", 3, 3),  # named once, in passing
        at("Varela", 4, 4),  # the next sentence: still Tomas
        at("Varela", 5, 9),  # five sentences on: the article's main Varela again
    ]
    clusters = cluster_people(observations, THRESHOLD)
    by_given = {c.key.given: [o.order for o in c.observations] for c in clusters}
    assert by_given == {("ana",): [0, 1, 2, 5], ("tomas",): [3, 4]}


def every_fit(cluster, people: list[Actor]) -> Actor | None:
    """``match_known`` by comparing the cluster with every person (what the index replaces)."""
    from eventwire.actors.people import _same_name

    fits = []
    for actor in people:
        keys = [name_key(s) for s in [actor.name, *(a.alias for a in actor.aliases)]]
        keys = [k for k in keys if k is not None and (k.full or not cluster.key.full)]
        countries = cluster.countries
        if (not actor.country or not countries or actor.country in countries) and any(
            _same_name(k, cluster.key, THRESHOLD) for k in keys
        ):
            fits.append(actor)
    return fits[0] if len({a.key for a in fits}) == 1 else None


def test_the_people_index_finds_what_comparing_with_everyone_finds() -> None:
    given = ["Ana", "Tomas", "Lena", "Kim", "Jo", "Marta"]
    family = ["Varela", "Varella", "Kim", "Okafor", "Okafur", "Lindqvist", "Park", "de Souza"]
    people = [
        Actor(
            f"person:{g} {f}".lower(),
            f"{g} {f}",
            "person",
            country=["ESP", "KOR", None][(i + j) % 3],
            aliases=(AliasCount(f, 2),) if (i + j) % 2 else (),
        )
        for i, g in enumerate(given)
        for j, f in enumerate(family)
    ]
    people.append(Actor("person:choi dong hyun", "Choi Dong Hyun", "person"))  # family name first
    index = PeopleIndex(people)
    queries = [*family, "Choi", "Souza", "Okaf", *(f"{g} {f}" for g in given[::2] for f in family)]
    for text in queries:
        for country in (None, "ESP", "KOR"):
            [cluster] = cluster_people([observe(text, 0, country=country)], THRESHOLD)
            expected = every_fit(cluster, people)
            assert match_known(cluster, [index], THRESHOLD) == expected, (text, country)
    for text in ("Marta Okafur", "Choi"):  # a fuzzy surname; a family name written first
        [cluster] = cluster_people([observe(text, 0)], THRESHOLD)
        assert every_fit(cluster, people) is not None
